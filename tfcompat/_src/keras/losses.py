"""`tf.keras.losses` with Keras 2 semantics (the `tf_keras` package legacy TF 1 code expects).

Each loss function maps (y_true, y_pred) to per-sample losses with tfcompat's public ops, so tapes
record them and TF's gradient conventions (clip_by_value, maximum, abs) apply. The classes wrap a
function and reduce with a `Reduction`: `sum_over_batch_size` (the default, `auto`) divides the
weighted sum by the number of loss elements. Probabilities are clipped to [eps, 1 - eps] with
Keras's eps = 1e-7, as tf_keras does, and y_true is cast to y_pred's dtype (Keras 2 keeps float64
inputs float64; Keras 3 would compute in float32).
Only the names both tf_keras and Keras 3 export are published (the long aliases such as
`mean_squared_error` exist only in tf_keras, and TF 2.21's `tf.keras` is Keras 3).
"""

from tfcompat._src import losses_v1  # noqa: F401 - TF 1's tf.compat.v1.losses register here
from tfcompat._src.export import export
from tfcompat._src.keras.utils import bind_arguments, divide_no_nan, epsilon, floatx, tf
from tfcompat._src.tensor import Tensor


@export("keras.losses.Reduction", "losses.Reduction", v1=("keras.losses.Reduction",))
class Reduction:
    """How a loss class reduces per-sample losses (tf_keras's `ReductionV2`)."""

    AUTO = "auto"
    NONE = "none"
    SUM = "sum"
    SUM_OVER_BATCH_SIZE = "sum_over_batch_size"

    @classmethod
    def all(cls):
        return (cls.AUTO, cls.NONE, cls.SUM, cls.SUM_OVER_BATCH_SIZE)

    @classmethod
    def validate(cls, key):
        if key not in cls.all():
            raise ValueError(f'Invalid Reduction Key: {key}. Expected keys are "{cls.all()}"')


def _is_tensor(x):
    return isinstance(x, Tensor) or hasattr(x, "_is_variable")


def _rank(x):
    return len(x.shape)


def remove_squeezable_dimensions(labels, predictions, expected_rank_diff=0):
    """Squeezes a trailing size-1 axis off whichever side has one rank too many."""
    diff = _rank(predictions) - _rank(labels)
    if diff == expected_rank_diff + 1 and predictions.shape[-1] in (1, None):
        predictions = tf.squeeze(predictions, [-1])
    elif diff == expected_rank_diff - 1 and labels.shape[-1] in (1, None):
        labels = tf.squeeze(labels, [-1])
    return labels, predictions


def squeeze_or_expand_dimensions(y_pred, y_true=None, sample_weight=None):
    """Keras's rank alignment: y_true against y_pred, then sample_weight against y_pred."""
    if y_true is not None:
        if _rank(y_pred) - _rank(y_true) != 1 or (_rank(y_pred) and y_pred.shape[-1] == 1):
            y_true, y_pred = remove_squeezable_dimensions(y_true, y_pred)
    if sample_weight is None:
        return y_pred, y_true
    if _rank(sample_weight) == 0:
        return y_pred, y_true, sample_weight
    if _rank(sample_weight) - _rank(y_pred) == 1:
        sample_weight = tf.squeeze(sample_weight, [-1])
    elif _rank(y_pred) - _rank(sample_weight) == 1:
        sample_weight = tf.expand_dims(sample_weight, -1)
    return y_pred, y_true, sample_weight


def compute_weighted_loss(losses, sample_weight=None, reduction=Reduction.SUM_OVER_BATCH_SIZE):
    """Weights the losses and reduces them (tf_keras's `losses_utils.compute_weighted_loss`)."""
    Reduction.validate(reduction)
    if reduction == Reduction.AUTO:
        reduction = Reduction.SUM_OVER_BATCH_SIZE
    losses = tf.convert_to_tensor(losses)
    cast_back = None
    if not losses.dtype.is_floating:
        cast_back, losses = losses.dtype, tf.cast(losses, "float32")
    sample_weight = tf.cast(1.0 if sample_weight is None else sample_weight, losses.dtype)
    losses, _, sample_weight = squeeze_or_expand_dimensions(losses, None, sample_weight)
    loss = tf.multiply(losses, sample_weight)
    if reduction != Reduction.NONE:
        n = tf.cast(tf.size(loss), loss.dtype)
        loss = tf.reduce_sum(loss)
        if reduction == Reduction.SUM_OVER_BATCH_SIZE:
            loss = divide_no_nan(loss, n)
    return loss if cast_back is None else tf.cast(loss, cast_back)



# -- loss functions ---------------------------------------------------------------------------

def _pair(y_true, y_pred):
    y_pred = tf.convert_to_tensor(y_pred)
    return tf.cast(y_true, y_pred.dtype), y_pred


def _mean(x, axis=-1):
    """backend.mean: bools average as floatx."""
    if x.dtype == tf.bool:
        x = tf.cast(x, floatx())
    return tf.reduce_mean(x, axis=axis)


def _eps(dtype):
    return tf.constant(epsilon(), dtype)


def _bool_axis(axis):
    if isinstance(axis, bool):
        raise ValueError(f"`axis` must be of type `int`. Received: axis={axis} of type "
                         f"{type(axis)}")


@export("keras.losses.mse", "keras.losses.MSE", "keras.metrics.mse", "keras.metrics.MSE")
def mean_squared_error(y_true, y_pred):
    y_true, y_pred = _pair(y_true, y_pred)
    return _mean(tf.math.squared_difference(y_pred, y_true))


@export("keras.losses.mae", "keras.losses.MAE", "keras.metrics.mae", "keras.metrics.MAE")
def mean_absolute_error(y_true, y_pred):
    y_true, y_pred = _pair(y_true, y_pred)
    return _mean(tf.abs(y_pred - y_true))


@export("keras.losses.mape", "keras.losses.MAPE", "keras.metrics.mape", "keras.metrics.MAPE")
def mean_absolute_percentage_error(y_true, y_pred):
    y_true, y_pred = _pair(y_true, y_pred)
    diff = tf.abs((y_true - y_pred) / tf.maximum(tf.abs(y_true), epsilon()))
    return 100.0 * _mean(diff)


@export("keras.losses.msle", "keras.losses.MSLE", "keras.metrics.msle", "keras.metrics.MSLE")
def mean_squared_logarithmic_error(y_true, y_pred):
    y_true, y_pred = _pair(y_true, y_pred)
    first = tf.math.log(tf.maximum(y_pred, epsilon()) + 1.0)
    second = tf.math.log(tf.maximum(y_true, epsilon()) + 1.0)
    return _mean(tf.math.squared_difference(first, second))


def _maybe_convert_labels(y_true):
    """{0, 1} labels become {-1, 1} for the hinge losses; other labels are kept."""
    is_binary = bool(tf.reduce_all(tf.logical_or(tf.equal(y_true, 0), tf.equal(y_true, 1))))
    return 2.0 * y_true - 1.0 if is_binary else y_true


@export("keras.losses.squared_hinge", "keras.metrics.squared_hinge")
def squared_hinge(y_true, y_pred):
    y_true, y_pred = _pair(y_true, y_pred)
    y_true = _maybe_convert_labels(y_true)
    return _mean(tf.square(tf.maximum(1.0 - y_true * y_pred, 0.0)))


@export("keras.losses.hinge", "keras.metrics.hinge")
def hinge(y_true, y_pred):
    y_true, y_pred = _pair(y_true, y_pred)
    y_true = _maybe_convert_labels(y_true)
    return _mean(tf.maximum(1.0 - y_true * y_pred, 0.0))


@export("keras.losses.categorical_hinge")
def categorical_hinge(y_true, y_pred):
    y_true, y_pred = _pair(y_true, y_pred)
    pos = tf.reduce_sum(y_true * y_pred, axis=-1)
    neg = tf.reduce_max((1.0 - y_true) * y_pred, axis=-1)
    return tf.maximum(neg - pos + 1.0, tf.cast(0.0, y_pred.dtype))


@export("keras.losses.huber", "keras.metrics.huber")
def huber(y_true, y_pred, delta=1.0):
    """Huber loss; tf_keras computes it in floatx whatever the input dtype."""
    y_pred = tf.cast(y_pred, floatx())
    y_true = tf.cast(y_true, floatx())
    delta = tf.cast(delta, floatx())
    error = tf.subtract(y_pred, y_true)
    abs_error = tf.abs(error)
    half = tf.constant(0.5, abs_error.dtype)
    return _mean(tf.where(abs_error <= delta, half * tf.square(error),
                          delta * abs_error - half * tf.square(delta)))


@export("keras.losses.logcosh", "keras.metrics.logcosh")
def log_cosh(y_true, y_pred):
    y_true, y_pred = _pair(y_true, y_pred)
    x = y_pred - y_true
    return _mean(x + tf.math.softplus(-2.0 * x) - tf.cast(tf.math.log(2.0), x.dtype))


@export("keras.losses.categorical_crossentropy", "keras.metrics.categorical_crossentropy")
def categorical_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1):
    _bool_axis(axis)
    y_true, y_pred = _pair(y_true, y_pred)
    label_smoothing = tf.convert_to_tensor(label_smoothing, dtype=y_pred.dtype)
    if bool(label_smoothing):
        num_classes = tf.cast(tf.shape(y_true)[-1], y_pred.dtype)
        y_true = y_true * (1.0 - label_smoothing) + label_smoothing / num_classes
    return backend_categorical_crossentropy(y_true, y_pred, from_logits, axis)


@export("keras.losses.sparse_categorical_crossentropy",
        "keras.metrics.sparse_categorical_crossentropy")
def sparse_categorical_crossentropy(y_true, y_pred, from_logits=False, axis=-1,
                                    ignore_class=None):
    return backend_sparse_categorical_crossentropy(y_true, y_pred, from_logits, axis,
                                                   ignore_class)


@export("keras.losses.binary_crossentropy", "keras.metrics.binary_crossentropy")
def binary_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1):
    y_true, y_pred = _pair(y_true, y_pred)
    label_smoothing = tf.convert_to_tensor(label_smoothing, dtype=y_pred.dtype)
    if bool(label_smoothing):
        y_true = y_true * (1.0 - label_smoothing) + 0.5 * label_smoothing
    return _mean(backend_binary_crossentropy(y_true, y_pred, from_logits), axis=axis)


@export("keras.losses.kld", "keras.losses.KLD", "keras.losses.kullback_leibler_divergence",
        "keras.metrics.kld", "keras.metrics.KLD", "keras.metrics.kullback_leibler_divergence")
def kl_divergence(y_true, y_pred):
    y_true, y_pred = _pair(y_true, y_pred)
    y_true = tf.clip_by_value(y_true, epsilon(), 1)
    y_pred = tf.clip_by_value(y_pred, epsilon(), 1)
    return tf.reduce_sum(y_true * tf.math.log(y_true / y_pred), axis=-1)


@export("keras.losses.poisson", "keras.metrics.poisson")
def poisson(y_true, y_pred):
    y_true, y_pred = _pair(y_true, y_pred)
    return _mean(y_pred - y_true * tf.math.log(y_pred + epsilon()))


@export("keras.losses.cosine_similarity")
def cosine_similarity(y_true, y_pred, axis=-1):
    """Negative cosine similarity (the loss form; the metric is positive)."""
    y_true = tf.linalg.l2_normalize(y_true, axis=axis)
    y_pred = tf.linalg.l2_normalize(y_pred, axis=axis)
    return -tf.reduce_sum(y_true * y_pred, axis=axis)


# -- backend cross entropies ------------------------------------------------------------------

@export("keras.backend.categorical_crossentropy")
def backend_categorical_crossentropy(target, output, from_logits=False, axis=-1):
    target, output = tf.convert_to_tensor(target), tf.convert_to_tensor(output)
    if not target.shape.is_compatible_with(output.shape):
        raise ValueError(f"Shapes {target.shape} and {output.shape} are incompatible")
    if from_logits:
        return tf.nn.softmax_cross_entropy_with_logits(labels=target, logits=output, axis=axis)
    output = output / tf.reduce_sum(output, axis, True)
    eps = _eps(output.dtype)
    output = tf.clip_by_value(output, eps, 1.0 - eps)
    return -tf.reduce_sum(target * tf.math.log(output), axis)


@export("keras.backend.sparse_categorical_crossentropy")
def backend_sparse_categorical_crossentropy(target, output, from_logits=False, axis=-1,
                                            ignore_class=None):
    target = tf.cast(tf.convert_to_tensor(target), "int64")
    output = tf.convert_to_tensor(output)
    if not from_logits:
        eps = _eps(output.dtype)
        output = tf.math.log(tf.clip_by_value(output, eps, 1 - eps))
    rank = _rank(output)
    axis %= rank
    if axis != rank - 1:
        output = tf.transpose(output, [*range(axis), *range(axis + 1, rank), axis])
    out_shape = list(output.shape)
    reshape = _rank(target) != rank - 1
    if reshape:
        target = tf.reshape(target, [-1])
        output = tf.reshape(output, [-1, out_shape[-1]])
    valid = None
    if ignore_class is not None:
        valid = tf.not_equal(target, tf.cast(ignore_class, target.dtype))
        target = tf.where(valid, target, tf.zeros_like(target))
    res = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=target, logits=output)
    if valid is not None:
        res = tf.where(valid, res, tf.zeros_like(res))
    if reshape and rank >= 3:
        res = tf.reshape(res, out_shape[:-1])
    return res


@export("keras.backend.binary_crossentropy")
def backend_binary_crossentropy(target, output, from_logits=False):
    target, output = tf.convert_to_tensor(target), tf.convert_to_tensor(output)
    if from_logits:
        return tf.nn.sigmoid_cross_entropy_with_logits(labels=target, logits=output)
    eps = _eps(output.dtype)
    output = tf.clip_by_value(output, eps, 1.0 - eps)
    bce = target * tf.math.log(output + epsilon())
    bce += (1 - target) * tf.math.log(1 - output + epsilon())
    return -bce


# -- classes ------------------------------------------------------------------------------------

@export("keras.losses.Loss")
class Loss:
    """Base class: `__call__` runs `call(y_true, y_pred)`, then weights and reduces."""

    def __init__(self, reduction=Reduction.AUTO, name=None):
        Reduction.validate(reduction)
        self.reduction = reduction
        self.name = name

    def __call__(self, y_true, y_pred, sample_weight=None):
        losses = self.call(y_true, y_pred)
        reduction = Reduction.SUM_OVER_BATCH_SIZE if self.reduction == Reduction.AUTO \
            else self.reduction
        return compute_weighted_loss(losses, sample_weight, reduction)

    def call(self, y_true, y_pred):
        raise NotImplementedError("Must be implemented in subclasses.")

    def get_config(self):
        return {"reduction": self.reduction, "name": self.name}

    @classmethod
    def from_config(cls, config):
        return cls(**config)


class LossFunctionWrapper(Loss):
    """A loss class over a loss function and its keyword arguments."""

    def __init__(self, fn, reduction=Reduction.AUTO, name=None, **kwargs):
        super().__init__(reduction=reduction, name=name)
        self.fn = fn
        self._fn_kwargs = kwargs

    def call(self, y_true, y_pred):
        if _is_tensor(y_true) and _is_tensor(y_pred):
            y_pred, y_true = squeeze_or_expand_dimensions(y_pred, y_true)
        return self.fn(y_true, y_pred, **self._fn_kwargs)

    def get_config(self):
        return {"fn": self.fn.__name__, **self._fn_kwargs, **super().get_config()}


def _wrapper(class_name, fn, default_name, params=(), doc=""):
    """A LossFunctionWrapper subclass whose constructor takes `params` (name, default) pairs."""
    def __init__(self, *args, **kwargs):
        names = [p for p, _ in params] + ["reduction", "name"]
        if len(args) > len(names):
            raise TypeError(f"{class_name}() takes at most {len(names)} arguments")
        values = bind_arguments(class_name, names, {**dict(params), "reduction": Reduction.AUTO,
                                                    "name": default_name}, args, kwargs)
        reduction, name = values.pop("reduction"), values.pop("name")
        LossFunctionWrapper.__init__(self, fn, reduction=reduction, name=name, **values)
    cls = type(class_name, (LossFunctionWrapper,), {"__init__": __init__, "__doc__": doc})
    return export(f"keras.losses.{class_name}")(cls)


MeanSquaredError = _wrapper("MeanSquaredError", mean_squared_error, "mean_squared_error")
MeanAbsoluteError = _wrapper("MeanAbsoluteError", mean_absolute_error, "mean_absolute_error")
MeanAbsolutePercentageError = _wrapper("MeanAbsolutePercentageError",
                                       mean_absolute_percentage_error,
                                       "mean_absolute_percentage_error")
MeanSquaredLogarithmicError = _wrapper("MeanSquaredLogarithmicError",
                                       mean_squared_logarithmic_error,
                                       "mean_squared_logarithmic_error")
BinaryCrossentropy = _wrapper("BinaryCrossentropy", binary_crossentropy, "binary_crossentropy",
                              (("from_logits", False), ("label_smoothing", 0.0), ("axis", -1)))
CategoricalCrossentropy = _wrapper("CategoricalCrossentropy", categorical_crossentropy,
                                   "categorical_crossentropy",
                                   (("from_logits", False), ("label_smoothing", 0.0),
                                    ("axis", -1)))
SparseCategoricalCrossentropy = _wrapper("SparseCategoricalCrossentropy",
                                         sparse_categorical_crossentropy,
                                         "sparse_categorical_crossentropy",
                                         (("from_logits", False), ("ignore_class", None)))
Hinge = _wrapper("Hinge", hinge, "hinge")
SquaredHinge = _wrapper("SquaredHinge", squared_hinge, "squared_hinge")
CategoricalHinge = _wrapper("CategoricalHinge", categorical_hinge, "categorical_hinge")
Huber = _wrapper("Huber", huber, "huber_loss", (("delta", 1.0),))
LogCosh = _wrapper("LogCosh", log_cosh, "log_cosh")
KLDivergence = _wrapper("KLDivergence", kl_divergence, "kl_divergence")
Poisson = _wrapper("Poisson", poisson, "poisson")
CosineSimilarity = _wrapper("CosineSimilarity", cosine_similarity, "cosine_similarity",
                            (("axis", -1),))

_BY_NAME = {
    "mse": mean_squared_error, "MSE": mean_squared_error,
    "mean_squared_error": mean_squared_error, "mae": mean_absolute_error,
    "MAE": mean_absolute_error, "mean_absolute_error": mean_absolute_error,
    "mape": mean_absolute_percentage_error, "MAPE": mean_absolute_percentage_error,
    "mean_absolute_percentage_error": mean_absolute_percentage_error,
    "msle": mean_squared_logarithmic_error, "MSLE": mean_squared_logarithmic_error,
    "mean_squared_logarithmic_error": mean_squared_logarithmic_error,
    "hinge": hinge, "squared_hinge": squared_hinge, "categorical_hinge": categorical_hinge,
    "huber": huber, "log_cosh": log_cosh, "logcosh": log_cosh,
    "binary_crossentropy": binary_crossentropy,
    "categorical_crossentropy": categorical_crossentropy,
    "sparse_categorical_crossentropy": sparse_categorical_crossentropy,
    "kld": kl_divergence, "KLD": kl_divergence, "kl_divergence": kl_divergence,
    "kullback_leibler_divergence": kl_divergence, "poisson": poisson,
    "cosine_similarity": cosine_similarity,
}
_CLASSES = {c.__name__: c for c in (
    Loss, MeanSquaredError, MeanAbsoluteError, MeanAbsolutePercentageError,
    MeanSquaredLogarithmicError, BinaryCrossentropy, CategoricalCrossentropy,
    SparseCategoricalCrossentropy, Hinge, SquaredHinge, CategoricalHinge, Huber, LogCosh,
    KLDivergence, Poisson, CosineSimilarity)}


@export("keras.losses.serialize")
def serialize(loss):
    if isinstance(loss, Loss):
        return {"class_name": type(loss).__name__, "config": loss.get_config()}
    return getattr(loss, "__name__", loss)


@export("keras.losses.deserialize")
def deserialize(name, custom_objects=None):
    """A loss from its name (a function, or a fresh instance for a class name) or config."""
    objects = {**_BY_NAME, **_CLASSES, **(custom_objects or {})}
    if isinstance(name, dict):
        cls = objects.get(name.get("class_name"))
        if cls is None:
            raise ValueError(f"Unknown loss function: '{name.get('class_name')}'. Please ensure "
                             "you are using a `keras.utils.custom_object_scope` and that this "
                             "object is included in the scope. See https://www.tensorflow.org/"
                             "guide/keras/save_and_serialize#registering_the_custom_object for "
                             "details.")
        return cls.from_config(name.get("config", {}))
    obj = objects.get(name)
    if obj is None:
        raise ValueError(f"Unknown loss function: '{name}'. Please ensure you are using a "
                         "`keras.utils.custom_object_scope` and that this object is included in "
                         "the scope. See https://www.tensorflow.org/guide/keras/"
                         "save_and_serialize#registering_the_custom_object for details.")
    return obj() if isinstance(obj, type) else obj


@export("keras.losses.get")
def get(identifier):
    """None, a name, a config dict or a callable -> the loss (tf_keras's `losses.get`)."""
    if identifier is None:
        return None
    if isinstance(identifier, (str, dict)):
        return deserialize(identifier)
    if callable(identifier):
        return identifier
    raise ValueError(f"Could not interpret loss function identifier: {identifier}")

