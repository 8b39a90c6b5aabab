"""TF 1 training (tf.compat.v1.train): the cases of golden/train.json (recorded from TF 2.21 by
golden/record.py from golden/cases_train.py), plus compile counts and the reusable transforms."""

import jax.numpy as jnp
import numpy as np
import optax
import pytest

import tfcompat as tf
from tests.golden.core_eval import check, load
from tfcompat._src.train import transforms
from tfcompat._src.train.optimizer import UPDATE_CACHE

train = tf.compat.v1.train


@pytest.mark.parametrize("case", load("train"), ids=lambda c: c["id"])
def test_matches_tensorflow(case):
    check(tf, case)


@pytest.mark.parametrize("make", [
    lambda: train.AdamOptimizer(0.01),
    lambda: train.RMSPropOptimizer(lambda: 0.01, centered=True),
    lambda: train.FtrlOptimizer(0.1, l1_regularization_strength=0.01),
    lambda: train.MomentumOptimizer(
        train.exponential_decay(0.1, train.get_or_create_global_step(), 3, 0.5), 0.9),
])
def test_one_compilation_per_variable_structure(make):
    """Hyperparameters (callables and schedules too) are arguments: a loop compiles once."""
    variables = [tf.Variable(np.ones(s, np.float32)) for s in [(3, 4), (5,), ()]]
    opt = make()
    gs = train.get_or_create_global_step()
    before = UPDATE_CACHE.compilations
    for _ in range(30):
        opt.minimize(lambda: sum(tf.reduce_sum(v * v) for v in variables), global_step=gs)
    assert UPDATE_CACHE.compilations - before <= 1


def test_new_structure_compiles_again_and_cache_is_bounded():
    opt = train.AdagradOptimizer(0.1)
    before = UPDATE_CACHE.compilations
    for shape in [(2,), (3,), (2,)]:
        opt.apply_gradients([(tf.ones(shape), tf.Variable(tf.zeros(shape)))])
    assert UPDATE_CACHE.compilations - before == 2
    assert len(UPDATE_CACHE) <= UPDATE_CACHE.maxsize


def test_tf_adam_is_an_optax_transform():
    """transforms.tf_adam runs under plain optax: TF's epsilon-hat rule, not optax.adam's."""
    params = {"w": jnp.array([1.0, -2.0])}
    grads = {"w": jnp.array([0.5, 0.25])}
    tx = transforms.tf_adam(0.1, 0.9, 0.999, 1.0, 0.9, 0.999)
    updates, state = tx.update(grads, tx.init(params), params)
    g = np.array([0.5, 0.25])
    m, v = 0.1 * g, 0.001 * g * g
    alpha = 0.1 * np.sqrt(1 - 0.999) / (1 - 0.9)
    np.testing.assert_allclose(updates["w"], -m * alpha / (np.sqrt(v) + 1.0), rtol=1e-6)
    np.testing.assert_allclose(state.m["w"], m, rtol=1e-6)
    ref, _ = optax.adam(0.1, eps=1.0).update(grads, optax.adam(0.1, eps=1.0).init(params))
    assert not np.allclose(ref["w"], updates["w"], rtol=1e-2)


def test_assigning_transform_updates_add_up():
    """Ftrl assigns the variable; as an optax transform its update is `new - param`."""
    tx = transforms.tf_ftrl(0.5, 0.0, 0.0, -0.5)
    p = jnp.array([1.0, 2.0])
    g = jnp.array([0.5, -1.0])
    state = tx.init(p)
    u, _ = tx.update(g, state, p)
    new, _ = tx.update.new_params(g, state, p)
    np.testing.assert_allclose(optax.apply_updates(p, u), new, rtol=1e-6)


def test_optimizer_step_inside_tf_function():
    x = tf.Variable([1.0, 2.0])
    opt = train.AdamOptimizer(0.1)

    @tf.function
    def step():
        opt.minimize(lambda: tf.reduce_sum(x * x))

    for _ in range(3):
        step()
    eager_x = tf.Variable([1.0, 2.0])
    eager = train.AdamOptimizer(0.1)
    for _ in range(3):
        eager.minimize(lambda: tf.reduce_sum(eager_x * eager_x))
    np.testing.assert_allclose(x.numpy(), eager_x.numpy(), rtol=1e-6)
    np.testing.assert_allclose(opt.get_slot(x, "v").numpy(), eager.get_slot(eager_x, "v").numpy(),
                               rtol=1e-6)
