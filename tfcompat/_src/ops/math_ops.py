"""tf.math: elementwise arithmetic, comparisons, reductions and matmul."""

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from tfcompat._src import dtypes as d
from tfcompat._src import errors
from tfcompat._src.registry import TRUEDIV, attach_operator, op

_ARITH = d.NUMERIC
_SIGNED = d.NUMERIC - {d.uint8, d.uint16, d.uint32, d.uint64}


# -- binary arithmetic -------------------------------------------------------------------------

@op("math.add", "add", kernel="AddV2", dtypes_=_ARITH | {d.string}, operators=("add",),
    convert_hint=True, broadcasting=True)
def add(x, y):
    return jnp.add(x, y)


@op("math.subtract", "subtract", kernel="Sub", dtypes_=_ARITH, operators=("sub",),
    broadcasting=True)
def subtract(x, y):
    return jnp.subtract(x, y)


@op("math.multiply", "multiply", kernel="Mul", dtypes_=_ARITH, operators=("mul",),
    broadcasting=True)
def multiply(x, y):
    return jnp.multiply(x, y)


@op("math.truediv", "truediv", kernel="RealDiv", dtypes_=_ARITH, policy=TRUEDIV,
    operators=("truediv",), broadcasting=True)
def truediv(x, y):
    return jnp.divide(x, y)


@op("math.divide", "divide", kernel="RealDiv", dtypes_=_ARITH, policy=TRUEDIV, broadcasting=True)
def divide(x, y):
    return jnp.divide(x, y)


def _check_int_divisor(y):
    # JAX returns garbage for integer division by zero; TF raises on CPU.
    if jnp.issubdtype(y.dtype, jnp.integer) and not isinstance(y, jax.core.Tracer) \
            and np.any(np.asarray(y) == 0):
        raise errors.InvalidArgumentError(None, None, "Integer division by zero")


@op("math.floordiv", "floordiv", kernel="FloorDiv", dtypes_=_ARITH, operators=("floordiv",),
    broadcasting=True)
def floordiv(x, y):
    _check_int_divisor(y)
    return jnp.floor_divide(x, y)


@op("math.floormod", "math.mod", "floormod", "mod", v1=("math.floormod", "floormod", "mod",
                                                        "truncatemod"),
    kernel="FloorMod", dtypes_=d.INTEGERS | d.FLOATS, operators=("mod",), broadcasting=True)
def floormod(x, y):
    _check_int_divisor(y)
    return jnp.mod(x, y)


@op("math.pow", "pow", kernel="Pow", dtypes_=_ARITH - {d.uint8, d.uint16, d.uint32, d.uint64},
    operators=("pow",), broadcasting=True)
def pow(x, y):  # noqa: A001 - TF's name
    if jnp.issubdtype(y.dtype, jnp.integer) and not isinstance(y, jax.core.Tracer) \
            and np.any(np.asarray(y) < 0):
        raise errors.InvalidArgumentError(None, None,
                                          "Integers to negative integer powers are not allowed")
    return jnp.power(x, y)


@jax.custom_jvp
def _maximum(x, y):
    return jnp.maximum(x, y)


@_maximum.defjvp
def _maximum_jvp(primals, tangents):
    # TF gives x the whole gradient when x == y; JAX splits it in halves.
    x, y = primals
    tx, ty = tangents
    return jnp.maximum(x, y), jnp.where(x >= y, tx, ty)


@jax.custom_jvp
def _minimum(x, y):
    return jnp.minimum(x, y)


@_minimum.defjvp
def _minimum_jvp(primals, tangents):
    x, y = primals
    tx, ty = tangents
    return jnp.minimum(x, y), jnp.where(x <= y, tx, ty)


@op("math.maximum", "maximum", kernel="Maximum", dtypes_=d.INTEGERS | d.FLOATS,
    broadcasting=True)
def maximum(x, y):
    x, y = jnp.broadcast_arrays(x, y)
    return _maximum(x, y)


@op("math.minimum", "minimum", kernel="Minimum", dtypes_=d.INTEGERS | d.FLOATS,
    broadcasting=True)
def minimum(x, y):
    x, y = jnp.broadcast_arrays(x, y)
    return _minimum(x, y)


# -- unary -------------------------------------------------------------------------------------

@op("math.negative", "negative", kernel="Neg", dtypes_=_SIGNED, operators=("neg",))
def negative(x):
    return jnp.negative(x)


@op("math.square", "square", kernel="Square", dtypes_=_SIGNED)
def square(x):
    return jnp.multiply(x, x)


@op("math.sqrt", "sqrt", kernel="Sqrt", dtypes_=d.INEXACT)
def sqrt(x):
    return jnp.sqrt(x)


@op("math.exp", "exp", kernel="Exp", dtypes_=d.INEXACT)
def exp(x):
    return jnp.exp(x)


@op("math.log", v1=("math.log", "log"), kernel="Log", dtypes_=d.INEXACT)
def log(x):
    return jnp.log(x)


@jax.custom_jvp
def _abs(x):
    return jnp.abs(x)


@_abs.defjvp
def _abs_jvp(primals, tangents):
    # TF: d|x|/dx = sign(x), which is 0 at x = 0 (JAX gives 1).
    (x,), (t,) = primals, tangents
    return jnp.abs(x), jnp.sign(x) * t


@op("math.abs", "abs", kernel="Abs", dtypes_=_SIGNED, operators=("abs",))
def abs(x):  # noqa: A001 - TF's name
    if jnp.issubdtype(x.dtype, jnp.complexfloating):
        return jnp.abs(x)
    return _abs(x)


# -- comparisons and logic (not differentiable) ------------------------------------------------

def _comparison(tf_name, kernel, fn, operator, allowed=d.INTEGERS | d.FLOATS):
    @op(f"math.{tf_name}", tf_name, kernel=kernel, dtypes_=allowed, differentiable=False,
        operators=(operator,) if operator else (), broadcasting=True)
    def compare(x, y):
        return fn(x, y)
    compare.__name__ = tf_name
    return compare


less = _comparison("less", "Less", jnp.less, "lt")
less_equal = _comparison("less_equal", "LessEqual", jnp.less_equal, "le")
greater = _comparison("greater", "Greater", jnp.greater, "gt")
greater_equal = _comparison("greater_equal", "GreaterEqual", jnp.greater_equal, "ge")
equal = _comparison("equal", "Equal", jnp.equal, None, d.ANY - {d.string})
not_equal = _comparison("not_equal", "NotEqual", jnp.not_equal, None, d.ANY - {d.string})
logical_and = _comparison("logical_and", "LogicalAnd", jnp.logical_and, "and", {d.bool_})
logical_or = _comparison("logical_or", "LogicalOr", jnp.logical_or, "or", {d.bool_})
logical_xor = _comparison("logical_xor", "LogicalXor", jnp.logical_xor, "xor", {d.bool_})


@op("math.logical_not", "logical_not", kernel="LogicalNot", dtypes_={d.bool_},
    differentiable=False, operators=("invert",))
def logical_not(x):
    return jnp.logical_not(x)


# -- reductions --------------------------------------------------------------------------------

def _axis(axis):
    return axis if axis is None or isinstance(axis, int) else tuple(axis)


@op("math.reduce_sum", "reduce_sum", kernel="Sum", dtypes_=_ARITH,
    v1_aliases={"keep_dims": "keepdims", "reduction_indices": "axis"})
def reduce_sum(input_tensor, axis=None, keepdims=False):
    return jnp.sum(input_tensor, axis=_axis(axis), keepdims=bool(keepdims),
                   dtype=input_tensor.dtype)


@op("math.reduce_mean", "reduce_mean", kernel="Mean", dtypes_=_ARITH,
    v1_aliases={"keep_dims": "keepdims", "reduction_indices": "axis"})
def reduce_mean(input_tensor, axis=None, keepdims=False):
    x = input_tensor
    total = jnp.sum(x, axis=_axis(axis), keepdims=bool(keepdims), dtype=x.dtype)
    count = max(x.size, 1) // max(total.size, 1) if x.size else 0
    if jnp.issubdtype(x.dtype, jnp.integer):
        # TF's integer mean truncates toward zero.
        return lax.div(total, jnp.asarray(max(count, 1), x.dtype))
    return total / jnp.asarray(count, x.dtype)


# -- linear algebra ----------------------------------------------------------------------------

@op("linalg.matmul", "matmul", kernel="MatMul", operators=("matmul",),
    dtypes_=d.FLOATS | d.COMPLEX | {d.int32, d.int64})
def matmul(a, b, transpose_a=False, transpose_b=False, adjoint_a=False, adjoint_b=False,
           a_is_sparse=False, b_is_sparse=False, output_type=None):
    if a.ndim < 2 or b.ndim < 2:
        raise errors.InvalidArgumentError(
            None, None, f"In[0] and In[1] has different ndims: {list(a.shape)} vs. "
            f"{list(b.shape)}" if a.ndim != b.ndim else
            f"In[0] ndims must be >= 2: {a.ndim}")
    if transpose_a or adjoint_a:
        a = jnp.swapaxes(a, -1, -2)
        a = jnp.conj(a) if adjoint_a else a
    if transpose_b or adjoint_b:
        b = jnp.swapaxes(b, -1, -2)
        b = jnp.conj(b) if adjoint_b else b
    if a.shape[-1] != b.shape[-2]:
        raise errors.InvalidArgumentError(
            None, None, f"Matrix size-incompatible: In[0]: {list(a.shape)}, In[1]: "
            f"{list(b.shape)}")
    return jnp.matmul(a, b, precision=lax.Precision.HIGHEST)


def _tensor_eq(self, other):
    # TF 2 compares elementwise; comparing with None is False rather than an error.
    return False if other is None else equal(self, other)


def _tensor_ne(self, other):
    return True if other is None else not_equal(self, other)


attach_operator("__eq__", _tensor_eq)
attach_operator("__ne__", _tensor_ne)
