"""Tensor creation, conversion, casting and layout: constant, convert_to_tensor, cast, reshape."""

import jax.numpy as jnp
import numpy as np

from tfcompat._src import dtypes as d
from tfcompat._src import errors
from tfcompat._src.export import export
from tfcompat._src.registry import INDEPENDENT, attach_operator, op
from tfcompat._src.tensor import _C_NAMES, Tensor, host_array, to_tensor
from tfcompat._src.tensor_shape import TensorShape


@export("constant")
def constant(value, dtype=None, shape=None, name="Const"):
    """`tf.constant`: a Tensor from a Python, NumPy or tensor value, with TF's dtype inference."""
    dtype = None if dtype is None else d.as_dtype(dtype)
    if hasattr(value, "_is_variable"):
        # TF reads a variable through its conversion function, which casts to `dtype`.
        value = value.value()
        if dtype is not None and value.dtype != dtype:
            value = cast(value, dtype)
    if isinstance(value, (list, tuple)) and any(isinstance(v, Tensor) for v in value):
        # TF's sequence conversion asks each element for len(); a tensor answers this (and TF
        # appends the traceback of that TypeError to the message).
        raise ValueError("TypeError: Scalar tensor has no `len()`\n")
    if isinstance(value, (list, tuple)) and any(hasattr(v, "_is_variable") for v in value):
        raise ValueError("TypeError: object of type 'ResourceVariable' has no len()\n")
    if isinstance(value, Tensor):
        if dtype is not None and value.dtype != dtype:
            raise TypeError(f"Expected tensor {value.numpy()} with dtype {dtype!r}, but got "
                            f"dtype {value.dtype!r}.")
        t = value
    else:
        t = to_tensor(value, dtype)
    if shape is not None:
        shape = tuple(TensorShape(shape))
        arr = t._value
        if np.size(arr) == 1:
            arr = np.broadcast_to(np.reshape(np.asarray(arr), ()), shape)
        elif np.size(arr) == int(np.prod(shape, dtype=np.int64)):
            arr = np.reshape(np.asarray(arr), shape)
        else:
            raise TypeError(
                f"Eager execution of tf.constant with unsupported shape. Tensor {t.numpy()} "
                f"(converted from {value}) has {np.size(arr)} elements, but got `shape` {shape} "
                f"with {int(np.prod(shape, dtype=np.int64))} elements).")
        t = Tensor(np.array(arr), t.dtype)
    return t


@export("convert_to_tensor", v1=())
def convert_to_tensor(value, dtype=None, dtype_hint=None, name=None):
    """`tf.convert_to_tensor`: Tensors pass through; a Variable is read; other values convert."""
    dtype = None if dtype is None else d.as_dtype(dtype)
    if hasattr(value, "_is_variable"):
        if dtype is not None and value.dtype != dtype:
            raise ValueError(f"Incompatible type conversion requested to type {dtype.name} for "
                             f"`tf.Variable of type {value.dtype.name}. (Variable: {value!r})")
        value = value.value()
    if isinstance(value, Tensor):
        if dtype is not None and value.dtype != dtype:
            raise ValueError(f"Tensor conversion requested dtype {dtype.name} for Tensor with "
                             f"dtype {value.dtype.name}: {value!r}")
        return value
    if dtype is None and dtype_hint is not None:
        try:
            return Tensor(host_array(value, d.as_dtype(dtype_hint)), d.as_dtype(dtype_hint))
        except (TypeError, ValueError):
            pass
    return to_tensor(value, dtype)


@export(v1=("convert_to_tensor",))
def convert_to_tensor_v1(value, dtype=None, name=None, preferred_dtype=None, dtype_hint=None):
    return convert_to_tensor(value, dtype, dtype_hint or preferred_dtype)


@op("identity", kernel="Identity")
def identity(input):  # noqa: A002 - TF's argument name
    return input


@op("cast", "dtypes.cast", kernel="Cast", policy=INDEPENDENT, tensors=1)
def cast(x, dtype):
    dtype = d.as_dtype(dtype)
    if dtype is d.string or x.dtype == np.object_:
        names = [_C_NAMES.get(n, n) for n in (d.as_dtype(x.dtype).name, dtype.name)]
        raise errors.UnimplementedError(
            None, None, f"Cast {names[0]} to {names[1]} is not supported")
    if jnp.issubdtype(x.dtype, jnp.complexfloating) and not dtype.is_complex:
        x = jnp.real(x)
    return x.astype(dtype.as_numpy_dtype)


# TF's reshape wrapper passes no name, so its errors end at "[Op:Reshape]".
@op("reshape", v1=("reshape", "manip.reshape"), kernel="Reshape", policy=INDEPENDENT,
    tensors=1, error_name=None)
def reshape(tensor, shape):
    shape = (shape,) if isinstance(shape, int) else tuple(shape)
    size = int(np.prod(np.shape(tensor), dtype=np.int64))
    inferred = [i for i, s in enumerate(shape) if s == -1]
    for i, s in enumerate(shape):
        if s < -1:
            raise errors.InvalidArgumentError(
                None, None, f"Size {i} must be non-negative, not {s}")
    if len(inferred) > 1:
        raise errors.InvalidArgumentError(
            None, None, f"Only one input size may be -1, not both {inferred[0]} and "
            f"{inferred[1]}")
    want = int(np.prod([s for s in shape if s != -1], dtype=np.int64))
    if inferred and want == 0 and size == 0:
        shape = tuple(1 if s == -1 else s for s in shape)  # TF infers 1 for an empty input
    elif (not inferred and want != size) or (inferred and (want == 0 or size % want)):
        raise errors.InvalidArgumentError(
            None, None, f"Input to reshape is a tensor with {size} values, but the requested "
            f"shape {'requires a multiple of' if inferred and want else 'has'} {want}")
    return jnp.reshape(tensor, shape)


def _index_key(key):
    """Makes an indexing key hashable (slices become tuples) so the tape can key on it."""
    if isinstance(key, tuple):
        return tuple(_index_key(k) for k in key)
    if isinstance(key, slice):
        return ("slice", _index_key(key.start), _index_key(key.stop), _index_key(key.step))
    if isinstance(key, Tensor) or hasattr(key, "_is_variable"):
        return int(key)
    if isinstance(key, np.integer):
        return int(key)
    return key


def _restore_key(key):
    if isinstance(key, tuple) and key and key[0] == "slice":
        return slice(*key[1:])
    if isinstance(key, tuple):
        return tuple(_restore_key(k) for k in key)
    return key


@op(name="Tensor.__getitem__", kernel="StridedSlice", policy=INDEPENDENT, tensors=1,
    error_name="strided_slice/")
def _getitem(tensor, key):
    key = _restore_key(key)
    parts = key if isinstance(key, tuple) else (key,)
    if tensor.ndim == 0 and any(p is not None and p is not Ellipsis for p in parts):
        raise errors.InvalidArgumentError(None, None, "Attempting to slice scalar input.")
    dim = 0
    for k in parts:
        if k is Ellipsis:
            dim = tensor.ndim - sum(1 for p in parts if p is not None and p is not Ellipsis)
            dim = max(dim, 0) + parts.index(Ellipsis)
            continue
        if k is None:
            continue
        if dim >= tensor.ndim:
            raise errors.InvalidArgumentError(
                None, None, f"Index out of range using input dim {dim}; input has only "
                f"{tensor.ndim} dims")
        if isinstance(k, int) and not -tensor.shape[dim] <= k < tensor.shape[dim]:
            # TF reports a negative index after adding the dimension's size.
            index = k + tensor.shape[dim] if k < 0 else k
            raise errors.InvalidArgumentError(
                None, None, f"slice index {index} of dimension {dim} out of bounds.")
        dim += 1
    return tensor[key]


attach_operator("__getitem__", lambda self, key: _getitem(self, _index_key(key)))
