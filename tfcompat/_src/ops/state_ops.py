"""Writes into part of a Variable: `v[1:3].assign(x)`, Variable.scatter_* and tf.compat.v1's
scatter_* functions.

Like `Variable.assign`, these replace the stored value (inside a tf.function, the trace's value)
and are not recorded on tapes. Each returns the variable's 'UnreadVariable' view, as eager TF does.
The new value is computed with JAX's functional updates (`x.at[...]`); TF's kernels' checks on
indices and shapes run first, on concrete values.
"""

import weakref

import jax
import jax.numpy as jnp
import numpy as np

from tfcompat._src import dtypes as d
from tfcompat._src import variable
from tfcompat._src.export import export
from tfcompat._src.ops.array_ops import as_tensor, concrete, dims, kernel_error
from tfcompat._src.ops.indexing_ops import (
    _apply_spec,
    _check_nd_indices,
    _nd_key,
    _spec,
    _tensor_getitem,
)
from tfcompat._src.registry import attach_operator
from tfcompat._src.tensor import Tensor

# -- v[key].assign(value): TF's strided-slice assignment ----------------------------------------

# id(slice tensor) -> (variable, slice spec, weakref that drops the entry with the tensor).
_SLICES: dict = {}


def _variable_getitem(self, key):
    """`v[key]`: the slice as a Tensor that remembers where it came from, for `.assign`."""
    out = _tensor_getitem(self, key)
    if not (isinstance(key, (bool, np.bool_)) or (
            isinstance(key, (Tensor, np.ndarray)) and key.dtype == d.bool_)):
        k = id(out)
        _SLICES[k] = (self, _spec(key), weakref.ref(out, lambda _, k=k: _SLICES.pop(k, None)))
    return out


def _slice_assign_attr(self):
    """`tensor.assign`, present only on a slice of a variable (as on TF's sliced tensors)."""
    entry = _SLICES.get(id(self))
    if entry is None:
        raise AttributeError(f"'{type(self).__name__}' object has no attribute 'assign'")
    var, spec, _ = entry

    def assign(value, name=None):
        return strided_slice_assign(var, spec, value)
    return assign


def strided_slice_assign(var, spec, value):
    """`var[spec] = value` (value broadcast to the slice's shape), as ResourceStridedSliceAssign."""
    shape = tuple(var.shape)
    size = int(np.prod(shape, dtype=np.int64))
    # The slice's positions in the flattened variable: the read's validation, for free.
    where = np.asarray(_apply_spec(np.arange(size).reshape(shape), spec))
    new = variable._convert(value, var.dtype)
    try:
        np.broadcast_shapes(np.shape(new._value), where.shape)
        if len(np.shape(new._value)) > where.ndim:
            raise ValueError
    except ValueError:
        raise kernel_error("ResourceStridedSliceAssign", f"Cannot broadcast input shape "
                           f"{dims(np.shape(new._value))} into final shape {dims(where.shape)}",
                           name="strided_slice/_assign") from None
    flat = jnp.reshape(var._storage.value, (size,))
    flat = flat.at[where.reshape(-1)].set(
        jnp.broadcast_to(new._value, where.shape).reshape(-1))
    var._storage.value = jnp.reshape(flat, shape)
    return variable._UnreadVariable(var)


attach_operator("assign", property(_slice_assign_attr))  # Variable's own assign takes precedence
variable.Variable.__getitem__ = _variable_getitem


# -- scatters ------------------------------------------------------------------------------------

def _divide(at, u):
    """ScatterDiv: integer variables divide as C++ does (truncating, keeping the dtype); repeated
    indices divide in turn, which for integers is one division by the product."""
    if jnp.issubdtype(at.array.dtype, jnp.integer):
        return jax.lax.div(at.array, jnp.ones_like(at.array).at[at.index].multiply(u))
    return at.divide(u)


_MODES = {  # how an update combines with the value, by TF's kernel suffix
    "Update": lambda at, u: at.set(u),
    "Add": lambda at, u: at.add(u),
    "Sub": lambda at, u: at.add(-u),
    "Mul": lambda at, u: at.multiply(u),
    "Div": lambda at, u: _divide(at, u),
    "Max": lambda at, u: at.max(u),
    "Min": lambda at, u: at.min(u),
}


def _updates(var, updates) -> Tensor:
    return variable._convert(updates, var.dtype)


def _write(var, value):
    var._storage.value = value
    return variable._UnreadVariable(var)


def scatter_nd(var, mode: str, indices, updates):
    """ResourceScatterNd<mode>: `updates` into `var` at the index rows of `indices`."""
    kernel = f"ResourceScatterNd{mode}"
    indices, updates = as_tensor(indices), _updates(var, updates)
    _check_nd_shapes(kernel, tuple(indices.shape), tuple(updates.shape), tuple(var.shape))
    _check_nd_indices(kernel, indices, tuple(var.shape), "shape")
    at = var._storage.value.at[_nd_key(indices._value)]
    return _write(var, _MODES[mode](at, updates._value))


def _check_nd_shapes(kernel, indices, updates, params):
    """TF's scatter_nd shape validation (ValidateUpdateShape), with its messages."""
    slice_dim = indices[-1] if len(indices) > 1 else 1
    batch_dim = len(indices) - 1 if len(indices) > 1 else 1

    def prefix(i=None):
        tail = ("", "") if i is None else (f" = {indices[i]}", f" = {updates[i]}")
        return kernel_error(kernel, f"Dimensions [0,{batch_dim}) of indices[shape="
                            f"{dims(indices)}]{tail[0]} must match dimensions [0,{batch_dim}) "
                            f"of updates[shape={dims(updates)}]{tail[1]}", name=None)

    def suffix():
        return kernel_error(kernel, f"Dimensions [{slice_dim},{len(params)}) of input[shape="
                            f"{dims(params)}] must match dimensions [{slice_dim},{len(updates)}) "
                            f"of updates[shape={dims(updates)}]", name=None)
    if len(updates) < batch_dim:
        raise prefix()
    if len(params) < slice_dim + len(updates) - batch_dim or \
            len(updates) != batch_dim + len(params) - slice_dim:
        raise suffix()
    for i in range(batch_dim):
        if updates[i] != indices[i]:
            raise prefix(i)
    for i in range(len(updates) - batch_dim):
        if updates[i + batch_dim] != params[i + slice_dim]:
            raise suffix()


def scatter(var, mode: str, indices, updates):
    """ResourceScatter<mode>: rows of `var` (its first axis) at `indices` take `updates`."""
    kernel = f"ResourceScatter{mode}"
    indices, updates = as_tensor(indices), _updates(var, updates)
    shape = tuple(var.shape)
    want = tuple(indices.shape) + shape[1:]
    if updates.ndim and updates.ndim != len(want):
        raise kernel_error(kernel, "Must have updates.shape = indices.shape + params.shape[1:] "
                           f"or updates.shape = [], got updates.shape {dims(updates.shape)}, "
                           f"indices.shape {dims(indices.shape)}, params.shape {dims(shape)}",
                           name=None)
    if updates.ndim and tuple(updates.shape[:indices.ndim]) != tuple(indices.shape):
        raise kernel_error(kernel, f"The shape of indices ({dims(indices.shape)}) must be a "
                           f"prefix of the shape of updates ({dims(updates.shape)})", name=None)
    if updates.ndim and tuple(updates.shape) != want:
        raise kernel_error(kernel, f"The shape of updates ({dims(updates.shape)}) must be "
                           f"indices.shape + params.shape[1:] ({dims(want)})", name=None)
    if concrete(indices):
        flat = np.asarray(indices._value).reshape(-1)
        bad = np.flatnonzero((flat < 0) | (flat >= (shape[0] if shape else 0)))
        if len(bad):
            raise kernel_error(kernel, f"indices[{bad[0]}] = {flat[bad[0]]} is not in "
                               f"[0, {shape[0] if shape else 0})", name=None)
    at = var._storage.value.at[indices._value]
    return _write(var, _MODES[mode](at, jnp.broadcast_to(updates._value, want)))


def _sparse_delta(sparse_delta):
    if not (hasattr(sparse_delta, "indices") and hasattr(sparse_delta, "values")) or \
            isinstance(sparse_delta, Tensor):
        raise TypeError("Argument `sparse_delta` must be a `tf.IndexedSlices`. Received arg: "
                        f"{sparse_delta}")
    return sparse_delta.indices, sparse_delta.values


def _install_variable_methods():
    def nd(mode):
        def method(self, indices, updates, name=None):
            return scatter_nd(self, mode, indices, updates)
        method.__name__ = f"scatter_nd_{mode.lower()}"
        method.__doc__ = f"`Variable.{method.__name__}`: ResourceScatterNd{mode}."
        return method

    def sparse(mode):
        def method(self, sparse_delta, use_locking=False, name=None):
            indices, values = _sparse_delta(sparse_delta)
            return scatter(self, mode, indices, values)
        method.__name__ = f"scatter_{mode.lower()}"
        method.__doc__ = f"`Variable.{method.__name__}(IndexedSlices)`: ResourceScatter{mode}."
        return method

    for mode in ("Update", "Add", "Sub", "Max", "Min"):
        setattr(variable.Variable, f"scatter_nd_{mode.lower()}", nd(mode))
    for mode in _MODES:
        setattr(variable.Variable, f"scatter_{mode.lower()}", sparse(mode))


_install_variable_methods()


def _v1_scatter(mode: str, nd: bool):
    name = f"scatter_nd_{mode.lower()}" if nd else f"scatter_{mode.lower()}"

    def fn(ref, indices, updates, use_locking=True, name=None):
        if not hasattr(ref, "_is_variable"):
            raise TypeError(f"tf.compat.v1.{fn.__name__} needs a Variable as `ref`, got "
                            f"{type(ref).__name__}")
        return (scatter_nd if nd else scatter)(ref, mode, indices, updates)
    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = f"`tf.compat.v1.{name}`: writes into the variable `ref`, returns its view."
    export(v1=(name,))(fn)
    return fn


scatter_update = _v1_scatter("Update", False)
scatter_add = _v1_scatter("Add", False)
scatter_sub = _v1_scatter("Sub", False)
scatter_mul = _v1_scatter("Mul", False)
scatter_div = _v1_scatter("Div", False)
scatter_max = _v1_scatter("Max", False)
scatter_min = _v1_scatter("Min", False)
scatter_nd_update = _v1_scatter("Update", True)
scatter_nd_add = _v1_scatter("Add", True)
scatter_nd_sub = _v1_scatter("Sub", True)
