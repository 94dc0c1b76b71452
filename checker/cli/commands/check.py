"""`plancheck check [FILES…] [--rules DIR] [--as-of YEAR] [--fail-on LEVEL] [--format F]`."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from checker.cli.commands import checked_suite, suite_option
from checker.diagnostics import Diagnostic, DiagnosticError
from reports import FORMATS

HELP = "check proposals and plan data against a suite"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="proposals (YAML, JSON, CSV, XLSX, Parquet) and plan-data tables")
    suite_option(parser)
    parser.add_argument("--as-of", metavar="YEAR|DATE",
                        help="evaluation date: deadlines after it are pending "
                        "(default: the latest year with actual data)")
    parser.add_argument("--fail-on", choices=["error", "warning", "unknown", "never"],
                        default="error", help="lowest outcome that makes the exit code 1")
    parser.add_argument("--format", choices=list(FORMATS), default="text",
                        help="report format: " + ", ".join(FORMATS) + " (default: text)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE")
    parser.add_argument("--record", metavar="NAME",
                        help="record schema of the proposals (when the suite has several)")
    parser.add_argument("--max-findings", type=int, default=100, metavar="N",
                        help="outcomes listed per rule in big batches; counts are always "
                        "complete (0: no limit; default 100)")
    parser.add_argument("--engine", choices=["local", "dask"], default="local",
                        help="local: this process, streaming big Parquet in batches; dask: "
                        "each Parquet file of a dataset (folder or glob) a partition on a Dask "
                        "cluster (`pip install 'plancheck[dask]'`)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="the Dask scheduler for --engine dask (default: a local cluster)")
    parser.add_argument("--quiet", action="store_true",
                        help="no progress bar (it shows only when stderr is a terminal)")


def as_of_year(text: str | None) -> int | None:
    """`2023` or `2023-06-30` -> 2023."""
    if text is None:
        return None
    match = re.fullmatch(r"(\d{4})(?:-\d{2}(?:-\d{2})?)?", text.strip())
    if not match:
        raise DiagnosticError([Diagnostic("D300", f"`--as-of {text}` is not a year or a date",
                                          help="write `2023` or `2023-12-31`")])
    return int(match.group(1))


def run(args: argparse.Namespace) -> int:
    from checker.cli.progress import enabled, progress
    from checker.pipeline import check_with  # the loaders import pandas; keep `--help` fast
    from reports import render

    with progress(enabled(quiet=args.quiet), total=3, description="loading rules") as tick:
        _, checked = checked_suite(args, args.rules)
        tick(description=f"checking {len(args.files)} file(s)")
        result = check_with(checked, args.files, as_of=as_of_year(args.as_of),
                            fail_on=args.fail_on, record=args.record,
                            max_findings=args.max_findings or None, engine=args.engine,
                            scheduler=_scheduler(args))
        tick(description=f"writing the {args.format} report")
        text = render(result, args.format, color=args.output is None and sys.stdout.isatty())
        tick()
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return result.summary.exit_code


def _scheduler(args: argparse.Namespace) -> str | None:
    if args.scheduler is not None and args.engine != "dask":
        raise DiagnosticError([Diagnostic("D300", "`--scheduler` needs `--engine dask`",
                                          help="add `--engine dask`, or drop `--scheduler`")])
    return str(args.scheduler) if args.scheduler is not None else None
