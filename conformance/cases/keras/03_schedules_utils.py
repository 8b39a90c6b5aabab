# conformance: rtol=1e-5 atol=1e-6
import numpy as np
import tensorflow as tf
tf.enable_eager_execution()

scheds = [tf.keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=10, decay_rate=0.5),
          tf.keras.optimizers.schedules.ExponentialDecay(0.1, 10, 0.5, staircase=True),
          tf.keras.optimizers.schedules.InverseTimeDecay(0.1, 10, 0.5),
          tf.keras.optimizers.schedules.PolynomialDecay(0.1, 100, end_learning_rate=0.01, power=2.0),
          tf.keras.optimizers.schedules.PiecewiseConstantDecay([10, 30], [1.0, 0.5, 0.1]),
          tf.keras.optimizers.schedules.CosineDecay(0.1, 50),
          tf.keras.optimizers.schedules.CosineDecay(0.1, 50, alpha=0.1),
          tf.keras.optimizers.schedules.CosineDecayRestarts(0.1, 20)]
for s in scheds:
    print(type(s).__name__, isinstance(s, tf.keras.optimizers.schedules.LearningRateSchedule),
          [round(float(s(step)), 6) for step in [0, 5, 10, 25, 60]])
cfg = tf.keras.optimizers.schedules.serialize(scheds[0])
print(cfg["class_name"], sorted(cfg["config"]))
back = tf.keras.optimizers.schedules.deserialize(cfg)
print(type(back).__name__, round(float(back(10)), 6))

print(tf.keras.utils.to_categorical([0, 2, 1], num_classes=3).tolist())
print(tf.keras.utils.to_categorical(np.array([1, 1])).tolist())
print(tf.keras.utils.pad_sequences([[1, 2], [3, 4, 5], [6]]).tolist())
print(tf.keras.utils.pad_sequences([[1, 2], [3, 4, 5]], maxlen=2, padding="post",
                                   truncating="post", value=9).tolist())
