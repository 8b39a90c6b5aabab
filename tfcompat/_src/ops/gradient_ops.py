"""The gradient API beside the tape: tf.stop_gradient, tf.custom_gradient, tf.gradients."""

import functools

import jax
import jax.numpy as jnp

from tfcompat._src import tape
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
              unconnected_gradients=None):
    """`tf.compat.v1.gradients` builds graph ops; in eager mode TF refuses it, and so do we."""
    raise RuntimeError("tf.gradients is not supported when eager execution is enabled. Use "
                       "tf.GradientTape instead.")


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
        with tape.paused():
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
        with tape.paused():
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
