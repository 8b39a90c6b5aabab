"""The tf.keras (Keras 3) optimizers of TF 2.21, each a pure step mirroring Keras's `update_step`.

A step gets `k` (hyperparameters cast to the variable's dtype, `k.mul` for products that TF rounds
before an add), the learning rate and gradient cast to the variable's dtype, the iteration count
before this step, the variable and its slots, and returns the new variable and slots. Where Keras
computes a difference of Python floats (`1 - self.beta_1`) it is passed in as one hyperparameter,
rounded once; where it casts first (Nadam, Lion) the difference is taken in the variable's dtype.
Not optax: Keras's operation order (lr inside the SGD buffer, epsilon-hat Adam, ...) differs from
optax's by rounding, and Keras exposes each slot as a named variable.
"""

import jax.numpy as jnp

from tfcompat._src.export import export
from tfcompat._src.keras.base import Optimizer, _auto_name

_BASE = ("weight_decay", "clipnorm", "clipvalue", "global_clipnorm", "use_ema", "ema_momentum",
         "ema_overwrite_frequency", "loss_scale_factor", "gradient_accumulation_steps", "name")


def _base_kwargs(local):
    return {k: local[k] for k in _BASE}


def _power_step(k, it, offset=1):
    return k.cast(it + offset)


@export("keras.optimizers.SGD")
class SGD(Optimizer):
    """Keras SGD: m = momentum*m - lr*g; v += m (nesterov: v += momentum*m - lr*g)."""

    def __init__(self, learning_rate=0.01, momentum=0.0, nesterov=False, weight_decay=None,
                 clipnorm=None, clipvalue=None, global_clipnorm=None, use_ema=False,
                 ema_momentum=0.99, ema_overwrite_frequency=None, loss_scale_factor=None,
                 gradient_accumulation_steps=None, name=None, **kwargs):
        super().__init__(learning_rate=learning_rate, **_base_kwargs(locals()), **kwargs)
        if not isinstance(momentum, float) or momentum < 0 or momentum > 1:
            raise ValueError("`momentum` must be a float between [0, 1].")
        self.momentum = momentum
        self.nesterov = nesterov
        self._shape_op = (("Sub", False, " name: ") if momentum != 0
                          else ("AssignSubVariableOp", None, ""))

    def _slot_groups(self):
        return [[("momentum", "zeros")]] if self.momentum != 0 else []

    def _static(self):
        return (self.momentum != 0, bool(self.nesterov))

    def _hyper(self):
        return {"momentum": float(self.momentum)}

    @staticmethod
    def _step(static, k, lr, it, g, v, s, shared):
        has_momentum, nesterov = static
        if not has_momentum:
            return v - k.mul(g, lr), s
        momentum = k.f32("momentum")
        m = k.mul(s["momentum"], momentum) - k.mul(g, lr)
        s["momentum"] = m
        if nesterov:
            return v + (k.mul(m, momentum) - k.mul(g, lr)), s
        return v + m, s

    def get_config(self):
        return {**super().get_config(), "momentum": self.momentum, "nesterov": self.nesterov}


@export("keras.optimizers.Adam")
class Adam(Optimizer):
    """Keras Adam, epsilon-hat form: alpha = lr*sqrt(1-b2^t)/(1-b1^t) with b^t computed as
    power(beta, iterations + 1) in the variable's dtype; v -= m*alpha/(sqrt(v)+eps)."""

    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7,
                 amsgrad=False, weight_decay=None, clipnorm=None, clipvalue=None,
                 global_clipnorm=None, use_ema=False, ema_momentum=0.99,
                 ema_overwrite_frequency=None, loss_scale_factor=None,
                 gradient_accumulation_steps=None, name=None, **kwargs):
        super().__init__(learning_rate=learning_rate, **_base_kwargs(locals()), **kwargs)
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon
        self.amsgrad = amsgrad

    def _slot_groups(self):
        groups = [[("momentum", "zeros"), ("velocity", "zeros")]]
        return groups + [[("velocity_hat", "zeros")]] if self.amsgrad else groups

    def _static(self):
        return (bool(self.amsgrad),)

    def _hyper(self):
        return {"beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon,
                "1-beta_1": 1 - self.beta_1, "1-beta_2": 1 - self.beta_2}

    @staticmethod
    def _step(static, k, lr, it, g, v, s, shared):
        t = _power_step(k, it)
        b1p, b2p = jnp.power(k.f32("beta_1"), t), jnp.power(k.f32("beta_2"), t)
        alpha = lr * jnp.sqrt(1 - b2p) / (1 - b1p)
        m = s["momentum"] + k.mul(g - s["momentum"], k["1-beta_1"])
        vel = s["velocity"] + k.mul(k.mul(g, g) - s["velocity"], k["1-beta_2"])
        s["momentum"], s["velocity"] = m, vel
        if static[0]:
            vel = s["velocity_hat"] = jnp.maximum(s["velocity_hat"], vel)
        return v - (m * alpha) / (jnp.sqrt(vel) + k["epsilon"]), s

    def get_config(self):
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2,
                "epsilon": self.epsilon, "amsgrad": self.amsgrad}


@export("keras.optimizers.AdamW")
class AdamW(Adam):
    """Keras AdamW: Adam after the base optimizer's decoupled decay v -= v*weight_decay*lr."""

    def __init__(self, learning_rate=0.001, weight_decay=0.004, beta_1=0.9, beta_2=0.999,
                 epsilon=1e-7, amsgrad=False, clipnorm=None, clipvalue=None,
                 global_clipnorm=None, use_ema=False, ema_momentum=0.99,
                 ema_overwrite_frequency=None, loss_scale_factor=None,
                 gradient_accumulation_steps=None, name=None, **kwargs):
        super().__init__(learning_rate=learning_rate, beta_1=beta_1, beta_2=beta_2,
                         epsilon=epsilon, amsgrad=amsgrad, **_base_kwargs(locals()), **kwargs)
        if self.weight_decay is None:
            raise ValueError("Argument `weight_decay` must be a float. Received: "
                             "weight_decay=None")


@export("keras.optimizers.Adamax")
class Adamax(Optimizer):
    """Keras Adamax: m += (g-m)(1-b1); u = max(b2*u, |g|); v -= lr*m / ((1-b1^t)(u+eps))."""

    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7,
                 weight_decay=None, clipnorm=None, clipvalue=None, global_clipnorm=None,
                 use_ema=False, ema_momentum=0.99, ema_overwrite_frequency=None,
                 loss_scale_factor=None, gradient_accumulation_steps=None, name=None,
                 **kwargs):
        super().__init__(learning_rate=learning_rate, **_base_kwargs(locals()), **kwargs)
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon

    def _slot_groups(self):
        return [[("momentum", "zeros"), ("norm", "zeros")]]

    def _hyper(self):
        return {"beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon,
                "1-beta_1": 1 - self.beta_1}

    @staticmethod
    def _step(static, k, lr, it, g, v, s, shared):
        b1p = jnp.power(k.f32("beta_1"), _power_step(k, it))
        m = s["momentum"] + k.mul(g - s["momentum"], k["1-beta_1"])
        u = jnp.maximum(k["beta_2"] * s["norm"], jnp.abs(g))
        s["momentum"], s["norm"] = m, u
        return v - (lr * m) / ((1 - b1p) * (u + k["epsilon"])), s

    def get_config(self):
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2,
                "epsilon": self.epsilon}


@export("keras.optimizers.Nadam")
class Nadam(Optimizer):
    """Keras Nadam, with its shared `u_product` variable (in the first variable's dtype)
    updated once per step before the variables."""

    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7,
                 weight_decay=None, clipnorm=None, clipvalue=None, global_clipnorm=None,
                 use_ema=False, ema_momentum=0.99, ema_overwrite_frequency=None,
                 loss_scale_factor=None, gradient_accumulation_steps=None, name=None,
                 **kwargs):
        super().__init__(learning_rate=learning_rate, **_base_kwargs(locals()), **kwargs)
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon

    def _slot_groups(self):
        return [[("momentum", "zeros"), ("velocity", "zeros")]]

    def _build_shared(self, variables):
        from tfcompat._src import dtypes
        dtype = variables[0]._dtype if variables else dtypes.float32
        # Keras names an unnamed variable 'variable', 'variable_1'... process-wide.
        self._u_product = self._new_variable(1.0, dtype, _auto_name("variable"))

    def _shared_slots(self):
        return {"u_product": self._u_product}

    def _hyper(self):
        return {"beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon}

    @staticmethod
    def _shared_step(static, h, it, shared):
        u = shared["u_product"]
        d = u.dtype
        p = jnp.power(jnp.asarray(0.96, d), (it + 1).astype(d))
        zero = h["zero"].astype(d)
        return {"u_product": (u * h["beta_1"].astype(d)) * (1.0 - (0.5 * p + zero)) + zero}

    @staticmethod
    def _step(static, k, lr, it, g, v, s, shared):
        t, t_next = _power_step(k, it), _power_step(k, it, 2)
        decay = k.cast(jnp.float32(0.96))
        b1, b2 = k.f32("beta_1"), k.f32("beta_2")
        u_t = k.mul(b1, 1.0 - k.mul(0.5, jnp.power(decay, t)))
        u_t_1 = b1 * (1.0 - k.mul(0.5, jnp.power(decay, t_next)))
        u_prod = k.cast(shared["u_product"])
        u_prod_1 = k.mul(u_prod, u_t_1)
        b2p = jnp.power(b2, t)
        m = s["momentum"] + k.mul(g - s["momentum"], 1 - b1)
        vel = s["velocity"] + k.mul(k.mul(g, g) - s["velocity"], 1 - b2)
        s["momentum"], s["velocity"] = m, vel
        m_hat = k.div(u_t_1 * m, 1 - u_prod_1) + k.div((1 - u_t) * g, 1 - u_prod)
        v_hat = k.div(vel, 1 - b2p)
        return v - (m_hat * lr) / (jnp.sqrt(v_hat) + k["epsilon"]), s

    def get_config(self):
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2,
                "epsilon": self.epsilon}


@export("keras.optimizers.RMSprop")
class RMSprop(Optimizer):
    """Keras RMSprop: velocity from zeros, epsilon inside the sqrt (also when centered);
    with momentum m = momentum*m + lr*g/sqrt(...), v -= m."""

    _shape_op = ("AddV2", False, " name: ")

    def __init__(self, learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7,
                 centered=False, weight_decay=None, clipnorm=None, clipvalue=None,
                 global_clipnorm=None, use_ema=False, ema_momentum=0.99,
                 ema_overwrite_frequency=None, loss_scale_factor=None,
                 gradient_accumulation_steps=None, name=None, **kwargs):
        super().__init__(learning_rate=learning_rate, **_base_kwargs(locals()), **kwargs)
        self.rho = rho
        self.momentum = momentum
        self.epsilon = epsilon
        self.centered = centered

    def _slot_groups(self):
        groups = [[("velocity", "zeros")]]
        if self.momentum > 0:
            groups.append([("momentum", "zeros")])
        if self.centered:
            groups.append([("average_gradient", "zeros")])
        return groups

    def _static(self):
        return (self.momentum > 0, bool(self.centered))

    def _hyper(self):
        return {"rho": self.rho, "1-rho": 1 - self.rho, "momentum": float(self.momentum),
                "epsilon": self.epsilon}

    @staticmethod
    def _step(static, k, lr, it, g, v, s, shared):
        has_momentum, centered = static
        vel = k.mul(k["rho"], s["velocity"]) + k.mul(k["1-rho"], g * g)
        s["velocity"] = vel
        if centered:
            avg = k.mul(k["rho"], s["average_gradient"]) + k.mul(k["1-rho"], g)
            s["average_gradient"] = avg
            denominator = (vel - k.mul(avg, avg)) + k["epsilon"]
        else:
            denominator = vel + k["epsilon"]
        increment = (lr * g) / k.sqrt(denominator)
        if has_momentum:
            s["momentum"] = k.mul(k["momentum"], s["momentum"]) + increment
            return v - s["momentum"], s
        return v - increment, s

    def get_config(self):
        return {**super().get_config(), "rho": self.rho, "momentum": self.momentum,
                "epsilon": self.epsilon, "centered": self.centered}


@export("keras.optimizers.Adagrad")
class Adagrad(Optimizer):
    """Keras Adagrad: acc += g^2; v -= lr*g/sqrt(acc + eps) (epsilon inside the sqrt)."""

    _shape_op = ("AssignAddVariableOp", None, "")

    def __init__(self, learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7,
                 weight_decay=None, clipnorm=None, clipvalue=None, global_clipnorm=None,
                 use_ema=False, ema_momentum=0.99, ema_overwrite_frequency=None,
                 loss_scale_factor=None, gradient_accumulation_steps=None, name=None,
                 **kwargs):
        super().__init__(learning_rate=learning_rate, **_base_kwargs(locals()), **kwargs)
        self.initial_accumulator_value = initial_accumulator_value
        self.epsilon = epsilon

    def _slot_groups(self):
        return [[("accumulator", self.initial_accumulator_value)]]

    def _hyper(self):
        return {"epsilon": self.epsilon}

    @staticmethod
    def _step(static, k, lr, it, g, v, s, shared):
        acc = s["accumulator"] = s["accumulator"] + k.mul(g, g)
        return v - (lr * g) / k.sqrt(acc + k["epsilon"]), s

    def get_config(self):
        return {**super().get_config(),
                "initial_accumulator_value": self.initial_accumulator_value,
                "epsilon": self.epsilon}


@export("keras.optimizers.Adadelta")
class Adadelta(Optimizer):
    """Keras Adadelta: A = rho*A + (1-rho)g^2; d = -sqrt(D+eps)*g/sqrt(A+eps);
    D = rho*D + (1-rho)d^2; v += lr*d."""

    _shape_op = ("AddV2", False, " name: ")

    def __init__(self, learning_rate=0.001, rho=0.95, epsilon=1e-7, weight_decay=None,
                 clipnorm=None, clipvalue=None, global_clipnorm=None, use_ema=False,
                 ema_momentum=0.99, ema_overwrite_frequency=None, loss_scale_factor=None,
                 gradient_accumulation_steps=None, name=None, **kwargs):
        super().__init__(learning_rate=learning_rate, **_base_kwargs(locals()), **kwargs)
        self.rho = rho
        self.epsilon = epsilon

    def _slot_groups(self):
        return [[("accumulated_grad", "zeros"), ("accumulated_delta_var", "zeros")]]

    def _hyper(self):
        return {"rho": self.rho, "1-rho": 1 - self.rho, "epsilon": self.epsilon}

    @staticmethod
    def _step(static, k, lr, it, g, v, s, shared):
        def rms(x):
            return k.sqrt(x + k["epsilon"])

        acc_g = k.mul(k["rho"], s["accumulated_grad"]) + k.mul(k["1-rho"], g * g)
        delta = -((rms(s["accumulated_delta_var"]) * g) / rms(acc_g))
        acc_d = k.mul(k["rho"], s["accumulated_delta_var"]) + k.mul(k["1-rho"], delta * delta)
        s["accumulated_grad"], s["accumulated_delta_var"] = acc_g, acc_d
        return v + k.mul(lr, delta), s

    def get_config(self):
        return {**super().get_config(), "rho": self.rho, "epsilon": self.epsilon}


@export("keras.optimizers.Ftrl")
class Ftrl(Optimizer):
    """Keras FTRL-proximal, with `beta` (l2 += beta/(2 lr)) and l2 shrinkage
    (g + 2*l2_shrinkage*v in the linear term)."""

    _shape_op = ("AddV2", True, " name: ")

    def __init__(self, learning_rate=0.001, learning_rate_power=-0.5,
                 initial_accumulator_value=0.1, l1_regularization_strength=0.0,
                 l2_regularization_strength=0.0, l2_shrinkage_regularization_strength=0.0,
                 beta=0.0, weight_decay=None, clipnorm=None, clipvalue=None,
                 global_clipnorm=None, use_ema=False, ema_momentum=0.99,
                 ema_overwrite_frequency=None, loss_scale_factor=None,
                 gradient_accumulation_steps=None, name=None, **kwargs):
        super().__init__(learning_rate=learning_rate, **_base_kwargs(locals()), **kwargs)
        for arg, value in (("initial_accumulator_value", initial_accumulator_value),
                           ("learning_rate_power", learning_rate_power),
                           ("l1_regularization_strength", l1_regularization_strength),
                           ("l2_regularization_strength", l2_regularization_strength),
                           ("l2_shrinkage_regularization_strength",
                            l2_shrinkage_regularization_strength)):
            power = arg == "learning_rate_power"
            if (value > 0.0) if power else (value < 0.0):
                raise ValueError(f"`{arg}` needs to be {'negative' if power else 'positive'} "
                                 f"or zero. Received: {arg}={value}.")
        self.learning_rate_power = learning_rate_power
        self.initial_accumulator_value = initial_accumulator_value
        self.l1_regularization_strength = l1_regularization_strength
        self.l2_regularization_strength = l2_regularization_strength
        self.l2_shrinkage_regularization_strength = l2_shrinkage_regularization_strength
        self.beta = beta

    def _slot_groups(self):
        return [[("accumulator", self.initial_accumulator_value), ("linear", "zeros")]]

    def _static(self):
        return (self.learning_rate_power == -0.5,)

    def _hyper(self):
        return {"-lr_power": -self.learning_rate_power,
                "l1": self.l1_regularization_strength, "-l1": -self.l1_regularization_strength,
                "l2": self.l2_regularization_strength, "beta": self.beta,
                "2*l2_shrinkage": 2 * self.l2_shrinkage_regularization_strength}

    @staticmethod
    def _step(static, k, lr, it, g, v, s, shared):
        acc, linear = s["accumulator"], s["linear"]
        l2 = k["l2"] + k["beta"] / (2.0 * lr)
        grad_to_use = g + k.mul(k["2*l2_shrinkage"], v)
        new_acc = acc + k.mul(g, g)
        if static[0]:   # x ** 0.5: XLA's pow is not correctly rounded, sqrt (and TF's pow) are
            pw = k.sqrt
        else:
            pw = lambda x: jnp.power(x, k["-lr_power"])  # noqa: E731
        new_acc_p = pw(new_acc)
        linear = linear + (grad_to_use - k.mul(k.div(new_acc_p - pw(acc), lr), v))
        quadratic = k.div(new_acc_p, lr) + 2 * l2
        clipped = jnp.minimum(jnp.maximum(linear, k["-l1"]), k["l1"])
        s["accumulator"], s["linear"] = new_acc, linear
        return (clipped - linear) / quadratic, s

    def get_config(self):
        return {**super().get_config(), "learning_rate_power": self.learning_rate_power,
                "initial_accumulator_value": self.initial_accumulator_value,
                "l1_regularization_strength": self.l1_regularization_strength,
                "l2_regularization_strength": self.l2_regularization_strength,
                "l2_shrinkage_regularization_strength":
                    self.l2_shrinkage_regularization_strength,
                "beta": self.beta}


@export("keras.optimizers.Lion")
class Lion(Optimizer):
    """Keras Lion: v -= lr*sign(b1*m + (1-b1)g); m = b2*m + (1-b2)g."""

    _shape_op = ("AddV2", False, " name: ")

    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.99, weight_decay=None,
                 clipnorm=None, clipvalue=None, global_clipnorm=None, use_ema=False,
                 ema_momentum=0.99, ema_overwrite_frequency=None, loss_scale_factor=None,
                 gradient_accumulation_steps=None, name=None, **kwargs):
        super().__init__(learning_rate=learning_rate, **_base_kwargs(locals()), **kwargs)
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        if beta_1 <= 0 or beta_1 > 1:
            raise ValueError("Argument `beta_1` must be in the [0, 1] range. Otherwise, the "
                             f"optimizer degenerates to SignSGD. Received: beta_1={beta_1}.")

    def _slot_groups(self):
        return [[("momentum", "zeros")]]

    def _hyper(self):
        return {"beta_1": self.beta_1, "beta_2": self.beta_2}

    @staticmethod
    def _step(static, k, lr, it, g, v, s, shared):
        b1, b2 = k.f32("beta_1"), k.f32("beta_2")
        m = s["momentum"]
        v = v - k.mul(lr, jnp.sign(k.mul(m, b1) + k.mul(g, 1.0 - b1)))
        s["momentum"] = k.mul(m, b2) + k.mul(g, 1.0 - b2)
        return v, s

    def get_config(self):
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2}


_ALL = {c.__name__.lower(): c for c in (Optimizer, SGD, Adam, AdamW, Adamax, Nadam, RMSprop,
                                         Adagrad, Adadelta, Ftrl, Lion)}


@export("keras.optimizers.serialize")
def serialize(optimizer):
    """{'module': 'keras.optimizers', 'class_name': ..., 'config': ..., 'registered_name': None}"""
    return {"module": "keras.optimizers", "class_name": type(optimizer).__name__,
            "config": optimizer.get_config(), "registered_name": None}


@export("keras.optimizers.deserialize")
def deserialize(config, custom_objects=None):
    """An optimizer from `serialize`'s dict; built-in class names are case-insensitive."""
    name = config["class_name"]
    cls = (custom_objects or {}).get(name) or _ALL.get(name.lower())
    if cls is None:     # Keras hands back the unknown name; `get` then rejects it
        return name
    return cls.from_config(dict(config.get("config", {})))


@export("keras.optimizers.get")
def get(identifier):
    """An optimizer from a name ('adam'), a config dict, or an optimizer (returned as is)."""
    if identifier is None:
        return None
    if isinstance(identifier, dict):
        obj = deserialize(identifier)
    elif isinstance(identifier, str):
        obj = deserialize({"class_name": identifier, "config": {}})
    else:
        obj = identifier
    if isinstance(obj, Optimizer):
        return obj
    raise ValueError(f"Could not interpret optimizer identifier: {identifier}")


@export(*(f"keras.optimizers.legacy.{n}"
          for n in ("Adagrad", "Adam", "Ftrl", "RMSprop", "SGD", "Optimizer")))
class LegacyOptimizerWarning:
    """`tf.keras.optimizers.legacy.*`: Keras 3 has none; constructing one raises ImportError."""

    def __init__(self, *args, **kwargs):
        raise ImportError(
            "`keras.optimizers.legacy` is not supported in Keras 3. When using `tf.keras`, to "
            "continue using a `tf.keras.optimizers.legacy` optimizer, you can install the "
            "`tf_keras` package (Keras 2) and set the environment variable "
            "`TF_USE_LEGACY_KERAS=True` to configure TensorFlow to use `tf_keras` when "
            "accessing `tf.keras`.")
