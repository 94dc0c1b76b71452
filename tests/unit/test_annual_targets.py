"""Annual targets against actuals: `x >= target(x)` (issue 10 item 4); relative targets
(`x at 2020`, `change(x, A..B)`) and a rule's `basis` (item 5).

Each year's actual is compared with the target stated for that year (plan-data rows of
`kind target`), read as published: a qualified target (`6以上`, `5.0左右`, `突破1300`) by the
end its words allow, on the basis it was stated on.  A year without a target is not
judged; a target without an actual stays unknown, naming the missing value.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import result as r
from checker.data.load import load_plan_data
from checker.engine.evaluate import evaluate
from checker.types import typed as t
from tests.helpers import checked_from, raised_diagnostics, the_only

RULES = """
rule GDP "growth meets the year's plan" {
  cite "第一章" line 1: "x"
  kind anticipatory
  require gdp_growth >= target(gdp_growth) each year in 2021..2025
}

rule PM "PM2.5 within the year's target" {
  cite "第一章" line 1: "x"
  kind binding because "约束性"
  require pm25_annual_mean <= target(pm25_annual_mean) each year in 2021..2025
}

rule REV "revenue grows as planned" {
  cite "第一章" line 1: "x"
  kind anticipatory
  require growth(general_budget_revenue) >= target(general_budget_revenue_growth)
    each year in 2021..2025
}
"""
HEADER = "indicator,region,year,value,unit,kind,basis"


def run(tmp_path: Path, rows: list[str], as_of: int = 2024,
        rules: str = RULES) -> dict[str, r.Outcome]:
    checked = checked_from(rules)
    path = tmp_path / "d.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    data = load_plan_data([path], checked.indicators, checked.units)
    result = evaluate(checked, {}, data, as_of=as_of)
    return {o.rule: o for o in result.outcomes if o.subject == "大兴区"}


def test_an_actual_below_its_years_target_fails_with_both_figures(tmp_path: Path) -> None:
    found = run(tmp_path, ["gdp_growth,大兴区,2022,6以上,%,target,",
                           "gdp_growth,大兴区,2022,3,%,actual,",
                           "gdp_growth,大兴区,2023,4.5以上,%,target,",
                           "gdp_growth,大兴区,2023,5.2,%,actual,"])["GDP"]
    assert found.outcome == "fail"
    assert found.message == ("2022: 3% < 6% (target 6%以上), short by 3 percentage points, "
                             "50 %")
    assert found.evidence is not None and found.evidence.values == {
        "gdp_growth (2022)": "3%", "target gdp_growth (2022)": "6% (target 6%以上)"}


def test_every_year_that_states_a_target_must_meet_it(tmp_path: Path) -> None:
    found = run(tmp_path, ["gdp_growth,大兴区,2022,6,%,target,",
                           "gdp_growth,大兴区,2022,6.1,%,actual,",
                           "gdp_growth,大兴区,2023,1,%,actual,",  # no target: not judged
                           "gdp_growth,大兴区,2024,5,%,target,",
                           "gdp_growth,大兴区,2024,5,%,actual,"])["GDP"]
    assert (found.outcome, found.evidence and found.evidence.years) == ("pass", [])


def test_a_target_without_its_actual_is_unknown_and_names_it(tmp_path: Path) -> None:
    found = run(tmp_path, ["gdp_growth,大兴区,2023,4.5以上,%,target,",
                           "gdp_growth,大兴区,2024,5.2,%,actual,"])["GDP"]
    assert found.outcome == "unknown"
    assert found.evidence is not None and found.evidence.missing == ["gdp_growth (2023)"]


def test_the_actual_is_read_on_the_basis_its_target_was_stated_on(tmp_path: Path) -> None:
    rows = ["gdp_growth,大兴区,2022,6以上,%,target,扣除疫苗",
            "gdp_growth,大兴区,2022,8,%,actual,"]  # on the default basis: not comparable
    found = run(tmp_path, rows)["GDP"]
    assert found.outcome == "unknown"
    assert found.evidence is not None and found.evidence.missing == [
        "gdp_growth (2022, 扣除疫苗)"]
    found = run(tmp_path, [*rows, "gdp_growth,大兴区,2022,3,%,actual,扣除疫苗"])["GDP"]
    assert found.outcome == "fail"
    assert found.message.startswith("2022: 3% < 6% (target 6%以上, 扣除疫苗)")
    assert found.origin is not None and found.origin.line == 4


@pytest.mark.parametrize(("target", "actual", "rule", "expected"), [
    # a qualified actual is reasoned over soundly
    ("pm25_annual_mean,大兴区,2022,34,μg/m³", "30以内", "PM", "pass"),
    ("pm25_annual_mean,大兴区,2022,34,μg/m³", "36以上", "PM", "fail"),
    ("pm25_annual_mean,大兴区,2022,34,μg/m³", "40以内", "PM", "unknown"),
    # a range target is met up to its high end
    ("pm25_annual_mean,大兴区,2022,33-35,μg/m³", "35", "PM", "pass"),
    ("pm25_annual_mean,大兴区,2022,33-35,μg/m³", "35.5", "PM", "fail"),
    # an exclusive target is not met on its number
    ("gdp_growth,大兴区,2022,突破6,%", "6", "GDP", "fail"),
    ("gdp_growth,大兴区,2022,突破6,%", "6.1", "GDP", "pass"),
])
def test_a_years_target_is_read_by_the_end_its_words_allow(
        tmp_path: Path, target: str, actual: str, rule: str, expected: str) -> None:
    indicator, region, year, _, unit = target.split(",")
    rows = [f"{target},target,", f"{indicator},{region},{year},{actual},{unit},actual,"]
    assert run(tmp_path, rows)[rule].outcome == expected


def test_an_about_target_without_a_tolerance_is_not_a_free_pass(tmp_path: Path) -> None:
    rules = RULES + """
indicator raw_pm "测试浓度" {
  unit μg/m³
  range >= 0 μg/m³
}

rule RAW "a concentration within the year's target" {
  cite "第一章" line 1: "x"
  kind binding because "约束性"
  require raw_pm <= target(raw_pm) each year in 2021..2025
}
"""
    found = run(tmp_path, ["raw_pm,大兴区,2022,34左右,μg/m³,target,",
                           "raw_pm,大兴区,2022,60,μg/m³,actual,"], rules=rules)["RAW"]
    assert found.outcome == "unknown"
    # the bundled catalogue declares 1 μg/m³ for PM2.5: 34左右 is met up to 35, 60 is not
    found = run(tmp_path, ["pm25_annual_mean,大兴区,2022,34左右,μg/m³,target,",
                           "pm25_annual_mean,大兴区,2022,60,μg/m³,actual,"])["PM"]
    assert found.outcome == "fail"


def test_an_about_target_is_met_within_its_declared_tolerance(tmp_path: Path) -> None:
    rules = RULES + """
indicator dust "测试降尘量" {
  unit t_km2_30d
  range >= 0 t_km2_30d
  about within 0.5 t_km2_30d because "监测精度"
}

rule DUST "dust fall within the year's target" {
  cite "第一章" line 1: "x"
  kind anticipatory
  require dust <= target(dust) each year in 2021..2025
}
"""
    target = "dust,大兴区,2022,5.0左右,t_km2_30d,target,扣除沙尘"
    assert run(tmp_path, [target, "dust,大兴区,2022,5.4,t_km2_30d,actual,扣除沙尘"],
               rules=rules)["DUST"].outcome == "pass"
    found = run(tmp_path, [target, "dust,大兴区,2022,5.6,t_km2_30d,actual,扣除沙尘"],
                rules=rules)["DUST"]
    assert found.outcome == "fail"
    assert "5.5 t/(km²·30d) (target 5.0左右 t/(km²·30d), 扣除沙尘)" in found.message


def test_a_growth_target_of_a_level_indicator_reads_two_years_of_levels(
        tmp_path: Path) -> None:
    found = run(tmp_path, ["general_budget_revenue,大兴区,2021,100,亿元,actual,",
                           "general_budget_revenue,大兴区,2022,104.4,亿元,actual,",
                           "general_budget_revenue_growth,大兴区,2022,7,%,target,"])["REV"]
    assert found.outcome == "fail"
    assert found.message.startswith("2022: 4.4% < 7% (target)")


def test_years_without_targets_are_not_applicable_and_later_ones_pending(
        tmp_path: Path) -> None:
    assert run(tmp_path, ["gdp_growth,大兴区,2022,5,%,actual,",
                          "pm25_annual_mean,大兴区,2022,30,μg/m³,target,"])[
        "PM"].outcome == "unknown"
    found = run(tmp_path, ["gdp_growth,大兴区,2025,5,%,target,",
                           "gdp_growth,大兴区,2024,5,%,actual,"])["GDP"]
    assert (found.outcome, found.message) == (
        "pending", "due 2025: the target of 2025 is judged when the year is over")
    assert "GDP" not in run(tmp_path, ["gdp_growth,大兴区,2024,5,%,actual,"])


def test_the_evaluation_table_shows_the_years_target(tmp_path: Path) -> None:
    checked = checked_from(RULES)
    path = tmp_path / "d.csv"
    path.write_text("\n".join([HEADER, "gdp_growth,大兴区,2022,6以上,%,target,",
                               "gdp_growth,大兴区,2022,3,%,actual,"]) + "\n", encoding="utf-8")
    result = evaluate(checked, {}, load_plan_data([path], checked.indicators, checked.units),
                      as_of=2024)
    row = next(x for x in result.indicators if x.indicator == "gdp_growth")
    (target,) = row.targets
    assert (target.shape, target.value, target.status) == ("annual", 6.0, "fail")
    assert target.text == ">= 6% (target 6%以上) in 2022 each year 2021–2025"


@pytest.mark.parametrize(("require", "message"), [
    ("gdp_growth == target(gdp_growth)", "`==` with a target: a target is met from one side"),
    ("target(gdp_growth) <= target(gdp_growth)",
     "`target(…)` on both sides: compare a value with a target"),
    ("gdp_growth >= target(gdp_growth) + 1%",
     "`target(…)` stands alone on one side of a comparison"),
    ("gdp_growth >= target(2 %)", "`target` takes one indicator that has a number"),
    ("gdp_growth >= target(gdp_growth, 2021..2025)",
     "`target` takes one indicator that has a number"),
])
def test_target_stands_alone_against_a_value(require: str, message: str) -> None:
    text = f'rule X "x" {{\n  cite "a" line 1: "x"\n  kind anticipatory\n  require {require}\n}}\n'
    found = the_only(raised_diagnostics(checked_from, text))
    assert (found.code, found.message) == ("T239", message)


def test_target_reads_the_low_end_for_a_floor_and_the_high_end_for_a_cap() -> None:
    checked = checked_from(RULES.replace(
        "gdp_growth >= target(gdp_growth)", "target(gdp_growth) <= gdp_growth"))
    sides = {rule.id: [s.side for c in rule.constraints for s in t.stated_targets(c.expr)]
             for rule in checked.rules}
    assert sides == {"GDP": ["low"], "PM": ["high"], "REV": ["low"]}


CHANGE = """
rule ENERGY "单位GDP能耗降低13.5%" {
  cite "第一章" line 1: "x"
  kind binding because "约束性"
  require change(pm25_annual_mean, 2020..2025) <= -13.5% by 2025
}
"""


def test_change_from_a_base_year_shows_the_base_value(tmp_path: Path) -> None:
    rows = ["pm25_annual_mean,大兴区,2020,40,μg/m³,actual,",
            "pm25_annual_mean,大兴区,2025,36,μg/m³,actual,"]
    found = run(tmp_path, rows, as_of=2025, rules=CHANGE)["ENERGY"]
    assert found.outcome == "fail"
    assert found.message == "2025: -10% > -13.5%, short by 3.5 percentage points, 25.9 %"
    assert found.evidence is not None and found.evidence.values == {
        "pm25_annual_mean (2025)": "36 μg/m³", "pm25_annual_mean (2020)": "40 μg/m³"}
    rows[1] = "pm25_annual_mean,大兴区,2025,34.6,μg/m³,actual,"
    assert run(tmp_path, rows, as_of=2025, rules=CHANGE)["ENERGY"].outcome == "pass"


def test_change_over_a_gap_is_reasoned_with_the_base_years_bound(tmp_path: Path) -> None:
    rows = ["pm25_annual_mean,大兴区,2020,40以上,μg/m³,actual,",
            "pm25_annual_mean,大兴区,2025,36,μg/m³,actual,"]
    found = run(tmp_path, rows, as_of=2025, rules=CHANGE)["ENERGY"]
    assert found.outcome == "unknown"  # from 42 or more, 36 is a fall of 14 % or more
    rows[0] = "pm25_annual_mean,大兴区,2020,30以内,μg/m³,actual,"
    assert run(tmp_path, rows, as_of=2025, rules=CHANGE)["ENERGY"].outcome == "fail"


FIXED = """
rule AIR-REL "PM2.5 at most 90 % of its 2020 level" {
  cite "第一章" line 1: "x"
  kind binding because "约束性"
  require pm25_annual_mean <= (pm25_annual_mean at 2020) * 0.9 by 2025
}
"""


def test_a_fixed_years_value_is_read_in_every_year_and_shown(tmp_path: Path) -> None:
    rows = ["pm25_annual_mean,大兴区,2020,40,μg/m³,actual,",
            "pm25_annual_mean,大兴区,2025,37,μg/m³,actual,"]
    found = run(tmp_path, rows, as_of=2025, rules=FIXED)["AIR-REL"]
    assert found.outcome == "fail"
    assert found.message == "2025: 37 μg/m³ > 36 μg/m³, over by 1 μg/m³, 2.8 %"
    assert found.evidence is not None and found.evidence.values == {
        "pm25_annual_mean (2025)": "37 μg/m³", "pm25_annual_mean (2020)": "40 μg/m³"}


def test_a_missing_fixed_year_is_named_and_its_bound_reasoned_over(tmp_path: Path) -> None:
    found = run(tmp_path, ["pm25_annual_mean,大兴区,2025,37,μg/m³,actual,"], as_of=2025,
                rules=FIXED)["AIR-REL"]
    assert found.outcome == "unknown"
    assert found.evidence is not None and "pm25_annual_mean (2020)" in found.evidence.missing
    found = run(tmp_path, ["pm25_annual_mean,大兴区,2020,50以上,μg/m³,actual,",
                           "pm25_annual_mean,大兴区,2025,37,μg/m³,actual,"], as_of=2025,
                rules=FIXED)["AIR-REL"]
    assert found.outcome == "pass"  # 37 <= 0.9 × (50 or more)


@pytest.mark.parametrize(("written", "canonical", "time"), [
    ("require national_forest_city at 2023", "require national_forest_city at 2023", 2023),
    ("require x <= y at 2020", "require x <= y at 2020", 2020),
    ("require x <= (y at 2020)", "require x <= (y at 2020)", None),
    ("require x <= y at 2020 * 2 by 2025", "require x <= (y at 2020) * 2 by 2025", 2025),
    ("require y at 2020 <= x", "require (y at 2020) <= x", None),
])
def test_at_year_ending_a_require_is_its_time_qualifier(written: str, canonical: str,
                                                        time: int | None) -> None:
    from checker.syntax import model as m
    from checker.syntax.unparse import require
    from tests.helpers import rule_file

    rule = rule_file(f"rule A {{\n  {written}\n}}\n").statements[0]
    assert isinstance(rule, m.Rule)
    (clause,) = rule.clauses_of(m.Require)
    assert require(clause) == canonical
    assert (clause.time.year if clause.time is not None and hasattr(clause.time, "year")
            else None) == time


def test_at_year_after_a_name_that_is_no_indicator_is_t250() -> None:
    text = ('rule X "x" {\n  cite "a" line 1: "x"\n  read 持续 = 1 μg/m³ because "r"\n'
            '  require pm25_annual_mean <= (持续 at 2020) by 2025\n}\n')
    found = the_only(raised_diagnostics(checked_from, text))
    assert found.code == "T250"


BASED = """
rule GROW "增长" {
  cite "第一章" line 1: "x"
  kind anticipatory
  basis "扣除疫苗"
  require gdp_growth >= 4% each year in 2021..2023
}
"""


def test_a_rule_reads_its_basis_where_the_data_gives_it_and_says_so(tmp_path: Path) -> None:
    rows = ["gdp_growth,大兴区,2021,9,%,actual,", "gdp_growth,大兴区,2022,8,%,actual,",
            "gdp_growth,大兴区,2022,3,%,actual,扣除疫苗", "gdp_growth,大兴区,2023,5,%,actual,"]
    found = run(tmp_path, rows, as_of=2023, rules=BASED)["GROW"]
    assert found.outcome == "fail"
    assert found.message == "2022: 3% < 4%, short by 1 percentage point, 25 %"
    assert found.evidence is not None
    assert found.evidence.values == {"gdp_growth (2022, 扣除疫苗)": "3%"}
    assert found.origin is not None and found.origin.line == 4
    plain = run(tmp_path, rows, as_of=2023, rules=BASED.replace('  basis "扣除疫苗"\n', ""))
    assert plain["GROW"].outcome == "pass"


@pytest.mark.parametrize(("clauses", "message"), [
    ('  basis "a"\n  basis "b"\n', "rule `X` states its basis twice"),
    ('  basis " "\n', "an empty basis"),
    ('  for each project\n  basis "a"\n', "rule `X` is about records: `basis` names a basis of "
     "plan data"),
])
def test_basis_is_one_named_basis_of_a_series_rule(clauses: str, message: str) -> None:
    require = "new_construction_land >= 0 ha" if "project" in clauses else "gdp_growth >= 4%"
    text = f'rule X "x" {{\n  cite "a" line 1: "x"\n{clauses}  require {require}\n}}\n'
    found = the_only(raised_diagnostics(checked_from, text))
    assert (found.code, found.message) == ("T251", message)


PARAMETER = """
indicator city_pm25_requirement "市级要求：PM2.5年均浓度" {
  unit μg/m³
  role parameter
  cite "第一章" line 1: "x"
}

rule CITY "PM2.5达到市级要求" {
  cite "第一章" line 1: "x"
  kind binding because "约束性"
  require pm25_annual_mean <= city_pm25_requirement each year in 2022..2025
}
"""


def test_a_parameter_is_read_from_data_each_year_and_unknown_until_supplied(
        tmp_path: Path) -> None:
    rows = ["city_pm25_requirement,大兴区,2022,35,μg/m³,actual,",
            "pm25_annual_mean,大兴区,2022,32,μg/m³,actual,",
            "pm25_annual_mean,大兴区,2023,31,μg/m³,actual,"]
    found = run(tmp_path, rows, as_of=2023, rules=PARAMETER)["CITY"]
    assert found.outcome == "unknown"
    assert found.evidence is not None and found.evidence.missing == [
        "city_pm25_requirement (2023)"]
    rows.append("city_pm25_requirement,大兴区,2023,30,μg/m³,actual,")
    found = run(tmp_path, rows, as_of=2023, rules=PARAMETER)["CITY"]
    assert (found.outcome, found.message) == (
        "fail", "2023: 31 μg/m³ > 30 μg/m³, over by 1 μg/m³, 3.3 %")


def test_a_parameter_has_its_citation_and_no_row_of_its_own(tmp_path: Path) -> None:
    checked = checked_from(PARAMETER)
    spec = checked.indicators["city_pm25_requirement"]
    assert spec.parameter and [c.quote for c in spec.citations] == ["x"]
    path = tmp_path / "d.csv"
    path.write_text("\n".join([HEADER, "city_pm25_requirement,大兴区,2022,35,μg/m³,actual,",
                               "pm25_annual_mean,大兴区,2022,32,μg/m³,actual,"]) + "\n",
                    encoding="utf-8")
    result = evaluate(checked, {}, load_plan_data([path], checked.indicators, checked.units),
                      as_of=2022)
    assert [row.indicator for row in result.indicators] == ["pm25_annual_mean"]


def test_a_parameter_prints_back_and_must_cite_its_sentence() -> None:
    from checker.syntax.unparse import unparse
    from checker.tools.lint import lint
    from tests.helpers import rule_file, suite_from

    text = PARAMETER.split("rule CITY")[0].strip() + "\n"
    assert unparse(rule_file(text)) == text
    bare = text.replace('  cite "第一章" line 1: "x"\n', "")
    codes = [d.code for d in lint(suite_from(bare + PARAMETER.split("}\n", 1)[1]))
             if "parameter" in d.message]
    assert codes == ["L601"]


def test_an_undecided_rule_names_what_each_undecided_clause_lacks(tmp_path: Path) -> None:
    rules = """
rule TWO "GDP and PM2.5 meet the year's plan" {
  cite "第一章" line 1: "x"
  kind anticipatory
  require gdp_growth >= target(gdp_growth) each year in 2021..2025
  require pm25_annual_mean <= target(pm25_annual_mean) each year in 2021..2025
}
"""
    found = run(tmp_path, ["gdp_growth,大兴区,2022,6以上,%,target,",
                           "pm25_annual_mean,大兴区,2021,35,μg/m³,target,"], rules=rules)["TWO"]
    assert found.outcome == "unknown"
    assert found.evidence.missing == ["gdp_growth (2022)", "pm25_annual_mean (2021)"]
    assert found.message.startswith("cannot decide for 2021, 2022 (missing: ")


@pytest.mark.parametrize(("actual", "outcome"), [("5.1", "pass"), ("4.6", "pass"),
                                                 ("5.2", "fail")])
def test_the_bundled_dust_fall_about_target_is_read_within_one_published_step(
        tmp_path: Path, actual: str, outcome: str) -> None:
    rules = """
rule DUST "dust fall within the year's target" {
  cite "第一章" line 1: "x"
  kind binding because "约束性"
  require dustfall <= target(dustfall) each year in 2021..2025
}
"""
    found = run(tmp_path, ["dustfall,大兴区,2022,5.0左右,t_km2_30d,target,",
                           f"dustfall,大兴区,2022,{actual},t_km2_30d,actual,"], rules=rules)
    assert found["DUST"].outcome == outcome
