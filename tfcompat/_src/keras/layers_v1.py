"""TF 1's `tf.layers` (`tf.compat.v1.layers`): the Keras 2 layers under TF 1 names and variable
scopes, as tf_keras's `legacy_tf_layers` serves them in TF 2.21.

Each class subclasses the Keras layer (the math is the Keras layer's) and this module's `Layer`,
which adds what TF 1 layers do differently:

- names: a layer is named `dense_1`, `dense_2`... (one-based, from the same per-session counter
  as Keras layers), while its variables live in a variable scope `dense`, `dense_1`... made
  unique among every scope opened in the process (the counter TF 1 optimizers' slot scopes use),
  so the first `tf.layers.Dense` is `dense_1` with `dense/kernel:0`;
- the functional forms (`tf.layers.dense(inputs, units, name='x')`) open the scope `name` as it
  is (no uniquifying), as does `reuse=True`; in eager mode variables are never shared, so reuse
  only names the scope;
- a layer built inside another TF 1 layer's call gets the outer scope as a prefix, one tracked
  by a `tfe.Network` the network's scope (as TF 1.15's Network gave it);
- dtype `None` means the dtype of the first input, and inputs are not cast (no autocast);
- like tf_keras's legacy layers, a `tf.layers.Layer` does not track layers assigned to its
  attributes: its `variables` are only those it created with `add_weight`.
"""

import threading
import warnings

from tfcompat._src import dtypes
from tfcompat._src.export import export
from tfcompat._src.keras import engine, layers_conv, layers_core, layers_norm
from tfcompat._src.keras.engine import _Scope, tf, to_snake_case, unique_name
from tfcompat._src.train.optimizer import _SCOPE_COUNTS, _unique_scope

_local = threading.local()


def _stack() -> list:
    if not hasattr(_local, "scopes"):
        _local.scopes = []
    return _local.scopes


def _prefixed(name: str) -> str:
    stack = _stack()
    return f"{stack[-1]}/{name}" if stack else name


def _open_scope(name: str) -> str:
    """`variable_scope(name)`: the name as given, counted so later default names avoid it."""
    _SCOPE_COUNTS[name] = _SCOPE_COUNTS.get(name, 0) + 1
    for k in _SCOPE_COUNTS:
        if k.startswith(name + "/"):
            _SCOPE_COUNTS[k] = 0
    return name


def _deprecated(fn_name, cls_name, depth=1, use="use"):
    """tf_keras's deprecation warning, pointing (stacklevel) at the line that called `fn_name`,
    `depth` frames above this one's caller."""
    warnings.warn(f"`tf.layers.{fn_name}` is deprecated and will be removed in a future "
                  f"version. Please {use} `tf.keras.layers.{cls_name}` instead.",
                  stacklevel=2 + depth)


@export(v1=("layers.Layer",))
class Layer(engine.Layer):
    """`tf.layers.Layer`: a Keras layer whose variables are named by TF 1 variable scopes."""

    def __init__(self, trainable=True, name=None, dtype=None, **kwargs):
        scope = kwargs.pop("_scope", None)
        self._reuse = kwargs.pop("_reuse", None)
        base = to_snake_case(type(self).__name__)
        given = bool(name)
        if name:
            base = name
        else:
            name = unique_name(base, zero_based=False)
        self._base_name = base
        self._dtype_known = dtype is not None
        super().__init__(trainable=trainable, name=name, dtype=dtype, **kwargs)
        self._explicit_name = given  # tfe.Network renames only anonymous layers
        self._autocast = False
        self._scope = _open_scope(_prefixed(scope)) if scope else None

    @property
    def dtype(self):
        return self._dtype.name if self._dtype_known else None

    @property
    def scope_name(self):
        if not self._scope:
            raise ValueError(
                f'No name available for layer scope because the layer "{self._name}" has not '
                "been used yet. The scope name  is determined the first time the layer "
                "instance is called. You must therefore call the layer before querying "
                "`scope_name`.")
        return self._scope

    @property
    def graph(self):
        raise RuntimeError("Layer.graph not supported when executing eagerly.")

    def _self_tracked(self):
        return []

    def _set_scope(self, scope=None):
        if self._scope is not None:
            return
        parent = getattr(self, "_tfe_first_parent", None)
        if parent is not None and parent() is not None and engine._scopes():
            # A tfe.Network's sublayer (TF 1.15): '<network scope>/<name the network gave>'.
            self._scope = _unique_scope("/".join([*engine._scopes(), self._name]))
            return
        if self._reuse or scope is not None:
            self._scope = _open_scope(_prefixed(scope if scope is not None else self._base_name))
        else:
            self._scope = _unique_scope(_prefixed(self._base_name))

    def add_weight(self, name=None, shape=None, dtype=None, initializer=None, regularizer=None,
                   trainable=None, constraint=None, **kwargs):
        self._set_scope(None)
        trainable = (True if trainable is None else trainable) and self.trainable
        with _Scope(self._scope, reset=True):
            return super().add_weight(name, shape, dtype=dtype, initializer=initializer,
                                      regularizer=regularizer, trainable=trainable,
                                      constraint=constraint, **kwargs)

    def apply(self, *args, **kwargs):
        return self(*args, **kwargs)

    def __call__(self, inputs, *args, **kwargs):
        self._set_scope(kwargs.pop("scope", None))
        if not self._dtype_known:
            first = engine._flat(inputs)
            if first:
                self._dtype = dtypes.as_dtype(first[0].dtype).base_dtype
                self._dtype_known = True
        _stack().append(self._scope)
        try:
            return super().__call__(inputs, *args, **kwargs)
        finally:
            _stack().pop()


# -- core --------------------------------------------------------------------------------------

@export(v1=("layers.Dense",))
class Dense(layers_core.Dense, Layer):
    def __init__(self, units, activation=None, use_bias=True, kernel_initializer=None,
                 bias_initializer="zeros", kernel_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, kernel_constraint=None, bias_constraint=None,
                 trainable=True, name=None, **kwargs):
        super().__init__(units=units, activation=activation, use_bias=use_bias,
                         kernel_initializer=kernel_initializer,
                         bias_initializer=bias_initializer,
                         kernel_regularizer=kernel_regularizer,
                         bias_regularizer=bias_regularizer,
                         activity_regularizer=activity_regularizer,
                         kernel_constraint=kernel_constraint, bias_constraint=bias_constraint,
                         trainable=trainable, name=name, **kwargs)


@export(v1=("layers.dense",))
def dense(inputs, units, activation=None, use_bias=True, kernel_initializer=None,
          bias_initializer="zeros", kernel_regularizer=None, bias_regularizer=None,
          activity_regularizer=None, kernel_constraint=None, bias_constraint=None,
          trainable=True, name=None, reuse=None):
    """`tf.layers.Dense(...)(inputs)`, in the variable scope `name` when one is given."""
    _deprecated("dense", "Dense")
    layer = Dense(units, activation=activation, use_bias=use_bias,
                  kernel_initializer=kernel_initializer, bias_initializer=bias_initializer,
                  kernel_regularizer=kernel_regularizer, bias_regularizer=bias_regularizer,
                  activity_regularizer=activity_regularizer, kernel_constraint=kernel_constraint,
                  bias_constraint=bias_constraint, trainable=trainable, name=name, _scope=name,
                  _reuse=reuse)
    return layer(inputs)


@export(v1=("layers.Dropout",))
class Dropout(layers_core.Dropout, Layer):
    def __init__(self, rate=0.5, noise_shape=None, seed=None, name=None, **kwargs):
        super().__init__(rate=rate, noise_shape=noise_shape, seed=seed, name=name, **kwargs)

    def call(self, inputs, training=False):
        return super().call(inputs, training=training)


@export(v1=("layers.dropout",))
def dropout(inputs, rate=0.5, noise_shape=None, seed=None, training=False, name=None):
    """Dropout of `inputs` when `training` (False by default: the identity)."""
    _deprecated("dropout", "Dropout")
    layer = Dropout(rate, noise_shape=noise_shape, seed=seed, name=name)
    return layer(inputs, training=training)


@export(v1=("layers.Flatten",))
class Flatten(layers_core.Flatten, Layer):
    pass


@export(v1=("layers.flatten",))
def flatten(inputs, name=None, data_format="channels_last"):
    """`inputs` reshaped to `(batch, -1)`."""
    _deprecated("flatten", "Flatten")
    return Flatten(name=name, data_format=data_format)(inputs)


# -- convolutions ------------------------------------------------------------------------------

def _conv_args(filters, kernel_size, strides, padding, data_format, activation, use_bias,
               kernel_initializer, bias_initializer, kernel_regularizer, bias_regularizer,
               activity_regularizer, kernel_constraint, bias_constraint, trainable, name,
               kwargs):
    return dict(filters=filters, kernel_size=kernel_size, strides=strides, padding=padding,
                data_format=data_format, activation=activation, use_bias=use_bias,
                kernel_initializer=kernel_initializer, bias_initializer=bias_initializer,
                kernel_regularizer=kernel_regularizer, bias_regularizer=bias_regularizer,
                activity_regularizer=activity_regularizer, kernel_constraint=kernel_constraint,
                bias_constraint=bias_constraint, trainable=trainable, name=name, **kwargs)


@export(v1=("layers.Conv1D",))
class Conv1D(layers_conv.Conv1D, Layer):
    def __init__(self, filters, kernel_size, strides=1, padding="valid",
                 data_format="channels_last", dilation_rate=1, activation=None, use_bias=True,
                 kernel_initializer=None, bias_initializer="zeros", kernel_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
                 bias_constraint=None, trainable=True, name=None, **kwargs):
        super().__init__(**_conv_args(
            filters, kernel_size, strides, padding, data_format, activation, use_bias,
            kernel_initializer, bias_initializer, kernel_regularizer, bias_regularizer,
            activity_regularizer, kernel_constraint, bias_constraint, trainable, name,
            dict(kwargs, dilation_rate=dilation_rate)))


@export(v1=("layers.Conv2D",))
class Conv2D(layers_conv.Conv2D, Layer):
    def __init__(self, filters, kernel_size, strides=(1, 1), padding="valid",
                 data_format="channels_last", dilation_rate=(1, 1), activation=None,
                 use_bias=True, kernel_initializer=None, bias_initializer="zeros",
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, trainable=True, name=None,
                 **kwargs):
        super().__init__(**_conv_args(
            filters, kernel_size, strides, padding, data_format, activation, use_bias,
            kernel_initializer, bias_initializer, kernel_regularizer, bias_regularizer,
            activity_regularizer, kernel_constraint, bias_constraint, trainable, name,
            dict(kwargs, dilation_rate=dilation_rate)))


@export(v1=("layers.Conv2DTranspose",))
class Conv2DTranspose(layers_conv.Conv2DTranspose, Layer):
    def __init__(self, filters, kernel_size, strides=(1, 1), padding="valid",
                 data_format="channels_last", activation=None, use_bias=True,
                 kernel_initializer=None, bias_initializer="zeros", kernel_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
                 bias_constraint=None, trainable=True, name=None, **kwargs):
        super().__init__(**_conv_args(
            filters, kernel_size, strides, padding, data_format, activation, use_bias,
            kernel_initializer, bias_initializer, kernel_regularizer, bias_regularizer,
            activity_regularizer, kernel_constraint, bias_constraint, trainable, name, kwargs))


@export(v1=("layers.SeparableConv2D",))
class SeparableConv2D(layers_conv.SeparableConv2D, Layer):
    def __init__(self, filters, kernel_size, strides=(1, 1), padding="valid",
                 data_format="channels_last", dilation_rate=(1, 1), depth_multiplier=1,
                 activation=None, use_bias=True, depthwise_initializer=None,
                 pointwise_initializer=None, bias_initializer="zeros",
                 depthwise_regularizer=None, pointwise_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, depthwise_constraint=None,
                 pointwise_constraint=None, bias_constraint=None, trainable=True, name=None,
                 **kwargs):
        super().__init__(
            filters=filters, kernel_size=kernel_size, strides=strides, padding=padding,
            data_format=data_format, dilation_rate=dilation_rate,
            depth_multiplier=depth_multiplier, activation=activation, use_bias=use_bias,
            depthwise_initializer=depthwise_initializer,
            pointwise_initializer=pointwise_initializer, bias_initializer=bias_initializer,
            depthwise_regularizer=depthwise_regularizer,
            pointwise_regularizer=pointwise_regularizer, bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            depthwise_constraint=depthwise_constraint,
            pointwise_constraint=pointwise_constraint, bias_constraint=bias_constraint,
            trainable=trainable, name=name, **kwargs)


def _conv_fn(cls, fn_name, inputs, reuse, name, **kwargs):
    _deprecated(fn_name, cls.__name__, depth=2, use="Use")  # sic: tf_keras's capital U
    return cls(name=name, _scope=name, _reuse=reuse, **kwargs)(inputs)


@export(v1=("layers.conv1d",))
def conv1d(inputs, filters, kernel_size, strides=1, padding="valid",
           data_format="channels_last", dilation_rate=1, activation=None, use_bias=True,
           kernel_initializer=None, bias_initializer="zeros", kernel_regularizer=None,
           bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
           bias_constraint=None, trainable=True, name=None, reuse=None):
    """`tf.layers.Conv1D(...)(inputs)`."""
    return _conv_fn(Conv1D, "conv1d", inputs, reuse, name, filters=filters,
                    kernel_size=kernel_size, strides=strides, padding=padding,
                    data_format=data_format, dilation_rate=dilation_rate, activation=activation,
                    use_bias=use_bias, kernel_initializer=kernel_initializer,
                    bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
                    bias_regularizer=bias_regularizer, activity_regularizer=activity_regularizer,
                    kernel_constraint=kernel_constraint, bias_constraint=bias_constraint,
                    trainable=trainable)


@export(v1=("layers.conv2d",))
def conv2d(inputs, filters, kernel_size, strides=(1, 1), padding="valid",
           data_format="channels_last", dilation_rate=(1, 1), activation=None, use_bias=True,
           kernel_initializer=None, bias_initializer="zeros", kernel_regularizer=None,
           bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
           bias_constraint=None, trainable=True, name=None, reuse=None):
    """`tf.layers.Conv2D(...)(inputs)`."""
    return _conv_fn(Conv2D, "conv2d", inputs, reuse, name, filters=filters,
                    kernel_size=kernel_size, strides=strides, padding=padding,
                    data_format=data_format, dilation_rate=dilation_rate, activation=activation,
                    use_bias=use_bias, kernel_initializer=kernel_initializer,
                    bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
                    bias_regularizer=bias_regularizer, activity_regularizer=activity_regularizer,
                    kernel_constraint=kernel_constraint, bias_constraint=bias_constraint,
                    trainable=trainable)


@export(v1=("layers.conv2d_transpose",))
def conv2d_transpose(inputs, filters, kernel_size, strides=(1, 1), padding="valid",
                     data_format="channels_last", activation=None, use_bias=True,
                     kernel_initializer=None, bias_initializer="zeros",
                     kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                     kernel_constraint=None, bias_constraint=None, trainable=True, name=None,
                     reuse=None):
    """`tf.layers.Conv2DTranspose(...)(inputs)`."""
    return _conv_fn(Conv2DTranspose, "conv2d_transpose", inputs, reuse, name, filters=filters,
                    kernel_size=kernel_size, strides=strides, padding=padding,
                    data_format=data_format, activation=activation, use_bias=use_bias,
                    kernel_initializer=kernel_initializer, bias_initializer=bias_initializer,
                    kernel_regularizer=kernel_regularizer, bias_regularizer=bias_regularizer,
                    activity_regularizer=activity_regularizer,
                    kernel_constraint=kernel_constraint, bias_constraint=bias_constraint,
                    trainable=trainable)


@export(v1=("layers.separable_conv2d",))
def separable_conv2d(inputs, filters, kernel_size, strides=(1, 1), padding="valid",
                     data_format="channels_last", dilation_rate=(1, 1), depth_multiplier=1,
                     activation=None, use_bias=True, depthwise_initializer=None,
                     pointwise_initializer=None, bias_initializer="zeros",
                     depthwise_regularizer=None, pointwise_regularizer=None,
                     bias_regularizer=None, activity_regularizer=None, depthwise_constraint=None,
                     pointwise_constraint=None, bias_constraint=None, trainable=True, name=None,
                     reuse=None):
    """`tf.layers.SeparableConv2D(...)(inputs)`."""
    return _conv_fn(SeparableConv2D, "separable_conv2d", inputs, reuse, name, filters=filters,
                    kernel_size=kernel_size, strides=strides, padding=padding,
                    data_format=data_format, dilation_rate=dilation_rate,
                    depth_multiplier=depth_multiplier, activation=activation,
                    use_bias=use_bias, depthwise_initializer=depthwise_initializer,
                    pointwise_initializer=pointwise_initializer,
                    bias_initializer=bias_initializer,
                    depthwise_regularizer=depthwise_regularizer,
                    pointwise_regularizer=pointwise_regularizer,
                    bias_regularizer=bias_regularizer, activity_regularizer=activity_regularizer,
                    depthwise_constraint=depthwise_constraint,
                    pointwise_constraint=pointwise_constraint, bias_constraint=bias_constraint,
                    trainable=trainable)


# -- pooling -----------------------------------------------------------------------------------

class _Pool1D(layers_conv._Pool2D):
    """1-D pooling as Keras 2 computes it: a 2-D pooling over `(steps, 1)` windows."""

    def __init__(self, pool_size, strides, padding="valid", data_format=None, **kwargs):
        pool = layers_conv._tuple(pool_size, 1, "pool_size")
        step = pool if strides is None else layers_conv._tuple(strides, 1, "strides")
        super().__init__(pool + (1,), step + (1,), padding, data_format, **kwargs)

    def call(self, inputs):
        return tf.squeeze(super().call(tf.expand_dims(inputs, 2)), 2)


def _pool_class(base, pool, cls_name):
    def __init__(self, pool_size, strides, padding="valid", data_format="channels_last",  # noqa: N807
                 name=None, **kwargs):
        if strides is None:
            raise ValueError("Argument `strides` must not be None.")
        base.__init__(self, pool_size=pool_size, strides=strides, padding=padding,
                      data_format=data_format, name=name, **kwargs)

    __init__.__qualname__ = f"{cls_name}.__init__"
    cls = type(cls_name, (base, Layer), {"__init__": __init__, "_pool": staticmethod(pool),
                                        "__module__": __name__})
    return export(v1=(f"layers.{cls_name}",))(cls)


MaxPooling1D = _pool_class(_Pool1D, layers_conv.MaxPooling2D._pool, "MaxPooling1D")
AveragePooling1D = _pool_class(_Pool1D, layers_conv.AveragePooling2D._pool, "AveragePooling1D")
MaxPooling2D = _pool_class(layers_conv.MaxPooling2D, layers_conv.MaxPooling2D._pool,
                           "MaxPooling2D")
AveragePooling2D = _pool_class(layers_conv.AveragePooling2D, layers_conv.AveragePooling2D._pool,
                               "AveragePooling2D")


def _pool_fn(cls, fn_name):
    def pool(inputs, pool_size, strides, padding="valid", data_format="channels_last",
             name=None):
        _deprecated(fn_name, cls.__name__)
        return cls(pool_size=pool_size, strides=strides, padding=padding,
                   data_format=data_format, name=name)(inputs)
    pool.__name__ = pool.__qualname__ = fn_name
    pool.__doc__ = f"`tf.layers.{cls.__name__}(...)(inputs)`."
    return export(v1=(f"layers.{fn_name}",))(pool)


max_pooling1d = _pool_fn(MaxPooling1D, "max_pooling1d")
average_pooling1d = _pool_fn(AveragePooling1D, "average_pooling1d")
max_pooling2d = _pool_fn(MaxPooling2D, "max_pooling2d")
average_pooling2d = _pool_fn(AveragePooling2D, "average_pooling2d")


# -- normalization -----------------------------------------------------------------------------

@export(v1=("layers.BatchNormalization",))
class BatchNormalization(layers_norm.BatchNormalization, Layer):
    """TF 1's batch normalization; `training` is False unless given. Renormalization, virtual
    batches and `adjustment` are not supported (NotImplementedError); `fused` is accepted and
    ignored (one implementation serves all ranks)."""

    def __init__(self, axis=-1, momentum=0.99, epsilon=1e-3, center=True, scale=True,
                 beta_initializer="zeros", gamma_initializer="ones",
                 moving_mean_initializer="zeros", moving_variance_initializer="ones",
                 beta_regularizer=None, gamma_regularizer=None, beta_constraint=None,
                 gamma_constraint=None, renorm=False, renorm_clipping=None,
                 renorm_momentum=0.99, fused=None, trainable=True, virtual_batch_size=None,
                 adjustment=None, name=None, **kwargs):
        if renorm or virtual_batch_size is not None or adjustment is not None:
            raise NotImplementedError("tfcompat's tf.layers.BatchNormalization does not support "
                                      "renorm, virtual_batch_size or adjustment.")
        super().__init__(axis=axis, momentum=momentum, epsilon=epsilon, center=center,
                         scale=scale, beta_initializer=beta_initializer,
                         gamma_initializer=gamma_initializer,
                         moving_mean_initializer=moving_mean_initializer,
                         moving_variance_initializer=moving_variance_initializer,
                         beta_regularizer=beta_regularizer, gamma_regularizer=gamma_regularizer,
                         beta_constraint=beta_constraint, gamma_constraint=gamma_constraint,
                         trainable=trainable, name=name, **kwargs)
        self.fused = fused

    def call(self, inputs, training=False):
        return super().call(inputs, training=training)


@export(v1=("layers.batch_normalization",))
def batch_normalization(inputs, axis=-1, momentum=0.99, epsilon=1e-3, center=True, scale=True,
                        beta_initializer="zeros", gamma_initializer="ones",
                        moving_mean_initializer="zeros", moving_variance_initializer="ones",
                        beta_regularizer=None, gamma_regularizer=None, beta_constraint=None,
                        gamma_constraint=None, training=False, trainable=True, name=None,
                        reuse=None, renorm=False, renorm_clipping=None, renorm_momentum=0.99,
                        fused=None, virtual_batch_size=None, adjustment=None):
    """`tf.layers.BatchNormalization(...)(inputs, training=training)`: batch statistics (and
    moving-average updates) when `training`, the moving statistics otherwise."""
    warnings.warn("`tf.layers.batch_normalization` is deprecated and will be removed in a "
                  "future version. Please use `tf.keras.layers.BatchNormalization` instead. "
                  "In particular, `tf.control_dependencies(tf.GraphKeys.UPDATE_OPS)` should "
                  "not be used (consult the `tf.keras.layers.BatchNormalization` "
                  "documentation).", stacklevel=2)
    layer = BatchNormalization(
        axis=axis, momentum=momentum, epsilon=epsilon, center=center, scale=scale,
        beta_initializer=beta_initializer, gamma_initializer=gamma_initializer,
        moving_mean_initializer=moving_mean_initializer,
        moving_variance_initializer=moving_variance_initializer,
        beta_regularizer=beta_regularizer, gamma_regularizer=gamma_regularizer,
        beta_constraint=beta_constraint, gamma_constraint=gamma_constraint, renorm=renorm,
        renorm_clipping=renorm_clipping, renorm_momentum=renorm_momentum, fused=fused,
        trainable=trainable, virtual_batch_size=virtual_batch_size, adjustment=adjustment,
        name=name, _reuse=reuse, _scope=name)
    return layer(inputs, training=training)
