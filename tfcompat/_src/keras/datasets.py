"""`tf.keras.utils.get_file` and the `tf.keras.datasets` loaders, as Keras 2 (tf_keras) has them.

Files live where Keras 2 keeps them: `~/.keras/datasets/<name>` (`cache_dir` overrides `~/.keras`;
an unwritable one falls back to `/tmp/.keras`), with Keras's file names and formats, so a cache
filled by TensorFlow serves tfcompat and the other way round. A file is downloaded (urllib) only
when it is absent. Unlike Keras, the loaders do not re-hash a file already in the cache (Keras
re-downloads one whose hash differs); a fresh download is checked against the published hash.
"""

import gzip
import hashlib
import json
import os
import pickle
import shutil
import tarfile
import urllib.error
import urllib.request
import zipfile
from urllib.parse import urlsplit

import numpy as np

from tfcompat._src.export import export

_ORIGIN = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"


def _hasher(algorithm, file_hash=None):
    if algorithm == "sha256" or (algorithm == "auto" and file_hash is not None
                                 and len(file_hash) == 64):
        return hashlib.sha256()
    return hashlib.md5()


def _hash_file(fpath, hasher, chunk_size=65535):
    with open(fpath, "rb") as f:
        for chunk in iter(lambda: f.read(chunk_size), b""):
            hasher.update(chunk)
    return hasher.hexdigest()


def validate_file(fpath, file_hash, algorithm="auto", chunk_size=65535):
    """Whether the file's sha256 (a 64-digit hash) or md5 is `file_hash`."""
    return str(_hash_file(fpath, _hasher(algorithm, file_hash), chunk_size)) == str(file_hash)


def _safe_members(archive: tarfile.TarFile):
    """Members that stay inside the extraction folder (no absolute paths, no '..', no links
    pointing out), as Keras filters them."""
    for member in archive.getmembers():
        parts = member.name.replace("\\", "/").split("/")
        if os.path.isabs(member.name) or ".." in parts:
            continue
        if (member.issym() or member.islnk()) and (os.path.isabs(member.linkname)
                                                   or ".." in member.linkname.split("/")):
            continue
        yield member


def _extract_archive(file_path, path=".", archive_format="auto") -> bool:
    """Extracts a tar (gz/bz2) or zip archive into `path`; False if it is neither."""
    if archive_format is None:
        return False
    formats = ["tar", "zip"] if archive_format == "auto" else (
        [archive_format] if isinstance(archive_format, str) else list(archive_format))
    for kind in formats:
        is_match, opener = ((tarfile.is_tarfile, tarfile.open) if kind == "tar"
                            else (zipfile.is_zipfile, zipfile.ZipFile))
        if not is_match(file_path):
            continue
        with opener(file_path) as archive:
            try:
                if isinstance(archive, zipfile.ZipFile):
                    archive.extractall(path)
                else:
                    archive.extractall(path, members=list(_safe_members(archive)))
            except (tarfile.TarError, RuntimeError, KeyboardInterrupt):
                if os.path.exists(path):
                    if os.path.isfile(path):
                        os.remove(path)
                    else:
                        shutil.rmtree(path)
                raise
        return True
    return False


def _download(origin, fpath):
    print(f"Downloading data from {origin}")
    try:
        try:
            urllib.request.urlretrieve(origin, fpath)
        except urllib.error.HTTPError as e:
            raise Exception(f"URL fetch failure on {origin}: {e.code} -- {e.msg}") from e
        except urllib.error.URLError as e:
            raise Exception(f"URL fetch failure on {origin}: {e.errno} -- {e.reason}") from e
    except (Exception, KeyboardInterrupt):
        if os.path.exists(fpath):
            os.remove(fpath)
        raise


def _fetch(fname, origin, untar=False, md5_hash=None, file_hash=None, cache_subdir="datasets",
           hash_algorithm="auto", extract=False, archive_format="auto", cache_dir=None,
           rehash_cached=True):
    if origin is None:
        raise ValueError('Please specify the "origin" argument (URL of the file to download).')
    if cache_dir is None:
        cache_dir = os.path.join(os.path.expanduser("~"), ".keras")
        try:  # Keras 2 creates ~/.keras when it is imported; tfcompat on first use
            os.makedirs(cache_dir, exist_ok=True)
        except OSError:
            pass
    if md5_hash is not None and file_hash is None:
        file_hash, hash_algorithm = md5_hash, "md5"
    base = os.path.expanduser(os.fspath(cache_dir))
    if not os.access(base, os.W_OK):
        base = os.path.join("/tmp", ".keras")
    datadir = os.path.join(base, cache_subdir)
    os.makedirs(datadir, exist_ok=True)
    fname = os.fspath(fname) if fname is not None else None
    if not fname:
        fname = os.path.basename(urlsplit(origin).path)
        if not fname:
            raise ValueError(f"Can't parse the file name from the origin provided: '{origin}'."
                             "Please specify the `fname` as the input param.")
    if untar:
        if fname.endswith(".tar.gz"):
            fname = fname[:-len(".tar.gz")]
        untar_fpath = os.path.join(datadir, fname)
        fpath = untar_fpath + ".tar.gz"
    else:
        fpath = os.path.join(datadir, fname)
    download = not os.path.exists(fpath)
    if not download and file_hash is not None and rehash_cached and \
            not validate_file(fpath, file_hash, algorithm=hash_algorithm):
        print("A local file was found, but it seems to be incomplete or outdated because the "
              f"{hash_algorithm} file hash does not match the original value of {file_hash} "
              "so we will re-download the data.")
        download = True
    if download:
        _download(origin, fpath)
        if os.path.exists(fpath) and file_hash is not None and \
                not validate_file(fpath, file_hash, algorithm=hash_algorithm):
            raise ValueError(f"Incomplete or corrupted file detected. The {hash_algorithm} file "
                             f"hash does not match the provided value of {file_hash}.")
    if untar:
        if not os.path.exists(untar_fpath):
            _extract_archive(fpath, datadir, archive_format="tar")
        return untar_fpath
    if extract:
        _extract_archive(fpath, datadir, archive_format)
    return fpath


@export("keras.utils.get_file")
def get_file(fname=None, origin=None, untar=False, md5_hash=None, file_hash=None,
             cache_subdir="datasets", hash_algorithm="auto", extract=False,
             archive_format="auto", cache_dir=None):
    """The path of `fname` in the Keras cache (`~/.keras/<cache_subdir>/`), downloaded from
    `origin` first when absent (or when `file_hash` does not match); `untar`/`extract` unpack
    tar and zip archives beside it."""
    return _fetch(fname, origin, untar, md5_hash, file_hash, cache_subdir, hash_algorithm,
                  extract, archive_format, cache_dir)


def _cache(cache_dir):
    if cache_dir:
        cache_dir = os.path.expanduser(cache_dir)
        os.makedirs(cache_dir, exist_ok=True)
    return cache_dir


def _dataset_file(path, origin, file_hash, cache_dir=None, **kwargs):
    return _fetch(path, origin=origin, file_hash=file_hash, cache_dir=cache_dir,
                  rehash_cached=False, **kwargs)


# -- images --------------------------------------------------------------------------------------

@export("keras.datasets.mnist.load_data")
def mnist_load_data(path="mnist.npz", cache_dir=None):
    """MNIST from `mnist.npz`: ((x_train, y_train), (x_test, y_test)), uint8 arrays of shape
    (n, 28, 28) and (n,)."""
    path = _dataset_file(path, _ORIGIN + "mnist.npz",
                         "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1",
                         _cache(cache_dir))
    with np.load(path, allow_pickle=True) as f:
        return (f["x_train"], f["y_train"]), (f["x_test"], f["y_test"])


def _idx_payload(path, offset):
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)


@export("keras.datasets.fashion_mnist.load_data")
def fashion_mnist_load_data(cache_dir=None):
    """Fashion-MNIST from its four gzipped idx files in `~/.keras/datasets/fashion-mnist/`."""
    cache_dir = _cache(cache_dir)
    files = ["train-labels-idx1-ubyte.gz", "train-images-idx3-ubyte.gz",
             "t10k-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz"]
    paths = [_dataset_file(f, _ORIGIN + f, None, cache_dir,
                           cache_subdir=os.path.join("datasets", "fashion-mnist")) for f in files]
    y_train = _idx_payload(paths[0], 8)
    x_train = _idx_payload(paths[1], 16).reshape(len(y_train), 28, 28)
    y_test = _idx_payload(paths[2], 8)
    x_test = _idx_payload(paths[3], 16).reshape(len(y_test), 28, 28)
    return (x_train, y_train), (x_test, y_test)


def load_batch(fpath, label_key="labels"):
    """One CIFAR pickle: (data as (n, 3, 32, 32) uint8, labels list)."""
    with open(fpath, "rb") as f:
        d = pickle.load(f, encoding="bytes")
    d = {k.decode("utf8") if isinstance(k, bytes) else k: v for k, v in d.items()}
    data = d["data"]
    return data.reshape(data.shape[0], 3, 32, 32), d[label_key]


def _channels_last(x):
    """NCHW -> NHWC (Keras's default image_data_format; tfcompat has no other)."""
    return x.transpose(0, 2, 3, 1)


@export("keras.datasets.cifar10.load_data")
def cifar10_load_data(cache_dir=None):
    """CIFAR-10 from `cifar-10-batches-py` (the python tar.gz, extracted): uint8 images
    (n, 32, 32, 3) and uint8 labels (n, 1)."""
    path = _dataset_file("cifar-10-batches-py", "https://www.cs.toronto.edu/~kriz/"
                         "cifar-10-python.tar.gz",
                         "6d958be074577803d12ecdefd02955f39262c83c16fe9348329d7fe0b5c001ce",
                         _cache(cache_dir), untar=True)
    # Keras fills preallocated 50000-row arrays; concatenating gives the same arrays.
    batches = [load_batch(os.path.join(path, f"data_batch_{i}")) for i in range(1, 6)]
    x_train = np.concatenate([np.asarray(x, np.uint8) for x, _ in batches])
    y_train = np.concatenate([np.asarray(y, np.uint8) for _, y in batches])
    x_test, y_test = load_batch(os.path.join(path, "test_batch"))
    y_train = y_train.reshape(len(y_train), 1)
    y_test = np.reshape(y_test, (len(y_test), 1)).astype(y_train.dtype)
    x_test = np.asarray(x_test).astype(x_train.dtype)
    return (_channels_last(x_train), y_train), (_channels_last(x_test), y_test)


@export("keras.datasets.cifar100.load_data")
def cifar100_load_data(label_mode="fine", cache_dir=None):
    """CIFAR-100 from `cifar-100-python`: `label_mode` 'fine' (100 classes) or 'coarse' (20);
    labels int64 (n, 1), as Keras gives them."""
    if label_mode not in ["fine", "coarse"]:
        raise ValueError('`label_mode` must be one of `"fine"`, `"coarse"`. '
                         f"Received: label_mode={label_mode}.")
    path = _dataset_file("cifar-100-python", "https://www.cs.toronto.edu/~kriz/"
                         "cifar-100-python.tar.gz",
                         "85cd44d02ba6437773c5bbd22e183051d648de2e7d6b014e1ef29b855ba677a7",
                         _cache(cache_dir), untar=True)
    x_train, y_train = load_batch(os.path.join(path, "train"), label_key=label_mode + "_labels")
    x_test, y_test = load_batch(os.path.join(path, "test"), label_key=label_mode + "_labels")
    y_train = np.reshape(y_train, (len(y_train), 1))
    y_test = np.reshape(y_test, (len(y_test), 1))
    return (_channels_last(x_train), y_train), (_channels_last(x_test), y_test)


# -- tables and text -----------------------------------------------------------------------------

@export("keras.datasets.boston_housing.load_data")
def boston_housing_load_data(path="boston_housing.npz", test_split=0.2, seed=113,
                             cache_dir=None):
    """Boston housing from `boston_housing.npz` (x, y), shuffled with
    `np.random.RandomState(seed)` and split: the first (1 - test_split) for training."""
    assert 0 <= test_split < 1
    x, y = _shuffled_xy(_dataset_file(
        path, _ORIGIN + "boston_housing.npz",
        "f553886a1f8d56431e820c5b82552d9d95cfcb96d1e678153f8839538947dff5", _cache(cache_dir)),
        seed)
    cut = int(len(x) * (1 - test_split))
    return (np.array(x[:cut]), np.array(y[:cut])), (np.array(x[cut:]), np.array(y[cut:]))


def _shuffled_xy(path, seed):
    """`x` and `y` of an .npz file, in the order np.random.RandomState(seed) shuffles them to."""
    with np.load(path, allow_pickle=True) as f:
        x, y = f["x"], f["y"]
    indices = np.arange(len(x))
    np.random.RandomState(seed).shuffle(indices)
    return x[indices], y[indices]


def _remove_long_seq(maxlen, seq, label):
    """Keeps the (sequence, label) pairs with sequences shorter than `maxlen`."""
    new_seq, new_label = [], []
    for x, y in zip(seq, label, strict=False):
        if len(x) < maxlen:
            new_seq.append(x)
            new_label.append(y)
    return new_seq, new_label


def _renumber(xs, start_char, index_from):
    if start_char is not None:
        return [[start_char] + [w + index_from for w in x] for x in xs]
    if index_from:
        return [[w + index_from for w in x] for x in xs]
    return xs


def _vocabulary(xs, num_words, skip_top, oov_char):
    if not num_words:
        num_words = max(max(x) for x in xs)
    if oov_char is not None:
        return [[w if skip_top <= w < num_words else oov_char for w in x] for x in xs]
    return [[w for w in x if skip_top <= w < num_words] for x in xs]


def _nb_words(kwargs, num_words):
    if "nb_words" in kwargs:
        from tfcompat._src.logging_v1 import warning
        warning("The `nb_words` argument in `load_data` has been renamed `num_words`.")
        num_words = kwargs.pop("nb_words")
    return num_words


@export("keras.datasets.imdb.load_data")
def imdb_load_data(path="imdb.npz", num_words=None, skip_top=0, maxlen=None, seed=113,
                   start_char=1, oov_char=2, index_from=3, cache_dir=None, **kwargs):
    """IMDB reviews from `imdb.npz` as word-index lists (object arrays) and 0/1 labels; each
    split shuffled with one RandomState(seed), then Keras's start/oov/index_from renumbering,
    `maxlen` filtering and `num_words`/`skip_top` vocabulary cut."""
    num_words = _nb_words(kwargs, num_words)
    if kwargs:
        raise TypeError(f"Unrecognized keyword arguments: {str(kwargs)}.")
    path = _dataset_file(path, _ORIGIN + "imdb.npz",
                         "69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f",
                         _cache(cache_dir))
    with np.load(path, allow_pickle=True) as f:
        x_train, labels_train = f["x_train"], f["y_train"]
        x_test, labels_test = f["x_test"], f["y_test"]
    rng = np.random.RandomState(seed)
    indices = np.arange(len(x_train))
    rng.shuffle(indices)
    x_train, labels_train = x_train[indices], labels_train[indices]
    indices = np.arange(len(x_test))
    rng.shuffle(indices)
    x_test, labels_test = x_test[indices], labels_test[indices]
    x_train = _renumber(x_train, start_char, index_from)
    x_test = _renumber(x_test, start_char, index_from)
    if maxlen:
        x_train, labels_train = _remove_long_seq(maxlen, x_train, labels_train)
        x_test, labels_test = _remove_long_seq(maxlen, x_test, labels_test)
        if not x_train or not x_test:
            raise ValueError(f"After filtering for sequences shorter than maxlen={maxlen}, no "
                             "sequence was kept. Increase maxlen.")
    xs = _vocabulary(list(x_train) + list(x_test), num_words, skip_top, oov_char)
    labels = np.concatenate([labels_train, labels_test])
    idx = len(x_train)
    return ((_objects(xs[:idx]), labels[:idx]), (_objects(xs[idx:]), labels[idx:]))


def _word_index(path, published_name, md5):
    """A dataset's word -> index JSON file, fetched into the cache if absent."""
    with open(_dataset_file(path, _ORIGIN + published_name, md5)) as f:
        return json.load(f)


def _objects(lists):
    """np.array(lists, dtype=object), as Keras builds it (2-D if all lists have one length)."""
    return np.array(lists, dtype="object")


@export("keras.datasets.imdb.get_word_index")
def imdb_get_word_index(path="imdb_word_index.json"):
    """The word -> index dict of `imdb_word_index.json` (indices before `index_from`)."""
    return _word_index(path, "imdb_word_index.json", "bfafd718b763782e994055a2d397834f")


@export("keras.datasets.reuters.load_data")
def reuters_load_data(path="reuters.npz", num_words=None, skip_top=0, maxlen=None,
                      test_split=0.2, seed=113, start_char=1, oov_char=2, index_from=3,
                      cache_dir=None, **kwargs):
    """Reuters newswires from `reuters.npz` (x, y): shuffled with RandomState(seed),
    renumbered and cut as imdb, then split at int(n * (1 - test_split))."""
    num_words = _nb_words(kwargs, num_words)
    if kwargs:
        raise TypeError(f"Unrecognized keyword arguments: {str(kwargs)}")
    xs, labels = _shuffled_xy(_dataset_file(
        path, _ORIGIN + "reuters.npz",
        "d6586e694ee56d7a4e65172e12b3e987c03096cb01eab99753921ef915959916", _cache(cache_dir)),
        seed)
    xs = _renumber(xs, start_char, index_from)
    if maxlen:
        xs, labels = _remove_long_seq(maxlen, xs, labels)
    xs = _vocabulary(xs, num_words, skip_top, oov_char)
    idx = int(len(xs) * (1 - test_split))
    return ((_objects(xs[:idx]), np.array(labels[:idx])),
            (_objects(xs[idx:]), np.array(labels[idx:])))


@export("keras.datasets.reuters.get_word_index")
def reuters_get_word_index(path="reuters_word_index.json"):
    """The word -> index dict of `reuters_word_index.json`."""
    return _word_index(path, "reuters_word_index.json", "4d44cc38712099c9e383dc6e5f11a921")


_REUTERS_LABELS = (
    "cocoa", "grain", "veg-oil", "earn", "acq", "wheat", "copper", "housing", "money-supply",
    "coffee", "sugar", "trade", "reserves", "ship", "cotton", "carcass", "crude", "nat-gas",
    "cpi", "money-fx", "interest", "gnp", "meal-feed", "alum", "oilseed", "gold", "tin",
    "strategic-metal", "livestock", "retail", "ipi", "iron-steel", "rubber", "heat", "jobs",
    "lei", "bop", "zinc", "orange", "pet-chem", "dlr", "gas", "silver", "wpi", "hog", "lead")


@export("keras.datasets.reuters.get_label_names")
def reuters_get_label_names():
    """The 46 Reuters topic names, in label order."""
    return _REUTERS_LABELS
