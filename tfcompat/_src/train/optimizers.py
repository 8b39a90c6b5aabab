"""The TF 1 optimizers (`tf.compat.v1.train.*Optimizer`), each an optax transform over the base.

Slots, their creation order and initial values, which hyperparameters may be callables, and which
are cast to the variable's dtype follow each TF 1 class. GradientDescent uses optax.sgd (it rounds
as TF does); the other rules are TF-exact transforms in transforms.py: optax's sgd-with-momentum,
adagrad and adadelta compute the same rules, but XLA contracts their multiply-adds into FMAs, so
they drift from TF by an ulp every few steps (measured), where these match TF bit for bit.
"""

import jax.numpy as jnp
import numpy as np

from tfcompat._src.export import export
from tfcompat._src.train import transforms
from tfcompat._src.train.optimizer import Optimizer, _call_if_callable, _enum_name, convert_hyper
from tfcompat._src.train.transforms import _optax


def _hypers(**values):
    return {k: convert_hyper(v, k) for k, v in values.items()}


def _called(**values):
    return _hypers(**{k: _call_if_callable(v) for k, v in values.items()})


@export(v1=("train.GradientDescentOptimizer",))
class GradientDescentOptimizer(Optimizer):
    """`tf.compat.v1.train.GradientDescentOptimizer`: var -= grad * lr (optax.sgd)."""

    _kernel = "ResourceApplyGradientDescent"
    _grad_arg = "delta"

    def __init__(self, learning_rate, use_locking=False, name="GradientDescent"):
        super().__init__(use_locking, name)
        self._learning_rate = learning_rate

    def _prepare(self):
        return _called(learning_rate=self._learning_rate)

    @staticmethod
    def _transform(hyper, **static):
        return _optax().sgd(hyper["learning_rate"])


@export(v1=("train.MomentumOptimizer",))
class MomentumOptimizer(Optimizer):
    """`tf.compat.v1.train.MomentumOptimizer` (transforms.tf_momentum; optax.sgd's rule):

        accum = accum * momentum + grad
        var -= accum * lr                 (use_nesterov: var -= grad * lr + accum * momentum * lr)

    Slot "momentum" (zeros).
    """

    _kernel = "ResourceApplyMomentum"

    def __init__(self, learning_rate, momentum, use_locking=False, name="Momentum",
                 use_nesterov=False):
        super().__init__(use_locking, name)
        self._learning_rate = learning_rate
        self._momentum = momentum
        self._use_nesterov = use_nesterov

    def _create_slots(self, var_list):
        for v in var_list:
            self._zeros_slot(v, "momentum", self._name)

    def _prepare(self):
        return _called(learning_rate=self._learning_rate, momentum=self._momentum)

    def _static_config(self):
        return {"nesterov": bool(self._use_nesterov)}

    @staticmethod
    def _transform(hyper, nesterov):
        return transforms.tf_momentum(hyper["learning_rate"], hyper["momentum"], nesterov)

    def _kernel_attrs(self, dtype):
        return (f"T={_enum_name(dtype)}, use_locking={str(self._use_locking).lower()}, "
                f"use_nesterov={str(bool(self._use_nesterov)).lower()}")


@export(v1=("train.AdamOptimizer",))
class AdamOptimizer(Optimizer):
    """`tf.compat.v1.train.AdamOptimizer`: transforms.tf_adam (TF's epsilon hat, not optax.adam).

    Slots "m", "v" (zeros); non-slot float32 variables "beta1_power", "beta2_power" start at
    beta1, beta2 and are multiplied by them after each apply (so step t uses beta**t).
    """

    _kernel = "ResourceApplyAdam"

    def __init__(self, learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-8,
                 use_locking=False, name="Adam", use_own_namescope_for_non_slot_vars=False):
        super().__init__(use_locking, name, use_own_namescope_for_non_slot_vars)
        self._lr = learning_rate
        self._beta1 = beta1
        self._beta2 = beta2
        self._epsilon = epsilon

    def _get_beta_accumulators(self):
        return (self._get_non_slot_variable("beta1_power"),
                self._get_non_slot_variable("beta2_power"))

    def _create_slots(self, var_list):
        first_var = min(var_list, key=lambda x: x.name)
        self._create_non_slot_variable(self._beta1, "beta1_power", first_var)
        self._create_non_slot_variable(self._beta2, "beta2_power", first_var)
        for v in var_list:
            self._zeros_slot(v, "m", self._name)
            self._zeros_slot(v, "v", self._name)

    def _prepare(self):
        return _called(learning_rate=self._lr, beta1=self._beta1, beta2=self._beta2,
                       epsilon=self._epsilon)

    @staticmethod
    def _transform(h):
        return transforms.tf_adam(h["learning_rate"], h["beta1"], h["beta2"], h["epsilon"],
                                  h["beta1_power"], h["beta2_power"])

    @staticmethod
    def _finish(non_slots, hyper):
        # In the beta powers' float32, with the uncast beta tensors, as TF's _finish.
        return {name: (p * jnp.asarray(hyper[beta])).astype(p.dtype) for name, beta, p in (
            ("beta1_power", "beta1", non_slots["beta1_power"]),
            ("beta2_power", "beta2", non_slots["beta2_power"]))}

    def _kernel_attrs(self, dtype):
        return (f"use_locking={str(self._use_locking).lower()}, T={_enum_name(dtype)}, "
                "use_nesterov=false")


@export(v1=("train.AdagradOptimizer",))
class AdagradOptimizer(Optimizer):
    """`tf.compat.v1.train.AdagradOptimizer` (transforms.tf_adagrad; optax.adagrad's rule with
    eps=0): accum += grad**2; var -= grad * lr * rsqrt(accum). Slot "accumulator" starts at
    `initial_accumulator_value`."""

    _kernel = "ResourceApplyAdagrad"

    def __init__(self, learning_rate, initial_accumulator_value=0.1, use_locking=False,
                 name="Adagrad"):
        if initial_accumulator_value <= 0.0:
            raise ValueError(f"initial_accumulator_value must be positive: "
                             f"{initial_accumulator_value}")
        super().__init__(use_locking, name)
        self._learning_rate = learning_rate
        self._initial_accumulator_value = initial_accumulator_value

    def _create_slots(self, var_list):
        for v in var_list:
            self._get_or_make_slot(v, self._initial_accumulator_value, "accumulator", self._name)

    def _prepare(self):
        return _called(learning_rate=self._learning_rate)

    @staticmethod
    def _transform(hyper):
        return transforms.tf_adagrad(hyper["learning_rate"])


@export(v1=("train.AdagradDAOptimizer",))
class AdagradDAOptimizer(Optimizer):
    """`tf.compat.v1.train.AdagradDAOptimizer` (transforms.tf_adagrad_da): dual averaging at
    step t = global_step + 1. Slots "gradient_accumulator" (zeros) and
    "gradient_squared_accumulator" (`initial_gradient_squared_accumulator_value`)."""

    _kernel = "ResourceApplyAdagradDA"

    def __init__(self, learning_rate, global_step, initial_gradient_squared_accumulator_value=0.1,
                 l1_regularization_strength=0.0, l2_regularization_strength=0.0,
                 use_locking=False, name="AdagradDA"):
        if initial_gradient_squared_accumulator_value <= 0.0:
            raise ValueError("initial_gradient_squared_accumulator_value must be positive: "
                             f"{initial_gradient_squared_accumulator_value}")
        super().__init__(use_locking, name)
        self._learning_rate = learning_rate
        self._initial_gradient_squared_accumulator_value = \
            initial_gradient_squared_accumulator_value
        self._l1_regularization_strength = l1_regularization_strength
        self._l2_regularization_strength = l2_regularization_strength
        self._global_step = global_step

    def _create_slots(self, var_list):
        for v in var_list:
            self._get_or_make_slot(v, 0.0, "gradient_accumulator", self._name)
            self._get_or_make_slot(v, self._initial_gradient_squared_accumulator_value,
                                   "gradient_squared_accumulator", self._name)

    def _prepare(self):
        # TF does not call a callable learning rate here; converting it fails, as in TF.
        hyper = _hypers(learning_rate=self._learning_rate,
                        l1=self._l1_regularization_strength,
                        l2=self._l2_regularization_strength)
        step, _ = convert_hyper(self._global_step, "global_step")
        # The kernel takes global_step + 1 as int64 and converts it to float.
        hyper["global_step"] = (jnp.asarray(step + 1).astype(np.float32), None)
        return hyper

    @staticmethod
    def _transform(h):
        return transforms.tf_adagrad_da(h["learning_rate"], h["l1"], h["l2"], h["global_step"])


@export(v1=("train.RMSPropOptimizer",))
class RMSPropOptimizer(Optimizer):
    """`tf.compat.v1.train.RMSPropOptimizer` (transforms.tf_rmsprop): epsilon inside the sqrt.

    Slots "rms" (ones), "mg" (zeros, centered only), "momentum" (zeros), in that order.
    """

    def __init__(self, learning_rate, decay=0.9, momentum=0.0, epsilon=1e-10, use_locking=False,
                 centered=False, name="RMSProp"):
        super().__init__(use_locking, name)
        self._learning_rate = learning_rate
        self._decay = decay
        self._momentum = momentum
        self._epsilon = epsilon
        self._centered = centered

    def _create_slots(self, var_list):
        for v in var_list:
            self._get_or_make_slot(v, 1, "rms", self._name)
            if self._centered:
                self._zeros_slot(v, "mg", self._name)
            self._zeros_slot(v, "momentum", self._name)

    def _prepare(self):
        return _called(learning_rate=self._learning_rate, decay=self._decay,
                       momentum=self._momentum, epsilon=self._epsilon)

    def _static_config(self):
        return {"centered": bool(self._centered)}

    @staticmethod
    def _transform(h, centered):
        return transforms.tf_rmsprop(h["learning_rate"], h["decay"], h["momentum"],
                                     h["epsilon"], centered=centered)

    def _kernel_name(self):
        return "ResourceApplyCenteredRMSProp" if self._centered else "ResourceApplyRMSProp"


@export(v1=("train.AdadeltaOptimizer",))
class AdadeltaOptimizer(Optimizer):
    """`tf.compat.v1.train.AdadeltaOptimizer` (transforms.tf_adadelta; optax.adadelta's rule):

        accum = accum * rho + grad**2 * (1 - rho)
        update = sqrt(accum_update + eps) * rsqrt(accum + eps) * grad;  var -= update * lr
        accum_update = accum_update * rho + update**2 * (1 - rho)

    Slots "accum", "accum_update" (zeros).
    """

    _kernel = "ResourceApplyAdadelta"

    def __init__(self, learning_rate=0.001, rho=0.95, epsilon=1e-8, use_locking=False,
                 name="Adadelta"):
        super().__init__(use_locking, name)
        self._lr = learning_rate
        self._rho = rho
        self._epsilon = epsilon

    def _create_slots(self, var_list):
        for v in var_list:
            self._zeros_slot(v, "accum", self._name)
            self._zeros_slot(v, "accum_update", self._name)

    def _prepare(self):
        return _called(learning_rate=self._lr, rho=self._rho, epsilon=self._epsilon)

    @staticmethod
    def _transform(h):
        return transforms.tf_adadelta(h["learning_rate"], h["rho"], h["epsilon"])


@export(v1=("train.FtrlOptimizer",))
class FtrlOptimizer(Optimizer):
    """`tf.compat.v1.train.FtrlOptimizer` (transforms.tf_ftrl). Slots "accum"
    (`initial_accumulator_value`) and "linear" (zeros). The learning rate may not be a callable
    (TF converts it as is). `beta` adds beta / (2 * lr) to l2, in float32 as TF computes it."""

    def __init__(self, learning_rate, learning_rate_power=-0.5, initial_accumulator_value=0.1,
                 l1_regularization_strength=0.0, l2_regularization_strength=0.0,
                 use_locking=False, name="Ftrl", accum_name=None, linear_name=None,
                 l2_shrinkage_regularization_strength=0.0, beta=None):
        super().__init__(use_locking, name)
        checks = (
            (initial_accumulator_value < 0.0, "initial_accumulator_value %f needs to be "
             "positive or zero", initial_accumulator_value),
            (learning_rate_power > 0.0, "learning_rate_power %f needs to be negative or zero",
             learning_rate_power),
            (l1_regularization_strength < 0.0, "l1_regularization_strength %f needs to be "
             "positive or zero", l1_regularization_strength),
            (l2_regularization_strength < 0.0, "l2_regularization_strength %f needs to be "
             "positive or zero", l2_regularization_strength),
            (l2_shrinkage_regularization_strength < 0.0, "l2_shrinkage_regularization_strength "
             "%f needs to be positive or zero", l2_shrinkage_regularization_strength))
        for failed, message, value in checks:
            if failed:
                raise ValueError(message % value)
        self._learning_rate = learning_rate
        self._learning_rate_power = learning_rate_power
        self._initial_accumulator_value = initial_accumulator_value
        self._l1_regularization_strength = l1_regularization_strength
        self._l2_regularization_strength = l2_regularization_strength
        self._beta = 0.0 if beta is None else beta
        self._l2_shrinkage_regularization_strength = l2_shrinkage_regularization_strength
        self._accum_name = accum_name
        self._linear_name = linear_name

    def _create_slots(self, var_list):
        for v in var_list:
            self._get_or_make_slot(v, self._initial_accumulator_value, "accum",
                                   self._accum_name or self._name)
            self._zeros_slot(v, "linear", self._linear_name or self._name)

    def _prepare(self):
        hyper = _hypers(learning_rate=self._learning_rate, l1=self._l1_regularization_strength)
        lr, lr_dtype = hyper["learning_rate"]
        # l2 + beta / (2 * max(lr, 1e-36)), in the learning rate's dtype (TF's tensor math).
        dt = lr_dtype.as_numpy_dtype
        with np.errstate(all="ignore"):
            l2 = dt(self._l2_regularization_strength) + dt(self._beta) / (
                dt(2.0) * np.maximum(np.asarray(lr, dt), dt(1e-36)))
        hyper["l2"] = (np.asarray(l2, dt), lr_dtype)
        if self._v2():
            hyper["l2_shrinkage"] = convert_hyper(self._l2_shrinkage_regularization_strength, "")
        hyper["learning_rate_power"] = convert_hyper(self._learning_rate_power, "")
        return hyper

    def _v2(self):
        return not self._l2_shrinkage_regularization_strength <= 0.0

    def _static_config(self):
        return {"v2": self._v2()}

    @staticmethod
    def _transform(h, v2):
        return transforms.tf_ftrl(h["learning_rate"], h["l1"], h["l2"], h["learning_rate_power"],
                                  l2_shrinkage=h["l2_shrinkage"] if v2 else None)

    def _kernel_name(self):
        return "ResourceApplyFtrlV2" if self._v2() else "ResourceApplyFtrl"


@export(v1=("train.ProximalGradientDescentOptimizer",))
class ProximalGradientDescentOptimizer(Optimizer):
    """`tf.compat.v1.train.ProximalGradientDescentOptimizer`
    (transforms.tf_proximal_gradient_descent). TF passes its hyperparameters uncast, so only a
    float32 variable works with Python-float hyperparameters (TF's error otherwise)."""

    _kernel = "ResourceApplyProximalGradientDescent"
    _grad_arg = "delta"
    _casts_hyper = False

    def __init__(self, learning_rate, l1_regularization_strength=0.0,
                 l2_regularization_strength=0.0, use_locking=False,
                 name="ProximalGradientDescent"):
        super().__init__(use_locking, name)
        self._learning_rate = learning_rate
        self._l1_regularization_strength = l1_regularization_strength
        self._l2_regularization_strength = l2_regularization_strength

    def _prepare(self):
        return _hypers(learning_rate=self._learning_rate, l1=self._l1_regularization_strength,
                       l2=self._l2_regularization_strength)

    @staticmethod
    def _transform(h):
        return transforms.tf_proximal_gradient_descent(h["learning_rate"], h["l1"], h["l2"])


@export(v1=("train.ProximalAdagradOptimizer",))
class ProximalAdagradOptimizer(Optimizer):
    """`tf.compat.v1.train.ProximalAdagradOptimizer` (transforms.tf_proximal_adagrad). Slot
    "accumulator"; hyperparameters uncast, as for ProximalGradientDescent."""

    _kernel = "ResourceApplyProximalAdagrad"
    _casts_hyper = False
    _first_hyper_input = 2

    def __init__(self, learning_rate, initial_accumulator_value=0.1,
                 l1_regularization_strength=0.0, l2_regularization_strength=0.0,
                 use_locking=False, name="ProximalAdagrad"):
        if initial_accumulator_value <= 0.0:
            raise ValueError(f"initial_accumulator_value must be positive: "
                             f"{initial_accumulator_value}")
        super().__init__(use_locking, name)
        self._learning_rate = learning_rate
        self._initial_accumulator_value = initial_accumulator_value
        self._l1_regularization_strength = l1_regularization_strength
        self._l2_regularization_strength = l2_regularization_strength

    def _create_slots(self, var_list):
        for v in var_list:
            self._get_or_make_slot(v, self._initial_accumulator_value, "accumulator", self._name)

    def _prepare(self):
        return _hypers(learning_rate=self._learning_rate, l1=self._l1_regularization_strength,
                       l2=self._l2_regularization_strength)

    @staticmethod
    def _transform(h):
        return transforms.tf_proximal_adagrad(h["learning_rate"], h["l1"], h["l2"])
