"""Record each conformance case's expected output (`case.out`) by running it with real TensorFlow.

Run it with a Python that has tensorflow-cpu==2.21.0 (never part of tests or CI):

    /root/tfvenv/bin/python conformance/record.py [--cases DIR] [-k SUBSTR] [--force]

Cases listed in a DOCUMENTED file beside them keep the output their source document shows: their
`.out` is only checked against TensorFlow (exit status 1 when it differs), and is rewritten only
with --force. See conformance/README.md.
"""

import argparse
import importlib.util
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load_conformance():
    # By path: importing the tfcompat package would import JAX, which the TF venv need not have.
    path = HERE.parent / "tfcompat" / "_src" / "conformance.py"
    spec = importlib.util.spec_from_file_location("tfcompat_conformance", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


conformance = _load_conformance()

# Cases are TF1 eager scripts: `import tensorflow as tf` must give tensorflow.compat.v1, as it
# does for tfcompat (whose top level holds the TF1 names).
BOOTSTRAP = """
import os, runpy, sys
import tensorflow.compat.v1 as v1
sys.modules["tensorflow"] = v1
sys.argv = sys.argv[1:]
sys.path.insert(0, os.path.dirname(os.path.abspath(sys.argv[0])))
runpy.run_path(sys.argv[0], run_name="__main__")
"""

# TensorFlow's start-up notices, which are not the case's output. TF_CPP_MIN_LOG_LEVEL=3 hides
# most C++ logging, but these are printed before absl logging is set up.
NOISE = [
    re.compile(
        r"WARNING: All log messages before absl::InitializeLog\(\) is called"
        r" are written to STDERR"
    ),
    # glog-style lines from the oneDNN notice (port.cc) and the CPU feature notice.
    re.compile(r"[IWE]\d{4} [\d:.]+ +\d+ (port|cpu_feature_guard|cudart_stub)\.cc:\d+\] .*"),
    re.compile(
        r"To enable the following instructions: .* rebuild TensorFlow with the"
        r" appropriate compiler flags\."
    ),
]


def strip_noise(output: str) -> str:
    lines = output.splitlines(keepends=True)
    return "".join(line for line in lines if not any(p.fullmatch(line.rstrip()) for p in NOISE))


RECORD_ENV = re.compile(r"#\s*record-env:\s*(.*)")


def record_env(case: Path) -> dict[str, str]:
    """`# record-env: NAME=VALUE ...` lines in the case's leading comments: environment variables
    set only when recording (e.g. TF_USE_LEGACY_KERAS=1 for Keras 2 behaviour)."""
    env = {}
    for line in case.read_text().splitlines():
        if not line.startswith("#"):
            break
        match = RECORD_ENV.fullmatch(line.strip())
        for item in match.group(1).split() if match else ():
            name, _, value = item.partition("=")
            env[name] = value
    return env


def documented(case: Path) -> bool:
    listing = case.parent / "DOCUMENTED"
    if not listing.exists():
        return False
    names = {line.split("#")[0].strip() for line in listing.read_text().splitlines()}
    return case.name in names


def record(case: Path, root: Path, python: str, force: bool) -> bool:
    """Run one case under TensorFlow; write or check its .out. Return False on a problem."""
    name = case.relative_to(root).as_posix()
    code, output = conformance.run_case(
        [python, "-c", BOOTSTRAP], case, env={"TF_CPP_MIN_LOG_LEVEL": "3", **record_env(case)}
    )
    output = strip_noise(output)
    if code != 0:
        print(f"{name}: ERROR, exit code {code}\n{output}")
        return False
    out_path = case.with_suffix(".out")
    old = out_path.read_text() if out_path.exists() else None
    if documented(case) and not force:
        if old == output:
            print(f"{name}: documented output, TensorFlow prints it exactly")
            return True
        diff = conformance.first_difference(
            old or "", output, conformance.case_tolerance(case.read_text())
        )
        if diff is None:
            print(f"{name}: documented output, TensorFlow matches it within tolerance")
            return True
        print(f"{name}: documented output, TensorFlow DIFFERS ({diff}); kept (--force rewrites)")
        return False
    out_path.write_text(output)
    print(f"{name}: {'unchanged' if old == output else 'written'}")
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, default=HERE / "cases")
    parser.add_argument("-k", default="", metavar="SUBSTR", help="only cases whose path has SUBSTR")
    parser.add_argument("--force", action="store_true", help="rewrite documented outputs too")
    parser.add_argument("--python", default=sys.executable, help="Python with TensorFlow")
    opts = parser.parse_args()
    cases = conformance.find_cases(opts.cases, opts.k)
    ok = [record(case, opts.cases, opts.python, opts.force) for case in cases]
    print(f"{sum(ok)} of {len(ok)} cases recorded or confirmed")
    return 0 if all(ok) else 1


if __name__ == "__main__":
    sys.exit(main())
