"""`tf.keras.layers.Layer`, `tf.keras.Input` and the symbolic tensors of the functional API, with
Keras 2 semantics (TF 1.x's tf.keras, today's `tf_keras` package).

Keras 2 names objects per session (`dense`, `dense_1`, ...; `clear_session()` resets) and creates
a layer's weights under the name scopes of the layers being called: a Dense built inside a model
`m`'s call gets `m/dense/kernel:0`, one built at top level (functional construction, Sequential
with an input shape) `dense/kernel:0`. Layers called on symbolic `KerasTensor`s record `Node`s;
output shapes come from `jax.eval_shape` of the layer's call (two batch sizes tell which
dimensions are unknown), so a layer needs no separate shape function.
"""

import inspect
import re
import threading
from collections import defaultdict

import jax
import numpy as np

from tfcompat._src import dtypes
from tfcompat._src.export import export
from tfcompat._src.tensor import Tensor, to_tensor
from tfcompat._src.tensor_shape import TensorShape
from tfcompat._src.variable import Variable


class _TF:
    """`tfcompat` itself, looked up at call time (the keras modules load before it is built)."""

    def __getattr__(self, name):
        import tfcompat
        return getattr(tfcompat, name)


tf = _TF()
_UIDS: dict = defaultdict(int)
LEARNING_PHASE = [None]  # tf.keras.backend.set_learning_phase's value; None: not set
_local = threading.local()


def _scopes() -> list:
    if not hasattr(_local, "scopes"):
        _local.scopes = []
    return _local.scopes


@export("keras.backend.clear_session")
def clear_session():
    """Resets Keras's per-session name counters (`dense` is `dense` again) and, as Keras 2
    does, the default graph's state (TF 1 variable-scope names, the global step)."""
    _UIDS.clear()
    LEARNING_PHASE[0] = None
    tf.compat.v1.reset_default_graph()


def to_snake_case(name: str) -> str:
    s = re.sub("(.)([A-Z][a-z0-9]+)", r"\1_\2", name)
    s = re.sub("([a-z])([A-Z])", r"\1_\2", s).lower()
    return s if s[0] != "_" else "private" + s


def unique_name(prefix: str, zero_based: bool = True) -> str:
    """Keras 2's object names: `dense`, `dense_1`... (`input_1`, `input_2`... for inputs)."""
    n = _UIDS[prefix]
    _UIDS[prefix] += 1
    if zero_based:
        return prefix if n == 0 else f"{prefix}_{n}"
    return f"{prefix}_{n + 1}"


class _Scope:
    """A Keras name scope; `reset=True` starts from the top, as Keras's init_scope does."""

    def __init__(self, name, reset=False):
        self.name, self.reset = name, reset

    def __enter__(self):
        self.saved = list(_scopes())
        if self.reset:
            _scopes().clear()
        if self.name:
            _scopes().append(self.name)

    def __exit__(self, *exc):
        _scopes()[:] = self.saved


# -- symbolic tensors -------------------------------------------------------------------------

class KerasTensor:
    """A symbolic tensor of the functional API: shape, dtype and the layer call that made it."""

    def __init__(self, shape, dtype, history=None, name=None):
        self.shape = TensorShape(shape)
        self.dtype = dtypes.as_dtype(dtype)
        self._keras_history = history   # (layer, node_index, tensor_index)
        self.name = name

    def __repr__(self):
        layer = self._keras_history[0].name if self._keras_history else None
        return (f"<KerasTensor: shape={tuple(self.shape.as_list())} dtype={self.dtype.name} "
                f"(created by layer '{layer}')>")

    def get_shape(self):
        return self.shape


class Node:
    """One call of a layer on symbolic inputs."""

    def __init__(self, layer, args, kwargs, outputs):
        self.layer, self.args, self.kwargs, self.outputs = layer, args, kwargs, outputs
        self.keras_inputs = [t for t in jax.tree_util.tree_leaves(
            (args, kwargs), is_leaf=_is_keras) if isinstance(t, KerasTensor)]

    def parents(self):
        return [t._keras_history for t in self.keras_inputs]


def _is_keras(x):
    return isinstance(x, KerasTensor)


def _flat(x):
    return [t for t in jax.tree_util.tree_leaves(x, is_leaf=lambda v: isinstance(
        v, (KerasTensor, Tensor, Variable))) if isinstance(t, (KerasTensor, Tensor, Variable))]


def _shape_struct(t: KerasTensor, batch: int):
    dims = tuple(batch if d is None else d for d in t.shape.as_list())
    return jax.ShapeDtypeStruct(dims, t.dtype.as_numpy_dtype)


# -- Layer -------------------------------------------------------------------------------------

_NO_TRACK = {"_inbound_nodes", "_graph", "_input_layers", "_output_tensors", "_input_tensors",
             "_self_layers"}


@export("keras.layers.Layer")
class Layer:
    """`tf.keras.layers.Layer` (Keras 2): build on first call, weights, sublayer tracking, losses.

    Floating inputs are cast to the layer's dtype (Keras 2's autocast): a float64 tensor into a
    float32 Dense gives float32. Sublayers are found through attributes (also inside lists,
    tuples and dicts) in assignment order, as Keras's tracking does.
    """

    def __init__(self, trainable=True, name=None, dtype=None, dynamic=False, **kwargs):
        allowed = {"input_shape", "batch_input_shape", "batch_size", "weights",
                   "activity_regularizer", "autocast", "input_dim", "implementation"}
        for k in kwargs:
            if k not in allowed:
                raise TypeError(f"Keyword argument not understood: {k}")
        self._trainable = trainable
        self._name = name or unique_name(to_snake_case(type(self).__name__))
        self._explicit_name = bool(name)  # tfe.Network renames only anonymous layers
        self._dtype = dtypes.as_dtype(dtype or "float32")
        self.built = False
        self._trainable_weights, self._non_trainable_weights = [], []
        self._callable_losses, self._eager_losses = [], []
        self._inbound_nodes = []
        self.activity_regularizer = kwargs.get("activity_regularizer")
        if "input_dim" in kwargs and "input_shape" not in kwargs:
            kwargs["input_shape"] = (kwargs["input_dim"],)
        if "batch_input_shape" in kwargs:
            self._batch_input_shape = tuple(kwargs["batch_input_shape"])
        elif "input_shape" in kwargs:
            self._batch_input_shape = (kwargs.get("batch_size"), *kwargs["input_shape"])
        self._initial_weights = kwargs.get("weights")

    # -- identity --------------------------------------------------------------------------

    name = property(lambda self: self._name)
    dtype = property(lambda self: self._dtype.name)

    @property
    def trainable(self):
        return self._trainable

    @trainable.setter
    def trainable(self, value):
        for layer in self._flatten_layers():
            layer._trainable = bool(value)

    def _flatten_layers(self, include_self=True, recursive=True):
        seen, out = set(), []

        def visit(layer, top):
            if id(layer) in seen:
                return
            seen.add(id(layer))
            if include_self or not top:
                out.append(layer)
            if recursive or top:
                for child in layer._self_tracked():
                    visit(child, False)
        visit(self, True)
        return out

    def _self_tracked(self):
        """Direct sublayers in tracking order."""
        found, seen = [], set()

        def walk(v):
            if isinstance(v, Layer):
                if id(v) not in seen and v is not self:
                    seen.add(id(v))
                    found.append(v)
            elif isinstance(v, (list, tuple)):
                for x in v:
                    walk(x)
            elif isinstance(v, dict):
                for x in v.values():
                    walk(x)
        for k, v in vars(self).items():
            if k not in _NO_TRACK:
                walk(v)
        return found

    # -- weights ---------------------------------------------------------------------------

    def add_weight(self, name=None, shape=None, dtype=None, initializer=None, regularizer=None,
                   trainable=None, constraint=None, use_resource=None, synchronization=None,
                   aggregation=None, **kwargs):
        """Creates a Variable named `<scopes>/<name>:0`; the initializer runs through a callable
        initial value, so creation inside tf.function works."""
        from tfcompat._src.keras import initializers, regularizers
        shape = () if shape is None else tuple(shape)
        dtype = dtypes.as_dtype(dtype or self._dtype)
        if initializer is None:
            initializer = "glorot_uniform" if dtype.is_floating else "zeros"
        init = initializers.get(initializer)
        trainable = True if trainable is None else trainable
        full = "/".join([*_scopes(), name])
        var = Variable(lambda: init(shape, dtype=dtype), name=full, dtype=dtype,
                       trainable=trainable, constraint=constraint)
        var._keras_weight_name = name   # its checkpoint name in this layer (keras/tracking.py)
        (self._trainable_weights if trainable else self._non_trainable_weights).append(var)
        reg = regularizers.get(regularizer)
        if reg is not None:
            self._callable_losses.append(lambda: reg(var))
        return var

    def add_variable(self, *args, **kwargs):
        """Deprecated alias of `add_weight`, warning as tf_keras does."""
        import warnings
        warnings.warn("`layer.add_variable` is deprecated and will be removed in a future "
                      "version. Please use the `layer.add_weight()` method instead.",
                      stacklevel=2)
        return self.add_weight(*args, **kwargs)

    def build(self, input_shape):
        self.built = True

    def _gather(self, trainable):
        """Own weights first, then each sublayer's; a frozen layer's are all non-trainable."""
        if trainable:
            if not self._trainable:
                return []
            out = list(self._trainable_weights)
            for layer in self._self_tracked():
                out += layer.trainable_weights
        else:
            out = list(self._non_trainable_weights)
            if not self._trainable:
                out = self._trainable_weights + out
            for layer in self._self_tracked():
                out += layer.weights if not self._trainable else layer.non_trainable_weights
        return _dedup(out)

    @property
    def trainable_weights(self):
        return self._gather(True)

    @property
    def non_trainable_weights(self):
        return self._gather(False)

    @property
    def weights(self):
        return _dedup(self.trainable_weights + self.non_trainable_weights)

    trainable_variables = property(lambda self: self.trainable_weights)
    non_trainable_variables = property(lambda self: self.non_trainable_weights)
    variables = property(lambda self: self.weights)

    def get_weights(self):
        return [np.asarray(v.numpy()) for v in self.weights]

    def set_weights(self, weights):
        params = self.weights
        if len(params) != len(weights):
            raise ValueError(
                f'You called `set_weights(weights)` on layer "{self.name}" with a weight list '
                f"of length {len(weights)}, but the layer was expecting {len(params)} weights. "
                f"Provided weights: {str(weights)[:50]}...")
        for p, w in zip(params, weights, strict=True):
            w = np.asarray(w)
            if tuple(p.shape) != w.shape:
                raise ValueError(
                    f"Layer {self.name} weight shape {tuple(p.shape)} is not compatible with "
                    f"provided weight shape {w.shape}.")
            p.assign(w.astype(p.dtype.as_numpy_dtype))

    def count_params(self):
        if not self.built:
            raise ValueError(
                f"You tried to call `count_params` on layer {self.name}, but the layer isn't "
                "built. You can build it manually via: "
                f"`{self.name}.build(batch_input_shape)`.")
        return int(sum(np.prod(v.shape.as_list(), dtype=np.int64) for v in self.weights))

    # -- losses ----------------------------------------------------------------------------

    def add_loss(self, loss):
        if callable(loss):
            self._callable_losses.append(loss)
        else:
            self._eager_losses.append(loss)

    @property
    def losses(self):
        out = []
        for layer in self._flatten_layers():
            out += layer._eager_losses
            out += [f() for f in layer._callable_losses]
        return out

    # -- calling ---------------------------------------------------------------------------

    def call(self, inputs, *args, **kwargs):
        return inputs

    def _call_accepts(self, name):
        return name in inspect.signature(self.call).parameters

    def __call__(self, *args, **kwargs):
        if not args:
            raise ValueError("The first argument to `Layer.call` must always be passed.")
        inputs, rest = args[0], args[1:]
        if any(isinstance(t, KerasTensor) for t in _flat(inputs)):
            return self._symbolic_call(inputs, rest, kwargs)
        inputs = jax.tree_util.tree_map(self._convert, inputs, is_leaf=_is_leaf)
        # `training` passed explicitly wins, else the enclosing layer call's (Keras 2's call
        # context); it reaches nested layers even when this call does not take it.
        outer = getattr(_local, "training", _UNSET)
        training = kwargs.pop("training", None)
        if training is None and outer is not _UNSET:
            training = outer
        if training is None and LEARNING_PHASE[0] is not None:
            training = bool(LEARNING_PHASE[0])  # the global phase (set_learning_phase)
        if self._call_accepts("training"):
            kwargs["training"] = training
        top = outer is _UNSET
        if top:
            for layer in self._flatten_layers():
                layer._eager_losses = []
        _local.training = training
        try:
            with _Scope(self._name):
                self._maybe_build(inputs)
                outputs = self.call(inputs, *rest, **kwargs)
        finally:
            if top:
                del _local.training
            else:
                _local.training = outer
        if self.activity_regularizer is not None:
            from tfcompat._src.keras import regularizers
            reg = regularizers.get(self.activity_regularizer)
            for out in _flat(outputs):
                batch = tf.cast(tf.shape(out)[0], out.dtype)
                self._eager_losses.append(tf.math.truediv(reg(out), batch))
        return outputs

    def _convert(self, x):
        """Inputs become tensors; floating ones take the layer's dtype (Keras 2's autocast)."""
        if isinstance(x, Variable):
            x = x.value()
        if not isinstance(x, Tensor):
            x = to_tensor(x)
        if x.dtype.is_floating and self._dtype.is_floating and x.dtype != self._dtype \
                and getattr(self, "_autocast", True):
            x = tf.cast(x, self._dtype)
        return x

    def _maybe_build(self, inputs):
        if self.built:
            return
        shapes = jax.tree_util.tree_map(lambda t: TensorShape(list(t.shape)), inputs,
                                        is_leaf=_is_leaf)
        self.build(shapes)
        self.built = True
        if self._initial_weights is not None:
            self.set_weights(self._initial_weights)
            self._initial_weights = None
        if "_deferred_ckpt" in self.__dict__:   # a checkpoint restored before the build
            from tfcompat._src.keras import tracking
            tracking.resolve_deferred(self)

    def _symbolic_call(self, inputs, rest, kwargs):
        """A call on KerasTensors: builds the layer, infers output specs, records a Node."""
        kwargs.pop("training", None)
        with _Scope(self._name):
            self._maybe_build(inputs)
        structs = {}
        flat_in = _flat((inputs, rest, kwargs))
        for batch in (2, 3):
            def run(*values, inputs=inputs, rest=rest, kwargs=kwargs):
                it = iter(values)
                args = jax.tree_util.tree_map(
                    lambda k: Tensor(next(it), k.dtype) if isinstance(k, KerasTensor) else k,
                    (inputs, rest, kwargs), is_leaf=_is_keras)
                first = jax.tree_util.tree_map(self._convert, args[0], is_leaf=_is_leaf)
                with _Scope(self._name):
                    out = self.call(first, *args[1], **args[2])
                return jax.tree_util.tree_map(lambda o: o._value if isinstance(o, Tensor)
                                              else o, out, is_leaf=_is_leaf)
            out = jax.eval_shape(run, *[_shape_struct(t, batch) for t in flat_in
                                        if isinstance(t, KerasTensor)])
            structs[batch] = out
        node_index = len(self._inbound_nodes)
        leaves2, tree = jax.tree_util.tree_flatten(structs[2])
        leaves3 = jax.tree_util.tree_leaves(structs[3])
        outs = []
        for i, (a, b) in enumerate(zip(leaves2, leaves3, strict=True)):
            shape = [d if d == e else None for d, e in zip(a.shape, b.shape, strict=True)]
            outs.append(KerasTensor(shape, a.dtype.name, (self, node_index, i)))
        outputs = jax.tree_util.tree_unflatten(tree, outs)
        self._inbound_nodes.append(Node(self, (inputs, *rest), kwargs, outputs))
        return outputs

    # -- shapes ----------------------------------------------------------------------------

    def _node_shapes(self, attr):
        if not self._inbound_nodes:
            raise AttributeError(f"The layer {self.name} has never been called and thus has no "
                                 f"defined {attr} shape.")
        shapes = {repr(_shape_tree(getattr(n, attr))) for n in self._inbound_nodes}
        if len(shapes) > 1:
            raise AttributeError(f'The layer "{self.name}" has multiple inbound nodes, with '
                                 f"different {attr} shapes. Hence the notion of \"{attr} shape\" "
                                 "is ill-defined for the layer. Use `get_output_shape_at"
                                 "(node_index)` instead.")
        return _shape_tree(getattr(self._inbound_nodes[0], attr))

    output_shape = property(lambda self: self._node_shapes("outputs"))

    @property
    def input_shape(self):
        if not self._inbound_nodes:
            raise AttributeError(f"The layer \"{self.name}\" has never been called and thus has "
                                 "no defined input shape. Note that the `input_shape` property "
                                 "is only available for Functional and Sequential models.")
        return _shape_tree(self._inbound_nodes[0].args[0])

    def get_config(self):
        return {"name": self.name, "trainable": self.trainable, "dtype": self.dtype}


_UNSET = object()


def _is_leaf(x):
    return isinstance(x, (Tensor, Variable, KerasTensor, np.ndarray))


def _shape_tree(x):
    if isinstance(x, KerasTensor):
        return tuple(x.shape.as_list())
    if isinstance(x, (list, tuple)):
        return [_shape_tree(v) for v in x]
    return x


def _dedup(weights):
    seen, out = set(), []
    for w in weights:
        if id(w) not in seen:
            seen.add(id(w))
            out.append(w)
    return out


# -- inputs ------------------------------------------------------------------------------------

@export("keras.layers.InputLayer")
class InputLayer(Layer):
    """The layer behind `tf.keras.Input`; its output shape prints as a list, as in Keras 2."""

    def __init__(self, input_shape=None, batch_size=None, dtype=None, input_tensor=None,
                 sparse=None, name=None, ragged=None, type_spec=None, batch_input_shape=None,
                 **kwargs):
        super().__init__(name=name or unique_name("input", zero_based=False), dtype=dtype)
        if batch_input_shape is None:
            batch_input_shape = (batch_size, *(input_shape or ()))
        self._batch_input_shape = tuple(batch_input_shape)
        self.built = True
        out = KerasTensor(self._batch_input_shape, self._dtype, (self, 0, 0), self._name)
        self._inbound_nodes.append(Node(self, ((),), {}, [out]))

    output_shape = property(lambda self: [tuple(self._inbound_nodes[0].outputs[0].shape)])


@export("keras.Input", "keras.layers.Input")
def Input(shape=None, batch_size=None, name=None, dtype=None, sparse=None, tensor=None,  # noqa: N802
          ragged=None, type_spec=None, batch_shape=None, **kwargs):
    """`tf.keras.Input`: a KerasTensor of shape `(batch_size, *shape)`."""
    if shape is None and batch_shape is None:
        raise ValueError("Please provide to Input a `shape` or a `tensor` or a `type_spec` "
                         "argument. Note that `shape` does not include the batch dimension.")
    if isinstance(shape, int):
        shape = (shape,)
    layer = InputLayer(input_shape=shape, batch_size=batch_size, dtype=dtype, name=name,
                       batch_input_shape=batch_shape)
    return layer._inbound_nodes[0].outputs[0]
