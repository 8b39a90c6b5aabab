"""Keras objects in TF checkpoints, as tf_keras 2.21 (Keras 2) lays them out.

A layer's children are its tracked attributes in assignment order: variables (under the name given
to `add_weight`, which TF registers when the weight is created, and under the attribute name if
that differs), sublayers, and lists/dicts holding them; the base Layer's own bookkeeping is not
tracked, as Keras does not track what `Layer.__init__` sets. A Functional or Sequential model
first lists `layer_with_weights-<k>` / `layer-<i>` for its layers; `save_weights` makes the model
the root, which also names itself `root`. An optimizer (Keras 3 in tfcompat, as in TF 2.21) is
written in tf_keras's layout: `_variables` (iterations, then the slots in creation order),
`_iterations`, `_learning_rate`, one list per slot kind (`_momentums`, `_velocities`, ...; SGD's
`momentums`) and Nadam's `_u_product`. Restoring into an optimizer that has no slots yet keeps the
slot values until `build` creates the slots (TF's deferred restoration, for optimizers only).
"""

import os
import threading

import numpy as np

_UNTRACKED = frozenset((  # what Layer.__init__ and the model classes keep for themselves
    "_trainable_weights", "_non_trainable_weights", "_inbound_nodes", "_callable_losses",
    "_eager_losses", "_initial_weights", "activity_regularizer", "_graph", "_input_layers",
    "_output_tensors", "_input_tensors", "_self_layers", "_seq",
    "_train_counter", "_test_counter", "_predict_counter", "_steps_per_execution"))

# Slot name -> tf_keras's list attribute; per class where tf_keras names it differently.
_SLOT_LISTS = {"momentum": "_momentums", "velocity": "_velocities",
               "velocity_hat": "_velocity_hats", "average_gradient": "_average_gradients",
               "accumulator": "_accumulators", "linear": "_linears",
               "accumulated_grad": "_accumulated_grads",
               "accumulated_delta_var": "_accumulated_delta_vars",
               "average": "_model_variables_moving_average"}
_CLASS_SLOT_LISTS = {"SGD": {"momentum": "momentums"}, "Lion": {"momentum": "momentums"},
                     "Adamax": {"momentum": "_m", "norm": "_u"}}

_local = threading.local()


def is_keras(obj) -> bool:
    """A Keras layer, model or optimizer (tracked by this module's rules)."""
    from tfcompat._src.keras.base import Optimizer
    from tfcompat._src.keras.engine import Layer
    return isinstance(obj, (Layer, Optimizer))


def children(obj) -> list:
    """(local name, child) pairs of a Keras layer/model or optimizer, in tf_keras's order."""
    from tfcompat._src.keras.base import Optimizer
    if isinstance(obj, Optimizer):
        return optimizer_children(obj)
    return layer_children(obj)


def _attribute_children(layer) -> list:
    from tfcompat._src.checkpoint.graph import trackable
    own = {id(v): v for v in layer._trainable_weights + layer._non_trainable_weights}
    out, named = [], set()
    for key, value in vars(layer).items():
        if key in _UNTRACKED:
            continue
        name = getattr(value, "_keras_weight_name", None) if id(value) in own else None
        if name and id(value) not in named:
            named.add(id(value))
            out.append((name, value))
            if name == key:
                continue
        if trackable(value):
            out.append((key, value))
    # Weights held by no attribute: TF tracks them under their add_weight name too.
    rest = sorted((v for i, v in own.items() if i not in named
                   and getattr(v, "_keras_weight_name", None)), key=lambda v: v._uid)
    return out + [(v._keras_weight_name, v) for v in rest]


def layer_children(layer) -> list:
    from tfcompat._src.keras.models import Functional
    out = []
    if isinstance(layer, Functional):
        k = 0
        for i, sub in enumerate(layer.layers):
            if sub.weights:
                out.append((f"layer_with_weights-{k}", sub))
                k += 1
            out.append((f"layer-{i}", sub))
    out += _attribute_children(layer)
    if getattr(_local, "root", None) is layer:
        out.append(("root", layer))
    return out


def optimizer_children(opt) -> list:
    from tfcompat._src.keras.base import KerasVariable
    lr = opt._learning_rate if isinstance(opt._learning_rate, KerasVariable) else None
    shared = opt._shared_slots() if opt.built else {}
    skip = {id(lr)} | {id(v) for v in shared.values()}
    out = [("_variables", [v for v in opt._variables if id(v) not in skip]),
           ("_iterations", opt._iterations)]
    if lr is not None:
        out.append(("_learning_rate", lr))
    names = {**_SLOT_LISTS}
    for cls in reversed(type(opt).__mro__):
        names.update(_CLASS_SLOT_LISTS.get(cls.__name__, {}))
    lists: dict = {}
    for v in opt._trainable_variables:
        for slot_name, slot in opt._slots.get(v._uid, {}).items():
            lists.setdefault(names.get(slot_name, f"_{slot_name}s"), []).append(slot)
    out += list(lists.items())
    out += [(f"_{name}", var) for name, var in shared.items()]
    return out


# OptimizerV2 (tf.keras before TF 2.11, tf_keras's `optimizers.legacy`) slot names -> ours.
_V2_SLOTS = {"m": "momentum", "v": "velocity", "vhat": "velocity_hat", "rms": "velocity",
             "mg": "average_gradient", "accum_grad": "accumulated_grad",
             "accum_var": "accumulated_delta_var"}
_V2_CLASS_SLOTS = {"Adamax": {"v": "norm"}}
_HYPER = object()   # binds a saved hyperparameter equal to the optimizer's own setting


def restore_optimizer(opt, nodes, index, reader, matched) -> None:
    """After matching: an OptimizerV2 checkpoint's `iter`, `learning_rate`, hyperparameters and
    `.OPTIMIZER_SLOT` slots are bound to this optimizer; slot values that have no variable yet
    (an unbuilt optimizer) are kept for `build`."""
    node = nodes[index]
    names = {name: cid for cid, name in node.children}
    if "iter" in names:
        _restore_v2(opt, nodes, node, names, reader, matched)
    elif not opt.built:
        pending = {}
        for cid, list_name in node.children:
            for gid, pos in nodes[cid].children:
                key = _value_key(nodes[gid])
                if gid not in matched and key and pos.isdigit():
                    pending.setdefault(list_name, {})[int(pos)] = (reader.get(key), key)
        if pending:
            opt._deferred_restore = pending


def _value_key(node):
    keys = [a[2] for a in node.attributes if a[0] == "VARIABLE_VALUE"]
    return keys[0] if keys else None


def _restore_v2(opt, nodes, node, names, reader, matched):
    from tfcompat._src.keras.base import KerasVariable
    from tfcompat._src.variable import Variable
    bind = {"iter": opt._iterations}
    if isinstance(opt._learning_rate, KerasVariable):
        bind["learning_rate"] = opt._learning_rate
    if opt.built and "u_product" in opt._shared_slots():   # Nadam's product of the mu's
        bind["momentum_cache"] = opt._shared_slots()["u_product"]
    for name, cid in names.items():
        key = _value_key(nodes[cid])
        if cid in matched or key is None:
            continue
        if name in bind:
            matched[cid] = bind[name]
        else:
            ours = 0.0 if name == "decay" else getattr(opt, name, None)
            if isinstance(ours, (int, float)) and \
                    np.float32(reader.get(key)) == np.float32(ours):
                matched[cid] = _HYPER
    slot_names = {**_V2_SLOTS, **_V2_CLASS_SLOTS.get(type(opt).__name__, {})}
    pending = {}
    for vid, slot_name, sid in node.slot_variables:
        var, key = matched.get(vid), _value_key(nodes[sid])
        if sid in matched or not isinstance(var, Variable) or key is None:
            continue
        ours = slot_names.get(slot_name, slot_name)
        slot = opt._slots.get(var._uid, {}).get(ours)
        if slot is not None:
            matched[sid] = slot
        else:
            pending[(var._uid, ours)] = (reader.get(key), key)
    if pending:
        opt._deferred_slots = pending


def restore_deferred(opt) -> None:
    """Assigns the values `restore_optimizer` kept to the slots `build` just created."""
    from tfcompat._src.checkpoint.checkpoint import _assign
    pending = opt.__dict__.pop("_deferred_restore", None)
    if pending:
        live = dict(optimizer_children(opt))
        for list_name, values in pending.items():
            variables = live.get(list_name)
            if not isinstance(variables, list):
                continue
            for pos, (value, key) in values.items():
                if pos < len(variables):
                    _assign(variables[pos], value, key)
    for (uid, name), (value, key) in opt.__dict__.pop("_deferred_slots", {}).items():
        slot = opt._slots.get(uid, {}).get(name)
        if slot is not None:
            _assign(slot, value, key)


# -- layers restored before they are built ------------------------------------------------------

class _Deferred:
    """Saved values under a layer's node that found no object yet, and the status's matches."""

    def __init__(self, index, nodes, values, matched):
        self.index, self.nodes, self.values, self.matched = index, nodes, values, matched


def defer_layers(nodes, reader, matched, values=None, status=None) -> None:
    """After matching: a Keras layer whose saved children found no object (it is not built
    yet) keeps their values; `resolve_deferred` applies them when the layer is built, as TF's
    deferred restoration does."""
    from tfcompat._src.keras.engine import Layer
    for i, obj in list(matched.items()):
        if not isinstance(obj, Layer):
            continue
        missing = [c for c, _ in nodes[i].children
                   if c not in matched and nodes[c].has_checkpoint_values is not False]
        if not missing:
            continue
        if values is None:
            values = {}
        todo, seen = list(missing), set(missing)
        while todo:   # read the values below now: the files may be gone at build time
            node = nodes[todo.pop()]
            key = _value_key(node)
            if key is not None and key not in values and reader is not None:
                values[key] = reader.get(key)
            for c, _ in node.children:
                if c not in seen:
                    seen.add(c)
                    todo.append(c)
        obj._deferred_ckpt = _Deferred(i, nodes, values,
                                       matched if status is None else status)


def resolve_deferred(layer) -> None:
    """Binds and assigns what a restore kept for `layer` (called once it is built)."""
    d = layer.__dict__.pop("_deferred_ckpt", None)
    if d is None:
        return
    from tfcompat._src.checkpoint.checkpoint import _assign, _match
    from tfcompat._src.variable import Variable
    sub = {d.index: layer}
    _match(d.nodes, sub)
    for j, obj in sub.items():
        if j in d.matched:
            continue
        d.matched[j] = obj
        key = _value_key(d.nodes[j])
        if isinstance(obj, Variable) and key in d.values:
            _assign(obj, d.values[key], key)
    # Sublayers created by this build and not built yet wait for their own build.
    defer_layers(d.nodes, None, sub, d.values, status=d.matched)


# -- Model.save_weights / load_weights in TF format ----------------------------------------------

def assert_weights_created(model):
    """Keras 2 refuses to save a model with its own `build` that has not been built."""
    from tfcompat._src.keras.models import Model
    if "build" in type(model).__dict__ and type(model) is not Model and not model.built:
        raise ValueError(f"Weights for model '{model.name}' have not yet been created. Weights "
                         "are created when the model is first called on inputs or `build()` "
                         "is called with an `input_shape`.")


def save_weights(model, filepath):
    """Writes the model's object-based checkpoint at prefix `filepath` and the directory's
    `checkpoint` state file naming it, as Keras 2's TF format does."""
    from tfcompat._src.checkpoint import checkpoint, state
    assert_weights_created(model)
    filepath = os.fspath(filepath)
    _local.root = model
    try:
        checkpoint.write_graph(model, filepath)
    finally:
        _local.root = None
    state.update(os.path.dirname(filepath), filepath, [filepath])


def load_weights(model, filepath):
    """Restores a TF-format checkpoint into the model (matched from the model as root);
    returns the load status, as Keras 2 does."""
    from tfcompat._src.checkpoint import checkpoint
    status = checkpoint._restore(model, os.fspath(filepath), create_save_counter=False)
    status.assert_nontrivial_match()
    return status


def is_tf_checkpoint(filepath) -> bool:
    return os.path.isfile(os.fspath(filepath) + ".index")

