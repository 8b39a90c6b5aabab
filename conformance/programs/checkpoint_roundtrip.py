# Recorded with TF 2.21.
import os
import tempfile

import tensorflow as tf

prefix = os.path.join(tempfile.mkdtemp(), "ckpt")
v = tf.Variable([1.0, 2.0])
step = tf.Variable(7, dtype=tf.int64)
ckpt = tf.train.Checkpoint(v=v, step=step)
path = ckpt.save(prefix)
print(os.path.basename(path))
v.assign([5.0, 6.0])
step.assign(0)
ckpt.restore(path)
print(v.numpy(), step.numpy())
print(sorted(name for name, _ in tf.train.list_variables(path) if "OPTIMIZER" not in name))
