"""Evaluates a core golden case and encodes its outcome as JSON-able data.

Shared by the recorder (tests/golden/record_core.py, run with real TensorFlow) and the tests (run
with tfcompat), so both sides encode results the same way. It must not import TensorFlow: objects
are recognised by duck typing (a Variable has `assign`, a Tensor has `numpy` and `dtype`, ...).

A case is Python source over `tf` and `np`. Its statements run in order and the value of the last
line, when it is an expression, is the result; an exception anywhere is the result instead.
"""

import ast
import json
import math
import re

import numpy as np


def evaluate(tf, src: str, raised: list | None = None):
    """Runs `src` with `tf` and returns the encoded result or exception (also appended to
    `raised`, when given, for checks on the exception object itself)."""
    scope = {"tf": tf, "np": np}
    tree = ast.parse(src, mode="exec")
    last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    body = ast.Module(tree.body[:-1] if last else tree.body, type_ignores=[])
    try:
        exec(compile(body, "<case>", "exec"), scope)  # noqa: S102 - test cases are trusted
        result = eval(compile(ast.Expression(last.value), "<case>", "eval"), scope) if last \
            else None
    except Exception as e:  # noqa: BLE001 - the exception is the result
        if raised is not None:
            raised.append(e)
        # Object addresses (in reprs of functions) differ from run to run.
        return {"raises": type(e).__name__, "message": re.sub(r" at 0x[0-9a-f]+", " at 0x?",
                                                               str(e))}
    return encode(result)


def _values(arr: np.ndarray):
    """NumPy values as JSON-able nested lists: bytes as latin-1 text, complex as [re, im]."""
    if arr.dtype.name == "bfloat16":
        arr = arr.astype(np.float64)
    if arr.dtype.kind == "c":
        return np.stack([arr.real, arr.imag], axis=-1).tolist()
    if arr.dtype.kind in "OS":
        return np.vectorize(_scalar, otypes=[object])(arr).tolist() if arr.ndim else \
            _scalar(arr[()])
    return arr.tolist()


def _scalar(x):
    if isinstance(x, bytes):
        return {"bytes": x.decode("latin-1")}
    if isinstance(x, complex):
        return [x.real, x.imag]
    return x


def _kind(x) -> str:
    return f"{type(x).__module__}.{type(x).__name__}"


def encode(x):
    """A JSON-able description of `x` that is equal for TF and tfcompat results exactly when the
    results agree in type (as far as TF-visible), dtype, shape and value."""
    if x is None or isinstance(x, (bool, int, str)):
        return {"type": type(x).__name__, "value": x}
    if isinstance(x, float):
        return {"type": "float", "value": x}
    if isinstance(x, (complex, bytes)):
        return {"type": type(x).__name__, "value": _scalar(x)}
    if isinstance(x, type):
        return {"type": "class", "value": f"{x.__module__}.{x.__qualname__}"}
    if isinstance(x, np.generic):
        return {"type": _kind(x), "value": _values(np.asarray(x))}
    if isinstance(x, np.ndarray):
        return {"type": "ndarray", "dtype": str(x.dtype), "shape": list(x.shape),
                "value": _values(x)}
    if isinstance(x, (list, tuple)):
        return {"type": type(x).__name__, "value": [encode(v) for v in x]}
    if type(x).__name__ == "DType":
        return {"type": "DType", "value": x.name}
    if type(x).__name__ == "TensorShape":
        return {"type": "TensorShape", "value": None if x.rank is None else list(x)}
    if "Variable" in type(x).__name__ and hasattr(x, "numpy"):
        return {"type": "Variable", "name": x.name, "dtype": x.dtype.name,
                "shape": list(x.shape), "trainable": x.trainable, "value": _values(
                    np.asarray(x.numpy()))}
    if hasattr(x, "numpy") and hasattr(x, "dtype"):
        return {"type": "Tensor", "dtype": x.dtype.name, "shape": list(x.shape),
                "value": _values(np.asarray(x.numpy()))}
    return {"type": _kind(x), "value": repr(x)}


def canonical(enc) -> str:
    """Exact comparison key: float reprs round-trip, and NaN compares equal to NaN here."""
    return json.dumps(enc, sort_keys=True)


def first_line(enc):
    """The encoding with an exception message cut to its first line."""
    if isinstance(enc, dict) and "raises" in enc:
        return {**enc, "message": enc["message"].split("\n")[0]}
    return enc


def close(actual, expected, rtol: float) -> bool:
    """Equal except that floats may differ by `rtol` relative (atol=rtol for values near 0)."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        return actual.keys() == expected.keys() and all(
            close(actual[k], expected[k], rtol) for k in expected)
    if isinstance(expected, list) and isinstance(actual, list):
        return len(actual) == len(expected) and all(
            close(a, e, rtol) for a, e in zip(actual, expected, strict=True))
    if isinstance(expected, float) and isinstance(actual, float):
        if math.isnan(expected):
            return math.isnan(actual)
        return math.isclose(actual, expected, rel_tol=rtol, abs_tol=rtol)
    return type(actual) is type(expected) and actual == expected


def load(section: str) -> list[dict]:
    """The recorded cases of `<section>.json` (record.py) or of one section of core.json."""
    from pathlib import Path
    here = Path(__file__).parent
    if (here / f"{section}.json").exists():
        return json.loads((here / f"{section}.json").read_text())["cases"]
    return json.loads((here / "core.json").read_text())["sections"][section]


def check(tf, case: dict):
    """Runs a recorded case with `tf` (tfcompat) and asserts it matches TF's recorded outcome."""
    actual, expected = evaluate(tf, case["src"]), case["expected"]
    if case.get("first_line"):
        actual, expected = first_line(actual), first_line(expected)
    if case.get("rtol"):
        assert close(actual, expected, case["rtol"]), (case["src"], actual, expected)
    else:
        assert canonical(actual) == canonical(expected), case["src"]
