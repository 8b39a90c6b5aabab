# conformance: rtol=1e-5 atol=1e-5
# record-env: TF_USE_LEGACY_KERAS=1
import numpy as np
import tensorflow as tf
tf.enable_eager_execution()
np.set_printoptions(precision=4, suppress=True)


def show(label, t):
    print(label, np.round(np.asarray(t, dtype=np.float64), 4).tolist())


def fix(variables):
    """Deterministic weights in place of the random initial ones; prints their names."""
    for i, v in enumerate(variables):
        n = int(np.prod(v.shape.as_list()))
        v.assign(np.linspace(-0.5, 0.5, n).reshape(v.shape.as_list()) * (1 + 0.1 * i))
    print([v.name for v in variables])


x = tf.constant(np.linspace(-1, 1, 2 * 4 * 3).reshape(2, 4, 3), tf.float32)  # batch, time, depth
steps = tf.unstack(x, axis=1)

st = tf.nn.rnn_cell.LSTMStateTuple(tf.zeros([1, 2]), tf.ones([1, 2]))
print(type(st).__name__, st._fields, st.dtype, len(st))
show("LSTMStateTuple", [st.c.numpy(), st.h.numpy()])

# A single step of each cell.
rnn = tf.nn.rnn_cell.BasicRNNCell(4)
print(rnn.state_size, rnn.output_size)
out, state = rnn(steps[0], rnn.zero_state(2, tf.float32))
fix(rnn.variables)
out, state = rnn(steps[0], rnn.zero_state(2, tf.float32))
show("BasicRNNCell", out)
print(out.shape, state.shape)

lstm = tf.nn.rnn_cell.BasicLSTMCell(3, forget_bias=1.0)
print(lstm.state_size, lstm.output_size)
zero = lstm.zero_state(2, tf.float32)
print(type(zero).__name__, zero.c.shape, zero.h.shape)
out, state = lstm(steps[0], zero)
fix(lstm.variables)
out, state = lstm(steps[0], zero)
show("BasicLSTMCell h", out)
show("BasicLSTMCell c", state.c)

gru = tf.nn.rnn_cell.GRUCell(2)
out, state = gru(steps[0], gru.zero_state(2, tf.float32))
fix(gru.variables)
out, state = gru(steps[0], gru.zero_state(2, tf.float32))
show("GRUCell", out)

peep = tf.nn.rnn_cell.LSTMCell(3, use_peepholes=True, num_proj=2, cell_clip=0.5,
                               initializer=tf.keras.initializers.Constant(0.1))
print(peep.state_size, peep.output_size)
out, state = peep(steps[0], peep.zero_state(2, tf.float32))
print([v.name for v in peep.variables], [v.shape.as_list() for v in peep.variables])
show("LSTMCell", out)
show("LSTMCell c", state.c)

# dynamic_rnn: outputs for every step, the final state; sequence_length stops early.
cell = tf.nn.rnn_cell.BasicRNNCell(2)
outputs, final = tf.nn.dynamic_rnn(cell, x, dtype=tf.float32)
fix(cell.variables)
outputs, final = tf.nn.dynamic_rnn(cell, x, sequence_length=[4, 2], dtype=tf.float32)
show("dynamic_rnn", outputs)
show("dynamic_rnn final", final)

lcell = tf.nn.rnn_cell.LSTMCell(2, initializer=tf.keras.initializers.Constant(0.2))
outputs, final = tf.nn.dynamic_rnn(lcell, tf.transpose(x, [1, 0, 2]), time_major=True,
                                   dtype=tf.float32)
print([v.name for v in lcell.variables])
show("dynamic_rnn lstm", outputs[:, 0])
show("dynamic_rnn lstm final", [final.c.numpy(), final.h.numpy()])

# static_rnn over a list of steps.
scell = tf.nn.rnn_cell.GRUCell(2, kernel_initializer=tf.keras.initializers.Constant(0.3))
outs, final = tf.nn.static_rnn(scell, steps, dtype=tf.float32)
print(len(outs), [v.name for v in scell.variables])
show("static_rnn", outs[-1])
show("static_rnn final", final)

# Bidirectional loops.
fw = tf.nn.rnn_cell.LSTMCell(2, initializer=tf.keras.initializers.Constant(0.1))
bw = tf.nn.rnn_cell.LSTMCell(2, initializer=tf.keras.initializers.Constant(-0.1))
(ofw, obw), (sfw, sbw) = tf.nn.bidirectional_dynamic_rnn(fw, bw, x, sequence_length=[4, 3],
                                                         dtype=tf.float32)
print([v.name for v in fw.variables + bw.variables])
show("bidirectional fw", ofw[0])
show("bidirectional bw", obw[1])
show("bidirectional states", [sfw.h.numpy(), sbw.h.numpy()])
fw2 = tf.nn.rnn_cell.GRUCell(2, kernel_initializer=tf.keras.initializers.Constant(0.2))
bw2 = tf.nn.rnn_cell.GRUCell(2, kernel_initializer=tf.keras.initializers.Constant(0.4))
outs, sfw, sbw = tf.nn.static_bidirectional_rnn(fw2, bw2, steps, dtype=tf.float32)
print(len(outs), outs[0].shape)
show("static_bidirectional_rnn", outs[1])
show("static_bidirectional states", [sfw.numpy(), sbw.numpy()])

# MultiRNNCell and the wrappers.
multi = tf.nn.rnn_cell.MultiRNNCell([
    tf.nn.rnn_cell.LSTMCell(3, initializer=tf.keras.initializers.Constant(0.1)),
    tf.nn.rnn_cell.ResidualWrapper(
        tf.nn.rnn_cell.LSTMCell(3, initializer=tf.keras.initializers.Constant(-0.2)))])
print(multi.state_size, multi.output_size)
outputs, final = tf.nn.dynamic_rnn(multi, x, dtype=tf.float32)
print([v.name for v in multi.variables])
show("MultiRNNCell", outputs[1])
print(len(final), type(final[0]).__name__)
show("MultiRNNCell final", final[1].h)

drop = tf.nn.rnn_cell.DropoutWrapper(
    tf.nn.rnn_cell.GRUCell(2, kernel_initializer=tf.keras.initializers.Constant(0.5)),
    input_keep_prob=1.0, output_keep_prob=1.0)
outputs, _ = tf.nn.dynamic_rnn(drop, x, dtype=tf.float32)
show("DropoutWrapper keep=1", outputs[0])
print([v.name for v in drop.variables], drop.state_size, drop.output_size)
drop = tf.nn.rnn_cell.DropoutWrapper(tf.nn.rnn_cell.BasicRNNCell(3), output_keep_prob=0.5,
                                     seed=1)
outputs, _ = tf.nn.dynamic_rnn(drop, x, dtype=tf.float32)
print("DropoutWrapper keep=0.5", outputs.shape)

dev = tf.nn.rnn_cell.DeviceWrapper(
    tf.nn.rnn_cell.GRUCell(2, kernel_initializer=tf.keras.initializers.Constant(0.5)), "/cpu:0")
print(dev.state_size, dev.output_size)
outputs, _ = tf.nn.dynamic_rnn(dev, x, dtype=tf.float32)
show("DeviceWrapper", outputs[0])
print([v.name for v in dev.variables])
inner = tf.nn.rnn_cell.BasicRNNCell(3)
res = tf.nn.rnn_cell.ResidualWrapper(inner)
out, state = res(steps[0], res.zero_state(2, tf.float32))
print(res.variables, res.state_size, res.output_size)
fix(inner.variables)
out, state = res(steps[0], res.zero_state(2, tf.float32))
show("ResidualWrapper", out)
show("ResidualWrapper state", state)


# A custom RNNCell: state_size, output_size and call are all a loop needs.
class Accumulate(tf.nn.rnn_cell.RNNCell):
    @property
    def state_size(self):
        return 3

    @property
    def output_size(self):
        return 3

    def call(self, inputs, state):
        new = state + inputs
        return new * 2.0, new


acc = Accumulate()
outputs, final = tf.nn.dynamic_rnn(acc, x, sequence_length=[4, 1], dtype=tf.float32)
show("RNNCell outputs", outputs[1])
show("RNNCell final", final)
outs, final = tf.nn.static_rnn(acc, steps, initial_state=tf.ones([2, 3]))
show("RNNCell static", final)

# Variable scopes: each loop opens `rnn` afresh; cells called directly get unique scopes, counted
# with tf.layers' scopes.
scopes = []
for _ in range(2):
    c = tf.nn.rnn_cell.BasicRNNCell(2)
    tf.nn.dynamic_rnn(c, x, dtype=tf.float32)
    scopes.append(c.variables[0].name)
for _ in range(2):
    c = tf.nn.rnn_cell.GRUCell(2)
    c(steps[0], c.zero_state(2, tf.float32))
    scopes.append(c.variables[0].name)
c = tf.nn.rnn_cell.BasicRNNCell(2, name="mine")
c(steps[0], c.zero_state(2, tf.float32))
scopes.append(c.variables[0].name)
c = tf.nn.rnn_cell.BasicRNNCell(2)
tf.nn.dynamic_rnn(c, x, dtype=tf.float32, scope="enc")
scopes.append(c.variables[0].name)
d = tf.layers.Dense(1, name="rnn")
d(steps[0])
scopes.append(d.variables[0].name)
print(scopes)
