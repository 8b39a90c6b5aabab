"""TF 1's name-based `tf.compat.v1.train.Saver`, in eager mode (`sess` is ignored).

Keys are the variables' names without ':0' (or the keys of a dict `var_list`); no object graph
and, as in eager TF, no meta graph are written.
"""

import os

import numpy as np

from tfcompat._src import errors, logs
from tfcompat._src.checkpoint import bundle, state
from tfcompat._src.checkpoint.checkpoint import _assign
from tfcompat._src.export import export
from tfcompat._src.variable import Variable


def _names(var_list) -> dict:
    if isinstance(var_list, dict):
        return dict(var_list)
    out = {}
    for v in var_list:
        if not isinstance(v, Variable):
            raise TypeError(f"Variable to save is not a Variable: {v}")
        name = v.name.rpartition(":")[0] or v.name
        if name in out:
            raise ValueError(f"At least two variables have the same name: {name}")
        out[name] = v
    return out


@export(v1=("train.Saver",))
class Saver:
    """`tf.compat.v1.train.Saver(var_list)`: save/restore by variable name."""

    def __init__(self, var_list=None, reshape=False, sharded=False, max_to_keep=5,
                 keep_checkpoint_every_n_hours=10000.0, name=None, restore_sequentially=False,
                 saver_def=None, builder=None, defer_build=False, allow_empty=False,
                 write_version=2, pad_step_number=False, save_relative_paths=False,
                 filename=None):
        logs.warning("Saver is deprecated, please switch to tf.train.Checkpoint or "
                     "tf.keras.Model.save_weights for training checkpoints. When executing "
                     "eagerly variables do not necessarily have unique names, and so the "
                     "variable.name-based lookups Saver performs are error-prone.")
        if var_list is None:
            raise RuntimeError("When eager execution is enabled, `var_list` must specify a list "
                               "or dict of variables to save")
        self._vars = _names(var_list)
        self._max_to_keep = max_to_keep
        self._pad = pad_step_number
        self._last: list[str] = []
        self._relative = save_relative_paths

    def save(self, sess, save_path, global_step=None, latest_filename=None,
             meta_graph_suffix="meta", write_meta_graph=True, write_state=True,
             strip_default_attrs=False, save_debug_info=False):
        """Writes the variables to `save_path` (`-<global_step>` appended); returns the path."""
        save_path = os.fspath(save_path)
        if global_step is not None:
            step = int(np.asarray(global_step.numpy() if hasattr(global_step, "numpy")
                                  else global_step))
            save_path = f"{save_path}-{step:08d}" if self._pad else f"{save_path}-{step}"
        tensors = [(k, np.asarray(v.numpy()), v.dtype) for k, v in sorted(self._vars.items())]
        bundle.write(save_path, tensors)
        if write_state:
            if save_path in self._last:
                self._last.remove(save_path)
            self._last.append(save_path)
            if self._max_to_keep:
                while len(self._last) > self._max_to_keep:
                    state._delete(self._last.pop(0))
            state.update(os.path.dirname(save_path), save_path, self._last,
                         latest_filename=latest_filename or "checkpoint",
                         relative=self._relative)
        return save_path

    def restore(self, sess, save_path):
        """Assigns every variable its saved value; a missing key is TF's NotFoundError."""
        if save_path is None:
            raise ValueError("Can't load save_path when it is None.")
        reader = bundle.Reader(os.fspath(save_path))
        for key, var in self._vars.items():
            if not reader.has(key):
                raise errors.NotFoundError(None, None, f"Key {key} not found in checkpoint")
            _assign(var, reader.get(key), key)

    @property
    def last_checkpoints(self):
        return list(self._last)
