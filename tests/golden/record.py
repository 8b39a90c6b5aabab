"""Records `<area>.json` from real TensorFlow 2.21 for each case module `cases_<area>.py`.

Needs tensorflow (never run by tests or CI). A case module defines
`CASES = [(case_id, source, {options})...]`: source is Python over `tf` and `np` whose last line
is the result (see core_eval.py); options are `rtol` (floats may differ by that relative amount)
and `first_line` (compare only an error message's first line).

    TF_CPP_MIN_LOG_LEVEL=3 python tests/golden/record.py math array
"""

import importlib
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))


def record(area: str):
    import tensorflow as tf
    from core_eval import evaluate

    cases = importlib.import_module(f"cases_{area}").CASES
    rows, seen = [], set()
    for case in cases:
        case_id, src, opts = (*case, {})[:3]
        assert case_id not in seen, f"duplicate case id {case_id}"
        seen.add(case_id)
        rows.append({"id": case_id, "src": src, "expected": evaluate(tf, src), **opts})
    path = HERE / f"{area}.json"
    path.write_text(json.dumps({"tensorflow": tf.__version__, "cases": rows}, indent=1) + "\n")
    print(f"wrote {path} ({len(rows)} cases)")


if __name__ == "__main__":
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    for area in sys.argv[1:]:
        record(area)
