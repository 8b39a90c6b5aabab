import logging
import tensorflow as tf
# keep the log quiet: deprecation notices for the old to_* helpers
logging.getLogger("tensorflow").setLevel(logging.ERROR)
tf.enable_eager_execution()

x = tf.constant([1.7, -2.5, 3.2])
print(tf.cast(x, tf.int32))
print(tf.dtypes.cast(x, tf.int64))
print(tf.cast(tf.constant([0, 1, 2]), tf.bool))
print(tf.cast(tf.constant([True, False]), tf.float32))
print(tf.cast(tf.constant([300, -1]), tf.uint8))
print(tf.cast(x, tf.float16))
print(tf.cast(x, tf.complex64))
print(tf.to_float(tf.constant([1, 2])))
print(tf.to_double(tf.constant([1, 2])))
print(tf.to_int32(x))
print(tf.to_int64(x))
print(tf.constant(1).dtype, tf.constant(1.0).dtype, tf.constant(True).dtype, tf.constant("s").dtype)
print(tf.constant(2 ** 40).dtype, tf.constant([1, 2], dtype=tf.float32).dtype)
import numpy as np
print(tf.constant(np.array([1.0])).dtype, tf.constant(np.float32(1.0)).dtype)
print(tf.constant(np.array([1, 2], dtype=np.int16)).dtype)
print((tf.constant(1) + 2).dtype, (tf.constant(1.0) * 2).dtype)
print(tf.as_string(tf.constant([1, 2])))
print(tf.strings.as_string(tf.constant([1.5, 2.25]), precision=2))
print(tf.dtypes.as_string(tf.constant([True, False])))
