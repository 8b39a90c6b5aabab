"""tf.debugging: check_numerics, tf.Assert and the assert_* checks, as TF runs them eagerly.

Eager asserts check at once and return None, raising TF's error with TF's message (the data
summaries are formatted as TF's eager paths format them: `str()` of NumPy values). Rank and shape
checks are static in eager TF, hence ValueErrors; value checks are InvalidArgumentErrors.
"""

import numpy as np

from tfcompat._src import dtypes as d
from tfcompat._src import errors
from tfcompat._src.export import export
from tfcompat._src.ops import array_ops, math_ops
from tfcompat._src.ops.random_ops import _convert
from tfcompat._src.registry import _op_error, op
from tfcompat._src.tensor import Tensor


def _tensor(x):
    return x if isinstance(x, Tensor) else array_ops.convert_to_tensor(x)


# -- check_numerics -----------------------------------------------------------------------------

@op(name="debugging.check_numerics_kernel", kernel="CheckNumerics", dtypes_=d.FLOATS,
    allowed=("bfloat16", "half", "float", "double"))
def _check_numerics(tensor):
    return tensor


@export("debugging.check_numerics", v1=("debugging.check_numerics", "check_numerics"))
def check_numerics(tensor, message, name=None):
    """Returns `tensor`; raises InvalidArgumentError if it holds NaN or Inf (gradient: identity;
    TF's gradient also checks the incoming gradient, which is not done here)."""
    out = _check_numerics(tensor)
    values = np.asarray(out.numpy(), dtype=np.float64)
    nan, inf = bool(np.isnan(values).any()), bool(np.isinf(values).any())
    if nan or inf:
        what = "Inf and NaN" if nan and inf else "NaN" if nan else "Inf"
        raise _op_error(_check_numerics.opdef, [], errors.InvalidArgumentError(
            None, None, f"{message} : Tensor had {what} values"))
    return out


# -- tf.Assert ----------------------------------------------------------------------------------

def _summarize(t: Tensor, summarize) -> str:
    """TF's eager Tensor summary: flat values, `summarize` of them (default 3, < 0 all)."""
    arr = np.asarray(t.numpy())
    if summarize is None:
        summarize = 3
    elif summarize < 0:
        summarize = arr.size
    if arr.ndim:
        flat = arr.reshape(-1)
        items = [str(x) for x in flat[:summarize]]
        if len(items) < flat.size:
            items.append("...")
    else:
        items = [str(arr[()])] if summarize != 0 else []
    return ", ".join(items)


@export("debugging.Assert", "Assert")
def Assert(condition, data, summarize=None, name=None):  # noqa: N802 - TF's name
    """`tf.Assert`: raises InvalidArgumentError listing `data` when `condition` is false."""
    if not condition:
        text = "\n".join(_summarize(_tensor(x), summarize) for x in data)
        raise errors.InvalidArgumentError(
            None, None, f"Expected '{condition!s}' to be true. Summarized data: {text}")


# -- assert_equal / assert_less / assert_positive -----------------------------------------------

def _pretty(item, summarize) -> str:
    if isinstance(item, Tensor):
        arr = np.asarray(item.numpy())
        if arr.ndim == 0:
            return str(arr[()])
        flat = arr.reshape(-1)
        items = [str(x) for x in flat[:summarize]]
        if len(items) < flat.size:
            items.append("...")
        return str(items)
    return str(item)


def _binary_assert(sym, compare, x, y, data, summarize, message):
    x, y = _tensor(x), _tensor(y)
    test = compare(x, y)
    mask = np.asarray(test.numpy())
    if mask.all():
        return None
    summarize = 3 if summarize is None else 10**9 if summarize < 0 else summarize
    if data is None:
        data = [f"Condition x {sym} y did not hold."]
        if summarize > 0:
            xs, ys = np.asarray(x.numpy()), np.asarray(y.numpy())
            if x.shape == y.shape and xs.ndim:
                where = np.argwhere(~mask)
                k = min(summarize, where.shape[0])
                data += [f"Indices of first {k} different values:", where[:k],
                         "Corresponding x values:", xs[~mask].reshape(-1)[:k],
                         "Corresponding y values:", ys[~mask].reshape(-1)[:k]]
            xs, ys = xs.reshape(-1), ys.reshape(-1)
            data += [f"First {min(xs.size, summarize)} elements of x:", xs[:summarize],
                     f"First {min(ys.size, summarize)} elements of y:", ys[:summarize]]
    if message is not None:
        data = [message, *data]
    raise errors.InvalidArgumentError(None, None, "\n".join(_pretty(v, summarize) for v in data))


@export(v1=("debugging.assert_equal", "assert_equal"))
def assert_equal(x, y, data=None, summarize=None, message=None, name=None):
    """TF 1's `tf.assert_equal`: None when every element of x equals y's (broadcast)."""
    if x is y:
        return None
    return _binary_assert("==", math_ops.equal, x, y, data, summarize, message)


@export("debugging.assert_equal", "assert_equal", v1=())
def assert_equal_v2(x, y, message=None, summarize=None, name=None):
    return assert_equal(x, y, summarize=summarize, message=message)


def _prefix(message) -> str:
    return f"{message}.  " if message else ""


def _describe(t: Tensor) -> str:
    return f"shape={t.shape} dtype={t.dtype.name}"


@export(v1=("debugging.assert_positive", "assert_positive"))
def assert_positive(x, data=None, summarize=None, message=None, name=None):
    """TF 1's `tf.assert_positive`: every element > 0."""
    x = _tensor(x)
    if data is None:
        data = [_prefix(message), "Condition x > 0 did not hold element-wise:",
                f"x ({_describe(x)}) = ", x]
    zero = array_ops.convert_to_tensor(0, x.dtype)
    return _binary_assert("<", math_ops.less, zero, x, data, summarize, None)


@export("debugging.assert_positive", v1=())
def assert_positive_v2(x, message=None, summarize=None, name=None):
    return assert_positive(x, summarize=summarize, message=message)


# -- assert_near --------------------------------------------------------------------------------

@export(v1=("debugging.assert_near", "assert_near"))
def assert_near(x, y, rtol=None, atol=None, data=None, summarize=None, message=None, name=None):
    """TF 1's `tf.assert_near`: |x - y| < atol + rtol * |y| everywhere (defaults 10 eps)."""
    x = _tensor(x)
    y = _convert(y, x.dtype, "y")
    real = x.dtype.real_dtype
    eps = np.finfo(real.as_numpy_dtype).eps
    rtol = _convert(10 * eps if rtol is None else rtol, real, "rtol")
    atol = _convert(10 * eps if atol is None else atol, real, "atol")
    if data is None:
        data = [_prefix(message),
                f"x and y not equal to tolerance rtol = {rtol!s}, atol = {atol!s}",
                f"x ({_describe(x)}) = ", x, f"y ({_describe(y)}) = ", y]
    tol = atol + rtol * math_ops.abs(y)
    ok = math_ops.less(math_ops.abs(x - y), tol)
    return Assert(Tensor(np.asarray(np.all(ok.numpy()))), data, summarize=summarize)


@export("debugging.assert_near", v1=())
def assert_near_v2(x, y, rtol=None, atol=None, message=None, summarize=None, name=None):
    return assert_near(x, y, rtol, atol, summarize=summarize, message=message)


# -- rank and shape checks ----------------------------------------------------------------------

def _static_rank(rank):
    rank = _tensor(rank)
    if rank.dtype != d.int32:
        raise TypeError(f"tensor must be of type {d.int32!r}; got {rank.dtype!r}")
    value = np.asarray(rank.numpy())
    if value.ndim != 0:
        raise ValueError("Rank must be a scalar.")
    return int(value)


@export(v1=("debugging.assert_rank", "assert_rank"))
def assert_rank(x, rank, data=None, summarize=None, message=None, name=None):
    """TF 1's `tf.assert_rank`: a ValueError unless `x` has rank `rank`."""
    x = _tensor(x)
    want = _static_rank(rank)
    if x.ndim != want:
        raise ValueError(f"{_prefix(message)}Tensor  must have rank {want}.  Received rank "
                         f"{x.ndim}, shape {x.shape}")


@export("debugging.assert_rank", "assert_rank", v1=())
def assert_rank_v2(x, rank, message=None, name=None):
    return assert_rank(x, rank, message=message)


@export(v1=("debugging.assert_rank_at_least", "assert_rank_at_least"))
def assert_rank_at_least(x, rank, data=None, summarize=None, message=None, name=None):
    """TF 1's `tf.assert_rank_at_least`."""
    x = _tensor(x)
    want = _static_rank(rank)
    if x.ndim < want:
        raise ValueError(f"{_prefix(message)}Tensor  must have rank at least {want}.  Received "
                         f"rank {x.ndim}, shape {x.shape}")


@export("debugging.assert_rank_at_least", v1=())
def assert_rank_at_least_v2(x, rank, message=None, name=None):
    return assert_rank_at_least(x, rank, message=message)


@export(v1=("debugging.assert_rank_in", "assert_rank_in"))
def assert_rank_in(x, ranks, data=None, summarize=None, message=None, name=None):
    """TF 1's `tf.assert_rank_in`."""
    x = _tensor(x)
    wants = tuple(_static_rank(r) for r in ranks)
    if x.ndim not in wants:
        raise ValueError(f"{_prefix(message)}Tensor  must have rank in {wants}.  Received rank "
                         f"{x.ndim}, shape {x.shape}")


@export("debugging.assert_rank_in", v1=())
def assert_rank_in_v2(x, ranks, message=None, name=None):
    return assert_rank_in(x, ranks, message=message)


def _known(size) -> bool:
    try:
        int(size)
    except (ValueError, TypeError):
        return False
    return size is not None


@export("debugging.assert_shapes", v1=("debugging.assert_shapes",))
def assert_shapes(shapes, data=None, summarize=None, message=None, name=None):
    """`tf.debugging.assert_shapes`: shapes with named dimensions that must agree across tensors;
    `None` or '.' is any size, a leading `...` or '*' any number of leading dimensions."""
    if isinstance(shapes, dict):
        shapes = shapes.items()
    prefix = _prefix(message)
    checks = []
    for x, spec in shapes:
        if spec is None:
            continue
        x = _tensor(x)
        if not (hasattr(spec, "__iter__") or hasattr(spec, "__getitem__")):
            raise ValueError(f"{prefix}Tensor {_describe(x)}.  Specified shape must be an "
                             "iterable.  An iterable has the attribute `__iter__` or "
                             f"`__getitem__`.  Received specified shape: {spec}")
        spec = tuple(spec)
        open_start = False
        for i, symbol in enumerate(spec):
            if symbol is Ellipsis or (isinstance(symbol, str) and symbol == "*"):
                if i != 0:
                    raise ValueError(
                        f"{prefix}Tensor {_describe(x)} specified shape index {i}.  Symbol "
                        "`...` or `*` for a variable number of unspecified dimensions is only "
                        "allowed as the first entry")
                open_start = True
        symbols = spec[1:] if open_start else spec
        checks.append((x, open_start, list(x.shape) if x.ndim else [1], symbols or (1,)))
    for x, open_start, _, symbols in checks:
        rank = len(symbols)
        if open_start:
            if rank > 1:
                assert_rank_at_least(x, rank, message=message)
        elif rank in (0, 1):
            assert_rank_in(x, (0, 1), message=message)
        else:
            assert_rank(x, rank, message=message)
    named = {}
    for x, open_start, actual, symbols in checks:
        for i, symbol in enumerate(symbols):
            if symbol is None or (isinstance(symbol, str) and symbol == "."):
                continue
            dim = i - len(symbols) if open_start else i
            if _known(symbol) or symbol in named:
                if _known(symbol):
                    size, why = int(symbol), "Specified explicitly"
                else:
                    size, by, at = named[symbol]
                    why = f"Specified by tensor {_describe(by)} dimension {at}"
                if int(actual[dim]) != size:
                    raise ValueError(f"{prefix}{why}.  Tensor {_describe(x)} dimension {dim} "
                                     f"must have size {size}.  Received size {actual[dim]}, "
                                     f"shape {x.shape}")
            else:
                named[symbol] = (actual[dim], x, dim)
