"""The workbook (`--format xlsx`) opened with openpyxl and checked cell by cell, and the CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from checker.result import Result
from reports import render, render_bytes
from tests.unit.test_reports_golden import fixed


def book(result: Result | None = None, lang: str = "en") -> Any:
    data = render_bytes(result or fixed(), "xlsx", lang=lang)
    return load_workbook(io.BytesIO(data))


def rows(sheet: Worksheet) -> list[dict[str, Any]]:
    head = [cell.value for cell in sheet[1]]
    return [dict(zip(head, (cell for cell in row), strict=True))
            for row in sheet.iter_rows(min_row=2)]


def test_the_sheets_with_frozen_headers() -> None:
    workbook = book()
    # the fixed result states a 2023 target (a subordinate plan's): the annual sheet is there
    assert workbook.sheetnames == ["Indicators", "Findings", "Inputs", "Annual 2023"]
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])


def test_one_row_per_indicator_and_region_with_base_target_latest_status_source() -> None:
    sheet = book().worksheets[0]
    found = rows(sheet)
    assert len(found) == len(fixed().indicators)
    land = found[0]
    assert land["id"].value == "urban_rural_construction_land"
    assert (land["base year"].value, land["base"].value) == ("2020", 318.5)
    assert land["base"].number_format == 'General" km²"'
    assert (land["target value"].value, land["deadline"].value) == (319, 2025)
    assert land["target"].value == "<= 319 km² each year 2021–2025"
    assert (land["year"].value, land["latest"].value) == ("2023", 319.4)
    assert land["status"].value == "fail"
    assert land["status"].fill.start_color.rgb == "00FFC7CE"
    assert land["source"].value == '监测 "季报", 2023'
    assert land["note"].value == "初步数据⏎待核"  # one line, the newline shown
    assert land["plan sentence"].value == "城乡建设用地规模控制在319平方公里以内"
    assert land["rules"].value == "LAND-01, LAND-02"
    assert sheet.column_dimensions["A"].width == 26
    percent = found[1]
    assert (percent["latest"].value, percent["latest"].number_format) == (83.5, 'General"%"')
    assert percent["status"].value == "lagging"
    assert found[2]["region"].value == "大兴区 (target)"


def test_a_milestone_shows_words_not_numbers() -> None:
    found = {r["指标代码"].value: r for r in rows(book(lang="zh").worksheets[0])}
    assert found["national_health_district"]["最新值"].value == "是"


def test_chinese_headings_sheet_names_and_status_words() -> None:
    workbook = book(lang="zh")
    assert workbook.sheetnames == ["指标", "检查结果", "输入", "2023年计划执行"]
    head = [cell.value for cell in workbook.worksheets[0][1]]
    assert head[:3] == ["指标代码", "指标名称", "地区"]
    statuses = [r["进展情况"].value for r in rows(workbook.worksheets[0])]
    assert statuses == ["未通过", "滞后于预期", "基本符合预期", "未通过", "基本符合预期", "通过",
                        "待定"]


def test_findings_sheet_lists_every_outcome_with_evidence_and_origin() -> None:
    result = fixed()
    found = rows(book(result).worksheets[1])
    assert len(found) == len(result.outcomes)
    first = result.outcomes[0]
    assert (found[0]["rule"].value, found[0]["subject"].value) == (first.rule, first.subject)
    land = next(r for r in found if r["rule"].value == "LAND-01")
    assert land["from"].value == "data/daxing-2023.csv:row 4"
    assert "observed: " in land["evidence"].value


def test_inputs_sheet_has_files_rows_and_notes() -> None:
    cells = [[c.value for c in row] for row in book().worksheets[2].iter_rows()]
    assert cells[1] == ["proposals/批次 <1>.yaml", "proposals", 4]
    assert cells[2] == ["data/daxing-2023.csv", "plan data", 18]
    assert cells[3][0].startswith("note: plan data for `<b onmouseover")


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+1", "@SUM(A1)"])
def test_text_that_looks_like_a_formula_stays_text(text: str) -> None:
    result = fixed()
    row = result.indicators[0].model_copy(update={"name": text})
    result = result.model_copy(update={"indicators": [row]})
    cell = book(result).worksheets[0]["B2"]
    assert (cell.value, cell.data_type) == (text, "s")
    shown = list(csv.reader(io.StringIO(render(result, "csv"))))
    assert shown[1][1] == "'" + text


def test_csv_has_every_row_and_numbers_plain() -> None:
    table = list(csv.DictReader(io.StringIO(render(fixed(), "csv"))))
    assert len(table) == len(fixed().indicators)
    assert (table[0]["base"], table[0]["unit"], table[0]["status"]) == ("318.5", "km²", "fail")


def test_chinese_reasons_are_worded_from_the_facts_not_the_english_text() -> None:
    found = rows(book(lang="zh").worksheets[0])
    assert found[1]["说明"].value == "BUS-01：目标完成进度35%，时间进度60%（以2020年为基数）"
    assert found[0]["说明"].value == "LAND-01：2022、2023年未达标"
    assert found[5]["说明"].value == "HEALTH-01: holds (2023)"  # no facts: the English reason


def test_annual_sheet_cell_by_cell() -> None:
    sheet = book(lang="zh")["2023年计划执行"]
    assert [c.value for c in sheet[1]] == ["指标名称", "地区", "2023年目标", "2023年实际",
                                           "完成情况", "规划目标", "进展情况"]
    (row,) = rows(sheet)
    assert row["指标名称"].value == "公交站点500米覆盖率"
    assert row["2023年目标"].value == 86.0 and row["2023年目标"].number_format == 'General"%"'
    assert row["2023年实际"].value == 83.5
    assert row["完成情况"].value == "未完成"
    assert row["规划目标"].value == ">= 90%（2025年）"
    assert row["进展情况"].value == "滞后于预期"


def test_no_annual_sheet_without_a_stated_target_of_the_year() -> None:
    later = fixed().model_copy(update={"as_of": 2025})
    assert "Annual 2025" not in book(later).sheetnames


def test_real_pm25_row_has_its_base_the_plans_target_and_its_source() -> None:
    # the reviewers' check: real Daxing figures, --as-of 2024, read as a workbook
    from pathlib import Path

    from checker.pipeline import check

    data = sorted((Path(__file__).resolve().parents[2] / "examples" / "data")
                  .glob("daxing-real-*.csv"))
    sheet = book(check(data, as_of=2024), lang="zh").worksheets[0]
    found = [r for r in rows(sheet) if r["指标代码"].value == "pm25_annual_mean"
             and r["地区"].value == "大兴区"]
    assert len(found) == 1
    pm = {k: v.value for k, v in found[0].items()}
    assert (pm["基期年份"], pm["基期值"]) == ("2020", 37)
    # `< 37` (below the base) and `<= 35` are both due 2025: the target is the tighter 35
    assert (pm["目标值"], pm["目标年份"]) == (35, 2025)
    assert (pm["年份"], pm["最新值"], pm["进展情况"]) == ("2024", 34, "未通过")
    assert "bjdx.gov.cn" in pm["数据来源"]
