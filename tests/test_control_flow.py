"""Control flow on traced values (tf.function, jax.jit, jax.grad) and tf.gradients."""

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import tfcompat as tf
from tests.golden.core_eval import check, load


@pytest.mark.parametrize("case", load("control_flow"), ids=lambda c: c["id"])
def test_matches_tensorflow(case):
    check(tf, case)


# -- under JAX transformations: tfcompat ops work on tracers -------------------------------------

def _cond_fn(x):
    t = tf.constant(x)
    return tf.cond(t > 0, lambda: t * t, lambda: -3.0 * t)._value


def test_cond_on_a_jit_tracer_runs_the_taken_branch():
    f = jax.jit(_cond_fn)
    assert float(f(3.0)) == 9.0
    assert float(f(-2.0)) == 6.0


def test_jax_grad_through_cond_and_bounded_while():
    assert float(jax.grad(_cond_fn)(3.0)) == 6.0
    assert float(jax.grad(_cond_fn)(-2.0)) == -3.0

    def power(x, n):
        t, n = tf.cast(tf.constant(x), tf.float32), tf.constant(jnp.asarray(n, jnp.int32))
        _, y = tf.compat.v1.while_loop(lambda i, a: i < n, lambda i, a: [i + 1, a * t],
                                       [tf.constant(0), tf.constant(1.0)],
                                       maximum_iterations=8)
        return y._value
    # n traced: the loop runs as lax.scan of maximum_iterations steps under jax.grad.
    assert float(jax.jit(jax.grad(power))(2.0, 3)) == pytest.approx(12.0)
    assert float(jax.grad(power)(1.5, jnp.int32(4))) == pytest.approx(4 * 1.5 ** 3)
    assert float(jax.jit(power)(2.0, 5)) == 32.0


def test_switch_case_under_jit():
    f = jax.jit(lambda i: tf.switch_case(tf.constant(i), [lambda: tf.constant(10),
                                                           lambda: tf.constant(20)])._value)
    assert [int(f(k)) for k in (0, 1, 7, -1)] == [10, 20, 20, 20]


# -- errors ------------------------------------------------------------------------------------

def test_gradient_through_unbounded_traced_while_is_a_clear_error():
    @tf.function
    def f(x, n):
        with tf.GradientTape() as tape:
            tape.watch(x)
            _, y = tf.compat.v1.while_loop(lambda i, a: i < n, lambda i, a: (i + 1, a * x),
                                           [tf.constant(0), tf.constant(1.0)])
        return tape.gradient(y, x)
    with pytest.raises(tf.errors.UnimplementedError, match="maximum_iterations"):
        f(tf.constant(2.0), tf.constant(3))


def test_unbounded_traced_while_runs_forward_on_a_tape():
    @tf.function
    def f(x, n):
        with tf.GradientTape() as tape:
            tape.watch(x)
            _, y = tf.compat.v1.while_loop(lambda i, a: i < n, lambda i, a: (i + 1, a * x),
                                           [tf.constant(0), tf.constant(1.0)])
        return y
    assert float(f(tf.constant(2.0), tf.constant(10))) == 1024.0


def test_cond_branches_of_different_dtypes_are_a_type_error():
    f = tf.function(lambda x: tf.cond(x > 0, lambda: x, lambda: tf.constant(1)))
    with pytest.raises(TypeError, match="true_fn and false_fn arguments to tf.cond must have"):
        f(tf.constant(1.0))


def test_cond_branches_of_different_structures_are_a_type_error():
    f = tf.function(lambda x: tf.cond(x > 0, lambda: (x, x), lambda: x))
    with pytest.raises(TypeError, match="same number, type, and overall structure"):
        f(tf.constant(1.0))


def test_cond_branches_of_different_shapes_are_unimplemented():
    f = tf.function(lambda x: tf.cond(x > 0, lambda: tf.stack([x, x]), lambda: tf.stack([x])))
    with pytest.raises(tf.errors.UnimplementedError, match="same shapes"):
        f(tf.constant(1.0))


def test_cond_predicate_must_be_a_boolean_scalar():
    with pytest.raises(tf.errors.InvalidArgumentError, match="expected bool"):
        tf.function(lambda x: tf.cond(x, lambda: x, lambda: x))(tf.constant(1.0))
    with pytest.raises(tf.errors.InvalidArgumentError, match="must be a scalar"):
        tf.function(lambda x: tf.cond(x > 0, lambda: x, lambda: x))(tf.constant([1.0, 2.0]))


def test_traced_while_loop_variables_keep_their_shape():
    f = tf.function(lambda n: tf.compat.v1.while_loop(
        lambda i: tf.shape(i)[0] < n, lambda i: tf.concat([i, i], 0), [tf.constant([1.0])]))
    with pytest.raises(ValueError, match="enters the loop with shape"):
        f(tf.constant(4))


def test_traced_while_body_changing_dtype_is_a_type_error():
    f = tf.function(lambda n: tf.compat.v1.while_loop(
        lambda i: i < n, lambda i: tf.cast(i, tf.float32), [tf.constant(0)]))
    with pytest.raises(TypeError, match="dtype"):
        f(tf.constant(4))


# -- behaviour -----------------------------------------------------------------------------

def test_long_traced_loop_is_one_loop_not_unrolled():
    f = tf.function(lambda n: tf.compat.v1.while_loop(lambda i, s: i < n,
                                                      lambda i, s: (i + 1, s + 2), [0, 0]))
    i, s = f(tf.constant(200_000))
    assert (int(i), int(s)) == (200_000, 400_000)
    assert f.experimental_get_tracing_count() == 1


def test_cond_in_function_traces_each_branch_once():
    calls = []

    def branch(k, x):
        calls.append(k)
        return x * k
    f = tf.function(lambda x: tf.cond(x > 0, lambda: branch(2.0, x), lambda: branch(3.0, x)))
    assert [float(f(tf.constant(v))) for v in (1.0, -1.0, 2.0)] == [2.0, -3.0, 4.0]
    assert sorted(calls) == [2.0, 3.0]


def test_eager_cond_still_runs_only_the_taken_branch():
    calls = []
    r = tf.cond(tf.constant(True), lambda: calls.append("t") or tf.constant(1),
                lambda: calls.append("f") or tf.constant(2))
    assert int(r) == 1 and calls == ["t"]


def test_variable_assigned_in_branch_and_read_after_call():
    v = tf.Variable([1.0, 2.0])

    @tf.function
    def f(x):
        tf.cond(x > 0, lambda: v.assign(v * x), lambda: v.assign_sub([1.0, 1.0]))
        return v * 1.0
    np.testing.assert_allclose(f(tf.constant(3.0)).numpy(), [3.0, 6.0])
    np.testing.assert_allclose(f(tf.constant(-1.0)).numpy(), [2.0, 5.0])
    np.testing.assert_allclose(v.numpy(), [2.0, 5.0])


def test_gradient_tape_through_cond_reaches_variable_assigned_before():
    w = tf.Variable(1.0)

    @tf.function
    def f(x):
        w.assign(2.0)
        with tf.GradientTape() as tape:
            y = tf.cond(x > 0, lambda: w * w * x, lambda: w)
        return tape.gradient(y, w)
    assert float(f(tf.constant(3.0))) == 12.0
    assert float(f(tf.constant(-3.0))) == 1.0


def test_gradients_inside_nested_tf_function():
    inner = tf.function(lambda x: x * x * x)

    @tf.function
    def outer(x):
        return tf.gradients(inner(x), x)[0]
    assert float(outer(tf.constant(2.0))) == 12.0


@pytest.mark.parametrize("case", load("misc_ops"), ids=lambda c: c["id"])
def test_misc_ops_match_tensorflow(case):
    check(tf, case)


def test_variable_scatter_methods_take_indexed_slices_like_values():
    import collections
    slices = collections.namedtuple("IndexedSlices", "values indices")
    v = tf.Variable([1.0, 2.0, 3.0, 4.0])
    v.scatter_update(slices(tf.constant([5.0, 6.0]), tf.constant([1, 3])))
    v.scatter_add(slices(tf.constant([1.0, 1.0]), tf.constant([1, 1])))
    v.scatter_sub(slices(tf.constant([1.0]), tf.constant([0])))
    r = v.scatter_max(slices(tf.constant([10.0]), tf.constant([2])))
    np.testing.assert_allclose(v.numpy(), [0.0, 7.0, 10.0, 6.0])
    assert r.name == "UnreadVariable"


def test_slice_of_a_variable_assigns_the_variable_current_value():
    v = tf.Variable([1.0, 2.0, 3.0])
    s = v[0]
    v.assign([7.0, 8.0, 9.0])
    s.assign(0.0)  # writes into the current value, as TF's strided-slice assign does
    np.testing.assert_allclose(v.numpy(), [0.0, 8.0, 9.0])
    assert float(s) == 1.0  # the slice itself is the value read then
