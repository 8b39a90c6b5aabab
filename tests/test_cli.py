"""The `tfcompat` command: output comparison, the tensorflow import alias, the conformance suite."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tfcompat._src.conformance import Tolerance, case_tolerance, first_difference, normalize

REPO = Path(__file__).resolve().parents[1]
SEED_CASES = sorted((REPO / "conformance" / "cases" / "seed").glob("*.py"))


def tfcompat_cmd(*args):
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.run(
        [sys.executable, "-m", "tfcompat", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_normalize_folds_whitespace_and_drops_trailing_blank_lines():
    assert normalize("a  b\t c \r\n\n  d\n\n \n") == ["a b c", "", "d"]


def test_whitespace_differences_do_not_count():
    expected = "tf.Tensor(-2.0, shape=(), dtype=float32)\n"
    assert first_difference(expected, "tf.Tensor(-2.0,  shape=(),\tdtype=float32)  \n\n") is None


def test_numbers_compare_within_tolerance():
    assert first_difference("x = 0.999998569", "x = 0.9999986") is None  # 3e-8 relative
    assert first_difference("x = 0.999998569", "x = 0.99999") is not None
    assert first_difference("y = 0", "y = 1e-8") is None  # absolute tolerance 1e-7
    assert first_difference("y = 0", "y = 1e-6") is not None
    assert first_difference("x = 0.99", "x = 0.98", Tolerance(rtol=0.1)) is None


def test_digits_inside_names_compare_as_text():
    assert first_difference("dtype=float32", "dtype=float64") is not None
    assert first_difference("[1. 2.]", "[1.0000000001 2.]") is None


def test_mismatch_reports_the_first_differing_line():
    diff = first_difference("a\nb 1\nc\n", "a\nb 2\nc\n")
    assert diff == "line 2: expected 'b 1' got 'b 2'"
    assert first_difference("a\nb\n", "a\n") == "line 2: expected 'b' got <end of output>"
    assert first_difference("a\n", "a\nextra\n") == "line 2: expected <end of output> got 'extra'"


def test_case_tolerance_from_first_line():
    assert case_tolerance("# conformance: rtol=1e-5 atol=1e-6\nimport x\n") == Tolerance(1e-5, 1e-6)
    assert case_tolerance("import tensorflow as tf\n") == Tolerance()
    with pytest.raises(ValueError, match="unknown conformance option"):
        case_tolerance("# conformance: tol=1\n")


def test_run_aliases_tensorflow_to_tfcompat(tmp_path):
    script = tmp_path / "script.py"
    script.write_text(
        "import sys\n"
        "import tensorflow as tf\n"
        "import tensorflow.compat.v1 as v1\n"
        "from tensorflow.compat import v1 as v1_too\n"
        "print(tf is __import__('tfcompat'), v1 is v1_too is sys.modules['tfcompat.compat.v1'])\n"
        "print(sys.argv[1:])\n"
        "sys.exit(3)\n"
    )
    proc = tfcompat_cmd("run", str(script), "a", "--flag")
    assert proc.stdout.splitlines() == ["True True", "['a', '--flag']"], proc.stderr
    assert proc.returncode == 3


def test_run_names_a_missing_tensorflow_module(tmp_path):
    script = tmp_path / "script.py"
    script.write_text("import tensorflow.no_such_module\n")
    proc = tfcompat_cmd("run", str(script))
    assert proc.returncode == 1
    message = "No module named 'tensorflow.no_such_module': tfcompat does not provide it"
    assert message in proc.stderr


def test_conformance_reports_a_failing_case(tmp_path):
    (tmp_path / "ok.py").write_text("print('a  b')\n")
    (tmp_path / "ok.out").write_text("a b\n")
    (tmp_path / "bad.py").write_text("print(1.5)\n")
    (tmp_path / "bad.out").write_text("1.25\n")
    proc = tfcompat_cmd("conformance", "--cases", str(tmp_path))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0].split() == ["bad.py", "FAIL", *"line 1: expected '1.25' got '1.5'".split()]
    assert lines[1].split() == ["ok.py", "PASS"]
    assert lines[-1] == "1 passed, 1 failed"


def test_every_seed_case_passes():
    assert SEED_CASES, "no seed cases found"
    proc = tfcompat_cmd("conformance", "-k", "seed/")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.splitlines()[-1] == f"{len(SEED_CASES)} passed, 0 failed"


def test_conformance_writes_json_and_junit(tmp_path):
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "bad.py").write_text("print(2)\n")
    (cases / "bad.out").write_text("3\n")
    proc = tfcompat_cmd("conformance", str(cases), "--json", str(tmp_path / "r.json"),
                        "--junit", str(tmp_path / "r.xml"))
    assert proc.returncode == 1
    assert json.loads((tmp_path / "r.json").read_text())[0]["status"] == "FAIL"
    assert '<testsuite name="tfcompat-conformance" tests="1" failures="1">' in (
        tmp_path / "r.xml").read_text()


def test_python_m_tfcompat_runs_a_script(tmp_path):
    script = tmp_path / "s.py"
    script.write_text("import tensorflow as tf\nprint(tf.constant([1, 2]))\n")
    proc = subprocess.run([sys.executable, "-m", "tfcompat", str(script)], capture_output=True,
                          text=True)
    assert proc.stdout == "tf.Tensor([1 2], shape=(2,), dtype=int32)\n", proc.stderr


def test_install_aliases_tensorflow_in_this_process():
    code = ("import tfcompat\ntfcompat.install()\nimport tensorflow.compat.v1 as tf\n"
            "print(tf.log is tfcompat.log)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.strip() == "True", proc.stderr
