"""Public namespaces: aliases are one object, and compat.v1 / compat.v2 hold TF's exact sets."""

import json
import pathlib

import pytest

import tfcompat as tf
from tfcompat._src.export import EXPORTS

TF_API = json.loads((pathlib.Path(__file__).parent / "golden" / "api_names.json").read_text())
OURS = sorted({p for e in EXPORTS for p in e.v1 + e.v2})


def _has(root, path):
    for part in path.split("."):
        if part not in vars(root):
            return False
        root = vars(root)[part]
    return True


def test_golden_lists_every_export():
    assert sorted(TF_API) == OURS


@pytest.mark.parametrize("path", OURS)
def test_v1_and_v2_sets_match_tensorflow(path):
    assert _has(tf.compat.v1, path) == TF_API[path]["v1"]
    assert _has(tf.compat.v2, path) == TF_API[path]["v2"]
    assert _has(tf, path)  # the top level serves legacy code: every name of either version


def test_aliases_are_the_same_object():
    assert tf.log is tf.math.log is tf.compat.v1.log is tf.compat.v1.math.log
    assert tf.compat.v2.math.log is tf.math.log
    assert tf.add is tf.math.add is tf.compat.v2.add
    assert tf.train.GradientDescentOptimizer is tf.compat.v1.train.GradientDescentOptimizer
    assert tf.print is tf.compat.v1.print
    assert tf.compat.v1.reduce_sum is tf.reduce_sum  # the TF 1 adapter serves legacy code


def test_v1_adapter_accepts_tf1_argument_names():
    x = tf.constant([[1, 2], [3, 4]])
    assert tf.reduce_sum(x, reduction_indices=1, keep_dims=True).numpy().tolist() == [[3], [7]]
    with pytest.raises(TypeError):
        tf.compat.v2.reduce_sum(x, keep_dims=True)


def test_namespaces_import_as_modules():
    import tfcompat.compat.v1.train as train
    from tfcompat.compat import v1

    assert train.GradientDescentOptimizer is v1.train.GradientDescentOptimizer


def test_missing_symbol_names_itself():
    with pytest.raises(AttributeError, match="tf.math.no_such_op"):
        tf.math.no_such_op  # noqa: B018


def test_public_names_point_to_public_paths():
    assert tf.math.add.__module__ == "tfcompat.math" and tf.math.add.__qualname__ == "add"


def test_coverage_table_is_current():
    from pathlib import Path

    from tfcompat._src import coverage

    doc = Path(__file__).parents[1] / "docs" / "coverage.md"
    regenerate = "regenerate: tfcompat coverage > docs/coverage.md"
    assert doc.read_text() == coverage.markdown(), regenerate
