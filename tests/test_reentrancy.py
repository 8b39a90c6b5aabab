"""Re-entrant tape use: tapes inside a custom_gradient's forward and backward functions, nested
persistent tapes, gradients requested again and again.

Expected values were checked against TensorFlow 2.21 (the same programs, run with
`import tensorflow as tf`, print the same numbers); they are also the closed-form derivatives.
"""

import numpy as np
import pytest

import tfcompat as tf


def test_tape_inside_custom_gradient_forward():
    @tf.custom_gradient
    def f(x):
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = x ** 3
        dy = inner.gradient(y, x)  # 3x^2, used by the custom gradient below

        def grad(upstream):
            return upstream * dy * 2.0
        return y, grad

    x = tf.constant(2.0)
    with tf.GradientTape() as outer:
        outer.watch(x)
        z = f(x)
    assert float(z) == 8.0
    assert float(outer.gradient(z, x)) == 24.0  # 2 * 3 * 2^2


def test_tape_inside_custom_gradient_backward():
    @tf.custom_gradient
    def g(x):
        def grad(upstream):
            with tf.GradientTape() as t:
                t.watch(x)
                s = tf.sin(x)
            return upstream * t.gradient(s, x)  # cos(x)
        return x * 1.0, grad

    x = tf.constant(0.5)
    with tf.GradientTape() as outer:
        outer.watch(x)
        z = g(x) * 3.0
    np.testing.assert_allclose(outer.gradient(z, x).numpy(), 3 * np.cos(np.float32(0.5)),
                               rtol=1e-6)


def test_persistent_tape_used_twice_inside_custom_gradient_backward():
    @tf.custom_gradient
    def h(x):
        def grad(upstream):
            with tf.GradientTape(persistent=True) as t:
                t.watch(x)
                a = x * x
                b = a * x
            return upstream * (t.gradient(a, x) + t.gradient(b, x))  # 2x + 3x^2
        return x * x * x, grad

    x = tf.constant(3.0)
    with tf.GradientTape() as outer:
        outer.watch(x)
        z = h(x)
    assert float(outer.gradient(z, x)) == 33.0


def test_custom_gradient_with_inner_tape_is_repeatable():
    @tf.custom_gradient
    def f(x):
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = tf.exp(x)
        dy = inner.gradient(y, x)
        return y, lambda up: up * dy

    x = tf.constant(0.25)
    results = set()
    for _ in range(5):
        with tf.GradientTape() as outer:
            outer.watch(x)
            z = f(x)
        results.add(float(outer.gradient(z, x)))
    assert len(results) == 1  # the same value every time
    np.testing.assert_allclose(results.pop(), np.exp(0.25), rtol=1e-6)


def _nested(x, depth):
    """d^k(x^5)/dx^k for k = 1..depth, each from its own persistent tape, nested `depth` deep."""
    tapes = [tf.GradientTape(persistent=True) for _ in range(depth)]
    for t in tapes:
        t.__enter__()
    y = x ** 5
    derivatives, target = [], y
    for t in reversed(tapes):
        target = t.gradient(target, x)
        t.__exit__(None, None, None)
        derivatives.append(target)
    return tapes, y, derivatives


@pytest.mark.parametrize("depth", [3, 4])
def test_nested_persistent_tapes(depth):
    x = tf.Variable(2.0)
    tapes, y, derivatives = _nested(x, depth)
    expected = [80.0, 160.0, 240.0, 240.0][:depth]  # 5x^4, 20x^3, 60x^2, 120x at 2
    assert [float(d) for d in derivatives] == expected
    # Each persistent tape answers again, any number of times, with the same values.
    targets = [y] + derivatives[:-1]
    for _ in range(3):
        again = [float(t.gradient(target, x)) for t, target in zip(reversed(tapes), targets,
                                                                      strict=True)]
        assert again == expected


def test_repeated_gradients_and_jacobians_compile_once():
    v = tf.Variable([1.0, 2.0])
    with tf.GradientTape(persistent=True) as t:
        sq = v * v
        y = tf.reduce_sum(sq * v)
    first = t.gradient(y, v).numpy()
    jac = t.jacobian(sq, v).numpy()
    before = tf.debugging.cache_stats()
    for _ in range(50):
        np.testing.assert_array_equal(t.gradient(y, v).numpy(), first)
        np.testing.assert_array_equal(t.jacobian(sq, v).numpy(), jac)
    after = tf.debugging.cache_stats()
    np.testing.assert_array_equal(first, [3.0, 12.0])
    np.testing.assert_array_equal(jac, [[2.0, 0.0], [0.0, 4.0]])
    assert sum(s["compilations"] for s in after.values()) == \
        sum(s["compilations"] for s in before.values())


def test_huge_zeros_inside_a_tape_raises_and_tape_still_works():
    x = tf.constant(3.0)
    with tf.GradientTape() as t:
        t.watch(x)
        with pytest.raises(tf.errors.ResourceExhaustedError, match="OOM when allocating"):
            tf.zeros([2**62])
        y = x * x
    assert float(t.gradient(y, x)) == 6.0
