"""TF 1's `tf.contrib` (gone from TF 2): just `tf.contrib.eager` and `tf.contrib.summary`.

Not in the export table (TF 2.21 has no such paths, so they are in neither compat.v1 nor v2):
`tfcompat/__init__.py` sets `tfcompat.contrib` for legacy code, and `build()` registers the
modules so that `import tensorflow.contrib.eager as tfe` works under `tfcompat run`.
"""

import sys
import types

from tfcompat._src.contrib import eager, summary

_PUBLIC = {"eager": eager, "summary": summary}


def build():
    """The `tfcompat.contrib` module, with `eager` and `summary` as public modules."""
    contrib = types.ModuleType("tfcompat.contrib", __doc__)
    contrib.__path__ = []  # a package, so that `import tfcompat.contrib.eager` works
    sys.modules["tfcompat.contrib"] = contrib
    for name, src in _PUBLIC.items():
        mod = types.ModuleType(f"tfcompat.contrib.{name}", src.__doc__)
        for attr in src.__all__:
            setattr(mod, attr, getattr(src, attr))
        setattr(contrib, name, mod)
        sys.modules[mod.__name__] = mod
    sys.modules["tfcompat.contrib.eager.python"] = eager_python = types.ModuleType(
        "tfcompat.contrib.eager.python")
    eager_python.__path__ = []
    eager_python.tfe = sys.modules["tfcompat.contrib.eager.python.tfe"] = contrib.eager
    contrib.eager.__path__ = []
    contrib.eager.python = eager_python
    return contrib
