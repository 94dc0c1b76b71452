"""`plancheck test [SUITE…] [-k PATTERN] [--coverage] [--threshold N] [--fail-on-empty]`.

Runs the `test` blocks of each suite (default: the bundled Daxing suite); each
SUITE is a folder of `.rules` files tested on its own.  A failing test shows
the expected and the actual outcome with the finding's evidence.  `--coverage`
lists, per rule, whether the tests checked it passing and failing and each of
its clauses true and false (see `checker.tester.coverage` for the exact items);
`--threshold N` fails when the covered share is below N percent, compared
exactly.  Exit codes: 0 all tests passed (and coverage met); 1 a test failed,
coverage is below the threshold, or `--fail-on-empty` and no test ran; 2 bad
input (rules, givens, usage).
"""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from checker.cli.commands import cache_option, checked_suite
from checker.syntax.suite import display_path

if TYPE_CHECKING:  # the testing modules import pandas; keep `--help` fast
    from checker.tester.coverage import Coverage
    from checker.types.typed import CheckedSuite

HELP = "run the test blocks of rule suites"


def threshold(text: str) -> Fraction:
    """`66.7` -> Fraction(667, 10): a percentage between 0 and 100, exactly."""
    try:
        value = Fraction(Decimal(text.strip().removesuffix("%")))
    except (InvalidOperation, ValueError):
        raise argparse.ArgumentTypeError(f"`{text}` is not a percentage") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"`{text}` is not between 0 and 100")
    return value


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("suites", nargs="*", metavar="SUITE",
                        help="suite folders, each tested on its own "
                        "(default: the bundled Daxing suite)")
    parser.add_argument("-k", metavar="PATTERN", dest="pattern",
                        help="run only tests whose name contains PATTERN (or matches it as a "
                        "glob: `*`, `?`, `[…]`); case-insensitive")
    parser.add_argument("--coverage", action="store_true",
                        help="report which sides of each rule and clause the tests checked")
    parser.add_argument("--threshold", metavar="N", type=threshold,
                        help="fail (exit 1) when coverage is below N percent")
    parser.add_argument("--fail-on-empty", action="store_true",
                        help="fail (exit 1) when no test ran")
    cache_option(parser)


def run(args: argparse.Namespace) -> int:
    targets: list[str | None] = list(args.suites) or [None]
    code = 0
    for target in targets:
        _, checked = checked_suite(args, [target] if target is not None else None)
        code = max(code, _run_suite(checked, target, args))
    return code


def _run_suite(checked: CheckedSuite, target: str | None, args: argparse.Namespace) -> int:
    from checker.tester.coverage import coverage
    from checker.tester.runner import run_tests, select

    tests = select(checked.tests, args.pattern)
    report = run_tests(checked, tests)
    name = display_path(Path(target)) if target is not None else f"bundled {checked.plan.id}"
    print(f"suite {name}: {_count(len(tests), 'test')}"
          + (f" matching `{args.pattern}`" if args.pattern else ""))
    for case in report.results:
        mark = "ok  " if case.passed else "FAIL"
        print(f"  {mark} {case.name} ({case.location})")
        for failure in case.failures:
            print("\n".join("       " + line for line in failure.splitlines()))
    print(f"{_count(len(report.results), 'test')}: {report.passed} passed, "
          f"{report.failed} failed")
    code = 0 if report.ok else 1
    if not report.results and args.fail_on_empty:
        print("no test ran (--fail-on-empty)")
        code = 1
    if args.coverage or args.threshold is not None:
        result = coverage(checked, report)
        if args.coverage:
            _print_coverage(result)
        line = f"coverage: {result.covered} of {_count(result.items, 'item')} " \
               f"({result.percent_text()} %)"
        if args.threshold is not None and not result.meets(args.threshold):
            line += f", below the threshold of {_number(args.threshold)} %"
            code = 1
        print(line)
    return code


def _print_coverage(result: Coverage) -> None:
    print("coverage by rule (✓ checked by a test, ✗ not yet):")
    for rule in result.rules:
        sides = f"pass {_mark(rule.passed)}  fail {_mark(rule.failed)}"
        print(f"  {rule.rule:<16} {rule.covered:>2}/{rule.items:<3} {sides}")
        for clause in rule.clauses:
            print(f"    {clause.role} `{clause.text}`  true {_mark(clause.true)}  "
                  f"false {_mark(clause.false)}")


def _mark(flag: bool) -> str:
    return "✓" if flag else "✗"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _number(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    return str(Decimal(value.numerator) / Decimal(value.denominator))
