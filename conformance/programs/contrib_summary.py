# TF 1.15 contrib program: expected output derived by hand (TF 1.15 records only inside
# always_record_summaries; the step defaults to the global step). The events are read back
# with tfcompat's reader, so this program needs tfcompat.
import tempfile

import tensorflow as tf

from tfcompat._src.summary import read_events

tf.enable_eager_execution()
logdir = tempfile.mkdtemp()
global_step = tf.train.get_or_create_global_step()
writer = tf.contrib.summary.create_file_writer(logdir)
with writer.as_default(), tf.contrib.summary.always_record_summaries():
    for i in range(3):
        global_step.assign_add(1)
        tf.contrib.summary.scalar("loss", 1.0 / (i + 1))
writer.close()
for event in read_events(logdir):
    for value in event.get("summary", []):
        print(event["step"], value["tag"], round(value["simple_value"], 4))
