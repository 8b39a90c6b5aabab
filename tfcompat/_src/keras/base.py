"""`tf.keras.optimizers.Optimizer` as TF 2.21 has it (Keras 3), over one jitted update per call.

Keras 3 keeps its state in `keras.Variable`s (`iterations`, `learning_rate`, one slot variable per
model variable and kind, named `<var>_0_momentum`), which `optimizer.variables` lists; here they are
`KerasVariable`s. A built-in optimizer supplies `_step(static, h, lr, it, g, v, slots)`, a pure JAX
function mirroring Keras's `update_step` operation by operation. `apply_gradients` runs loss
scaling, clipping, weight decay and every variable's step in one jitted function, cached by the
variables' structure, so a training loop compiles once. A user subclass that overrides
`update_step` (Keras's extension API) runs eagerly with tfcompat ops instead.

Rounding: XLA on CPU contracts `a + b * c` into one fused multiply-add, one rounding fewer than TF's
separate kernels. Steps therefore write such products as `k.mul(b, c)` = `b * c + zero` with a
traced zero: that contracts to fma(b, c, 0) = round(b * c), and the sum rounds separately. XLA also
rewrites `a / sqrt(b)` as `a * rsqrt(b)` (`k.sqrt` hides the sqrt the same way) and a division by
a broadcast scalar as a multiplication by its reciprocal (`k.div` materialises the divisor).
"""

import re
import warnings
from collections import defaultdict

import jax
import jax.numpy as jnp
import numpy as np

from tfcompat._src import dtypes, errors
from tfcompat._src.compile_cache import CompileCache
from tfcompat._src.export import export
from tfcompat._src.keras import schedules
from tfcompat._src.tensor import Tensor, to_tensor
from tfcompat._src.variable import Variable

UPDATE_CACHE = CompileCache("keras.optimizers.apply_gradients")
_NAME_UIDS: dict = defaultdict(int)
_DEVICE = "{{function_node __wrapped__%s_device_/job:localhost/replica:0/task:0/device:CPU:0}} "


def _snake_case(name: str) -> str:
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def _auto_name(cls_name: str) -> str:
    """Keras's object names: 'sgd', then 'sgd_1', 'sgd_2'... (one process-wide counter)."""
    prefix = _snake_case(cls_name)
    n = _NAME_UIDS[prefix]
    _NAME_UIDS[prefix] += 1
    return f"{prefix}_{n}" if n else prefix


class KerasVariable(Variable):
    """A `keras.Variable` as tf.keras optimizers create them: non-trainable, named without ':0',
    with a `path` ('adam/iteration') and Keras's repr. Keras gives `dtype` as a string
    ('float32'); here it stays the DType (equal to that string), which tfcompat's ops need."""

    def __init__(self, value, dtype, name: str, scope: str):
        super().__init__(value, trainable=False, dtype=dtype, name=name)
        self._keras_name = name
        self.path = f"{scope}/{name}"

    name = property(lambda self: self._keras_name)

    def __repr__(self):
        arr = np.asarray(self._storage.value)
        value = repr(arr.item()) if arr.ndim == 0 else str(arr)
        return (f"<Variable path={self.path}, shape={self.shape}, dtype={self.dtype.name}, "
                f"value={value}>")

    __str__ = __repr__


def _initial(initializer, shape, dtype):
    if callable(initializer):
        return initializer(shape, dtype)
    value = {"zeros": 0.0, "ones": 1.0}.get(initializer, initializer)
    if isinstance(value, float):   # Keras's Constant initializer casts as ops.cast does
        value = np.float32(value)
    return np.full(tuple(shape), value).astype(dtype.as_numpy_dtype)


def _array(x):
    """(array, DType) of a tensor-like, converted as TF converts it."""
    if hasattr(x, "_is_variable"):
        x = x.value()
    if not isinstance(x, Tensor):
        x = to_tensor(x)
    return x._value, x.dtype


class _Ctx:
    """What a step sees of one variable's dtype: hyperparameters cast to it, TF-rounded products."""

    def __init__(self, h, dtype):
        self.h, self.dtype = h, dtype
        self.zero = h["zero"].astype(dtype)

    def __getitem__(self, name):
        """A Python-float hyperparameter converted to the dtype, as Keras's ops convert it."""
        return self.h[name].astype(self.dtype)

    def f32(self, name):
        """A hyperparameter as `ops.cast(value, dtype)` gives it: TF's cast converts a Python
        float to a float32 tensor first (a float64 variable sees 0.9f = 0.8999999761581421)."""
        return self.h[name].astype(jnp.float32).astype(self.dtype)

    def cast(self, x):
        return jnp.asarray(x).astype(self.dtype)

    def mul(self, a, b):
        return a * b + self.zero

    div = staticmethod(lambda a, b: _div(a, b))

    def sqrt(self, x):
        """sqrt for a divisor: XLA rewrites a / sqrt(b) as a * rsqrt(b), which rounds
        differently; adding the traced zero hides the sqrt from that rewrite."""
        return jnp.sqrt(x) + self.zero


_LR_ERROR = ("Argument `learning_rate` should be float, or an instance of LearningRateSchedule, "
             "or a callable (that takes in the current iteration value and returns the "
             "corresponding learning rate value). Received instead: learning_rate={}")


@export("keras.Optimizer", "keras.optimizers.Optimizer")
class Optimizer:
    """`tf.keras.optimizers.Optimizer` (Keras 3): `apply_gradients`, `apply`, `build`,
    `iterations`, `learning_rate`, `variables`, clipping, weight decay, EMA, gradient
    accumulation, `get_config`/`from_config`. Like TF 2.21 it has no `minimize`."""

    # How TF reports a gradient whose shape does not fit its variable: the kernel of the first
    # op of `update_step` that meets both, whether the gradient is its first operand (`None` for
    # an assign op, which also rejects shapes that would broadcast), and the message's tail
    # (TF adds " name: " unless an operand is a Keras variable read directly, as in Adam).
    _shape_op: tuple = ("Sub", True, "")

    def __init__(self, learning_rate, weight_decay=None, clipnorm=None, clipvalue=None,
                 global_clipnorm=None, use_ema=False, ema_momentum=0.99,
                 ema_overwrite_frequency=None, loss_scale_factor=None,
                 gradient_accumulation_steps=None, name=None, **kwargs):
        if kwargs.pop("decay", None) is not None:
            warnings.warn("Argument `decay` is no longer supported and will be ignored.",
                          stacklevel=2)
        if kwargs:
            raise ValueError(f"Argument(s) not recognized: {kwargs}")
        self.name = _auto_name(type(self).__name__) if name is None else name
        self.weight_decay = weight_decay
        self.clipnorm = clipnorm
        self.global_clipnorm = global_clipnorm
        self.clipvalue = clipvalue
        self.use_ema = use_ema
        self.loss_scale_factor = loss_scale_factor
        self.gradient_accumulation_steps = gradient_accumulation_steps
        if gradient_accumulation_steps and not gradient_accumulation_steps >= 2:
            raise ValueError("`gradient_accumulation_steps` must be an integer >= 2. Received: "
                             f"gradient_accumulation_steps={gradient_accumulation_steps}")
        if use_ema:
            if ema_momentum > 1 or ema_momentum < 0:
                raise ValueError("`ema_momentum` must be in the range [0, 1]. Received: "
                                 f"ema_momentum={ema_momentum}")
            if ema_overwrite_frequency and (not isinstance(ema_overwrite_frequency, int)
                                            or ema_overwrite_frequency < 1):
                raise ValueError("`ema_overwrite_frequency` must be an integer >= 1 or None. "
                                 f"Received: ema_overwrite_frequency={ema_overwrite_frequency}")
        self.ema_momentum = ema_momentum
        self.ema_overwrite_frequency = ema_overwrite_frequency
        if sum(a is not None for a in (clipnorm, clipvalue, global_clipnorm)) > 1:
            raise ValueError(
                "Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. Received: "
                f"clipnorm={clipnorm}, clipvalue={clipvalue}, global_clipnorm={global_clipnorm}")
        self.built = False
        self._variables: list = []
        self._trainable_variables: list = []
        self._index: dict[int, int] = {}      # model variable uid -> position in build()
        self._slots: dict[int, dict] = {}     # model variable uid -> {slot name: KerasVariable}
        self._iterations = self._new_variable(0, dtypes.int64, "iteration")
        if isinstance(learning_rate, schedules.LearningRateSchedule) or callable(learning_rate):
            self._learning_rate = learning_rate
        elif isinstance(learning_rate, float):
            self._learning_rate = self._new_variable(learning_rate, dtypes.float32,
                                                     "learning_rate")
        else:
            raise ValueError(_LR_ERROR.format(learning_rate))

    def _new_variable(self, value, dtype, name):
        v = KerasVariable(value, dtype, name, self.name)
        self._variables.append(v)
        return v

    # -- state -------------------------------------------------------------------------------

    @property
    def iterations(self):
        """The step counter (int64); with gradient accumulation, optimizer steps taken."""
        if self.gradient_accumulation_steps:
            return Tensor(self._iterations._value // self.gradient_accumulation_steps,
                          dtypes.int64)
        return self._iterations

    @property
    def variables(self):
        return self._variables[:]

    @property
    def learning_rate(self):
        lr = self._learning_rate
        if isinstance(lr, schedules.LearningRateSchedule):
            return lr(self._iterations)
        if isinstance(lr, KerasVariable):
            return lr
        return lr() if callable(lr) else lr

    @learning_rate.setter
    def learning_rate(self, learning_rate):
        prev = self._learning_rate if isinstance(self._learning_rate, KerasVariable) else None
        if isinstance(learning_rate, schedules.LearningRateSchedule) or callable(learning_rate):
            self._learning_rate = learning_rate
        else:
            if isinstance(self._learning_rate, schedules.LearningRateSchedule):
                raise TypeError(
                    "This optimizer was created with a `LearningRateSchedule` object as its "
                    "`learning_rate` constructor argument, hence its learning rate is not "
                    "settable. If you need the learning rate to be settable, you should "
                    "instantiate the optimizer with a float `learning_rate` argument.")
            self._learning_rate.assign(learning_rate)
        if prev is not None and not isinstance(self._learning_rate, KerasVariable):
            self._variables = [v for v in self._variables if v is not prev]

    def add_variable(self, shape, initializer="zeros", dtype=None, aggregation="none",
                     layout=None, name=None):
        dtype = dtypes.float32 if dtype is None else dtypes.as_dtype(dtype)
        return self._new_variable(_initial(initializer, shape, dtype), dtype, name)

    def add_variable_from_reference(self, reference_variable, name=None, initializer="zeros"):
        ref = str(reference_variable.name).replace("/", "_").replace(":", "_")
        return self.add_variable(reference_variable.shape, initializer,
                                 reference_variable.dtype, name=f"{ref}_{name or 'var'}")

    def add_optimizer_variables(self, trainable_variables, name, initializer="zeros"):
        """One variable per model variable and name, interleaved per model variable."""
        names = [name] if isinstance(name, str) else list(name)
        inits = initializer if isinstance(initializer, (list, tuple)) else \
            [initializer] * len(names)
        out = tuple([] for _ in names)
        for v in trainable_variables:
            for i, (n, init) in enumerate(zip(names, inits, strict=True)):
                slot = self.add_variable_from_reference(v, name=n, initializer=init)
                self._slots.setdefault(v._uid, {})[n] = slot
                out[i].append(slot)
        return out[0] if isinstance(name, str) else out

    def build(self, variables):
        """Creates the slot variables of `variables`; the first apply calls it."""
        if self.use_ema:
            self._averages = self.add_optimizer_variables(variables, "average")
        if self.gradient_accumulation_steps:
            self._accumulators = self.add_optimizer_variables(variables, "gradient_accumulator")
        self._index = {v._uid: i for i, v in enumerate(variables)}
        self._trainable_variables = list(variables)
        for group in self._slot_groups():
            self.add_optimizer_variables(variables, [n for n, _ in group],
                                         [init for _, init in group])
        self._build_shared(variables)
        self.built = True
        from tfcompat._src.keras import tracking
        tracking.restore_deferred(self)   # slot values a checkpoint restore kept for build

    def _slot_groups(self):
        """[[(slot name, initializer)...]...]: each group interleaved per model variable."""
        return []

    def _build_shared(self, variables):
        """Variables shared by all model variables (Nadam's u_product)."""

    def _get_variable_index(self, variable):
        return self._index[variable._uid]

    def assign(self, variable, value):
        variable.assign(_cast_like(value, variable))

    def assign_add(self, variable, value):
        variable.assign_add(_cast_like(value, variable))

    def assign_sub(self, variable, value):
        variable.assign_sub(_cast_like(value, variable))

    def update_step(self, gradient, variable, learning_rate):
        raise NotImplementedError

    # -- applying gradients ------------------------------------------------------------------

    def apply_gradients(self, grads_and_vars):
        """Applies the gradients; returns the `iterations` variable, as tf.keras does."""
        grads, trainable_variables = zip(*grads_and_vars, strict=False)
        self.apply(grads, trainable_variables)
        return self._iterations

    def apply(self, grads, trainable_variables=None):
        """Updates the variables (by default those the optimizer was built with)."""
        if len(grads) == 0:
            return
        if trainable_variables is None:
            if not self.built:
                raise ValueError(
                    "When passing `grads` without `variables`, the optimizer must already be "
                    "built on a list of variables. Call `optimizer.build(trainable_variables)` "
                    "first. ")
            if len(grads) != len(self._index):
                raise ValueError(
                    "When passing `grads` as a list of gradient tensors, the gradients must "
                    "match `optimizer.variables` one-to-on. Received a list of "
                    f"{len(grads)} gradients, but the optimizer is tracking "
                    f"{len(self._trainable_variables)} trainable variables.")
            trainable_variables = self._trainable_variables
        else:
            trainable_variables = list(trainable_variables)
            if not self.built:
                self.build(trainable_variables)
                self.built = True
            for v in trainable_variables:
                if v._uid not in self._index:
                    raise ValueError(
                        f"Unknown variable: {v}. This optimizer can only be called for the "
                        "variables it was originally built with. When working with a new set "
                        "of variables, you should recreate a new optimizer instance.")
        pairs = [(g, v) for g, v in zip(grads, trainable_variables, strict=False)
                 if g is not None]
        missing = [v.name for g, v in zip(grads, trainable_variables, strict=False) if g is None]
        if not pairs:
            raise ValueError("No gradients provided for any variable.")
        if missing:
            warnings.warn(f"Gradients do not exist for variables {missing} when minimizing the "
                          "loss. If using `model.compile()`, did you forget to provide a `loss` "
                          "argument?", stacklevel=3)
        grads = [_array(g) for g, _ in pairs]
        variables = [v for _, v in pairs]
        if self.gradient_accumulation_steps:
            self._accumulate(grads, variables)
        else:
            self._update(grads, variables)
        if self.use_ema:
            self._update_ema()
        for v in variables:
            if v.constraint is not None:
                v.assign(v.constraint(v))
        self._iterations.assign_add(1)

    def _accumulate(self, grads, variables):
        """Keras's gradient accumulation: sum into accumulators; every `steps`-th call, update
        with the mean gradient and reset the accumulators."""
        steps = self.gradient_accumulation_steps
        accs = [self._slots[v._uid]["gradient_accumulator"] for v in variables]
        if (int(self._iterations.numpy()) + 1) % steps:
            for (g, _), acc in zip(grads, accs, strict=True):
                _set(acc, g + acc._value)
            return
        # An eager division by a Python number also multiplies by its reciprocal: divide by an
        # array of it.
        grads = [((g + acc._value) / jnp.full(np.shape(g), steps, acc._value.dtype), d)
                 for (g, d), acc in zip(grads, accs, strict=True)]
        self._update(grads, variables)
        for acc in accs:
            _set(acc, jnp.zeros_like(acc._value))

    def _update(self, grads, variables):
        if type(self).update_step is not Optimizer.update_step:
            return self._python_update(grads, variables)
        grads = [self._fit_shape(g, d, v) for (g, d), v in zip(grads, variables, strict=True)]
        lr, _ = _array(self.learning_rate)
        it = jnp.asarray(_array(self.iterations)[0], jnp.int64)
        static = (self._static(), self._clip_mode(), self.loss_scale_factor is not None,
                  tuple(self.weight_decay is not None and self._use_weight_decay(v)
                        for v in variables))
        h = {n: np.float64(x) for n, x in {**self._hyper(), **self._base_hyper()}.items()}
        slots = [{n: s._value for n, s in self._slots.get(v._uid, {}).items()
                  if n not in ("average", "gradient_accumulator")} for v in variables]
        shared = {n: s._value for n, s in self._shared_slots().items()}
        params = [v._value for v in variables]
        key = (type(self), static, tuple(sorted(h)), np.dtype(lr.dtype).name,
               tuple((np.shape(p), p.dtype.name) for p in params),
               tuple((np.shape(g), np.dtype(g.dtype).name) for g in grads),
               jax.tree_util.tree_structure((slots, shared)))
        fn = UPDATE_CACHE.get(key, lambda: _build_update(type(self), static))
        new_params, new_slots, new_shared = fn(params, grads, slots, shared, h, lr, it)
        for v, p, s in zip(variables, new_params, new_slots, strict=True):
            v._storage.value = p
            for n, value in s.items():
                self._slots[v._uid][n]._storage.value = value
        for n, value in new_shared.items():
            self._shared_slots()[n]._storage.value = value

    def _python_update(self, grads, variables):
        """A user subclass's `update_step`, run eagerly as Keras runs it."""
        grads = [Tensor(g, d) for g, d in grads]
        grads = self._clip_gradients([g / self.loss_scale_factor if self.loss_scale_factor
                                      else g for g in grads])
        if self.weight_decay is not None:
            for v in variables:
                if self._use_weight_decay(v):
                    lr = _cast_like(self.learning_rate, v)
                    v.assign_sub(v * _cast_like(self.weight_decay, v) * lr)
        for g, v in zip(grads, variables, strict=True):
            self.update_step(g, v, self.learning_rate)

    def _clip_gradients(self, grads):
        h = {k: np.float64(x) for k, x in self._base_hyper().items()}
        return [Tensor(g, t.dtype) for g, t in zip(
            _clip(self._clip_mode(), [jnp.asarray(t._value) for t in grads], h), grads,
            strict=True)]

    def _fit_shape(self, g, dtype, var):
        """A gradient of another shape fails in TF's first op that meets the variable; shapes
        that broadcast to the variable's pass through that op (except for assign ops)."""
        gs, vs = tuple(np.shape(g)), tuple(var.shape)
        if gs == vs:
            return g
        kernel, grad_first, tail = self._shape_op
        if grad_first is None:
            var._checked_update(np.zeros(gs, var._dtype.as_numpy_dtype), kernel)
        try:
            fits = np.broadcast_shapes(gs, vs) == vs
        except ValueError:
            fits = False
        if fits:
            return jnp.broadcast_to(g, vs)
        a, b = (gs, vs) if grad_first else (vs, gs)
        fmt = lambda s: "[" + ",".join(map(str, s)) + "]"  # noqa: E731
        raise errors.InvalidArgumentError(
            None, None, _DEVICE % kernel + f"Incompatible shapes: {fmt(a)} vs. {fmt(b)} "
            f"[Op:{kernel}]{tail}")

    def _update_ema(self):
        """Moving averages of all built variables (momentum 0 at the first step), and Keras's
        periodic overwrite of the variables with them."""
        first = int(np.asarray(self.iterations)) == 0
        for v in self._trainable_variables:
            avg = self._slots[v._uid]["average"]
            d = v._dtype.as_numpy_dtype
            mom = np.asarray(0.0 if first else 1.0, d) * np.asarray(self.ema_momentum, d)
            _set(avg, _ema(avg._value, v._value, mom, np.zeros((), d)))
        freq = self.ema_overwrite_frequency
        if freq and (int(np.asarray(self.iterations)) + 1) % freq == 0:
            for v in self._trainable_variables:
                _set(v, self._slots[v._uid]["average"]._value)

    def finalize_variable_values(self, var_list):
        """With `use_ema`, overwrites the variables with their moving averages."""
        if self.use_ema:
            for v in var_list:
                _set(v, self._slots[v._uid]["average"]._value)

    def exclude_from_weight_decay(self, var_list=None, var_names=None):
        # Keras means to refuse this once built, but tests a `_built` attribute it never sets.
        self._wd_excluded = {v._uid for v in var_list or ()}
        self._wd_pattern = re.compile("|".join(set(var_names))) if var_names else None

    def _use_weight_decay(self, variable):
        if variable._uid in getattr(self, "_wd_excluded", ()):
            return False
        pattern = getattr(self, "_wd_pattern", None)
        return pattern is None or re.search(pattern, variable.name) is None

    # -- what a built-in optimizer supplies ------------------------------------------------

    def _static(self):
        """Hashable settings that change the step's structure (e.g. nesterov)."""
        return ()

    def _hyper(self) -> dict:
        """Python-float hyperparameters, including differences Keras computes in Python."""
        return {}

    def _shared_slots(self) -> dict:
        return {}

    @staticmethod
    def _shared_step(static, h, it, shared):
        return shared

    def _clip_mode(self):
        if self.clipnorm and self.clipnorm > 0:
            return "norm"
        if self.global_clipnorm and self.global_clipnorm > 0:
            return "global"
        if self.clipvalue and self.clipvalue > 0:
            return "value"
        return None

    def _base_hyper(self):
        clip = self.clipnorm or self.global_clipnorm or self.clipvalue or 1.0
        return {"zero": 0.0, "clip": float(clip), "1/clip": 1.0 / clip,
                "loss_scale": float(self.loss_scale_factor or 1.0),
                "weight_decay": float(self.weight_decay or 0.0)}

    # -- config ------------------------------------------------------------------------------

    def get_config(self):
        lr = self._learning_rate
        if isinstance(lr, schedules.LearningRateSchedule):
            lr = schedules.serialize(lr)
        elif isinstance(lr, KerasVariable):
            lr = float(lr.numpy())
        return {"name": self.name, "learning_rate": lr, "weight_decay": self.weight_decay,
                "clipnorm": self.clipnorm, "global_clipnorm": self.global_clipnorm,
                "clipvalue": self.clipvalue, "use_ema": self.use_ema,
                "ema_momentum": self.ema_momentum,
                "ema_overwrite_frequency": self.ema_overwrite_frequency,
                "loss_scale_factor": self.loss_scale_factor,
                "gradient_accumulation_steps": self.gradient_accumulation_steps}

    @classmethod
    def from_config(cls, config, custom_objects=None):
        if isinstance(config.get("learning_rate"), dict):
            config["learning_rate"] = schedules.deserialize(config["learning_rate"],
                                                            custom_objects)
        return cls(**config)

    def scale_loss(self, loss):
        return loss * self.loss_scale_factor if self.loss_scale_factor is not None else loss


def _div(a, b):
    """a / b rounded as TF rounds it: a divisor that broadcasts is materialised behind an
    optimization barrier, or XLA multiplies by its reciprocal instead (an ulp off)."""
    shape = jnp.broadcast_shapes(jnp.shape(a), jnp.shape(b))
    if jnp.shape(b) != shape:
        b = jax.lax.optimization_barrier(jnp.broadcast_to(b, shape))
    return a / b


def _set(variable, value):
    variable._storage.value = jnp.asarray(value, variable._dtype.as_numpy_dtype)


def _cast_like(value, variable):
    arr, _ = _array(value)
    return Tensor(jnp.asarray(arr).astype(variable._dtype.as_numpy_dtype), variable._dtype)


@jax.jit
def _ema(avg, var, mom, zero):
    return (mom * avg + zero) + ((1 - mom) * var + zero)


def _clip(mode, grads, h):
    """Keras's gradient clipping, in each gradient's own dtype."""
    if mode == "norm":       # tf.clip_by_norm, per gradient
        out = []
        for g in grads:
            c = h["clip"].astype(g.dtype)
            l2sum = jnp.sum(g * g + h["zero"].astype(g.dtype), keepdims=True)
            pred = l2sum > 0
            l2norm = jnp.where(pred, jnp.sqrt(jnp.where(pred, l2sum, 1)), l2sum)
            out.append(_div(g * c, jnp.maximum(l2norm, c)))
        return out
    if mode == "global":     # Keras's clip_by_global_norm
        sq = jnp.sum(jnp.stack([jnp.sum(g * g + h["zero"].astype(g.dtype)) for g in grads]))
        d = sq.dtype
        norm = jnp.sqrt(sq) + h["zero"].astype(d)   # not 1/sqrt -> rsqrt below
        scale = h["clip"].astype(d) * jnp.minimum(1.0 / norm, h["1/clip"].astype(d))
        scale = scale + (norm - norm)
        return [g * scale for g in grads]
    if mode == "value":
        return [jnp.clip(g, -h["clip"].astype(g.dtype), h["clip"].astype(g.dtype))
                for g in grads]
    return grads


def _build_update(cls, static):
    own, clip_mode, scaled, decays = static

    def update(params, grads, slots, shared, h, lr, it):
        UPDATE_CACHE.traced()
        if scaled:
            grads = [_div(g, h["loss_scale"].astype(g.dtype)) for g in grads]
        grads = _clip(clip_mode, grads, h)
        shared = cls._shared_step(own, h, it, shared)
        new_params, new_slots = [], []
        for p, g, s, decay in zip(params, grads, slots, decays, strict=True):
            k = _Ctx(h, p.dtype)
            if decay:   # variable - variable * wd * lr, before the step
                p = p - k.mul(p * k.f32("weight_decay"), k.cast(lr))
            new, s = cls._step(own, k, k.cast(lr), it, k.cast(g), p, dict(s), shared)
            # Keras's assign casts to the variable's dtype (integer variables stay integer).
            new_params.append(new.astype(p.dtype))
            new_slots.append({n: x.astype(p.dtype) for n, x in s.items()})
        return new_params, new_slots, shared

    return jax.jit(update)
