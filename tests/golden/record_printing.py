"""Record tests/golden/printing.json from real TensorFlow (the oracle). Never run by the tests.

    TF_CPP_MIN_LOG_LEVEL=3 /root/tfvenv/bin/python tests/golden/record_printing.py

Each case is a Python expression over `tf`, `np`, `sys`, `collections`. It is evaluated with real
TensorFlow here and with a fake `tf` in tests/test_printing.py. Rows record every tensor the
expression created (dtype, shape, values) so the test can check its fake built the same ones, and
either the value of the expression (`expected`), what it wrote to fd 1/2 (`out`/`err`) or the
exception it raised (`raises`, `message`).
"""

import collections
import json
import os
import sys
import tempfile

import numpy as np
import tensorflow as tf

# (label, expression). Expressions that call tf.print are captured at the fd level.
PRINT_CASES = [
    ("seed", 'tf.print("y =", tf.constant(0.0), "; x =", tf.constant(0.999998569))'),
    ("stdout", "tf.print(tf.constant(-2.0), output_stream=sys.stdout)"),
    ("stderr_explicit", "tf.print('to', tf.constant(2), output_stream=sys.stderr)"),
    ("arange20", "tf.print(tf.constant(np.arange(20)), output_stream=sys.stdout)"),
    ("arange20_all", "tf.print(tf.constant(np.arange(20)), summarize=-1,"
                     " output_stream=sys.stdout)"),
    ("arange20_s1", "tf.print(tf.constant(np.arange(20)), summarize=1, output_stream=sys.stdout)"),
    ("arange20_none", "tf.print(tf.constant(np.arange(20)), summarize=None)"),
    ("arange20_float_s", "tf.print(tf.constant(np.arange(20)), summarize=2.7)"),
    ("small_1d", "tf.print(tf.constant([1, 2, 3, 4, 5, 6]))"),
    ("grid10x10", "tf.print(tf.constant(np.arange(100).reshape(10, 10)))"),
    ("cube2x3x4", "tf.print(tf.constant(np.arange(24).reshape(2, 3, 4)))"),
    ("cube10", "tf.print(tf.constant(np.arange(1000).reshape(10, 10, 10)))"),
    ("cube10_s1", "tf.print(tf.constant(np.arange(1000).reshape(10, 10, 10)), summarize=1)"),
    ("rank4", "tf.print(tf.constant(np.arange(16).reshape(2, 2, 2, 2)))"),
    ("s0_1d", "tf.print(tf.constant([1, 2, 3]), summarize=0)"),
    ("s0_2d", "tf.print(tf.constant(np.arange(12).reshape(3, 4)), summarize=0)"),
    ("s0_scalar", "tf.print(tf.constant(5), summarize=0)"),
    ("empty_1d", "tf.print(tf.constant([], tf.float32))"),
    ("empty_1x0", "tf.print(tf.constant([[]]))"),
    ("empty_2x0x3", "tf.print(tf.zeros([2, 0, 3]))"),
    ("f32_values", "tf.print(tf.constant([0.1, 1 / 3, 1e6, 1234567, 123456789, 0.999998569, 1e-5,"
                   " -2.5, -0.0, 0.0, 1.0, 3e38, 1e-37]), summarize=-1)"),
    ("f32_special", "tf.print(tf.constant([np.nan, -np.nan, np.inf, -np.inf]))"),
    ("f32_denormal", "tf.print(tf.constant([1e-40, -1e-45, 1e-38], tf.float32))"),
    ("f32_scalar_third", "tf.print(tf.constant(1 / 3))"),
    ("f64_values", "tf.print(tf.constant([0.1, 1 / 3, 1e6, 123456789, 0.999998569, 1e-5, -0.0,"
                   " 1e300, 2.5e-308, 1e-310, np.nan, -np.inf], tf.float64), summarize=-1)"),
    ("f16_values", "tf.print(tf.constant([0.1, 1 / 3, 1e4, 65504, -0.0, 6e-8, np.nan, -np.inf],"
                   " tf.float16), summarize=-1)"),
    ("bf16_values", "tf.print(tf.constant([0.1, 1 / 3, 1e4, 65504, -0.0, 1e-30, np.inf],"
                    " tf.bfloat16), summarize=-1)"),
    ("f32_random", "tf.print(tf.constant(np.random.default_rng(0).standard_normal(200)"
                   " * 10.0 ** np.random.default_rng(1).integers(-40, 38, 200), tf.float32),"
                   " summarize=-1)"),
    ("f64_random", "tf.print(tf.constant(np.random.default_rng(2).standard_normal(200)"
                   " * 10.0 ** np.random.default_rng(3).integers(-300, 300, 200)), summarize=-1)"),
    ("f16_random", "tf.print(tf.constant(np.random.default_rng(4).standard_normal(100) * 100,"
                   " tf.float16), summarize=-1)"),
    ("bf16_random", "tf.print(tf.constant(np.random.default_rng(5).standard_normal(100)"
                    " * 10.0 ** np.random.default_rng(6).integers(-30, 30, 100), tf.bfloat16),"
                    " summarize=-1)"),
    ("bool", "tf.print(tf.constant([True, False]), tf.constant(True))"),
    ("complex", "tf.print(tf.constant([1 + 2j, 3]), tf.constant(1j, tf.complex64))"),
    ("ints", "tf.print(tf.constant(-5, tf.int8), tf.constant(200, tf.uint8),"
             " tf.constant(-2**63, tf.int64), tf.constant(2**64 - 1, tf.uint64),"
             " tf.constant([65535], tf.uint16), tf.constant(-32768, tf.int16))"),
    ("str_scalar_raw", 'tf.print(tf.constant("hi \\"there\\"\\n"))'),
    ("str_scalar_raw_bytes", 'tf.print(tf.constant(b"raw\\x00\\xff"))'),
    ("str_scalar_quoted", 'tf.print("a", tf.constant("hi"))'),
    ("str_array", 'tf.print(tf.constant(["a", \'q"uote\', "t\\tab\\r\\x01\\x7f\\\\", "é\'"]))'),
    ("str_bytes_high", 'tf.print(tf.constant([b"\\xff\\x80", b"x\\x00y"]))'),
    ("str_2d", 'tf.print(tf.constant([["a", "b"], ["c", "d"]]))'),
    ("dict_tensor", "tf.print({'k': tf.constant(3.0)})"),
    ("dict_sorted", "tf.print({'b': 1, 'a': tf.constant([1.5, 2.0])})"),
    ("list_tuple", "tf.print([tf.constant([1, 2]), 's', 1.5], (1, tf.constant(True)))"),
    ("ordered_dict_quirk", "tf.print(collections.OrderedDict([('b', tf.constant(1)),"
                           " ('a', tf.constant(2))]))"),
    ("namedtuple", "tf.print(collections.namedtuple('NT', 'x y')(tf.constant(1),"
                   " [2, tf.constant(3.5)]))"),
    ("long_list_wrap", "tf.print(list(range(30)) + [tf.constant(1)])"),
    ("dict_multiline_tensor", "tf.print({'m': tf.constant([[1, 2], [3, 4]])})"),
    ("python_values", "tf.print(np.float32(0.99999857), np.arange(3), 1.5, None, 'str', b'b',"
                      " {2, 1}, [1, 'x'])"),
    ("braces", 'tf.print("{}", tf.constant(1), "{}x", "\'{}\'")'),
    ("percent", 'tf.print("%s %d", 3)'),
    ("multiline_str", 'tf.print("multi\\nline", tf.constant([[1, 2], [3, 4]]))'),
    ("sep_end", "tf.print(tf.constant([[1, 2], [3, 4]]), tf.constant(1.5), sep='|',"
                " end='<END>\\n')"),
    ("end_empty", "tf.print(tf.constant(1.5), 'x', end='')"),
    ("sep_comma", "tf.print('a', 'b', tf.constant(7), sep=', ')"),
    ("no_inputs", "tf.print()"),
    ("empty_str", "tf.print('')"),
    ("unicode", "tf.print('héllo', tf.constant('wörld'), tf.constant(['ü']))"),
    ("variable", "tf.print('v', tf.Variable([1.0, 2.0]))"),
    ("variable_str", "tf.print(tf.Variable('s'))"),
    ("name_ignored", "tf.print(tf.constant(1), name='p')"),
    ("log_level_quiet", "tf.print('quiet', output_stream=tf.compat.v1.logging.INFO)"),
]

# Expressions whose value is a string (str/repr of tensors and variables).
VALUE_CASES = []
for _e in [
    "tf.constant(-2.0)", "tf.constant(0.999998569)", "tf.constant(1)", "tf.constant(True)",
    "tf.constant([True, False])", "tf.constant([1.0, 2.0])", "tf.constant([1.0, 2.0], tf.float64)",
    "tf.constant(1.5, tf.float64)", "tf.constant([[1, 2], [3, 4]])",
    "tf.constant([1, 2], tf.int64)",
    "tf.constant(np.arange(2000, dtype=np.float32))", "tf.constant(np.arange(2000))",
    "tf.constant(np.arange(2000).reshape(40, 50))", "tf.constant('hi')", "tf.constant(['a', 'bc'])",
    "tf.constant([['a'], ['b']])", "tf.constant(1.5, tf.float16)",
    "tf.constant([1.5, 0.1], tf.float16)", "tf.constant(0.1, tf.bfloat16)",
    "tf.constant([0.1, 2.0], tf.bfloat16)", "tf.constant(1 + 2j)",
    "tf.constant([1 + 2j], tf.complex64)", "tf.constant(5, tf.uint8)", "tf.constant([5], tf.int8)",
    "tf.constant([], tf.float32)", "tf.zeros([2, 0])", "tf.constant(np.nan)",
    "tf.constant([np.nan, -np.inf])", "tf.constant(1e10)", "tf.constant([1e-10, 1.0])",
    "tf.constant(0.1)", "tf.constant(1 / 3, tf.float64)", "tf.constant(-7, tf.int16)",
    "tf.constant([5], tf.uint16)", "tf.constant([-0.0, 1.0])", "tf.constant(b'\\xff\\x00')",
    "tf.constant(np.arange(24).reshape(2, 3, 4))", "tf.constant([[0.1, 2.0], [3.0, 4.0]])",
]:
    VALUE_CASES += [("str", f"str({_e})"), ("repr", f"repr({_e})")]
for _e in [
    "tf.Variable(0.0, name='x')", "tf.Variable([[1.0, 2.0], [3.0, 4.0]])",
    "tf.Variable(np.arange(2000))", "tf.Variable('s')", "tf.Variable(3, dtype=tf.int64)",
    "tf.Variable(1, dtype=tf.bfloat16)", "tf.Variable([True])",
    "tf.Variable(0.999998569, name='w')",
]:
    VALUE_CASES += [("var_str", f"str({_e})"), ("var_repr", f"repr({_e})")]

ERROR_CASES = [
    ("unknown_kw", "tf.print('x', foo=1)"),
    ("unknown_kws", "tf.print('x', foo=1, bar=2)"),
    ("stream_str", "tf.print('x', output_stream='stdout')"),
    ("stream_int", "tf.print('x', output_stream=3)"),
    ("stream_none", "tf.print('x', output_stream=None)"),
    ("stream_debug_level", "tf.print('x', output_stream=10)"),
    ("stream_unhashable", "tf.print('x', output_stream=[])"),
    ("summarize_str", "tf.print('x', summarize='a')"),
    ("end_int", "tf.print('x', end=3)"),
    ("sep_int", "tf.print('x', 'y', sep=3)"),
    ("sep_placeholder", "tf.print(tf.constant(1), 'x', sep='{}')"),
]


def encode(arr, dtype_name):
    """JSON-able nested list of a tensor's values (NaN/inf as strings, bytes as text)."""
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


class _TFProxy:
    """`tf` for the expressions: logs every tensor created by constant/zeros/Variable."""

    def __init__(self):
        self.made = []

    def __getattr__(self, name):
        return getattr(tf, name)

    def _log(self, t):
        self.made.append({"dtype": t.dtype.name, "shape": list(t.shape),
                          "values": encode(t.numpy(), t.dtype.name)})
        return t

    def constant(self, *a, **k):
        return self._log(tf.constant(*a, **k))

    def zeros(self, *a, **k):
        return self._log(tf.zeros(*a, **k))

    def Variable(self, *a, **k):  # noqa: N802
        return self._log(tf.Variable(*a, **k))


def run_captured(expr, ns):
    """Evaluate `expr` with fds 1 and 2 redirected to files; return (value, out, err)."""
    saved = [os.dup(1), os.dup(2)]
    files = [tempfile.TemporaryFile(), tempfile.TemporaryFile()]
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        for fd, f in zip((1, 2), files, strict=True):
            os.dup2(f.fileno(), fd)
        value = eval(expr, ns)  # noqa: S307 - our own fixed expressions
    finally:
        for fd, s in zip((1, 2), saved, strict=True):
            os.dup2(s, fd)
            os.close(s)
    texts = []
    for f in files:
        f.seek(0)
        texts.append(f.read().decode("utf-8", "surrogateescape"))
    return value, texts[0], texts[1]


def main():
    assert np.float32(0.999998569).view(np.uint32) == 0x3F7FFFE8
    rows = []
    for group, cases in (("print", PRINT_CASES), ("value", VALUE_CASES), ("error", ERROR_CASES)):
        for n, (label, expr) in enumerate(cases):
            proxy = _TFProxy()
            ns = {"tf": proxy, "np": np, "sys": sys, "collections": collections}
            row = {"id": f"{group}:{label}" + (f"{n // 2}" if group == "value" else ""),
                   "expr": expr}
            try:
                value, out, err = run_captured(expr, ns)
            except Exception as e:  # noqa: BLE001 - recording the oracle's exception
                assert group == "error", (expr, e)
                row.update(raises=type(e).__name__, message=str(e))
            else:
                assert group != "error", expr
                row.update({"out": out, "err": err} if group == "print" else {"expected": value})
            row["tensors"] = proxy.made
            rows.append(row)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "printing.json")
    with open(path, "w") as f:
        json.dump({"tensorflow": tf.__version__, "numpy": np.__version__, "rows": rows}, f,
                  indent=1)
        f.write("\n")
    print(f"wrote {len(rows)} rows to {path}")


if __name__ == "__main__":
    main()
