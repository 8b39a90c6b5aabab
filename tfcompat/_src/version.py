"""Version strings (see docs/differences.md, "Version strings").

The TF 1 namespaces (`tf`, `tf.compat.v1`) report TF 1.15.5, the last TF 1 release, whose API
they serve, so that legacy checks such as `tf.__version__.startswith("1.")` take their TF 1
branch; `tf.compat.v2` reports 2.21.0, the TF 2 release whose behaviour tfcompat reproduces.
tfcompat's own version is `tfcompat.__tfcompat_version__` (and the package metadata).
"""

from tfcompat._src.export import export_value

TF1_VERSION = "1.15.5"
TF2_VERSION = "2.21.0"
TFCOMPAT_VERSION = "0.1.0"

export_value(TF1_VERSION, (), ("VERSION", "version.VERSION"))
export_value(TF2_VERSION, ("version.VERSION",), ())


def set_module_versions(top, v1, v2):
    """`__version__` of each public root: TF 1's for `tf` and `tf.compat.v1`, TF 2's for v2."""
    top.__version__ = v1.__version__ = TF1_VERSION
    v2.__version__ = TF2_VERSION
    top.__tfcompat_version__ = TFCOMPAT_VERSION
