"""`plancheck lint [SUITE…]`: authoring hygiene — citations, quotes, readings, tests, names."""

from __future__ import annotations

import argparse
import sys

from checker.diagnostics import DiagnosticError, render_all
from checker.syntax.suite import load_suite
from checker.tools.lint import lint
from checker.types.typecheck import typecheck

HELP = "check a suite's citations, quotes, vague words, tests and names"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("suites", nargs="*", metavar="SUITE",
                        help="suite folders or .rules files (default: the bundled Daxing suite)")


def run(args: argparse.Namespace) -> int:
    loaded = load_suite(args.suites or None)
    try:
        checked = typecheck(loaded.suite)
    except DiagnosticError as error:
        # Lint what can be linted, then fail as bad input; L609 already names duplicates.
        found = lint(loaded.suite)
        rest = [d for d in error.diagnostics
                if not (d.code == "T215" and "rule" in d.message.split("`")[0])]
        raise DiagnosticError([*found, *rest], loaded.sources) from None
    found = lint(loaded.suite, checked)
    if found:
        sys.stdout.write(render_all(found, loaded.sources))
    else:
        print(f"no lint findings in {len(checked.rules)} rules")
    return 1 if any(d.severity == "error" for d in found) else 0
