"""The TF 1 optimizers, each a short optax transform over the Optimizer base."""

import optax

from tfcompat._src.export import export
from tfcompat._src.train.optimizer import Optimizer


@export(v1=("train.GradientDescentOptimizer",))
class GradientDescentOptimizer(Optimizer):
    """`tf.compat.v1.train.GradientDescentOptimizer`: var -= learning_rate * grad."""

    _hyper_names = ("learning_rate",)

    def __init__(self, learning_rate, use_locking=False, name="GradientDescent"):
        super().__init__(use_locking, name)
        self._learning_rate = learning_rate

    @staticmethod
    def _transform(hyper, **static):
        return optax.sgd(hyper["learning_rate"])
