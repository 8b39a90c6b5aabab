"""GradientTape: every snippet in golden/optimizer_cases.py gives what TF 2.21 gave (golden/optimizer.json)."""

import json
import pathlib
import sys

import numpy as np
import pytest

import tfcompat as tf
from tfcompat._src.train.optimizer import UPDATE_CACHE

GOLDEN = pathlib.Path(__file__).parent / "golden"
sys.path.insert(0, str(GOLDEN))
from snippets import close, run  # noqa: E402
from optimizer_cases import CASES  # noqa: E402

EXPECTED = json.loads((GOLDEN / "optimizer.json").read_text())


def test_every_case_has_a_golden():
    assert sorted(EXPECTED) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_matches_tensorflow(name):
    # Structure, dtypes, shapes, Nones and errors exactly; float values to 1e-6 relative: XLA
    # fuses the replayed gradient (TF rounds after every op) and loops accumulate a few ulps.
    # The seed loops agree bit for bit (test_tape.py pins that).
    got = run(tf.compat.v1, CASES[name])
    assert close(got, EXPECTED[name], rtol=1e-6), (got, EXPECTED[name])


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
