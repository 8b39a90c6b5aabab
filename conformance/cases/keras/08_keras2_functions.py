# conformance: rtol=1e-5 atol=1e-6
# record-env: TF_USE_LEGACY_KERAS=1
# Keras 2 (tf_keras) semantics, which legacy code was written against and tfcompat's Keras
# follows; TF 2.21's default Keras 3 differs for these two functions.
import numpy as np
import tensorflow as tf
tf.enable_eager_execution()

x = tf.constant([-3.0, -2.5, -1.0, 0.0, 0.5, 2.5, 3.0])
print(np.round(tf.keras.activations.hard_sigmoid(x).numpy(), 5).tolist())
print(tf.keras.activations.get("hard_sigmoid")(tf.constant([0.2])).numpy())
print(tf.keras.activations.hard_sigmoid(tf.constant([[-10.0, 10.0]], tf.float64)))

y_true = tf.constant([[1.0, 0.0, 1.0], [0.0, 0.0, 1.0]])
y_pred = tf.constant([[0.9, 0.6, 0.4], [0.2, 0.7, 0.8]])
print(tf.keras.metrics.binary_accuracy(y_true, y_pred))
print(tf.keras.metrics.binary_accuracy(y_true, y_pred, threshold=0.65))
print(tf.keras.metrics.binary_accuracy(tf.constant([1.0, 0.0, 1.0]), tf.constant([0.9, 0.6, 0.4])))
