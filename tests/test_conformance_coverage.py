"""The conformance coverage checker, and the repository's cases against its allowlist."""

from pathlib import Path

import pytest

from tfcompat._src import cli, conformance_coverage
from tfcompat._src.coverage import rows

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "conformance" / "cases"
ALLOWLIST = ROOT / "conformance" / "uncovered.txt"


def _case(tmp_path, name, source):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source)
    return path


def test_reports_a_symbol_until_a_case_uses_it(tmp_path):
    _case(tmp_path, "a/01_add.py", "import tensorflow as tf\nprint(tf.add(1, 2))\n")
    missing = conformance_coverage.uncovered(tmp_path)
    assert "tf.math.add" not in missing  # tf.add is one of its paths
    assert "tf.math.add_n" in missing  # a longer name is not a prefix match
    assert "tf.linalg.matmul" in missing
    _case(tmp_path, "b/02_matmul.py", "import tensorflow as tf\ny = tf.linalg.matmul(a, b)\n")
    assert "tf.linalg.matmul" not in conformance_coverage.uncovered(tmp_path)


def test_paths_resolve_as_the_script_imports_tensorflow(tmp_path):
    # `tf.gather` under `import tensorflow as tf` is TF 1's gather; TF 2's needs compat.v2.
    _case(tmp_path, "01.py", "import tensorflow as tf\ntf.gather(x, [0])\n")
    missing = conformance_coverage.uncovered(tmp_path)
    assert "tf.compat.v1.gather" not in missing and "tf.gather" in missing
    _case(tmp_path, "02.py", "import tensorflow as tf\ntf.compat.v2.gather(x, [0])\n")
    assert "tf.gather" not in conformance_coverage.uncovered(tmp_path)
    # A TF 1 only path through compat.v1, and plain `tf.` in a compat.v1 script.
    _case(tmp_path, "03.py", "import tensorflow as tf\ntf.compat.v1.arg_max(x, 0)\n")
    _case(tmp_path, "04.py", "import tensorflow.compat.v1 as tf\ntf.to_float(x)\n")
    missing = conformance_coverage.uncovered(tmp_path)
    assert "tf.compat.v1.arg_max" not in missing
    assert "tf.compat.v1.to_float" not in missing
    # compat.v2 paths do not name TF 1 only symbols.
    _case(tmp_path, "05.py", "import tensorflow as tf\ntf.compat.v2.to_int32(x)\n")
    assert "tf.compat.v1.to_int32" in conformance_coverage.uncovered(tmp_path)


def test_cli_coverage_exit_status(tmp_path, capsys):
    _case(tmp_path, "01.py", "import tensorflow as tf\nprint(tf.add(1, 2))\n")
    assert cli.main(["conformance", str(tmp_path), "--coverage"]) == 1
    out = capsys.readouterr().out
    assert "tf.linalg.matmul\n" in out and "\ntf.math.add\n" not in out


def _allowlist() -> list[str]:
    lines = ALLOWLIST.read_text().splitlines()
    return [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]


def test_cases_cover_every_symbol_outside_the_allowlist():
    allowed = _allowlist()
    assert len(allowed) == len(set(allowed)), "duplicate names in conformance/uncovered.txt"
    missing = set(conformance_coverage.uncovered(CASES)) - set(allowed)
    assert not missing, (
        "exported symbols no conformance case uses; add a case under conformance/cases/ "
        f"(or, for now, a line in conformance/uncovered.txt): {sorted(missing)}")


def test_allowlist_has_no_stale_entries():
    names = {r[0] for r in rows()}
    gone = [n for n in _allowlist() if n not in names]
    assert not gone, f"conformance/uncovered.txt names symbols tfcompat no longer exports: {gone}"
    uncovered = set(conformance_coverage.uncovered(CASES))
    covered = [n for n in _allowlist() if n in names and n not in uncovered]
    assert not covered, f"now covered by cases; remove from conformance/uncovered.txt: {covered}"


@pytest.mark.parametrize("source, name", [
    ("x = tf.add_n([a])", "tf.math.add_n"),
    ("tf.train.GradientDescentOptimizer(0.1).minimize(f)",
     "tf.compat.v1.train.GradientDescentOptimizer"),
    ("tf.compat.v1.train.AdamOptimizer(0.1)", "tf.compat.v1.train.AdamOptimizer"),
])
def test_mentions(source, name):
    _, maps = conformance_coverage._tables()
    names = [r[0] for r in rows()]
    found = {names[i] for i in conformance_coverage.covered_rows(source, maps)}
    assert name in found
    assert not conformance_coverage.covered_rows("mytf.add(1)", maps)
