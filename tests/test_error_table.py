"""The error table (tests/golden/cases_error_table.py) against TensorFlow 2.21's recorded outcomes.

Rule (stated in the cases file): values equal TF's exactly; exceptions have TF's class name and
TF's message (first line only for `first_line` rows; for `match` rows a regex that must match
both TF's recorded message and ours). Beyond TF: no exception reaching the user comes from a
`jax`/`jaxlib` module or speaks JAX ("jax", "XLA", "Traced", "jnp.").
"""

import re

import numpy as np
import pytest

import tfcompat as tf
from tests.golden.core_eval import canonical, evaluate, first_line, load

CASES = load("error_table")
_JAX_WORDS = re.compile(r"jax|XLA|Traced|jnp\.")


def test_table_size():
    assert len(CASES) >= 150
    assert sum("raises" in c["expected"] for c in CASES) >= 150


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_matches_tensorflow(case):
    raised = []
    actual, expected = evaluate(tf, case["src"], raised), case["expected"]
    for exc in raised:
        module = type(exc).__module__ or ""
        assert not module.startswith(("jax", "jaxlib")), (module, str(exc))
        # A word TF's own message has ("XLA_CPU_JIT" in a kernel list) is TF's wording.
        theirs = expected.get("message", "")
        assert all(w in theirs for w in _JAX_WORDS.findall(str(exc))), str(exc)
    if "match" in case:
        assert "raises" in expected and re.search(case["match"], expected["message"]), \
            "the row's regex must describe TF's own message"
        assert actual.get("raises") == expected["raises"], (case["src"], actual)
        assert re.search(case["match"], actual["message"]), (case["src"], actual["message"])
        return
    if case.get("first_line"):
        actual, expected = first_line(actual), first_line(expected)
    assert canonical(actual) == canonical(expected), (case["src"], actual, expected)


def test_float64_gradient_for_float32_variable_raises():
    # TF aborts the process here (a C++ CHECK in the kernel); tfcompat raises and changes nothing.
    v = tf.Variable([1.0, 2.0])
    opt = tf.compat.v1.train.GradientDescentOptimizer(0.1)
    with pytest.raises(tf.errors.InvalidArgumentError, match="float64|double"):
        opt.apply_gradients([(tf.constant([1.0, 1.0], tf.float64), v)])
    np.testing.assert_array_equal(v.numpy(), [1.0, 2.0])


def test_one_mapping_layer_translates_jax_failures():
    import jax

    from tfcompat._src import errors

    oom = errors.from_jax(jax.errors.JaxRuntimeError(
        "RESOURCE_EXHAUSTED: Out of memory while trying to allocate 100 bytes."))
    assert type(oom) is tf.errors.ResourceExhaustedError
    assert oom.message == "Out of memory while trying to allocate 100 bytes."
    bad = errors.from_jax(TypeError("add got incompatible shapes for broadcasting: (2,), (3,) in "
                                    "jnp.add of Traced<float32[2]>"))
    assert type(bad) is tf.errors.InvalidArgumentError and not _JAX_WORDS.search(bad.message)
    assert type(errors.from_jax(jax.errors.JaxRuntimeError("boom"))) is tf.errors.InternalError
    # Errors that are not JAX's pass unchanged: a user's RuntimeError, TF errors, and the
    # Python-level errors TF itself raises before any kernel (dtype conversion).
    mine = RuntimeError("mine")
    assert errors.from_jax(mine) is mine
    with pytest.raises(TypeError, match="Cannot convert the argument `type_value`"):
        tf.cast(tf.constant(1.0), "foo")


def test_user_errors_inside_custom_gradient_pass_through():
    @tf.custom_gradient
    def f(x):
        def grad(upstream):
            raise ValueError("user's own error")
        return x * 2.0, grad

    x = tf.constant(1.0)
    with tf.GradientTape() as t:
        t.watch(x)
        y = f(x)
    with pytest.raises(ValueError, match="user's own error"):
        t.gradient(y, x)
