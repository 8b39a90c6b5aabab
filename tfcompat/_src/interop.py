"""Using tfcompat from JAX: stateful TF code as pure functions, and JAX functions as tape ops.

    params = tfcompat.variables_of(model_variables)          # {name: jax.Array}
    pure = tfcompat.to_jax(train_step, model_variables)       # pure(params, *args) -> (out, params)
    out, params = jax.jit(pure)(params, x, y)
    tfcompat.assign_from(model_variables, params)            # back into the Variables

`to_jax` runs the function with a TraceFrame (function.py's mechanism): reads of the given
variables return the values passed in, assignments are collected and returned instead of applied.
"""

import functools

import jax

from tfcompat._src import tape, variable
from tfcompat._src.tensor import Tensor, to_tensor


def _names(variables) -> list[str]:
    """Unique keys for variables: their names, with _1, _2, ... for repeats (as TF uniquifies)."""
    seen: dict[str, int] = {}
    out = []
    for v in variables:
        base = v.name
        n = seen.get(base, 0)
        seen[base] = n + 1
        out.append(base if n == 0 else f"{base}_{n}")
    return out


def variables_of(variables) -> dict:
    """The current values of `variables` (a list of tf.Variables) as {unique name: jax.Array}."""
    variables = list(variables)
    return {k: jax.numpy.asarray(v._storage.value) for k, v in
            zip(_names(variables), variables, strict=True)}


def assign_from(variables, values: dict) -> None:
    """Writes {unique name: array} (as variables_of / to_jax return it) back into `variables`."""
    variables = list(variables)
    for k, v in zip(_names(variables), variables, strict=True):
        v.assign(Tensor(values[k], v.dtype))


def to_jax(fn, variables):
    """`fn(*args)`, which reads and assigns `variables`, as the pure function
    `pure(values, *args) -> (out, new_values)` for jax.jit, jax.grad and optax.

    Tensors in `out` become arrays; `values` maps unique names to arrays (see variables_of).
    """
    variables = list(variables)
    names = _names(variables)

    @functools.wraps(fn)
    def pure(values, *args, **kwargs):
        storages = [v._storage for v in variables]
        frame = variable.TraceFrame({s: values[k] for s, k in zip(storages, names, strict=True)})
        with tape.paused(), frame:
            out = fn(*args, **kwargs)
            out = jax.tree_util.tree_map(
                lambda x: x.value() if hasattr(x, "_is_variable") else x, out,
                is_leaf=lambda x: hasattr(x, "_is_variable"))
        out = jax.tree_util.tree_map(lambda t: t._value if isinstance(t, Tensor) else t, out,
                                     is_leaf=lambda x: isinstance(x, Tensor))
        return out, {k: frame.values[s] for k, s in zip(names, storages, strict=True)}

    return pure


def from_jax(jax_fn):
    """A JAX function as a tfcompat op: takes and returns Tensors, and is recorded on the
    gradient tapes (the tape differentiates it with JAX)."""

    @functools.wraps(jax_fn)
    def op(*args):
        tensors = [a.value() if hasattr(a, "_is_variable") else
                   a if isinstance(a, Tensor) else to_tensor(a) for a in args]
        out = jax_fn(*[t._value for t in tensors])
        leaves, treedef = jax.tree_util.tree_flatten(out)
        outs = [Tensor(x) for x in leaves]
        if tape.is_recording():
            tape.record(("from_jax", jax_fn, treedef),
                        lambda *vals: tuple(jax.tree_util.tree_leaves(jax_fn(*vals))),
                        tensors, outs)
        return jax.tree_util.tree_unflatten(treedef, outs)

    return op
