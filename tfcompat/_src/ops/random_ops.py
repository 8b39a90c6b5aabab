"""tf.random: stateful random ops with TF's seeding rules, sampled with JAX's PRNG.

Seeds follow TF's `random_seed.get_seed`: a global seed plus an op seed give the pair (global, op);
with a global seed and no op seed the op seed comes from a generator seeded by the global seed, so
a program's sequence of calls repeats after `set_seed`; an op seed alone pairs with TF's default
graph seed; neither gives fresh randomness. As in TF's eager kernels, each (op, seed pair, dtype)
keeps a counter, so two calls with the same seeds differ, and `set_seed` resets the counters.
The values are not TF's (JAX's threefry instead of TF's Philox), the distributions are.

Each sampler is a kernel op taking the key material (seed, seed2, counter) as a *tensor* argument,
so the cached jitted kernel is compiled once per shape and dtype, not once per key. The public
functions compose the kernels with ordinary ops exactly as TF does (`rnd * stddev + mean`), so the
tape differentiates through mean, stddev, minval, maxval and gamma's beta as TF does; the kernels
themselves are not differentiable, except RandomGamma w.r.t. alpha (TF registers its gradient).
"""

import functools
import random as _pyrandom

import jax
import jax.numpy as jnp
import numpy as np

from tfcompat._src import dtypes as d
from tfcompat._src import errors, variable
from tfcompat._src.export import export
from tfcompat._src.ops import array_ops, math_ops
from tfcompat._src.registry import INDEPENDENT, _op_error, op
from tfcompat._src.tensor import Tensor, to_tensor

_MAXINT32 = 2**31 - 1
_DEFAULT_GRAPH_SEED = 87654321


class _SeedState:
    """The eager context's seed: TF keeps it on the context; counters are its kernel cache."""

    def __init__(self):
        self.global_seed = None
        self.rng = None
        self.counters: dict = {}
        self.fresh = np.random.default_rng()  # entropy for unseeded ops


_STATE = _SeedState()


@export(v1=("random.set_random_seed", "set_random_seed"))
def set_random_seed(seed):
    """Sets the global seed; also resets every op's counter (TF clears its kernel cache)."""
    _STATE.global_seed = seed
    try:
        hash(seed)
    except TypeError:
        seed = int(np.array(seed))
    _STATE.rng = _pyrandom.Random(seed)
    _STATE.counters.clear()


@export("random.set_seed", v1=())
def set_seed(seed):
    set_random_seed(seed)


@export(v1=("random.get_seed", "get_seed"))
def get_seed(op_seed):
    """TF's (graph seed, op seed) pair for an op: (None, None) means unseeded."""
    if _STATE.global_seed is not None:
        if op_seed is None:
            op_seed = _STATE.rng.randint(0, _MAXINT32)
        seeds = _STATE.global_seed % _MAXINT32, op_seed % _MAXINT32
    elif op_seed is not None:
        seeds = _DEFAULT_GRAPH_SEED, op_seed % _MAXINT32
    else:
        seeds = None, None
    if seeds == (0, 0):
        return 0, _MAXINT32
    return seeds


def _key_material(kernel: str, op_seed, attrs=()):
    """uint32 [seed, seed2, counter] for one call, and the seed attrs TF would show."""
    material, seeds = _host_key_material(kernel, op_seed, attrs)
    frame = variable.current_frame()
    if frame is not None and frame.call_index is not None:
        # Inside a tf.function the material above is fixed at trace time; mixing in the
        # compiled program's call counter gives each call its own draws, as in TF.
        step = jnp.asarray([0, 0, 0x9E3779B9], jnp.uint32) * frame.call_index
        material = jnp.asarray(material) + step
    return material, seeds


def _host_key_material(kernel: str, op_seed, attrs=()):
    seed, seed2 = get_seed(op_seed)
    if seed is None:
        return _STATE.fresh.integers(0, 2**32, size=3, dtype=np.uint32), (0, 0)
    seed, seed2 = int(seed), int(seed2)
    slot = (kernel, seed, seed2, attrs)
    count = _STATE.counters.get(slot, 0)
    _STATE.counters[slot] = count + 1
    return np.array([seed, seed2, count % 2**32], np.uint32), (seed, seed2)


def _key(material):
    key = jax.random.wrap_key_data(material[:2], impl="threefry2x32")
    return jax.random.fold_in(key, material[2])


# -- errors worded as TF's kernels word them ----------------------------------------------------

def _kernel_error(kernel_op, message: str, cls=errors.InvalidArgumentError):
    return _op_error(kernel_op.opdef, [], cls(None, None, message))


def _attr_error(kernel: str, attr: str, dtype: d.DType, allowed: str):
    # Only the first line is TF's: TF goes on with the op's registration.
    return errors.InvalidArgumentError(None, None, (
        f"Value for attr '{attr}' of {_c_name(dtype)} is not in the list of allowed values: "
        f"{allowed}\n\t; NodeDef: {{{{node {kernel}}}}} [Op:{kernel}] name: "))


def _c_name(dtype: d.DType) -> str:
    return {"float32": "float", "float64": "double", "float16": "half"}.get(dtype.name,
                                                                          dtype.name)


def _shape(shape, kernel_op, gamma_style=False) -> tuple:
    """A shape argument as TF's kernels check it: a vector of non-negative int32/int64."""
    kernel = kernel_op.opdef.kernel
    if isinstance(shape, (list, tuple)) and not shape:
        return ()
    if hasattr(shape, "as_list"):  # TensorShape
        shape = shape.as_list()
    t = shape if isinstance(shape, Tensor) else to_tensor(shape)
    if t.dtype not in (d.int32, d.int64):
        raise _attr_error(kernel, "T", t.dtype, "int32, int64")
    value = np.asarray(t.numpy())
    if value.ndim != 1:
        if gamma_style:
            raise _kernel_error(kernel_op, "shape must be a vector of {int32,int64}, got shape: "
                                f"Tensor<type: {t.dtype.name} shape: "
                                f"[{','.join(map(str, value.shape))}] values: "
                                f"{' '.join(map(str, value.reshape(-1)))}>")
        raise _kernel_error(kernel_op, "shape must be a vector of {int32,int64}, got shape "
                            f"[{','.join(map(str, value.shape))}]")
    for dim in value:
        if dim < 0:
            raise _kernel_error(kernel_op, f"Dimension {dim} must be >= 0")
    return tuple(int(x) for x in value)


def _int32_shape(shape):
    """gamma and poisson convert `shape` to int32 first (a float shape is a TypeError)."""
    if isinstance(shape, Tensor) or (isinstance(shape, (list, tuple)) and not shape):
        return shape
    if hasattr(shape, "as_list"):
        shape = shape.as_list()
    return array_ops.convert_to_tensor(shape, d.int32)


def _convert(value, dtype, name: str):
    """`ops.convert_to_tensor(value, dtype, name=...)`: TF prefixes dtype-mismatch errors."""
    try:
        return array_ops.convert_to_tensor(value, dtype)
    except ValueError as e:
        raise ValueError(f"{name}: {e}") from None


def _float_dtype(dtype, kernel: str):
    if dtype not in (d.float16, d.bfloat16, d.float32, d.float64):
        raise _attr_error(kernel, "dtype", dtype, "half, bfloat16, float, double")


# -- kernels ------------------------------------------------------------------------------------

@op(name="random.kernel.standard_normal", kernel="RandomStandardNormal", policy=INDEPENDENT,
    differentiable=False, tensors=1)
def _standard_normal(material, shape, dtype):
    return jax.random.normal(_key(material), shape, jnp.dtype(dtype))


@op(name="random.kernel.truncated_normal", kernel="TruncatedNormal", policy=INDEPENDENT,
    differentiable=False, tensors=1)
def _truncated_normal(material, shape, dtype):
    return jax.random.truncated_normal(_key(material), -2.0, 2.0, shape, jnp.dtype(dtype))


@op(name="random.kernel.uniform", kernel="RandomUniform", policy=INDEPENDENT,
    differentiable=False, tensors=1)
def _uniform(material, shape, dtype):
    return jax.random.uniform(_key(material), shape, jnp.dtype(dtype))


def _check_int_bounds(minval: Tensor, maxval: Tensor, dims: tuple):
    for which, t in (("minval", minval), ("maxval", maxval)):
        if t.ndim != 0:
            raise _kernel_error(_uniform_int, f"{which} must be 0-D, got shape "
                                f"[{','.join(map(str, t.shape))}]")
    lo, hi = minval.numpy().item(), maxval.numpy().item()
    # TF's kernel checks the bounds only when there is something to sample.
    if lo >= hi and int(np.prod(dims)) > 0:
        raise _kernel_error(_uniform_int, f"Need minval < maxval, got {lo} >= {hi}")


@op(name="random.kernel.uniform_int", kernel="RandomUniformInt", policy=INDEPENDENT,
    differentiable=False, tensors=3)
def _uniform_int(material, minval, maxval, shape):
    return jax.random.randint(_key(material), shape, minval, maxval, minval.dtype)


@op(name="random.kernel.multinomial", kernel="Multinomial", policy=INDEPENDENT,
    differentiable=False, tensors=2)
def _multinomial(material, logits, num_samples, output_dtype):
    logits = logits.astype(jnp.promote_types(logits.dtype, jnp.float32))
    batch, classes = logits.shape
    draws = jax.random.categorical(_key(material), logits, axis=-1, shape=(num_samples, batch)).T
    # TF's CPU kernel answers num_classes for a row without any finite logit.
    dead = jnp.all(logits == -jnp.inf, axis=-1, keepdims=True)
    return jnp.where(dead, classes, draws).astype(output_dtype)


@op(name="random.kernel.shuffle", kernel="RandomShuffle", policy=INDEPENDENT,
    differentiable=False, tensors=2)
def _shuffle(material, value):
    if np.ndim(value) == 0 or np.shape(value)[0] <= 1:
        return value
    perm = jax.random.permutation(_key(material), np.shape(value)[0])
    if getattr(value, "dtype", None) == np.object_:
        return np.asarray(value)[np.asarray(perm)]  # strings live on the host
    return jnp.take(value, perm, axis=0)


@op(name="random.kernel.gamma", kernel="RandomGamma", policy=INDEPENDENT, tensors=2)
def _gamma(material, alpha, shape):
    # JAX's gamma is differentiable in alpha by implicit reparameterisation, as TF's
    # RandomGammaGrad is.
    work = jnp.promote_types(alpha.dtype, jnp.float32)
    sample = jax.random.gamma(_key(material), alpha.astype(work), shape + alpha.shape, work)
    return sample.astype(alpha.dtype)


@op(name="random.kernel.poisson", kernel="RandomPoissonV2", policy=INDEPENDENT, tensors=2)
def _poisson(material, rate, shape, dtype):
    return _poisson_sample(material, rate, shape, dtype)


@functools.partial(jax.custom_jvp, nondiff_argnums=(2, 3))
def _poisson_sample(material, rate, shape, dtype):
    work = jnp.float64 if rate.dtype in (jnp.float64, jnp.int64) else jnp.float32
    lam = jnp.maximum(rate.astype(work), 0)  # TF draws 0 for a negative rate
    sample = jax.random.poisson(_key(material), lam, shape + rate.shape, jnp.int64)
    return sample.astype(dtype)


@_poisson_sample.defjvp
def _poisson_jvp(shape, dtype, primals, tangents):
    # TF registers no gradient for RandomPoissonV2: differentiating through it is a LookupError.
    raise LookupError("gradient registry has no entry for: RandomPoissonV2")


# -- public API ---------------------------------------------------------------------------------

@export("random.normal", v1=("random.normal", "random_normal"))
def normal(shape, mean=0.0, stddev=1.0, dtype=d.float32, seed=None, name=None):
    """`tf.random.normal`: `rnd * stddev + mean`, differentiable in mean and stddev as in TF."""
    dtype = d.as_dtype(dtype)
    mean_t = _convert(mean, dtype, "mean")
    stddev_t = _convert(stddev, dtype, "stddev")
    _float_dtype(dtype, "RandomStandardNormal")
    dims = _shape(shape, _standard_normal)
    material, _ = _key_material("RandomStandardNormal", seed, (dtype.name,))
    rnd = _standard_normal(material, shape=dims, dtype=dtype.name)
    return math_ops.add(rnd * stddev_t, mean_t)


@export("random.truncated_normal", v1=("random.truncated_normal", "truncated_normal"))
def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=d.float32, seed=None, name=None):
    """`tf.random.truncated_normal`: a normal redrawn outside two standard deviations."""
    dtype = d.as_dtype(dtype)
    mean_t = _convert(mean, dtype, "mean")
    stddev_t = _convert(stddev, dtype, "stddev")
    _float_dtype(dtype, "TruncatedNormal")
    dims = _shape(shape, _truncated_normal)
    material, _ = _key_material("TruncatedNormal", seed, (dtype.name,))
    rnd = _truncated_normal(material, shape=dims, dtype=dtype.name)
    return math_ops.add(rnd * stddev_t, mean_t)


_UNIFORM_DTYPES = (d.float16, d.bfloat16, d.float32, d.float64, d.int32, d.int64)


@export("random.uniform", v1=("random.uniform", "random_uniform"))
def uniform(shape, minval=0, maxval=None, dtype=d.float32, seed=None, name=None):
    """`tf.random.uniform`: floats in [minval, maxval); integers need `maxval`."""
    dtype = d.as_dtype(dtype)
    if dtype not in _UNIFORM_DTYPES:
        raise ValueError(f"Argument `dtype` got invalid value {dtype}. Accepted dtypes are "
                         f"({', '.join(f'tf.{t.name}' for t in _UNIFORM_DTYPES)}).")
    if maxval is None:
        if dtype.is_integer:
            raise ValueError(f"Must specify maxval for integer dtype {dtype!r}")
        maxval = 1
    # TF skips the affine step only for the literal Python ints 0 and 1.
    minval_is_zero = isinstance(minval, int) and minval == 0
    maxval_is_one = isinstance(maxval, int) and maxval == 1
    if not minval_is_zero or not maxval_is_one or dtype.is_integer:
        minval = _convert(minval, dtype, "min")
        maxval = _convert(maxval, dtype, "max")
    if dtype.is_integer:
        dims = _shape(shape, _uniform_int)
        _check_int_bounds(minval, maxval, dims)
        material, _ = _key_material("RandomUniformInt", seed, (dtype.name,))
        return _uniform_int(material, minval, maxval, shape=dims)
    dims = _shape(shape, _uniform)
    material, _ = _key_material("RandomUniform", seed, (dtype.name,))
    result = _uniform(material, shape=dims, dtype=dtype.name)
    if minval_is_zero:
        if not maxval_is_one:
            result = math_ops.multiply(result, maxval)
    else:
        result = math_ops.add(result * (maxval - minval), minval)
    return result


@export("random.shuffle", v1=("random.shuffle", "random_shuffle"))
def shuffle(value, seed=None, name=None):
    """`tf.random.shuffle`: permutes the first dimension."""
    value = value if isinstance(value, Tensor) else array_ops.convert_to_tensor(value)
    material, _ = _key_material("RandomShuffle", seed, (value.dtype.name,))
    return _shuffle(material, value)


def _categorical(logits, num_samples, dtype, seed):
    logits = array_ops.convert_to_tensor(logits)
    dtype = d.as_dtype(dtype) if dtype else d.int64
    if dtype not in (d.int32, d.int64):
        raise ValueError(f"Argument `dtype` got invalid value {dtype}. Accepted dtypes are "
                         "(tf.int32, tf.int64).")
    material, (seed1, seed2) = _key_material("Multinomial", seed, (logits.dtype.name, dtype.name))
    n = num_samples if isinstance(num_samples, Tensor) else array_ops.convert_to_tensor(
        num_samples, d.int32)
    if n.dtype != d.int32:
        raise errors.InvalidArgumentError(None, None, (
            "cannot compute Multinomial as input #1(zero-based) was expected to be a int32 tensor "
            f"but is a {_c_name(n.dtype)} tensor [Op:Multinomial] name: "))
    if not logits.dtype.is_floating:
        raise errors.NotFoundError(None, None, (
            "Could not find device for node: {{node Multinomial}} = Multinomial[T=DT_"
            f"{logits.dtype.name.upper()}, output_dtype=DT_{dtype.name.upper()}, seed={seed1}, "
            f"seed2={seed2}]\nAll kernels registered for op Multinomial:\n [Op:Multinomial] "
            "name: "))
    if logits.ndim != 2:
        raise _kernel_error(_multinomial, "logits should be a matrix, got shape "
                            f"[{','.join(map(str, logits.shape))}]")
    count = int(n.numpy())
    if count < 0:
        raise _kernel_error(_multinomial, f"num_samples should be non-negative, got {count}")
    if logits.shape[1] == 0:
        raise _kernel_error(_multinomial, "num_classes should be positive, got 0")
    return _multinomial(material, logits, num_samples=count, output_dtype=dtype.name)


@export("random.categorical")
def categorical(logits, num_samples, dtype=None, seed=None, name=None):
    """`tf.random.categorical`: `num_samples` class indices per row of `logits` (int64)."""
    return _categorical(logits, num_samples, dtype, seed)


@export(v1=("random.multinomial", "multinomial"))
def multinomial(logits, num_samples, seed=None, name=None, output_dtype=None):
    """TF 1's name for `tf.random.categorical`."""
    return _categorical(logits, num_samples, output_dtype, seed)


@export("random.gamma", v1=("random.gamma", "random_gamma"))
def gamma(shape, alpha, beta=None, dtype=d.float32, seed=None, name=None):
    """`tf.random.gamma`: shape `shape + broadcast(alpha, beta).shape`, at least the dtype's
    smallest normal number; differentiable in alpha and beta as in TF."""
    dtype = d.as_dtype(dtype)
    shape = _int32_shape(shape)
    alpha = _convert(alpha, dtype, "alpha")
    beta = _convert(beta if beta is not None else 1, dtype, "beta")
    both = np.broadcast_shapes(tuple(alpha.shape), tuple(beta.shape))
    if tuple(alpha.shape) != both:
        alpha = alpha + array_ops.convert_to_tensor(np.zeros(both, dtype.as_numpy_dtype))
    tiny = float(np.finfo(dtype.as_numpy_dtype).tiny)  # TF's np.finfo rejects ints, bfloat16
    if dtype not in (d.float16, d.float32, d.float64):
        raise _attr_error("RandomGamma", "T", dtype, "half, float, double")
    dims = _shape(shape, _gamma, gamma_style=True)
    material, _ = _key_material("RandomGamma", seed, (dtype.name,))
    return math_ops.maximum(tiny, _gamma(material, alpha, shape=dims) / beta)


_POISSON_TYPES = (d.float16, d.float32, d.float64, d.int32, d.int64)
_POISSON_TEXT = "half, float, double, int32, int64"


@export("random.poisson", v1=())
def poisson(shape, lam, dtype=d.float32, seed=None, name=None):
    """`tf.random.poisson`: shape `shape + lam.shape`, in `dtype` (float or int)."""
    dtype = d.as_dtype(dtype)
    shape = _int32_shape(shape)
    lam = lam if isinstance(lam, Tensor) else array_ops.convert_to_tensor(lam)
    if lam.dtype not in _POISSON_TYPES:
        raise _attr_error("RandomPoissonV2", "R", lam.dtype, _POISSON_TEXT)
    if dtype not in _POISSON_TYPES:
        raise _attr_error("RandomPoissonV2", "dtype", dtype, _POISSON_TEXT)
    dims = _shape(shape, _poisson)
    material, _ = _key_material("RandomPoissonV2", seed, (lam.dtype.name, dtype.name))
    return _poisson(material, lam, shape=dims, dtype=dtype.name)


@export(v1=("random.poisson", "random_poisson"))
def random_poisson(lam, shape, dtype=d.float32, seed=None, name=None):
    """TF 1's `tf.random.poisson`: `lam` comes first."""
    return poisson(shape, lam, dtype, seed)
