# conformance: rtol=1e-5 atol=1e-5
import numpy as np
import tensorflow as tf
tf.enable_eager_execution()

def show(label, t):
    print(label, np.round(np.asarray(t), 4).tolist())

x = tf.constant([-2.0, -0.5, 0.0, 0.5, 2.0])
show("relu", tf.keras.activations.relu(x))
show("elu", tf.keras.activations.elu(x))
show("selu", tf.keras.activations.selu(x))
show("sigmoid", tf.keras.activations.sigmoid(x))
show("tanh", tf.keras.activations.tanh(x))
show("softplus", tf.keras.activations.softplus(x))
show("softsign", tf.keras.activations.softsign(x))
show("swish", tf.keras.activations.swish(x))
show("exponential", tf.keras.activations.exponential(x))
show("linear", tf.keras.activations.linear(x))
show("softmax", tf.keras.activations.softmax(tf.constant([[1.0, 2.0, 3.0]])))
show("gelu", tf.keras.activations.gelu(x))
show("get", tf.keras.activations.get("relu")(x))
print(tf.keras.activations.serialize(tf.keras.activations.tanh) if isinstance(tf.keras.activations.serialize(tf.keras.activations.tanh), str) else "serialized")

y_true = tf.constant([[0.0, 1.0], [1.0, 0.0]])
y_pred = tf.constant([[0.2, 0.8], [0.6, 0.4]])
show("mse", tf.keras.losses.mse(y_true, y_pred))
show("mae", tf.keras.losses.mae(y_true, y_pred))
show("mape", tf.keras.losses.mape(y_true + 1.0, y_pred + 1.0))
show("msle", tf.keras.losses.msle(y_true, y_pred))
show("kld", tf.keras.losses.kld(y_true, y_pred))
show("logcosh", tf.keras.losses.logcosh(y_true, y_pred))
show("huber", tf.keras.losses.huber(y_true, y_pred))
show("poisson", tf.keras.losses.poisson(y_true, y_pred))
show("hinge", tf.keras.losses.hinge(y_true, y_pred))
show("squared_hinge", tf.keras.losses.squared_hinge(y_true, y_pred))
show("categorical_hinge", tf.keras.losses.categorical_hinge(y_true, y_pred))
show("cosine_similarity", tf.keras.losses.cosine_similarity(y_true, y_pred))
show("binary_crossentropy", tf.keras.losses.binary_crossentropy(y_true, y_pred))
show("categorical_crossentropy", tf.keras.losses.categorical_crossentropy(y_true, y_pred))
show("sparse_categorical_crossentropy", tf.keras.losses.sparse_categorical_crossentropy(tf.constant([1, 0]), y_pred))
for cls in [tf.keras.losses.MeanSquaredError, tf.keras.losses.MeanAbsoluteError, tf.keras.losses.MeanAbsolutePercentageError,
            tf.keras.losses.MeanSquaredLogarithmicError, tf.keras.losses.KLDivergence, tf.keras.losses.LogCosh, tf.keras.losses.Huber, tf.keras.losses.Poisson,
            tf.keras.losses.Hinge, tf.keras.losses.SquaredHinge, tf.keras.losses.CategoricalHinge, tf.keras.losses.CosineSimilarity,
            tf.keras.losses.BinaryCrossentropy, tf.keras.losses.CategoricalCrossentropy]:
    show(cls.__name__, cls()(y_true, y_pred))
show("SparseCategoricalCrossentropy", tf.keras.losses.SparseCategoricalCrossentropy()(tf.constant([1, 0]), y_pred))
show("from_logits", tf.keras.losses.BinaryCrossentropy(from_logits=True)(y_true, y_pred))
show("sum", tf.keras.losses.MeanSquaredError(reduction="sum")(y_true, y_pred))
print(issubclass(tf.keras.losses.MeanSquaredError, tf.keras.losses.Loss))
show("get", tf.keras.losses.get("mse")(y_true, y_pred))
show("backend bce", tf.keras.backend.binary_crossentropy(y_true, y_pred))
show("backend cce", tf.keras.backend.categorical_crossentropy(y_true, y_pred))
show("backend scce", tf.keras.backend.sparse_categorical_crossentropy(tf.constant([1, 0]), y_pred))
print(tf.keras.backend.floatx(), tf.keras.backend.epsilon())
