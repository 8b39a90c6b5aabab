"""tfcompat against TensorFlow 2.21: the 'errors' cases of tests/golden/core.json.

Each case is Python source over `tf` and `np` recorded with real TensorFlow by
tests/golden/record_core.py (which lists and explains the cases); here it runs with
`import tfcompat as tf` and must give the same value, dtype, shape, type, or exception type and
message.
"""

import pytest

import tfcompat as tf
from tests.golden.core_eval import check, load


@pytest.mark.parametrize("case", load("errors"), ids=lambda c: c["id"])
def test_matches_tensorflow(case):
    check(tf, case)


@pytest.mark.parametrize("expr", ["tf.zeros([2**62])", "tf.fill([2**31, 2**31], 1.0)",
                                  "tf.ones([2**31, 2**31])", "tf.random.normal([2**31, 2**31])",
                                  "tf.tile(tf.ones([2]), [2**61])", "tf.eye(2**40)",
                                  "tf.range(2**62)"])
def test_impossible_allocations_raise_instead_of_aborting(expr):
    # TF raises ResourceExhaustedError ("OOM when allocating tensor with shape[...]"); XLA would
    # abort the process on some of these shapes, so the size is checked before compiling.
    with pytest.raises(tf.errors.ResourceExhaustedError, match="OOM when allocating tensor"):
        eval(expr)


@pytest.mark.parametrize("expr", ["tf.ones([2**40, 2**30])", "tf.random.normal([2**40, 2**30])"])
def test_more_than_int64_elements_is_invalid_argument(expr):
    # TF checks the element count first (tests/golden/error_table.json has its messages).
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"would have more than 2\*\*63 - 1"):
        eval(expr)
