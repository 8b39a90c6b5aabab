"""Random ops (shapes, dtypes, errors, seeding rules), control flow and asserts against TF 2.21."""

import pytest

import tfcompat as tf
from tests.golden.core_eval import check, load


@pytest.mark.parametrize("case", load("random_control"), ids=lambda c: c["id"])
def test_matches_tensorflow(case):
    check(tf, case)
