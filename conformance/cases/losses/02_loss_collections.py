import tensorflow as tf
tf.enable_eager_execution()

print(tf.losses.get_losses())
print(tf.losses.get_regularization_losses())
print(tf.losses.get_regularization_loss())
tf.losses.add_loss(tf.constant(2.0))
print(tf.losses.get_losses())
