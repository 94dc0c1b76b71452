"""`plancheck lint [SUITE…] [--format F] [-o FILE]`: authoring hygiene — citations,
quotes, readings, tests, names.  `-` reads one `.rules` file from standard input."""

from __future__ import annotations

import argparse

from checker.cli import options
from checker.diagnostics import DiagnosticError, render_all

HELP = "check a suite's citations, quotes, vague words, tests and names"


def register(parser: argparse.ArgumentParser) -> None:
    options.suite(parser)
    options.report(parser)


def run(args: argparse.Namespace) -> int:
    from checker.cli.findings import Finding, Report, render
    from checker.cli.paint import paint
    from checker.cli.report import emit
    from checker.cli.stdin import suite_from
    from checker.tools.lint import lint_suite

    loaded = suite_from(args, options.suite_paths(args, args.suites))
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
    emit(args, text, loaded.sources)
    return 1 if any(d.severity == "error" for d in found) else 0


