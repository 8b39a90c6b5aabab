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
    parser = argparse.ArgumentParser(prog="tfcompat", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run a TF script with `tensorflow` resolved to tfcompat")
    run.add_argument("script")
    run.add_argument("args", nargs=argparse.REMAINDER, help="arguments passed to the script")
    conf = sub.add_parser("conformance", help="compare case outputs with those recorded from TF")
    conf.add_argument("--cases", type=Path, default=DEFAULT_CASES, help="case directory")
    conf.add_argument("-k", default="", metavar="SUBSTR", help="only cases whose path has SUBSTR")
    conf.add_argument("-v", "--verbose", action="store_true", help="show each case's output")
    conf.add_argument("-j", "--jobs", type=int, default=0, help="cases run at once")
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
    if not opts.cases.is_dir():
        parser.error(f"no case directory {opts.cases} (pass --cases DIR)")
    return conformance.run_suite(opts.cases, opts.k, opts.verbose, opts.jobs)
