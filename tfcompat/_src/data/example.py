"""`tf.train.Example` and its parts as small Python classes with protobuf's wire format (no
protobuf dependency), and `tf.io.parse_single_example` / `parse_example`.

The classes follow protobuf's Python API where legacy code uses it: keyword constructors,
`.value` lists, `feature['k']` creating an entry on first access, `SerializeToString`,
`FromString`, `ParseFromString`, `CopyFrom`, `WhichOneof`, `HasField`, text format for `str`.
Map entries serialize sorted by key, as TF's protobuf does.
"""

import struct

import numpy as np

from tfcompat._src.data import wire
from tfcompat._src.data.wire import DecodeError
from tfcompat._src.export import export


class _Repeated(list):
    """A repeated scalar field: items are checked and converted as protobuf does."""

    def __init__(self, convert, items=()):
        super().__init__()
        self._convert = convert
        self.extend(items)

    def append(self, x):
        super().append(self._convert(x))

    def extend(self, xs):
        super().extend(self._convert(x) for x in xs)

    def __setitem__(self, i, x):
        super().__setitem__(i, [self._convert(v) for v in x] if isinstance(i, slice)
                            else self._convert(x))


def _int64(x):
    if isinstance(x, (float, np.floating)):
        raise TypeError(f"'{type(x).__name__}' object cannot be interpreted as an integer")
    v = int(x.__index__())
    if not -(1 << 63) <= v < 1 << 63:
        raise ValueError(f"Value out of range: {v}")
    return v


def _float(x):
    if isinstance(x, (str, bytes)):
        raise TypeError(f"'{type(x).__name__}' object cannot be interpreted as a float")
    return float(np.float32(x))


def _bytes(x):
    if isinstance(x, str):
        raise TypeError("expected bytes, str found")
    if not isinstance(x, bytes):
        raise TypeError(f"{x!r} has type {type(x).__name__}, but expected one of: bytes")
    return x


class _Message:
    """Shared protobuf-like behaviour; subclasses define _encode, _merge and _text."""

    _full_name = ""

    def SerializeToString(self, deterministic=None):  # noqa: N802 - protobuf's name
        return self._encode()

    @classmethod
    def FromString(cls, s):  # noqa: N802
        msg = cls()
        msg.ParseFromString(s)
        return msg

    def ParseFromString(self, s):  # noqa: N802
        self.Clear()
        self.MergeFromString(s)
        return len(s)

    def MergeFromString(self, s):  # noqa: N802
        try:
            self._merge(bytes(s))
        except (DecodeError, struct.error, UnicodeDecodeError):
            raise DecodeError(f"Error parsing message with type '{self._full_name}'") from None
        return len(s)

    def CopyFrom(self, other):  # noqa: N802
        self.ParseFromString(other.SerializeToString())

    def Clear(self):  # noqa: N802
        self.__init__()

    def ByteSize(self):  # noqa: N802
        return len(self._encode())

    def __eq__(self, other):
        return type(other) is type(self) and self._encode() == other._encode()

    __hash__ = None

    def __str__(self):
        return "".join(line + "\n" for line in self._text())

    __repr__ = __str__


class _List(_Message):
    _convert = staticmethod(_bytes)

    def __init__(self, value=()):
        self.value = value

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, items):
        self._value = _Repeated(self._convert, items)


@export("train.BytesList")
class BytesList(_List):
    """A list of byte strings (field 1, repeated bytes)."""

    _full_name = "tensorflow.BytesList"

    def _encode(self):
        return b"".join(wire.field(1, v) for v in self.value)

    def _merge(self, data):
        for number, kind, v in wire.fields(data):
            if number == 1 and kind == 2:
                self.value.append(v)

    def _text(self):
        return [f'value: "{wire.escape(v)}"' for v in self.value]


@export("train.FloatList")
class FloatList(_List):
    """A list of float32 values (field 1, packed)."""

    _full_name = "tensorflow.FloatList"
    _convert = staticmethod(_float)

    def _encode(self):
        if not self.value:
            return b""
        return wire.field(1, struct.pack(f"<{len(self.value)}f", *self.value))

    def _merge(self, data):
        for number, kind, v in wire.fields(data):
            if number == 1 and kind == 2:
                self.value.extend(wire.packed_floats(v))
            elif number == 1 and kind == 5:
                self.value.append(struct.unpack("<f", v)[0])

    def _text(self):
        return [f"value: {wire.short_float(v)}" for v in self.value]


@export("train.Int64List")
class Int64List(_List):
    """A list of int64 values (field 1, packed varints)."""

    _full_name = "tensorflow.Int64List"
    _convert = staticmethod(_int64)

    def _encode(self):
        if not self.value:
            return b""
        return wire.field(1, b"".join(wire.varint(v) for v in self.value))

    def _merge(self, data):
        for number, kind, v in wire.fields(data):
            if number == 1 and kind == 2:
                self.value.extend(wire.packed_varints(v))
            elif number == 1 and kind == 0:
                self.value.append(wire.signed64(v))

    def _text(self):
        return [f"value: {v}" for v in self.value]


_KINDS = (("bytes_list", BytesList, 1), ("float_list", FloatList, 2),
          ("int64_list", Int64List, 3))


def _indent(name, lines):
    return [f"{name} {{"] + ["  " + line for line in lines] + ["}"]


@export("train.Feature")
class Feature(_Message):
    """One feature: a oneof `kind` of bytes_list, float_list or int64_list."""

    _full_name = "tensorflow.Feature"

    def __init__(self, bytes_list=None, float_list=None, int64_list=None):
        self._lists = {}
        self._set = None
        for name, value in (("bytes_list", bytes_list), ("float_list", float_list),
                            ("int64_list", int64_list)):
            if value is not None:
                setattr(self, name, value)

    def _get(self, name):
        cls = dict((n, c) for n, c, _ in _KINDS)[name]
        if name not in self._lists:
            self._lists[name] = cls()
        return self._lists[name]

    def _put(self, name, value):
        if not isinstance(value, dict((n, c) for n, c, _ in _KINDS)[name]):
            raise TypeError(f"Message must be initialized with a dict: {self._full_name}")
        self._lists = {name: type(value)(value.value)}
        self._set = name

    bytes_list = property(lambda self: self._get("bytes_list"),
                          lambda self, v: self._put("bytes_list", v))
    float_list = property(lambda self: self._get("float_list"),
                          lambda self, v: self._put("float_list", v))
    int64_list = property(lambda self: self._get("int64_list"),
                          lambda self, v: self._put("int64_list", v))

    def WhichOneof(self, group):  # noqa: N802
        if group != "kind":
            raise ValueError(f'Protocol message has no oneof "{group}" field.')
        # A list that was read and then filled sets the oneof, as protobuf's parent links do.
        for name, _, _ in reversed(_KINDS):
            if name in self._lists and self._lists[name].value and name != self._set:
                return name
        return self._set

    def HasField(self, name):  # noqa: N802
        return self.WhichOneof("kind") == name

    def _encode(self):
        kind = self.WhichOneof("kind")
        if kind is None:
            return b""
        number = dict((n, k) for n, _, k in _KINDS)[kind]
        return wire.field(number, self._lists[kind]._encode())

    def _merge(self, data):
        for number, kind, v in wire.fields(data):
            for name, cls, k in _KINDS:
                if number == k and kind == 2:
                    msg = cls()
                    msg._merge(v)
                    self._lists = {name: msg}
                    self._set = name

    def _text(self):
        kind = self.WhichOneof("kind")
        return [] if kind is None else _indent(kind, self._lists[kind]._text())


class _FeatureMap(dict):
    """Features.feature: a map whose missing keys are created on access, as protobuf's is."""

    def __missing__(self, key):
        self[key] = Feature()
        return self[key]

    def __setitem__(self, key, value):
        if not isinstance(value, Feature):
            raise TypeError(f"Expected a Feature, got {type(value).__name__}")
        dict.__setitem__(self, key, value)


@export("train.Features")
class Features(_Message):
    """A map from names to Features (field 1: map<string, Feature>)."""

    _full_name = "tensorflow.Features"

    def __init__(self, feature=None):
        self._feature = _FeatureMap()
        for k, v in (feature or {}).items():
            dict.__setitem__(self._feature, k, v if isinstance(v, Feature) else Feature(**v))

    @property
    def feature(self):
        return self._feature

    def _encode(self):
        return b"".join(wire.field(1, wire.field(1, k.encode()) + wire.field(2, f._encode()))
                        for k, f in sorted(self._feature.items()))

    def _merge(self, data):
        for number, kind, v in wire.fields(data):
            if number == 1 and kind == 2:
                key, feature = "", Feature()
                for n, k, x in wire.fields(v):
                    if n == 1 and k == 2:
                        key = x.decode("utf-8")
                    elif n == 2 and k == 2:
                        feature._merge(x)
                dict.__setitem__(self._feature, key, feature)

    def _text(self):
        lines = []
        for k, f in self._feature.items():
            lines += _indent("feature", [f'key: "{wire.escape(k.encode())}"'] +
                             _indent("value", f._text()))
        return lines


@export("train.Example")
class Example(_Message):
    """`tf.train.Example`: a Features message (field 1)."""

    _full_name = "tensorflow.Example"

    def __init__(self, features=None):
        self._features = Features() if features is None else features
        self._has = features is not None

    @property
    def features(self):
        return self._features

    @features.setter
    def features(self, value):
        raise AttributeError('Assignment not allowed to field "features" in protocol message '
                             'object.')

    def HasField(self, name):  # noqa: N802
        return name == "features" and bool(self._has or self._features._encode())

    def _encode(self):
        inner = self._features._encode()
        return wire.field(1, inner) if (inner or self._has) else b""

    def _merge(self, data):
        for number, kind, v in wire.fields(data):
            if number == 1 and kind == 2:
                self._has = True
                self._features._merge(v)

    def _text(self):
        return _indent("features", self._features._text()) if self.HasField("features") \
            else []
