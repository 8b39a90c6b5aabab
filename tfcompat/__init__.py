"""tfcompat: TensorFlow's API over JAX. `import tfcompat as tf` runs legacy TF 1 eager code.

This module holds TF 1 and TF 2 names (legacy scripts need both); `tfcompat.compat.v1` and
`tfcompat.compat.v2` hold exactly TF's v1 and v2 sets. Everything public is built from the export
table in `tfcompat/_src/export.py`, filled where each symbol is defined.
"""

import jax as _jax

# TF's float64 and int64 must be 64-bit: the one piece of global JAX state tfcompat sets.
_jax.config.update("jax_enable_x64", True)

from tfcompat._src import api as _api  # noqa: E402
from tfcompat._src import checkpoint as _checkpoint  # noqa: E402
from tfcompat._src import context as _context  # noqa: E402 - importing registers the exports
from tfcompat._src import contrib as _contrib  # noqa: E402
from tfcompat._src import data as _data  # noqa: E402
from tfcompat._src import device as _device  # noqa: E402
from tfcompat._src import dtypes as _dtypes  # noqa: E402
from tfcompat._src import errors as _errors  # noqa: E402
from tfcompat._src import flags as _flags  # noqa: E402
from tfcompat._src import function as _function  # noqa: E402
from tfcompat._src import image_ops as _image_ops  # noqa: E402
from tfcompat._src import keras as _keras  # noqa: E402
from tfcompat._src import logging_v1 as _logging_v1  # noqa: E402
from tfcompat._src import ops as _ops  # noqa: E402
from tfcompat._src import printing as _printing  # noqa: E402
from tfcompat._src import session as _session  # noqa: E402
from tfcompat._src import summary as _summary  # noqa: E402
from tfcompat._src import tape as _tape  # noqa: E402
from tfcompat._src import variable as _variable  # noqa: E402
from tfcompat._src import version as _version  # noqa: E402
from tfcompat._src.train import optimizers as _optimizers  # noqa: E402

_api.build(__import__(__name__))
contrib = _contrib.build()  # TF 1's tf.contrib: top level only (TF 2.21 has no contrib path)

# tfcompat's own API (not TF symbols, so not in compat.v1/v2): JAX interop, the drop-in
# alias for notebooks, and the cache counters beside tf.debugging's functions.
from tfcompat._src.compile_cache import cache_stats as _cache_stats  # noqa: E402
from tfcompat._src.dropin import install_tensorflow_alias as install  # noqa: E402, F401
from tfcompat._src.interop import assign_from, from_jax, to_jax, variables_of  # noqa: E402, F401

debugging.cache_stats = _cache_stats  # noqa: F821 - `debugging` is made by _api.build

# `tf.__version__` is TF 1's (legacy scripts check it); tfcompat's own is __tfcompat_version__.
_version.set_module_versions(__import__(__name__), compat.v1, compat.v2)  # noqa: F821
del _version
del _api, _cache_stats, _checkpoint, _context, _contrib, _data, _device, _dtypes, _errors
del _flags, _function, _image_ops, _keras, _logging_v1, _ops, _optimizers, _printing
del _session, _summary, _tape, _variable
