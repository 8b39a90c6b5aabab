"""Per-step time of the seed's training loop: tfcompat vs hand-written JAX (and TF if installed).

One step = a GradientTape over y = a*x**2 + b*x + c, tape.gradient, apply_gradients (or the
equivalent). Prints the median of several runs of 1000 steps, in microseconds per step, and ratios.
TensorFlow is measured only when importable (it is never a dependency):

    python benchmarks/seed_loop.py [--runs 7] [--steps 1000]
"""

import argparse
import statistics
import time


def seed_loop(tf, steps):
    """The seed document's apply_gradients loop, written once for TF and for tfcompat."""
    x = tf.Variable(0.0, name="x", dtype=tf.float32)
    a, b, c = tf.constant(1.0), tf.constant(-2.0), tf.constant(1.0)
    optimizer = tf.train.GradientDescentOptimizer(learning_rate=0.01)

    def run():
        for _ in range(steps):
            with tf.GradientTape() as tape:
                y = a * tf.pow(x, 2) + b * x + c
            dy_dx = tape.gradient(y, x)
            optimizer.apply_gradients(grads_and_vars=[(dy_dx, x)])
        return x.numpy()
    return run


def tfcompat_loop(steps):
    import tfcompat

    return seed_loop(tfcompat, steps)


def jax_loop(steps):
    import jax
    import jax.numpy as jnp

    a, b, c = jnp.float32(1.0), jnp.float32(-2.0), jnp.float32(1.0)
    lr = jnp.float32(0.01)

    @jax.jit
    def step(x):
        g = jax.grad(lambda x: a * x**2 + b * x + c)(x)
        return x - lr * g

    def run():
        x = jnp.float32(0.0)
        for _ in range(steps):
            x = step(x)
        return jax.block_until_ready(x)
    return run


def tensorflow_loop(steps):
    import tensorflow.compat.v1 as tf

    return seed_loop(tf, steps)


def median_us_per_step(make, steps, runs):
    run = make(steps)
    run()  # warm up: compile and allocate
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        run()
        times.append((time.perf_counter() - t0) / steps * 1e6)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--steps", type=int, default=1000)
    args = parser.parse_args()
    results = {"tfcompat": median_us_per_step(tfcompat_loop, args.steps, args.runs),
               "jax.jit step": median_us_per_step(jax_loop, args.steps, args.runs)}
    try:
        import tensorflow  # noqa: F401
    except ImportError:
        pass
    else:
        results["tensorflow eager"] = median_us_per_step(tensorflow_loop, args.steps, args.runs)
    base = results["tfcompat"]
    print(f"seed loop, {args.steps} steps, median of {args.runs} runs")
    for name, us in results.items():
        print(f"  {name:18s} {us:9.1f} us/step   tfcompat / this = {base / us:6.2f}")


if __name__ == "__main__":
    main()
