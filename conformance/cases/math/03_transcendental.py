# conformance: rtol=1e-5 atol=1e-6
import numpy as np
import tensorflow as tf
tf.enable_eager_execution()
np.set_printoptions(precision=5)  # the last digits of float32 results may differ

x = tf.constant([0.1, 0.5, 1.0, 2.0])
print(tf.exp(x))
print(tf.math.expm1(x))
print(tf.math.log(x))
print(tf.log(x))
print(tf.math.log1p(x))
print(tf.sqrt(x))
print(tf.math.rsqrt(x))
print(tf.rsqrt(x))
print(tf.sin(x), tf.cos(x), tf.tan(x))
y = tf.constant([-0.9, -0.3, 0.0, 0.6])
print(tf.asin(y), tf.acos(y), tf.atan(y))
print(tf.atan2(tf.constant([1.0, -1.0, 1.0]), tf.constant([1.0, 1.0, -1.0])))
print(tf.sinh(y), tf.cosh(y), tf.tanh(y))
print(tf.sigmoid(y), tf.math.sigmoid(y))
print(tf.math.softplus(y), tf.nn.softsign(y))
print(tf.exp(tf.constant([0.0, 1.0], dtype=tf.float64)))
