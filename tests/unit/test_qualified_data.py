"""Qualified figures, periods, bases and notes in plan data (issue 10 items 2-3).

`95%以上` is a bound, `5.0左右` an "about" figure (unknown without a declared tolerance),
`2022H1` a part of a year: all are loaded, kept and handed to the engine as what they
say, never as a made-up exact number.
"""

from __future__ import annotations

import datetime
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest
from test_load_data import HEADER, indicators, only, problems
from test_load_records import daxing, write

from checker.data.load import PlanData, load_plan_data
from checker.data.periods import read_period
from checker.data.qualified import read_qualified
from checker.engine.bounds import Bounds
from checker.engine.series import SeriesTable
from checker.types.typed import PlanInfo, Tolerance
from tests.helpers import raised_diagnostics, the_only

PLAN = PlanInfo("p", None, 2021, 2025, "大兴区", None)
F = Fraction


@pytest.mark.parametrize(("text", "low", "high", "low_open", "high_open"), [
    ("95以上", 95, None, False, False), ("95%以上", 95, None, False, False),
    ("≥95", 95, None, False, False), (">=95", 95, None, False, False),
    ("不低于 95", 95, None, False, False), ("＞1300", 1300, None, True, False),
    (">1300", 1300, None, True, False), ("突破1300", 1300, None, True, False),
    ("超过1300家", 1300, None, True, False), ("400以上", 400, None, False, False),
    ("≤8", None, 8, False, False), ("8以内", None, 8, False, False),
    ("不超过8", None, 8, False, False), ("低于8", None, 8, False, True),
    ("不足8", None, 8, False, True), ("5.0-5.5", F(5), F(11, 2), False, False),
    ("5%～6%", 5, 6, False, False), ("1,300以上", 1300, None, False, False),
])
def test_bounds_words(text: str, low: F | None, high: F | None, low_open: bool,
                      high_open: bool) -> None:
    reading = read_qualified(text)
    assert reading is not None
    assert (reading.low, reading.high, reading.low_open, reading.high_open, reading.about) == (
        low, high, low_open, high_open, None)


@pytest.mark.parametrize(("text", "centre", "estimate"), [
    ("5.0左右", 5, False), ("约35", 35, False), ("大约35", 35, False),
    ("初步预计5.0左右", 5, True)])
def test_about_words(text: str, centre: int, estimate: bool) -> None:
    reading = read_qualified(text)
    assert reading is not None and (reading.about, reading.estimate) == (centre, estimate)
    assert reading.low is None and reading.high is None


@pytest.mark.parametrize("text", ["95", "abc", "约95以上", "不低于95以上", "95以上以上", "高",
                                  "6-5", "95以上x"])
def test_not_a_qualified_figure(text: str) -> None:
    assert read_qualified(text) is None


def test_an_estimate_is_the_figure() -> None:
    reading = read_qualified("预计5.2")
    assert reading is not None and reading.exact and reading.low == F(26, 5)


@pytest.mark.parametrize(("text", "year", "label", "end"), [
    ("2022", 2022, None, "2022-12-31"), (2022, 2022, None, "2022-12-31"),
    ("2022H1", 2022, "2022H1", "2022-06-30"), ("2022h2", 2022, "2022H2", "2022-12-31"),
    ("2022Q1", 2022, "2022Q1", "2022-03-31"), ("2024-02", 2024, "2024-02", "2024-02-29"),
    ("2022年上半年", 2022, "2022H1", "2022-06-30"), ("2022年一季度", 2022, "2022Q1", "2022-03-31"),
    ("2022年第三季度", 2022, "2022Q3", "2022-09-30"), ("2022年1-6月", 2022, "2022H1", "2022-06-30"),
    ("2022年1-9月", 2022, "2022M01-09", "2022-09-30"), ("2022年1-12月", 2022, None, "2022-12-31"),
    ("2022年4月", 2022, "2022-04", "2022-04-30"), ("２０２２", 2022, None, "2022-12-31"),
    ("2020年底", 2020, None, "2020-12-31"), ("2020年末", 2020, None, "2020-12-31"),
    ("二〇二三年", 2023, None, "2023-12-31"), ("二〇二二年上半年", 2022, "2022H1", "2022-06-30"),
    ("二〇二二年一季度", 2022, "2022Q1", "2022-03-31"),
])
def test_periods(text: object, year: int, label: str | None, end: str) -> None:
    period = read_period(text)
    assert period is not None
    assert (period.year, period.label, period.end.isoformat()) == (year, label, end)


@pytest.mark.parametrize("text", ["2022H3", "2022Q5", "2022-13", "1800", "2022年冬", "22",
                                  "2022年6-1月", True, 2022.5, "二〇二年", "一二三四五",
                                  "2022年初"])
def test_not_a_period(text: object) -> None:
    assert read_period(text) is None


def load(path: Path, **tolerances: Tolerance) -> PlanData:
    _, units = daxing()
    specs = {k: replace(v, about=tolerances.get(k)) for k, v in indicators().items()}
    specs["pm25_annual_mean"] = replace(specs["pm25_annual_mean"], low=F(0))  # `range >= 0`
    return load_plan_data([path], specs, units)


def test_qualified_figures_become_bounds_in_the_frame(tmp_path: Path) -> None:
    data = load(write(tmp_path, "d.csv", f"{HEADER}\n"
                      "gdp_growth,大兴区,2021,6.5%以上,%\n"
                      "pm25_annual_mean,大兴区,2021,低于0.035,mg/m3\n"
                      "new_waste_transfer_stations,大兴区,2021,突破12座,\n"
                      "gdp_growth,大兴区,2022,预计5.2,%\n"
                      "gdp_growth,大兴区,2023,5,%\n"))
    frame = data.frame
    assert frame["value"].isna().tolist() == [True, True, True, False, False]
    assert frame["low"].tolist()[:3] == [6.5, 0.0, 12.0]  # the range `>= 0` closes PM2.5
    assert frame["high"].isna().tolist()[:3] == [True, False, True]
    assert frame["high"][1] == pytest.approx(35.0)
    assert frame["high_open"].tolist()[:3] == [False, True, False]
    assert frame["low_open"].tolist()[:3] == [False, False, True]
    assert frame["qualifier"].tolist()[:4] == ["6.5%以上", "低于0.035 mg/m³", "突破12座",
                                               "预计5.2%"]  # with the row's unit
    assert frame["value"][3] == pytest.approx(5.2) and pd.isna(frame["qualifier"][4])


def test_bounds_reach_the_series_table(tmp_path: Path) -> None:
    data = load(write(tmp_path, "d.csv", f"{HEADER}\n"
                      "gdp_growth,大兴区,2021,6.5以上,%\ngdp_growth,大兴区,2022,4.8,%\n"))
    table = SeriesTable.build(data, PLAN)
    assert table.bounds == {("gdp_growth", "大兴区", "actual", 2021):
                            Bounds(6.5, None, False, False, "6.5%以上")}
    assert table.values[("gdp_growth", "大兴区", "actual")] == {2022: 4.8}
    matrix = table.matrix("gdp_growth", [("大兴区", "actual")])
    assert matrix.known[0, 2021 - table.first_year] == False  # noqa: E712 - numpy bool
    assert table.bounds[("gdp_growth", "大兴区", "actual", 2021)].contains(7)


def test_about_without_a_tolerance_is_unknown_with_a_warning(tmp_path: Path) -> None:
    data = load(write(tmp_path, "d.csv", f"{HEADER}\ngdp_growth,大兴区,2021,5.0左右,%\n"))
    (warning,) = data.warnings
    assert (warning.code, warning.severity, warning.span.line) == ("D345", "warning", 2)
    assert "declares no tolerance" in warning.message
    bounds = SeriesTable.build(data, PLAN).bounds[("gdp_growth", "大兴区", "actual", 2021)]
    assert (bounds.low, bounds.high, bounds.text) == (None, None, "5.0%左右")


@pytest.mark.parametrize(("tolerance", "low", "high"), [
    (Tolerance(F(1, 2), False, "半个百分点"), 4.5, 5.5),
    (Tolerance(F(10), True, "一成"), 4.5, 5.5)])
def test_about_with_a_tolerance_is_a_closed_interval(tmp_path: Path, tolerance: Tolerance,
                                                     low: float, high: float) -> None:
    data = load(write(tmp_path, "d.csv", f"{HEADER}\ngdp_growth,大兴区,2021,5.0左右,%\n"),
                gdp_growth=tolerance)
    assert not data.warnings
    assert (data.frame["low"][0], data.frame["high"][0]) == pytest.approx((low, high))


@pytest.mark.parametrize(("value", "code", "message"), [
    ("约95以上", "D320", "`约95以上` in `value` is not a number"),
    ("低于-5", "D327", "`低于-5` in `pm25_annual_mean` is wholly outside its range (>= 0 μg/m³)"),
    ("95kg以上", "D322", "`kg` beside the figure is not the row's unit `μg/m³`"),
])
def test_bad_qualified_figures(tmp_path: Path, value: str, code: str, message: str) -> None:
    path = write(tmp_path, "d.csv", f"{HEADER}\npm25_annual_mean,大兴区,2021,{value},μg/m³\n")
    problem = the_only(raised_diagnostics(load, path))
    assert (problem.code, problem.message, problem.span.line) == (code, message, 2)


def test_periods_bases_and_notes_are_kept_apart(tmp_path: Path) -> None:
    data = load(write(tmp_path, "d.csv", f"{HEADER},note,basis\n"
                      "gdp_growth,大兴区,2021,6.5,%,全年,\n"
                      "gdp_growth,大兴区,2021,7.0,%,,扣除疫苗影响\n"
                      "gdp_growth,大兴区,2022,3.1,%,,扣除疫苗影响\n"
                      "gdp_growth,大兴区,2022年上半年,2.0,%,,\n"
                      "gdp_growth,大兴区,2022Q1,1.0,%,,\n"))
    assert len(data.frame) == 5  # one point on two bases is not a duplicate
    table = SeriesTable.build(data, PLAN)
    assert table.values[("gdp_growth", "大兴区", "actual")] == {2021: 6.5}
    # `扣除疫苗影响` is the basis `扣除疫苗` (checker/data/bases.py), its words in the note
    assert table.based[("gdp_growth", "大兴区", "actual", "扣除疫苗")] == {2021: 7.0, 2022: 3.1}
    assert [p.period for p in table.subannual[("gdp_growth", "大兴区", "actual")]] == [
        "2022H1", "2022Q1"]
    assert table.about[("gdp_growth", "大兴区", "actual", 2021)] == {"note": "全年"}
    notes = table.notes()
    assert notes[0].startswith("2 values of parts of a year, kept and shown, not read by "
                               "annual rules: `gdp_growth` 2022H1 = 2, `gdp_growth` 2022Q1 = 1")
    assert notes[1] == ("`gdp_growth` for `大兴区` (actual) in 2022 is given only on the basis "
                        "`扣除疫苗`, and no rule read it: rules read the default basis "
                        "(rows without `basis`), or the basis a year's target is stated on")


def test_a_cutoff_date_holds_back_the_years_ending_after_it(tmp_path: Path) -> None:
    data = load(write(tmp_path, "d.csv", f"{HEADER}\n"
                      "gdp_growth,大兴区,2022,6.5,%\ngdp_growth,大兴区,2023,5,%\n"))
    table = SeriesTable.build(data, PLAN, datetime.date(2023, 6, 30))
    assert table.values[("gdp_growth", "大兴区", "actual")] == {2022: 6.5}
    assert table.withheld == [("gdp_growth", "大兴区", "actual", 2023)]
    assert "after the as-of date 2023-06-30 is not used: `gdp_growth` 2023" in table.notes()[0]
    assert SeriesTable.build(data, PLAN, datetime.date(2023, 12, 31)).withheld == []


def test_the_same_period_twice_with_other_values_is_d341(tmp_path: Path) -> None:
    problem = only(write(tmp_path, "d.csv", f"{HEADER}\ngdp_growth,大兴区,2022H1,6以上,%\n"
                         "gdp_growth,大兴区,2022年上半年,5,%\n"))
    assert problem.code == "D341"
    assert problem.message.startswith("`gdp_growth` for `大兴区` in 2022H1 (actual) has two "
                                      "values: `6%以上` at ")


def test_year_and_period_columns_together_are_d311(tmp_path: Path) -> None:
    found = problems(write(tmp_path, "d.csv", f"{HEADER},period\ngdp_growth,大兴区,2022,6,%,H1\n"))
    assert [p.code for p in found] == ["D311"]


def test_a_period_column_stands_for_year(tmp_path: Path) -> None:
    data = load(write(tmp_path, "d.csv", "indicator,region,period,value,unit\n"
                      "gdp_growth,大兴区,2022Q3,6,%\n"))
    assert (data.frame["year"][0], data.frame["period"][0]) == (2022, "2022Q3")


@pytest.mark.parametrize("written", ["增长5.2%", "同比下降3.1%", "持平"])
def test_a_change_in_the_value_column_is_refused_with_the_way_to_write_it(
        tmp_path: Path, written: str) -> None:
    found = the_only(raised_diagnostics(load, write(tmp_path, "d.csv", f"{HEADER}\n"
                                                    f"gdp_growth,大兴区,2022,{written},%\n")))
    assert (found.code, found.label) == ("D320", "a change, not a figure")
    assert "`5.2` for 增长5.2%" in found.help


MAAS = """
unit 人次 = 1 个
unit 万人次 = 10000 人次
indicator maas_trips "MaaS日均绿色出行服务" {
  unit 人次
  range >= 0
  kind anticipatory
  direction up
}
rule MAAS-01 { require maas_trips >= 1000 万人次 by 2025 }
"""


@pytest.mark.parametrize(("cell", "unit", "shown"), [
    ("600以上", "万人次", "600万人次以上"), ("600万人次以上", "万人次", "600万人次以上"),
    ("6000000以上", "人次", "6000000人次以上")])
def test_a_qualified_figure_is_shown_with_its_rows_unit(tmp_path: Path, cell: str, unit: str,
                                                        shown: str) -> None:
    """friction6 #6: `600以上` in a row of 万人次 showed bare (`实际值 600以上 · 要求值 1000
    万人次`): the row's unit goes where a sentence writes it, once, in the table and the
    finding alike."""
    from checker.pipeline import check_with
    from reports import render
    from tests.helpers import checked_from

    path = write(tmp_path, "d.csv", f"{HEADER}\nmaas_trips,大兴区,2020,500,万人次\n"
                                    f"maas_trips,大兴区,2023,{cell},{unit}\n")
    result = check_with(checked_from(MAAS), [path], as_of=2023)
    (row,) = result.indicators
    assert row.latest is not None and row.latest.text == shown
    (outcome,) = [o for o in result.outcomes if o.rule == "MAAS-01"]
    assert outcome.evidence is not None and outcome.evidence.values == {
        "maas_trips (2023)": shown}
    assert shown in render(result, "text", lang="zh", details=True)
