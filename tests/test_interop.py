"""tfcompat inside JAX: Tensors are pytrees, ops run on tracers with TF's gradient conventions,
stateful code becomes a pure function (to_jax), JAX functions become tape ops (from_jax)."""

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import tfcompat as tf


def model(t):
    return tf.tanh(tf.matmul(t, tf.constant([[1.0, -2.0], [0.5, 3.0]]))) * tf.exp(t * 0.1)


X = tf.constant([[1.0, 2.0], [-3.0, 0.5], [0.0, 0.25]])


def test_tensor_is_a_pytree_and_array_like():
    leaves, treedef = jax.tree_util.tree_flatten({"x": X})
    assert isinstance(leaves[0], (jax.Array, np.ndarray))  # constants may stay on the host
    assert isinstance(jax.tree_util.tree_unflatten(treedef, leaves)["x"], tf.Tensor)
    np.testing.assert_array_equal(np.asarray(X), jnp.asarray(X))
    assert tf.convert_to_tensor(jnp.ones(3, jnp.float32)).dtype == tf.float32
    assert tf.convert_to_tensor(jnp.ones(3, jnp.float64)).dtype == tf.float64  # kept


def test_jit_equals_eager():
    eager = model(X).numpy()
    jitted = jax.jit(model)(X)
    assert isinstance(jitted, tf.Tensor) and jitted.dtype == tf.float32
    np.testing.assert_allclose(jitted.numpy(), eager, rtol=1e-6)


def test_vmap_equals_python_loop():
    rows = [model(X[i:i + 1]).numpy()[0] for i in range(3)]
    batched = jax.vmap(lambda r: model(tf.reshape(r, [1, 2]))[0])(X)
    np.testing.assert_allclose(batched.numpy(), np.stack(rows), rtol=1e-6)


def test_jax_grad_keeps_tf_conventions_and_equals_the_tape():
    def f(a):
        t = tf.convert_to_tensor(a)
        return jnp.sum(jnp.asarray(tf.abs(t) + tf.maximum(t, 1.0)))

    a = jnp.array([0.0, 1.0, -2.0])
    g = jax.grad(f)(a)
    # abs'(0) = 0 (JAX: 1); at the tie x == 1 maximum gives x the whole gradient (JAX: half)
    np.testing.assert_array_equal(g, [0.0, 2.0, -1.0])
    x = tf.Variable([0.0, 1.0, -2.0])
    with tf.GradientTape() as tape:
        y = tf.abs(x) + tf.maximum(x, 1.0)
    np.testing.assert_array_equal(tape.gradient(y, x).numpy(), g)


def test_scan_and_checkpoint_run_tfcompat_ops():
    def body(carry, t):
        carry = tf.tanh(carry * 0.5 + t)
        return carry, carry * 2.0

    final, ys = jax.lax.scan(body, tf.constant(0.0), tf.constant([1.0, 2.0, 3.0]))
    c, expect = 0.0, []
    for t in (1.0, 2.0, 3.0):
        c = np.tanh(np.float32(c) * 0.5 + t)
        expect.append(2 * c)
    np.testing.assert_allclose(ys.numpy(), expect, rtol=1e-6)
    g = jax.grad(jax.checkpoint(lambda a: jnp.asarray(tf.sin(tf.convert_to_tensor(a)))))
    assert float(g(0.5)) == pytest.approx(np.cos(0.5), rel=1e-6)


def test_to_jax_is_pure_and_assign_from_writes_back():
    w = tf.Variable([[0.5, -0.5], [0.25, 1.0]], name="w")
    counter = tf.Variable(0, name="counter")

    def step(t):
        counter.assign_add(1)
        w.assign(w * 0.5)
        return tf.matmul(t, w)

    pure = tf.to_jax(step, [w, counter])
    params = tf.variables_of([w, counter])
    out, new = jax.jit(pure)(params, X)
    np.testing.assert_allclose(out, (X.numpy() @ (0.5 * params["w:0"])), rtol=1e-6)
    assert int(new["counter:0"]) == 1
    np.testing.assert_array_equal(w.numpy(), [[0.5, -0.5], [0.25, 1.0]])  # untouched
    tf.assign_from([w, counter], new)
    np.testing.assert_array_equal(w.numpy(), [[0.25, -0.25], [0.125, 0.5]])
    assert int(counter) == 1


def test_from_jax_is_differentiable_on_the_tape():
    sine2 = tf.from_jax(lambda a: jnp.sin(a) * 2.0)
    v = tf.Variable(0.5)
    with tf.GradientTape() as tape:
        y = sine2(v) * v
    expected = 2 * np.cos(0.5) * 0.5 + 2 * np.sin(0.5)
    assert float(tape.gradient(y, v)) == pytest.approx(expected, rel=1e-6)


def _two_layer_problem():
    rng = np.random.default_rng(3)
    x = rng.standard_normal((16, 4)).astype(np.float32)
    y = np.eye(3, dtype=np.float32)[rng.integers(0, 3, 16)]
    w1 = tf.Variable((rng.standard_normal((4, 8)) * 0.5).astype(np.float32), name="w1")
    w2 = tf.Variable((rng.standard_normal((8, 3)) * 0.5).astype(np.float32), name="w2")
    xs, ys = tf.constant(x), tf.constant(y)

    def loss():  # legacy model code: only tfcompat ops and tf.Variables
        logits = tf.matmul(tf.nn.relu(tf.matmul(xs, w1)), w2)
        return tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=ys,
                                                                          logits=logits))
    return loss, [w1, w2]


def test_legacy_model_trains_the_same_through_to_jax_and_optax():
    from tfcompat._src.train.transforms import tf_adam

    # (a) GradientTape + tf.train.AdamOptimizer, as the legacy script does it.
    loss, variables = _two_layer_problem()
    opt = tf.train.AdamOptimizer(0.05)
    for _ in range(30):
        with tf.GradientTape() as tape:
            value = loss()
        opt.apply_gradients(zip(tape.gradient(value, variables), variables, strict=True))
    via_tape = [v.numpy() for v in variables]

    # (b) the same code made pure, trained by jax.jit + an optax transform with TF's Adam rule.
    loss, variables = _two_layer_problem()
    pure = tf.to_jax(loss, variables)
    params = tf.variables_of(variables)

    @jax.jit
    def step(params, state, t):
        g = jax.grad(lambda p: pure(p)[0])(params)
        tx = tf_adam(0.05, 0.9, 0.999, 1e-8, 0.9 ** t, 0.999 ** t)
        updates, state = tx.update(g, state)
        return jax.tree_util.tree_map(lambda p, u: p + u, params, updates), state

    state = tf_adam(0.05, 0.9, 0.999, 1e-8, 0.9, 0.999).init(params)
    for t in range(1, 31):
        params, state = step(params, state, jnp.float32(t))
    # Same parameters up to float32 round-off: TF 1 keeps beta**t as running float32 products
    # (here: powers), and Adam's normalised steps carry such last-bit differences along.
    for got, want in zip(params.values(), via_tape, strict=True):
        np.testing.assert_allclose(np.asarray(got), want, rtol=1e-4, atol=1e-5)
