"""Random ops (shapes, dtypes, errors, seeding rules), control flow and asserts against TF 2.21."""

import pytest

import tfcompat as tf
from tests.golden.core_eval import check, load
from tfcompat._src.ops import random_ops


@pytest.fixture(scope="module", autouse=True)
def _fresh_seed_state():
    # The goldens were recorded in one fresh TF process, in order: start from its state (no
    # global seed), whatever earlier test files set.
    random_ops._STATE.__init__()


@pytest.mark.parametrize("case", load("random_control"), ids=lambda c: c["id"])
def test_matches_tensorflow(case):
    check(tf, case)
