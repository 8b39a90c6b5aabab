# conformance: rtol=1e-5 atol=1e-5
import numpy as np
import tensorflow as tf
tf.enable_eager_execution()
np.set_printoptions(precision=5)  # the last digits of float32 results may differ

img = tf.reshape(tf.range(16, dtype=tf.float32), [1, 4, 4, 1])
k = tf.constant([[1.0, 0.0], [0.0, -1.0]])
k = tf.reshape(k, [2, 2, 1, 1])
print(tf.nn.conv2d(img, k, strides=[1, 1, 1, 1], padding="VALID")[0, :, :, 0])
print(tf.nn.conv2d(img, k, strides=[1, 2, 2, 1], padding="SAME")[0, :, :, 0])
print(tf.compat.v2.nn.conv2d(img, k, strides=1, padding="SAME").shape)
print(tf.nn.max_pool(img, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding="VALID")[0, :, :, 0])
print(tf.nn.avg_pool(img, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding="VALID")[0, :, :, 0])
print(tf.nn.avg_pool2d(img, [1, 3, 3, 1], [1, 1, 1, 1], "SAME")[0, :, :, 0])
print(tf.compat.v2.nn.max_pool(img, ksize=2, strides=2, padding="VALID").shape)
print(tf.nn.max_pool2d(img, 2, 1, "VALID")[0, :, :, 0])
print(tf.compat.v2.nn.avg_pool(img, 2, 2, "VALID")[0, :, :, 0])
print(tf.compat.v2.nn.avg_pool2d(img, 2, 2, "SAME").shape)

seq = tf.reshape(tf.range(6, dtype=tf.float32), [1, 6, 1])
k1 = tf.reshape(tf.constant([1.0, 2.0, 1.0]), [3, 1, 1])
print(tf.nn.conv1d(seq, k1, stride=1, padding="VALID")[0, :, 0])
print(tf.compat.v2.nn.conv1d(seq, k1, stride=2, padding="SAME")[0, :, 0])

dk = tf.ones([2, 2, 1, 2])
print(tf.nn.depthwise_conv2d(img, dk, [1, 1, 1, 1], "VALID").shape)
print(tf.compat.v2.nn.depthwise_conv2d(img, dk, [1, 1, 1, 1], "VALID")[0, 0, 0])

x = tf.ones([1, 2, 2, 1])
tk = tf.ones([3, 3, 1, 1])
print(tf.nn.conv2d_transpose(x, tk, output_shape=[1, 4, 4, 1], strides=[1, 2, 2, 1],
                             padding="SAME")[0, :, :, 0])
print(tf.compat.v2.nn.conv2d_transpose(x, tk, [1, 4, 4, 1], 1, "VALID")[0, :, :, 0])
print(tf.nn.bias_add(tf.zeros([2, 3]), tf.constant([1.0, 2.0, 3.0])))
