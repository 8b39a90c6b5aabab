# conformance: rtol=1e-5 atol=1e-5
import numpy as np
import tensorflow as tf
tf.enable_eager_execution()

def show(label, t):
    print(label, np.round(np.asarray(t), 4).tolist())

model = tf.keras.Sequential([
    tf.keras.Input(shape=(2,)),
    tf.keras.layers.Dense(3, activation="relu", kernel_initializer="ones"),
    tf.keras.layers.Dense(1, kernel_initializer="ones"),
])
show("Sequential", model(tf.constant([[1.0, 2.0]])))
print(len(model.layers), len(model.trainable_variables), isinstance(model, tf.keras.Model))
inp = tf.keras.Input(shape=(2,))
out = tf.keras.layers.Dense(1, kernel_initializer="ones", bias_initializer="zeros")(inp)
fm = tf.keras.Model(inputs=inp, outputs=out)
show("functional", fm(tf.constant([[2.0, 3.0]])))
print(isinstance(fm.layers[0], tf.keras.layers.InputLayer))

show("Zeros", tf.keras.initializers.Zeros()([2]))
show("Ones", tf.keras.initializers.Ones()([2]))
show("Constant", tf.keras.initializers.Constant(3.0)([2]))
show("Identity", tf.keras.initializers.Identity()([2, 2]))
for cls in [tf.keras.initializers.RandomNormal, tf.keras.initializers.RandomUniform, tf.keras.initializers.TruncatedNormal, tf.keras.initializers.GlorotNormal, tf.keras.initializers.GlorotUniform,
            tf.keras.initializers.HeNormal, tf.keras.initializers.HeUniform, tf.keras.initializers.LecunNormal, tf.keras.initializers.LecunUniform, tf.keras.initializers.Orthogonal]:
    v = cls(seed=1)([3, 3])
    print(cls.__name__, v.shape, v.dtype, issubclass(cls, tf.keras.initializers.Initializer))
v = tf.keras.initializers.VarianceScaling(scale=2.0, mode="fan_in", seed=3)([4, 4])
print("VarianceScaling", v.shape)
print(type(tf.keras.initializers.get("zeros")).__name__, sorted(tf.keras.initializers.serialize(tf.keras.initializers.Constant(2.0))["config"].items()))

w = tf.constant([[1.0, -2.0], [3.0, 0.0]])
show("L1", tf.keras.regularizers.L1(0.1)(w))
show("L2", tf.keras.regularizers.L2(0.1)(w))
show("L1L2", tf.keras.regularizers.L1L2(l1=0.1, l2=0.2)(w))
show("l1_l2", tf.keras.regularizers.l1_l2(0.01, 0.01)(w))
print(type(tf.keras.regularizers.get("l2")).__name__, issubclass(tf.keras.regularizers.L1, tf.keras.regularizers.Regularizer))
