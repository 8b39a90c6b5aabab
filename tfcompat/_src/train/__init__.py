"""TF 1 training: optimizers, learning-rate decay functions, the global step."""

from tfcompat._src.train import optimizers, schedules, training_util  # noqa: F401 - exports
