# Recorded with TF 2.21. TF 2.21's tf.summary.scalar needs TensorBoard, which the recording
# environment lacks, so this uses core tf.summary.write.
import tempfile

import tensorflow as tf

writer = tf.summary.create_file_writer(tempfile.mkdtemp())
print(bool(tf.summary.write("x", 1.0, step=0)))
with writer.as_default():
    for step in range(3):
        print(bool(tf.summary.write("loss", tf.constant(1.0 / (step + 1)), step=step)))
    with tf.summary.record_if(False):
        print(bool(tf.summary.write("loss", 0.0, step=3)))
    print(bool(tf.summary.should_record_summaries()))
    tf.summary.experimental.set_step(9)
    print(tf.summary.experimental.get_step())
writer.flush()
writer.close()
