"""tf.nn: activations, softmax and cross entropies, losses, dropout, normalization, lookups.

tanh and sigmoid live in math_ops.py; convolutions and pooling in conv_ops.py. Gradients follow
TF's kernels where they differ from JAX's: relu'(0) = 0, relu6' is 0 at 0 and 6, leaky_relu'(0)
= alpha, elu/selu/softplus/softsign use TF's closed forms, and the softmax cross entropy's
gradient is TF's `softmax - labels` (JAX would give `sum(labels) * softmax - labels`).
"""

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from tfcompat._src import dtypes as d
from tfcompat._src import errors
from tfcompat._src.export import export, export_value
from tfcompat._src.ops import gradient_ops, random_ops
from tfcompat._src.ops.linalg_ops import _call, _shape_text, _tensor
from tfcompat._src.ops.math_ops import _abs, _div
from tfcompat._src.ops.reduction_ops import _axis
from tfcompat._src.registry import INDEPENDENT, op

_HALF_UP = ("half", "bfloat16", "float", "double")  # Elu, Softplus, Softmax, L2Loss, AvgPool
_HALF_UP_SET = frozenset(d.FLOATS)
_RELU_TEXT = ("float", "double", "int32", "uint8", "int16", "int8", "int64", "bfloat16", "uint16",
              "half", "uint32", "uint64", "qint8")


def _bad(message):
    return errors.InvalidArgumentError(None, None, message)


def _zero(x):
    return jnp.zeros((), x.dtype)


# -- activations -------------------------------------------------------------------------------

@jax.custom_jvp
def _relu(x):
    # Eigen's max(x, 0) keeps x when equal, so relu(-0.0) is -0.0 in TF.
    return jnp.where(x < 0, _zero(x), x)


_relu.defjvp(lambda p, t: (_relu(p[0]), jnp.where(p[0] > 0, t[0], _zero(t[0]))))


@op("nn.relu", kernel="Relu", dtypes_=d.FLOATS | d.INTEGERS, allowed=_RELU_TEXT)
def relu(features):
    return _relu(features)


@jax.custom_jvp
def _relu6(x):
    return jnp.where(x < 0, _zero(x), jnp.where(x > 6, jnp.asarray(6, x.dtype), x))


_relu6.defjvp(lambda p, t: (_relu6(p[0]), jnp.where((p[0] > 0) & (p[0] < 6), t[0],
                                                     _zero(t[0]))))


@op("nn.relu6", kernel="Relu6", dtypes_=d.FLOATS | d.INTEGERS, allowed=_RELU_TEXT)
def relu6(features):
    return _relu6(features)


@jax.custom_jvp
def _elu(x):
    return jnp.where(x < 0, jnp.expm1(jnp.minimum(x, 0)), x)


@_elu.defjvp
def _elu_jvp(p, t):
    y = _elu(p[0])
    return y, jnp.where(p[0] < 0, t[0] * (y + 1), t[0])  # TF's EluGrad


@op("nn.elu", kernel="Elu", dtypes_=_HALF_UP_SET, allowed=_HALF_UP)
def elu(features):
    return _elu(features)


_SELU_SCALE = 1.0507009873554804934193349852946
_SELU_ALPHA = 1.6732632423543772848170429916717


@jax.custom_jvp
def _selu(x):
    scale = jnp.asarray(_SELU_SCALE, x.dtype)
    scale_alpha = jnp.asarray(_SELU_SCALE * _SELU_ALPHA, x.dtype)
    return jnp.where(x < 0, scale_alpha * jnp.expm1(jnp.minimum(x, 0)), scale * x)


@_selu.defjvp
def _selu_jvp(p, t):
    x, y = p[0], _selu(p[0])
    scale = jnp.asarray(_SELU_SCALE, x.dtype)
    scale_alpha = jnp.asarray(_SELU_SCALE * _SELU_ALPHA, x.dtype)
    return y, jnp.where(x < 0, t[0] * (y + scale_alpha), t[0] * scale)


@op("nn.selu", kernel="Selu", dtypes_=_HALF_UP_SET, allowed=_HALF_UP)
def selu(features):
    return _selu(features)


@op(name="nn.leaky_relu", kernel="LeakyRelu", dtypes_=_HALF_UP_SET, allowed=_HALF_UP)
def _leaky_relu(features, alpha=0.2):
    # TF stores alpha as a float attribute: a float64 input sees float32(alpha).
    x = features
    return jnp.where(x > 0, x, x * jnp.asarray(np.float32(alpha), x.dtype))


@export("nn.leaky_relu")
def leaky_relu(features, alpha=0.2, name=None):
    """max(x, alpha * x) by sign; integer inputs are cast to float32, as TF does."""
    x = _tensor(features)
    if x.dtype.is_integer:
        x = _call("cast", x, dtype=d.float32)
    return _leaky_relu(x, alpha=float(np.asarray(alpha)))


@op(name="nn.gelu", kernel="Gelu", dtypes_=d.FLOATS)
def _gelu(features, approximate=False):
    x = features
    half, one = jnp.asarray(0.5, x.dtype), jnp.asarray(1.0, x.dtype)
    if approximate:
        inner = x + jnp.asarray(0.044715, x.dtype) * jnp.power(x, 3)
        return half * x * (one + jnp.tanh(jnp.asarray(0.7978845608028654, x.dtype) * inner))
    return half * x * (one + lax.erf(_div(x, jnp.full(x.shape, 1.4142135623730951, x.dtype))))


@export("nn.gelu", v1=())
def gelu(features, approximate=False, name=None):
    """TF's composite (erf, or the tanh approximation); non-float input is a ValueError."""
    x = _tensor(features)
    if not x.dtype.is_floating:
        raise ValueError("`features.dtype` must be a floating point tensor."
                         f"Received:features.dtype={x.dtype}")
    return _gelu(x, approximate=bool(approximate))


@jax.custom_jvp
def _softplus(x):
    # Eigen's thresholds: x itself above -log(eps) - 2, exp(x) below log(eps) + 2.
    threshold = np.log(np.finfo(x.dtype).eps) + 2
    e = jnp.exp(x)
    return jnp.where(x > -threshold, x, jnp.where(x < threshold, e, jnp.log1p(e)))


_softplus.defjvp(lambda p, t: (_softplus(p[0]), t[0] / (1 + jnp.exp(-p[0]))))


@op("math.softplus", "nn.softplus", kernel="Softplus", dtypes_=_HALF_UP_SET, allowed=_HALF_UP)
def softplus(features):
    return _softplus(features)


@jax.custom_jvp
def _softsign(x):
    return x / (1 + jnp.abs(x))


_softsign.defjvp(lambda p, t: (_softsign(p[0]), t[0] / jnp.square(1 + jnp.abs(p[0]))))


@op("math.softsign", "nn.softsign", kernel="Softsign", dtypes_=_HALF_UP_SET, allowed=_HALF_UP)
def softsign(features):
    return _softsign(features)


@jax.custom_jvp
def _silu(x, beta):
    return x * jax.nn.sigmoid(beta * x)


@_silu.defjvp
def _silu_jvp(p, t):
    # TF's custom gradient for swish, term for term.
    x, beta = p
    s = jax.nn.sigmoid(beta * x)
    dx = s * (1 + (beta * x) * (1 - s))
    return x * s, t[0] * dx + t[1] * jnp.square(x) * s * (1 - s)


@op("nn.silu", "nn.swish", kernel="Sigmoid", dtypes_=d.INEXACT)
def silu(features, beta=1.0):
    """x * sigmoid(beta * x); non-float input fails in TF's Sigmoid kernel."""
    return _silu(features, jnp.asarray(beta, features.dtype))


# -- softmax and cross entropies ---------------------------------------------------------------

def _rank(x) -> int:
    return len(x.shape)


def _softmax_axis(logits, axis):
    rank = _rank(logits)
    if axis is None:
        return -1
    if rank and not -rank <= axis < rank:
        raise errors.InvalidArgumentError(
            None, None, f"`dim` must be in the range [{-rank}, {rank}) where {rank} is the "
            f"number of dimensions in the input. Received: dim={axis}")
    return int(axis)


def _shifted(x, axis):
    return x - lax.stop_gradient(jnp.max(x, axis=axis, keepdims=True))


@op(name="nn.softmax", kernel="Softmax", dtypes_=_HALF_UP_SET, allowed=_HALF_UP)
def _softmax(logits, axis=-1):
    if logits.ndim < 1 or logits.ndim > 5:
        # TF's CPU build runs oneDNN's softmax, which takes ranks 1 to 5 only.
        raise errors.AbortedError(None, None, "Input dims must be <= 5 and >=1")
    e = jnp.exp(_shifted(logits, axis))
    return e / jnp.sum(e, axis=axis, keepdims=True)


@op(name="nn.log_softmax", kernel="LogSoftmax", dtypes_=_HALF_UP_SET, allowed=_HALF_UP)
def _log_softmax(logits, axis=-1):
    s = _shifted(logits, axis)
    return s - jnp.log(jnp.sum(jnp.exp(s), axis=axis, keepdims=True))


def _softmax_api(kernel):
    def v2(logits, axis=None, name=None):
        logits = _tensor(logits)
        return kernel(logits, axis=_softmax_axis(logits, axis))

    def v1(logits, axis=None, name=None, dim=None):
        if dim is not None:
            if axis is not None:
                raise ValueError("Cannot specify both 'axis' and 'dim'.")
            axis = dim
        return v2(logits, axis)
    return v2, v1


softmax, softmax_v1 = _softmax_api(_softmax)
log_softmax, log_softmax_v1 = _softmax_api(_log_softmax)
export_value(softmax, ("math.softmax", "nn.softmax"), ())
export_value(softmax_v1, (), ("math.softmax", "nn.softmax"))
export_value(log_softmax, ("math.log_softmax", "nn.log_softmax"), ())
export_value(log_softmax_v1, (), ("math.log_softmax", "nn.log_softmax"))


@jax.custom_jvp
def _xent_rows(labels, logits):
    """TF's XentFunctor along the last axis."""
    s = _shifted(logits, -1)
    sum_exp = jnp.sum(jnp.exp(s), axis=-1, keepdims=True)
    return jnp.sum(labels * (jnp.log(sum_exp) - s), axis=-1)


@_xent_rows.defjvp
def _xent_rows_jvp(p, t):
    # d/dlogits = softmax - labels (TF's backprop); d/dlabels = -log_softmax.
    labels, logits = p
    s = _shifted(logits, -1)
    sum_exp = jnp.sum(jnp.exp(s), axis=-1, keepdims=True)
    backprop = jnp.exp(s) / sum_exp - labels
    log_sm = s - jnp.log(sum_exp)
    return _xent_rows(labels, logits), jnp.sum(backprop * t[1] - log_sm * t[0], axis=-1)


@op(name="nn.softmax_cross_entropy_with_logits", kernel="SoftmaxCrossEntropyWithLogits",
    dtypes_=_HALF_UP_SET, allowed=_HALF_UP)
def _xent(labels, logits, axis=-1):
    labels, logits = jnp.moveaxis(labels, axis, -1), jnp.moveaxis(logits, axis, -1)
    flat = [(int(np.prod(x.shape[:-1])), x.shape[-1] if x.ndim else 1) for x in (logits, labels)]
    try:
        jnp.broadcast_shapes(logits.shape, labels.shape)
    except ValueError:
        raise _bad(f"logits and labels must be broadcastable: logits_size={_shape_text(flat[0])}"
                   f" labels_size={_shape_text(flat[1])}") from None
    labels, logits = jnp.broadcast_arrays(labels, logits)
    if logits.dtype == jnp.float16:  # TF computes half precision in float32
        return _xent_rows(labels.astype(jnp.float32), logits.astype(jnp.float32)).astype(
            jnp.float16)
    return _xent_rows(labels, logits)


@export("nn.softmax_cross_entropy_with_logits", v1=())
def softmax_cross_entropy_with_logits(labels, logits, axis=-1, name=None):
    """Cross entropy of softmax(logits) against a distribution `labels`, along `axis`."""
    return _xent(labels, logits, axis=int(axis))


@export(v1=("nn.softmax_cross_entropy_with_logits_v2",))
def softmax_cross_entropy_with_logits_v2(labels, logits, axis=None, name=None, dim=None):
    if dim is not None:
        if axis is not None:
            raise ValueError("Cannot specify both 'axis' and 'dim'.")
        axis = dim
    return _xent(labels, logits, axis=-1 if axis is None else int(axis))


@export(v1=("nn.softmax_cross_entropy_with_logits",))
def softmax_cross_entropy_with_logits_v1(labels=None, logits=None, dim=-1, name=None, axis=None):
    """TF 1's version: no gradient reaches `labels` (TF stops it)."""
    if axis is not None:
        dim = axis
    logits = _tensor(logits)
    labels = gradient_ops.stop_gradient(_tensor(labels, logits.dtype))
    return softmax_cross_entropy_with_logits_v2(labels, logits, axis=dim)


def _check_labels(logits, labels):
    n = logits.shape[-1]
    bad = (labels < 0) | (labels >= n)
    if np.any(bad):
        flat = np.asarray(labels).reshape(-1)
        value = flat[np.argmax(np.asarray(bad).reshape(-1))]
        raise _bad(f"Received a label value of {value} which is outside the valid range of "
                   f"[0, {n}).  Label values: {' '.join(map(str, flat.tolist()))}")


@op(name="nn.sparse_softmax_cross_entropy_with_logits",
    kernel="SparseSoftmaxCrossEntropyWithLogits", policy=INDEPENDENT,
    dtypes_=_HALF_UP_SET | {d.int32, d.int64}, check=_check_labels)
def _sparse_xent(logits, labels):
    x = logits.astype(jnp.float32) if logits.dtype == jnp.float16 else logits
    s = _shifted(x, -1)
    picked = jnp.take_along_axis(s, labels[..., None].astype(jnp.int32), axis=-1)[..., 0]
    return (jnp.log(jnp.sum(jnp.exp(s), axis=-1)) - picked).astype(logits.dtype)


@export("nn.sparse_softmax_cross_entropy_with_logits", v1=())
def sparse_softmax_cross_entropy_with_logits(labels, logits, name=None):
    """Cross entropy against class indices `labels` (int32/int64) along the last axis."""
    logits, labels = _tensor(logits), _tensor(labels)
    if labels.dtype not in (d.int32, d.int64):
        kind = {"float32": "float", "float64": "double"}.get(labels.dtype.name, labels.dtype.name)
        kernel = "SparseSoftmaxCrossEntropyWithLogits"
        raise _bad(f"Value for attr 'Tlabels' of {kind} is not in the list of allowed values: "
                   f"int32, int64\n\t; NodeDef: {{{{node {kernel}}}}} [Op:{kernel}] name: ")
    lr, gr = _rank(labels), _rank(logits)
    if lr != gr - 1:
        raise ValueError("`labels.shape.rank` must equal `logits.shape.rank - 1`. Received: "
                         f"labels.shape={tuple(labels.shape)} of rank {lr} and "
                         f"logits.shape={tuple(logits.shape)} of rank {gr}")
    if tuple(labels.shape) != tuple(logits.shape)[:-1]:
        raise ValueError("`labels.shape` must equal `logits.shape` except for the last "
                         f"dimension. Received: labels.shape={tuple(labels.shape)} and "
                         f"logits.shape={tuple(logits.shape)}")
    return _sparse_xent(logits, labels)


@export(v1=("nn.sparse_softmax_cross_entropy_with_logits",))
def sparse_softmax_cross_entropy_with_logits_v1(labels=None, logits=None, name=None):
    return sparse_softmax_cross_entropy_with_logits(labels, logits)


def _same_shape(logits, labels):
    if tuple(logits.shape) != tuple(labels.shape):
        raise ValueError("`logits` and `labels` must have the same shape, received "
                         f"({tuple(logits.shape)} vs {tuple(labels.shape)}).")


@op(name="nn.sigmoid_cross_entropy_with_logits", kernel="Mul", dtypes_=d.FLOATS)
def _sigmoid_xent(logits, labels):
    # TF: max(x, 0) - x * z + log1p(exp(-|x|)), written with selects as TF writes it.
    cond = logits >= 0
    relu_logits = jnp.where(cond, logits, _zero(logits))
    neg_abs = jnp.where(cond, -logits, logits)
    return relu_logits - logits * labels + jnp.log1p(jnp.exp(neg_abs))


@export("nn.sigmoid_cross_entropy_with_logits")
def sigmoid_cross_entropy_with_logits(labels=None, logits=None, name=None):
    """Elementwise logistic loss; `labels` and `logits` must have the same shape."""
    logits, labels = _tensor(logits), _tensor(labels)
    _same_shape(logits, labels)
    return _sigmoid_xent(logits, labels)


@op(name="nn.weighted_cross_entropy_with_logits", kernel="Mul", dtypes_=d.FLOATS)
def _weighted_xent(labels, logits, pos_weight):
    one = jnp.asarray(1, logits.dtype)
    log_weight = one + (pos_weight - one) * labels
    return (one - labels) * logits + log_weight * (
        jnp.log1p(jnp.exp(-_abs(logits))) + _relu(-logits))  # TF's abs'(0) = 0


@export("nn.weighted_cross_entropy_with_logits", v1=())
def weighted_cross_entropy_with_logits(labels, logits, pos_weight, name=None):
    """sigmoid cross entropy with positive examples weighted by `pos_weight`."""
    logits, labels = _tensor(logits), _tensor(labels)
    _same_shape(logits, labels)
    return _weighted_xent(labels, logits, pos_weight)


@export(v1=("nn.weighted_cross_entropy_with_logits",))
def weighted_cross_entropy_with_logits_v1(labels=None, logits=None, pos_weight=None, name=None,
                                          targets=None):
    if targets is not None:
        if labels is not None:
            raise ValueError("Cannot specify both 'labels' and 'targets'.")
        labels = targets
    return weighted_cross_entropy_with_logits(labels, logits, pos_weight)


# -- losses and normalization ------------------------------------------------------------------

@op("nn.l2_loss", kernel="L2Loss", dtypes_=_HALF_UP_SET, allowed=_HALF_UP)
def l2_loss(t):
    return jnp.sum(t * t * jnp.asarray(0.5, t.dtype))


@op(name="nn.l2_normalize", kernel="Mul", dtypes_=d.FLOATS)
def _l2_normalize(x, axis=None, epsilon=1e-12):
    _axis(axis, x.ndim, "Sum")
    square_sum = jnp.sum(x * x, axis=axis, keepdims=True)
    eps = jnp.asarray(epsilon, x.dtype)
    return x * lax.rsqrt(jnp.where(square_sum >= eps, square_sum, eps))


@export("nn.l2_normalize", "math.l2_normalize", "linalg.l2_normalize")
def l2_normalize(x, axis=None, epsilon=1e-12, name=None, dim=None):
    """x / sqrt(max(sum(x**2, axis), epsilon))."""
    if dim is not None:
        if axis is not None:
            raise ValueError("Cannot specify both 'axis' and 'dim'.")
        axis = dim
    x = _tensor(x)
    if not x.dtype.is_floating:
        raise TypeError(f"Cannot convert {epsilon!r} to EagerTensor of dtype {x.dtype.name}")
    axis = tuple(axis) if isinstance(axis, (list, tuple)) else axis
    return _l2_normalize(x, axis=axis, epsilon=float(epsilon))


@op(name="nn.dropout", kernel="Mul")
def _dropout(x, uniform, rate):
    scale = jnp.asarray(1 / (1 - rate), x.dtype)
    return jnp.where(uniform >= jnp.asarray(rate, x.dtype), x * scale, _zero(x))


@export("nn.dropout", v1=())
def dropout(x, rate, noise_shape=None, seed=None, name=None):
    """Zeroes each element with probability `rate` and scales the rest by 1 / (1 - rate).

    The mask comes from tf.random.uniform with TF's seeding rules; its values are not TF's.
    """
    if isinstance(rate, (int, float, np.floating)) and not 0 <= rate < 1:
        raise ValueError("`rate` must be a scalar tensor or a float in the range [0, 1). "
                         f"Received: rate={rate}")
    x = _tensor(x)
    if not x.dtype.is_floating:
        raise ValueError("`x.dtype` must be a floating point tensor as `x` will be scaled. "
                         f"Received: x_dtype={x.dtype}")
    rate = float(np.asarray(getattr(rate, "_value", rate)))
    if rate == 0:
        return x
    shape = tuple(x.shape) if noise_shape is None else tuple(
        int(n) for n in np.asarray(getattr(noise_shape, "_value", noise_shape)))
    uniform = random_ops.uniform(shape, dtype=x.dtype, seed=seed)
    return _dropout(x, uniform, rate=rate)


@export(v1=("nn.dropout",))
def dropout_v1(x, keep_prob=None, noise_shape=None, seed=None, name=None, rate=None):
    if keep_prob is not None:
        if rate is not None:
            raise ValueError("Cannot specify both 'keep_prob' and 'rate'.")
        rate = 1 - keep_prob
    return dropout(x, rate, noise_shape=noise_shape, seed=seed)


@op("nn.bias_add", kernel="BiasAdd", dtypes_=d.NUMERIC, tensors=2)
def bias_add(value, bias, data_format=None):
    if value.ndim < 2:
        raise _bad(f"Input tensor must be at least 2D: {_shape_text(value.shape)}")
    if bias.ndim != 1:
        raise _bad(f"Biases must be 1D: {_shape_text(bias.shape)}")
    channel_first = data_format is not None and data_format.startswith("NC")
    axis = 1 if channel_first else -1
    if value.shape[axis] != bias.shape[0]:
        which = "channel" if channel_first else "last"
        raise _bad(f"Must provide as many biases as the {which} dimension of the input tensor: "
                   f"{_shape_text(bias.shape)} vs. {_shape_text(value.shape)}")
    shape = [1] * value.ndim
    shape[axis] = bias.shape[0]
    return value + bias.reshape(shape)


def _mean(x, axes):
    total = jnp.sum(x, axis=axes, keepdims=True)
    count = max(x.size, 1) // max(total.size, 1) if x.size else 0
    return _div(total, jnp.full(total.shape, count, x.dtype))  # a true division, as TF


@op("nn.moments", kernel="Mean", dtypes_=d.FLOATS, v1_aliases={"keep_dims": "keepdims"},
    tensors=1)
def moments(x, axes, shift=None, keepdims=False):
    """(mean, variance) over `axes`; the variance's gradient does not flow through the mean
    (TF stops it); float16 is computed in float32. `shift` is unused, as in TF 2."""
    _axis(axes, x.ndim, "Mean")
    axes = tuple(int(a) for a in (axes if isinstance(axes, (list, tuple)) else (axes,)))
    y = x.astype(jnp.float32) if x.dtype == jnp.float16 else x
    mean = _mean(y, axes)
    diff = y - lax.stop_gradient(mean)
    variance = _mean(diff * diff, axes)
    if not keepdims:
        mean, variance = jnp.squeeze(mean, axes), jnp.squeeze(variance, axes)
    return mean.astype(x.dtype), variance.astype(x.dtype)


@op(name="nn.batch_normalization", kernel="Rsqrt", dtypes_=d.FLOATS)
def _batch_normalization(x, mean, variance, offset, scale, variance_epsilon=0.0):
    inv = lax.rsqrt(variance + jnp.asarray(variance_epsilon, variance.dtype)) * scale
    return x * inv + (offset - mean * inv)


@export("nn.batch_normalization")
def batch_normalization(x, mean, variance, offset, scale, variance_epsilon, name=None):
    """(x - mean) * scale / sqrt(variance + eps) + offset, arranged as TF arranges it."""
    x = _tensor(x)
    offset = 0.0 if offset is None else offset
    scale = 1.0 if scale is None else scale
    return _batch_normalization(x, mean, variance, offset, scale,
                                variance_epsilon=float(variance_epsilon))


# -- embedding lookup --------------------------------------------------------------------------

def _check_ids(params, ids):
    n = params.shape[0]
    bad = (np.asarray(ids) < 0) | (np.asarray(ids) >= n)
    if np.any(bad):
        where = np.unravel_index(np.argmax(bad.reshape(-1)), bad.shape) if bad.ndim else ()
        index = ",".join(map(str, where))
        raise _bad(f"indices[{index}] = {np.asarray(ids)[where]} is not in [0, {n})")


@op(name="nn.embedding_lookup", kernel="GatherV2", policy=INDEPENDENT, check=_check_ids)
def _embedding_lookup(params, ids, max_norm=None):
    rows = jnp.take(params, ids, axis=0)
    if max_norm is None:
        return rows
    # TF's clip_by_norm over each embedding's own axes.
    axes = tuple(range(ids.ndim, rows.ndim))
    l2sum = jnp.sum(rows * rows, axis=axes, keepdims=True)
    pred = l2sum > 0
    l2norm = jnp.where(pred, jnp.sqrt(jnp.where(pred, l2sum, 1)), l2sum)
    clip = jnp.asarray(max_norm, rows.dtype)
    return rows * clip / jnp.maximum(l2norm, clip)


@export("nn.embedding_lookup", v1=())
def embedding_lookup(params, ids, max_norm=None, name=None):
    """Rows of `params` (one tensor or a one-element list; sharded tables are not supported)."""
    if isinstance(params, (list, tuple)):
        if len(params) != 1:
            raise NotImplementedError("tfcompat: embedding_lookup over several shards")
        params = params[0]
    return _embedding_lookup(params, ids, max_norm=None if max_norm is None else float(max_norm))


@export(v1=("nn.embedding_lookup",))
def embedding_lookup_v1(params, ids, partition_strategy="mod", name=None, validate_indices=True,
                        max_norm=None):
    return embedding_lookup(params, ids, max_norm=max_norm)
