"""Benchmark workloads, written once against the TF 1 API (run on TensorFlow and on tfcompat)
and once as hand-written JAX. Each `build_*` returns (step, steps, final) where `step()` runs one
training step and `final()` returns the values all implementations must agree on."""

import os

import numpy as np

# mnist_eager_step's tf.keras must be Keras 2 (tf_keras) under TensorFlow, as under tfcompat.
# Workers import this module before TensorFlow.
os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")

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
    "mnist_eager_step": 20,
}

# mnist_eager_step: conformance/programs/mnist_eager.py's model and data (synthetic MNIST-shaped
# batches of 32 from a tf.data pipeline; NumPy initial weights; TF 1 Adam with epsilon 1e-4).
_TEMPLATES = (np.random.RandomState(1234).uniform(0.0, 1.0, size=(10, 28, 28, 1)) < 0.2) * 1.0
_MNIST_RNG = np.random.RandomState(0)
MNIST_Y = _MNIST_RNG.randint(0, 10, size=640).astype(np.int64)
MNIST_X = (0.7 * _TEMPLATES[MNIST_Y] + 0.3 * _MNIST_RNG.uniform(0.0, 1.0, size=(640, 28, 28, 1))
           ).astype(np.float32)
MNIST_SHAPES = [(5, 5, 1, 16), (16,), (5, 5, 16, 32), (32,), (1568, 128), (128,), (128, 10),
                (10,)]


def mnist_weights():
    rng = np.random.RandomState(42)
    out = []
    for shape in MNIST_SHAPES:
        if len(shape) > 1:
            fan_in = int(np.prod(shape[:-1]))
            fan_out = shape[-1] * (shape[0] * shape[1] if len(shape) == 4 else 1)
            limit = np.sqrt(6.0 / (fan_in + fan_out))
            out.append(rng.uniform(-limit, limit, size=shape).astype(np.float32))
        else:
            out.append(np.zeros(shape, np.float32))
    return out


def _mnist_tf(tf, wrap):
    class MNISTModel(tf.keras.Model):
        def __init__(self):
            super().__init__()
            self.conv1 = tf.keras.layers.Conv2D(16, 5, padding="same", activation=tf.nn.relu)
            self.pool1 = tf.keras.layers.MaxPooling2D((2, 2), (2, 2), padding="same")
            self.conv2 = tf.keras.layers.Conv2D(32, 5, padding="same", activation=tf.nn.relu)
            self.pool2 = tf.keras.layers.MaxPooling2D((2, 2), (2, 2), padding="same")
            self.flatten = tf.keras.layers.Flatten()
            self.fc1 = tf.keras.layers.Dense(128, activation=tf.nn.relu)
            self.dropout = tf.keras.layers.Dropout(0.4)
            self.fc2 = tf.keras.layers.Dense(10)

        def call(self, inputs, training=False):
            x = self.pool1(self.conv1(tf.reshape(inputs, [-1, 28, 28, 1])))
            x = self.fc1(self.flatten(self.pool2(self.conv2(x))))
            return self.fc2(self.dropout(x, training=training))

    model = MNISTModel()
    model(tf.zeros([1, 28, 28, 1]))
    for v, w in zip(model.variables, mnist_weights(), strict=True):
        v.assign(w)
    opt = tf.compat.v1.train.AdamOptimizer(learning_rate=1e-3, epsilon=1e-4)
    batches = iter(tf.data.Dataset.from_tensor_slices((MNIST_X, MNIST_Y)).batch(32).repeat())

    def train(images, labels):
        with tf.GradientTape() as tape:
            logits = model(images, training=False)
            loss = tf.compat.v1.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
        grads = tape.gradient(loss, model.variables)
        opt.apply_gradients(zip(grads, model.variables, strict=True))
    train = wrap(train)

    def step():
        images, labels = next(batches)
        train(images, labels)
    return step, lambda: [v.numpy() for v in model.variables]


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
    if name == "mnist_eager_step":
        return _mnist_tf(tf, wrap)
    raise KeyError(name)


def _mnist_jax(loop):
    """mnist_eager_step by hand: the same network, TF 1's Adam update (epsilon added to
    sqrt(v), the bias corrections folded into the step size) and the same batches in order."""
    import jax
    import jax.numpy as jnp

    def conv(x, k, b):
        y = jax.lax.conv_general_dilated(x, k, (1, 1), "SAME",
                                         dimension_numbers=("NHWC", "HWIO", "NHWC"))
        return jax.nn.relu(y + b)

    def pool(x):
        return jax.lax.reduce_window(x, -jnp.inf, jax.lax.max, (1, 2, 2, 1), (1, 2, 2, 1), "SAME")

    def loss(p, x, y):
        h = pool(conv(pool(conv(x, p[0], p[1])), p[2], p[3])).reshape(x.shape[0], -1)
        logits = jax.nn.relu(h @ p[4] + p[5]) @ p[6] + p[7]
        return -jnp.mean(jnp.take_along_axis(jax.nn.log_softmax(logits), y[:, None], 1))

    xs = jnp.asarray(MNIST_X.reshape(20, 32, 28, 28, 1))
    ys = jnp.asarray(MNIST_Y.reshape(20, 32).astype(np.int32))

    def step(i, c):
        p, m, v, t = c
        g = jax.grad(loss)(p, xs[i % 20], ys[i % 20])
        t = t + 1.0
        lr = 1e-3 * jnp.sqrt(1 - 0.999 ** t) / (1 - 0.9 ** t)
        m = [0.9 * a + 0.1 * b for a, b in zip(m, g, strict=True)]
        v = [0.999 * a + 0.001 * b * b for a, b in zip(v, g, strict=True)]
        p = [a - lr * u / (jnp.sqrt(w) + 1e-4) for a, u, w in zip(p, m, v, strict=True)]
        return p, m, v, t

    p = [jnp.asarray(w) for w in mnist_weights()]
    state = {"c": (p, [jnp.zeros_like(w) for w in p], [jnp.zeros_like(w) for w in p],
                   jnp.float32(0.0)), "i": 0}
    if loop:
        many = jax.jit(lambda c, i0, n: jax.lax.fori_loop(i0, i0 + n, step, c))
    else:
        one = jax.jit(step)

    def run(steps):
        c, i = state["c"], state["i"]
        if loop:
            c = many(c, i, steps)
        else:
            for k in range(steps):
                c = one(i + k, c)
        jax.block_until_ready(c)
        state.update(c=c, i=i + steps)
    return run, lambda: [np.asarray(w) for w in state["c"][0]]


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
    if name == "mnist_eager_step":
        return _mnist_jax(loop)
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
