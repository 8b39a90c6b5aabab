"""The README's Python examples run as written."""

import re
import subprocess
import sys
from pathlib import Path

README = (Path(__file__).parents[1] / "README.md").read_text()
BLOCKS = re.findall(r"```python\n(.*?)```", README, re.S)


def test_readme_has_examples():
    assert len(BLOCKS) >= 2


def test_first_example_prints_what_the_readme_says():
    out = subprocess.run([sys.executable, "-c", BLOCKS[0]], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "tf.Tensor(-2.0, shape=(), dtype=float32)"


def test_jax_example_trains_the_variable():
    code = BLOCKS[1] + "\nprint(float(tf.reduce_mean(tf.square(tf.matmul(x, w) - y))))\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert float(out.strip().splitlines()[-1]) < 0.05  # 4.25 before training
