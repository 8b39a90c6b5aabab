"""`tf.Module`: a named container whose attributes (variables, submodules) are tracked.

tfcompat tracks by walking attributes when asked (for checkpoints and `variables`), not by
intercepting `__setattr__` as TF does; the order is the same: attribute assignment order for
checkpoints, attribute names sorted for `variables`/`submodules` (TF's `_flatten_module`).
"""

import contextlib
import re

from tfcompat._src.export import export
from tfcompat._src.variable import Variable


def _snake(name: str) -> str:
    s = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s).lower()


def _leaves(value):
    """The leaves of a nested list/tuple/dict, dict values in sorted-key order (tf.nest)."""
    if isinstance(value, (list, tuple)):
        for v in value:
            yield from _leaves(v)
    elif isinstance(value, dict):
        for k in sorted(value, key=str):
            yield from _leaves(value[k])
    else:
        yield value


class _NameScope(contextlib.AbstractContextManager):
    """What `module.name_scope` returns; tfcompat has no graph names, so entering does nothing."""

    def __init__(self, name: str):
        self.name = name + "/"

    def __exit__(self, *exc):
        return None


@export("Module")
class Module:
    """`tf.Module`: `name`, `name_scope`, `variables`, `trainable_variables`, `submodules`."""

    _TF_MODULE_IGNORED_PROPERTIES = frozenset(("_self_unconditional_checkpoint_dependencies",))

    def __init__(self, name=None):
        if name is None:
            name = _snake(type(self).__name__)
        elif not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.\-/]*", name):
            raise ValueError(f"'{name}' is not a valid module name. Module names must be valid "
                             "Python identifiers (e.g. a valid class name).")
        self._name = name
        self._scope_name = name + "/"

    name = property(lambda self: self._name)

    @property
    def name_scope(self):
        return _NameScope(self._name)

    def _flatten(self, predicate, recursive=True):
        seen = set()

        def walk(module):
            subs = []
            for key in sorted(vars(module)):
                if key in Module._TF_MODULE_IGNORED_PROPERTIES:
                    continue
                for leaf in _leaves(vars(module)[key]):
                    if id(leaf) in seen:
                        continue
                    if predicate(leaf):
                        seen.add(id(leaf))
                        yield leaf
                    if recursive and isinstance(leaf, Module):
                        subs.append(leaf)
            for sub in subs:
                yield from walk(sub)

        return tuple(walk(self))

    @property
    def variables(self):
        return self._flatten(lambda v: isinstance(v, Variable))

    @property
    def trainable_variables(self):
        return self._flatten(lambda v: isinstance(v, Variable) and v.trainable)

    @property
    def non_trainable_variables(self):
        return self._flatten(lambda v: isinstance(v, Variable) and not v.trainable)

    @property
    def submodules(self):
        return self._flatten(lambda v: isinstance(v, Module))

    @classmethod
    def with_name_scope(cls, method):
        return method

    def __repr__(self):
        return f"<{type(self).__module__}.{type(self).__qualname__} object at {hex(id(self))}>"
