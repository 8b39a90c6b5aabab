"""Run a TF snippet and turn what it leaves in `result` into JSON-able data.

Shared by the recording scripts (run with real TensorFlow, never by tests) and the tests (run with
tfcompat): the same snippet text runs under both, with `tf` bound to the library at hand.
"""

import math
import re

import numpy as np


def encode(value):
    """Tensors and Variables become {"dtype", "shape", "value"}; nests are kept; None stays."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, float)):
        return {"py": type(value).__name__, "value": _num(value)}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {"dict": {str(k): encode(v) for k, v in sorted(value.items())}}
    if hasattr(value, "numpy") and hasattr(value, "dtype"):
        arr = np.asarray(value.numpy())
        return {"dtype": value.dtype.name, "shape": list(arr.shape),
                "value": _num(arr.tolist())}
    if isinstance(value, (np.ndarray, np.generic)):
        return {"np": str(value.dtype), "value": _num(np.asarray(value).tolist())}
    return {"repr": repr(value)}


def _num(v):
    if isinstance(v, list):
        return [_num(x) for x in v]
    if isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
        return repr(v)
    if isinstance(v, complex):
        return [v.real, v.imag]
    return v


def run(tf, code: str):
    """Executes `code` with `tf` and `np` bound; returns encoded `result` or the error raised."""
    scope = {"tf": tf, "np": np}
    try:
        exec(code, scope)  # noqa: S102 - snippets are this project's own test inputs
    except Exception as e:  # noqa: BLE001 - the error is the recorded behaviour
        # Object addresses differ from run to run.
        message = re.sub(r"0x[0-9a-f]+", "0x?", str(e).split("\n")[0])
        return {"error": type(e).__name__, "message": message}
    return encode(scope.get("result"))


def close(got, want, rtol: float) -> bool:
    """Encoded results equal, floats within `rtol` (XLA may round a fused op differently)."""
    if isinstance(want, dict) and isinstance(got, dict):
        return got.keys() == want.keys() and all(close(got[k], want[k], rtol) for k in want)
    if isinstance(want, list) and isinstance(got, list):
        return len(got) == len(want) and all(close(g, w, rtol) for g, w in zip(got, want))
    if isinstance(want, float) and isinstance(got, float):
        return abs(got - want) <= rtol * abs(want)
    return got == want
