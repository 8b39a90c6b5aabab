"""TF 1's `tf.contrib.rnn`: the core cells, wrappers and static loops (the same objects as
`tf.nn.rnn_cell.*` and `tf.nn.static_rnn`). The contrib-only cells (LSTMBlockCell,
LayerNormBasicLSTMCell, ...) are not provided."""

from tfcompat._src import logs
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

# The same deprecation-noticing wrappers as tf.nn.static_rnn's (logs caches one per object).
static_rnn = logs.deprecated_wrapper(static_rnn, *logs.DEPRECATED["nn.static_rnn"])
static_bidirectional_rnn = logs.deprecated_wrapper(
    static_bidirectional_rnn, *logs.DEPRECATED["nn.static_bidirectional_rnn"])

__all__ = ["BasicLSTMCell", "BasicRNNCell", "DeviceWrapper", "DropoutWrapper", "GRUCell",
           "LSTMCell", "LSTMStateTuple", "MultiRNNCell", "ResidualWrapper", "RNNCell",
           "static_bidirectional_rnn", "static_rnn"]
