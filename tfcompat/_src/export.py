"""The table of public TF paths: every symbol says once where TF 2 and TF 1 expose it.

`api.py` builds the public namespaces (`tfcompat`, `tfcompat.math`, `tfcompat.compat.v1`, ...) from
this table, so an alias is the same object everywhere (`tf.log is tf.math.log`).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Export:
    obj: object
    v2: tuple[str, ...]
    v1: tuple[str, ...]


EXPORTS: list[Export] = []


def export(*v2: str, v1: tuple[str, ...] | None = None):
    """Decorator: publish `obj` under TF 2 paths `v2` and TF 1 paths `v1` (default: the v2 ones).

    `v1=()` makes a symbol TF2-only; no v2 paths make it TF1-only.
    """
    def wrap(obj):
        export_value(obj, v2, v1)
        return obj
    return wrap


def export_value(obj, v2, v1=None):
    v2 = tuple(v2)
    v1 = v2 if v1 is None else tuple(v1)
    named = any(e.obj is obj for e in EXPORTS)  # a further alias keeps the first name
    EXPORTS.append(Export(obj, v2, v1))
    canonical = (v2 or v1)[0]
    if callable(obj) and hasattr(obj, "__qualname__") and not named:
        try:
            obj.__module__ = "tfcompat." + canonical.rpartition(".")[0] if "." in canonical \
                else "tfcompat"
            obj.__qualname__ = canonical.rpartition(".")[2]
        except (AttributeError, TypeError):
            pass
    return obj
