"""TF 1's `tf.compat.v1.losses`: per-element losses, weighted and reduced.

TF 1 computes the weighted reduction in float32 whatever the input dtype and casts the result
back (a float64 loss is rounded through float32). The default reduction,
SUM_BY_NONZERO_WEIGHTS, divides the weighted sum by the number of elements whose broadcast weight
is nonzero. Loss collections do not exist in eager mode: `add_loss` is a no-op and `get_losses`
is empty, as in TF 2's eager mode.
"""

import numpy as np

from tfcompat._src.export import export
from tfcompat._src.keras.utils import divide_no_nan, tf


@export(v1=("losses.Reduction",))
class Reduction:
    """Types of loss reduction in TF 1."""

    NONE = "none"
    SUM = "weighted_sum"
    SUM_OVER_BATCH_SIZE = "weighted_sum_over_batch_size"
    MEAN = "weighted_mean"
    SUM_BY_NONZERO_WEIGHTS = "weighted_sum_by_nonzero_weights"
    SUM_OVER_NONZERO_WEIGHTS = SUM_BY_NONZERO_WEIGHTS

    @classmethod
    def all(cls):
        return (cls.NONE, cls.SUM, cls.MEAN, cls.SUM_OVER_BATCH_SIZE,
                cls.SUM_OVER_NONZERO_WEIGHTS, cls.SUM_BY_NONZERO_WEIGHTS)

    @classmethod
    def validate(cls, key):
        if key not in cls.all():
            raise ValueError(f"Invalid Reduction Key {key}. Key should be one of {cls.all()}.")


_PREFIX = "weights can not be broadcast to values."


def _assert_broadcastable(weights, values):
    ws, vs = list(weights.shape), list(values.shape)
    if not ws:
        return
    if len(ws) != len(vs):
        raise ValueError(f"{_PREFIX} values.rank={len(vs)}. weights.rank={len(ws)}. "
                         f"values.shape={values.shape}. weights.shape={weights.shape}. "
                         f"Received weights={weights.numpy()}, values={values.numpy()}")
    for i, (w, v) in enumerate(zip(ws, vs, strict=True)):
        if w not in (1, v):
            raise ValueError(f"{_PREFIX} Mismatch at dim {i}. values.shape={np.array(vs)}, "
                             f"weights.shape={np.array(ws)}. Received weights="
                             f"{weights.numpy()}, values={values.numpy()}")


def _num_present(losses, weights):
    if isinstance(weights, float):
        weights = tf.constant(weights)
    if len(weights.shape) == 0 and bool(tf.not_equal(weights, 0.0)):
        return tf.cast(tf.size(losses), losses.dtype)
    weights = tf.cast(weights, "float32")
    present = tf.where(tf.equal(weights, 0.0), tf.zeros_like(weights), tf.ones_like(weights))
    return tf.reduce_sum(tf.multiply(present, tf.ones_like(losses)))


@export(v1=("losses.compute_weighted_loss",))
def compute_weighted_loss(losses, weights=1.0, scope=None, loss_collection="losses",
                          reduction=Reduction.SUM_BY_NONZERO_WEIGHTS):
    """Multiplies `losses` by `weights` (broadcast) and reduces them by `reduction`."""
    del scope, loss_collection
    Reduction.validate(reduction)
    losses = tf.convert_to_tensor(losses)
    weights_t = tf.convert_to_tensor(weights)
    _assert_broadcastable(weights_t, losses)
    input_dtype = losses.dtype
    losses = tf.cast(losses, "float32")
    weights_t = tf.cast(weights_t, "float32")
    loss = tf.multiply(losses, weights_t)
    if reduction != Reduction.NONE:
        loss = tf.reduce_sum(loss)
        if reduction == Reduction.MEAN:
            loss = divide_no_nan(loss, tf.reduce_sum(tf.ones_like(losses) * weights_t))
        elif reduction == Reduction.SUM_BY_NONZERO_WEIGHTS:
            loss = divide_no_nan(loss, _num_present(
                losses, weights if isinstance(weights, float) else weights_t))
        elif reduction == Reduction.SUM_OVER_BATCH_SIZE:
            loss = divide_no_nan(loss, tf.cast(tf.size(losses), losses.dtype))
    return tf.cast(loss, input_dtype)


def _pair(labels, predictions, names=("labels", "predictions")):
    for value, name in zip((labels, predictions), names, strict=True):
        if value is None:
            raise ValueError(f"Argument `{name}` must not be None.")
    predictions = tf.cast(predictions, "float32")
    labels = tf.cast(labels, "float32")
    if not predictions.shape.is_compatible_with(labels.shape):
        raise ValueError(f"Shapes {predictions.shape} and {labels.shape} are incompatible")
    return labels, predictions


_R = Reduction.SUM_BY_NONZERO_WEIGHTS


@export(v1=("losses.absolute_difference",))
def absolute_difference(labels, predictions, weights=1.0, scope=None, loss_collection="losses",
                        reduction=_R):
    labels, predictions = _pair(labels, predictions)
    losses = tf.abs(tf.subtract(predictions, labels))
    return compute_weighted_loss(losses, weights, scope, loss_collection, reduction)


@export(v1=("losses.mean_squared_error",))
def mean_squared_error(labels, predictions, weights=1.0, scope=None, loss_collection="losses",
                       reduction=_R):
    labels, predictions = _pair(labels, predictions)
    losses = tf.math.squared_difference(predictions, labels)
    return compute_weighted_loss(losses, weights, scope, loss_collection, reduction)


@export(v1=("losses.huber_loss",))
def huber_loss(labels, predictions, weights=1.0, delta=1.0, scope=None,
               loss_collection="losses", reduction=_R):
    labels, predictions = _pair(labels, predictions)
    abs_error = tf.abs(tf.subtract(predictions, labels))
    quadratic = tf.minimum(abs_error, delta)
    linear = tf.subtract(abs_error, quadratic)
    losses = tf.add(tf.multiply(tf.constant(0.5, quadratic.dtype),
                                tf.multiply(quadratic, quadratic)), tf.multiply(delta, linear))
    return compute_weighted_loss(losses, weights, scope, loss_collection, reduction)


@export(v1=("losses.log_loss",))
def log_loss(labels, predictions, weights=1.0, epsilon=1e-7, scope=None,
             loss_collection="losses", reduction=_R):
    labels, predictions = _pair(labels, predictions)
    losses = -tf.multiply(labels, tf.math.log(predictions + epsilon)) - tf.multiply(
        (1 - labels), tf.math.log(1 - predictions + epsilon))
    return compute_weighted_loss(losses, weights, scope, loss_collection, reduction)


@export(v1=("losses.hinge_loss",))
def hinge_loss(labels, logits, weights=1.0, scope=None, loss_collection="losses", reduction=_R):
    """Labels in {0, 1} become {-1, 1}; loss = relu(1 - labels * logits)."""
    labels, logits = _pair(labels, logits, ("labels", "logits"))
    ones = tf.ones_like(labels)
    labels = tf.subtract(2 * labels, ones)
    losses = tf.nn.relu(tf.subtract(ones, tf.multiply(labels, logits)))
    return compute_weighted_loss(losses, weights, scope, loss_collection, reduction)


@export(v1=("losses.cosine_distance",))
def cosine_distance(labels, predictions, axis=None, weights=1.0, scope=None,
                    loss_collection="losses", reduction=_R, dim=None):
    """1 - sum(labels * predictions, axis): the inputs are expected to be unit-normalised."""
    if dim is not None:
        if axis is not None:
            raise ValueError("Cannot specify both 'axis' and 'dim'")
        axis = dim
    if axis is None:
        raise ValueError("You must specify argument `axis`.")
    labels, predictions = _pair(labels, predictions)
    losses = 1 - tf.reduce_sum(tf.multiply(predictions, labels), axis=(axis,), keepdims=True)
    return compute_weighted_loss(losses, weights, scope, loss_collection, reduction)


@export(v1=("losses.sigmoid_cross_entropy",))
def sigmoid_cross_entropy(multi_class_labels, logits, weights=1.0, label_smoothing=0, scope=None,
                          loss_collection="losses", reduction=_R):
    if multi_class_labels is None:
        raise ValueError("Argument `multi_class_labels` must not be None.")
    if logits is None:
        raise ValueError("Argument `logits` must not be None.")
    logits = tf.convert_to_tensor(logits)
    labels = tf.cast(multi_class_labels, logits.dtype)
    if not logits.shape.is_compatible_with(labels.shape):
        raise ValueError(f"Shapes {logits.shape} and {labels.shape} are incompatible")
    if label_smoothing > 0:
        labels = labels * (1 - label_smoothing) + 0.5 * label_smoothing
    losses = tf.nn.sigmoid_cross_entropy_with_logits(labels=labels, logits=logits)
    return compute_weighted_loss(losses, weights, scope, loss_collection, reduction)


@export(v1=("losses.softmax_cross_entropy",))
def softmax_cross_entropy(onehot_labels, logits, weights=1.0, label_smoothing=0, scope=None,
                          loss_collection="losses", reduction=_R):
    if onehot_labels is None:
        raise ValueError("Argument `onehot_labels` must not be None.")
    if logits is None:
        raise ValueError("Argument `logits` must not be None.")
    logits = tf.convert_to_tensor(logits)
    labels = tf.cast(onehot_labels, logits.dtype)
    if not logits.shape.is_compatible_with(labels.shape):
        raise ValueError(f"Shapes {logits.shape} and {labels.shape} are incompatible")
    if label_smoothing > 0:
        num_classes = tf.cast(tf.shape(labels)[-1], logits.dtype)
        labels = labels * (1.0 - label_smoothing) + label_smoothing / num_classes
    labels = tf.stop_gradient(labels)
    losses = tf.nn.softmax_cross_entropy_with_logits(labels=labels, logits=logits)
    return compute_weighted_loss(losses, weights, scope, loss_collection, reduction)


@export(v1=("losses.sparse_softmax_cross_entropy",))
def sparse_softmax_cross_entropy(labels, logits, weights=1.0, scope=None,
                                 loss_collection="losses", reduction=_R):
    if labels is None:
        raise ValueError("Argument `labels` must not be None.")
    if logits is None:
        raise ValueError("Argument `logits` must not be None.")
    labels, logits = tf.convert_to_tensor(labels), tf.convert_to_tensor(logits)
    # Labels have one rank fewer than logits; a trailing size-1 axis on either is squeezed.
    diff = len(logits.shape) - len(labels.shape)
    if diff == 2 and logits.shape[-1] == 1:
        logits = tf.squeeze(logits, [-1])
    elif diff == 0 and labels.shape[-1] == 1:
        labels = tf.squeeze(labels, [-1])
    weights = tf.convert_to_tensor(weights)
    if len(weights.shape) - len(labels.shape) == 1:
        weights = tf.squeeze(weights, [-1])
    losses = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits)
    return compute_weighted_loss(losses, weights, scope, loss_collection, reduction)


@export(v1=("losses.add_loss",))
def add_loss(loss, loss_collection="losses"):
    """No-op: eager mode has no loss collections (as in TF)."""
    del loss, loss_collection


@export(v1=("losses.get_losses",))
def get_losses(scope=None, loss_collection="losses"):
    del scope, loss_collection
    return []


@export(v1=("losses.get_regularization_losses",))
def get_regularization_losses(scope=None):
    del scope
    return []


@export(v1=("losses.get_regularization_loss",))
def get_regularization_loss(scope=None, name="total_regularization_loss"):
    del scope, name
    return tf.constant(0.0)
