"""Benchmarks: the same workloads under tfcompat (eager and tf.function), hand-written JAX (a
jitted step in a Python loop, and the whole loop in lax.fori_loop) and, when it can be imported,
TensorFlow (eager and tf.function). Each measurement runs in its own process; variants are
interleaved and repeated; the table shows median µs per step and ratios, and whether every
variant reached the same final values after the same number of steps.

    python benchmarks/run.py [--repeats 3] [--only NAME,...] [--tf-python PATH] [--json out.json]

`--tf-python` names an interpreter that has TensorFlow (default: this one, if it has it).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
VARIANTS = ["tfcompat", "tfcompat_function", "jax_jit", "jax_fori_loop", "tf_eager",
            "tf_function"]


def worker(name: str, variant: str, runs: int) -> dict:
    """Runs in a child process: times the first step (which compiles), then `runs` runs of the
    workload's steps after a first run of `steps` steps (whose final values are reported)."""
    sys.path.insert(0, str(HERE))
    import numpy as np
    from workloads import WORKLOADS, jax_workload, tf_workload

    steps = WORKLOADS[name]
    if variant.startswith("jax"):
        run, final = jax_workload(name, loop=variant == "jax_fori_loop")
    else:
        if variant.startswith("tfcompat"):
            import tfcompat as tf
        else:
            import tensorflow as tf
        step, final = tf_workload(tf, name, use_function=variant.endswith("function"))

        def run(n):
            for _ in range(n):
                step()
            final()  # wait for the device
    t0 = time.perf_counter()
    run(1)  # the first step: tracing and compiling included
    first = time.perf_counter() - t0
    run(steps - 1)
    values = [np.asarray(v, np.float64).ravel().tolist() for v in final()]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        run(steps)
        times.append((time.perf_counter() - t0) / steps * 1e6)
    return {"us_per_step": statistics.median(times), "first_step_s": first, "final": values}


def has_tensorflow(python: str) -> bool:
    return subprocess.run([python, "-c", "import tensorflow"], capture_output=True,
                          env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}).returncode == 0


def measure(python, name, variant, runs):
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONPATH": str(HERE.parent)}
    out = subprocess.run([python, __file__, "--worker", name, variant, str(runs)],
                         capture_output=True, text=True, env=env)
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
    if out.returncode != 0 or not lines:
        tail = (out.stderr.strip().splitlines() or ["?"])[-1]
        return {"error": tail[:160]}
    return json.loads(lines[-1])


def import_seconds(module: str, repeats: int) -> float:
    """Median wall time of `python -c "import <module>"` in fresh processes."""
    env = {**os.environ, "PYTHONPATH": str(HERE.parent)}
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", f"import {module}"], check=True, env=env)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def max_rel_diff(a, b):
    """Largest difference of any array, relative to that array's largest magnitude (elements
    near zero would otherwise dominate)."""
    worst = 0.0
    for x, y in zip(a, b, strict=True):
        scale = max((abs(v) for v in y), default=0.0) or 1.0
        worst = max(worst, max((abs(u - v) for u, v in zip(x, y, strict=True)), default=0.0)
                    / scale)
    return worst


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        print(json.dumps(worker(sys.argv[2], sys.argv[3], int(sys.argv[4]))))
        return
    sys.path.insert(0, str(HERE))
    from workloads import WORKLOADS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="processes per variant")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per process")
    parser.add_argument("--only", default="", help="comma-separated workload names")
    parser.add_argument("--tf-python", default=sys.executable)
    parser.add_argument("--json", default="")
    args = parser.parse_args()
    names = [n for n in WORKLOADS if not args.only or n in args.only.split(",")]
    with_tf = has_tensorflow(args.tf_python)
    variants = [v for v in VARIANTS if with_tf or not v.startswith("tf_")]
    results = {n: {v: [] for v in variants} for n in names}
    for _ in range(args.repeats):  # interleaved: every variant once per round
        for n in names:
            for v in variants:
                python = args.tf_python if v.startswith("tf_") else sys.executable
                results[n][v].append(measure(python, n, v, args.runs))
    table = {}
    for n in names:
        row = {}
        for v in variants:
            ok = [r for r in results[n][v] if "error" not in r]
            row[v] = {"us_per_step": statistics.median(r["us_per_step"] for r in ok),
                      "first_step_s": statistics.median(r["first_step_s"] for r in ok),
                      "final": ok[0]["final"]} if ok else results[n][v][0]
        table[n] = row
    print(f"median µs/step over {args.repeats} processes x {args.runs} runs"
          f"{'' if with_tf else ' (TensorFlow not importable: its columns are left out)'}")
    header = f"{'workload':22s}" + "".join(f"{v:>18s}" for v in variants)
    print(header)
    for n, row in table.items():
        cells = [f"{row[v]['us_per_step']:18.1f}" if "us_per_step" in row[v]
                 else f"{'error':>18s}" for v in variants]
        print(f"{n:22s}" + "".join(cells))
    print("\nratios (lower is better for tfcompat)")
    pairs = [("tfcompat", "tf_eager"), ("tfcompat", "jax_jit"),
             ("tfcompat_function", "jax_jit"), ("tfcompat_function", "tf_function")]
    for n, row in table.items():
        parts = []
        for a, b in pairs:
            if "us_per_step" in row.get(a, {}) and "us_per_step" in row.get(b, {}):
                parts.append(f"{a}/{b} = {row[a]['us_per_step'] / row[b]['us_per_step']:.3g}")
        ref = row.get("tf_eager") if "final" in row.get("tf_eager", {}) else row.get("jax_jit")
        agree = []
        for v in variants:
            if "final" in row[v] and ref and "final" in ref:
                agree.append(f"{v} {max_rel_diff(row[v]['final'], ref['final']):.1e}")
        if "first_step_s" in row.get("tfcompat", {}) and "first_step_s" in row.get("jax_jit", {}):
            parts.append("first step (compile) tfcompat/jax_jit = "
                         f"{row['tfcompat']['first_step_s'] / row['jax_jit']['first_step_s']:.3g}")
        print(f"{n:22s} " + "; ".join(parts))
        print(f"{'':22s} final values, max rel diff vs reference: " + ", ".join(agree))
        for v in variants:
            if "error" in row[v]:
                print(f"{'':22s} {v}: {row[v]['error']}")
    imports = {m: import_seconds(m, 5) for m in ("jax", "tfcompat")}
    print(f"\nimport (median of 5 processes): jax {imports['jax']:.2f} s, tfcompat "
          f"{imports['tfcompat']:.2f} s, ratio {imports['tfcompat'] / imports['jax']:.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps({"workloads": table, "import_s": imports},
                                              indent=1))


if __name__ == "__main__":
    main()
