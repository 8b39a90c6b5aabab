"""`tf.io.parse_single_example` / `tf.io.parse_example` with `FixedLenFeature` and
`VarLenFeature` (which gives a SparseTensor), on tfcompat's own Example decoder.

Outputs list the VarLen (sparse) keys first, then the FixedLen ones, as TF's dict does.
"""

import collections

import numpy as np

from tfcompat._src import dtypes, errors
from tfcompat._src.data import structure as st
from tfcompat._src.data.example import Example
from tfcompat._src.data.sparse import SparseTensor
from tfcompat._src.data.wire import DecodeError
from tfcompat._src.export import export_value


class FixedLenFeature(collections.namedtuple(
        "FixedLenFeature", ["shape", "dtype", "default_value"])):
    """A feature with a fixed number of values, reshaped to `shape`."""

    def __new__(cls, shape, dtype, default_value=None):
        return super().__new__(cls, shape, dtype, default_value)


class VarLenFeature(collections.namedtuple("VarLenFeature", ["dtype"])):
    """A feature with any number of values, parsed to a SparseTensor."""


export_value(FixedLenFeature, ("io.FixedLenFeature",), ("io.FixedLenFeature", "FixedLenFeature"))
export_value(VarLenFeature, ("io.VarLenFeature",), ("io.VarLenFeature", "VarLenFeature"))

_LIST_OF = {dtypes.int64: "int64_list", dtypes.float32: "float_list", dtypes.string: "bytes_list"}
_C_NAME = {"int64_list": "int64", "float_list": "float", "bytes_list": "string"}


def _error(message):
    return errors.InvalidArgumentError(None, None, f"{message} [Op:ParseExampleV2]")


def _decode(serialized) -> Example:
    try:
        return Example.FromString(serialized)
    except DecodeError:
        raise _error("Could not parse example input, value: '" + serialized.decode(
            "latin-1") + "'") from None


def _values(example, key, dtype):
    """The values of `key` as a NumPy array of `dtype`, or None when the feature is absent."""
    if key not in example.features.feature:
        return None
    feature = example.features.feature[key]
    kind = feature.WhichOneof("kind")
    if kind is None:
        return None
    want = _LIST_OF[dtype]
    if kind != want:
        raise _error(f"Key: {key}.  Data types don't match. "
                     f"Data type: {_C_NAME[kind]} but expected type: {_C_NAME[want]}")
    values = getattr(feature, kind).value
    if dtype == dtypes.string:
        return np.asarray(list(values) or [], dtype=object).reshape(-1)
    return np.asarray(values, dtype=dtype.as_numpy_dtype).reshape(-1)


def _check_features(features):
    if not features:
        raise ValueError("Missing: features was {}.")
    for key, f in features.items():
        if not isinstance(f, (FixedLenFeature, VarLenFeature)):
            raise ValueError(f"Unsupported {type(f).__name__} {f}.")
        if dtypes.as_dtype(f.dtype) not in _LIST_OF:
            raise ValueError(f"Unsupported dtype {dtypes.as_dtype(f.dtype).name} for feature "
                             f"{key}")


def _dense(examples, key, f):
    dtype, shape = dtypes.as_dtype(f.dtype), [int(d) for d in f.shape]
    size = int(np.prod(shape, dtype=np.int64))
    rows = []
    for ex in examples:
        v = _values(ex, key, dtype)
        if v is None:
            if f.default_value is None:
                raise _error(f"Feature: {key} (data type: {_C_NAME[_LIST_OF[dtype]]}) is "
                             "required but could not be found.")
            v = np.broadcast_to(st.host(st.to_tensor(f.default_value, dtype)),
                                shape).reshape(-1)
        if v.size != size:
            raise _error(f"Key: {key}.  Can't parse serialized Example: Number of "
                         f"{_C_NAME[_LIST_OF[dtype]]} values != expected.  Values size: "
                         f"{v.size} but output shape: [{','.join(map(str, shape))}]")
        rows.append(v.reshape(shape))
    return np.stack(rows) if rows else np.zeros([0] + shape, dtype.as_numpy_dtype)


def _sparse(examples, key, f, batched):
    dtype = dtypes.as_dtype(f.dtype)
    indices, values, longest = [], [], 0
    for b, ex in enumerate(examples):
        v = _values(ex, key, dtype)
        v = np.zeros([0], dtype=object if dtype == dtypes.string else dtype.as_numpy_dtype) \
            if v is None else v
        longest = max(longest, len(v))
        indices += [[b, i] if batched else [i] for i in range(len(v))]
        values.append(v)
    rank = 2 if batched else 1
    values = np.concatenate(values) if values else np.zeros([0])
    shape = [len(examples), longest] if batched else [longest]
    return SparseTensor(np.asarray(indices, np.int64).reshape(-1, rank),
                        st.from_host(values.astype(
                            object if dtype == dtypes.string else dtype.as_numpy_dtype), dtype),
                        np.asarray(shape, np.int64))


def _parse(serialized, features, batched):
    _check_features(features)
    t = st.to_tensor(serialized, dtypes.string)
    want = 1 if batched else 0
    if t.shape.rank != want:
        raise ValueError(f"Input serialized must be a {'vector' if batched else 'scalar'}")
    examples = [_decode(s) for s in np.atleast_1d(st.host(t))]
    out = {}
    # TF lists the sparse outputs first, then the dense ones, each sorted by key.
    for key, f in sorted(features.items()):
        if isinstance(f, VarLenFeature):
            out[key] = _sparse(examples, key, f, batched)
    for key, f in sorted(features.items()):
        if isinstance(f, FixedLenFeature):
            arr = _dense(examples, key, f)
            out[key] = st.from_host(arr if batched else arr[0], dtypes.as_dtype(f.dtype))
    return out


def parse_single_example(serialized, features, name=None, example_names=None):
    """`tf.io.parse_single_example`: one serialized Example (a scalar) to a dict of tensors."""
    return _parse(serialized, features, batched=False)


def parse_example(serialized, features, example_names=None, name=None):
    """`tf.io.parse_example`: a vector of serialized Examples to batched tensors."""
    return _parse(serialized, features, batched=True)


def parse_example_v1(serialized, features, name=None, example_names=None):
    """TF 1's `tf.parse_example` (its `name` comes before `example_names`)."""
    return _parse(serialized, features, batched=True)


export_value(parse_single_example, ("io.parse_single_example",),
             ("io.parse_single_example", "parse_single_example"))
export_value(parse_example, ("io.parse_example",), ())
export_value(parse_example_v1, (), ("io.parse_example", "parse_example"))
