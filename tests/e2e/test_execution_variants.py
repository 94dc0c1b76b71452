"""Execution-report tables as offices publish them (tests/data/real-variants/execution/,
real Daxing figures with their sources): a 完成情况 per year under a two-row header, 计划 |
执行 under a year with 序号 and 属性, `全区合计` regions, 上半年 columns with `/`, `-`, `—`
and a `注：` row, `2022年完成情况` headings, 目标 | 完成 | 完成情况 with a 数据来源 row.
Each loads with every figure counted (issue 10), also as a workbook with merged cells."""

from __future__ import annotations

import csv
import functools
from pathlib import Path

import openpyxl
import pytest

from tests.helpers import check_json
from tests.helpers import outcome_of as outcome

ROOT = Path(__file__).resolve().parents[2]
EXECUTION = ROOT / "tests" / "data" / "real-variants" / "execution"
TABLES = sorted(EXECUTION.glob("*.csv"))
check = functools.cache(check_json)
GAPS = {"", "—", "-", "/", "／"}


def figures_of(path: Path) -> int:
    """The filled cells under a year (or a second-row word under one), as a reader counts."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    years = [i for i, h in enumerate(rows[0]) if h.startswith("20")]
    spans = [i for i, h in enumerate(rows[0]) if i > min(years) and not h and i < max(years) + 3
             and any(r[i].strip() not in GAPS for r in rows[2:] if len(r) > i)]
    body = rows[2:] if not rows[1][0] else rows[1:]
    words = {"完成", "未完成", "超额完成"}
    return sum(1 for r in body for i in (*years, *spans)
               if r[i].strip() not in GAPS and r[i].strip() not in words)


def test_there_are_six_execution_tables() -> None:
    assert len(TABLES) == 6


@pytest.mark.parametrize("path", TABLES, ids=lambda p: p.name)
def test_each_table_loads_with_every_figure_counted(path: Path) -> None:
    code, result, stderr = check(path)
    assert code != 2, stderr
    (note,) = [n for n in result["notes"] if n.startswith(f"`{path.relative_to(ROOT)}`")]
    assert note.startswith(f"`{path.relative_to(ROOT)}`: {figures_of(path)} figures"), note
    assert not [n for n in result["notes"] if n.startswith("error")]


@pytest.mark.parametrize("name", ["plan-exec.csv", "target-done-words.csv", "year-status.csv"])
def test_the_2022_targets_are_judged_against_the_years_actual(name: str) -> None:
    _, result, _ = check(EXECUTION / name)
    assert outcome(result, "ANNUAL-01")["outcome"] == "fail"  # 3 % against 6%以上
    assert outcome(result, "ANNUAL-03")["outcome"] == "pass"  # 32 against 34


def test_the_regions_total_row_is_the_districts_figure() -> None:
    _, result, _ = check(EXECUTION / "region-total.csv")
    assert "(1 row of `全区`, 2 rows of `全区合计` in the region column: the district's " \
        "total, read as the plan's region)" in result["notes"][0] or any(
            "2 rows of `全区合计` in the region column" in n for n in result["notes"])
    assert outcome(result, "AIR-03")["outcome"] == "fail"  # 32 (2022), 34 (2024)


def test_the_plan_exec_table_as_a_workbook_with_merged_cells(tmp_path: Path) -> None:
    with (EXECUTION / "plan-exec.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append([float(c) if c.replace(".", "", 1).isdigit() else (c or None)
                      for c in row])
    sheet.merge_cells("D1:E1")  # 2022年 over 计划 | 执行
    for column in "ABCFG":
        sheet.merge_cells(f"{column}1:{column}2")
    path = tmp_path / "plan-exec.xlsx"
    book.save(path)
    code, result, stderr = check(path)
    assert code != 2, stderr
    assert result["notes"][0].startswith(f"`{path}`: 7 figures") or any(
        n.startswith(f"`{path}`: 7 figures") for n in result["notes"])
    assert outcome(result, "ANNUAL-01")["outcome"] == "fail"
    assert outcome(result, "ANNUAL-03")["outcome"] == "pass"
