"""`左右`/`约` figures of the indicators real reports publish are decided by the bundled suite.

Annual plans write growth and air targets as `5%左右`, `34左右`, and reports write `约32`.
Without a tolerance such a figure has no number and every rule reading it stays unknown
(D345); the catalogue declares one published step for GDP, revenue and income growth
(0.1 percentage point), PM2.5 (1 μg/m³) and heavy-pollution days (1 day), as it does for
dust fall (0.1 t/(km²·30d)).  These tests pin what that reading decides and what it leaves
open, each verdict with its reason.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from checker import result as r
from checker.pipeline import check_with
from checker.syntax.suite import load_suite
from checker.types import typed as t
from checker.types.typecheck import typecheck

HEADER = "indicator,region,year,value,unit,source,kind\n"


@functools.cache
def suite() -> t.CheckedSuite:
    return typecheck(load_suite().suite)


def outcomes(tmp_path: Path, rows: list[str]) -> dict[tuple[str, str], r.Outcome]:
    path = tmp_path / "about.csv"
    path.write_text(HEADER + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    result = check_with(suite(), [path], as_of=2024, max_findings=None)
    return {(o.rule, o.subject): o for o in result.outcomes}


@pytest.mark.parametrize("indicator", ["gdp_growth", "general_budget_revenue_growth",
                                       "per_capita_disposable_income_growth",
                                       "pm25_annual_mean", "heavy_pollution_days", "dustfall"])
def test_the_indicators_reports_qualify_with_zuoyou_declare_a_tolerance(indicator: str) -> None:
    spec = suite().indicators[indicator]
    assert spec.about is not None, indicator
    assert spec.about.reason


def test_an_actual_within_one_step_of_a_zuoyou_growth_target_meets_it(tmp_path: Path) -> None:
    # 5%左右 is met from 4.9 % up: 4.9 meets it, 4.8 falls short by 0.1 point
    found = outcomes(tmp_path, ["gdp_growth,大兴区,2022,5左右,%,p,target",
                                "gdp_growth,大兴区,2022,4.9,%,p,actual"])
    assert found[("ANNUAL-01", "大兴区")].outcome == "pass"
    found = outcomes(tmp_path, ["gdp_growth,大兴区,2023,5左右,%,p,target",
                                "gdp_growth,大兴区,2023,4.8,%,p,actual"])
    missed = found[("ANNUAL-01", "大兴区")]
    assert missed.outcome == "fail"
    assert "5%左右" in missed.message


def test_a_pm25_cap_stated_zuoyou_is_met_up_to_one_step_over(tmp_path: Path) -> None:
    # 34左右 as a cap reads its high end, 35: 35 meets it, 36 exceeds it
    found = outcomes(tmp_path, ["pm25_annual_mean,大兴区,2023,34左右,μg/m³,p,target",
                                "pm25_annual_mean,大兴区,2023,35,μg/m³,p,actual"])
    assert found[("ANNUAL-03", "大兴区")].outcome == "pass"
    found = outcomes(tmp_path, ["pm25_annual_mean,大兴区,2024,34左右,μg/m³,p,target",
                                "pm25_annual_mean,大兴区,2024,36,μg/m³,p,actual"])
    assert found[("ANNUAL-03", "大兴区")].outcome == "fail"


def test_an_about_actual_decides_only_where_every_value_it_allows_agrees(
        tmp_path: Path) -> None:
    # 约32 is 31..33: within the 34 target and the 35 limit, so both decide
    found = outcomes(tmp_path, ["pm25_annual_mean,大兴区,2022,约32,μg/m³,p,actual",
                                "pm25_annual_mean,大兴区,2022,34,μg/m³,p,target"])
    assert found[("ANNUAL-03", "大兴区")].outcome == "pass"
    assert found[("AIR-07", "大兴区")].outcome == "pending"
    assert found[("AIR-07", "大兴区")].trajectory == "achieved"
    # 约35 is 34..36 against the 35 limit: some value meets it, some does not
    found = outcomes(tmp_path, ["pm25_annual_mean,大兴区,2024,约35,μg/m³,p,actual",
                                "pm25_annual_mean,大兴区,2024,35,μg/m³,p,target"])
    assert found[("ANNUAL-03", "大兴区")].outcome == "unknown"


def test_a_zuoyou_target_with_no_actual_stays_unknown_naming_the_actual(tmp_path: Path) -> None:
    found = outcomes(tmp_path, ["heavy_pollution_days,大兴区,2023,6左右,days,p,target"])
    open_ = found[("ANNUAL-04", "大兴区")]
    assert open_.outcome == "unknown"
    assert "heavy_pollution_days (2023)" in open_.message


def test_targets_typed_as_plans_word_them_decide_against_the_years_actual(
        tmp_path: Path) -> None:
    # `增长5%左右` with the unit in the cell, as an annual plan's 主要指标 words it; the
    # revenue growth actual 5 % meets `5%左右` (from 4.9 %), the GDP actual 5.2 % too
    found = outcomes(tmp_path, ["gdp_growth,大兴区,2024,增长5%左右,,p,target",
                                "gdp_growth,大兴区,2024,5.2,%,p,actual",
                                "general_budget_revenue_growth,大兴区,2024,5%左右,%,p,target",
                                "general_budget_revenue_growth,大兴区,2024,5,%,p,actual"])
    assert found[("ANNUAL-01", "大兴区")].outcome == "pass"
    assert found[("ANNUAL-02", "大兴区")].outcome == "pass"
