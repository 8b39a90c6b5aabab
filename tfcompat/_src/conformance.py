"""Conformance suite: run TF scripts, compare their output with the output recorded from TF.

Standard library only: conformance/record.py loads this file by path under a Python that has
TensorFlow but not JAX, so it must not import tfcompat.
"""

import json
import math
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

RTOL, ATOL = 1e-6, 1e-7
TIMEOUT_S = 120

# A number standing on its own, not digits inside a name such as `float32`.
_NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![\w.])")
_OPTIONS = re.compile(r"#\s*conformance:(.*)")
_EXCEPTION = re.compile(r"[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt)\b")


@dataclass(frozen=True)
class Tolerance:
    rtol: float = RTOL
    atol: float = ATOL


@dataclass
class Result:
    case: str
    status: str  # PASS, FAIL or ERROR
    detail: str = ""
    output: str = ""


def case_tolerance(source: str) -> Tolerance:
    """Read `# conformance: rtol=1e-5 atol=1e-6` from the case's first line, if it is there."""
    match = _OPTIONS.match(source.split("\n", 1)[0].strip())
    options = {}
    for item in match.group(1).split() if match else ():
        key, _, value = item.partition("=")
        if key not in ("rtol", "atol"):
            raise ValueError(f"unknown conformance option {item!r} (known: rtol, atol)")
        options[key] = float(value)
    return Tolerance(**options)


def normalize(text: str) -> list[str]:
    """Lines with whitespace runs folded to one space, ends stripped, trailing blank lines gone."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def lines_match(expected: str, got: str, tol: Tolerance) -> bool:
    """Text equal outside numbers; numbers equal within |got - exp| <= atol + rtol * |exp|."""
    exp_nums, got_nums = _NUMBER.findall(expected), _NUMBER.findall(got)
    if _NUMBER.split(expected) != _NUMBER.split(got) or len(exp_nums) != len(got_nums):
        return False
    for e, g in zip(map(float, exp_nums), map(float, got_nums), strict=True):
        if not math.isclose(g, e, rel_tol=0.0, abs_tol=tol.atol + tol.rtol * abs(e)):
            return False
    return True


def first_difference(expected: str, got: str, tol: Tolerance | None = None) -> str | None:
    """None when the outputs match, else 'line N: expected ... got ...' for the first mismatch."""
    tol = tol or Tolerance()
    exp, out = normalize(expected), normalize(got)
    for i in range(max(len(exp), len(out))):
        e = exp[i] if i < len(exp) else None
        g = out[i] if i < len(out) else None
        if e is None or g is None or not lines_match(e, g, tol):
            show = ["<end of output>" if s is None else repr(s) for s in (e, g)]
            return f"line {i + 1}: expected {show[0]} got {show[1]}"
    return None


def find_cases(root: Path, substr: str = "") -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if substr in p.relative_to(root).as_posix())


def run_case(command: list[str], case: Path, env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run `command + [case]` in the case's directory; return (exit code, stdout+stderr)."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    try:
        proc = subprocess.run(
            [*command, case.name],
            cwd=case.parent,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=TIMEOUT_S,
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        return -1, out + f"\n<timeout after {TIMEOUT_S} s>"
    return proc.returncode, proc.stdout


def check_case(case: Path, root: Path) -> Result:
    """Run one case under tfcompat and compare it with its recorded `.out`."""
    name = case.relative_to(root).as_posix()
    expected_path = case.with_suffix(".out")
    if not expected_path.exists():
        return Result(name, "ERROR", f"no expected output {expected_path.name}")
    # Expected outputs come from TF on CPU. An explicit platform also keeps JAX from logging
    # "An NVIDIA GPU may be present ..." into the merged output on GPU hosts.
    env = {"JAX_PLATFORMS": os.environ.get("JAX_PLATFORMS", "cpu")}
    code, output = run_case([sys.executable, "-m", "tfcompat", "run"], case, env)
    if code != 0:
        lines = normalize(output) or ["<no output>"]
        # The exception line, not a note printed after it (JAX adds one about its frames).
        errors = [line for line in lines if _EXCEPTION.match(line)]
        return Result(name, "ERROR", f"exit code {code}: {(errors or lines)[-1]}", output)
    try:
        tol = case_tolerance(case.read_text())
    except ValueError as exc:
        return Result(name, "ERROR", str(exc), output)
    diff = first_difference(expected_path.read_text(), output, tol)
    return Result(name, "FAIL" if diff else "PASS", diff or "", output)


def run_suite(root: Path, substr: str = "", verbose: bool = False, jobs: int = 0,
              json_path: Path | None = None, junit_path: Path | None = None) -> int:
    """Check every case under root, print a table and a summary; return the exit status."""
    cases = find_cases(root, substr)
    if not cases:
        print(f"no conformance cases under {root}" + (f" matching {substr!r}" if substr else ""))
        return 1
    # Each case is its own process; running several at once keeps the suite's wall time low.
    results = []
    progress = sys.stderr.isatty()
    with ThreadPoolExecutor(jobs or min(8, os.cpu_count() or 1)) as pool:
        for i, r in enumerate(pool.map(lambda case: check_case(case, root), cases), 1):
            results.append(r)
            if progress:
                sys.stderr.write(f"\r{i}/{len(cases)} cases run")
                sys.stderr.flush()
    if progress:
        sys.stderr.write("\r" + " " * 30 + "\r")
    width = max(len(r.case) for r in results)
    for r in results:
        print(f"{r.case:<{width}}  {r.status:<5}  {r.detail}".rstrip())
        if verbose and r.output:
            print("    " + r.output.rstrip().replace("\n", "\n    "))
    passed = sum(r.status == "PASS" for r in results)
    print(f"{passed} passed, {len(results) - passed} failed")
    if json_path:
        json_path.write_text(json.dumps([{"case": r.case, "status": r.status, "detail": r.detail}
                                         for r in results], indent=1) + "\n")
    if junit_path:
        junit_path.write_text(_junit(results))
    return 0 if passed == len(results) else 1


def _junit(results) -> str:
    """A JUnit XML report, for CI systems that display one."""
    from xml.sax.saxutils import escape, quoteattr
    failed = sum(r.status != "PASS" for r in results)
    rows = [f'<testsuite name="tfcompat-conformance" tests="{len(results)}" '
            f'failures="{failed}">']
    for r in results:
        rows.append(f"  <testcase classname=\"conformance\" name={quoteattr(r.case)}>")
        if r.status != "PASS":
            rows.append(f"    <failure message={quoteattr(r.detail)}>{escape(r.output or '')}"
                        "</failure>")
        rows.append("  </testcase>")
    rows.append("</testsuite>")
    return "\n".join(rows) + "\n"
