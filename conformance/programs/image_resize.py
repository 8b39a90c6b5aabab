# Recorded with TF 2.21.
import numpy as np
import tensorflow as tf

image = tf.constant(np.arange(12, dtype=np.float32).reshape(1, 3, 4, 1))
print(tf.compat.v1.image.resize_images(image, [2, 2])[0, :, :, 0].numpy().tolist())
print(tf.compat.v1.image.resize_images(image, [6, 8], method=1)[0, :2, :, 0].numpy().tolist())
print(tf.compat.v2.image.resize(image, [2, 3])[0, :, :, 0].numpy().tolist())
print(tf.image.flip_left_right(image)[0, 0, :, 0].numpy().tolist())
u8 = tf.image.convert_image_dtype(image / 11.0, tf.uint8)
print(u8.dtype.name, u8[0, :, :, 0].numpy().tolist())
