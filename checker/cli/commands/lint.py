"""`plancheck lint [SUITE…]`: authoring hygiene — citations, quotes, readings, tests, names."""

from __future__ import annotations

import argparse
import sys

from checker.diagnostics import DiagnosticError, render_all
from checker.syntax.suite import load_suite
from checker.tools.lint import lint_suite

HELP = "check a suite's citations, quotes, vague words, tests and names"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("suites", nargs="*", metavar="SUITE",
                        help="suite folders or .rules files (default: the bundled Daxing suite)")


def run(args: argparse.Namespace) -> int:
    loaded = load_suite(args.suites or None)
    checked, found = lint_suite(loaded.suite)
    if checked is None:  # lint what can be linted, then fail as bad input
        raise DiagnosticError(found, loaded.sources)
    if found:
        sys.stdout.write(render_all(found, loaded.sources))
    else:
        print(f"no lint findings in {len(checked.rules)} rules")
    return 1 if any(d.severity == "error" for d in found) else 0
