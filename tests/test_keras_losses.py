"""tf.keras losses and metrics (Keras 2 semantics) and tf.compat.v1.losses against TF 2.21."""

import pytest

import tfcompat as tf
from tests.golden.core_eval import check, load


@pytest.mark.parametrize("case", load("keras_losses"), ids=lambda c: c["id"])
def test_matches_tensorflow(case):
    check(tf, case)


def test_metric_state_is_variables():
    m = tf.keras.metrics.AUC(num_thresholds=4)
    assert all(isinstance(v, tf.Variable) for v in m.variables)
    assert [v.shape.as_list() for v in m.variables] == [[4]] * 4


def test_loss_is_recorded_on_tape():
    v = tf.Variable([[0.2, 0.8]])
    with tf.GradientTape() as t:
        loss = tf.keras.losses.CategoricalCrossentropy()([[0.0, 1.0]], v)
    assert t.gradient(loss, v) is not None
