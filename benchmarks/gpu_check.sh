#!/usr/bin/env bash
# The prepared accelerator check (a machine with an NVIDIA GPU and JAX's CUDA build; nothing is
# installed: the repository runs from PYTHONPATH). Writes its outputs under $OUT:
#   the conformance suite with JAX on the GPU, the GPU-only tests, benchmarks/run.py on the GPU
#   and on that machine's (idle, 16-core) CPU. Each part has a time limit, so the whole check
#   fits a 10-minute slot.
#     OUT=/tmp/gpu bash benchmarks/gpu_check.sh
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/gpu_check}
mkdir -p "$OUT"
export PYTHONPATH=$PWD PYTHONUNBUFFERED=1 TF_CPP_MIN_LOG_LEVEL=3
nvidia-smi -L
python3 -c "import jax, optax, numpy; print('jax', jax.__version__, 'numpy', numpy.__version__, jax.devices())"
# Parallel cases share the GPU: no preallocation (JAX takes 75% of its memory per process
# otherwise); the CPU stays listed for host callbacks (tf.print inside tf.function).
XLA_PYTHON_CLIENT_PREALLOCATE=false JAX_PLATFORMS=cuda,cpu timeout 150 \
    python3 -m tfcompat conformance -j 8 --json "$OUT/conformance_gpu.json" \
    > "$OUT/conformance_gpu.txt" 2>&1
tail -4 "$OUT/conformance_gpu.txt"
timeout 60 python3 -m pytest -q -p no:cacheprovider tests/test_device.py 2>&1 | tail -3
timeout 200 python3 benchmarks/run.py --repeats 1 --runs 3 --json "$OUT/bench_gpu.json" 2>&1 \
    | tee "$OUT/bench_gpu.txt"
JAX_PLATFORMS=cpu timeout 200 python3 benchmarks/run.py --repeats 1 --runs 3 \
    --json "$OUT/bench_cpu.json" 2>&1 | tee "$OUT/bench_cpu.txt"
