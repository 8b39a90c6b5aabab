"""TensorFlow DType objects and the conversion of Python and NumPy values to tensors' dtypes."""

import ml_dtypes
import numpy as np

from tfcompat._src import errors


class DType:
    """`tf.DType`: a named element type (repr `tf.float32`, str `<dtype: 'float32'>`)."""

    __slots__ = ("_name", "_np", "_enum")

    def __init__(self, name: str, np_type, enum: int):
        self._name = name
        self._np = np_type
        self._enum = enum

    name = property(lambda self: self._name)
    # TF's string dtype maps to Python's `object`, not np.object_ (NumPy treats them alike).
    as_numpy_dtype = property(lambda self: object if self._name == "string" else self._np)
    as_datatype_enum = property(lambda self: self._enum)
    base_dtype = property(lambda self: self)
    is_numpy_compatible = property(lambda self: self._name != "bfloat16")
    is_floating = property(lambda self: self._name in _FLOAT_NAMES)
    is_complex = property(lambda self: self._name.startswith("complex"))
    is_integer = property(lambda self: self._name in _INT_NAMES)
    is_unsigned = property(lambda self: self._name.startswith("uint"))
    is_bool = property(lambda self: self._name == "bool")
    is_quantized = property(lambda self: False)

    @property
    def size(self) -> int:
        return 0 if self._name == "string" else np.dtype(self._np).itemsize

    @property
    def real_dtype(self) -> "DType":
        return {"complex64": float32, "complex128": float64}.get(self._name, self)

    @property
    def min(self):
        return self._limits("minimum").min

    @property
    def max(self):
        return self._limits("maximum").max

    def _limits(self, which: str):
        if self.is_floating:
            info = ml_dtypes.finfo(self._np)
            return _Limits(self._np(info.min), self._np(info.max))
        if self.is_integer:
            info = np.iinfo(self._np)
            return _Limits(info.min, info.max)
        raise TypeError(f"Cannot find {which} value of {self} with type {self}.")

    def is_compatible_with(self, other) -> bool:
        return self == as_dtype(other)

    def __eq__(self, other):
        if other is self:
            return True
        if isinstance(other, DType):
            return self._name == other._name
        try:
            return self._name == as_dtype(other)._name
        except TypeError:
            return False

    def __ne__(self, other):
        return other is not self and not self == other

    # DTypes are singletons (unpickling and copying return the module's instance), so identity
    # hashing is consistent with __eq__ among DTypes, and it is C-fast in the op cache keys.
    __hash__ = object.__hash__

    def __repr__(self):
        return f"tf.{self._name}"

    def __str__(self):
        return f"<dtype: '{self._name}'>"

    def __reduce__(self):
        return as_dtype, (self._name,)


class _Limits:
    def __init__(self, lo, hi):
        self.min, self.max = lo, hi


_FLOAT_NAMES = {"float16", "bfloat16", "float32", "float64"}
_INT_NAMES = {"int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"}

float16 = DType("float16", np.float16, 19)
bfloat16 = DType("bfloat16", ml_dtypes.bfloat16, 14)
float32 = DType("float32", np.float32, 1)
float64 = DType("float64", np.float64, 2)
int8 = DType("int8", np.int8, 6)
int16 = DType("int16", np.int16, 5)
int32 = DType("int32", np.int32, 3)
int64 = DType("int64", np.int64, 9)
uint8 = DType("uint8", np.uint8, 4)
uint16 = DType("uint16", np.uint16, 17)
uint32 = DType("uint32", np.uint32, 22)
uint64 = DType("uint64", np.uint64, 23)
bool_ = DType("bool", np.bool_, 10)
complex64 = DType("complex64", np.complex64, 8)
complex128 = DType("complex128", np.complex128, 18)
string = DType("string", np.object_, 7)

half = float16
double = float64

ALL = (float16, bfloat16, float32, float64, int8, int16, int32, int64, uint8, uint16, uint32,
       uint64, bool_, complex64, complex128, string)
_BY_NAME = {d.name: d for d in ALL}
_BY_NAME.update(half=float16, double=float64)
_BY_ENUM = {d.as_datatype_enum: d for d in ALL}
_BY_NP = {np.dtype(d.as_numpy_dtype): d for d in ALL if d is not string}
_BY_NP[np.dtype(np.object_)] = string
_BY_NP[np.dtype(np.str_)] = string
_BY_NP[np.dtype(np.bytes_)] = string

# Named sets that ops declare as their accepted input dtypes.
FLOATS = frozenset({float16, bfloat16, float32, float64})
COMPLEX = frozenset({complex64, complex128})
INTEGERS = frozenset(d for d in ALL if d.name in _INT_NAMES)
NUMERIC = FLOATS | COMPLEX | INTEGERS
INEXACT = FLOATS | COMPLEX
NUMERIC_AND_BOOL = NUMERIC | {bool_}
ANY = frozenset(ALL)


def as_dtype(type_value) -> DType:
    """`tf.as_dtype`: a DType from a DType, a name, a NumPy dtype or type."""
    if isinstance(type_value, DType):
        return type_value
    if isinstance(type_value, str):
        if type_value in _BY_NAME:
            return _BY_NAME[type_value]
    elif isinstance(type_value, int) and not isinstance(type_value, bool):
        # TF accepts DataType enum values: tf.as_dtype(1) is tf.float32 (so tf.float32 == 1).
        if type_value in _BY_ENUM:
            return _BY_ENUM[type_value]
    elif type_value is float:
        return float32
    elif type_value is bool:
        return bool_
    elif type_value is not None:  # np.dtype(None) would be float64
        try:
            np_dtype = np.dtype(type_value)
        except TypeError:
            np_dtype = None
        if np_dtype is not None and type_value is not int and type_value is not complex:
            if np_dtype.kind in "US":
                return string
            if np_dtype in _BY_NP:
                return _BY_NP[np_dtype]
    # TF raises this in Python, before any kernel: it passes unchanged through the registry.
    raise errors.python_error(TypeError(
        f"Cannot convert the argument `type_value`: {type_value!r} to a TensorFlow DType."))


def infer_dtype(value) -> DType:
    """The dtype TF gives a Python or NumPy value that carries no dtype of its own.

    Python int -> int32 (int64 when out of int32 range), float -> float32, bool -> bool,
    complex -> complex128, str -> string; NumPy values keep theirs.
    """
    if isinstance(value, (np.ndarray, np.generic)):
        return as_dtype(value.dtype)
    if isinstance(value, bool):
        return bool_
    if isinstance(value, int):
        return int32 if -(2**31) <= value < 2**31 else int64
    if isinstance(value, float):
        return float32
    if isinstance(value, complex):
        return complex128
    if isinstance(value, (str, bytes)):
        return string
    if isinstance(value, (list, tuple)):
        return _infer_sequence(value)
    if value is None:
        raise ValueError("Attempt to convert a value (None) with an unsupported type "
                         "(<class 'NoneType'>) to a Tensor.")
    if hasattr(value, "dtype"):
        return as_dtype(value.dtype)
    raise ValueError(f"Attempt to convert a value ({value!r}) with an unsupported type "
                     f"({type(value)}) to a Tensor.")


def _infer_sequence(seq) -> DType:
    """Mixed int/float lists are float32; the widest kind wins, as TF's sequence conversion does.

    A NumPy scalar keeps its dtype only as the first element: after a Python number it counts
    as the Python number it equals (`[1, np.float64(2.5)]` is float32).
    """
    kinds = set()
    out_of_range = False

    def walk(x):
        nonlocal out_of_range
        if isinstance(x, (list, tuple)):
            for item in x:
                walk(item)
            return
        if kinds and isinstance(x, np.generic) and x.dtype.kind in "biufc":
            x = x.item()
        d = infer_dtype(x)
        kinds.add(d)
        if d is int64 and not isinstance(x, np.generic):
            out_of_range = True

    walk(seq)
    if not kinds:
        return float32
    if len(kinds) == 1:
        return next(iter(kinds))
    for d in (string, complex128, complex64, float64, float32, int64, int32, bool_):
        if d in kinds:
            if d is int64 and out_of_range and int32 in kinds:
                return int64
            return d
    return next(iter(kinds))


def _export_all():
    from tfcompat._src.export import export_value
    for d in ALL:
        export_value(d, (d.name, f"dtypes.{d.name}"))
    for alias, d in (("half", float16), ("double", float64)):
        export_value(d, (alias, f"dtypes.{alias}"))
    export_value(as_dtype, ("as_dtype", "dtypes.as_dtype"))
    export_value(DType, ("dtypes.DType", "DType"))


_export_all()
