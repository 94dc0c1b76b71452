"""`plancheck extract [TEXT…] [--rules DIR] [--format json|csv|data|rules] [-o OUT]`.

Reads plan or report text and lists every quantitative statement in it (the
stage is `checker.tools.extract`); `data` writes a plan-data table `plancheck
check` reads, `rules` a draft suite for a person to review.  With no TEXT, the
plan text the suite's header names.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from checker.cli import options
from checker.cli.commands import checked_suite
from checker.cli.output import OutputCodes, write_output
from checker.diagnostics import Diagnostic, DiagnosticError, printable
from checker.source import SourceFile, Span
from checker.tools.extract import Item, extract, read_text, reader_for
from checker.tools.extract.writers import DataOptions, to_csv, to_data, to_json
from checker.types.typed import CheckedSuite

HELP = "list the targets and reported figures of plan or report text (json, csv, data, rules)"
FORMATS = ("json", "csv", "data", "rules")
OUTPUT_CODES = OutputCodes(cannot_write="X907", names_an_input="X909")


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("texts", nargs="*", metavar="TEXT",
                        help="UTF-8 text files (default: the plan text of the suite)")
    options.suite(parser, positional=None)
    parser.add_argument("--format", choices=FORMATS, default="json",
                        help="json (default), csv, data (a plan-data table for `plancheck "
                        "check`) or rules (a draft suite; needs -o DIR)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT (a folder for rules)")
    parser.add_argument("--region", help="the region of data rows (default: the suite's)")


def run(args: argparse.Namespace) -> int:
    loaded, checked = checked_suite(args, options.suite_paths(args))
    paths = args.texts or [_plan_text(loaded.root, checked)]
    if args.format == "rules":
        _rules_usage(paths, args.output)
    sources = _read(paths)
    inputs = [*paths, *loaded.sources]
    items = extract(sources, reader_for(checked))
    if args.format == "rules":
        return _draft(items, sources[0], checked, Path(args.output))
    if args.format == "data":
        written = to_data(items, checked.indicators, checked.units,
                          args.region or checked.plan.region, loader_reads(checked))
        _emit(written.text, args.output, inputs)
        _left_out(written.rows, written.left_out, args.output)
        return 0
    _emit(to_json(items) if args.format == "json" else to_csv(items), args.output, inputs)
    return 0


def _plan_text(root: Path | None, checked: CheckedSuite) -> str:
    source = checked.plan.source
    if root is None or source is None:
        raise DiagnosticError([Diagnostic(
            "X905", "no text to read", help="name the text files (`plancheck extract plan.txt`), "
            "or give `--rules DIR` of a suite whose `plan` header names its `source`")])
    return str(root / source)


def _rules_usage(paths: list[str], output: str | None) -> None:
    problem = ""
    if output is None:
        problem = "`--format rules` writes a folder: give `-o DIR`"
    elif len(paths) != 1:
        problem = f"`--format rules` drafts one plan's rules, from one text (got {len(paths)})"
    elif Path(output).exists() and not Path(output).is_dir():
        problem = f"`{output}` is a file; `--format rules` writes a folder"
    if problem:
        raise DiagnosticError([Diagnostic("X906", problem,
                                          help="e.g. `plancheck extract plan.txt --format rules "
                                          "-o draft/`")])


def _read(paths: list[str]) -> list[SourceFile]:
    notes: list[str] = []
    read = [read_text(p, p, notes) for p in paths]
    problems = [r for r in read if isinstance(r, Diagnostic)]
    if problems:
        raise DiagnosticError(problems)
    for note in notes:
        print(f"note: {printable(note)}", file=sys.stderr)
    return [r for r in read if isinstance(r, SourceFile)]


def _emit(text: str, output: str | None, inputs: list[str]) -> None:
    write_output(output, text, inputs, OUTPUT_CODES)


def _left_out(rows: int, left: list[tuple[Item, str]], output: str | None) -> None:
    where = f" to `{output}`" if output else ""
    print(f"wrote {rows} row{'s' if rows != 1 else ''}{where}; {len(left)} figure"
          f"{'s' if len(left) != 1 else ''} not written", file=sys.stderr)
    for item, reason in left:
        print(f"  {item.file}:{item.line}:{item.column}: `{item.words}` ({item.kind}): {reason}",
              file=sys.stderr)


def _draft(items: list[Item], source: SourceFile, checked: CheckedSuite, folder: Path) -> int:
    from checker.tools.extract.drafts import draft_suite

    try:
        drafted = draft_suite(items, source, checked, folder)
    except OSError as error:
        raise DiagnosticError([Diagnostic(
            "X907", f"cannot write `{folder}`: {(error.strerror or str(error)).lower()}",
            Span(str(folder), 0, 0, 0, 0))]) from None
    print(f"drafted {drafted.rules} rule{'s' if drafted.rules != 1 else ''} in `{folder}`; "
          f"{drafted.skipped} target{'s' if drafted.skipped != 1 else ''} left as comments; "
          f"review each rule `plancheck lint {folder}` reports (L611)", file=sys.stderr)
    return 0


def loader_reads(checked: CheckedSuite) -> DataOptions:
    """What this version's plan-data loader reads beyond the first contract: tried on a
    one-row table rather than assumed."""
    from checker.data.plan_data import OPTIONAL

    columns = tuple(c for c in ("note", "basis") if c in OPTIONAL)
    spec = next((s for s in checked.indicators.values() if s.unit is not None), None)
    if spec is None or spec.unit is None:
        return DataOptions(columns)
    unit = spec.unit.symbol or spec.unit.name
    return DataOptions(columns, _loads(checked, spec.id, "2022", "1以上", unit),
                       _loads(checked, spec.id, "2022H1", "1", unit))


def _loads(checked: CheckedSuite, indicator: str, year: str, value: str, unit: str) -> bool:
    from checker.data.plan_data import load_plan_data

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "probe.csv"
        path.write_text(f"indicator,region,year,value,unit\n{indicator},{checked.plan.region},"
                        f"{year},{value},{unit}\n", encoding="utf-8")
        try:
            load_plan_data([path], checked.indicators, checked.units)
        except DiagnosticError:
            return False
    return True
