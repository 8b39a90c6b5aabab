"""The TF 1 `tf.train.Optimizer` contract in eager mode, over optax transforms.

A subclass supplies `_transform(hyper, **static)`, an optax GradientTransformation built from its
hyperparameter values (float32 scalars cast to each variable's dtype, as TF 1 casts them), and
names its hyperparameters in `_hyper_names`. `apply_gradients` updates every variable of one call
in a single jitted function, cached by the variables' shapes and dtypes, so a training loop
compiles it once. Optimizer state (TF's slots) is created lazily at the first apply.
"""

import jax
import jax.numpy as jnp
import numpy as np
import optax

from tfcompat._src import errors
from tfcompat._src.compile_cache import CompileCache
from tfcompat._src.export import export
from tfcompat._src.tape import GradientTape
from tfcompat._src.tensor import Tensor

UPDATE_CACHE = CompileCache("optimizer.apply_gradients")


def _call_if_callable(v):
    return v() if callable(v) else v


@export(v1=("train.Optimizer",))
class Optimizer:
    """`tf.compat.v1.train.Optimizer`: compute_gradients, apply_gradients, minimize."""

    GATE_NONE = 0
    GATE_OP = 1
    GATE_GRAPH = 2
    _hyper_names: tuple[str, ...] = ()

    def __init__(self, use_locking: bool, name: str):
        if not name:
            raise ValueError("Must specify the optimizer name")
        self._use_locking = use_locking
        self._name = name
        self._states: dict[int, tuple] = {}   # variable uid -> (variable, optax state)

    def get_name(self) -> str:
        return self._name

    # -- subclass interface ----------------------------------------------------------------

    @staticmethod
    def _transform(hyper: dict, **static) -> optax.GradientTransformation:
        raise NotImplementedError

    def _static_config(self) -> dict:
        """Hashable settings that change the update's structure (e.g. use_nesterov)."""
        return {}

    # -- TF 1 API --------------------------------------------------------------------------

    def compute_gradients(self, loss, var_list=None, gate_gradients=GATE_OP,
                          aggregation_method=None, colocate_gradients_with_ops=False,
                          grad_loss=None):
        """Runs the callable `loss` under a fresh tape; returns [(gradient or None, variable)]."""
        if not callable(loss):
            raise RuntimeError("`loss` passed to Optimizer.compute_gradients should be a "
                               "function when eager execution is enabled.")
        with GradientTape() as tape:
            if var_list is not None:
                tape.watch(var_list)
            loss_value = loss()
        if var_list is None:
            var_list = tape.watched_variables()
        var_list = list(var_list)
        grads = tape.gradient(loss_value, var_list, grad_loss)
        return list(zip(grads, var_list, strict=True))

    def minimize(self, loss, global_step=None, var_list=None, gate_gradients=GATE_OP,
                 aggregation_method=None, colocate_gradients_with_ops=False, name=None,
                 grad_loss=None):
        """compute_gradients then apply_gradients; returns None in eager mode, as TF does."""
        grads_and_vars = self.compute_gradients(loss, var_list=var_list, grad_loss=grad_loss)
        if not any(g is not None for g, _ in grads_and_vars):
            names = [str(v) for _, v in grads_and_vars]
            raise ValueError(
                "No gradients provided for any variable, check your graph for ops that do not "
                f"support gradients, between variables {names} and loss {loss}.")
        return self.apply_gradients(grads_and_vars, global_step=global_step, name=name)

    def apply_gradients(self, grads_and_vars, global_step=None, name=None):
        """Updates each variable that has a gradient; then increments `global_step` by one."""
        grads_and_vars = tuple(grads_and_vars)
        if not grads_and_vars:
            raise ValueError("No variables provided.")
        pairs = [(g, v) for g, v in grads_and_vars if g is not None]
        if not pairs:
            names = [str(v) for _, v in grads_and_vars]
            raise ValueError(f"No gradients provided for any variable: {names}.")
        variables = [v for _, v in pairs]
        grads = [self._checked_gradient(g, v) for g, v in pairs]
        states = [self._state(v) for v in variables]
        hyper = {k: np.float32(_call_if_callable(getattr(self, "_" + k)))
                 for k in self._hyper_names}
        static = self._static_config()
        key = (type(self), tuple(sorted(static.items())),
               tuple((tuple(v.shape), v.dtype) for v in variables),
               jax.tree_util.tree_structure(states))
        update = UPDATE_CACHE.get(key, lambda: _build_update(type(self)._transform, static))
        new_params, new_states, _ = update([v._value for v in variables], grads, states, hyper)
        for v, p, s in zip(variables, new_params, new_states, strict=True):
            v._storage.value = p
            self._states[v._uid] = (v, s)
        if global_step is not None:
            global_step.assign_add(1)
        return None

    def _state(self, var):
        entry = self._states.get(var._uid)
        if entry is None:
            zeros = {k: np.float32(0) for k in self._hyper_names}
            state = self._transform(zeros, **self._static_config()).init(var._value)
            self._states[var._uid] = entry = (var, state)
        return entry[1]

    @staticmethod
    def _checked_gradient(g, var):
        if hasattr(g, "_is_variable"):
            g = g.value()
        if isinstance(g, Tensor):
            if g.dtype != var.dtype:
                raise errors.InvalidArgumentError(
                    None, None, f"Gradient for variable {var.name} has dtype {g.dtype.name} but "
                    f"the variable has dtype {var.dtype.name}")
            g = g._value
        else:
            g = np.asarray(g, var.dtype.as_numpy_dtype)
        if not var.dtype.is_floating and not var.dtype.is_complex:
            raise errors.InvalidArgumentError(
                None, None, f"No OpKernel was registered to support an update of a variable of "
                f"dtype {var.dtype.name}")
        if tuple(np.shape(g)) != tuple(var.shape):
            raise errors.InvalidArgumentError(
                None, None, f"var and delta do not have the same shape"
                f"{list(var.shape)} {list(np.shape(g))}".replace(", ", ","))
        return g


def _build_update(transform, static):
    def update(params, grads, states, hyper):
        UPDATE_CACHE.traced()
        new_params, new_states, updates = [], [], []
        for p, g, s in zip(params, grads, states, strict=True):
            # TF 1 converts hyperparameters to float32 tensors, then casts to the var's dtype.
            tx = transform({k: jnp.asarray(h).astype(p.dtype) for k, h in hyper.items()},
                           **static)
            u, s = tx.update(g, s, p)
            new_params.append(optax.apply_updates(p, u))
            new_states.append(s)
            updates.append(u)
        # Returning the updates makes XLA materialise them: otherwise it contracts
        # `p + (-lr) * g` into one FMA, one rounding fewer than TF's kernels (1 ulp per step).
        return new_params, new_states, updates

    return jax.jit(update)
