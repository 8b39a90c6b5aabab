"""`tf.train.Checkpoint`, its restore status, and the checkpoint readers (`tf.train.*`).

Object-based checkpoints as TF 2 writes them: keys `<path>/.ATTRIBUTES/VARIABLE_VALUE`, the
object graph under `_CHECKPOINTABLE_OBJECT_GRAPH`, slot variables under `.OPTIMIZER_SLOT`.
Restoring matches the saved graph against the live objects from the root, as TF does; unlike TF,
values for objects created after `restore` are not applied later (no deferred restoration),
except optimizer slots (a TF 1 optimizer's are created on restore when it has none yet, a Keras
optimizer's are kept until its `build` creates them) and Keras layers not built yet (their values
are applied when they are built).
"""

import os

import numpy as np

from tfcompat._src import dtypes, errors
from tfcompat._src.checkpoint import bundle, state
from tfcompat._src.checkpoint import object_graph as og
from tfcompat._src.checkpoint.graph import Graph, children
from tfcompat._src.export import export
from tfcompat._src.variable import Variable


def _assign(var: Variable, value: np.ndarray, key: str):
    if var.dtype is dtypes.string:
        raise errors.UnimplementedError(None, None, "tfcompat variables cannot hold strings")
    if tuple(value.shape) != tuple(var.shape):
        raise ValueError(f"Received incompatible tensor with shape {tuple(value.shape)} when "
                         f"attempting to restore variable with shape {tuple(var.shape)} and "
                         f"name {key}.")
    if np.dtype(value.dtype) != np.dtype(var.dtype.as_numpy_dtype):
        value = value.astype(var.dtype.as_numpy_dtype)  # TF casts on restore likewise
    var.assign(value)


def _describe(node: og.Node) -> str:
    return "; ".join(f"attribute {a[0]} (checkpoint key {a[2]})" for a in node.attributes) or \
        "children " + ", ".join(n for _, n in node.children)


class CheckpointLoadStatus:
    """What `Checkpoint.restore` returns: assertions on how the checkpoint matched."""

    def __init__(self, root, nodes, matched: dict, paths: dict):
        self._root, self._nodes, self._matched, self._paths = root, nodes, matched, paths

    def _unmatched_python(self):
        graph = Graph(self._root)
        bound = {id(o) for o in self._matched.values()}
        # Containers are not checked themselves (their contents are): Keras optimizers give
        # their slot lists afresh on each walk.
        return [o for o in graph.objects[1:] if id(o) not in bound
                and not isinstance(o, (list, tuple, dict))
                and (children(o) or isinstance(o, Variable))]

    def assert_existing_objects_matched(self):
        """Raises AssertionError if a live object in the graph got no checkpointed value."""
        unused = self._unmatched_python()
        if unused:
            shown = ", ".join(repr(o) for o in unused[:10])
            raise AssertionError("Some Python objects were not bound to checkpointed values, "
                                 f"likely due to changes in the Python program: [{shown}]")
        return self

    def assert_consumed(self):
        """Also raises if a checkpointed object with values found no live object."""
        for i, node in enumerate(self._nodes):
            if i not in self._matched and node.has_checkpoint_values is not False and (
                    node.attributes or node.slot_variables):
                raise AssertionError(f"Unresolved object in checkpoint {self._paths.get(i, i)}: "
                                     f"{_describe(node)}")
        return self.assert_existing_objects_matched()

    def assert_nontrivial_match(self):
        if len(self._matched) <= 1:
            raise AssertionError("Nothing except the root object matched a checkpointed value. "
                                 "Typically this means that the checkpoint does not match the "
                                 "Python program.")
        return self

    def expect_partial(self):
        return self

    def run_restore_ops(self, session=None):
        return None

    def initialize_or_restore(self, session=None):
        return None


class _NameBasedStatus(CheckpointLoadStatus):
    """Restore from a checkpoint without an object graph (a TF 1 Saver's): by variable name."""


def _restore(root, save_path: str, create_save_counter: bool):
    reader = bundle.Reader(save_path)
    if not reader.has(og.OBJECT_GRAPH_KEY):
        graph = Graph(root)
        matched = {}
        for i, obj in enumerate(graph.objects):
            if isinstance(obj, Variable):
                name = obj.name.rpartition(":")[0] or obj.name
                if reader.has(name):
                    _assign(obj, reader.get(name), name)
                    matched[i] = obj
        return _NameBasedStatus(root, graph.nodes, matched, {})
    nodes = og.decode(reader.get(og.OBJECT_GRAPH_KEY)[()])
    if create_save_counter and isinstance(root, Checkpoint) and nodes and any(
            n == "save_counter" for _, n in nodes[0].children):
        root._save_counter_var()  # TF's restore creates the counter to receive its value
    paths = {0: "(root)"}
    for i, node in enumerate(nodes):  # parents come before children in TF's node order
        for cid, name in node.children:
            paths.setdefault(cid, f"{paths.get(i, i)}.{name}")
    matched = {0: root}
    # Optimizer slots (and Adam's beta powers) may not exist yet: creating them can reveal new
    # children, so matching repeats until nothing new matches.
    while True:
        before = len(matched)
        _match(nodes, matched)
        if len(matched) == before:
            break
    from tfcompat._src.keras import tracking
    from tfcompat._src.keras.base import Optimizer as KerasOptimizer
    for i, obj in list(matched.items()):
        if isinstance(obj, KerasOptimizer):   # OptimizerV2 layout; slots not built yet
            tracking.restore_optimizer(obj, nodes, i, reader, matched)
    tracking.defer_layers(nodes, reader, matched)   # Keras layers not built yet
    for i, obj in matched.items():
        for attr, _, key in nodes[i].attributes:
            if isinstance(obj, Variable) and attr == "VARIABLE_VALUE":
                _assign(obj, reader.get(key), key)
    return CheckpointLoadStatus(root, nodes, matched, paths)


def _match(nodes, matched: dict):
    """Binds saved node ids to live objects, breadth first from the matched ones."""
    todo = sorted(matched)
    while todo:
        i = todo.pop(0)
        obj = matched[i]
        if hasattr(obj, "get_slot") and hasattr(obj, "_create_slots"):
            for vid, slot_name, sid in nodes[i].slot_variables:
                var = matched.get(vid)
                if sid in matched or not isinstance(var, Variable):
                    continue
                slot = obj.get_slot(var, slot_name)
                if slot is None:
                    obj._create_slots([var])  # TF defers the restore to slot creation instead
                    slot = obj.get_slot(var, slot_name)
                if slot is not None:
                    matched[sid] = slot
        live = dict(children(obj))
        for cid, name in nodes[i].children:
            child = live.get(name)
            if child is not None and cid not in matched:
                matched[cid] = child
                todo.append(cid)


def write_graph(root, file_prefix: str) -> str:
    """Writes the object graph from `root` and its variables' values as a tensor bundle."""
    graph = Graph(root)
    tensors = list(graph.tensors())
    tensors.append((og.OBJECT_GRAPH_KEY, np.array(og.encode(graph.nodes), dtype=object),
                    dtypes.string))
    bundle.write(file_prefix, tensors)
    return file_prefix


@export("train.Checkpoint")
class Checkpoint:
    """`tf.train.Checkpoint(**trackables)`: save/write/restore/read of an object graph."""

    def __init__(self, root=None, **kwargs):
        self._deps = {}
        if root is not None:
            for name, value in children(root):
                self._deps[name] = value
        for name, value in sorted(kwargs.items()):
            if isinstance(value, (int, float, str, bytes, np.ndarray)) or value is None:
                raise ValueError(f"`Checkpoint` was expecting a trackable object (an object "
                                 f"derived from `Trackable`), got {value}. If you believe this "
                                 "object should be trackable (i.e. it is part of the TensorFlow "
                                 "Python API and manages state), please open an issue.")
            self._deps[name] = value
            object.__setattr__(self, name, value)
        self._counter = None

    def __setattr__(self, name, value):
        object.__setattr__(self, name, value)
        if not name.startswith("_"):
            from tfcompat._src.checkpoint.graph import trackable
            if trackable(value):
                self._deps[name] = value

    def _save_counter_var(self) -> Variable:
        if self._counter is None:
            self._counter = Variable(np.int64(0), trainable=False, name="save_counter")
            self._deps["save_counter"] = self._counter
        return self._counter

    @property
    def save_counter(self) -> Variable:
        """How many times `save` ran (an int64 Variable, created on first use)."""
        return self._save_counter_var()

    def write(self, file_prefix, options=None) -> str:
        """Writes the checkpoint to `file_prefix` (no counter, no `checkpoint` file)."""
        return write_graph(self, os.fspath(file_prefix))

    def save(self, file_prefix, options=None) -> str:
        """Writes `<file_prefix>-<n>` (n: the incremented save_counter); updates `checkpoint`."""
        file_prefix = os.fspath(file_prefix)
        counter = self._save_counter_var()
        counter.assign_add(1)
        path = self.write(f"{file_prefix}-{int(counter.numpy())}")
        state.update(os.path.dirname(file_prefix), path, [path])
        return path

    def read(self, save_path, options=None):
        return _restore(self, os.fspath(save_path), create_save_counter=False)

    def restore(self, save_path, options=None):
        """Restores matching objects' values; returns a status to assert on."""
        if save_path is None:
            return CheckpointLoadStatus(self, [], {0: self}, {})
        save_path = os.fspath(save_path)
        if os.path.isdir(save_path):
            raise errors.NotFoundError(None, None, f"Failed to restore from checkpoint "
                                       f"{save_path}: it is a directory; pass a checkpoint "
                                       "prefix such as tf.train.latest_checkpoint(directory)")
        return _restore(self, save_path, create_save_counter=True)


@export(v1=("train.NewCheckpointReader",))
class CheckpointReader:
    """What `tf.train.load_checkpoint` returns."""

    def __init__(self, filepattern):
        self._reader = bundle.Reader(os.fspath(filepattern))

    def get_tensor(self, tensor_str):
        value = self._reader.get(tensor_str)
        return value[()] if value.ndim == 0 else value

    def has_tensor(self, tensor_str) -> bool:
        return self._reader.has(tensor_str)

    def get_variable_to_shape_map(self) -> dict:
        return {k: list(e.shape) for k, e in self._reader.entries.items()}

    def get_variable_to_dtype_map(self) -> dict:
        return {k: e.dtype for k, e in self._reader.entries.items()}

    def debug_string(self) -> bytes:
        return "".join(f"{k} ({e.dtype.name}) {list(e.shape)}\n"
                       for k, e in sorted(self._reader.entries.items())).encode()


def _prefix(ckpt_dir_or_file) -> str:
    path = os.fspath(ckpt_dir_or_file)
    if os.path.isdir(path):
        latest = state.latest_checkpoint(path)
        if latest is None:
            raise ValueError(f"Couldn't find 'checkpoint' file or checkpoints in given "
                             f"directory {path}")
        return latest
    return path


@export("train.load_checkpoint")
def load_checkpoint(ckpt_dir_or_file):
    """A CheckpointReader of a checkpoint prefix or of a directory's latest checkpoint."""
    return CheckpointReader(_prefix(ckpt_dir_or_file))


@export("train.load_variable")
def load_variable(ckpt_dir_or_file, name):
    """The value saved under `name` (a trailing ':0' is dropped, as in TF)."""
    if name.endswith(":0"):
        name = name[:-2]
    return load_checkpoint(ckpt_dir_or_file).get_tensor(name)


@export("train.list_variables")
def list_variables(ckpt_dir_or_file):
    """Sorted (key, shape) pairs of a checkpoint."""
    shapes = load_checkpoint(ckpt_dir_or_file).get_variable_to_shape_map()
    return [(k, shapes[k]) for k in sorted(shapes)]
