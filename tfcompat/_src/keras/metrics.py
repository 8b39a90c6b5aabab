"""`tf.keras.metrics` with Keras 2 semantics (tf_keras): streaming metrics over tfcompat Variables.

A metric keeps its state in non-trainable Variables (`total`, `count`, `true_positives`, ...), so
tf.function traces and checkpoints see them; `update_state` adds to them, `result()` reads them,
`__call__` does both. The per-sample functions (`categorical_accuracy`, ...) are public too.
Confusion-matrix metrics (Precision, Recall, AUC) count with TF's two algorithms: a comparison
against every threshold, or, for evenly spaced thresholds (AUC's default), bucketing followed by a
reverse cumulative sum, which rounds weighted sums as tf_keras does.
"""

import jax.numpy as jnp
import numpy as np

from tfcompat._src import dtypes
from tfcompat._src.export import export
from tfcompat._src.keras import losses
from tfcompat._src.keras.utils import bind_arguments, divide_no_nan, epsilon, floatx, tf
from tfcompat._src.tensor import Tensor as _wrap
from tfcompat._src.variable import Variable

_UIDS: dict = {}


def _unique(prefix):
    n = _UIDS.get(prefix, 0)
    _UIDS[prefix] = n + 1
    return f"{prefix}_{n}" if n else prefix


def _array(x, dtype):
    return tf.cast(x, dtype)._value


@export("keras.metrics.Metric")
class Metric:
    """Base class: subclasses create variables with `add_weight` and define `update_state` and
    `result`."""

    _default_name = "metric"

    def __init__(self, name=None, dtype=None):
        self.name = name or _unique(self._default_name)
        self._dtype = dtypes.as_dtype(dtype or floatx())
        self._weights = []

    @property
    def dtype(self):
        return self._dtype.name

    def add_weight(self, name, shape=(), dtype=None, initializer="zeros"):
        dtype = dtypes.as_dtype(dtype or self._dtype)
        value = np.full(tuple(shape), 1 if initializer == "ones" else 0, dtype.as_numpy_dtype)
        v = Variable(value, trainable=False, name=name, dtype=dtype)
        self._weights.append(v)
        return v

    @property
    def variables(self):
        return list(self._weights)

    weights = non_trainable_weights = non_trainable_variables = variables

    @property
    def trainable_weights(self):
        return []

    trainable_variables = trainable_weights

    def __call__(self, *args, **kwargs):
        self.update_state(*args, **kwargs)
        return self.result()

    def reset_state(self):
        for v in self._weights:
            v.assign(np.zeros(v.shape, v.dtype.as_numpy_dtype))

    def reset_states(self):
        self.reset_state()

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype}

    @classmethod
    def from_config(cls, config):
        return cls(**config)


def _broadcast_weights(weights, values):
    """tf.__internal__.ops.broadcast_weights: weights must be a scalar or broadcastable with
    each dimension 1 or equal (same rank)."""
    ws, vs = tuple(weights.shape), tuple(values.shape)
    if ws == vs:
        return weights
    if ws and (len(ws) != len(vs) or any(w not in (1, v) for w, v in zip(ws, vs, strict=True))):
        raise ValueError(f"weights can not be broadcast to values. values.rank={len(vs)}. "
                         f"weights.rank={len(ws)}. values.shape={values.shape}. "
                         f"weights.shape={weights.shape}.")
    return tf.multiply(weights, tf.ones_like(values))


class Reduce(Metric):
    """Sum, or weighted mean (total / count), of the values seen."""

    _mean = True

    def __init__(self, name=None, dtype=None):
        super().__init__(name=name, dtype=dtype)
        self.total = self.add_weight("total")
        if self._mean:
            self.count = self.add_weight("count")

    def update_state(self, values, sample_weight=None):
        values = tf.cast(values, self._dtype)
        if sample_weight is not None:
            sample_weight = tf.cast(sample_weight, self._dtype)
            values, _, sample_weight = losses.squeeze_or_expand_dimensions(
                values, None, sample_weight)
            try:
                sample_weight = _broadcast_weights(sample_weight, values)
            except ValueError:
                # Reduce the values to the weights' rank.
                axes = list(range(len(sample_weight.shape), len(values.shape)))
                values = (tf.reduce_mean if self._mean else tf.reduce_sum)(values, axis=axes)
            values = tf.multiply(values, sample_weight)
        self.total.assign_add(tf.reduce_sum(values))
        if self._mean:
            n = tf.cast(tf.size(values), self._dtype) if sample_weight is None \
                else tf.reduce_sum(sample_weight)
            self.count.assign_add(n)

    def result(self):
        if not self._mean:
            return tf.identity(self.total)
        return divide_no_nan(self.total, self.count)


@export("keras.metrics.Mean")
class Mean(Reduce):
    _default_name = "mean"


@export("keras.metrics.Sum")
class Sum(Reduce):
    _default_name = "sum"
    _mean = False


@export("keras.metrics.MeanMetricWrapper")
class MeanMetricWrapper(Mean):
    """The mean of `fn(y_true, y_pred, **kwargs)` over all samples seen."""

    def __init__(self, fn, name=None, dtype=None, **kwargs):
        super().__init__(name=name, dtype=dtype)
        self._fn, self._fn_kwargs = fn, kwargs

    def update_state(self, y_true, y_pred, sample_weight=None):
        y_true, y_pred = tf.cast(y_true, self._dtype), tf.cast(y_pred, self._dtype)
        y_pred, y_true = losses.squeeze_or_expand_dimensions(y_pred, y_true)
        return super().update_state(self._fn(y_true, y_pred, **self._fn_kwargs), sample_weight)

    def get_config(self):
        return {**self._fn_kwargs, **super().get_config()}


# -- accuracy functions ---------------------------------------------------------------------

def accuracy(y_true, y_pred):
    y_true, y_pred = tf.convert_to_tensor(y_true), tf.convert_to_tensor(y_pred)
    if y_true.dtype != y_pred.dtype:
        y_pred = tf.cast(y_pred, y_true.dtype)
    return tf.cast(tf.equal(y_true, y_pred), floatx())


def _binary_matches(y_true, y_pred, threshold=0.5):
    """Elementwise (y_pred > threshold) == y_true, as floatx (the BinaryAccuracy class)."""
    y_pred = tf.convert_to_tensor(y_pred)
    y_pred = tf.cast(y_pred > tf.cast(threshold, y_pred.dtype), y_pred.dtype)
    y_true = tf.cast(y_true, y_pred.dtype)
    return tf.cast(tf.equal(y_true, y_pred), floatx())


@export("keras.metrics.binary_accuracy")
def binary_accuracy(y_true, y_pred, threshold=0.5):
    return tf.reduce_mean(_binary_matches(y_true, y_pred, threshold), axis=-1)


def _sparse_matches(y_true, y_pred):
    y_true, y_pred = tf.convert_to_tensor(y_true), tf.convert_to_tensor(y_pred)
    shape = tf.shape(y_true)
    reshape = len(y_true.shape) == len(y_pred.shape)
    if reshape:
        y_true = tf.squeeze(y_true, [-1])
    y_pred = tf.math.argmax(y_pred, axis=-1)
    if y_pred.dtype != y_true.dtype:
        y_pred = tf.cast(y_pred, y_true.dtype)
    matches = tf.cast(tf.equal(y_true, y_pred), floatx())
    return tf.reshape(matches, shape) if reshape else matches


@export("keras.metrics.categorical_accuracy")
def categorical_accuracy(y_true, y_pred):
    return _sparse_matches(tf.math.argmax(y_true, axis=-1), y_pred)


@export("keras.metrics.sparse_categorical_accuracy")
def sparse_categorical_accuracy(y_true, y_pred):
    matches = _sparse_matches(y_true, y_pred)
    if len(matches.shape) > 1 and matches.shape[-1] == 1:
        matches = tf.squeeze(matches, [-1])
    return matches


def _in_top_k(predictions, targets, k):
    """tf.math.in_top_k: ties at the boundary count as in; non-finite or out-of-range -> False."""
    p = jnp.asarray(predictions)
    t = jnp.asarray(targets)
    ok = (t >= 0) & (t < p.shape[-1])
    value = jnp.take_along_axis(p, jnp.clip(t, 0, p.shape[-1] - 1)[:, None], axis=-1)
    greater = jnp.sum(p > value, axis=-1)
    return ok & jnp.isfinite(value[:, 0]) & (greater < k)


def _sparse_top_k_matches(y_true, y_pred, k):
    y_true, y_pred = tf.convert_to_tensor(y_true), tf.convert_to_tensor(y_pred)
    shape = tf.shape(y_true)
    if len(y_pred.shape) > 2:
        y_pred = tf.reshape(y_pred, [-1, y_pred.shape[-1]])
    reshape = len(y_true.shape) > 1
    if reshape:
        y_true = tf.reshape(y_true, [-1])
    hits = _in_top_k(y_pred._value, tf.cast(y_true, "int32")._value, k)
    matches = tf.cast(_wrap(hits), floatx())
    return tf.reshape(matches, shape) if reshape else matches


@export("keras.metrics.top_k_categorical_accuracy")
def top_k_categorical_accuracy(y_true, y_pred, k=5):
    return _sparse_top_k_matches(tf.math.argmax(y_true, axis=-1), y_pred, k)


@export("keras.metrics.sparse_top_k_categorical_accuracy")
def sparse_top_k_categorical_accuracy(y_true, y_pred, k=5):
    return _sparse_top_k_matches(y_true, y_pred, k)


def _wrapper_class(class_name, fn, default_name, params=()):
    def __init__(self, *args, **kwargs):
        names = ["name", "dtype"] + [p for p, _ in params]
        values = bind_arguments(class_name, names,
                                {"name": default_name, "dtype": None, **dict(params)}, args, kwargs)
        name, dtype = values.pop("name"), values.pop("dtype")
        MeanMetricWrapper.__init__(self, fn, name=name, dtype=dtype, **values)
    cls = type(class_name, (MeanMetricWrapper,), {"__init__": __init__})
    return export(f"keras.metrics.{class_name}")(cls)


Accuracy = _wrapper_class("Accuracy", accuracy, "accuracy")
BinaryAccuracy = _wrapper_class("BinaryAccuracy", _binary_matches, "binary_accuracy",
                                (("threshold", 0.5),))
CategoricalAccuracy = _wrapper_class("CategoricalAccuracy", categorical_accuracy,
                                     "categorical_accuracy")
SparseCategoricalAccuracy = _wrapper_class("SparseCategoricalAccuracy", _sparse_matches,
                                           "sparse_categorical_accuracy")
TopKCategoricalAccuracy = _wrapper_class("TopKCategoricalAccuracy", top_k_categorical_accuracy,
                                         "top_k_categorical_accuracy", (("k", 5),))
SparseTopKCategoricalAccuracy = _wrapper_class("SparseTopKCategoricalAccuracy",
                                               sparse_top_k_categorical_accuracy,
                                               "sparse_top_k_categorical_accuracy", (("k", 5),))
MeanSquaredError = _wrapper_class("MeanSquaredError", losses.mean_squared_error,
                                  "mean_squared_error")
MeanAbsoluteError = _wrapper_class("MeanAbsoluteError", losses.mean_absolute_error,
                                   "mean_absolute_error")


# -- confusion-matrix metrics ---------------------------------------------------------------

def _evenly_spaced(thresholds) -> bool:
    n = len(thresholds)
    if n < 3:
        return False
    even = np.arange(n, dtype=np.float32) / (n - 1)
    return bool(np.allclose(thresholds, even, atol=epsilon()))


def _confusion_update(variables, y_true, y_pred, thresholds, even, sample_weight=None,
                      top_k=None, class_id=None):
    """Adds weighted true/false positive/negative counts per threshold to `variables`."""
    dtype = next(iter(variables.values())).dtype
    y_true, y_pred = tf.cast(y_true, dtype), tf.cast(y_pred, dtype)
    if sample_weight is None:
        y_pred, y_true = losses.squeeze_or_expand_dimensions(y_pred, y_true)
    else:
        y_pred, y_true, sample_weight = losses.squeeze_or_expand_dimensions(
            y_pred, y_true, tf.cast(sample_weight, dtype))
    if not y_pred.shape.is_compatible_with(y_true.shape):
        raise ValueError(f"Shapes {y_pred.shape} and {y_true.shape} are incompatible")
    if sample_weight is not None:
        sample_weight = _broadcast_weights(sample_weight, y_pred)._value.reshape(-1)
    p, t = y_pred._value, y_true._value
    if top_k is not None:
        order = jnp.argsort(-p, axis=-1, stable=True)
        mask = jnp.zeros(p.shape, bool)
        mask = jnp.put_along_axis(mask, order[..., :top_k], True, axis=-1, inplace=False)
        p = jnp.where(mask, p, -1e10)
    if class_id is not None:
        p, t = p[..., class_id], t[..., class_id]
        if sample_weight is not None:
            sample_weight = _broadcast_weights(
                tf.reshape(_wrap(sample_weight), y_pred.shape), y_pred)._value[..., class_id]
            sample_weight = sample_weight.reshape(-1)
    p, t = p.reshape(-1), t.reshape(-1)
    th = jnp.asarray(np.asarray(thresholds), p.dtype)
    n = th.shape[0]
    w = jnp.ones((), p.dtype) if sample_weight is None else sample_weight
    if even:
        with_eps = thresholds[0] < 0.0 or thresholds[-1] > 1.0
        p = jnp.clip(p, 0.0, 1.0)
        pos = (t != 0).astype(p.dtype)
        true_labels, false_labels = pos * w, (1.0 - pos) * w
        bucket = jnp.ceil(p * (n - 1)) - 1
        if with_eps:
            bucket = jnp.maximum(bucket, 0)
        bucket = bucket.astype(jnp.int32)

        def counts(x):
            x = jnp.broadcast_to(x, bucket.shape)
            summed = jnp.zeros(n, p.dtype).at[bucket].add(x, mode="drop")
            return jnp.cumsum(summed[::-1])[::-1]
        out = {"tp": counts(true_labels), "fp": counts(false_labels)}
        out["fn"] = jnp.sum(jnp.broadcast_to(true_labels, p.shape)) - out["tp"]
        out["tn"] = jnp.sum(jnp.broadcast_to(false_labels, p.shape)) - out["fp"]
    else:
        pred = p[None, :] > th[:, None]
        label = (t != 0)[None, :]

        def count(mask):
            x = mask.astype(p.dtype)
            return jnp.sum(x * w if sample_weight is not None else x, axis=1)
        out = {"tp": count(label & pred), "fp": count(~label & pred),
               "fn": count(label & ~pred), "tn": count(~label & ~pred)}
    for key, var in variables.items():
        var.assign_add(_wrap(out[key]))


class _PrecisionRecall(Metric):
    _kind = ("tp", "fp")

    def __init__(self, thresholds=None, top_k=None, class_id=None, name=None, dtype=None):
        super().__init__(name=name, dtype=dtype)
        self.init_thresholds, self.top_k, self.class_id = thresholds, top_k, class_id
        default = 0.5 if top_k is None else -1e10
        th = default if thresholds is None else thresholds
        self.thresholds = list(th) if isinstance(th, (list, tuple)) else [th]
        self._even = _evenly_spaced(self.thresholds)
        size = (len(self.thresholds),)
        self.true_positives = self.add_weight("true_positives", size)
        other = "false_positives" if self._kind[1] == "fp" else "false_negatives"
        setattr(self, other, self.add_weight(other, size))

    def update_state(self, y_true, y_pred, sample_weight=None):
        variables = {"tp": self.true_positives, self._kind[1]: self._weights[1]}
        _confusion_update(variables, y_true, y_pred, self.thresholds, self._even, sample_weight,
                          self.top_k, self.class_id)

    def result(self):
        r = divide_no_nan(self.true_positives, self.true_positives + self._weights[1])
        return r[0] if len(self.thresholds) == 1 else r


@export("keras.metrics.Precision")
class Precision(_PrecisionRecall):
    _default_name = "precision"


@export("keras.metrics.Recall")
class Recall(_PrecisionRecall):
    _default_name = "recall"
    _kind = ("tp", "fn")


@export("keras.metrics.AUC")
class AUC(Metric):
    """Area under the ROC or PR curve from confusion counts at `num_thresholds` thresholds."""

    _default_name = "auc"

    def __init__(self, num_thresholds=200, curve="ROC", summation_method="interpolation",
                 name=None, dtype=None, thresholds=None, multi_label=False, num_labels=None,
                 label_weights=None, from_logits=False):
        super().__init__(name=name, dtype=dtype)
        if multi_label or label_weights is not None or num_labels is not None:
            raise NotImplementedError("tfcompat: AUC(multi_label=..., label_weights=...) is "
                                      "not implemented")
        if thresholds is not None:
            self.num_thresholds = len(thresholds) + 2
            thresholds = sorted(thresholds)
            self._even = _evenly_spaced(np.array([0.0] + thresholds + [1.0]))
        else:
            if num_thresholds <= 1:
                raise ValueError("Argument `num_thresholds` must be an integer > 1. "
                                 f"Received: num_thresholds={num_thresholds}")
            self.num_thresholds = num_thresholds
            thresholds = [(i + 1) * 1.0 / (num_thresholds - 1)
                          for i in range(num_thresholds - 2)]
            self._even = True
        self._thresholds = np.array([0.0 - epsilon()] + thresholds + [1.0 + epsilon()])
        self.curve = _curve(curve)
        if summation_method not in ("interpolation", "majoring", "minoring"):
            raise ValueError(f'Invalid AUC summation method value: "{summation_method}". '
                             'Expected values are ["interpolation", "majoring", "minoring"]')
        self.summation_method = summation_method
        self.multi_label, self._from_logits = False, from_logits
        size = (self.num_thresholds,)
        self.true_positives = self.add_weight("true_positives", size)
        self.true_negatives = self.add_weight("true_negatives", size)
        self.false_positives = self.add_weight("false_positives", size)
        self.false_negatives = self.add_weight("false_negatives", size)

    @property
    def thresholds(self):
        return list(self._thresholds)

    def update_state(self, y_true, y_pred, sample_weight=None):
        if self._from_logits:
            y_pred = tf.sigmoid(y_pred)
        _confusion_update({"tp": self.true_positives, "fp": self.false_positives,
                           "tn": self.true_negatives, "fn": self.false_negatives},
                          y_true, y_pred, self._thresholds, self._even, sample_weight)

    def _interpolate_pr_auc(self):
        n = self.num_thresholds
        tp, fp, fn = self.true_positives, self.false_positives, self.false_negatives
        dtp = tp[:n - 1] - tp[1:]
        p = tf.math.add(tp, fp)
        dp = p[:n - 1] - p[1:]
        slope = divide_no_nan(dtp, tf.maximum(dp, 0))
        intercept = tp[1:] - tf.multiply(slope, p[1:])
        ratio = tf.where(tf.logical_and(p[:n - 1] > 0, p[1:] > 0),
                         divide_no_nan(p[:n - 1], tf.maximum(p[1:], 0)),
                         tf.ones_like(p[1:]))
        inc = divide_no_nan(slope * (dtp + intercept * tf.math.log(ratio)),
                                    tf.maximum(tp[1:] + fn[1:], 0))
        return tf.reduce_sum(inc)

    def result(self):
        if self.curve == "PR" and self.summation_method == "interpolation":
            return self._interpolate_pr_auc()
        n = self.num_thresholds
        tp, fp = self.true_positives, self.false_positives
        recall = divide_no_nan(tp, tf.math.add(tp, self.false_negatives))
        if self.curve == "ROC":
            x = divide_no_nan(fp, tf.math.add(fp, self.true_negatives))
            y = recall
        else:
            x, y = recall, divide_no_nan(tp, tf.math.add(tp, fp))
        if self.summation_method == "interpolation":
            heights = (y[:n - 1] + y[1:]) / 2.0
        elif self.summation_method == "minoring":
            heights = tf.minimum(y[:n - 1], y[1:])
        else:
            heights = tf.maximum(y[:n - 1], y[1:])
        return tf.reduce_sum(tf.multiply(x[:n - 1] - x[1:], heights))


def _curve(key):
    if key in ("pr", "PR"):
        return "PR"
    if key in ("roc", "ROC"):
        return "ROC"
    if key in ("pr_gain", "prgain", "PR_GAIN", "PRGAIN"):
        raise NotImplementedError("tfcompat: AUC(curve='PR_GAIN') is not implemented")
    raise ValueError(f'Invalid AUC curve value: "{key}". Expected values are ["PR", "ROC", '
                     '"PR_GAIN"]')
