import os
import tempfile
import logging
import tensorflow as tf
# keep the log quiet: deprecation notice for tf_record_iterator
logging.getLogger("tensorflow").setLevel(logging.ERROR)
tf.enable_eager_execution()

ex = tf.train.Example(features=tf.train.Features(feature={
    "label": tf.train.Feature(int64_list=tf.train.Int64List(value=[3])),
    "score": tf.train.Feature(float_list=tf.train.FloatList(value=[0.5, 1.5])),
    "name": tf.train.Feature(bytes_list=tf.train.BytesList(value=[b"cat"])),
}))
data = ex.SerializeToString()
print(len(data))
back = tf.train.Example.FromString(data)
print(back.features.feature["label"].int64_list.value[0], list(back.features.feature["score"].float_list.value))

spec = {"label": tf.io.FixedLenFeature([], tf.int64),
        "score": tf.io.FixedLenFeature([2], tf.float32),
        "name": tf.io.VarLenFeature(tf.string)}
parsed = tf.io.parse_single_example(data, spec)
print(parsed["label"], parsed["score"], tf.sparse.to_dense(parsed["name"]))
batch = tf.io.parse_example([data, data], {"label": tf.io.FixedLenFeature([], tf.int64)})
print(batch["label"])
batch = tf.compat.v2.io.parse_example([data], {"score": tf.io.FixedLenFeature([2], tf.float32)})
print(batch["score"])

path = os.path.join(tempfile.mkdtemp(), "data.tfrecord")
with tf.io.TFRecordWriter(path) as w:
    w.write(b"first")
    w.write(data)
print([len(r) for r in tf.io.tf_record_iterator(path)])
opts = tf.io.TFRecordOptions(compression_type="GZIP")
gz = path + ".gz"
with tf.io.TFRecordWriter(gz, opts) as w:
    w.write(b"zipped")
print(list(tf.io.tf_record_iterator(gz, options=opts)))
print(tf.io.TFRecordCompressionType.GZIP, tf.io.TFRecordCompressionType.NONE)
for rec in tf.data.TFRecordDataset(path):
    print(rec.numpy()[:5])
