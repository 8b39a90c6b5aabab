# record-env: TF_USE_LEGACY_KERAS=1
# The loaders read small fixture files, written here in the published formats, from a Keras cache
# in a temporary HOME: nothing is downloaded.
import gzip
import hashlib
import io
import json
import os
import pickle
import shutil
import struct
import tarfile
import tempfile

import numpy as np
import tensorflow as tf
tf.enable_eager_execution()

home = tempfile.mkdtemp()
os.environ["HOME"] = home
cache = os.path.join(home, ".keras", "datasets")
os.makedirs(cache)


class PublishedHash:
    """Keras re-hashes a cached file against the published file's hash and downloads it again on
    a mismatch; the fixtures stand in for the published files, so they hash as those do."""
    digest = None

    def __init__(self, *args, **kwargs):
        pass

    def update(self, data):
        pass

    def hexdigest(self):
        return PublishedHash.digest


def published(digest, load, *args, **kwargs):
    real = hashlib.sha256, hashlib.md5
    hashlib.sha256 = hashlib.md5 = PublishedHash
    PublishedHash.digest = digest
    try:
        return load(*args, **kwargs)
    finally:
        hashlib.sha256, hashlib.md5 = real


def images(n, shape, salt):
    i = np.arange(n).reshape((n,) + (1,) * len(shape))
    return ((np.indices(shape).sum(axis=0) * 7 + i * 31 + salt) % 256).astype(np.uint8)


def summary(name, data):
    (x_train, y_train), (x_test, y_test) = data
    print(name, x_train.shape, x_train.dtype, y_train.shape, y_train.dtype, x_test.shape, y_test.shape)
    print(" ", x_train.reshape(len(x_train), -1)[:, :3].tolist(), y_train.ravel()[:6].tolist(),
          x_test.reshape(len(x_test), -1)[:, -2:].tolist(), y_test.ravel()[:6].tolist())


# mnist.npz
np.savez_compressed(os.path.join(cache, "mnist.npz"), x_train=images(5, (28, 28), 1),
                    y_train=np.array([5, 0, 4, 1, 9], np.uint8), x_test=images(3, (28, 28), 2),
                    y_test=np.array([7, 2, 1], np.uint8))
MNIST = "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"
summary("mnist", published(MNIST, tf.keras.datasets.mnist.load_data))
other = os.path.join(home, "elsewhere")
os.makedirs(os.path.join(other, "datasets"))
np.savez(os.path.join(other, "datasets", "m.npz"), x_train=images(2, (28, 28), 5),
         y_train=np.array([3, 3], np.uint8), x_test=images(1, (28, 28), 6), y_test=np.array([8], np.uint8))
summary("mnist cache_dir", published(MNIST, tf.keras.datasets.mnist.load_data, path="m.npz", cache_dir=other))


# fashion-mnist: four gzipped idx files
def gz(path, payload):
    with gzip.open(path, "wb") as f:
        f.write(payload)


fd = os.path.join(cache, "fashion-mnist")
os.makedirs(fd)
for split, labels, salt in (("train", [9, 0, 0, 3], 3), ("t10k", [9, 2], 4)):
    gz(os.path.join(fd, split + "-labels-idx1-ubyte.gz"),
       struct.pack(">II", 2049, len(labels)) + bytes(labels))
    gz(os.path.join(fd, split + "-images-idx3-ubyte.gz"),
       struct.pack(">IIII", 2051, len(labels), 28, 28) + images(len(labels), (28, 28), salt).tobytes())
summary("fashion_mnist", tf.keras.datasets.fashion_mnist.load_data())


# cifar10: the archive unpacked beside it as cifar-10-batches-py/ (five 10000-image batches)
def pickled(d):
    return pickle.dumps(d, protocol=2)


cd = os.path.join(cache, "cifar-10-batches-py")
os.makedirs(cd)
for b in range(1, 6):
    data = ((np.arange(10000)[:, None] * 3 + np.arange(3072)[None, :] + b) % 256).astype(np.uint8)
    with open(os.path.join(cd, "data_batch_%d" % b), "wb") as f:
        f.write(pickled({b"labels": [(b + i) % 10 for i in range(10000)], b"data": data}))
with open(os.path.join(cd, "test_batch"), "wb") as f:
    f.write(pickled({b"labels": [3, 8, 8], b"data": images(3, (3072,), 99).reshape(3, 3072)}))
open(os.path.join(cache, "cifar-10-batches-py.tar.gz"), "wb").close()
(x_train, y_train), (x_test, y_test) = published(
    "6d958be074577803d12ecdefd02955f39262c83c16fe9348329d7fe0b5c001ce", tf.keras.datasets.cifar10.load_data)
print("cifar10", x_train.shape, x_train.dtype, y_train.shape, x_test.shape, y_test.shape)
print(" ", x_train[[0, 10001, 49999], 0, 0].tolist(), x_train[0, 0, 1].tolist(), y_train[[0, 10000, 49999]].ravel().tolist(),
      x_test[:, 31, 31].tolist(), y_test.ravel().tolist())

# cifar100: a real archive, unpacked on first use
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w:gz") as t:
    for split, n, fine, coarse, salt in (("train", 3, [19, 29, 0], [11, 15, 4], 5), ("test", 2, [49, 33], [10, 10], 6)):
        payload = pickled({b"fine_labels": fine, b"coarse_labels": coarse,
                           b"data": images(n, (3072,), salt).reshape(n, 3072)})
        info = tarfile.TarInfo("cifar-100-python/" + split)
        info.size = len(payload)
        t.addfile(info, io.BytesIO(payload))
with open(os.path.join(cache, "cifar-100-python.tar.gz"), "wb") as f:
    f.write(buf.getvalue())
C100 = "85cd44d02ba6437773c5bbd22e183051d648de2e7d6b014e1ef29b855ba677a7"
summary("cifar100", published(C100, tf.keras.datasets.cifar100.load_data))
summary("cifar100 coarse", published(C100, tf.keras.datasets.cifar100.load_data, label_mode="coarse"))
print(sorted(os.listdir(os.path.join(cache, "cifar-100-python"))))

# boston_housing.npz: 10 rows of 13 features, shuffled with the seed
np.savez(os.path.join(cache, "boston_housing.npz"), x=np.arange(130.0).reshape(10, 13) * 0.5 + 1.0,
         y=np.arange(10.0) * 1.5 + 10.0)
BOSTON = "f553886a1f8d56431e820c5b82552d9d95cfcb96d1e678153f8839538947dff5"
for kwargs in ({}, {"test_split": 0.5, "seed": 7}):
    (x_train, y_train), (x_test, y_test) = published(BOSTON, tf.keras.datasets.boston_housing.load_data, **kwargs)
    print("boston_housing", x_train.shape, x_train.dtype, y_train.tolist(), x_test[:, 0].tolist(), y_test.tolist())


# imdb / reuters: word-index sequences
def seqs(rows):
    out = np.empty(len(rows), dtype=object)
    out[:] = [list(r) for r in rows]
    return out


np.savez(os.path.join(cache, "imdb.npz"),
         x_train=seqs([[1, 14, 22, 16], [1, 194, 1153], [1, 2, 5, 7, 9, 11], [1, 30]]), y_train=np.array([1, 0, 0, 1]),
         x_test=seqs([[1, 591, 202, 14], [1, 6, 8], [1, 40, 3, 3, 3]]), y_test=np.array([0, 1, 1]))
with open(os.path.join(cache, "imdb_word_index.json"), "w") as f:
    json.dump({"the": 1, "and": 2, "a": 3, "of": 4, "fawn": 34701}, f)
IMDB = "69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f"


def show_seqs(name, data):
    (x_train, y_train), (x_test, y_test) = data
    print(name, x_train.dtype, [list(s) for s in x_train], y_train.tolist(), [list(s) for s in x_test], y_test.tolist())


show_seqs("imdb", published(IMDB, tf.keras.datasets.imdb.load_data))
show_seqs("imdb num_words", published(IMDB, tf.keras.datasets.imdb.load_data, num_words=20, skip_top=2))
show_seqs("imdb maxlen", published(IMDB, tf.keras.datasets.imdb.load_data, maxlen=4, seed=1, start_char=None, index_from=0))
show_seqs("imdb oov", published(IMDB, tf.keras.datasets.imdb.load_data, num_words=10, oov_char=None, start_char=5))
print(sorted(published("bfafd718b763782e994055a2d397834f", tf.keras.datasets.imdb.get_word_index).items()))

np.savez(os.path.join(cache, "reuters.npz"),
         x=seqs([[1, 2, 2, 8], [1, 3, 10, 30, 5], [1, 4], [1, 53, 9, 2, 7, 7], [1, 12, 12], [1, 6, 100, 27, 4], [1, 99, 2]]),
         y=np.array([3, 4, 3, 4, 19, 1, 3]))
with open(os.path.join(cache, "reuters_word_index.json"), "w") as f:
    json.dump({"the": 1, "of": 2, "to": 3, "mdbl": 10996}, f)
REUTERS = "d6586e694ee56d7a4e65172e12b3e987c03096cb01eab99753921ef915959916"
show_seqs("reuters", published(REUTERS, tf.keras.datasets.reuters.load_data))
show_seqs("reuters split", published(REUTERS, tf.keras.datasets.reuters.load_data, test_split=0.5, num_words=30, maxlen=5))
print(sorted(published("4d44cc38712099c9e383dc6e5f11a921", tf.keras.datasets.reuters.get_word_index).items()))
names = tf.keras.datasets.reuters.get_label_names()
print(type(names).__name__, len(names), names[:4], names[-1])
print(sorted(os.listdir(cache)))
shutil.rmtree(home)
