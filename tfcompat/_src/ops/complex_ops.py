"""Complex numbers: tf.complex, tf.math.real/imag/conj/angle.

Gradients: TF's gradient with respect to a complex value is the conjugate of JAX's VJP; the tape
applies that convention for complex sources and output_gradients (tape.py), so the ops here are
plain JAX.
"""

import jax.numpy as jnp
from jax import lax

from tfcompat._src import dtypes as d
from tfcompat._src.export import export
from tfcompat._src.ops.array_ops import convert_to_tensor
from tfcompat._src.registry import op
from tfcompat._src.tensor import Tensor


@op(name="complex", kernel="Complex", dtypes_={d.float32, d.float64})
def _complex(real, imag):
    return lax.complex(real, imag)


@export("dtypes.complex", "complex")
def complex(real, imag, name=None):  # noqa: A001 - TF's name
    """`tf.complex`: real + imag * 1j; both float32 (-> complex64) or both float64."""
    real, imag = (x if isinstance(x, Tensor) else convert_to_tensor(x) for x in (real, imag))
    if real.dtype != imag.dtype or real.dtype not in (d.float32, d.float64):
        raise TypeError(f"The `real` and `imag` components have incorrect types: "
                        f"{real.dtype.name} {imag.dtype.name}. They must be consistent, and one "
                        "of [tf.float32, tf.float64]")
    return _complex(real, imag)


@op("math.real", v1=("math.real", "real"), kernel="Real", dtypes_=d.NUMERIC)
def real(input):  # noqa: A002 - TF's argument name
    return jnp.real(input)


@op("math.imag", v1=("math.imag", "imag"), kernel="Imag", dtypes_=d.NUMERIC)
def imag(input):  # noqa: A002
    return jnp.imag(input)


@op("math.conj", v1=("math.conj", "conj"), kernel="Conj", dtypes_=d.NUMERIC)
def conj(x):
    return jnp.conj(x) if jnp.iscomplexobj(x) else x


@op("math.angle", v1=("math.angle", "angle"), kernel="Angle", dtypes_=d.NUMERIC)
def angle(input):  # noqa: A002
    return jnp.angle(input).astype(jnp.real(input).dtype)
