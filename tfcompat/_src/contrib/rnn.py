"""TF 1's `tf.contrib.rnn`: the core cells, wrappers and static loops (the same objects as
`tf.nn.rnn_cell.*` and `tf.nn.static_rnn`). The contrib-only cells (LSTMBlockCell,
LayerNormBasicLSTMCell, ...) are not provided."""

from tfcompat._src.rnn_v1 import (
    BasicLSTMCell,
    BasicRNNCell,
    DeviceWrapper,
    DropoutWrapper,
    GRUCell,
    LSTMCell,
    LSTMStateTuple,
    MultiRNNCell,
    ResidualWrapper,
    RNNCell,
    static_bidirectional_rnn,
    static_rnn,
)

__all__ = ["BasicLSTMCell", "BasicRNNCell", "DeviceWrapper", "DropoutWrapper", "GRUCell",
           "LSTMCell", "LSTMStateTuple", "MultiRNNCell", "ResidualWrapper", "RNNCell",
           "static_bidirectional_rnn", "static_rnn"]
