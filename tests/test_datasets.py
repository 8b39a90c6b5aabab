"""Dataset loaders: `tf.keras.utils.get_file`, `tf.keras.datasets.*` on fixture files in the
published formats (values recorded from tf_keras 2.21 by tests/fixtures/datasets/record.py), and
TF 1's MNIST tutorial reader. The network is never used: downloads go to a stand-in."""

import gzip
import hashlib
import io
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tarfile
import zipfile

import numpy as np
import pytest

import tfcompat as tf
from tests.fixtures.datasets.record import CALLS, plain
from tfcompat._src.data import mnist_v1
from tfcompat._src.keras import datasets as kd

HERE = os.path.join(os.path.dirname(__file__), "fixtures", "datasets")
with open(os.path.join(HERE, "expected.json")) as _f:
    EXPECTED = json.load(_f)


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A HOME whose ~/.keras/datasets holds the fixtures; downloading fails the test."""
    shutil.copytree(os.path.join(HERE, "keras"), tmp_path / ".keras")
    monkeypatch.setenv("HOME", str(tmp_path))

    def no_network(*args, **kwargs):
        raise AssertionError(f"tried to download {args[0]}")
    monkeypatch.setattr("urllib.request.urlretrieve", no_network)
    return tmp_path


@pytest.mark.parametrize("case,module,fn,kwargs", CALLS, ids=[c[0] for c in CALLS])
def test_loader_matches_tf_keras(home, case, module, fn, kwargs):
    result = getattr(getattr(tf.keras.datasets, module), fn)(**kwargs)
    assert plain(result) == EXPECTED[case]


def test_loaders_are_exported_in_v1_and_v2():
    for ns in (tf.keras, tf.compat.v1.keras, tf.compat.v2.keras):
        assert ns.datasets.mnist.load_data is kd.mnist_load_data
        assert ns.utils.get_file is kd.get_file
    assert tf.keras.datasets.reuters.get_label_names()[:3] == ("cocoa", "grain", "veg-oil")
    assert len(tf.keras.datasets.reuters.get_label_names()) == 46


def test_cifar10_batches_and_load_data(home):
    path = os.path.join(home, ".keras", "datasets", "cifar-10-batches-py")
    assert not os.path.exists(path)
    (x_train, y_train), (x_test, y_test) = tf.keras.datasets.cifar10.load_data()
    assert os.path.isdir(path)  # extracted beside the archive, as Keras does
    batches = []
    for name in [f"data_batch_{i}" for i in range(1, 6)] + ["test_batch"]:
        batch = kd.load_batch(os.path.join(path, name))
        assert plain(batch) == EXPECTED[f"cifar10_{name}"]
        batches.append(batch)
    assert x_train.shape == (10, 32, 32, 3) and x_train.dtype == np.uint8
    assert y_train.shape == (10, 1) and y_train.dtype == np.uint8
    np.testing.assert_array_equal(
        x_train, np.concatenate([b[0] for b in batches[:5]]).transpose(0, 2, 3, 1))
    assert y_train.ravel().tolist() == [1, 8, 2, 7, 3, 6, 4, 5, 5, 4]
    np.testing.assert_array_equal(x_test, batches[5][0].transpose(0, 2, 3, 1))
    assert y_test.dtype == np.uint8 and y_test.ravel().tolist() == [3, 8, 8]


def test_loader_cache_dir_argument(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    cache = tmp_path / "cache"
    os.makedirs(cache / "datasets")
    shutil.copy(os.path.join(HERE, "keras", "datasets", "mnist.npz"), cache / "datasets")
    (x, y), _ = tf.keras.datasets.mnist.load_data(cache_dir=str(cache))
    assert x.shape == (5, 28, 28) and y.tolist() == [5, 0, 4, 1, 9]
    (x, _), _ = tf.keras.datasets.mnist.load_data(path=str(cache / "datasets" / "mnist.npz"))
    assert x.shape == (5, 28, 28)


def test_loader_errors(home):
    with pytest.raises(ValueError, match="label_mode"):
        tf.keras.datasets.cifar100.load_data(label_mode="medium")
    with pytest.raises(TypeError, match="Unrecognized keyword arguments"):
        tf.keras.datasets.imdb.load_data(words=3)
    with pytest.raises(ValueError, match="no sequence was kept"):
        tf.keras.datasets.imdb.load_data(maxlen=2)
    (x, _), _ = tf.keras.datasets.imdb.load_data(nb_words=20, skip_top=5, maxlen=6)
    assert plain(x) == EXPECTED["imdb_cut"]["tuple"][0]["tuple"][0]


# -- get_file ------------------------------------------------------------------------------------

@pytest.fixture
def fake_web(tmp_path, monkeypatch):
    """urlretrieve serving `pages` (url -> bytes); records the urls asked for."""
    pages, asked = {}, []

    def urlretrieve(url, filename, reporthook=None):
        asked.append(url)
        with open(filename, "wb") as f:
            f.write(pages[url])
    monkeypatch.setattr("urllib.request.urlretrieve", urlretrieve)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return pages, asked


def test_get_file_downloads_once(tmp_path, fake_web, capsys):
    pages, asked = fake_web
    pages["https://x.org/data/a.txt"] = b"hello"
    path = tf.keras.utils.get_file("a.txt", "https://x.org/data/a.txt")
    assert path == os.path.join(str(tmp_path / "home"), ".keras", "datasets", "a.txt")
    assert pathlib.Path(path).read_bytes() == b"hello"
    assert capsys.readouterr().out == "Downloading data from https://x.org/data/a.txt\n"
    assert tf.keras.utils.get_file("a.txt", "https://x.org/data/a.txt") == path
    assert asked == ["https://x.org/data/a.txt"]
    # no fname: the origin's file name; cache_subdir and cache_dir
    path = tf.keras.utils.get_file(origin="https://x.org/data/a.txt", cache_dir=str(tmp_path),
                                   cache_subdir="sub")
    assert path == os.path.join(str(tmp_path), "sub", "a.txt")
    with pytest.raises(ValueError, match='specify the "origin"'):
        tf.keras.utils.get_file("b.txt")
    with pytest.raises(ValueError, match="Can't parse the file name"):
        tf.keras.utils.get_file(origin="https://x.org/")


def test_get_file_hashes(tmp_path, fake_web, capsys):
    pages, asked = fake_web
    pages["u"] = b"payload"
    sha = hashlib.sha256(b"payload").hexdigest()
    md5 = hashlib.md5(b"payload").hexdigest()
    path = tf.keras.utils.get_file("p.bin", "u", file_hash=sha, cache_dir=str(tmp_path))
    assert kd.validate_file(path, sha) and kd.validate_file(path, md5)
    assert not kd.validate_file(path, md5, algorithm="sha256")
    with open(path, "wb") as f:  # a stale cached file is fetched again when a hash is given
        f.write(b"stale")
    capsys.readouterr()
    tf.keras.utils.get_file("p.bin", "u", md5_hash=md5, cache_dir=str(tmp_path))
    assert pathlib.Path(path).read_bytes() == b"payload" and len(asked) == 2
    assert "file hash does not match the original value" in capsys.readouterr().out
    with pytest.raises(ValueError, match="Incomplete or corrupted file detected"):
        tf.keras.utils.get_file("q.bin", "u", file_hash="0" * 64, cache_dir=str(tmp_path))
    assert os.path.exists(tmp_path / "datasets" / "q.bin")  # Keras keeps it too


def _tar_gz(members):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def test_get_file_untar_and_extract(tmp_path, fake_web):
    pages, _ = fake_web
    pages["https://x.org/d.tar.gz"] = _tar_gz([("d/one.txt", b"1"), ("../evil.txt", b"x")])
    path = tf.keras.utils.get_file("d", "https://x.org/d.tar.gz", untar=True,
                                   cache_dir=str(tmp_path))
    assert path == os.path.join(str(tmp_path), "datasets", "d")
    assert pathlib.Path(os.path.join(path, "one.txt")).read_text() == "1"
    assert os.path.isfile(path + ".tar.gz")
    assert not os.path.exists(tmp_path / "evil.txt")  # unsafe member skipped
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("z/two.txt", "2")
    pages["https://x.org/z.zip"] = buf.getvalue()
    path = tf.keras.utils.get_file("z.zip", "https://x.org/z.zip", extract=True,
                                   cache_dir=str(tmp_path))
    assert path.endswith("z.zip")
    assert pathlib.Path(tmp_path / "datasets" / "z" / "two.txt").read_text() == "2"
    pages["https://x.org/n.zip"] = pages["https://x.org/z.zip"]
    os.makedirs(tmp_path / "other")   # (a cache_dir that does not exist means /tmp/.keras)
    tf.keras.utils.get_file("n.zip", "https://x.org/n.zip", extract=True,
                            archive_format="tar", cache_dir=str(tmp_path / "other"))
    assert not os.path.exists(tmp_path / "other" / "datasets" / "z")  # not a tar: kept packed


def test_loader_downloads_a_missing_file(fake_web, tmp_path):
    pages, asked = fake_web
    src = os.path.join(HERE, "keras", "datasets", "reuters_word_index.json")
    url = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/reuters_word_index.json"
    pages[url] = pathlib.Path(src).read_bytes()
    with pytest.raises(ValueError, match="Incomplete or corrupted"):  # not the real file's md5
        tf.keras.datasets.reuters.get_word_index()
    assert asked == [url]


# -- TF 1's MNIST tutorial reader -----------------------------------------------------------------

def _idx(name):
    with gzip.open(os.path.join(HERE, "MNIST_data", name)) as f:
        raw = f.read()
    return np.frombuffer(raw, np.uint8, offset=16 if "images" in name else 8)


def _mnist_dir(tmp_path):
    d = tmp_path / "MNIST_data"
    shutil.copytree(os.path.join(HERE, "MNIST_data"), d)
    return str(d)


def test_read_data_sets_default(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("urllib.request.urlretrieve", None)
    d = _mnist_dir(tmp_path)
    data = mnist_v1.read_data_sets(d, validation_size=2)
    out = capsys.readouterr().out.splitlines()
    assert out == [f"Extracting {d}/{n}" for n in (
        "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")]
    images = _idx("train-images-idx3-ubyte.gz").reshape(8, 784)
    labels = [5, 0, 4, 1, 9, 2, 1, 3]
    assert data.train.num_examples == 6 and data.validation.num_examples == 2
    assert data.test.num_examples == 3
    assert data.train.images.dtype == np.float32 and data.train.images.shape == (6, 784)
    np.testing.assert_array_equal(data.train.images,
                                  images[2:].astype(np.float32) * np.float32(1.0 / 255.0))
    assert data.train.images.max() <= 1.0
    assert data.validation.labels.tolist() == labels[:2]
    assert data.train.labels.dtype == np.uint8 and data.train.labels.tolist() == labels[2:]
    assert data.test.labels.tolist() == [7, 2, 1]
    assert data._fields == ("train", "validation", "test")


def test_read_data_sets_options(tmp_path):
    d = _mnist_dir(tmp_path)
    data = mnist_v1.read_data_sets(d, one_hot=True, dtype=tf.uint8, reshape=False,
                                   validation_size=0)
    assert data.train.images.shape == (8, 28, 28, 1) and data.train.images.dtype == np.uint8
    np.testing.assert_array_equal(data.train.images.reshape(8, 784),
                                  _idx("train-images-idx3-ubyte.gz").reshape(8, 784))
    assert data.train.labels.dtype == np.float64 and data.train.labels.shape == (8, 10)
    assert data.train.labels.argmax(1).tolist() == [5, 0, 4, 1, 9, 2, 1, 3]
    assert data.validation.num_examples == 0
    with pytest.raises(ValueError, match=r"Validation size should be between 0 and 8\. "
                                         r"Received: 9\."):
        mnist_v1.read_data_sets(d, validation_size=9)
    with pytest.raises(TypeError, match="Invalid image dtype"):
        mnist_v1.read_data_sets(d, dtype=tf.float64, validation_size=0)


def _expected_batches(order_seed, n, batch_sizes, rows):
    """TF 1.15's next_batch: permute with NumPy's global generator at the first batch and at
    each epoch's end (np.random.seed(s) then shuffles: RandomState(s)'s draws)."""
    rng = np.random.RandomState(order_seed)
    perm = np.arange(n)
    rng.shuffle(perm)
    data, pos, out = rows[perm], 0, []
    for b in batch_sizes:
        if pos + b > n:
            rest = data[pos:]
            perm = np.arange(n)
            rng.shuffle(perm)
            data = data[perm]
            pos = b - len(rest)
            out.append(np.concatenate([rest, data[:pos]]))
        else:
            out.append(data[pos:pos + b])
            pos += b
    return out


def test_next_batch_shuffles_with_the_seed(tmp_path):
    d = _mnist_dir(tmp_path)
    data = mnist_v1.read_data_sets(d, validation_size=2, seed=42)
    labels = np.array([4, 1, 9, 2, 1, 3])
    sizes = [4, 4, 3, 5]
    expected = _expected_batches(42, 6, sizes, labels)
    epochs = []
    for size, exp in zip(sizes, expected, strict=True):
        xs, ys = data.train.next_batch(size)
        assert ys.tolist() == exp.tolist()
        assert xs.shape == (size, 784)
        epochs.append(data.train.epochs_completed)
    assert epochs == [0, 1, 1, 2]
    # images stay paired with their labels
    first = mnist_v1.read_data_sets(d, validation_size=2, seed=42).train
    xs, ys = first.next_batch(6)
    src = mnist_v1.read_data_sets(d, validation_size=2).train
    for x, y in zip(xs, ys, strict=True):
        i = int(np.flatnonzero((src.images == x).all(axis=1))[0])
        assert src.labels[i] == y
    # shuffle=False reads in order and wraps
    plain_ds = mnist_v1.read_data_sets(d, validation_size=2).train
    assert plain_ds.next_batch(4, shuffle=False)[1].tolist() == [4, 1, 9, 2]
    assert plain_ds.next_batch(4, shuffle=False)[1].tolist() == [1, 3, 4, 1]


def test_next_batch_graph_seed(tmp_path):
    d = _mnist_dir(tmp_path)
    tf.compat.v1.set_random_seed(7)
    try:
        ds = mnist_v1.read_data_sets(d, validation_size=2).train
    finally:
        tf.compat.v1.set_random_seed(None)
    expected = _expected_batches(7, 6, [6], np.array([4, 1, 9, 2, 1, 3]))
    assert ds.next_batch(6)[1].tolist() == expected[0].tolist()


def test_fake_data_and_load_dataset(tmp_path, monkeypatch):
    fake = mnist_v1.read_data_sets("unused", fake_data=True, one_hot=True)
    xs, ys = fake.train.next_batch(2, fake_data=True)
    assert len(xs) == 2 and len(xs[0]) == 784 and ys[0] == [1] + [0] * 9
    assert fake.train.num_examples == 10000
    shutil.copytree(os.path.join(HERE, "MNIST_data"), tmp_path / "MNIST-data")
    monkeypatch.chdir(tmp_path)
    # reads ./MNIST-data with the default validation_size, 5000: more than the fixture holds
    with pytest.raises(ValueError, match="between 0 and 8. Received: 5000"):
        tf.contrib.learn.datasets.load_dataset("mnist")
    with pytest.raises(ValueError, match="Name of dataset is not recognized: nope"):
        tf.contrib.learn.datasets.load_dataset("nope")


def test_maybe_download_fetches_only_missing(tmp_path, monkeypatch, capsys):
    asked = []

    def urlretrieve(url, filename):
        asked.append(url)
        with open(filename, "wb") as f:
            f.write(b"abc")
    monkeypatch.setattr("urllib.request.urlretrieve", urlretrieve)
    path = mnist_v1.maybe_download("f.gz", str(tmp_path / "new"), "https://m/f.gz")
    assert pathlib.Path(path).read_bytes() == b"abc" and asked == ["https://m/f.gz"]
    assert capsys.readouterr().out == "Successfully downloaded f.gz 3 bytes.\n"
    mnist_v1.maybe_download("f.gz", str(tmp_path / "new"), "https://m/f.gz")
    assert asked == ["https://m/f.gz"]


def test_legacy_import_paths(tmp_path):
    shutil.copytree(os.path.join(HERE, "MNIST_data"), tmp_path / "MNIST_data")
    code = (
        "import tfcompat\ntfcompat.install()\n"
        "from tensorflow.examples.tutorials.mnist import input_data\n"
        "import tensorflow.contrib.learn.python.learn.datasets.mnist as m\n"
        "from tensorflow.contrib.learn.python.learn.datasets import base\n"
        "import tensorflow as tf\n"
        "d = input_data.read_data_sets('MNIST_data', one_hot=True, validation_size=1)\n"
        "print(d.train.images.shape, d.train.labels.shape, type(d).__name__)\n"
        "print(m.DataSet is input_data.DataSet, base.Datasets is type(d),\n"
        "      tf.contrib.learn.datasets.load_dataset is m.load_dataset)\n"
        "import tensorflow.contrib.eager as tfe; print(tfe is tf.contrib.eager)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=tmp_path, env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert proc.stdout.splitlines()[-3:] == ["(7, 784) (7, 10) Datasets", "True True True",
                                             "True"], proc.stderr
