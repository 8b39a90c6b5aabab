"""tf.nn: activations."""

import jax
import jax.numpy as jnp

from tfcompat._src import dtypes as d
from tfcompat._src.registry import op


@op("nn.relu", kernel="Relu", dtypes_=d.FLOATS | d.INTEGERS - {d.uint64})
def relu(features):
    # jax.nn.relu has relu'(0) = 0, as TF; jnp.maximum(x, 0) would give 0.5 there.
    return jax.nn.relu(features)


@op("math.sigmoid", "nn.sigmoid", "sigmoid", kernel="Sigmoid", dtypes_=d.INEXACT)
def sigmoid(x):
    return jax.nn.sigmoid(x)


@op("math.tanh", "nn.tanh", "tanh", kernel="Tanh", dtypes_=d.INEXACT)
def tanh(x):
    return jnp.tanh(x)
