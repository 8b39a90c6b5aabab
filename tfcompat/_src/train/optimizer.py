"""The TF 1 `tf.train.Optimizer` contract in eager mode, over optax transforms.

A subclass creates TF's slot variables in `_create_slots` (as TF's subclasses do), converts its
hyperparameters in `_prepare`, and supplies `_transform(hyper, **static)`: an optax
GradientTransformation whose state leaves are the variable's slots in creation order. Slots are
tfcompat Variables (the storage cells): `apply_gradients` passes every variable of the call, its
slots and the hyperparameters to one jitted function, cached by the variables' structure (so a
training loop compiles it once), and writes the new values back into the cells.

Hyperparameters follow TF 1: each is converted to a tensor (a Python float gives float32), then
cast to the variable's dtype, so a float64 variable sees 0.1f. They are arguments of the jitted
function, so callables (re-evaluated at each apply) and schedules do not recompile.
"""

import jax
import jax.numpy as jnp
import numpy as np

from tfcompat._src import dtypes, errors
from tfcompat._src.compile_cache import CompileCache
from tfcompat._src.export import export
from tfcompat._src.tape import GradientTape
from tfcompat._src.tensor import Tensor, host_array, to_tensor
from tfcompat._src.train import transforms
from tfcompat._src.variable import Variable

UPDATE_CACHE = CompileCache("optimizer.apply_gradients")
_DEVICE = "/job:localhost/replica:0/task:0/device:CPU:0"
_F32_MAX = float(np.finfo(np.float32).max)
_C_NAMES = {"float32": "float", "float64": "double", "float16": "half"}

# TF names slot variables inside `variable_scope(None, default_name="<var>/<optimizer>")`, which
# makes the scope name unique among every scope opened in the process: a second optimizer (or a
# second variable with the same name) gets "x/Adam_1". reset_default_graph() forgets them.
_SCOPE_COUNTS: dict[str, int] = {}


def _unique_scope(prefix: str) -> str:
    name = prefix
    i = 0
    while _SCOPE_COUNTS.get(name, 0):
        i += 1
        name = f"{prefix}_{i}"
    _SCOPE_COUNTS[name] = 1
    # Opening a scope resets the counts of its sub-scopes, as TF's store does.
    for k in _SCOPE_COUNTS:
        if k.startswith(name + "/"):
            _SCOPE_COUNTS[k] = 0
    return name


def _reset_scopes():
    _SCOPE_COUNTS.clear()


# Device copies of scalar hyperparameters: passing a NumPy scalar to a jitted function transfers
# it at every call (tens of microseconds each); a training loop reuses the same few values.
_SCALARS: dict = {}


def _on_device(array):
    if isinstance(array, (np.ndarray, np.generic)) and np.ndim(array) == 0:
        key = (array.dtype.str, array.tobytes())
        found = _SCALARS.get(key)
        if found is None:
            found = jnp.asarray(array)
            if isinstance(found, jax.core.Tracer):   # inside a tf.function trace: not cached
                return found
            if len(_SCALARS) >= 256:   # e.g. a schedule's values: keep the cache small
                _SCALARS.clear()
            _SCALARS[key] = found
        return found
    return array


def _call_if_callable(v):
    return v() if callable(v) else v


def convert_hyper(value, name: str):
    """TF's `ops.convert_to_tensor(value)` for a hyperparameter: (array, DType)."""
    if hasattr(value, "_is_variable"):
        value = value.value()
    if isinstance(value, Tensor):
        return value._value, value.dtype
    if type(value) is float and abs(value) <= _F32_MAX:   # the common case, converted quickly
        return np.float32(value), dtypes.float32
    if value is None or callable(value):
        raise ValueError(f"Attempt to convert a value ({value!r}) with an unsupported type "
                         f"({type(value)}) to a Tensor.")
    t = to_tensor(value)
    return t._value, t.dtype


def _kernel_error(kernel: str, message: str):
    return errors.InvalidArgumentError(
        None, None, f"{{{{function_node __wrapped__{kernel}_device_{_DEVICE}}}}} {message} "
        f"[Op:{kernel}] name: ")


def _shape_text(shape) -> str:
    return "[" + ",".join(str(d) for d in shape) + "]"


@export(v1=("train.Optimizer",))
class Optimizer:
    """`tf.compat.v1.train.Optimizer`: compute_gradients, apply_gradients, minimize, slots."""

    GATE_NONE = 0
    GATE_OP = 1
    GATE_GRAPH = 2

    # The kernel TF runs, for error messages; its gradient input's name in shape errors; and
    # whether TF casts the hyperparameters to the variable's dtype (the proximal ones do not).
    _kernel = ""
    _grad_arg = "grad"
    _casts_hyper = True

    def __init__(self, use_locking, name, use_own_namescope_for_non_slot_vars=False):
        if not name:
            raise ValueError("Must specify the optimizer name")
        self._use_locking = use_locking
        self._name = name
        self._use_own_namescope_for_non_slot_vars = use_own_namescope_for_non_slot_vars
        if use_own_namescope_for_non_slot_vars:
            self._non_slot_scope = _unique_scope(name)
        self._slots: dict[str, dict[int, Variable]] = {}   # slot name -> var uid -> slot
        self._var_slots: dict[int, list[Variable]] = {}    # var uid -> slots, creation order
        self._non_slot_dict: dict[str, Variable] = {}
        self._ready: set = set()   # uids of the variables _create_slots has seen

    def get_name(self) -> str:
        return self._name

    # -- slots -----------------------------------------------------------------------------

    def get_slot(self, var, name):
        """The slot Variable `name` created for `var`, or None."""
        return self._slots.get(name, {}).get(var._uid) if hasattr(var, "_uid") else None

    def get_slot_names(self):
        return sorted(self._slots)

    def variables(self):
        """Non-slot variables then slots, sorted by name (a stable sort, as TF's)."""
        found = list(self._non_slot_dict.values())
        for per_var in self._slots.values():
            found.extend(per_var.values())
        return sorted(found, key=lambda v: v.name)

    def _get_or_make_slot(self, var, value, slot_name, op_name):
        """Creates the slot (initial `value`: a scalar or an array) unless it exists."""
        if not hasattr(var, "_uid"):  # a Tensor in place of a variable: TF's _var_key fails
            raise AttributeError("'tensorflow.python.framework.ops.EagerTensor' object has no "
                                 "attribute '_unique_id'")
        named = self._slots.setdefault(slot_name, {})
        if var._uid not in named:
            # TF's slot initialisers convert their value to the variable's dtype directly.
            init = np.broadcast_to(host_array(value, var.dtype), tuple(var.shape))
            prefix = var.name[:-2] if var.name.endswith(":0") else var.name
            slot = Variable(np.array(init), trainable=False, dtype=var.dtype,
                            name=_unique_scope(f"{prefix}/{op_name}"))
            named[var._uid] = slot
            self._var_slots.setdefault(var._uid, []).append(slot)
        return named[var._uid]

    def _zeros_slot(self, var, slot_name, op_name):
        return self._get_or_make_slot(var, 0, slot_name, op_name)

    def _create_non_slot_variable(self, initial_value, name, colocate_with=None):
        v = self._non_slot_dict.get(name)
        if v is None:
            full = f"{self._non_slot_scope}/{name}" if \
                self._use_own_namescope_for_non_slot_vars else name
            v = Variable(initial_value, trainable=False, name=full)
            self._non_slot_dict[name] = v
        return v

    def _get_non_slot_variable(self, name, graph=None):
        return self._non_slot_dict.get(name)

    # -- subclass interface ----------------------------------------------------------------

    def _create_slots(self, var_list):
        pass

    def _prepare(self) -> dict:
        """The hyperparameters for this apply: name -> (array, DType), see `convert_hyper`."""
        return {}

    def _static_config(self) -> dict:
        """Hashable settings that change the update's structure (e.g. use_nesterov)."""
        return {}

    @staticmethod
    def _transform(hyper: dict, **static):  # -> optax.GradientTransformation
        raise NotImplementedError

    @staticmethod
    def _finish(non_slots: dict, hyper: dict, **static) -> dict:
        """New values of the non-slot variables after the updates (Adam's beta powers)."""
        return non_slots

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

    def apply_gradients(self, grads_and_vars, global_step=None, name=None,
                        skip_gradients_aggregation=False):
        """Updates each variable that has a gradient, then increments `global_step` by one.

        TF applies the variables one by one, so a bad gradient for the second variable leaves
        the first updated; here every gradient is checked first and a failed call changes no
        variable (the slots are created first, as in TF).
        """
        grads_and_vars = tuple(grads_and_vars)
        if not grads_and_vars:
            raise ValueError("No variables provided.")
        pairs = [(g, v) for g, v in grads_and_vars if g is not None]
        if not pairs:
            names = [str(v) for _, v in grads_and_vars]
            raise ValueError(f"No gradients provided for any variable: {names}.")
        variables = [v for _, v in pairs]
        if not all(getattr(v, "_uid", None) in self._ready for v in variables):
            self._create_slots(variables)
            self._ready.update(getattr(v, "_uid", None) for v in variables)
        hyper = self._prepare()
        for _, dt in hyper.values():
            if dt is dtypes.string:  # TF casts each hyperparameter to the variable's dtype
                want = variables[0].dtype.name
                raise errors.UnimplementedError(
                    None, None, f"{{{{function_node __wrapped__Cast_device_{_DEVICE}}}}} Cast "
                    f"string to {_C_NAMES.get(want, want)} is not supported [Op:Cast] name: ")
        grads = [self._checked_gradient(g, v, hyper) for g, v in pairs]

        static = self._static_config()
        step_var = global_step if hasattr(global_step, "_is_variable") else None
        params = [v._value for v in variables]
        slots = [[s._value for s in self._var_slots.get(v._uid, ())] for v in variables]
        non_slots = {k: v._value for k, v in self._non_slot_dict.items()}
        key = (type(self), tuple(sorted(static.items())),
               tuple((p.shape, p.dtype, len(s)) for p, s in zip(params, slots, strict=True)),
               tuple(non_slots), None if step_var is None else step_var.dtype)
        update = UPDATE_CACHE.get(key, lambda: _build_update(type(self), static))
        try:  # nothing is assigned until the whole update has been computed
            new_params, new_slots, new_non_slots, new_step = update(
                params, grads, slots, non_slots, {k: _on_device(a) for k, (a, _) in hyper.items()},
                None if step_var is None else step_var._value, _on_device(np.float32(1.0)))
        except errors.TRANSLATED as e:
            raise errors.from_jax(e) from None
        for v, p, s in zip(variables, new_params, new_slots, strict=True):
            v._storage.value = p
            for cell, value in zip(self._var_slots.get(v._uid, ()), s, strict=True):
                cell._storage.value = value
            if v.constraint is not None:
                v.assign(v.constraint(v))
        for k, value in new_non_slots.items():
            self._non_slot_dict[k]._storage.value = value
        if step_var is not None:
            step_var._storage.value = new_step
        elif global_step is not None:
            global_step.assign_add(1)
        return None

    def _checked_gradient(self, g, var, hyper):
        """The gradient as an array of the variable's dtype, or TF's kernel error."""
        if (isinstance(g, Tensor) and hasattr(var, "_is_variable") and g.dtype == var.dtype
                and self._casts_hyper and var.dtype.is_floating
                and np.shape(g._value) == var._value.shape):
            return g._value  # the common case, checked quickly
        if not hasattr(var, "_is_variable"):
            raise NotImplementedError("Trying to update a Tensor ", var)
        if hasattr(g, "_is_variable"):
            g = g.value()
        if isinstance(g, Tensor):
            if g.dtype != var.dtype and var.dtype.is_floating and not (
                    g.dtype.is_integer and not self._casts_hyper):
                # TF aborts the process here (a failed CHECK in the kernel); we raise.
                raise errors.InvalidArgumentError(
                    None, None, f"Gradient for variable {var.name} has dtype {g.dtype.name} "
                    f"but the variable has dtype {var.dtype.name}")
            g_dtype, g = g.dtype, g._value
        else:
            g_dtype, g = var.dtype, np.asarray(g, var.dtype.as_numpy_dtype)
        kernel = self._kernel_name()
        if not self._casts_hyper:
            # TF passes these hyperparameters uncast: each must have the gradient's dtype.
            inputs = [dt for _, dt in hyper.values()] + [g_dtype]
            for i, dt in enumerate(inputs[1:], start=1):
                if dt != inputs[0]:
                    n = i + self._first_hyper_input
                    raise errors.InvalidArgumentError(
                        None, None, f"cannot compute {kernel} as input #{n}(zero-based) was "
                        f"expected to be a {_C_NAMES.get(inputs[0].name, inputs[0].name)} tensor "
                        f"but is a {_C_NAMES.get(dt.name, dt.name)} tensor [Op:{kernel}] name: ")
        if not var.dtype.is_floating:
            raise errors.InvalidArgumentError(
                None, None, f"No OpKernel was registered to support Op '{kernel}' used by "
                f"{{{{node {kernel}}}}} with these attrs: [{self._kernel_attrs(var.dtype)}]")
        if tuple(np.shape(g)) != tuple(var.shape):
            raise _kernel_error(kernel, f"var and {self._grad_arg} do not have the same shape"
                                f"{_shape_text(var.shape)} {_shape_text(np.shape(g))}")
        return g

    _first_hyper_input = 1

    def _kernel_name(self) -> str:
        return self._kernel

    def _kernel_attrs(self, dtype) -> str:
        return f"T={_enum_name(dtype)}, use_locking={str(self._use_locking).lower()}"


def _build_update(cls, static):
    def update(params, grads, slots, non_slots, hyper, step, one):
        UPDATE_CACHE.traced()
        new_params, new_slots = [], []
        for p, g, s in zip(params, grads, slots, strict=True):
            # TF 1 converts hyperparameters to tensors, then casts them to the var's dtype.
            h = {k: (jnp.asarray(a).astype(p.dtype) if cls._casts_hyper else jnp.asarray(a))
                 for k, a in {**hyper, **non_slots}.items()}
            tx = cls._transform(h, **static)
            treedef = jax.tree.structure(jax.eval_shape(tx.init, p))
            state = jax.tree.unflatten(treedef, s)
            with transforms.separate_rounding(one):
                assign = getattr(tx.update, "new_params", None)
                if assign is not None:   # TF assigns the variable: no `p + (new - p)`
                    new_p, state = assign(g, state, p)
                else:
                    u, state = tx.update(g, state, p)
                    new_p = p + transforms.R(u)
            new_params.append(new_p)
            new_slots.append(jax.tree.leaves(state))
        new_non_slots = cls._finish(non_slots, hyper, **static)
        new_step = None if step is None else step + jnp.ones((), step.dtype)
        # `p + u*one` keeps XLA from contracting `p + (-lr) * g` into one FMA, one rounding
        # fewer than TF's kernels (see transforms.separate_rounding).
        return new_params, new_slots, new_non_slots, new_step

    return jax.jit(update)


def _enum_name(dtype) -> str:
    """TF's DataType enum name: DT_FLOAT, DT_INT32, ..."""
    return "DT_" + {"float32": "FLOAT", "float64": "DOUBLE", "float16": "HALF"}.get(
        dtype.name, dtype.name.upper())
