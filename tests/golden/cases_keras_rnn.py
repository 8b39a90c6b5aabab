"""Recurrent layers: Keras 2 (`tf_keras`) RNN layers, cells and wrappers, and TF 1's
`tf.compat.v1.nn.rnn_cell` cells with dynamic_rnn / static_rnn / bidirectional_dynamic_rnn.

    TF_USE_LEGACY_KERAS=1 TF_CPP_MIN_LOG_LEVEL=3 /root/tfvenv/bin/python \
        tests/golden/record.py keras_rnn

Weights are fixed after the first call (cos values), so forward values and gradients of
sum(y * y) w.r.t. the input and the weights compare by value. CuDNNLSTM/CuDNNGRU run only on a GPU
in TF, so tests/test_keras_rnn.py checks them against LSTM/GRU with equivalent weights.
"""

# TF 2's classes: `tf.keras.layers.LSTM` at tfcompat's top level is TF 1's (hard_sigmoid gates;
# GRU with reset_after=False), as in the TF 1 API legacy scripts get; the v1 cases test those.
L = "tf.compat.v2.keras.layers"
V1 = "tf.compat.v1.keras.layers"
TOL = {"rtol": 1e-5}

_FIX = """def flat(x):
    return [t for v in x for t in flat(v)] if isinstance(x, (list, tuple)) else [x]
def fixed(layer):
    layer.set_weights([np.cos(np.arange(w.size) * 0.7 + 0.3).reshape(w.shape).astype(w.dtype)
                       * 0.5 for w in layer.get_weights()])
"""


def _x(shape):
    n = 1
    for s in shape:
        n *= s
    return f"tf.constant(np.sin(np.arange({n}) * 0.37).reshape({shape}).astype('float32'))"


def _layer(ctor, shape, call=""):
    return ("tf.keras.backend.clear_session()\n" + _FIX
            + f"layer = {ctor}\nx = {_x(shape)}\nlayer(x{call})\nfixed(layer)\n"
            + "with tf.GradientTape(persistent=True) as t:\n"
            + "    t.watch(x)\n"
            + f"    y = layer(x{call})\n"
            + "    s = tf.add_n([tf.reduce_sum(v * v) for v in flat(y)])\n"
            + "[y, [(v.name, v.shape.as_list(), v.trainable) for v in layer.weights], "
            + "[w.shape for w in layer.get_weights()], t.gradient(s, x), "
            + "t.gradient(s, layer.trainable_weights)]")


LAYERS = [
    ("simple_rnn", f"{L}.SimpleRNN(3)", (2, 4, 3)),
    ("simple_rnn_seq_relu", f"{L}.SimpleRNN(2, activation='relu', return_sequences=True)",
     (2, 5, 3)),
    ("simple_rnn_state_back", f"{L}.SimpleRNN(3, return_state=True, go_backwards=True)",
     (3, 4, 2)),
    ("simple_rnn_nobias", f"{L}.SimpleRNN(2, use_bias=False, return_sequences=True)", (1, 3, 2)),
    ("lstm", f"{L}.LSTM(3)", (2, 4, 3)),
    ("lstm_seq", f"{L}.LSTM(4, return_sequences=True)", (2, 6, 3)),
    ("lstm_state", f"{L}.LSTM(3, return_state=True)", (2, 5, 2)),
    ("lstm_seq_state_back", f"{L}.LSTM(3, return_sequences=True, return_state=True, "
                            "go_backwards=True)", (2, 4, 3)),
    ("lstm_time_major", f"{L}.LSTM(2, return_sequences=True, time_major=True)", (4, 2, 3)),
    ("lstm_acts", f"{L}.LSTM(3, activation='relu', recurrent_activation='hard_sigmoid', "
                  "return_sequences=True)", (2, 4, 2)),
    ("lstm_nobias", f"{L}.LSTM(2, use_bias=False)", (2, 3, 3)),
    ("lstm_dropout_inference", f"{L}.LSTM(3, dropout=0.5, recurrent_dropout=0.3)", (2, 4, 3)),
    ("gru", f"{L}.GRU(3)", (2, 4, 3)),
    ("gru_seq_state", f"{L}.GRU(4, return_sequences=True, return_state=True)", (2, 5, 3)),
    ("gru_reset_before", f"{L}.GRU(3, reset_after=False, return_sequences=True)", (2, 4, 3)),
    ("gru_back", f"{L}.GRU(3, go_backwards=True, return_sequences=True)", (2, 4, 2)),
    ("gru_time_major_state", f"{L}.GRU(2, time_major=True, return_state=True)", (3, 2, 3)),
    ("gru_nobias", f"{L}.GRU(2, use_bias=False, reset_after=False)", (2, 3, 2)),
    ("rnn_lstm_cell", f"{L}.RNN({L}.LSTMCell(3), return_sequences=True)", (2, 4, 3)),
    ("rnn_simple_cell_state", f"{L}.RNN({L}.SimpleRNNCell(3), return_state=True)", (2, 4, 2)),
    ("rnn_stacked", f"{L}.RNN([{L}.LSTMCell(3), {L}.GRUCell(2)], return_sequences=True, "
                    "return_state=True)", (2, 4, 3)),
    ("rnn_stacked_cells", f"{L}.RNN({L}.StackedRNNCells([{L}.SimpleRNNCell(2), "
                          f"{L}.LSTMCell(3)]))", (2, 3, 2)),
    ("bidi_concat", f"{L}.Bidirectional({L}.LSTM(3))", (2, 4, 3)),
    ("bidi_seq_concat", f"{L}.Bidirectional({L}.GRU(2, return_sequences=True))", (2, 4, 3)),
    ("bidi_sum", f"{L}.Bidirectional({L}.LSTM(3, return_sequences=True), merge_mode='sum')",
     (2, 4, 2)),
    ("bidi_mul", f"{L}.Bidirectional({L}.SimpleRNN(3, return_sequences=True), "
                 "merge_mode='mul')", (2, 3, 2)),
    ("bidi_ave", f"{L}.Bidirectional({L}.GRU(3), merge_mode='ave')", (2, 4, 2)),
    ("bidi_none", f"{L}.Bidirectional({L}.LSTM(2, return_sequences=True), merge_mode=None)",
     (2, 3, 2)),
    ("bidi_state", f"{L}.Bidirectional({L}.LSTM(2, return_state=True))", (2, 3, 2)),
    ("bidi_rnn_cell", f"{L}.Bidirectional({L}.RNN({L}.GRUCell(2)))", (2, 3, 2)),
    ("time_distributed_dense", f"{L}.TimeDistributed({L}.Dense(3, activation='tanh'))",
     (2, 4, 3)),
    ("time_distributed_rank4", f"{L}.TimeDistributed({L}.Dense(2))", (2, 3, 2, 2)),
]

LAYERS += [
    ("v1_lstm_defaults", f"{V1}.LSTM(3, return_sequences=True)", (2, 4, 3)),
    ("v1_gru_defaults", f"{V1}.GRU(3, return_state=True)", (2, 4, 3)),
    ("v1_gru_reset_after", f"{V1}.GRU(2, reset_after=True, recurrent_activation='sigmoid')",
     (2, 3, 3)),
]
CASES = [(cid, _layer(*rest), TOL) for cid, *rest in LAYERS]

_CELL = ("tf.keras.backend.clear_session()\n" + _FIX
         + "cell = {ctor}\nx = " + _x((2, 3)) + "\nstates = {states}\ncell(x, states)\n"
         + "fixed(cell)\n"
         + "with tf.GradientTape() as t:\n"
         + "    t.watch(x)\n"
         + "    y, new = cell(x, states)\n"
         + "    s = tf.reduce_sum(y * y) + tf.add_n([tf.reduce_sum(v * v) "
         + "for v in flat(new)])\n"
         + "[y, new, [v.name for v in cell.weights], t.gradient(s, [x] + cell.weights)]")
_S = "tf.constant(np.linspace(-1, 1, {n}).reshape(2, {u}).astype('float32'))"
CASES += [
    ("cell_simple", _CELL.format(ctor=f"{L}.SimpleRNNCell(3)", states=f"[{_S.format(n=6, u=3)}]"),
     TOL),
    ("cell_lstm", _CELL.format(ctor=f"{L}.LSTMCell(2)", states=f"[{_S.format(n=4, u=2)}, "
                                                               f"{_S.format(n=4, u=2)} * 2]"),
     TOL),
    ("cell_gru", _CELL.format(ctor=f"{L}.GRUCell(2)", states=f"[{_S.format(n=4, u=2)}]"), TOL),
    ("cell_gru_tensor_state", _CELL.format(ctor=f"{L}.GRUCell(2, reset_after=False)",
                                           states=_S.format(n=4, u=2)), TOL),
]

# Initial states, Sequential/functional use, default initial values that are not random.
CASES += [
    ("lstm_initial_state", "tf.keras.backend.clear_session()\n" + _FIX
     + f"layer = {L}.LSTM(2, return_state=True)\nx = {_x((2, 3, 2))}\n"
     "h0 = tf.constant([[0.5, -0.5], [0.1, 0.2]])\nc0 = tf.constant([[1.0, 0.0], [0.0, -1.0]])\n"
     "layer(x, initial_state=[h0, c0])\nfixed(layer)\nlayer(x, initial_state=[h0, c0])", TOL),
    ("gru_initial_state_list_input", "tf.keras.backend.clear_session()\n" + _FIX
     + f"layer = {L}.GRU(2)\nx = {_x((2, 3, 2))}\nh0 = tf.constant([[0.5, -0.5], [0.1, 0.2]])\n"
     "layer([x, h0])\nfixed(layer)\nlayer([x, h0])", TOL),
    ("lstm_bias_init", f"tf.keras.backend.clear_session()\nl = {L}.LSTM(2)\n"
     f"l({_x((1, 2, 3))})\nl.get_weights()[2]", TOL),
    ("lstm_bias_init_no_forget", f"tf.keras.backend.clear_session()\n"
     f"l = {L}.LSTM(2, unit_forget_bias=False)\nl({_x((1, 2, 3))})\nl.get_weights()[2]", TOL),
    ("sequential_lstm_dense", "tf.keras.backend.clear_session()\n" + _FIX
     + f"m = tf.keras.Sequential([{L}.Embedding(10, 3, input_length=4), "
     f"{L}.LSTM(4, return_sequences=True), {L}.TimeDistributed({L}.Dense(2)), "
     f"{L}.GRU(2), {L}.Dense(1)])\n"
     "x = tf.constant([[1, 2, 3, 4], [5, 6, 7, 9]])\nm(x)\nfixed(m)\n"
     "[m(x), [v.name for v in m.weights], m.output_shape]", TOL),
    ("functional_bidi", "tf.keras.backend.clear_session()\n" + _FIX
     + "inp = tf.keras.Input((5, 3))\n"
     f"h = {L}.Bidirectional({L}.LSTM(3, return_sequences=True))(inp)\n"
     f"out, st = {L}.GRU(2, return_state=True)(h)\n"
     "m = tf.keras.Model(inp, [out, st])\n"
     f"fixed(m)\n[m({_x((2, 5, 3))}), [v.name for v in m.weights], m.output_shape]", TOL),
    ("lstm_count_params", f"tf.keras.backend.clear_session()\nl = {L}.LSTM(5)\n"
     f"l({_x((1, 2, 3))})\n[l.count_params(), l.units, list(l.cell.state_size)]"),
    ("gru_count_params", f"tf.keras.backend.clear_session()\nl = {L}.GRU(5)\n"
     f"l({_x((1, 2, 3))})\n[l.count_params(), l.cell.state_size, l.reset_after]"),
    ("rnn_rank2_error", f"tf.keras.backend.clear_session()\n{L}.LSTM(2)(tf.zeros((2, 3)))",
     {"first_line": True}),
    ("bidi_bad_merge", f"{L}.Bidirectional({L}.LSTM(2), merge_mode='max')",
     {"first_line": True}),
]

# -- TF 1: tf.compat.v1.nn.rnn_cell + dynamic_rnn / static_rnn / bidirectional_dynamic_rnn ------

_V1FIX = """def flat(x):
    return [t for v in x for t in flat(v)] if isinstance(x, (list, tuple)) else [x]
def fixed(weights):
    for i, v in enumerate(weights):
        v.assign(np.cos(np.arange(v.shape.num_elements()) * 0.7 + 0.3 * i)
                 .reshape(v.shape).astype('float32') * 0.5)
"""
RC = "tf.compat.v1.nn.rnn_cell"


def _v1(ctor, run, shape=(2, 4, 3), result="[out, state]", w="cell.weights"):
    return ("tf.keras.backend.clear_session()\n" + _V1FIX + f"cell = {ctor}\nx = {_x(shape)}\n"
            + f"out, state = {run}\nfixed({w})\n"
            + "with tf.GradientTape() as t:\n"
            + "    t.watch(x)\n"
            + f"    out, state = {run}\n"
            + "    s = tf.add_n([tf.reduce_sum(v * v) for v in flat([out, state])])\n"
            + f"[{result}, [(v.name, v.shape.as_list()) for v in {w}], "
            + f"t.gradient(s, [x] + {w})]")


DYN = "tf.compat.v1.nn.dynamic_rnn(cell, x, dtype=tf.float32{})"
CASES += [
    ("v1_basic_rnn", _v1(f"{RC}.BasicRNNCell(3)", DYN.format("")), TOL),
    ("v1_basic_lstm", _v1(f"{RC}.BasicLSTMCell(3)", DYN.format("")), TOL),
    ("v1_basic_lstm_not_tuple", _v1(f"{RC}.BasicLSTMCell(2, state_is_tuple=False, "
                                    "forget_bias=0.5)", DYN.format("")), TOL),
    ("v1_lstm", _v1(f"{RC}.LSTMCell(3)", DYN.format("")), TOL),
    ("v1_lstm_peep_proj", _v1(f"{RC}.LSTMCell(4, use_peepholes=True, num_proj=2, "
                              "cell_clip=0.8, proj_clip=0.3)", DYN.format("")), TOL),
    ("v1_gru", _v1(f"{RC}.GRUCell(3)", DYN.format("")), TOL),
    ("v1_gru_relu", _v1(f"{RC}.GRUCell(2, activation=tf.nn.relu)", DYN.format("")), TOL),
    ("v1_multi", _v1(f"{RC}.MultiRNNCell([{RC}.BasicLSTMCell(3), {RC}.GRUCell(2)])",
                     DYN.format(", scope='enc'")), TOL),
    ("v1_seq_len_lstm", _v1(f"{RC}.BasicLSTMCell(3)",
                            DYN.format(", sequence_length=[4, 2]")), TOL),
    ("v1_seq_len_gru_time_major", _v1(f"{RC}.GRUCell(2)", DYN.format(
        ", sequence_length=tf.constant([1, 3]), time_major=True"), shape=(3, 2, 2)), TOL),
    ("v1_initial_state", _v1(f"{RC}.BasicLSTMCell(2)", "tf.compat.v1.nn.dynamic_rnn(cell, x, "
                             f"initial_state={RC}.LSTMStateTuple(tf.ones((2, 2)), "
                             "tf.fill((2, 2), -0.5)))"), TOL),
    ("v1_static_rnn", _v1(f"{RC}.LSTMCell(3)", "tf.compat.v1.nn.static_rnn(cell, "
                          "tf.unstack(x, axis=1), dtype=tf.float32)"), TOL),
    ("v1_static_rnn_seq_len", _v1(f"{RC}.GRUCell(2)", "tf.compat.v1.nn.static_rnn(cell, "
                                  "tf.unstack(x, axis=1), dtype=tf.float32, "
                                  "sequence_length=[3, 1])"), TOL),
    ("v1_bidi", "tf.keras.backend.clear_session()\n" + _V1FIX
     + f"fw, bw = {RC}.GRUCell(2), {RC}.BasicLSTMCell(3)\nx = {_x((2, 4, 3))}\n"
     "run = lambda: tf.compat.v1.nn.bidirectional_dynamic_rnn(fw, bw, x, "
     "sequence_length=[4, 2], dtype=tf.float32)\n"
     "run()\nfixed(fw.weights + bw.weights)\n"
     "with tf.GradientTape() as t:\n    t.watch(x)\n    out, state = run()\n"
     "    s = tf.add_n([tf.reduce_sum(v * v) for v in flat([out, state])])\n"
     "[out, state, [v.name for v in fw.weights + bw.weights], "
     "t.gradient(s, [x] + fw.weights + bw.weights)]", TOL),
    ("v1_bidi_no_len", "tf.keras.backend.clear_session()\n" + _V1FIX
     + f"fw, bw = {RC}.BasicRNNCell(2), {RC}.BasicRNNCell(2)\nx = {_x((2, 3, 2))}\n"
     "run = lambda: tf.compat.v1.nn.bidirectional_dynamic_rnn(fw, bw, x, dtype=tf.float32, "
     "scope='bd')\nrun()\nfixed(fw.weights + bw.weights)\n"
     "[run(), [v.name for v in fw.weights + bw.weights]]", TOL),
    ("v1_cell_call", "tf.keras.backend.clear_session()\n" + _V1FIX
     + f"cell = {RC}.BasicLSTMCell(2)\nx = {_x((2, 3))}\n"
     "st = cell.zero_state(2, tf.float32)\ncell(x, st)\nfixed(cell.weights)\n"
     "[cell(x, st), st, [v.name for v in cell.weights], cell.state_size, cell.output_size]",
     TOL),
    ("v1_zero_state_multi", f"c = {RC}.MultiRNNCell([{RC}.LSTMCell(2, num_proj=1), "
     f"{RC}.GRUCell(3)])\n[c.zero_state(2, tf.float32), c.state_size, c.output_size]"),
    ("v1_dropout_wrapper_keep1", _v1(f"{RC}.DropoutWrapper({RC}.GRUCell(2), "
                                     "input_keep_prob=1.0, output_keep_prob=1.0)",
                                     DYN.format(""), w="cell.cell.weights"), TOL),
    ("v1_dropout_wrapper_weights", f"c = {RC}.DropoutWrapper({RC}.GRUCell(2))\n"
     "tf.compat.v1.nn.dynamic_rnn(c, tf.zeros((1, 2, 3)), dtype=tf.float32)\n"
     "[c.weights, len(c.cell.weights), c.state_size, c.output_size]"),
    ("v1_state_tuple", f"s = {RC}.LSTMStateTuple(tf.ones((1, 2)), tf.zeros((1, 2)))\n"
     "[s, s.c, s.h, s.dtype, type(s).__name__]"),
    ("v1_dynamic_rnn_no_dtype", f"tf.compat.v1.nn.dynamic_rnn({RC}.GRUCell(2), "
     "tf.zeros((2, 3, 2)))", {"first_line": True}),
]

# User-defined cells run the Python loop (Keras 2's documented MinimalRNNCell; a TF 1 RNNCell).
_MINIMAL = """class MinimalRNNCell(tf.keras.layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.state_size = units
    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units), name='kernel')
        self.recurrent_kernel = self.add_weight(shape=(self.units, self.units),
                                                name='recurrent_kernel')
        self.built = True
    def call(self, inputs, states):
        output = tf.tanh(tf.matmul(inputs, self.kernel) + tf.matmul(states[0],
                                                                   self.recurrent_kernel))
        return output, [output]
"""
CASES += [
    ("custom_cell", _MINIMAL + _layer(f"{L}.RNN(MinimalRNNCell(3), return_sequences=True, "
                                      "go_backwards=True)", (2, 4, 2)), TOL),
    ("custom_cell_stacked", _MINIMAL + _layer(f"{L}.RNN([MinimalRNNCell(2), {L}.GRUCell(3)], "
                                              "return_state=True)", (2, 3, 2)), TOL),
]
_MYCELL = """class MyCell(tf.compat.v1.nn.rnn_cell.RNNCell):
    def __init__(self, n):
        super().__init__()
        self.n = n
    @property
    def state_size(self):
        return self.n
    @property
    def output_size(self):
        return self.n
    def build(self, shape):
        self.k = self.add_weight('k', shape=[shape[-1] + self.n, self.n])
        self.built = True
    def call(self, x, h):
        y = tf.tanh(tf.matmul(tf.concat([x, h], 1), self.k))
        return y, y
"""
CASES += [
    ("v1_custom_cell_seq_len", _MYCELL + _v1("MyCell(3)", DYN.format(
        ", sequence_length=[2, 4]")), TOL),
    ("v1_custom_cell_in_multi", _MYCELL + _v1(f"{RC}.MultiRNNCell([MyCell(2), {RC}.GRUCell(2)])",
                                              DYN.format("")), TOL),
    ("v1_static_bidi", "tf.keras.backend.clear_session()\n" + _V1FIX
     + f"fw, bw = {RC}.LSTMCell(2), {RC}.GRUCell(2)\nx = tf.unstack({_x((2, 3, 2))}, axis=1)\n"
     "run = lambda: tf.compat.v1.nn.static_bidirectional_rnn(fw, bw, x, dtype=tf.float32, "
     "sequence_length=[3, 2])\nrun()\nfixed(fw.weights + bw.weights)\n"
     "[run(), [v.name for v in fw.weights + bw.weights]]", TOL),
]

CASES += [
    ("sequential_summary", "tf.keras.backend.clear_session()\nlines = []\n"
     f"m = tf.keras.Sequential([{L}.Embedding(10, 3, input_length=4), "
     f"{L}.Bidirectional({L}.LSTM(4, return_sequences=True)), "
     f"{L}.TimeDistributed({L}.Dense(2)), {L}.GRU(2), {L}.Dense(1)])\n"
     "m.summary(print_fn=lambda s, **k: lines.append(s))\nlines"),
]

# Keras 2 cells in TF 1's loops (tf_keras's dynamic_rnn takes them).
CASES += [
    ("v1_dynamic_rnn_keras_lstm_cell", _v1(f"{L}.LSTMCell(3)",
                                           DYN.format(", sequence_length=[4, 2]")), TOL),
    ("v1_dynamic_rnn_keras_gru_cell", _v1(f"{L}.GRUCell(2)", DYN.format("")), TOL),
]

# Explicit masks (`layer(x, mask=m)`): masked steps keep the state and repeat the last output.
_M = ", mask=tf.constant([[True, True, False, True], [True, False, False, False]])"
CASES += [
    ("mask_lstm_seq", _layer(f"{L}.LSTM(3, return_sequences=True, return_state=True)",
                             (2, 4, 3), _M), TOL),
    ("mask_gru_last_back", _layer(f"{L}.GRU(2, go_backwards=True)", (2, 4, 3), _M), TOL),
    ("mask_simple_rnn_seq", _layer(f"{L}.SimpleRNN(2, return_sequences=True, "
                                   "go_backwards=True)", (2, 4, 2), _M), TOL),
    ("mask_custom_cell", _MINIMAL + _layer(f"{L}.RNN(MinimalRNNCell(2), return_sequences=True)",
                                           (2, 4, 2), _M), TOL),
    ("mask_bidi_seq", _layer(f"{L}.Bidirectional({L}.LSTM(2, return_sequences=True))",
                             (2, 4, 2), _M), TOL),
    ("mask_bidi_last", _layer(f"{L}.Bidirectional({L}.GRU(2), merge_mode='sum')",
                              (2, 4, 2), _M), TOL),
    ("mask_time_major", _layer(f"{L}.LSTM(2, time_major=True, return_sequences=True)",
                               (4, 2, 2), ", mask=tf.constant([[True, True], [True, False], "
                               "[False, False], [True, False]])"), TOL),
]

CASES += [
    ("v1_residual_wrapper", _v1(f"{RC}.ResidualWrapper({RC}.GRUCell(3))", DYN.format(""),
                                w="cell.cell.weights"), TOL),
    ("v1_device_wrapper_in_multi", _v1(f"{RC}.MultiRNNCell([{RC}.DeviceWrapper("
                                       f"{RC}.BasicLSTMCell(2), '/cpu:0'), {RC}.GRUCell(2)])",
                                       DYN.format(", sequence_length=[3, 1]"),
                                       w="cell._cells[0].cell.weights + cell.weights"), TOL),
]
