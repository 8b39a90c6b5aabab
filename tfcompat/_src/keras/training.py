"""`Model.compile`/`fit`/`evaluate`/`predict` and the `*_on_batch` methods, with Keras 2 semantics
(tf_keras, what legacy TF 1 code expects); `models.Model` takes `TrainingMixin` as a base.

`compile` resolves the optimizer (a Keras optimizer, a TF 1 `tf.compat.v1.train` optimizer, or a
name such as 'adam'), the loss (name, function or `Loss`) and the metrics ('accuracy'/'acc' become
binary, sparse-categorical or categorical accuracy from the label and output shapes at the first
batch, as in Keras 2). The loss reported ('loss') is a `Mean` over batches weighted by batch size
of the compiled loss plus the regularization losses; metrics are streaming `Metric`s reset at
every epoch, so logs hold running means and the epoch's values are exact means over samples.

One train step (forward pass under a GradientTape, loss, gradients, the optimizer's update and the
metric updates) runs as one `tf.function`, i.e. one jitted XLA program per input signature:
`model.train_function` traces once per distinct batch shape (a fit whose last batch is partial
traces twice). `run_eagerly=True` runs the step eagerly instead. Arrays are fed as Keras 2's data
adapter feeds them: floating NumPy data becomes float32, batches are consecutive slices (the
order permuted every epoch when `shuffle=True`), the last batch may be smaller.
"""

import copy
import math

import numpy as np

from tfcompat._src import function as tf_function
from tfcompat._src.keras import callbacks as callbacks_mod
from tfcompat._src.keras import losses as losses_mod
from tfcompat._src.keras import metrics as metrics_mod
from tfcompat._src.keras import optimizers as optimizers_mod
from tfcompat._src.keras.base import Optimizer as KerasOptimizer
from tfcompat._src.keras.engine import tf
from tfcompat._src.tensor import Tensor

_METRIC_NAMES = {
    "mse": losses_mod.mean_squared_error, "mean_squared_error": losses_mod.mean_squared_error,
    "mae": losses_mod.mean_absolute_error, "mean_absolute_error": losses_mod.mean_absolute_error,
    "mape": losses_mod.mean_absolute_percentage_error,
    "mean_absolute_percentage_error": losses_mod.mean_absolute_percentage_error,
    "msle": losses_mod.mean_squared_logarithmic_error,
    "mean_squared_logarithmic_error": losses_mod.mean_squared_logarithmic_error,
    "binary_accuracy": metrics_mod.binary_accuracy,
    "categorical_accuracy": metrics_mod.categorical_accuracy,
    "sparse_categorical_accuracy": metrics_mod.sparse_categorical_accuracy,
    "top_k_categorical_accuracy": metrics_mod.top_k_categorical_accuracy,
    "sparse_top_k_categorical_accuracy": metrics_mod.sparse_top_k_categorical_accuracy,
    "binary_crossentropy": losses_mod.binary_crossentropy,
    "categorical_crossentropy": losses_mod.categorical_crossentropy,
    "sparse_categorical_crossentropy": losses_mod.sparse_categorical_crossentropy,
    "hinge": losses_mod.hinge, "squared_hinge": losses_mod.squared_hinge,
    "kld": losses_mod.kl_divergence, "kl_divergence": losses_mod.kl_divergence,
    "poisson": losses_mod.poisson, "logcosh": losses_mod.log_cosh,
    "cosine_similarity": losses_mod.cosine_similarity,
}


# -- data --------------------------------------------------------------------------------------

def _is_dataset(x):
    return hasattr(x, "element_spec") and hasattr(x, "__iter__") and not isinstance(x, Tensor)


def _to_array(x):
    """Keras 2's data adapter: NumPy floats become floatx (float32); tensors keep their dtype."""
    if x is None:
        return None
    if isinstance(x, Tensor) or hasattr(x, "_is_variable"):
        return np.asarray(x.numpy())
    x = np.asarray(x)
    if x.dtype.kind == "f":
        x = x.astype(np.float32)
    return x


def _map(fn, structure):
    if isinstance(structure, dict):
        return {k: _map(fn, v) for k, v in structure.items()}
    if isinstance(structure, (list, tuple)):
        return type(structure)(_map(fn, v) for v in structure)
    return fn(structure)


def _leaves(structure):
    if isinstance(structure, dict):
        return [x for v in structure.values() for x in _leaves(v)]
    if isinstance(structure, (list, tuple)):
        return [x for v in structure for x in _leaves(v)]
    return [] if structure is None else [structure]


def _unpack(data):
    """(x, y, sample_weight) of a dataset element, as Keras 2's `unpack_x_y_sample_weight`."""
    if isinstance(data, list):
        data = tuple(data)
    if not isinstance(data, tuple) or hasattr(data, "_fields"):
        return data, None, None
    if len(data) == 1:
        return data[0], None, None
    if len(data) == 2:
        return data[0], data[1], None
    if len(data) == 3:
        return data
    raise ValueError("Data is expected to be in format `x`, `(x,)`, `(x, y)`, or "
                     f"`(x, y, sample_weight)`, found: {data}")


class _Arrays:
    """In-memory arrays fed as consecutive batches of `batch_size`."""

    def __init__(self, x, y, sample_weight, batch_size, shuffle, steps):
        self.x, self.y, self.sw = _map(_to_array, x), _map(_to_array, y), _to_array(sample_weight)
        sizes = {int(a.shape[0]) for a in _leaves((self.x, self.y, self.sw))}
        if len(sizes) > 1:
            raise ValueError("Data cardinality is ambiguous. Make sure all arrays contain the "
                             f"same number of samples. Sizes found: {sorted(sizes)}")
        self.n = sizes.pop() if sizes else 0
        self.batch_size = batch_size or 32
        self.shuffle = shuffle
        self.steps = steps if steps is not None else math.ceil(self.n / self.batch_size)

    def epoch(self):
        order = np.random.permutation(self.n) if self.shuffle and self.shuffle != "batch" \
            else None
        for i in range(self.steps):
            start = (i * self.batch_size) % max(self.n, 1)
            index = slice(start, min(start + self.batch_size, self.n)) if order is None \
                else order[start:start + self.batch_size]
            take = lambda a, index=index: None if a is None else tf.constant(a[index])  # noqa: E731
            yield _map(take, self.x), _map(take, self.y), take(self.sw)


class _Dataset:
    """A tf.data Dataset: one pass per epoch (or `steps` elements, continuing across epochs)."""

    def __init__(self, dataset, steps):
        self.dataset, self.steps = dataset, steps
        self._iterator, self._user_steps = None, steps is not None
        if steps is None:
            self.steps = sum(1 for _ in dataset)

    def epoch(self):
        # Keras 2 starts a new pass every epoch unless `steps_per_epoch` was given.
        if self._iterator is None or not self._user_steps:
            self._iterator = iter(self.dataset)
        for i, element in enumerate(self._iterator):
            yield _unpack(element)
            if i + 1 >= self.steps:
                break


def _data(x, y, sample_weight, batch_size, shuffle, steps, class_weight=None):
    if _is_dataset(x):
        if y is not None:
            raise ValueError("`y` argument is not supported when using dataset as input.")
        if sample_weight is not None:
            raise ValueError("`sample_weight` argument is not supported when using dataset as "
                             "input.")
        return _Dataset(x, steps)    # a batch_size is ignored, as Keras 2 ignores it
    if x is None:
        raise ValueError("Unexpected value for `x`: None.")
    if hasattr(x, "__next__") or (hasattr(x, "__getitem__") and hasattr(x, "on_epoch_end")):
        raise NotImplementedError("tfcompat's Model.fit/evaluate/predict take NumPy arrays, "
                                  "tensors or a tf.data.Dataset; wrap a generator or "
                                  "keras.utils.Sequence with tf.data.Dataset.from_generator.")
    if class_weight:
        sample_weight = _class_weights(y, class_weight, sample_weight)
    return _Arrays(x, y, sample_weight, batch_size, shuffle, steps)


def _class_weights(y, class_weight, sample_weight):
    y = _to_array(y)
    classes = np.argmax(y, axis=1) if y.ndim == 2 and y.shape[1] > 1 else \
        y.reshape(-1).astype(np.int64)
    weights = np.array([class_weight.get(int(c), 1.0) for c in classes], np.float32)
    return weights if sample_weight is None else _to_array(sample_weight) * weights


def _split(x, y, sample_weight, validation_split):
    """The last `validation_split` of the samples, held out (Keras 2's train_validation_split)."""
    arrays = [a for a in _leaves((x, y, sample_weight))]
    n = int(np.shape(_to_array(arrays[0]))[0])
    at = int(math.floor(n * (1.0 - validation_split)))
    if at == 0 or at == n:
        raise ValueError(f"Training data contains {n} samples, which is not sufficient to "
                         f"split it into a validation and training set as specified by "
                         f"`validation_split={validation_split}`. Either provide more data, "
                         "or a different value for the `validation_split` argument.")
    head = lambda s: _map(lambda a: _to_array(a)[:at], s) if s is not None else None  # noqa: E731
    tail = lambda s: _map(lambda a: _to_array(a)[at:], s) if s is not None else None  # noqa: E731
    return (head(x), head(y), head(sample_weight)), (tail(x), tail(y), tail(sample_weight))


# -- losses and metrics ------------------------------------------------------------------------

def _match(y_t, y_p, sw):
    """Keras 2's match_dtype_and_rank: rank-1 labels and weights of rank-2 outputs get an axis;
    labels of the output's kind (floating/integer) take its dtype."""
    y_t = y_t if isinstance(y_t, Tensor) else tf.convert_to_tensor(y_t)
    if y_t.shape.rank == 1 and y_p.shape.rank == 2:
        y_t = tf.expand_dims(y_t, -1)
    if sw is not None and sw.shape.rank == 1 and y_p.shape.rank == 2:
        sw = tf.expand_dims(sw, -1)
    if (y_t.dtype.is_floating and y_p.dtype.is_floating) or \
            (y_t.dtype.is_integer and y_p.dtype.is_integer):
        y_t = tf.cast(y_t, y_p.dtype)
    if sw is not None:
        sw = tf.cast(sw, y_p.dtype)
    return y_t, y_p, sw


def _loss_object(loss):
    if loss is None or isinstance(loss, losses_mod.Loss):
        return loss
    fn = losses_mod.get(loss)
    name = loss if isinstance(loss, str) else getattr(fn, "__name__", "loss")
    if isinstance(fn, losses_mod.Loss):
        return fn
    return losses_mod.LossFunctionWrapper(fn, name=name)


def _metric_object(metric, y_t, y_p):
    if metric is None:
        return None
    if isinstance(metric, metrics_mod.Metric):
        return metric
    if isinstance(metric, type) and issubclass(metric, metrics_mod.Metric):
        return metric()
    key = str(metric).lower() if isinstance(metric, str) else None
    if key in ("accuracy", "acc", "crossentropy", "ce"):
        t_shape, p_shape = y_t.shape.as_list(), y_p.shape.as_list()
        binary = p_shape[-1] == 1
        sparse = len(t_shape) < len(p_shape) or (t_shape[-1] == 1 and p_shape[-1] > 1)
        if key in ("accuracy", "acc"):
            fn = metrics_mod.binary_accuracy if binary else \
                metrics_mod.sparse_categorical_accuracy if sparse else \
                metrics_mod.categorical_accuracy
        else:
            fn = losses_mod.binary_crossentropy if binary else \
                losses_mod.sparse_categorical_crossentropy if sparse else \
                losses_mod.categorical_crossentropy
    elif isinstance(metric, str):
        fn = _METRIC_NAMES.get(metric)
        if fn is None:
            raise ValueError(f"Unknown metric function: '{metric}'. Please ensure you are using "
                             "a `keras.utils.custom_object_scope` and that this object is "
                             "included in the scope. See https://www.tensorflow.org/guide/keras/"
                             "save_and_serialize#registering_the_custom_object for details.")
    elif isinstance(metric, losses_mod.Loss):
        return metrics_mod.MeanMetricWrapper(
            lambda t, p, loss=metric: loss(t, p), name=metric.name)
    elif callable(metric):
        fn = metric
    else:
        raise ValueError(f"Could not interpret metric identifier: {metric}")
    name = metric if isinstance(metric, str) else getattr(metric, "__name__", None)
    if name is None:
        raise ValueError(f"Metric should be a callable, received: {metric}")
    return metrics_mod.MeanMetricWrapper(fn, name=name)


def _per_output(spec, names, what):
    """A loss/metrics/weights spec for each output: one shared spec, a list, or a dict by name."""
    if isinstance(spec, dict) and set(spec) <= set(names) and names != [None]:
        return [spec.get(n) for n in names]
    if isinstance(spec, (list, tuple)) and len(names) > 1:
        if what == "metrics" and not any(isinstance(s, (list, tuple, dict)) for s in spec):
            return [list(spec) for _ in names]
        if len(spec) != len(names):
            raise ValueError(f"When passing a list as `{what}`, it should have one entry per "
                             f"model output. The model has {len(names)} outputs, but you passed "
                             f"{what}={spec}")
        return list(spec)
    return [spec for _ in names]


class _Compiled:
    """The loss and metric containers of a compiled model, built at the first batch."""

    def __init__(self, loss, metrics, weighted_metrics, loss_weights):
        self.loss, self.metrics_spec, self.weighted_spec = loss, metrics, weighted_metrics
        self.loss_weights = loss_weights
        self.loss_tracker = metrics_mod.Mean(name="loss")
        self.built = False
        self.output_losses, self.output_trackers = [], []
        self.metric_objects, self.weighted_objects = [], []

    def build(self, model, ys, y_preds):
        names = _output_names(model, len(y_preds))
        self.output_losses = [_loss_object(s) for s in _per_output(self.loss, names, "loss")]
        weights = self.loss_weights
        self.weights = [None] * len(names) if weights is None else \
            _per_output(weights, names, "loss_weights")
        multi = len(names) > 1
        self.output_trackers = [metrics_mod.Mean(name=f"{n}_loss") if multi and lo else None
                                for n, lo in zip(names, self.output_losses, strict=True)]

        def objects(spec):
            out = []
            for s, y_t, y_p in zip(_per_output(spec, names, "metrics"), ys, y_preds,
                                   strict=True):
                items = [] if s is None else s if isinstance(s, (list, tuple)) else [s]
                out.append([_metric_object(m, y_t, y_p) for m in items])
            return out
        self.metric_objects = objects(self.metrics_spec)
        self.weighted_objects = objects(self.weighted_spec)
        self._unique_names(names, multi)
        self.built = True

    def _unique_names(self, names, multi):
        """Keras 2's metric names: `<output>_` prefixes for several outputs, `weighted_` for a
        weighted metric whose name is taken; two metrics of one name are an error."""
        seen = set()
        for output, objs, wobjs in zip(names, self.metric_objects, self.weighted_objects,
                                       strict=True):
            for m in objs:
                if multi:
                    m.name = f"{output}_{m.name}"
                if m.name in seen:
                    raise ValueError(f"Found two metrics with the same name: {m.name}. All the "
                                     "metrics added to the model need to have unique names.")
                seen.add(m.name)
            for m in wobjs:
                if multi:
                    taken = f"{output}_{m.name}" in seen
                    m.name = f"{output}_weighted_{m.name}" if taken else f"{output}_{m.name}"
                elif m.name in seen:
                    m.name = f"weighted_{m.name}"
                if m.name in seen:
                    raise ValueError("Found two weighted metrics with the same name: "
                                     f"{m.name}.All the metrics added to the model need to have "
                                     "unique names.")
                seen.add(m.name)

    @property
    def metrics(self):
        if not self.built:
            return []
        out = [self.loss_tracker] + [t for t in self.output_trackers if t is not None]
        for group in (self.metric_objects, self.weighted_objects):
            out += [m for objs in group for m in objs]
        return out

    def loss_value(self, model, ys, y_preds, sw):
        """The total loss to minimise; updates the loss trackers as Keras 2's LossesContainer."""
        values, means, batch = [], [], None
        for y_t, y_p, loss, weight, tracker in zip(ys, y_preds, self.output_losses,
                                                   self.weights, self.output_trackers,
                                                   strict=True):
            if y_t is None or loss is None:
                continue
            y_t, y_p, w = _match(y_t, y_p, sw)
            value = loss(y_t, y_p, sample_weight=w)
            mean = value
            if batch is None:
                batch = tf.shape(y_t)[0]
            if tracker is not None:
                tracker.update_state(mean, sample_weight=batch)
            if weight is not None:
                value, mean = value * weight, mean * weight
            values.append(value)
            means.append(mean)
        regularization = model.losses
        if regularization:
            reg = tf.add_n([tf.cast(r, "float32") for r in regularization])
            values.append(reg)
            means.append(reg)
        if not values:
            return None
        if batch is None:
            batch = tf.shape(_leaves(y_preds)[0])[0]
        self.loss_tracker.update_state(tf.add_n(means), sample_weight=batch)
        return tf.add_n(values)

    def update_metrics(self, ys, y_preds, sw):
        for y_t, y_p, objs, wobjs in zip(ys, y_preds, self.metric_objects,
                                         self.weighted_objects, strict=True):
            if y_t is None:
                continue
            y_t, y_p, w = _match(y_t, y_p, sw)
            for m in objs:
                m.update_state(y_t, y_p)
            for m in wobjs:
                m.update_state(y_t, y_p, sample_weight=w)


def _output_names(model, n):
    outputs = getattr(model, "_output_tensors", None)
    if n > 1 and outputs is not None:
        flat = _leaves(outputs)
        if len(flat) == n:
            return [t._keras_history[0].name for t in flat]
    if n == 1:
        return [None]
    return [f"output_{i + 1}" for i in range(n)]


def _flat_outputs(y_pred):
    if isinstance(y_pred, (list, tuple)):
        return list(y_pred)
    if isinstance(y_pred, dict):
        return list(y_pred.values())
    return [y_pred]


def _flat_targets(y, n):
    if y is None:
        return [None] * n
    if n == 1:
        return [y[0] if isinstance(y, (list, tuple)) and len(y) == 1 else y]
    if isinstance(y, dict):
        return list(y.values())
    return list(y)


def _python(logs):
    out = {}
    for k, v in logs.items():
        v = np.asarray(v.numpy() if hasattr(v, "numpy") else v)
        out[k] = v.item() if v.ndim == 0 else v
    return out


def _verbosity(verbose):
    return 1 if verbose == "auto" else verbose


# -- the mixin ---------------------------------------------------------------------------------

class TrainingMixin:
    """compile, fit, evaluate, predict, train/test/predict_on_batch, metrics, metrics_names."""

    _compiled = None
    optimizer = None
    stop_training = False
    history = None

    def compile(self, optimizer="rmsprop", loss=None, metrics=None, loss_weights=None,
                weighted_metrics=None, run_eagerly=None, steps_per_execution=None,
                jit_compile=None, pss_evaluation_shards=0, **kwargs):
        for k in kwargs:
            if k not in ("sample_weight_mode", "target_tensors", "experimental_run_tf_function"):
                raise TypeError(f"Invalid keyword argument(s) in `compile()`: {(k,)}. Valid "
                                "keyword arguments include \"cloning\", \"experimental_run_tf_"
                                "function\", \"distribute\", \"target_tensors\", or "
                                "\"sample_weight_mode\".")
        self.optimizer = self._get_optimizer(optimizer)
        self.loss = loss
        self.compiled_loss = loss
        self._compiled = _Compiled(loss, metrics, weighted_metrics, loss_weights)
        self._run_eagerly = bool(run_eagerly)
        self.stop_training = False
        self.train_function = self.test_function = self.predict_function = None
        self._is_compiled = True

    @staticmethod
    def _get_optimizer(optimizer):
        if isinstance(optimizer, KerasOptimizer):
            return optimizer
        if hasattr(optimizer, "apply_gradients") and hasattr(optimizer, "compute_gradients"):
            return optimizer      # a TF 1 tf.compat.v1.train optimizer (Keras 2 wraps it)
        if isinstance(optimizer, str) and optimizer.lower() not in optimizers_mod._ALL:
            raise ValueError(f"Unknown optimizer: '{optimizer}'. Please ensure you are using a "
                             "`keras.utils.custom_object_scope` and that this object is "
                             "included in the scope. See https://www.tensorflow.org/guide/"
                             "keras/save_and_serialize#registering_the_custom_object for "
                             "details.")
        return optimizers_mod.get(optimizer)

    @property
    def run_eagerly(self):
        return getattr(self, "_run_eagerly", False)

    @run_eagerly.setter
    def run_eagerly(self, value):
        self._run_eagerly = bool(value)
        self.train_function = self.test_function = self.predict_function = None

    @property
    def metrics(self):
        return [] if self._compiled is None else self._compiled.metrics

    @property
    def metrics_names(self):
        return [m.name for m in self.metrics]

    def reset_metrics(self):
        for m in self.metrics:
            m.reset_state()

    def _assert_compiled(self, method):
        if self._compiled is None:
            raise RuntimeError("You must compile your model before training/testing. Use "
                               "`model.compile(optimizer, loss)`.")

    # -- steps ---------------------------------------------------------------------------------

    def _forward(self, x, y, sw, training):
        y_pred = self(x, training=training)
        preds = _flat_outputs(y_pred)
        ys = _flat_targets(y, len(preds))
        if not self._compiled.built:
            self._compiled.build(self, ys, preds)
        return preds, ys

    def _train_step(self, x, y, sw):
        variables = self.trainable_variables
        with tf.GradientTape() as tape:
            preds, ys = self._forward(x, y, sw, True)
            loss = self._compiled.loss_value(self, ys, preds, sw)
        if loss is None:
            raise ValueError("No loss found. You may have forgotten to provide a `loss` "
                             "argument in the `compile()` method.")
        grads = tape.gradient(loss, variables)
        if not any(g is not None for g in grads):
            raise ValueError(f"No gradients provided for any variable: "
                             f"{tuple(v.name for v in variables)}.")
        self.optimizer.apply_gradients(
            [(g, v) for g, v in zip(grads, variables, strict=True) if g is not None])
        self._compiled.update_metrics(ys, preds, sw)
        return {m.name: m.result() for m in self.metrics}

    def _test_step(self, x, y, sw):
        preds, ys = self._forward(x, y, sw, False)
        self._compiled.loss_value(self, ys, preds, sw)
        self._compiled.update_metrics(ys, preds, sw)
        return {m.name: m.result() for m in self.metrics}

    def _predict_step(self, x):
        return self(x, training=False)

    def _step_function(self, attr, step):
        fn = getattr(self, attr, None)
        if fn is None:
            fn = step if self.run_eagerly else tf_function.Function(step)
            setattr(self, attr, fn)
        return fn

    def _ensure_built(self, x, y=None, train=False):
        """Creates every variable the step needs eagerly, before it is traced: the model's
        weights (an unbuilt model is called on the batch), the metrics (resolved from the
        batch's label and output shapes) and, for training, the optimizer's slots. The step
        then traces once per input signature."""
        if not self.built:
            self(x)
        if self._compiled is not None and not self._compiled.built and y is not None:
            preds = _flat_outputs(self(x))
            self._compiled.build(self, _flat_targets(y, len(preds)), preds)
        if train:
            variables = self.trainable_variables
            opt = self.optimizer
            if isinstance(opt, KerasOptimizer):
                if not opt.built:
                    opt.build(variables)
            elif hasattr(opt, "_create_slots") and hasattr(opt, "_ready"):
                if not all(v._uid in opt._ready for v in variables):
                    opt._create_slots(variables)
                    opt._ready.update(v._uid for v in variables)

    # -- fit -----------------------------------------------------------------------------------

    def fit(self, x=None, y=None, batch_size=None, epochs=1, verbose="auto", callbacks=None,
            validation_split=0.0, validation_data=None, shuffle=True, class_weight=None,
            sample_weight=None, initial_epoch=0, steps_per_epoch=None, validation_steps=None,
            validation_batch_size=None, validation_freq=1, max_queue_size=10, workers=1,
            use_multiprocessing=False):
        self._assert_compiled("fit")
        verbose = _verbosity(verbose)
        if validation_split and validation_data is None:
            if _is_dataset(x):
                raise ValueError("`validation_split` is only supported for Tensors or NumPy "
                                 f"arrays, found following types in the input: {[type(x)]}")
            (x, y, sample_weight), validation_data = _split(x, y, sample_weight,
                                                            validation_split)
        data = _data(x, y, sample_weight, batch_size, shuffle, steps_per_epoch, class_weight)
        if validation_data is not None and not _is_dataset(validation_data):
            validation_data = _unpack(tuple(validation_data))
        train = self._step_function("train_function", self._train_step)
        cbs = callbacks_mod.CallbackList(callbacks, add_history=True, add_progbar=verbose != 0,
                                         model=self, verbose=verbose, epochs=epochs,
                                         steps=data.steps)
        self.stop_training = False
        cbs.on_train_begin()
        logs = None
        for epoch in range(initial_epoch, epochs):
            self.reset_metrics()
            cbs.on_epoch_begin(epoch)
            step_logs = None
            for step, (xb, yb, swb) in enumerate(data.epoch()):
                cbs.on_train_batch_begin(step)
                self._ensure_built(xb, yb, train=True)
                step_logs = _python(train(xb, yb, swb))
                cbs.on_train_batch_end(step, step_logs)
                if self.stop_training:
                    break
            if step_logs is None:
                raise ValueError("Unexpected result of `train_function` (Empty logs). This "
                                 "could be due to issues in input pipeline that resulted in "
                                 "an empty dataset. Otherwise, please use "
                                 "`Model.compile(..., run_eagerly=True)`, or `tf.config.run_"
                                 "functions_eagerly(True)` for more information of where went "
                                 "wrong, or file a issue/bug to `tf.keras`.")
            logs = copy.copy(step_logs)
            if validation_data is not None and _should_eval(epoch, validation_freq):
                if _is_dataset(validation_data):
                    vx, vy, vsw = validation_data, None, None
                else:
                    vx, vy, vsw = validation_data
                val = self._evaluate(vx, vy, vsw, validation_batch_size or batch_size,
                                     validation_steps, cbs)
                logs.update({"val_" + k: v for k, v in val.items()})
            cbs.on_epoch_end(epoch, logs)
            if self.stop_training:
                break
        cbs.on_train_end(logs)
        return self.history

    # -- evaluate / predict ----------------------------------------------------------------------

    def _evaluate(self, x, y, sample_weight, batch_size, steps, cbs):
        data = _data(x, y, sample_weight, batch_size, False, steps)
        test = self._step_function("test_function", self._test_step)
        cbs.on_test_begin()
        self.reset_metrics()
        logs = {}
        for step, (xb, yb, swb) in enumerate(data.epoch()):
            cbs.on_test_batch_begin(step)
            self._ensure_built(xb, yb)
            logs = _python(test(xb, yb, swb))
            cbs.on_test_batch_end(step, logs)
        cbs.on_test_end(logs)
        return logs

    def evaluate(self, x=None, y=None, batch_size=None, verbose="auto", sample_weight=None,
                 steps=None, callbacks=None, max_queue_size=10, workers=1,
                 use_multiprocessing=False, return_dict=False, **kwargs):
        self._assert_compiled("evaluate")
        verbose = _verbosity(verbose)
        data = _data(x, y, sample_weight, batch_size, False, steps)
        cbs = callbacks_mod.CallbackList(callbacks, add_progbar=verbose != 0, model=self,
                                         verbose=verbose, epochs=1, steps=data.steps)
        logs = self._evaluate(x, y, sample_weight, batch_size, steps, cbs)
        return logs if return_dict else _flatten(logs, self.metrics_names)

    def predict(self, x, batch_size=None, verbose="auto", steps=None, callbacks=None,
                max_queue_size=10, workers=1, use_multiprocessing=False):
        verbose = _verbosity(verbose)
        data = _data(x, None, None, batch_size, False, steps)
        fn = self._step_function("predict_function", self._predict_step)
        cbs = callbacks_mod.CallbackList(callbacks, add_progbar=verbose != 0, model=self,
                                         verbose=verbose, epochs=1, steps=data.steps)
        cbs.on_predict_begin()
        outputs = []
        for step, (xb, _, _) in enumerate(data.epoch()):
            cbs.on_predict_batch_begin(step)
            self._ensure_built(xb)
            out = fn(xb)
            outputs.append(out)
            cbs.on_predict_batch_end(step, {"outputs": out})
        if not outputs:
            raise ValueError("Unexpected result of `predict_function` (Empty batch_outputs). "
                             "Please use `Model.compile(..., run_eagerly=True)`, or `tf.config."
                             "run_functions_eagerly(True)` for more information of where went "
                             "wrong, or file a issue/bug to `tf.keras`.")
        cbs.on_predict_end()
        leaves = [_flat_outputs(o) for o in outputs]
        joined = [np.concatenate([np.asarray(b[i].numpy()) for b in leaves])
                  for i in range(len(leaves[0]))]
        if isinstance(outputs[0], (list, tuple)):
            return type(outputs[0])(joined) if isinstance(outputs[0], list) else joined
        if isinstance(outputs[0], dict):
            return dict(zip(outputs[0].keys(), joined, strict=True))
        return joined[0]

    # -- single batches --------------------------------------------------------------------------

    def train_on_batch(self, x, y=None, sample_weight=None, class_weight=None,
                       reset_metrics=True, return_dict=False):
        self._assert_compiled("train_on_batch")
        if reset_metrics:
            self.reset_metrics()
        xb, yb, swb = self._one_batch(x, y, sample_weight, class_weight)
        self._ensure_built(xb, yb, train=True)
        logs = _python(self._step_function("train_function", self._train_step)(xb, yb, swb))
        return logs if return_dict else _flatten(logs, self.metrics_names)

    def test_on_batch(self, x, y=None, sample_weight=None, reset_metrics=True,
                      return_dict=False):
        self._assert_compiled("test_on_batch")
        if reset_metrics:
            self.reset_metrics()
        xb, yb, swb = self._one_batch(x, y, sample_weight, None)
        self._ensure_built(xb, yb)
        logs = _python(self._step_function("test_function", self._test_step)(xb, yb, swb))
        return logs if return_dict else _flatten(logs, self.metrics_names)

    def predict_on_batch(self, x):
        xb, _, _ = self._one_batch(x, None, None, None)
        out = self._step_function("predict_function", self._predict_step)(xb)
        return _map(lambda t: np.asarray(t.numpy()), out)

    def _one_batch(self, x, y, sample_weight, class_weight):
        if class_weight:
            sample_weight = _class_weights(y, class_weight, sample_weight)
        convert = lambda a: None if a is None else tf.constant(_to_array(a))  # noqa: E731
        xb, yb, swb = _map(convert, x), _map(convert, y), convert(sample_weight)
        self._ensure_built(xb)
        return xb, yb, swb


def _flatten(logs, names):
    values = [logs[n] for n in names if n in logs]
    return values[0] if len(values) == 1 else values


def _should_eval(epoch, freq):
    if isinstance(freq, int):
        return (epoch + 1) % freq == 0
    return epoch + 1 in freq

