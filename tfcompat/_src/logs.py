"""TF's Python log lines ("WARNING:tensorflow:..."), through the Python logger named "tensorflow".

Every line tfcompat logs goes through that logger, as TF's do, so `tf.get_logger().setLevel(...)`,
`tf.compat.v1.logging.set_verbosity(...)` or `logging.getLogger("tensorflow").setLevel(...)`
silences it. The logger writes `LEVEL:tensorflow:message` (Python's BASIC_FORMAT) to the current
standard error and does not propagate, as TF's does.

Deprecation notices: TF 2.21 logs, on the first call of each deprecated TF 1 symbol,

    WARNING:tensorflow:From <file>:<line>: arg_max (from tensorflow.python.ops.gen_math_ops) is
    deprecated and will be removed in a future version.
    Instructions for updating:
    Use `tf.math.argmax` instead

`DEPRECATED` lists the exported symbols TF 2.21 does this for (recorded with TF 2.21);
`api.build` replaces them in the public namespaces by wrappers that log the notice once per
symbol (the internal functions stay unwrapped); methods and properties use `deprecated_call`.
The location is the caller's file and line; for ops TF wraps in its dispatch decorator, TF names
its own `dispatch.py` line instead.
"""

import functools
import logging
import sys

_counts: dict[str, int] = {}


class _StderrHandler(logging.StreamHandler):
    """A stream handler that writes to the current `sys.stderr` (which tests may replace)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value):
        pass


logger = logging.getLogger("tensorflow")
if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
    _handler = _StderrHandler()
    _handler.setFormatter(logging.Formatter(logging.BASIC_FORMAT, None))
    logger.addHandler(_handler)
    logger.propagate = False


def warning(message: str):
    logger.warning("%s", message)


def warning_limited(key: str, limit: int, message: str):
    """A warning TF logs at most `limit` times per process."""
    n = _counts.get(key, 0)
    if n < limit:
        _counts[key] = n + 1
        warning(message)


# -- deprecation notices --------------------------------------------------------------------------

_printed: set = set()


def deprecated(name: str, module: str, instructions: str, depth: int = 1, date=None):
    """Logs TF's deprecation notice for `name` once per process; the location is the frame
    `depth` levels above the caller of this function."""
    if name in _printed:
        return
    _printed.add(name)
    frame = sys._getframe(depth + 1)
    logger.warning("From %s:%d: %s (from %s) is deprecated and will be removed %s.\n"
                   "Instructions for updating:\n%s", frame.f_code.co_filename, frame.f_lineno,
                   name, module, "in a future version" if date is None else f"after {date}",
                   instructions)


def deprecated_call(name: str, module: str, instructions: str):
    """Decorator for methods and property getters TF 2.21 marks deprecated (e.g.
    `DatasetV1.make_one_shot_iterator`): the first call logs the notice, naming the caller."""
    def wrap(f):
        @functools.wraps(f)
        def inner(*args, **kwargs):
            deprecated(name, module, instructions)
            return f(*args, **kwargs)
        return inner
    return wrap


_CAST = "Use `tf.cast` instead."
# TF 1 path -> (TF's qualified name, TF's module, instructions), as TF 2.21 prints them.
DEPRECATED = {
    "arg_max": ("arg_max", "tensorflow.python.ops.gen_math_ops", "Use `tf.math.argmax` instead"),
    "arg_min": ("arg_min", "tensorflow.python.ops.gen_math_ops", "Use `tf.math.argmin` instead"),
    "div": ("div", "tensorflow.python.ops.math_ops",
            "Deprecated in favor of operator or tf.math.divide."),
    "to_float": ("to_float", "tensorflow.python.ops.math_ops", _CAST),
    "to_double": ("to_double", "tensorflow.python.ops.math_ops", _CAST),
    "to_int32": ("to_int32", "tensorflow.python.ops.math_ops", _CAST),
    "to_int64": ("to_int64", "tensorflow.python.ops.math_ops", _CAST),
    "multinomial": ("multinomial", "tensorflow.python.ops.random_ops",
                    "Use `tf.random.categorical` instead."),
    "random.multinomial": ("multinomial", "tensorflow.python.ops.random_ops",
                           "Use `tf.random.categorical` instead."),
    "nn.softmax_cross_entropy_with_logits": (
        "softmax_cross_entropy_with_logits", "tensorflow.python.ops.nn_ops",
        "\nFuture major versions of TensorFlow will allow gradients to flow\ninto the labels "
        "input on backprop by default.\n\nSee `tf.nn.softmax_cross_entropy_with_logits_v2`.\n"),
    "image.resize_bilinear": (
        "resize_bilinear", "tensorflow.python.ops.image_ops_impl",
        "Use `tf.image.resize(...method=ResizeMethod.BILINEAR...)` instead."),
    "image.resize_nearest_neighbor": (
        "resize_nearest_neighbor", "tensorflow.python.ops.image_ops_impl",
        "Use `tf.image.resize(...method=ResizeMethod.NEAREST_NEIGHBOR...)` instead."),
    "test.is_gpu_available": ("is_gpu_available", "tensorflow.python.framework.test_util",
                              "Use `tf.config.list_physical_devices('GPU')` instead."),
    "io.tf_record_iterator": ("tf_record_iterator", "tensorflow.python.lib.io.tf_record",
                              "Use eager execution and: \n`tf.data.TFRecordDataset(path)`"),
    "python_io.tf_record_iterator": ("tf_record_iterator", "tensorflow.python.lib.io.tf_record",
                                     "Use eager execution and: \n`tf.data.TFRecordDataset(path)`"),
    "gfile.FastGFile": ("FastGFile.__init__", "tensorflow.python.platform.gfile",
                        "Use tf.gfile.GFile."),
    "nn.dynamic_rnn": ("dynamic_rnn", "tensorflow.python.ops.rnn",
                       "Please use `keras.layers.RNN(cell)`, which is equivalent to this API"),
    "nn.static_rnn": ("static_rnn", "tensorflow.python.ops.rnn",
                      "Please use `keras.layers.RNN(cell, unroll=True)`, which is equivalent to "
                      "this API"),
    "nn.bidirectional_dynamic_rnn": (
        "bidirectional_dynamic_rnn", "tensorflow.python.ops.rnn",
        "Please use `keras.layers.Bidirectional(keras.layers.RNN(cell))`, which is equivalent "
        "to this API"),
    "nn.static_bidirectional_rnn": (
        "static_bidirectional_rnn", "tensorflow.python.ops.rnn",
        "Please use `keras.layers.Bidirectional(keras.layers.RNN(cell, unroll=True))`, which is "
        "equivalent to this API"),
}

_wrappers: dict = {}  # id(original) -> (original, wrapper): one wrapper per object


def deprecated_wrapper(obj, name: str, module: str, instructions: str):
    """`obj` logging TF's deprecation notice on first use: a function wrapper, or for a class a
    subclass whose `__init__` logs it (so isinstance checks still hold)."""
    key = id(obj)
    if key in _wrappers:
        return _wrappers[key][1]
    if isinstance(obj, type):
        def __init__(self, *args, **kwargs):  # noqa: N807
            deprecated(name, module, instructions)
            obj.__init__(self, *args, **kwargs)
        wrapper = type(obj.__name__, (obj,), {"__init__": __init__, "__doc__": obj.__doc__,
                                              "__module__": obj.__module__,
                                              "__qualname__": obj.__qualname__})
    else:
        @functools.wraps(obj)
        def wrapper(*args, **kwargs):
            deprecated(name, module, instructions)
            return obj(*args, **kwargs)
    _wrappers[key] = (obj, wrapper)
    return wrapper


def install_deprecations(v1_namespaces, v2_namespace):
    """Replaces each `DEPRECATED` symbol in the TF 1 namespaces (modules) by its wrapper, and in
    the TF 2 namespace where it holds the same object (TF 2.21's `tf.test.is_gpu_available`)."""
    for path, (name, module, instructions) in DEPRECATED.items():
        parent, _, attr = path.rpartition(".")
        for root in (*v1_namespaces, v2_namespace):
            ns = root
            for part in parent.split(".") if parent else ():
                ns = ns.__dict__.get(part)
                if ns is None:
                    break
            obj = None if ns is None else ns.__dict__.get(attr)
            if root is v2_namespace and id(obj) not in _wrappers:
                continue
            if obj is not None:
                setattr(ns, attr, deprecated_wrapper(obj, name, module, instructions))
