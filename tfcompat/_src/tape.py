"""GradientTape: ops record closures on the active tapes; `gradient` replays the recorded sub-graph.

Recording: every op that has an input connected to something the tape watches appends a node (a
structure key, a pure JAX function, its input and output Tensors). Watched things are variables
read while the tape records and tensors passed to `watch`.

Differentiation: every source gets a zero perturbation `d`, added wherever the source enters the
recorded graph (each read of a watched variable, each use of a watched or intermediate tensor).
`gradient` replays the sub-graph from those entry points to the target as a pure function of the
perturbations, with every other input passed in as an argument, and takes its VJP at d = 0. This
reproduces TF's rules: reads on both sides of an `assign` both count, assigns cut the flow, uses
before `watch` do not count, and intermediates can be sources. The VJP runs through `jax.jit`,
cached by the sub-graph's structure, so a training loop compiles it once.

Higher order: a `gradient` computed while other tapes record is itself recorded on them as one
node whose function is the (differentiable) jitted VJP, so nested tapes work to any order.
"""

import contextlib
import enum
import math
import threading

import jax
import jax.numpy as jnp
import numpy as np

from tfcompat._src import dtypes, errors, lazy, logs
from tfcompat._src.compile_cache import CompileCache
from tfcompat._src.export import export
from tfcompat._src.tensor import Tensor, device_value

_local = threading.local()
GRADIENT_CACHE = CompileCache("tape.gradient")
PLAN_CACHE = CompileCache("tape.plans", maxsize=1024)


def _active() -> list:
    tapes = getattr(_local, "tapes", None)
    if tapes is None:
        tapes = _local.tapes = []
    return tapes


def is_recording() -> bool:
    return bool(getattr(_local, "tapes", None))


def would_record(inputs) -> bool:
    """Whether an op on `inputs` is recorded by an active tape (one of them tracks an input)."""
    for t in _local.tapes:
        tracked = t._tracked
        for x in inputs:
            if id(x) in tracked:
                return True
    return False


def tracked_tensors():
    """The tensors this thread's active tapes track (traced control flow looks its operands up
    among them, by value)."""
    for t in _active():
        yield from t._tracked.values()


def record(key, fn, inputs, outputs):
    """Records one op call on every active tape that sees one of its inputs."""
    for t in _local.tapes:
        t._record(key, fn, inputs, outputs)


@contextlib.contextmanager
def paused(traced: bool = False):
    """No tape of this thread records inside (stop_recording, custom_gradient, replay).

    `traced=True`: tapes created inside record ops on traced values too, as when a
    custom_gradient's function (which may use tapes of its own) is replayed under jit."""
    saved, saved_traced = _active(), records_traced()
    _local.tapes = []
    _local.traced = traced
    try:
        yield
    finally:
        _local.tapes = saved
        _local.traced = saved_traced


def records_traced() -> bool:
    """Whether this thread's tapes record ops on traced values (see `paused`)."""
    return getattr(_local, "traced", False)


def read_hooks() -> list:
    """This thread's listeners for variable reads (custom_gradient logs what a function reads)."""
    hooks = getattr(_local, "hooks", None)
    if hooks is None:
        hooks = _local.hooks = []
    return hooks


def observed() -> bool:
    """Whether a variable read must be reported: a tape records or a read hook listens."""
    return bool(getattr(_local, "tapes", None)) or bool(getattr(_local, "hooks", None))


def variable_read(var, tensor):
    """Called by Variable for each read while observed()."""
    for hook in read_hooks():
        hook(var)
    for t in _active():
        t._on_read(var, tensor)


def _is_variable(x) -> bool:
    return hasattr(x, "_is_variable")


_DIFFERENTIABLE = frozenset(d for d in dtypes.ALL if d.is_floating or d.is_complex)


def _differentiable(dtype) -> bool:
    return dtype in _DIFFERENTIABLE


def _flatten(structure):
    leaves, treedef = jax.tree_util.tree_flatten(
        structure, is_leaf=lambda x: isinstance(x, Tensor) or _is_variable(x))
    return leaves, treedef


@export("UnconnectedGradients")
class UnconnectedGradients(enum.Enum):
    """What `gradient` returns for a source the target does not depend on."""

    NONE = "none"
    ZERO = "zero"


class _Node:
    __slots__ = ("key", "fn", "inputs", "outputs")

    def __init__(self, key, fn, inputs, outputs):
        self.key, self.fn, self.inputs, self.outputs = key, fn, inputs, outputs


@export("GradientTape")
class GradientTape:
    """`tf.GradientTape`: records operations for automatic differentiation."""

    def __init__(self, persistent: bool = False, watch_accessed_variables: bool = True):
        self._persistent = persistent
        self._watch_accessed_variables = watch_accessed_variables
        self._recording = False
        self._used = False
        self._entered = False
        self._clear()

    def _clear(self):
        self._nodes: list[_Node] = []
        self._tracked: dict[int, Tensor] = {}   # tensors connected to something watched
        self._reads: dict[int, int] = {}        # id(read tensor) -> id(variable)
        self._watched_vars: dict[int, object] = {}
        # The recorded structure, kept as it grows so `gradient` finds its compiled plan by a
        # key instead of re-deriving the sub-graph each step (see _structure_key).
        self._sig: list = []                    # per node: (key, input refs)
        self._producer: dict[int, tuple] = {}   # id(output) -> ("n", node index, output index)
        self._ext: dict[int, int] = {}          # id(input from outside) -> index in _ext_list
        self._ext_list: list[Tensor] = []
        self._ext_sig: list = []                # per outside input: (shape, dtype, kind)
        self._var_order: dict[int, int] = {}    # id(variable) -> order of its first read

    # -- recording -------------------------------------------------------------------------

    def __enter__(self):
        if self._recording:
            raise ValueError("Tape is still recording, This can happen if you try to re-enter "
                             "an already-active tape.")
        self._push()
        return self

    def __exit__(self, *exc):
        if self._recording:
            self._pop()

    def _push(self):
        _active().append(self)
        self._recording = True
        self._entered = True

    def _pop(self):
        tapes = _active()
        for i in range(len(tapes) - 1, -1, -1):
            if tapes[i] is self:
                del tapes[i]
                break
        self._recording = False

    def _record(self, key, fn, inputs, outputs):
        tracked = self._tracked
        for x in inputs:
            if id(x) in tracked:
                break
        else:
            return
        index = len(self._nodes)
        self._nodes.append(_Node(key, fn, tuple(inputs), tuple(outputs)))
        producer, input_ref = self._producer, self._input_ref
        self._sig.append((key, tuple(producer.get(id(x)) or input_ref(x) for x in inputs)))
        for j, o in enumerate(outputs):
            producer[id(o)] = ("n", index, j)
            if o._dtype in _DIFFERENTIABLE:
                tracked[id(o)] = o

    def _input_ref(self, x) -> tuple:
        ref = self._producer.get(id(x))
        if ref is not None:
            return ref
        k = self._ext.get(id(x))
        if k is None:
            k = self._ext[id(x)] = len(self._ext_list)
            self._ext_list.append(x)
            vid = self._reads.get(id(x))
            kind = ("r", self._var_order[vid]) if vid is not None else "c"
            self._ext_sig.append((lazy.shape_of(x), x.dtype, kind))
        return ("e", k)

    def _on_read(self, var, tensor):
        vid = id(var)
        if vid not in self._watched_vars:
            if not (self._watch_accessed_variables and var.trainable):
                return
            self._watched_vars[vid] = var
        if _differentiable(var.dtype):
            self._tracked[id(tensor)] = tensor
            self._reads[id(tensor)] = vid
            self._var_order.setdefault(vid, len(self._var_order))

    def watch(self, tensor):
        """Marks tensors or variables (any nest of them) as sources from now on."""
        for t in _flatten(tensor)[0]:
            if _is_variable(t):
                self._watched_vars[id(t)] = t
            elif isinstance(t, Tensor):
                if not _differentiable(t.dtype):
                    logs.warning_limited(
                        "watch_dtype", 5, "The dtype of the watched tensor must be floating "
                        f"(e.g. tf.float32), got {t.dtype!r}")
                    continue
                self._tracked[id(t)] = t
            else:
                raise ValueError(f"Passed in object {t} of type {type(t).__name__!r}, not "
                                 "tf.Tensor or tf.Variable or ExtensionType.")

    @contextlib.contextmanager
    def stop_recording(self):
        """Temporarily stops recording on all tapes of this thread (as TF does)."""
        if not self._recording:
            if self._entered:
                raise ValueError("Tape is not recording.")
            raise RuntimeError("Trying to stop recording a tape which is not recording.")
        with paused():
            yield

    def reset(self):
        """Forgets everything recorded so far; keeps recording if it was."""
        self._clear()

    def watched_variables(self):
        """The watched variables, in the order they were created (as TF returns them)."""
        return tuple(sorted(self._watched_vars.values(), key=lambda v: v._uid))

    # -- differentiation -------------------------------------------------------------------

    def gradient(self, target, sources, output_gradients=None,
                 unconnected_gradients=UnconnectedGradients.NONE):
        """`tf.GradientTape.gradient`: d(sum of targets)/d(sources), in the sources' structure."""
        self._begin_use("to compute")
        unconnected = _unconnected(unconnected_gradients)
        if target is None:
            raise TypeError("Argument `target` should be a list or nested structure of Tensors, "
                            "Variables or CompositeTensors to be differentiated, but received "
                            "None.")
        targets = _flatten(target)[0]
        flat_sources, treedef = _flatten(sources)
        cots = None
        if output_gradients is not None:
            cots = _flatten(output_gradients)[0]
            if len(cots) != len(targets):
                raise ValueError("output_gradients must have the same structure as target.")
            for c, t in zip(cots, targets, strict=True):
                if c is not None and tuple(np.shape(c)) != tuple(np.shape(t)):
                    # TF fails in the first backward op that meets it ("[Op:Mul]" for x * x).
                    shapes = [",".join(map(str, np.shape(x))) for x in (c, t)]
                    raise errors.InvalidArgumentError(
                        None, None, f"Incompatible shapes: [{shapes[0]}] vs. [{shapes[1]}]: "
                        "output_gradients must have the shapes of their targets")
        grads = self._gradient(targets, flat_sources, cots,
                               unconnected is UnconnectedGradients.ZERO)
        self._end_use()
        return jax.tree_util.tree_unflatten(treedef, grads)

    def _begin_use(self, verb: str):
        """TF's rules for a gradient/jacobian call: once on a non-persistent tape, which stops
        recording if called inside its own context; a persistent tape keeps recording."""
        if self._used:
            raise RuntimeError("A non-persistent GradientTape can only be used "
                               f"{verb} one set of gradients (or jacobians)")
        if self._recording:
            if not self._persistent:
                self._pop()
            else:
                logs.warning_limited(
                    "persistent_inside", 1, "Calling GradientTape.gradient on a persistent tape "
                    "inside its context is significantly less efficient than calling it outside "
                    "the context (it causes the gradient ops to be recorded on the tape, leading "
                    "to increased CPU and memory usage). Only call GradientTape.gradient inside "
                    "the context if you actually want to trace the gradient in order to compute "
                    "higher order derivatives.")

    def _end_use(self):
        if not self._persistent:
            self._used = True
            watched = self._watched_vars  # TF still lists them after the tape is released
            self._clear()
            self._watched_vars = watched

    def _gradient(self, targets, sources, cots, zero_unconnected):
        prep = self._prepare(targets, sources, cots is None, "vjp")
        values = [None] * len(sources)
        if prep.fn is not None:
            cot_values = [None] * prep.n_targets if cots is None else [
                _as_value(cots[i], prep.target_dtypes[i]) for i in prep.target_indices]
            with paused():  # tracing may run user code (custom_gradient): record nothing
                grads, forward = _run(prep.fn, [device_value(x) for x in prep.const_tensors],
                                      cot_values, _one())
            self._realise(prep.node_indices, forward)
            for i, g in zip(prep.used, grads, strict=True):
                values[i] = Tensor(g, sources[i].dtype)
            if is_recording():
                self._record_gradient(prep, cots, [values[i] for i in prep.used])
        return [_zeros_like(s) if g is None and zero_unconnected else g
                for s, g in zip(sources, values, strict=True)]

    def _prepare(self, targets, sources, no_cots: bool, mode: str) -> "_Prepared":
        """The compiled function and its inputs for d targets / d sources: from the plan cache
        when this tape's structure was seen before, else by building the sub-graph."""
        _check_differentiable_args(targets, sources)
        key = self._structure_key(targets, sources, no_cots, mode)
        if key is not None:
            plan = PLAN_CACHE.lookup(key)
            if plan is not None:
                return plan.bind(self._ext_list)
        perturb, snapshots = self._entry_points(targets, sources)
        program = _Program(self._nodes, snapshots, perturb)
        fn = None
        if program.used_sources:
            cot_flags = [None if no_cots else 0] * len(program.target_slots)
            fn = GRADIENT_CACHE.get(program.key(cot_flags, sources, mode),
                                    lambda: program.build(sources, mode))
        prep = _Prepared(fn, program.const_tensors, program.used_sources,
                         program.target_indices, len(program.target_slots),
                         [t.dtype for t in snapshots], program.last_key, program.node_indices)
        if key is not None:
            ext = [self._ext.get(id(c)) for c in program.const_tensors]
            if None not in ext:  # else a constant from outside the record: not reusable
                PLAN_CACHE.put(key, _Plan(prep, ext))
        return prep

    def _structure_key(self, targets, sources, no_cots, mode):
        """A key that determines the sub-graph, its constants' places and the sources' entry
        points, built from the structure recorded so far; None when it cannot (a variable or
        an unrecorded tensor as target)."""
        refs = []
        for t in targets:
            ref = None if _is_variable(t) else self._ref(t)
            if ref is None:
                return None
            refs.append(ref)
        srcs = []
        for s in sources:
            if _is_variable(s):
                srcs.append(("v", self._var_order.get(id(s)), s.dtype))
            else:
                srcs.append(self._ref(s) or ("u", s.dtype))
        return (tuple(self._sig), tuple(self._ext_sig), tuple(refs), tuple(srcs), no_cots, mode)

    def _ref(self, t):
        ref = self._producer.get(id(t))
        if ref is None and id(t) in self._ext:
            ref = ("e", self._ext[id(t)])
        return ref

    def _entry_points(self, targets, sources):
        """Maps id(tensor) -> indices of the sources whose perturbation enters at that tensor."""
        perturb: dict[int, list[int]] = {}
        by_var: dict[int, list[int]] = {}
        for i, s in enumerate(sources):
            if not _differentiable(s.dtype):
                continue
            if _is_variable(s):
                by_var.setdefault(id(s), []).append(i)
            elif id(s) in self._tracked:
                perturb.setdefault(id(s), []).append(i)
        for tid, vid in self._reads.items():
            if vid in by_var:
                perturb.setdefault(tid, []).extend(by_var[vid])
        snapshots = []
        for t in targets:
            if _is_variable(t):
                # A variable target is its current value; it is its own source (d v / d v = 1).
                snap = Tensor(t._value, t.dtype)
                if id(t) in by_var:
                    perturb[id(snap)] = list(by_var[id(t)])
                t = snap
            snapshots.append(t)
        return perturb, snapshots

    def _realise(self, node_indices, forward):
        """Stores the forward values the gradient call computed in the tape's lazy outputs."""
        nodes = self._nodes
        for i, values in zip(node_indices, forward, strict=True):
            pending = getattr(nodes[i].outputs[0], "_node", None)
            if pending is not None:
                pending.set_values(values)

    def _record_gradient(self, prep, cots, outputs):
        inputs = list(prep.const_tensors)
        given = []
        if cots is not None:
            given = [_as_tensor(cots[i], prep.target_dtypes[i]) for i in prep.target_indices]
            inputs += given
        n_const, n_cot, fn = len(prep.const_tensors), prep.n_targets, prep.fn
        has_cots = bool(given)

        def replayed_gradient(*vals):
            cv = list(vals[n_const:]) if has_cots else [None] * n_cot
            return tuple(fn(list(vals[:n_const]), cv, _one())[0])

        record(("gradient", prep.key), replayed_gradient, inputs, outputs)

    def jacobian(self, target, sources, unconnected_gradients=UnconnectedGradients.NONE,
                 parallel_iterations=None, experimental_use_pfor=True):
        """`tf.GradientTape.jacobian`: d target[i...] / d source[j...], shaped
        target.shape + source.shape, computed with jax.jacrev of the replayed sub-graph."""
        del parallel_iterations  # a memory knob in TF; jacrev vectorises anyway
        if not experimental_use_pfor and not self._persistent:
            raise RuntimeError("GradientTape must be created with persistent=True to compute "
                               "the jacobian with eager execution enabled and with  "
                               "experimental_use_pfor set to False.")
        self._begin_use("to compute")
        unconnected = _unconnected(unconnected_gradients)
        flat_sources, treedef = _flatten(sources)
        jac = self._jacobian(target, flat_sources)
        out = [_zeros(tuple(target.shape) + tuple(s.shape), s.dtype)
               if j is None and unconnected is UnconnectedGradients.ZERO else j
               for s, j in zip(flat_sources, jac, strict=True)]
        self._end_use()
        return jax.tree_util.tree_unflatten(treedef, out)

    def batch_jacobian(self, target, source, unconnected_gradients=UnconnectedGradients.NONE,
                       parallel_iterations=None, experimental_use_pfor=True):
        """`tf.GradientTape.batch_jacobian`: per-example jacobians, [b, y..., x...]. As in TF,
        an unconnected source gives zeros whatever `unconnected_gradients` says."""
        del parallel_iterations, unconnected_gradients
        for t in (target, source):
            if len(t.shape) < 2:
                raise ValueError(f"Shape {t.shape} must have rank at least 2")
        if target.shape[0] != source.shape[0]:
            raise ValueError(f"Need first dimension of target shape ({target.shape}) and source "
                             f"shape ({source.shape}) to match.")
        if not experimental_use_pfor and not self._persistent:
            raise RuntimeError("GradientTape must be created with persistent=True to compute "
                               "the batch_jacobian with eager execution enabled and with "
                               "experimental_use_pfor set to False.")
        self._begin_use("tocompute")  # sic: TF's message lacks the space here
        (jac,) = self._jacobian(target, [source])
        self._end_use()
        b = target.shape[0]
        ys, xs = tuple(target.shape)[1:], tuple(source.shape)[1:]
        if jac is None:
            return _zeros((b, *ys, *xs), source.dtype)
        # TF differentiates the sum over the batch of each target column (it assumes examples
        # are independent, where this is the block diagonal); summing keeps its value otherwise.
        full = jnp.reshape(jnp.asarray(jac._value), (b, math.prod(ys), b, math.prod(xs)))
        per_example = jnp.moveaxis(jnp.sum(full, axis=0), 1, 0)
        return Tensor(jnp.reshape(per_example, (b, *ys, *xs)), source.dtype)

    def _jacobian(self, target, sources):
        prep = self._prepare([target], sources, True, "jacobian")
        out = [None] * len(sources)
        if prep.fn is not None:
            with paused():
                jacs = _run(prep.fn, [device_value(x) for x in prep.const_tensors], [None], _one())
            for i, j in zip(prep.used, jacs, strict=True):
                out[i] = Tensor(j, sources[i].dtype)
        return out


def _run(fn, *args):
    """Calls a compiled gradient function; JAX's failures become TF errors (errors.from_jax),
    a user's own exception (raised in a custom gradient) passes unchanged."""
    try:
        return fn(*args)
    except errors.TRANSLATED as e:
        if errors.is_jax_error(e):
            raise errors.from_jax(e) from None
        raise


class _Prepared:
    """A compiled gradient/jacobian function with the tensors to call it on."""

    __slots__ = ("fn", "const_tensors", "used", "target_indices", "n_targets", "target_dtypes",
                 "key", "node_indices")

    def __init__(self, fn, const_tensors, used, target_indices, n_targets, target_dtypes, key,
                 node_indices):
        self.fn, self.const_tensors, self.used = fn, const_tensors, used
        self.target_indices, self.n_targets = target_indices, n_targets
        self.target_dtypes, self.key, self.node_indices = target_dtypes, key, node_indices


class _Plan:
    """A _Prepared with its constants named by their place in the tape's outside inputs, so a
    tape with the same structure reuses it (tinygrad-style: a kernel cache keyed by structure)."""

    __slots__ = ("prep", "ext")

    def __init__(self, prep: _Prepared, ext: list[int]):
        self.prep, self.ext = prep, ext

    def bind(self, ext_list) -> _Prepared:
        p = self.prep
        return _Prepared(p.fn, [ext_list[k] for k in self.ext], p.used, p.target_indices,
                         p.n_targets, p.target_dtypes, p.key, p.node_indices)


def _settle(v, one):
    """`v` times a runtime 1.0: XLA contracts a multiply in one op and an add in the next into
    one FMA inside a fusion, where TF rounds each op's result; an exact multiply by a value it
    cannot fold keeps the rounding each op has when it runs on its own."""
    if jnp.issubdtype(v.dtype, jnp.floating):
        return v * one.astype(v.dtype)
    return v


def _neg_zeros(specs):
    # The perturbations are -0.0: x + -0.0 is x for every x, where x + 0.0 turns -0.0 into 0.0.
    return [jnp.full(shape, -0.0, dtype) if jnp.issubdtype(dtype, jnp.inexact)
            else jnp.zeros(shape, dtype) for shape, dtype in specs]


_ONE = []


def _one():
    if not _ONE:
        with jax.ensure_compile_time_eval():  # a concrete array even inside a trace
            _ONE.append(jnp.ones((), jnp.float32))
    return _ONE[0]


def _conj(x):
    return jnp.conj(x) if jnp.iscomplexobj(x) else x


def _check_differentiable_args(targets, sources):
    for x in list(targets) + list(sources):
        if not (isinstance(x, Tensor) or _is_variable(x)):
            raise AttributeError(f"'{type(x).__name__}' object has no attribute 'dtype'")


def _unconnected(value) -> UnconnectedGradients:
    try:
        return UnconnectedGradients(
            value.value if isinstance(value, UnconnectedGradients) else value)
    except ValueError:
        raise ValueError(f"Unknown value for unconnected_gradients: {value!r}") from None


def _zeros(shape, dtype) -> Tensor:
    return Tensor(jnp.zeros(shape, dtype.as_numpy_dtype), dtype)


def _zeros_like(s) -> Tensor:
    return _zeros(tuple(s.shape), s.dtype)


def _as_value(x, dtype):
    return _as_tensor(x, dtype)._value


def _as_tensor(x, dtype):
    if isinstance(x, Tensor):
        return x
    if _is_variable(x):
        return x.value()
    return Tensor(np.asarray(x, dtype.as_numpy_dtype), dtype)


class _Program:
    """The recorded sub-graph between the sources' entry points and the targets, in slots."""

    def __init__(self, nodes, targets, perturb):
        live = set(perturb)
        live_nodes = []
        for i, node in enumerate(nodes):
            for x in node.inputs:
                if id(x) in live:
                    live_nodes.append((i, node))
                    live.update(id(o) for o in node.outputs)
                    break
        need = {id(t) for t in targets if id(t) in live}
        kept = []
        for i, node in reversed(live_nodes):
            if any(id(o) in need for o in node.outputs):
                kept.append((i, node))
                need.update(id(x) for x in node.inputs if id(x) in live)
        kept.reverse()
        self.node_indices = tuple(i for i, _ in kept)

        slot: dict[int, int] = {}
        self.const_tensors: list[Tensor] = []
        self.const_slots: list[int] = []
        self.entries = []
        self.fns = []

        def const(x):
            s = slot[id(x)] = len(slot)
            self.const_tensors.append(x)
            self.const_slots.append(s)
            return s

        for _, node in kept:
            ins = tuple(slot[id(x)] if id(x) in slot else const(x) for x in node.inputs)
            outs = []
            for o in node.outputs:
                s = slot[id(o)] = len(slot)
                outs.append(s)
            self.entries.append((node.key, ins, tuple(outs)))
            self.fns.append(node.fn)
        self.targets = targets
        self.target_indices = []
        self.target_slots = []
        for i, t in enumerate(targets):
            if id(t) in slot:
                s = slot[id(t)]
            elif id(t) in perturb:
                s = const(t)
            else:
                continue  # unconnected target: contributes nothing
            self.target_indices.append(i)
            self.target_slots.append(s)
        self.n_slots = len(slot)
        self.perturbed = {slot[k]: tuple(v) for k, v in perturb.items() if k in slot}
        self.used_sources = sorted({i for v in self.perturbed.values() for i in v})
        if not self.target_slots:
            self.used_sources = []
        self.last_key = None

    def key(self, cot_values, sources, mode: str):
        consts = tuple((s, lazy.shape_of(x), x.dtype) for s, x in
                       zip(self.const_slots, self.const_tensors, strict=True))
        srcs = tuple((tuple(sources[i].shape), sources[i].dtype) for i in self.used_sources)
        self.last_key = (tuple(self.entries), consts, tuple(sorted(self.perturbed.items())),
                         tuple(self.target_slots), srcs, tuple(self.used_sources),
                         tuple(c is None for c in cot_values), mode)
        return self.last_key

    def build(self, sources, mode: str):
        """A jitted `f(const_values, cotangents)`: the VJP (mode "vjp") or the jacobian of the
        single target (mode "jacobian") with respect to the used sources."""
        entries, fns, n_slots = self.entries, self.fns, self.n_slots
        const_slots, target_slots = tuple(self.const_slots), tuple(self.target_slots)
        position = {src: j for j, src in enumerate(self.used_sources)}
        perturbed = {s: tuple(position[i] for i in v) for s, v in self.perturbed.items()}
        specs = [(tuple(sources[i].shape), sources[i].dtype.as_numpy_dtype)
                 for i in self.used_sources]

        def bump(env, s, deltas):
            for j in perturbed[s]:
                env[s] = env[s] + deltas[j]

        def replay(deltas, consts, one):
            env = [None] * n_slots
            for s, v in zip(const_slots, consts, strict=True):
                env[s] = v
                if s in perturbed:
                    bump(env, s, deltas)
            values = []
            for fn, (_, ins, outs) in zip(fns, entries, strict=True):
                r = fn(*[env[s] for s in ins])
                if not isinstance(r, (tuple, list)):
                    r = (r,)
                r = tuple(_settle(v, one) for v in r)
                values.append(r)
                for s, v in zip(outs, r, strict=True):
                    env[s] = v
                    if s in perturbed:
                        bump(env, s, deltas)
            return [env[s] for s in target_slots], values

        def gradients(consts, cots, one):
            GRADIENT_CACHE.traced()
            zeros = _neg_zeros(specs)
            outs, vjp, values = jax.vjp(lambda d: replay(d, consts, one), zeros, has_aux=True)
            # TF's gradient for complex values is the conjugate of JAX's VJP: TF(dy) =
            # conj(vjp(conj(dy))). For real values conj is the identity.
            cots = [jnp.ones_like(o) if c is None else _conj(c)
                    for c, o in zip(cots, outs, strict=True)]
            # The forward values come back too: they realise the tape's lazy tensors.
            return [_conj(g) for g in vjp(cots)[0]], values

        def jacobian(consts, cots, one):
            GRADIENT_CACHE.traced()
            zeros = _neg_zeros(specs)
            return [_conj(j) for j in jax.jacrev(
                lambda d: replay(d, consts, one)[0][0])(zeros)]

        return jax.jit(gradients if mode == "vjp" else jacobian)
