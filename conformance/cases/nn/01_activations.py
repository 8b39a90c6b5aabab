# conformance: rtol=1e-5 atol=1e-6
import numpy as np
import tensorflow as tf
tf.enable_eager_execution()
np.set_printoptions(precision=5)  # the last digits of float32 results may differ

x = tf.constant([-3.0, -1.0, -0.25, 0.0, 0.5, 2.0, 7.0])
print(tf.nn.relu(x))
print(tf.nn.relu6(x))
print(tf.nn.leaky_relu(x))
print(tf.nn.leaky_relu(x, alpha=0.1))
print(tf.nn.elu(x))
print(tf.nn.selu(x))
print(tf.nn.sigmoid(x))
print(tf.nn.tanh(x))
print(tf.nn.softplus(x))
print(tf.math.softsign(x))
print(tf.nn.swish(x))
print(tf.nn.silu(x))
print(tf.compat.v2.nn.gelu(x))
print(tf.compat.v2.nn.gelu(x, approximate=True))
print(tf.nn.relu(tf.constant([-1, 2])))
