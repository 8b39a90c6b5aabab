"""Core `tf.keras.layers` (Keras 2): Dense, activations, Dropout, reshaping, Lambda, Embedding and
the merge layers, over tfcompat ops (so tapes record them)."""

import inspect

from tfcompat._src.export import export
from tfcompat._src.keras import activations, initializers, regularizers
from tfcompat._src.keras.engine import Layer, tf

_L = "keras.layers."


def _weight_args(layer, kwargs, *names):
    """Pops `<name>_initializer`/`_regularizer`/`_constraint` arguments onto the layer."""
    defaults = {"kernel": "glorot_uniform", "bias": "zeros", "embeddings": "uniform",
                "depthwise": "glorot_uniform", "pointwise": "glorot_uniform"}
    for n in names:
        setattr(layer, f"{n}_initializer",
                initializers.get(kwargs.pop(f"{n}_initializer", defaults[n])))
        setattr(layer, f"{n}_regularizer", regularizers.get(kwargs.pop(f"{n}_regularizer", None)))
        setattr(layer, f"{n}_constraint", kwargs.pop(f"{n}_constraint", None))


@export(_L + "Dense")
class Dense(Layer):
    """`activation(inputs @ kernel + bias)`; inputs of rank > 2 contract their last axis."""

    def __init__(self, units, activation=None, use_bias=True, **kwargs):
        _weight_args(self, kwargs, "kernel", "bias")
        super().__init__(**kwargs)
        self.units = int(units) if not isinstance(units, int) else units
        if self.units < 0:
            raise ValueError("Received an invalid value for `units`, expected a positive "
                             f"integer. Received: units={units}")
        self.activation = activations.get(activation)
        self.use_bias = use_bias

    def build(self, input_shape):
        last = input_shape[-1]
        if last is None:
            raise ValueError("The last dimension of the inputs to a Dense layer should be "
                             f"defined. Found None. Full input shape received: {input_shape}")
        self.kernel = self.add_weight("kernel", shape=[last, self.units],
                                      initializer=self.kernel_initializer,
                                      regularizer=self.kernel_regularizer,
                                      constraint=self.kernel_constraint)
        self.bias = self.add_weight("bias", shape=[self.units], initializer=self.bias_initializer,
                                    regularizer=self.bias_regularizer,
                                    constraint=self.bias_constraint) if self.use_bias else None
        self.built = True

    def call(self, inputs):
        rank = inputs.shape.rank
        if rank == 2:
            outputs = tf.matmul(inputs, self.kernel)
        else:
            outputs = tf.tensordot(inputs, self.kernel, [[rank - 1], [0]])
        if self.use_bias:
            outputs = tf.nn.bias_add(outputs, self.bias)
        return self.activation(outputs)


@export(_L + "Activation")
class Activation(Layer):
    def __init__(self, activation, **kwargs):
        super().__init__(**kwargs)
        self.activation = activations.get(activation)

    def call(self, inputs):
        return self.activation(inputs)


@export(_L + "ReLU")
class ReLU(Layer):
    def __init__(self, max_value=None, negative_slope=0.0, threshold=0.0, **kwargs):
        super().__init__(**kwargs)
        if max_value is not None and max_value < 0.0:
            raise ValueError("max_value of a ReLU layer cannot be a negative value. Received: "
                             f"{max_value}")
        for name, value in (("negative_slope", negative_slope), ("threshold", threshold)):
            if value is None or value < 0.0:
                raise ValueError(f"{name} of a ReLU layer cannot be a negative value. "
                                 f"Received: {value}")
        self.max_value, self.negative_slope, self.threshold = max_value, negative_slope, threshold

    def call(self, inputs):
        return activations.relu(inputs, alpha=self.negative_slope, max_value=self.max_value,
                                threshold=self.threshold)


@export(_L + "LeakyReLU")
class LeakyReLU(Layer):
    def __init__(self, alpha=0.3, **kwargs):
        super().__init__(**kwargs)
        self.alpha = alpha

    def call(self, inputs):
        return activations.relu(inputs, alpha=self.alpha)


@export(_L + "Softmax")
class Softmax(Layer):
    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        self.axis = axis

    def call(self, inputs, mask=None):
        if isinstance(self.axis, (tuple, list)):
            return tf.exp(inputs - tf.reduce_logsumexp(inputs, axis=self.axis, keepdims=True))
        return tf.nn.softmax(inputs, axis=self.axis)


@export(_L + "Dropout")
class Dropout(Layer):
    """Zeroes a `rate` fraction and scales the rest by 1 / (1 - rate), only when training."""

    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        if isinstance(rate, (int, float)) and not 0 <= rate <= 1:
            raise ValueError(f"Invalid value {rate} received for `rate`, expected a value "
                             "between 0 and 1.")
        self.rate, self.noise_shape, self.seed = rate, noise_shape, seed

    def call(self, inputs, training=None):
        if not training or self.rate == 0:
            return tf.identity(inputs)
        return tf.nn.dropout(inputs, rate=self.rate, noise_shape=self.noise_shape,
                             seed=self.seed)


@export(_L + "Flatten")
class Flatten(Layer):
    def __init__(self, data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.data_format = data_format or "channels_last"

    def call(self, inputs):
        if self.data_format == "channels_first" and inputs.shape.rank > 2:
            inputs = tf.transpose(inputs, [0, *range(2, inputs.shape.rank), 1])
        if inputs.shape.rank == 1:
            return tf.expand_dims(inputs, 1)
        return tf.reshape(inputs, (inputs.shape[0], -1))


@export(_L + "Reshape")
class Reshape(Layer):
    def __init__(self, target_shape, **kwargs):
        super().__init__(**kwargs)
        self.target_shape = tuple(target_shape)

    def call(self, inputs):
        return tf.reshape(inputs, (inputs.shape[0], *self.target_shape))


@export(_L + "Permute")
class Permute(Layer):
    def __init__(self, dims, **kwargs):
        super().__init__(**kwargs)
        self.dims = tuple(dims)
        if sorted(self.dims) != list(range(1, len(self.dims) + 1)):
            raise ValueError("Invalid permutation argument `dims` for Permute Layer. The set of "
                             "indices in `dims` must be consecutive and start from 1. Received "
                             f"dims={dims}")

    def call(self, inputs):
        return tf.transpose(inputs, perm=(0, *self.dims))


@export(_L + "Lambda")
class Lambda(Layer):
    """Wraps `function(inputs, **arguments)` (also passing `training`/`mask` if it takes them)."""

    def __init__(self, function, output_shape=None, mask=None, arguments=None, **kwargs):
        super().__init__(**kwargs)
        self.function, self.arguments = function, arguments or {}
        params = inspect.signature(function).parameters
        self._takes_training = "training" in params

    def call(self, inputs, training=None):
        kwargs = dict(self.arguments)
        if self._takes_training:
            kwargs["training"] = training
        return self.function(inputs, **kwargs)


@export(_L + "Embedding")
class Embedding(Layer):
    """Rows of an `(input_dim, output_dim)` table; non-integer ids are cast to int32."""

    def __init__(self, input_dim, output_dim, embeddings_initializer="uniform",
                 embeddings_regularizer=None, activity_regularizer=None,
                 embeddings_constraint=None, mask_zero=False, input_length=None, **kwargs):
        if input_length is not None and "input_shape" not in kwargs:
            kwargs["input_shape"] = (input_length,)
        if input_dim <= 0 or output_dim <= 0:
            raise ValueError("Both `input_dim` and `output_dim` should be positive, Received "
                             f"input_dim = {input_dim} and output_dim = {output_dim}")
        kwargs.update(embeddings_initializer=embeddings_initializer,
                      embeddings_regularizer=embeddings_regularizer,
                      embeddings_constraint=embeddings_constraint)
        _weight_args(self, kwargs, "embeddings")
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.input_dim, self.output_dim, self.mask_zero = input_dim, output_dim, mask_zero
        self._autocast = False

    def build(self, input_shape):
        self.embeddings = self.add_weight(
            "embeddings", shape=(self.input_dim, self.output_dim),
            initializer=self.embeddings_initializer, regularizer=self.embeddings_regularizer,
            constraint=self.embeddings_constraint)
        self.built = True

    def call(self, inputs):
        if inputs.dtype.name not in ("int32", "int64"):
            inputs = tf.cast(inputs, "int32")
        return tf.nn.embedding_lookup(self.embeddings, inputs)


# -- merging -----------------------------------------------------------------------------------

class _Merge(Layer):
    def build(self, input_shape):
        if not isinstance(input_shape[0], tuple) and not isinstance(input_shape, list):
            raise ValueError("A merge layer should be called on a list of inputs. Received: "
                             f"input_shape={input_shape} (not a list of shapes)")
        if len(input_shape) < 1:
            raise ValueError("A merge layer should be called on a list of at least 1 input. "
                             f"Got {len(input_shape)} inputs. Full input_shape received: "
                             f"{input_shape}")
        self.built = True

    def call(self, inputs):
        if not isinstance(inputs, (list, tuple)):
            raise ValueError("A merge layer should be called on a list of inputs. Received: "
                             f"inputs={inputs} (not a list of tensors)")
        out = inputs[0]
        for x in inputs[1:]:
            out = self._merge(out, x)
        return out


@export(_L + "Add")
class Add(_Merge):
    _merge = staticmethod(lambda a, b: a + b)


@export(_L + "Subtract")
class Subtract(_Merge):
    def call(self, inputs):
        if len(inputs) != 2:
            raise ValueError("A `Subtract` layer should be called on exactly 2 inputs. "
                             f"Received: inputs={inputs}")
        return inputs[0] - inputs[1]


@export(_L + "Multiply")
class Multiply(_Merge):
    _merge = staticmethod(lambda a, b: a * b)


@export(_L + "Maximum")
class Maximum(_Merge):
    _merge = staticmethod(lambda a, b: tf.maximum(a, b))


@export(_L + "Minimum")
class Minimum(_Merge):
    _merge = staticmethod(lambda a, b: tf.minimum(a, b))


@export(_L + "Average")
class Average(_Merge):
    def call(self, inputs):
        return super().call(inputs) / len(inputs)

    _merge = staticmethod(lambda a, b: a + b)


@export(_L + "Concatenate")
class Concatenate(_Merge):
    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        self.axis = axis

    def call(self, inputs):
        return tf.concat(list(inputs), axis=self.axis)


def _functional(cls, name):
    def merge(inputs, **kwargs):
        return cls(**kwargs)(inputs)
    merge.__name__ = merge.__qualname__ = name
    merge.__doc__ = f"`{cls.__name__}()(inputs)`."
    return export(_L + name)(merge)


add = _functional(Add, "add")
subtract = _functional(Subtract, "subtract")
multiply = _functional(Multiply, "multiply")
maximum = _functional(Maximum, "maximum")
minimum = _functional(Minimum, "minimum")
average = _functional(Average, "average")


@export(_L + "concatenate")
def concatenate(inputs, axis=-1, **kwargs):
    """`Concatenate(axis)(inputs)`."""
    return Concatenate(axis=axis, **kwargs)(inputs)
