"""Lazy forward values under a recording tape (tfcompat/_src/lazy.py): the mechanism, and that
values, errors and state are what eager execution gives."""

import subprocess
import sys

import numpy as np
import pytest

import tfcompat as tf
from tfcompat._src import lazy, registry


def _counts():
    stats = tf.debugging.cache_stats()
    return {k: stats.get(k, {}).get(c, 0) for k, c in (
        ("eager ops", "hits"), ("eager ops", "misses"), ("tape.gradient", "compilations"))}


def _seed_step(x, a, b, c, opt):
    with tf.GradientTape() as tape:
        y = a * tf.pow(x, 2) + b * x + c
    opt.apply_gradients([(tape.gradient(y, x), x)])
    return y


def test_recorded_ops_run_inside_the_gradient_call():
    x = tf.Variable(0.0)
    a, b, c = tf.constant(1.0), tf.constant(-2.0), tf.constant(1.0)
    opt = tf.compat.v1.train.GradientDescentOptimizer(0.01)
    for _ in range(3):
        _seed_step(x, a, b, c, opt)
    before = _counts()
    for _ in range(50):
        x_before = tf.constant(x.numpy())
        y = _seed_step(x, a, b, c, opt)
    after = _counts()
    # The five forward ops of each step ran in the gradient's jitted call, not as eager kernels,
    # and nothing compiled.
    assert after == before
    assert not lazy.pending(y)
    assert y.numpy() == (a * tf.pow(x_before, 2) + b * x_before + c).numpy()  # the eager value


def test_outputs_are_lazy_until_the_gradient():
    x = tf.Variable([1.0, 2.0])
    with tf.GradientTape() as tape:
        y = tf.reduce_sum(x * x)
    assert lazy.pending(y)
    assert y.shape == () and y.dtype == tf.float32   # known without computing
    g = tape.gradient(y, x)
    assert not lazy.pending(y)
    assert y.numpy() == 5.0 and g.numpy().tolist() == [2.0, 4.0]


def test_values_equal_eager_op_by_op_values_bit_for_bit():
    # XLA fuses a multiply and the next op's add into an FMA inside one program; the fused
    # gradient call must still give each op's own rounding, as eager kernels (and TF) do.
    rng = np.random.default_rng(0)
    a_, x_, b_, c_ = (rng.standard_normal(20000).astype(np.float32) for _ in range(4))
    x = tf.Variable(x_)
    a, b, c = tf.constant(a_), tf.constant(b_), tf.constant(c_)
    eager = (a * tf.pow(x, 2) + b * x + c).numpy()
    with tf.GradientTape() as tape:
        h = a * tf.pow(x, 2)
        y = h + b * x + c
    g = tape.gradient(y, x)
    assert np.array_equal(y.numpy(), eager)
    assert np.array_equal(h.numpy(), (a * tf.pow(x, 2)).numpy())
    np.testing.assert_allclose(g.numpy(), 2 * a_ * x_ + b_, rtol=1e-5, atol=1e-5)


def test_reading_a_value_before_the_gradient_realises_it():
    x = tf.Variable(3.0)
    with tf.GradientTape() as tape:
        y = x * x
        z = y * 2.0
        assert str(z) == "tf.Tensor(18.0, shape=(), dtype=float32)"
        w = z + 1.0
    assert tape.gradient(w, x).numpy() == 12.0
    assert w.numpy() == 19.0


def test_a_long_chain_realises_without_recursion():
    x = tf.Variable(1.0)
    with tf.GradientTape() as tape:
        y = x
        for _ in range(3000):
            y = y * 1.0001
        assert abs(float(y.numpy()) - 1.0001 ** 3000) < 1e-3
    assert abs(float(tape.gradient(y, x)) - 1.0001 ** 3000) < 1e-3


def test_shape_errors_raise_at_the_call():
    x = tf.Variable(tf.ones([2, 3]))
    with tf.GradientTape():
        with pytest.raises(tf.errors.InvalidArgumentError, match="Matrix size-incompatible"):
            tf.matmul(x, x)
        with pytest.raises(tf.errors.InvalidArgumentError, match="Incompatible shapes"):
            x + tf.ones([4])


def test_value_checks_stay_eager():
    logits = tf.Variable(tf.zeros([2, 3]))
    with tf.GradientTape():
        with pytest.raises(tf.errors.InvalidArgumentError, match="Received a label value of 7"):
            tf.nn.sparse_softmax_cross_entropy_with_logits(labels=[0, 7], logits=logits)
    assert registry.OPS["math.pow"].lazy == "inexact"


def test_negative_zero_survives_the_replay():
    x = tf.Variable(-0.0)
    with tf.GradientTape() as tape:
        y = 1.0 / x
    assert tape.gradient(y, x).numpy() == -np.inf
    assert y.numpy() == -np.inf


def test_nested_tapes_and_persistent_tapes():
    x = tf.Variable(1.5)
    with tf.GradientTape() as t2:
        with tf.GradientTape() as t1:
            y = tf.sin(x) * x * x
        d1 = t1.gradient(y, x)
    d2 = t2.gradient(d1, x)
    v = 1.5
    np.testing.assert_allclose(y.numpy(), np.sin(v) * v * v, rtol=1e-6)
    np.testing.assert_allclose(d2.numpy(), 2 * np.sin(v) + 4 * v * np.cos(v)
                               - v * v * np.sin(v), rtol=1e-5)
    with tf.GradientTape(persistent=True) as t:
        y = x * x
        z = y * x
    assert t.gradient(z, x).numpy() == pytest.approx(6.75)
    assert t.gradient(y, x).numpy() == 3.0 and z.numpy() == pytest.approx(3.375)


def test_first_gradient_inside_a_tf_function_in_a_fresh_process():
    # The gradient call's constant 1.0 must be made concretely even when the first gradient of
    # the process is traced inside a tf.function (a traced one leaked into later calls).
    code = """
import tfcompat as tf
w = tf.Variable([[0.0], [0.0]])
opt = tf.compat.v1.train.AdamOptimizer(0.1)
xs = tf.constant([[1.0, 2.0], [3.0, 4.0]])
@tf.function
def step():
    opt.minimize(lambda: tf.reduce_mean(tf.square(tf.matmul(xs, w) - 1.0)))
for _ in range(3):
    step()
print(w.numpy().ravel().tolist())
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    # Three Adam steps (lr 0.1) as TF computes them: eager TF 2.21 prints these values.
    np.testing.assert_allclose(eval(out.stdout), [0.250268816947937, 0.2566131353378296], rtol=1e-6)
