"""tf.function: the cases of tests/golden/function.json (recorded from TF 2.21), plus the
mechanism: one trace per signature, one compile, Python side effects at trace time only."""

import pytest

import tfcompat as tf
from tests.golden.core_eval import check, load


@pytest.mark.parametrize("case", load("function"), ids=lambda c: c["id"])
def test_matches_tensorflow(case):
    check(tf, case)


def test_training_step_compiles_once_and_prints_every_call(capfd):
    x = tf.Variable(0.0)
    opt = tf.train.GradientDescentOptimizer(0.1)
    traced = []

    @tf.function
    def step(target):
        traced.append(1)
        with tf.GradientTape() as tape:
            loss = tf.square(x - target)
        opt.apply_gradients([(tape.gradient(loss, x), x)])
        tf.print("loss", loss)
        return loss

    for _ in range(5):
        step(tf.constant(1.0))
    assert len(traced) == 1 and step.experimental_get_tracing_count() == 1
    assert capfd.readouterr().err.count("loss") == 5
    assert float(x) == pytest.approx(1 - 0.8**5, rel=1e-6)


def test_random_ops_draw_anew_at_each_call():
    tf.random.set_seed(7)

    @tf.function
    def draw():
        return tf.random.uniform([4])

    first, second = draw().numpy(), draw().numpy()
    assert draw.experimental_get_tracing_count() == 1
    assert (first != second).all() and ((0 <= first) & (first < 1)).all()
