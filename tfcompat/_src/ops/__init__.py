"""Op modules; importing this package registers every op once, in a fixed order."""

from tfcompat._src.ops import (  # noqa: F401
    array_ops,
    check_ops,
    complex_ops,
    control_flow_ops,
    conv_ops,
    creation_ops,
    gradient_ops,
    indexing_ops,
    linalg_ops,
    math_ops,
    nn_ops,
    random_ops,
    reduction_ops,
    state_ops,
    string_ops,
)
