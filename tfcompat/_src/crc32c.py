"""CRC-32C (Castagnoli), as TensorFlow's checkpoints, tables and TFRecords use it, with masking.

A table-driven implementation (no third-party dependency), used by checkpoints (`checkpoint/`),
TFRecord files (`data/tfrecord.py`) and summaries.
"""

import numpy as np

_POLY = 0x82F63B78  # the reflected Castagnoli polynomial


def _make_tables():
    # Slicing-by-8: table k maps a byte that is k positions from the end of an 8-byte chunk.
    t0 = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (c >> 1) ^ _POLY if c & 1 else c >> 1
        t0.append(c)
    tables = [t0]
    for _ in range(7):
        prev = tables[-1]
        tables.append([(prev[n] >> 8) ^ t0[prev[n] & 0xFF] for n in range(256)])
    return tables


_T = _make_tables()
_T0 = _T[0]


def extend(crc: int, data) -> int:
    """The CRC of the bytes seen so far (`crc`) extended with `data`."""
    data = bytes(data)
    c = crc ^ 0xFFFFFFFF
    n8 = len(data) - len(data) % 8
    t0, t1, t2, t3, t4, t5, t6, t7 = _T
    if n8:
        words = np.frombuffer(data, dtype="<u4", count=n8 // 4).tolist()
        for i in range(0, len(words), 2):
            lo = words[i] ^ c
            hi = words[i + 1]
            c = (t7[lo & 0xFF] ^ t6[(lo >> 8) & 0xFF] ^ t5[(lo >> 16) & 0xFF] ^ t4[lo >> 24]
                 ^ t3[hi & 0xFF] ^ t2[(hi >> 8) & 0xFF] ^ t1[(hi >> 16) & 0xFF] ^ t0[hi >> 24])
    for b in data[n8:]:
        c = (c >> 8) ^ t0[(c ^ b) & 0xFF]
    return c ^ 0xFFFFFFFF


def value(data) -> int:
    """crc32c of `data`."""
    return extend(0, data)


_MASK_DELTA = 0xA282EAD8


def mask(crc: int) -> int:
    """TF's masked form, stored so that a CRC of data holding CRCs stays meaningful."""
    return ((((crc >> 15) | (crc << 17)) & 0xFFFFFFFF) + _MASK_DELTA) & 0xFFFFFFFF


def unmask(masked: int) -> int:
    rot = (masked - _MASK_DELTA) & 0xFFFFFFFF
    return ((rot >> 17) | (rot << 15)) & 0xFFFFFFFF
