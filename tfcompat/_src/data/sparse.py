"""A minimal `tf.sparse.SparseTensor` (what `VarLenFeature` parsing returns) and
`tf.sparse.to_dense`."""

import numpy as np

from tfcompat._src import dtypes, errors
from tfcompat._src.data import structure as st
from tfcompat._src.export import export
from tfcompat._src.tensor_shape import TensorShape


@export("sparse.SparseTensor", "SparseTensor")
class SparseTensor:
    """indices (int64 [N, rank]), values ([N]) and dense_shape (int64 [rank])."""

    def __init__(self, indices, values, dense_shape):
        self._indices = st.to_tensor(indices, dtypes.int64)
        self._values = st.to_tensor(values)
        self._dense_shape = st.to_tensor(dense_shape, dtypes.int64)

    indices = property(lambda self: self._indices)
    values = property(lambda self: self._values)
    dense_shape = property(lambda self: self._dense_shape)
    dtype = property(lambda self: self._values.dtype)

    @property
    def shape(self):
        return TensorShape([int(d) for d in st.host(self._dense_shape)])

    def get_shape(self):
        return self.shape

    def __repr__(self):
        # str() of each tensor, as TF's %s formatting (format() of an array tensor is NumPy's).
        return (f"SparseTensor(indices={self._indices!s}, values={self._values!s}, "
                f"dense_shape={self._dense_shape!s})")


@export("sparse.to_dense", v1=("sparse.to_dense", "sparse_tensor_to_dense"))
def to_dense(sp_input, default_value=None, validate_indices=True, name=None):
    """The dense tensor of `sp_input`, `default_value` (0 / b'') where it has no value."""
    if not isinstance(sp_input, SparseTensor):
        raise TypeError("Input must be a SparseTensor.")
    dtype = sp_input.dtype
    shape = [int(d) for d in st.host(sp_input.dense_shape)]
    fill = (b"" if dtype == dtypes.string else 0) if default_value is None else \
        st.host(st.to_tensor(default_value, dtype))[()]
    out = np.full(shape, fill, dtype=object if dtype == dtypes.string else dtype.as_numpy_dtype)
    for index, value in zip(st.host(sp_input.indices), st.host(sp_input.values), strict=True):
        if any(i < 0 or i >= d for i, d in zip(index, shape, strict=True)):
            raise errors.InvalidArgumentError(
                None, None, f"indices[{0}] = [{','.join(map(str, index))}] is out of bounds: "
                f"need 0 <= index < [{','.join(map(str, shape))}]")
        out[tuple(index)] = value
    return st.from_host(out, dtype)
