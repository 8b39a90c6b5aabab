"""`tf.contrib.eager` (TF 1.15's `tfe`): eager helpers as tfcompat's own objects.

`gradients_function`, `value_and_gradients_function`, `implicit_gradients` and
`implicit_value_and_gradients` follow TF 1.15's `backprop.py`: the explicit forms differentiate
with respect to positional arguments (all, or those `params` names or indexes), the implicit forms
with respect to every trainable variable the function read, in creation order.
"""

import contextlib
import inspect
import os

import numpy as np

from tfcompat._src import context as _context
from tfcompat._src import device as _device
from tfcompat._src import function as _function
from tfcompat._src import tape as _tape
from tfcompat._src import variable as _variable
from tfcompat._src.checkpoint import bundle as _bundle
from tfcompat._src.checkpoint import checkpoint as _checkpoint
from tfcompat._src.checkpoint import saver as _saver
from tfcompat._src.contrib import network as _network
from tfcompat._src.data import structure as _structure
from tfcompat._src.ops import gradient_ops as _gradient_ops

__all__ = ["ASYNC", "DEVICE_PLACEMENT_EXPLICIT", "DEVICE_PLACEMENT_SILENT",
           "DEVICE_PLACEMENT_SILENT_FOR_INT32", "DEVICE_PLACEMENT_WARN", "SYNC", "Checkpoint",
           "Checkpointable", "GradientTape", "Iterator", "Network", "Saver", "Sequential",
           "SummaryWriter",
           "TensorSpec", "Variable", "custom_gradient", "defun", "enable_eager_execution",
           "executing_eagerly", "function", "get_optimizer_variables", "gradients_function",
           "implicit_gradients", "implicit_value_and_gradients", "in_eager_mode", "list_devices",
           "metrics", "num_gpus", "restore_variables_on_create", "run",
           "value_and_gradients_function"]

DEVICE_PLACEMENT_EXPLICIT, DEVICE_PLACEMENT_WARN, DEVICE_PLACEMENT_SILENT = 0, 1, 2
DEVICE_PLACEMENT_SILENT_FOR_INT32 = 3
SYNC, ASYNC = 0, 1  # execution modes; tfcompat always runs synchronously

Network, Sequential = _network.Network, _network.Sequential
function = _function.function
TensorSpec = _structure.TensorSpec

Variable = _variable.Variable
GradientTape = _tape.GradientTape
custom_gradient = _gradient_ops.custom_gradient
executing_eagerly = in_eager_mode = _context.executing_eagerly
enable_eager_execution = _context.enable_eager_execution
Checkpoint = _checkpoint.Checkpoint


def defun(func=None, input_signature=None, autograph=False, experimental_autograph_options=None,
          experimental_relax_shapes=False):
    """TF 1's `tfe.defun`: `tf.function` without AutoGraph."""
    return _function.function(func, input_signature=input_signature, autograph=autograph)


def num_gpus() -> int:
    return len(_device._devices("GPU"))


def list_devices():
    """The full names of the local devices, as TF 1.15's eager context lists them."""
    return [f"/job:localhost/replica:0/task:0/device:{d.device_type}:{i}"
            for kind in ("CPU", "GPU")
            for i, d in enumerate(_device.list_logical_devices(kind))]


class Checkpointable:
    """TF 1.15's `tfe.Checkpointable` (AutoTrackable): a base class whose attributes holding
    variables or other trackables are saved by `tf.train.Checkpoint`."""


class Saver:
    """TF 1.15's `tfe.Saver(var_list)`: `tf.compat.v1.train.Saver` without a session.

    Writes TF's name-based checkpoints (keys: the variable names without `:0`, or the keys of a
    dict `var_list`); `save` returns the checkpoint prefix (`file_prefix-<global_step>` when a
    step is given) and updates the `checkpoint` state file, as TF's Saver does.
    """

    def __init__(self, var_list):
        self._saver = _saver.Saver(var_list=var_list)

    def save(self, file_prefix, global_step=None):
        return self._saver.save(None, file_prefix, global_step=global_step,
                                write_meta_graph=False)

    def restore(self, file_prefix):
        self._saver.restore(None, file_prefix)


class SummaryWriter:
    """TF 1.4/1.5's `tfe.SummaryWriter(logdir)` (gone by TF 1.15): writes TF 1 summaries (scalars
    as `simple_value`, classic histograms, PNG images) to one new event file in `logdir`, at the
    writer's own step counter, which `step()` advances."""

    def __init__(self, logdir, max_queue=10, flush_secs=120, filename_suffix=""):
        from tfcompat._src import summary
        self._writer = summary.FileWriter(logdir, filename_suffix or None)
        self._global_step = 0

    def step(self):
        self._global_step += 1

    global_step = property(lambda self: self._global_step)

    def _write(self, name, family, summary_for):
        tag = f"{family}/{family}/{name}" if family else name  # TF 1's summary_scope
        self._writer.write_summary(summary_for(tag), self._global_step)

    def scalar(self, name, tensor, family=None):
        from tfcompat._src import summary as s
        self._write(name, family, lambda tag: s.summary_value(
            tag, simple_value=float(np.float32(s._numpy(tensor)))))

    def histogram(self, name, tensor, family=None):
        from tfcompat._src import summary as s
        self._write(name, family, lambda tag: s.summary_value(
            tag, histo=s.histogram_proto(s._numpy(tensor))))

    def image(self, name, tensor, bad_color=None, max_images=3, family=None):
        from tfcompat._src import summary as s
        self._write(name, family, lambda tag: s._v1_image(tag, tensor, max_outputs=max_images))

    def generic(self, name, tensor, metadata, family=None):
        from tfcompat._src import summary as s
        self._write(name, family, lambda tag: s.summary_value(
            tag, tensor=s._numpy(tensor), metadata=metadata or None))

    def flush(self):
        self._writer.flush()

    def close(self):
        self._writer.close()


def get_optimizer_variables(optimizer):
    """The variables a `tf.compat.v1.train.Optimizer` created (`optimizer.variables()`)."""
    return optimizer.variables()


@contextlib.contextmanager
def restore_variables_on_create(save_path, map_func=None):
    """Variables created inside the block start from the checkpoint's value under their name
    (`map_func(name)` when given); a name the checkpoint lacks is TF's NotFoundError. Nothing
    happens when `save_path` is None or empty."""
    if not save_path:
        yield
        return
    if map_func is not None and not callable(map_func):
        raise ValueError("map_func must be callable.")
    reader = _bundle.Reader(os.fspath(save_path))
    cache = {k: None for k in reader.entries}  # loaded on first use; None once restored
    original = _variable.Variable.__init__

    def init_from_checkpoint(self, *args, **kwargs):
        original(self, *args, **kwargs)
        name = self.name.rpartition(":")[0] or self.name
        key = map_func(name) if map_func is not None else name
        if key not in cache:
            from tfcompat._src import errors
            raise errors.NotFoundError(None, None, f"{key} not found in checkpoint")
        if cache[key] is not False:
            _checkpoint._assign(self, reader.get(key), key)
            cache[key] = False  # assigned once, as TF does
    _variable.Variable.__init__ = init_from_checkpoint
    try:
        yield
    finally:
        _variable.Variable.__init__ = original


def run(main=None, argv=None):
    """Enables eager execution (always on here) and runs `tf.compat.v1.app.run`."""
    from tfcompat._src import flags
    return flags.run(main, argv)


def _to_tensor(x):
    from tfcompat._src.tensor import Tensor, to_tensor
    return x if isinstance(x, Tensor) else to_tensor(x)


def _positions(f, params):
    if params is None:
        return None
    names = list(inspect.signature(f).parameters)
    return [names.index(p) if isinstance(p, str) else p for p in params]


def value_and_gradients_function(f, params=None):
    """`g(*args, dy=None)` -> `(f(*args), [d f / d arg for the chosen args])`."""
    def decorated(*args, **kwds):
        dy = kwds.pop("dy", None)
        if kwds:
            raise ValueError("Functions to be differentiated cannot receive keyword arguments.")
        positions = _positions(f, params)
        positions = range(len(args)) if positions is None else positions
        args = list(args)
        sources = []
        with GradientTape(persistent=False) as t:
            for i in positions:
                args[i] = _to_tensor(args[i])
                t.watch(args[i])
                sources.append(args[i])
            result = f(*args)
        if result is None:
            raise ValueError("Cannot differentiate a function that returns None; did you forget "
                             f"to return a value from {f.__name__}?")
        return result, t.gradient(result, sources, output_gradients=dy)
    return decorated


def gradients_function(f, params=None):
    """`g(*args, dy=None)` -> the list of gradients of `f` with respect to its arguments."""
    inner = value_and_gradients_function(f, params)

    def decorated(*args, **kwds):
        return inner(*args, **kwds)[1]
    return decorated


def implicit_value_and_gradients(f):
    """`g(*args)` -> `(f(*args), [(gradient, variable), ...])` over the trainable variables
    `f` read, in the order they were created."""
    def grad_fn(*args, **kwds):
        with GradientTape() as t:
            end_node = f(*args, **kwds)
        if end_node is None:
            raise ValueError("Cannot differentiate a function that returns None; did you forget "
                             f"to return a value from {f.__name__}?")
        variables = list(t.watched_variables())
        if not variables:
            raise ValueError("No trainable variables were accessed while the function was being "
                             "computed.")
        return end_node, list(zip(t.gradient(end_node, variables), variables, strict=True))
    return grad_fn


def implicit_gradients(f):
    """`g(*args)` -> `[(gradient, variable), ...]` (see `implicit_value_and_gradients`)."""
    inner = implicit_value_and_gradients(f)

    def grad_fn(*args, **kwds):
        return inner(*args, **kwds)[1]
    return grad_fn


class Iterator:
    """TF 1's `tfe.Iterator(dataset)`: a Python iterator with `next()` and `get_next()`."""

    def __init__(self, dataset):
        self._it = iter(dataset)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    next = __next__

    def get_next(self, name=None):
        return self._it.get_next()


class _Metric:
    """TF 1.15's contrib metric: `m(...)` accumulates and returns its arguments, `result()` the
    value, state in float64 by default."""

    def __init__(self, name=None, dtype=np.float64):
        from tfcompat._src import dtypes
        self.name = name or type(self).__name__.lower()
        self.dtype = dtypes.as_dtype(dtype)
        self._numer = self._denom = 0.0

    def init_variables(self):
        return None

    def _add(self, values, weights):
        values = np.asarray(_to_tensor(values).numpy(), dtype=np.float64)
        if weights is None:
            self._numer += float(np.sum(values))
            self._denom += float(values.size)
        else:
            w = np.broadcast_to(np.asarray(_to_tensor(weights).numpy(), np.float64), values.shape)
            self._numer += float(np.sum(values * w))
            self._denom += float(np.sum(w))

    def result(self, write_summary=True):
        from tfcompat._src.tensor import to_tensor
        value = self._numer / self._denom if self._denom else 0.0
        return to_tensor(np.asarray(value, self.dtype.as_numpy_dtype))

    def __call__(self, *args, **kwargs):
        return self.call(*args, **kwargs)


class Mean(_Metric):
    def call(self, values, weights=None):
        self._add(values, weights)
        return values if weights is None else (values, weights)


class Accuracy(_Metric):
    def call(self, labels, predictions, weights=None):
        hits = np.equal(np.asarray(_to_tensor(labels).numpy()),
                        np.asarray(_to_tensor(predictions).numpy()))
        self._add(hits, weights)
        return (labels, predictions) if weights is None else (labels, predictions, weights)


class CategoricalAccuracy(_Metric):
    """Counts `argmax(labels, -1) == argmax(predictions, -1)` (one-hot labels)."""

    def call(self, labels, predictions, weights=None):
        labels = np.argmax(np.asarray(_to_tensor(labels).numpy()), axis=-1)
        predictions = np.argmax(np.asarray(_to_tensor(predictions).numpy()), axis=-1)
        self._add(np.equal(labels, predictions), weights)
        labels, predictions = _to_tensor(labels), _to_tensor(predictions)
        return (labels, predictions) if weights is None else (labels, predictions, weights)


class SparseAccuracy(_Metric):
    """Counts `labels == argmax(predictions, -1)` (integer labels)."""

    def call(self, labels, predictions, weights=None):
        labels = np.asarray(_to_tensor(labels).numpy()).astype(np.int64)
        predictions = np.argmax(np.asarray(_to_tensor(predictions).numpy()), axis=-1)
        self._add(np.equal(labels, predictions), weights)
        labels, predictions = _to_tensor(labels), _to_tensor(predictions)
        return (labels, predictions) if weights is None else (labels, predictions, weights)


class _Metrics:
    """The `tfe.metrics` namespace."""
    Mean, Accuracy, Metric = Mean, Accuracy, _Metric
    CategoricalAccuracy, SparseAccuracy = CategoricalAccuracy, SparseAccuracy


metrics = _Metrics()
