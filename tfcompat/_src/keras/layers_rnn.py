"""Recurrent `tf.keras.layers` (Keras 2, as `tf_keras`): the cells SimpleRNNCell, LSTMCell and
GRUCell, `RNN(cell)`, StackedRNNCells, the SimpleRNN/LSTM/GRU layers, Bidirectional,
TimeDistributed and TF 1's CuDNNLSTM/CuDNNGRU (same math as LSTM/GRU in cuDNN's weight layout).

Each built-in cell's math is one pure JAX step function (`_step`), cached per configuration; a
cell called on its own runs it as one recorded op, and a layer runs it under one `lax.scan`
(`rnn_scan.scan`), so a whole sequence is one compiled op on the tape. User cells (any Layer
with `call(inputs, states)` and `state_size`) run a Python loop over time.

Weights are named as Keras 2 names them (`lstm/lstm_cell/kernel:0`) and listed in its order
(kernel, recurrent_kernel, bias). Dropout masks (Keras 2's implementation 2: one input mask and
one recurrent mask per sequence) apply only when training.
"""

import functools

import jax.numpy as jnp

from tfcompat._src import rnn_scan
from tfcompat._src.export import export, export_value
from tfcompat._src.keras import activations, initializers, regularizers
from tfcompat._src.keras.engine import Layer, _Scope, tf
from tfcompat._src.tensor_shape import TensorShape

_L = "keras.layers."


class _Cloneable:
    """Remembers the constructor arguments, so Bidirectional can make forward/backward copies."""

    def __new__(cls, *args, **kwargs):
        obj = super().__new__(cls)
        obj._init_args = (args, dict(kwargs))
        return obj

    def _clone(self, **overrides):
        args, kwargs = self._init_args
        args = [a._clone(name=a.name) if isinstance(a, _Cloneable) else
                [c._clone(name=c.name) for c in a] if isinstance(a, (list, tuple)) and a and
                all(isinstance(c, _Cloneable) for c in a) else a for a in args]
        kwargs = {k: (v._clone(name=v.name) if isinstance(v, _Cloneable) and k == "cell" else v)
                  for k, v in kwargs.items()}
        return type(self)(*args, **{**kwargs, **overrides})


def _init_weights(obj, kwargs, *names, defaults=None):
    defaults = {"kernel": "glorot_uniform", "recurrent": "orthogonal", "bias": "zeros",
                **(defaults or {})}
    for n in names:
        setattr(obj, f"{n}_initializer", initializers.get(kwargs.pop(f"{n}_initializer",
                                                                     defaults[n])))
        setattr(obj, f"{n}_regularizer", regularizers.get(kwargs.pop(f"{n}_regularizer", None)))
        setattr(obj, f"{n}_constraint", kwargs.pop(f"{n}_constraint", None))


def _add(cell, name, shape, prefix, initializer=None):
    return cell.add_weight(name, shape=shape,
                           initializer=initializer or getattr(cell, f"{prefix}_initializer"),
                           regularizer=getattr(cell, f"{prefix}_regularizer"),
                           constraint=getattr(cell, f"{prefix}_constraint"))


def _state_list(state_size):
    """The flat list of state sizes (a stack's nested sizes flattened)."""
    if isinstance(state_size, (list, tuple)):
        return [n for s in state_size for n in _state_list(s)]
    return [state_size]


def _flatten(states):
    if isinstance(states, (list, tuple)):
        return [t for s in states for t in _flatten(s)]
    return [states]


def _pack(state_size, flat):
    """Flat states in the structure of `state_size`: a list per list of sizes."""
    if isinstance(state_size, (list, tuple)):
        out = []
        for s in state_size:
            x, flat = _pack(s, flat)
            out.append(x)
        return out, flat
    return flat[0], flat[1:]


def _as_list(states):
    return list(states) if isinstance(states, (list, tuple)) else [states]


# -- cells -------------------------------------------------------------------------------------

class _Cell(_Cloneable, Layer):
    """Shared by the built-in cells: `call(inputs, states)` runs the cached JAX step as one op."""

    def __init__(self, units, dropout=0.0, recurrent_dropout=0.0, **kwargs):
        super().__init__(**kwargs)
        units = int(units)
        if units <= 0:
            raise ValueError("Received an invalid value for argument `units`, expected a "
                             f"positive integer, got {units}.")
        self.units = units
        self.dropout = min(1.0, max(0.0, dropout))
        self.recurrent_dropout = min(1.0, max(0.0, recurrent_dropout))

    output_size = property(lambda self: self.units)

    def get_initial_state(self, inputs=None, batch_size=None, dtype=None):
        if batch_size is None:
            batch_size = inputs.shape[0]
        dtype = dtype or (inputs.dtype if inputs is not None else self._dtype)
        zeros = [tf.zeros((batch_size, n), dtype=dtype) for n in _state_list(self.state_size)]
        return zeros if isinstance(self.state_size, (list, tuple)) else zeros[0]

    def _scan_params(self):
        return [w for w in (getattr(self, n, None) for n in
                            ("kernel", "recurrent_kernel", "bias")) if w is not None]

    def _dropout_masks(self, batch, in_dim, dtype, training):
        """Keras 2 (implementation 2): one input and one recurrent mask per sequence."""
        if not training:
            return ()
        masks = []
        for rate, dim in ((self.dropout, in_dim), (self.recurrent_dropout, self.units)):
            masks.append(None if rate == 0 else
                         tf.nn.dropout(tf.ones((batch, dim), dtype=dtype), rate=rate))
        return tuple(masks) if any(m is not None for m in masks) else ()

    def call(self, inputs, states, training=None):
        listed = isinstance(states, (list, tuple))
        states = _as_list(states)
        extras = self._dropout_masks(inputs.shape[0], inputs.shape[-1], inputs.dtype, training)
        out, new = rnn_scan.step_op(self._scan_step(), self._scan_params(), extras, inputs,
                                    list(states))
        new = list(new)
        return out, (new if listed or len(new) > 1 else new[0])


def _masked(x, extras, i):
    return x * extras[i] if extras and extras[i] is not None else x


@functools.lru_cache(maxsize=256)
def _simple_step(activation, use_bias):
    act = rnn_scan.jax_activation(activation)

    def step(params, extras, x, states):
        k, rk = params[0], params[1]
        h = act(_masked(x, extras, 0) @ k + (params[2] if use_bias else 0)
                + _masked(states[0], extras, 1) @ rk)
        return h, [h]
    return step


@export(_L + "SimpleRNNCell")
class SimpleRNNCell(_Cell):
    """h = activation(x @ kernel + bias + h_prev @ recurrent_kernel)."""

    def __init__(self, units, activation="tanh", use_bias=True, **kwargs):
        _init_weights(self, kwargs, "kernel", "recurrent", "bias")
        super().__init__(units, **kwargs)
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        self.state_size = self.units

    def build(self, input_shape):
        in_dim = input_shape[-1]
        self.kernel = _add(self, "kernel", (in_dim, self.units), "kernel")
        self.recurrent_kernel = _add(self, "recurrent_kernel", (self.units, self.units),
                                     "recurrent")
        self.bias = _add(self, "bias", (self.units,), "bias") if self.use_bias else None
        self.built = True

    def _scan_step(self):
        return _simple_step(self.activation, self.use_bias)


@functools.lru_cache(maxsize=256)
def _lstm_step(activation, recurrent_activation, use_bias, cudnn=False):
    act = rnn_scan.jax_activation(activation)
    ract = rnn_scan.jax_activation(recurrent_activation)

    def step(params, extras, x, states):
        k, rk = params[0], params[1]
        h, c = states
        z = _masked(x, extras, 0) @ k + _masked(h, extras, 1) @ rk
        if use_bias:
            b = params[2]
            if cudnn:
                half = b.shape[0] // 2
                b = b[:half] + b[half:]
            z = z + b
        i, f, g, o = jnp.split(z, 4, axis=-1)
        c = ract(f) * c + ract(i) * act(g)
        h = ract(o) * act(c)
        return h, [h, c]
    return step


@export(_L + "LSTMCell", v1=())
class LSTMCell(_Cell):
    """Gates i, f, c, o in that order; `unit_forget_bias` starts the forget bias at 1."""

    def __init__(self, units, activation="tanh", recurrent_activation="sigmoid", use_bias=True,
                 unit_forget_bias=True, **kwargs):
        _init_weights(self, kwargs, "kernel", "recurrent", "bias")
        super().__init__(units, **kwargs)
        self.activation = activations.get(activation)
        self.recurrent_activation = activations.get(recurrent_activation)
        self.use_bias, self.unit_forget_bias = use_bias, unit_forget_bias
        self.state_size = [self.units, self.units]

    def build(self, input_shape):
        in_dim, u = input_shape[-1], self.units
        self.kernel = _add(self, "kernel", (in_dim, 4 * u), "kernel")
        self.recurrent_kernel = _add(self, "recurrent_kernel", (u, 4 * u), "recurrent")
        if self.use_bias:
            init = self.bias_initializer
            if self.unit_forget_bias:
                base = init

                def init(shape, dtype=None, **kw):
                    return tf.concat([base((u,), dtype=dtype), tf.ones((u,), dtype=dtype),
                                      base((2 * u,), dtype=dtype)], axis=0)
            self.bias = _add(self, "bias", (4 * u,), "bias", initializer=init)
        else:
            self.bias = None
        self.built = True

    def _scan_step(self):
        return _lstm_step(self.activation, self.recurrent_activation, self.use_bias)


@functools.lru_cache(maxsize=256)
def _gru_step(activation, recurrent_activation, use_bias, reset_after):
    act = rnn_scan.jax_activation(activation)
    ract = rnn_scan.jax_activation(recurrent_activation)

    def step(params, extras, x, states):
        k, rk = params[0], params[1]
        h = states[0]
        b = params[2] if use_bias else None
        bx, bh = (b[0], b[1]) if use_bias and reset_after else (b, None)
        mx = _masked(x, extras, 0) @ k
        if bx is not None:
            mx = mx + bx
        hd = _masked(h, extras, 1)
        xz, xr, xh = jnp.split(mx, 3, axis=-1)
        u = h.shape[-1]
        if reset_after:
            mi = hd @ rk
            if bh is not None:
                mi = mi + bh
            rz, rr, rh = jnp.split(mi, 3, axis=-1)
            z, r = ract(xz + rz), ract(xr + rr)
            hh = act(xh + r * rh)
        else:
            rz, rr = jnp.split(hd @ rk[:, :2 * u], 2, axis=-1)
            z, r = ract(xz + rz), ract(xr + rr)
            hh = act(xh + (r * hd) @ rk[:, 2 * u:])
        h = z * h + (1 - z) * hh
        return h, [h]
    return step


@export(_L + "GRUCell", v1=())
class GRUCell(_Cell):
    """Gates z, r, h; `reset_after=True` (Keras 2's default, cuDNN's form) applies the reset
    gate after the recurrent matmul and has separate input and recurrent biases (bias [2, 3u])."""

    def __init__(self, units, activation="tanh", recurrent_activation="sigmoid", use_bias=True,
                 reset_after=True, **kwargs):
        _init_weights(self, kwargs, "kernel", "recurrent", "bias")
        super().__init__(units, **kwargs)
        self.activation = activations.get(activation)
        self.recurrent_activation = activations.get(recurrent_activation)
        self.use_bias, self.reset_after = use_bias, reset_after
        self.state_size = self.units

    def build(self, input_shape):
        in_dim, u = input_shape[-1], self.units
        self.kernel = _add(self, "kernel", (in_dim, 3 * u), "kernel")
        self.recurrent_kernel = _add(self, "recurrent_kernel", (u, 3 * u), "recurrent")
        shape = (2, 3 * u) if self.reset_after else (3 * u,)
        self.bias = _add(self, "bias", shape, "bias") if self.use_bias else None
        self.built = True

    def _scan_step(self):
        return _gru_step(self.activation, self.recurrent_activation, self.use_bias,
                         self.reset_after)


@functools.lru_cache(maxsize=256)
def _stacked_step(steps):
    def step(params, extras, x, states):
        new, i = [], 0
        for j, (sub, n) in enumerate(steps):
            x, s = sub(params[j], extras[j] if extras else (), x, states[i:i + n])
            new += list(s)
            i += n
        return x, new
    return step


@export(_L + "StackedRNNCells")
class StackedRNNCells(_Cloneable, Layer):
    """Cells run one after the other at each step; states are the cells' states in order."""

    def __init__(self, cells, **kwargs):
        for cell in cells:
            if not hasattr(cell, "call") or not hasattr(cell, "state_size"):
                raise ValueError("All cells must have a `call` method and a `state_size` "
                                 f"attribute. Received cells: {cells}")
        super().__init__(**kwargs)
        self.cells = list(cells)

    @property
    def state_size(self):
        return tuple(c.state_size for c in self.cells)

    @property
    def output_size(self):
        return _out_size(self.cells[-1])

    def get_initial_state(self, inputs=None, batch_size=None, dtype=None):
        return [_initial(c, inputs, batch_size, dtype) for c in self.cells]

    def build(self, input_shape):
        for cell in self.cells:
            with _Scope(cell.name):
                if not cell.built:
                    cell.build(input_shape)
                    cell.built = True
            input_shape = TensorShape([input_shape[0], _out_size(cell)])
        self.built = True

    def _scan_step(self):
        if not all(hasattr(c, "_scan_step") for c in self.cells):
            return None
        steps = tuple((c._scan_step(), len(_state_list(c.state_size))) for c in self.cells)
        if any(s is None for s, _ in steps):
            return None
        return _stacked_step(steps)

    def _scan_params(self):
        return [c._scan_params() for c in self.cells]

    def call(self, inputs, states, training=None):
        states, new, i = _flatten(states), [], 0
        for cell in self.cells:
            n = len(_state_list(cell.state_size))
            own = states[i:i + n]
            kw = {"training": training} if cell._call_accepts("training") else {}
            inputs, s = cell(inputs, _pack(cell.state_size, own)[0]
                             if isinstance(cell.state_size, (list, tuple)) else own, **kw)
            new.append(s)
            i += n
        return inputs, new


def _out_size(cell):
    if getattr(cell, "output_size", None) is not None:
        return cell.output_size
    return _state_list(cell.state_size)[0]


def _initial(cell, inputs, batch_size, dtype):
    if hasattr(cell, "get_initial_state"):
        return cell.get_initial_state(inputs=inputs, batch_size=batch_size, dtype=dtype)
    zeros = [tf.zeros((batch_size, n), dtype=dtype) for n in _state_list(cell.state_size)]
    return zeros if isinstance(cell.state_size, (list, tuple)) else zeros[0]


# -- the RNN layer -----------------------------------------------------------------------------

@export(_L + "RNN")
class RNN(_Cloneable, Layer):
    """Runs `cell` over the time axis (axis 1; axis 0 with `time_major`).

    Returns the last output, or all outputs with `return_sequences`; with `return_state` a list
    `[output, *final_states]`. `go_backwards` processes the steps last to first and returns the
    outputs in that (reversed) order, as Keras 2 does. `stateful` keeps the final states for the
    next call (`reset_states()` zeroes them). `unroll` is accepted (the loop is compiled anyway).
    """

    def __init__(self, cell, return_sequences=False, return_state=False, go_backwards=False,
                 stateful=False, unroll=False, time_major=False, zero_output_for_mask=False,
                 **kwargs):
        if isinstance(cell, (list, tuple)):
            cell = StackedRNNCells(cell)
        if not hasattr(cell, "call"):
            raise ValueError("Argument `cell` should have a `call` method. Received: "
                             f"cell={cell}")
        if not hasattr(cell, "state_size"):
            raise ValueError("The RNN cell should have a `state_size` attribute (tuple of "
                             f"integers, one integer per RNN state). Received: cell={cell}")
        super().__init__(**kwargs)
        self.cell = cell
        self.return_sequences, self.return_state = return_sequences, return_state
        self.go_backwards, self.stateful, self.unroll = go_backwards, stateful, unroll
        self.time_major, self.zero_output_for_mask = time_major, zero_output_for_mask
        self._states = None

    @property
    def states(self):
        return self._states

    def reset_states(self, states=None):
        if not self.stateful:
            raise AttributeError("Layer must be stateful.")
        if states is None:
            self._states = None
        else:
            self._states = [tf.convert_to_tensor(s, dtype=self._dtype)
                            for s in _as_list(states)]

    def build(self, input_shape):
        if isinstance(input_shape, list) and input_shape and \
                isinstance(input_shape[0], TensorShape):
            input_shape = input_shape[0]
        shape = TensorShape(input_shape)
        if shape.rank is not None and shape.rank < 3:
            dims = tuple(shape.as_list())
            raise ValueError(f'Input 0 of layer "{self.name}" is incompatible with the layer: '
                             f"expected ndim=3, found ndim={shape.rank}. Full shape received: "
                             f"{dims}")
        dims = shape.as_list()
        step_shape = TensorShape([dims[1] if self.time_major else dims[0], *dims[2:]])
        if isinstance(self.cell, Layer) and not self.cell.built:
            with _Scope(self.cell.name):
                self.cell.build(step_shape)
                self.cell.built = True
        self.built = True

    def call(self, inputs, mask=None, training=None, initial_state=None, constants=None):
        if isinstance(mask, (list, tuple)):
            mask = mask[0]
        if mask is not None:
            mask = tf.cast(mask, "bool")
        if constants is not None:
            raise NotImplementedError("tfcompat's RNN does not support `constants` yet.")
        if isinstance(inputs, (list, tuple)):
            inputs, initial_state = inputs[0], list(inputs[1:]) or initial_state
        batch = inputs.shape[1] if self.time_major else inputs.shape[0]
        cell = self.cell
        if initial_state is None and self.stateful and self._states is not None:
            initial_state = self._states
        if initial_state is None:
            states = _flatten(_initial(cell, None, batch, inputs.dtype))
        else:
            states = [s.value() if hasattr(s, "_is_variable") else tf.convert_to_tensor(
                s, dtype=inputs.dtype) for s in _flatten(initial_state)]
            want = len(_state_list(cell.state_size))
            if len(states) != want:
                raise ValueError(f"An `initial_state` was passed that is not compatible with "
                                 f"`cell.state_size`. Received `state_spec`={len(states)} "
                                 f"states; however `cell.state_size` is {cell.state_size}")
        step = cell._scan_step() if hasattr(cell, "_scan_step") else None
        if step is not None:
            extras = _extras(cell, inputs, training, self.time_major)
            output, final = rnn_scan.scan(step, cell._scan_params(), extras, inputs, states,
                                          time_major=self.time_major,
                                          go_backwards=self.go_backwards,
                                          return_sequences=self.return_sequences, mask=mask,
                                          zero_output_for_mask=self.zero_output_for_mask)
            final = list(final)
        else:
            output, final = self._python_loop(inputs, states, training, mask)
        if self.stateful:
            self._states = [tf.stop_gradient(s) for s in final]
        if self.return_state:
            size = cell.state_size
            return [output, *(_pack(size, final)[0] if isinstance(size, (list, tuple))
                              else final)]
        return output

    def _python_loop(self, inputs, states, training, mask=None):
        steps = tf.unstack(inputs, axis=0 if self.time_major else 1)
        masks = [None] * len(steps) if mask is None else \
            tf.unstack(mask, axis=0 if self.time_major else 1)
        if self.go_backwards:
            steps, masks = steps[::-1], masks[::-1]
        prev = None
        cell, outputs = self.cell, []
        kw = {"training": training} if getattr(cell, "_call_accepts", lambda n: False)(
            "training") else {}
        structured = isinstance(cell.state_size, (list, tuple))
        for x_t, m_t in zip(steps, masks, strict=True):
            # Keras cells always get a list of states (nested as `state_size` is).
            out, new = cell(x_t, _pack(cell.state_size, states)[0] if structured
                            else states, **kw)
            new = _flatten(new)
            if m_t is not None:
                live = tf.expand_dims(m_t, 1)
                new = [tf.where_v2(live, n, o) for n, o in zip(new, states, strict=True)]
                keep = tf.zeros_like(out) if prev is None or self.zero_output_for_mask else prev
                out = tf.where_v2(live, out, keep)
            states, prev = new, out
            outputs.append(out)
        if not self.return_sequences:
            return outputs[-1], states
        return tf.stack(outputs, axis=0 if self.time_major else 1), states

    def get_config(self):
        return {**super().get_config(), "return_sequences": self.return_sequences,
                "return_state": self.return_state, "go_backwards": self.go_backwards,
                "stateful": self.stateful, "unroll": self.unroll, "time_major": self.time_major}


def _extras(cell, inputs, training, time_major):
    """The dropout masks of each cell (empty unless training with dropout)."""
    if isinstance(cell, StackedRNNCells):
        dims, out = [inputs.shape[-1]], []
        for c in cell.cells:
            dims.append(_out_size(c))
        for c, d in zip(cell.cells, dims, strict=False):
            out.append(_extras(c, _FakeInput(inputs, d), training, time_major))
        return tuple(out) if any(out) else ()
    if not isinstance(cell, _Cell):
        return ()
    batch = inputs.shape[1] if time_major else inputs.shape[0]
    return cell._dropout_masks(batch, inputs.shape[-1], inputs.dtype, training)


class _FakeInput:
    def __init__(self, like, dim):
        self.shape = TensorShape([*like.shape.as_list()[:-1], dim])
        self.dtype = like.dtype


class _Recurrent(RNN):
    """SimpleRNN/LSTM/GRU: an RNN over a cell built from the layer's own arguments."""

    _cell_class = None
    _cell_name = None
    _cell_args = ()

    def __init__(self, units, *args, return_sequences=False, return_state=False,
                 go_backwards=False, stateful=False, unroll=False, time_major=False, **kwargs):
        cell_kwargs = {k: kwargs.pop(k) for k in list(kwargs) if k in self._cell_args
                       or k.endswith(("_initializer", "_regularizer", "_constraint"))
                       and not k.startswith("activity")}
        kwargs.pop("implementation", None)
        cell = self._cell_class(units, *args, name=self._cell_name, dtype=kwargs.get("dtype"),
                                trainable=kwargs.get("trainable", True), **cell_kwargs)
        super().__init__(cell, return_sequences=return_sequences, return_state=return_state,
                         go_backwards=go_backwards, stateful=stateful, unroll=unroll,
                         time_major=time_major, **kwargs)

    def _clone(self, **overrides):
        args, kwargs = self._init_args
        return type(self)(*args, **{**kwargs, **overrides})

    def __getattr__(self, name):
        # units, activation, use_bias, dropout ... live on the cell, as in Keras.
        if name in ("units", "activation", "recurrent_activation", "use_bias", "dropout",
                    "recurrent_dropout", "unit_forget_bias", "reset_after", "kernel_initializer",
                    "recurrent_initializer", "bias_initializer"):
            return getattr(self.__dict__["cell"], name)
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")


_COMMON = ("activation", "use_bias", "dropout", "recurrent_dropout")


@export(_L + "SimpleRNN")
class SimpleRNN(_Recurrent):
    _cell_class, _cell_name, _cell_args = SimpleRNNCell, "simple_rnn_cell", _COMMON


@export(_L + "LSTM", v1=())
class LSTM(_Recurrent):
    _cell_class, _cell_name = LSTMCell, "lstm_cell"
    _cell_args = (*_COMMON, "recurrent_activation", "unit_forget_bias")


@export(_L + "GRU", v1=())
class GRU(_Recurrent):
    _cell_class, _cell_name = GRUCell, "gru_cell"
    _cell_args = (*_COMMON, "recurrent_activation", "reset_after")


# -- TF 1's defaults ---------------------------------------------------------------------------
# TF 1's tf.keras (tf.compat.v1.keras in tf_keras) has its own LSTM and GRU: the gates use
# hard_sigmoid, and GRU applies the reset gate before the matrix product (reset_after=False).
# Legacy code gets those defaults, TF 2 code the TF 2 ones.

def _v1(cls, doc, **defaults):
    def __init__(self, units, *args, **kwargs):
        cls.__init__(self, units, *args, **{**defaults, **kwargs})
    v1_class = type(cls.__name__, (cls,), {"__init__": __init__, "__doc__": doc})
    export_value(v1_class, (), (_L + cls.__name__,))
    return v1_class


LSTMCellV1 = _v1(LSTMCell, "TF 1's LSTMCell: recurrent_activation='hard_sigmoid'.",
                 recurrent_activation="hard_sigmoid")
GRUCellV1 = _v1(GRUCell, "TF 1's GRUCell: recurrent_activation='hard_sigmoid', "
                "reset_after=False.", recurrent_activation="hard_sigmoid", reset_after=False)


class _LSTMV1(LSTM):
    _cell_class = LSTMCellV1


class _GRUV1(GRU):
    _cell_class = GRUCellV1


_LSTMV1.__name__ = _LSTMV1.__qualname__ = "LSTM"
_GRUV1.__name__ = _GRUV1.__qualname__ = "GRU"
export_value(_LSTMV1, (), (_L + "LSTM",))
export_value(_GRUV1, (), (_L + "GRU",))


# -- CuDNN layers (TF 1) -----------------------------------------------------------------------

class _CuDNN(_Recurrent):
    """cuDNN's weight layout: weights on the layer itself (`cu_dnnlstm/kernel:0`) and separate
    input and recurrent biases, bias = [input biases, recurrent biases]. Runs anywhere (TF runs
    these only on a GPU); no dropout, fixed tanh/sigmoid activations."""

    def __init__(self, units, kernel_initializer="glorot_uniform",
                 recurrent_initializer="orthogonal", bias_initializer="zeros",
                 return_sequences=False, return_state=False, go_backwards=False, stateful=False,
                 time_major=False, **kwargs):
        super().__init__(units, kernel_initializer=kernel_initializer,
                         recurrent_initializer=recurrent_initializer,
                         bias_initializer=bias_initializer, return_sequences=return_sequences,
                         return_state=return_state, go_backwards=go_backwards, stateful=stateful,
                         time_major=time_major, **kwargs)
        self.cell._cudnn = True

    def build(self, input_shape):
        if isinstance(input_shape, list) and input_shape and \
                isinstance(input_shape[0], TensorShape):
            input_shape = input_shape[0]
        self.cell.build(TensorShape(input_shape).as_list()[-1:])
        self.cell.built = True
        self.built = True


def _cudnn_bias(cell, n_gates, forget_index=None):
    u = cell.units
    init = cell.bias_initializer
    if forget_index is not None and cell.unit_forget_bias:
        base = init

        def init(shape, dtype=None, **kw):
            return tf.concat([base((u * forget_index,), dtype=dtype), tf.ones((u,), dtype=dtype),
                              base((u * (2 * n_gates - forget_index - 1),), dtype=dtype)], 0)
    return _add(cell, "bias", (2 * n_gates * u,), "bias", initializer=init)


class _CuDNNLSTMCell(LSTMCell):
    def build(self, input_shape):
        in_dim, u = input_shape[-1], self.units
        self.kernel = _add(self, "kernel", (in_dim, 4 * u), "kernel")
        self.recurrent_kernel = _add(self, "recurrent_kernel", (u, 4 * u), "recurrent")
        self.bias = _cudnn_bias(self, 4, forget_index=5)
        self.built = True

    def _scan_step(self):
        return _lstm_step(activations.tanh, activations.sigmoid, True, cudnn=True)


@functools.lru_cache(maxsize=8)
def _cudnn_gru_step():
    base = _gru_step(activations.tanh, activations.sigmoid, True, True)

    def step(params, extras, x, states):
        k, rk, b = params
        return base((k, rk, b.reshape(2, -1)), extras, x, states)
    return step


class _CuDNNGRUCell(GRUCell):
    def build(self, input_shape):
        in_dim, u = input_shape[-1], self.units
        self.kernel = _add(self, "kernel", (in_dim, 3 * u), "kernel")
        self.recurrent_kernel = _add(self, "recurrent_kernel", (u, 3 * u), "recurrent")
        self.bias = _cudnn_bias(self, 3)
        self.built = True

    def _scan_step(self):
        return _cudnn_gru_step()


class CuDNNLSTM(_CuDNN):
    """`tf.compat.v1.keras.layers.CuDNNLSTM`: LSTM with bias = [b_input (4u), b_recurrent (4u)]
    (the forget part of b_recurrent starts at 1 with `unit_forget_bias`)."""

    _cell_class, _cell_name = _CuDNNLSTMCell, None
    _cell_args = ("unit_forget_bias",)


class CuDNNGRU(_CuDNN):
    """`tf.compat.v1.keras.layers.CuDNNGRU`: GRU(reset_after=True) with the [2, 3u] bias
    flattened to [6u]."""

    _cell_class, _cell_name = _CuDNNGRUCell, None
    _cell_args = ()


export_value(CuDNNLSTM, (), ("keras.layers.CuDNNLSTM",))
export_value(CuDNNGRU, (), ("keras.layers.CuDNNGRU",))


# -- wrappers ----------------------------------------------------------------------------------

class Wrapper(Layer):
    """Base of the layer wrappers: holds `layer`."""

    def __init__(self, layer, **kwargs):
        if not isinstance(layer, Layer):
            raise ValueError(f"Please initialize `{type(self).__name__}` layer with a "
                             f"`tf.keras.layers.Layer` instance. Received: {layer}")
        super().__init__(**kwargs)
        self.layer = layer


export_value(Wrapper, (_L + "Wrapper",))


@export(_L + "TimeDistributed")
class TimeDistributed(Wrapper):
    """Applies `layer` to every time step: [B, T, ...] runs as [B * T, ...]. The inner layer's
    weights live under this layer's scope (`time_distributed/kernel:0`), as in Keras 2."""

    def build(self, input_shape):
        shape = TensorShape(input_shape).as_list()
        if len(shape) < 3:
            raise ValueError("`TimeDistributed` Layer should be passed an `input_shape` with at "
                             f"least 3 dimensions, received: {shape}")
        if not self.layer.built:
            self.layer.build(TensorShape([None, *shape[2:]]))
            self.layer.built = True
        self.built = True

    def call(self, inputs, training=None):
        shape = inputs.shape.as_list()
        flat = tf.reshape(inputs, [-1, *shape[2:]])
        kw = {"training": training} if self.layer._call_accepts("training") else {}
        out = self.layer(flat, **kw)
        return tf.reshape(out, [shape[0], shape[1], *out.shape.as_list()[1:]])


@export(_L + "Bidirectional")
class Bidirectional(Wrapper):
    """Runs a copy of `layer` forward (`forward_<name>`) and one backward (`backward_<name>`,
    go_backwards flipped) and merges the outputs: 'concat', 'sum', 'mul', 'ave' or None (a
    list). With return_state: [output, *forward_states, *backward_states]."""

    def __init__(self, layer, merge_mode="concat", weights=None, backward_layer=None, **kwargs):
        if not isinstance(layer, Layer):
            raise ValueError("Please initialize `Bidirectional` layer with a "
                             f"`tf.keras.layers.Layer` instance. Received: {layer}")
        if merge_mode not in ("sum", "mul", "ave", "concat", None):
            raise ValueError(f"Invalid merge mode. Received: {merge_mode}. Merge mode should be "
                             "one of {\"sum\", \"mul\", \"ave\", \"concat\", None}")
        if not isinstance(layer, RNN):
            raise ValueError("`Bidirectional` wraps a recurrent layer (an instance of "
                             f"`tf.keras.layers.RNN`). Received: {layer}")
        super().__init__(layer, **kwargs)
        self.forward_layer = layer._clone(name="forward_" + layer.name)
        if backward_layer is None:
            self.backward_layer = layer._clone(name="backward_" + layer.name,
                                               go_backwards=not layer.go_backwards)
        else:
            self.backward_layer = backward_layer
        for sub in (self.forward_layer, self.backward_layer):
            sub.zero_output_for_mask = sub.return_sequences  # as Keras 2's Bidirectional
        self.merge_mode = merge_mode
        self.return_sequences = layer.return_sequences
        self.return_state = layer.return_state
        self._initial_weights = weights  # `layer` itself is never built: no weights of its own

    def build(self, input_shape):
        for sub in (self.forward_layer, self.backward_layer):
            with _Scope(sub.name):
                if not sub.built:
                    sub.build(input_shape)
                    sub.built = True
        self.built = True

    def call(self, inputs, training=None, mask=None, initial_state=None, constants=None):
        kw = {"training": training}
        fw_state = bw_state = None
        if initial_state is not None:
            half = len(initial_state) // 2
            fw_state, bw_state = initial_state[:half], initial_state[half:]
        if mask is not None:
            kw["mask"] = mask
        y = self.forward_layer(inputs, initial_state=fw_state, **kw)
        y_rev = self.backward_layer(inputs, initial_state=bw_state, **kw)
        states = []
        if self.return_state:
            states = y[1:] + y_rev[1:]
            y, y_rev = y[0], y_rev[0]
        if self.return_sequences:
            time_dim = 0 if getattr(self.forward_layer, "time_major", False) else 1
            y_rev = tf.reverse(y_rev, [time_dim])
        if self.merge_mode == "concat":
            out = tf.concat([y, y_rev], axis=-1)
        elif self.merge_mode == "sum":
            out = y + y_rev
        elif self.merge_mode == "ave":
            out = (y + y_rev) / 2
        elif self.merge_mode == "mul":
            out = y * y_rev
        else:
            out = [y, y_rev]
        if self.return_state:
            return (out if isinstance(out, list) else [out]) + states
        return out

