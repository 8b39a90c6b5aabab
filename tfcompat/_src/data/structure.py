"""Element structures of tf.data: nests of tuples, dicts and namedtuples with Tensor leaves, and
`tf.TensorSpec`, the type of one leaf.

As in TF's `tf.data`, a Python list is a value (converted to one tensor), not a structure; dicts
keep their key order.
"""

import numpy as np

from tfcompat._src import dtypes
from tfcompat._src.export import export
from tfcompat._src.tensor import Tensor
from tfcompat._src.tensor_shape import TensorShape, as_shape


@export("TensorSpec")
class TensorSpec:
    """`tf.TensorSpec`: the shape, dtype and optional name of a tensor."""

    __slots__ = ("_shape", "_dtype", "_name")

    def __init__(self, shape, dtype=dtypes.float32, name=None):
        self._shape = shape if isinstance(shape, TensorShape) else as_shape(
            None if shape is None else list(shape))
        self._dtype = dtypes.as_dtype(dtype)
        self._name = name

    shape = property(lambda self: self._shape)
    dtype = property(lambda self: self._dtype)
    name = property(lambda self: self._name)

    @classmethod
    def from_tensor(cls, tensor, name=None):
        return cls(tensor.shape, tensor.dtype, name)

    def is_compatible_with(self, other):
        other_shape = other.shape if hasattr(other, "shape") else TensorShape(np.shape(other))
        return self._dtype == dtypes.as_dtype(other.dtype) and self._shape.is_compatible_with(
            TensorShape(other_shape))

    def __eq__(self, other):
        return (isinstance(other, TensorSpec) and self._shape == other._shape
                and self._dtype == other._dtype and self._name == other._name)

    def __hash__(self):
        return hash((self._shape, self._dtype, self._name))

    def __repr__(self):
        return f"TensorSpec(shape={self._shape}, dtype={self._dtype!r}, name={self._name!r})"


def is_nest(x) -> bool:
    return isinstance(x, (tuple, dict))


def flatten(x) -> list:
    """The leaves of a nest, dicts in key order."""
    if isinstance(x, dict):
        return [leaf for v in x.values() for leaf in flatten(v)]
    if isinstance(x, tuple):
        return [leaf for v in x for leaf in flatten(v)]
    return [x]


def map_structure(fn, *nests):
    """`fn` on corresponding leaves of nests of one structure."""
    first = nests[0]
    if isinstance(first, dict):
        return type(first)((k, map_structure(fn, *(n[k] for n in nests))) for k in first)
    if isinstance(first, tuple):
        parts = [map_structure(fn, *items) for items in zip(*nests, strict=True)]
        return type(first)(*parts) if hasattr(first, "_fields") else tuple(parts)
    return fn(*nests)


def same_structure(a, b) -> bool:
    if isinstance(a, dict):
        return isinstance(b, dict) and list(a) == list(b) and all(
            same_structure(a[k], b[k]) for k in a)
    if isinstance(a, tuple):
        return isinstance(b, tuple) and len(a) == len(b) and all(
            same_structure(x, y) for x, y in zip(a, b, strict=True))
    return not is_nest(b)


def to_tensor(value, dtype=None) -> Tensor:
    """A leaf as a Tensor (Variables are read; Python and NumPy values are converted)."""
    from tfcompat._src.ops.array_ops import convert_to_tensor
    if isinstance(value, Tensor) and (dtype is None or value.dtype == dtype):
        return value
    return convert_to_tensor(value, dtype=dtype)


def normalize(element):
    """An element with every leaf converted to a Tensor (lists become tensors, as in TF)."""
    return map_structure(to_tensor, element)


def spec_of(element):
    return map_structure(lambda t: TensorSpec(t.shape, t.dtype), element)


def host(t: Tensor) -> np.ndarray:
    return np.asarray(t._value)


def from_host(arr, dtype) -> Tensor:
    return Tensor(np.asarray(arr, dtype=object if dtype is dtypes.string else None), dtype)


def grow(element, spec):
    """`element` made one longer along each dim its spec leaves unknown (repeating its own
    values), or None when the spec is fully known."""
    changed = False

    def one(t, s):
        nonlocal changed
        dims = range(t.shape.rank) if s.shape.rank is None else [
            i for i, d in enumerate(s.shape) if d is None]
        arr = host(t)
        for axis in dims:
            n = arr.shape[axis]
            if n == 0:
                continue
            arr = np.take(arr, np.arange(n + 1) % n, axis=axis)
            changed = True
        return from_host(arr, t.dtype)
    grown = map_structure(one, element, spec)
    return grown if changed else None


def merge_specs(specs):
    """One spec for several: dims (or ranks) that differ become unknown."""
    def merge(*ss):
        ranks = {s.shape.rank for s in ss}
        if None in ranks or len(ranks) > 1:
            return TensorSpec(None, ss[0].dtype)
        return TensorSpec([d[0] if len(set(d)) == 1 else None for d in zip(
            *(list(s.shape) for s in ss), strict=True)], ss[0].dtype)
    return map_structure(merge, *specs)
