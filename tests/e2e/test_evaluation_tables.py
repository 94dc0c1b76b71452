"""The real Daxing figures in the shapes of the evaluation and execution tables offices
publish (tests/data/real-variants/evaluation), each loaded exactly: every row counted, the
indicators outside the catalogue named, the report's own words kept as notes.

- `midterm.csv`: a midterm evaluation's `序号 | 指标名称 | 单位 | 2020年基期值 | 2025年目标值 |
  2021年 | 2022年 | 2023年 | 属性`, group rows (`一、经济发展`) between the indicators, `—`
  and `/` for no figure;
- `plan-done.csv`: an execution report's `指标 | 2022年计划 | 2022年完成 | 完成情况`, the unit
  in the name (`地区生产总值增速(%)`);
- `merged.csv`: `（一）…` group rows, an indicator named once for a target and an actual row
  (a merged cell, exported), its 口径 on one of them;
- `units-in-names.csv`: `一般公共预算收入（亿元）`, `专精特新“小巨人”企业（家）`, `/` and `／`;
- `averages.csv`: `2016-2020年均` and `2016-2020年累计` beside the years;
- `two-row-header.csv`: a year row over a `目标 | 完成` row;
- `half-year-notes.csv`: a half-year's figures and the notes under the table (`注：`, `数据来源：`).

The shapes that come from Excel (merged cells, a two-row header with the year merged over
its columns) are also written as workbooks with real merged cells, and must read as their
CSV export does.
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from checker.data.plan_data import load_plan_data
from checker.syntax.suite import load_suite
from checker.types.typecheck import typecheck
from checker.types.typed import CheckedSuite
from tests.helpers import check_json, table_note
from tests.helpers import outcome_of as outcome

ROOT = Path(__file__).resolve().parents[2]
check = functools.cache(check_json)
EVALUATION = ROOT / "tests" / "data" / "real-variants" / "evaluation"
TABLES = sorted(EVALUATION.glob("*.csv"))


@functools.cache
def bundled() -> CheckedSuite:
    return typecheck(load_suite().suite)


def frame_of(path: Path) -> Any:
    suite = bundled()
    return load_plan_data([path], suite.indicators, suite.units, region="大兴区").frame


def note_text(result: dict[str, Any], path: Path) -> str:
    return table_note(result, path).split(": ", 1)[1]


def points(result: dict[str, Any]) -> set[tuple[Any, ...]]:
    return {(s["indicator"], s["kind"], p["year"], p["value"]) for s in result["series"]
            for p in s["points"]}


def test_there_are_seven_evaluation_tables() -> None:
    assert [p.name for p in TABLES] == [
        "averages.csv", "half-year-notes.csv", "merged.csv", "midterm.csv", "plan-done.csv",
        "two-row-header.csv", "units-in-names.csv"]


@pytest.mark.parametrize("path", TABLES, ids=lambda p: p.name)
def test_each_table_loads_with_every_figure_counted(path: Path) -> None:
    code, result, stderr = check(path)
    assert code != 2, stderr
    assert not [n for n in result["notes"] if n.startswith("error")]
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    note = note_text(result, path)
    read = int(note.split(" ")[0])
    catalogued = int(note.split(" read: ")[1].split(" in the catalogue")[0])
    outside = sum(int(n.rsplit(" ", 1)[1]) for n in note.split("named: ")[1].split(")")[0]
                  .split(", ")) if "named: " in note else 0
    assert catalogued + outside == read  # the parts add up
    # the cells that give a figure: under a period heading, neither empty nor a gap word
    header = rows[1] if path.name == "two-row-header.csv" else rows[0]
    years = [i for i, h in enumerate(rows[0]) if h.startswith("20") or (not h and i > 1)]
    data = rows[2:] if path.name == "two-row-header.csv" else rows[1:]
    figures = sum(1 for row in data for i in years
                  if row[i].strip() not in ("", "—", "/", "／"))
    assert read == figures, (header, note)


def test_a_midterm_evaluation_reads_base_target_years_and_attribute() -> None:
    path = EVALUATION / "midterm.csv"
    _, result, _ = check(path)
    assert note_text(result, path) == (
        "8 figures (a wide table: one per filled cell, from 10 rows) read: 6 in the "
        "catalogue, 2 not (named: `固定资产投资` 1, `生活垃圾回收利用率` 1), besides 3 section "
        "headings: `一、经济发展`, `二、绿色生态`, `三、民生福祉` (rows, not figures); "
        "of the 6: 6 of whole years, 0 of parts of a year (2 qualified figures, 2 targets, "
        "6 read by an indicator's name)")
    assert any("[D346]" in n and "27 cells" in n and "(`—` 23, `/` 4)" in n
               for n in result["notes"])
    frame = frame_of(path)
    read = {(r.indicator, r.kind, int(r.year)): r for r in frame.itertuples()}
    assert read["pm25_annual_mean", "actual", 2020].value == 37.0  # 2020年基期值: the base
    assert read["urban_green_coverage", "actual", 2020].value == 46.89
    target = read["preschool_enrolment_rate", "target", 2025]  # 2025年目标值: a target
    assert target.qualifier == "99%以上" and target.low == 99.0
    # 属性 kept in the row's note, before the report's own words
    assert read["pm25_annual_mean", "actual", 2022].note.startswith("属性：约束性；“PM2.5浓度")
    assert read["general_budget_revenue", "actual", 2022].note.startswith("属性：预期性；")


def test_an_execution_tables_plan_and_done_columns_and_status_words() -> None:
    path = EVALUATION / "plan-done.csv"
    _, result, _ = check(path)
    assert note_text(result, path) == (
        "8 figures (a wide table: one per filled cell, from 5 rows) read: 5 in the catalogue, "
        "3 not (named: `固定资产投资` 2, `社会消费品零售额增速` 1); of the 5: 5 of whole years, "
        "0 of parts of a year (1 qualified figure, 3 targets, 5 read by an indicator's name)")
    assert outcome(result, "ANNUAL-01")["message"] == (
        "2022: 3% < 6% (target 6%以上), short by 3 percentage points, 50 %")
    assert outcome(result, "ANNUAL-03")["outcome"] == "pass"
    assert outcome(result, "ANNUAL-04")["outcome"] == "unknown"  # 重污染天数 2022: `—`
    notes = {(r.indicator, r.kind): r.note for r in frame_of(path).itertuples()}
    assert notes["gdp_growth", "actual"].startswith("完成情况：未完成；")
    assert notes["pm25_annual_mean", "target"].startswith("完成情况：完成；")
    assert notes["heavy_pollution_days", "target"].startswith("“重污染天数控制在8天”")


def test_status_words_of_every_kind_are_kept_as_notes(tmp_path: Path) -> None:
    path = tmp_path / "status.csv"
    path.write_text("指标,单位,2023年计划,2023年完成,完成情况\n"  # figures made up for the words
                    "一般公共预算收入增速,%,5,6,超额完成\n森林覆盖率,%,35,35,完成\n"
                    "细颗粒物年均浓度,微克/立方米,30,31,未完成\n"
                    "地区生产总值增速,%,5,2.6,达到序时进度\n", encoding="utf-8")
    notes = [r.note for r in frame_of(path).itertuples()]
    assert notes == ["完成情况：超额完成"] * 2 + ["完成情况：完成"] * 2 + \
        ["完成情况：未完成"] * 2 + ["完成情况：达到序时进度"] * 2


def test_group_rows_and_a_merged_name_over_a_target_and_an_actual_row() -> None:
    path = EVALUATION / "merged.csv"
    _, result, _ = check(path)
    assert note_text(result, path) == (
        "8 figures (a wide table: one per filled cell, from 9 rows) read: 8 in the catalogue, "
        "0 not, besides 2 section headings: `（一）经济发展`, `（二）生态环境` (rows, "
        "not figures); of the 8: 8 of whole years, 0 of parts of a year (2 on a stated basis, "
        "3 targets, 8 read by an indicator's name)")
    assert any("[D349]" in n and "3 rows" in n for n in result["notes"])
    assert outcome(result, "ANNUAL-03")["outcome"] == "pass"  # 32 within 34 (2022)
    assert outcome(result, "AIR-03")["outcome"] == "fail"  # 32 (2022), 34 (2024)
    read = {(r.indicator, r.kind, int(r.year), None if pd.isna(r.basis) else r.basis): r.value
            for r in frame_of(path).itertuples()}
    assert read["gdp_growth", "actual", 2022, "扣除疫苗"] == 3.0  # 口径 on the first row only
    assert read["gdp_growth", "actual", 2024, None] == 5.2
    assert read["general_budget_revenue_growth", "target", 2022, "扣除疫苗"] == 7.0


def test_units_in_names_and_slashes_for_not_applicable() -> None:
    path = EVALUATION / "units-in-names.csv"
    _, result, _ = check(path)
    assert note_text(result, path) == (
        "11 figures (a wide table: one per filled cell, from 7 rows) read: 5 in the catalogue, "
        "6 not (named: `“国高新”企业保有量` 1, `专精特新“小巨人”企业` 1, `固定资产投资` 2, "
        "`污水处理率` 2); of the 5: 5 of whole years, 0 of parts of a year (5 read by an "
        "indicator's name)")
    assert any("[D346]" in n and "(`—` 1, `/` 2)" in n for n in result["notes"])
    assert ("general_budget_revenue", "actual", 2024, 110.4) in points(result)


def test_means_and_totals_over_years_are_kept_not_read_as_a_year() -> None:
    path = EVALUATION / "averages.csv"
    _, result, _ = check(path)
    assert note_text(result, path) == (
        "7 figures (a wide table: one per filled cell, from 3 rows) read: 4 in the catalogue, "
        "3 not (named: `固定资产投资` 3); of the 4: 3 of whole years, 0 of parts of a year, "
        "1 mean over several years (1 qualified figure, 4 read by an indicator's name)")
    assert any("`general_budget_revenue_growth` 2016..2020avg = 超过9%" in n
               for n in result["notes"])
    periods = {(r.indicator, r.period) for r in frame_of(path).itertuples()
               if isinstance(r.period, str)}
    assert periods == {("general_budget_revenue_growth", "2016..2020avg")}


def test_a_two_row_header_reads_each_years_target_and_actual() -> None:
    path = EVALUATION / "two-row-header.csv"
    _, result, _ = check(path)
    assert note_text(result, path) == (
        "9 figures (a wide table: one per filled cell, from 4 rows) read: 9 in the catalogue, "
        "0 not; of the 9: 9 of whole years, 0 of parts of a year (1 qualified figure, "
        "4 targets, 9 read by an indicator's name)")
    assert outcome(result, "ANNUAL-01")["outcome"] == "fail"  # 3 < 6%以上 (2022)
    assert outcome(result, "ANNUAL-03")["outcome"] == "pass"


def test_notes_under_a_half_years_table_are_counted() -> None:
    path = EVALUATION / "half-year-notes.csv"
    _, result, _ = check(path)
    assert note_text(result, path) == (
        "3 figures (a wide table: one per filled cell, from 5 rows) read: 0 in the catalogue, "
        "3 not (named: `固定资产投资` 1, `社会消费品零售额` 1, `规模以上工业总产值` 1), besides "
        "2 notes under the table: `注：上半年数据为1-6月累计。`, `数据来源：北京商报 2021-07-27。` "
        "(rows, not figures)")


# ------------------------------------------------------------------ as Excel saves them


def _cell(text: str) -> object:
    """A cell as Excel stores what was typed: a number as a number."""
    try:
        number = float(text)
    except ValueError:
        return text or None
    return int(number) if number.is_integer() and "." not in text else number


def workbook(tmp_path: Path, name: str, merges: list[str]) -> Path:
    import openpyxl

    with (EVALUATION / name).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append([_cell(c) for c in row])
    for merged in merges:
        sheet.merge_cells(merged)
    path = tmp_path / name.replace(".csv", ".xlsx")
    book.save(path)
    return path


@pytest.mark.parametrize(("name", "merges"), [
    # the name, 序号 and 单位 of each indicator merged over its target and actual rows
    ("merged.csv", ["A3:A4", "B3:B4", "C3:C4", "A5:A6", "B5:B6", "C5:C6", "A8:A9", "B8:B9",
                    "C8:C9"]),
    # 指标 and 单位 over both header rows, each year over its 目标 and 完成 columns
    ("two-row-header.csv", ["A1:A2", "B1:B2", "C1:D1", "E1:F1", "G1:G2", "H1:H2"]),
    ("midterm.csv", ["A2:K2", "A5:K5", "A9:K9"]),  # group rows merged across the table
], ids=["merged", "two-row-header", "midterm"])
def test_a_workbook_with_merged_cells_reads_as_its_csv_export(tmp_path: Path, name: str,
                                                             merges: list[str]) -> None:
    path = workbook(tmp_path, name, merges)
    code, result, stderr = check(path)
    assert code != 2, stderr
    _, twin, _ = check(EVALUATION / name)
    assert points(result) == points(twin)
    assert sorted((o["rule"], o["outcome"]) for o in result["outcomes"]) == \
        sorted((o["rule"], o["outcome"]) for o in twin["outcomes"])
    assert note_text(result, path) == note_text(twin, EVALUATION / name)
