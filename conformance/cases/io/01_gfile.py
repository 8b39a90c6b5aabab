import os
import tempfile
import logging
import tensorflow as tf
# keep the log quiet: deprecation notice for FastGFile
logging.getLogger("tensorflow").setLevel(logging.ERROR)
tf.enable_eager_execution()

root = tempfile.mkdtemp()
d = tf.io.gfile.join(root, "a", "b")
tf.io.gfile.makedirs(d)
print(tf.io.gfile.exists(d), tf.io.gfile.isdir(d))
path = os.path.join(d, "f.txt")
with tf.io.gfile.GFile(path, "w") as f:
    f.write("line one\nline two\n")
with tf.io.gfile.GFile(path) as f:
    print(f.read().splitlines())
with tf.gfile.Open(path, "r") as f:
    print(f.readline().strip())
print(tf.io.gfile.stat(path).length)
tf.io.gfile.copy(path, os.path.join(d, "g.txt"))
print(sorted(tf.io.gfile.listdir(d)))
tf.io.gfile.rename(os.path.join(d, "g.txt"), os.path.join(d, "h.txt"))
print(sorted(os.path.basename(p) for p in tf.io.gfile.glob(os.path.join(d, "*.txt"))))
tf.io.gfile.remove(os.path.join(d, "h.txt"))
tf.io.gfile.mkdir(os.path.join(root, "c"))
print([(os.path.relpath(top, root), sorted(dirs), sorted(files))
       for top, dirs, files in sorted(tf.io.gfile.walk(root))])
tf.io.gfile.rmtree(os.path.join(root, "a"))
print(tf.io.gfile.exists(d), sorted(tf.io.gfile.listdir(root)))

# the TF1 spellings
tf.gfile.MakeDirs(os.path.join(root, "x", "y"))
tf.gfile.MkDir(os.path.join(root, "z"))
with tf.gfile.GFile(os.path.join(root, "z", "n.txt"), "w") as f:
    f.write("abc")
with tf.gfile.FastGFile(os.path.join(root, "z", "n.txt"), "rb") as f:
    print(f.read())
print(tf.gfile.Exists(os.path.join(root, "z")), tf.gfile.IsDirectory(os.path.join(root, "z")))
tf.gfile.Copy(os.path.join(root, "z", "n.txt"), os.path.join(root, "z", "m.txt"))
tf.gfile.Rename(os.path.join(root, "z", "m.txt"), os.path.join(root, "z", "k.txt"))
print(sorted(tf.gfile.ListDirectory(os.path.join(root, "z"))))
print(sorted(os.path.basename(p) for p in tf.gfile.Glob(os.path.join(root, "z", "*"))))
print(tf.gfile.Stat(os.path.join(root, "z", "k.txt")).length)
tf.gfile.Remove(os.path.join(root, "z", "k.txt"))
print([(os.path.relpath(t, root), sorted(ds), sorted(fs)) for t, ds, fs in sorted(tf.gfile.Walk(root))])
tf.gfile.DeleteRecursively(root)
print(tf.gfile.Exists(root))
