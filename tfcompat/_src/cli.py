"""The `tfcompat` command: `tfcompat run script.py [args...]`, `tfcompat conformance`,
`tfcompat coverage`."""

import argparse
import os
import runpy
import sys
from pathlib import Path

from tfcompat._src import conformance
from tfcompat._src.dropin import install_tensorflow_alias

# Editable install: the package sits in the repository, conformance/ beside it.
DEFAULT_CASES = Path(__file__).resolve().parents[2] / "conformance" / "cases"


def run_script(script: str, args: list[str]) -> None:
    """Run an unmodified TensorFlow script here, as `python script.py args` would."""
    install_tensorflow_alias()
    sys.argv = [script, *args]
    sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
    # A SystemExit from the script propagates, so the exit status is the one Python would give.
    runpy.run_path(script, run_name="__main__")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0].endswith(".py"):  # python -m tfcompat script.py [args]
        argv = ["run", *argv]
    parser = argparse.ArgumentParser(prog="tfcompat", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run a TF script with `tensorflow` resolved to tfcompat")
    run.add_argument("script")
    run.add_argument("args", nargs=argparse.REMAINDER, help="arguments passed to the script")
    conf = sub.add_parser("conformance", help="compare case outputs with those recorded from TF")
    conf.add_argument("path", nargs="?", type=Path, default=None,
                      help="a case directory or file (default: the repository's cases)")
    conf.add_argument("--cases", type=Path, default=DEFAULT_CASES, help="case directory")
    conf.add_argument("--json", type=Path, default=None, help="also write results as JSON")
    conf.add_argument("--junit", type=Path, default=None, help="also write a JUnit XML report")
    conf.add_argument("-k", default="", metavar="SUBSTR", help="only cases whose path has SUBSTR")
    conf.add_argument("-v", "--verbose", action="store_true", help="show each case's output")
    conf.add_argument("-j", "--jobs", type=int, default=0, help="cases run at once")
    conf.add_argument("--coverage", action="store_true",
                      help="list exported symbols no case uses instead (non-zero exit if any)")
    sub.add_parser("coverage", help="print the table of TF symbols tfcompat provides")
    opts = parser.parse_args(argv)

    if opts.command == "coverage":
        import tfcompat  # noqa: F401 - fills the export table
        from tfcompat._src import coverage
        sys.stdout.write(coverage.markdown())
        return 0
    if opts.command == "run":
        run_script(opts.script, opts.args)
        return 0
    root, substr = opts.cases, opts.k
    if opts.path is not None:
        if opts.path.is_file():
            root, substr = opts.path.resolve().parent, opts.path.name
        else:
            root = opts.path
    if not root.is_dir():
        parser.error(f"no case directory {root} (pass --cases DIR)")
    if opts.coverage:
        from tfcompat._src import conformance_coverage
        return conformance_coverage.report(root)
    return conformance.run_suite(root, substr, opts.verbose, opts.jobs, opts.json, opts.junit)
