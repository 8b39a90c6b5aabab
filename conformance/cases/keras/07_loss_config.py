import tensorflow as tf
tf.enable_eager_execution()

print(tf.keras.losses.Reduction.SUM, tf.keras.losses.Reduction.NONE)
loss = tf.keras.losses.MeanSquaredError(reduction=tf.keras.losses.Reduction.SUM)
y_true = tf.constant([[0.0, 1.0], [1.0, 1.0]])
y_pred = tf.constant([[0.5, 1.0], [1.0, 0.0]])
print(float(loss(y_true, y_pred)))
cfg = tf.keras.losses.serialize(loss)
print(cfg["class_name"], cfg["config"]["reduction"], cfg["config"]["name"])
back = tf.keras.losses.deserialize({"class_name": "MeanSquaredError",
                                    "config": {"reduction": "sum", "name": "mse_copy"}})
print(type(back).__name__, back.name, float(back(y_true, y_pred)))
