"""Op modules; importing this package registers every op once, in a fixed order."""

from tfcompat._src.ops import array_ops, math_ops, nn_ops  # noqa: F401
from tfcompat._src.ops import gradient_ops  # noqa: F401
