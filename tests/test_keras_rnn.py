"""Recurrent layers (Keras 2 and TF 1's rnn_cell / dynamic_rnn) against goldens from TF 2.21 with
tf_keras, plus the CuDNN layers (GPU-only in TF) against LSTM/GRU with equivalent weights."""

import numpy as np
import pytest

import tfcompat as tf
from tests.golden.core_eval import check, load

K = tf.compat.v2.keras.layers  # TF 2's LSTM/GRU (the top level has TF 1's: hard_sigmoid gates)
# TF 1's cells warn on construction, as tf_keras's do (conformance/cases/nn/06_rnn_cells.py).
pytestmark = pytest.mark.filterwarnings("ignore:`tf.nn.rnn_cell.:UserWarning")


@pytest.mark.parametrize("case", load("keras_rnn"), ids=lambda c: c["id"])
def test_matches_tensorflow(case):
    check(tf, case)


def _seq(shape, seed=0):
    return tf.constant(np.random.RandomState(seed).uniform(-1, 1, shape).astype("float32"))


def _fill(layer, seed=1):
    rng = np.random.RandomState(seed)
    layer.set_weights([rng.uniform(-0.5, 0.5, w.shape).astype("float32")
                       for w in layer.get_weights()])


def _loss_and_grads(layer, x):
    with tf.GradientTape() as t:
        t.watch(x)
        y = layer(x)
        s = tf.reduce_sum(y * y)
    return y, t.gradient(s, [x] + layer.trainable_weights)


@pytest.mark.parametrize("seq, back", [(False, False), (True, True)])
def test_cudnn_lstm_is_lstm_with_summed_biases(seq, back):
    tf.keras.backend.clear_session()
    x = _seq((2, 5, 3))
    cu = tf.compat.v1.keras.layers.CuDNNLSTM(4, return_sequences=seq, go_backwards=back)
    cu(x)
    assert [v.name for v in cu.weights] == ["cu_dnnlstm/kernel:0", "cu_dnnlstm/recurrent_kernel:0",
                                            "cu_dnnlstm/bias:0"]
    # unit_forget_bias: the forget part of the recurrent half starts at 1.
    np.testing.assert_array_equal(cu.get_weights()[2], np.r_[np.zeros(20), np.ones(4),
                                                             np.zeros(8)])
    _fill(cu)
    k, rk, b = cu.get_weights()
    ref = K.LSTM(4, return_sequences=seq, go_backwards=back)
    ref(x)
    ref.set_weights([k, rk, b[:16] + b[16:]])
    y, g = _loss_and_grads(cu, x)
    y_ref, g_ref = _loss_and_grads(ref, x)
    np.testing.assert_allclose(y, y_ref, rtol=1e-5, atol=1e-6)
    for a, e in zip(g[:3], g_ref[:3], strict=True):
        np.testing.assert_allclose(a, e, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(g[3], np.r_[g_ref[3], g_ref[3]], rtol=1e-5, atol=1e-6)


def test_cudnn_gru_is_gru_reset_after():
    tf.keras.backend.clear_session()
    x = _seq((2, 4, 3))
    cu = tf.compat.v1.keras.layers.CuDNNGRU(3, return_sequences=True, return_state=True)
    cu(x)
    assert [tuple(v.shape) for v in cu.weights] == [(3, 9), (3, 9), (18,)]
    _fill(cu)
    k, rk, b = cu.get_weights()
    ref = K.GRU(3, return_sequences=True, return_state=True)
    ref(x)
    ref.set_weights([k, rk, b.reshape(2, 9)])
    for a, e in zip(cu(x), ref(x), strict=True):
        np.testing.assert_allclose(a, e, rtol=1e-5, atol=1e-6)
    with tf.GradientTape() as t:
        s = tf.reduce_sum(cu(x)[0] ** 2)
    with tf.GradientTape() as t2:
        s2 = tf.reduce_sum(ref(x)[0] ** 2)
    np.testing.assert_allclose(t.gradient(s, cu.weights[2]),
                               np.ravel(t2.gradient(s2, ref.weights[2])), rtol=1e-5, atol=1e-6)


def test_stateful_continues_from_last_state():
    tf.keras.backend.clear_session()
    x = _seq((2, 6, 3))
    layer = K.LSTM(4, stateful=True, return_sequences=True)
    first = layer(x[:, :3])
    _fill(layer)
    layer.reset_states()
    first = layer(x[:, :3])
    second = layer(x[:, 3:])
    whole = K.LSTM(4, return_sequences=True)
    whole(x)
    whole.set_weights(layer.get_weights())
    np.testing.assert_allclose(np.concatenate([first, second], 1), whole(x), rtol=1e-5,
                               atol=1e-6)
    layer.reset_states()
    np.testing.assert_allclose(layer(x[:, :3]), first, rtol=1e-6)
    with pytest.raises(AttributeError):
        whole.reset_states()


def test_dropout_only_when_training():
    tf.keras.backend.clear_session()
    x = _seq((8, 5, 6))
    layer = K.GRU(5, dropout=0.5, recurrent_dropout=0.5, return_sequences=True)
    plain = K.GRU(5, return_sequences=True)
    layer(x), plain(x)
    _fill(layer)
    plain.set_weights(layer.get_weights())
    np.testing.assert_allclose(layer(x), plain(x), rtol=1e-6)
    np.testing.assert_allclose(layer(x, training=False), plain(x), rtol=1e-6)
    a, b = layer(x, training=True), layer(x, training=True)
    assert a.shape == (8, 5, 5)
    assert not np.allclose(a, plain(x)) and not np.allclose(a, b)
    with tf.GradientTape() as t:
        s = tf.reduce_sum(layer(x, training=True) ** 2)
    assert all(g is not None for g in t.gradient(s, layer.trainable_weights))


def test_dropout_one_input_mask_per_sequence():
    """Keras 2 (implementation 2) draws one input mask per sequence, reused at every step."""
    tf.keras.backend.clear_session()
    layer = K.SimpleRNN(6, activation=None, use_bias=False, dropout=0.5,
                        return_sequences=True)
    x = tf.constant(np.random.RandomState(3).uniform(1, 2, (40, 5, 6)).astype("float32"))
    layer(x)
    layer.set_weights([np.eye(6, dtype="float32"), np.zeros((6, 6), "float32")])
    ratio = np.asarray(layer(x, training=True)) / np.asarray(x)
    # (loose: a GPU's default float32 matmul is TF32)
    assert np.all(np.isclose(ratio, 0, atol=1e-2) | np.isclose(ratio, 2, rtol=1e-2))
    ratio = np.round(ratio)
    np.testing.assert_allclose(ratio, np.repeat(ratio[:, :1], 5, axis=1))
    assert 0.35 < np.mean(ratio[:, 0] == 0) < 0.65


def test_whole_sequence_is_one_tape_node():
    tf.keras.backend.clear_session()
    x = _seq((2, 50, 3))
    layer = K.LSTM(4)
    layer(x)
    with tf.GradientTape() as t:
        t.watch(x)
        y = layer(x)
    assert len(t._nodes) == 1
    cell = tf.nn.rnn_cell.GRUCell(3)
    with tf.GradientTape() as t:
        t.watch(x)
        tf.nn.dynamic_rnn(cell, x, dtype=tf.float32, sequence_length=[50, 20])
    assert len(t._nodes) <= 3  # the scan, plus casting/converting sequence_length
    assert y.shape == (2, 4)


def test_inside_tf_function_and_fit():
    tf.keras.backend.clear_session()
    x = _seq((16, 6, 3))
    target = tf.reduce_sum(x, axis=[1, 2])[:, None] * 0.3
    model = tf.keras.Sequential([K.LSTM(8, input_shape=(6, 3)), K.Dense(1)])
    model.compile(optimizer=tf.keras.optimizers.Adam(0.02), loss="mse")
    eager = model(x)
    graph = tf.function(lambda v: model(v))(x)
    np.testing.assert_allclose(eager, graph, rtol=1e-5, atol=1e-6)
    hist = model.fit(x, target, epochs=30, batch_size=16, verbose=0)
    assert hist.history["loss"][-1] < 0.5 * hist.history["loss"][0]


def test_functional_shapes_and_bidirectional_state_split():
    tf.keras.backend.clear_session()
    inp = tf.keras.Input((None, 3))
    out = K.Bidirectional(K.GRU(2, return_sequences=True, return_state=True))(inp)
    assert [tuple(o.shape.as_list()) for o in out] == [(None, None, 4), (None, 2), (None, 2)]
    fw_h = tf.constant(np.full((2, 2), 0.5, "float32"))
    layer = K.Bidirectional(K.SimpleRNN(2, return_state=True))
    x = _seq((2, 3, 2))
    y0 = layer(x)
    y1 = layer(x, initial_state=[fw_h, fw_h * 0])
    np.testing.assert_allclose(y1[2], y0[2], rtol=1e-6)  # backward state: same (zero) start
    assert not np.allclose(y1[1], y0[1])


def test_aliases():
    assert tf.compat.v1.nn.rnn_cell.BasicLSTMCell is tf.nn.rnn_cell.BasicLSTMCell
    assert tf.contrib.rnn.LSTMCell is tf.compat.v1.nn.rnn_cell.LSTMCell
    assert tf.contrib.rnn.static_rnn is tf.compat.v1.nn.static_rnn
    assert tf.nn.dynamic_rnn is tf.compat.v1.nn.dynamic_rnn
    assert tf.compat.v1.keras.layers.LSTM is tf.keras.layers.LSTM  # TF 1's at the top level
    assert tf.keras.layers.LSTM is not K.LSTM and issubclass(tf.keras.layers.LSTM, K.LSTM)
    assert tf.compat.v1.keras.layers.GRU(2).cell.reset_after is False
    assert not hasattr(tf.compat.v2.nn, "dynamic_rnn")
    assert not hasattr(tf.compat.v2.keras.layers, "CuDNNLSTM")


def test_bad_arguments():
    with pytest.raises(ValueError, match="units"):
        K.LSTM(0)
    with pytest.raises(ValueError, match="If no initial_state"):
        tf.nn.dynamic_rnn(tf.nn.rnn_cell.GRUCell(2), tf.zeros((1, 2, 3)))
    with pytest.raises(ValueError, match="sequence_length"):
        tf.nn.dynamic_rnn(tf.nn.rnn_cell.GRUCell(2), tf.zeros((1, 2, 3)), dtype=tf.float32,
                          sequence_length=[[1]])
    with pytest.raises(ValueError, match="keep_prob"):
        tf.nn.rnn_cell.DropoutWrapper(tf.nn.rnn_cell.GRUCell(2), output_keep_prob=0.0)
