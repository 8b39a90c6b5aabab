"""Records optimizer.json from real TensorFlow 2.21 (needs tensorflow; never run by tests or CI).

    TF_CPP_MIN_LOG_LEVEL=3 python tests/golden/record_tape.py
"""

import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))

import tensorflow.compat.v1 as tf  # noqa: E402
from snippets import run  # noqa: E402
from optimizer_cases import CASES  # noqa: E402

out = {name: run(tf, code) for name, code in CASES.items()}
path = pathlib.Path(__file__).with_name("optimizer.json")
path.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")
print(f"wrote {len(out)} cases to {path}")
