"""Plan-data tables shaped as offices publish them, fourth round (issue 10): padded and
doubled dashes in big tidy tables, several years each with its growth column, totals over
a span of years — each loads exactly or says precisely why not, never a silent drop."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.data.headings import gap_cells, gap_word
from checker.data.plan_data import PlanData, load_plan_data
from checker.diagnostics import Diagnostic
from tests.helpers import checked_from, raised_diagnostics, the_only

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
    return [d for d in raised_diagnostics(load, *args) if d.severity == "error"]


def points(data: PlanData) -> list[tuple[object, ...]]:
    frame = data.frame
    return sorted(zip(frame["indicator"], frame["year"].astype(int),
                      frame["value"].astype(float), strict=True))


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
