"""A minimal protocol-buffer wire-format encoder and decoder (no protobuf dependency).

Messages are encoded field by field in field-number order, as protobuf's serializers do, so the
bytes equal TensorFlow's for the messages checkpoints use.
"""

import struct

VARINT, FIXED64, BYTES, FIXED32 = 0, 1, 2, 5


def varint(n: int) -> bytes:
    n &= 0xFFFFFFFFFFFFFFFF  # negative int32/int64 values take ten bytes, as in protobuf
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def read_varint(buf, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        if pos >= len(buf):
            raise ValueError("truncated varint")
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if b < 0x80:
            return result, pos
        shift += 7


def _key(field: int, wire: int) -> bytes:
    return varint(field << 3 | wire)


def int_field(field: int, value: int) -> bytes:
    """A varint field (int32, int64, enum, bool); proto3 omits zero."""
    return _key(field, VARINT) + varint(int(value)) if value else b""


def bytes_field(field: int, value, always: bool = False) -> bytes:
    """A length-delimited field (string, bytes, sub-message); proto3 omits empty strings."""
    if isinstance(value, str):
        value = value.encode()
    if not value and not always:
        return b""
    return _key(field, BYTES) + varint(len(value)) + bytes(value)


def fixed32_field(field: int, value: int) -> bytes:
    return _key(field, FIXED32) + struct.pack("<I", value) if value else b""


def decode(buf) -> dict[int, list]:
    """Field number -> values in order: ints for varints and fixed fields, bytes otherwise."""
    fields: dict[int, list] = {}
    pos, end = 0, len(buf)
    while pos < end:
        key, pos = read_varint(buf, pos)
        field, wire = key >> 3, key & 7
        if wire == VARINT:
            v, pos = read_varint(buf, pos)
        elif wire == FIXED64:
            v = struct.unpack_from("<Q", buf, pos)[0]
            pos += 8
        elif wire == FIXED32:
            v = struct.unpack_from("<I", buf, pos)[0]
            pos += 4
        elif wire == BYTES:
            n, pos = read_varint(buf, pos)
            v = bytes(buf[pos:pos + n])
            if len(v) != n:
                raise ValueError("truncated field")
            pos += n
        else:
            raise ValueError(f"unsupported wire type {wire}")
        fields.setdefault(field, []).append(v)
    return fields


def first(fields: dict, field: int, default=0):
    """The last value of a singular field (protobuf's merge rule), or `default`."""
    values = fields.get(field)
    return values[-1] if values else default


def signed(n: int) -> int:
    """A varint read back as a two's-complement int32/int64."""
    return n - (1 << 64) if n >= 1 << 63 else n
