"""tf.math reductions, scans, top_k, counting, segment sums and norm clipping."""

import collections
import functools

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from tfcompat._src import dtypes as d
from tfcompat._src import errors
from tfcompat._src.export import export
from tfcompat._src.ops.array_ops import cast, convert_to_tensor
from tfcompat._src.ops.math_ops import (
    _ARITH,
    _NUMBERTYPES_TEXT,
    _REAL,
    _REAL_TEXT,
    _div,
    _maximum,
    add,
    maximum,
    minimum,
    multiply,
    sqrt,
    subtract,
    truediv,
)
from tfcompat._src.registry import INDEPENDENT, op
from tfcompat._src.tensor import Tensor

_V1_REDUCE = {"keep_dims": "keepdims", "reduction_indices": "axis"}
# TF's "allowed values" list of the Max and Min kernels.
_MAX_TEXT = ("float", "double", "int32", "uint8", "int16", "int8", "int64", "bfloat16",
                "uint16", "half", "uint32", "uint64", "qint8", "quint8", "qint32", "qint16",
                "quint16")


def _kernel_error(kernel: str, message: str, cls=errors.InvalidArgumentError,
                  name: str | None = ""):
    """An error raised outside an op's kernel, worded as TF's eager kernel reports it (`name`
    None: TF's message has no " name: " part)."""
    tail = "" if name is None else f" name: {name}"
    return cls(None, None, f"{{{{function_node __wrapped__{kernel}_device_/job:localhost/replica:"
               f"0/task:0/device:CPU:0}}}} {message} [Op:{kernel}]{tail}")


def _concrete(x) -> bool:
    return not isinstance(getattr(x, "_value", x), jax.core.Tracer)


# -- reductions --------------------------------------------------------------------------------

def _axis(axis, ndim, kernel="Sum"):
    axes = () if axis is None else tuple(axis) if isinstance(axis, (list, tuple)) else (axis,)
    for a in axes:
        if not isinstance(a, int):
            # TF converts the axis to an int32 tensor first.
            if isinstance(a, str):
                raise errors.InvalidArgumentError(
                    None, None, f"Value for attr 'Tidx' of string is not in the list of allowed "
                    f"values: int32, int64\n\t; NodeDef: {{{{node {kernel}}}}} [Op:{kernel}] "
                    "name: ")
            raise errors.python_error(
                TypeError(f"Cannot convert {a!r} to EagerTensor of dtype int32"))
        if not -ndim <= a < max(ndim, 1):
            # sic: TF's message has no closing parenthesis; a scalar axis goes through TF's
            # slow path, which adds " name: ".
            raise _kernel_error(kernel, f"Invalid reduction dimension ({a} for input with {ndim} "
                                "dimension(s)", name="" if isinstance(axis, int) else None)
    seen = set()
    for a in axes:
        if a % max(ndim, 1) in seen:
            # This message of TF's has no " name: " part.
            raise errors.InvalidArgumentError(None, None, (
                f"{{{{function_node __wrapped__{kernel}_device_/job:localhost/replica:0/task:0/"
                f"device:CPU:0}}}} Invalid reduction arguments: Axes contains duplicate "
                f"dimension: {a % max(ndim, 1)} [Op:{kernel}]"))
        seen.add(a % max(ndim, 1))
    return axis if axis is None or isinstance(axis, int) else tuple(axis)


def _reduction(v2, kernel, fn, dtypes_, allowed=None, v1=None, axis_kernel=None, **kw):
    """A reduction op `fn(x, axis, keepdims)` with TF's axis checks and TF 1 argument names
    (`axis_kernel`: the kernel TF's axis error names, when TF composes the op)."""
    @op(*v2, v1=v1, kernel=kernel, dtypes_=dtypes_, allowed=allowed, v1_aliases=_V1_REDUCE,
        **kw)
    def reduce(input_tensor, axis=None, keepdims=False):
        x = input_tensor
        return fn(x, _axis(axis, x.ndim, axis_kernel or kernel), bool(keepdims))
    reduce.__name__ = reduce.__qualname__ = v2[0].rpartition(".")[2]
    return reduce


def _sum(x, axis, keepdims):
    return jnp.sum(x, axis=axis, keepdims=keepdims, dtype=x.dtype)


def _mean(x, axis, keepdims):
    total = _sum(x, axis, keepdims)
    count = max(x.size, 1) // max(total.size, 1) if x.size else 0
    if jnp.issubdtype(x.dtype, jnp.integer):
        # TF's integer mean truncates toward zero.
        return lax.div(total, jnp.asarray(max(count, 1), x.dtype))
    return _div(total, jnp.full(total.shape, count, x.dtype))  # a true division, as TF


def _extreme(fn, lowest):
    """max/min with TF's identity for empty reductions (-inf / the dtype's lowest value)."""
    def reduce(x, axis, keepdims):
        if jnp.issubdtype(x.dtype, jnp.inexact):
            init = -np.inf if lowest else np.inf
        else:
            info = jnp.iinfo(x.dtype)
            init = info.min if lowest else info.max
        # NaN propagates, as in TF.
        return fn(x, axis=axis, keepdims=keepdims, initial=init)
    return reduce


reduce_sum = _reduction(("math.reduce_sum", "reduce_sum"), "Sum", _sum, _ARITH,
                        _NUMBERTYPES_TEXT)
reduce_mean = _reduction(("math.reduce_mean", "reduce_mean"), "Mean", _mean, _ARITH,
                         _NUMBERTYPES_TEXT)
reduce_max = _reduction(("math.reduce_max", "reduce_max"), "Max", _extreme(jnp.max, True),
                        _REAL, _MAX_TEXT)
reduce_min = _reduction(("math.reduce_min", "reduce_min"), "Min", _extreme(jnp.min, False),
                        _REAL, _MAX_TEXT)
reduce_prod = _reduction(("math.reduce_prod", "reduce_prod"), "Prod",
                         lambda x, a, k: jnp.prod(x, axis=a, keepdims=k, dtype=x.dtype), _ARITH,
                         _NUMBERTYPES_TEXT)
reduce_any = _reduction(("math.reduce_any", "reduce_any"), "Any",
                        lambda x, a, k: jnp.any(x, axis=a, keepdims=k), {d.bool_},
                        differentiable=False)
reduce_all = _reduction(("math.reduce_all", "reduce_all"), "All",
                        lambda x, a, k: jnp.all(x, axis=a, keepdims=k), {d.bool_},
                        differentiable=False)


def _logsumexp(x, axis, keepdims):
    # TF's composition: the max is shifted out (0 where it is not finite) and held constant.
    raw_max = _extreme(jnp.max, True)(x, axis, True)
    my_max = lax.stop_gradient(jnp.where(jnp.isfinite(raw_max), raw_max, 0))
    result = jnp.log(_sum(jnp.exp(x - my_max), axis, keepdims))
    return result + jnp.reshape(my_max, result.shape)


reduce_logsumexp = _reduction(("math.reduce_logsumexp", "reduce_logsumexp"), "ReduceLogSumExp",
                              _logsumexp, d.FLOATS, axis_kernel="Max")


def _euclidean_norm(x, axis, keepdims):
    total = _sum(x * jnp.conj(x), axis, keepdims)
    if jnp.issubdtype(x.dtype, jnp.integer):
        # TF takes the integer square root (truncated).
        return jnp.floor(jnp.sqrt(total.astype(jnp.float64))).astype(x.dtype)
    return jnp.sqrt(total)


reduce_euclidean_norm = _reduction(("math.reduce_euclidean_norm",), "EuclideanNorm",
                                   _euclidean_norm, _ARITH, _NUMBERTYPES_TEXT)


@op(name="math._squared_deviation", kernel="Square")
def _squared_deviation(diff):
    if jnp.issubdtype(diff.dtype, jnp.complexfloating):
        return jnp.real(jnp.conj(diff) * diff)
    return jnp.square(diff)


@export("math.reduce_variance")
def reduce_variance(input_tensor, axis=None, keepdims=False, name=None):
    """`tf.math.reduce_variance`: TF's composition mean((x - mean(x))^2), op by op."""
    x = convert_to_tensor(input_tensor)
    means = reduce_mean(x, axis, keepdims=True)
    if means.dtype.is_integer:
        raise TypeError(f"Input must be either real or complex. Received integer type "
                        f"{means.dtype}.")
    return reduce_mean(_squared_deviation(subtract(x, means)), axis, keepdims=keepdims)


@export("math.reduce_std")
def reduce_std(input_tensor, axis=None, keepdims=False, name=None):
    """`tf.math.reduce_std`: the square root of reduce_variance."""
    return sqrt(reduce_variance(input_tensor, axis, keepdims))


# -- argmax / argmin ---------------------------------------------------------------------------

_INDEX_TYPES = (d.int16, d.uint16, d.int32, d.int64)
_ARG_TYPES = _REAL | {d.bool_}
_ARG_TEXT = (*_MAX_TEXT, "bool")


_KIND = {"float32": "float", "float64": "double", "float16": "half"}


def _arg(x, axis, output_type, largest):
    axis = 0 if axis is None else axis
    output_type = d.as_dtype(output_type)
    if output_type not in _INDEX_TYPES:
        kernel = "ArgMax" if largest else "ArgMin"
        raise errors.InvalidArgumentError(None, None, (
            f"Value for attr 'output_type' of {_KIND.get(output_type.name, output_type.name)} is "
            f"not in the list of allowed values: int16, uint16, int32, int64\n\t; NodeDef: "
            f"{{{{node {kernel}}}}} [Op:{kernel}] name: "))
    if not -x.ndim <= axis < x.ndim:
        raise errors.InvalidArgumentError(
            None, None, f"Expected dimension in the range [{-x.ndim}, {x.ndim}), but got {axis}")
    shape = ",".join(map(str, x.shape))
    if x.ndim and x.shape[axis] == 0:
        raise errors.InvalidArgumentError(
            None, None, f"Reduction axis {axis % x.ndim} is empty in shape [{shape}]")
    if jnp.issubdtype(x.dtype, jnp.floating):
        # TF's kernel never picks a NaN (its comparisons are false); treat NaN as the worst.
        x = jnp.where(jnp.isnan(x), -jnp.inf if largest else jnp.inf, x)
    out = jnp.argmax(x, axis=axis) if largest else jnp.argmin(x, axis=axis)
    return out.astype(output_type.as_numpy_dtype)


def _argop(largest):
    name = "argmax" if largest else "argmin"

    @op(f"math.{name}", name, kernel="ArgMax" if largest else "ArgMin", dtypes_=_ARG_TYPES,
        differentiable=False, v1_aliases={"dimension": "axis"}, allowed=_ARG_TEXT)
    def arg(input, axis=None, output_type=d.int64):  # noqa: A002 - TF's argument name
        return _arg(input, axis, output_type, largest)

    @op(v1=(f"arg_{name[3:]}",), kernel="ArgMax" if largest else "ArgMin",
        dtypes_=_ARG_TYPES, differentiable=False, tensors=1, allowed=_ARG_TEXT)
    def arg_v1(input, dimension, output_type=d.int64):  # noqa: A002 - TF's argument name
        return _arg(input, dimension, output_type, largest)
    arg.__name__ = arg.__qualname__ = name
    return arg, arg_v1


argmax, arg_max = _argop(True)
argmin, arg_min = _argop(False)


# -- scans -------------------------------------------------------------------------------------

def _scan(x, axis, exclusive, reverse, prod):
    fn = jnp.cumprod if prod else jnp.cumsum
    if reverse:
        x = jnp.flip(x, axis)
    if exclusive:
        pad = [(0, 0)] * x.ndim
        pad[axis] = (1, 0)
        x = jnp.pad(x, pad, constant_values=1 if prod else 0)
        x = lax.slice_in_dim(x, 0, x.shape[axis] - 1, axis=axis)
    out = fn(x, axis=axis, dtype=x.dtype)
    return jnp.flip(out, axis) if reverse else out


@functools.partial(jax.custom_vjp, nondiff_argnums=(1, 2, 3))
def _cumprod(x, axis, exclusive, reverse):
    return _scan(x, axis, exclusive, reverse, True)


def _cumprod_fwd(x, axis, exclusive, reverse):
    out = _scan(x, axis, exclusive, reverse, True)
    return out, (x, out)


def _cumprod_bwd(axis, exclusive, reverse, res, g):
    # TF's gradient: reverse-cumsum(out * g) / x, with 0 where x == 0 (div_no_nan), so a zero
    # input gets gradient 0 (JAX's exact rule gives the product of the others).
    x, out = res
    total = _scan(out * g, axis, exclusive, not reverse, False)
    safe = jnp.where(x == 0, jnp.ones_like(x), x)
    return (jnp.where(x == 0, jnp.zeros_like(total), total / safe),)


_cumprod.defvjp(_cumprod_fwd, _cumprod_bwd)


def _scan_axis(x, axis):
    n = x.ndim
    if not -n <= axis < n:
        raise errors.InvalidArgumentError(
            None, None, f"ScanOp: Expected scan axis in the range [{-n}, {n}), but got {axis}")
    return axis % n


@op("math.cumsum", "cumsum", kernel="Cumsum", dtypes_=_ARITH, allowed=_NUMBERTYPES_TEXT)
def cumsum(x, axis=0, exclusive=False, reverse=False):
    return _scan(x, _scan_axis(x, axis), bool(exclusive), bool(reverse), False)


@op("math.cumprod", v1=("math.cumprod", "cumprod"), kernel="Cumprod", dtypes_=_ARITH,
    allowed=_NUMBERTYPES_TEXT)
def cumprod(x, axis=0, exclusive=False, reverse=False):
    axis = _scan_axis(x, axis)
    if jnp.issubdtype(x.dtype, jnp.inexact):
        return _cumprod(x, axis, bool(exclusive), bool(reverse))
    return _scan(x, axis, bool(exclusive), bool(reverse), True)


# -- top_k -------------------------------------------------------------------------------------

TopKV2 = collections.namedtuple("TopKV2", ["values", "indices"])


@op(name="math.top_k", kernel="TopKV2", dtypes_=_REAL, allowed=_REAL_TEXT)
def _top_k(input, k=1, index_type=d.int32):  # noqa: A002 - TF's argument name
    if k < 0:
        raise errors.InvalidArgumentError(None, None, f"Need k >= 0, got {k}")
    if input.ndim < 1:
        raise errors.InvalidArgumentError(
            None, None, f"input must be >= 1-D, got shape [{','.join(map(str, input.shape))}]")
    if input.shape[-1] < k:
        raise errors.InvalidArgumentError(
            None, None, f"input must have at least k columns. Had {input.shape[-1]}, needed {k}")
    values, indices = lax.top_k(input, k)
    return values, indices.astype(d.as_dtype(index_type).as_numpy_dtype)


@export("math.top_k", "nn.top_k")
def top_k(input, k=1, sorted=True, index_type=d.int32, name=None):  # noqa: A002
    """`tf.math.top_k`: the k largest entries of the last axis, as a TopKV2(values, indices)
    namedtuple; ties go to the lower index. Results are always sorted here."""
    return TopKV2(*_top_k(input, k, index_type))


# -- counting ----------------------------------------------------------------------------------

@op("math.count_nonzero", v1=("math.count_nonzero", "count_nonzero"), kernel="CountNonzero",
    differentiable=False,
    v1_aliases={"input_tensor": "input", "keep_dims": "keepdims", "reduction_indices": "axis"})
def count_nonzero(input, axis=None, keepdims=None, dtype=d.int64):  # noqa: A002
    x = input
    axis = _axis(axis, np.ndim(x), "Sum")
    out_type = d.as_dtype(dtype).as_numpy_dtype
    if getattr(x, "dtype", None) == np.object_:
        # Strings count when non-empty; they live on the host.
        nonzero = np.vectorize(bool, otypes=[bool])(x)
        return np.sum(nonzero, axis=axis, keepdims=bool(keepdims), dtype=np.int64).astype(
            out_type)
    return jnp.sum(x != 0, axis=axis, keepdims=bool(keepdims), dtype=jnp.int64).astype(out_type)


@export("math.bincount", v1=("math.bincount", "bincount"))
def bincount(arr, weights=None, minlength=None, maxlength=None, dtype=d.int32, name=None,
             axis=None, binary_output=False):
    """`tf.math.bincount`: counts (or sums weights) per non-negative integer value. Computed on
    the host: the output's length depends on the values."""
    arr = convert_to_tensor(arr)
    if weights is not None:
        weights = convert_to_tensor(weights)
        if binary_output:
            raise ValueError("Arguments `binary_output` and `weights` are mutually exclusive. "
                             "Please specify only one.")
    if not arr.dtype.is_integer:
        arr = cast(arr, d.int32)
    axis = 0 if axis is None else axis
    if axis not in (0, -1):
        raise ValueError(f"Unsupported value for argument axis={axis}. Only 0 and -1 are "
                         "currently supported.")
    a = np.asarray(arr.numpy()).astype(np.int64)
    size = int(a.max()) + 1 if a.size else 0
    size = max(size, int(minlength)) if minlength is not None else size
    size = min(size, int(maxlength)) if maxlength is not None else size
    if np.any(a < 0):
        raise _kernel_error("DenseBincount", "Input arr must be non-negative!")
    out_dtype = weights.dtype if weights is not None else d.as_dtype(dtype)
    out_type = out_dtype.as_numpy_dtype
    w = None if weights is None else np.asarray(weights.numpy())
    rows = a.reshape(-1, a.shape[-1] if a.ndim else 1) if axis == -1 else a.reshape(1, -1)
    if w is not None:
        w = w.reshape(rows.shape)
    out = np.zeros((rows.shape[0], size), out_type)
    for r, row in enumerate(rows):
        keep = row < size
        np.add.at(out[r], row[keep], 1 if w is None else w[r][keep])
    if binary_output:
        out = (out > 0).astype(out_type)
    return Tensor(out[0] if axis == 0 else out.reshape(a.shape[:-1] + (size,)), out_dtype)


# -- segment sums ------------------------------------------------------------------------------

def _name_tail(ids):
    """TF's eager error names the op (" name: ") when the ids came as a tensor, not as a list."""
    return None if isinstance(ids, (list, tuple, np.ndarray)) else ""


@op(name="math.unsorted_segment_sum", kernel="UnsortedSegmentSum", policy=INDEPENDENT,
    tensors=2)
def _segment_sum(data, segment_ids, num_segments):
    if data.shape[:segment_ids.ndim] != segment_ids.shape:
        raise errors.InvalidArgumentError(
            None, None, f"data.shape = [{','.join(map(str, data.shape))}] does not start with "
            f"segment_ids.shape = [{','.join(map(str, segment_ids.shape))}]")
    flat = jnp.reshape(data, (-1,) + data.shape[segment_ids.ndim:])
    # Negative ids are dropped, as in TF (JAX's scatter drops out-of-range ids).
    return jax.ops.segment_sum(flat, jnp.reshape(segment_ids, (-1,)), num_segments)


@export("math.unsorted_segment_sum", v1=("math.unsorted_segment_sum", "unsorted_segment_sum"))
def unsorted_segment_sum(data, segment_ids, num_segments, name=None):
    """`tf.math.unsorted_segment_sum`: sums of data rows by segment id; negative ids are dropped,
    ids >= num_segments are an error."""
    tail = _name_tail(segment_ids)
    ids = convert_to_tensor(segment_ids)
    n = int(num_segments)
    if _concrete(ids):
        flat = np.asarray(ids.numpy()).reshape(-1)
        bad = np.flatnonzero(flat >= n)
        if bad.size:
            raise _kernel_error("UnsortedSegmentSum", f"segment_ids[{bad[0]}] = {flat[bad[0]]} "
                                f"is out of range [0, {n})", name=tail)
    return _segment_sum(data, ids, n)


@export("math.segment_sum", v1=("math.segment_sum", "segment_sum"))
def segment_sum(data, segment_ids, name=None):
    """`tf.math.segment_sum`: sums over sorted segment ids; the output has max(id) + 1 rows."""
    tail = _name_tail(segment_ids)
    data, ids = convert_to_tensor(data), convert_to_tensor(segment_ids)
    flat = np.asarray(ids.numpy()).reshape(-1)
    if data.ndim < 1 or flat.size != data.shape[0]:
        raise _kernel_error("SegmentSum", "segment_ids should be the same size as dimension 0 of "
                            "input.")
    n = int(flat[-1]) + 1 if flat.size else 0
    # TF's kernel walks the segments: a decrease at a segment's end is reported before the
    # segment's own id is bounds-checked.
    for i, s in enumerate(flat):
        if i + 1 < flat.size and flat[i + 1] != s and not s < flat[i + 1]:
            raise _kernel_error("SegmentSum", "segment ids are not increasing", name=tail)
        if (i + 1 == flat.size or flat[i + 1] != s) and not 0 <= s < n:
            raise _kernel_error("SegmentSum", f"Segment id {s} out of range [0, {n}), possibly "
                                "because 'segment_ids' input is not sorted.", name=tail)
    return _segment_sum(data, ids, n)


# -- clipping ----------------------------------------------------------------------------------

@export("clip_by_value")
def clip_by_value(t, clip_value_min, clip_value_max, name=None):
    """`tf.clip_by_value`: minimum, then maximum, as TF composes it; at a bound the gradient goes
    to `t` (TF's tie rule for minimum/maximum). The bounds must not broadcast `t` larger."""
    values = convert_to_tensor(t)
    t_min = minimum(values, clip_value_max)
    _same_shape(values, t_min)
    t_max = maximum(t_min, clip_value_min)
    _same_shape(values, t_max)
    return t_max


def _same_shape(a, b):
    if a.shape != b.shape:
        raise ValueError(f"Shapes {a.shape} and {b.shape} are incompatible")


@op(name="clip_by_norm", kernel="ClipByNorm", dtypes_=d.INEXACT, tensors=2)
def _clip_by_norm(t, clip_norm, axes=None):
    # TF's composition, with its "two-tap where" so the gradient at a zero tensor is finite.
    l2sum = jnp.sum(t * t, axis=axes, keepdims=True, dtype=t.dtype)
    pred = l2sum > 0
    l2norm = jnp.where(pred, jnp.sqrt(jnp.where(pred, l2sum, jnp.ones_like(l2sum))), l2sum)
    intermediate = t * clip_norm
    denom = _maximum(*jnp.broadcast_arrays(l2norm, clip_norm))
    return _div(*jnp.broadcast_arrays(intermediate, denom))


@export("clip_by_norm")
def clip_by_norm(t, clip_norm, axes=None, name=None):
    """`tf.clip_by_norm`: t * clip_norm / max(l2norm(t), clip_norm); a negative clip_norm
    counts as 0."""
    t = convert_to_tensor(t)
    if np.isscalar(clip_norm):
        clip_norm = max(clip_norm, 0)
    else:
        clip_norm = cast(maximum(clip_norm, 0), t.dtype)
    return _clip_by_norm(t, clip_norm, axes)


@op(name="linalg.global_norm", kernel="L2Loss", dtypes_=d.FLOATS, lists=(0,),
    allowed=("half", "bfloat16", "float", "double"))
def _global_norm(ts):
    # l2_loss per tensor (sum(x^2 * 0.5)), their sum, then sqrt(2 * sum): TF's order.
    halves = jnp.stack([jnp.sum(jnp.square(t) * jnp.asarray(0.5, t.dtype), dtype=t.dtype)
                        for t in ts])
    return jnp.sqrt(jnp.sum(halves) * jnp.asarray(2.0, halves.dtype))


def _tensor_list(t_list):
    if not isinstance(t_list, collections.abc.Sequence) or isinstance(t_list, str):
        kind = "<class 'tensorflow.python.framework.ops.EagerTensor'>" \
            if isinstance(t_list, Tensor) else type(t_list)  # TF names its own class
        raise TypeError(f"`t_list` should be a sequence of tensors. Received {kind}.")
    return [None if t is None else convert_to_tensor(t) for t in t_list]


@export("linalg.global_norm", v1=("linalg.global_norm", "global_norm"))
def global_norm(t_list, name=None):
    """`tf.linalg.global_norm`: sqrt(sum of squares) over every tensor; None entries skipped."""
    ts = [t for t in _tensor_list(t_list) if t is not None]
    if not ts:
        return Tensor(np.float32(0.0), d.float32)  # the norm of nothing: TF's empty stack
    for i, t in enumerate(ts[1:], 1):
        if t.dtype != ts[0].dtype and ts[0].dtype in d.FLOATS:
            kinds = [_KIND.get(x.dtype.name, x.dtype.name) for x in (ts[0], t)]
            raise errors.InvalidArgumentError(None, None, (
                f"cannot compute Pack as input #{i}(zero-based) was expected to be a {kinds[0]} "
                f"tensor but is a {kinds[1]} tensor [Op:Pack] name: stack"))
    return _global_norm(ts)


@export("clip_by_global_norm")
def clip_by_global_norm(t_list, clip_norm, use_norm=None, name=None):
    """`tf.clip_by_global_norm`: ([t * clip_norm / max(global_norm, clip_norm)], global_norm),
    composed op by op as TF does; an infinite or NaN norm makes every value NaN."""
    values = _tensor_list(t_list)
    if use_norm is None:
        use_norm = global_norm(values)
    dtype = use_norm.dtype  # TF needs a tensor here: a Python float is an AttributeError
    scale_for_finite = multiply(clip_norm, minimum(
        truediv(1.0, use_norm), truediv(Tensor(np.asarray(1.0, dtype.as_numpy_dtype), dtype),
                                        clip_norm)))
    scale = add(scale_for_finite, subtract(use_norm, use_norm))
    clipped = [None if v is None else multiply(v, cast(scale, v.dtype)) for v in values]
    return clipped, use_norm
