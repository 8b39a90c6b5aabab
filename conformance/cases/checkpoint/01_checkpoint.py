import os
import tempfile
import tensorflow as tf
tf.enable_eager_execution()

d = tempfile.mkdtemp()
v = tf.Variable([1.0, 2.0])
step = tf.Variable(0, dtype=tf.int64)
ckpt = tf.train.Checkpoint(weights=v, step=step)
path = ckpt.save(os.path.join(d, "model"))
print(os.path.basename(path))
v.assign([5.0, 6.0])
step.assign(9)
path2 = ckpt.save(os.path.join(d, "model"))
print(os.path.basename(path2), os.path.basename(tf.train.latest_checkpoint(d)))
ckpt.restore(path)
print(v.numpy(), step.numpy())
names = [n for n, shape in tf.train.list_variables(path)]
print([n for n in names if "weights" in n or "step" in n])
print(tf.train.load_variable(path, "weights/.ATTRIBUTES/VARIABLE_VALUE"))
reader = tf.train.load_checkpoint(path2)
print(reader.get_tensor("step/.ATTRIBUTES/VARIABLE_VALUE"))
print(isinstance(reader, tf.train.CheckpointReader) if hasattr(tf.train, "CheckpointReader") else "")
r2 = tf.train.NewCheckpointReader(path2)
print(r2.has_tensor("weights/.ATTRIBUTES/VARIABLE_VALUE"))

mgr = tf.train.CheckpointManager(ckpt, os.path.join(d, "managed"), max_to_keep=2)
for i in range(3):
    step.assign(i)
    print(os.path.basename(mgr.save()))
print([os.path.basename(p) for p in mgr.checkpoints])
print(os.path.basename(mgr.latest_checkpoint))
