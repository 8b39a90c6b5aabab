import pytest

import tfcompat as tf
from tests.golden.core_eval import check, load


@pytest.mark.parametrize("case", load("linalg_nn"), ids=lambda c: c["id"])
def test_matches_tensorflow(case):
    check(tf, case)
