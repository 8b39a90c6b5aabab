"""tf.nn convolutions and pooling over lax.conv_general_dilated and lax.reduce_window.

TF's CPU build runs oneDNN kernels, whose summation order differs from XLA's: float results
agree to round-off (goldens state rtol=1e-5). Padding follows TF: SAME pads (total // 2) before,
the rest after; EXPLICIT takes [[before, after], ...] for every dimension; average pooling
divides by the number of unpadded elements in each window.
"""

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from tfcompat._src import dtypes as d
from tfcompat._src import errors
from tfcompat._src.export import export
from tfcompat._src.ops.linalg_ops import _shape_text, _tensor
from tfcompat._src.ops.math_ops import _div
from tfcompat._src.registry import op

_CONV_TYPES = d.FLOATS | {d.int32}
_POOL_TEXT = ("half", "bfloat16", "float", "double")


def _bad(message):
    return errors.InvalidArgumentError(None, None, message)


def _channels_first(data_format) -> bool:
    return data_format is not None and str(data_format).startswith("NC")


def _sequence(value, n, channels_first, name):
    """TF's `_get_sequence`: an int, n values, or n + 2 values (batch and channel are 1)."""
    if value is None:
        return (1,) * n
    values = [value] if isinstance(value, (int, np.integer)) else list(value)
    if len(values) == 1:
        values = values * n
    if len(values) == n:
        return tuple(int(v) for v in values)
    if len(values) == n + 2:
        return tuple(int(v) for v in (values[2:] if channels_first else values[1:-1]))
    raise ValueError(f"{name} should be of length 1, {n} or {n + 2}. Received: {name}={value} "
                     f"of length {len(values)}")


def _dims(n, channels_first):
    spatial = "DHW"[3 - n:] if n <= 3 else None
    lhs = ("NC" + spatial) if channels_first else ("N" + spatial + "C")
    return lhs, spatial + "IO", lhs


def _padding(padding, n, channels_first, kernel):
    if isinstance(padding, str):
        if padding not in ("SAME", "VALID"):
            raise _bad(f"Value for attr 'padding' of \"{padding}\" is not in the list of allowed "
                       "values: \"SAME\", \"VALID\", \"EXPLICIT\"\n\t; NodeDef: "
                       f"{{{{node {kernel}}}}} [Op:Conv2D] name: ")
        return padding
    pads = [tuple(int(v) for v in p) for p in padding]
    return pads[2:] if channels_first else pads[1:-1]


def _conv(x, w, strides, padding, dilations, channels_first, groups=1):
    n = x.ndim - 2
    return lax.conv_general_dilated(
        x, w, window_strides=strides, padding=padding, rhs_dilation=dilations,
        dimension_numbers=_dims(n, channels_first), feature_group_count=groups,
        precision=lax.Precision.HIGHEST)


def _convolution(input, filters, strides, padding, data_format, dilations, kernel):  # noqa: A002
    n = filters.ndim - 2
    if input.ndim != n + 2:
        raise _bad(f"input must be {n + 2}-dimensional{_shape_text(input.shape)}")
    first = _channels_first(data_format)
    in_depth = input.shape[1 if first else -1]
    if in_depth % filters.shape[-2]:
        raise _bad(f"input depth must be evenly divisible by filter depth: {in_depth} vs "
                   f"{filters.shape[-2]}")
    return _conv(input, filters, _sequence(strides, n, first, "strides"),
                 _padding(padding, n, first, kernel), _sequence(dilations, n, first, "dilations"),
                 first, in_depth // filters.shape[-2])


@op(name="nn.conv2d", kernel="Conv2D", device_kernel="_MklNativeConv2D", dtypes_=_CONV_TYPES,
    tensors=2)
def _conv2d(input, filters, strides, padding, data_format="NHWC", dilations=None):  # noqa: A002
    return _convolution(input, filters, strides, padding, data_format, dilations,
                        "_MklNativeConv2D")


@export("nn.conv2d", v1=())
def conv2d(input, filters, strides, padding, data_format="NHWC", dilations=None,  # noqa: A002
           name=None):
    """2-D convolution (NHWC or NCHW; SAME, VALID or explicit padding; grouped when the input
    depth is a multiple of the filter's)."""
    return _conv2d(input, filters, strides=strides, padding=padding, data_format=data_format,
                   dilations=dilations)


@export(v1=("nn.conv2d",))
def conv2d_v1(input, filter=None, strides=None, padding=None, use_cudnn_on_gpu=True,  # noqa: A002
              data_format="NHWC", dilations=(1, 1, 1, 1), name=None, filters=None):
    if filter is not None and filters is not None:
        raise ValueError("Cannot specify both 'filter' and 'filters'.")
    return conv2d(input, filter if filters is None else filters, strides, padding,
                  data_format=data_format, dilations=dilations)


@export("nn.conv1d", v1=())
def conv1d(input, filters, stride, padding, data_format="NWC", dilations=None,  # noqa: A002
           name=None):
    """1-D convolution over [batch, width, channels] (or NCW), TF's Conv2D underneath."""
    return _conv2d(input, filters, strides=stride, padding=padding,
                   data_format="NCHW" if _channels_first(data_format) else "NHWC",
                   dilations=dilations)


@export(v1=("nn.conv1d",))
def conv1d_v1(value=None, filters=None, stride=None, padding=None, use_cudnn_on_gpu=None,
              data_format=None, name=None, input=None, dilations=None):  # noqa: A002
    return conv1d(value if input is None else input, filters, stride, padding,
                  data_format=data_format, dilations=dilations)


_ONEDNN_SHAPE_ERROR = (
    "Operation received an exception:Status: 2, message: could not create a primitive "
    "descriptor for the convolution forward propagation primitive. Run workload with environment "
    "variable ONEDNN_VERBOSE=all to get additional diagnostic information., in file "
    "tensorflow/core/kernels/mkl/mkl_conv_grad_input_ops.cc:546")


@op(name="nn.conv2d_transpose", kernel="Conv2DBackpropInput",
    device_kernel="_MklNativeConv2DBackpropInput", dtypes_=d.FLOATS, error_name=None, tensors=2)
def _conv2d_transpose(input, filters, output_shape, strides, padding="SAME",  # noqa: A002
                      data_format="NHWC", dilations=None):
    """The gradient of conv2d w.r.t. its input, which is what TF computes."""
    first = _channels_first(data_format)
    strides = _sequence(strides, 2, first, "strides")
    dilations = _sequence(dilations, 2, first, "dilations")
    pad = _padding(padding, 2, first, "Conv2DBackpropInput")

    def forward(z):
        return _conv(z, filters, strides, pad, dilations, first)
    shape = tuple(int(s) for s in output_shape)
    if jax.eval_shape(forward, jax.ShapeDtypeStruct(shape, input.dtype)).shape != input.shape:
        # TF's oneDNN kernel reports an inconsistent output_shape so.
        raise errors.AbortedError(None, None, _ONEDNN_SHAPE_ERROR)
    _, pullback = jax.vjp(forward, jnp.zeros(shape, input.dtype))
    return pullback(input)[0]


@export("nn.conv2d_transpose", v1=())
def conv2d_transpose(input, filters, output_shape, strides, padding="SAME",  # noqa: A002
                     data_format="NHWC", dilations=None, name=None):
    """The transpose (gradient) of conv2d; filters are [height, width, out, in]."""
    output_shape = tuple(np.asarray(getattr(output_shape, "_value", output_shape)).tolist())
    return _conv2d_transpose(input, filters, output_shape=output_shape, strides=strides,
                             padding=padding, data_format=data_format, dilations=dilations)


@export(v1=("nn.conv2d_transpose",))
def conv2d_transpose_v1(value=None, filter=None, output_shape=None, strides=None,  # noqa: A002
                        padding="SAME", data_format="NHWC", name=None, input=None, filters=None,
                        dilations=None):
    return conv2d_transpose(value if input is None else input,
                            filter if filters is None else filters, output_shape, strides,
                            padding=padding, data_format=data_format, dilations=dilations)


@op(name="nn.depthwise_conv2d", kernel="DepthwiseConv2dNative", dtypes_=d.FLOATS, tensors=2)
def _depthwise(input, filter, strides, padding, data_format=None, dilations=None):  # noqa: A002
    """Each input channel convolved with its own `multiplier` filters (channel-major output)."""
    first = _channels_first(data_format)
    h, w, c, m = filter.shape
    return _conv(input, filter.reshape(h, w, 1, c * m), _sequence(strides, 2, first, "strides"),
                 _padding(padding, 2, first, "DepthwiseConv2dNative"),
                 _sequence(dilations, 2, first, "dilations"), first, c)


@export("nn.depthwise_conv2d", v1=())
def depthwise_conv2d(input, filter, strides, padding, data_format=None,  # noqa: A002
                     dilations=None, name=None):
    return _depthwise(input, filter, strides=strides, padding=padding, data_format=data_format,
                      dilations=dilations)


@export(v1=("nn.depthwise_conv2d",))
def depthwise_conv2d_v1(input, filter, strides, padding, rate=None, name=None,  # noqa: A002
                        data_format=None, dilations=None):
    return depthwise_conv2d(input, filter, strides, padding, data_format=data_format,
                            dilations=dilations if rate is None else rate)


# -- pooling -----------------------------------------------------------------------------------

def _window(x, ksize, strides, data_format):
    n = x.ndim - 2
    first = _channels_first(data_format)
    k, s = _sequence(ksize, n, first, "ksize"), _sequence(strides, n, first, "strides")
    full = (lambda v: (1, 1) + v) if first else (lambda v: (1,) + v + (1,))
    return full(k), full(s)


@op(name="nn.max_pool", kernel="MaxPool", dtypes_=d.FLOATS | d.INTEGERS, tensors=1)
def _max_pool(input, ksize, strides, padding, data_format=None):  # noqa: A002
    window, step = _window(input, ksize, strides, data_format)
    # NumPy init values: JAX recognises the max monoid (and its gradient) only for constants.
    dtype = np.dtype(input.dtype)
    lowest = np.iinfo(dtype).min if dtype.kind in "iu" else -np.inf
    return lax.reduce_window(input, np.array(lowest, dtype), lax.max, window, step, padding)


@op(name="nn.avg_pool", kernel="AvgPool", dtypes_=d.FLOATS, allowed=_POOL_TEXT, tensors=1)
def _avg_pool(input, ksize, strides, padding, data_format=None):  # noqa: A002
    window, step = _window(input, ksize, strides, data_format)
    zero = np.array(0, np.dtype(input.dtype))
    total = lax.reduce_window(input, zero, lax.add, window, step, padding)
    ones = np.ones(input.shape, np.dtype(input.dtype))
    count = lax.reduce_window(ones, zero, lax.add, window, step, padding)
    return _div(total, count)  # TF divides each window by its unpadded count


def _pool_args(input, ksize, strides):  # noqa: A002
    x = _tensor(input)
    n = len(x.shape) - 2
    for name, value in (("ksize", ksize), ("strides", strides)):
        length = 1 if isinstance(value, (int, np.integer)) else len(value)
        if length not in (1, n, n + 2):
            raise ValueError(f"{name} should be of length 1, {n} or {n + 2}. Received: "
                             f"{name}={value} of length {length}")
    return x


def _pool_api(kernel, default_format):
    def pool(input, ksize, strides, padding, data_format=default_format,  # noqa: A002
             name=None):
        x = _pool_args(input, ksize, strides)
        return kernel(x, ksize, strides, padding, data_format=data_format)

    def pool_v1(value, ksize, strides, padding, data_format="NHWC", name=None,
                input=None):  # noqa: A002
        return pool(value if input is None else input, ksize, strides, padding, data_format)
    return pool, pool_v1


max_pool, max_pool_v1 = _pool_api(_max_pool, None)
max_pool2d, _ = _pool_api(_max_pool, "NHWC")
avg_pool, avg_pool_v1 = _pool_api(_avg_pool, None)
avg_pool2d, _ = _pool_api(_avg_pool, "NHWC")
for _fn, _v2, _v1 in ((max_pool, ("nn.max_pool",), ()), (max_pool_v1, (), ("nn.max_pool",)),
                      (max_pool2d, ("nn.max_pool2d",), None),
                      (avg_pool, ("nn.avg_pool",), ()),
                      (avg_pool_v1, (), ("nn.avg_pool", "nn.avg_pool2d")),
                      (avg_pool2d, ("nn.avg_pool2d",), ())):
    export(*_v2, v1=_v1)(_fn)
