"""`plancheck lint [SUITE…] [--fix] [--format F] [-o FILE]`: authoring hygiene — citations,
quotes, readings, tests, names.  `-` reads one `.rules` file from standard input.
`--fix` rewrites what lint can fix itself (a cite's line number, L603) in the files, then
reports what is left."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path

from checker.cli import options
from checker.diagnostics import Diagnostic, DiagnosticError, render_all
from checker.source import SourceFile

HELP = "check a suite's citations, quotes, vague words, tests and names"


def register(parser: argparse.ArgumentParser) -> None:
    options.suite(parser)
    options.report(parser)
    parser.add_argument("--fix", action="store_true",
                        help="rewrite a cite's line number where the quote is on another "
                        "line (L603), then report the rest")


def run(args: argparse.Namespace) -> int:
    from checker.cli.findings import Finding, Report, render
    from checker.cli.paint import paint
    from checker.cli.report import emit
    from checker.cli.stdin import suite_from
    from checker.tools.lint import lint_suite

    paths = options.suite_paths(args, args.suites)
    loaded = suite_from(args, paths)
    checked, found = lint_suite(loaded.suite)
    fixed = _fix(loaded.sources, found) if args.fix and paths else 0
    if fixed:  # lint again: the report is of the files as they are now
        loaded = suite_from(args, paths)
        checked, found = lint_suite(loaded.suite)
    if checked is None:  # lint what can be linted, then fail as bad input
        raise DiagnosticError(found, loaded.sources)
    if args.format != "text":
        text = render(Report("lint", [Finding.of(d) for d in found], len(checked.rules)),
                      args.format)
    elif found:
        text = paint(render_all(found, loaded.sources), options.to_terminal(args))
        untested = sum(d.code == "L608" for d in found)
        if untested > 1 and not args.quiet:  # one command for them all, not one per rule
            text += (f"note: `plancheck test --scaffold -o tests.rules` writes a passing and a "
                     f"failing test for each of the {untested} untested rules\n")
    else:
        text = "" if args.quiet else \
            f"no lint findings in {options.count(len(checked.rules), 'rule')}\n"
    if fixed and not args.quiet:
        sys.stderr.write(f"fixed {options.count(fixed, 'cite line')}\n")
    emit(args, text, loaded.sources)
    return 1 if any(d.severity == "error" for d in found) else 0


def _fix(sources: Mapping[str, SourceFile], found: list[Diagnostic]) -> int:
    """Apply the fixable findings to the suite's files (not a file read from standard
    input, nor the bundled suite when none is named: the edit is shared with the editor's
    quick fix)."""
    from checker.syntax.suite import write_back
    from checker.tools.lint_fix import FIXABLE, fixed_text

    count = 0
    for source in sources.values():
        if not any(d.code in FIXABLE and d.span.file == source.path for d in found):
            continue
        path = Path(source.path)
        if not path.is_file() or path.suffix != ".rules":
            continue
        text, n = fixed_text(source, found)
        if n:
            write_back(path, text)
            count += n
    return count
