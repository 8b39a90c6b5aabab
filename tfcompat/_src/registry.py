"""The op registry: each op is written once, and every call to it passes through `apply_op`.

An op is a pure JAX function of its tensor inputs (positional) and static attributes (keywords).
`@op` records its TF names, TF1 argument names, dtype policy and differentiability in an `OpDef`,
publishes a TF-signature wrapper in every namespace TF exposes it in, and installs its Python
operators on Tensor and Variable. `apply_op` converts inputs under the dtype policy, runs the JAX
function, wraps the result and records the call on the active gradient tapes.
"""

import dataclasses
import functools
import inspect
import os
from collections.abc import Callable
from dataclasses import dataclass, field

import jax
import numpy as np

from tfcompat._src import dtypes, errors, lazy, tape, variable
from tfcompat._src.compile_cache import CompileCache
from tfcompat._src.export import export_value
from tfcompat._src.tensor import OperatorMixin, Tensor, device_value, host_array, to_tensor

# Dtype policies (see `_convert_inputs`).
SAME = "same"          # tensor inputs must share one dtype; Python/NumPy values take it
TRUEDIV = "truediv"    # SAME, then integers divide as floats (int32 / int32 -> float64)
INDEPENDENT = "independent"  # each input converted on its own (cast, reshape's tensor)

_TF_KIND = {"float32": "float", "float64": "double", "float16": "half"}
# The order TF lists dtypes in its "allowed values" messages.
_TF_ORDER = ("bfloat16", "float16", "float32", "float64", "uint8", "uint16", "uint32", "uint64",
             "int8", "int16", "int32", "int64", "complex64", "complex128", "bool", "string")


@dataclass(frozen=True, eq=False)
class OpDef:
    name: str                       # canonical TF path, e.g. "math.add"
    impl: Callable                  # pure JAX: impl(*tensors, **attrs)
    kernel: str                     # TF kernel name for error messages ("AddV2")
    n_tensors: int                  # leading positional parameters that are tensors
    dtypes: frozenset
    policy: str
    differentiable: bool
    convert_hint: bool              # a bad Python operand is an InvalidArgumentError, not TypeError
    broadcasting: bool
    attr_names: tuple = field(default=())
    device_kernel: str = ""         # the CPU kernel TF names in messages ("_MklMatMul")
    error_name: str | None = ""     # what follows "[Op:Kernel]": " name: " + this, or nothing
    allowed_text: tuple = ()        # TF's "allowed values" list, in TF's order for this op
    check: Callable | None = None   # raises TF's error for bad input values (concrete only)
    lists: tuple = ()               # indices of tensor parameters that take a list of tensors
    jit: bool = True                # False: output shape depends on values (tf.where(cond))
    lazy: bool | str = False        # may run lazily under a recording tape (see lazy.py);
                                    # "inexact": when every input is floating or complex


OPS: dict[str, OpDef] = {}


def op(*v2: str, v1: tuple[str, ...] | None = None, name: str | None = None,
       kernel: str | None = None, v1_aliases: dict[str, str] | None = None,
       dtypes_: frozenset = dtypes.ANY, policy: str = SAME, differentiable: bool = True,
       operators: tuple[str, ...] = (), arg_aliases: dict[str, str] | None = None,
       convert_hint: bool = False, broadcasting: bool = False, tensors: int | None = None,
       device_kernel: str | None = None, error_name: str | None = "",
       allowed: tuple[str, ...] | None = None, check: Callable | None = None,
       lists: tuple[int, ...] = (), jit: bool = True, lazy_inexact: bool = False):
    """Registers a JAX implementation as a TF op and publishes it under its TF paths.

    `tensors` is how many leading parameters are tensors (default: those without defaults).
    `arg_aliases` maps other argument names to the implementation's, in every namespace;
    `v1_aliases` maps TF1-only argument names (`keep_dims` -> `keepdims`): the v1 paths then get
    their own wrapper, as TF's v1 adapters are distinct functions. `name` names an op that has no
    public path (e.g. Tensor.__getitem__).
    `operators` names Python operators the op provides ("add" installs __add__ and __radd__).
    Error messages: `device_kernel` is the kernel TF's CPU build runs when it differs from the op
    (oneDNN's "_MklMatMul"); `error_name` is the text after "[Op:Kernel] name: " (None: TF adds
    no name part); `allowed` lists TF's dtype names in the order TF's "allowed values" message
    uses (default: `dtypes_` in TF's usual order).
    `check(*values)` validates input *values* where TF's kernel does (integer division by zero):
    it runs on concrete inputs only, before the op, since the op itself runs under jit.
    `lists` marks tensor parameters that take a list of tensors (`tf.concat(values, axis)`): the
    impl receives a list, the dtype policy spans all of them, the tape sees each one.
    `jit=False` runs the impl without jit, for ops whose output shape depends on input values
    (`tf.where(cond)`, `tf.boolean_mask`, `tf.unique`); under the user's jax.jit they then fail
    as they would in jax.numpy.
    Differentiable jitted ops without a `check` may run lazily under a recording tape (lazy.py);
    `lazy_inexact` says the check concerns integer inputs only, so float inputs may too.
    """
    def wrap(impl):
        sig = inspect.signature(impl)
        params = list(sig.parameters.values())
        n = tensors if tensors is not None else sum(p.default is p.empty for p in params)
        canonical = name or (v2 or v1)[0]
        kname = kernel or _default_kernel(canonical)
        opdef = OpDef(canonical, impl, kname, n, dtypes_, policy,
                      differentiable, convert_hint, broadcasting,
                      tuple(p.name for p in params[n:]), device_kernel or kname, error_name,
                      allowed or tuple(_kind(dtypes.as_dtype(t)) for t in _TF_ORDER
                                       if dtypes.as_dtype(t) in dtypes_), check,
                      tuple(lists), jit,
                      differentiable and jit and (check is None or (
                          "inexact" if lazy_inexact else False)))
        OPS[canonical] = opdef
        public = _public_wrapper(opdef, sig, arg_aliases or {})
        public.opdef = opdef
        if v1_aliases:
            public_v1 = _public_wrapper(opdef, sig, {**(arg_aliases or {}), **v1_aliases})
            public_v1.opdef = opdef
            export_value(public, v2, ())
            export_value(public_v1, (), v1 if v1 is not None else v2)
        elif v2 or v1:
            export_value(public, v2, v1)
        for operator in operators:
            _install_operator(opdef, operator)
        return public
    return wrap


def _default_kernel(path: str) -> str:
    return "".join(part.capitalize() for part in path.rpartition(".")[2].split("_"))


def _public_wrapper(opdef: OpDef, sig: inspect.Signature, aliases: dict[str, str]):
    """The TF-signature function: accepts `name=` and TF1 argument names, then calls apply_op."""
    params = list(sig.parameters.values())
    n = opdef.n_tensors
    kind = inspect.Parameter.KEYWORD_ONLY if any(p.kind == p.VAR_POSITIONAL for p in params) \
        else inspect.Parameter.POSITIONAL_OR_KEYWORD
    public_sig = sig.replace(parameters=params + [inspect.Parameter("name", kind, default=None)])

    # The common call, positional tensors only (`tf.add(x, y)`), skips argument binding.
    plain = all(p.kind == p.POSITIONAL_OR_KEYWORD for p in params) and all(
        p.default is not p.empty for p in params[n:])
    defaults = {p.name: p.default for p in params[n:]}

    @functools.wraps(opdef.impl)
    def public(*args, **kwargs):
        if plain and not kwargs and len(args) == n:
            return apply_op(opdef, args, dict(defaults))
        for old, new in aliases.items():
            if old in kwargs:
                value = kwargs.pop(old)
                if value is not None:
                    if kwargs.get(new) is not None:
                        raise ValueError(f"Cannot specify both '{old}' and '{new}'.")
                    kwargs[new] = value
        try:
            bound = public_sig.bind(*args, **kwargs)
        except TypeError as e:
            raise TypeError(f"{opdef.name}: {e}") from None
        bound.apply_defaults()
        values = list(bound.arguments.values())
        return apply_op(opdef, values[:n], dict(zip(opdef.attr_names, values[n:-1], strict=True)))

    public.__signature__ = public_sig
    return public


def apply_op(opdef: OpDef, inputs, attrs: dict):
    """Runs one op eagerly: convert, compute, wrap, record on tapes."""
    groups = None
    if opdef.lists:
        inputs, groups = _flatten_lists(opdef, inputs)
    tensors = _convert_inputs(opdef, inputs)
    if attrs:
        attrs = {k: _static(v) for k, v in attrs.items()}
    if opdef.lazy and tape.is_recording() and tape.would_record(tensors) and \
            not variable.tracing_function() and not _traced(tensors) and (
                opdef.lazy is True or all(t._dtype.is_floating or t._dtype.is_complex
                                          for t in tensors)):
        return _apply_lazy(opdef, tensors, attrs, groups)
    values = [t._value for t in tensors]
    args = values if groups is None else _regroup(values, groups)
    tracing = any(isinstance(v, jax.core.Tracer) for v in values)
    try:
        if tracing:
            out = opdef.impl(*args, **attrs)  # inside jax.jit/grad/vmap, or a tape's replay
        else:
            if opdef.check is not None:
                opdef.check(*args)
            if not opdef.jit or any(getattr(v, "dtype", None) is _OBJECT for v in values):
                out = opdef.impl(*args, **attrs)  # dynamic shapes; strings live on the host
            elif variable.tracing_function():
                # Inside a tf.function trace an op on constants is folded at trace time, so
                # values it feeds (a variable's initial value) stay concrete, as TF lifts them.
                with jax.ensure_compile_time_eval():
                    out = _eager_kernel(opdef, attrs)(*args)
            else:
                values = [device_value(t) for t in tensors]
                args = values if groups is None else _regroup(values, groups)
                out = _eager_kernel(opdef, attrs)(*args)
    except errors.TRANSLATED as e:
        raise _op_error(opdef, tensors, e) from None
    if isinstance(out, (tuple, list)):
        outs = tuple(Tensor(o) for o in out)
    else:
        outs = (Tensor(out),)
    # Tapes record eager values, and traced ones only inside a tf.function's trace (where the
    # tapes were created in the trace): other traced calls belong to a JAX transformation.
    if opdef.differentiable and tape.is_recording() and (
            not tracing or variable.tracing_function() or tape.records_traced()):
        _record(opdef, attrs, groups, tensors, outs)
    if isinstance(out, list):
        return list(outs)
    return outs if isinstance(out, tuple) else outs[0]


def _record(opdef: OpDef, attrs: dict, groups, tensors, outs):
    tape.record((opdef.name, tuple(attrs.items()), groups), _recorded_fn(opdef, attrs, groups),
                tensors, outs)


def _recorded_fn(opdef: OpDef, attrs: dict, groups):
    """The pure function a tape replays for this call."""
    if groups is None:
        return functools.partial(opdef.impl, **attrs) if attrs else opdef.impl
    return functools.partial(_call_grouped, opdef.impl, groups, attrs)


def _traced(tensors) -> bool:
    for t in tensors:
        if type(t) is not lazy.LazyTensor and isinstance(t._value, jax.core.Tracer):
            return True
    return False


def _apply_lazy(opdef: OpDef, tensors, attrs: dict, groups):
    """The op's outputs as lazy tensors (shapes inferred now, so shape errors raise now); the
    recording tape's gradient computes their values in its jitted call (see lazy.py)."""
    items = tuple(attrs.items())
    key = (opdef, items, groups, lazy.signature(tensors))
    entry = lazy.CACHE.lookup(key)
    if entry is None:
        kernel = _eager_kernel(opdef, attrs)
        run = kernel if groups is None else functools.partial(_run_grouped, kernel, groups)
        try:
            spec = lazy.infer(run, key[3])
        except errors.TRANSLATED as e:
            raise _op_error(opdef, tensors, e) from None
        entry = (run, spec, (opdef.name, items, groups), _recorded_fn(opdef, attrs, groups))
        lazy.CACHE.put(key, entry)
    run, spec, record_key, fn = entry
    out, outs = lazy.make(run, tensors, spec)
    tape.record(record_key, fn, tensors, outs)
    return out


def _run_grouped(kernel, groups, *values):
    return kernel(*_regroup(values, groups))


def _flatten_lists(opdef: OpDef, inputs):
    """Flattens list-valued tensor arguments; `groups` says how to rebuild them."""
    flat, groups = [], []
    for i, x in enumerate(inputs):
        if i in opdef.lists:
            items = list(x) if isinstance(x, (list, tuple)) else [x]
            flat.extend(items)
            groups.append(len(items))
        else:
            flat.append(x)
            groups.append(None)
    return flat, tuple(groups)


def _regroup(values, groups):
    args, k = [], 0
    for g in groups:
        if g is None:
            args.append(values[k])
            k += 1
        else:
            args.append(list(values[k:k + g]))
            k += g
    return args


def _call_grouped(impl, groups, attrs, *values):
    return impl(*_regroup(values, groups), **attrs)


EAGER_CACHE = CompileCache("eager ops", maxsize=4096)


def _physical_memory() -> int:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 2**40


_MEMORY = _physical_memory()


def check_allocation(shape, dtype, kernel: str, name: str | None = ""):
    """Raises TF's ResourceExhaustedError for a tensor larger than this machine's memory, before
    anything allocates it (XLA aborts the process on some impossible shapes)."""
    n = 1
    for s in shape:
        n *= int(s)
    itemsize = max(np.dtype(dtype).itemsize, 1)
    if n * itemsize > _MEMORY:
        dims = ",".join(str(int(s)) for s in shape)
        kind = _TF_KIND.get(np.dtype(dtype).name, np.dtype(dtype).name)
        device = "/job:localhost/replica:0/task:0/device:CPU:0"
        tail = "" if name is None else f" name: {name}"
        head = f"{{{{function_node __wrapped__{kernel}_device_{device}}}}}"
        if n > 2**63 - 1:
            raise errors.InvalidArgumentError(
                None, None, f"{head} Shape [{dims}] would have more than 2**63 - 1 elements "
                f"[Op:{kernel}]{tail}")
        # TF's CPU build allocates large tensors with oneDNN's allocator ("mklcpu").
        raise errors.ResourceExhaustedError(
            None, None, f"{head} OOM when allocating tensor with shape[{dims}] and type {kind} "
            f"on {device} by allocator mklcpu [Op:{kernel}]{tail}")
_OBJECT = np.dtype(object)


def _eager_kernel(opdef: OpDef, attrs: dict):
    """The op with its attributes as one jitted function: a cached jit call costs about half of
    dispatching the same jnp function eagerly, and takes host NumPy inputs without a copy step."""
    key = (opdef.name, tuple(attrs.items()))

    def build():
        impl = opdef.impl

        def kernel(*values):
            EAGER_CACHE.traced()
            out = impl(*values, **attrs)
            # Checked while tracing, before XLA compiles (and may abort on) an impossible shape.
            for o in out if isinstance(out, (tuple, list)) else (out,):
                check_allocation(np.shape(o), o.dtype, opdef.kernel, opdef.error_name)
            return out
        return jax.jit(kernel)
    return EAGER_CACHE.get(key, build)


def _static(v):
    """Static attributes must be hashable: tensors become Python values, lists tuples."""
    if isinstance(v, Tensor):
        v = v.numpy().tolist()
    if isinstance(v, (list, tuple)):
        return tuple(_static(x) for x in v)
    if isinstance(v, np.ndarray):
        return _static(v.tolist())
    if isinstance(v, np.generic):
        return v.item()
    return v


def _read(x):
    """Variables are read here, which is what makes the tapes see the read."""
    return x.value() if hasattr(x, "_is_variable") else x


def _convert_inputs(opdef: OpDef, inputs) -> list[Tensor]:
    inputs = [_read(x) for x in inputs]
    if len(opdef.dtypes) == 1:
        return _convert_fixed(opdef, inputs, next(iter(opdef.dtypes)))
    if opdef.policy == INDEPENDENT:
        tensors = [x if isinstance(x, Tensor) else to_tensor(x) for x in inputs]
    else:
        anchor = next((x._dtype for x in inputs if isinstance(x, Tensor)), None)
        tensors = []
        for i, x in enumerate(inputs):
            if not isinstance(x, Tensor):
                if anchor is None:
                    x = to_tensor(x)
                elif opdef.convert_hint or opdef.policy == TRUEDIV:
                    try:
                        x = Tensor(host_array(x, anchor), anchor)
                    except TypeError:
                        x = to_tensor(x)
                else:
                    x = _scalar_tensor(x, anchor)
            if anchor is None:
                anchor = x._dtype
            elif x._dtype is not anchor:
                if opdef.policy == TRUEDIV:
                    raise TypeError(f"`x` and `y` must have the same dtype, got {anchor!r} != "
                                    f"{x.dtype!r}.")
                raise _cannot_compute(opdef, i, anchor, x.dtype)
            tensors.append(x)
    for t in tensors:
        if t._dtype not in opdef.dtypes:
            raise _dtype_error(opdef, t._dtype)
    if opdef.policy == TRUEDIV and tensors and tensors[0].dtype.is_integer:
        target = dtypes.float64 if tensors[0].dtype.size >= 4 else dtypes.float32
        tensors = [Tensor(np.asarray(t._value).astype(target.as_numpy_dtype), target)
                   if not hasattr(t._value, "aval") else Tensor(t._value.astype(
                       target.as_numpy_dtype), target) for t in tensors]
    return tensors


_SCALARS: dict = {}


def _scalar_tensor(x, dtype: dtypes.DType) -> Tensor:
    """`x` as a Tensor of `dtype`; Python numbers reuse one immutable host tensor per value (a
    training loop converts the same literals at every step)."""
    kind = type(x)
    if (kind is int or kind is float) and x == x and x != 0:  # not NaN, not the signed zeros
        key = (kind, x, dtype)
        t = _SCALARS.get(key)
        if t is None:
            value = host_array(x, dtype)
            value.flags.writeable = False
            t = Tensor(value, dtype)
            if len(_SCALARS) >= 1024:
                _SCALARS.clear()
            _SCALARS[key] = t
        return t
    return Tensor(host_array(x, dtype), dtype)


def _convert_fixed(opdef: OpDef, inputs, want: dtypes.DType) -> list[Tensor]:
    """Ops with one fixed input dtype (logical_and: bool) convert Python values to it, and a
    tensor of another dtype is a "cannot compute" error rather than an "allowed values" one."""
    tensors = []
    for i, x in enumerate(inputs):
        if not isinstance(x, Tensor):
            x = Tensor(host_array(x, want), want)
        if x.dtype != want:
            raise _cannot_compute(opdef, i, want, x.dtype)
        tensors.append(x)
    return tensors


def _kind(d: dtypes.DType) -> str:
    return _TF_KIND.get(d.name, d.name)


def _suffix(opdef: OpDef, message: str) -> str:
    """TF's eager error text: "<message> [Op:Kernel] name: <name>"."""
    tail = "" if opdef.error_name is None else f" name: {opdef.error_name}"
    return f"{message} [Op:{opdef.kernel}]{tail}"


def _cannot_compute(opdef: OpDef, i: int, want: dtypes.DType, got: dtypes.DType):
    if want is dtypes.string and opdef.kernel == "AddV2":
        opdef = dataclasses.replace(opdef, kernel="Add", device_kernel="Add")  # TF's string add
    return errors.InvalidArgumentError(None, None, _suffix(
        opdef, f"cannot compute {opdef.device_kernel} as input #{i}(zero-based) was expected to "
        f"be a {_kind(want)} tensor but is a {_kind(got)} tensor"))


def _dtype_error(opdef: OpDef, d: dtypes.DType):
    # Only the first line matches TF: TF continues with the op's registration ("; Op<...>").
    return errors.InvalidArgumentError(None, None, _suffix(
        opdef, f"Value for attr 'T' of {_kind(d)} is not in the list of allowed values: "
        f"{', '.join(opdef.allowed_text)}\n\t; NodeDef: {{{{node {opdef.kernel}}}}}"))


def _op_error(opdef: OpDef, tensors, e: Exception):
    """An error raised while computing, worded as TF's kernel reports it."""
    # oneDNN kernels' wrapped functions carry one more underscore ("__wrapped____MklMatMul").
    fn = opdef.kernel if opdef.device_kernel == opdef.kernel else f"_{opdef.device_kernel}"
    prefix = (f"{{{{function_node __wrapped__{fn}_device_/job:localhost/"
              f"replica:0/task:0/device:CPU:0}}}} ")
    if opdef.broadcasting and len(tensors) >= 2:
        shapes = [tuple(np.shape(t._value)) for t in tensors]
        try:
            np.broadcast_shapes(*shapes)
        except ValueError:
            a, b = (",".join(map(str, s)) for s in shapes[:2])
            return errors.InvalidArgumentError(
                None, None, _suffix(opdef, f"{prefix}Incompatible shapes: [{a}] vs. [{b}]"))
    e = errors.from_jax(e)  # the one JAX -> TF translation
    if not isinstance(e, errors.OpError) or "[Op:" in e.message:
        return e
    # Kernel checks in the implementations raise bare messages; add TF's framing.
    return type(e)(None, None, _suffix(opdef, f"{prefix}{e.message}"))


_REFLECTABLE = {"add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul", "and", "or",
                "xor"}


def _install_operator(opdef: OpDef, name: str):
    def forward(self, *other):
        return apply_op(opdef, (self, *other), {})

    def reflected(self, other):
        # TF converts the left operand of a reflected operator to this tensor's dtype, strictly:
        # `1.5 + int_tensor` is a TypeError even though `int_tensor + 1.5` is not.
        if not isinstance(other, Tensor) and not hasattr(other, "_is_variable"):
            other = Tensor(host_array(other, self.dtype), self.dtype)
        return apply_op(opdef, (other, self), {})

    forward.__name__ = f"__{name}__"
    setattr(OperatorMixin, f"__{name}__", forward)
    if name in _REFLECTABLE:
        reflected.__name__ = f"__r{name}__"
        setattr(OperatorMixin, f"__r{name}__", reflected)


def attach_operator(dunder: str, fn):
    """Installs a Python operator that is not a single op (e.g. `__getitem__`)."""
    setattr(OperatorMixin, dunder, fn)
