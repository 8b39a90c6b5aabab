# conformance: rtol=1e-4 atol=1e-5
# record-env: TF_USE_LEGACY_KERAS=1
import numpy as np
import tensorflow as tf
tf.enable_eager_execution()
np.set_printoptions(precision=4, suppress=True)


def fix(layer):
    # deterministic weights in place of the random initial ones
    ws = [np.sin(np.arange(np.prod(w.shape)) * 0.7 + i).reshape(w.shape) * 0.4
          for i, w in enumerate(layer.get_weights())]
    layer.set_weights(ws)
    return [w.shape for w in ws]


def show(label, t):
    print(label, np.round(np.asarray(t, np.float64), 4).tolist())


x = tf.constant(np.linspace(-1.0, 1.0, 24).reshape(2, 4, 3), tf.float32)

KW = {tf.keras.layers.SimpleRNN: {}, tf.keras.layers.LSTM: {"recurrent_activation": "sigmoid"},
      tf.keras.layers.GRU: {"recurrent_activation": "sigmoid", "reset_after": True}}
for cls in [tf.keras.layers.SimpleRNN, tf.keras.layers.LSTM, tf.keras.layers.GRU]:
    layer = cls(2, **KW[cls])
    layer(x)
    print(cls.__name__, fix(layer), len(layer.trainable_weights))
    show(cls.__name__ + " last", layer(x))
    seq = cls(2, return_sequences=True, return_state=True, go_backwards=True, **KW[cls])
    seq(x)
    fix(seq)
    out = seq(x)
    print(cls.__name__, "outputs", len(out), [o.shape.as_list() for o in out])
    show(cls.__name__ + " seq", out[0])
    show(cls.__name__ + " state", out[-1])
    print(layer.units, layer.return_sequences, layer.activation.__name__,
          getattr(layer, "recurrent_activation", tf.identity).__name__, getattr(layer, "reset_after", None))

gru1 = tf.keras.layers.GRU(2, recurrent_activation="hard_sigmoid", reset_after=False)
gru1(x)
print("GRU reset_after=False", fix(gru1))
show("GRU v1", gru1(x))
lstm = tf.keras.layers.LSTM(2, recurrent_activation="hard_sigmoid", return_state=True)
lstm(x)
fix(lstm)
h0 = tf.constant([[0.1, -0.2], [0.3, 0.0]])
out, h, c = lstm(x, initial_state=[h0, h0])
show("LSTM h", h)
show("LSTM c", c)
mask = tf.constant([[True, True, False, False], [True, True, True, True]])
show("LSTM masked", lstm(x, mask=mask)[0])

CELL_KW = {tf.keras.layers.LSTMCell: {"recurrent_activation": "sigmoid"},
           tf.keras.layers.GRUCell: {"recurrent_activation": "sigmoid", "reset_after": True}}
for cell_cls in [tf.keras.layers.SimpleRNNCell, tf.keras.layers.LSTMCell, tf.keras.layers.GRUCell]:
    cell = cell_cls(2, **CELL_KW.get(cell_cls, {}))
    rnn = tf.keras.layers.RNN(cell, return_sequences=True)
    rnn(x)
    print(cell_cls.__name__, np.ravel(cell.state_size).tolist(), fix(rnn))
    show(cell_cls.__name__ + " RNN", rnn(x))
    states = [tf.zeros([2, 2])] * (2 if cell_cls is tf.keras.layers.LSTMCell else 1)
    o, new = cell(x[:, 0], states)
    show(cell_cls.__name__ + " step", o)

stacked = tf.keras.layers.StackedRNNCells([tf.keras.layers.SimpleRNNCell(3), tf.keras.layers.GRUCell(2, recurrent_activation="hard_sigmoid", reset_after=False)])
print("StackedRNNCells", stacked.state_size)
srnn = tf.keras.layers.RNN(stacked)
srnn(x)
print(fix(srnn))
show("stacked", srnn(x))

bi = tf.keras.layers.Bidirectional(tf.keras.layers.LSTM(2, recurrent_activation="sigmoid", return_sequences=True))
bi(x)
print("Bidirectional", fix(bi))
show("Bidirectional concat", bi(x))
for mode in ["sum", "mul", "ave", None]:
    b = tf.keras.layers.Bidirectional(tf.keras.layers.GRU(2, recurrent_activation="sigmoid", reset_after=True), merge_mode=mode)
    b(x)
    fix(b)
    r = b(x)
    show("merge " + str(mode), r)
print(isinstance(bi, tf.keras.layers.Wrapper), type(bi.forward_layer).__name__, bi.backward_layer.go_backwards)

td = tf.keras.layers.TimeDistributed(tf.keras.layers.Dense(2))
td(x)
print("TimeDistributed", fix(td), isinstance(td, tf.keras.layers.Wrapper))
show("TimeDistributed", td(x))

model = tf.keras.Sequential([tf.keras.Input(shape=(4, 3)),
                             tf.keras.layers.Bidirectional(tf.keras.layers.SimpleRNN(3, return_sequences=True)),
                             tf.keras.layers.TimeDistributed(tf.keras.layers.Dense(1)),
                             tf.keras.layers.GRU(2, recurrent_activation="hard_sigmoid", reset_after=False)])
for layer in model.layers:
    fix(layer)
    print(type(layer).__name__, layer.output_shape)
show("model", model(x))
show("predict", model.predict(x.numpy(), verbose=0))

# TF 2's classes (tf.compat.v2.keras), whose gate defaults are sigmoid and reset_after=True
for cls in [tf.compat.v2.keras.layers.LSTM, tf.compat.v2.keras.layers.GRU]:
    layer = cls(2)
    layer(x)
    fix(layer)
    print(cls.__name__, layer.recurrent_activation.__name__, getattr(layer, "reset_after", None))
    show(cls.__name__ + " v2", layer(x))
print(tf.compat.v2.keras.layers.LSTMCell(2).recurrent_activation.__name__, tf.compat.v2.keras.layers.GRUCell(2).reset_after)

# TF 1's cuDNN layers: TF runs them only on a GPU, so they are built here, not called
for cls in [tf.compat.v1.keras.layers.CuDNNLSTM, tf.compat.v1.keras.layers.CuDNNGRU]:
    layer = cls(3, return_sequences=True)
    print(cls.__name__, layer.units, layer.return_sequences, layer.name)
    layer.build((None, 5, 2))
    print([w.name for w in layer.weights], [w.shape.as_list() for w in layer.weights])
    print(fix(layer), np.round(layer.get_weights()[2][:4].astype(float), 4).tolist())
