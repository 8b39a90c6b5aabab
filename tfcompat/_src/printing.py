"""TensorFlow's text formats: `tf.print` (PrintV2/StringFormat kernels), Tensor/Variable str/repr.

Pure Python + NumPy. Tensors are duck-typed: anything with a `numpy()` method and a `dtype` whose
`.name` is a TF dtype name ('float32', 'string', ...). Raw non-UTF-8 bytes of string tensors are
kept as surrogate escapes (`errors='surrogateescape'`) in the returned str.
"""

import math
import os
import pprint
import random
import sys
import threading
import time

import numpy as np

from tfcompat._src.export import export

__all__ = ["format_print_value", "tf_print", "tensor_str", "tensor_repr", "variable_repr"]

_SINGLE = ("float16", "bfloat16", "float32")  # all printed through float32 ("%.6g" else "%.9g")
_TINY = {True: float(np.finfo(np.float32).tiny), False: float(np.finfo(np.float64).tiny)}
# C-style escapes used by TF when quoting string elements; other bytes < 0x20 and 0x7f are
# octal-escaped, bytes >= 0x80 pass through raw (so UTF-8 text stays readable).
_ESCAPES = {0x0A: b"\\n", 0x0D: b"\\r", 0x09: b"\\t", 0x22: b'\\"', 0x27: b"\\'", 0x5C: b"\\\\"}
_BYTE_TEXT = [
    _ESCAPES.get(b, b"\\%03o" % b if b < 0x20 or b == 0x7F else bytes([b])) for b in range(256)
]


def _is_tensor(x) -> bool:
    dtype = getattr(x, "dtype", None)
    return callable(getattr(x, "numpy", None)) and isinstance(getattr(dtype, "name", None), str)


def _float_text(x: float, single: bool) -> str:
    if math.isnan(x):  # printf keeps the sign bit of NaN
        return "-nan" if math.copysign(1.0, x) < 0 else "nan"
    if abs(x) < _TINY[single]:  # the kernel runs with denormals flushed to zero (FTZ/DAZ)
        x = math.copysign(0.0, x)
    short, full = (6, 9) if single else (15, 17)
    text = f"{x:.{short}g}"  # Python's "g" is printf's %g
    same = np.float32(text) == np.float32(x) if single else float(text) == x
    return text if same else f"{x:.{full}g}"


def _bytes_text(x) -> str:
    raw = x.encode("utf-8") if isinstance(x, str) else bytes(x)
    quoted = b'"' + b"".join(_BYTE_TEXT[b] for b in raw) + b'"'
    return quoted.decode("utf-8", "surrogateescape")


def _element_formatter(dtype_name: str):
    if dtype_name in _SINGLE or dtype_name == "float64":
        single = dtype_name != "float64"
        return lambda x: _float_text(float(x), single)
    if dtype_name == "bool":
        return lambda x: "1" if x else "0"
    if dtype_name.startswith("complex"):
        return lambda x: "?"  # the kernel has no complex printer
    if dtype_name == "string":
        return _bytes_text
    return lambda x: str(int(x))


def format_print_value(arr, dtype_name: str, summarize: int = 3) -> str:
    """One tensor as PrintV2/StringFormat print it: `[a b ... y z]`, `summarize` items kept at each
    end of every dimension (negative: all). String elements are always quoted here; `tf_print`
    prints a lone scalar string raw."""
    arr = np.asarray(arr, dtype=object if dtype_name == "string" else None)
    fmt = _element_formatter(dtype_name)
    ends = arr.size if summarize < 0 else min(summarize, arr.size)
    if arr.ndim == 0:
        return fmt(arr[()]) if ends else "..."

    def dim(sub, depth):
        n = sub.shape[0]
        if sub.ndim == 1:
            gap, item = " ", lambda i: fmt(sub[i])
        else:
            gap, item = "\n" * (sub.ndim - 1) + " " * (depth + 1), lambda i: dim(sub[i], depth + 1)
        if n <= 2 * ends:
            return "[" + gap.join(item(i) for i in range(n)) + "]"
        head = [item(i) for i in range(ends)]
        tail = [item(i) for i in range(n - ends, n)]
        # TF writes the separator before "..." even when nothing precedes it (summarize=0).
        return "[" + gap.join(head) + gap + gap.join(["..."] + tail) + "]"

    return dim(arr, 0)


# --------------------------------------------------------------------------------------- tf.print


class _StderrDefault:
    """Default `output_stream`: TF resolves it to the *current* sys.stderr, i.e. fd 2."""

    def __repr__(self):
        return "sys.stderr"


_DEFAULT_STREAM = _StderrDefault()
_LOG_LEVELS = {20: "info", 30: "warning", 40: "error"}  # logging.INFO/WARNING/ERROR
# severity letter, C++ severity, line in logging_ops.cc (as TF's LOG lines show it)
_LOG_FORMAT = {"info": ("I", 0, 169), "warning": ("W", 1, 171), "error": ("E", 2, 173)}
_UNSUPPORTED = (
    "Unsupported output stream, logging level, or file.{}. Supported streams are sys.stdout, "
    "sys.stderr, tf.logging.info, tf.logging.warning, tf.logging.error. File needs to be in the "
    "form of 'file://<filepath>'."
)


def _nest_flatten(x, out):
    """Tensors in `x` in the order TF's `nest.flatten` yields them (mapping keys sorted)."""
    if _is_tensor(x):
        out.append(x)
    elif isinstance(x, dict):
        try:
            keys = sorted(x)
        except TypeError:
            keys = list(x)
        for k in keys:
            _nest_flatten(x[k], out)
    elif isinstance(x, (list, tuple)):
        for item in x:
            _nest_flatten(item, out)
    return out


def _replace_tensors(x, placeholder):
    """`x` with every nested tensor replaced by `placeholder` (same container types)."""
    if _is_tensor(x):
        return placeholder
    if isinstance(x, dict):
        items = [(k, _replace_tensors(v, placeholder)) for k, v in x.items()]
        try:
            return type(x)(items)
        except TypeError:  # e.g. defaultdict
            return dict(items)
    if isinstance(x, tuple) and hasattr(x, "_fields"):  # namedtuple
        return type(x)(*(_replace_tensors(v, placeholder) for v in x))
    if isinstance(x, (list, tuple)):
        return type(x)(_replace_tensors(v, placeholder) for v in x)
    return x


def _make_int(value, arg):
    if not isinstance(value, str):
        try:
            return int(value)
        except (TypeError, ValueError):
            pass
    raise TypeError(f"Expected int for argument '{arg}' not {value!r}.")


def _resolve_stream(stream):
    """-> ('fd', 1|2, stream object) / ('log', level) / ('file', path); ValueError otherwise."""
    if stream is _DEFAULT_STREAM:
        return ("fd", 2, sys.stderr)
    if stream is not None:
        if stream is sys.stdout or stream is sys.__stdout__:
            return ("fd", 1, stream)
        if stream is sys.stderr or stream is sys.__stderr__:
            return ("fd", 2, stream)
    hash(stream)  # TF looks the stream up in a dict: unhashable -> TypeError
    level = getattr(stream, "_tfcompat_log_level", None)  # set on tfcompat's tf.logging.info etc.
    if level in _LOG_FORMAT:
        return ("log", level)
    if type(stream) is int and stream in _LOG_LEVELS:
        return ("log", _LOG_LEVELS[stream])
    if isinstance(stream, str) and stream.startswith("file://"):
        return ("file", stream[len("file://"):])
    raise ValueError(_UNSUPPORTED.format(stream))


def _write(target, data: bytes):
    kind = target[0]
    if kind == "file":
        with open(target[1], "ab") as f:
            f.write(data)
    elif kind == "log":
        letter, severity, line = _LOG_FORMAT[target[1]]
        try:
            min_level = int(os.environ.get("TF_CPP_MIN_LOG_LEVEL", "0"))
        except ValueError:
            min_level = 0
        if severity >= min_level:  # TF logs through C++ LOG(...) to stderr (absl's line prefix)
            tid = threading.get_native_id()
            prefix = f"{letter}0000 00:00:{time.time():.6f} {tid:7d} logging_ops.cc:{line}] "
            _write(("fd", 2, sys.stderr), prefix.encode() + data + b"\n")
    else:
        _, fd, stream = target
        try:
            stream.fileno()
        except (AttributeError, OSError, ValueError):
            # Replaced stream without a real fd (capsys, redirect_stdout): TF would still write
            # to the OS fd; writing to the object is the more useful behaviour here.
            stream.write(data.decode("utf-8", "replace"))
            return
        stream.flush()  # keep program order with earlier buffered Python prints
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]


def _defer_if_traced(inputs, options) -> bool:
    """Inside a tf.function trace, print at every call of the compiled program (as TF's PrintV2
    op does), through jax.debug.callback with the traced tensors' values."""
    traced = []

    def find(x):
        value = getattr(x, "_value", None)
        if _is_tensor(x) and type(value).__module__.startswith("jax") and \
                type(value).__name__.endswith("Tracer"):
            traced.append(x)
        elif isinstance(x, (list, tuple)):
            for v in x:
                find(v)
        elif isinstance(x, dict):
            for v in x.values():
                find(v)

    for x in inputs:
        find(x)
    if not traced:
        return False
    import jax  # only reached under a trace, where JAX is already imported

    def replace(x, concrete):
        if any(x is t for t in traced):
            return concrete[next(i for i, t in enumerate(traced) if t is x)]
        if isinstance(x, (list, tuple)):
            return type(x)(replace(v, concrete) for v in x)
        if isinstance(x, dict):
            return {k: replace(v, concrete) for k, v in x.items()}
        return x

    def emit(*values):
        concrete = [type(t)(np.asarray(v), t.dtype) for t, v in zip(traced, values, strict=True)]
        tf_print(*[replace(x, concrete) for x in inputs], **options)

    jax.debug.callback(emit, *[t._value for t in traced], ordered=True)
    return True


@export("print")
def tf_print(*inputs, output_stream=_DEFAULT_STREAM, summarize=3, sep=" ", end=os.linesep,
             name=None, **kwargs):
    """`tf.print`: non-tensor inputs are `pprint.pformat`ted (str inputs raw), tensors (also nested
    in lists/tuples/dicts) are formatted by `format_print_value`; the text plus `end` goes straight
    to the OS file descriptor (1 or 2) as TF's C++ kernel does, or to a log or "file://" path."""
    del name
    if kwargs:
        raise ValueError(f"Unrecognized keyword arguments for tf.print: {kwargs}")
    target = _resolve_stream(output_stream)
    summarize = 3 if summarize is None else _make_int(summarize, "summarize")
    if not isinstance(end, str):
        raise TypeError(f"Expected string for argument 'end' not {end!r}.")
    if _defer_if_traced(inputs, dict(output_stream=output_stream, summarize=summarize, sep=sep,
                                     end=end)):
        return None

    if len(inputs) == 1 and _is_tensor(inputs[0]) and inputs[0].dtype.name == "string" \
            and np.ndim(inputs[0].numpy()) == 0:
        # A lone scalar string is printed raw, without quotes or escapes.
        value = np.asarray(inputs[0].numpy(), dtype=object)[()]
        data = value.encode("utf-8") if isinstance(value, str) else bytes(value)
        _write(target, data + end.encode("utf-8"))
        return None

    # Like TF: pick a placeholder absent from the tensor-free text, put it where the tensors
    # are, pformat, then unquote the placeholders. pformat's line wrapping therefore counts
    # each tensor as the 4 characters "'{}'", and tensors fill the placeholders in nest order.
    free = " ".join(pprint.pformat(_replace_tensors(x, "")) for x in inputs)
    placeholder, rng = "{}", random.Random(5)
    while placeholder in free:
        placeholder += str(rng.randint(0, 9))
    tensors, templates = [], []
    for x in inputs:
        _nest_flatten(x, tensors)
        templates.append(x if isinstance(x, str) else
                         pprint.pformat(_replace_tensors(x, placeholder)))
    template = sep.join(templates).replace(f"'{placeholder}'", placeholder)
    pieces = template.split(placeholder)
    if len(pieces) - 1 != len(tensors):
        raise ValueError(
            f"The template expects {len(pieces) - 1} tensors, but the inputs only has "
            f"{len(tensors)}. Please ensure the number of placeholders in template matches "
            "inputs length.")
    out = [pieces[0]]
    for t, piece in zip(tensors, pieces[1:], strict=True):
        out += [format_print_value(t.numpy(), t.dtype.name, summarize), piece]
    _write(target, ("".join(out) + end).encode("utf-8", "surrogateescape"))
    return None


# ------------------------------------------------------------------------------------ str / repr


def _numpy_text(value, is_repr: bool) -> str:
    """TF's numpy_text: numpy str/repr of the value; repr shows scalars as Python objects."""
    if is_repr and np.ndim(value) == 0:
        text = repr(value.item() if hasattr(value, "item") else value)
    else:
        text = repr(value) if is_repr else str(value)
    return "\n" + text if "\n" in text else text  # multi-line values start on their own line


def tensor_str(t) -> str:
    """`str(tensor)`: 'tf.Tensor(<numpy str>, shape=(2, 3), dtype=float32)'."""
    return f"tf.Tensor({_numpy_text(t.numpy(), False)}, shape={t.shape}, dtype={t.dtype.name})"


def tensor_repr(t) -> str:
    """`repr(tensor)`: '<tf.Tensor: shape=(), dtype=float32, numpy=0.5>'."""
    text = _numpy_text(t.numpy(), True)
    return f"<tf.Tensor: shape={t.shape}, dtype={t.dtype.name}, numpy={text}>"


def variable_repr(v) -> str:
    """`repr(variable)`, which TF also uses for str:
    "<tf.Variable 'x:0' shape=() dtype=float32, numpy=0.0>"."""
    return (f"<tf.Variable '{v.name}' shape={v.shape} dtype={v.dtype.name}, "
            f"numpy={_numpy_text(v.numpy(), True)}>")
