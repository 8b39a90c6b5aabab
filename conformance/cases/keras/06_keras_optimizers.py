# conformance: rtol=1e-5 atol=1e-5
import numpy as np
import tensorflow as tf
tf.enable_eager_execution()

def run(opt, steps=3):
    x = tf.Variable([1.0, -2.0, 0.5])
    for _ in range(steps):
        with tf.GradientTape() as tape:
            loss = tf.reduce_sum(tf.square(x - 0.5))
        opt.apply_gradients([(tape.gradient(loss, x), x)])
    print(type(opt).__name__, np.round(x.numpy(), 4).tolist())

run(tf.keras.optimizers.SGD(0.1))
run(tf.keras.optimizers.SGD(0.1, momentum=0.9, nesterov=True))
run(tf.keras.optimizers.Adam(0.1))
run(tf.keras.optimizers.AdamW(0.1, weight_decay=0.01))
run(tf.keras.optimizers.Adamax(0.1))
run(tf.keras.optimizers.Nadam(0.1))
run(tf.keras.optimizers.Adagrad(0.1))
run(tf.keras.optimizers.Adadelta(1.0))
run(tf.keras.optimizers.RMSprop(0.01))
run(tf.keras.optimizers.Ftrl(0.1))
run(tf.keras.optimizers.Lion(0.01))
run(tf.keras.optimizers.SGD(tf.keras.optimizers.schedules.ExponentialDecay(0.1, 1, 0.5)))
print(issubclass(tf.keras.optimizers.Adam, tf.keras.optimizers.Optimizer), issubclass(tf.keras.optimizers.SGD, tf.keras.Optimizer))
print(type(tf.keras.optimizers.get("adam")).__name__)
cfg = tf.keras.optimizers.serialize(tf.keras.optimizers.SGD(0.25))
print(cfg["class_name"], round(cfg["config"]["learning_rate"], 4))
print(type(tf.keras.optimizers.deserialize(cfg)).__name__)
# the Keras 2 optimizers are gone from Keras 3
for make in [lambda: tf.keras.optimizers.legacy.SGD(0.1), lambda: tf.keras.optimizers.legacy.Adam(0.1), lambda: tf.keras.optimizers.legacy.Adagrad(0.1),
             lambda: tf.keras.optimizers.legacy.RMSprop(0.01), lambda: tf.keras.optimizers.legacy.Ftrl(0.1),
             lambda: tf.keras.optimizers.legacy.Optimizer]:
    try:
        make()
        print("legacy ok")
    except ImportError as e:
        print("ImportError")
tf.keras.backend.clear_session()
tf.keras.backend.set_floatx("float64")
print(tf.keras.backend.floatx())
tf.keras.backend.set_floatx("float32")
tf.keras.backend.set_epsilon(1e-5)
print(tf.keras.backend.epsilon())
