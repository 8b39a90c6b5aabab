"""Statistical checks of tf.random: moments and ranges with fixed seeds, generous bounds.

The values are not TF's (JAX's PRNG), so these tests check the distributions TF documents.
Every test sets a global seed, so it is deterministic.
"""

import numpy as np
import pytest

import tfcompat as tf
from tfcompat._src.registry import EAGER_CACHE

N = 20000


@pytest.fixture(autouse=True)
def _seed():
    tf.random.set_seed(1234)
    yield
    tf.random.set_seed(None)


def _np(t):
    return np.asarray(t.numpy(), dtype=np.float64)


@pytest.mark.parametrize("dtype", [tf.float16, tf.bfloat16, tf.float32, tf.float64])
def test_normal_moments(dtype):
    x = _np(tf.random.normal([N], mean=3.0, stddev=2.0, dtype=dtype))
    assert abs(x.mean() - 3.0) < 0.1
    assert abs(x.std() - 2.0) < 0.1


def test_normal_broadcast_mean_per_column():
    x = _np(tf.random.normal([N, 2], mean=[-5.0, 5.0]))
    assert np.allclose(x.mean(axis=0), [-5.0, 5.0], atol=0.1)


@pytest.mark.parametrize("dtype", [tf.float16, tf.float32, tf.float64])
def test_uniform_range_and_moments(dtype):
    x = _np(tf.random.uniform([N], minval=-1.0, maxval=3.0, dtype=dtype))
    assert x.min() >= -1.0 and x.max() < 3.0
    assert abs(x.mean() - 1.0) < 0.05
    assert abs(x.var() - 16 / 12) < 0.05


@pytest.mark.parametrize("dtype", [tf.int32, tf.int64])
def test_uniform_int_covers_range_evenly(dtype):
    x = tf.random.uniform([N], minval=-3, maxval=4, dtype=dtype)
    assert x.dtype == dtype
    values, counts = np.unique(x.numpy(), return_counts=True)
    assert values.tolist() == list(range(-3, 4))
    assert counts.min() > N / 7 * 0.9


def test_truncated_normal_bounds_and_spread():
    x = _np(tf.random.truncated_normal([N], mean=1.0, stddev=0.5))
    assert x.min() >= 0.0 and x.max() <= 2.0  # within two standard deviations
    assert abs(x.mean() - 1.0) < 0.02
    # The standard normal truncated to [-2, 2] has standard deviation 0.8796.
    assert abs(x.std() - 0.5 * 0.8796) < 0.02


def test_categorical_frequencies():
    probs = np.array([0.1, 0.2, 0.7])
    x = tf.random.categorical(np.log([probs, probs[::-1]]), N)
    assert x.shape == (2, N) and x.dtype == tf.int64
    for row, p in zip(x.numpy(), (probs, probs[::-1]), strict=True):
        freq = np.bincount(row, minlength=3) / N
        assert np.allclose(freq, p, atol=0.02)


def test_categorical_never_draws_impossible_class():
    x = tf.random.categorical([[0.0, -np.inf, 0.0]], 1000).numpy()
    assert set(np.unique(x).tolist()) == {0, 2}


def test_shuffle_is_a_uniform_permutation():
    firsts = [int(tf.random.shuffle([0, 1, 2, 3]).numpy()[0]) for _ in range(800)]
    counts = np.bincount(firsts, minlength=4)
    assert counts.min() > 150  # 200 expected each
    x = tf.random.shuffle(np.arange(100))
    assert sorted(x.numpy().tolist()) == list(range(100))


@pytest.mark.parametrize("alpha, beta", [(0.5, 1.0), (2.0, 1.0), (9.0, 3.0)])
def test_gamma_moments(alpha, beta):
    x = _np(tf.random.gamma([N], alpha, beta=beta))
    assert x.min() > 0
    assert abs(x.mean() - alpha / beta) < 0.05 * alpha / beta + 0.01
    assert abs(x.var() - alpha / beta**2) < 0.1 * alpha / beta**2


def test_gamma_shape_is_shape_plus_alpha_shape():
    x = tf.random.gamma([N], [1.0, 4.0])
    assert x.shape == (N, 2)
    assert np.allclose(_np(x).mean(axis=0), [1.0, 4.0], rtol=0.05)


@pytest.mark.parametrize("lam", [0.5, 4.0, 30.0])
def test_poisson_moments(lam):
    x = _np(tf.compat.v2.random.poisson([N], lam, dtype=tf.int64))
    assert (x >= 0).all() and (x == np.round(x)).all()
    assert abs(x.mean() - lam) < 0.05 * lam + 0.02
    assert abs(x.var() - lam) < 0.1 * lam + 0.05


def test_set_seed_repeats_the_program():
    def program():
        tf.random.set_seed(7)
        return [tf.random.normal([3]), tf.random.uniform([3], seed=1),
                tf.random.uniform([3], seed=1), tf.random.gamma([2], 2.0),
                tf.random.shuffle(np.arange(10))]
    first, second = program(), program()
    for a, b in zip(first, second, strict=True):
        assert np.array_equal(a.numpy(), b.numpy())
    # Same op seed twice in a row: the kernel's counter moves on, as in TF.
    assert not np.array_equal(first[1].numpy(), first[2].numpy())


def test_unseeded_ops_are_fresh():
    tf.random.set_seed(None)
    a, b = tf.random.normal([8]), tf.random.normal([8])
    assert not np.array_equal(a.numpy(), b.numpy())


def test_keys_are_arguments_not_compiled_constants():
    tf.random.normal([5])
    tf.random.normal([5], seed=3)
    before = EAGER_CACHE.compilations
    for seed in range(20):
        tf.random.set_seed(seed)
        tf.random.normal([5])
        tf.random.normal([5], seed=3)
    assert EAGER_CACHE.compilations == before
