"""Conversion, casting and layout: constant, convert_to_tensor, cast, reshape, transpose,
concat/stack/split, tile, pad, reverse, broadcast_to, einsum/tensordot, shape/rank/size.

Ops that accept strings compute with NumPy when the input is a host object array (`_xp`).
Where TF validates arguments in Python before its kernel runs (ValueError/TypeError), a Python
wrapper does so here and then calls an unexported op; kernel errors raised inside an op name the
kernel function TF's message names (`kernel_error`), attributes included ("ConcatV2_N_2").
"""

import math

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from tfcompat._src import dtypes as d
from tfcompat._src import errors
from tfcompat._src.export import export
from tfcompat._src.registry import INDEPENDENT, op
from tfcompat._src.tensor import _C_NAMES, Tensor, host_array, to_tensor
from tfcompat._src.tensor_shape import TensorShape

_DEVICE = "_device_/job:localhost/replica:0/task:0/device:CPU:0"


def kernel_error(kernel: str, message: str, name: str | None = None, node: str | None = None,
                 cls=errors.InvalidArgumentError):
    """An eager kernel's error as TF words it: `{{function_node __wrapped__<node>...}} message
    [Op:<kernel>]`, then ` name: <name>` unless `name` is None."""
    tail = "" if name is None else f" name: {name}"
    return cls(None, None, f"{{{{function_node __wrapped__{node or kernel}{_DEVICE}}}}} {message} "
                           f"[Op:{kernel}]{tail}")


def attr_error(kernel: str, attr: str, got, allowed: str, name: str | None = None):
    """TF's "Value for attr ... is not in the list of allowed values" (its first line exactly;
    TF goes on with the op's registration)."""
    tail = "" if name is None else f" name: {name}"
    return errors.InvalidArgumentError(
        None, None, f"Value for attr '{attr}' of {got} is not in the list of allowed values: "
        f"{allowed}\n\t; NodeDef: {{{{node {kernel}}}}} [Op:{kernel}]{tail}")


def kind(dtype) -> str:
    """A dtype as TF's C++ messages name it ("float", "double", "int32")."""
    name = d.as_dtype(dtype).name
    return _C_NAMES.get(name, name)


def dims(shape) -> str:
    """A shape as TF's kernel messages print it: [2,3]."""
    return "[" + ",".join(map(str, shape)) + "]"


def xp(x):
    """NumPy for host string (object) arrays, jax.numpy for everything else."""
    return np if getattr(x, "dtype", None) == np.object_ else jnp


def as_tensor(x) -> Tensor:
    """A Tensor for `x`; a Variable is read (so tapes see the read)."""
    if hasattr(x, "_is_variable"):
        return x.value()
    return x if isinstance(x, Tensor) else to_tensor(x)


def concrete(t: Tensor) -> bool:
    return not isinstance(t._value, jax.core.Tracer)


@export("constant")
def constant(value, dtype=None, shape=None, name="Const"):
    """`tf.constant`: a Tensor from a Python, NumPy or tensor value, with TF's dtype inference."""
    dtype = None if dtype is None else d.as_dtype(dtype)
    if hasattr(value, "_is_variable"):
        # TF reads a variable through its conversion function, which casts to `dtype`.
        value = value.value()
        if dtype is not None and value.dtype != dtype:
            value = cast(value, dtype)
    if isinstance(value, (list, tuple)) and any(isinstance(v, Tensor) for v in value):
        # TF's sequence conversion asks each element for len(); a tensor answers this (and TF
        # appends the traceback of that TypeError to the message).
        raise ValueError("TypeError: Scalar tensor has no `len()`\n")
    if isinstance(value, (list, tuple)) and any(hasattr(v, "_is_variable") for v in value):
        raise ValueError("TypeError: object of type 'ResourceVariable' has no len()\n")
    if isinstance(value, Tensor):
        if dtype is not None and value.dtype != dtype:
            raise TypeError(f"Expected tensor {value.numpy()} with dtype {dtype!r}, but got "
                            f"dtype {value.dtype!r}.")
        t = value
    else:
        t = to_tensor(value, dtype)
    if shape is not None:
        shape = tuple(TensorShape(shape))
        arr = t._value
        if np.size(arr) == 1:
            arr = np.broadcast_to(np.reshape(np.asarray(arr), ()), shape)
        elif np.size(arr) == int(np.prod(shape, dtype=np.int64)):
            arr = np.reshape(np.asarray(arr), shape)
        else:
            raise TypeError(
                f"Eager execution of tf.constant with unsupported shape. Tensor {t.numpy()} "
                f"(converted from {value}) has {np.size(arr)} elements, but got `shape` {shape} "
                f"with {int(np.prod(shape, dtype=np.int64))} elements).")
        t = Tensor(np.array(arr), t.dtype)
    return t


@export("convert_to_tensor", v1=())
def convert_to_tensor(value, dtype=None, dtype_hint=None, name=None):
    """`tf.convert_to_tensor`: Tensors pass through; a Variable is read; other values convert."""
    dtype = None if dtype is None else d.as_dtype(dtype)
    if hasattr(value, "_is_variable"):
        if dtype is not None and value.dtype != dtype:
            raise ValueError(f"Incompatible type conversion requested to type {dtype.name} for "
                             f"`tf.Variable of type {value.dtype.name}. (Variable: {value!r})")
        value = value.value()
    if isinstance(value, Tensor):
        if dtype is not None and value.dtype != dtype:
            raise ValueError(f"Tensor conversion requested dtype {dtype.name} for Tensor with "
                             f"dtype {value.dtype.name}: {value!r}")
        return value
    if dtype is None and dtype_hint is not None:
        try:
            return Tensor(host_array(value, d.as_dtype(dtype_hint)), d.as_dtype(dtype_hint))
        except (TypeError, ValueError):
            pass
    return to_tensor(value, dtype)


@export(v1=("convert_to_tensor",))
def convert_to_tensor_v1(value, dtype=None, name=None, preferred_dtype=None, dtype_hint=None):
    return convert_to_tensor(value, dtype, dtype_hint or preferred_dtype)


@op("identity", kernel="Identity")
def identity(input):  # noqa: A002 - TF's argument name
    return input


@op("cast", "dtypes.cast", kernel="Cast", policy=INDEPENDENT, tensors=1)
def cast(x, dtype):
    dtype = d.as_dtype(dtype)
    if dtype is d.string or x.dtype == np.object_:
        names = [_C_NAMES.get(n, n) for n in (d.as_dtype(x.dtype).name, dtype.name)]
        raise errors.UnimplementedError(
            None, None, f"Cast {names[0]} to {names[1]} is not supported")
    if jnp.issubdtype(x.dtype, jnp.complexfloating) and not dtype.is_complex:
        x = jnp.real(x)
    return x.astype(dtype.as_numpy_dtype)


# TF's reshape wrapper passes no name, so its errors end at "[Op:Reshape]".
@op("reshape", v1=("reshape", "manip.reshape"), kernel="Reshape", policy=INDEPENDENT,
    tensors=1, error_name=None)
def reshape(tensor, shape):
    shape = (shape,) if isinstance(shape, int) else tuple(shape)
    size = int(np.prod(np.shape(tensor), dtype=np.int64))
    inferred = [i for i, s in enumerate(shape) if s == -1]
    for i, s in enumerate(shape):
        if s < -1:
            raise errors.InvalidArgumentError(
                None, None, f"Size {i} must be non-negative, not {s}")
    if len(inferred) > 1:
        raise errors.InvalidArgumentError(
            None, None, f"Only one input size may be -1, not both {inferred[0]} and "
            f"{inferred[1]}")
    want = int(np.prod([s for s in shape if s != -1], dtype=np.int64))
    if inferred and want == 0 and size == 0:
        shape = tuple(1 if s == -1 else s for s in shape)  # TF infers 1 for an empty input
    elif (not inferred and want != size) or (inferred and (want == 0 or size % want)):
        raise errors.InvalidArgumentError(
            None, None, f"Input to reshape is a tensor with {size} values, but the requested "
            f"shape {'requires a multiple of' if inferred and want else 'has'} {want}")
    return jnp.reshape(tensor, shape)



# -- layout ------------------------------------------------------------------------------------

@op("transpose", kernel="Transpose", tensors=1, error_name=None)
def transpose(a, perm=None, conjugate=False):
    n = a.ndim
    perm = tuple(range(n))[::-1] if perm is None else (perm,) if isinstance(perm, int) \
        else tuple(perm)
    if len(perm) != n:
        raise errors.InvalidArgumentError(
            None, None, f"transpose expects a vector of size {n}. But input(1) is a vector of "
            f"size {len(perm)}")
    axes = []
    for p in perm:
        if not -n <= p < n:
            raise errors.InvalidArgumentError(None, None, f"{p} is out of range [0 .. {n})")
        axes.append(p % n)
    for i in range(n):
        if i not in axes:
            raise errors.InvalidArgumentError(
                None, None, f"{i} is missing from {{{','.join(map(str, perm))}}}.")
    out = xp(a).transpose(a, axes)
    return jnp.conj(out) if conjugate and jnp.iscomplexobj(out) else out


@op("expand_dims", kernel="ExpandDims", tensors=1, v1_aliases={"dim": "axis"})
def expand_dims(input, axis):  # noqa: A002 - TF's argument name
    if isinstance(axis, tuple):
        if len(axis) != 1:
            raise kernel_error("ExpandDims", "'dim' must be a tensor with a single value")
        axis = axis[0]
    if not -input.ndim - 1 <= axis <= input.ndim:
        raise errors.InvalidArgumentError(
            None, None, f"Tried to expand dim index {axis} for tensor with {input.ndim} "
            "dimensions.")
    return xp(input).expand_dims(input, axis)


@op("squeeze", kernel="Squeeze", tensors=1, v1_aliases={"squeeze_dims": "axis"})
def squeeze(input, axis=None):  # noqa: A002 - TF's argument name
    n = input.ndim
    if axis is None:
        axes = tuple(i for i, s in enumerate(input.shape) if s == 1)
    else:
        axes = set()
        for a in (axis,) if isinstance(axis, int) else axis:
            if not -n <= a < n:
                raise errors.InvalidArgumentError(
                    None, None, f"Tried to squeeze dim index {a} for tensor with {n} dimensions.")
            if input.shape[a] != 1:
                raise errors.InvalidArgumentError(
                    None, None, f"Can not squeeze dim[{a % n}], expected a dimension of 1, got "
                    f"{input.shape[a]}")
            axes.add(a % n)
        axes = tuple(sorted(axes))
    return xp(input).reshape(input, [s for i, s in enumerate(input.shape) if i not in axes])


@op("concat", kernel="ConcatV2", lists=(0,), tensors=1, error_name="concat")
def concat(values, axis):
    if not values:  # TF finds no kernel for N=0 (its message names a debug URL and a dtype)
        raise errors.InvalidArgumentError(
            None, None, "OpKernel 'ConcatV2' has constraint on attr 'T' not in NodeDef '[N=0, "
            "Tidx=DT_INT32]', KernelDef: 'op: \"ConcatV2\" device_type: \"CPU\"' [Op:ConcatV2] "
            "name: concat")
    if len(values) == 1:
        return values[0]  # TF returns the one tensor through identity
    node = f"ConcatV2_N_{len(values)}"

    def fail(message):
        return kernel_error("ConcatV2", f"ConcatOp : {message}", "concat", node)
    first = values[0]
    r = first.ndim
    if r == 0:
        raise fail("Can't concatenate scalars (use tf.stack instead)")
    if not -r <= axis < r:
        raise fail(f"Expected concatenating dimensions in the range [{-r}, {r}), but got {axis}")
    axis %= r
    for i, v in enumerate(values[1:], 1):
        if v.ndim != r:
            raise fail(f"Ranks of all input tensors should match: shape[0] = {dims(first.shape)} "
                       f"vs. shape[{i}] = {dims(v.shape)}")
        for j in range(r):
            if j != axis and v.shape[j] != first.shape[j]:
                raise fail(f"Dimension {j} in both shapes must be equal: shape[0] = "
                           f"{dims(first.shape)} vs. shape[{i}] = {dims(v.shape)}")
    return xp(first).concatenate(values, axis=axis)


@op(name="stack", kernel="Pack", lists=(0,), tensors=1, error_name="stack")
def _pack(values, axis=0):
    for i, v in enumerate(values[1:], 1):
        if v.shape != values[0].shape:
            raise kernel_error(
                "Pack", f"Shapes of all inputs must match: values[0].shape = "
                f"{dims(values[0].shape)} != values[{i}].shape = {dims(v.shape)}", "stack",
                f"Pack_N_{len(values)}")
    return xp(values[0]).stack(values, axis=axis)


@export("stack")
def stack(values, axis=0, name="stack"):
    """`tf.stack`: TF checks `axis` against the first value's rank in Python (ValueError)."""
    if isinstance(values, (list, tuple)) and not values:
        return to_tensor([])
    first = as_tensor(values[0])
    n = first.ndim + 1
    if not -n <= axis < n:
        raise ValueError(f"Argument `axis` = {axis} not in range [{-n}, {n})")
    return _pack(values, axis)


@op(name="unstack", kernel="Unpack", tensors=1, error_name="unstack")
def _unpack(value, num, axis):
    if value.shape[axis] != num:
        raise kernel_error("Unpack", f"Input shape axis {axis} must equal {num}, got shape "
                           f"{dims(value.shape)}", "unstack", f"Unpack_num_{num}")
    moved = xp(value).moveaxis(value, axis, 0)
    return [moved[i] for i in range(num)]


@export("unstack")
def unstack(value, num=None, axis=0, name="unstack"):
    """`tf.unstack`: a list of the slices along `axis`."""
    value = as_tensor(value)
    r = value.ndim
    if not -r <= axis < r:
        raise ValueError(f"Argument `axis` = {axis} not in range [{-r}, {r})")
    axis %= r
    return _unpack(value, value.shape[axis] if num is None else num, axis)


@op(name="split", kernel="Split", tensors=1, error_name="split")
def _split(value, spec, axis):
    r, n = value.ndim, len(spec) if isinstance(spec, tuple) else spec
    kernel = "SplitV" if isinstance(spec, tuple) else "Split"

    def fail(message):
        return kernel_error(kernel, message, "split", f"{kernel}_num_split_{n}")
    if not -r <= axis < r:
        raise fail(f"-input rank(-{r}) <= split_dim < input rank ({r}), but got {axis}")
    size = value.shape[axis]
    if kernel == "Split":
        if size % spec:
            raise fail(f"Number of ways to split should evenly divide the split dimension, but got "
                       f"split_dim {axis} (size = {size}) and num_split {spec}")
        sizes = [size // spec] * spec
    else:
        if spec.count(-1) > 1:
            raise fail("There can only be one -1 in the input.")
        known = sum(s for s in spec if s != -1)
        if known > size or (-1 not in spec and known != size):
            raise fail("Determined shape must either match input shape along split_dim exactly if "
                       "fully specified, or be less than the size of the input along split_dim "
                       f"if not fully specified.  Got: {known}")
        sizes = [size - known if s == -1 else s for s in spec]
    return list(xp(value).split(value, np.cumsum(sizes)[:-1].tolist(), axis=axis % r))


@export("split")
def split(value, num_or_size_splits, axis=0, num=None, name="split"):
    """`tf.split`: `num_or_size_splits` is a number of equal parts or a list of sizes (one -1)."""
    spec = num_or_size_splits
    if isinstance(spec, Tensor):
        spec = spec.numpy().tolist()
    spec = tuple(int(s) for s in spec) if isinstance(spec, (list, tuple)) else int(spec)
    if isinstance(spec, int) and spec < 1:
        raise errors.InvalidArgumentError(
            None, None, f"Value for attr 'num_split' of {spec} must be at least minimum 1\n\t; "
            "NodeDef: {{node Split}} [Op:Split] name: split")
    return _split(value, spec, int(axis))


@op("tile", v1=("tile", "manip.tile"), kernel="Tile", tensors=1, error_name=None)
def tile(input, multiples):  # noqa: A002 - TF's argument name
    multiples = (multiples,) if isinstance(multiples, int) else tuple(multiples)
    if len(multiples) != input.ndim:
        raise errors.InvalidArgumentError(
            None, None, f"Expected multiples argument to be a vector of length {input.ndim} but "
            f"got length {len(multiples)}")
    for i, m in enumerate(multiples):
        if m < 0:
            raise errors.InvalidArgumentError(
                None, None, f"Expected multiples[{i}] >= 0, but got {m}")
    return xp(input).tile(input, multiples)


@op(name="pad", kernel="Pad", tensors=1, error_name=None)
def _pad(tensor, paddings, mode, value):
    kernel = "MirrorPad" if mode != "CONSTANT" else "Pad" if value is None else "PadV2"
    rows = tuple(tuple(p) for p in paddings) if paddings and isinstance(paddings[0], tuple) \
        else ()
    if len(rows) != tensor.ndim or any(len(p) != 2 for p in rows):
        shape = np.shape(np.array(paddings, dtype=object)) if paddings else (0,)
        raise kernel_error(kernel, f"The first dimension of paddings must be the rank of inputs"
                           f"{dims(shape)} {dims(tensor.shape)}")
    for (lo, hi), n in zip(rows, tensor.shape, strict=True):
        if lo < 0 or hi < 0:
            raise kernel_error(kernel, f"Paddings must be non-negative: {lo} {hi}")
        if mode == "REFLECT" and (lo >= n or hi >= n):
            raise kernel_error(kernel, f"paddings must be less than the dimension size: {lo}, {hi} "
                               f"not less than {n}")
        if mode == "SYMMETRIC" and (lo > n or hi > n):
            raise kernel_error(kernel, f"paddings must be no greater than the dimension size: {lo}"
                               f", {hi} greater than {n}")
    if mode != "CONSTANT":
        return jnp.pad(tensor, rows, mode=mode.lower())
    if value is None:
        value = b"" if tensor.dtype == np.object_ else 0
    return xp(tensor).pad(tensor, rows, constant_values=value)


@export("pad", v1=())
def pad(tensor, paddings, mode="CONSTANT", constant_values=0, name=None):
    """`tf.pad`: CONSTANT (with `constant_values`, converted to the tensor's dtype), REFLECT or
    SYMMETRIC; the mode is case-insensitive."""
    if mode.upper() not in ("CONSTANT", "REFLECT", "SYMMETRIC"):
        raise ValueError('Value of argument `mode` expected to be one of "CONSTANT", "REFLECT", '
                         f'or "SYMMETRIC". Received `mode` = {mode}')
    tensor = as_tensor(tensor)
    value = None
    if isinstance(constant_values, Tensor) or not (np.ndim(constant_values) == 0 and
                                                   constant_values == 0):
        value = constant_values.numpy() if isinstance(constant_values, Tensor) else \
            host_array(constant_values, tensor.dtype)
        value = value.item() if hasattr(value, "item") and tensor.dtype != d.string else value
        value = value[()] if isinstance(value, np.ndarray) else value
    if isinstance(paddings, Tensor):
        paddings = paddings.numpy().tolist()
    paddings = tuple(tuple(int(v) for v in p) if isinstance(p, (list, tuple, np.ndarray))
                     else int(p) for p in paddings)
    return _pad(tensor, paddings, mode.upper(), value)


@export(v1=("pad",))
def pad_v1(tensor, paddings, mode="CONSTANT", name=None, constant_values=0):
    return pad(tensor, paddings, mode, constant_values)


@op("reverse", v1=("reverse", "reverse_v2", "manip.reverse"), kernel="ReverseV2", tensors=1,
    error_name=None)
def reverse(tensor, axis):
    if isinstance(axis, int):
        raise kernel_error("ReverseV2", "'dims' must be 1-dimension, not 0", "")
    n, seen = tensor.ndim, []
    for i, a in enumerate(axis):
        if not -n <= a < n:
            raise errors.InvalidArgumentError(
                None, None, f"'axis'[{i}] = {a} is out of valid range [0, {n - 1}")  # sic
        if a % n in seen:
            raise errors.InvalidArgumentError(None, None, f"axis {a % n} specified more than once.")
        seen.append(a % n)
    return xp(tensor).flip(tensor, seen) if seen else tensor


@op("broadcast_to", kernel="BroadcastTo", tensors=1, error_name=None)
def broadcast_to(input, shape):  # noqa: A002 - TF's argument name
    shape = (shape,) if isinstance(shape, int) else tuple(shape)
    for s in shape:
        if s < 0:
            raise errors.InvalidArgumentError(None, None, f"Dimension {s} must be >= 0")
    if input.ndim > len(shape):
        raise errors.InvalidArgumentError(
            None, None, f"Rank of input ({input.ndim}) must be no greater than rank of output "
            f"shape ({len(shape)}).")
    try:
        ok = np.broadcast_shapes(input.shape, shape) == shape
    except ValueError:
        raise errors.InvalidArgumentError(
            None, None, f"Incompatible shapes: {dims(input.shape)} vs. {dims(shape)}") from None
    if not ok:
        raise errors.InvalidArgumentError(
            None, None, f"Unable to broadcast tensor of shape {dims(input.shape)} to tensor of "
            f"shape {dims(shape)}")
    return xp(input).broadcast_to(input, shape)


@op(v1=("space_to_depth",), kernel="SpaceToDepth", tensors=1)
def space_to_depth(input, block_size, data_format="NHWC"):  # noqa: A002 - TF's argument name
    n, h, w, c = input.shape
    b = block_size
    if h % b or w % b:
        raise errors.InvalidArgumentError(
            None, None, f"Image width {w} and height {h} should be divisible by block_size: {b}")
    x = jnp.reshape(input, (n, h // b, b, w // b, b, c))
    return jnp.reshape(jnp.transpose(x, (0, 1, 3, 2, 4, 5)), (n, h // b, w // b, b * b * c))


# -- shape queries: host values, as TF's eager kernels return them ------------------------------

def _shape_of(x):
    if hasattr(x, "shape") and not isinstance(x, (list, tuple)):
        return tuple(x.shape)
    return np.shape(to_tensor(x)._value)


def _out_type(out_type, kernel, allowed=(d.int32, d.int64)):
    out_type = d.int32 if out_type is None else d.as_dtype(out_type)
    if out_type not in allowed:
        raise attr_error(kernel, "out_type", kind(out_type), "int32, int64", "")
    return out_type


@export("shape", v1=())
def shape(input, out_type=None, name=None):  # noqa: A002 - TF's argument name
    """`tf.shape`: the dynamic shape as an int32 (or int64) Tensor; `t.shape` is a TensorShape."""
    out_type = _out_type(out_type, "Shape")
    return Tensor(np.array(_shape_of(input), out_type.as_numpy_dtype), out_type)


@export(v1=("shape",))
def shape_v1(input, name=None, out_type=None):  # noqa: A002 - TF's argument name
    return shape(input, out_type)


@export("rank")
def rank(input, name=None):  # noqa: A002 - TF's argument name
    return Tensor(np.int32(len(_shape_of(input))), d.int32)


@export("size", v1=())
def size(input, out_type=None, name=None):  # noqa: A002 - TF's argument name
    """`tf.size`: the number of elements; TF casts it to any numeric `out_type`."""
    out_type = d.int32 if out_type is None else d.as_dtype(out_type)
    n = math.prod(_shape_of(input))
    return Tensor(np.asarray(n).astype(out_type.as_numpy_dtype), out_type)


@export(v1=("size",))
def size_v1(input, name=None, out_type=None):  # noqa: A002 - TF's argument name
    return size(input, out_type)


export("newaxis")(None)


# -- contractions ------------------------------------------------------------------------------

def _einsum_check(equation, shapes):
    """TF's check that a label has one size across inputs (ellipsis terms are not checked)."""
    terms = equation.split("->")[0].split(",")
    sizes = {}
    for term, shape in zip(terms, shapes, strict=False):
        if "." in term or len(term) != len(shape):
            continue
        for axis, (label, n) in enumerate(zip(term, shape, strict=True)):
            if sizes.setdefault(label, n) != n:
                raise kernel_error("Einsum", f"Expected dimension {sizes[label]} at axis {axis} of "
                                   f"the input shaped {dims(shape)} but got dimension {n}", "",
                                   f"__MklEinsum_N_{len(shapes)}")


@op(name="einsum", kernel="Einsum", device_kernel="_MklEinsum", lists=(0,), tensors=1,
    dtypes_=d.NUMERIC)
def _einsum(inputs, equation):
    _einsum_check(equation.replace(" ", ""), [x.shape for x in inputs])
    return jnp.einsum(equation, *inputs, precision=lax.Precision.HIGHEST)


@export("einsum", "linalg.einsum")
def einsum(equation, *inputs, **kwargs):
    """`tf.einsum(equation, *inputs)`."""
    expected = equation.split("->")[0].count(",") + 1
    if len(inputs) != expected:
        raise ValueError(f'Got {len(inputs)} inputs for equation "{equation}", expecting '
                         f"{expected}")
    return _einsum(list(inputs), equation)


@export("tensordot", "linalg.tensordot")
def tensordot(a, b, axes, name=None):
    """`tf.tensordot`, as TF computes it: transpose and reshape both operands to matrices, then
    one matmul (whose errors TF reports)."""
    from tfcompat._src.ops.math_ops import matmul
    a, b = as_tensor(a), as_tensor(b)
    if isinstance(axes, Tensor):
        axes = axes.numpy().tolist()
    if isinstance(axes, int):
        for t in (a, b):
            if axes > t.ndim:
                raise ValueError(f"`axes` must not be larger than the number of dimensions of "
                                 f"tensor {t.numpy()}.  Received {axes}, vs tensor dimensions "
                                 f"{t.ndim}.")
        a_axes, b_axes = list(range(a.ndim - axes, a.ndim)), list(range(axes))
    else:
        a_axes, b_axes = ([x] if isinstance(x, int) else list(x) for x in axes)
        if len(a_axes) != len(b_axes):
            raise ValueError(f"Different number of contraction axes `a` and `b`, {len(a_axes)} "
                             f"!= {len(b_axes)}.")

    def as_matrix(t, contract, flipped):
        contract = [i % t.ndim for i in contract]
        free = [i for i in range(t.ndim) if i not in contract]
        free_dims = [t.shape[i] for i in free]
        n_free = math.prod(free_dims)
        n_contract = math.prod(t.shape[i] for i in contract)
        perm = contract + free if flipped else free + contract
        if perm != list(range(t.ndim)):
            t = transpose(t, perm)
        return reshape(t, [n_contract, n_free] if flipped else [n_free, n_contract]), free_dims

    ma, free_a = as_matrix(a, a_axes, False)
    mb, free_b = as_matrix(b, b_axes, True)
    return reshape(matmul(ma, mb), free_a + free_b)


@export("meshgrid")
def meshgrid(*args, **kwargs):
    """`tf.meshgrid`: as TF, each input reshaped and multiplied by ones of the output shape."""
    from tfcompat._src.ops.math_ops import multiply
    indexing = kwargs.pop("indexing", "xy")
    kwargs.pop("name", None)
    if kwargs:
        raise TypeError(f"'{next(iter(kwargs))}' is an invalid keyword argument for this function")
    if indexing not in ("xy", "ij"):
        raise ValueError(f"Argument `indexing` parameter must be either 'xy' or 'ij', got "
                         f"'{indexing}'")
    n = len(args)
    if not n:
        return []
    args = [as_tensor(x) for x in args]
    out = [reshape(x, [1] * i + [-1] + [1] * (n - i - 1)) for i, x in enumerate(args)]
    sizes = [math.prod(x.shape) for x in args]
    if indexing == "xy" and n > 1:
        out[0] = reshape(out[0], [1, -1] + [1] * (n - 2))
        out[1] = reshape(out[1], [-1, 1] + [1] * (n - 2))
        sizes[0], sizes[1] = sizes[1], sizes[0]
    ones = Tensor(np.ones(sizes, args[0].dtype.as_numpy_dtype), args[0].dtype)
    return [multiply(x, ones) for x in out]
