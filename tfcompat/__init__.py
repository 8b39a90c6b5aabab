"""tfcompat: TensorFlow's API over JAX. `import tfcompat as tf` runs legacy TF 1 eager code.

This module holds TF 1 and TF 2 names (legacy scripts need both); `tfcompat.compat.v1` and
`tfcompat.compat.v2` hold exactly TF's v1 and v2 sets. Everything public is built from the export
table in `tfcompat/_src/export.py`, filled where each symbol is defined.
"""

import jax as _jax

# TF's float64 and int64 must be 64-bit: the one piece of global JAX state tfcompat sets.
_jax.config.update("jax_enable_x64", True)

from tfcompat._src import api as _api  # noqa: E402
from tfcompat._src import context as _context  # noqa: E402 - importing registers the exports
from tfcompat._src import device as _device  # noqa: E402
from tfcompat._src import dtypes as _dtypes  # noqa: E402
from tfcompat._src import errors as _errors  # noqa: E402
from tfcompat._src import function as _function  # noqa: E402
from tfcompat._src import keras as _keras  # noqa: E402
from tfcompat._src import ops as _ops  # noqa: E402
from tfcompat._src import printing as _printing  # noqa: E402
from tfcompat._src import tape as _tape  # noqa: E402
from tfcompat._src import variable as _variable  # noqa: E402
from tfcompat._src.train import optimizers as _optimizers  # noqa: E402

_api.build(__import__(__name__))

# tfcompat's own API for JAX users (not TF symbols, so not in compat.v1/v2).
from tfcompat._src.dropin import (  # noqa: E402, F401
    install_tensorflow_alias as install,
)
from tfcompat._src.interop import assign_from, from_jax, to_jax, variables_of  # noqa: E402, F401

__version__ = "0.1.0"
del _api, _context, _device, _dtypes, _errors, _function, _ops, _printing, _tape, _variable, _optimizers
del _keras
