import os
import tempfile
import logging
import tensorflow as tf
# keep the log quiet: the Saver notice
logging.getLogger("tensorflow").setLevel(logging.ERROR)
tf.enable_eager_execution()

d = tempfile.mkdtemp()
a = tf.Variable([1.0, 2.0], name="a")
b = tf.Variable(3, name="b")
saver = tf.train.Saver([a, b])
path = saver.save(None, os.path.join(d, "model.ckpt"))
print(os.path.basename(path))
a.assign([0.0, 0.0])
b.assign(0)
saver.restore(None, path)
print(a.numpy(), b.numpy())
print(sorted(n for n, _ in tf.train.list_variables(path)))
print(os.path.basename(tf.train.latest_checkpoint(d)))
