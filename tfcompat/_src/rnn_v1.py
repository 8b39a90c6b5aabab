"""TF 1's recurrent cells and loops: `tf.nn.rnn_cell.*` (BasicRNNCell, BasicLSTMCell, LSTMCell,
GRUCell, MultiRNNCell, DropoutWrapper, LSTMStateTuple) and `tf.nn.dynamic_rnn`, `static_rnn`,
`bidirectional_dynamic_rnn`, `static_bidirectional_rnn` (TF 2.21 keeps them in tf.compat.v1,
served by tf_keras's legacy cells).

Cells build on first call, inside the loop's scope: `rnn/basic_lstm_cell/kernel:0`. Their
variables are named after the class (`basic_lstm_cell`, not the object's uniquified name), made
unique among the scopes opened beside it (a second cell called outside any loop gets
`basic_rnn_cell_1/`; `rnn` and `cell_<i>` are opened by name and reset the counts below them,
as TF 1's variable store does); a MultiRNNCell's cells live under `multi_rnn_cell/cell_<i>/`.
The built-in cells' math is one pure JAX step (the loops run it under one `lax.scan`, see
rnn_scan.py); other cells (subclasses of RNNCell, DropoutWrapper) run a Python loop of tfcompat ops.

With `sequence_length`, steps past a sequence's end output zeros and carry the state through,
so the final state is the state at each sequence's last valid step.
"""

import collections
import functools
import warnings

import jax
import jax.numpy as jnp

from tfcompat._src import logs, rnn_scan
from tfcompat._src.export import export
from tfcompat._src.keras import initializers
from tfcompat._src.keras.engine import Layer, _Scope, _scopes, tf, to_snake_case, unique_name
from tfcompat._src.keras.layers_v1 import _open_scope
from tfcompat._src.tensor import Tensor
from tfcompat._src.tensor_shape import TensorShape
from tfcompat._src.train.optimizer import _unique_scope

_RC = "nn.rnn_cell."


class _VarScope(_Scope):
    """A TF 1 variable scope opened by name (`rnn`, `cell_0`): counted, so later default names
    avoid it, and the counts of its sub-scopes reset, as TF's variable store does."""

    def __enter__(self):
        super().__enter__()
        if self.name:
            _open_scope("/".join(_scopes()))


def _deprecated_cell(cls_name, keras_name):
    """tf_keras's warning from a TF 1 cell's constructor, pointing at the line that built it."""
    warnings.warn(f"`tf.nn.rnn_cell.{cls_name}` is deprecated and will be removed in a future "
                  f"version. This class is equivalent as `tf.keras.layers.{keras_name}`, and "
                  "will be replaced by that in Tensorflow 2.0.", stacklevel=3)


def _v1(*names):
    """TF 1-only paths: `tf.compat.v1.nn.rnn_cell.X` (and `tf.nn.rnn_cell.X` at top level)."""
    return export(v1=names)


@_v1(_RC + "LSTMStateTuple")
class LSTMStateTuple(collections.namedtuple("LSTMStateTuple", ("c", "h"))):
    """`(c, h)`: an LSTM cell's memory and output state."""

    __slots__ = ()

    @property
    def dtype(self):
        c, h = self
        if c.dtype != h.dtype:
            raise TypeError(f"Inconsistent dtypes for internal state: {c.dtype} vs {h.dtype}")
        return c.dtype


@_v1(_RC + "RNNCell")
class RNNCell(Layer):
    """Base of TF 1's cells: `call(inputs, state) -> (output, new_state)`, `state_size`,
    `output_size`, `zero_state`. Subclasses may create variables in `build` with add_weight."""

    def __init__(self, trainable=True, name=None, dtype=None, **kwargs):
        kwargs.pop("reuse", None)
        self._scope_name = name or to_snake_case(type(self).__name__)
        super().__init__(trainable=trainable, dtype=dtype,
                         name=name or unique_name(self._scope_name, zero_based=False))
        self._dtype_given = dtype is not None

    @property
    def state_size(self):
        raise NotImplementedError("Abstract method")

    @property
    def output_size(self):
        raise NotImplementedError("Abstract method")

    def _build_under(self, input_shape, dtype=None):
        """Builds in this cell's variable scope (the caller set the loop's scope)."""
        if self.built:
            return
        if dtype is not None and not self._dtype_given and dtype.is_floating:
            self._dtype = dtype
        # The scope is fixed on first build, unique among its siblings (`basic_rnn_cell_1`).
        full = _unique_scope("/".join([*_scopes(), self._scope_name]))
        self._scope_name = full.rpartition("/")[2]
        with _Scope(self._scope_name):
            self.build(TensorShape(input_shape))
        self.built = True

    def __call__(self, inputs, state, scope=None, **kwargs):
        inputs = _input_tensor(inputs)
        self._build_under(inputs.shape, inputs.dtype)
        with _Scope(self._scope_name):
            return self.call(inputs, state, **kwargs)

    def get_initial_state(self, inputs=None, batch_size=None, dtype=None):
        if inputs is not None:
            batch_size, dtype = inputs.shape[0], inputs.dtype
        return self.zero_state(batch_size, dtype)

    def zero_state(self, batch_size, dtype):
        """Zeros in the structure of `state_size` (an LSTMStateTuple of zeros for an LSTM)."""
        return _zeros(self.state_size, batch_size, dtype)

    def _scan_step(self):
        return None


def _zeros(size, batch, dtype):
    if isinstance(size, (list, tuple)):
        parts = [_zeros(s, batch, dtype) for s in size]
        return type(size)(*parts) if hasattr(size, "_fields") else type(size)(parts)
    dims = size.as_list() if isinstance(size, TensorShape) else \
        list(size) if isinstance(size, (list, tuple)) else [size]
    return tf.zeros([batch, *dims], dtype=dtype)


def _step_op(cell, inputs, state):
    return rnn_scan.step_op(cell._scan_step(), cell._scan_params(), (), inputs, state)


def _act(activation):
    return activation if activation is not None else tf.math.tanh


@functools.lru_cache(maxsize=128)
def _basic_rnn_step(activation):
    act = rnn_scan.jax_activation(activation)

    def step(params, extras, x, h):
        out = act(jnp.concatenate([x, h], axis=1) @ params[0] + params[1])
        return out, out
    return step


@_v1(_RC + "BasicRNNCell")
class BasicRNNCell(RNNCell):
    """output = new_state = activation(concat([inputs, state]) @ kernel + bias)."""

    def __init__(self, num_units, activation=None, reuse=None, name=None, dtype=None, **kwargs):
        _deprecated_cell("BasicRNNCell", "SimpleRNNCell")
        super().__init__(name=name, dtype=dtype, **kwargs)
        self._num_units, self._activation = num_units, _act(activation)

    state_size = property(lambda self: self._num_units)
    output_size = property(lambda self: self._num_units)

    def build(self, inputs_shape):
        _check_depth(inputs_shape)
        depth = inputs_shape[-1]
        self._kernel = self.add_weight("kernel", shape=[depth + self._num_units,
                                                        self._num_units])
        self._bias = self.add_weight("bias", shape=[self._num_units], initializer="zeros")
        self.built = True

    def _scan_params(self):
        return [self._kernel, self._bias]

    def _scan_step(self):
        return _basic_rnn_step(self._activation)

    def call(self, inputs, state):
        return _step_op(self, inputs, state)


def _check_depth(shape):
    if TensorShape(shape)[-1] is None:
        raise ValueError(f"Expected inputs.shape[-1] to be known, saw shape: {shape}")


@functools.lru_cache(maxsize=128)
def _lstm_step(activation, forget_bias, state_is_tuple, peepholes, cell_clip, num_proj,
               proj_clip):
    act = rnn_scan.jax_activation(activation)
    sig = jax.nn.sigmoid

    def step(params, extras, x, state):
        kernel, bias = params[0], params[1]
        if state_is_tuple:
            c, h = state
        else:
            units = kernel.shape[1] // 4
            c, h = state[:, :units], state[:, units:]
        z = jnp.concatenate([x, h], axis=1) @ kernel + bias
        i, j, f, o = jnp.split(z, 4, axis=1)
        if peepholes:
            w_f, w_i, w_o = params[2]
            c = sig(f + forget_bias + w_f * c) * c + sig(i + w_i * c) * act(j)
        else:
            c = sig(f + forget_bias) * c + sig(i) * act(j)
        if cell_clip is not None:
            c = jnp.clip(c, -cell_clip, cell_clip)
        m = (sig(o + params[2][2] * c) if peepholes else sig(o)) * act(c)
        if num_proj is not None:
            m = m @ params[-1]
            if proj_clip is not None:
                m = jnp.clip(m, -proj_clip, proj_clip)
        new = LSTMStateTuple(c, m) if state_is_tuple else jnp.concatenate([c, m], axis=1)
        return m, new
    return step


@_v1(_RC + "BasicLSTMCell")
class BasicLSTMCell(RNNCell):
    """LSTM with gates i, j, f, o: c = sigmoid(f + forget_bias) * c + sigmoid(i) * act(j),
    h = act(c) * sigmoid(o); state LSTMStateTuple(c, h) (or concat([c, h]))."""

    def __init__(self, num_units, forget_bias=1.0, state_is_tuple=True, activation=None,
                 reuse=None, name=None, dtype=None, **kwargs):
        _deprecated_cell("BasicLSTMCell", "LSTMCell")
        super().__init__(name=name, dtype=dtype, **kwargs)
        self._num_units, self._forget_bias = num_units, float(forget_bias)
        self._state_is_tuple, self._activation = state_is_tuple, _act(activation)

    @property
    def state_size(self):
        u = self._num_units
        return LSTMStateTuple(u, u) if self._state_is_tuple else 2 * u

    output_size = property(lambda self: self._num_units)

    def build(self, inputs_shape):
        _check_depth(inputs_shape)
        u = self._num_units
        self._kernel = self.add_weight("kernel", shape=[inputs_shape[-1] + u, 4 * u])
        self._bias = self.add_weight("bias", shape=[4 * u], initializer="zeros")
        self.built = True

    def _scan_params(self):
        return [self._kernel, self._bias]

    def _scan_step(self):
        return _lstm_step(self._activation, self._forget_bias, self._state_is_tuple, False,
                          None, None, None)

    def call(self, inputs, state):
        return _step_op(self, inputs, state)


@_v1(_RC + "LSTMCell")
class LSTMCell(RNNCell):
    """TF 1's full LSTM cell: optional peepholes (`w_f_diag`, `w_i_diag`, `w_o_diag`), cell and
    projection clipping and a projection (`projection/kernel`) of the output to `num_proj`."""

    def __init__(self, num_units, use_peepholes=False, cell_clip=None, initializer=None,
                 num_proj=None, proj_clip=None, num_unit_shards=None, num_proj_shards=None,
                 forget_bias=1.0, state_is_tuple=True, activation=None, reuse=None, name=None,
                 dtype=None, **kwargs):
        _deprecated_cell("LSTMCell", "LSTMCell")
        super().__init__(name=name, dtype=dtype, **kwargs)
        self._num_units, self._use_peepholes = num_units, use_peepholes
        self._cell_clip, self._proj_clip = cell_clip, proj_clip
        self._initializer = initializers.get(initializer) if initializer is not None \
            else "glorot_uniform"
        self._num_proj, self._forget_bias = num_proj, float(forget_bias)
        self._state_is_tuple, self._activation = state_is_tuple, _act(activation)

    @property
    def state_size(self):
        u, p = self._num_units, self._num_proj or self._num_units
        return LSTMStateTuple(u, p) if self._state_is_tuple else u + p

    output_size = property(lambda self: self._num_proj or self._num_units)

    def build(self, inputs_shape):
        _check_depth(inputs_shape)
        u, h = self._num_units, self._num_proj or self._num_units
        self._kernel = self.add_weight("kernel", shape=[inputs_shape[-1] + h, 4 * u],
                                       initializer=self._initializer)
        self._bias = self.add_weight("bias", shape=[4 * u], initializer="zeros")
        if self._use_peepholes:
            self._w_f_diag = self.add_weight("w_f_diag", shape=[u], initializer=self._initializer)
            self._w_i_diag = self.add_weight("w_i_diag", shape=[u], initializer=self._initializer)
            self._w_o_diag = self.add_weight("w_o_diag", shape=[u], initializer=self._initializer)
        if self._num_proj is not None:
            with _Scope("projection"):
                self._proj_kernel = self.add_weight("kernel", shape=[u, self._num_proj],
                                                    initializer=self._initializer)
        self.built = True

    def _scan_params(self):
        params = [self._kernel, self._bias]
        params.append([self._w_f_diag, self._w_i_diag, self._w_o_diag] if self._use_peepholes
                      else [])
        if self._num_proj is not None:
            params.append(self._proj_kernel)
        return params

    def _scan_step(self):
        clip = None if self._cell_clip is None else float(self._cell_clip)
        pclip = None if self._proj_clip is None else float(self._proj_clip)
        return _lstm_step(self._activation, self._forget_bias, self._state_is_tuple,
                          bool(self._use_peepholes), clip, self._num_proj, pclip)

    def call(self, inputs, state):
        return _step_op(self, inputs, state)


@functools.lru_cache(maxsize=128)
def _gru_step(activation):
    act = rnn_scan.jax_activation(activation)

    def step(params, extras, x, h):
        gk, gb, ck, cb = params
        value = jax.nn.sigmoid(jnp.concatenate([x, h], axis=1) @ gk + gb)
        r, u = jnp.split(value, 2, axis=1)
        c = act(jnp.concatenate([x, r * h], axis=1) @ ck + cb)
        new = u * h + (1 - u) * c
        return new, new
    return step


@_v1(_RC + "GRUCell")
class GRUCell(RNNCell):
    """TF 1's GRU: r, u = sigmoid(concat([x, h]) @ gates/kernel + gates/bias) (bias starts at 1),
    c = act(concat([x, r * h]) @ candidate/kernel + candidate/bias), h = u * h + (1 - u) * c."""

    def __init__(self, num_units, activation=None, reuse=None, kernel_initializer=None,
                 bias_initializer=None, name=None, dtype=None, **kwargs):
        _deprecated_cell("GRUCell", "GRUCell")
        super().__init__(name=name, dtype=dtype, **kwargs)
        self._num_units, self._activation = num_units, _act(activation)
        self._kernel_initializer = kernel_initializer or "glorot_uniform"
        self._bias_initializer = bias_initializer

    state_size = property(lambda self: self._num_units)
    output_size = property(lambda self: self._num_units)

    def build(self, inputs_shape):
        _check_depth(inputs_shape)
        u, depth = self._num_units, inputs_shape[-1]
        with _Scope("gates"):
            self._gate_kernel = self.add_weight("kernel", shape=[depth + u, 2 * u],
                                                initializer=self._kernel_initializer)
            self._gate_bias = self.add_weight(
                "bias", shape=[2 * u], initializer=self._bias_initializer or
                initializers.Constant(1.0))
        with _Scope("candidate"):
            self._candidate_kernel = self.add_weight("kernel", shape=[depth + u, u],
                                                     initializer=self._kernel_initializer)
            self._candidate_bias = self.add_weight(
                "bias", shape=[u], initializer=self._bias_initializer or "zeros")
        self.built = True

    def _scan_params(self):
        return [self._gate_kernel, self._gate_bias, self._candidate_kernel, self._candidate_bias]

    def _scan_step(self):
        return _gru_step(self._activation)

    def call(self, inputs, state):
        return _step_op(self, inputs, state)


@functools.lru_cache(maxsize=128)
def _multi_step(steps):
    def step(params, extras, x, states):
        new = []
        for sub, p, s in zip(steps, params, states, strict=True):
            x, n = sub(p, (), x, s)
            new.append(n)
        return x, tuple(new)
    return step


@_v1(_RC + "MultiRNNCell")
class MultiRNNCell(RNNCell):
    """Cells stacked at each step; the state is the tuple of the cells' states."""

    def __init__(self, cells, state_is_tuple=True):
        logs.warning("`tf.nn.rnn_cell.MultiRNNCell` is deprecated. This class is equivalent as "
                     "`tf.keras.layers.StackedRNNCells`, and will be replaced by that in "
                     "Tensorflow 2.0.")
        super().__init__()
        if not cells:
            raise ValueError("Must specify at least one cell for MultiRNNCell.")
        if not state_is_tuple:
            raise NotImplementedError("tfcompat's MultiRNNCell supports state_is_tuple=True "
                                      "only (TF 1 deprecated the concatenated state).")
        self._cells = list(cells)

    state_size = property(lambda self: tuple(c.state_size for c in self._cells))
    output_size = property(lambda self: self._cells[-1].output_size)

    def zero_state(self, batch_size, dtype):
        return tuple(c.zero_state(batch_size, dtype) for c in self._cells)

    def build(self, inputs_shape):
        shape = TensorShape(inputs_shape).as_list()
        for i, cell in enumerate(self._cells):
            with _VarScope(f"cell_{i}"):
                cell._build_under(shape, self._dtype)
            shape = [shape[0], cell.output_size]
        self.built = True

    def _scan_params(self):
        return [c._scan_params() for c in self._cells]

    def _scan_step(self):
        steps = tuple(c._scan_step() for c in self._cells)
        return None if any(s is None for s in steps) else _multi_step(steps)

    def call(self, inputs, state):
        if len(state) != len(self._cells):
            raise ValueError(f"Expected state to be a tuple of length {len(self._cells)}, but "
                             f"received: {state}")
        new = []
        for i, cell in enumerate(self._cells):
            with _Scope(f"cell_{i}"):
                inputs, s = cell(inputs, state[i])
            new.append(s)
        return inputs, tuple(new)


class _Holder:
    """Keeps a wrapped cell out of the wrapper's weight tracking (TF 1 eager's wrappers list no
    weights)."""

    def __init__(self, cell):
        self.cell = cell


class _Wrapper(RNNCell):
    """A cell around `cell` (kept out of the weight tracking, as TF 1 eager's wrappers)."""

    def __init__(self, cell, **kwargs):
        super().__init__(**kwargs)
        self._holder = _Holder(cell)

    cell = property(lambda self: self._holder.cell)
    state_size = property(lambda self: self.cell.state_size)
    output_size = property(lambda self: self.cell.output_size)

    def zero_state(self, batch_size, dtype):
        return self.cell.zero_state(batch_size, dtype)

    def _build_under(self, input_shape, dtype=None):
        self.cell._build_under(input_shape, dtype)
        self.built = True


@_v1(_RC + "DropoutWrapper")
class DropoutWrapper(_Wrapper):
    """Dropout on a cell's inputs, outputs and state (keep probabilities; 1.0 keeps all). A
    LSTMStateTuple's `c` is not dropped (TF's default state filter). Runs in the Python loop."""

    def __init__(self, cell, input_keep_prob=1.0, output_keep_prob=1.0, state_keep_prob=1.0,
                 variational_recurrent=False, input_size=None, dtype=None, seed=None,
                 dropout_state_filter_visitor=None, **kwargs):
        super().__init__(cell, dtype=dtype, **kwargs)
        for name, p in (("input_keep_prob", input_keep_prob),
                        ("output_keep_prob", output_keep_prob),
                        ("state_keep_prob", state_keep_prob)):
            if isinstance(p, (int, float)) and not 0 < p <= 1:
                raise ValueError(f"Parameter {name} must be between 0 and 1: {p}")
        if variational_recurrent:
            raise NotImplementedError("tfcompat's DropoutWrapper does not support "
                                      "variational_recurrent yet.")
        self._input_keep_prob, self._output_keep_prob = input_keep_prob, output_keep_prob
        self._state_keep_prob, self._seed = state_keep_prob, seed

    wrapped_cell = property(lambda self: self.cell)

    def _drop(self, x, keep):
        if isinstance(keep, (int, float)) and keep == 1:
            return x
        return tf.nn.dropout(x, rate=1 - keep, seed=self._seed)

    def __call__(self, inputs, state, scope=None, **kwargs):
        inputs = self._drop(_input_tensor(inputs), self._input_keep_prob)
        out, new = self.cell(inputs, state)
        out = self._drop(out, self._output_keep_prob)
        if isinstance(new, LSTMStateTuple):
            new = LSTMStateTuple(new.c, self._drop(new.h, self._state_keep_prob))
        else:
            new = jax.tree_util.tree_map(lambda s: self._drop(s, self._state_keep_prob), new,
                                         is_leaf=lambda s: isinstance(s, Tensor))
        return out, new


@_v1(_RC + "ResidualWrapper")
class ResidualWrapper(_Wrapper):
    """output = inputs + cell(inputs) (or `residual_fn(inputs, output)`)."""

    def __init__(self, cell, residual_fn=None, **kwargs):
        super().__init__(cell, **kwargs)
        self._residual_fn = residual_fn

    def __call__(self, inputs, state, scope=None, **kwargs):
        inputs = _input_tensor(inputs)
        out, new = self.cell(inputs, state)
        if self._residual_fn is not None:
            return self._residual_fn(inputs, out), new
        return inputs + out, new


@_v1(_RC + "DeviceWrapper")
class DeviceWrapper(_Wrapper):
    """Runs `cell` as is (tfcompat places ops itself; the device string is kept)."""

    def __init__(self, cell, device, **kwargs):
        super().__init__(cell, **kwargs)
        self._device = device

    def __call__(self, inputs, state, scope=None, **kwargs):
        return self.cell(inputs, state)


# -- loops -------------------------------------------------------------------------------------

def _input_tensor(x):
    return x.value() if hasattr(x, "_is_variable") else tf.convert_to_tensor(x)


def _run(cell, inputs, sequence_length, initial_state, dtype, time_major, scope,
         reverse_within=False):
    """The shared loop: time-major or batch-major `inputs` [.., .., depth] -> (outputs, state)."""
    if not isinstance(cell, RNNCell) and not (hasattr(cell, "state_size") and callable(cell)):
        raise TypeError(f"cell must be an instance of RNNCell, saw: {type(cell)}")
    inputs = _input_tensor(inputs)
    if inputs.shape.rank != 3:
        raise ValueError(f"Input must have rank 3 [batch, time, depth]; got shape {inputs.shape}")
    batch = inputs.shape[1] if time_major else inputs.shape[0]
    if initial_state is None:
        if dtype is None:
            raise ValueError("If no initial_state is provided, argument `dtype` must be "
                             "specified")
        state = cell.get_initial_state(inputs=None, batch_size=batch, dtype=dtype) \
            if hasattr(cell, "get_initial_state") else cell.zero_state(batch, dtype)
    else:
        state = jax.tree_util.tree_map(_input_tensor, initial_state,
                                       is_leaf=lambda s: isinstance(s, Tensor) or
                                       hasattr(s, "_is_variable"))
    lengths = None
    if sequence_length is not None:
        lengths = tf.cast(tf.convert_to_tensor(sequence_length), "int32")
        if lengths.shape.rank != 1:
            raise ValueError("sequence_length must be a vector of length batch_size, but saw "
                             f"shape: {lengths.shape}")
    with _VarScope(scope):
        if hasattr(cell, "_build_under"):
            cell._build_under([batch, inputs.shape[-1]], inputs.dtype)
        elif isinstance(cell, Layer) and not cell.built:  # a Keras cell: `rnn/lstm_cell/...`
            with _Scope(cell.name):
                cell.build(TensorShape([batch, inputs.shape[-1]]))
            cell.built = True
        step = cell._scan_step() if hasattr(cell, "_scan_step") else None
        if step is not None and not isinstance(cell, RNNCell) and isinstance(state, Tensor):
            step = _listed(step)  # Keras steps take a list of states
        if step is not None:
            return rnn_scan.scan(step, cell._scan_params(), (), inputs, state,
                                 time_major=time_major, reverse_within=reverse_within,
                                 lengths=lengths)
        return _python_loop(cell, inputs, state, lengths, time_major, reverse_within)


@functools.lru_cache(maxsize=64)
def _listed(step):
    def listed(params, extras, x, state):
        out, new = step(params, extras, x, [state])
        return out, new[0]
    return listed


def _python_loop(cell, inputs, state, lengths, time_major, reverse_within):
    x = inputs if time_major else tf.transpose(inputs, [1, 0, 2])
    steps = x.shape[0]
    if reverse_within:
        full = lengths if lengths is not None else tf.fill([x.shape[1]], steps)
        x = _reverse_op(x, full)
    outputs = []
    is_leaf = lambda s: isinstance(s, Tensor)  # noqa: E731
    for t, x_t in enumerate(tf.unstack(x, axis=0)):
        out, new = cell(x_t, state)
        if lengths is not None:
            live = tf.expand_dims(tf.less(t, lengths), 1)
            new = jax.tree_util.tree_map(lambda n, o, live=live: tf.where_v2(live, n, o), new,
                                         state, is_leaf=is_leaf)
            out = tf.where_v2(live, out, tf.zeros_like(out))
        state = new
        outputs.append(out)
    y = tf.stack(outputs, axis=0)
    if reverse_within:
        y = _reverse_op(y, full)
    return (y if time_major else tf.transpose(y, [1, 0, 2])), state


def _reverse_op(x, lengths):
    from tfcompat._src import interop
    return interop.from_jax(rnn_scan._reverse_within)(x, lengths)


@export(v1=("nn.dynamic_rnn",))
def dynamic_rnn(cell, inputs, sequence_length=None, initial_state=None, dtype=None,
                parallel_iterations=None, swap_memory=False, time_major=False, scope=None):
    """`tf.compat.v1.nn.dynamic_rnn`: (outputs [batch, time, output_size], final_state)."""
    return _run(cell, inputs, sequence_length, initial_state, dtype, time_major,
                scope or "rnn")


@export(v1=("nn.static_rnn",))
def static_rnn(cell, inputs, initial_state=None, dtype=None, sequence_length=None, scope=None):
    """`tf.compat.v1.nn.static_rnn`: `inputs` is a list of [batch, depth] tensors; returns
    (list of outputs, final_state)."""
    if not isinstance(inputs, (list, tuple)):
        raise TypeError("inputs must be a sequence")
    if not inputs:
        raise ValueError("inputs must not be empty")
    x = tf.stack([_input_tensor(t) for t in inputs], axis=0)
    out, state = _run(cell, x, sequence_length, initial_state, dtype, True, scope or "rnn")
    return tf.unstack(out, axis=0), state


@export(v1=("nn.bidirectional_dynamic_rnn",))
def bidirectional_dynamic_rnn(cell_fw, cell_bw, inputs, sequence_length=None,
                              initial_state_fw=None, initial_state_bw=None, dtype=None,
                              parallel_iterations=None, swap_memory=False, time_major=False,
                              scope=None):
    """`tf.compat.v1.nn.bidirectional_dynamic_rnn`: ((output_fw, output_bw), (state_fw,
    state_bw)); the backward cell reads each sequence reversed within its length and its
    outputs are reversed back."""
    with _VarScope(scope or "bidirectional_rnn"):
        out_fw, st_fw = _run(cell_fw, inputs, sequence_length, initial_state_fw, dtype,
                             time_major, "fw")
        out_bw, st_bw = _run(cell_bw, inputs, sequence_length, initial_state_bw, dtype,
                             time_major, "bw", reverse_within=True)
    return (out_fw, out_bw), (st_fw, st_bw)


@export(v1=("nn.static_bidirectional_rnn",))
def static_bidirectional_rnn(cell_fw, cell_bw, inputs, initial_state_fw=None,
                             initial_state_bw=None, dtype=None, sequence_length=None,
                             scope=None):
    """`tf.compat.v1.nn.static_bidirectional_rnn`: (list of concat([fw, bw]) outputs, state_fw,
    state_bw)."""
    if not isinstance(inputs, (list, tuple)) or not inputs:
        raise TypeError("inputs must be a non-empty list")
    x = tf.stack([_input_tensor(t) for t in inputs], axis=0)
    (fw, bw), (st_fw, st_bw) = bidirectional_dynamic_rnn(
        cell_fw, cell_bw, x, sequence_length, initial_state_fw, initial_state_bw, dtype,
        time_major=True, scope=scope)
    return tf.unstack(tf.concat([fw, bw], axis=2), axis=0), st_fw, st_bw
