"""`tf.keras.optimizers.schedules` (Keras 3): learning rates as functions of the step.

Each schedule computes op by op as Keras does (eagerly, one rounding per op) in the dtype of
`initial_learning_rate` converted as TF converts it (a Python float gives float32), and returns a
Tensor. An optimizer calls its schedule with its `iterations` before each step.
"""

import math

import jax.numpy as jnp

from tfcompat._src import dtypes
from tfcompat._src.export import export
from tfcompat._src.tensor import Tensor, to_tensor


def _tensor(x):
    if hasattr(x, "_is_variable"):
        x = x.value()
    return x if isinstance(x, Tensor) else to_tensor(x)


def _start(initial_learning_rate, step):
    """(initial lr as an array, its dtype, the step cast to that dtype)."""
    lr = _tensor(initial_learning_rate)
    d = lr.dtype.as_numpy_dtype
    return jnp.asarray(lr._value), d, jnp.asarray(_tensor(step)._value).astype(d)


def _cast(x, d):
    return jnp.asarray(_tensor(x)._value).astype(d)


def _out(x):
    x = jnp.asarray(x)
    return Tensor(x, dtypes.as_dtype(x.dtype))


def _check_steps(arg, value):
    if value <= 0:
        raise ValueError(f"Argument `{arg}` must be > 0. Received: {arg}={value}")


@export("keras.optimizers.schedules.LearningRateSchedule")
class LearningRateSchedule:
    """Base class: subclasses implement `__call__(step)` and `get_config()`."""

    def __call__(self, step):
        raise NotImplementedError(f"Learning rate schedule '{type(self).__name__}' must "
                                  "override `__call__(self, step)`.")

    def get_config(self):
        raise NotImplementedError(f"Learning rate schedule '{type(self).__name__}' must "
                                  "override `get_config()` in order to be serializable.")

    @classmethod
    def from_config(cls, config):
        return cls(**config)


class _RateDecay(LearningRateSchedule):
    """Shared by the schedules of (initial rate, decay_steps, decay_rate, staircase)."""

    def __init__(self, initial_learning_rate, decay_steps, decay_rate, staircase=False,
                 name=None):
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.decay_rate = decay_rate
        self.staircase = staircase
        self.name = name or type(self).__name__
        _check_steps("decay_steps", decay_steps)

    def _progress(self, step):
        """(initial rate, dtype, step / decay_steps, floored when staircase)."""
        lr, d, step = _start(self.initial_learning_rate, step)
        p = step / _cast(self.decay_steps, d)
        return lr, d, jnp.floor(p) if self.staircase else p

    def get_config(self):
        return {"initial_learning_rate": self.initial_learning_rate,
                "decay_steps": self.decay_steps, "decay_rate": self.decay_rate,
                "staircase": self.staircase, "name": self.name}


@export("keras.optimizers.schedules.ExponentialDecay")
class ExponentialDecay(_RateDecay):
    """initial_learning_rate * decay_rate ** (step / decay_steps) (floored if staircase)."""

    def __call__(self, step):
        lr, d, p = self._progress(step)
        return _out(lr * jnp.power(_cast(self.decay_rate, d), p))


@export("keras.optimizers.schedules.PiecewiseConstantDecay")
class PiecewiseConstantDecay(LearningRateSchedule):
    """values[i] for boundaries[i-1] < step <= boundaries[i]."""

    def __init__(self, boundaries, values, name="PiecewiseConstant"):
        if len(boundaries) != len(values) - 1:
            raise ValueError(
                "The length of boundaries should be 1 less than the length of values. "
                f"Received: boundaries={boundaries} of length {len(boundaries)}, and "
                f"values={values} of length {len(values)}.")
        self.boundaries = boundaries
        self.values = values
        self.name = name

    def __call__(self, step):
        step = jnp.asarray(_tensor(step)._value)
        bounds = [_cast(b, step.dtype) for b in self.boundaries]
        values = [jnp.asarray(_tensor(v)._value) for v in self.values]
        d = values[0].dtype
        result = jnp.zeros((), d)
        result = result + (step <= bounds[0]).astype(d) * values[0]
        result = result + (step > bounds[-1]).astype(d) * values[-1]
        for low, high, value in zip(bounds[:-1], bounds[1:], values[1:-1], strict=True):
            result = result + ((step > low) & (step <= high)).astype(d) * value
        return _out(result)

    def get_config(self):
        return {"boundaries": self.boundaries, "values": self.values, "name": self.name}


@export("keras.optimizers.schedules.PolynomialDecay")
class PolynomialDecay(LearningRateSchedule):
    """(initial - end) * (1 - step/decay_steps) ** power + end, the step capped at decay_steps
    (or decay_steps stretched to the next multiple when cycle)."""

    def __init__(self, initial_learning_rate, decay_steps, end_learning_rate=0.0001, power=1.0,
                 cycle=False, name="PolynomialDecay"):
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.end_learning_rate = end_learning_rate
        self.power = power
        self.cycle = cycle
        self.name = name
        _check_steps("decay_steps", decay_steps)

    def __call__(self, step):
        lr, d, step = _start(self.initial_learning_rate, step)
        end, power = _cast(self.end_learning_rate, d), _cast(self.power, d)
        steps = _cast(self.decay_steps, d)
        if self.cycle:
            mult = jnp.where(step == 0, jnp.ones((), d),
                             jnp.ceil(step / jnp.asarray(self.decay_steps, d)))
            steps = steps * mult
        else:
            step = jnp.minimum(step, steps)
        p = step / steps
        return _out((lr - end) * jnp.power(1 - p, power) + end)

    def get_config(self):
        return {"initial_learning_rate": self.initial_learning_rate,
                "decay_steps": self.decay_steps, "end_learning_rate": self.end_learning_rate,
                "power": self.power, "cycle": self.cycle, "name": self.name}


@export("keras.optimizers.schedules.InverseTimeDecay")
class InverseTimeDecay(_RateDecay):
    """initial_learning_rate / (1 + decay_rate * step / decay_steps) (floored if staircase)."""

    def __call__(self, step):
        lr, d, p = self._progress(step)
        return _out(lr / (jnp.ones((), d) + _cast(self.decay_rate, d) * p))


@export("keras.optimizers.schedules.CosineDecay")
class CosineDecay(LearningRateSchedule):
    """Optional linear warmup to `warmup_target`, then cosine decay to alpha * that rate."""

    def __init__(self, initial_learning_rate, decay_steps, alpha=0.0, name="CosineDecay",
                 warmup_target=None, warmup_steps=0):
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.alpha = alpha
        self.name = name
        self.warmup_steps = warmup_steps
        self.warmup_target = warmup_target
        _check_steps("decay_steps", decay_steps)

    def _decay(self, step, decay_steps, decay_from_lr, d):
        fraction = step / decay_steps
        cosine = 0.5 * (1.0 + jnp.cos(jnp.asarray(math.pi, d) * fraction))
        decayed = jnp.asarray(1 - self.alpha, d) * cosine + jnp.asarray(self.alpha, d)
        return decay_from_lr * decayed

    def __call__(self, step):
        lr, d, step = _start(self.initial_learning_rate, step)
        decay_steps = _cast(self.decay_steps, d)
        if self.warmup_target is None:
            return _out(self._decay(jnp.minimum(step, decay_steps), decay_steps, lr, d))
        target, warmup = _cast(self.warmup_target, d), _cast(self.warmup_steps, d)
        step = jnp.minimum(step, decay_steps + warmup)
        if step < warmup:
            return _out((target - lr) * (step / warmup) + lr)
        return _out(self._decay(step - warmup, decay_steps, target, d))

    def get_config(self):
        return {"initial_learning_rate": self.initial_learning_rate,
                "decay_steps": self.decay_steps, "alpha": self.alpha, "name": self.name,
                "warmup_target": self.warmup_target, "warmup_steps": self.warmup_steps}


@export("keras.optimizers.schedules.CosineDecayRestarts")
class CosineDecayRestarts(LearningRateSchedule):
    """SGDR: cosine decay over periods growing by t_mul, each restart scaled by m_mul."""

    def __init__(self, initial_learning_rate, first_decay_steps, t_mul=2.0, m_mul=1.0,
                 alpha=0.0, name="SGDRDecay"):
        self.initial_learning_rate = initial_learning_rate
        self.first_decay_steps = first_decay_steps
        self._t_mul = t_mul
        self._m_mul = m_mul
        self.alpha = alpha
        self.name = name
        _check_steps("first_decay_steps", first_decay_steps)

    def __call__(self, step):
        lr, d, step = _start(self.initial_learning_rate, step)
        alpha, t_mul, m_mul = (_cast(x, d) for x in (self.alpha, self._t_mul, self._m_mul))
        fraction = step / _cast(self.first_decay_steps, d)
        if t_mul == 1.0:
            i_restart = jnp.floor(fraction)
            fraction = fraction - i_restart
        else:
            i_restart = jnp.floor(jnp.log(1.0 - fraction * (1.0 - t_mul)) / jnp.log(t_mul))
            sum_r = (1.0 - jnp.power(t_mul, i_restart)) / (1.0 - t_mul)
            fraction = (fraction - sum_r) / jnp.power(t_mul, i_restart)
        m_fac = jnp.power(m_mul, i_restart)
        cosine = 0.5 * m_fac * (1.0 + jnp.cos(jnp.asarray(math.pi, d) * fraction))
        return _out(lr * ((1 - alpha) * cosine + alpha))

    def get_config(self):
        return {"initial_learning_rate": self.initial_learning_rate,
                "first_decay_steps": self.first_decay_steps, "t_mul": self._t_mul,
                "m_mul": self._m_mul, "alpha": self.alpha, "name": self.name}


_SCHEDULES = {c.__name__: c for c in (ExponentialDecay, PiecewiseConstantDecay, PolynomialDecay,
                                      InverseTimeDecay, CosineDecay, CosineDecayRestarts)}


@export("keras.optimizers.schedules.serialize")
def serialize(learning_rate_schedule):
    return {"module": "keras.optimizers.schedules",
            "class_name": type(learning_rate_schedule).__name__,
            "config": learning_rate_schedule.get_config(), "registered_name": None}


@export("keras.optimizers.schedules.deserialize")
def deserialize(config, custom_objects=None):
    name = config["class_name"]
    cls = (custom_objects or {}).get(name) or _SCHEDULES.get(name)
    if cls is None:     # as Keras does: the unknown name comes back
        return name
    return cls.from_config(dict(config["config"]))
