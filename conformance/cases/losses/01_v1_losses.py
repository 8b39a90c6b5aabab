# conformance: rtol=1e-5 atol=1e-6
import logging
import tensorflow as tf
# keep the log quiet: deprecation notice for softmax_cross_entropy_with_logits
logging.getLogger("tensorflow").setLevel(logging.ERROR)
tf.enable_eager_execution()

labels = tf.constant([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
preds = tf.constant([[0.8, 0.1], [0.3, 0.6], [0.5, 0.9]])
print(tf.losses.mean_squared_error(labels, preds))
print(tf.losses.absolute_difference(labels, preds))
print(tf.losses.absolute_difference(labels, preds, weights=tf.constant([[1.0], [0.0], [2.0]])))
print(tf.losses.log_loss(labels, preds))
print(tf.losses.hinge_loss(labels, preds))
print(tf.losses.huber_loss(labels, preds * 3.0, delta=1.0))
print(tf.losses.cosine_distance(tf.nn.l2_normalize(labels, 1), tf.nn.l2_normalize(preds, 1), axis=1))
logits = tf.constant([[2.0, -1.0], [0.5, 0.5], [-1.0, 3.0]])
print(tf.losses.sigmoid_cross_entropy(labels, logits))
print(tf.losses.sigmoid_cross_entropy(labels, logits, label_smoothing=0.1))
print(tf.losses.softmax_cross_entropy(tf.constant([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]]), logits))
print(tf.losses.sparse_softmax_cross_entropy(tf.constant([0, 1, 1]), logits))
print(tf.losses.mean_squared_error(labels, preds, reduction=tf.losses.Reduction.NONE))
print(tf.losses.mean_squared_error(labels, preds, reduction=tf.losses.Reduction.SUM))
print(tf.losses.compute_weighted_loss(tf.constant([1.0, 2.0, 3.0]), weights=2.0))
print(tf.losses.compute_weighted_loss(tf.constant([1.0, 2.0, 3.0]),
                                      reduction=tf.losses.Reduction.MEAN))
print(tf.losses.Reduction.SUM_BY_NONZERO_WEIGHTS, tf.losses.Reduction.all())
print(tf.nn.softmax_cross_entropy_with_logits(labels=tf.constant([[1.0, 0.0]]),
                                              logits=tf.constant([[1.0, 2.0]])))
