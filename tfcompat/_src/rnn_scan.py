"""The time loop shared by the Keras recurrent layers and TF 1's `dynamic_rnn`: one `jax.lax.scan`
under `jax.jit`, recorded on the tapes as ONE op (`interop.from_jax`), so a 100-step LSTM is one
compiled call forward and one compiled VJP backward.

A cell that can be scanned provides `_scan_params()` (its Variables, any pytree) and
`_scan_step()`: a pure JAX function `step(params, extras, x_t, states) -> (output, new_states)`
that is the same object for the same configuration (cached by the cell classes), so the compiled
program and the tape's gradient cache are reused from call to call. Cells without a step (user
subclasses, DropoutWrapper) run a Python loop of tfcompat ops instead (`python_loop`).
"""

import functools

import jax
import jax.numpy as jnp

from tfcompat._src import interop, tape
from tfcompat._src.tensor import Tensor


def jax_activation(act):
    """A tfcompat activation (Tensor -> Tensor) as a function of JAX arrays (for step functions)."""
    if act is None:
        return lambda a: a

    @functools.wraps(act)
    def f(a):
        with tape.paused():
            out = act(Tensor(a))
        return out._value if isinstance(out, Tensor) else jnp.asarray(out)
    return f


def _reverse_within(x, lengths):
    """x[b, t] <- x[b, len_b - 1 - t] for t < len_b (time-major x: [T, B, ...])."""
    t = jnp.arange(x.shape[0])[:, None]
    src = jnp.where(t < lengths[None, :], lengths[None, :] - 1 - t, t)
    src = src.reshape(src.shape + (1,) * (x.ndim - 2))
    return jnp.take_along_axis(x, jnp.broadcast_to(src, x.shape[:2] + (1,) * (x.ndim - 2)),
                               axis=0)


def _where(live, new, old):
    return jnp.where(live.reshape((-1,) + (1,) * (new.ndim - 1)), new, old)


@functools.lru_cache(maxsize=512)
def _program(step, trees, time_major, go_backwards, reverse_within, with_lengths,
             return_sequences, with_mask, zero_output_for_mask):
    """The jitted `run(x, *leaves) -> (outputs, final_states)` for one configuration."""
    params_tree, extras_tree, states_tree = trees
    n_p, n_e = params_tree.num_leaves, extras_tree.num_leaves

    def run(x, *leaves):
        params = jax.tree_util.tree_unflatten(params_tree, leaves[:n_p])
        extras = jax.tree_util.tree_unflatten(extras_tree, leaves[n_p:n_p + n_e])
        n_s = states_tree.num_leaves
        states = jax.tree_util.tree_unflatten(states_tree, leaves[n_p + n_e:n_p + n_e + n_s])
        xs = x if time_major else jnp.swapaxes(x, 0, 1)
        steps = xs.shape[0]
        lengths = leaves[-1].astype(jnp.int32) if with_lengths else None
        # Keras masks: [batch, time] ([time, batch] when time_major); True = a real step.
        mask = None
        if with_mask:
            mask = leaves[n_p + n_e + n_s].astype(bool)
            mask = mask if time_major else mask.T
            if go_backwards:
                mask = mask[::-1]
        if reverse_within:
            xs = _reverse_within(xs, lengths if with_lengths else
                                 jnp.full((xs.shape[1],), steps, jnp.int32))
        elif go_backwards:
            xs = xs[::-1]
        out0 = jax.eval_shape(lambda: step(params, extras, xs[0], states)[0])
        prev0 = jnp.zeros(out0.shape, out0.dtype)

        def body(carry, inp):
            t, x_t, m_t = inp
            state, prev = carry
            out, new = step(params, extras, x_t, state)
            new = jax.tree_util.tree_map(lambda n, c: n.astype(c.dtype), new, state)
            live = (t < lengths) if with_lengths else m_t
            if live is not None:
                new = jax.tree_util.tree_map(lambda n, c: _where(live, n, c), new, state)
                keep = jnp.zeros_like(out) if with_lengths or zero_output_for_mask else prev
                out = _where(live, out, keep)
            return (new, out), out

        inp = (jnp.arange(steps), xs, mask)
        (final, _), ys = jax.lax.scan(body, (states, prev0), inp)
        if not return_sequences:
            return ys[-1], final
        if reverse_within:
            ys = _reverse_within(ys, lengths if with_lengths else
                                 jnp.full((ys.shape[1],), steps, jnp.int32))
        return (ys if time_major else jnp.swapaxes(ys, 0, 1)), final

    return jax.jit(run)


def scan(step, params, extras, x, states, *, time_major=False, go_backwards=False,
         reverse_within=False, lengths=None, return_sequences=True, mask=None,
         zero_output_for_mask=False):
    """Runs `step` over the time axis of `x` (a Tensor) from `states` (a pytree of Tensors).

    Returns (outputs, final_states): outputs [B, T, out] (time-major [T, B, out] when
    `time_major`), or only the last step's output without `return_sequences`. `go_backwards`
    processes the steps last to first and keeps the outputs in that order (Keras 2);
    `reverse_within` reverses each sequence inside its length and reverses the outputs back
    (the backward half of TF 1's bidirectional_dynamic_rnn). With `lengths`, steps past a
    sequence's length output zeros and copy the state through (dynamic_rnn). With a Keras
    `mask`, masked steps copy the state through and repeat the previous output (zeros with
    `zero_output_for_mask`).
    """
    p_leaves, p_tree = jax.tree_util.tree_flatten(params, is_leaf=_is_leaf)
    e_leaves, e_tree = jax.tree_util.tree_flatten(extras, is_leaf=_is_leaf)
    s_leaves, s_tree = jax.tree_util.tree_flatten(states, is_leaf=_is_leaf)
    run = _program(step, (p_tree, e_tree, s_tree), bool(time_major), bool(go_backwards),
                   bool(reverse_within), lengths is not None, bool(return_sequences),
                   mask is not None, bool(zero_output_for_mask))
    args = [x, *p_leaves, *e_leaves, *s_leaves] + ([mask] if mask is not None else []) \
        + ([lengths] if lengths is not None else [])
    return interop.from_jax(run)(*args)


@functools.lru_cache(maxsize=512)
def _step_program(step, trees):
    params_tree, extras_tree, states_tree = trees
    n_p, n_e = params_tree.num_leaves, extras_tree.num_leaves

    def run(x, *leaves):
        params = jax.tree_util.tree_unflatten(params_tree, leaves[:n_p])
        extras = jax.tree_util.tree_unflatten(extras_tree, leaves[n_p:n_p + n_e])
        states = jax.tree_util.tree_unflatten(states_tree, leaves[n_p + n_e:])
        return step(params, extras, x, states)
    return jax.jit(run)


def step_op(step, params, extras, x, states):
    """One step of a cell, `step(params, extras, x, states) -> (output, new_states)`, as one
    recorded op (what calling a built-in cell on one time step runs)."""
    p_leaves, p_tree = jax.tree_util.tree_flatten(params, is_leaf=_is_leaf)
    e_leaves, e_tree = jax.tree_util.tree_flatten(extras, is_leaf=_is_leaf)
    s_leaves, s_tree = jax.tree_util.tree_flatten(states, is_leaf=_is_leaf)
    run = _step_program(step, (p_tree, e_tree, s_tree))
    return interop.from_jax(run)(x, *p_leaves, *e_leaves, *s_leaves)


def _is_leaf(x):
    return isinstance(x, Tensor) or hasattr(x, "_is_variable")
