"""`plancheck explain RULE_ID [SUITE…] [--color WHEN]`: a rule, its citation, the plan's words.

Shows the rule's canonical text, kind and reason, readings, and for each
citation the chapter/section headings above the cited line of the plan text
and the sentence with the quote highlighted (`»…«` without colour).  An
unknown rule id is a diagnostic with did-you-mean (exit 2).
"""

from __future__ import annotations

import argparse
import sys

from checker.cli import options

HELP = "show a rule, its citation and the plan's sentence it enforces"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rule_id", metavar="RULE_ID", help="the id of a rule, e.g. LAND-01")
    options.suite(parser)


def run(args: argparse.Namespace) -> int:
    from checker.cli.stdin import checked_from
    from checker.tools.explain import explain, render

    loaded, checked = checked_from(args, options.suite_paths(args, args.suites))
    explanation = explain(loaded, checked, args.rule_id)
    sys.stdout.write(render(explanation, color=options.color(args)))
    return 0
