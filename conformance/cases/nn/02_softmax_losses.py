# conformance: rtol=1e-5 atol=1e-6
import numpy as np
import tensorflow as tf
tf.enable_eager_execution()
np.set_printoptions(precision=5)  # the last digits of float32 results may differ

logits = tf.constant([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])
print(tf.nn.softmax(logits))
print(tf.nn.softmax(logits, axis=0))
print(tf.math.softmax(logits, dim=0))
print(tf.nn.log_softmax(logits))
print(tf.math.log_softmax(logits, axis=-1))
print(tf.compat.v2.nn.softmax(logits, axis=0))
print(tf.compat.v2.nn.log_softmax(logits, axis=0))

labels = tf.constant([[0.0, 0.0, 1.0], [0.5, 0.5, 0.0]])
print(tf.nn.softmax_cross_entropy_with_logits_v2(labels=labels, logits=logits))
print(tf.compat.v2.nn.softmax_cross_entropy_with_logits(labels=labels, logits=logits))
print(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.constant([2, 0]), logits=logits))
print(tf.compat.v2.nn.sparse_softmax_cross_entropy_with_logits(tf.constant([1, 1]), logits))
z = tf.constant([-2.0, 0.0, 3.0])
t = tf.constant([0.0, 1.0, 1.0])
print(tf.nn.sigmoid_cross_entropy_with_logits(labels=t, logits=z))
print(tf.nn.weighted_cross_entropy_with_logits(labels=t, logits=z, pos_weight=2.0))
print(tf.compat.v2.nn.weighted_cross_entropy_with_logits(t, z, 0.5))
print(tf.nn.l2_loss(tf.constant([1.0, 2.0, 3.0])))
print(tf.nn.l2_normalize(tf.constant([3.0, 4.0])))
print(tf.math.l2_normalize(tf.constant([[3.0, 4.0], [1.0, 0.0]]), axis=1))
