"""tf.keras layers and models (Keras 2 semantics) against goldens from tf_keras, plus statistical
checks of the random initializers and of Dropout."""

import numpy as np
import pytest

import tfcompat as tf
from tests.golden.core_eval import check, load


@pytest.mark.parametrize("case", load("keras_layers"), ids=lambda c: c["id"])
def test_matches_tensorflow(case):
    if case["id"] == "keras_version":
        assert case["expected"]["value"][0]["value"].startswith("2.")  # recorded with Keras 2
        return
    check(tf, case)


K = tf.keras


def _draw(init, shape=(200, 300)):
    return np.asarray(init(shape, dtype="float32"))


@pytest.mark.parametrize("name, std", [
    ("glorot_uniform", np.sqrt(2.0 / 500)), ("glorot_normal", np.sqrt(2.0 / 500)),
    ("he_normal", np.sqrt(2.0 / 200)), ("he_uniform", np.sqrt(2.0 / 200)),
    ("lecun_normal", np.sqrt(1.0 / 200)), ("random_normal", 0.05),
    ("truncated_normal", 0.05 * 0.8796), ("random_uniform", 0.1 / np.sqrt(12))])
def test_initializer_statistics(name, std):
    w = _draw(K.initializers.get(name))
    assert w.dtype == np.float32 and w.shape == (200, 300)
    assert abs(w.mean()) < 0.05 * std + 1e-3
    assert abs(w.std() - std) < 0.03 * std


def test_initializer_bounds():
    w = _draw(K.initializers.GlorotUniform(seed=1))
    limit = np.sqrt(6.0 / 500)
    assert w.min() >= -limit and w.max() <= limit and w.max() > 0.95 * limit
    t = _draw(K.initializers.TruncatedNormal(stddev=0.1))
    assert np.abs(t).max() <= 0.2
    assert np.array_equal(_draw(K.initializers.Constant(0.5), (2, 2)), np.full((2, 2), 0.5))
    assert np.array_equal(_draw(K.initializers.Zeros(), (3,)), np.zeros(3))
    assert np.array_equal(_draw(K.initializers.Ones(), (3,)), np.ones(3))
    seeded = K.initializers.RandomNormal(seed=3)
    assert np.array_equal(_draw(seeded, (4,)), _draw(K.initializers.RandomNormal(seed=3), (4,)))


def test_orthogonal_and_identity():
    q = _draw(K.initializers.Orthogonal(gain=2.0), (6, 4))
    np.testing.assert_allclose(q.T @ q, 4.0 * np.eye(4), atol=1e-5)
    q = _draw(K.initializers.Orthogonal(), (3, 5))
    np.testing.assert_allclose(q @ q.T, np.eye(3), atol=1e-5)
    assert np.array_equal(_draw(K.initializers.Identity(), (2, 3)), np.eye(2, 3))


def test_dense_default_initialization():
    K.backend.clear_session()
    d = K.layers.Dense(50)
    d(tf.ones((1, 40)))
    kernel, bias = d.get_weights()
    assert np.abs(kernel).max() <= np.sqrt(6.0 / 90) and kernel.std() > 0.1
    assert np.array_equal(bias, np.zeros(50))


def test_dropout_training_statistics():
    x = tf.ones((100, 100))
    y = K.layers.Dropout(0.3)(x, training=True).numpy()
    kept = y != 0
    assert abs(kept.mean() - 0.7) < 0.03
    np.testing.assert_allclose(y[kept], 1 / 0.7, rtol=1e-6)
    assert np.array_equal(K.layers.Dropout(0.3)(x).numpy(), np.ones((100, 100)))


def test_training_flag_reaches_nested_layers():
    K.backend.clear_session()
    seen = []

    class Probe(K.layers.Layer):
        def call(self, x, training=None):
            seen.append(training)
            return x

    class Net(K.Model):
        def __init__(self):
            super().__init__()
            self.p = Probe()

        def call(self, x):
            return self.p(x)
    net = Net()
    net(tf.ones((1, 2)), training=True)
    net(tf.ones((1, 2)))
    assert seen == [True, None]


def test_layers_build_inside_tf_function():
    K.backend.clear_session()
    d = K.layers.Dense(2, kernel_initializer="ones")

    @tf.function
    def f(x):
        return d(x)
    assert f(tf.ones((1, 3))).numpy().tolist() == [[3.0, 3.0]]
    assert [v.name for v in d.weights] == ["dense/kernel:0", "dense/bias:0"]


def test_h5_weights_roundtrip(tmp_path):
    pytest.importorskip("h5py")
    K.backend.clear_session()
    a = K.Sequential([K.layers.Dense(3, input_shape=(2,)), K.layers.Dense(1)])
    b = K.Sequential([K.layers.Dense(3, input_shape=(2,)), K.layers.Dense(1)])
    a.save_weights(str(tmp_path / "w.h5"))
    b.load_weights(str(tmp_path / "w.h5"))
    for x, y in zip(a.get_weights(), b.get_weights(), strict=True):
        assert np.array_equal(x, y)
