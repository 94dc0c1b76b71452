"""Plan-data tables shaped as offices publish them, fourth round (issue 10): padded and
doubled dashes in big tidy tables, several years each with its growth column, totals over
a span of years — each loads exactly or says precisely why not, never a silent drop."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.data.headings import gap_cells, gap_word
from checker.data.plan_data import PlanData, load_plan_data
from checker.diagnostics import Diagnostic
from tests.helpers import checked_from, indicator_points, raised_errors, the_only

RULE = """
rule NHD "国家卫生区创建" {
  cite "第一章" line 1: "x"
  kind anticipatory because "预期性"
  require national_health_district by 2023
}
"""


def load(tmp_path: Path, text: str, name: str = "t.csv", encoding: str = "utf-8") -> PlanData:
    checked = checked_from(RULE)
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return load_plan_data([path], checked.indicators, checked.units, region="大兴区")


def errors(*args: object) -> list[Diagnostic]:
    return raised_errors(load, *args)


points = indicator_points


# ------------------------------------------------------------------ gaps


@pytest.mark.parametrize(("cell", "word"), [(" — ", "—"), ("－", "-"), ("——", "——"),
                                            ("　—　", "—"), ("―", "―"), ("─", "─"),
                                            (" －－ ", "--"), ("–", "–"), (" 暂无 ", "暂无")])
def test_a_padded_or_doubled_dash_is_a_gap_word(cell: str, word: str) -> None:
    assert gap_word(cell) == word


@pytest.mark.parametrize("cell", ["-3", "—3", "3", "", "增长", "一"])
def test_a_figure_or_other_words_are_no_gap_word(cell: str) -> None:
    assert gap_word(cell) is None


def test_gap_cells_agree_on_arrow_and_python_columns() -> None:
    import pandas as pd

    cells = [" — ", "32", None, "－", "——", "x", "—3", " 暂无"]
    arrow = gap_cells(pd.Series(cells, dtype="string[pyarrow]")).tolist()
    plain = gap_cells(pd.Series(cells, dtype=object)).tolist()
    assert arrow == plain == [True, False, False, True, True, False, False, True]


def test_padded_gap_words_in_a_big_tidy_table_are_gaps_counted(tmp_path: Path) -> None:
    words = [" — ", "－", " －－ ", "—— ", "―", "　暂无"]
    rows = ["indicator,region,year,value,unit,kind"]
    for year in range(1950, 2200):
        cell = words[year % len(words)] if year % 5 == 0 else str(30 + year % 3)
        rows.append(f"pm25_annual_mean,大兴区,{year},{cell},μg/m³,actual")
    data = load(tmp_path, "\n".join(rows) + "\n")
    gaps = sum(1 for year in range(1950, 2200) if year % 5 == 0)
    assert len(data) == 250 - gaps
    warning = the_only([w for w in data.warnings if w.code == "D346"])
    assert warning.message.startswith(f"{gaps} rows of ")
    for word in ("`—` ", "`-` ", "`--` ", "`——` ", "`―` ", "`暂无` "):
        assert word in warning.message
    (tally,) = data.tallies
    assert tally.rows == 250 and f"{gaps} no figure ({gaps} gaps (" in tally.note


# ------------------------------------------------------------------ growth columns


def test_each_years_growth_column_is_that_years_growth(tmp_path: Path) -> None:
    data = load(tmp_path, "指标,单位,2023年,比上年增长(%),2024年,比上年增长(%)\n"
                          "一般公共预算收入,亿元,105.1,0.6,110.4,5\n"
                          "地区生产总值,亿元,—,—,—,5.2\n")
    assert points(data) == [("gdp_growth", 2024, 5.2),
                            ("general_budget_revenue", 2023, 105.1),
                            ("general_budget_revenue", 2024, 110.4),
                            ("general_budget_revenue_growth", 2023, 0.6),
                            ("general_budget_revenue_growth", 2024, 5.0)]
    gaps = the_only([w for w in data.warnings if w.code == "D346"])
    assert gaps.message.startswith("3 cells of the wide table")  # every `—` of the file
    (tally,) = data.tallies
    assert ": 5 figures (a wide table: one per filled cell, from 2 rows) read: 5 in the " \
        "catalogue, 0 not" in tally.note


@pytest.mark.parametrize("years", ["2023年,2024年", "2024年,2023年"])
def test_a_growth_after_a_year_and_the_one_before_is_the_later_years(tmp_path: Path,
                                                                     years: str) -> None:
    data = load(tmp_path, f"指标,单位,{years},同比增长（%）\n一般公共预算收入,亿元,110.4,110.4,5\n")
    assert ("general_budget_revenue_growth", 2024, 5.0) in points(data)


def test_a_growth_heading_that_names_its_year_is_that_years(tmp_path: Path) -> None:
    data = load(tmp_path, "指标,单位,2023年,2024年,2024年增速(%)\n"
                          "一般公共预算收入,亿元,105.1,110.4,5\n")
    assert ("general_budget_revenue_growth", 2024, 5.0) in points(data)
    assert len(data) == 3


def test_an_increase_beside_a_growth_is_the_rows_increase_outside_the_catalogue(
        tmp_path: Path) -> None:
    data = load(tmp_path, "指标,单位,2024年,增量,增速(%)\n一般公共预算收入,亿元,110.4,5.3,5\n")
    assert points(data) == [("general_budget_revenue", 2024, 110.4),
                            ("general_budget_revenue_growth", 2024, 5.0)]
    assert data.uncatalogued == (("一般公共预算收入增量", 1),)


def test_a_long_tables_growth_column_is_the_rows_years_growth(tmp_path: Path) -> None:
    data = load(tmp_path, "指标,年份,数值,单位,比上年增长(%)\n"
                          "一般公共预算收入,2024,110.4,亿元,5\n一般公共预算收入,2022,104.4,亿元,\n")
    assert points(data) == [("general_budget_revenue", 2022, 104.4),
                            ("general_budget_revenue", 2024, 110.4),
                            ("general_budget_revenue_growth", 2024, 5.0)]


@pytest.mark.parametrize(("header", "why"), [
    ("指标,单位,增速(%),2023年,2024年",
     "no year stands to its left, and the table has 2 years (`2023年`, `2024年`)"),
    ("指标,单位,2023年,增速(%),增长(%)", "`增速(%)` already gives the change of `2023年`"),
    ("指标,单位,2023年,2024年,2022年增速",
     "it names `2022年`, and the table has no column `2022年`"),
    ("指标,单位,2020年,2024年,增速(%)",
     "the 2 years left of it (`2020年`, `2024年`) are not a year and the one before"),
])
def test_a_growth_column_of_no_one_year_is_d310_with_the_fix(tmp_path: Path, header: str,
                                                             why: str) -> None:
    cells = ",".join(str(n) for n in range(header.count(",") - 1))
    found = the_only(errors(tmp_path, f"{header}\n一般公共预算收入,亿元,{cells}\n"))
    assert found.code == "D310"
    assert found.message.endswith(f"gives a change but not of which year: {why}")
    assert found.help.startswith("put each year's growth column right after the year's")


# ------------------------------------------------------------------ totals over years


@pytest.mark.parametrize(("heading", "period"), [("2021—2025年累计", "2021..2025"),
                                                 ("2021-2023年累计", "2021..2023"),
                                                 ("“十四五”累计", "2021..2025"),
                                                 ("2021年～2025年合计", "2021..2025")])
def test_a_total_over_years_is_kept_as_its_span_never_a_years_value(
        tmp_path: Path, heading: str, period: str) -> None:
    data = load(tmp_path, f"指标,单位,2022年,{heading}\n一般公共预算收入,亿元,104.4,310\n")
    frame = data.frame
    total = frame[frame["period"].notna()]
    assert list(total["period"]) == [period]
    assert list(total["year"]) == [int(period[-4:])] and list(total["value"]) == [310.0]
    (tally,) = data.tallies
    assert "1 of whole years, 0 of parts of a year, 1 total over several years" in tally.note


def test_a_total_target_over_the_plan_is_a_target(tmp_path: Path) -> None:
    data = load(tmp_path, "指标,单位,2021-2025年累计目标\n一般公共预算收入,亿元,600\n")
    assert list(zip(data.frame["period"], data.frame["kind"], strict=True)) == [
        ("2021..2025", "target")]


def test_a_total_since_an_unnamed_start_is_d310_saying_to_name_the_years(
        tmp_path: Path) -> None:
    found = the_only(errors(tmp_path, "指标,单位,2022年,“十四五”以来累计\n"
                                      "一般公共预算收入,亿元,104.4,310\n"))
    assert (found.code, found.message) == (
        "D310", "unknown column `“十四五”以来累计` in plan data")
    assert found.help.startswith("a total over years is read when its heading names them")


def test_a_period_column_reads_a_total_over_years(tmp_path: Path) -> None:
    data = load(tmp_path, "indicator,period,value,unit\n"
                          "general_budget_revenue,2021-2023年累计,310,亿元\n")
    assert list(data.frame["period"]) == ["2021..2023"]
