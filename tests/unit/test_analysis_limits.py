"""The analysis's bounds: how nesting is counted, what the time limits per check and
per run give (an incomplete finding naming the rules, never a silent "consistent"),
and answers that do not depend on what ran before in the process."""

from __future__ import annotations

import time

from checker.analysis.analyze import run_analysis
from checker.analysis.limits import NESTING, Limits, nesting
from checker.analysis.render import render_json
from checker.types import typed as t
from tests.helpers import checked_from
from tests.regressions.test_analyze_said_consistent_when_the_solver_could_not_decide import (
    SUITE as CUBES,
)

HEADER = """\
plan t {
  title "t"
  period 2021..2025
  region 大兴区
}
set 功能区 = {临空经济区, 综合保税区, 其他}
record project {
  id: text required
  zone: enum 功能区
  a: km2
  b: km2
  c: km2
  area: ha
}
indicator gdp {
  unit %
  direction up
}
"""


def rule(ident: str, require: str, each: bool = True) -> str:
    subject = "  for each project\n" if each else ""
    return f"rule {ident} {{\n{subject}  require {require}\n}}\n"


def first_require(text: str) -> t.Node:
    return checked_from(HEADER + text, contract=False).rules[0].constraints[0].expr


def test_nesting_counts_calls_inside_calls_but_a_chain_of_one_operator_once() -> None:
    assert nesting(first_require(rule("A", "a <= 5 km2"))) == 2
    assert nesting(first_require(rule("A", "abs(abs(a)) <= 5 km2"))) == 4
    chain = " and ".join(f"a <= {i} km2" for i in range(1, 90))
    assert nesting(first_require(rule("A", chain))) == 3
    sums = " + ".join(["a"] * 90)
    assert nesting(first_require(rule("A", f"{sums} <= 5 km2"))) == 3
    assert nesting(first_require(rule("A", "area <= 5 km2"))) == 2  # the km2→ha scale is free


def test_a_wide_or_is_read_not_refused() -> None:
    wide = " or ".join(f"zone == {z}" for z in ["临空经济区", "综合保税区"] * 40)
    checked = checked_from(HEADER + rule("W", f"a >= 10 km2 and ({wide})")
                           + rule("V", "a <= 5 km2"), contract=False)
    assert {(f.code, f.rule_ids) for f in run_analysis(checked).findings} == {
        ("A501", ("V", "W"))}


def test_the_limit_is_the_one_given() -> None:
    deep = "abs(" * (NESTING - 2) + "a" + ")" * (NESTING - 2)
    checked = checked_from(HEADER + rule("D", f"{deep} <= 5 km2"), contract=False)
    assert [f.code for f in run_analysis(checked).findings] == []
    (finding,) = run_analysis(checked, Limits(nesting=NESTING - 1)).findings
    assert (finding.code, finding.kind, finding.rule_ids) == ("A530", "incomplete", ("D",))
    assert f"nests {NESTING} levels, more than the {NESTING - 1}" in finding.witness


def test_a_spent_run_budget_is_one_finding_and_interval_findings_stay() -> None:
    many = "".join(rule(f"R{i}", f"a + b <= {100 + i} km2") for i in range(30))
    checked = checked_from(HEADER + rule("NEVER", "a <= 5 km2 and a >= 9 km2")
                           + many, contract=False)
    started = time.monotonic()
    result = run_analysis(checked, Limits(run_seconds=0))
    assert time.monotonic() - started < 10
    assert result.checks == 0
    codes = sorted((f.code, f.rule_ids) for f in result.findings)
    assert ("A503", ("NEVER",)) in codes  # found by the interval pass, no solver
    (stopped,) = [f for f in result.findings if f.code == "A531"]
    assert stopped.message == "the analysis stopped at a limit: some checks were not made"
    assert "budget of 0 s was spent" in stopped.witness
    assert len(stopped.rules) == 10  # the first ten rules named, the rest counted
    assert "not shown consistent" in stopped.witness


def test_a_check_past_its_time_limit_names_its_rules() -> None:
    deep = "growth(" * 8 + "gdp" + ")" * 8
    checked = checked_from(HEADER + rule("G", f"{deep} >= 5 %", each=False)
                           + rule("H", f"{deep} <= 3 %", each=False), contract=False)
    started = time.monotonic()
    result = run_analysis(checked, Limits(query_ms=50))
    assert time.monotonic() - started < 20
    undecided = [f for f in result.findings if f.code == "A531"]
    assert undecided
    assert all("ran past the limit of 0.05 s for one check" in f.witness for f in undecided)
    assert {i for f in undecided for i in f.rule_ids} <= {"G", "H"}


def test_answers_do_not_depend_on_what_ran_before() -> None:
    cubes = checked_from(CUBES, contract=False)
    alone = render_json(run_analysis(cubes))
    run_analysis(checked_from(HEADER + rule("X", "a * 2 + b <= 7 km2") + rule("Y", "a >= 9 km2"),
                              contract=False))
    assert render_json(run_analysis(cubes)) == alone
    assert '"code": "A531"' in alone
