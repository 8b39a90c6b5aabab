"""The gradient API beside the tape: tf.stop_gradient, tf.custom_gradient, tf.gradients."""

import contextlib
import functools

import jax
import jax.numpy as jnp
import numpy as np

from tfcompat._src import tape, variable
from tfcompat._src.export import export
from tfcompat._src.registry import op
from tfcompat._src.tensor import Tensor, to_tensor


@op("stop_gradient", kernel="StopGradient", differentiable=False)
def stop_gradient(input):  # noqa: A002 - TF's argument name
    # Not recorded on tapes (differentiable=False) and opaque to JAX's own transformations.
    return jax.lax.stop_gradient(input)


@export("gradients")
def gradients(ys, xs, grad_ys=None, name="gradients", colocate_gradients_with_ops=False,
              gate_gradients=False, aggregation_method=None, stop_gradients=None,
              unconnected_gradients=tape.UnconnectedGradients.NONE):
    """`tf.gradients`: d(sum of ys)/d x for each x, a list. TF builds it from the graph, so it
    works only inside a tf.function (eagerly TF refuses it, and so do we): there the trace's
    `GraphRecord` holds every op, and the ops between `xs` and `ys` are replayed under jax.vjp,
    each read of a variable in `xs` perturbed as the tape perturbs it."""
    frame = variable.current_frame()
    record = getattr(frame, "graph", None) if frame is not None else None
    if record is None:
        raise RuntimeError("tf.gradients is not supported when eager execution is enabled. Use "
                           "tf.GradientTape instead.")
    zero = tape.UnconnectedGradients(unconnected_gradients) is tape.UnconnectedGradients.ZERO
    ys, xs = _as_list(ys), _as_list(xs)
    ys = [y.value() if hasattr(y, "_is_variable") else y if isinstance(y, Tensor) else
          to_tensor(y) for y in ys]
    cots = None if grad_ys is None else _as_list(grad_ys)
    if cots is not None and len(cots) != len(ys):
        raise ValueError(f"Passed {len(cots)} grad_ys for {len(ys)} ys")
    stop = {id(t._value) for t in _as_list(stop_gradients or [])
            if isinstance(t, Tensor)}
    sources = []  # per x: the value ids where its perturbation enters
    for x in xs:
        if hasattr(x, "_is_variable"):
            ids = [id(r._value) for r in record.reads.get(id(x), [])]
        elif isinstance(x, Tensor):
            ids = [id(x._value)]
        else:
            raise TypeError(f"tf.gradients: xs must be Tensors or Variables, got {type(x)}")
        differentiable = x.dtype.is_floating or x.dtype.is_complex
        sources.append(list(dict.fromkeys(ids)) if differentiable else [])
    # Which sources reach each value: a bit per source, spread along the recorded ops.
    mask: dict[int, int] = {}
    base: dict[int, object] = {}
    for k, ids in enumerate(sources):
        for i in ids:
            mask[i] = mask.get(i, 0) | (1 << k)
    for _, inputs, _ in record.nodes:
        for t in inputs:
            base.setdefault(id(t._value), t._value)
    selected = []
    for fn, inputs, outputs in record.nodes:
        m = 0
        for t in inputs:
            m |= mask.get(id(t._value), 0)
        if m:
            selected.append((fn, inputs, outputs))
            for o in outputs:
                if id(o._value) not in stop:
                    mask[id(o._value)] = mask.get(id(o._value), 0) | m
    targets = [i for i, y in enumerate(ys) if (y.dtype.is_floating or y.dtype.is_complex)
               and mask.get(id(y._value), 0)]
    reached = 0
    for i in targets:
        reached |= mask[id(ys[i]._value)]
    grads = [None] * len(xs)
    used = [k for k in range(len(xs)) if reached >> k & 1]
    if used:
        entry = {}
        for k in used:
            for i in sources[k]:
                entry.setdefault(i, []).append(k)

        def replay(deltas):
            env = {}

            def bump(i, value):
                for k in entry.get(i, ()):
                    value = value + deltas[used.index(k)]
                return value
            for i in entry:
                value = base.get(i)
                if value is None:
                    value = next(x._value for x in _source_tensors(xs, record, i))
                env[i] = bump(i, value)
            for fn, inputs, outputs in selected:
                outs = fn(*[env.get(id(t._value), t._value) for t in inputs])
                outs = outs if isinstance(outs, (tuple, list)) else (outs,)
                for o, v in zip(outputs, outs, strict=True):
                    if id(o._value) not in stop:
                        env[id(o._value)] = bump(id(o._value), v)
            return [env.get(id(ys[i]._value), ys[i]._value) for i in targets]

        zeros = [jnp.zeros(np.shape(_value_of(xs[k])), xs[k].dtype.as_numpy_dtype)
                 for k in used]
        with tape.paused():
            outs, vjp = jax.vjp(replay, zeros)
            cot = [jnp.ones_like(o) if cots is None or cots[i] is None else
                   jnp.asarray(getattr(cots[i], "_value", cots[i]), o.dtype)
                   for i, o in zip(targets, outs, strict=True)]
            (gs,) = vjp(cot)
        for k, g in zip(used, gs, strict=True):
            grads[k] = Tensor(g, xs[k].dtype)
    if zero:
        grads = [Tensor(jnp.zeros(np.shape(_value_of(x)), x.dtype.as_numpy_dtype), x.dtype)
                 if g is None else g for x, g in zip(xs, grads, strict=True)]
    return grads


def _as_list(x):
    return list(x) if isinstance(x, (list, tuple)) else [x]


def _value_of(x):
    return x._storage.value if hasattr(x, "_is_variable") else x._value


def _source_tensors(xs, record, value_id):
    for x in xs:
        if hasattr(x, "_is_variable"):
            yield from (r for r in record.reads.get(id(x), []) if id(r._value) == value_id)
        elif id(x._value) == value_id:
            yield x


class _Everything:
    """The tracked set of a GraphRecord: it sees every op."""

    def __contains__(self, key) -> bool:
        return True

    def values(self):
        return ()


class GraphRecord:
    """Every differentiable op of a tf.function trace, as the tapes report it: TF's graph, as far
    as tf.gradients needs it. It sits on the tape stack while the trace runs."""

    def __init__(self):
        self.nodes: list = []
        self.reads: dict = {}  # id(variable) -> its read tensors
        self._tracked = _Everything()

    def _record(self, key, fn, inputs, outputs):
        self.nodes.append((fn, tuple(inputs), tuple(outputs)))

    def _on_read(self, var, tensor):
        self.reads.setdefault(id(var), []).append(tensor)


@contextlib.contextmanager
def graph_recording(frame):
    """Records the trace running under `frame` for tf.gradients (see GraphRecord)."""
    record = frame.graph = GraphRecord()
    tapes = tape._active()
    tapes.append(record)
    try:
        yield record
    finally:
        tapes.remove(record)
        frame.graph = None


@export("custom_gradient")
def custom_gradient(f=None):
    """`tf.custom_gradient`: `f(*x)` returns `(y, grad_fn)`; tapes differentiate `y` with
    `grad_fn(upstream)` (or `grad_fn(upstream, variables=...)` -> (input grads, variable grads)
    when `f` reads variables) instead of through `f`'s ops.

    Eagerly `f` runs once with the tapes paused, and the call is recorded as one node whose
    function is a `jax.custom_vjp`: the tape's replay then differentiates it with `grad_fn`.
    """
    if f is None:
        return custom_gradient

    @functools.wraps(f)
    def wrapped(*args, **kwargs):
        xs = [a if isinstance(a, Tensor) else (a.value() if hasattr(a, "_is_variable")
                                               else to_tensor(a)) for a in args]
        with tape.paused(), _ReadLog() as log:
            result, _ = f(*xs, **kwargs)
        variables = log.variables
        reads = [v.value() for v in variables]  # seen by the tapes: gradients reach variables
        if tape.is_recording():
            leaves, treedef = jax.tree_util.tree_flatten(
                result, is_leaf=lambda t: isinstance(t, Tensor))
            fn = _replayable(f, kwargs, len(xs), variables, treedef)
            tape.record(("custom_gradient", f, len(xs), len(variables), treedef), fn,
                        xs + reads, leaves)
        return result

    return wrapped


class _ReadLog:
    """Collects the variables `f` reads, in first-read order, while the tapes are paused."""

    def __enter__(self):
        self.variables = []
        self._seen = set()
        tape.read_hooks().append(self._on_read)
        return self

    def __exit__(self, *exc):
        tape.read_hooks().remove(self._on_read)

    def _on_read(self, var):
        if var.trainable and id(var) not in self._seen:
            self._seen.add(id(var))
            self.variables.append(var)


def _replayable(f, kwargs, n_in, variables, treedef):
    """`f` as a pure function of its inputs (and the variables' values), with `grad_fn` as its
    VJP, for the tape's replay."""

    def forward(vals):
        with tape.paused(traced=True):  # a tape inside `f` records its traced ops
            result, grad_fn = f(*[Tensor(v) for v in vals[:n_in]], **kwargs)
        leaves = jax.tree_util.tree_leaves(result, is_leaf=lambda t: isinstance(t, Tensor))
        return tuple(t._value for t in leaves), grad_fn

    @jax.custom_vjp
    def node(*vals):
        return forward(vals)[0]

    def fwd(*vals):
        return forward(vals)[0], vals

    def bwd(vals, cts):
        outs, grad_fn = forward(vals)
        upstream = [Tensor(c) for c in cts]
        upstream = jax.tree_util.tree_unflatten(treedef, upstream)
        upstream = upstream if isinstance(upstream, (list, tuple)) else [upstream]
        with tape.paused(traced=True):
            if variables:
                gx, gv = grad_fn(*upstream, variables=variables)
            else:
                gx, gv = grad_fn(*upstream), []
        gx = list(gx) if isinstance(gx, (list, tuple)) else [gx]
        grads = []
        for g, v in zip(gx + list(gv), vals, strict=True):
            grads.append(jnp.zeros_like(v) if g is None else jnp.asarray(
                g._value if isinstance(g, Tensor) else g, v.dtype))
        return tuple(grads)

    node.defvjp(fwd, bwd)
    return node
