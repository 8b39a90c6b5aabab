"""Keras 2 helpers: `tf.keras.backend` basics, `to_categorical`, `pad_sequences`.

Also `tf`, a late-bound view of the public `tfcompat` namespace: the Keras losses and metrics are
written with tfcompat's public ops (so tapes record them) and this module is imported while
`tfcompat` itself is still being built.
"""

import importlib
import warnings

import numpy as np

from tfcompat._src import dtypes
from tfcompat._src.export import export
from tfcompat._src.ops.math_ops import divide_no_nan  # noqa: F401 - Keras's reductions use it


class _LateTF:
    def __getattr__(self, name):
        return getattr(importlib.import_module("tfcompat.compat.v2"), name)


tf = _LateTF()

_CONFIG = {"floatx": "float32", "epsilon": 1e-7}


@export("keras.backend.floatx")
def floatx():
    """The default float type as a string ('float32')."""
    return _CONFIG["floatx"]


@export("keras.backend.set_floatx")
def set_floatx(value):
    """Sets the default float type; Keras 2 accepts 'float16', 'float32' and 'float64'."""
    accepted = {"float16", "float32", "float64"}
    if value not in accepted:
        raise ValueError(f"Unknown `floatx` value: {value}. Expected one of {accepted}")
    _CONFIG["floatx"] = str(value)


@export("keras.backend.epsilon")
def epsilon():
    """The fuzz factor (1e-7) Keras adds or clips with to keep logs and divisions finite."""
    return _CONFIG["epsilon"]


@export("keras.backend.set_epsilon")
def set_epsilon(value):
    _CONFIG["epsilon"] = value


@export("keras.backend.image_data_format")
def image_data_format():
    """'channels_last', the only layout tfcompat's Keras layers use."""
    return "channels_last"


@export("keras.backend.learning_phase")
def learning_phase():
    """The global learning phase set by `set_learning_phase` (0, test, until one is set)."""
    from tfcompat._src.keras import engine
    phase = engine.LEARNING_PHASE[0]
    return 0 if phase is None else phase


@export("keras.backend.set_learning_phase")
def set_learning_phase(value):
    """Sets the global learning phase (0 test, 1 train): layers called without `training` run in
    that mode, until `clear_session()`. Deprecated in Keras 2, which warns as here."""
    from tfcompat._src.keras import engine
    warnings.warn("`tf.keras.backend.set_learning_phase` is deprecated and will be removed "
                  "after 2020-10-11. To update it, simply pass a True/False value to the "
                  "`training` argument of the `__call__` method of your layer or model.",
                  stacklevel=2)
    if value not in {0, 1}:
        raise ValueError("Expected learning phase to be 0 or 1.")
    engine.LEARNING_PHASE[0] = value


def _is_tensor(x):
    from tfcompat._src.tensor import Tensor
    from tfcompat._src.variable import Variable
    return isinstance(x, (Tensor, Variable))


@export("keras.backend.get_value")
def get_value(x):
    """The value of a tensor or variable as NumPy (anything else is returned as it is)."""
    return x.numpy() if _is_tensor(x) else x


@export("keras.backend.set_value")
def set_value(x, value):
    """Assigns `value` (converted to the variable's NumPy dtype) to the variable `x`."""
    x.assign(np.asarray(value, dtype=dtypes.as_dtype(x.dtype).as_numpy_dtype))


@export("keras.backend.cast")
def cast(x, dtype):
    """`tf.cast(x, dtype)`."""
    return tf.cast(x, dtype)


@export("keras.backend.shape")
def shape(x):
    """The dynamic shape of `x` as an int32 tensor (`tf.shape`)."""
    return tf.shape(x)


@export("keras.backend.int_shape")
def int_shape(x):
    """The static shape of `x` as a tuple of ints and Nones (None when `x`'s rank is unknown)."""
    try:
        s = x.shape
        return s if isinstance(s, tuple) else tuple(s.as_list())
    except ValueError:
        return None


@export("keras.backend.concatenate")
def concatenate(tensors, axis=-1):
    """`tf.concat(tensors, axis)`; a negative axis counts from the first tensor's rank."""
    if axis < 0:
        rank = len(int_shape(tensors[0]) or ())
        axis = axis % rank if rank else 0
    return tf.concat(list(tensors), axis)


@export("keras.utils.to_categorical")
def to_categorical(y, num_classes=None, dtype="float32"):
    """One-hot NumPy array of integer class labels; a trailing axis of size 1 is replaced."""
    y = np.array(y, dtype="int64")
    shape = y.shape
    if shape and shape[-1] == 1 and len(shape) > 1:
        shape = shape[:-1]
    y = y.ravel()
    if not num_classes:
        num_classes = int(np.max(y)) + 1
    out = np.zeros((y.shape[0], num_classes), dtype=dtype)
    out[np.arange(y.shape[0]), y] = 1
    return out.reshape(tuple(shape) + (num_classes,))


@export("keras.utils.pad_sequences", "keras.preprocessing.sequence.pad_sequences")
def pad_sequences(sequences, maxlen=None, dtype="int32", padding="pre", truncating="pre",
                  value=0.0):
    """Pads (or truncates) a list of sequences to one length, as a NumPy array."""
    if not hasattr(sequences, "__len__"):
        raise ValueError("`sequences` must be iterable.")
    lengths, sample_shape, flag = [], (), True
    for x in sequences:
        try:
            lengths.append(len(x))
            if flag and len(x):
                sample_shape = np.asarray(x).shape[1:]
                flag = False
        except TypeError as e:
            raise ValueError("`sequences` must be a list of iterables. Found non-iterable: "
                             f"{x}") from e
    if maxlen is None:
        maxlen = np.max(lengths) if lengths else 0
    is_str = np.issubdtype(dtype, np.str_) or np.issubdtype(dtype, np.object_)
    if isinstance(value, str) and dtype is not object and not is_str:
        raise ValueError(f"`dtype` {dtype} is not compatible with `value`'s type: "
                         f"{type(value)}\nYou should set `dtype=object` for variable length "
                         "strings.")
    out = np.full((len(sequences), maxlen) + sample_shape, value, dtype=dtype)
    for i, s in enumerate(sequences):
        if not len(s):
            continue
        if truncating == "pre":
            trunc = s[-maxlen:]
        elif truncating == "post":
            trunc = s[:maxlen]
        else:
            raise ValueError(f'Truncating type "{truncating}" not understood')
        trunc = np.asarray(trunc, dtype=dtype)
        if trunc.shape[1:] != sample_shape:
            raise ValueError(f"Shape of sample {trunc.shape[1:]} of sequence at position {i} "
                             f"is different from expected shape {sample_shape}")
        if padding == "post":
            out[i, :len(trunc)] = trunc
        elif padding == "pre":
            out[i, -len(trunc):] = trunc
        else:
            raise ValueError(f'Padding type "{padding}" not understood')
    return out


def bind_arguments(class_name: str, names: list, values: dict, args, kwargs) -> dict:
    """Fills `values` (defaults) from positional `args` (in `names` order) and `kwargs`, with
    Python's TypeError for an unknown keyword: the constructors of generated Keras classes."""
    values = dict(values)
    for key, value in zip(names, args, strict=False):
        values[key] = value
    for key, value in kwargs.items():
        if key not in values:
            raise TypeError(f"{class_name}.__init__() got an unexpected keyword argument "
                            f"'{key}'")
        values[key] = value
    return values
