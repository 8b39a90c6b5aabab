"""Records api_names.json: for each public path tfcompat exports, is it in TF's v1 / v2 API?

Needs both libraries, in two interpreters (TF's venv has no JAX):
    python -c "from tests.golden.record_api import paths; print(*paths(), sep='\\n')" > paths
    TF_CPP_MIN_LOG_LEVEL=3 /path/to/tf-venv/bin/python tests/golden/record_api.py < paths
    TF_USE_LEGACY_KERAS=1 TF_CPP_MIN_LOG_LEVEL=3 /path/to/tf-venv/bin/python \
        tests/golden/record_api.py --merge < paths

TF 2.21's own answer (with Keras 3) decides; a path it lacks in both sets is looked up with
TF_USE_LEGACY_KERAS=1 (tf_keras, Keras 2: `tf.compat.v1.layers`, `tf.nn.rnn_cell`, ...):
`--merge` fills those paths from the second recording.
"""

import json
import pathlib
import sys


def paths():
    """Every path tfcompat exports, v1 or v2 (run with tfcompat importable)."""
    import tfcompat  # noqa: F401 - fills the export table
    from tfcompat._src.export import EXPORTS
    return sorted({p for e in EXPORTS for p in e.v1 + e.v2})


def _has(root, path):
    obj = root
    for part in path.split("."):
        if not hasattr(obj, part):
            return False
        obj = getattr(obj, part)
    return True


if __name__ == "__main__":
    import tensorflow as tf
    wanted = [line.strip() for line in sys.stdin if line.strip()]
    table = {p: {"v1": _has(tf.compat.v1, p), "v2": _has(tf.compat.v2, p)} for p in wanted}
    out = pathlib.Path(__file__).with_name("api_names.json")
    if "--merge" in sys.argv:
        old = json.loads(out.read_text())
        table = {p: row if not any(old.get(p, {}).values()) else old[p]
                 for p, row in table.items()}
    out.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n")
    print(f"wrote {len(table)} paths to {out}")
