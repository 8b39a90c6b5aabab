"""`tf.keras.activations` (Keras 2): element-wise functions over tfcompat ops, found by name."""

from tfcompat._src.export import export
from tfcompat._src.keras.engine import tf

_A = "keras.activations."


@export(_A + "linear")
def linear(x):
    return x


@export(_A + "relu")
def relu(x, alpha=0.0, max_value=None, threshold=0.0):
    """max(x, 0), or Keras 2's general form: a leaky slope `alpha` below `threshold`, values at
    or below `threshold` zeroed, capped at `max_value` (the same op sequence as Keras 2)."""
    negative = None
    if alpha != 0.0:
        if max_value is None and threshold == 0:
            return tf.nn.leaky_relu(x, alpha=alpha)
        negative = tf.nn.relu(-x + threshold) if threshold != 0 else tf.nn.relu(-x)
    clip = max_value is not None
    if threshold != 0:
        x = x * tf.cast(tf.greater(x, threshold), x.dtype)
    elif max_value == 6:
        x = tf.nn.relu6(x)
        clip = False
    else:
        x = tf.nn.relu(x)
    if clip:
        x = tf.clip_by_value(x, tf.constant(0, x.dtype), tf.constant(max_value, x.dtype))
    if negative is not None:
        x = x - tf.constant(alpha, x.dtype) * negative
    return x


@export(_A + "softmax")
def softmax(x, axis=-1):
    if x.shape.rank is not None and x.shape.rank <= 1:
        raise ValueError(f"Cannot apply softmax to a tensor that is 1D. Received input: {x}")
    return tf.nn.softmax(x, axis=axis)


@export(_A + "sigmoid")
def sigmoid(x):
    return tf.sigmoid(x)


@export(_A + "tanh")
def tanh(x):
    return tf.tanh(x)


@export(_A + "elu")
def elu(x, alpha=1.0):
    out = tf.nn.elu(x)
    return out if alpha == 1 else tf.where(x > 0, out, alpha * out)


@export(_A + "selu")
def selu(x):
    return tf.nn.selu(x)


@export(_A + "softplus")
def softplus(x):
    return tf.math.softplus(x)


@export(_A + "softsign")
def softsign(x):
    return tf.math.softsign(x)


@export(_A + "swish")
def swish(x):
    return tf.nn.silu(x)


@export(_A + "gelu")
def gelu(x, approximate=False):
    return tf.nn.gelu(x, approximate=approximate)


@export(_A + "exponential")
def exponential(x):
    return tf.exp(x)


@export(_A + "hard_sigmoid")
def hard_sigmoid(x):
    """Keras 2's piecewise linear sigmoid: clip(0.2 x + 0.5, 0, 1)."""
    y = x * tf.constant(0.2, x.dtype) + tf.constant(0.5, x.dtype)
    return tf.clip_by_value(y, tf.zeros((), x.dtype), tf.ones((), x.dtype))


_BY_NAME = {f.__name__: f for f in (linear, relu, softmax, sigmoid, tanh, elu, selu, softplus,
                                     softsign, swish, gelu, exponential, hard_sigmoid)}


@export(_A + "get")
def get(identifier):
    """An activation from a name ('relu'), None (linear) or a callable."""
    if identifier is None:
        return linear
    if isinstance(identifier, str):
        if identifier not in _BY_NAME:
            raise ValueError(f"Unknown activation function '{identifier}' cannot be "
                             "deserialized.")
        return _BY_NAME[identifier]
    if callable(identifier):
        return identifier
    raise TypeError(f"Could not interpret activation function identifier: {identifier}")


@export(_A + "serialize")
def serialize(activation):
    return getattr(activation, "__name__", type(activation).__name__)
