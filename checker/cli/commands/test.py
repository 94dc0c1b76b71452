"""`plancheck test [SUITE…] [-k PATTERN] [--coverage] [--threshold N] [--fail-on-empty]`,
`plancheck test --scaffold [-k RULE]`.

Runs the `test` blocks of each suite (default: the configured suite, else the bundled
Daxing suite); each SUITE is a folder of `.rules` files tested on its own, and the
`--rules` paths together are one more.  `-q` prints only failures and the counts;
`--format json|junit|sarif` writes every suite's tests as one document (a failed
test located at its `test` block).  A failing test shows
the expected and the actual outcome with the finding's evidence.  `--coverage`
lists, per rule, whether the tests checked it passing and failing and each of
its clauses true and false (see `checker.tester.coverage` for the exact items);
`--threshold N` fails when the covered share is below N percent, compared
exactly.  `--scaffold` runs nothing: it writes, for each rule no test expects (or each
rule whose id `-k` matches), a test it passes at its figure and one it fails just
beyond, verified by running them (`checker.tester.scaffold`).  Exit codes: 0 all tests
passed (and coverage met); 1 a test failed, coverage is below the threshold, or
`--fail-on-empty` and no test ran; 2 bad input (rules, givens, usage).
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from checker.cli import options
from checker.source import Span
from checker.syntax.suite import suite_name
from checker.types.numbers import exact_number

if TYPE_CHECKING:  # the testing modules import pandas; keep `--help` fast
    from checker.cli.findings import Finding
    from checker.syntax.suite import LoadedSuite
    from checker.tester.coverage import Coverage
    from checker.tester.runner import TestRun
    from checker.types.typed import CheckedSuite

HELP = "run the test blocks of rule suites"


def threshold(text: str) -> Fraction:
    """`66.7` -> Fraction(667, 10): a percentage between 0 and 100, exactly."""
    try:
        value = exact_number(text.strip().removesuffix("%"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"`{text}` is not a percentage") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"`{text}` is not between 0 and 100")
    return value


def register(parser: argparse.ArgumentParser) -> None:
    options.suite(parser)
    options.report(parser)
    parser.add_argument("-k", metavar="PATTERN", dest="patterns", action="append",
                        help="run only tests whose name contains PATTERN (or matches it as a "
                        "glob: `*`, `?`, `[…]`); case-insensitive; repeat it for several")
    parser.add_argument("--coverage", action="store_true",
                        help="report which sides of each rule and clause the tests checked")
    parser.add_argument("--threshold", metavar="N", type=threshold,
                        help="fail (exit 1) when coverage is below N percent")
    parser.add_argument("--scaffold", action="store_true",
                        help="write a passing and a failing test for each rule no test "
                        "expects (with -k: each rule whose id matches); `-o tests.rules` "
                        "writes them there, after the tests it already has")
    parser.add_argument("--fail-on-empty", action="store_true",
                        help="fail (exit 1) when no test ran")


class _Collected:
    """Every suite's tests, for the one JSON, JUnit or SARIF document of the run."""

    def __init__(self) -> None:
        self.failed: list[Finding] = []
        self.passed: list[tuple[str, Span]] = []
        self.suites: list[dict[str, object]] = []


def run(args: argparse.Namespace) -> int:
    from checker.cli.paint import paint
    from checker.cli.report import emit
    from checker.cli.stdin import checked_from

    # `-k A -k B`: either (friction8: the last one alone was used, silently)
    args.pattern = ", ".join(f"`{p}`" for p in args.patterns or ()) or None
    given = [*args.suites, *([args.rules] if args.rules else [])]
    targets: list[list[str] | None] = _stdin_joins_its_suite(
        [[t] if isinstance(t, str) else t for t in given], args.stdin_name)
    if not targets:
        configured = options.suite_paths(args)
        targets = [configured]
    if args.scaffold:
        return _scaffold(args, targets)
    code, collected = 0, _Collected()
    lines: list[str] = []
    sources: list[str] = []
    for target in targets:
        loaded, checked = checked_from(args, target)
        sources += list(loaded.sources)
        name = (", ".join(suite_name(Path(t)) if t != "-" else (args.stdin_name or "<stdin>")
                          for t in target)
                if target is not None else f"bundled {checked.plan.id}")
        suite_code, suite_lines = _run_suite(checked, name, args, collected)
        code, lines = max(code, suite_code), [*lines, *suite_lines]
    if args.format == "text":
        text = paint("".join(line + "\n" for line in lines), options.to_terminal(args))
    else:
        from checker.cli.findings import Report, render

        text = render(Report("test", collected.failed,
                             len(collected.failed) + len(collected.passed), collected.passed,
                             summary={"suites": collected.suites}), args.format)
    emit(args, text, sources)
    return code


def _stdin_joins_its_suite(targets: list[list[str]], stdin_name: str | None
                           ) -> list[list[str] | None]:
    """`plancheck test . - --stdin-name goals.rules`: standard input is a file of a suite
    (an editor's buffer), as for `lint` and `analyze` — of the suite that holds
    `--stdin-name`, else of the first suite named; alone it is a suite of its own.
    (friction 8/9: it was tested as a suite of one file, every name unknown.)"""
    stdin = [t for t in targets if t == ["-"]]
    others = [t for t in targets if t != ["-"]]
    if not stdin or not others:
        return list(targets)
    home = others[0]
    if stdin_name:
        named = Path(stdin_name).resolve()
        for target in others:
            if any(named.is_relative_to(path) if path.is_dir() else named.parent == path.parent
                   for path in (Path(p).resolve() for p in target)):
                home = target
                break
    return [[*t, "-"] if t is home else t for t in others]


SCAFFOLD_HEADER = """\
# Tests written by `plancheck test --scaffold`: each rule passes at its own figure and
# fails one step beyond it (a rule with a `where`: and does not apply outside it).  Read
# them before you keep them: they test what the rule says, which is what the plan means
# only if the rule is right; rename them as you like.
"""


def _scaffold(args: argparse.Namespace, targets: list[list[str] | None]) -> int:
    """The scaffolded tests of each suite on standard output (or `-o`), notes on stderr."""
    import sys

    from checker.cli.report import emit
    from checker.tester.runner import select_rules
    from checker.tester.scaffold import scaffold, untested

    parts: list[str] = []
    sources: list[str] = []
    for target in targets:
        loaded, checked = _scaffold_suite(args, target)
        sources += list(loaded.sources)
        ids = [r.id for r in checked.rules]
        hits = {i for p in args.patterns or () for i in select_rules(ids, p)}
        wanted = [i for i in ids if i in hits] if args.patterns else untested(checked)
        made = scaffold(checked, wanted)
        parts += [s.text for s in made if s.text]
        if args.pattern and not wanted:
            print(f"error: no rule id matches {args.pattern}", file=sys.stderr)
            return 1
        if not args.quiet:
            for s in made:
                if s.text is None:
                    print(f"note: no test written for {s.rule}: {s.reason}", file=sys.stderr)
            written = sum(s.text is not None for s in made)
            print(f"note: {options.count(sum(s.tests for s in made), 'test')} written for "
                  f"{options.count(written, 'rule')} of {len(made)}"
                  + (f" matching {args.pattern}" if args.pattern else " without a test")
                  if made else "note: every rule has a test; `-k RULE` writes more for one",
                  file=sys.stderr)
    text = SCAFFOLD_HEADER + "\n" + "\n".join(parts) if parts else ""
    out = Path(args.output) if args.output not in (None, "-") else None
    if out is not None and out.is_file() and out.suffix == ".rules" and text:
        # a tests file of the suite: the new tests go after its own, nothing is replaced
        before = out.read_text(encoding="utf-8").rstrip("\n")
        if before:  # mid-file the header comment belongs to the first test, as fmt writes it
            text = before + "\n\n" + SCAFFOLD_HEADER + "\n".join(parts)
        sources = [p for p in sources if Path(p).resolve() != out.resolve()]
    emit(args, text, sources)
    return 0


def _scaffold_suite(args: argparse.Namespace, target: list[str] | None
                    ) -> tuple[LoadedSuite, CheckedSuite]:
    """The suite, or a plain word when an empty `.rules` file stops it: the one a shell
    creates for `plancheck test --scaffold > tests.rules` before plancheck reads the suite."""
    from checker.cli.stdin import checked_from
    from checker.diagnostics import Diagnostic, DiagnosticError

    try:
        return checked_from(args, target)
    except DiagnosticError as error:
        empty = [d.span.file for d in error.diagnostics if d.code == "P116"
                 and Path(d.span.file).is_file() and Path(d.span.file).stat().st_size == 0]
        if not empty:
            raise
        raise DiagnosticError([Diagnostic(
            "C711", f"`{empty[0]}` is empty: the shell made it for the output before the "
            "suite was read, and a suite's file must hold statements",
            help=f"write with `-o {empty[0]}`: a new file is written, an existing one of the "
            "suite gets the tests added at its end")]) from None


def _run_suite(checked: CheckedSuite, name: str, args: argparse.Namespace,
               collected: _Collected) -> tuple[int, list[str]]:
    from checker.tester.coverage import coverage
    from checker.tester.runner import run_tests, select

    chosen = {id(c) for p in args.patterns or () for c in select(checked.tests, p)}
    tests = [c for c in checked.tests if id(c) in chosen] if args.patterns else \
        list(checked.tests)
    report = run_tests(checked, tests)
    _collect(report, name, collected)
    lines = [] if args.quiet else [
        f"suite {name}: {options.count(len(tests), 'test')}"
        + (f" matching {args.pattern}" if args.pattern else "")]
    for case in report.results:
        if args.quiet and case.passed:
            continue
        mark = "ok  " if case.passed else "FAIL"
        lines.append(f"  {mark} {case.name} ({case.location})")
        lines += ["       " + line for failure in case.failures for line in failure.splitlines()]
    lines.append(f"{options.count(len(report.results), 'test')}: {report.passed} passed, "
                 f"{report.failed} failed" + (f" ({name})" if args.quiet else ""))
    code = 0 if report.ok else 1
    if not report.results and args.fail_on_empty:
        lines.append("no test ran (--fail-on-empty)")
        code = 1
    if args.coverage or args.threshold is not None:
        result = coverage(checked, report)
        if args.coverage and not args.quiet:
            lines += _coverage_lines(result)
        line = f"coverage: {result.covered} of {options.count(result.items, 'item')} " \
               f"({result.percent_text()} %)"
        if args.threshold is not None and not result.meets(args.threshold):
            line += f", below the threshold of {_number(args.threshold)} %"
            code = 1
        lines.append(line)
        collected.suites[-1]["coverage"] = {"covered": result.covered, "items": result.items}
    return code, lines


def _collect(report: TestRun, name: str, collected: _Collected) -> None:
    from checker.cli.findings import TEST_FAILED, Finding

    collected.suites.append({"suite": name, "tests": len(report.results),
                             "passed": report.passed, "failed": report.failed})
    for case in report.results:
        if case.passed:
            collected.passed.append((case.name, case.span))
        else:
            collected.failed.append(Finding(
                TEST_FAILED, "error", f"test `{case.name}` failed"
                + "".join("\n" + failure for failure in case.failures), (case.span,),
                name=case.name))


def _coverage_lines(result: Coverage) -> list[str]:
    lines = ["coverage by rule (✓ checked by a test, ✗ not yet):"]
    for rule in result.rules:
        sides = f"pass {_mark(rule.passed)}  fail {_mark(rule.failed)}"
        lines.append(f"  {rule.rule:<16} {rule.covered:>2}/{rule.items:<3} {sides}")
        lines += [f"    {clause.role} `{clause.text}`  true {_mark(clause.true)}  "
                  f"false {_mark(clause.false)}" for clause in rule.clauses]
    return lines


def _mark(flag: bool) -> str:
    return "✓" if flag else "✗"


def _number(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    return str(Decimal(value.numerator) / Decimal(value.denominator))
