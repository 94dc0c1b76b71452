"""Analyze: planted problems are reported with exactly the rules involved; clean suites
report nothing.  Each suite is written here as `.rules` text on a small header of its own,
so the tests do not move when the bundled suite does."""

from __future__ import annotations

import pytest

from checker.analysis.analyze import Finding, analyze, run_analysis
from checker.analysis.render import render_json, render_text
from checker.source import SourceFile
from checker.syntax import model as m
from tests.helpers import checked_from

HEADER = """\
plan t {
  title "test plan"
  period 2021..2025
  region 大兴区
}
set 功能区 = {临空经济区, 综合保税区, 其他}
set 产业 = {航空物流, 保税研发, 生物制药, 一般制造业}
scale 排放标准 = 国五 < 国六a < 国六b
record project {
  id: text required
  zone: enum 功能区
  industry: enum 产业
  land_area: km2
  new_land: km2
  share: %
  flag: bool
  approval: text
  standard: ordinal 排放标准
  done: year
}
indicator cover {
  unit %
  direction up
}
indicator pm25 {
  unit μg/m³
  direction down
}
indicator land {
  unit km2
  direction down
}
indicator forest {
  unit %
  direction none
}
indicator revenue {
  unit 亿元
  direction up
}
"""
HEADER_LINES = HEADER.count("\n")


def findings(rules: str) -> list[Finding]:
    return analyze(checked_from(HEADER + rules, contract=False))


def reported(rules: str) -> set[tuple[str, tuple[str, ...]]]:
    return {(f.code, f.rule_ids) for f in findings(rules)}


def rule(ident: str, body: str) -> str:
    return f"rule {ident} {{\n{body}\n}}\n"


def each(ident: str, where: str | None, *requires: str) -> str:
    lines = ["  for each project"]
    if where:
        lines.append(f"  where {where}")
    lines += [f"  require {r}" for r in requires]
    return rule(ident, "\n".join(lines))


def series(ident: str, *requires: str, region: str | None = None) -> str:
    lines = [f"  for region {region}"] if region else []
    lines += [f"  require {r}" for r in requires]
    return rule(ident, "\n".join(lines))


CLEAN = (
    each("C-1", None, "land_area <= 319 km2")
    + each("C-2", None, "land_area >= 1 km2")
    + each("C-3", "zone == 临空经济区", "land_area <= 100 km2")
    + each("C-4", "zone == 临空经济区 and industry == 航空物流", "land_area <= 50 km2")
    + each("C-5", "zone == 临空经济区", "industry in {航空物流, 保税研发}")
    + each("C-6", None, "industry != 一般制造业")
    + each("C-7", "zone == 综合保税区", "land_area + new_land <= 150 km2")
    + each("C-8", "flag", "approval is present")
    + each("C-9", None, "standard >= 国六a")
    + series("S-1", "land <= 319 km2")
    + series("S-2", "cover >= 80 % by 2022", "cover >= 90 % by 2025")
    + series("S-3", "pm25 falls")
    + series("S-4", "pm25 <= 35 μg/m³ by 2023")
    + series("S-5", "land <= 100 km2", region="黄村镇")
    + series("S-6", "land <= 150 km2", region="旧宫镇")
    + series("S-7", "growth(revenue) >= 5 %")
)


def test_a_clean_suite_reports_nothing() -> None:
    assert findings(CLEAN) == []


PLANTED = [
    pytest.param(
        each("A", "zone == 临空经济区", "land_area <= 10 km2")
        + each("B", "zone == 临空经济区 and industry == 航空物流", "land_area >= 20 km2"),
        {("A501", ("A", "B"))}, id="contradiction-inside-one-zone-and-industry"),
    pytest.param(
        each("A", None, "land_area <= 10 km2") + each("B", None, "land_area > 10 km2"),
        {("A501", ("A", "B"))}, id="contradiction-strict-bound-at-the-edge"),
    pytest.param(
        each("A", None, "land_area == 1 km2") + each("B", None, "land_area < 1 km2"),
        {("A501", ("A", "B"))}, id="contradiction-equal-values-one-strict"),
    pytest.param(
        each("A", None, "land_area <= -1 km2"),
        {("A503", ("A",))}, id="dead-negative-area"),
    pytest.param(
        each("A", "zone == 综合保税区", "land_area + new_land <= 10 km2")
        + each("B", "industry == 保税研发", "land_area >= 8 km2 and new_land >= 3 km2"),
        {("A501", ("A", "B"))}, id="contradiction-of-a-linear-combination"),
    pytest.param(
        each("A", "zone == 临空经济区", "industry in {航空物流, 保税研发}")
        + each("B", "zone == 临空经济区", "industry in {生物制药}"),
        {("A501", ("A", "B"))}, id="contradiction-of-set-membership"),
    pytest.param(
        each("A", None, "standard >= 国六b") + each("B", "zone == 其他", "standard <= 国五"),
        {("A501", ("A", "B"))}, id="contradiction-of-an-ordinal-scale"),
    pytest.param(
        each("A", None, "done <= 2023") + each("B", "flag", "done > 2023"),
        {("A501", ("A", "B"))}, id="contradiction-of-years"),
    pytest.param(
        each("A", "zone == 临空经济区 and zone == 其他", "land_area <= 5 km2"),
        {("A502", ("A",))}, id="dead-guard"),
    pytest.param(
        each("A", "land_area > 5 km2 and land_area < 3 km2", "flag"),
        {("A502", ("A",))}, id="dead-guard-of-bounds"),
    pytest.param(
        each("A", None, "share > 5 % and share < 3 %"),
        {("A503", ("A",))}, id="dead-constraint"),
    pytest.param(
        each("A", "land_area > 50 km2", "land_area <= 10 km2"),
        {("A503", ("A",))}, id="dead-constraint-under-its-guard"),
    pytest.param(
        rule("A", "  for each project\n  require land_area <= 5 km2\n"
             '  unless zone in {临空经济区, 综合保税区, 其他} label "any" because "every zone"'),
        {("A504", ("A",))}, id="always-waived"),
    pytest.param(
        each("A", None, "land_area <= 319 km2") + each("B", None, "land_area <= 400 km2"),
        {("A505", ("A", "B"))}, id="redundant-cap"),
    pytest.param(
        each("A", None, "land_area <= 319 km2")
        + each("B", "zone == 临空经济区", "land_area <= 400 km2"),
        {("A505", ("A", "B"))}, id="redundant-cap-under-a-narrower-guard"),
    pytest.param(
        each("A", None, "land_area <= 10 km2", "new_land <= 5 km2")
        + each("B", None, "land_area + new_land <= 20 km2"),
        {("A505", ("A", "B"))}, id="redundant-sum-implied-by-two-caps"),
    pytest.param(
        each("A", "zone == 临空经济区", "industry in {航空物流}")
        + each("B", "zone == 临空经济区 and industry == 生物制药", "land_area <= 5 km2"),
        {("A506", ("A", "B"))}, id="shadowed-scope"),
    pytest.param(
        series("A", "cover >= 95 % by 2022") + series("B", "cover >= 90 % by 2025"),
        {("A511", ("A", "B"))}, id="interim-target-above-the-final-one"),
    pytest.param(
        series("T", "forest rises") + series("A", "forest >= 95 % by 2022")
        + series("B", "forest >= 90 % by 2025"),
        {("A511", ("A", "B", "T"))}, id="interim-target-above-the-final-one-under-a-trend"),
    pytest.param(
        series("T", "pm25 falls") + series("A", "pm25 <= 30 μg/m³ by 2022")
        + series("B", "pm25 >= 31 μg/m³ by 2025"),
        {("A512", ("A", "B", "T"))}, id="targets-against-a-trend"),
    pytest.param(
        series("A", "cover >= 5 % by 2030"), {("A510", ("A",))}, id="deadline-after-the-period"),
    pytest.param(
        series("A", "cover >= 5 % each year in 2019..2022"), {("A510", ("A",))},
        id="range-before-the-baseline"),
    pytest.param(
        series("W", "land <= 319 km2") + series("P1", "land <= 200 km2", region="黄村镇")
        + series("P2", "land <= 150 km2", region="旧宫镇"),
        {("A520", ("P1", "P2", "W"))}, id="town-quotas-above-the-district-cap"),
    pytest.param(
        series("W", "land <= 319 km2") + series("P1", "land >= 200 km2", region="黄村镇")
        + series("P2", "land >= 150 km2", region="旧宫镇"),
        {("A521", ("P1", "P2", "W"))}, id="town-minimums-above-the-district-cap"),
    pytest.param(
        series("A", "land <= 300 km2 by 2023") + series("B", "land >= 310 km2 at 2023"),
        {("A501", ("A", "B"))}, id="series-contradiction-in-one-year"),
    pytest.param(
        series("A", "cover <= 50 %", region="黄村镇") + series("B", "cover >= 60 %"),
        set(), id="different-regions-never-conflict"),
]


@pytest.mark.parametrize(("rules", "expected"), PLANTED)
def test_each_planted_problem_is_reported_with_exactly_its_rules(
        rules: str, expected: set[tuple[str, tuple[str, ...]]]) -> None:
    assert reported(rules) == expected


def test_planted_problems_inside_a_clean_suite_are_reported_alone() -> None:
    planted = (each("X-A", "zone == 临空经济区", "land_area <= 10 km2")
               + each("X-B", "zone == 临空经济区 and industry == 保税研发",
                      "land_area >= 20 km2"))
    assert reported(CLEAN + planted) == {("A501", ("X-A", "X-B"))}


def test_two_conflicts_sharing_a_rule_are_both_reported() -> None:
    rules = (each("A", None, "land_area + new_land <= 10 km2")
             + each("B", None, "land_area >= 11 km2") + each("C", None, "new_land >= 11 km2"))
    assert reported(rules) == {("A501", ("A", "B")), ("A501", ("A", "C"))}


def test_a_contradiction_names_each_rule_with_its_span_and_a_concrete_witness() -> None:
    rules = (each("A", "zone == 临空经济区", "land_area <= 10 km2")
             + each("B", "zone == 临空经济区 and industry == 航空物流", "land_area >= 20 km2"))
    (finding,) = findings(rules)
    assert finding.code == "A501"
    assert finding.kind == "contradiction"
    assert finding.severity == "error"
    assert finding.message == "rules `A` and `B` contradict each other"
    assert [(i.rule, i.span.line, i.span.column, i.text) for i in finding.rules] == [
        ("A", HEADER_LINES + 4, 11, "land_area <= 10 km2"),
        ("B", HEADER_LINES + 9, 11, "land_area >= 20 km2"),
    ]
    assert finding.witness == ("for a project with industry = 航空物流, zone = 临空经济区: "
                               "land_area would have to be >= 20 km² (`B`) and <= 10 km² (`A`)")
    assert finding.help


def test_a_contradiction_in_every_year_of_one_region_says_years_not_regions() -> None:
    # it said "in 大兴区, 2021 (and 4 other regions)": the four were 2022..2025 of 大兴区
    (finding,) = findings('rule A {\n  require forest >= 30 % each year in 2021..2025\n}\n'
                          'rule B {\n  require forest <= 20 % each year in 2021..2025\n}\n')
    assert finding.witness.startswith("in 大兴区, 2021 (also in 2022..2025): forest in 大兴区 "
                                      "(2021) would have to be"), finding.witness
    (regions,) = findings('rule A {\n  require forest >= 30 % each year in 2021..2022 '
                          'in region 大兴区, 黄村镇\n}\n'
                          'rule B {\n  require forest <= 20 % by 2022 '
                          'in region 大兴区, 黄村镇\n}\n')
    assert "(and 1 other region)" in regions.witness, regions.witness


def test_a_dead_guard_says_which_conjuncts_exclude_each_other() -> None:
    (finding,) = findings(each("A", "zone == 临空经济区 and zone == 其他", "flag"))
    assert finding.message == "the guard of rule `A` can never hold"
    assert [i.text for i in finding.rules] == ["zone == 临空经济区", "zone == 其他"]
    assert finding.witness == ("`zone == 临空经济区` (`A`) and `zone == 其他` (`A`) leave no "
                               "value of zone")


def test_redundancy_names_the_rule_that_implies_it() -> None:
    (finding,) = findings(each("A", None, "land_area <= 319 km2")
                          + each("B", None, "land_area <= 400 km2"))
    assert finding.message == "rule `B` is implied by `A`"
    assert [(i.rule, i.role) for i in finding.rules] == [("B", "redundant"),
                                                        ("A", "implies it")]
    assert finding.witness == ("every project that meets `land_area <= 319 km2` (`A`) also "
                               "meets `land_area <= 400 km2`")


def test_units_are_compared_exactly_after_conversion() -> None:
    # 319 km2 = 478500 亩: a cap of 478500 亩 says the same as 319 km2, one mu more is looser.
    assert reported(each("A", None, "land_area <= 319 km2")
                    + each("B", None, "land_area > 478500 亩")) == {("A501", ("A", "B"))}
    assert reported(each("A", None, "land_area <= 319 km2")
                    + each("B", None, "land_area > 478499 亩")) == set()


def test_cross_level_witness_says_how_parts_were_read() -> None:
    (finding,) = findings(series("W", "land <= 319 km2")
                          + series("P1", "land <= 200 km2", region="黄村镇")
                          + series("P2", "land <= 150 km2", region="旧宫镇"))
    assert "add up to 350 km²" in finding.witness
    assert "every other region under a rule on `land` is read as one" in finding.witness


def test_time_conflict_spans_the_years_it_needs() -> None:
    (finding,) = findings(series("T", "pm25 falls") + series("A", "pm25 <= 30 μg/m³ by 2022")
                          + series("B", "pm25 >= 31 μg/m³ by 2025"))
    assert finding.kind == "time"
    assert finding.witness.startswith("in 大兴区, 2022..2025: ")


def test_text_and_json_rendering() -> None:
    text = HEADER + each("A", None, "land_area <= 10 km2") + each("B", None, "land_area > 10 km2")
    checked = checked_from(text, contract=False)
    analysis = run_analysis(checked)
    shown = render_text(analysis, {"t.rules": SourceFile("t.rules", text)})
    assert shown.splitlines()[0] == "error[A501]: rules `A` and `B` contradict each other"
    assert f" --> t.rules:{HEADER_LINES + 3}:11" in shown
    assert f" ::: t.rules:{HEADER_LINES + 7}:11" in shown
    assert "  = witness: for every project: land_area would have to be > 10 km²" in shown
    assert shown.rstrip().endswith("1 finding (1 error, 0 warnings) in 2 rules")
    assert render_json(analysis) == render_json(run_analysis(checked))  # deterministic
    assert '"code": "A501"' in render_json(analysis)


def test_a_deadline_of_another_sources_target_is_not_outside_the_plan() -> None:
    """friction11 #3: a suite for a 2016–2020 work plan also quotes the province's
    2021–2025 water plan (`source water14`); its `by 2025` targets were A510 'no plan-period
    data ever decides it', though `check` and `test` judge them. A rule quoting the plan
    itself is still checked."""
    import dataclasses
    from pathlib import Path

    from checker.analysis.time import deadlines
    from checker.types.cached import load_checked

    suite = Path(__file__).resolve().parent.parent / "data" / "suites" / "friction11-yangtze"
    _, checked = load_checked([suite], use_cache=False)
    assert deadlines(checked) == []
    plan_cites = next(r for r in checked.rules if r.id == "CHEM-01").citations
    water = next(r for r in checked.rules if r.id == "WATER-01")
    quoting_the_plan = dataclasses.replace(water, citations=plan_cites, period=None)
    moved = dataclasses.replace(checked, rules=(*checked.rules, quoting_the_plan))
    assert [f.code for f in deadlines(moved)] == ["A510"]
    # friction11 #14: its source declares `period 2021..2025`, so a 2030 deadline is A510
    late = dataclasses.replace(water, constraints=tuple(
        dataclasses.replace(c, time=m.ByYear(2030)) for c in water.constraints))
    [finding] = deadlines(dataclasses.replace(checked, rules=(late,)))
    assert finding.code == "A510" and "period of the sources it quotes" in finding.message
