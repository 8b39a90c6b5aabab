"""A tfe.Network trained eagerly and checkpointed with tfe.Saver (TF 1.15's eager guide style).

Expected output: recorded from the TF 2.21 core equivalent (the same program with a
`tf.keras.Model` subclass named "net" for `tfe.Network` and its `track_layer` calls removed, and
`tf.compat.v1.train.Saver(var_list)` for `tfe.Saver`, under TF_USE_LEGACY_KERAS=1); the variable
names are the ones TF 1.15's `tfe.Network` documentation shows ('net/dense/kernel:0', ...).
"""
import os
import tempfile

import numpy as np
import tensorflow as tf
import tensorflow.contrib.eager as tfe

tf.enable_eager_execution()


class Regressor(tfe.Network):
    def __init__(self):
        super().__init__(name="net")
        self.hidden = self.track_layer(tf.keras.layers.Dense(3, activation=tf.nn.relu))
        self.output_layer = self.track_layer(tf.keras.layers.Dense(1))

    def call(self, inputs):
        return self.output_layer(self.hidden(inputs))


net = Regressor()
x = tf.constant([[1.0, 2.0], [3.0, -1.0], [0.5, 0.5], [-2.0, 1.0]])
y = tf.constant([[1.0], [2.0], [0.5], [-1.0]])
net(x)
for v in net.variables:  # fixed starting weights instead of random ones
    n = int(np.prod(v.shape))
    v.assign(np.linspace(-0.5, 0.7, n).reshape(v.shape.as_list()).astype(np.float32))
print([v.name for v in net.variables])
print([v.shape.as_list() for v in net.trainable_variables])


def loss_fn():
    return tf.reduce_mean(tf.square(net(x) - y))


optimizer = tf.train.GradientDescentOptimizer(learning_rate=0.05)
for step in range(5):
    with tf.GradientTape() as tape:
        loss = loss_fn()
    grads = tape.gradient(loss, net.trainable_variables)
    optimizer.apply_gradients(zip(grads, net.trainable_variables, strict=True))
    print(f"step {step} loss {loss.numpy():.5f}")

checkpoint_dir = tempfile.mkdtemp()
saver = tfe.Saver(net.variables)
path = saver.save(os.path.join(checkpoint_dir, "model"), global_step=5)
print(os.path.basename(path), os.path.basename(tf.train.latest_checkpoint(checkpoint_dir)))
trained = [v.numpy() for v in net.variables]
for v in net.variables:
    v.assign(tf.zeros_like(v))
print(f"zeroed loss {loss_fn().numpy():.5f}")
saver.restore(path)
print(f"restored loss {loss_fn().numpy():.5f}")
print(all(np.array_equal(a, v.numpy()) for a, v in zip(trained, net.variables, strict=True)))
print(sorted(name for name, _ in tf.train.list_variables(path)))
print([f"{value:.4f}" for value in net(x).numpy().ravel()])
