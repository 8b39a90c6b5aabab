# record-env: TF_USE_LEGACY_KERAS=1
import contextlib
import hashlib
import io
import os
import re
import shutil
import tarfile
import tempfile
import warnings

import numpy as np
import tensorflow as tf
tf.enable_eager_execution()

print(tf.keras.backend.image_data_format())
x = tf.constant([[1.5, -2.7], [3.2, 0.0]])
print(tf.keras.backend.cast(x, "int32"))
print(tf.keras.backend.cast(x, tf.float16).dtype)
print(tf.keras.backend.shape(x), tf.keras.backend.int_shape(x), tf.keras.backend.int_shape(tf.zeros([3, 1, 2])))
print(tf.keras.backend.int_shape(tf.keras.Input(shape=(None, 4))))
print(tf.keras.backend.concatenate([x, x]))
print(tf.keras.backend.concatenate([x, x], axis=0))
print(tf.keras.backend.concatenate([tf.ones([1, 2, 1]), tf.zeros([1, 2, 2])], axis=-1).shape)
v = tf.Variable([1.0, 2.0])
print(tf.keras.backend.get_value(v), type(tf.keras.backend.get_value(v)).__name__, tf.keras.backend.get_value(x * 2))
tf.keras.backend.set_value(v, [5, 6])
print(v.numpy())
opt = tf.keras.optimizers.SGD(0.1)
tf.keras.backend.set_value(opt.learning_rate, 0.01)
print(round(float(tf.keras.backend.get_value(opt.learning_rate)), 6))
print(tf.keras.backend.learning_phase())
drop = tf.keras.layers.Dropout(0.999)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    tf.keras.backend.set_learning_phase(1)
print([(w.category.__name__, str(w.message)) for w in caught])
print(tf.keras.backend.learning_phase(), int(tf.math.count_nonzero(drop(tf.ones([1000])))) < 100)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    tf.keras.backend.set_learning_phase(0)
print(tf.keras.backend.learning_phase(), drop(tf.ones([3])).numpy())
tf.keras.backend.clear_session()

# get_file: a file already in the cache is not downloaded; file:// origins download locally
tmp = tempfile.mkdtemp()
cache = os.path.join(tmp, "cache")
os.makedirs(os.path.join(cache, "datasets"))
with open(os.path.join(cache, "datasets", "data.txt"), "w") as f:
    f.write("cached\n")
path = tf.keras.utils.get_file("data.txt", origin="https://example.invalid/data.txt", cache_dir=cache)
print(os.path.relpath(path, tmp), open(path).read().strip())

src = os.path.join(tmp, "src")
os.makedirs(os.path.join(src, "pkg"))
with open(os.path.join(src, "pkg", "a.txt"), "w") as f:
    f.write("hello\n")
with open(os.path.join(src, "plain.bin"), "wb") as f:
    f.write(bytes(range(64)))
with tarfile.open(os.path.join(src, "pkg.tar.gz"), "w:gz") as t:
    t.add(os.path.join(src, "pkg"), arcname="pkg")
sha = hashlib.sha256(bytes(range(64))).hexdigest()
md5 = hashlib.md5(bytes(range(64))).hexdigest()


def quiet(fn):
    # the download progress bar prints timings: keep its other lines
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        out = fn()
    for line in buf.getvalue().replace("\b", "").replace("\r", "\n").splitlines():
        if line.startswith("Downloading") or "local file" in line:
            print(line.replace(tmp, "TMP"))
    return os.path.relpath(out, tmp)


print(quiet(lambda: tf.keras.utils.get_file("plain.bin", "file://" + src + "/plain.bin", file_hash=sha, cache_dir=cache)))
print(quiet(lambda: tf.keras.utils.get_file("plain.bin", "file://" + src + "/plain.bin", file_hash=sha, cache_dir=cache)))
print(quiet(lambda: tf.keras.utils.get_file("p2.bin", "file://" + src + "/plain.bin", md5_hash=md5, cache_subdir="other", cache_dir=cache)))
print(quiet(lambda: tf.keras.utils.get_file("pkg", "file://" + src + "/pkg.tar.gz", untar=True, cache_dir=cache)))
print(sorted(os.listdir(os.path.join(cache, "datasets"))), open(os.path.join(cache, "datasets", "pkg", "a.txt")).read().strip())
print(quiet(lambda: tf.keras.utils.get_file("pkg2.tar.gz", "file://" + src + "/pkg.tar.gz", extract=True, cache_subdir="ex", cache_dir=cache)))
print(sorted(os.listdir(os.path.join(cache, "ex"))))
with open(os.path.join(cache, "datasets", "plain.bin"), "ab") as f:
    f.write(b"x")
print(quiet(lambda: tf.keras.utils.get_file("plain.bin", "file://" + src + "/plain.bin", file_hash=sha, cache_dir=cache)))
try:
    quiet(lambda: tf.keras.utils.get_file("bad.bin", "file://" + src + "/plain.bin", file_hash="0" * 64, cache_dir=cache))
except ValueError as e:
    print("ValueError", e)
try:
    tf.keras.utils.get_file("x.bin", cache_dir=cache)
except ValueError as e:
    print("ValueError", e)
shutil.rmtree(tmp)
