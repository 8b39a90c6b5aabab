# conformance: rtol=1e-5 atol=1e-6
import numpy as np
import tensorflow as tf
tf.enable_eager_execution()
np.set_printoptions(precision=5)  # the last digits of float32 results may differ

x = tf.constant([[1.0, 2.0], [3.0, 6.0], [5.0, 10.0]])
mean, var = tf.nn.moments(x, axes=[0])
print(mean, var)
mean, var = tf.nn.moments(x, [1], keep_dims=True)
print(mean, var)
m2, v2 = tf.compat.v2.nn.moments(x, axes=[0, 1], keepdims=False)
print(m2, v2)
y = tf.nn.batch_normalization(x, mean=tf.constant([3.0, 6.0]), variance=tf.constant([4.0, 16.0]),
                              offset=tf.constant([0.0, 1.0]), scale=tf.constant([2.0, 1.0]),
                              variance_epsilon=0.0)
print(y)

table = tf.constant([[0.0, 0.1], [1.0, 1.1], [2.0, 2.1], [3.0, 3.1]])
print(tf.nn.embedding_lookup(table, tf.constant([3, 0, 3])))
print(tf.compat.v2.nn.embedding_lookup(table, tf.constant([[1, 2]])))

# dropout: only deterministic facts
ones = tf.ones([1000])
d = tf.nn.dropout(ones, keep_prob=1.0)
print(tf.reduce_sum(d).numpy())
d = tf.compat.v2.nn.dropout(ones, rate=0.5, seed=1)
vals = set(tf.unique(d)[0].numpy().tolist())
print(sorted(vals), d.shape, d.dtype)
d = tf.nn.dropout(ones, rate=0.75)
print(sorted(set(tf.unique(d)[0].numpy().tolist())))
print(tf.nn.dropout(ones, 0.5).shape)
