"""GradientTape: the 'tape' cases of tests/golden/core.json (snippets in golden/tape_cases.py,
recorded from TF 2.21 by golden/record_core.py), plus compile counts and threading."""

import numpy as np
import pytest

import tfcompat as tf
from tests.golden.core_eval import check, load
from tfcompat._src.tape import GRADIENT_CACHE, PLAN_CACHE


@pytest.mark.parametrize("case", load("tape"), ids=lambda c: c["id"])
def test_matches_tensorflow(case):
    check(tf, case)


def test_seed_loop_compiles_gradient_once():
    x = tf.Variable(0.0, name="x")
    a, b, c = tf.constant(1.0), tf.constant(-2.0), tf.constant(1.0)
    opt = tf.train.GradientDescentOptimizer(learning_rate=0.01)
    before, plans = GRADIENT_CACHE.stats(), PLAN_CACHE.stats()
    for _ in range(1000):
        with tf.GradientTape() as tape:
            y = a * tf.pow(x, 2) + b * x + c
        opt.apply_gradients([(tape.gradient(y, x), x)])
    after, plans_after = GRADIENT_CACHE.stats(), PLAN_CACHE.stats()
    assert after["compilations"] - before["compilations"] <= 1
    assert after["misses"] - before["misses"] <= 1
    # After the first step the plan cache answers: the sub-graph is not even re-derived.
    assert plans_after["misses"] - plans["misses"] <= 1
    assert plans_after["hits"] - plans["hits"] >= 999
    assert x.numpy() == np.float32(0.999998569)  # TF prints 0.999998569: the same float32


def test_cache_is_bounded():
    assert GRADIENT_CACHE.maxsize > 0 and len(GRADIENT_CACHE) <= GRADIENT_CACHE.maxsize


def test_tapes_are_thread_local():
    import threading

    x = tf.Variable(2.0)
    seen = {}

    def other_thread():
        seen["y"] = x * x  # runs while the main thread's tape records

    with tf.GradientTape() as t:
        th = threading.Thread(target=other_thread)
        th.start()
        th.join()
        z = x * 3.0
    assert t.gradient(seen["y"], x) is None
    with tf.GradientTape() as t2:
        z = x * 3.0
    assert float(t2.gradient(z, x)) == 3.0


def test_fourth_order():
    x = tf.Variable(1.5)
    with tf.GradientTape() as t4:
        with tf.GradientTape() as t3:
            with tf.GradientTape() as t2:
                with tf.GradientTape() as t1:
                    y = x * x * x * x * x
                g1 = t1.gradient(y, x)
            g2 = t2.gradient(g1, x)
        g3 = t3.gradient(g2, x)
    g4 = t4.gradient(g3, x)
    # d^4/dx^4 x^5 = 120 x
    assert float(g4) == pytest.approx(180.0, rel=1e-6)


def _train(seed: float, steps: int = 200):
    w = tf.Variable([seed, -seed])
    opt = tf.train.GradientDescentOptimizer(0.05)
    x = tf.constant([[1.0, 2.0], [3.0, -1.0]])
    for _ in range(steps):
        with tf.GradientTape() as tape:
            loss = tf.reduce_sum(tf.square(tf.matmul(x, tf.reshape(w, [2, 1])) - 1.0))
        opt.apply_gradients([(tape.gradient(loss, w), w)])
    return w.numpy()


def test_two_threads_train_as_if_alone():
    import threading

    alone = [_train(0.5), _train(-1.5)]
    results = [None, None]

    def run(i, seed):
        results[i] = _train(seed)

    threads = [threading.Thread(target=run, args=(i, s)) for i, s in enumerate((0.5, -1.5))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for got, want in zip(results, alone, strict=True):
        np.testing.assert_array_equal(got, want)


def test_cache_stats_report_every_cache():
    stats = tf.debugging.cache_stats()
    assert {"tape.gradient", "eager ops", "optimizer.apply_gradients"} <= set(stats)
    assert all(s["size"] <= s["maxsize"] for s in stats.values())
