"""TensorFlow's sorted string table (the LevelDB table format) for a checkpoint's `.index` file.

Layout: data blocks, an empty meta-index block, an index block, then a 48-byte footer (two block
handles padded to 40 bytes, then the magic number). A block holds entries with shared-prefix
compressed keys (`varint shared, varint unshared, varint value length, key suffix, value`),
then the restart offsets (uint32 each) and their count; each block is followed by a type byte
(0: uncompressed; TF writes checkpoint indexes uncompressed) and the masked crc32c of the block
and type byte. Index-block keys are TF's shortest separators of neighbouring blocks' keys.
"""

import struct

from tfcompat._src import crc32c, errors
from tfcompat._src.checkpoint.protowire import read_varint, varint

MAGIC = 0xDB4775248B80FB57
FOOTER_SIZE = 48
BLOCK_SIZE = 262144       # TF's table::Options defaults
RESTART_INTERVAL = 16


class _Block:
    def __init__(self, restart_interval: int):
        self.interval = restart_interval
        self.reset()

    def reset(self):
        self.buf = bytearray()
        self.restarts = [0]
        self.count = 0
        self.last = b""

    def add(self, key: bytes, value: bytes):
        shared = 0
        if self.count < self.interval:
            n = min(len(key), len(self.last))
            while shared < n and key[shared] == self.last[shared]:
                shared += 1
        else:
            self.restarts.append(len(self.buf))
            self.count = 0
        self.buf += varint(shared) + varint(len(key) - shared) + varint(len(value))
        self.buf += key[shared:] + value
        self.last = key
        self.count += 1

    def size_estimate(self) -> int:
        return len(self.buf) + 4 * len(self.restarts) + 4

    def finish(self) -> bytes:
        return bytes(self.buf) + b"".join(struct.pack("<I", r) for r in self.restarts) + \
            struct.pack("<I", len(self.restarts))

    @property
    def empty(self) -> bool:
        return not self.buf


def _shortest_separator(start: bytes, limit: bytes) -> bytes:
    n = min(len(start), len(limit))
    i = 0
    while i < n and start[i] == limit[i]:
        i += 1
    if i < n and start[i] < 0xFF and start[i] + 1 < limit[i]:
        return start[:i] + bytes([start[i] + 1])
    return start


def _short_successor(key: bytes) -> bytes:
    for i, b in enumerate(key):
        if b != 0xFF:
            return key[:i] + bytes([b + 1])
    return key


def _handle(offset: int, size: int) -> bytes:
    return varint(offset) + varint(size)


def build(items) -> bytes:
    """The table holding `items`, (key bytes, value bytes) pairs in increasing key order."""
    out = bytearray()
    data, index = _Block(RESTART_INTERVAL), _Block(1)
    pending = None   # the handle of the last written data block, awaiting its index key
    last = b""

    def write_block(block):
        raw = block.finish()
        handle = (len(out), len(raw))
        out.extend(raw + b"\0" + struct.pack("<I", crc32c.mask(crc32c.value(raw + b"\0"))))
        block.reset()
        return handle

    for n, (key, value) in enumerate(items):
        if n and len(key) + len(value) >= 2 * BLOCK_SIZE and not data.empty:
            pending = write_block(data)
        if pending is not None:
            index.add(_shortest_separator(last, key), _handle(*pending))
            pending = None
        last = key
        data.add(key, value)
        if data.size_estimate() >= BLOCK_SIZE:
            pending = write_block(data)
    if not data.empty:
        pending = write_block(data)
    meta = write_block(_Block(RESTART_INTERVAL))
    if pending is not None:
        index.add(_short_successor(last), _handle(*pending))
    idx = write_block(index)
    footer = _handle(*meta) + _handle(*idx)
    out += footer + b"\0" * (40 - len(footer)) + struct.pack("<Q", MAGIC)
    return bytes(out)


def _corrupt(path: str, what: str):
    return errors.DataLossError(None, None, f"Unable to open table file {path}: "
                                f"Data loss: {what}: perhaps your file is in a different file "
                                "format and you need to use a different restore operator?")


def _read_block(buf: bytes, offset: int, size: int, path: str) -> bytes:
    if offset + size + 5 > len(buf):
        raise _corrupt(path, "truncated block read")
    raw = buf[offset:offset + size]
    kind = buf[offset + size]
    stored = struct.unpack_from("<I", buf, offset + size + 1)[0]
    if crc32c.unmask(stored) != crc32c.value(buf[offset:offset + size + 1]):
        raise _corrupt(path, "block checksum mismatch")
    if kind != 0:
        raise _corrupt(path, "compressed blocks are not supported")  # TF never writes them here
    return raw


def _entries(block: bytes):
    n_restarts = struct.unpack_from("<I", block, len(block) - 4)[0]
    end = len(block) - 4 - 4 * n_restarts
    pos, key = 0, b""
    while pos < end:
        shared, pos = read_varint(block, pos)
        unshared, pos = read_varint(block, pos)
        vlen, pos = read_varint(block, pos)
        key = key[:shared] + block[pos:pos + unshared]
        pos += unshared
        yield key, block[pos:pos + vlen]
        pos += vlen


def read(buf: bytes, path: str = "") -> list[tuple[bytes, bytes]]:
    """Every (key, value) pair of the table in `buf`, in key order."""
    if len(buf) < FOOTER_SIZE or struct.unpack_from("<Q", buf, len(buf) - 8)[0] != MAGIC:
        raise _corrupt(path, "not an sstable (bad magic number)")
    footer = buf[len(buf) - FOOTER_SIZE:]
    pos = 0
    handles = []
    for _ in range(2):
        off, pos = read_varint(footer, pos)
        size, pos = read_varint(footer, pos)
        handles.append((off, size))
    index = _read_block(buf, *handles[1], path)
    items = []
    for _, handle in _entries(index):
        off, p = read_varint(handle, 0)
        size, _ = read_varint(handle, p)
        items.extend(_entries(_read_block(buf, off, size, path)))
    return items
