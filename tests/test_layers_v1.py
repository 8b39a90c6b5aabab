"""TF 1's `tf.layers` and the Keras 2 utilities against goldens from tf_keras, plus the checks
goldens cannot make (random dropout, deprecation warnings)."""

import warnings

import numpy as np
import pytest

import tfcompat as tf
from tests.golden.core_eval import check, load


# The functional forms warn that they are deprecated, as tf_keras's do (tested below).
@pytest.mark.filterwarnings("ignore:`tf.layers.:UserWarning")
@pytest.mark.filterwarnings("ignore:`tf.keras.backend.set_learning_phase:UserWarning")
@pytest.mark.parametrize("case", load("layers_v1"), ids=lambda c: c["id"])
def test_matches_tensorflow(case):
    if case["id"] == "keras_version":
        assert case["expected"]["value"].startswith("2.")  # recorded with Keras 2
        return
    check(tf, case)


V1 = tf.compat.v1.layers


def test_dropout_training_drops_and_scales():
    x = tf.ones((200, 50))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        y = np.asarray(V1.dropout(x, rate=0.3, training=True))
        same = np.asarray(V1.dropout(x, rate=0.3))
    kept = y != 0
    assert abs(kept.mean() - 0.7) < 0.02
    np.testing.assert_allclose(y[kept], 1 / 0.7, rtol=1e-6)
    assert np.array_equal(same, np.ones((200, 50)))
    layer = V1.Dropout(0.5)
    assert np.array_equal(np.asarray(layer(x)), np.ones((200, 50)))  # training=False default
    assert (np.asarray(layer(x, training=True)) == 0).mean() > 0.4


def test_functional_forms_warn_at_the_callers_line():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        V1.dense(tf.ones((1, 2)), 1)
        V1.conv2d(tf.ones((1, 3, 3, 1)), 1, 2)
        V1.max_pooling2d(tf.ones((1, 2, 2, 1)), 2, 2)
    messages = [str(w.message) for w in caught]
    assert messages == [
        "`tf.layers.dense` is deprecated and will be removed in a future version. Please use "
        "`tf.keras.layers.Dense` instead.",
        "`tf.layers.conv2d` is deprecated and will be removed in a future version. Please Use "
        "`tf.keras.layers.Conv2D` instead.",
        "`tf.layers.max_pooling2d` is deprecated and will be removed in a future version. "
        "Please use `tf.keras.layers.MaxPooling2D` instead."]
    assert all(w.filename == __file__ and w.category is UserWarning for w in caught)


def test_learning_phase_sets_training_mode():
    K = tf.keras.backend
    x = tf.ones((400,))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        K.set_learning_phase(1)
    try:
        assert (np.asarray(tf.keras.layers.Dropout(0.5)(x)) == 0).mean() > 0.35
        assert (np.asarray(V1.Dropout(0.5)(x)) == 0).mean() > 0.35
        assert not (np.asarray(tf.keras.layers.Dropout(0.5)(x, training=False)) == 0).any()
    finally:
        K.clear_session()
    assert K.learning_phase() == 0
    assert not (np.asarray(tf.keras.layers.Dropout(0.5)(x)) == 0).any()


def test_unsupported_batch_norm_options_raise():
    for kwargs in ({"renorm": True}, {"virtual_batch_size": 2}, {"adjustment": lambda s: s}):
        with pytest.raises(NotImplementedError):
            V1.BatchNormalization(**kwargs)


def test_layers_are_tf1_only():
    assert tf.layers.Dense is V1.Dense and tf.layers.dense is V1.dense
    assert not hasattr(tf.compat.v2, "layers")


def test_tfe_network_scopes_tf_layers():
    """TF 1.15's Network puts a tracked tf.layers layer's scope under the network's, named by
    the network ('net/dense/kernel:0'); TF 2.21 has no tf.contrib to record this from."""
    tfe = tf.contrib.eager

    class Net(tfe.Network):
        def __init__(self):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                super().__init__(name="net")
            self.a = self.track_layer(V1.Dense(3))
            self.b = self.track_layer(tf.keras.layers.Dense(2))
            self.c = self.track_layer(V1.Dense(1, name="out"))

        def call(self, x):
            return self.c(self.b(self.a(x)))

    net = Net()
    assert net(tf.ones((1, 4))).shape == (1, 1)
    assert [v.name for v in net.variables] == [
        "net/dense/kernel:0", "net/dense/bias:0", "net/dense_1/kernel:0", "net/dense_1/bias:0",
        "net/out/kernel:0", "net/out/bias:0"]
