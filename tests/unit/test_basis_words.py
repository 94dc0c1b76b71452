"""A basis cell as reports word it (checker/data/bases.py), a kind cell in a report's
words, and a base year marked in a period cell.

A table built from two reports had `扣除新冠疫苗影响` on the 2022 GDP target and actual,
so ECON-03 (`basis "扣除疫苗"`) listed 2022's GDP growth as missing; `初步预计` in the basis
column put 2024's revenue on a basis of its own that no rule read; `实际完成`/`预期目标`
in the kind column and `2020年（基期）` in the period column were refused (D343, D324)
although the table readers take the same words as headings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.data.bases import basis_of
from checker.data.periods import read_period
from checker.pipeline import check_with
from checker.syntax.suite import load_suite
from checker.types.typecheck import typecheck


@pytest.mark.parametrize(("written", "basis", "note"), [
    ("扣除疫苗", "扣除疫苗", ""),
    ("扣除疫苗影响", "扣除疫苗", "口径：扣除疫苗影响"),
    ("扣除新冠疫苗影响", "扣除疫苗", "口径：扣除新冠疫苗影响"),
    ("（扣除新冠疫苗影响）", "扣除疫苗", "口径：（扣除新冠疫苗影响）"),
    ("扣除沙尘影响", "扣除沙尘", "口径：扣除沙尘影响"),
    ("可比价", "可比价", ""),
    ("初步预计", None, "初步预计"),
])
def test_a_basis_as_reports_word_it(written: str, basis: str | None, note: str) -> None:
    assert basis_of(written) == (basis, note)


@pytest.mark.parametrize("written", ["2020年（基期）", "2020年(基期)", "2020(基数)",
                                     "2020年基期值", "截至2020年底", "截止到2020年末"])
def test_a_base_year_or_a_years_end_in_a_period_cell_is_the_year(written: str) -> None:
    found = read_period(written)
    assert found is not None and (found.year, found.annual) == (2020, True)


def test_the_state_at_a_months_end_is_that_month() -> None:
    found = read_period("截至2023年6月底")
    assert found is not None and (found.label, found.end.isoformat()) == ("2023-06",
                                                                          "2023-06-30")


def test_a_kind_cell_in_a_reports_words(tmp_path: Path) -> None:
    """`预计完成` is an actual, estimated (the word in its note); `规划目标` a target."""
    path = tmp_path / "kinds.csv"
    path.write_text("指标,地区,年份,指标值,单位,类型\n"
                    "一般公共预算收入,大兴区,2024,110.4,亿元,预计完成\n"
                    "地区生产总值增长率,大兴区,2025,5,%,规划目标\n", encoding="utf-8")
    result = check_with(typecheck(load_suite().suite), [path], as_of=2024, max_findings=None)
    rows = {(row.indicator, row.subject_kind): row for row in result.indicators}
    revenue = rows[("general_budget_revenue", "actual")].latest
    assert revenue is not None and (revenue.value, revenue.note) == (110.4, "预计完成")
    target = rows[("gdp_growth", "target")].latest
    assert target is not None and (target.year, target.value) == (2025, 5.0)


def test_a_report_table_in_its_own_words_loads_and_reads_each_basis(tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    path.write_text(
        "指标名称,地区,时期,数值,单位,类型,口径,备注\n"
        "地区生产总值增速,大兴区,2022年,3%,%,实际完成,扣除新冠疫苗影响,\n"
        "地区生产总值增速,大兴区,2022年,6%以上,%,预期目标,扣除疫苗,\n"
        "一般公共预算收入,大兴区,2024年,110.4,亿元,实际完成,初步预计,政府工作报告\n"
        "细颗粒物年均浓度,大兴区,2020年（基期）,37,微克/立方米,实际,,\n", encoding="utf-8")
    result = check_with(typecheck(load_suite().suite), [path], as_of=2024, max_findings=None)
    found = {(o.rule, o.subject): o for o in result.outcomes}
    assert found[("ANNUAL-01", "大兴区")].outcome == "fail"  # 3 % against 6%以上, one basis
    assert "gdp_growth (2022, 扣除疫苗) = 3%" in found[("ECON-03", "大兴区")].message
    (revenue,) = [row for row in result.indicators if row.indicator == "general_budget_revenue"]
    assert revenue.latest is not None and revenue.latest.value == 110.4  # the headline figure
    assert revenue.latest.note == "政府工作报告; 初步预计"
    (pm,) = [row for row in result.indicators if row.indicator == "pm25_annual_mean"]
    assert pm.base is not None and (pm.base.year, pm.base.value) == (2020, 37.0)
    assert not any("basis `初步预计`" in note for note in result.notes)
