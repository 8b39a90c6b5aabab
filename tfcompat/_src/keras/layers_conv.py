"""Convolution, pooling, padding and upsampling `tf.keras.layers` (Keras 2, channels_last)."""

from tfcompat._src.export import export
from tfcompat._src.keras import activations
from tfcompat._src.keras.engine import Layer, tf
from tfcompat._src.keras.layers_core import _weight_args

_L = "keras.layers."


def _tuple(value, n, name):
    if isinstance(value, int):
        return (value,) * n
    value = tuple(value)
    if len(value) != n:
        raise ValueError(f"The `{name}` argument must be a tuple of {n} integers. Received: "
                         f"{value}")
    return value


class _Conv(Layer):
    """Shared by Conv1D/Conv2D/Conv2DTranspose: kernel `kernel_size + (in, filters)`."""

    rank = 2
    _kernels = ("kernel", "bias")

    def __init__(self, filters, kernel_size, strides=1, padding="valid", data_format=None,
                 dilation_rate=1, groups=1, activation=None, use_bias=True, **kwargs):
        _weight_args(self, kwargs, *self._kernels)
        super().__init__(**kwargs)
        self.filters, self.groups = filters, groups
        self.kernel_size = _tuple(kernel_size, self.rank, "kernel_size")
        self.strides = _tuple(strides, self.rank, "strides")
        self.dilation_rate = _tuple(dilation_rate, self.rank, "dilation_rate")
        self.padding = padding.lower()
        if self.padding not in ("valid", "same", "causal", "full"):
            raise ValueError("The `padding` argument must be a list/tuple or one of \"valid\", "
                             f"\"same\" (or \"causal\", only for `Conv1D). Received: {padding}")
        if data_format not in (None, "channels_last"):
            raise NotImplementedError("tfcompat's Keras layers support channels_last only.")
        self.data_format = "channels_last"
        self.activation = activations.get(activation)
        self.use_bias = use_bias

    def _kernel_shape(self, in_ch):
        return self.kernel_size + (in_ch // self.groups, self.filters)

    def build(self, input_shape):
        in_ch = input_shape[-1]
        if in_ch is None:
            raise ValueError("The channel dimension of the inputs should be defined. The input_"
                             f"shape received is {input_shape}, where axis -1 (0-based) is the "
                             "channel dimension, which found to be `None`.")
        self.kernel = self.add_weight("kernel", shape=self._kernel_shape(in_ch),
                                      initializer=self.kernel_initializer,
                                      regularizer=self.kernel_regularizer,
                                      constraint=self.kernel_constraint)
        self._build_bias()

    def _build_bias(self):
        self.bias = self.add_weight("bias", shape=(self.filters,),
                                    initializer=self.bias_initializer,
                                    regularizer=self.bias_regularizer,
                                    constraint=self.bias_constraint) if self.use_bias else None
        self.built = True

    def _finish(self, outputs):
        if self.use_bias:
            outputs = tf.nn.bias_add(outputs, self.bias)
        return self.activation(outputs)

    def call(self, inputs):
        pad = self.padding.upper()
        if self.rank == 1:
            if self.padding == "causal":
                left = self.dilation_rate[0] * (self.kernel_size[0] - 1)
                inputs = tf.pad(inputs, [[0, 0], [left, 0], [0, 0]])
                pad = "VALID"
            out = tf.nn.conv1d(inputs, self.kernel, self.strides[0], pad,
                               dilations=self.dilation_rate[0])
        else:
            out = tf.nn.conv2d(inputs, self.kernel, self.strides, pad,
                               dilations=self.dilation_rate)
        return self._finish(out)


@export(_L + "Conv1D", _L + "Convolution1D")
class Conv1D(_Conv):
    rank = 1

    def __init__(self, filters, kernel_size, strides=1, padding="valid", **kwargs):
        super().__init__(filters, kernel_size, strides, padding, **kwargs)


@export(_L + "Conv2D", _L + "Convolution2D")
class Conv2D(_Conv):
    def __init__(self, filters, kernel_size, strides=(1, 1), padding="valid", **kwargs):
        super().__init__(filters, kernel_size, strides, padding, **kwargs)


def _deconv_length(size, kernel, padding, stride, dilation):
    kernel = kernel + (kernel - 1) * (dilation - 1)
    if padding == "valid":
        return size * stride + max(kernel - stride, 0)
    if padding == "full":
        return size * stride - (stride + kernel - 2)
    return size * stride


@export(_L + "Conv2DTranspose", _L + "Convolution2DTranspose")
class Conv2DTranspose(Conv2D):
    """The gradient of a Conv2D: kernel `kernel_size + (filters, in)`."""

    def _kernel_shape(self, in_ch):
        return self.kernel_size + (self.filters, in_ch)

    def call(self, inputs):
        b, h, w = inputs.shape[0], inputs.shape[1], inputs.shape[2]
        out_h = _deconv_length(h, self.kernel_size[0], self.padding, self.strides[0],
                               self.dilation_rate[0])
        out_w = _deconv_length(w, self.kernel_size[1], self.padding, self.strides[1],
                               self.dilation_rate[1])
        out = tf.nn.conv2d_transpose(inputs, self.kernel, (b, out_h, out_w, self.filters),
                                     self.strides, self.padding.upper(),
                                     dilations=self.dilation_rate)
        return self._finish(out)


@export(_L + "DepthwiseConv2D")
class DepthwiseConv2D(Conv2D):
    """Per-channel filters: `depthwise_kernel` of shape `kernel_size + (in, depth_multiplier)`."""

    _kernels = ("depthwise", "bias")

    def __init__(self, kernel_size, strides=(1, 1), padding="valid", depth_multiplier=1,
                 **kwargs):
        super().__init__(None, kernel_size, strides, padding, **kwargs)
        self.depth_multiplier = depth_multiplier

    def build(self, input_shape):
        in_ch = input_shape[-1]
        self.filters = in_ch * self.depth_multiplier
        self.depthwise_kernel = self.add_weight(
            "depthwise_kernel", shape=self.kernel_size + (in_ch, self.depth_multiplier),
            initializer=self.depthwise_initializer, regularizer=self.depthwise_regularizer,
            constraint=self.depthwise_constraint)
        self._build_bias()

    def _depthwise(self, inputs):
        return tf.nn.depthwise_conv2d(inputs, self.depthwise_kernel, (1, *self.strides, 1),
                                      self.padding.upper(), dilations=self.dilation_rate)

    def call(self, inputs):
        return self._finish(self._depthwise(inputs))


@export(_L + "SeparableConv2D", _L + "SeparableConvolution2D")
class SeparableConv2D(DepthwiseConv2D):
    """A depthwise convolution, then a 1x1 `pointwise_kernel` convolution to `filters`."""

    _kernels = ("depthwise", "pointwise", "bias")

    def __init__(self, filters, kernel_size, strides=(1, 1), padding="valid",
                 depth_multiplier=1, **kwargs):
        super().__init__(kernel_size, strides, padding, depth_multiplier, **kwargs)
        self.filters = filters

    def build(self, input_shape):
        in_ch = input_shape[-1]
        self.depthwise_kernel = self.add_weight(
            "depthwise_kernel", shape=self.kernel_size + (in_ch, self.depth_multiplier),
            initializer=self.depthwise_initializer, regularizer=self.depthwise_regularizer,
            constraint=self.depthwise_constraint)
        self.pointwise_kernel = self.add_weight(
            "pointwise_kernel", shape=(1, 1, in_ch * self.depth_multiplier, self.filters),
            initializer=self.pointwise_initializer, regularizer=self.pointwise_regularizer,
            constraint=self.pointwise_constraint)
        self._build_bias()

    def call(self, inputs):
        out = tf.nn.conv2d(self._depthwise(inputs), self.pointwise_kernel, 1, "VALID")
        return self._finish(out)


# -- pooling -----------------------------------------------------------------------------------

class _Pool2D(Layer):
    def __init__(self, pool_size=(2, 2), strides=None, padding="valid", data_format=None,
                 **kwargs):
        super().__init__(**kwargs)
        self.pool_size = _tuple(pool_size, 2, "pool_size")
        self.strides = self.pool_size if strides is None else _tuple(strides, 2, "strides")
        self.padding = padding.lower()

    def call(self, inputs):
        return self._pool(inputs, self.pool_size, self.strides, self.padding.upper())


@export(_L + "MaxPooling2D", _L + "MaxPool2D")
class MaxPooling2D(_Pool2D):
    _pool = staticmethod(lambda x, k, s, p: tf.nn.max_pool2d(x, k, s, p))


@export(_L + "AveragePooling2D", _L + "AvgPool2D")
class AveragePooling2D(_Pool2D):
    _pool = staticmethod(lambda x, k, s, p: tf.nn.avg_pool2d(x, k, s, p))


class _GlobalPool2D(Layer):
    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(**kwargs)
        self.keepdims = keepdims

    def call(self, inputs):
        return self._reduce(inputs, axis=[1, 2], keepdims=self.keepdims)


@export(_L + "GlobalAveragePooling2D", _L + "GlobalAvgPool2D")
class GlobalAveragePooling2D(_GlobalPool2D):
    _reduce = staticmethod(lambda x, **k: tf.reduce_mean(x, **k))


@export(_L + "GlobalMaxPooling2D", _L + "GlobalMaxPool2D")
class GlobalMaxPooling2D(_GlobalPool2D):
    _reduce = staticmethod(lambda x, **k: tf.reduce_max(x, **k))


@export(_L + "ZeroPadding2D")
class ZeroPadding2D(Layer):
    def __init__(self, padding=(1, 1), data_format=None, **kwargs):
        super().__init__(**kwargs)
        if isinstance(padding, int):
            padding = ((padding, padding), (padding, padding))
        padding = tuple(padding)
        if all(isinstance(p, int) for p in padding):
            padding = ((padding[0], padding[0]), (padding[1], padding[1]))
        self.padding = tuple(tuple(p) for p in padding)

    def call(self, inputs):
        return tf.pad(inputs, [[0, 0], list(self.padding[0]), list(self.padding[1]), [0, 0]])


@export(_L + "UpSampling2D")
class UpSampling2D(Layer):
    """Nearest-neighbour upsampling by integer factors: each pixel repeated `size` times."""

    def __init__(self, size=(2, 2), data_format=None, interpolation="nearest", **kwargs):
        super().__init__(**kwargs)
        self.size = _tuple(size, 2, "size")
        if interpolation != "nearest":
            raise NotImplementedError("tfcompat's UpSampling2D supports interpolation='nearest' "
                                      "only.")
        self.interpolation = interpolation

    def call(self, inputs):
        b, h, w, c = inputs.shape
        sh, sw = self.size
        x = tf.reshape(inputs, (b, h, 1, w, 1, c))
        x = tf.tile(x, (1, 1, sh, 1, sw, 1))
        return tf.reshape(x, (b, h * sh, w * sw, c))
