"""Keras 2 helpers: `tf.keras.backend` basics, `to_categorical`, `pad_sequences`.

Also `tf`, a late-bound view of the public `tfcompat` namespace: the Keras losses and metrics are
written with tfcompat's public ops (so tapes record them) and this module is imported while
`tfcompat` itself is still being built.
"""

import importlib

import jax
import jax.numpy as jnp
import numpy as np

from tfcompat._src import dtypes
from tfcompat._src.export import export
from tfcompat._src.registry import op


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
    """Sets the default float type; Keras 2 accepts 'float16', 'bfloat16', 'float32', 'float64'."""
    accepted = {"float16", "bfloat16", "float32", "float64"}
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


@op(name="keras.divide_no_nan", kernel="DivNoNan", dtypes_=dtypes.INEXACT)
def divide_no_nan(x, y):
    """tf.math.divide_no_nan (x / y, 0 where y == 0), for Keras's reductions and metrics; its
    gradient is TF's: dx = g / y and dy = g * (-x / y) / y, each 0 where y == 0."""
    return _div_no_nan(*jnp.broadcast_arrays(x, y))


@jax.custom_jvp
def _div_no_nan(x, y):
    zero = y == 0
    return jnp.where(zero, jnp.zeros_like(x), x / jnp.where(zero, jnp.ones_like(y), y))


@_div_no_nan.defjvp
def _div_no_nan_jvp(primals, tangents):
    (x, y), (tx, ty) = primals, tangents
    return _div_no_nan(x, y), _div_no_nan(tx, y) + ty * _div_no_nan(_div_no_nan(-x, y), y)


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
