"""Tensor: an immutable value with a TF dtype, wrapping a JAX array, a tracer or a host NumPy value.

Host NumPy values (from Python literals and NumPy inputs) stay on the host until an op needs them:
converting a Python scalar to a device array costs tens of microseconds, and JAX ops accept NumPy
inputs directly.
"""

import jax
import numpy as np

from tfcompat._src import dtypes
from tfcompat._src.export import export
from tfcompat._src.tensor_shape import TensorShape


class OperatorMixin:
    """Python operators for Tensor and Variable; the registry installs one method per op that
    declares an operator (`@op(..., operators=("add",))` gives `__add__` and `__radd__`)."""

    __slots__ = ()
    # NumPy defers to us in `np.float64(1.0) * tensor`, as it defers to TF's EagerTensor.
    __array_priority__ = 100


@export("Tensor")
class Tensor(OperatorMixin):
    """`tf.Tensor` in eager mode (TF's EagerTensor)."""

    __slots__ = ("_value", "_dtype", "__weakref__")

    def __init__(self, value, dtype: dtypes.DType | None = None):
        self._value = value
        self._dtype = dtype if dtype is not None else dtypes.as_dtype(value.dtype)

    @property
    def dtype(self) -> dtypes.DType:
        return self._dtype

    @property
    def shape(self) -> TensorShape:
        return TensorShape(np.shape(self._value))

    def get_shape(self) -> TensorShape:
        return self.shape

    @property
    def ndim(self) -> int:
        return np.ndim(self._value)

    @property
    def name(self):
        raise AttributeError("Tensor.name is undefined when eager execution is enabled.")

    @property
    def device(self) -> str:
        from tfcompat._src.device import device_string
        return device_string(self._value)

    def numpy(self):
        """The value as NumPy: a NumPy scalar for shape (), else an ndarray (read-only view)."""
        arr = np.asarray(self._value)
        return arr[()] if arr.ndim == 0 else arr

    def __array__(self, dtype=None, copy=None):
        arr = np.asarray(self._value)
        return arr if dtype is None else arr.astype(dtype)

    def __jax_array__(self):
        return jax.numpy.asarray(self._value)

    def __bool__(self):
        # TF: an empty tensor is False (NumPy 2 raises for empty arrays).
        if np.size(self._value) == 0:
            return False
        return bool(self.numpy())

    def __float__(self):
        return float(self.numpy())

    def __int__(self):
        return int(self.numpy())

    def __index__(self):
        if not self._dtype.is_integer:
            # What TF raises: it delegates to the NumPy scalar, which has no __index__.
            raise AttributeError(f"'numpy.{type(self.numpy()).__name__}' object has no "
                                 "attribute '__index__'")
        return int(self.numpy())

    def __complex__(self):
        return complex(self.numpy())

    def __len__(self):
        if self.ndim == 0:
            raise TypeError("Scalar tensor has no `len()`")
        return np.shape(self._value)[0]

    def __iter__(self):
        if self.ndim == 0:
            raise TypeError("Cannot iterate over a scalar tensor.")
        return (self[i] for i in range(len(self)))

    def __hash__(self):
        raise TypeError("Tensor is unhashable. Instead, use tensor.ref() as the key.")

    def __format__(self, spec):
        # As TF: a scalar formats as its Python value, an array as NumPy formats it.
        if self.ndim == 0:
            return format(self.numpy().item(), spec)
        return format(self.numpy(), spec)

    def __str__(self):
        from tfcompat._src import printing
        return printing.tensor_str(self)

    def __repr__(self):
        from tfcompat._src import printing
        return printing.tensor_repr(self)

    def ref(self):
        return _Reference(self)

    def __reduce__(self):
        return Tensor, (self.numpy(), self._dtype)


def device_value(t):
    """`t`'s value for compiled code: a host NumPy value is put on the device once and kept in the
    Tensor (same value, device representation), so a constant that a training loop feeds to its
    compiled gradient or kernel at every step is not transferred again at every call (on CPU a
    few µs per argument, on a GPU tens)."""
    v = t._value
    if isinstance(v, (np.ndarray, np.generic)) and v.dtype.kind not in "OSU":
        v = jax.device_put(v)
        if type(t) is Tensor and not isinstance(v, jax.core.Tracer):
            t._value = v
    return v


# A Tensor is a pytree node holding one array: jax.jit, jax.tree_util and optax accept Tensors
# as arguments and results, and tfcompat ops inside see Tensors of tracers.
jax.tree_util.register_pytree_node(
    Tensor, lambda t: ((t._value,), t._dtype), lambda dtype, children: Tensor(children[0], dtype))


class _Reference:
    """`Tensor.ref()`: a hashable handle compared by identity."""

    __slots__ = ("_t",)

    def __init__(self, t):
        self._t = t

    def deref(self):
        return self._t

    def __hash__(self):
        return id(self._t)

    def __eq__(self, other):
        return isinstance(other, _Reference) and other._t is self._t


def host_array(value, dtype: dtypes.DType):
    """A Python or NumPy value as a host array of `dtype`, with TF's conversion rules.

    NumPy values cast silently (TF does); a Python float for an integer dtype, or a Python number
    for bool, raises TypeError as TF's EagerTensor conversion does.
    """
    if dtype is dtypes.string:
        return _string_array(value)
    if not isinstance(value, (np.ndarray, np.generic)):
        if isinstance(value, (list, tuple)):
            _check_rectangular(value)
        elif not isinstance(value, (str, bytes, bool, int, float, complex)) and \
                not hasattr(value, "dtype"):
            dtypes.infer_dtype(value)  # None, dicts, objects: TF's "Attempt to convert" error
        kind = _python_kind(value)
        if (kind == "f" and not (dtype.is_floating or dtype.is_complex)) or (
                kind == "c" and not dtype.is_complex) or (
                kind in "ifc" and dtype is dtypes.bool_) or kind == "s":
            raise TypeError(f"Cannot convert {value!r} to EagerTensor of dtype "
                            f"{_C_NAMES.get(dtype.name, dtype.name)}")
        if kind == "i" and dtype.is_integer:
            # TF wraps out-of-range Python ints (2**40 as int32 is 0), within int64's range.
            try:
                wide = np.asarray(np.asarray(value, dtype=object).astype(np.int64))
            except OverflowError:
                raise ValueError(_INT_RANGE) from None
            return wide.astype(dtype.as_numpy_dtype)
        # Python floats overflow to inf silently (e.g. 1e300 as float32), as in TF.
        with np.errstate(over="ignore"):
            return np.asarray(value).astype(dtype.as_numpy_dtype, copy=False)
    return np.asarray(value).astype(dtype.as_numpy_dtype, copy=False)


# TF names dtypes in conversion errors by their C++ names ("dtype float", not "float32").
_C_NAMES = {"float32": "float", "float64": "double", "float16": "half"}
_INT_RANGE = "Can't convert Python sequence with out-of-range integer to Tensor."
_FLOAT_RANGE = ("Can't convert Python sequence with a value out of range for a double-precision "
                "float.")


def _python_kind(value) -> str:
    """The widest kind in a nested Python value: 'b', 'i', 'f', 'c' or 's'."""
    if isinstance(value, (list, tuple)):
        kinds = {_python_kind(v) for v in value}
        for k in "scfib":
            if k in kinds:
                return k
        return "b"  # an empty sequence converts to any dtype
    if isinstance(value, (bool, np.bool_)):
        return "b"
    if isinstance(value, (int, np.integer)):
        return "i"
    if isinstance(value, (float, np.floating)):
        return "f"
    if isinstance(value, (complex, np.complexfloating)):
        return "c"
    if isinstance(value, Tensor):
        return "f" if value.dtype.is_floating else "i"
    return "s"


def _string_array(value):
    if not isinstance(value, (np.ndarray, np.generic)):
        leaves = _leaves(value)
        if not all(isinstance(v, (str, bytes, np.str_, np.bytes_)) for v in leaves):
            if len(leaves) > 1 and any(isinstance(v, (str, bytes)) for v in leaves):
                raise ValueError(_MIXED)
            raise TypeError(f"Cannot convert {value!r} to EagerTensor of dtype string")

    def enc(v):
        return v.encode() if isinstance(v, str) else v
    arr = np.asarray(value, dtype=object)
    return np.vectorize(enc, otypes=[object])(arr) if arr.ndim else np.asarray(enc(arr[()]),
                                                                               dtype=object)


_MIXED = "Can't convert Python sequence with mixed types to Tensor."


def _check_rectangular(value):
    """TF's sequence checks: the first element decides whether a level holds sequences, so
    `[[1], 2]` is non-rectangular but `[1, [2]]` has mixed types."""
    if isinstance(value, (list, tuple)):
        lens = {len(v) for v in value if isinstance(v, (list, tuple))}
        nested = [v for v in value if isinstance(v, (list, tuple))]
        if nested and len(nested) != len(value):
            if not isinstance(value[0], (list, tuple)):
                raise ValueError(_MIXED)
            raise ValueError("Can't convert non-rectangular Python sequence to Tensor.")
        if len(lens) > 1:
            raise ValueError("Can't convert non-rectangular Python sequence to Tensor.")
        for v in nested:
            _check_rectangular(v)


# What may follow a Python scalar of each kind in one sequence (bool is an int to TF's
# converter, and ints widen to float, but nothing widens a bool or an int to complex).
_FOLLOWERS = {"b": "b", "i": "bif", "f": "bif", "c": "bifc", "s": "s"}


def _leaves(value) -> list:
    """The non-sequence items of a nested list/tuple (or [value])."""
    leaves = []

    def walk(x):
        if isinstance(x, (list, tuple)):
            for v in x:
                walk(v)
        else:
            leaves.append(x)

    walk(value)
    return leaves


def _check_mixed(value):
    leaves = _leaves(value)
    if len(leaves) < 2 or any(isinstance(x, (np.generic, np.ndarray)) for x in leaves):
        return
    first = "n" if leaves[0] is None else _python_kind(leaves[0])
    if first == "n":
        return  # TF reports the None itself
    allowed = _FOLLOWERS.get(first, first)
    if any(x is None or _python_kind(x) not in allowed for x in leaves[1:]):
        raise ValueError(_MIXED)
    if first in "ib" and any(_python_kind(x) == "i" and not -(2**63) <= x < 2**63
                             for x in leaves):
        raise ValueError(_INT_RANGE)


def to_tensor(value, dtype: dtypes.DType | None = None) -> Tensor:
    """Converts a non-Tensor value (Python, NumPy, JAX) to a Tensor, inferring TF's dtype."""
    if isinstance(value, jax.Array) or isinstance(value, jax.core.Tracer):
        vdtype = dtypes.as_dtype(value.dtype)
        if dtype is not None and vdtype != dtype:
            value = value.astype(dtype.as_numpy_dtype)
            vdtype = dtype
        return Tensor(value, vdtype)
    _check_rectangular(value)
    if isinstance(value, (list, tuple)) and any(_contains_tensor(v) for v in value):
        value = _unwrap_nested(value)
    if isinstance(value, (list, tuple)):
        _check_mixed(value)
    if dtype is None:
        dtype = dtypes.infer_dtype(value)
        if isinstance(value, int) and not isinstance(value, bool) and not (
                -(2**63) <= value < 2**63):
            raise ValueError(_INT_RANGE)
        if dtype is dtypes.float32 and _python_kind(value) == "f" and _overflows_f32(value):
            # Only inference checks the range; an explicit float32 overflows to inf.
            raise ValueError(_FLOAT_RANGE)
    return Tensor(host_array(value, dtype), dtype)


def _overflows_f32(value) -> bool:
    if isinstance(value, (list, tuple)):
        return any(_overflows_f32(v) for v in value)
    if isinstance(value, float) and np.isfinite(value):
        return abs(value) > float(np.finfo(np.float32).max)
    return False


def _contains_tensor(v):
    if isinstance(v, (list, tuple)):
        return any(_contains_tensor(x) for x in v)
    return hasattr(v, "numpy") and hasattr(v, "dtype")


def _unwrap_nested(v):
    if isinstance(v, (list, tuple)):
        return [_unwrap_nested(x) for x in v]
    return v.numpy() if hasattr(v, "numpy") and hasattr(v, "dtype") else v
