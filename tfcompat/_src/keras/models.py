"""`tf.keras.Model` (subclassing and functional), `tf.keras.Sequential` and `summary()`, with
Keras 2 semantics.

`compile`/`fit`/`evaluate`/`predict` belong to a later `training.py`: if it defines
`TrainingMixin`, `Model` takes it as a base, so training needs no change here.
Weights: `save_weights`/`load_weights` write Keras 2's HDF5 layout (`layer_names` and per-layer
`weight_names` attributes) for `.h5`/`.hdf5` paths when h5py is importable, and otherwise Keras 2's
TF-format checkpoint (keras/tracking.py has the layout).
"""

import numpy as np

from tfcompat._src.export import export
from tfcompat._src.keras import engine
from tfcompat._src.keras.engine import Input, InputLayer, KerasTensor, Layer, _Scope, tf

try:
    from tfcompat._src.keras.training import TrainingMixin
except ImportError:
    class TrainingMixin:
        """Placeholder until keras/training.py provides compile/fit."""


@export("keras.Model", "keras.models.Model")
class Model(TrainingMixin, Layer):
    """`tf.keras.Model`: subclass it (layers tracked through attributes) or call it as
    `Model(inputs, outputs)`, which gives a `Functional` model as in Keras 2."""

    def __new__(cls, *args, **kwargs):
        if cls is Model and (args or "inputs" in kwargs or "outputs" in kwargs):
            cls = Functional
        return object.__new__(cls)

    def __init__(self, *args, **kwargs):
        name = kwargs.pop("name", None)
        Layer.__init__(self, name=name, trainable=kwargs.pop("trainable", True),
                       dtype=kwargs.pop("dtype", None))

    def build(self, input_shape):
        """Builds a subclassed model by calling it on zeros (unknown dimensions as 1)."""
        if self.built:
            return
        if input_shape is not None and type(self).call is not Model.call:
            dims = [1 if d is None else d for d in tuple(input_shape)]
            self(tf.zeros(dims, self._dtype))
        self.built = True

    def _maybe_build(self, inputs):
        # Model.build calls the model; only a user's own build runs from __call__.
        if not self.built and type(self).build is not Model.build:
            Layer._maybe_build(self, inputs)
        self.built = True

    @property
    def layers(self):
        return self._self_tracked()

    def get_layer(self, name=None, index=None):
        if index is not None and name is not None:
            raise ValueError("Provide only a layer name or a layer index. Received: "
                             f"index={index}, name={name}.")
        if index is not None:
            if len(self.layers) <= index:
                raise ValueError(f"Was asked to retrieve layer at index {index} but model "
                                 f"only has {len(self.layers)} layers.")
            return self.layers[index]
        if name is not None:
            for layer in self.layers:
                if layer.name == name:
                    return layer
            raise ValueError(f"No such layer: {name}. Existing layers are: "
                             f"{[layer.name for layer in self.layers]}.")
        raise ValueError("Provide either a layer name or layer index at `get_layer`.")

    @property
    def weights(self):
        """Keras 2's Model order: each tracked layer's variables, then the model's own."""
        out = []
        for layer in self.layers:
            out += layer.weights
        return engine._dedup(out + self._trainable_weights + self._non_trainable_weights)

    variables = weights

    def summary(self, line_length=None, positions=None, print_fn=None, expand_nested=False,
                show_trainable=False, layer_range=None):
        if not self.built:
            raise ValueError("This model has not yet been built. Build the model first by "
                             "calling `build()` or by calling the model on a batch of data.")
        print_summary(self, line_length, positions, print_fn or print, show_trainable)

    def save_weights(self, filepath, overwrite=True, save_format=None, options=None):
        """HDF5 for an '.h5'/'.hdf5'/'.keras' path (or save_format 'h5'), else a TF checkpoint
        at prefix `filepath` (keras/tracking.py)."""
        if _save_format(filepath, save_format) == "tf":
            from tfcompat._src.keras import tracking
            tracking.save_weights(self, filepath)
            return
        import h5py
        with h5py.File(filepath, "w") as f:
            layers = self._weight_layers()
            # Fixed-length byte strings, as Keras 2 writes (and decodes) them.
            f.attrs["layer_names"] = np.array([layer.name.encode() for layer in layers])
            f.attrs["backend"] = b"tensorflow"
            f.attrs["keras_version"] = b"2.21.0"
            for layer in layers:
                g = f.create_group(layer.name)
                g.attrs["weight_names"] = np.array([w.name.encode() for w in layer.weights])
                for w in layer.weights:
                    g.create_dataset(w.name, data=w.numpy())

    def load_weights(self, filepath, by_name=False, skip_mismatch=False, options=None):
        """From HDF5 (an '.h5' path or an HDF5 file) or a TF checkpoint prefix; a TF checkpoint
        gives its load status."""
        if skip_mismatch and not by_name:
            raise ValueError("When calling model.load_weights, skip_mismatch can only be set to "
                             "True when by_name is True.")
        if not _is_h5(filepath, None) and not _is_h5_file(filepath):
            from tfcompat._src.keras import tracking
            if by_name:
                raise NotImplementedError("Weights may only be loaded based on topology into "
                                          "Models when loading TensorFlow-formatted weights "
                                          "(got by_name=True to load_weights).")
            return tracking.load_weights(self, filepath)
        import h5py
        with h5py.File(filepath, "r") as f:
            names = [n.decode() if isinstance(n, bytes) else n for n in f.attrs["layer_names"]]
            saved = [[np.asarray(f[n][w.decode() if isinstance(w, bytes) else w])
                      for w in f[n].attrs["weight_names"]] for n in names]
        layers = self._weight_layers()
        if by_name:
            index = dict(zip(names, saved, strict=True))
            for layer in layers:
                if layer.name in index:
                    layer.set_weights(index[layer.name])
            return
        saved = [s for s in saved if s]
        if len(saved) != len(layers):
            raise ValueError(f"Layer count mismatch when loading weights from file. Model "
                             f"expected {len(layers)} layers, found {len(saved)} saved layers.")
        for layer, values in zip(layers, saved, strict=True):
            layer.set_weights(values)

    def _weight_layers(self):
        return [layer for layer in self.layers if layer.weights]

    def call(self, inputs, training=None, mask=None):
        raise NotImplementedError("Unimplemented `tf.keras.Model.call()`: if you intend to "
                                  "create a `Model` with the Functional API, please provide "
                                  "`inputs` and `outputs` arguments. Otherwise, subclass "
                                  "`Model` with an overridden `call()` method.")


def _is_h5(filepath, save_format):
    path = str(filepath)
    return save_format in ("h5", "hdf5") or path.endswith((".h5", ".hdf5", ".keras"))


def _save_format(filepath, save_format):
    """Keras 2's choice: 'h5' for an HDF5-looking path, else 'tf'; an explicit format wins."""
    path_h5 = str(filepath).endswith((".h5", ".hdf5", ".keras"))
    if save_format is None:
        return "h5" if path_h5 else "tf"
    fmt = save_format.lower().strip()
    if fmt in ("tensorflow", "tf"):
        if path_h5:
            raise ValueError('save_weights got save_format="tf"/"tensorflow", but the filepath '
                             f'({filepath}) looks like an HDF5 file. Omit the ".h5"/".keras" '
                             "when saving in TensorFlow format.")
        return "tf"
    if fmt in ("hdf5", "h5", "keras"):
        return "h5"
    raise ValueError(f"Unknown format. Received: `save_format`={save_format}. Was expecting one "
                     'of {"tf", "h5"}.')


def _is_h5_file(filepath):
    """An existing HDF5 file without the extension (Keras tries the TF format first)."""
    import os
    path = str(filepath)
    if os.path.isfile(path + ".index") or not os.path.isfile(path):
        return False
    with open(path, "rb") as f:
        return f.read(8) == b"\x89HDF\r\n\x1a\n"


# -- functional --------------------------------------------------------------------------------

def _flat_keras(x):
    if isinstance(x, KerasTensor):
        return [x]
    if isinstance(x, dict):
        return [t for v in x.values() for t in _flat_keras(v)]
    return [t for v in x for t in _flat_keras(v)]


class Functional(Model):
    """A graph of layer calls from `tf.keras.Input`s to outputs."""

    def __init__(self, inputs=None, outputs=None, name=None, trainable=True, **kwargs):
        Layer.__init__(self, name=name or engine.unique_name("model"), trainable=trainable)
        self._input_tensors, self._output_tensors = inputs, outputs
        self._graph = _topological(_flat_keras(outputs))
        self.built = True

    @property
    def layers(self):
        out = []
        for node in self._graph:
            if node.layer not in out:
                out.append(node.layer)
        return out

    def _self_tracked(self):
        return [layer for layer in self.layers]

    def call(self, inputs, training=None, mask=None):
        values = {}
        flat_in = _flat_keras(self._input_tensors)
        given = [inputs] if isinstance(self._input_tensors, KerasTensor) else _flat_values(inputs)
        if len(given) != len(flat_in):
            raise ValueError(f'Layer "{self.name}" expects {len(flat_in)} input(s), but it '
                             f"received {len(given)} input tensors.")
        for t, v in zip(flat_in, given, strict=True):
            v = v if isinstance(v, tf.Tensor) else tf.convert_to_tensor(v)
            if v.dtype != t.dtype and v.dtype.is_floating and t.dtype.is_floating:
                v = tf.cast(v, t.dtype)
            values[id(t)] = v
        for node in self._graph:
            if isinstance(node.layer, InputLayer):
                continue
            args, kwargs = _substitute((node.args, node.kwargs), values)
            out = node.layer(*args, **kwargs)
            for t, v in zip(_flat_keras(node.outputs), _flat_values(out), strict=True):
                values[id(t)] = v
        return _substitute(self._output_tensors, values)

    def _maybe_build(self, inputs):
        self.built = True

    output_shape = property(lambda self: engine._shape_tree(self._output_tensors))
    input_shape = property(lambda self: engine._shape_tree(self._input_tensors))

    def _weight_layers(self):
        return [layer for layer in self.layers if layer.weights]


def _flat_values(x):
    if isinstance(x, (list, tuple)):
        return [v for item in x for v in _flat_values(item)]
    if isinstance(x, dict):
        return [v for item in x.values() for v in _flat_values(item)]
    return [x]


def _substitute(x, values):
    if isinstance(x, KerasTensor):
        return values[id(x)]
    if isinstance(x, list):
        return [_substitute(v, values) for v in x]
    if isinstance(x, tuple):
        return tuple(_substitute(v, values) for v in x)
    if isinstance(x, dict):
        return {k: _substitute(v, values) for k, v in x.items()}
    return x


def _topological(outputs):
    """The nodes leading to `outputs`, each after the nodes it reads from."""
    order, seen = [], set()

    def visit(t):
        layer, index, _ = t._keras_history
        node = layer._inbound_nodes[index]
        if id(node) in seen:
            return
        seen.add(id(node))
        for parent in node.keras_inputs:
            visit(parent)
        order.append(node)
    for t in outputs:
        visit(t)
    return order


# -- Sequential --------------------------------------------------------------------------------

@export("keras.Sequential", "keras.models.Sequential")
class Sequential(Functional):
    """`tf.keras.Sequential`: layers applied in order. With an input shape (on the first layer,
    a leading `tf.keras.Input`, or `build`) the layers are called symbolically as they are added;
    otherwise the first call builds them on the data's full shape (batch included)."""

    def __init__(self, layers=None, name=None):
        Layer.__init__(self, name=name or engine.unique_name("sequential"))
        self._seq = []
        self._input_tensors = self._output_tensors = None
        self._graph = []
        for layer in layers or ():
            self.add(layer)

    @property
    def layers(self):
        return list(self._seq)

    def _self_tracked(self):
        return list(self._seq)

    def add(self, layer):
        if isinstance(layer, KerasTensor):
            layer = layer._keras_history[0]
        if not isinstance(layer, Layer):
            raise TypeError("The added layer must be an instance of class Layer. Received: "
                            f"layer={layer} of type {type(layer)}.")
        if isinstance(layer, InputLayer):
            self._start(layer._inbound_nodes[0].outputs[0])
            return
        if any(existing.name == layer.name for existing in self._seq):
            raise ValueError(f'All layers added to a Sequential model should have unique names. '
                             f'Name "{layer.name}" is already the name of a layer in this model. '
                             "Update the `name` argument to pass a unique name.")
        self._seq.append(layer)
        shape = getattr(layer, "_batch_input_shape", None)
        if self._output_tensors is None and len(self._seq) == 1 and shape is not None:
            self._start(Input(batch_shape=shape, dtype=layer.dtype))
        elif self._output_tensors is not None:
            with _Scope(None, reset=True):
                self._output_tensors = layer(self._output_tensors)
            self._graph = _topological([self._output_tensors])

    def _start(self, tensor):
        self._input_tensors = self._output_tensors = tensor
        with _Scope(None, reset=True):
            for layer in self._seq:
                self._output_tensors = layer(self._output_tensors)
        self._graph = _topological([self._output_tensors])

    def pop(self):
        if not self._seq:
            raise TypeError("There are no layers in the model.")
        self._seq.pop()
        if self._input_tensors is not None:
            self._start(self._input_tensors)

    @property
    def built(self):
        return self._output_tensors is not None

    @built.setter
    def built(self, value):
        pass

    def build(self, input_shape=None):
        if input_shape is None and self._output_tensors is None:
            raise ValueError("You must provide an `input_shape` argument.")
        if self._output_tensors is None:
            self._start(Input(batch_shape=tuple(input_shape)))

    def call(self, inputs, training=None, mask=None):
        for layer in self._seq:
            inputs = layer(inputs)
        return inputs

    def _maybe_build(self, inputs):
        if self._output_tensors is None and self._seq:
            self._start(Input(batch_shape=tuple(inputs.shape.as_list()), dtype=inputs.dtype))


# -- summary -----------------------------------------------------------------------------------

def _readable(size):
    for unit in ("Byte", "KB", "MB", "GB", "TB"):
        if size / 1024 < 1:
            return f"{size:.2f} {unit}"
        size /= 1024
    return f"{size:.2f} PB"


def _count(weights):
    return int(sum(np.prod(w.shape.as_list(), dtype=np.int64) for w in engine._dedup(weights)))


def _memory(weights):
    return sum(int(np.prod(w.shape.as_list(), dtype=np.int64)) * w.dtype.size
               for w in engine._dedup(weights))


def _sequential_like(model):
    if not isinstance(model, Functional) or isinstance(model, Sequential):
        return True
    consumers = {}
    for node in model._graph:
        if len(node.keras_inputs) > 1:
            return False
        for t in node.keras_inputs:
            consumers[id(t)] = consumers.get(id(t), 0) + 1
    layers = [node.layer for node in model._graph]
    return max(consumers.values(), default=0) <= 1 and len(set(map(id, layers))) == len(layers)


def _print_row(fields, positions, print_fn):
    """One table row; fields wider than their column continue on the next lines."""
    left = [str(x) for x in fields]
    last = len(positions) - 1
    while any(left):
        line = ""
        for col in range(len(left)):
            start = positions[col - 1] if col else 0
            space = 2 if col != last else 0
            cutoff = positions[col] - start - space - (1 if col != last else 0)
            part = left[col][:cutoff]
            # Keras breaks after the end of a tuple, list or string item.
            breaks = [part.find(s) + len(s) for s in ("),", "},", "],", "',") if s in part]
            if breaks:
                cutoff = min(breaks)
                part = part[:cutoff]
            if col == 0:
                line += " "
            line += part + " " * space
            left[col] = left[col][cutoff:]
            line += " " * (positions[col] - len(line))
        print_fn(line)


def print_summary(model, line_length, positions, print_fn, show_trainable):
    seq = _sequential_like(model)
    if seq:
        line_length = line_length or 65
        positions = positions or [0.45, 0.85, 1.0]
        header = ["Layer (type)", "Output Shape", "Param #"]
    else:
        line_length = line_length or 98
        positions = positions or [0.3, 0.6, 0.70, 1.0]
        header = ["Layer (type)", "Output Shape", "Param #", "Connected to"]
    if positions[-1] <= 1:
        positions = [int(line_length * p) for p in positions]
    if show_trainable:
        line_length += 11
        positions = [*positions, line_length]
        header.append("Trainable")
    nodes = set(map(id, getattr(model, "_graph", [])))
    print_fn(f'Model: "{model.name}"')
    print_fn("_" * line_length)
    _print_row(header, positions, print_fn)
    print_fn("=" * line_length)
    layers = model.layers
    for layer in layers:
        try:
            shape = layer.output_shape
        except AttributeError:
            shape = "multiple"
        if not layer.built and not isinstance(layer, Functional):
            params = "0 (unused)"
        else:
            params = layer.count_params()
        fields = [f"{layer.name} ({type(layer).__name__})", shape, params]
        if not seq:
            links = []
            for node in layer._inbound_nodes:
                if id(node) in nodes:
                    links += [f"{t._keras_history[0].name}[{t._keras_history[1]}]"
                              f"[{t._keras_history[2]}]" for t in node.keras_inputs]
            fields.append(links)
        if show_trainable:
            fields.append("Y" if layer.trainable else "N")
        _print_row(fields, positions, print_fn)
        print_fn(" " * line_length)
    print_fn("=" * line_length)
    trainable, frozen = model.trainable_weights, model.non_trainable_weights
    print_fn(f"Total params: {_count(trainable) + _count(frozen)} "
             f"({_readable(_memory(trainable) + _memory(frozen))})")
    print_fn(f"Trainable params: {_count(trainable)} ({_readable(_memory(trainable))})")
    print_fn(f"Non-trainable params: {_count(frozen)} ({_readable(_memory(frozen))})")
    print_fn("_" * line_length)
