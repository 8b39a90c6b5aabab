import os
import tempfile
import tensorflow.compat.v2 as tf

# summary writers and their switches (the scalar/histogram/text/image ops need TensorBoard)
d = tempfile.mkdtemp()
writer = tf.summary.create_file_writer(d)
print(isinstance(writer, tf.summary.SummaryWriter))
with writer.as_default():
    print(tf.summary.write("raw", tf.constant(1.0), step=2))
    tf.summary.experimental.set_step(7)
    print(tf.summary.experimental.get_step())
    print(tf.summary.write("implicit_step", tf.constant([1, 2])))
    with tf.summary.record_if(False):
        print(tf.summary.should_record_summaries())
        print(tf.summary.write("skipped", 1.0, step=3))
    print(tf.summary.should_record_summaries())
    tf.summary.flush()
writer.flush()
writer.close()
print(len([f for f in os.listdir(d) if f.startswith("events.out.tfevents")]))
print(tf.summary.write("no_writer", 1.0, step=1))
noop = tf.summary.create_noop_writer()
with noop.as_default():
    print(tf.summary.write("noop", 1.0, step=1))
