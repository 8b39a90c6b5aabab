"""TF's absl-style log lines ("WARNING:tensorflow:..."), written to standard error."""

import sys

_counts: dict[str, int] = {}


def warning(message: str):
    sys.stderr.write(f"WARNING:tensorflow:{message}\n")


def warning_limited(key: str, limit: int, message: str):
    """A warning TF logs at most `limit` times per process."""
    n = _counts.get(key, 0)
    if n < limit:
        _counts[key] = n + 1
        warning(message)
