"""TF 1's global step (`tf.compat.v1.train.get_or_create_global_step` ...) in eager mode.

TF keeps the global step in a collection of the default graph, which eager mode also has: one
per process until `tf.compat.v1.reset_default_graph()`, which also forgets the names taken by
slot variables (optimizer.py).
"""

import numpy as np

from tfcompat._src import dtypes
from tfcompat._src.export import export
from tfcompat._src.train import optimizer
from tfcompat._src.variable import Variable

_GLOBAL_STEP: list = [None]


@export(v1=("train.get_global_step",))
def get_global_step(graph=None):
    """The global step Variable, or None when none was created."""
    return _GLOBAL_STEP[0]


@export(v1=("train.create_global_step",))
def create_global_step(graph=None):
    """Creates the int64 scalar Variable 'global_step:0' (0, not trainable)."""
    if _GLOBAL_STEP[0] is not None:
        raise ValueError('"global_step" already exists.')
    _GLOBAL_STEP[0] = Variable(np.int64(0), trainable=False, dtype=dtypes.int64,
                               name="global_step")
    return _GLOBAL_STEP[0]


@export(v1=("train.get_or_create_global_step",))
def get_or_create_global_step(graph=None):
    """The global step Variable, created on first use."""
    step = get_global_step(graph)
    return create_global_step(graph) if step is None else step


@export(v1=("reset_default_graph",))
def reset_default_graph():
    """Forgets the global step, the variable-scope and slot names taken so far (TF's graph
    collections) and Keras's layer-name counters (kept per graph)."""
    from tfcompat._src.keras import engine  # keras imports train: bound at call time
    _GLOBAL_STEP[0] = None
    optimizer._reset_scopes()
    engine._UIDS.clear()
