"""TensorFlow checkpoints: the tensor bundle format, object graphs, tf.train.Checkpoint."""

from tfcompat._src.checkpoint import checkpoint, module, saver, state  # noqa: F401 - exports
