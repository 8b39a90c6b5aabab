"""tfcompat against TensorFlow 2.21: tf.math cases recorded in tests/golden/math.json.

The cases (tests/golden/cases_math.py) are Python source over `tf` and `np`, recorded with real
TensorFlow by tests/golden/record.py; here they run with `import tfcompat as tf`.
"""

import pytest

import tfcompat as tf
from tests.golden.core_eval import check, load


@pytest.mark.parametrize("case", load("math"), ids=lambda c: c["id"])
def test_matches_tensorflow(case):
    check(tf, case)
