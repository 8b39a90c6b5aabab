import logging
import os
import tempfile

import tensorflow as tf
tf.enable_eager_execution()

# TF logs a deprecation notice on the first call of a deprecated TF 1 symbol, through the Python
# logger "tensorflow" (so its level silences it); each symbol's notice appears once.
print(tf.get_logger().name, tf.get_logger() is logging.getLogger("tensorflow"))
x = tf.constant([[1.0, 3.0, 2.0], [5.0, 4.0, 0.0]])
tf.get_logger().setLevel(logging.ERROR)
print(tf.arg_min(x, 1).numpy())
tf.get_logger().setLevel(logging.WARNING)
print(tf.arg_min(x, 0).numpy())
print(tf.arg_max(x, 1).numpy())
print(tf.arg_max(x, 0).numpy())
tf.logging.set_verbosity(tf.logging.ERROR)
print(tf.test.is_gpu_available())
tf.logging.set_verbosity(tf.logging.WARN)
print(tf.test.is_gpu_available())

d = tempfile.mkdtemp()
path = os.path.join(d, "f.txt")
with tf.gfile.GFile(path, "w") as f:
    f.write("hello")
print(tf.gfile.FastGFile(path, "r").read())
print(tf.gfile.FastGFile(path, "r").read())
with tf.python_io.TFRecordWriter(os.path.join(d, "r")) as w:
    w.write(b"record")
print(list(tf.python_io.tf_record_iterator(os.path.join(d, "r"))))
print(list(tf.io.tf_record_iterator(os.path.join(d, "r"))))
ds = tf.data.Dataset.range(5).batch(2)
it = ds.make_one_shot_iterator()
print(it.get_next().numpy(), next(ds.make_one_shot_iterator()).numpy())
print(ds.output_shapes, ds.output_types, ds.output_classes is not None)
print(it.output_shapes, it.output_types)
print(tf.data.get_output_shapes(ds), tf.data.make_one_shot_iterator(ds).get_next().numpy())
tf.logging.warning("after %d notices", 10)
