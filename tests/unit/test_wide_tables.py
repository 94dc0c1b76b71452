"""Wide plan-data tables — years across, as bulletins and evaluation tables are published —
read as their long form, each figure keeping its own cell (issue 10: the tables offices
publish load with every figure counted)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from checker.data.file_kinds import classify
from checker.data.plan_data import PlanData, load_plan_data
from tests.helpers import checked_from, raised_diagnostics, the_only

RULE = """
rule PM "PM2.5 below 37" {
  cite "第一章" line 1: "x"
  kind binding because "约束性"
  require pm25_annual_mean < 37 μg/m³ each year in 2021..2024
}
"""
WIDE = ("指标,地区,单位,2020年基数,2021年,2022年,2023年,2025年目标\n"
        "细颗粒物年均浓度,大兴区,微克/立方米,37,—,32,,35\n"
        "forest_coverage,大兴区,%,30.2,/,34,35,\n")
LONG = ("indicator,region,unit,year,value,kind\n"
        "pm25_annual_mean,大兴区,μg/m³,2020,37,actual\n"
        "pm25_annual_mean,大兴区,μg/m³,2022,32,actual\n"
        "pm25_annual_mean,大兴区,μg/m³,2025,35,target\n"
        "forest_coverage,大兴区,%,2020,30.2,actual\n"
        "forest_coverage,大兴区,%,2022,34,actual\n"
        "forest_coverage,大兴区,%,2023,35,actual\n")


def load(tmp_path: Path, text: str, name: str = "t.csv", **options: str) -> PlanData:
    checked = checked_from(RULE)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_plan_data([path], checked.indicators, checked.units, **options)


def points(data: PlanData) -> list[tuple[object, ...]]:
    frame = data.frame
    return sorted(zip(frame["indicator"], frame["region"], frame["year"].astype(int),
                      frame["value"].astype(float), frame["kind"], strict=True))


def test_a_wide_table_is_its_long_form_with_gaps_counted(tmp_path: Path) -> None:
    wide, long = load(tmp_path, WIDE, "wide.csv"), load(tmp_path, LONG, "long.csv")
    assert points(wide) == points(long)
    warning = the_only([w for w in wide.warnings if w.code == "D346"])
    assert warning.message.startswith("4 cells of the wide table `")
    assert warning.message.endswith(
        "wide.csv` give no figure (`—` 1, `/` 1, empty 2): read as gaps")
    assert wide.origin(0).line == 2


def test_a_bad_figure_is_shown_in_its_own_cell(tmp_path: Path) -> None:
    found = the_only(raised_diagnostics(load, tmp_path, "指标,地区,单位,2021年,2022年\n"
                                                        "细颗粒物年均浓度,大兴区,μg/m³,33,abc\n"))
    assert found.code == "D320"
    assert (found.span.line, found.span.column) == (2, 23)


def test_a_bad_figure_in_a_wide_workbook_names_its_row(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["指标", "地区", "单位", "2021年", "2022年"])
    sheet.append(["细颗粒物年均浓度", "大兴区", "μg/m³", 33, "abc"])
    book.save(tmp_path / "t.xlsx")
    checked = checked_from(RULE)
    found = the_only(raised_diagnostics(load_plan_data, [tmp_path / "t.xlsx"],
                                        checked.indicators, checked.units))
    assert (found.code, found.span.line) == ("D320", 2)


def test_a_wide_table_is_plan_data(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(WIDE, encoding="utf-8")
    assert classify(path) == "plan_data"


def test_a_kind_column_beside_headings_that_say_the_kind_is_d311(tmp_path: Path) -> None:
    found = raised_diagnostics(load, tmp_path, "指标,地区,单位,2021年,2025年目标,类型\n"
                                               "细颗粒物年均浓度,大兴区,μg/m³,33,35,实际\n")
    assert the_only(found).code == "D311"


@pytest.mark.parametrize("text", [WIDE.replace("地区,", "").replace("大兴区,", ""),
                                  LONG.replace("region,", "").replace("大兴区,", "")])
def test_a_table_without_regions_is_about_the_plans_region(tmp_path: Path, text: str) -> None:
    data = load(tmp_path, text, region="大兴区")
    assert set(data.frame["region"]) == {"大兴区"}
    assert "D347" in {w.code for w in data.warnings}
    assert "D313" in {d.code for d in raised_diagnostics(load, tmp_path, text)}


@pytest.mark.parametrize(("heading", "year", "kind"), [
    ("2025年规划目标", 2025, "target"), ("2025年预期目标", 2025, "target"),
    ("2025年目标值", 2025, "target"), ("“十四五”目标", 2025, "target"),
    ("“十四五”规划目标值", 2025, "target"), ("2020年基期值", 2020, "actual"),
    ("2023年预计", 2023, "actual"), ("2023年(预计完成)", 2023, "actual")])
def test_an_evaluation_tables_headings_give_the_period_and_kind(
        tmp_path: Path, heading: str, year: int, kind: str) -> None:
    frame = load(tmp_path, f"指标,地区,单位,{heading}\n细颗粒物年均浓度,大兴区,微克/立方米,33\n"
                 ).frame
    assert (int(frame["year"].iloc[0]), frame["kind"].iloc[0]) == (year, kind)


def test_an_estimate_is_read_as_the_actual_and_its_note_says_so(tmp_path: Path) -> None:
    frame = load(tmp_path, "指标,地区,单位,2022年,2023年预计,备注\n"
                           "细颗粒物年均浓度,大兴区,微克/立方米,32,33,监测值\n").frame
    assert frame[["year", "value", "kind"]].values.tolist() == [[2022, 32.0, "actual"],
                                                                 [2023, 33.0, "actual"]]
    assert frame["note"].tolist() == ["监测值", "2023年预计；监测值"]


def test_a_mean_over_years_is_a_period_of_its_own(tmp_path: Path) -> None:
    loaded = load(tmp_path, "指标,地区,单位,2021-2023年均,2022年\n"
                            "细颗粒物年均浓度,大兴区,微克/立方米,33,32\n")
    assert loaded.frame["period"].tolist()[0] == "2021..2023avg"
    assert "1 of whole years, 0 of parts of a year, 1 mean over several years" in \
        loaded.accounts[0]


def test_a_two_row_header_with_the_status_under_the_year(tmp_path: Path) -> None:
    frame = load(tmp_path, "指标,地区,单位,2022年,,\n,,,计划,完成,完成情况\n"
                           "细颗粒物年均浓度,大兴区,微克/立方米,34,32,完成\n").frame
    assert frame[["year", "value", "kind"]].values.tolist() == [[2022, 34.0, "target"],
                                                                 [2022, 32.0, "actual"]]
    assert frame["note"].tolist() == ["2022年完成情况：完成"] * 2


def test_a_two_row_header_with_a_value_and_its_growth_under_the_year(tmp_path: Path) -> None:
    checked = checked_from(RULE)  # with the bundled catalogue: revenue and its growth
    path = tmp_path / "t.csv"
    path.write_text("指标,地区,单位,2024年,\n,,,绝对值,比上年增长(%)\n"
                    "一般公共预算收入,大兴区,亿元,110.4,5\n", encoding="utf-8")
    frame = load_plan_data([path], checked.indicators, checked.units).frame
    assert sorted(zip(frame["indicator"], frame["year"], frame["value"], strict=True)) == [
        ("general_budget_revenue", 2024, 110.4), ("general_budget_revenue_growth", 2024, 5.0)]


def test_indicators_across_in_a_workbook_under_a_title(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["大兴区主要指标"],
                ["年份", "地区", "细颗粒物年均浓度(微克/立方米)", "森林覆盖率(%)"],
                [2022, "大兴区", 32, 34], [2024, "大兴区", 34, "—"]):
        sheet.append(row)
    path = tmp_path / "across.xlsx"
    book.save(path)
    checked = checked_from(RULE)
    loaded = load_plan_data([path], checked.indicators, checked.units)
    assert sorted(zip(loaded.frame["indicator"], loaded.frame["year"], loaded.frame["value"],
                      strict=True)) == [("forest_coverage", 2022, 34.0),
                                        ("pm25_annual_mean", 2022, 32.0),
                                        ("pm25_annual_mean", 2024, 34.0)]
    assert ": 3 figures (a wide table: one per filled cell, from 2 rows) read: 3 in the " \
        "catalogue" in loaded.accounts[0]
    assert {d.code for d in loaded.warnings} >= {"D318", "D346"}
