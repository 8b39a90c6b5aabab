"""Devices: the cases of tests/golden/device.json (recorded from TF 2.21, CPU-only)."""

import jax
import pytest

import tfcompat as tf
from tests.golden.core_eval import check, load


@pytest.mark.parametrize("case", load("device"), ids=lambda c: c["id"])
def test_matches_tensorflow(case):
    if jax.devices()[0].platform != "cpu":
        pytest.skip("goldens were recorded on a CPU-only machine")
    check(tf, case)


@pytest.mark.skipif(not any(d.platform == "gpu" for d in jax.devices()), reason="no GPU here")
def test_gpu_placement():
    with tf.device("/GPU:0"):
        t = tf.constant([1.0]) * 2.0
    assert t.device.endswith("device:GPU:0")
    with tf.device("/CPU:0"):
        c = tf.constant([1.0]) * 2.0
    assert c.device.endswith("device:CPU:0")
