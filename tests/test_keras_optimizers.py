"""tf.keras optimizers and schedules against TensorFlow 2.21's recorded behaviour."""

import pytest

import tfcompat as tf
from tests.golden.core_eval import check, load


@pytest.mark.parametrize("case", load("keras_optimizers"), ids=lambda c: c["id"])
def test_matches_tensorflow(case):
    check(tf, case)


def _loop(opt, steps=20, dtype="float32"):
    import numpy as np
    vs = [tf.Variable(np.ones(3, dtype)), tf.Variable(np.ones((2, 2), dtype))]
    for _ in range(steps):
        opt.apply_gradients([(2.0 * v, v) for v in vs])
    return vs


@pytest.mark.parametrize("make", [
    lambda: tf.keras.optimizers.Adam(0.1, clipnorm=1.0),
    lambda: tf.keras.optimizers.SGD(tf.keras.optimizers.schedules.CosineDecay(0.1, 10),
                                    momentum=0.9, weight_decay=0.01),
    lambda: tf.keras.optimizers.Nadam(use_ema=True),
])
def test_training_loop_compiles_once(make):
    from tfcompat._src.keras.base import UPDATE_CACHE
    before = UPDATE_CACHE.compilations
    _loop(make(), dtype="float16")   # a structure no other test uses
    assert UPDATE_CACHE.compilations == before + 1
    _loop(make(), dtype="float16")   # a second optimizer of the same kind reuses it
    assert UPDATE_CACHE.compilations == before + 1


def test_aliases():
    assert tf.keras.optimizers.Adam is tf.compat.v1.keras.optimizers.Adam
    assert tf.keras.Optimizer is tf.keras.optimizers.Optimizer
    assert tf.keras.optimizers.schedules.ExponentialDecay is \
        tf.compat.v2.keras.optimizers.schedules.ExponentialDecay
