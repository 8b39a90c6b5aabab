"""TF 1 learning-rate decay functions (`tf.compat.v1.train.exponential_decay` ...).

In eager mode TF returns `functools.partial(schedule, global_step)`: a callable that reads the
global step each time it is called (an optimizer calls it at every apply) and returns a scalar
Tensor of the learning rate's dtype. Each schedule computes as TF's legacy Keras schedule does:
hyperparameters converted to tensors and cast to the learning rate's dtype, then the same
operations in the same order, here in NumPy on the host (scalars; no device round trip).
"""

import functools
import math

import numpy as np

from tfcompat._src.export import export
from tfcompat._src.tensor import Tensor
from tfcompat._src.train.optimizer import convert_hyper


def _tensor(value):
    """(NumPy value, DType) of TF's convert_to_tensor(value)."""
    array, dtype = convert_hyper(value, "")
    return np.asarray(array), dtype


def _cast(value, dt):
    return _tensor(value)[0].astype(dt)


class _Schedule:
    """A legacy Keras schedule: `__call__(step)` gives the learning rate at `step`."""

    def __call__(self, step):
        lr, dtype = _tensor(self.initial_learning_rate)
        dt = dtype.as_numpy_dtype
        with np.errstate(all="ignore"):
            value = self._compute(lr, dt, _cast(step, dt))
        return Tensor(np.asarray(value, dt), dtype)


class _ExponentialDecay(_Schedule):
    def __init__(self, learning_rate, decay_steps, decay_rate, staircase):
        self.initial_learning_rate = learning_rate
        self.decay_steps, self.decay_rate, self.staircase = decay_steps, decay_rate, staircase

    def _compute(self, lr, dt, step):
        p = step / _cast(self.decay_steps, dt)
        if self.staircase:
            p = np.floor(p)
        return lr * np.power(_cast(self.decay_rate, dt), p)


class _InverseTimeDecay(_ExponentialDecay):
    def _compute(self, lr, dt, step):
        p = step / _cast(self.decay_steps, dt)
        if self.staircase:
            p = np.floor(p)
        return lr / (dt(1) + _cast(self.decay_rate, dt) * p)


class _PolynomialDecay(_Schedule):
    def __init__(self, learning_rate, decay_steps, end_learning_rate, power, cycle):
        self.initial_learning_rate = learning_rate
        self.decay_steps, self.end_learning_rate = decay_steps, end_learning_rate
        self.power, self.cycle = power, cycle

    def _compute(self, lr, dt, step):
        end = _cast(self.end_learning_rate, dt)
        power = _cast(self.power, dt)
        decay_steps = _cast(self.decay_steps, dt)
        if self.cycle:
            ratio = step / _cast(self.decay_steps, dt)
            decay_steps = decay_steps * (dt(1) if step == 0 else np.ceil(ratio))
        else:
            step = np.minimum(step, decay_steps)
        p = step / decay_steps
        return (lr - end) * np.power(dt(1) - p, power) + end


class _CosineDecay(_Schedule):
    def __init__(self, learning_rate, decay_steps, alpha):
        self.initial_learning_rate = learning_rate
        self.decay_steps, self.alpha = decay_steps, alpha

    def _compute(self, lr, dt, step):
        decay_steps = _cast(self.decay_steps, dt)
        fraction = np.minimum(step, decay_steps) / decay_steps
        cosine = dt(0.5) * (dt(1) + np.cos(np.float32(math.pi) * fraction))
        # TF computes (1 - alpha) in Python, then converts: a float32 constant.
        return lr * (_cast(1 - self.alpha, dt) * cosine + _cast(self.alpha, dt))


class _CosineDecayRestarts(_Schedule):
    def __init__(self, learning_rate, first_decay_steps, t_mul, m_mul, alpha):
        self.initial_learning_rate = learning_rate
        self.first_decay_steps, self.alpha = first_decay_steps, alpha
        self.t_mul, self.m_mul = t_mul, m_mul

    def _compute(self, lr, dt, step):
        alpha = _cast(self.alpha, dt)
        t_mul = _cast(self.t_mul, dt)
        m_mul = _cast(self.m_mul, dt)
        fraction = step / _cast(self.first_decay_steps, dt)
        if t_mul == 1:
            i_restart = np.floor(fraction)
            fraction = fraction - i_restart
        else:
            i_restart = np.floor(np.log(dt(1) - fraction * (dt(1) - t_mul)) / np.log(t_mul))
            sum_r = (dt(1) - t_mul ** i_restart) / (dt(1) - t_mul)
            fraction = (fraction - sum_r) / t_mul ** i_restart
        cosine = dt(0.5) * m_mul ** i_restart * (dt(1) + np.cos(np.float32(math.pi) * fraction))
        return lr * ((dt(1) - alpha) * cosine + alpha)


class _LinearCosineDecay(_Schedule):
    def __init__(self, learning_rate, decay_steps, num_periods, alpha, beta):
        self.initial_learning_rate = learning_rate
        self.decay_steps, self.num_periods = decay_steps, num_periods
        self.alpha, self.beta = alpha, beta

    def _compute(self, lr, dt, step):
        decay_steps = _cast(self.decay_steps, dt)
        num_periods = _cast(self.num_periods, dt)
        alpha, beta = _cast(self.alpha, dt), _cast(self.beta, dt)
        step = np.minimum(step, decay_steps)
        linear = (decay_steps - step) / decay_steps
        fraction = dt(2) * num_periods * (step / decay_steps)
        cosine = dt(0.5) * (dt(1) + np.cos(np.float32(math.pi) * fraction))
        return lr * ((alpha + linear) * cosine + beta)


class _PiecewiseConstant:
    def __init__(self, boundaries, values):
        if len(boundaries) != len(values) - 1:
            raise ValueError("The length of boundaries should be 1 less than the length of "
                             "values")
        self.boundaries, self.values = boundaries, values

    def __call__(self, step):
        x, x_dtype = _tensor(step)
        bounds = [_tensor(b)[0].astype(x_dtype.as_numpy_dtype) for b in self.boundaries]
        values = [_tensor(v) for v in self.values]
        index = len(values) - 1 if x > bounds[-1] else next(
            i for i, b in enumerate(bounds) if x <= b)
        value, dtype = values[index]
        return Tensor(value, dtype)


def _eager(schedule, global_step):
    return functools.partial(schedule, global_step)


@export(v1=("train.exponential_decay",))
def exponential_decay(learning_rate, global_step, decay_steps, decay_rate, staircase=False,
                      name=None):
    """lr * decay_rate ** (global_step / decay_steps) (the exponent floored if staircase)."""
    return _eager(_ExponentialDecay(learning_rate, decay_steps, decay_rate, staircase),
                  global_step)


@export(v1=("train.natural_exp_decay",))
def natural_exp_decay(learning_rate, global_step, decay_steps, decay_rate, staircase=False,
                      name=None):
    """lr * exp(-decay_rate * global_step / decay_steps): exponential decay with rate
    exp(-decay_rate), computed once in float32 as TF does."""
    rate, dtype = _tensor(decay_rate)
    rate = Tensor(np.exp(-rate), dtype)
    return _eager(_ExponentialDecay(learning_rate, decay_steps, rate, staircase), global_step)


@export(v1=("train.inverse_time_decay",))
def inverse_time_decay(learning_rate, global_step, decay_steps, decay_rate, staircase=False,
                       name=None):
    """lr / (1 + decay_rate * global_step / decay_steps)."""
    return _eager(_InverseTimeDecay(learning_rate, decay_steps, decay_rate, staircase),
                  global_step)


@export(v1=("train.polynomial_decay",))
def polynomial_decay(learning_rate, global_step, decay_steps, end_learning_rate=0.0001,
                     power=1.0, cycle=False, name=None):
    """(lr - end) * (1 - min(step, decay_steps) / decay_steps) ** power + end."""
    return _eager(_PolynomialDecay(learning_rate, decay_steps, end_learning_rate, power, cycle),
                  global_step)


@export(v1=("train.cosine_decay",))
def cosine_decay(learning_rate, global_step, decay_steps, alpha=0.0, name=None):
    """lr * ((1 - alpha) * 0.5 * (1 + cos(pi * min(step, decay_steps) / decay_steps)) + alpha)."""
    return _eager(_CosineDecay(learning_rate, decay_steps, alpha), global_step)


@export(v1=("train.cosine_decay_restarts",))
def cosine_decay_restarts(learning_rate, global_step, first_decay_steps, t_mul=2.0, m_mul=1.0,
                          alpha=0.0, name=None):
    """Cosine decay with warm restarts (SGDR): periods grow by t_mul, peaks by m_mul."""
    return _eager(_CosineDecayRestarts(learning_rate, first_decay_steps, t_mul, m_mul, alpha),
                  global_step)


@export(v1=("train.linear_cosine_decay",))
def linear_cosine_decay(learning_rate, global_step, decay_steps, num_periods=0.5, alpha=0.0,
                        beta=0.001, name=None):
    """lr * ((alpha + linear) * cosine + beta), linear = (decay_steps - step) / decay_steps."""
    return _eager(_LinearCosineDecay(learning_rate, decay_steps, num_periods, alpha, beta),
                  global_step)


@export(v1=("train.piecewise_constant", "train.piecewise_constant_decay"))
def piecewise_constant(x, boundaries, values, name=None):
    """values[0] while x <= boundaries[0], values[i] while x is in (boundaries[i-1],
    boundaries[i]], values[-1] after. Boundaries must have x's dtype (int32 ones may serve an
    int64 x), values one dtype."""
    bounds = [_tensor(b) for b in boundaries]
    vals = [_tensor(v) for v in values]
    _, x_dtype = _tensor(x)
    for i, (b, dtype) in enumerate(bounds):
        if dtype != x_dtype:
            if dtype.name == "int32" and x_dtype.name == "int64":
                bounds[i] = (b.astype(np.int64), x_dtype)
            else:
                raise ValueError(f"Boundaries ({dtype}) must have the same dtype as x "
                                 f"({x_dtype}).")
    for _, dtype in vals[1:]:
        if dtype != vals[0][1]:
            raise ValueError(f"Values must have elements all with the same dtype "
                             f"({vals[0][1]} vs {dtype}).")
    schedule = _PiecewiseConstant([Tensor(b, d) for b, d in bounds],
                                  [Tensor(v, d) for v, d in vals])
    return _eager(schedule, x)
