"""A long training loop recording the same graph: compilations and process memory over time.

    python benchmarks/long_loop.py [--steps 10000]

Prints the resident set size (RSS) every tenth of the run and the compile caches' counters: a loop
that repeats the same work should compile once and keep RSS flat.
"""

import argparse
import os

import tfcompat as tf
from tfcompat._src.registry import EAGER_CACHE
from tfcompat._src.tape import GRADIENT_CACHE, PLAN_CACHE
from tfcompat._src.train.optimizer import UPDATE_CACHE


def rss_mib() -> float:
    with open(f"/proc/{os.getpid()}/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=10_000)
    args = parser.parse_args()
    w = tf.Variable(tf.constant([[0.5, -0.5], [0.25, 1.0]]), name="w")
    b = tf.Variable(tf.constant([0.1, -0.1]), name="b")
    x = tf.constant([[1.0, 2.0], [3.0, 4.0]])
    target = tf.constant([[1.0, 0.0], [0.0, 1.0]])
    opt = tf.train.GradientDescentOptimizer(learning_rate=0.01)
    every = max(args.steps // 10, 1)
    for i in range(1, args.steps + 1):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(tf.matmul(x, w) + b - target))
        opt.apply_gradients(zip(tape.gradient(loss, [w, b]), [w, b], strict=True))
        if i % every == 0 or i == 1:
            print(f"step {i:6d}  loss {float(loss):.6f}  RSS {rss_mib():7.1f} MiB")
    for cache in (PLAN_CACHE, GRADIENT_CACHE, UPDATE_CACHE, EAGER_CACHE):
        print(f"{cache.name:26s} {cache.stats()}")


if __name__ == "__main__":
    main()
