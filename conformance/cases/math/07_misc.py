import numpy as np
import tensorflow as tf
tf.enable_eager_execution()

# divide_no_nan: x / y, and 0 wherever y is 0 (even for x = 0 or inf).
x = tf.constant([3.0, -2.0, 0.0, np.inf, 5.0])
y = tf.constant([2.0, 0.0, 0.0, 0.0, -4.0])
print(tf.math.divide_no_nan(x, y))
print(tf.div_no_nan(x, y))
print(tf.math.divide_no_nan(tf.constant([[1.0, 2.0], [3.0, 4.0]]), tf.constant([0.0, 2.0])))
print(tf.math.divide_no_nan(tf.constant([1.0, 2.0], tf.float64), 0.0).numpy())
with tf.GradientTape() as tape:
    tape.watch(x)
    z = tf.reduce_sum(tf.math.divide_no_nan(x[:2], y[:2]))
print(tape.gradient(z, x))
print(tf.math.divide_no_nan(tf.constant([7, -7, 2]), tf.constant([0, 2, 1])))

# rint: round half to even, keeping the dtype.
r = tf.constant([-1.5, -0.5, 0.5, 1.5, 2.5, 2.4, -2.6, 3.0])
print(tf.math.rint(r))
print(tf.rint(tf.constant([0.5, 1.5, -7.5], tf.float64)))
print(tf.math.rint(tf.constant(2.5)).numpy(), tf.math.rint(r).dtype)

# saturate_cast: clamps to the target dtype's range before casting.
v = tf.constant([-300.0, -1.5, 0.0, 127.9, 300.0, 1e10])
print(tf.dtypes.saturate_cast(v, tf.int8))
print(tf.saturate_cast(v, tf.uint8))
print(tf.dtypes.saturate_cast(v, tf.int32))
print(tf.dtypes.saturate_cast(tf.constant([-5, 70000, 3], tf.int32), tf.int16))
print(tf.dtypes.saturate_cast(tf.constant([-5, 300], tf.int64), tf.uint8))
print(tf.dtypes.saturate_cast(tf.constant([1.0, 2.5], tf.float64), tf.float32))
print(tf.dtypes.saturate_cast([1, 2], "float32", name="sc").dtype)
