# Recorded with TF 2.21.
import numpy as np
import tensorflow as tf

layer = tf.keras.layers.Dense(2, kernel_initializer=tf.keras.initializers.Constant(0.5),
                              bias_initializer="zeros")
x = tf.constant(np.arange(6, dtype=np.float32).reshape(3, 2))
with tf.GradientTape() as tape:
    y = layer(x)
    loss = tf.reduce_mean(y ** 2)
grads = tape.gradient(loss, layer.trainable_variables)
print(y.numpy().tolist())
print([g.numpy().tolist() for g in grads])
