"""Indexing: Tensor.__getitem__, strided_slice, slice, gather(_nd), boolean_mask, where, scatters,
sort/argsort and unique.

JAX clamps out-of-range gather and scatter indices; TF's CPU kernels raise. The wrappers here
check concrete index values before the (jitted) op runs and raise TF's InvalidArgumentError.
"""

import collections

import jax
import jax.numpy as jnp
import numpy as np

from tfcompat._src import dtypes as d
from tfcompat._src import errors
from tfcompat._src.export import export
from tfcompat._src.ops.array_ops import (
    as_tensor,
    attr_error,
    concrete,
    dims,
    kernel_error,
    kind,
    reshape,
    squeeze,
    xp,
)
from tfcompat._src.registry import INDEPENDENT, attach_operator, op
from tfcompat._src.tensor import Tensor, host_array
from tfcompat._src.tensor_shape import TensorShape

_INDEX_DTYPES = (d.int16, d.int32, d.int64)

# -- strided slicing ---------------------------------------------------------------------------
# A slice spec is a tuple of entries: an int (index, shrinks the axis), None (new axis), "..."
# (ellipsis) or ("s", start, stop, step) for a slice. It is static, so the op is jitted per spec.


def _apply_spec(x, spec):
    """`x[spec]` with TF's StridedSlice validation (Python's clamping of slice bounds)."""
    if sum(e == "..." for e in spec if isinstance(e, str)) > 1:
        raise errors.InvalidArgumentError(None, None, "Multiple ellipses in slice spec not allowed")
    real = sum(1 for e in spec if e is not None and not isinstance(e, str))
    if x.ndim == 0 and real:
        raise errors.InvalidArgumentError(None, None, "Attempting to slice scalar input.")
    key, dim = [], 0
    for pos, e in enumerate(spec):
        if isinstance(e, str):
            key.append(Ellipsis)
            dim += max(x.ndim - real, 0)
            continue
        if e is None:
            key.append(None)
            continue
        if isinstance(e, tuple) and e[3] == 0:
            raise errors.InvalidArgumentError(None, None, f"strides[{pos}] must be non-zero")
        if dim >= x.ndim:
            raise errors.InvalidArgumentError(
                None, None, f"Index out of range using input dim {dim}; input has only "
                f"{x.ndim} dims")
        if isinstance(e, tuple):
            key.append(slice(*e[1:]))
        else:
            n = x.shape[dim]
            if not -n <= e < n:
                # TF reports a negative index after adding the dimension's size.
                raise errors.InvalidArgumentError(
                    None, None, f"slice index {e + n if e < 0 else e} of dimension {dim} out of "
                    "bounds.")
            key.append(e)
        dim += 1
    out = x[tuple(key)]
    # NumPy gives a bare bytes object for one element of a string array.
    return np.asarray(out, dtype=object) if x.dtype == np.object_ else out


@op(name="Tensor.__getitem__", kernel="StridedSlice", tensors=1, error_name="strided_slice/")
def _getitem(tensor, spec):
    return _apply_spec(tensor, spec)


@op("strided_slice", kernel="StridedSlice", tensors=1, error_name=None)
def strided_slice(input_, begin, end, strides=None, begin_mask=0, end_mask=0, ellipsis_mask=0,
                  new_axis_mask=0, shrink_axis_mask=0, var=None):
    strides = strides or (1,) * len(begin)
    spec = []
    for i, (b, e, s) in enumerate(zip(begin, end, strides, strict=True)):
        bit = 1 << i
        if ellipsis_mask & bit:
            spec.append("...")
        elif new_axis_mask & bit:
            spec.append(None)
        elif shrink_axis_mask & bit:
            spec.append(b)
        else:
            spec.append(("s", None if begin_mask & bit else b, None if end_mask & bit else e, s))
    return _apply_spec(input_, tuple(spec))


_INDEX_TYPE_MSG = ("Only integers, slices (`:`), ellipsis (`...`), tf.newaxis (`None`) and scalar "
                   "tf.int32/tf.int64 tensors are valid indices, got {!r}")


def _index(k):
    """One index or slice bound as a Python int, with TF's type rules."""
    if isinstance(k, (bool, np.bool_)):
        raise attr_error("StridedSlice", "Index", "bool", "int16, int32, int64", "strided_slice/")
    if isinstance(k, (int, np.integer)):
        return int(k)
    if isinstance(k, np.ndarray) and k.ndim == 0 and k.dtype.kind in "iu":
        return int(k)
    if hasattr(k, "_is_variable"):
        k = k.value()
    if isinstance(k, Tensor) and k.ndim == 0 and k.dtype in (d.int32, d.int64):
        return int(k)
    raise TypeError(_INDEX_TYPE_MSG.format(k))


def _spec(key):
    parts = key if isinstance(key, (tuple, list)) else (key,)
    spec = []
    for k in parts:
        if k is None or k is Ellipsis:
            spec.append(None if k is None else "...")
        elif isinstance(k, slice):
            spec.append(("s", *(None if v is None else _index(v)
                                 for v in (k.start, k.stop, k.step))))
        else:
            spec.append(_index(k))
    return tuple(spec)


def _tensor_getitem(self, key):
    """`t[key]`: TF's slicing; a whole-key boolean mask (tensor, NumPy array or Python bool) is
    `tf.boolean_mask`; a list key is read as a tuple of indices, as TF does."""
    if isinstance(key, (bool, np.bool_)) or (
            isinstance(key, (Tensor, np.ndarray)) and key.dtype == d.bool_):
        return boolean_mask(self, key)
    return _getitem(self, _spec(key))


attach_operator("__getitem__", _tensor_getitem)


@op("slice", kernel="Slice", tensors=1, error_name=None)
def slice_(input_, begin, size):
    n = input_.ndim
    begin = (begin,) if isinstance(begin, int) else tuple(begin)
    size = (size,) if isinstance(size, int) else tuple(size)
    if len(begin) != n or len(size) != n:
        raise errors.InvalidArgumentError(
            None, None, f"Expected begin and size arguments to be 1-D tensors of size {n}, but got "
            f"shapes [{len(begin)}] and [{len(size)}] instead.")
    key = []
    for i, (b, s, dim) in enumerate(zip(begin, size, input_.shape, strict=True)):
        if not 0 <= b <= dim:
            raise errors.InvalidArgumentError(
                None, None, f"Expected begin[{i}] in [0, {dim}], but got {b}")
        stop = dim if s == -1 else b + s
        if not b <= stop <= dim:
            raise errors.InvalidArgumentError(
                None, None, f"Expected size[{i}] in [0, {dim - b}], but got {s}")
        key.append(slice(b, stop))
    return input_[tuple(key)]


# -- gather ------------------------------------------------------------------------------------

def _check_index_dtype(kernel, indices, allowed=_INDEX_DTYPES, attr="Tindices", name=None):
    if indices.dtype not in allowed:
        raise attr_error(kernel, attr, kind(indices.dtype),
                         ", ".join(t.name for t in allowed), name)


def _position(pos) -> str:
    return ",".join(str(int(i)) for i in pos)


def _take(params, indices, axis, batch_dims):
    if batch_dims:
        return jax.vmap(lambda p, i: _take(p, i, axis - 1, batch_dims - 1))(params, indices)
    if params.dtype == np.object_:
        return np.take(params, indices, axis=axis)
    return jnp.take(params, indices, axis=axis, mode="clip")


@op(name="gather", kernel="GatherV2", tensors=2, policy=INDEPENDENT, error_name=None)
def _gather(params, indices, axis=0, batch_dims=0):
    return _take(params, indices, axis, batch_dims)


@export("gather", v1=())
def gather(params, indices, validate_indices=None, axis=None, batch_dims=0, name=None):
    """`tf.gather`: out-of-range indices raise, as on TF's CPU (JAX would clamp)."""
    params, indices = as_tensor(params), as_tensor(indices)
    _check_index_dtype("GatherV2", indices)
    batch_dims = int(batch_dims)
    if batch_dims < 0:
        batch_dims += indices.ndim
    axis = batch_dims if axis is None else int(axis)
    if axis < 0:
        axis += params.ndim
    if params.ndim == 0:
        raise kernel_error("GatherV2", "params must be at least 1 dimensional")
    if axis >= params.ndim:
        raise kernel_error("GatherV2", f"Shape must be at least rank {axis + 1} but is rank "
                           f"{params.ndim}")
    if concrete(indices):
        idx, n = np.asarray(indices._value), params.shape[axis]
        bad = np.argwhere((idx < 0) | (idx >= n))
        if len(bad) and idx.ndim == 0:  # TF's slow path for a scalar index adds " name: "
            raise kernel_error("GatherV2", f"indices = {idx} is not in [0, {n})", "")
        if len(bad):
            raise kernel_error("GatherV2", f"indices[{_position(bad[0])}] = {idx[tuple(bad[0])]} "
                               f"is not in [0, {n})")
    return _gather(params, indices, axis, batch_dims)


@export(v1=("gather",))
def gather_v1(params, indices, validate_indices=None, name=None, axis=None, batch_dims=0):
    return gather(params, indices, validate_indices, axis, batch_dims)


def _nd_key(indices):
    return tuple(indices[..., i] for i in range(indices.shape[-1]))


def _gather_nd_impl(params, indices, batch_dims):
    if batch_dims:
        return jax.vmap(lambda p, i: _gather_nd_impl(p, i, batch_dims - 1))(params, indices)
    return params[_nd_key(indices)]


@op(name="gather_nd", kernel="GatherNd", tensors=2, policy=INDEPENDENT, error_name=None)
def _gather_nd(params, indices, batch_dims=0):
    return _gather_nd_impl(params, indices, batch_dims)


def _check_nd_indices(kernel, indices, shape, what):
    """TF's "indices[i] = [..] does not index into <what> [..]" for the first bad index row."""
    if not concrete(indices):
        return
    idx = np.asarray(indices._value)
    k = idx.shape[-1]
    bad = np.argwhere(np.any((idx < 0) | (idx >= np.array(shape[:k])), axis=-1))
    if len(bad):
        row = idx[tuple(bad[0])]
        where = f"[{_position(bad[0])}]" if idx.ndim > 1 else ""
        raise kernel_error(kernel, f"indices{where} = [{', '.join(map(str, row))}] does not "
                           f"index into {what} {dims(shape)}" +
                           (", node name: GatherNd" if kernel == "GatherNd" else ""))


@export("gather_nd", v1=("gather_nd", "manip.gather_nd"))
def gather_nd(params, indices, batch_dims=0, name=None):
    """`tf.gather_nd`: out-of-range indices raise, as on TF's CPU."""
    params, indices = as_tensor(params), as_tensor(indices)
    _check_index_dtype("GatherNd", indices)
    k = indices.shape[-1] if indices.ndim else 0
    if k > params.ndim - batch_dims:
        raise kernel_error("GatherNd", f"index innermost dimension length must be <= params "
                           f"rank; saw: {k} vs. {params.ndim - batch_dims}")
    if not batch_dims:
        _check_nd_indices("GatherNd", indices, params.shape, "param shape")
    return _gather_nd(params, indices, int(batch_dims))


# -- masks and selection -----------------------------------------------------------------------

@op(name="where", kernel="Where", tensors=1, jit=False, differentiable=False)
def _where_coords(condition):
    if condition.ndim == 0:
        raise errors.InvalidArgumentError(None, None,
                                          "WhereOp : Unhandled input dimensions: 0")
    return jnp.argwhere(condition).astype(jnp.int64)


@op(name="select_v2", kernel="SelectV2", tensors=3, policy=INDEPENDENT, error_name=None)
def _select_v2(condition, x, y, named=False):
    try:
        np.broadcast_shapes(condition.shape, x.shape, y.shape)
    except ValueError:
        raise kernel_error("SelectV2", f"condition {dims(condition.shape)}, then "
                           f"{dims(x.shape)}, and else {dims(y.shape)} must be broadcastable",
                           "" if named else None) from None
    return xp(x).where(condition, x, y)


@op(name="select", kernel="Select", tensors=3, policy=INDEPENDENT, error_name=None)
def _select_v1(condition, x, y, named=False):
    """TF 1's Select: a vector condition picks rows; otherwise all shapes must be equal."""
    tail = "" if named else None  # TF names the op only when the condition was a tensor
    if condition.ndim == 0:
        return xp(x).where(condition, x, y)
    if condition.ndim == 1 and x.ndim != 1:
        if x.ndim == 0:
            raise kernel_error("Select", f"'then' must be at least a vector, but saw shape: "
                               f"{dims(x.shape)}", tail)
        if x.shape[0] != condition.shape[0]:
            raise kernel_error("Select", f"Number of batches of 'then' must match size of 'cond', "
                               f"but saw: {x.shape[0]} vs. {condition.shape[0]}", tail)
        if x.shape != y.shape:
            raise kernel_error("Select", f"'then' and 'else' must have the same size.  but "
                               f"received: {dims(x.shape)} vs. {dims(y.shape)}", tail)
        condition = jnp.reshape(condition, condition.shape + (1,) * (x.ndim - 1))
        return xp(x).where(condition, x, y)
    for i, t in ((1, x), (2, y)):
        if t.shape != condition.shape:
            raise kernel_error(
                "Select", "Inputs to operation Select of type Select must have the same size and "
                f"shape.  Input 0: {dims(condition.shape)} != input {i}: {dims(t.shape)}", tail)
    return xp(x).where(condition, x, y)


def _select(select, kernel, condition, x, y):
    """Converts where's operands as TF does: condition to bool, x and y to one dtype."""
    named = isinstance(condition, Tensor) or hasattr(condition, "_is_variable")
    if named:
        condition = as_tensor(condition)
        if condition.dtype != d.bool_:
            raise errors.InvalidArgumentError(
                None, None, f"cannot compute {kernel} as input #0(zero-based) was expected to be "
                f"a bool tensor but is a {kind(condition.dtype)} tensor [Op:{kernel}] name: ")
    else:
        condition = Tensor(host_array(condition, d.bool_), d.bool_)
    x = x.value() if hasattr(x, "_is_variable") else x
    y = y.value() if hasattr(y, "_is_variable") else y
    if not isinstance(x, Tensor) and not isinstance(y, Tensor):
        x = as_tensor(x)
    anchor = (x if isinstance(x, Tensor) else y).dtype
    x, y = (v if isinstance(v, Tensor) else Tensor(host_array(v, anchor), anchor) for v in (x, y))
    if y.dtype != x.dtype:
        raise errors.InvalidArgumentError(
            None, None, f"cannot compute {kernel} as input #2(zero-based) was expected to be a "
            f"{kind(x.dtype)} tensor but is a {kind(y.dtype)} tensor [Op:{kernel}]" +
            (" name: " if named else ""))
    return select(condition, x, y, named)


@export("where", v1=("where_v2",))
def where(condition, x=None, y=None, name=None):
    """`tf.where`: the int64 coordinates of true (nonzero) elements, or an elementwise select
    with broadcasting (SelectV2)."""
    if x is None and y is None:
        return _where_coords(condition)
    if x is None or y is None:
        raise ValueError("x and y must both be non-None or both be None.")
    return _select(_select_v2, "SelectV2", condition, x, y)


@export(v1=("where",))
def where_v1(condition, x=None, y=None, name=None):
    """`tf.compat.v1.where`: TF 1's Select, which does not broadcast (a vector condition picks
    rows)."""
    if x is None and y is None:
        return _where_coords(condition)
    if x is None or y is None:
        raise ValueError("x and y must both be non-None or both be None.")
    return _select(_select_v1, "Select", condition, x, y)


@export("boolean_mask", v1=())
def boolean_mask(tensor, mask, axis=None, name="boolean_mask"):
    """`tf.boolean_mask`, composed as TF composes it: reshape, where, gather (so its gradient is
    a gather's)."""
    tensor, mask = as_tensor(tensor), as_tensor(mask)
    m = mask.ndim
    if m == 0:
        raise ValueError("mask cannot be scalar.")
    axis = 0 if axis is None else int(axis)
    # TF slices the static shape without normalising a negative axis.
    got = TensorShape(tensor.shape.as_list()[axis:axis + m])
    if not got.is_compatible_with(mask.shape):
        raise ValueError(f"Shapes {got} and {mask.shape} are incompatible")
    shape = tensor.shape.as_list()
    flat = reshape(tensor, shape[:axis] + [int(np.prod(shape[axis:axis + m]))] + shape[axis + m:])
    indices = squeeze(_where_coords(reshape(mask, [-1])), axis=[1])
    return _gather(flat, indices, axis, 0)


@export(v1=("boolean_mask",))
def boolean_mask_v1(tensor, mask, name="boolean_mask", axis=None):
    return boolean_mask(tensor, mask, axis)


# -- scatter -----------------------------------------------------------------------------------

def _scatter_into(base, indices, updates, add):
    at = base.at[_nd_key(indices)]
    return at.add(updates) if add else at.set(updates)


@op(name="scatter_nd", kernel="ScatterNd", tensors=2, policy=INDEPENDENT, error_name=None)
def _scatter_nd(indices, updates, shape):
    return _scatter_into(jnp.zeros(shape, updates.dtype), indices, updates, True)


def _check_scatter(kernel, indices, updates, shape, outer_message):
    k = indices.shape[-1] if indices.ndim else 0
    outer = indices.ndim - 1
    if tuple(indices.shape[:outer]) != tuple(updates.shape[:outer]) or \
            tuple(updates.shape[outer:]) != tuple(shape[k:]):
        raise kernel_error(kernel, outer_message(indices.shape, updates.shape, outer))
    _check_nd_indices(kernel, indices, shape, "shape")


@export("scatter_nd", v1=("scatter_nd", "manip.scatter_nd"))
def scatter_nd(indices, updates, shape, name=None):
    """`tf.scatter_nd`: duplicate indices add; out-of-range indices raise."""
    indices, updates = as_tensor(indices), as_tensor(updates)
    shape = tuple(int(s) for s in (shape.numpy().tolist() if isinstance(shape, Tensor) else shape))
    for s in shape:
        if s < 0:
            raise kernel_error("ScatterNd", f"Dimension {s} must be >= 0")
    if np.prod(tuple(indices.shape)) and not np.prod(shape):
        raise kernel_error("ScatterNd", "Indices and updates specified for empty output.  indices "
                           f"shape: {dims(indices.shape)}")
    _check_scatter("ScatterNd", indices, updates, shape, lambda i, u, n: (
        f"Dimensions [0,{n}) of indices[shape={dims(i)}] must match dimensions [0,{n}) of "
        f"updates[shape={dims(u)}]"))
    return _scatter_nd(indices, updates, shape)


def _tensor_scatter(kernel, add, v2, v1):
    @op(name=f"tensor_scatter_{kernel}", kernel=kernel, tensors=3, policy=INDEPENDENT,
        error_name=None)
    def impl(tensor, indices, updates):
        return _scatter_into(tensor, indices, updates, add)

    @export(*v2, v1=v1)
    def public(tensor, indices, updates, name=None):
        tensor, indices = as_tensor(tensor), as_tensor(indices)
        if hasattr(updates, "_is_variable") or isinstance(updates, Tensor):
            updates = as_tensor(updates)
            if updates.dtype != tensor.dtype:
                raise errors.InvalidArgumentError(
                    None, None, f"cannot compute {kernel} as input #2(zero-based) was expected to "
                    f"be a {kind(tensor.dtype)} tensor but is a {kind(updates.dtype)} tensor "
                    f"[Op:{kernel}]")
        else:
            updates = Tensor(host_array(updates, tensor.dtype), tensor.dtype)
        _check_scatter(kernel, indices, updates, tuple(tensor.shape), lambda i, u, n: (
            f"Outer dimensions of indices and update must match. Indices shape: {dims(i)}, "
            f"updates shape:{dims(u)}"))
        return impl(tensor, indices, updates)
    public.__name__ = v2[0]
    return public


tensor_scatter_nd_update = _tensor_scatter(
    "TensorScatterUpdate", False, ("tensor_scatter_nd_update",),
    ("tensor_scatter_nd_update", "tensor_scatter_update"))
tensor_scatter_nd_add = _tensor_scatter(
    "TensorScatterAdd", True, ("tensor_scatter_nd_add",),
    ("tensor_scatter_nd_add", "tensor_scatter_add"))


# -- sorting and unique ------------------------------------------------------------------------

@op(name="sort", kernel="TopKV2", tensors=1)
def _sort(values, axis, descending):
    return jnp.sort(values, axis=axis, descending=descending, stable=True)


@op(name="argsort", kernel="TopKV2", tensors=1, differentiable=False)
def _argsort(values, axis, descending):
    return jnp.argsort(values, axis=axis, descending=descending, stable=True).astype(jnp.int32)


def _sort_args(values, axis, direction):
    if direction not in ("ASCENDING", "DESCENDING"):
        raise ValueError("Argument `direction` should be one of ASCENDING, DESCENDING. Received: "
                         f"direction={direction}")
    values = as_tensor(values)
    if values.dtype in (d.bool_, d.string):
        raise attr_error("Neg", "T", values.dtype.name, "bfloat16, half, float, double, int8, "
                         "int16, int32, int64, complex64, complex128", "")
    r = values.ndim
    axis = int(axis)
    if not -r <= axis < r:
        # TF reads the axis' size from tf.shape(values)[axis].
        raise kernel_error("StridedSlice", f"slice index {axis + r if axis < 0 else axis} of "
                           "dimension 0 out of bounds.", "strided_slice/")
    return values, axis % r, direction == "DESCENDING"


@export("sort")
def sort(values, axis=-1, direction="ASCENDING", name=None):
    """`tf.sort` along `axis` (NaN sorts last when ascending)."""
    return _sort(*_sort_args(values, axis, direction))


@export("argsort")
def argsort(values, axis=-1, direction="ASCENDING", stable=False, name=None):
    """`tf.argsort`: int32 indices; ties keep their order (TF's top_k is stable too)."""
    return _argsort(*_sort_args(values, axis, direction))


Unique = collections.namedtuple("Unique", ["y", "idx"])
UniqueWithCounts = collections.namedtuple("UniqueWithCounts", ["y", "idx", "count"])


def _unique(x, out_idx):
    x = as_tensor(x)
    if x.ndim != 1:
        raise kernel_error("Unique", "unique expects a 1D vector.")
    out_idx = d.as_dtype(out_idx)
    arr = np.asarray(x._value)
    # First-occurrence order; NaNs are all distinct, as in TF's hash map.
    values, first, inverse = np.unique(arr, return_index=True, return_inverse=True,
                                       **({} if arr.dtype == object else {"equal_nan": False}))
    order = np.argsort(first, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    idx = rank[inverse.reshape(-1)].astype(out_idx.as_numpy_dtype)
    return Tensor(values[order], x.dtype), Tensor(idx, out_idx), len(order)


@export("unique")
def unique(x, out_idx=d.int32, name=None):
    """`tf.unique`: (y, idx), with y in order of first occurrence."""
    y, idx, _ = _unique(x, out_idx)
    return Unique(y, idx)


@export("unique_with_counts")
def unique_with_counts(x, out_idx=d.int32, name=None):
    y, idx, n = _unique(x, out_idx)
    counts = np.bincount(idx.numpy(), minlength=n).astype(idx.dtype.as_numpy_dtype)
    return UniqueWithCounts(y, idx, Tensor(counts, idx.dtype))
