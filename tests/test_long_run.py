"""A CI-sized soak: the steps of benchmarks/soak.py (the seed loop and an MLP trained with
AdamOptimizer) repeated a few thousand times allocate and compile nothing new after warm-up.

The full 100,000-step run is `python benchmarks/soak.py`.
"""

import gc
import importlib.util
import os
from pathlib import Path

import tfcompat as tf

_SOAK = Path(__file__).resolve().parent.parent / "benchmarks" / "soak.py"


def _soak_module():
    spec = importlib.util.spec_from_file_location("soak", _SOAK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rss_mib() -> float:
    with open(f"/proc/{os.getpid()}/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _counters():
    stats = tf.debugging.cache_stats()
    return (sum(s["compilations"] for s in stats.values()),
            sum(s["misses"] for s in stats.values()),
            sum(s["size"] for s in stats.values()))


def test_memory_and_compiles_flat_over_thousands_of_steps():
    soak = _soak_module()
    x, seed_step, mlp_step = soak.make_steps()
    for _ in range(200):  # warm-up: compile, create slots, fill caches
        seed_step()
        mlp_step()
    gc.collect()
    counters, objects, rss = _counters(), len(gc.get_objects()), _rss_mib()
    for _ in range(3000):
        seed_step()
        loss = mlp_step()
    gc.collect()
    assert _counters() == counters  # no compilation, no cache miss, no new cache entry
    assert len(gc.get_objects()) - objects < 200  # no Python objects pile up per step
    assert _rss_mib() - rss < 16  # a per-step leak of even 8 KiB would exceed this
    assert abs(float(x.numpy()) - 1.0) < 1e-3  # the seed loop converged to its minimum at 1
    assert float(loss) < 0.1  # and the MLP trained
