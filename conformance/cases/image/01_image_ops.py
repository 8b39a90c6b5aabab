# conformance: rtol=1e-5 atol=1e-5
import logging
import tensorflow as tf
# keep the log quiet: deprecation notices for the resize_* aliases
logging.getLogger("tensorflow").setLevel(logging.ERROR)
tf.enable_eager_execution()

img = tf.reshape(tf.range(2 * 3 * 3, dtype=tf.float32), [2, 3, 3, 1])
print(tf.image.flip_left_right(img)[0, :, :, 0])
print(tf.image.flip_up_down(img[0])[:, :, 0])
rgb = tf.constant([[[255.0, 0.0, 0.0], [0.0, 255.0, 0.0]], [[0.0, 0.0, 255.0], [10.0, 20.0, 30.0]]])
print(tf.image.rgb_to_grayscale(rgb)[:, :, 0])
print(tf.image.central_crop(tf.reshape(tf.range(16.0), [4, 4, 1]), 0.5)[:, :, 0])
u8 = tf.constant([[[0], [128], [255]]], dtype=tf.uint8)
print(tf.image.convert_image_dtype(u8, tf.float32)[0, :, 0])
print(tf.image.convert_image_dtype(tf.constant([[[0.0], [0.5], [1.0]]]), tf.uint8)[0, :, 0])
small = tf.reshape(tf.constant([0.0, 1.0, 2.0, 3.0]), [1, 2, 2, 1])
print(tf.image.resize(small, [4, 4], method="nearest")[0, :, :, 0])
print(tf.image.resize(small, [3, 3])[0, :, :, 0])
print(tf.image.resize(small, [4, 4], method=tf.image.ResizeMethod.BILINEAR).shape)
print(tf.image.resize_images(small, [4, 4], method=tf.image.ResizeMethod.NEAREST_NEIGHBOR)[0, :, :, 0])
print(tf.image.resize_bilinear(small, [3, 3])[0, :, :, 0])
print(tf.image.resize_bilinear(small, [3, 3], align_corners=True)[0, :, :, 0])
print(tf.image.resize_nearest_neighbor(small, [4, 4])[0, :, :, 0])
print(tf.image.ResizeMethod.BILINEAR, tf.image.ResizeMethod.NEAREST_NEIGHBOR)
print(tf.compat.v2.image.resize(small, [4, 4], method=tf.compat.v2.image.ResizeMethod.NEAREST_NEIGHBOR)[0, :, :, 0])
print(tf.compat.v2.image.resize(small, [2, 3], method="bilinear").shape)
