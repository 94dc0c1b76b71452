"""`plancheck check [SUITE…] FILE… [--rules DIR] [--as-of YEAR] [--fail-on LEVEL] [--format F]`.

A positional that is a `.rules` file or a folder holding one is the suite, the rest
are data; `-` is a data file read from standard input (`--stdin-name` names it).
"""

from __future__ import annotations

import argparse
import datetime
import re
from collections.abc import Callable

from checker.cli import options
from checker.cli.collector import start_up
from checker.cli.commands import checked_suite
from checker.cli.output import OutputCodes, write_output
from checker.diagnostics import Diagnostic, DiagnosticError
from reports import FORMATS

HELP = "check proposals and plan data against a suite"
REPORT_CODES = OutputCodes(cannot_write="D360", names_an_input="D361")


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="proposals (YAML, JSON, CSV, XLSX, Parquet) and plan-data tables, "
                        "`-` for standard input; a suite folder or .rules file among them is "
                        "the suite")
    options.suite(parser, positional=None)
    options.stdin_name(parser, "a data file")
    parser.add_argument("--as-of", metavar="YEAR|DATE",
                        help="evaluation date: deadlines after it are pending "
                        "(default: the latest year with actual data)")
    parser.add_argument("--fail-on", choices=["error", "warning", "unknown", "never"],
                        default=None, help="lowest outcome that makes the exit code 1 "
                        "(default: error)")
    options.report(parser, list(FORMATS))
    parser.add_argument("--lang", choices=["zh", "en"], default=None,
                        help="language of text, markdown, html, csv and xlsx reports "
                        "(default: the suite's, else en); json stays language-neutral")
    parser.add_argument("--details", action="store_true",
                        help="text and markdown: every rule's findings after the indicator "
                        "table (always shown when the run has no plan data)")
    parser.add_argument("--record", metavar="NAME",
                        help="record schema of the proposals (when the suite has several)")
    parser.add_argument("--sheet", metavar="NAME",
                        help="the sheet read of each XLSX workbook (default: the first)")
    parser.add_argument("--max-findings", type=_findings_limit, default=100, metavar="N",
                        help="outcomes listed per rule in big batches; counts are always "
                        "complete (0: counts only; `all`: no limit; default 100)")
    parser.add_argument("--engine", choices=["local", "dask"], default="local",
                        help="local: this process, streaming big Parquet in batches; dask: "
                        "each Parquet file of a dataset (folder or glob) a partition on a Dask "
                        "cluster (`pip install 'plancheck[dask]'`)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="the Dask scheduler for --engine dask (default: a local cluster)")
    parser.add_argument("--series", choices=["none", "failing", "all"], default=None,
                        help="indicator series listed in the report: all, those a failing or "
                        "unknown outcome reads, or none (default: all up to 10,000 series, "
                        "else failing; a note says what is left out)")
    parser.add_argument("--progress", action="store_true",
                        help="a line on standard error per batch of a streamed run (rows "
                        "done, time left), also when it is not a terminal; on a terminal "
                        "the progress bar says the same unless --quiet")
    parser.add_argument("--strict", action="store_true",
                        help="plan data naming an indicator outside the suite's catalogue is "
                        "an error (D340), not a note")


def _findings_limit(text: str) -> int | None:
    """`--max-findings`: a count (0: counts only) or `all` (None: no limit)."""
    if text.strip() == "all":
        return None
    if not re.fullmatch(r"[0-9]{1,9}", text.strip()):
        raise argparse.ArgumentTypeError(f"`{text}` is not a count or `all`")
    return int(text)


def as_of_year(text: str | None) -> int | None:
    """`2023`, `2023-06` or `2023-06-30` (a real date, ASCII digits) -> 2023."""
    return None if text is None else as_of(text)[0]


def as_of(text: str) -> tuple[int, datetime.date | None]:
    """The year of `--as-of`, and its cut-off date when it names one: `2023-06` is the
    end of June, `2023-06-30` that day; a bare `2023` has none (the whole year counts)."""
    match = re.fullmatch(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", text.strip())
    try:
        if match is None:
            raise ValueError(text)
        year, month, day = (int(part) if part else 1 for part in match.groups())
        datetime.date(year, month, day)
    except ValueError:
        raise DiagnosticError([Diagnostic("D300", f"`--as-of {text}` is not a year or a date",
                                          help="write `2023` or `2023-12-31`")]) from None
    if match.group(2) is None:
        return year, None
    if match.group(3) is None:
        import calendar  # only for a `--as-of YYYY-MM`: it is not small (start-up, issue 16)

        day = calendar.monthrange(year, month)[1]
    return year, datetime.date(year, month, day)


BAD_INPUT_FORMATS = frozenset({"json", "junit", "sarif"})


def run(args: argparse.Namespace) -> int:
    try:
        with start_up() as started:
            return _run(args, started)
    except DiagnosticError as error:
        _still_report(args, error)
        raise


def _still_report(args: argparse.Namespace, error: DiagnosticError) -> None:
    """Bad input stops the run (exit 2), but a machine report asked for with `-o` is still
    written, the diagnostics in it, so that a CI step uploading it finds the file."""
    written = {REPORT_CODES.cannot_write, REPORT_CODES.names_an_input}
    if args.output in (None, "-") or args.format not in BAD_INPUT_FORMATS or \
            any(d.code in written for d in error.diagnostics):
        return  # no report asked for, or the report itself cannot be written
    from checker.cli.findings import bad_input

    try:
        write_output(args.output, bad_input("check", error.diagnostics, args.format),
                     [*args.files, *error.sources], REPORT_CODES)
    except DiagnosticError as unwritable:  # said beside the input's own diagnostics
        error.diagnostics.extend(unwritable.diagnostics)


def _run(args: argparse.Namespace, started: Callable[[], None]) -> int:
    from checker.cli.progress import RowMeter, enabled, progress
    from checker.cli.stdin import data_from
    from checker.pipeline import check_with  # the loaders import pandas; keep `--help` fast
    from reports import BINARY_FORMATS, render, render_bytes

    suites, files = options.split_suites(args.files)
    if not files:
        from pathlib import Path

        from checker.syntax.suite import suite_name

        named = [f"`{s}`" + (f" ({n})" if (n := suite_name(Path(s))) != s else "")
                 for s in suites]
        raise DiagnosticError([Diagnostic("D300", "no data file to check: "
                                          + ", ".join(named) + " is a suite",
                                          help="name the proposals or plan data too")])
    bar = enabled(quiet=args.quiet)
    with progress(bar, total=3, description="loading rules") as tick, \
            data_from(args, files) as data:
        loaded, checked = checked_suite(args, options.suite_paths(args, suites))
        tick(description=f"checking {options.count(len(files), 'file')}")
        year, cutoff = as_of(args.as_of) if args.as_of is not None else (None, None)
        started()  # the collector back on: the modules and the suite live as long as the run
        result = data.renamed(check_with(
            checked, data.files, as_of=year, cutoff=cutoff, fail_on=args.fail_on,
            record=args.record, max_findings=args.max_findings, engine=args.engine,
            scheduler=_scheduler(args), strict=args.strict, sheet=args.sheet,
            series=args.series,
            progress=RowMeter(tick) if bar else RowMeter(None) if args.progress else None))
        options.say(args, f"as of {result.as_of}" + ("" if args.as_of is not None else
                                                     " (the default: see the report's notes)"))
        tick(description=f"writing the {args.format} report")
        to_terminal = options.to_terminal(args)
        report: str | bytes
        if args.format in BINARY_FORMATS:  # a workbook: bytes
            report = render_bytes(result, args.format, lang=args.lang, details=args.details)
        else:
            report = render(result, args.format, color=to_terminal, lang=args.lang,
                            details=args.details)
        tick()
    write_output(args.output, report, [*data.files, *loaded.sources], REPORT_CODES)
    return result.summary.exit_code


def _scheduler(args: argparse.Namespace) -> str | None:
    if args.scheduler is not None and args.engine != "dask":
        raise DiagnosticError([Diagnostic("D300", "`--scheduler` needs `--engine dask`",
                                          help="add `--engine dask`, or drop `--scheduler`")])
    return str(args.scheduler) if args.scheduler is not None else None
