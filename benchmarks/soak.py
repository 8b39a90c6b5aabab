"""A soak test: the same training steps repeated many times must keep memory and compiles flat.

    python benchmarks/soak.py [--steps 100000] [--reports 20]

Each step runs the seed document's loop body (a GradientTape over y = a*x**2 + b*x + c and
GradientDescentOptimizer.apply_gradients) and one step of a small MLP (8 -> 16 -> 1, tanh)
trained with AdamOptimizer. The script prints the resident set size (RSS) and the compile
caches' counters (`tf.debugging.cache_stats()`) at intervals, then one summary line comparing
the state after warm-up (the first report) with the end: a loop that repeats the same work
should compile nothing new and keep RSS flat.
"""

import argparse
import os
import time

import numpy as np

import tfcompat as tf


def rss_mib() -> float:
    with open(f"/proc/{os.getpid()}/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def compilations() -> int:
    return sum(s["compilations"] for s in tf.debugging.cache_stats().values())


def cache_entries() -> int:
    return sum(s["size"] for s in tf.debugging.cache_stats().values())


def make_steps():
    """One seed-loop step and one MLP step, as closures over their variables."""
    x = tf.Variable(0.0, name="x", dtype=tf.float32)
    a, b, c = tf.constant(1.0), tf.constant(-2.0), tf.constant(1.0)
    sgd = tf.compat.v1.train.GradientDescentOptimizer(learning_rate=0.01)

    def seed_step():
        with tf.GradientTape() as tape:
            y = a * tf.pow(x, 2) + b * x + c
        sgd.apply_gradients(grads_and_vars=[(tape.gradient(y, x), x)])
        return y

    rng = np.random.default_rng(0)
    w1 = tf.Variable(rng.normal(0, 0.5, (8, 16)).astype(np.float32), name="w1")
    b1 = tf.Variable(np.zeros(16, np.float32), name="b1")
    w2 = tf.Variable(rng.normal(0, 0.5, (16, 1)).astype(np.float32), name="w2")
    b2 = tf.Variable(np.zeros(1, np.float32), name="b2")
    params = [w1, b1, w2, b2]
    inputs = tf.constant(rng.normal(0, 1, (32, 8)).astype(np.float32))
    targets = tf.constant(np.sin(rng.normal(0, 1, (32, 1))).astype(np.float32))
    adam = tf.compat.v1.train.AdamOptimizer(learning_rate=1e-3)

    def mlp_step():
        with tf.GradientTape() as tape:
            hidden = tf.tanh(tf.matmul(inputs, w1) + b1)
            loss = tf.reduce_mean(tf.square(tf.matmul(hidden, w2) + b2 - targets))
        adam.apply_gradients(zip(tape.gradient(loss, params), params, strict=True))
        return loss

    return x, seed_step, mlp_step


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=100_000)
    parser.add_argument("--reports", type=int, default=20, help="how many progress lines")
    args = parser.parse_args()
    x, seed_step, mlp_step = make_steps()
    every = max(args.steps // args.reports, 1)
    warm = None  # (step, rss, compilations, cache entries) at the first report after step 1
    start = time.perf_counter()
    print(f"{'step':>8s} {'seed y':>10s} {'mlp loss':>10s} {'RSS MiB':>8s} {'compiles':>8s} "
          f"{'entries':>7s} {'s':>7s}", flush=True)
    for i in range(1, args.steps + 1):
        y = seed_step()
        loss = mlp_step()
        if i == 1 or i % every == 0 or i == args.steps:
            row = (i, rss_mib(), compilations(), cache_entries())
            print(f"{i:8d} {float(y):10.6f} {float(loss):10.6f} {row[1]:8.1f} {row[2]:8d} "
                  f"{row[3]:7d} {time.perf_counter() - start:7.1f}", flush=True)
            if warm is None and i > 1:
                warm = row
    for name, stats in tf.debugging.cache_stats().items():
        print(f"  {name:34s} {stats}")
    end = (args.steps, rss_mib(), compilations(), cache_entries())
    warm = warm or end
    elapsed = time.perf_counter() - start
    print(f"summary: {args.steps} steps in {elapsed:.1f} s "
          f"({elapsed / args.steps * 1e6:.0f} us/step);"
          f" x={float(x.numpy()):.6f}; RSS {warm[1]:.1f} MiB at step {warm[0]} -> {end[1]:.1f} MiB"
          f" ({end[1] - warm[1]:+.1f}); compilations {warm[2]} -> {end[2]} (+{end[2] - warm[2]});"
          f" cache entries {warm[3]} -> {end[3]}", flush=True)


if __name__ == "__main__":
    main()
