import os
import tempfile
import warnings

import numpy as np
import tensorflow as tf

tf.enable_eager_execution()

# TF 2 summary ops: True when written, False without a default writer
d = tempfile.mkdtemp()
writer = tf.compat.v2.summary.create_file_writer(d)
with writer.as_default():
    print(tf.compat.v2.summary.scalar("loss", 0.25, step=1))
    print(tf.compat.v2.summary.scalar("loss", tf.constant(0.125), step=2, description="training loss"))
    print(tf.compat.v2.summary.histogram("weights", tf.constant([0.0, 1.0, 1.0, 4.0]), step=2))
    print(tf.compat.v2.summary.histogram("weights", [1.0, 2.0, 3.0], step=3, buckets=2))
    print(tf.compat.v2.summary.image("images", tf.zeros([2, 4, 5, 3]), step=2, max_outputs=1))
    print(tf.compat.v2.summary.image("gray", np.ones([1, 3, 3, 1], np.float32), step=2))
    print(tf.compat.v2.summary.text("note", "hello", step=2))
    print(tf.compat.v2.summary.text("notes", tf.constant(["a", "b"]), step=2))
    try:
        tf.compat.v2.summary.scalar("no_step", 1.0)
    except ValueError as e:
        print("ValueError:", str(e).splitlines()[0])
    try:
        tf.compat.v2.summary.image("bad", tf.zeros([4, 5]), step=1)
    except (ValueError, tf.errors.InvalidArgumentError) as e:
        print(type(e).__name__)
    with tf.compat.v2.summary.record_if(False):
        print(tf.compat.v2.summary.scalar("skipped", 1.0, step=4))
    # TF 1 summary ops under a TF 2 default writer with a step write through the TF 2 ops
    tf.compat.v2.summary.experimental.set_step(5)
    print(tf.summary.scalar("v1_scalar", 0.5))
    print(tf.summary.histogram("v1_hist", [1.0, 2.0]))
    print(tf.summary.image("v1_image", tf.zeros([1, 2, 2, 3])))
    print(tf.summary.text("v1_text", tf.constant("x")))
    tf.compat.v2.summary.experimental.set_step(None)
writer.close()
print(len([f for f in os.listdir(d) if f.startswith("events.out.tfevents")]))
print(tf.compat.v2.summary.scalar("no_writer", 1.0, step=1))
print(tf.compat.v2.summary.histogram("no_writer", [1.0], step=1))
print(tf.compat.v2.summary.image("no_writer", tf.zeros([1, 2, 2, 3]), step=1))
print(tf.compat.v2.summary.text("no_writer", "x", step=1))

# TF 1 summary ops without a writer: the serialized Summary protocol buffer, eagerly
warnings.simplefilter("ignore")  # TF warns that no TF 2 writer is set
s = tf.summary.scalar("acc", tf.constant(0.75))
print(s.dtype, s.shape, s.numpy())
print(tf.summary.scalar("acc", 0.5, family="train").numpy())
h = tf.summary.histogram("h", tf.constant([-1.5, 0.0, 2.0, 7.0]))
print(h.dtype, h.shape, len(h.numpy()))
t = tf.summary.text("t", tf.constant("some text"))
print(t.dtype, t.shape, t.numpy())

# Under a TF 2 writer, TF 1 ops need a step: the summary step, else the global step
writer2 = tf.compat.v2.summary.create_file_writer(tempfile.mkdtemp())
with writer2.as_default():
    print(tf.summary.scalar("no_step", 1.0).numpy())
    tf.train.get_or_create_global_step().assign(7)
    print(tf.summary.scalar("global_step", 1.0))
    print(tf.summary.histogram("global_step_hist", [1.0, 2.0]))
writer2.close()
