"""An import alias that makes `import tensorflow[.rest]` give `tfcompat[.rest]`.

Used by `tfcompat run` only, in the process it runs; importing tfcompat never installs it.
"""

import importlib
import importlib.abc
import importlib.util
import sys
import types

_TF, _OURS = "tensorflow", "tfcompat"


# TF 1 module paths that legacy scripts import, and the tfcompat module serving each.
_LEGACY = {
    "tensorflow.python.keras": "tfcompat.keras",
    "tensorflow.python.client.device_lib": "tfcompat._src.session",  # list_local_devices
    "tensorflow.python.eager.context": "tfcompat._src.context",  # executing_eagerly
    "tensorflow.python.framework.ops": "tfcompat",  # convert_to_tensor, Tensor, ...
    "tensorflow.examples.tutorials.mnist.input_data": "tfcompat._src.data.mnist_v1",
}


def _ours(name: str) -> str:
    for legacy, target in _LEGACY.items():
        if name == legacy or name.startswith(legacy + "."):
            return target + name[len(legacy) :]
    return _OURS + name[len(_TF) :]


def _mirror_loaded() -> None:
    """Register every public tfcompat module already imported under its tensorflow name.

    Needed because namespaces such as tfcompat.compat may be plain module objects without
    `__path__`; Python only imports `tensorflow.compat.v1` through a non-package parent when
    the child is already in sys.modules.
    """
    for name, module in list(sys.modules.items()):
        if name.startswith(_OURS + ".") and not any(p.startswith("_") for p in name.split(".")):
            sys.modules.setdefault(_TF + name[len(_OURS) :], module)


class TensorflowAlias(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finder and loader in one: the module for `tensorflow.x` is the module `tfcompat.x`."""

    def __init__(self):
        self._real_specs = {}  # alias name -> the tfcompat module's own __spec__

    def find_spec(self, fullname, path=None, target=None):
        if fullname == _TF or fullname.startswith(_TF + "."):
            return importlib.util.spec_from_loader(fullname, self)
        return None

    def create_module(self, spec):
        if any(key.startswith(spec.name + ".") for key in _LEGACY) and spec.name != _TF:
            # A parent of a legacy path (tensorflow.python, ...): an empty package.
            module = types.ModuleType(spec.name)
            module.__path__ = []
            self._real_specs[spec.name] = spec
            return module
        target = _ours(spec.name)
        try:
            module = importlib.import_module(target)
        except ModuleNotFoundError as exc:
            # Only a missing tfcompat counterpart means "not provided"; a missing dependency
            # (say jax) keeps its own error.
            if exc.name is None or not (target == exc.name or target.startswith(exc.name + ".")):
                raise
            raise ModuleNotFoundError(
                f"No module named '{spec.name}': tfcompat does not provide it yet "
                f"(there is no {target}); see docs/coverage.md for what it provides",
                name=spec.name,
            ) from None
        # The import system will set module.__spec__ to the alias spec; keep the real one.
        self._real_specs[spec.name] = module.__spec__
        return module

    def exec_module(self, module):
        # Already executed as tfcompat; only undo the import system's __spec__ overwrite.
        module.__spec__ = self._real_specs.pop(module.__spec__.name)
        _mirror_loaded()


def install_tensorflow_alias() -> None:
    """Make `tensorflow` and its submodules resolve to tfcompat in this process (idempotent)."""
    if not any(isinstance(f, TensorflowAlias) for f in sys.meta_path):
        # First, so that a real TensorFlow installed beside us is never picked up.
        sys.meta_path.insert(0, TensorflowAlias())
