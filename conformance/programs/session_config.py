# Recorded with TF 2.21: TF 1 session-era objects under eager execution.
import tensorflow as tf

config = tf.compat.v1.ConfigProto(allow_soft_placement=True)
config.gpu_options.allow_growth = True
print(config.allow_soft_placement, config.gpu_options.allow_growth)
v = tf.Variable([1.0, 2.0])
print(tf.compat.v1.global_variables_initializer())
print(tf.compat.v1.trainable_variables())
print(tf.executing_eagerly(), (v * 2).numpy())
