"""Eager execution switches: tfcompat is always eager (TF 2's default)."""

from tfcompat._src.export import export


@export("executing_eagerly")
def executing_eagerly() -> bool:
    return True


@export(v1=("enable_eager_execution",))
def enable_eager_execution(config=None, device_policy=None, execution_mode=None):
    """TF 1's switch to eager mode; a no-op here, where execution is always eager."""


@export("enable_v2_behavior")
def enable_v2_behavior():
    """A no-op: tfcompat always behaves as TF 2."""
