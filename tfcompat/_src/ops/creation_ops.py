"""Tensor creation: range, linspace, zeros/ones/fill, zeros_like/ones_like, eye, one_hot,
sequence_mask.

Values whose shape depends on arguments are computed on the host with NumPy in the output dtype,
operation for operation as TF's kernels do (range accumulates, linspace is TF's Python
`linspace_nd`), so they agree bit for bit; they are constants to the gradient tape.
"""

import math

import jax.numpy as jnp
import numpy as np

from tfcompat._src import dtypes as d
from tfcompat._src.export import export
from tfcompat._src.ops.array_ops import as_tensor, attr_error, dims, kernel_error, kind
from tfcompat._src.registry import INDEPENDENT, check_allocation, op
from tfcompat._src.tensor import Tensor, host_array, to_tensor
from tfcompat._src.tensor_shape import TensorShape

_RANGE_ORDER = (d.int32, d.int64, d.float32, d.float64)


def _number(x) -> str:
    """A scalar as TF's C++ streams print it (6 significant digits for floats)."""
    return str(int(x)) if np.issubdtype(np.asarray(x).dtype, np.integer) else f"{float(x):g}"


def _host(x, dtype: d.DType):
    if hasattr(x, "_is_variable") or isinstance(x, Tensor):
        return np.asarray(as_tensor(x).numpy()).astype(dtype.as_numpy_dtype)
    return np.asarray(host_array(x, dtype))


@export("range")
def range(start, limit=None, delta=1, dtype=None, name="range"):  # noqa: A001 - TF's name
    """`tf.range`: int32 for Python ints, float32 if any argument is a float (the widest of
    int32 < int64 < float32 < float64 wins)."""
    if limit is None:
        start, limit = 0, start
    args = (start, limit, delta)
    if dtype is None:
        dtype = max((as_tensor(a).dtype for a in args), key=_RANGE_ORDER.index)
    dtype = d.as_dtype(dtype)
    start, limit, delta = (_host(a, dtype)[()] for a in args)
    if delta == 0:
        raise kernel_error("Range", f"Requires delta != 0: {_number(delta)}", "")
    if delta > 0 and start > limit:
        raise kernel_error("Range", "Requires start <= limit when delta > 0: "
                           f"{_number(start)}/{_number(limit)}", "")
    if delta < 0 and start < limit:
        raise kernel_error("Range", "Requires start >= limit when delta < 0: "
                           f"{_number(start)}/{_number(limit)}", "")
    if dtype.is_integer:
        n = (abs(int(limit) - int(start)) + abs(int(delta)) - 1) // abs(int(delta))
    else:
        n = int(np.ceil(np.abs((limit - start) / delta)))
    # As TF's kernel: start + i * delta, each operation in the output dtype.
    t = dtype.as_numpy_dtype
    check_allocation((n,), t, "Range")
    return Tensor(t(start) + np.arange(n, dtype=t) * t(delta), dtype)


@export("linspace", v1=("lin_space", "linspace"))
def linspace(start, stop, num, name=None, axis=0):
    """`tf.linspace`: TF's `linspace_nd` computation, in the output dtype: start, then
    start + delta * i, then stop exactly; start and stop may be tensors (axis places the new
    dimension). Integer inputs give float64, as TF's true division does."""
    start = as_tensor(start)
    stop = as_tensor(stop) if isinstance(stop, Tensor) else Tensor(
        host_array(stop, start.dtype), start.dtype)
    dtype = start.dtype
    if dtype.is_integer:
        dtype = d.float64 if dtype.size >= 4 else d.float32
    t = dtype.as_numpy_dtype
    num = int(as_tensor(num).numpy())
    a, b = np.broadcast_arrays(np.asarray(start.numpy(), t), np.asarray(stop.numpy(), t))
    axis = axis % (a.ndim + 1)
    a, b = np.expand_dims(a, axis), np.expand_dims(b, axis)
    n_steps = max(num - 1, 1)
    if num < 0:
        raise kernel_error("Range", f"Requires start <= limit when delta > 0: 1/{num}", "")
    delta = (b - a) / t(n_steps)
    shape = [1] * a.ndim
    shape[axis] = -1
    middle = a + delta * np.arange(1, n_steps, dtype=t).reshape(shape)
    out = np.concatenate([a, middle, b], axis=axis)
    return Tensor(np.take(out, np.arange(num), axis=axis), dtype)


def _dims_arg(shape, name: str | None = ""):
    """A shape argument converted as TF converts it (ints to int32, or int64 when large; floats,
    strings and None are TF's conversion errors) and checked to be a vector."""
    if isinstance(shape, TensorShape):
        shape = shape.as_list()
    t = shape if isinstance(shape, Tensor) else to_tensor(shape)
    if not isinstance(shape, Tensor) and t.dtype not in (d.int32, d.int64):
        t = to_tensor(shape, d.int32)
    if t.dtype not in (d.int32, d.int64):
        raise attr_error("Fill", "index_type", kind(t.dtype), "int32, int64", name)
    value = np.asarray(t.numpy())
    if value.ndim > 1:
        raise kernel_error("Fill", f"dims must represent a vector, got shape {dims(value.shape)}",
                           name)
    return tuple(int(s) for s in value.reshape(-1))


def _filled(shape, value, dtype: d.DType, name):
    shape = _dims_arg(shape, name)
    for s in shape:
        if s < 0:
            raise kernel_error("Fill", f"Dimension {s} must be >= 0", name)
    check_allocation(shape, dtype.as_numpy_dtype, "Fill", name)
    return Tensor(np.full(shape, value, dtype.as_numpy_dtype), dtype)


def _zero(dtype: d.DType):
    return b"" if dtype is d.string else 0


@export("zeros")
def zeros(shape, dtype=d.float32, name=None):
    dtype = d.as_dtype(dtype)
    return _filled(shape, _zero(dtype), dtype, "")


@export("ones")
def ones(shape, dtype=d.float32, name=None):
    return _filled(shape, 1, d.as_dtype(dtype), "")


@op(name="fill", kernel="Fill", tensors=1, policy=INDEPENDENT, error_name=None)
def _fill(value, dims_):
    if value.ndim:
        raise kernel_error("Fill", f"value must represent a scalar, got shape {dims(value.shape)}")
    if value.dtype == np.object_:
        return np.full(dims_, value[()], dtype=object)
    return jnp.broadcast_to(value, dims_)


@export("fill")
def fill(dims, value, name=None):  # noqa: A002 - TF's argument name
    """`tf.fill`: `value`'s dtype is inferred as tf.constant infers it."""
    shape = _dims_arg(dims, None)
    for s in shape:
        if s < 0:
            raise kernel_error("Fill", f"Dimension {s} must be >= 0")
    value = as_tensor(value)
    check_allocation(shape, value.dtype.as_numpy_dtype, "Fill", None)
    return _fill(value, shape)


def _like(input, dtype, value):  # noqa: A002 - TF's argument name
    if hasattr(input, "_is_variable") or isinstance(input, Tensor):
        shape, own = tuple(input.shape), input.dtype
    else:
        t = to_tensor(input)
        shape, own = tuple(t.shape), t.dtype
    dtype = own if dtype is None else d.as_dtype(dtype)
    if value == 0:
        value = _zero(dtype)
    return Tensor(np.full(shape, value, dtype.as_numpy_dtype), dtype)


@export("zeros_like", v1=())
def zeros_like(input, dtype=None, name=None):  # noqa: A002 - TF's argument name
    return _like(input, dtype, 0)


@export(v1=("zeros_like",))
def zeros_like_v1(tensor, dtype=None, name=None, optimize=True):
    return _like(tensor, dtype, 0)


@export("ones_like", v1=())
def ones_like(input, dtype=None, name=None):  # noqa: A002 - TF's argument name
    return _like(input, dtype, 1)


@export(v1=("ones_like",))
def ones_like_v1(tensor, dtype=None, name=None, optimize=True):
    return _like(tensor, dtype, 1)


@export("eye", "linalg.eye")
def eye(num_rows, num_columns=None, batch_shape=None, dtype=d.float32, name=None):
    dtype = d.as_dtype(dtype)
    cols = num_rows if num_columns is None else num_columns
    if not all(isinstance(n, (int, np.integer)) for n in (num_rows, cols)):
        raise TypeError("Arguments `num_rows` and `num_columns` must be positive integer values. "
                        f"Received: num_rows={num_rows}, num_columns={cols}")
    cols = int(cols)
    # TF fills the diagonal (batch_shape + [min(rows, cols)]) first, then builds the matrix.
    batch = () if batch_shape is None else _dims_arg(batch_shape)
    _filled(batch + (min(int(num_rows), cols),), 0, dtype, "")
    check_allocation((int(num_rows), cols), dtype.as_numpy_dtype, "MatrixDiagV3")
    m = np.eye(int(num_rows), cols, dtype=dtype.as_numpy_dtype)
    if batch_shape is not None:
        m = np.broadcast_to(m, _dims_arg(batch_shape) + m.shape).copy()
    return Tensor(m, dtype)


# TF registers no gradient for OneHot (on_value and off_value get None).
@op(name="one_hot", kernel="OneHot", tensors=3, policy=INDEPENDENT, error_name=None,
    differentiable=False)
def _one_hot(indices, on_value, off_value, depth, axis):
    if depth < 0:
        raise kernel_error("OneHot", f"depth must be non-negative, got: {depth}")
    n = indices.ndim
    if not (axis == -1 or 0 <= axis <= n):
        raise kernel_error("OneHot", f"Expected axis to be -1 or between [0, {n + 1}).  But "
                           f"received: {axis}")
    axis = n if axis == -1 else axis
    shape = [1] * (n + 1)
    shape[axis] = depth
    hot = jnp.expand_dims(indices, axis) == jnp.arange(depth).reshape(shape)
    return jnp.where(hot, on_value, off_value)


@export("one_hot")
def one_hot(indices, depth, on_value=None, off_value=None, axis=None, dtype=None, name=None):
    """`tf.one_hot`: the dtype comes from `dtype`, else on/off values, else float32; indices out of
    [0, depth) give an all-off row."""
    dtype = None if dtype is None else d.as_dtype(dtype)
    given = {}
    for key, v in (("on_value", on_value), ("off_value", off_value)):
        if v is not None:
            v = as_tensor(v) if isinstance(v, Tensor) or hasattr(v, "_is_variable") else (
                _hinted(v, dtype))
            given[key] = v
            if dtype is not None and v.dtype != dtype:
                raise TypeError(f"dtype {v.dtype} of {key} does not match dtype parameter {dtype}")
    if len(given) == 2 and given["on_value"].dtype != given["off_value"].dtype:
        raise TypeError(f"dtype {given['on_value'].dtype} of on_value does not match dtype "
                        f"{given['off_value'].dtype} of off_value")
    if dtype is None:
        dtype = next(iter(given.values())).dtype if given else d.float32
    on = given["on_value"] if "on_value" in given else Tensor(host_array(1, dtype), dtype)
    off = given["off_value"] if "off_value" in given else Tensor(host_array(0, dtype), dtype)
    indices = as_tensor(indices)
    allowed = (d.uint8, d.int8, d.int32, d.int64)
    if indices.dtype not in allowed:
        raise attr_error("OneHot", "TI", kind(indices.dtype), "uint8, int8, int32, int64")
    return _one_hot(indices, on, off, int(as_tensor(depth).numpy()), -1 if axis is None else axis)


def _hinted(v, dtype):
    if dtype is not None:
        try:
            return Tensor(host_array(v, dtype), dtype)
        except (TypeError, ValueError):
            pass
    return to_tensor(v)


@op(name="sequence_mask", kernel="Less", tensors=1, differentiable=False)
def _sequence_mask(lengths, maxlen, dtype):
    mask = jnp.arange(maxlen) < jnp.expand_dims(lengths, -1)
    return mask.astype(d.as_dtype(dtype).as_numpy_dtype)


@export("sequence_mask")
def sequence_mask(lengths, maxlen=None, dtype=d.bool_, name=None):
    """`tf.sequence_mask`: row i holds `lengths[i]` leading Trues, `maxlen` (default: the largest
    length) wide."""
    lengths = as_tensor(lengths)
    if maxlen is None:
        maxlen = int(np.max(lengths.numpy())) if math.prod(lengths.shape) else 0
    return _sequence_mask(lengths, int(as_tensor(maxlen).numpy()), d.as_dtype(dtype).name)
