"""`plancheck explain RULE_ID [--rules DIR] [--color WHEN]`: a rule, its citation, the plan's words.

Shows the rule's canonical text, kind and reason, readings, and for each
citation the chapter/section headings above the cited line of the plan text
and the sentence with the quote highlighted (`»…«` without colour).  An
unknown rule id is a diagnostic with did-you-mean (exit 2).
"""

from __future__ import annotations

import argparse
import sys

from checker.cli.commands import checked_suite, suite_option

HELP = "show a rule, its citation and the plan's sentence it enforces"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rule_id", metavar="RULE_ID", help="the id of a rule, e.g. LAND-01")
    suite_option(parser)
    parser.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                        help="highlight with colour (default: when writing to a terminal)")


def run(args: argparse.Namespace) -> int:
    from checker.tools.explain import explain, render

    loaded, checked = checked_suite(args, args.rules)
    explanation = explain(loaded, checked, args.rule_id)
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    sys.stdout.write(render(explanation, color=color))
    return 0
