"""Two loading gaps of real execution-report tables (issue 10, checker/data/layouts.py):
a total row (`合计`) is read for what it is — the district's figure when a region column
says it, else a total row named in the note with the figures it gave — and a year's
完成情况 or a second header row of 年度目标/完成值, 计划/执行 is read, not D310/D311."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from checker.data.plan_data import PlanData, load_plan_data
from tests.helpers import checked_from, indicator_points

RULE = """
rule NHD "国家卫生区创建" {
  cite "第一章" line 1: "x"
  kind anticipatory because "预期性"
  require national_health_district by 2023
}
"""


def load(path: Path, rows: list[list[object]]) -> PlanData:
    if path.suffix == ".xlsx":
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        for row in rows:
            sheet.append(row)
        book.save(path)
    else:
        path.write_text("".join(",".join("" if c is None else str(c) for c in row) + "\n"
                                for row in rows), encoding="utf-8")
    checked = checked_from(RULE)
    return load_plan_data([path], checked.indicators, checked.units, region="大兴区")


def kinds(data: PlanData) -> list[tuple[str, int, float, str]]:
    frame = data.frame
    return sorted(zip(frame["indicator"], frame["year"].tolist(), frame["value"].tolist(),
                      frame["kind"], strict=True))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_total_row_in_the_region_column_is_the_districts_figure(tmp_path: Path,
                                                                   suffix: str) -> None:
    data = load(tmp_path / f"t{suffix}", [
        ["序号", "地区", "指标名称", "单位", "2022年"],
        [1, "黄村镇", "细颗粒物年均浓度", "微克/立方米", "—"],
        [2, "旧宫镇", "细颗粒物年均浓度", "微克/立方米", "—"],
        [None, "全区合计", "细颗粒物年均浓度", "微克/立方米", 32]])
    assert data.frame["region"].tolist() == ["大兴区"]
    assert indicator_points(data) == [("pm25_annual_mean", 2022, 32.0)]
    (tally,) = data.tallies
    assert "(1 row of `全区合计` in the region column: the district's total, read as the " \
        "plan's region)" in tally.note


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_total_row_in_the_name_column_is_counted_with_its_figures(tmp_path: Path,
                                                                     suffix: str) -> None:
    data = load(tmp_path / f"t{suffix}", [
        ["指标名称", "单位", "2022年", "2024年"],
        ["固定资产投资", "亿元", 922.3, 835.9],
        ["合 计", "亿元", 922.3, "—"]])
    (tally,) = data.tallies
    assert tally.rows == 2 and tally.outside == (("固定资产投资", 2),)
    assert tally.totals == (("合 计", 1),)
    assert "1 total row with 1 figure (`合 计` 1): sums of the rows above" in tally.note


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_complete_column_per_year_under_a_two_row_header(tmp_path: Path,
                                                            suffix: str) -> None:
    data = load(tmp_path / f"t{suffix}", [
        ["指标", "单位", "2021年", "2022年", "2023年"],
        [None, None, "完成情况", "完成情况", "完成情况"],
        ["细颗粒物年均浓度", "微克/立方米", "—", 32, "—"],
        ["地区生产总值增速", "%", "—", 3, "—"]])
    assert kinds(data) == [("gdp_growth", 2022, 3.0, "actual"),
                           ("pm25_annual_mean", 2022, 32.0, "actual")]


@pytest.mark.parametrize("below", [("年度目标", "完成值"), ("计划", "执行"),
                                   ("目标值", "实际完成")])
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_target_and_actual_words_under_each_year(tmp_path: Path, suffix: str,
                                                 below: tuple[str, str]) -> None:
    data = load(tmp_path / f"t{suffix}", [
        ["指标", "单位", "2022年", None, "2023年", None],
        [None, None, *below, *below],
        ["细颗粒物年均浓度", "微克/立方米", 34, 32, "—", "—"]])
    assert kinds(data) == [("pm25_annual_mean", 2022, 32.0, "actual"),
                           ("pm25_annual_mean", 2022, 34.0, "target")]


def test_a_years_status_column_of_figures_is_its_actual(tmp_path: Path) -> None:
    data = load(tmp_path / "t.csv", [
        ["指标", "单位", "2022年目标", "2022年完成情况", "2023年目标", "2023年完成情况"],
        ["细颗粒物年均浓度", "微克/立方米", 34, 32, "—", "—"]])
    assert kinds(data) == [("pm25_annual_mean", 2022, 32.0, "actual"),
                           ("pm25_annual_mean", 2022, 34.0, "target")]


def test_a_years_status_column_of_words_is_kept_in_the_note(tmp_path: Path) -> None:
    data = load(tmp_path / "t.csv", [
        ["指标", "单位", "2022年", None, None, "2024年", None, None],
        [None, None, "目标", "完成", "完成情况", "目标", "完成", "完成情况"],
        ["细颗粒物年均浓度", "微克/立方米", 34, 32, "完成", "—", 34, "—"]])
    assert kinds(data) == [("pm25_annual_mean", 2022, 32.0, "actual"),
                           ("pm25_annual_mean", 2022, 34.0, "target"),
                           ("pm25_annual_mean", 2024, 34.0, "actual")]
    assert set(data.frame["note"]) == {"2022年完成情况：完成；2024年完成情况：—"}
