"""TF 1's MNIST tutorial reader: `tensorflow.examples.tutorials.mnist.input_data` and
`tf.contrib.learn.datasets` (`load_dataset('mnist')`, `...datasets.mnist`, `...datasets.base`).

Reads the four gzipped idx files (`train-images-idx3-ubyte.gz`, ...) from `train_dir`, downloading
one only when it is absent, and gives TF 1.15's `DataSet`s: float32 images scaled to [0, 1] and
flattened to 784 (by default), `next_batch` shuffling with NumPy's global generator, seeded as
TF 1 seeds it (`seed`, else the graph seed of `tf.set_random_seed`, else unseeded).
TF 1.15's deprecation warnings are not printed.
"""

import collections
import gzip
import os
import urllib.request

import numpy

from tfcompat._src import dtypes

DEFAULT_SOURCE_URL = "https://storage.googleapis.com/cvdf-datasets/mnist/"

Datasets = collections.namedtuple("Datasets", ["train", "validation", "test"])


def maybe_download(filename, work_directory, source_url):
    """`work_directory/filename`, downloaded from `source_url` first if absent."""
    os.makedirs(work_directory, exist_ok=True)
    filepath = os.path.join(work_directory, filename)
    if not os.path.exists(filepath):
        tmp = filepath + ".tmp"
        try:
            urllib.request.urlretrieve(source_url, tmp)
            os.replace(tmp, filepath)
        finally:
            if os.path.exists(tmp):
                os.remove(tmp)
        print("Successfully downloaded", filename, os.path.getsize(filepath), "bytes.")
    return filepath


def _read32(bytestream):
    return numpy.frombuffer(bytestream.read(4), dtype=numpy.dtype(">u4"))[0]


def extract_images(f):
    """A gzipped idx3 file object -> uint8 array [index, y, x, 1]."""
    print("Extracting", f.name)
    with gzip.GzipFile(fileobj=f) as bytestream:
        magic = _read32(bytestream)
        if magic != 2051:
            raise ValueError(f"Invalid magic number {magic} in MNIST image file: {f.name}")
        num_images, rows, cols = (int(_read32(bytestream)) for _ in range(3))
        buf = bytestream.read(rows * cols * num_images)
        return numpy.frombuffer(buf, dtype=numpy.uint8).reshape(num_images, rows, cols, 1)


def dense_to_one_hot(labels_dense, num_classes):
    """Class labels -> float64 one-hot rows."""
    num_labels = labels_dense.shape[0]
    one_hot = numpy.zeros((num_labels, num_classes))
    one_hot.flat[numpy.arange(num_labels) * num_classes + labels_dense.ravel()] = 1
    return one_hot


def extract_labels(f, one_hot=False, num_classes=10):
    """A gzipped idx1 file object -> uint8 labels (or float64 one-hot rows)."""
    print("Extracting", f.name)
    with gzip.GzipFile(fileobj=f) as bytestream:
        magic = _read32(bytestream)
        if magic != 2049:
            raise ValueError(f"Invalid magic number {magic} in MNIST label file: {f.name}")
        num_items = int(_read32(bytestream))
        labels = numpy.frombuffer(bytestream.read(num_items), dtype=numpy.uint8)
        return dense_to_one_hot(labels, num_classes) if one_hot else labels


class DataSet:
    """Images and labels with `next_batch`; `dtype` uint8 keeps [0, 255], float32 rescales."""

    def __init__(self, images, labels, fake_data=False, one_hot=False, dtype=dtypes.float32,
                 reshape=True, seed=None):
        from tfcompat._src.ops.random_ops import get_seed
        seed1, seed2 = get_seed(seed)
        numpy.random.seed(seed1 if seed is None else seed2)
        dtype = dtypes.as_dtype(dtype).base_dtype
        if dtype not in (dtypes.uint8, dtypes.float32):
            raise TypeError(f"Invalid image dtype {dtype!r}, expected uint8 or float32")
        if fake_data:
            self._num_examples = 10000
            self.one_hot = one_hot
        else:
            assert images.shape[0] == labels.shape[0], (
                f"images.shape: {images.shape} labels.shape: {labels.shape}")
            self._num_examples = images.shape[0]
            if reshape:
                assert images.shape[3] == 1
                images = images.reshape(images.shape[0], images.shape[1] * images.shape[2])
            if dtype == dtypes.float32:
                images = numpy.multiply(images.astype(numpy.float32), 1.0 / 255.0)
        self._images = images
        self._labels = labels
        self._epochs_completed = 0
        self._index_in_epoch = 0

    images = property(lambda self: self._images)
    labels = property(lambda self: self._labels)
    num_examples = property(lambda self: self._num_examples)
    epochs_completed = property(lambda self: self._epochs_completed)

    def _shuffle(self):
        perm = numpy.arange(self._num_examples)
        numpy.random.shuffle(perm)
        self._images = self._images[perm]
        self._labels = self._labels[perm]

    def next_batch(self, batch_size, fake_data=False, shuffle=True):
        """The next `batch_size` examples; an epoch's end wraps into a reshuffled next epoch."""
        if fake_data:
            fake_image = [1] * 784
            fake_label = [1] + [0] * 9 if self.one_hot else 0
            return [fake_image] * batch_size, [fake_label] * batch_size
        start = self._index_in_epoch
        if self._epochs_completed == 0 and start == 0 and shuffle:
            self._shuffle()
        if start + batch_size > self._num_examples:
            self._epochs_completed += 1
            images_rest = self._images[start:self._num_examples]
            labels_rest = self._labels[start:self._num_examples]
            if shuffle:
                self._shuffle()
            self._index_in_epoch = batch_size - (self._num_examples - start)
            end = self._index_in_epoch
            return (numpy.concatenate((images_rest, self._images[:end]), axis=0),
                    numpy.concatenate((labels_rest, self._labels[:end]), axis=0))
        self._index_in_epoch += batch_size
        return self._images[start:self._index_in_epoch], self._labels[start:self._index_in_epoch]


def read_data_sets(train_dir, fake_data=False, one_hot=False, dtype=dtypes.float32,
                   reshape=True, validation_size=5000, seed=None,
                   source_url=DEFAULT_SOURCE_URL):
    """Datasets(train, validation, test): the first `validation_size` training examples are the
    validation set."""
    if fake_data:
        def fake():
            return DataSet([], [], fake_data=True, one_hot=one_hot, dtype=dtype, seed=seed)
        return Datasets(train=fake(), validation=fake(), test=fake())
    source_url = source_url or DEFAULT_SOURCE_URL

    def load(name, extract, **kwargs):
        with open(maybe_download(name, train_dir, source_url + name), "rb") as f:
            return extract(f, **kwargs)

    train_images = load("train-images-idx3-ubyte.gz", extract_images)
    train_labels = load("train-labels-idx1-ubyte.gz", extract_labels, one_hot=one_hot)
    test_images = load("t10k-images-idx3-ubyte.gz", extract_images)
    test_labels = load("t10k-labels-idx1-ubyte.gz", extract_labels, one_hot=one_hot)
    if not 0 <= validation_size <= len(train_images):
        raise ValueError(f"Validation size should be between 0 and {len(train_images)}. "
                         f"Received: {validation_size}.")
    options = dict(dtype=dtype, reshape=reshape, seed=seed)
    train = DataSet(train_images[validation_size:], train_labels[validation_size:], **options)
    validation = DataSet(train_images[:validation_size], train_labels[:validation_size],
                         **options)
    test = DataSet(test_images, test_labels, **options)
    return Datasets(train=train, validation=validation, test=test)


def load_mnist(train_dir="MNIST-data"):
    return read_data_sets(train_dir)


def load_dataset(name, size="small", test_with_fake_data=False):
    """`tf.contrib.learn.datasets.load_dataset`: only 'mnist' is provided by tfcompat."""
    if name == "mnist":
        return load_mnist()
    if name in ("iris", "boston", "dbpedia"):
        raise NotImplementedError(f"tfcompat's tf.contrib.learn.datasets provides only "
                                  f"'mnist', not '{name}'")
    raise ValueError(f"Name of dataset is not recognized: {name}")
