"""Figures as an analyst types them from a report (issue 10, real tables): a unit beside
the number (`32微克/立方米`, `1.2万人`), GDP growth as reports word it (`增长5.2%`), a range
as a sentence says it (`在30到35之间`), a plan's end as its tables head it (`“十四五”期末`).
Each loads as exactly what it says, or gets a diagnostic that names the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.data.load import PlanData, load_plan_data
from checker.data.periods import read_period
from checker.data.qualified import read_qualified
from checker.syntax.unparse import unparse
from checker.types.typecheck import typecheck
from tests.helpers import checked_from, raised_diagnostics, rule_file, suite_from, the_only

PEOPLE = """
indicator new_residents "新增常住人口" {
  unit 人
  kind anticipatory
  direction none
}
"""


def load(tmp_path: Path, *rows: str) -> PlanData:
    checked = checked_from(PEOPLE)
    path = tmp_path / "d.csv"
    path.write_text("\n".join(["indicator,region,year,value,unit", *rows]) + "\n",
                    encoding="utf-8")
    return load_plan_data([path], checked.indicators, checked.units)


@pytest.mark.parametrize(("indicator", "value", "unit", "expected"), [
    ("pm25_annual_mean", "32微克/立方米", "μg/m³", 32.0),
    ("pm25_annual_mean", "３２ 微克/立方米", "μg/m³", 32.0),  # full-width, a space
    ("pm25_annual_mean", "0.032mg/m3", "μg/m³", 32.0),  # another unit of the dimension
    ("heavy_pollution_days", "11天", "days", 11.0),
    ("general_budget_revenue", "104.4亿元", "亿元", 104.4),
    ("forest_coverage", "34%", "%", 34.0),
    ("forest_coverage", "３４％", "%", 34.0),
    ("new_residents", "1.2万人", "人", 12000.0),
    ("new_waste_transfer_stations", "12座", "", 12.0),  # a count's measure word
])
def test_a_figure_typed_with_its_unit_is_the_figure(
        tmp_path: Path, indicator: str, value: str, unit: str, expected: float) -> None:
    data = load(tmp_path, f"{indicator},大兴区,2022,{value},{unit}")
    assert data.frame["value"][0] == pytest.approx(expected)
    assert data.frame["qualifier"].isna().all()  # a plain figure, not a bound


@pytest.mark.parametrize(("indicator", "value", "expected", "low"), [
    ("pm25_annual_mean", "34微克/立方米", 34.0, None),
    ("urban_rural_construction_land", "300公顷", 3.0, None),  # km², exactly
    ("forest_coverage", "30%以上", None, 30.0),
    ("gdp_growth", "增长3%", 3.0, None),
    ("gdp_growth", "同比下降1.2%", -1.2, None),
])
def test_a_unit_in_the_cell_stands_for_an_empty_unit_column(
        tmp_path: Path, indicator: str, value: str, expected: float | None,
        low: float | None) -> None:
    data = load(tmp_path, f"{indicator},大兴区,2022,{value},")
    frame = data.frame
    if expected is not None:
        assert frame["value"][0] == pytest.approx(expected)
    if low is not None:
        assert frame["low"][0] == pytest.approx(low)


@pytest.mark.parametrize(("indicator", "value", "message"), [
    # a bare number is never taken to be in the indicator's unit
    ("pm25_annual_mean", "32", "unit `(none)` is a bare number, but indicator "
     "`pm25_annual_mean` is in concentration"),
    ("forest_coverage", "约30", "unit `(none)` is a bare number, but indicator "
     "`forest_coverage` is in share"),
    ("urban_rural_construction_land", "3万吨", "`万吨` beside the figure is not the row's "
     "unit `(none)`"),
])
def test_an_empty_unit_column_with_no_unit_in_the_cell_stays_d322(
        tmp_path: Path, indicator: str, value: str, message: str) -> None:
    found = the_only(raised_diagnostics(load, tmp_path, f"{indicator},大兴区,2022,{value},"))
    assert (found.code, found.message, found.span.line) == ("D322", message, 2)


@pytest.mark.parametrize(("value", "message"), [
    ("32公里", "`公里` beside the figure is not the row's unit `μg/m³`"),
    ("32t", "`t` beside the figure is not the row's unit `μg/m³`"),
])
def test_a_unit_beside_the_figure_that_does_not_fit_is_said(tmp_path: Path, value: str,
                                                            message: str) -> None:
    found = the_only(raised_diagnostics(load, tmp_path,
                                        f"pm25_annual_mean,大兴区,2022,{value},μg/m³"))
    assert (found.code, found.message, found.span.line) == ("D322", message, 2)


@pytest.mark.parametrize("value", ["32（初步）", "32微克"])
def test_words_after_a_figure_that_are_no_unit_stay_d320(tmp_path: Path, value: str) -> None:
    found = the_only(raised_diagnostics(load, tmp_path,
                                        f"pm25_annual_mean,大兴区,2022,{value},μg/m³"))
    assert (found.code, found.help) == ("D320", "write `32` here and the unit in the `unit` "
                                        "column")


@pytest.mark.parametrize(("value", "expected"), [
    ("增长5.2%", 5.2), ("同比增长3%", 3.0), ("下降1.2%", -1.2), ("持平", 0.0), ("5.2", 5.2)])
def test_gdp_growth_is_read_as_reports_word_it(tmp_path: Path, value: str,
                                               expected: float) -> None:
    # gdp_growth is `growth of "地区生产总值"`: a published rate of a level not catalogued
    data = load(tmp_path, f"gdp_growth,大兴区,2022,{value},%")
    assert data.frame["value"][0] == pytest.approx(expected)


def test_a_qualified_gdp_growth_target_in_words_is_its_bound(tmp_path: Path) -> None:
    data = load(tmp_path, "gdp_growth,大兴区,2022,增长6%以上,%")
    assert (data.frame["low"][0], data.frame["qualifier"][0]) == (6.0, "增长6%以上")


def test_growth_of_a_level_in_words_prints_back_as_written() -> None:
    text = 'indicator g "增速" {\n  unit %\n  growth of "地区生产总值"\n}\n'
    assert unparse(rule_file(text)) == text


@pytest.mark.parametrize(("items", "message"), [
    ('unit 亿元\n  growth of "地区生产总值"',
     "`r` is a growth rate of “地区生产总值” but not in %"),
    ('unit %\n  growth of ""', '`growth of ""` names no level'),
])
def test_growth_of_a_level_in_words_is_still_a_percentage(items: str, message: str) -> None:
    suite = suite_from(f'indicator r "增速" {{\n  {items}\n}}\n')
    found = the_only(raised_diagnostics(typecheck, suite))
    assert (found.code, found.message) == ("T255", message)


@pytest.mark.parametrize(("text", "low", "high"), [
    ("在30到35之间", 30, 35), ("介于30和35之间", 30, 35), ("30-35之间", 30, 35),
    ("各区在28-38之间", None, None), ("28–38", 28, 38), ("25.6至33.9", 25.6, 33.9),
    ("在30与35微克/立方米之间", 30, 35), ("30和35", None, None), ("在35到30之间", None, None),
])
def test_a_range_as_a_sentence_says_it(text: str, low: float | None,
                                       high: float | None) -> None:
    reading = read_qualified(text)
    if low is None:
        assert reading is None
        return
    assert reading is not None
    assert (float(reading.low or 0), float(reading.high or 0)) == pytest.approx((low, high))


@pytest.mark.parametrize(("text", "year"), [
    ("“十四五”期末", 2025), ("十四五末", 2025), ('"十三五"期末', 2020), ("「十四五」时期末", 2025),
    ("十一五期末", 2010), ("十五五期末", 2030)])
def test_the_end_of_a_five_year_plan_is_its_last_year(text: str, year: int) -> None:
    period = read_period(text)
    assert period is not None and (period.year, period.annual) == (year, True)


@pytest.mark.parametrize("text", ["十四五期间", "十六五期末", "“十四五”", "十四五初"])
def test_other_words_of_a_plan_period_are_no_year(text: str) -> None:
    assert read_period(text) is None


def test_the_other_headings_of_published_tables_are_read(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("指标名称,地区,时间,指标值,计量单位,资料来源,数据类型,统计口径\n"
                    "细颗粒物年均浓度,大兴区,2022年,32,微克/立方米,执行情况报告,实际值,\n",
                    encoding="utf-8")
    checked = checked_from(PEOPLE)
    data = load_plan_data([path], checked.indicators, checked.units)
    frame = data.frame
    assert (frame["indicator"][0], int(frame["year"][0]), frame["value"][0]) == (
        "pm25_annual_mean", 2022, 32.0)
