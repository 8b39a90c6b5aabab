"""`tf.summary` (TF 2) and the event files it writes, plus `read_events` for tests and tools.

An event file is a TFRecord file (framing from `data/tfrecord.py`) of `Event` protocol buffers
(encoded with `checkpoint/protowire.py`): first `file_version: "brain.Event:2"`, then one Event
per summary, with `wall_time`, `step` and a `Summary` of one value. TF 2 summaries store a
tensor plus `SummaryMetadata` naming TensorBoard's plugin (scalars, histograms, images, text), as
TF with TensorBoard installed writes them; TF 1 summaries (`tf.contrib.summary`) use
`simple_value` and `HistogramProto`. Records are written as they come (TF buffers until
`flush`); the bytes of a record equal TF's except the PNG payload of image summaries.
"""

import contextlib
import itertools
import os
import socket
import struct
import threading
import time
import zlib

import numpy as np

from tfcompat._src.checkpoint import protowire as pw
from tfcompat._src.data import tfrecord
from tfcompat._src.export import export, export_value

# -- encoding ----------------------------------------------------------------------------------

# TensorProto dtype enum values (types.proto) for the NumPy kinds summaries carry.
_DT = {"float32": 1, "float64": 2, "int32": 3, "uint8": 4, "int16": 5, "int8": 6, "object": 7,
       "int64": 9, "bool": 10, "float16": 19, "uint16": 17, "uint32": 22, "uint64": 23}
_NP = {v: k for k, v in _DT.items()}
DATA_CLASS_SCALAR, DATA_CLASS_TENSOR, DATA_CLASS_BLOB_SEQUENCE = 1, 2, 3


def _double_field(field: int, value: float) -> bytes:
    return pw.varint(field << 3 | pw.FIXED64) + struct.pack("<d", value) if value else b""


def _float_field(field: int, value: float) -> bytes:
    return pw.varint(field << 3 | pw.FIXED32) + struct.pack("<f", value)


def _packed_doubles(field: int, values) -> bytes:
    return pw.bytes_field(field, struct.pack(f"<{len(values)}d", *values))


def tensor_proto(arr: np.ndarray) -> bytes:
    """A TensorProto as TF's summary kernels write it: shape always present, numbers as
    `tensor_content`, strings as repeated `string_val`."""
    arr = np.asarray(arr)
    kind = "object" if arr.dtype.kind in "OSU" else arr.dtype.name
    shape = b"".join(pw.bytes_field(2, pw.int_field(1, d), always=True) for d in arr.shape)
    out = pw.int_field(1, _DT[kind]) + pw.bytes_field(2, shape, always=True)
    if kind == "object":
        items = [x.encode() if isinstance(x, str) else bytes(x) for x in arr.reshape(-1)]
        return out + b"".join(pw.bytes_field(8, x, always=True) for x in items)
    return out + pw.bytes_field(4, arr.astype(arr.dtype.newbyteorder("<")).tobytes())


def summary_metadata(plugin: str, data_class: int = 0, description: str = "") -> bytes:
    return (pw.bytes_field(1, pw.bytes_field(1, plugin)) + pw.bytes_field(3, description)
            + pw.int_field(4, data_class))


def summary_value(tag: str, *, simple_value=None, histo=None, tensor=None, metadata=None):
    """A Summary holding one Value (fields in number order, as protobuf serialises)."""
    value = pw.bytes_field(1, tag)
    if simple_value is not None:
        value += _float_field(2, simple_value)
    if histo is not None:
        value += pw.bytes_field(5, histo, always=True)
    if tensor is not None:
        value += pw.bytes_field(8, tensor_proto(tensor), always=True)
    if metadata is not None:
        value += pw.bytes_field(9, metadata, always=True)
    return pw.bytes_field(1, value, always=True)


def event(wall_time: float, step: int = 0, summary: bytes | None = None,
          file_version: str = "") -> bytes:
    out = _double_field(1, wall_time) + pw.int_field(2, step) + pw.bytes_field(3, file_version)
    if summary is not None:
        out += pw.bytes_field(5, summary, always=True)
    if file_version:  # source_metadata { writer: ... }, as TF's EventsWriter adds
        out += pw.bytes_field(10, pw.bytes_field(1, "tensorflow.core.util.events_writer"))
    return out


def _default_limits():
    # TF's classic histogram buckets: +-1e-12 growing by 10% up to 1e20, then +-DBL_MAX, and 0.
    pos, v = [], 1.0e-12
    while v < 1.0e20:
        pos.append(v)
        v *= 1.1
    pos.append(np.finfo(np.float64).max)
    return [-x for x in reversed(pos)] + [0.0] + pos


_LIMITS = np.array(_default_limits())


def histogram_proto(values) -> bytes:
    """TF 1's HistogramProto of `values` (WriteHistogramSummary): runs of empty buckets collapse
    into one entry whose limit is the run's last."""
    data = np.asarray(values, dtype=np.float64).reshape(-1)
    counts = np.bincount(np.searchsorted(_LIMITS, data, side="right"), minlength=len(_LIMITS))
    limits, buckets, i = [], [], 0
    while i < len(_LIMITS):
        end, count = _LIMITS[i], float(counts[i])
        i += 1
        if count <= 0:
            while i < len(_LIMITS) and counts[i] <= 0:
                end, count = _LIMITS[i], float(counts[i])
                i += 1
        limits.append(float(end))
        buckets.append(count)
    dmax = np.finfo(np.float64).max
    total = squares = 0.0
    for x in data.tolist():  # sequential double sums, as the C++ loop adds
        total += x
        squares += x * x
    return (_double_field(1, float(data.min()) if data.size else dmax)
            + _double_field(2, float(data.max()) if data.size else -dmax)
            + _double_field(3, float(data.size)) + _double_field(4, total)
            + _double_field(5, squares) + _packed_doubles(6, limits)
            + _packed_doubles(7, buckets))


# -- reading -----------------------------------------------------------------------------------

def _double(n: int) -> float:
    return struct.unpack("<d", struct.pack("<Q", n))[0]


def _decode_tensor(buf: bytes) -> np.ndarray:
    f = pw.decode(buf)
    dtype = _NP[pw.first(f, 1)]
    shape = tuple(pw.first(pw.decode(d), 1) for d in pw.decode(pw.first(f, 2, b"")).get(2, []))
    if dtype == "object":
        return np.array(f.get(8, []), dtype=object).reshape(shape)
    return np.frombuffer(pw.first(f, 4, b""), dtype=np.dtype(dtype).newbyteorder("<")) \
        .astype(dtype).reshape(shape)


def _decode_histo(buf: bytes) -> dict:
    f = pw.decode(buf)
    out = {k: _double(pw.first(f, n)) for n, k in enumerate(
        ("min", "max", "num", "sum", "sum_squares"), 1)}
    for n, k in ((6, "bucket_limit"), (7, "bucket")):
        raw = b"".join(f.get(n, []))
        out[k] = list(struct.unpack(f"<{len(raw) // 8}d", raw))
    return out


def _decode_value(buf: bytes) -> dict:
    f = pw.decode(buf)
    out = {"tag": pw.first(f, 1, b"").decode()}
    if 2 in f:
        out["simple_value"] = struct.unpack("<f", struct.pack("<I", pw.first(f, 2)))[0]
    if 5 in f:
        out["histo"] = _decode_histo(pw.first(f, 5))
    if 8 in f:
        out["tensor"] = _decode_tensor(pw.first(f, 8))
    if 9 in f:
        m = pw.decode(pw.first(f, 9))
        out["plugin"] = pw.first(pw.decode(pw.first(m, 1, b"")), 1, b"").decode()
        out["data_class"] = pw.first(m, 4)
    return out


def read_events(path) -> list[dict]:
    """The Events of an event file (or of the files of a log directory, in name order), each a
    dict: `wall_time`, `step`, and `file_version` or `summary` (a list of value dicts)."""
    path = os.fspath(path)
    if os.path.isdir(path):
        return [e for name in sorted(os.listdir(path)) if ".tfevents." in name
                for e in read_events(os.path.join(path, name))]
    with open(path, "rb") as f:
        data = f.read()
    out = []
    for record in tfrecord.records(data, path):
        f = pw.decode(record)
        ev = {"wall_time": _double(pw.first(f, 1)), "step": pw.signed(pw.first(f, 2))}
        if 3 in f:
            ev["file_version"] = pw.first(f, 3).decode()
        if 5 in f:
            ev["summary"] = [_decode_value(v) for v in pw.decode(pw.first(f, 5)).get(1, [])]
        out.append(ev)
    return out


# -- writers -----------------------------------------------------------------------------------

_counter = itertools.count()


class _State(threading.local):
    def __init__(self):
        self.writer = None
        self.step = None
        self.record_if = True  # a bool or a callable


_state = _State()


def _numpy(x):
    return np.asarray(x.numpy()) if hasattr(x, "numpy") else np.asarray(x)


@export("summary.SummaryWriter", v1=())
class SummaryWriter:
    """TF's `tf.summary.SummaryWriter` interface; `create_file_writer` makes the file one."""

    def as_default(self, step=None):
        return contextlib.nullcontext(self)

    def set_as_default(self, step=None):
        pass

    def init(self):
        pass

    def flush(self):
        pass

    def close(self):
        pass


class FileWriter(SummaryWriter):
    """Writes one event file under `logdir`, named as TF 2 names it."""

    def __init__(self, logdir, filename_suffix=None):
        logdir = os.fspath(logdir)
        os.makedirs(logdir, exist_ok=True)
        suffix = ".v2" if filename_suffix is None else filename_suffix
        now = time.time()
        self.path = os.path.join(logdir, f"events.out.tfevents.{int(now)}.{socket.gethostname()}"
                                 f".{os.getpid()}.{next(_counter)}{suffix}")
        self._file = open(self.path, "wb")  # noqa: SIM115 - lives as long as the writer
        self._closed = False
        self.write_event(event(float(int(now)), file_version="brain.Event:2"))

    def __repr__(self):
        return f"<tfcompat SummaryWriter at {self.path!r}>"

    def write_event(self, record: bytes):
        if not self._closed:
            self._file.write(tfrecord.frame(record))

    def write_summary(self, summary: bytes, step: int):
        self.write_event(event(time.time(), step, summary))

    @contextlib.contextmanager
    def as_default(self, step=None):
        if self._closed:
            raise RuntimeError(f"SummaryWriter {self!r} is already closed")
        saved = _state.writer, _state.step
        _state.writer = self
        if step is not None:
            _state.step = step
        try:
            yield self
        finally:
            self.flush()
            _state.writer, _state.step = saved

    def set_as_default(self, step=None):
        if self._closed:
            raise RuntimeError(f"SummaryWriter {self!r} is already closed")
        _state.writer = self
        if step is not None:
            _state.step = step

    def flush(self):
        if not self._closed:
            self._file.flush()

    def close(self):
        if not self._closed:
            self._file.close()
            self._closed = True

    def __del__(self):  # an unclosed writer's file is closed with it, as TF's resource is
        if getattr(self, "_file", None) is not None:
            self.close()


@export("summary.create_file_writer", v1=())
def create_file_writer(logdir, max_queue=None, flush_millis=None, filename_suffix=None,
                       name=None, experimental_trackable=False, experimental_mesh=None):
    """A writer of one new event file in `logdir` (created if missing)."""
    if logdir is None:
        return SummaryWriter()
    return FileWriter(_numpy(logdir).item().decode() if hasattr(logdir, "numpy") else logdir,
                      filename_suffix)


@export("summary.create_noop_writer", v1=())
def create_noop_writer():
    return SummaryWriter()


@export("summary.flush", v1=())
def flush(writer=None, name=None):
    writer = _state.writer if writer is None else writer
    if writer is not None:
        writer.flush()


@export("summary.experimental.set_step", v1=())
def set_step(step):
    _state.step = step


@export("summary.experimental.get_step", v1=())
def get_step():
    return _state.step


@export("summary.record_if", v1=())
@contextlib.contextmanager
def record_if(condition):
    saved = _state.record_if
    _state.record_if = condition
    try:
        yield
    finally:
        _state.record_if = saved


def _recording() -> bool:
    cond = _state.record_if
    cond = cond() if callable(cond) else cond
    return bool(_numpy(cond))


@export("summary.should_record_summaries", v1=())
def should_record_summaries():
    from tfcompat._src.tensor import to_tensor
    return to_tensor(_state.writer is not None and _recording())


def _write(tag, summary_for, step):
    """Writes `summary_for()` at `step` to the default writer; TF's bool Tensor result."""
    from tfcompat._src.tensor import to_tensor
    writer = _state.writer
    if writer is None or not isinstance(writer, FileWriter) or not _recording():
        return to_tensor(writer is not None and _recording())
    step = _state.step if step is None else step
    if step is None:
        raise ValueError("No step set. Please specify one either through the `step` argument "
                         "or through tf.summary.experimental.set_step()")
    writer.write_summary(summary_for(), int(_numpy(step)))
    return to_tensor(True)


@export("summary.write", v1=())
def write(tag, tensor, step=None, metadata=None, name=None):
    """Writes `tensor` under `tag`; `metadata` is a serialized SummaryMetadata or None."""
    def summary():
        value = tensor() if callable(tensor) else tensor
        md = metadata.SerializeToString() if hasattr(metadata, "SerializeToString") else metadata
        return summary_value(tag, tensor=_numpy(value), metadata=md or None)
    return _write(tag, summary, step)


@export("summary.scalar", v1=())
def scalar(name, data, step=None, description=None):
    """A float32 scalar with the "scalars" plugin's metadata."""
    def summary():
        value = _numpy(data).astype(np.float32)
        if value.ndim:
            from tfcompat._src import errors
            raise errors.InvalidArgumentError(None, None, "tags and values are not the same "
                                              f"shape: [] != {list(value.shape)}")
        return summary_value(name, tensor=value, metadata=summary_metadata(
            "scalars", DATA_CLASS_SCALAR, description or ""))
    return _write(name, summary, step)


def histogram_buckets(data, bucket_count: int = 30) -> np.ndarray:
    """TensorBoard's [k, 3] float64 buckets (left edge, right edge, count) of `data`."""
    data = np.asarray(data, dtype=np.float64).reshape(-1)
    if bucket_count == 0 or data.size == 0:
        return np.zeros((bucket_count, 3))
    lo, hi = data.min(), data.max()
    if hi == lo:  # all in the last bucket, every edge at the value
        counts = np.zeros(bucket_count)
        counts[-1] = data.size
        return np.stack([np.full(bucket_count, lo), np.full(bucket_count, lo), counts], axis=1)
    width = (hi - lo) / bucket_count
    index = np.minimum(np.floor((data - lo) / width).astype(np.int64), bucket_count - 1)
    counts = np.bincount(index, minlength=bucket_count).astype(np.float64)
    edges = np.linspace(lo, hi, bucket_count + 1)
    edges[-1] = hi
    return np.stack([edges[:-1], edges[1:], counts], axis=1)


@export("summary.histogram", v1=())
def histogram(name, data, step=None, buckets=None, description=None):
    """TensorBoard's v2 histogram: `buckets` (default 30) equal-width buckets over the data."""
    def summary():
        table = histogram_buckets(_numpy(data), 30 if buckets is None else buckets)
        return summary_value(name, tensor=table, metadata=summary_metadata(
            "histograms", 0, description or ""))
    return _write(name, summary, step)


def _png(image: np.ndarray) -> bytes:
    """A PNG of an [h, w, c] uint8 image (c = 1, 2, 3 or 4), unfiltered rows."""
    h, w, c = image.shape
    color = {1: 0, 2: 4, 3: 2, 4: 6}[c]
    raw = b"".join(b"\x00" + image[y].tobytes() for y in range(h))

    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, color, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


@export("summary.image", v1=())
def image(name, data, step=None, max_outputs=3, description=None):
    """Up to `max_outputs` images of a [k, h, w, c] batch as [width, height, png...] strings;
    floats are taken in [0, 1] and scaled as `convert_image_dtype` does."""
    def summary():
        batch = _numpy(data)
        if batch.dtype.kind == "f":
            batch = (batch * 255.5).astype(np.uint8)  # TF's float -> uint8 conversion
        batch = batch.astype(np.uint8)[:max_outputs]
        h, w = batch.shape[1:3]
        blobs = [str(w).encode(), str(h).encode()] + [_png(im) for im in batch]
        return summary_value(name, tensor=np.array(blobs, dtype=object), metadata=summary_metadata(
            "images", DATA_CLASS_BLOB_SEQUENCE, description or ""))
    return _write(name, summary, step)


@export("summary.text", v1=())
def text(name, data, step=None, description=None):
    """A string tensor with the "text" plugin's metadata."""
    def summary():
        value = _numpy(data)
        return summary_value(name, tensor=value.astype(object), metadata=summary_metadata(
            "text", DATA_CLASS_TENSOR, description or ""))
    return _write(name, summary, step)


def default_writer():
    return _state.writer


def step_state():
    return _state


# -- TF 1's tf.compat.v1.summary ops -----------------------------------------------------------
# Eagerly TF 1 returns the serialized Summary as a string Tensor (for FileWriter.add_summary).
# Legacy code reaching them through the top level with `step=` or under a TF 2 default writer
# (TF 2 style) is served by the TF 2 function instead.

def _v1_step():
    """The step TF 1 summary ops use under a TF 2 writer: the summary step, else the global
    step; None when there is neither (TF then warns and returns the serialized Summary)."""
    if _state.step is not None:
        return _state.step
    from tfcompat._src.train.training_util import get_global_step
    return get_global_step()


def _v1(v2_fn, make):
    def op(name, *args, step=None, **kwargs):
        if step is not None:
            kwargs = {k: v for k, v in kwargs.items() if k not in ("collections", "family")}
            return v2_fn(name, *args, step=step, **kwargs)
        from tfcompat._src.tensor import to_tensor
        kwargs.pop("collections", None)
        family = kwargs.pop("family", None)
        tag = f"{family}/{family}/{name}" if family else name  # TF 1's summary_scope
        if _state.writer is not None and _v1_step() is not None:
            # TF 2.21 writes through the TF 2 op and returns an empty string Tensor.
            v2_fn(tag, *args, step=_v1_step(), **kwargs)
            return to_tensor(np.array(b"", dtype=object))
        return to_tensor(np.array(make(tag, *args, **kwargs), dtype=object))
    op.__name__ = v2_fn.__name__
    op.__doc__ = f"TF 1's `tf.summary.{v2_fn.__name__}`: the serialized Summary (eagerly)."
    return op


def _v1_scalar(tag, tensor, description=None):
    return summary_value(tag, simple_value=float(np.float32(_numpy(tensor))))


def _v1_histogram(tag, values, description=None):
    return summary_value(tag, histo=histogram_proto(_numpy(values)))


def _v1_text(tag, tensor, description=None):
    return summary_value(tag, tensor=_numpy(tensor).astype(object),
                         metadata=summary_metadata("text"))


def _v1_image(tag, tensor, max_outputs=3, description=None):
    batch = _numpy(tensor)
    if batch.dtype.kind == "f":
        batch = (batch * 255.5).astype(np.uint8)
    out = b""
    for i, im in enumerate(batch.astype(np.uint8)[:max_outputs]):
        h, w, c = im.shape
        proto = (pw.int_field(1, h) + pw.int_field(2, w) + pw.int_field(3, c)
                 + pw.bytes_field(4, _png(im)))
        name = f"{tag}/image/{i}" if max_outputs > 1 else f"{tag}/image"
        out += pw.bytes_field(1, pw.bytes_field(1, name) + pw.bytes_field(4, proto, always=True),
                              always=True)
    return out


export_value(_v1(scalar, _v1_scalar), (), ("summary.scalar",))
export_value(_v1(histogram, _v1_histogram), (), ("summary.histogram",))
export_value(_v1(text, _v1_text), (), ("summary.text",))
export_value(_v1(image, _v1_image), (), ("summary.image",))
