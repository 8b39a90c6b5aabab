"""TF 1's `tf.contrib` (gone from TF 2): just `tf.contrib.eager`, `tf.contrib.summary` and
`tf.contrib.learn.datasets` (MNIST).

Not in the export table (TF 2.21 has no such paths, so they are in neither compat.v1 nor v2):
`tfcompat/__init__.py` sets `tfcompat.contrib` for legacy code, and `build()` registers the
modules so that `import tensorflow.contrib.eager as tfe` works under `tfcompat run`.
"""

import sys
import types

from tfcompat._src.contrib import eager, rnn, summary

_PUBLIC = {"eager": eager, "rnn": rnn, "summary": summary}


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
    _build_learn(contrib)
    return contrib


def _build_learn(contrib):
    """`tf.contrib.learn.datasets` (MNIST only) and its module path
    `tensorflow.contrib.learn.python.learn.datasets.{base,mnist}`."""
    from tfcompat._src.data import mnist_v1

    def package(name, doc=None):
        mod = types.ModuleType(f"tfcompat.contrib.{name}", doc)
        mod.__path__ = []
        sys.modules[mod.__name__] = mod
        return mod

    learn = package("learn", "TF 1's tf.contrib.learn: only `datasets` (MNIST).")
    datasets = package("learn.python.learn.datasets", mnist_v1.__doc__)
    datasets.load_dataset = mnist_v1.load_dataset
    datasets.mnist = mnist_v1
    datasets.base = mnist_v1   # Datasets, maybe_download
    sys.modules["tfcompat.contrib.learn.python.learn.datasets.mnist"] = mnist_v1
    sys.modules["tfcompat.contrib.learn.python.learn.datasets.base"] = mnist_v1
    learn.datasets = datasets
    learn.python = package("learn.python")
    learn.python.learn = package("learn.python.learn")
    learn.python.learn.datasets = datasets
    contrib.learn = learn
