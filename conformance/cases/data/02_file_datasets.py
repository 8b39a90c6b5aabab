import os
import tempfile
import tensorflow as tf
tf.enable_eager_execution()

d = tempfile.mkdtemp()
txt = os.path.join(d, "lines.txt")
with open(txt, "w") as f:
    f.write("alpha\nbeta\ngamma\n")
print([l.numpy() for l in tf.data.TextLineDataset(txt)])
print([l.numpy() for l in tf.compat.v2.data.TextLineDataset(txt).take(1)])
print([l.numpy() for l in tf.compat.v1.data.TextLineDataset([txt, txt]).skip(2)])
raw = os.path.join(d, "fixed.bin")
with open(raw, "wb") as f:
    f.write(b"abcdefghijkl")
print([r.numpy() for r in tf.data.FixedLengthRecordDataset(raw, 3)])
print([r.numpy() for r in tf.compat.v2.data.FixedLengthRecordDataset(raw, 4)])
print([r.numpy() for r in tf.compat.v1.data.FixedLengthRecordDataset(raw, 6)])
rec = os.path.join(d, "r.tfrecord")
with tf.io.TFRecordWriter(rec) as w:
    for s in [b"one", b"two"]:
        w.write(s)
print([r.numpy() for r in tf.compat.v1.data.TFRecordDataset(rec)])
print([r.numpy() for r in tf.compat.v2.data.TFRecordDataset([rec, rec])])
