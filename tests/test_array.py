"""Array, shape, indexing and string ops against TensorFlow 2.21's recorded results."""

import pytest

import tfcompat as tf
from tests.golden.core_eval import check, load


@pytest.mark.parametrize("case", load("array"), ids=lambda c: c["id"])
def test_matches_tensorflow(case):
    check(tf, case)
