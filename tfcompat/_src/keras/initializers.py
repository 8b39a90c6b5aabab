"""`tf.keras.initializers` (Keras 2): callables `(shape, dtype) -> Tensor`, drawn with tfcompat's
random ops. Random values differ from TF's by design (another generator); the distributions
(bounds, standard deviations, fan computations) are Keras 2's.
"""

import math

import jax
import numpy as np

from tfcompat._src import dtypes
from tfcompat._src.export import export, export_value
from tfcompat._src.keras.engine import tf
from tfcompat._src.tensor import Tensor

_K = "keras.initializers."


def _dtype(dtype):
    return dtypes.as_dtype(dtype or "float32")


@export(_K + "Initializer")
class Initializer:
    """Base class: `__call__(shape, dtype=None)` and `get_config`."""

    def __call__(self, shape, dtype=None, **kwargs):
        raise NotImplementedError("Initializer subclasses must implement the `__call__()` "
                                  "method.")

    def get_config(self):
        return {}

    @classmethod
    def from_config(cls, config):
        config.pop("dtype", None)
        return cls(**config)


@export(_K + "Zeros", _K + "zeros")
class Zeros(Initializer):
    def __call__(self, shape, dtype=None, **kwargs):
        return tf.zeros(shape, _dtype(dtype))


@export(_K + "Ones", _K + "ones")
class Ones(Initializer):
    def __call__(self, shape, dtype=None, **kwargs):
        return tf.ones(shape, _dtype(dtype))


@export(_K + "Constant", _K + "constant")
class Constant(Initializer):
    def __init__(self, value=0):
        self.value = value

    def __call__(self, shape, dtype=None, **kwargs):
        return tf.constant(self.value, dtype=_dtype(dtype), shape=shape)

    def get_config(self):
        return {"value": self.value}


class _Random(Initializer):
    """A seeded initializer gives the same values at every call, as Keras 2's stateless draws
    do (here from a JAX key of the seed); an unseeded one draws from tfcompat's random ops."""

    def __init__(self, seed=None):
        self.seed = seed

    def _draw(self, kind, shape, dtype, a, b):
        if self.seed is None:
            fn = {"uniform": tf.random.uniform, "normal": tf.random.normal,
                  "truncated": tf.random.truncated_normal}[kind]
            return fn(shape, a, b, dtype)
        key, shape, np_dtype = jax.random.PRNGKey(self.seed), tuple(shape), dtype.as_numpy_dtype
        if kind == "uniform":
            value = jax.random.uniform(key, shape, np_dtype, a, b)
        elif kind == "normal":
            value = jax.random.normal(key, shape, np_dtype) * b + a
        else:
            value = jax.random.truncated_normal(key, -2.0, 2.0, shape, np_dtype) * b + a
        return Tensor(np.asarray(value), dtype)


@export(_K + "RandomUniform", _K + "random_uniform")
class RandomUniform(_Random):
    def __init__(self, minval=-0.05, maxval=0.05, seed=None):
        super().__init__(seed)
        self.minval, self.maxval = minval, maxval

    def __call__(self, shape, dtype=None, **kwargs):
        return self._draw("uniform", shape, _dtype(dtype), self.minval, self.maxval)

    def get_config(self):
        return {"minval": self.minval, "maxval": self.maxval, "seed": self.seed}


@export(_K + "RandomNormal", _K + "random_normal")
class RandomNormal(_Random):
    def __init__(self, mean=0.0, stddev=0.05, seed=None):
        super().__init__(seed)
        self.mean, self.stddev = mean, stddev

    def __call__(self, shape, dtype=None, **kwargs):
        return self._draw("normal", shape, _dtype(dtype), self.mean, self.stddev)

    def get_config(self):
        return {"mean": self.mean, "stddev": self.stddev, "seed": self.seed}


@export(_K + "TruncatedNormal", _K + "truncated_normal")
class TruncatedNormal(RandomNormal):
    def __call__(self, shape, dtype=None, **kwargs):
        return self._draw("truncated", shape, _dtype(dtype), self.mean, self.stddev)


def _fans(shape):
    shape = tuple(shape)
    if len(shape) < 1:
        return 1, 1
    if len(shape) == 1:
        return shape[0], shape[0]
    if len(shape) == 2:
        return shape[0], shape[1]
    receptive = int(np.prod(shape[:-2]))
    return shape[-2] * receptive, shape[-1] * receptive


@export(_K + "VarianceScaling", _K + "variance_scaling")
class VarianceScaling(_Random):
    """Scale / fan (fan_in, fan_out or their mean), drawn truncated normal (stddev corrected for
    the truncation), normal or uniform (limit sqrt(3 * variance))."""

    def __init__(self, scale=1.0, mode="fan_in", distribution="truncated_normal", seed=None):
        super().__init__(seed)
        if scale <= 0.0:
            raise ValueError(f"`scale` must be positive float. Received: scale={scale}.")
        if mode not in {"fan_in", "fan_out", "fan_avg"}:
            raise ValueError("Invalid `mode` argument: expected on of {'fan_in', 'fan_out', "
                             f"'fan_avg'}}. Received: {mode}")
        distribution = distribution.lower()
        if distribution == "normal":
            distribution = "truncated_normal"
        if distribution not in {"uniform", "truncated_normal", "untruncated_normal"}:
            raise ValueError("Invalid `distribution` argument: expected one of {'uniform', "
                             "'truncated_normal', 'untruncated_normal'}. Received: "
                             f"{distribution}")
        self.scale, self.mode, self.distribution = scale, mode, distribution

    def __call__(self, shape, dtype=None, **kwargs):
        fan_in, fan_out = _fans(shape)
        n = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2.0}
        scale = self.scale / max(1.0, n[self.mode])
        dtype = _dtype(dtype)
        if self.distribution in ("truncated_normal", "normal"):  # "normal": TF 1's alias
            std = math.sqrt(scale) / 0.87962566103423978
            return self._draw("truncated", shape, dtype, 0.0, std)
        if self.distribution == "untruncated_normal":
            return self._draw("normal", shape, dtype, 0.0, math.sqrt(scale))
        limit = math.sqrt(3.0 * scale)
        return self._draw("uniform", shape, dtype, -limit, limit)

    def get_config(self):
        return {"scale": self.scale, "mode": self.mode, "distribution": self.distribution,
                "seed": self.seed}


def _variance(cls_name, scale, mode, distribution):
    class Preset(VarianceScaling):
        def __init__(self, seed=None):
            super().__init__(scale, mode, distribution, seed)

        def get_config(self):
            return {"seed": self.seed}
    Preset.__name__ = Preset.__qualname__ = cls_name
    lower = "".join("_" + c.lower() if c.isupper() else c for c in cls_name).lstrip("_")
    return export(_K + cls_name, _K + lower)(Preset)


GlorotUniform = _variance("GlorotUniform", 1.0, "fan_avg", "uniform")
GlorotNormal = _variance("GlorotNormal", 1.0, "fan_avg", "truncated_normal")
HeNormal = _variance("HeNormal", 2.0, "fan_in", "truncated_normal")
HeUniform = _variance("HeUniform", 2.0, "fan_in", "uniform")
LecunNormal = _variance("LecunNormal", 1.0, "fan_in", "truncated_normal")
LecunUniform = _variance("LecunUniform", 1.0, "fan_in", "uniform")


@export(_K + "Orthogonal", _K + "orthogonal")
class Orthogonal(_Random):
    """`gain` times the Q of a normal matrix's QR (signs fixed by R's diagonal)."""

    def __init__(self, gain=1.0, seed=None):
        super().__init__(seed)
        self.gain = gain

    def __call__(self, shape, dtype=None, **kwargs):
        if len(shape) < 2:
            raise ValueError("The tensor to initialize must be at least two-dimensional. "
                             f"Received: shape={shape} of rank {len(shape)}.")
        rows, cols = int(np.prod(shape[:-1])), shape[-1]
        dtype = _dtype(dtype)
        a = self._draw("normal", (max(rows, cols), min(rows, cols)), dtype, 0.0, 1.0)
        q, r = tf.linalg.qr(a, full_matrices=False)
        q = q * tf.sign(tf.linalg.diag_part(r))
        if rows < cols:
            q = tf.transpose(q)
        return tf.reshape(q * tf.constant(self.gain, dtype), shape)

    def get_config(self):
        return {"gain": self.gain, "seed": self.seed}


@export(_K + "Identity", _K + "identity")
class Identity(Initializer):
    def __init__(self, gain=1.0):
        self.gain = gain

    def __call__(self, shape, dtype=None, **kwargs):
        if len(shape) != 2:
            raise ValueError("Identity matrix initializer can only be used for 2D matrices. "
                             f"Received: shape={shape} of rank {len(shape)}.")
        return tf.constant(self.gain * np.eye(*shape), dtype=_dtype(dtype))

    def get_config(self):
        return {"gain": self.gain}


_BY_NAME = {"zeros": Zeros, "ones": Ones, "constant": Constant, "random_uniform": RandomUniform,
            "random_normal": RandomNormal, "truncated_normal": TruncatedNormal,
            "variance_scaling": VarianceScaling, "glorot_uniform": GlorotUniform,
            "glorot_normal": GlorotNormal, "he_normal": HeNormal, "he_uniform": HeUniform,
            "lecun_normal": LecunNormal, "lecun_uniform": LecunUniform,
            "orthogonal": Orthogonal, "identity": Identity}
_BY_NAME.update({cls.__name__: cls for cls in list(_BY_NAME.values())})
_BY_NAME.update(uniform=RandomUniform, normal=RandomNormal)


@export(_K + "get")
def get(identifier):
    """An initializer from a name ('glorot_uniform', 'Zeros'), a config dict or a callable."""
    if identifier is None:
        return None
    if isinstance(identifier, dict):
        return _BY_NAME[identifier["class_name"]].from_config(dict(identifier["config"]))
    if isinstance(identifier, str):
        if identifier not in _BY_NAME:
            raise ValueError(f"Unknown initializer: '{identifier}'. Please ensure you are using "
                             "a `keras.utils.custom_object_scope` and that this object is "
                             "included in the scope. See https://www.tensorflow.org/guide/"
                             "keras/save_and_serialize#registering_the_custom_object for "
                             "details.")
        return _BY_NAME[identifier]()
    if callable(identifier):
        return identifier
    raise ValueError(f"Could not interpret initializer identifier: {identifier}")


@export(_K + "serialize")
def serialize(initializer):
    return {"class_name": type(initializer).__name__, "config": initializer.get_config()}


# TF 2's `tf.initializers.*` are the Keras initializers, and its `tf.zeros_initializer` & co. are
# classes with the same rules (TF 1 has its own at those paths: initializers_v1.py).
for _name in ("constant", "glorot_normal", "glorot_uniform", "he_normal", "he_uniform",
              "identity", "lecun_normal", "lecun_uniform", "ones", "orthogonal",
              "random_normal", "random_uniform", "truncated_normal", "variance_scaling",
              "zeros"):
    export_value(get(_name).__class__, ("initializers." + _name,), ())
for _name, _cls in (("zeros_initializer", Zeros), ("ones_initializer", Ones),
                    ("constant_initializer", Constant),
                    ("random_normal_initializer", RandomNormal),
                    ("random_uniform_initializer", RandomUniform)):
    export_value(_cls, (_name,), ())
