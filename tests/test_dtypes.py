"""tfcompat against TensorFlow 2.21: the 'dtypes' cases of tests/golden/core.json.

Each case is Python source over `tf` and `np` recorded with real TensorFlow by
tests/golden/record_core.py (which lists and explains the cases); here it runs with
`import tfcompat as tf` and must give the same value, dtype, shape, type, or exception type and
message.
"""

import pytest

import tfcompat as tf
from tests.golden.core_eval import check, load


@pytest.mark.parametrize("case", load("dtypes"), ids=lambda c: c["id"])
def test_matches_tensorflow(case):
    check(tf, case)
