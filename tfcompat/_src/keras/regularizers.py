"""`tf.keras.regularizers` (Keras 2): penalties on weights; L2 is `2 * l2 * tf.nn.l2_loss(x)`,
as Keras 2 computes it, and factors are float32 (Keras casts them to floatx)."""

import numpy as np

from tfcompat._src.export import export
from tfcompat._src.keras.engine import tf

_R = "keras.regularizers."


def _times(factor, t):
    """A float32 factor times a tensor: TF converts the NumPy scalar to the tensor's dtype."""
    return tf.multiply(tf.constant(factor, t.dtype), t)


@export(_R + "Regularizer")
class Regularizer:
    def __call__(self, x):
        return 0.0

    def get_config(self):
        return {}

    @classmethod
    def from_config(cls, config):
        return cls(**config)


def _factor(value, name):
    if value is not None and not isinstance(value, (int, float, np.number)):
        raise ValueError(f"Value for `{name}` should be a number. Received: {name}={value}")
    return np.float32(0.0 if value is None else value)


@export(_R + "L1L2")
class L1L2(Regularizer):
    def __init__(self, l1=0.0, l2=0.0):
        self.l1, self.l2 = _factor(l1, "l1"), _factor(l2, "l2")

    def __call__(self, x):
        total = tf.constant(0.0, dtype=x.dtype)
        if self.l1:
            total += _times(self.l1, tf.reduce_sum(tf.abs(x)))
        if self.l2:
            total += _times(2.0 * self.l2, tf.nn.l2_loss(x))
        return total

    def get_config(self):
        return {"l1": float(self.l1), "l2": float(self.l2)}


@export(_R + "L1", _R + "l1")
class L1(Regularizer):
    def __init__(self, l1=0.01, **kwargs):
        self.l1 = _factor(kwargs.pop("l", l1), "l1")

    def __call__(self, x):
        return _times(self.l1, tf.reduce_sum(tf.abs(x)))

    def get_config(self):
        return {"l1": float(self.l1)}


@export(_R + "L2", _R + "l2")
class L2(Regularizer):
    def __init__(self, l2=0.01, **kwargs):
        self.l2 = _factor(kwargs.pop("l", l2), "l2")

    def __call__(self, x):
        return _times(2.0 * self.l2, tf.nn.l2_loss(x))

    def get_config(self):
        return {"l2": float(self.l2)}


@export(_R + "l1_l2")
def l1_l2(l1=0.01, l2=0.01):
    return L1L2(l1=l1, l2=l2)


_BY_NAME = {"l1": L1, "l2": L2, "l1_l2": l1_l2, "L1": L1, "L2": L2, "L1L2": L1L2}


@export(_R + "get")
def get(identifier):
    if identifier is None:
        return None
    if isinstance(identifier, dict):
        return _BY_NAME[identifier["class_name"]].from_config(identifier["config"])
    if isinstance(identifier, str):
        if identifier not in _BY_NAME:
            raise ValueError(f"Unknown regularizer: '{identifier}'.")
        return _BY_NAME[identifier]()
    if callable(identifier):
        return identifier
    raise ValueError(f"Could not interpret regularizer identifier: {identifier}")
