"""Per-step time of `AdamOptimizer.apply_gradients` on several variables, vs hand-written JAX.

One step = apply_gradients with fixed gradients (no tape) on `--vars` float32 variables of
mixed shapes. Compared with a hand-written `jax.jit` step over the same optax update (the TF-exact
Adam transform, and optax.adam), both keeping their state in Python between calls; TensorFlow's
eager AdamOptimizer is measured when importable (it is never a dependency). Prints the median of
several runs (interleaved, so load on the machine affects each contender alike), in
microseconds per step, and ratios:

    python benchmarks/optimizer_step.py [--runs 7] [--steps 500] [--vars 10]
"""

import argparse
import statistics
import time

import numpy as np


def shapes(n):
    return [[(3, 4), (5,), (), (2, 2, 2), (16,)][i % 5] for i in range(n)]


def values(n):
    rng = np.random.default_rng(0)
    return [rng.standard_normal(s).astype(np.float32) for s in shapes(n)]


def adam_loop(tf, steps, n):
    """apply_gradients in a loop, written once for TF and for tfcompat."""
    variables = [tf.Variable(v, name=f"v{i}") for i, v in enumerate(values(n))]
    grads = [tf.constant(g * 0.1) for g in values(n)]
    opt = tf.compat.v1.train.AdamOptimizer(0.01)
    pairs = list(zip(grads, variables, strict=True))

    def run():
        for _ in range(steps):
            opt.apply_gradients(pairs)
        return variables[0].numpy()
    return run


def tfcompat_loop(steps, n):
    import tfcompat

    return adam_loop(tfcompat, steps, n)


def tensorflow_loop(steps, n):
    import tensorflow as tf

    return adam_loop(tf, steps, n)


def jax_loop(transform):
    def make(steps, n):
        import jax
        import jax.numpy as jnp
        import optax

        params = [jnp.asarray(v) for v in values(n)]
        grads = [jnp.asarray(g * 0.1) for g in values(n)]
        tx = transform()
        state = tx.init(params)

        @jax.jit
        def step(params, state):
            updates, state = tx.update(grads, state, params)
            return optax.apply_updates(params, updates), state

        def run():
            p, s = params, state
            for _ in range(steps):
                p, s = step(p, s)
            return jax.block_until_ready(p)
        return run
    return make


def tf_adam():
    import jax.numpy as jnp
    import optax

    from tfcompat._src.train import transforms

    # The TF 1 rule with its beta powers carried in an optax count, so the step is one jit.
    def init(params):
        return (transforms.tf_adam(0, 0, 0, 0, 0, 0).init(params), jnp.zeros((), jnp.int32))

    def update(grads, state, params=None):
        inner, count = state
        t = (count + 1).astype(jnp.float32)
        tx = transforms.tf_adam(0.01, 0.9, 0.999, 1e-8, 0.9 ** t, 0.999 ** t)
        updates, inner = tx.update(grads, inner, params)
        return updates, (inner, count + 1)
    return optax.GradientTransformation(init, update)


def optax_adam():
    import optax

    return optax.adam(0.01, eps=1e-8)


def median_us_per_step(makers, steps, n, runs):
    """{name: median us/step}, the runs of the contenders interleaved."""
    loops = {name: make(steps, n) for name, make in makers.items()}
    for run in loops.values():
        run()  # warm up: compile and allocate
    times = {name: [] for name in loops}
    for _ in range(runs):
        for name, run in loops.items():
            t0 = time.perf_counter()
            run()
            times[name].append((time.perf_counter() - t0) / steps * 1e6)
    return {name: statistics.median(t) for name, t in times.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--steps", type=int, default=500)
    parser.add_argument("--vars", type=int, default=10)
    args = parser.parse_args()
    makers = {"tfcompat apply_gradients": tfcompat_loop,
              "jax.jit(tf_adam update)": jax_loop(tf_adam),
              "jax.jit(optax.adam update)": jax_loop(optax_adam)}
    try:
        import tensorflow  # noqa: F401
    except ImportError:
        pass
    else:
        makers["tensorflow eager"] = tensorflow_loop
    results = median_us_per_step(makers, args.steps, args.vars, args.runs)
    base = results["tfcompat apply_gradients"]
    print(f"Adam on {args.vars} variables, {args.steps} steps, median of {args.runs} runs")
    for name, us in results.items():
        print(f"  {name:28s} {us:9.1f} us/step   tfcompat / this = {base / us:6.2f}")


if __name__ == "__main__":
    main()
