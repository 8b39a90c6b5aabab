"""TF 1's initializers (`tf.compat.v1.zeros_initializer`, `tf.compat.v1.initializers.*`: TF's
init_ops.py): the Keras initializers' math with TF 1's signatures.

Differences from the Keras 2 classes they extend: a `dtype` constructor argument (the default for
`__call__(shape, dtype=None, partition_info=None)`, and part of `get_config`), TF 1's defaults
(`stddev=1.0`, uniform `[0, 1)`), TF 1's error messages, and random draws through tfcompat's
seeded random ops (`tf.random.uniform(..., seed=seed)`), so a seeded initializer behaves as TF's
op-seeded kernels do: reproducible from run to run, a new draw at each call.
"""

import math
import sys

import numpy as np

from tfcompat._src import dtypes, logs
from tfcompat._src.export import export
from tfcompat._src.keras import initializers as k
from tfcompat._src.keras.engine import tf

_MODULE = "tensorflow.python.ops.init_ops"


def _float(dtype):
    dtype = dtypes.as_dtype(dtype)
    if not dtype.is_floating:
        raise ValueError(f"Argument `dtype` is expected to be floating point. Received: {dtype}.")
    return dtype


def _shape(shape):
    return [int(s) for s in (shape.as_list() if hasattr(shape, "as_list") else shape)]


class _V1:
    """Mixin over a Keras initializer: the constructor's dtype as `__call__`'s default,
    `partition_info` accepted (tfcompat has no partitioned variables), dtype in the config,
    draws from the op-seeded random ops."""

    def __call__(self, shape, dtype=None, partition_info=None):
        dtype = self.dtype if dtype is None else dtypes.as_dtype(dtype)
        return super().__call__(_shape(shape), dtype)

    def get_config(self):
        return {**super().get_config(), "dtype": self.dtype.name}

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def _draw(self, kind, shape, dtype, a, b):
        fn = {"uniform": tf.random.uniform, "normal": tf.random.normal,
              "truncated": tf.random.truncated_normal}[kind]
        return fn(shape, a, b, dtype, seed=self.seed)


@export(v1=("zeros_initializer", "initializers.zeros"))
class Zeros(_V1, k.Zeros):
    def __init__(self, dtype=dtypes.float32):
        self.dtype = dtypes.as_dtype(dtype)


@export(v1=("ones_initializer", "initializers.ones"))
class Ones(_V1, k.Ones):
    def __init__(self, dtype=dtypes.float32):
        self.dtype = dtypes.as_dtype(dtype)


@export(v1=("constant_initializer", "initializers.constant"))
class Constant(_V1, k.Constant):
    """`value` (a scalar fills the shape; a list or array must have the shape's element count);
    `verify_shape=True` requires `value`'s own shape to be the requested one."""

    def __init__(self, value=0, dtype=dtypes.float32, verify_shape=False):
        if not (np.isscalar(value) or isinstance(value, (list, tuple, np.ndarray))):
            raise TypeError(f"Invalid type for initial value={value} of type: "
                            f"{type(value).__name__}. Expected Python scalar, list or tuple of "
                            "values, or numpy.ndarray.")
        super().__init__(value)
        self.dtype = dtypes.as_dtype(dtype)
        self._verify_shape = verify_shape

    def __call__(self, shape, dtype=None, partition_info=None, verify_shape=None):
        verify = self._verify_shape if verify_shape is None else verify_shape
        if verify:
            dtype = self.dtype if dtype is None else dtypes.as_dtype(dtype)
            t = tf.constant(self.value, dtype=dtype)
            if t.shape.as_list() != _shape(shape):
                raise TypeError(f"Expected Tensor {t} (converted from {self.value}) with shape "
                                f"{tuple(_shape(shape))}, but got shape {tuple(t.shape)}.")
            return t
        return super().__call__(shape, dtype)


@export(v1=("random_uniform_initializer", "initializers.random_uniform"))
class RandomUniform(_V1, k.RandomUniform):
    """Uniform in [minval, maxval); maxval=None means 1 for floats (integer dtypes need it)."""

    def __init__(self, minval=0.0, maxval=None, seed=None, dtype=dtypes.float32):
        super().__init__(minval, maxval, seed)
        self.dtype = dtypes.as_dtype(dtype)


@export(v1=("random_normal_initializer", "initializers.random_normal"))
class RandomNormal(_V1, k.RandomNormal):
    def __init__(self, mean=0.0, stddev=1.0, seed=None, dtype=dtypes.float32):
        super().__init__(mean, stddev, seed)
        self.dtype = _float(dtype)


@export(v1=("truncated_normal_initializer", "initializers.truncated_normal"))
class TruncatedNormal(_V1, k.TruncatedNormal):
    """Normal, redrawn beyond two standard deviations."""

    def __init__(self, mean=0.0, stddev=1.0, seed=None, dtype=dtypes.float32):
        super().__init__(mean, stddev, seed)
        self.dtype = _float(dtype)


@export(v1=("uniform_unit_scaling_initializer", "initializers.uniform_unit_scaling"))
class UniformUnitScaling(_V1, k._Random):
    """Uniform in +-sqrt(3 / input_size) * factor, input_size the product of all dimensions
    but the last (deprecated in TF 1 already)."""

    def __init__(self, factor=1.0, seed=None, dtype=dtypes.float32):
        logs.deprecated("UniformUnitScaling.__init__", _MODULE,
                        "Use tf.initializers.variance_scaling instead with distribution=uniform "
                        "to get equivalent behavior.")
        super().__init__(seed)
        self.factor = factor
        self.dtype = _float(dtype)

    def __call__(self, shape, dtype=None, partition_info=None):
        dtype = self.dtype if dtype is None else dtypes.as_dtype(dtype)
        shape = _shape(shape)
        limit = math.sqrt(3 / max(float(np.prod(shape[:-1])), 1.0)) * self.factor
        return self._draw("uniform", shape, dtype, -limit, limit)

    def get_config(self):
        return {"factor": self.factor, "seed": self.seed, "dtype": self.dtype.name}


_warned_normal = []


@export(v1=("variance_scaling_initializer", "initializers.variance_scaling"))
class VarianceScaling(_V1, k.VarianceScaling):
    """Keras's VarianceScaling; "normal" stays accepted (and named in the config) as TF 1's
    deprecated alias of "truncated_normal"."""

    def __init__(self, scale=1.0, mode="fan_in", distribution="truncated_normal", seed=None,
                 dtype=dtypes.float32):
        if distribution == "normal" and not _warned_normal:
            _warned_normal.append(True)
            frame = sys._getframe(1)
            logs.logger.warning(
                "From %s:%d: calling VarianceScaling.__init__ (from %s) with "
                "distribution=normal is deprecated and will be removed in a future version.\n"
                "Instructions for updating:\n`normal` is a deprecated alias for "
                "`truncated_normal`", frame.f_code.co_filename, frame.f_lineno, _MODULE)
        if scale <= 0.0:
            raise ValueError(f"Argument `scale` must be a positive float. Received: {scale}")
        if mode not in {"fan_in", "fan_out", "fan_avg"}:
            raise ValueError("Argument `mode` should be one of ('fan_in', 'fan_out', "
                             f"'fan_avg'). Received: {mode}")
        distribution = distribution.lower()
        if distribution not in {"normal", "uniform", "truncated_normal", "untruncated_normal"}:
            raise ValueError("Argument `distribution` should be one of ('normal', uniform', "
                             f"'truncated_normal', 'untruncated_normal'). Received: "
                             f"{distribution}")
        k._Random.__init__(self, seed)
        self.scale, self.mode, self.distribution = scale, mode, distribution
        self.dtype = _float(dtype)


@export(v1=("orthogonal_initializer", "initializers.orthogonal"))
class Orthogonal(_V1, k.Orthogonal):
    def __init__(self, gain=1.0, seed=None, dtype=dtypes.float32):
        super().__init__(gain, seed)
        self.dtype = _float(dtype)

    def __call__(self, shape, dtype=None, partition_info=None):
        if len(_shape(shape)) < 2:
            raise ValueError("The tensor to initialize, specified by argument `shape` must be "
                             f"at least two-dimensional. Received shape={shape}")
        return super().__call__(shape, dtype)


@export(v1=("initializers.identity",))
class Identity(_V1, k.Identity):
    def __init__(self, gain=1.0, dtype=dtypes.float32):
        super().__init__(gain)
        self.dtype = _float(dtype)

    def __call__(self, shape, dtype=None, partition_info=None):
        if len(_shape(shape)) != 2:
            raise ValueError("The tensor to initialize, specified by argument `shape` must be "
                             f"at least two-dimensional. Received shape={shape}")
        dtype = self.dtype if dtype is None else dtypes.as_dtype(dtype)
        return self.gain * tf.eye(*_shape(shape), dtype=dtype)


def _preset(name, scale, mode, distribution):
    class Preset(VarianceScaling):
        def __init__(self, seed=None, dtype=dtypes.float32):
            super().__init__(scale, mode, distribution, seed, dtype)

        def get_config(self):
            return {"seed": self.seed, "dtype": self.dtype.name}
    Preset.__name__ = Preset.__qualname__ = name
    return Preset


GlorotUniform = export(v1=("glorot_uniform_initializer", "initializers.glorot_uniform"))(
    _preset("GlorotUniform", 1.0, "fan_avg", "uniform"))
GlorotNormal = export(v1=("glorot_normal_initializer", "initializers.glorot_normal"))(
    _preset("GlorotNormal", 1.0, "fan_avg", "truncated_normal"))


def _factory(name, scale, distribution):
    def make(seed=None):
        return VarianceScaling(scale=scale, mode="fan_in", distribution=distribution, seed=seed)
    make.__name__ = make.__qualname__ = name
    make.__doc__ = (f"`VarianceScaling(scale={scale}, mode='fan_in', "
                    f"distribution='{distribution}', seed=seed)`.")
    return export(v1=(f"initializers.{name}",))(make)


lecun_normal = _factory("lecun_normal", 1.0, "truncated_normal")
lecun_uniform = _factory("lecun_uniform", 1.0, "uniform")
he_normal = _factory("he_normal", 2.0, "truncated_normal")
he_uniform = _factory("he_uniform", 2.0, "uniform")
