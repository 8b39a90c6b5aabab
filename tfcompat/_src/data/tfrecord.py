"""TFRecord framing: each record is `uint64 length, uint32 masked_crc32c(length), data,
uint32 masked_crc32c(data)`, little-endian; a file may be compressed whole with GZIP or ZLIB.

CRC32C (Castagnoli) and TF's masking come from `tfcompat/_src/crc32c.py`, shared with
checkpoints.
"""

import gzip
import struct
import zlib

from tfcompat._src import crc32c, errors


def masked_crc(data: bytes) -> int:
    return crc32c.mask(crc32c.value(data))


def frame(record: bytes) -> bytes:
    length = struct.pack("<Q", len(record))
    return b"".join((length, struct.pack("<I", masked_crc(length)), record,
                     struct.pack("<I", masked_crc(record))))


def compression_name(options) -> str:
    """'' / 'GZIP' / 'ZLIB' from a string, a TFRecordOptions or TF 1's TFRecordCompressionType."""
    if options is None:
        return ""
    if hasattr(options, "compression_type"):
        options = options.compression_type
    if isinstance(options, int):
        return {0: "", 1: "ZLIB", 2: "GZIP"}[options]
    options = options.decode() if isinstance(options, bytes) else str(options)
    if options not in ("", "GZIP", "ZLIB"):
        raise ValueError(f"Unsupported compression_type: {options}")
    return options


def compress(data: bytes, kind: str) -> bytes:
    if kind == "GZIP":
        return gzip.compress(data, mtime=0)
    if kind == "ZLIB":
        return zlib.compress(data)
    return data


def decompress(data: bytes, kind: str, path: str) -> bytes:
    try:
        if kind == "GZIP":
            return gzip.decompress(data)
        if kind == "ZLIB":
            return zlib.decompress(data)
    except (OSError, zlib.error, EOFError):
        raise errors.DataLossError(None, None, "corrupted record at 0") from None
    return data


def records(data: bytes, path: str):
    """The records of an (uncompressed) TFRecord file's bytes, checking both CRCs."""
    pos = 0
    while pos < len(data):
        if len(data) - pos < 12:
            raise errors.DataLossError(None, None, f"truncated record at {pos}' failed with "
                                       "Read less bytes than requested")
        header = data[pos:pos + 8]
        (length,) = struct.unpack("<Q", header)
        (crc,) = struct.unpack("<I", data[pos + 8:pos + 12])
        if crc != masked_crc(header):
            raise errors.DataLossError(None, None, f"corrupted record at {pos}")
        start = pos + 12
        if len(data) < start + length + 4:
            raise errors.DataLossError(None, None, f"truncated record at {pos}' failed with "
                                       "Read less bytes than requested")
        record = data[start:start + length]
        (crc,) = struct.unpack("<I", data[start + length:start + length + 4])
        if crc != masked_crc(record):
            raise errors.DataLossError(None, None, f"corrupted record at {pos}")
        yield record
        pos = start + length + 4
