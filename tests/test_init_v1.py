"""TF 1's initializers (`tf.compat.v1.*_initializer`, `tf.compat.v1.initializers.*`): goldens
from TF 2.21 for the deterministic ones, statistics for the random ones (their values differ from
TF's by design)."""

import logging

import numpy as np
import pytest

import tfcompat as tf
from tests.golden.core_eval import check, load
from tfcompat._src import logs
from tfcompat._src.keras import initializers_v1

V1 = tf.compat.v1


@pytest.mark.filterwarnings("ignore:`tf.layers.:UserWarning")
@pytest.mark.parametrize("case", load("init_v1"), ids=lambda c: c["id"])
def test_matches_tensorflow(case):
    check(tf, case)


N = (200, 300)  # 60,000 draws: sample mean/std within ~1% of the distribution's


@pytest.mark.parametrize("make, mean, std, lo, hi", [
    (lambda: V1.random_uniform_initializer(seed=1), 0.5, (1 / 12) ** 0.5, 0.0, 1.0),
    (lambda: V1.random_uniform_initializer(-3.0, 1.0), -1.0, (16 / 12) ** 0.5, -3.0, 1.0),
    (lambda: V1.random_normal_initializer(1.0, 2.0, seed=2), 1.0, 2.0, None, None),
    # truncated at 2 stddev: std 0.87962566 of the untruncated one
    (lambda: V1.truncated_normal_initializer(0.0, 1.0, seed=3), 0.0, 0.8796, -2.0, 2.0),
    # fan_in = 200: variance 1 / 200, truncated normal corrected to that variance
    (lambda: V1.variance_scaling_initializer(seed=4), 0.0, (1 / 200) ** 0.5,
     -2 * (1 / 200) ** 0.5 / 0.8796, 2 * (1 / 200) ** 0.5 / 0.8796),
    (lambda: V1.variance_scaling_initializer(2.0, "fan_out", "untruncated_normal"), 0.0,
     (2 / 300) ** 0.5, None, None),
    (lambda: V1.glorot_uniform_initializer(seed=5), 0.0, (2 / 500) ** 0.5,
     -(6 / 500) ** 0.5, (6 / 500) ** 0.5),
    (lambda: V1.glorot_normal_initializer(), 0.0, (2 / 500) ** 0.5, None, None),
    (lambda: V1.initializers.he_normal(seed=6), 0.0, (2 / 200) ** 0.5, None, None),
    (lambda: V1.initializers.he_uniform(), 0.0, (2 / 200) ** 0.5, -(6 / 200) ** 0.5,
     (6 / 200) ** 0.5),
    (lambda: V1.initializers.lecun_normal(), 0.0, (1 / 200) ** 0.5, None, None),
    (lambda: V1.initializers.lecun_uniform(seed=7), 0.0, (1 / 200) ** 0.5, None, None),
    # input size 200: uniform in +-sqrt(3 / 200) * factor
    (lambda: V1.uniform_unit_scaling_initializer(2.0, seed=8), 0.0, 2 * (1 / 200) ** 0.5,
     -2 * (3 / 200) ** 0.5, 2 * (3 / 200) ** 0.5),
])
def test_random_statistics(make, mean, std, lo, hi):
    logging.getLogger("tensorflow").setLevel(logging.ERROR)
    try:
        v = make()(N)
    finally:
        logging.getLogger("tensorflow").setLevel(logging.NOTSET)
    x = v.numpy()
    assert v.dtype == tf.float32 and x.shape == N
    assert abs(x.mean() - mean) < 0.02 * std + 1e-3
    assert abs(x.std() - std) < 0.02 * std
    if lo is not None:
        assert x.min() >= lo - 1e-6 and x.max() <= hi + 1e-6


def test_random_int_uniform_covers_range():
    v = V1.random_uniform_initializer(0, 4, dtype=tf.int64)([1000]).numpy()
    assert v.dtype == np.int64 and sorted(set(v.tolist())) == [0, 1, 2, 3]


def test_seeded_draws_are_reproducible_and_advance():
    """As TF's op-seeded kernels: each call draws anew, and the sequence repeats after
    tf.set_random_seed resets the op counters."""
    V1.set_random_seed(0)
    init = V1.random_normal_initializer(seed=11)
    a, b = init([5]).numpy(), init([5]).numpy()
    V1.set_random_seed(0)
    init = V1.random_normal_initializer(seed=11)
    assert not np.array_equal(a, b)
    np.testing.assert_array_equal(init([5]).numpy(), a)
    np.testing.assert_array_equal(init([5]).numpy(), b)


@pytest.mark.parametrize("shape", [(4, 4), (3, 5), (6, 2), (2, 3, 4)])
def test_orthogonal(shape):
    q = V1.orthogonal_initializer(gain=2.0, seed=1)(shape, dtype=tf.float64).numpy()
    assert q.shape == shape and q.dtype == np.float64
    m = q.reshape(-1, shape[-1])
    small = m.T @ m if m.shape[0] >= m.shape[1] else m @ m.T
    np.testing.assert_allclose(small, 4.0 * np.eye(min(m.shape)), atol=1e-10)


def test_random_dtype_from_constructor_and_call():
    init = V1.truncated_normal_initializer(dtype=tf.float64)
    assert init([2]).dtype == tf.float64
    assert init([2], dtype=tf.float16).dtype == tf.float16
    assert V1.glorot_uniform_initializer(dtype=tf.float64)([2, 2]).dtype == tf.float64


def test_deprecation_notices(capsys):
    logs._printed.discard("UniformUnitScaling.__init__")  # logged once per process
    initializers_v1._warned_normal.clear()
    V1.uniform_unit_scaling_initializer()
    V1.variance_scaling_initializer(distribution="normal")
    err = capsys.readouterr().err
    assert ("UniformUnitScaling.__init__ (from tensorflow.python.ops.init_ops) is deprecated"
            in err)
    assert "calling VarianceScaling.__init__ (from tensorflow.python.ops.init_ops) with " \
           "distribution=normal is deprecated" in err
    assert __file__ in err


def test_subclass_keras_initializers_and_work_in_layers():
    assert isinstance(V1.zeros_initializer(), tf.keras.initializers.Initializer)
    assert isinstance(V1.glorot_uniform_initializer(), tf.keras.initializers.VarianceScaling)
    layer = tf.keras.layers.Conv2D(2, 3, kernel_initializer=V1.variance_scaling_initializer(
        2.0, seed=1), bias_initializer=V1.constant_initializer(0.25))
    layer(tf.zeros([1, 5, 5, 3]))
    assert layer.kernel.shape.as_list() == [3, 3, 3, 2]
    np.testing.assert_array_equal(layer.bias.numpy(), [0.25, 0.25])


def test_tf1_only():
    assert V1.zeros_initializer is tf.zeros_initializer
    assert V1.initializers.glorot_uniform is V1.glorot_uniform_initializer
    assert not hasattr(tf.compat.v2, "truncated_normal_initializer")
