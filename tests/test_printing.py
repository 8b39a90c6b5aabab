"""TF's text formats (tf.print, str/repr) against goldens recorded from TensorFlow 2.21.

The goldens (tests/golden/printing.json, written by tests/golden/record_printing.py) hold TF
expressions; here they are evaluated with a small fake `tf` built on tfcompat._src.printing, so
these tests do not depend on the core Tensor/Variable classes (nor on TensorFlow).
"""

import builtins
import collections
import json
import re
import sys
import types
from pathlib import Path

import ml_dtypes
import numpy as np
import pytest

from tfcompat._src import printing
from tfcompat._src.printing import format_print_value, tensor_repr, tensor_str, tf_print

GOLDEN = json.loads((Path(__file__).parent / "golden" / "printing.json").read_text())["rows"]


# ---------------------------------------------------------------------------------- fake tf


class FakeDType:
    def __init__(self, name):
        self.name = name


class FakeTensor:
    def __init__(self, arr, dtype_name):
        self._arr = arr
        self.dtype = FakeDType(dtype_name)
        self.shape = arr.shape  # a tuple prints like TensorShape: "(2, 3)", "(2,)", "()"

    def numpy(self):
        return self._arr[()] if self._arr.ndim == 0 else self._arr

    def __str__(self):
        return tensor_str(self)

    def __repr__(self):
        return tensor_repr(self)


class FakeVariable(FakeTensor):
    def __init__(self, arr, dtype_name, name):
        super().__init__(arr, dtype_name)
        self.name = name

    def __repr__(self):
        return printing.variable_repr(self)

    __str__ = __repr__


def _leaves(x):
    if isinstance(x, (list, tuple)):
        for item in x:
            yield from _leaves(item)
    else:
        yield x


def _infer_dtype(value):
    """TF's dtype inference for constants (enough of it for the golden expressions)."""
    if isinstance(value, (np.ndarray, np.generic)):
        return "string" if value.dtype.kind in "OSU" else value.dtype.name
    leaves = list(_leaves(value))
    if any(isinstance(v, (str, bytes)) for v in leaves):
        return "string"
    if leaves and all(isinstance(v, bool) for v in leaves):
        return "bool"
    if any(isinstance(v, complex) for v in leaves):
        return "complex128"
    if any(isinstance(v, float) for v in leaves) or not leaves:
        return "float32"
    return "int32" if all(-2**31 <= v < 2**31 for v in leaves) else "int64"


def _to_bytes(v):
    return v.encode("utf-8") if isinstance(v, str) else bytes(v)


def make_fake_tf(made):
    def constant(value, dtype=None):
        name = dtype.name if dtype is not None else _infer_dtype(value)
        if name == "string":
            arr = np.vectorize(_to_bytes, otypes=[object])(np.array(value, dtype=object))
            arr = np.asarray(arr, dtype=object)
        else:
            arr = np.asarray(value, dtype=ml_dtypes.bfloat16 if name == "bfloat16" else name)
        made.append(FakeTensor(arr, name))
        return made[-1]

    def zeros(shape, dtype=None):
        return constant(np.zeros(shape, np.float32), dtype)

    def variable(value, dtype=None, name=None):
        t = constant(value, dtype)
        made[-1] = FakeVariable(t._arr, t.dtype.name, (name or "Variable") + ":0")
        return made[-1]

    tf = types.SimpleNamespace(constant=constant, zeros=zeros, Variable=variable, print=tf_print)
    for name in ["float16", "bfloat16", "float32", "float64", "int8", "int16", "int32", "int64",
                 "uint8", "uint16", "uint32", "uint64", "bool", "complex64", "complex128",
                 "string"]:
        setattr(tf, name, FakeDType(name))
    logging_v1 = types.SimpleNamespace(INFO=20, WARNING=30, ERROR=40)
    tf.compat = types.SimpleNamespace(v1=types.SimpleNamespace(logging=logging_v1))
    return tf


def encode(arr, dtype_name):
    """Same encoding as record_printing.py: JSON-able values, NaN/inf as strings."""
    arr = np.asarray(arr, dtype=object if dtype_name == "string" else None)
    if dtype_name == "string":
        return np.vectorize(lambda b: b.decode("utf-8", "surrogateescape"), otypes=[object])(
            arr).tolist()
    if dtype_name.startswith("complex"):
        arr = np.stack([arr.real, arr.imag], axis=-1)
    if arr.dtype.kind in "fc" or dtype_name == "bfloat16":
        flat = [v if np.isfinite(v) else ("-" if np.signbit(v) else "") + str(abs(v))
                for v in arr.astype(np.float64).ravel().tolist()]
        return np.array(flat, dtype=object).reshape(arr.shape).tolist()
    return arr.tolist()


def evaluate(row):
    """Evaluate a golden expression with the fake tf; check it built the tensors TF built."""
    made = []
    ns = {"tf": make_fake_tf(made), "np": np, "sys": sys, "collections": collections}
    try:
        return eval(row["expr"], ns)  # noqa: S307 - expressions from our own golden file
    finally:
        got = [{"dtype": t.dtype.name, "shape": list(t.shape), "values": encode(t._arr,
                t.dtype.name)} for t in made]
        assert json.dumps(got) == json.dumps(row["tensors"]), "fake tf built other tensors"


def _rows(prefix):
    rows = [r for r in GOLDEN if r["id"].startswith(prefix)]
    return pytest.mark.parametrize("row", rows, ids=[r["id"] for r in rows])


# ------------------------------------------------------------------------------- golden tests


def test_golden_file_size():
    assert len(GOLDEN) >= 40


@_rows("print:")
def test_golden_print(row, capfdbinary, monkeypatch):
    monkeypatch.setenv("TF_CPP_MIN_LOG_LEVEL", "3")  # as when recording
    assert evaluate(row) is None
    out, err = capfdbinary.readouterr()
    assert out.decode("utf-8", "surrogateescape") == row["out"]
    assert err.decode("utf-8", "surrogateescape") == row["err"]


@_rows("value:")
def test_golden_str_repr(row):
    assert evaluate(row) == row["expected"]


@_rows("error:")
def test_golden_errors(row, capfd):
    with pytest.raises(Exception) as info:
        evaluate(row)
    assert type(info.value) is getattr(builtins, row["raises"])
    assert str(info.value) == row["message"]
    assert capfd.readouterr() == ("", "")


_SINGLE_PRINT = re.compile(r"tf\.print\((tf\.(?:constant|zeros)\(.*\))(?:, summarize=(-?\d+))?"
                           r"(?:, output_stream=sys\.stdout)?\)")
_SINGLE_ROWS = [r for r in GOLDEN if _SINGLE_PRINT.fullmatch(r["expr"]) and len(r["tensors"]) == 1
                and r["tensors"][0]["dtype"] != "string"]


@pytest.mark.parametrize("row", _SINGLE_ROWS, ids=[r["id"] for r in _SINGLE_ROWS])
def test_golden_format_print_value(row):
    """Prints of one non-string tensor also check format_print_value directly."""
    m = _SINGLE_PRINT.fullmatch(row["expr"])
    t = evaluate(dict(row, expr=m.group(1)))
    text = format_print_value(t.numpy(), t.dtype.name, int(m.group(2) or 3))
    assert text + "\n" == row["out"] + row["err"]


# ------------------------------------------------------------------------ format details


def _f32(bits):
    return np.array(bits, np.uint32).view(np.float32)


def test_seed_value_bits():
    assert format_print_value(_f32(0x3F7FFFE8), "float32") == "0.999998569"
    assert format_print_value(np.float32(0.0), "float32") == "0"


@pytest.mark.parametrize("dtype,value,text", [
    ("float32", -0.0, "-0"), ("float64", -0.0, "-0"), ("float32", 1e6, "1e+06"),
    ("float32", 123456789, "123456792"), ("float64", 1 / 3, "0.33333333333333331"),
    ("float32", -np.inf, "-inf"), ("float64", -np.nan, "-nan"), ("float32", 1e-40, "0"),
    ("float64", -1e-310, "-0"), ("int64", -(2**63), "-9223372036854775808"),
    ("bool", True, "1"), ("complex128", 1j, "?"), ("string", b'a"\n', '"a\\"\\n"'),
])
def test_scalar_formats(dtype, value, text):
    arr = np.array(value, dtype=object if dtype == "string" else dtype)
    assert format_print_value(arr, dtype) == text


def test_bfloat16_and_float16_use_float_rule():
    assert format_print_value(np.array([0.1], ml_dtypes.bfloat16), "bfloat16") == "[0.100097656]"
    assert format_print_value(np.array([0.1], np.float16), "float16") == "[0.0999755859]"


def test_summarize_keeps_ends_per_dimension():
    arr = np.arange(100).reshape(10, 10)
    assert format_print_value(arr, "int64", 1) == "[[0 ... 9]\n ...\n [90 ... 99]]"
    assert format_print_value(arr[:1, :4], "int64", -1) == "[[0 1 2 3]]"
    assert format_print_value(np.zeros((0,)), "float32") == "[]"


def test_large_tensor_formats_only_the_ends():
    text = format_print_value(np.arange(10**7, dtype=np.int32), "int32")
    assert text == "[0 1 2 ... 9999997 9999998 9999999]"


# ---------------------------------------------------------------------------- output paths


def test_default_goes_to_fd2(capfd):
    tf_print("hello", FakeTensor(np.array([1, 2], np.int32), "int32"))
    assert capfd.readouterr() == ("", "hello [1 2]\n")


def test_stdout_goes_to_fd1(capfd):
    tf_print(FakeTensor(np.array(True), "bool"), output_stream=sys.stdout)
    assert capfd.readouterr() == ("1\n", "")


def test_buffered_python_output_is_flushed_first(capfd):
    print("before", end=" ", file=sys.stdout)
    tf_print("x", output_stream=sys.stdout)
    assert capfd.readouterr().out == "before x\n"


def test_stream_without_fd_gets_written_to(capsys):
    # capsys replaces sys.stderr with an object that has no fd: fall back to writing to it.
    tf_print("caught", 1.5)
    assert capsys.readouterr() == ("", "caught 1.5\n")


def test_file_stream_appends(tmp_path, capfd):
    path = tmp_path / "log.txt"
    path.write_text("old\n")
    tf_print("a", FakeTensor(np.float32(0.5), "float32"), output_stream=f"file://{path}")
    tf_print("b", output_stream=f"file://{path}", end="")
    assert path.read_text() == "old\na 0.5\nb"
    assert capfd.readouterr() == ("", "")


@pytest.mark.parametrize("stream,prefix", [(20, "I"), (30, "W"), (40, "E")])
def test_logging_levels(stream, prefix, capfd, monkeypatch):
    monkeypatch.setenv("TF_CPP_MIN_LOG_LEVEL", "0")
    tf_print("msg", 1, output_stream=stream, end="X\n")
    line = {"I": 169, "W": 171, "E": 173}[prefix]
    out, err = capfd.readouterr()
    assert out == ""
    assert re.fullmatch(rf"{prefix}0000 00:00:\d+\.\d{{6}} +\d+ logging_ops\.cc:{line}\] "
                        r"msg 1X\n\n", err)


def test_logging_respects_min_log_level(capfd, monkeypatch):
    def info(msg):
        raise AssertionError("tf.print never calls the logging function")

    info._tfcompat_log_level = "info"
    monkeypatch.setenv("TF_CPP_MIN_LOG_LEVEL", "1")
    tf_print("hidden", output_stream=info)
    tf_print("shown", output_stream=40)
    err = capfd.readouterr().err
    assert "hidden" not in err and err.endswith("] shown\n\n")


def test_summarize_bool_and_name():
    with pytest.raises(TypeError, match="Expected int for argument 'summarize' not None"):
        printing._make_int(None, "summarize")
    assert printing._make_int(True, "summarize") == 1
