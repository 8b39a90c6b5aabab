import numpy as np
import tensorflow as tf
tf.enable_eager_execution()

# TF 1's scatter ops update a variable in place and return it (its new value).
ref = tf.Variable([1.0, 2.0, 3.0, 4.0, 5.0])
out = tf.scatter_update(ref, [0, 3], [10.0, 40.0])
print(out.numpy(), ref.numpy())
print(tf.scatter_update(ref, 2, 30.0).numpy())
print(tf.scatter_add(ref, [1, 1, 4], [1.0, 2.0, 0.5]).numpy())
print(tf.scatter_sub(ref, [0, 4], [5.0, 0.5]).numpy())
print(tf.scatter_mul(ref, [1, 2], [2.0, 0.5]).numpy())
print(tf.scatter_div(ref, [0, 3], [4.0, 8.0]).numpy())
print(tf.scatter_max(ref, [0, 1, 2], [3.0, 3.0, 3.0]).numpy())
print(tf.scatter_min(ref, [2, 3, 4], [20.0, 2.0, 20.0]).numpy())
print(ref.numpy())

# Row updates of a matrix variable; integer variables.
m = tf.Variable(np.arange(12, dtype=np.float32).reshape(4, 3))
print(tf.scatter_update(m, [1, 3], [[-1.0, -1.0, -1.0], [9.0, 9.0, 9.0]]).numpy())
print(tf.scatter_add(m, [0, 0], tf.ones([2, 3])).numpy())
print(tf.scatter_max(m, [[0], [2]], [[[5.0, 0.0, 5.0]], [[0.0, 9.0, 0.0]]]).numpy())
iv = tf.Variable([10, 20, 30])
print(tf.scatter_sub(iv, [2], [7]).numpy(), tf.scatter_div(iv, [0, 1], [3, 6]).numpy())
print(tf.scatter_mul(iv, [0], [5]).numpy(), tf.scatter_min(iv, [1, 2], [1, 100]).numpy())

# N-d indices.
v = tf.Variable([1, 2, 3, 4, 5, 6, 7, 8])
print(tf.scatter_nd_update(v, [[4], [3], [1], [7]], [9, 10, 11, 12]).numpy())
print(tf.scatter_nd_add(v, [[0], [0], [5]], [100, 100, 1]).numpy())
print(tf.scatter_nd_sub(v, [[2], [6]], [3, 7]).numpy())
g = tf.Variable(tf.zeros([2, 3]))
print(tf.scatter_nd_update(g, [[0, 1], [1, 2]], [5.0, 6.0]).numpy())
print(tf.scatter_nd_add(g, [[1]], [[1.0, 2.0, 3.0]]).numpy())
print(tf.scatter_nd_sub(g, [[0, 0], [0, 0]], [1.0, 1.0]).numpy())
print(g.numpy())

# The result reads the updated variable.
w = tf.Variable([1.0, 1.0])
with tf.GradientTape() as tape:
    y = tf.reduce_sum(tf.scatter_add(w, [0], [2.0]) * 3.0)
print(y.numpy(), w.numpy())
r = tf.scatter_update(w, [1], [7.0])
print(r.dtype, r.shape, r.numpy(), w.numpy())
try:
    tf.scatter_update(w, [5], [1.0])
except (tf.errors.InvalidArgumentError, ValueError) as e:
    print(type(e).__name__)
