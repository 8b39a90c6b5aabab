"""tf.math: elementwise arithmetic, comparisons, reductions and matmul."""

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from tfcompat._src import dtypes as d
from tfcompat._src import errors
from tfcompat._src.export import export
from tfcompat._src.ops.array_ops import cast, convert_to_tensor
from tfcompat._src.registry import TRUEDIV, attach_operator, op
from tfcompat._src.tensor import Tensor

_ARITH = d.NUMERIC
_UNSIGNED = frozenset({d.uint8, d.uint16, d.uint32, d.uint64})
_SIGNED = d.NUMERIC - _UNSIGNED
_REAL = d.INTEGERS | d.FLOATS
# The "allowed values" lists of TF's kernels whose order is not TF's usual one.
_ARITH_TEXT = ("bfloat16", "half", "float", "double", "uint8", "uint16", "uint32", "uint64",
               "int8", "int16", "int32", "int64", "complex64", "complex128")
_MUL_TEXT = ("bfloat16", "half", "float", "double", "uint8", "int8", "uint16", "int16", "int32",
             "uint32", "uint64", "int64", "complex64", "complex128")
_NUMBERTYPES_TEXT = ("float", "double", "int32", "uint8", "int16", "int8", "complex64", "int64",
                     "qint8", "quint8", "qint32", "bfloat16", "qint16", "quint16", "uint16",
                     "complex128", "half", "uint32", "uint64")


def _is_string(x) -> bool:
    return getattr(x, "dtype", None) == np.object_


# -- binary arithmetic -------------------------------------------------------------------------

@op("math.add", "add", kernel="AddV2", dtypes_=_ARITH | {d.string}, operators=("add",),
    convert_hint=True, broadcasting=True, allowed=_ARITH_TEXT)
def add(x, y):
    if _is_string(x):
        # TF concatenates strings; JAX has no string arrays.
        return np.asarray(np.add(x, y), dtype=object)
    return jnp.add(x, y)


@op("math.subtract", "subtract", kernel="Sub", dtypes_=_ARITH, operators=("sub",),
    broadcasting=True, allowed=("bfloat16", "half", "float", "double", "uint8", "int8", "uint16",
                                "int16", "int32", "int64", "complex64", "complex128", "uint32",
                                "uint64"))
def subtract(x, y):
    return jnp.subtract(x, y)


@op("math.multiply", "multiply", kernel="Mul", dtypes_=_ARITH, operators=("mul",),
    broadcasting=True, allowed=_MUL_TEXT)
def multiply(x, y):
    return jnp.multiply(x, y)


@op("math.truediv", "truediv", kernel="RealDiv", dtypes_=_ARITH, policy=TRUEDIV,
    operators=("truediv",), broadcasting=True)
def truediv(x, y):
    return _divide(x, y)


@op("math.divide", "divide", kernel="RealDiv", dtypes_=_ARITH, policy=TRUEDIV, broadcasting=True)
def divide(x, y):
    return _divide(x, y)


def _divide(x, y):
    # XLA's CPU compiler rewrites x / broadcast(y) as x * (1 / y), which is off by one ulp for
    # ~40% of float32 inputs; TF divides. Eager same-shape division cannot be rewritten.
    if np.shape(x) == np.shape(y) and not isinstance(x, jax.core.Tracer) \
            and not isinstance(y, jax.core.Tracer):
        return jnp.divide(x, y)
    return _divide_traceable(x, y)


@jax.jit
def _divide_traceable(x, y):
    return _div(*jnp.broadcast_arrays(x, y))


@jax.custom_jvp
def _div(x, y):
    # The barrier hides that y may be a broadcast, so XLA keeps a true division.
    return lax.div(x, lax.optimization_barrier(y))


@_div.defjvp
def _div_jvp(primals, tangents):
    # TF's RealDiv gradient, operation for operation: dx = g / y, dy = g * ((-x / y) / y).
    # Barriers also stop XLA rewriting (a / y) / y as a / (y * y).
    x, y = primals
    tx, ty = tangents
    y = lax.optimization_barrier(y)
    dy = lax.div(lax.optimization_barrier(lax.div(-x, y)), y)
    return lax.div(x, y), lax.div(tx, y) + ty * dy


def _check_int_divisor(x, y):
    # JAX returns garbage for integer division by zero; TF raises on CPU.
    if np.issubdtype(y.dtype, np.integer) and np.any(np.asarray(y) == 0):
        raise errors.InvalidArgumentError(None, None, "Integer division by zero")


# TF registers no gradient for FloorDiv: the tape yields None, not zeros.
@op("math.floordiv", v1=("math.floordiv", "floordiv"), kernel="FloorDiv", dtypes_=_ARITH,
    operators=("floordiv",), broadcasting=True, differentiable=False, check=_check_int_divisor,
    allowed=_MUL_TEXT)
def floordiv(x, y):
    if jnp.issubdtype(x.dtype, jnp.inexact):
        # TF computes floor(x / y); NumPy's floor_divide says 1 // 0.1 = 9, TF 10.
        return jnp.floor(_div(*jnp.broadcast_arrays(x, y)))
    return jnp.floor_divide(x, y)


@op("math.floormod", "math.mod", v1=("math.floormod", "math.mod", "floormod", "mod"),
    kernel="FloorMod", dtypes_=d.INTEGERS | d.FLOATS, operators=("mod",), broadcasting=True,
    check=_check_int_divisor, allowed=("int8", "int16", "int32", "int64", "uint8", "uint16",
                                       "uint32", "uint64", "bfloat16", "half", "float", "double"))
def floormod(x, y):
    return jnp.mod(x, y)


def _check_truncate_divisor(x, y):
    # TF's TruncateDiv/TruncateMod kernels fail on an integer zero divisor with this InternalError.
    if np.issubdtype(y.dtype, np.integer) and np.any(np.asarray(y) == 0):
        raise errors.InternalError(None, None, "Unexpected error in binary operator (only "
                                   "integer div and mod should have errors)")


@op("truncatediv", kernel="TruncateDiv", dtypes_=_ARITH, broadcasting=True,
    differentiable=False, check=_check_truncate_divisor, allowed=_MUL_TEXT)
def truncatediv(x, y):
    """`tf.truncatediv`: division rounded toward zero (C semantics)."""
    x, y = jnp.broadcast_arrays(x, y)
    if jnp.issubdtype(x.dtype, jnp.inexact):
        return jnp.trunc(_div(x, y))
    return lax.div(x, y)


@op("truncatemod", kernel="TruncateMod", dtypes_=d.FLOATS | {d.int32, d.int64},
    broadcasting=True, check=_check_truncate_divisor,
    allowed=("int32", "int64", "bfloat16", "half", "float", "double"))
def truncatemod(x, y):
    """`tf.truncatemod`: the remainder of truncated division, with the sign of x (C's fmod)."""
    x, y = jnp.broadcast_arrays(x, y)
    return lax.rem(x, y)


@export(v1=("div",))
def div(x, y, name=None):
    """TF 1's `tf.div`: Python 2 division: floor division for integers, true division else."""
    x = convert_to_tensor(x)
    try:
        y = convert_to_tensor(y, dtype=x.dtype)
    except ValueError as e:
        raise ValueError(f"y: {e}") from None
    if x.dtype.is_floating or x.dtype.is_complex:
        return truediv(x, y)
    return floordiv(x, y)


@op("math.atan2", "atan2", kernel="Atan2", dtypes_=d.FLOATS, broadcasting=True)
def atan2(y, x):
    return jnp.arctan2(y, x)


@op("math.squared_difference", v1=("math.squared_difference", "squared_difference"),
    kernel="SquaredDifference", dtypes_=d.FLOATS | d.COMPLEX | {d.int32, d.int64},
    broadcasting=True)
def squared_difference(x, y):
    diff = jnp.subtract(x, y)
    return diff * jnp.conj(diff)


@op(name="math._add_n", kernel="AddN", lists=(0,))
def _add_n(inputs):
    shapes = [np.shape(x) for x in inputs]
    for i, s in enumerate(shapes[1:], 1):
        if s != shapes[0]:
            a, b = (",".join(map(str, t)) for t in (shapes[0], s))
            raise errors.InvalidArgumentError(None, None, (
                f"{{{{function_node __wrapped__AddN_N_{len(inputs)}_device_/job:localhost/"
                "replica:0/task:0/device:CPU:0}} Inputs to operation AddN of type AddN must have "
                f"the same size and shape.  Input 0: [{a}] != input {i}: [{b}] [Op:AddN] name: "))
    total = inputs[0]
    for x in inputs[1:]:
        total = jnp.add(total, x)
    return total


@export("math.add_n", "add_n")
def add_n(inputs, name=None):
    """`tf.math.add_n`: the sum of same-shaped tensors; one input comes back unchanged."""
    if isinstance(inputs, Tensor) and inputs.ndim:
        inputs = [inputs[i] for i in range(inputs.shape[0])]  # TF iterates over a tensor
    if not isinstance(inputs, (list, tuple)) or not inputs or not all(
            x is not None for x in inputs):
        raise ValueError("Inputs must be an iterable of at least one Tensor/IndexedSlices with "
                         "the same dtype and shape.")
    if len(inputs) == 1:
        return convert_to_tensor(inputs[0])
    return _add_n(list(inputs))


@op("math.pow", "pow", kernel="Pow", dtypes_=_SIGNED, operators=("pow",), broadcasting=True,
    allowed=("bfloat16", "float", "half", "double", "int8", "int16", "int32", "int64", "complex64",
             "complex128"), check=lambda x, y: _check_int_exponent(y), lazy_inexact=True)
def pow(x, y):  # noqa: A001 - TF's name
    if jnp.issubdtype(x.dtype, jnp.inexact):
        return _pow(*jnp.broadcast_arrays(x, y))
    return jnp.power(x, y)


@jax.custom_jvp
def _pow(x, y):
    return jnp.power(x, y)


@_pow.defjvp
def _pow_jvp(primals, tangents):
    # TF: dz/dy = z * log(x) where x > 0 (x != 0 for complex) and 0 elsewhere; JAX gives nan
    # for x < 0. dz/dx = y * x ** (y - 1) in both.
    x, y = primals
    tx, ty = tangents
    z = jnp.power(x, y)
    mask = x != 0 if jnp.issubdtype(x.dtype, jnp.complexfloating) else x > 0
    log_x = jnp.where(mask, jnp.log(jnp.where(mask, x, jnp.ones_like(x))), jnp.zeros_like(x))
    return z, tx * (y * jnp.power(x, y - 1)) + ty * (z * log_x)


def _check_int_exponent(y):
    if np.issubdtype(y.dtype, np.integer) and np.any(np.asarray(y) < 0):
        raise errors.InvalidArgumentError(None, None,
                                          "Integers to negative integer powers are not allowed")


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


_MINMAX_TEXT = ("bfloat16", "half", "float", "double", "int8", "uint8", "int16", "uint16", "int32",
                "uint32", "int64", "uint64")


@op("math.maximum", "maximum", kernel="Maximum", dtypes_=_REAL, broadcasting=True,
    allowed=_MINMAX_TEXT)
def maximum(x, y):
    x, y = jnp.broadcast_arrays(x, y)
    return _maximum(x, y)


@op("math.minimum", "minimum", kernel="Minimum", dtypes_=_REAL, broadcasting=True,
    allowed=_MINMAX_TEXT)
def minimum(x, y):
    x, y = jnp.broadcast_arrays(x, y)
    return _minimum(x, y)


# -- unary -------------------------------------------------------------------------------------

@op("math.negative", "negative", kernel="Neg", dtypes_=_SIGNED, operators=("neg",))
def negative(x):
    return jnp.negative(x)


@op("math.square", "square", kernel="Square", dtypes_=_ARITH,
    allowed=("bfloat16", "half", "float", "double", "int8", "int16", "int32", "int64", "uint8",
             "uint16", "uint32", "uint64", "complex64", "complex128"))
def square(x):
    return jnp.multiply(x, x)


# TF's SqrtGrad and RsqrtGrad give 0 where the incoming gradient is 0, even at x = 0 where JAX
# computes 0 * inf = nan (`tf.where(x > 0, tf.sqrt(x), 0.)` has a finite gradient at 0 in TF).
# A rule that tests the cotangent cannot be a (linear) JVP, hence custom_vjp.
@jax.custom_vjp
def _sqrt(x):
    return jnp.sqrt(x)


def _sqrt_bwd(y, g):
    return (jnp.where(g == 0, jnp.zeros_like(g), 0.5 * g / jnp.conj(y)),)


_sqrt.defvjp(lambda x: (jnp.sqrt(x),) * 2, _sqrt_bwd)


@jax.custom_vjp
def _rsqrt(x):
    return lax.rsqrt(x)


def _rsqrt_bwd(y, g):
    y = jnp.conj(y)
    return (jnp.where(g == 0, jnp.zeros_like(g), -0.5 * (g * y) * (y * y)),)


_rsqrt.defvjp(lambda x: (lax.rsqrt(x),) * 2, _rsqrt_bwd)


@op("math.sqrt", "sqrt", kernel="Sqrt", dtypes_=d.INEXACT)
def sqrt(x):
    return _sqrt(x)


def _unary(v2, v1, kernel, fn, dtypes_=d.INEXACT, **kw):
    """An elementwise op whose JAX function and gradient agree with TF's."""
    name = v2[0] if v2 else v1[0]

    @op(*v2, v1=v1, kernel=kernel, dtypes_=dtypes_, **kw)
    def unary(x):
        return fn(x)
    unary.__name__ = unary.__qualname__ = name.rpartition(".")[2]
    return unary


def _both(name):
    """TF 2 exposes the op as tf.math.NAME only; TF 1 also as tf.NAME."""
    return (f"math.{name}",), (f"math.{name}", name)


def _everywhere(name):
    return (f"math.{name}", name), None


rsqrt = _unary(*_both("rsqrt"), "Rsqrt", _rsqrt)
exp = _unary(*_everywhere("exp"), "Exp", jnp.exp)
expm1 = _unary(*_both("expm1"), "Expm1", jnp.expm1)
log = _unary(*_both("log"), "Log", jnp.log)
log1p = _unary(*_both("log1p"), "Log1p", jnp.log1p)
sin = _unary(*_everywhere("sin"), "Sin", jnp.sin)
cos = _unary(*_everywhere("cos"), "Cos", jnp.cos)
tan = _unary(*_everywhere("tan"), "Tan", jnp.tan)
asin = _unary(*_everywhere("asin"), "Asin", jnp.arcsin)
acos = _unary(*_everywhere("acos"), "Acos", jnp.arccos)
atan = _unary(*_everywhere("atan"), "Atan", jnp.arctan)
sinh = _unary(*_everywhere("sinh"), "Sinh", jnp.sinh)
cosh = _unary(*_everywhere("cosh"), "Cosh", jnp.cosh)
tanh = _unary(("math.tanh", "nn.tanh", "tanh"), None, "Tanh", jnp.tanh)
sigmoid = _unary(("math.sigmoid", "nn.sigmoid", "sigmoid"), None, "Sigmoid", jax.nn.sigmoid)
_SIGNED_INTS = frozenset({d.int8, d.int16, d.int32, d.int64})


def _check_reciprocal(x):
    # TF's Reciprocal accepts signed integers but has no CPU kernel for them.
    if np.issubdtype(x.dtype, np.integer):
        kernels = "".join(f"  device='CPU'; T in [DT_{t}]\n" for t in (
            "COMPLEX128", "COMPLEX64", "DOUBLE", "BFLOAT16", "HALF", "FLOAT"))
        raise errors.NotFoundError(None, None, (
            "Could not find device for node: {{node Reciprocal}} = Reciprocal[T=DT_"
            f"{np.dtype(x.dtype).name.upper()}]\nAll kernels registered for op Reciprocal:\n"
            "  device='XLA_CPU_JIT'; T in [DT_FLOAT, DT_DOUBLE, DT_INT32, DT_INT16, DT_INT8, "
            "DT_COMPLEX64, DT_INT64, DT_BFLOAT16, DT_COMPLEX128, DT_HALF]\n"
            f"{kernels} [Op:Reciprocal] name: "))


reciprocal = _unary(*_both("reciprocal"), "Reciprocal", lambda x: 1 / x,
                    d.INEXACT | _SIGNED_INTS, check=_check_reciprocal, lazy_inexact=True,
                    allowed=("bfloat16", "half", "float", "double", "int8", "int16", "int32",
                             "int64", "complex64", "complex128"))
# TF registers no gradient for Floor, Ceil and Round: the tape gives None.
floor = _unary(*_everywhere("floor"), "Floor", jnp.floor, d.FLOATS, differentiable=False)
ceil = _unary(*_both("ceil"), "Ceil", jnp.ceil, d.FLOATS, differentiable=False)
# Sign is piecewise constant: gradient 0 everywhere (JAX agrees).
def _sign(x):
    if jnp.issubdtype(x.dtype, jnp.floating):
        # Eigen's sign is (x > 0) - (x < 0): +0 for -0 (jnp.sign keeps -0); NaN stays NaN.
        s = (x > 0).astype(x.dtype) - (x < 0).astype(x.dtype)
        return jnp.where(jnp.isnan(x), x, s)
    return jnp.sign(x)


sign = _unary(*_everywhere("sign"), "Sign", _sign, _SIGNED,
              allowed=("bfloat16", "half", "float", "double", "int8", "int16", "int32", "int64",
                       "complex64", "complex128"))
# Integers round to themselves (TF's Python wrapper returns them as they are).
round = _unary(*_everywhere("round"), "Round",  # noqa: A001 - TF's name
               lambda x: x if jnp.issubdtype(x.dtype, jnp.integer) else jnp.round(x), _SIGNED,
               differentiable=False)


def _checks(name):
    return (f"math.{name}",), (f"math.{name}", f"debugging.{name}", name)


is_nan = _unary(*_checks("is_nan"), "IsNan", jnp.isnan, d.FLOATS, differentiable=False)
is_inf = _unary(*_checks("is_inf"), "IsInf", jnp.isinf, d.FLOATS, differentiable=False)
is_finite = _unary(*_checks("is_finite"), "IsFinite", jnp.isfinite, d.FLOATS,
                   differentiable=False)


@jax.custom_jvp
def _abs(x):
    return jnp.abs(x)


@_abs.defjvp
def _abs_jvp(primals, tangents):
    # TF: d|x|/dx = sign(x), which is 0 at x = 0 (JAX gives 1). Eigen's sign is
    # (x > 0) - (x < 0), so the zero is +0 also at x = -0 (jnp.sign(-0.0) is -0).
    (x,), (t,) = primals, tangents
    sign = (x > 0).astype(x.dtype) - (x < 0).astype(x.dtype)
    return jnp.abs(x), sign * t


# Complex inputs run TF's ComplexAbs kernel, so Abs's own list has no complex types.
@op("math.abs", "abs", kernel="Abs", dtypes_=_SIGNED, operators=("abs",),
    allowed=("bfloat16", "half", "float", "double", "int8", "int16", "int32", "int64"))
def abs(x):  # noqa: A001 - TF's name
    if jnp.issubdtype(x.dtype, jnp.complexfloating):
        return jnp.abs(x)
    return _abs(x)


# -- comparisons and logic (not differentiable) ------------------------------------------------

# TF's "allowed values" list of Less, Greater, TopKV2, ...
_REAL_TEXT = ("float", "double", "int32", "uint8", "int16", "int8", "int64", "bfloat16", "uint16",
              "half", "uint32", "uint64")


def _comparison(tf_name, kernel, fn, operator, allowed=_REAL,
                v2_top_level=True):
    v2 = (f"math.{tf_name}", tf_name) if v2_top_level else (f"math.{tf_name}",)

    @op(*v2, v1=(f"math.{tf_name}", tf_name), kernel=kernel, dtypes_=allowed, differentiable=False,
        operators=(operator,) if operator else (), broadcasting=True,
        allowed=_REAL_TEXT if allowed is _REAL else None)
    def compare(x, y):
        if _is_string(x):
            return getattr(np, fn.__name__)(x, y)  # string equality runs on the host
        return fn(x, y)
    compare.__name__ = tf_name
    return compare


less = _comparison("less", "Less", jnp.less, "lt")
less_equal = _comparison("less_equal", "LessEqual", jnp.less_equal, "le")
greater = _comparison("greater", "Greater", jnp.greater, "gt")
greater_equal = _comparison("greater_equal", "GreaterEqual", jnp.greater_equal, "ge")
equal = _comparison("equal", "Equal", jnp.equal, None, d.ANY)
not_equal = _comparison("not_equal", "NotEqual", jnp.not_equal, None, d.ANY)
# `&`, `|`, `^`, `~` are installed below: they are logical or bitwise by dtype.
logical_and = _comparison("logical_and", "LogicalAnd", jnp.logical_and, None, {d.bool_})
logical_or = _comparison("logical_or", "LogicalOr", jnp.logical_or, None, {d.bool_})
logical_xor = _comparison("logical_xor", "LogicalXor", jnp.logical_xor, None, {d.bool_},
                          v2_top_level=False)


@op("math.logical_not", "logical_not", kernel="LogicalNot", dtypes_={d.bool_},
    differentiable=False)
def logical_not(x):
    return jnp.logical_not(x)


_BITWISE_TEXT = ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")


# Registered under op names only: the tf.bitwise namespace is not exported yet (the API golden,
# tests/golden/api_names.json, would need re-recording); they serve `&`, `|`, `^`, `~` on ints.
def _bitwise(tf_name, kernel, fn):
    @op(name=f"bitwise.{tf_name}", kernel=kernel, dtypes_=d.INTEGERS, differentiable=False,
        broadcasting=True, allowed=_BITWISE_TEXT)
    def bitwise(x, y):
        return fn(x, y)
    bitwise.__name__ = tf_name
    return bitwise


bitwise_and = _bitwise("bitwise_and", "BitwiseAnd", jnp.bitwise_and)
bitwise_or = _bitwise("bitwise_or", "BitwiseOr", jnp.bitwise_or)
bitwise_xor = _bitwise("bitwise_xor", "BitwiseXor", jnp.bitwise_xor)


@op(name="bitwise.invert", kernel="Invert", dtypes_=d.INTEGERS, differentiable=False,
    allowed=_BITWISE_TEXT)
def invert(x):
    return jnp.invert(x)


def _logic_operator(logical, bitwise, reflected=False):
    """TF's `&`, `|`, `^`: logical on bool tensors, bitwise otherwise (by this tensor's dtype);
    the other operand is converted to this tensor's dtype."""
    def operator(self, other):
        fn = logical if self.dtype == d.bool_ else bitwise
        return fn(other, self) if reflected else fn(self, other)
    return operator


for _name, _logical, _bitwise_fn in (("and", logical_and, bitwise_and),
                                     ("or", logical_or, bitwise_or),
                                     ("xor", logical_xor, bitwise_xor)):
    attach_operator(f"__{_name}__", _logic_operator(_logical, _bitwise_fn))
    attach_operator(f"__r{_name}__", _logic_operator(_logical, _bitwise_fn, reflected=True))
attach_operator("__invert__",
                lambda self: logical_not(self) if self.dtype == d.bool_ else invert(self))


# -- TF 1 casts ------------------------------------------------------------------------------

def _to(dtype, tf_name, default_name):
    def to(x, name=default_name):
        return cast(x, dtype)
    to.__name__ = tf_name
    to.__doc__ = f"TF 1's `tf.{tf_name}`: `tf.cast(x, tf.{dtype.name})`."
    return export(v1=(tf_name,))(to)


to_float = _to(d.float32, "to_float", "ToFloat")
to_double = _to(d.float64, "to_double", "ToDouble")
to_int32 = _to(d.int32, "to_int32", "ToInt32")
to_int64 = _to(d.int64, "to_int64", "ToInt64")


# -- linear algebra ----------------------------------------------------------------------------

# TF's x86 build runs oneDNN's _MklMatMul kernel, and its messages name that kernel.
@op("linalg.matmul", "matmul", kernel="MatMul", device_kernel="_MklMatMul", operators=("matmul",),
    dtypes_=d.FLOATS | d.COMPLEX | {d.int32, d.int64},
    allowed=("bfloat16", "half", "float", "double", "int32", "int64", "uint8", "uint16", "uint32",
             "uint64", "complex64", "complex128"))
def matmul(a, b, transpose_a=False, transpose_b=False, adjoint_a=False, adjoint_b=False,
           a_is_sparse=False, b_is_sparse=False, output_type=None):
    for i, x in enumerate((a, b)):
        if x.ndim < 2:
            raise errors.InvalidArgumentError(None, None, f"In[{i}] ndims must be >= 2")
    shapes = [",".join(map(str, x.shape)) for x in (a, b)]
    adj = (int(bool(transpose_a or adjoint_a)), int(bool(transpose_b or adjoint_b)))
    if max(a.ndim, b.ndim) > 2:
        # TF runs BatchMatMulV2 (oneDNN's kernel) for batches; its messages show input shapes.
        def batch_error(message):
            return errors.InvalidArgumentError(
                None, None, "{{function_node __wrapped____MklBatchMatMulV2_device_/job:localhost/"
                f"replica:0/task:0/device:CPU:0}}}} {message} [Op:BatchMatMulV2] name: ")
        try:
            np.broadcast_shapes(a.shape[:-2], b.shape[:-2])
        except ValueError:
            raise batch_error(f"In[0] and In[1] must have compatible batch dimensions: "
                              f"[{shapes[0]}] vs. [{shapes[1]}]") from None
        if a.shape[-1 - adj[0]] != b.shape[-2 + adj[1]]:
            raise batch_error(f"Matrix size-incompatible: In[0]: [{shapes[0]}], In[1]: "
                              f"[{shapes[1]}] {adj[0]} {adj[1]}")
    if transpose_a or adjoint_a:
        a = jnp.swapaxes(a, -1, -2)
        a = jnp.conj(a) if adjoint_a else a
    if transpose_b or adjoint_b:
        b = jnp.swapaxes(b, -1, -2)
        b = jnp.conj(b) if adjoint_b else b
    if a.shape[-1] != b.shape[-2]:
        raise errors.InvalidArgumentError(
            None, None, f"Matrix size-incompatible: In[0]: [{shapes[0]}], In[1]: [{shapes[1]}]")
    return jnp.matmul(a, b, precision=lax.Precision.HIGHEST)


def _broadcastable(self, other) -> bool:
    shape = tuple(other.shape) if isinstance(other, Tensor) or hasattr(other, "_is_variable") \
        else np.shape(other)
    try:
        np.broadcast_shapes(tuple(self.shape), shape)
    except ValueError:
        return False
    return True


def _tensor_eq(self, other):
    # TF 2 compares elementwise; comparing with None is False rather than an error, and `==`
    # (unlike tf.equal) answers a scalar False for shapes that do not broadcast.
    if other is None:
        return False
    if not _broadcastable(self, other):
        return Tensor(np.bool_(False), d.bool_)
    return equal(self, other)


def _tensor_ne(self, other):
    if other is None:
        return True
    if not _broadcastable(self, other):
        return Tensor(np.bool_(True), d.bool_)
    return not_equal(self, other)


attach_operator("__eq__", _tensor_eq)
attach_operator("__ne__", _tensor_ne)


# -- rint, divide_no_nan, saturate_cast --------------------------------------------------------

# Round half to even; TF registers no gradient for Rint (the tape gives None).
rint = _unary(*_both("rint"), "Rint", jnp.rint, d.FLOATS, differentiable=False)


@jax.custom_jvp
def _div_no_nan(x, y):
    zero = y == 0
    return jnp.where(zero, jnp.zeros_like(x), _divide(x, jnp.where(zero, jnp.ones_like(y), y)))


@_div_no_nan.defjvp
def _div_no_nan_jvp(primals, tangents):
    # TF's gradient: dx = g / y and dy = g * (-x / y) / y, each 0 where y == 0.
    (x, y), (tx, ty) = primals, tangents
    return _div_no_nan(x, y), _div_no_nan(tx, y) + ty * _div_no_nan(_div_no_nan(-x, y), y)


@op("math.divide_no_nan", v1=("math.divide_no_nan", "div_no_nan"), kernel="DivNoNan",
    dtypes_=_ARITH, policy=TRUEDIV, broadcasting=True)
def divide_no_nan(x, y):
    """`tf.math.divide_no_nan`: x / y, 0 where y == 0; integers divide as floats (truediv)."""
    return _div_no_nan(*jnp.broadcast_arrays(x, y))


@export("dtypes.saturate_cast", "saturate_cast")
def saturate_cast(value, dtype, name=None):
    """`tf.dtypes.saturate_cast`: clamps to the target dtype's range, then casts. As in TF, the
    bounds are nudged toward zero where the input dtype cannot represent them exactly (float32
    has no 2**31 - 1), and complex to real keeps the real part."""
    from tfcompat._src import logs
    from tfcompat._src.ops.complex_ops import real
    value = convert_to_tensor(value)
    dtype = d.as_dtype(dtype)
    in_dtype = value.dtype
    if in_dtype.is_complex:
        if dtype.is_complex:
            lo_in, lo_out = in_dtype.real_dtype, dtype.real_dtype
            if lo_in.min < lo_out.min or lo_in.max > lo_out.max:
                value = Tensor(jax.lax.complex(
                    jnp.clip(jnp.real(value._value), lo_out.min, lo_out.max),
                    jnp.clip(jnp.imag(value._value), lo_out.min, lo_out.max)), in_dtype)
            return cast(value, dtype)
        value = real(value)
        logs.warning("Casting complex to real discards imaginary part.")
        in_dtype = in_dtype.real_dtype
    out = dtype.real_dtype

    def exact(x):  # compared as Python numbers: exact between any int and float
        return x.item() if hasattr(x, "item") else x
    if in_dtype != d.bool_ and out != d.bool_ and (exact(in_dtype.min) < exact(out.min) or
                                                    exact(in_dtype.max) > exact(out.max)):
        np_dtype = in_dtype.as_numpy_dtype
        with np.errstate(over="ignore"):
            lo = np_dtype(max(exact(in_dtype.min), exact(out.min)))
            hi = np_dtype(min(exact(in_dtype.max), exact(out.max)))
        if exact(lo) < exact(out.min):
            lo = np.nextafter(lo, np_dtype(0), dtype=np_dtype)
        if exact(hi) > exact(out.max):
            hi = np.nextafter(hi, np_dtype(0), dtype=np_dtype)
        value = minimum(maximum(value, Tensor(np.asarray(lo), in_dtype)),
                        Tensor(np.asarray(hi), in_dtype))
    return cast(value, dtype)
