"""Testing: run a suite's `test` blocks and compare outcomes with their `expect`s.

In: a `CheckedSuite` and its tests (`model.Test`).  Out: `TestCaseResult` per
test — passed, failed (each failure a self-contained message with the
expected and the actual outcome and the finding's evidence) or invalid (givens
that do not fit the schema: T24x diagnostics) — and a `TestRun` for a run.

A test is evaluated like a run of `check`: its `given` records form one batch
per record schema, its `given data` rows one plan-data table, and
`checker.engine.evaluate.evaluate` runs the rules the test expects something of (no
other rule can change its verdict) `as of` the test's year (default: the latest
year with actual data, else the plan's last year).  Rules about a kind of
subject the test gives nothing of (records, plan data) have no outcome.

`expect RULE OUTCOME [TRAJECTORY] [for "SUBJECT"]` holds when
- with `for`: the rule has an outcome for that subject (a record id, `#N` for
  the N-th given record without an id, `all project` for a `for all` rule, a
  region — `大兴区 (target)` for a subordinate plan's targets), and every such
  outcome is OUTCOME (and TRAJECTORY, when given);
- without `for`: the rule has at least one outcome, and every one of them is
  OUTCOME (and TRAJECTORY).
A test without any `expect` fails: it checks nothing.

Imports `model`, `typed`, `result`, `evaluate`, `diagnostics`, `source`,
`units`, `givens`; frames are assembled by the loader's
`load_records._document_frame` (the dtypes of loaded data, built from rows of
loaded values), so no data-frame library is imported here.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from fnmatch import fnmatchcase
from fractions import Fraction
from typing import Any, Literal

from checker import result as r
from checker.data.columnar import Columns
from checker.data.records import _document_frame
from checker.diagnostics import Diagnostic, DiagnosticError, render
from checker.engine.evaluate import evaluate
from checker.source import Span
from checker.syntax import model as m
from checker.tester.givens import GivenPoint, GivenRow, Givens, origin_of, read_givens
from checker.types import typed as t
from checker.types.units import Unit

Status = Literal["passed", "failed", "invalid"]


@dataclass(frozen=True)
class ExpectCheck:
    """One `expect` and the outcomes it looked at; `failure` is None when it held."""

    expect: m.Expect
    outcomes: tuple[r.Outcome, ...]
    failure: str | None = None

    @property
    def ok(self) -> bool:
        return self.failure is None


@dataclass(frozen=True)
class TestCaseResult:
    """The result of one `test` block."""

    __test__ = False  # not a pytest test class

    name: str
    span: Span
    status: Status
    failures: list[str] = field(default_factory=list)
    checks: list[ExpectCheck] = field(default_factory=list)
    result: r.Result | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.status == "passed"

    @property
    def location(self) -> str:
        return origin_of(self.span)


@dataclass(frozen=True)
class TestRun:
    """The results of a run, in the order the tests were given."""

    __test__ = False

    results: tuple[TestCaseResult, ...] = field(default_factory=tuple)

    @property
    def passed(self) -> int:
        return sum(1 for x in self.results if x.status == "passed")

    @property
    def failed(self) -> int:
        return sum(1 for x in self.results if x.status == "failed")

    @property
    def invalid(self) -> int:
        return sum(1 for x in self.results if x.status == "invalid")

    @property
    def ok(self) -> bool:
        return all(x.passed for x in self.results)


# ------------------------------------------------------------------ running


def run_tests(checked: t.CheckedSuite, tests: Sequence[m.Test] | None = None) -> TestRun:
    """Run `tests` (default: every test of the suite).

    Raises `DiagnosticError` with every T24x diagnostic of every test when a
    given does not fit the schema; nothing runs then.
    """
    chosen = list(checked.tests if tests is None else tests)
    givens = [read_givens(checked, test) for test in chosen]
    problems = [d for g in givens if isinstance(g, list) for d in g]
    if problems:
        raise DiagnosticError(problems, checked.suite.sources)
    return TestRun(tuple(_run(checked, test, g) for test, g in zip(chosen, givens, strict=True)
                            if isinstance(g, Givens)))


def run_test(checked: t.CheckedSuite, test: m.Test) -> TestCaseResult:
    """Run one test; problems with its givens make it `invalid`, with one failure each."""
    givens = read_givens(checked, test)
    if isinstance(givens, list):
        return TestCaseResult(test.name, test.span, "invalid",
                              [render(d, {}) for d in givens], diagnostics=givens)
    return _run(checked, test, givens)


def _run(checked: t.CheckedSuite, test: m.Test, givens: Givens) -> TestCaseResult:
    batches = {name: GivenBatch.of(rows, checked.schemas[name])
               for name, rows in givens.records.items()}
    data = GivenPlanData.of(givens.data) if givens.data else None
    as_of = givens.as_of
    if as_of is None:
        as_of = givens.latest_actual_year() or checked.plan.end
    expects = [item for item in test.items if isinstance(item, m.Expect)]
    wanted = {e.rule_id for e in expects}
    # Only the rules a test expects can change its verdict; the others are not evaluated.
    scope = replace(checked, rules=tuple(x for x in checked.rules if x.id in wanted))
    result = evaluate(scope, batches, data, as_of=as_of, fail_on="never",
                      detail_limit=sys.maxsize, max_findings=None)
    checks = [check_expect(e, result, checked, givens) for e in expects]
    failures = [c.failure for c in checks if c.failure is not None]
    if not expects:
        failures.append(f"test `{test.name}` has no `expect`: it checks nothing")
    return TestCaseResult(test.name, test.span, "failed" if failures else "passed",
                          failures, checks, result)


# ------------------------------------------------------------------ frames


@dataclass
class GivenBatch:
    """The given records of one schema, as the loader would have loaded them."""

    table: Columns  # numpy columns, as the loader reads YAML records
    ids: Sequence[str]
    origins: list[Span]

    @staticmethod
    def of(rows: list[GivenRow], schema: t.RecordSchema) -> GivenBatch:
        loaded = [{name: _loaded(row.values.get(name)) for name in schema.fields}
                  for row in rows]
        return GivenBatch(Columns.of_rows(loaded, schema), [row.id for row in rows],
                          [row.origin for row in rows])

    def origin(self, index: int) -> r.Location:
        return _location(self.origins[index])


_DATA_COLUMNS: list[tuple[str, t.Type]] = [
    ("indicator", t.TextT()), ("region", t.TextT()), ("year", t.YearT()),
    ("value", t.QuantityT(Unit("one", "one", Fraction(1), ""))), ("kind", t.TextT()),
    ("source", t.TextT())]
_DATA_SCHEMA = t.RecordSchema("plan data", None, {
    name: t.FieldSpec(name, kind, False, None, None) for name, kind in _DATA_COLUMNS})


@dataclass
class GivenPlanData:
    """The given data rows as a plan-data frame (values in each indicator's unit)."""

    frame: Any  # pandas.DataFrame, assembled by the loader
    origins: list[Span]

    @staticmethod
    def of(points: list[GivenPoint]) -> GivenPlanData:
        rows: list[dict[str, Any]] = [
            {"indicator": p.indicator, "region": p.region, "year": p.year,
             "value": float(p.value), "kind": p.kind, "source": origin_of(p.origin)}
            for p in points]
        return GivenPlanData(_document_frame(rows, _DATA_SCHEMA), [p.origin for p in points])

    def origin(self, index: int) -> r.Location:
        return _location(self.origins[index])


def _location(span: Span) -> r.Location:
    return r.Location.of(span.file, span.line)


def _loaded(value: object) -> object:
    """A given value in loaded terms: quantities become floats only here."""
    return float(value) if isinstance(value, Fraction) else value


# ------------------------------------------------------------------ expectations


def check_expect(expect: m.Expect, result: r.Result, checked: t.CheckedSuite,
                 givens: Givens | None = None) -> ExpectCheck:
    """Compare one `expect` with the outcomes of its rule."""
    of_rule = [o for o in result.outcomes if o.rule == expect.rule_id]
    head = f"{expect_text(expect)} ({origin_of(expect.span)})"
    if not of_rule:
        reason = _why_no_outcome(expect.rule_id, checked, givens)
        return ExpectCheck(expect, (), f"{head}: rule `{expect.rule_id}` has no outcome"
                           + (f": {reason}" if reason else ""))
    chosen = of_rule
    if expect.subject is not None:
        chosen = [o for o in of_rule if o.subject == expect.subject]
        if not chosen:
            subjects = ", ".join(f"`{s}`" for s in dict.fromkeys(o.subject for o in of_rule))
            return ExpectCheck(expect, (), f"{head}: rule `{expect.rule_id}` has no outcome "
                               f"for `{expect.subject}`; its subjects: {subjects}")
    wrong = [o for o in chosen if not _matches(expect, o)]
    if not wrong:
        return ExpectCheck(expect, tuple(chosen))
    count = f" ({len(wrong)} of {len(chosen)} outcomes differ)" if len(chosen) > 1 else ""
    lines = [f"{head}: expected {_shown(expect.outcome, expect.trajectory)}{count}"]
    for o in wrong:
        lines.append(f"  {o.subject}: got {_shown(o.outcome, o.trajectory)}")
        lines += ["    " + line for line in evidence_lines(o)]
    return ExpectCheck(expect, tuple(chosen), "\n".join(lines))


def _matches(expect: m.Expect, o: r.Outcome) -> bool:
    if o.outcome != expect.outcome:
        return False
    return expect.trajectory is None or o.trajectory == expect.trajectory


def _shown(outcome: str, trajectory: str | None) -> str:
    return f"{outcome} {trajectory}" if trajectory else outcome


def expect_text(expect: m.Expect) -> str:
    text = f"expect {expect.rule_id} {_shown(expect.outcome, expect.trajectory)}"
    return text + (f' for "{expect.subject}"' if expect.subject is not None else "")


def _why_no_outcome(rule_id: str, checked: t.CheckedSuite, givens: Givens | None) -> str:
    rule = checked.rule(rule_id)
    if rule is None:
        return "the suite has no such rule"
    if rule.subject in ("record", "batch"):
        if givens is not None and rule.record not in givens.records:
            return f"the test gives no `{rule.record}` record"
        return ""
    if givens is not None and not givens.data:
        return "the test gives no plan data"
    regions = ", ".join(f"`{x}`" for x in rule.regions)
    indicators = ", ".join(f"`{x}`" for x in rule.indicators)
    return f"the plan data has no series of {indicators} for {regions}"


def evidence_lines(o: r.Outcome) -> list[str]:
    """What a person needs to see why an outcome is what it is."""
    lines = [o.message]
    ev = o.evidence
    if ev is not None:
        if ev.observed is not None and ev.threshold is not None:
            margin = f" ({ev.margin.text})" if ev.margin is not None else ""
            lines.append(f"observed {ev.observed.text}, threshold {ev.threshold.text}{margin}")
        for clause in ev.clauses:
            value = {True: "true", False: "false", None: "unknown"}[clause.value]
            lines.append(f"{clause.role} `{clause.text}`: {value}")
        if ev.values:
            lines.append("values: " + ", ".join(f"{k} = {v}" for k, v in ev.values.items()))
        if ev.missing:
            lines.append("missing: " + ", ".join(f"`{x}`" for x in ev.missing))
    if o.waived_by:
        lines.append(f"waived by: {o.waived_by}")
    if o.origin is not None:
        lines.append(f"from: {o.origin.text}")
    return lines


def select(tests: Sequence[m.Test], pattern: str | None) -> list[m.Test]:
    """Tests whose name contains `pattern` (case-insensitive), or matches it as a glob."""
    if not pattern:
        return list(tests)
    wanted = pattern.casefold()
    glob = any(ch in pattern for ch in "*?[")
    return [x for x in tests if wanted in x.name.casefold()
            or (glob and fnmatchcase(x.name.casefold(), wanted))]


def select_rules(rule_ids: Sequence[str], pattern: str) -> list[str]:
    """Rule ids that contain `pattern` (case-insensitive) or match it as a glob."""
    wanted = pattern.casefold()
    glob = any(ch in pattern for ch in "*?[")
    return [i for i in rule_ids if wanted in i.casefold()
            or (glob and fnmatchcase(i.casefold(), wanted))]


__all__ = ["ExpectCheck", "TestCaseResult", "TestRun", "check_expect", "evidence_lines",
           "run_test", "run_tests", "select", "select_rules"]
