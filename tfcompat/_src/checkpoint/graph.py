"""Walking a program's trackable objects in TF's order, and naming them as TF's checkpoints do.

Trackable here: Variables, `tf.train.Checkpoint`s, `tf.Module`s, TF 1 optimizers (their
non-slot variables are children, their slots are slot variables), Keras layers, models and
optimizers (named as tf_keras names them: keras/tracking.py), lists/tuples/dicts holding
trackables, and plain Python objects with trackable attributes (TF requires its own base class
for those; tfcompat accepts any object whose attributes hold trackables).
"""

import types

import numpy as np

from tfcompat._src.checkpoint import object_graph as og
from tfcompat._src.variable import Variable

_SKIP_MODULES = ("tfcompat", "jax", "numpy", "builtins", "optax", "ml_dtypes")


def _is_optimizer(obj) -> bool:
    from tfcompat._src.train.optimizer import Optimizer
    return isinstance(obj, Optimizer)


def _plain(obj) -> bool:
    """A user object whose attributes may hold trackables."""
    if isinstance(obj, (type, types.ModuleType, types.FunctionType, types.MethodType,
                        np.ndarray, str, bytes, int, float, complex, bool)) or obj is None:
        return False
    module = type(obj).__module__ or ""
    return hasattr(obj, "__dict__") and not module.startswith(_SKIP_MODULES)


def _keras(obj) -> bool:
    from tfcompat._src.keras import tracking
    return tracking.is_keras(obj)


def children(obj) -> list:
    """(local name, child) pairs of a trackable, in TF's order."""
    from tfcompat._src.checkpoint.checkpoint import Checkpoint
    from tfcompat._src.checkpoint.module import Module
    if isinstance(obj, Variable):
        return []
    if _keras(obj):   # Keras layers, models and optimizers: tf_keras's layout
        from tfcompat._src.keras import tracking
        return [(k, v) for k, v in tracking.children(obj) if trackable(v)]
    if isinstance(obj, Checkpoint):
        return [(k, v) for k, v in obj._deps.items() if trackable(v)]
    if _is_optimizer(obj):
        return list(obj._non_slot_dict.items())
    if isinstance(obj, (list, tuple)):
        return [(str(i), v) for i, v in enumerate(obj) if trackable(v)]
    if isinstance(obj, dict):
        return [(str(k), v) for k, v in obj.items() if trackable(v)]
    if isinstance(obj, Module) or _plain(obj):
        return [(k, v) for k, v in vars(obj).items()
                if k not in Module._TF_MODULE_IGNORED_PROPERTIES and trackable(v)]
    return []


def trackable(obj, _depth: int = 0) -> bool:
    from tfcompat._src.checkpoint.checkpoint import Checkpoint
    from tfcompat._src.checkpoint.module import Module
    if isinstance(obj, (Variable, Checkpoint, Module)) or _is_optimizer(obj) or _keras(obj):
        return True
    if _depth > 20:
        return False
    if isinstance(obj, (list, tuple)):
        return any(trackable(v, _depth + 1) for v in obj)
    if isinstance(obj, dict):
        return any(isinstance(k, str) and trackable(v, _depth + 1) for k, v in obj.items())
    return _plain(obj) and any(trackable(v, _depth + 1) for v in vars(obj).values())


class Graph:
    """The breadth-first list of a root's trackables with their paths and the proto nodes."""

    def __init__(self, root):
        self.objects = [root]
        self.paths = [""]
        self.nodes = [og.Node()]
        ids = {id(root): 0}
        i = 0
        while i < len(self.objects):
            obj = self.objects[i]
            for name, child in children(obj):
                if id(child) not in ids:
                    ids[id(child)] = len(self.objects)
                    self.objects.append(child)
                    path = og.escape(name)
                    self.paths.append(f"{self.paths[i]}/{path}" if i else path)
                    self.nodes.append(og.Node())
                self.nodes[i].children.append((ids[id(child)], name))
            i += 1
        # Slot variables follow the other nodes: per optimizer, per slot name, per variable.
        plain = list(enumerate(self.objects))
        for oi, opt in plain:
            if not _is_optimizer(opt):
                continue
            for slot_name in opt.get_slot_names():
                for vi, var in plain:
                    slot = opt.get_slot(var, slot_name) if isinstance(var, Variable) else None
                    if slot is None:
                        continue
                    sid = len(self.objects)
                    self.objects.append(slot)
                    self.paths.append(og.slot_path(self.paths[vi], self.paths[oi], slot_name))
                    self.nodes.append(og.Node())
                    self.nodes[oi].slot_variables.append((vi, slot_name, sid))
        for obj, path, node in zip(self.objects, self.paths, self.nodes, strict=True):
            if isinstance(obj, Variable):
                node.attributes.append(("VARIABLE_VALUE", obj.name.rpartition(":")[0] or
                                        obj.name, og.attribute_key(path)))
        og.mark_checkpoint_values(self.nodes)

    def tensors(self):
        """(checkpoint key, value, dtype) of each variable, in node order."""
        for obj, node in zip(self.objects, self.nodes, strict=True):
            if isinstance(obj, Variable):
                yield node.attributes[0][2], np.asarray(obj.numpy()), obj.dtype
