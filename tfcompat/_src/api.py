"""Builds the public namespaces from the export table.

`tfcompat` itself serves legacy code: it holds the TF 1 names and the TF 2 names (the TF 1 object
where both exist, since TF 1 adapters accept a superset of arguments). `tfcompat.compat.v1` and
`tfcompat.compat.v2` hold exactly the TF 1 and TF 2 sets. Namespaces are module objects registered
in `sys.modules`, so `import tfcompat.math` and `from tfcompat.compat import v1` work.
"""

import sys
import types

from tfcompat._src.export import EXPORTS

_DOC = "TensorFlow's `tf.{}` namespace, served by tfcompat."


class Namespace(types.ModuleType):
    """A public namespace; a missing symbol names itself in the error."""

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        public = self.__name__.replace("tfcompat", "tf", 1)
        raise AttributeError(f"module '{public}' has no attribute '{name}': tfcompat does not "
                             f"provide {public}.{name} (yet); see docs/coverage.md")


def _namespace(root, path: str) -> types.ModuleType:
    """The module for `path` under `root`, created on first use."""
    mod = root
    for part in path.split(".") if path else ():
        child = mod.__dict__.get(part)
        if not isinstance(child, types.ModuleType):
            full = f"{mod.__name__}.{part}"
            child = Namespace(full, _DOC.format(full.partition(".")[2]))
            child.__path__ = []  # a package, so `import tfcompat.compat.v1.train` works
            sys.modules[full] = child
            setattr(mod, part, child)
        mod = child
    return mod


def _place(root, paths, obj, overwrite: bool):
    for path in paths:
        parent, _, name = path.rpartition(".")
        ns = _namespace(root, parent)
        if overwrite or name not in ns.__dict__:
            setattr(ns, name, obj)


def build(top: types.ModuleType):
    """Fills `top` (the `tfcompat` module) and creates its sub-namespaces."""
    compat = _namespace(top, "compat")
    v1 = _namespace(compat, "v1")
    v2 = _namespace(compat, "v2")
    for e in EXPORTS:
        _place(v1, e.v1, e.obj, overwrite=True)
        _place(v2, e.v2, e.obj, overwrite=True)
    for e in EXPORTS:
        _place(top, e.v1, e.obj, overwrite=True)
    for e in EXPORTS:
        _place(top, e.v2, e.obj, overwrite=False)
    for ns in (v1, v2):
        ns.compat = compat
    from tfcompat._src import logs  # TF 1 symbols TF 2.21 logs a deprecation notice for
    logs.install_deprecations((v1, top), v2)
    return top
