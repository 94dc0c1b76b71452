"""The annual plan execution table (`--as-of YEAR`): the year's stated target against the
year's actual, met / missed, beside the five-year target and status (issue 14 item 5)."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest

import checker
from checker.engine.annual import judge
from checker.engine.bounds import Bounds
from checker.result import Result
from reports import annual, render

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data"


@cache
def year_2022() -> Result:
    return checker.check([str(DATA / "daxing-2022-annual-plan.csv"),
                          str(DATA / "daxing-monitoring-2023.csv")], as_of=2022)


def by_indicator(result: Result) -> dict[str, annual.AnnualRow]:
    return {row.indicator: row for row in annual.rows(result)}


def test_a_floor_missed_and_a_cap_met() -> None:
    rows = by_indicator(year_2022())
    bus = rows["bus_stop_500m_coverage"]
    assert (bus.year_target, bus.year_actual, bus.met) == (85.0, 84.0, "missed")
    pm = rows["pm25_annual_mean"]
    assert (pm.year_target, pm.year_actual, pm.met) == (35.0, 31.0, "met")


def test_beside_them_the_five_year_target_and_the_status() -> None:
    bus = by_indicator(year_2022())["bus_stop_500m_coverage"]
    shown = annual.shown(bus, "en")
    assert shown["plan_target"] == ">= 90% (2025)"
    assert shown["status"] == "on track"
    assert annual.shown(bus, "zh")["year_result"] == "未完成"


def test_the_annual_targets_say_which_way_is_better() -> None:
    # gdp_growth: ANNUAL-01 asks each year's growth to reach the year's target (>=)
    gdp = by_indicator(year_2022())["gdp_growth"]
    assert (gdp.year_target, gdp.year_actual, gdp.met) == (6.5, 1.1, "missed")
    assert gdp.reason == "below the target"


def test_without_a_direction_met_or_missed_stays_undecided() -> None:
    assert judge(6.5, 7.0, None) == (
        "undecided_met", "no target or catalogue entry says which way is better")


def test_every_row_is_a_stated_target_of_that_year() -> None:
    result = year_2022()
    with (DATA / "daxing-2022-annual-plan.csv").open(encoding="utf-8") as handle:
        stated = {(row["indicator"], row["region"]) for row in csv.DictReader(handle)
                  if row["kind"] == "target" and row["year"] == "2022"}
    assert {(r.indicator, r.region) for r in annual.rows(result)} == stated


def test_the_html_page_shows_the_table_and_other_years_do_not_invent_one() -> None:
    page = render(year_2022(), "html", lang="zh")
    assert '<section id="annual">' in page and "2022年计划执行情况" in page
    later = checker.check([str(DATA / "daxing-monitoring-2023.csv")], as_of=2023)
    assert annual.rows(later) == []
    assert '<section id="annual">' not in render(later, "html")


# ------------------------------------------------------------------ qualified targets


def year_of(tmp_path: Path, text: str, year: int = 2022) -> dict[str, annual.AnnualRow]:
    path = tmp_path / "plan.csv"
    path.write_text("indicator,region,year,value,unit,kind,basis\n" + text, encoding="utf-8")
    return {row.indicator + (f" {row.basis}" if row.basis else ""): row
            for row in annual.rows(checker.check([str(path)], as_of=year))}


@pytest.mark.parametrize(("target", "actual", "met"), [
    ("6以上", "3", "missed"),      # 地区生产总值增长6%以上, actual 3 %
    ("6以上", "6", "met"),         # 以上 includes the figure itself
    ("6以上", "6.5", "met"),
    ("突破6", "6", "missed"),      # 突破 is more than the figure
    ("突破6", "6.1", "met"),
    ("6左右", "5.5", "missed"),    # gdp_growth's 左右 is one published step, 0.1 point:
    ("6左右", "5.9", "met"),       # 6左右 is met from 5.9
    ("6-6.5", "6.2", "met"),       # a range: met from its lower end
    ("6", "5以上", "undecided_met"),  # 5以上 may be 6 or more, or less
    ("6", "6以上", "met"),         # every value 6以上 allows meets 6
    ("6", "5以下", "missed"),
])
def test_a_qualified_growth_target_is_judged_by_the_end_its_words_allow(
        tmp_path: Path, target: str, actual: str, met: str) -> None:
    found = year_of(tmp_path, f"gdp_growth,大兴区,2022,{target},%,target,\n"
                              f"gdp_growth,大兴区,2022,{actual},%,actual,\n")["gdp_growth"]
    assert found.met == met, found.reason
    assert found.year_actual == (float(actual) if actual.replace(".", "").isdigit() else None)


def test_a_qualified_target_is_shown_as_published_with_its_unit(tmp_path: Path) -> None:
    found = year_of(tmp_path, "gdp_growth,大兴区,2022,6以上,%,target,\n"
                              "gdp_growth,大兴区,2022,3,%,actual,\n")["gdp_growth"]
    shown = annual.shown(found, "en")
    assert (shown["year_target"], shown["year_actual"], shown["year_result"]) == (
        "6%以上", "3%", "missed")
    assert found.year_target is None
    assert annual.shown(found, "zh")["year_result"] == "未完成"


@pytest.mark.parametrize(("actual", "met"), [("5.1", "met"), ("5.2", "missed"), ("4.8", "met")])
def test_an_about_cap_is_met_up_to_the_declared_tolerance(tmp_path: Path, actual: str,
                                                           met: str) -> None:
    # 降尘量控制在5.0吨/平方公里·月左右: the suite reads 左右 for dust fall within 0.1
    found = year_of(tmp_path, "dustfall,大兴区,2022,5.0左右,t_km2_30d,target,\n"
                              f"dustfall,大兴区,2022,{actual},t_km2_30d,actual,\n")["dustfall"]
    assert found.met == met, found.reason
    assert annual.shown(found, "en")["year_target"] == "5.0左右 t/(km²·30d)"


def test_a_target_on_a_basis_is_compared_with_the_actual_on_that_basis(tmp_path: Path) -> None:
    found = year_of(tmp_path, "gdp_growth,大兴区,2022,6以上,%,target,扣除疫苗\n"
                              "gdp_growth,大兴区,2022,3,%,actual,扣除疫苗\n"
                              "gdp_growth,大兴区,2022,7,%,actual,\n")["gdp_growth 扣除疫苗"]
    shown = annual.shown(found, "en")
    assert (shown["year_target"], shown["year_actual"], found.met) == (
        "6%以上 (扣除疫苗)", "3% (扣除疫苗)", "missed")


def test_without_an_actual_on_the_basis_the_default_is_read_and_said(tmp_path: Path) -> None:
    found = year_of(tmp_path, "gdp_growth,大兴区,2022,6以上,%,target,扣除疫苗\n"
                              "gdp_growth,大兴区,2022,7,%,actual,\n")["gdp_growth 扣除疫苗"]
    assert (annual.shown(found, "en")["year_actual"], found.met) == (
        "7% (default basis)", "met")


def test_the_real_2022_gdp_miss_is_in_the_annual_table() -> None:
    # 2022年计划: 地区生产总值增长6%以上 (扣除新冠疫苗影响); 执行情况: 扣除疫苗影响同比增长3%
    files = [str(ROOT / "examples" / "data" / f"daxing-real-{n}.csv")
             for n in ("actuals", "qualified", "annual")]
    found = {row.indicator: row for row in annual.rows(checker.check(files, as_of=2022))}
    gdp = found["gdp_growth"]
    assert (gdp.target_text, gdp.actual_text, gdp.met) == (
        "6%以上 (扣除疫苗)", "3% (扣除疫苗)", "missed")
    assert found["pm25_annual_mean"].met == "met"  # 32 against the year's 34


def test_bounds_decide_only_when_every_value_agrees() -> None:
    floor = Bounds(95.0, None, text="95以上")
    assert judge(90.0, floor, "higher")[0] == "met"
    assert judge(98.0, floor, "higher")[0] == "undecided_met"
    assert judge(Bounds(1300.0, None, low_open=True, text="突破1300"), 1300.0, "higher")[0] \
        == "missed"
    assert judge(Bounds(None, 8.0, text="8以内"), 8.0, "lower")[0] == "met"
    assert judge(Bounds(None, None, text="5左右"), 5.0, "lower")[0] == "undecided_met"
