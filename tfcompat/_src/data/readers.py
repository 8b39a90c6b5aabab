"""File datasets (`TextLineDataset`, `TFRecordDataset`, `FixedLengthRecordDataset`) and the
TFRecord writer (`tf.io.TFRecordWriter`, TF 1's `tf.python_io` names).

Files are read whole when iteration reaches them (TF streams them); a missing file raises TF's
NotFoundError at that point, as TF's iterator does.
"""

import gzip
import zlib

import numpy as np

from tfcompat._src import dtypes, errors
from tfcompat._src.data import gfile, tfrecord
from tfcompat._src.data import structure as st
from tfcompat._src.data.dataset import DatasetV1, DatasetV2
from tfcompat._src.data.structure import TensorSpec
from tfcompat._src.export import export


def _filenames(filenames):
    """File names from a string, a list, a string Tensor or a Dataset of strings."""
    if isinstance(filenames, DatasetV2):
        return lambda: [t.numpy() for t in filenames]
    t = st.to_tensor(filenames)
    if t.dtype != dtypes.string:
        raise TypeError("`filenames` must be a `tf.Tensor` of dtype `tf.string` dtype. Got "
                        f"{t.dtype!r}")
    if t.shape.rank not in (0, 1):
        raise TypeError(f"`filenames` must be a `tf.Tensor` of shape `[]` or `[batch_size]`. "
                        f"Got {t.shape}")
    names = list(np.atleast_1d(st.host(t)))
    return lambda: names


def _read(name, compression_type) -> bytes:
    name = name.decode() if isinstance(name, bytes) else name
    kind = tfrecord.compression_name(compression_type)
    return tfrecord.decompress(gfile.read_bytes(name), kind, name)


def _string(b: bytes):
    return st.from_host(np.asarray(b, dtype=object), dtypes.string)


def _source(self, kind, names, records):
    def factory():
        for name in names():
            for r in records(name):
                yield _string(r)
    return self._init(kind, factory, TensorSpec([], dtypes.string))


def _lines(data: bytes):
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    # TF's line reader drops a trailing '\r' as well.
    return [line[:-1] if line.endswith(b"\r") else line for line in lines]


class _TextLine:
    def __init__(self, filenames, compression_type=None, buffer_size=None,
                 num_parallel_reads=None, name=None):
        _source(self, "TextLineDatasetV2", _filenames(filenames),
                lambda n: _lines(_read(n, compression_type)))


class _TFRecord:
    def __init__(self, filenames, compression_type=None, buffer_size=None,
                 num_parallel_reads=None, name=None):
        _source(self, "TFRecordDatasetV2", _filenames(filenames),
                lambda n: tfrecord.records(_read(n, compression_type), n))


class _FixedLength:
    def __init__(self, filenames, record_bytes, header_bytes=None, footer_bytes=None,
                 buffer_size=None, compression_type=None, num_parallel_reads=None, name=None):
        size, head, foot = (int(x or 0) for x in (record_bytes, header_bytes, footer_bytes))

        def records(n):
            data = _read(n, compression_type)
            body = data[head:len(data) - foot]
            return [body[i:i + size] for i in range(0, len(body) - size + 1, size)]
        _source(self, "FixedLengthRecordDatasetV2", _filenames(filenames), records)


@export("data.TextLineDataset", v1=())
class TextLineDatasetV2(_TextLine, DatasetV2):
    """`tf.data.TextLineDataset`: the lines of text files, without their line endings."""


@export(v1=("data.TextLineDataset",))
class TextLineDatasetV1(_TextLine, DatasetV1):
    """TF 1's TextLineDataset."""


@export("data.TFRecordDataset", v1=())
class TFRecordDatasetV2(_TFRecord, DatasetV2):
    """`tf.data.TFRecordDataset`: the records of TFRecord files ('', 'GZIP' or 'ZLIB')."""


@export(v1=("data.TFRecordDataset",))
class TFRecordDatasetV1(_TFRecord, DatasetV1):
    """TF 1's TFRecordDataset."""


@export("data.FixedLengthRecordDataset", v1=())
class FixedLengthRecordDatasetV2(_FixedLength, DatasetV2):
    """`tf.data.FixedLengthRecordDataset`: fixed-size records between a header and a footer."""


@export(v1=("data.FixedLengthRecordDataset",))
class FixedLengthRecordDatasetV1(_FixedLength, DatasetV1):
    """TF 1's FixedLengthRecordDataset."""


@export(v1=("io.TFRecordCompressionType", "python_io.TFRecordCompressionType"))
class TFRecordCompressionType:
    """TF 1's compression enum for TFRecord files."""

    NONE = 0
    ZLIB = 1
    GZIP = 2


@export("io.TFRecordOptions", v1=("io.TFRecordOptions", "python_io.TFRecordOptions"))
class TFRecordOptions:
    """Options for TFRecord files; only the compression type and level are used."""

    compression_type_map = {TFRecordCompressionType.ZLIB: "ZLIB",
                            TFRecordCompressionType.GZIP: "GZIP",
                            TFRecordCompressionType.NONE: ""}

    def __init__(self, compression_type=None, flush_mode=None, input_buffer_size=None,
                 output_buffer_size=None, window_bits=None, compression_level=None,
                 compression_method=None, mem_level=None, compression_strategy=None):
        self.compression_type = compression_type
        self.compression_level = compression_level
        self.flush_mode, self.window_bits = flush_mode, window_bits
        self.input_buffer_size, self.output_buffer_size = input_buffer_size, output_buffer_size

    @classmethod
    def get_compression_type_string(cls, options):
        return tfrecord.compression_name(options)


@export("io.TFRecordWriter", v1=("io.TFRecordWriter", "python_io.TFRecordWriter"))
class TFRecordWriter:
    """Writes records to a TFRecord file (created at construction, as in TF)."""

    def __init__(self, path, options=None):
        self._kind = tfrecord.compression_name(options)
        level = getattr(options, "compression_level", None)
        level = -1 if level is None else level
        try:
            self._raw = open(gfile._path(path), "wb")  # noqa: SIM115 - closed by close()
        except OSError as e:
            raise gfile._os_error(e, gfile._path(path)) from None
        if self._kind == "GZIP":
            self._file = gzip.GzipFile(fileobj=self._raw, mode="wb", mtime=0,
                                       compresslevel=9 if level < 0 else level)
        else:
            self._file = self._raw
            self._zlib = zlib.compressobj(level) if self._kind == "ZLIB" else None

    def write(self, record):
        if self._raw is None:
            raise errors.FailedPreconditionError(None, None, "Writer is closed.")
        data = tfrecord.frame(record.encode() if isinstance(record, str) else bytes(record))
        if self._kind == "ZLIB":
            data = self._zlib.compress(data)
        self._file.write(data)

    def flush(self):
        if self._raw is not None:
            self._file.flush()
            self._raw.flush()

    def close(self):
        if self._raw is None:
            return
        if self._kind == "ZLIB":
            self._raw.write(self._zlib.flush())
        if self._file is not self._raw:
            self._file.close()
        self._raw.close()
        self._raw = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


@export(v1=("io.tf_record_iterator", "python_io.tf_record_iterator"))
def tf_record_iterator(path, options=None):
    """TF 1's iterator over the records (bytes) of a TFRecord file."""
    yield from tfrecord.records(_read(path, options), path)
