"""`tf.keras.layers.BatchNormalization` and `LayerNormalization` (Keras 2)."""

import numpy as np

from tfcompat._src.export import export
from tfcompat._src.keras import initializers, regularizers
from tfcompat._src.keras.engine import Layer, tf

_L = "keras.layers."


class _Norm(Layer):
    def __init__(self, axis=-1, epsilon=1e-3, center=True, scale=True, beta_initializer="zeros",
                 gamma_initializer="ones", beta_regularizer=None, gamma_regularizer=None,
                 beta_constraint=None, gamma_constraint=None, **kwargs):
        super().__init__(**kwargs)
        self.axis = axis
        self.epsilon, self.center, self.scale = epsilon, center, scale
        self.beta_initializer = initializers.get(beta_initializer)
        self.gamma_initializer = initializers.get(gamma_initializer)
        self.beta_regularizer = regularizers.get(beta_regularizer)
        self.gamma_regularizer = regularizers.get(gamma_regularizer)
        self.beta_constraint, self.gamma_constraint = beta_constraint, gamma_constraint

    def _axes(self, rank):
        axes = [self.axis] if isinstance(self.axis, int) else list(self.axis)
        out = []
        for a in axes:
            if not -rank <= a < rank:
                raise ValueError(f"Invalid axis: {a}")
            out.append(a % rank)
        return sorted(out)

    def _build_affine(self, shape):
        self.gamma = self.add_weight("gamma", shape=shape, initializer=self.gamma_initializer,
                                     regularizer=self.gamma_regularizer,
                                     constraint=self.gamma_constraint) if self.scale else None
        self.beta = self.add_weight("beta", shape=shape, initializer=self.beta_initializer,
                                    regularizer=self.beta_regularizer,
                                    constraint=self.beta_constraint) if self.center else None

    def _broadcast(self, v, rank):
        if v is None or rank == len(self._param_axes) + 0 or self._param_axes == [rank - 1]:
            return v
        shape = [1] * rank
        for a in self._param_axes:
            shape[a] = self._input_shape[a]
        return tf.reshape(v, shape)


@export(_L + "BatchNormalization")
class BatchNormalization(_Norm):
    """Normalizes by the batch's statistics when training (updating the moving mean and
    variance by `moving -= (moving - batch) * (1 - momentum)`, with the biased batch variance, or
    the unbiased one for 4-D inputs, where Keras 2 runs TF's fused kernel) and by the moving
    statistics otherwise. Keras 2 uses TF's fused kernel for 4-D inputs; here one
    path serves all ranks, so results may differ from TF's in the last bits."""

    def __init__(self, axis=-1, momentum=0.99, epsilon=1e-3, center=True, scale=True,
                 beta_initializer="zeros", gamma_initializer="ones",
                 moving_mean_initializer="zeros", moving_variance_initializer="ones",
                 beta_regularizer=None, gamma_regularizer=None, beta_constraint=None,
                 gamma_constraint=None, synchronized=False, **kwargs):
        super().__init__(axis, epsilon, center, scale, beta_initializer, gamma_initializer,
                         beta_regularizer, gamma_regularizer, beta_constraint, gamma_constraint,
                         **kwargs)
        self.momentum = momentum
        self.moving_mean_initializer = initializers.get(moving_mean_initializer)
        self.moving_variance_initializer = initializers.get(moving_variance_initializer)

    def build(self, input_shape):
        rank = len(input_shape)
        self._param_axes = self._axes(rank)
        self._input_shape = list(input_shape)
        shape = tuple(input_shape[a] for a in self._param_axes)
        self._build_affine(shape)
        self.moving_mean = self.add_weight("moving_mean", shape=shape, trainable=False,
                                           initializer=self.moving_mean_initializer)
        self.moving_variance = self.add_weight("moving_variance", shape=shape, trainable=False,
                                               initializer=self.moving_variance_initializer)
        self.built = True

    def call(self, inputs, training=None):
        rank = inputs.shape.rank
        if training is None or not self.trainable:
            training = False
        reduce = [a for a in range(rank) if a not in self._param_axes]
        b = lambda v: self._broadcast(v, rank)  # noqa: E731
        if training:
            mean, var = tf.nn.moments(inputs, reduce, keepdims=False)
            decay = tf.constant(1.0 - self.momentum, self.moving_mean.dtype)
            moving_var = var
            n = int(np.prod([inputs.shape[a] for a in reduce]))
            if rank == 4 and self._param_axes in ([1], [3]) and n > 1:
                # Keras 2 runs TF's fused kernel here, whose moving variance takes the
                # unbiased (Bessel-corrected) batch variance.
                moving_var = var * tf.constant(n / (n - 1), var.dtype)
            for moving, value in ((self.moving_mean, mean), (self.moving_variance, moving_var)):
                moving.assign_sub((moving - value) * decay)
        else:
            mean, var = self.moving_mean, self.moving_variance
        return tf.nn.batch_normalization(inputs, b(mean), b(var), b(self.beta), b(self.gamma),
                                         self.epsilon)


@export(_L + "LayerNormalization")
class LayerNormalization(_Norm):
    """Normalizes each example over `axis` (the last by default), then scales and shifts."""

    def build(self, input_shape):
        rank = len(input_shape)
        self._param_axes = self._axes(rank)
        self._input_shape = list(input_shape)
        self._build_affine(tuple(input_shape[a] for a in self._param_axes))
        self.built = True

    def call(self, inputs):
        rank = inputs.shape.rank
        mean, var = tf.nn.moments(inputs, self._param_axes, keepdims=True)
        b = lambda v: self._broadcast(v, rank)  # noqa: E731
        return tf.nn.batch_normalization(inputs, mean, var, b(self.beta), b(self.gamma),
                                         self.epsilon)
