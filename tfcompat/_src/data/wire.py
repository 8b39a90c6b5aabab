"""Protocol-buffer wire format, just what tf.train.Example needs: varints, length-delimited
fields, packed int64 and float32 lists."""

import struct


class DecodeError(Exception):
    """A serialized message could not be parsed (protobuf's `message.DecodeError`)."""


def varint(n: int) -> bytes:
    n &= (1 << 64) - 1  # negative int64s take ten bytes, as two's complement
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def read_varint(data: bytes, pos: int):
    result = shift = 0
    while True:
        if pos >= len(data) or shift > 63:
            raise DecodeError("truncated varint")
        b = data[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            return result & ((1 << 64) - 1), pos


def signed64(n: int) -> int:
    return n - (1 << 64) if n >= 1 << 63 else n


def field(number: int, payload: bytes) -> bytes:
    """A length-delimited field."""
    return varint(number << 3 | 2) + varint(len(payload)) + payload


def fields(data: bytes):
    """(field number, wire type, value) for each field: ints for varints, bytes otherwise."""
    pos = 0
    while pos < len(data):
        key, pos = read_varint(data, pos)
        number, wire = key >> 3, key & 7
        if number == 0:
            raise DecodeError("field number 0")
        if wire == 0:
            value, pos = read_varint(data, pos)
        elif wire == 1:
            value, pos = data[pos:pos + 8], pos + 8
        elif wire == 2:
            n, pos = read_varint(data, pos)
            value, pos = data[pos:pos + n], pos + n
        elif wire == 5:
            value, pos = data[pos:pos + 4], pos + 4
        else:
            raise DecodeError(f"wire type {wire}")
        if pos > len(data):
            raise DecodeError("truncated field")
        yield number, wire, value


def packed_varints(data: bytes) -> list[int]:
    out, pos = [], 0
    while pos < len(data):
        v, pos = read_varint(data, pos)
        out.append(signed64(v))
    return out


def packed_floats(data: bytes) -> list[float]:
    if len(data) % 4:
        raise DecodeError("bad packed float length")
    return list(struct.unpack(f"<{len(data) // 4}f", data))


def escape(b: bytes) -> str:
    """C-style escaping as protobuf's text format writes bytes and strings."""
    special = {10: "\\n", 13: "\\r", 9: "\\t", 34: '\\"', 39: "\\'", 92: "\\\\"}
    return "".join(special.get(c) or (chr(c) if 32 <= c < 127 else f"\\{c:03o}") for c in b)


def short_float(v: float) -> str:
    """The shortest text that reads back as the same float32 (protobuf's text format)."""
    import numpy as np
    if v != v:
        return "nan"
    if v in (float("inf"), float("-inf")):
        return "inf" if v > 0 else "-inf"
    for precision in (6, 9):  # FLT_DIG, then enough for any float32
        s = f"{v:.{precision}g}"
        if np.float32(float(s)) == np.float32(v):
            return s
    return repr(v)
