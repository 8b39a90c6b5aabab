"""Benchmark workloads, written once against the TF 1 API (run on TensorFlow and on tfcompat)
and once as hand-written JAX. Each `build_*` returns (step, steps, final) where `step()` runs one
training step and `final()` returns the values all implementations must agree on."""

import numpy as np

RNG = np.random.default_rng(0)
MLP_X = RNG.standard_normal((256, 784)).astype(np.float32)
MLP_Y = np.eye(10, dtype=np.float32)[RNG.integers(0, 10, 256)]
MLP_W1 = (RNG.standard_normal((784, 512)) * 0.05).astype(np.float32)
MLP_W2 = (RNG.standard_normal((512, 10)) * 0.05).astype(np.float32)
LIN_X = RNG.standard_normal((128, 8)).astype(np.float32)
LIN_Y = (LIN_X @ np.arange(1, 9, dtype=np.float32)[:, None] + 0.5).astype(np.float32)
CONV_X = RNG.standard_normal((16, 28, 28, 1)).astype(np.float32)
CONV_K = (RNG.standard_normal((3, 3, 1, 8)) * 0.2).astype(np.float32)
CONV_W = (RNG.standard_normal((26 * 26 * 8, 10)) * 0.01).astype(np.float32)
CONV_Y = np.eye(10, dtype=np.float32)[RNG.integers(0, 10, 16)]

WORKLOADS = {
    # name: steps per run
    "seed_apply_gradients": 1000,
    "seed_minimize": 1000,
    "mlp_sgd": 100,
    "linreg_adam_minimize": 300,
    "second_derivative": 300,
    "conv_step": 50,
}


def tf_workload(tf, name, use_function):
    """(step, final) for TensorFlow or tfcompat (`tf` is either, TF 1 API)."""
    wrap = tf.function if use_function else (lambda f: f)
    if name in ("seed_apply_gradients", "seed_minimize"):
        x = tf.Variable(0.0, name="x", dtype=tf.float32)
        a, b, c = tf.constant(1.0), tf.constant(-2.0), tf.constant(1.0)
        opt = tf.compat.v1.train.GradientDescentOptimizer(learning_rate=0.01)

        def f():
            return a * tf.pow(x, 2) + b * x + c

        if name == "seed_minimize":
            def step_fn():
                opt.minimize(f)  # returns nothing: TF's tf.function wants no Operation back
            step = wrap(step_fn)
        else:
            def step_fn():
                with tf.GradientTape() as tape:
                    y = f()
                opt.apply_gradients(grads_and_vars=[(tape.gradient(y, x), x)])
            step = wrap(step_fn)
        return step, lambda: [x.numpy()]
    if name == "mlp_sgd":
        w1, w2 = tf.Variable(MLP_W1), tf.Variable(MLP_W2)
        xs, ys = tf.constant(MLP_X), tf.constant(MLP_Y)
        opt = tf.compat.v1.train.GradientDescentOptimizer(0.1)

        def step_fn():
            with tf.GradientTape() as tape:
                logits = tf.matmul(tf.nn.relu(tf.matmul(xs, w1)), w2)
                loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(
                    labels=ys, logits=logits))
            opt.apply_gradients(zip(tape.gradient(loss, [w1, w2]), [w1, w2], strict=True))
        return wrap(step_fn), lambda: [w1.numpy(), w2.numpy()]
    if name == "linreg_adam_minimize":
        w, b = tf.Variable(tf.zeros([8, 1])), tf.Variable(0.0)
        xs, ys = tf.constant(LIN_X), tf.constant(LIN_Y)
        opt = tf.compat.v1.train.AdamOptimizer(0.1)
        def step_fn():
            opt.minimize(lambda: tf.reduce_mean(tf.square(tf.matmul(xs, w) + b - ys)))
        step = wrap(step_fn)
        return step, lambda: [w.numpy(), b.numpy()]
    if name == "second_derivative":
        x = tf.Variable(1.5)
        out = []

        def step_fn():
            with tf.GradientTape() as t2:
                with tf.GradientTape() as t1:
                    y = tf.sin(x) * x * x
                d1 = t1.gradient(y, x)
            d2 = t2.gradient(d1, x)
            out[:] = [d2]
            return d2
        step = wrap(step_fn)
        return step, lambda: [np.asarray(step())]
    if name == "conv_step":
        k, w = tf.Variable(CONV_K), tf.Variable(CONV_W)
        xs, ys = tf.constant(CONV_X), tf.constant(CONV_Y)
        opt = tf.compat.v1.train.GradientDescentOptimizer(0.05)

        def step_fn():
            with tf.GradientTape() as tape:
                h = tf.nn.relu(tf.nn.conv2d(xs, k, strides=1, padding="VALID"))
                logits = tf.matmul(tf.reshape(h, [16, -1]), w)
                loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(
                    labels=ys, logits=logits))
            opt.apply_gradients(zip(tape.gradient(loss, [k, w]), [k, w], strict=True))
        return wrap(step_fn), lambda: [k.numpy(), w.numpy()]
    raise KeyError(name)


def jax_workload(name, loop):
    """(run(steps), final) for hand-written JAX: a jitted step in a Python loop, or (`loop`) the
    whole loop in one jitted lax.fori_loop."""
    import jax
    import jax.numpy as jnp
    import optax

    def mlp_loss(p):
        h = jax.nn.relu(MLP_X @ p[0])
        return jnp.mean(optax.softmax_cross_entropy(h @ p[1], MLP_Y))

    def conv_loss(p):
        h = jax.lax.conv_general_dilated(CONV_X, p[0], (1, 1), "VALID",
                                         dimension_numbers=("NHWC", "HWIO", "NHWC"))
        logits = jax.nn.relu(h).reshape(16, -1) @ p[1]
        return jnp.mean(optax.softmax_cross_entropy(logits, CONV_Y))

    def seed_loss(p):
        return p[0] ** 2 - 2.0 * p[0] + 1.0

    def lin_loss(p):
        return jnp.mean((LIN_X @ p[0] + p[1] - LIN_Y) ** 2)

    losses = {"seed_apply_gradients": (seed_loss, [jnp.float32(0.0)], optax.sgd(0.01)),
              "seed_minimize": (seed_loss, [jnp.float32(0.0)], optax.sgd(0.01)),
              "mlp_sgd": (mlp_loss, [jnp.asarray(MLP_W1), jnp.asarray(MLP_W2)], optax.sgd(0.1)),
              "linreg_adam_minimize": (lin_loss, [jnp.zeros((8, 1), jnp.float32),
                                                  jnp.float32(0.0)], optax.adam(0.1, eps=1e-8)),
              "conv_step": (conv_loss, [jnp.asarray(CONV_K), jnp.asarray(CONV_W)],
                            optax.sgd(0.05))}
    if name == "second_derivative":
        d2 = jax.jit(jax.grad(jax.grad(lambda x: jnp.sin(x) * x * x)))
        x = jnp.float32(1.5)
        if loop:
            many = jax.jit(lambda x, n: jax.lax.fori_loop(0, n, lambda i, acc: d2(x), x))
            return (lambda steps: many(x, steps).block_until_ready()), lambda: [np.asarray(d2(x))]
        return (lambda steps: [d2(x).block_until_ready() for _ in range(steps)]), \
            lambda: [np.asarray(d2(x))]
    loss, params, tx = losses[name]
    state = {"p": params, "s": tx.init(params)}

    @jax.jit
    def step(p, s):
        g = jax.grad(loss)(p)
        u, s = tx.update(g, s, p)
        return optax.apply_updates(p, u), s

    if loop:
        many = jax.jit(lambda p, s, n: jax.lax.fori_loop(0, n, lambda i, c: step(*c), (p, s)))

        def run(steps):
            p, s = many(state["p"], state["s"], steps)
            state.update(p=p, s=s)
            jax.block_until_ready(p)
    else:
        def run(steps):
            p, s = state["p"], state["s"]
            for _ in range(steps):
                p, s = step(p, s)
            jax.block_until_ready(p)
            state.update(p=p, s=s)
    return run, lambda: [np.asarray(v) for v in state["p"]]
