"""`tf.keras` as tfcompat serves it (Keras 2 semantics for layers, models, losses and metrics;
TF 2.21's for optimizers and schedules). Importing the modules registers their exports."""

from tfcompat._src.keras import (  # noqa: F401
    datasets,
    initializers_v1,  # TF 1's tf.*_initializer / tf.initializers
    layers_conv,
    layers_norm,
    layers_rnn,
    layers_v1,  # TF 1's tf.layers
    metrics,  # also losses, utils and the TF 1 losses
    models,
    optimizers,
    schedules,
)
