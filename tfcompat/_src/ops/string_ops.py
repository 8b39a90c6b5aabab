"""String basics: tf.strings.format, tf.as_string, tf.strings.join, tf.strings.length.

String tensors hold NumPy object arrays of bytes on the host; these ops run there (the registry
never jits a string op).
"""

import numpy as np

from tfcompat._src import dtypes as d
from tfcompat._src import errors
from tfcompat._src.export import export
from tfcompat._src.ops.array_ops import as_tensor, dims, kernel_error
from tfcompat._src.printing import format_print_value
from tfcompat._src.registry import op
from tfcompat._src.tensor import Tensor


def _string(text: str) -> Tensor:
    return Tensor(np.asarray(text.encode("utf-8", "surrogateescape"), dtype=object), d.string)


@export("strings.format")
def format(template, inputs, placeholder="{}", summarize=3, name=None):  # noqa: A001
    """`tf.strings.format`: a scalar string; each placeholder is replaced by a tensor printed as
    tf.print prints it (`summarize` items at each end of every dimension)."""
    if isinstance(inputs, Tensor) or hasattr(inputs, "_is_variable"):
        inputs = [inputs]
    n = len(inputs)
    parts = template.split(placeholder)
    if len(parts) - 1 != n:
        raise ValueError(f"The template expects {len(parts) - 1} tensors, but the inputs only has "
                         f"{n}. Please ensure the number of placeholders in template matches "
                         "inputs length.")
    texts = [format_print_value(np.asarray(t._value), t.dtype.name, summarize)
             for t in map(as_tensor, inputs)]
    return _string(parts[0] + "".join(t + p for t, p in zip(texts, parts[1:], strict=True)))


_FLAGS = " +-0#"


@op("strings.as_string", "as_string", v1=("as_string", "dtypes.as_string", "strings.as_string"),
    kernel="AsString", tensors=1, jit=False, differentiable=False)
def as_string(input, precision=-1, scientific=False, shortest=False, width=-1,  # noqa: A002
              fill=""):
    x = np.asarray(input)
    name = d.as_dtype(x.dtype).name
    floating = name in ("float16", "bfloat16", "float32", "float64", "complex64", "complex128")
    if scientific and shortest:
        raise kernel_error("AsString", "Cannot select both scientific and shortest notation", "")
    if fill and fill[0] not in _FLAGS:
        raise kernel_error("AsString", f'Fill argument not supported: "{fill}"', "")
    if precision > -1 and not floating:
        raise kernel_error("AsString", f"precision not supported for datatype {name}", "")
    spec = "%" + fill + (str(width) if width > -1 else "") + (
        f".{precision}" if precision > -1 else "")
    if name == "string":
        return x
    if name == "bool":
        fmt = lambda v: "true" if v else "false"  # noqa: E731 - TF ignores width for bools
    elif floating:
        conv = spec + ("e" if scientific else "g" if shortest else "f")
        if name.startswith("complex"):
            fmt = lambda v: f"({conv % v.real},{conv % v.imag})"  # noqa: E731
        else:
            fmt = lambda v: conv % float(v)  # noqa: E731
    else:
        fmt = lambda v: (spec + "d") % int(v)  # noqa: E731
    out = np.empty(x.shape, dtype=object)
    for i, v in np.ndenumerate(x):
        out[i] = fmt(v).encode()
    return out


@op(name="strings.join", kernel="StringJoin", lists=(0,), tensors=1, dtypes_={d.string})
def _string_join(inputs, separator):
    shapes = [x.shape for x in inputs if x.ndim]
    for s in shapes[1:]:
        if s != shapes[0]:
            raise kernel_error("StringJoin", f"Input shapes do not match: {dims(shapes[0])} vs. "
                               f"{dims(s)}", "", f"StringJoin_N_{len(inputs)}")
    sep = separator.encode() if isinstance(separator, str) else separator
    arrays = np.broadcast_arrays(*inputs)
    out = np.empty(arrays[0].shape, dtype=object)
    for i in np.ndindex(out.shape):
        out[i] = sep.join(a[i] for a in arrays)
    return out


@export("strings.join", v1=("strings.join", "string_join"))
def join(inputs, separator="", name=None):
    """`tf.strings.join`: elementwise concatenation; scalars broadcast, other shapes must match."""
    if not isinstance(inputs, (list, tuple)):
        raise TypeError(f"Expected list for 'inputs' argument to 'string_join' Op, not "
                        f"{inputs!r}.")
    if not inputs:
        return _string("")
    return _string_join(list(inputs), separator)


@op("strings.length", kernel="StringLength", tensors=1, dtypes_={d.string})
def length(input, unit="BYTE"):  # noqa: A002 - TF's argument name
    if unit not in ("BYTE", "UTF8_CHAR"):
        raise errors.InvalidArgumentError(
            None, None, f'Value for attr \'unit\' of "{unit}" is not in the list of allowed '
            'values: "BYTE", "UTF8_CHAR"\n\t; NodeDef: {{node StringLength}} [Op:StringLength] '
            'name: ')
    x = np.asarray(input)
    out = np.empty(x.shape, dtype=np.int32)
    for i, v in np.ndenumerate(x):
        # A UTF-8 character is every byte that is not a continuation byte (0b10xxxxxx).
        out[i] = len(v) if unit == "BYTE" else sum((b & 0xC0) != 0x80 for b in v)
    return out
