# conformance: rtol=1e-4 atol=1e-5
# ruff: noqa: UP008, UP031, B905 - written as TF 1.x-era scripts are
# Recorded with TF 2.21 (tf_keras answering tf.keras: TF_USE_LEGACY_KERAS=1).
# The shape of TF 1.x's eager MNIST example (tensorflow/contrib/eager/python/examples/mnist):
# a tf.keras.Model subclass trained with tf.train.AdamOptimizer and tf.GradientTape over a
# tf.data pipeline. The data are synthetic, of MNIST's shapes (28x28x1 float32 images, integer
# labels), and the initial weights are set from a seeded NumPy generator, so TensorFlow and
# tfcompat start from the same point. Dropout runs only in the separate training-mode check:
# its random masks differ between implementations, so the loss curve is computed without it.
# Adam's epsilon is 1e-4: with the default 1e-8, weights whose gradients are near zero step by
# about +-learning_rate on the sign of rounding noise, so two correct implementations (or one
# on two machines) drift apart within a few steps.
import logging

import numpy as np
import tensorflow as tf

tf.enable_eager_execution()
logging.getLogger("tensorflow").setLevel(logging.ERROR)

BATCH_SIZE = 32
STEPS = 20


TEMPLATES = (np.random.RandomState(1234).uniform(0.0, 1.0, size=(10, 28, 28, 1)) < 0.2) * 1.0


def synthetic_mnist(n, seed):
    """n images, each its class's template plus noise (so the labels are learnable)."""
    rng = np.random.RandomState(seed)
    labels = rng.randint(0, 10, size=n).astype(np.int64)
    noise = rng.uniform(0.0, 1.0, size=(n, 28, 28, 1))
    images = 0.7 * TEMPLATES[labels] + 0.3 * noise
    return images.astype(np.float32), labels


class MNISTModel(tf.keras.Model):
    def __init__(self):
        super(MNISTModel, self).__init__()
        self.conv1 = tf.keras.layers.Conv2D(16, 5, padding="same", activation=tf.nn.relu)
        self.pool1 = tf.keras.layers.MaxPooling2D((2, 2), (2, 2), padding="same")
        self.conv2 = tf.keras.layers.Conv2D(32, 5, padding="same", activation=tf.nn.relu)
        self.pool2 = tf.keras.layers.MaxPooling2D((2, 2), (2, 2), padding="same")
        self.flatten = tf.keras.layers.Flatten()
        self.fc1 = tf.keras.layers.Dense(128, activation=tf.nn.relu)
        self.dropout = tf.keras.layers.Dropout(0.4)
        self.fc2 = tf.keras.layers.Dense(10)

    def call(self, inputs, training=False):
        x = tf.reshape(inputs, [-1, 28, 28, 1])
        x = self.pool1(self.conv1(x))
        x = self.pool2(self.conv2(x))
        x = self.fc1(self.flatten(x))
        x = self.dropout(x, training=training)
        return self.fc2(x)


def loss_fn(model, images, labels):
    logits = model(images, training=False)
    return tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)


def accuracy(logits, labels):
    predictions = tf.argmax(logits, axis=1, output_type=tf.int64)
    return tf.reduce_mean(tf.cast(tf.equal(predictions, labels), tf.float32))


def set_initial_weights(model, seed):
    """Glorot-uniform kernels and zero biases, drawn with NumPy."""
    rng = np.random.RandomState(seed)
    for v in model.variables:
        shape = v.shape.as_list()
        if len(shape) > 1:
            fan_in, fan_out = int(np.prod(shape[:-1])), shape[-1]
            if len(shape) == 4:
                fan_out = shape[-1] * shape[0] * shape[1]
            limit = np.sqrt(6.0 / (fan_in + fan_out))
            v.assign(rng.uniform(-limit, limit, size=shape).astype(np.float32))
        else:
            v.assign(np.zeros(shape, np.float32))


train_images, train_labels = synthetic_mnist(BATCH_SIZE * STEPS, seed=0)
test_images, test_labels = synthetic_mnist(256, seed=1)
dataset = tf.data.Dataset.from_tensor_slices((train_images, train_labels)).batch(BATCH_SIZE)

model = MNISTModel()
model(tf.zeros([1, 28, 28, 1]))
set_initial_weights(model, seed=42)
for v in model.variables:
    print(v.name, v.shape.as_list())

optimizer = tf.train.AdamOptimizer(learning_rate=1e-3, epsilon=1e-4)
step_counter = tf.train.get_or_create_global_step()

for (batch, (images, labels)) in enumerate(dataset):
    with tf.GradientTape() as tape:
        loss_value = loss_fn(model, images, labels)
    grads = tape.gradient(loss_value, model.variables)
    optimizer.apply_gradients(zip(grads, model.variables), global_step=step_counter)
    if batch % 4 == 0 or batch == STEPS - 1:
        print("Step #%d\tLoss: %.6f" % (batch, loss_value.numpy()))

print("global step:", int(step_counter.numpy()))
logits = model(test_images, training=False)
test_loss = tf.losses.sparse_softmax_cross_entropy(labels=test_labels, logits=logits)
print("Test set: Average loss: %.6f, Accuracy: %.2f%%"
      % (test_loss.numpy(), 100 * accuracy(logits, test_labels).numpy()))

# Training mode drops 40% of fc1's units, scaled by 1 / 0.6; the masks are random.
hidden = model.fc1(model.flatten(model.pool2(model.conv2(model.pool1(model.conv1(
    test_images[:8]))))))
dropped = model.dropout(hidden, training=True)
print("dropout keeps only scaled units:",
      bool(np.allclose(dropped.numpy()[dropped.numpy() != 0],
                       hidden.numpy()[dropped.numpy() != 0] / 0.6, rtol=1e-5)))
print("training-mode logits:", model(test_images[:8], training=True).shape)
