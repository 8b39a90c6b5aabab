"""TensorFlow's tensor bundle (checkpoint V2): `<prefix>.index` and `<prefix>.data-00000-of-00001`.

The index is a sorted table (`table.py`): under the empty key a BundleHeaderProto, then one
BundleEntryProto per tensor (dtype, shape, shard, offset, size, masked crc32c). The data file
holds each tensor's raw little-endian bytes; a string tensor is the varint64 lengths of its
elements, the masked crc32c of those lengths (as uint32s), then the bytes. TF checks the crc32c
of every tensor it reads; so does the reader here.
"""

import os
import struct

import numpy as np

from tfcompat._src import crc32c, dtypes, errors
from tfcompat._src.checkpoint import protowire as pw
from tfcompat._src.checkpoint import table

HEADER = pw.int_field(1, 1) + pw.bytes_field(3, pw.int_field(1, 1))  # one shard, LITTLE, v1


def data_path(prefix: str) -> str:
    return f"{prefix}.data-00000-of-00001"


def index_path(prefix: str) -> str:
    return f"{prefix}.index"


class Entry:
    """A parsed BundleEntryProto."""

    __slots__ = ("dtype", "shape", "shard_id", "offset", "size", "crc32c", "sliced")

    def __init__(self, dtype, shape, shard_id=0, offset=0, size=0, crc=0, sliced=False):
        self.dtype, self.shape, self.shard_id = dtype, tuple(shape), shard_id
        self.offset, self.size, self.crc32c, self.sliced = offset, size, crc, sliced

    def encode(self) -> bytes:
        dims = b"".join(pw.bytes_field(2, pw.int_field(1, d), always=True) for d in self.shape)
        return (pw.int_field(1, self.dtype.as_datatype_enum) + pw.bytes_field(2, dims, True)
                + pw.int_field(3, self.shard_id) + pw.int_field(4, self.offset)
                + pw.int_field(5, self.size) + pw.fixed32_field(6, self.crc32c))

    @classmethod
    def decode(cls, raw: bytes) -> "Entry":
        f = pw.decode(raw)
        shape = pw.decode(pw.first(f, 2, b""))
        dims = [pw.signed(pw.first(pw.decode(d), 1)) for d in shape.get(2, [])]
        return cls(dtypes.as_dtype(pw.first(f, 1)), dims, pw.first(f, 3), pw.first(f, 4),
                   pw.first(f, 5), pw.first(f, 6), bool(f.get(7)))

    def as_dict(self) -> dict:
        """The fields as plain values (for goldens)."""
        return {"dtype": self.dtype.name, "shape": list(self.shape), "shard_id": self.shard_id,
                "offset": self.offset, "size": self.size, "crc32c": self.crc32c}


def _np_dtype(dtype):
    return np.dtype(dtype.as_numpy_dtype)  # the host's order: little-endian where JAX runs


def _encode(value: np.ndarray, dtype) -> tuple[bytes, int]:
    """The data-file bytes of one tensor and their (unmasked) crc32c."""
    if dtype is dtypes.string:
        items = [v.encode() if isinstance(v, str) else bytes(v) for v in value.reshape(-1)]
        lengths = b"".join(pw.varint(len(s)) for s in items)
        crc = crc32c.extend(0, b"".join(
            struct.pack("<I" if len(s) <= 0xFFFFFFFF else "<Q", len(s)) for s in items))
        check = struct.pack("<I", crc32c.mask(crc))
        body = b"".join(items)
        return lengths + check + body, crc32c.extend(crc32c.extend(crc, check), body)
    raw = np.ascontiguousarray(value, dtype=_np_dtype(dtype)).tobytes()
    return raw, crc32c.value(raw)


def write(prefix: str, tensors) -> dict[str, Entry]:
    """Writes a one-shard bundle of `tensors`: (key, NumPy value, DType) in data-file order."""
    directory = os.path.dirname(prefix)
    if directory:
        os.makedirs(directory, exist_ok=True)
    entries: dict[str, Entry] = {}
    chunks, offset = [], 0
    for key, value, dtype in tensors:
        if key in entries:
            raise errors.InvalidArgumentError(None, None, f"Adding duplicate key: {key}")
        value = np.asarray(value, dtype=object if dtype is dtypes.string else None)
        raw, crc = _encode(value, dtype)
        entries[key] = Entry(dtype, value.shape, 0, offset, len(raw), crc32c.mask(crc))
        chunks.append(raw)
        offset += len(raw)
    items = [(b"", HEADER)] + [(k.encode(), entries[k].encode()) for k in sorted(
        entries, key=str.encode)]
    # Written to temporary names and renamed, as TF does, so a reader never sees half a file.
    for path, data in ((data_path(prefix), b"".join(chunks)),
                       (index_path(prefix), table.build(items))):
        tmp = f"{path}.tempstate{os.getpid()}"
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    return entries


def _not_found(prefix: str):
    return errors.NotFoundError(
        None, None, f"Unsuccessful TensorSliceReader constructor: Failed to find any matching "
        f"files for {prefix}")


class Reader:
    """Reads a bundle: its entries and, checked against their crc32c, its tensors."""

    def __init__(self, prefix: str):
        prefix = os.fspath(prefix)
        self.prefix = prefix
        path = index_path(prefix)
        if not os.path.isfile(path):
            raise _not_found(prefix)
        with open(path, "rb") as f:
            items = table.read(f.read(), path)
        if not items or items[0][0] != b"":
            raise errors.DataLossError(None, None, f"Unable to read file ({path}): header "
                                       "entry missing")
        header = pw.decode(items[0][1])
        if pw.first(header, 2):
            raise errors.UnimplementedError(None, None, "big-endian checkpoints are not "
                                            "supported by tfcompat")
        self.num_shards = pw.first(header, 1, 1)
        self.entries = {k.decode(): Entry.decode(v) for k, v in items[1:]}
        self._data: dict[int, bytes] = {}

    def _shard(self, shard_id: int) -> bytes:
        if shard_id not in self._data:
            name = f"{self.prefix}.data-{shard_id:05d}-of-{self.num_shards:05d}"
            try:
                with open(name, "rb") as f:
                    self._data[shard_id] = f.read()
            except FileNotFoundError:
                raise errors.NotFoundError(None, None, f"{name}; No such file or directory") \
                    from None
        return self._data[shard_id]

    def has(self, key: str) -> bool:
        return key in self.entries

    def get(self, key: str) -> np.ndarray:
        """The tensor stored under `key` (strings as an object array of bytes)."""
        entry = self.entries.get(key)
        if entry is None:
            raise errors.NotFoundError(None, None, f"Key {key} not found in checkpoint")
        if entry.sliced:
            raise errors.UnimplementedError(None, None, f"Partitioned (sliced) variable {key} "
                                            "is not supported by tfcompat")
        raw = self._shard(entry.shard_id)[entry.offset:entry.offset + entry.size]
        if len(raw) != entry.size:
            raise errors.DataLossError(None, None, f"Truncated data for {key}")
        count = int(np.prod(entry.shape, dtype=np.int64))
        if entry.dtype is dtypes.string:
            value, crc = self._strings(raw, count, key)
        else:
            value = np.frombuffer(raw, dtype=_np_dtype(entry.dtype), count=count)
            crc = crc32c.value(raw)
        if crc32c.mask(crc) != entry.crc32c:
            raise errors.DataLossError(
                None, None, f"Checksum does not match: stored {crc32c.unmask(entry.crc32c)} vs. "
                f"calculated on the restored bytes {crc}")
        return value.reshape(entry.shape)

    @staticmethod
    def _strings(raw: bytes, count: int, key: str):
        pos, lengths = 0, []
        for _ in range(count):
            n, pos = pw.read_varint(raw, pos)
            lengths.append(n)
        crc = crc32c.extend(0, b"".join(
            struct.pack("<I" if n <= 0xFFFFFFFF else "<Q", n) for n in lengths))
        check = raw[pos:pos + 4]
        if count and crc32c.unmask(struct.unpack("<I", check)[0]) != crc:
            raise errors.DataLossError(None, None, f"The length checksum does not match ({key})")
        pos += 4 if count else 0
        out = np.empty(count, dtype=object)
        for i, n in enumerate(lengths):
            out[i] = raw[pos:pos + n]
            pos += n
        return out, crc32c.extend(crc32c.extend(crc, check), raw[pos - sum(lengths):pos])
