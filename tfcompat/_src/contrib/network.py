"""TF 1.15's `tf.contrib.eager.Network` and `Sequential`: the deprecated layer containers.

Semantics from TF 1.15's `contrib/eager/python/network.py` and its documentation:

- A `Network` holds the layers passed to `track_layer` (which returns its argument); `layers`,
  `weights`/`variables`, `trainable_weights`/`trainable_variables` list them and their weights in
  tracking order. Layers merely assigned to attributes are not part of it.
- Names: an explicit name is kept (no '/' allowed); an anonymous network is named after its class
  in snake case, made unique among top-level networks (`my_net`, `my_net_1`) or, once tracked by
  another network, among that network's sub-layers. Anonymous layers tracked by a network are
  renamed uniquely within it, so variables read `net/dense/kernel:0`, `net/dense_1/kernel:0`
  whatever other `dense` layers exist. Two top-level networks with the same explicit name raise
  ValueError on the second one's first call, as TF's variable scopes did.
- `net(x)` calls `net.call(x)` within the network's name scope.

Differs from TF 1.15: `track_layer` accepts `tf.keras.layers` layers too (TF 1.15 accepted only
`tf.layers` ones), and `Network.save`/`restore` (deprecated in 1.15) are not provided: use
`tfe.Saver(net.variables)`.
"""

import inspect
import re
import weakref
from collections import defaultdict

from tfcompat._src.keras import engine

_TOP_LEVEL_NAMES: set = set()  # names taken by top-level networks (TF's variable scopes)

_DEPRECATION = ("Please inherit from `tf.keras.Model`, and see its documentation for details. "
                "`tf.keras.Model` should be a drop-in replacement for `tfe.Network` in most "
                "cases, but note that `track_layer` is no longer necessary or supported. Instead, "
                "`Layer` instances are tracked on attribute assignment (see the section of "
                "`tf.keras.Model`'s documentation on subclassing). Since the output of "
                "`track_layer` is often assigned to an attribute anyway, most code can be ported "
                "by simply removing the `track_layer` calls.\n\n`tf.keras.Model` works with all "
                "TensorFlow `Layer` instances, including those from `tf.layers`, but switching "
                "to the `tf.keras.layers` versions along with the migration to `tf.keras.Model` "
                "is recommended, since it will preserve variable names.  Feel free to import it "
                "with an alias to avoid excess typing :).")


def _unique(base: str, uids: dict, avoid) -> str:
    while True:
        n = uids[base]
        uids[base] += 1
        name = base if n == 0 else f"{base}_{n}"
        if name not in avoid:
            return name


def _anonymous(layer) -> bool:
    if hasattr(layer, "_explicit_name"):
        return not layer._explicit_name
    base = engine.to_snake_case(type(layer).__name__)
    return re.fullmatch(rf"{re.escape(base)}(_\d+)?", layer.name or "") is not None


class Network(engine.Layer):
    """Represents the composition of a set of Layers (TF 1.15's deprecated `tfe.Network`)."""

    def __init__(self, name=None):
        if name is not None and not isinstance(name, str):
            raise ValueError("VariableScopes are not valid Network names.")
        if name is not None and "/" in name:
            raise ValueError("Forward slashes ('/') are not allowed in Network names.")
        from tfcompat._src import logs
        logs.deprecated("Network.__init__", "tensorflow.contrib.eager.python.network",
                        _DEPRECATION)
        super().__init__(name="network")  # a placeholder: the final name is decided below
        self._name = name or None
        self._layers = []
        self._sub_layer_name_uids = defaultdict(int)
        self._owned_layers = {}
        self._first_parent = None  # a weak reference once tracked by another network
        self._top_level = None  # True once called without having been tracked

    @property
    def name(self):
        if self._name is None:
            raise ValueError("The network does not yet have a final name, but a name was "
                             "requested for it. Networks get a name when they are added to "
                             "another Network via track_layer, or when they are first "
                             "called/built.")
        return self._name

    def _finalize_name(self, parent):
        if self._name is None:
            base = engine.to_snake_case(type(self).__name__)
            if parent is None:
                self._name = _unique(base, engine._UIDS, _TOP_LEVEL_NAMES)
            else:
                self._name = _unique(base, parent._sub_layer_name_uids, parent._owned_layers)
        if self._first_parent is None and parent is not None:
            self._first_parent = weakref.ref(parent)

    def track_layer(self, layer):
        """Tracks `layer` (a Keras layer or another Network) in this network; returns it."""
        if not hasattr(self, "_layers"):
            raise RuntimeError("Need to call Network.__init__ before adding layers")
        if not isinstance(layer, engine.Layer):
            raise TypeError(f"Network.track_layer() passed type {type(layer)}, not a "
                            "tf.layers.Layer")
        if isinstance(layer, Network):
            layer._finalize_name(self)
        elif not layer.built and getattr(layer, "_tfe_first_parent", None) is None:
            if _anonymous(layer):
                layer._name = _unique(engine.to_snake_case(type(layer).__name__),
                                      self._sub_layer_name_uids, self._owned_layers)
            layer._tfe_first_parent = weakref.ref(self)
        first = layer._first_parent if isinstance(layer, Network) else \
            getattr(layer, "_tfe_first_parent", None)
        if not layer.built and first is not None and first() is self:
            owner = self._owned_layers.get(layer.name)
            if owner is layer:
                return layer
            if owner is not None:
                raise ValueError(f"Attempt to add two Layers with the name '{layer.name}' to "
                                 "the same Network.")
            self._owned_layers[layer.name] = layer
        self._layers.append(layer)
        return layer

    def get_layer(self, name=None, index=None):
        """A tracked layer by `name` (the first match) or by `index` (tracking order)."""
        if index is not None:
            if name is not None:
                raise ValueError("Exactly one of 'index' or 'name' must be provided")
            if len(self._layers) <= index:
                raise ValueError(f"Was asked to retrieve layer at index {index} but model only "
                                 f"has {len(self._layers)} layers.")
            return self._layers[index]
        if not name:
            raise ValueError("Provide either a layer name or layer index.")
        for layer in self._layers:
            if layer.name == name:
                return layer
        raise ValueError("No such layer: " + name)

    def _self_tracked(self):
        return list(dict.fromkeys(self._layers))

    layers = property(lambda self: list(self._layers))

    @property
    def weights(self):
        return [w for layer in self._layers for w in layer.weights]

    @property
    def trainable_weights(self):
        return [w for layer in self._layers for w in layer.trainable_weights]

    @property
    def non_trainable_weights(self):
        return [w for layer in self._layers for w in layer.non_trainable_weights]

    @property
    def trainable(self):
        return True

    @trainable.setter
    def trainable(self, value):
        if not value:
            raise AttributeError("cannot mark Network as not trainable")

    def add_variable(self, name, shape, dtype=None, initializer=None, regularizer=None,
                     trainable=True, constraint=None):
        raise RuntimeError("add_variable not supported in Network class yet. Please file an "
                           "issue at https://github.com/tensorflow/tensorflow/issues/new if "
                           "this is important to you")

    add_weight = add_variable

    def __call__(self, *args, **kwargs):
        if self._top_level is None:
            parent = self._first_parent() if self._first_parent is not None else None
            self._top_level = parent is None
            if self._top_level:
                explicit = self._name is not None
                self._finalize_name(None)
                if explicit and self._name in _TOP_LEVEL_NAMES:
                    raise ValueError(f"A Network named '{self._name}' already exists (or a "
                                     "variable_scope was created with this name). Names must "
                                     "be unique.")
                _TOP_LEVEL_NAMES.add(self._name)
        return super().__call__(*args, **kwargs)


class Sequential(Network):
    """TF 1.15's `tfe.Sequential`: layers (tracked) or plain functions applied in order."""

    def __init__(self, layers_funcs=None, name=None):
        super().__init__(name=name)
        self._layers_funcs = []
        for item in layers_funcs or ():
            self.add(item)

    def add(self, layer_func):
        if isinstance(layer_func, engine.Layer):
            args = inspect.signature(layer_func.call).parameters
            self.track_layer(layer_func)
        elif callable(layer_func):
            args = inspect.signature(layer_func).parameters
        else:
            raise TypeError("Sequential.add() takes only tf.layers.Layer objects or "
                            f"callables; not '{layer_func}' of type {type(layer_func)}.")
        self._layers_funcs.append(("training" in args, layer_func))

    def call(self, inputs, training=None):
        for wants_training, f in self._layers_funcs:
            inputs = f(inputs, training=training) if wants_training else f(inputs)
        return inputs
