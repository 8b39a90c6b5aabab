"""TF 1 optimizers: the 'optimizer' cases of tests/golden/core.json (snippets in
golden/optimizer_cases.py, recorded from TF 2.21 by golden/record_core.py), plus compile counts
and failure atomicity."""

import numpy as np
import pytest

import tfcompat as tf
from tests.golden.core_eval import check, load
from tfcompat._src.train.optimizer import UPDATE_CACHE


@pytest.mark.parametrize("case", load("optimizer"), ids=lambda c: c["id"])
def test_matches_tensorflow(case):
    check(tf, case)


def test_update_compiles_once_per_variable_structure():
    x = tf.Variable([1.0, 2.0])
    opt = tf.train.GradientDescentOptimizer(0.1)
    before = UPDATE_CACHE.compilations
    for _ in range(50):
        opt.apply_gradients([(tf.constant([1.0, 1.0]), x)])
    assert UPDATE_CACHE.compilations - before <= 1
    np.testing.assert_allclose(x.numpy(), [-4.0, -3.0], rtol=1e-5)


def test_failed_apply_changes_nothing():
    x = tf.Variable([1.0, 2.0])
    y = tf.Variable(3.0)
    opt = tf.train.GradientDescentOptimizer(0.1)
    with pytest.raises(tf.errors.InvalidArgumentError, match='same shape'):
        opt.apply_gradients([(tf.constant(1.0), y), (tf.constant([1.0, 2.0, 3.0]), x)])
    assert y.numpy() == np.float32(3.0)
    np.testing.assert_array_equal(x.numpy(), [1.0, 2.0])
