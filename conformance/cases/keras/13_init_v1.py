# conformance: rtol=1e-5 atol=1e-6
# record-env: TF_USE_LEGACY_KERAS=1
import logging
import warnings

import numpy as np
import tensorflow as tf
tf.enable_eager_execution()
warnings.simplefilter("ignore")  # tf.layers' own deprecation UserWarnings
# UniformUnitScaling and distribution="normal" log deprecation notices that TF locates in its
# own deprecation.py
logging.getLogger("tensorflow").setLevel(logging.ERROR)


def show(label, t):
    t = np.asarray(t)
    print(label, t.dtype, np.round(t, 4).tolist())


x = tf.constant([[1.0, 2.0]])
y = tf.layers.dense(x, 3, kernel_initializer=tf.constant_initializer(0.5),
                    bias_initializer=tf.zeros_initializer())
show("dense", y)
y = tf.layers.dense(x, 2, kernel_initializer=tf.constant_initializer([1.0, -1.0, 0.5, 2.0]),
                    bias_initializer=tf.ones_initializer())
show("dense list", y)

show("zeros", tf.zeros_initializer()([2, 2]))
show("zeros int", tf.zeros_initializer(dtype=tf.int32)([3]))
show("ones", tf.ones_initializer()([3], dtype=tf.float64))
show("constant", tf.constant_initializer(7, dtype=tf.int64)([2]))
show("constant array", tf.constant_initializer(np.arange(6.0).reshape(2, 3))([3, 2]))
show("identity", tf.initializers.identity(gain=3.0)([2, 3]))
show("initializers.ones", tf.initializers.ones()([2]))
try:
    tf.constant_initializer([1.0, 2.0, 3.0, 4.0], verify_shape=True)([2, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    tf.random_normal_initializer(dtype=tf.int32)
except ValueError as e:
    print("ValueError:", e)
try:
    tf.orthogonal_initializer()([4])
except ValueError as e:
    print("ValueError:", e)

print(tf.constant_initializer(2.0).get_config())
print(tf.random_uniform_initializer(-1.0, 1.0, seed=3).get_config())
print(tf.variance_scaling_initializer().get_config())
print(tf.initializers.he_normal(seed=1).get_config())
print(tf.glorot_uniform_initializer().get_config())

shape = [100, 200]
for name, init, std in [
        ("random_uniform", tf.random_uniform_initializer(-1.0, 1.0, seed=1), (1 / 3) ** 0.5),
        ("random_normal", tf.random_normal_initializer(0.0, 0.5, seed=1), 0.5),
        ("truncated_normal", tf.truncated_normal_initializer(0.0, 1.0, seed=1), 0.8796),
        ("glorot_uniform", tf.glorot_uniform_initializer(seed=1), (2 / 300) ** 0.5),
        ("glorot_normal", tf.glorot_normal_initializer(seed=1), (2 / 300) ** 0.5),
        ("variance_scaling", tf.variance_scaling_initializer(2.0, seed=1), (2 / 100) ** 0.5),
        ("variance_scaling normal", tf.variance_scaling_initializer(distribution="normal"),
         (1 / 100) ** 0.5),
        ("he_uniform", tf.initializers.he_uniform(), (2 / 100) ** 0.5),
        ("lecun_normal", tf.initializers.lecun_normal(seed=2), (1 / 100) ** 0.5),
        ("lecun_uniform", tf.initializers.lecun_uniform(), (1 / 100) ** 0.5),
        ("uniform_unit_scaling", tf.uniform_unit_scaling_initializer(seed=1), (1 / 100) ** 0.5),
        ("orthogonal", tf.orthogonal_initializer(seed=1), (1 / 200) ** 0.5)]:
    v = init(shape).numpy()
    print(name, v.shape, v.dtype, abs(v.mean()) < 0.1 * std, abs(v.std() / std - 1) < 0.05)

q = tf.orthogonal_initializer(gain=2.0, seed=1)([3, 3]).numpy()
print("orthogonal q^T q", (np.round(q.T @ q, 4) + 0.0).tolist())
v = tf.Variable(tf.random_uniform_initializer(0, 10, dtype=tf.int32, seed=1)([20]))
print("int uniform", v.dtype, bool(v.numpy().min() >= 0), bool(v.numpy().max() < 10))
layer = tf.keras.layers.Dense(2, kernel_initializer=tf.glorot_normal_initializer(seed=1))
print("keras", layer(x).shape, [w.shape.as_list() for w in layer.weights])
