"""Published growth rates (issue 10): an indicator `growth of LEVEL` is the rate a report
publishes for the level (一般公共预算收入同口径增长7%), which `growth(LEVEL)` reads in the
years the data state it — the two rounded levels often give another figure — and computes
from the levels only in the other years."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.syntax.unparse import unparse
from checker.types.typecheck import typecheck
from tests.helpers import raised_diagnostics, rule_file, suite_from, the_only
from tests.unit.test_annual_targets import run

GROWS = """
rule GROWS "revenue grows" {
  cite "第一章" line 1: "x"
  kind anticipatory
  require growth(general_budget_revenue) >= 5% each year in 2022..2023
}
"""


def rows(levels: dict[int, str], rates: dict[int, str], kind: str = "actual") -> list[str]:
    """Plan-data rows of the revenue levels (亿元) and its published rate (%) by year."""
    return [*(f"general_budget_revenue,大兴区,{y},{v},亿元,actual," for y, v in levels.items()),
            *(f"general_budget_revenue_growth,大兴区,{y},{v},%,{kind}," for y, v in rates.items())]


def test_the_published_rate_is_read_where_the_levels_would_say_otherwise(
        tmp_path: Path) -> None:
    # the levels give 4.4 %, the report's same-basis rate 7 % — the report is the figure
    found = run(tmp_path, [*rows({2021: "100", 2022: "104.4"}, {2022: "7"}, "target"),
                           *rows({}, {2022: "7"})])["REV"]
    assert found.outcome == "pass", found.message


def test_a_year_without_a_published_rate_is_computed_from_its_levels(tmp_path: Path) -> None:
    found = run(tmp_path, rows({2021: "100", 2022: "104.4", 2023: "110"}, {2022: "7"}),
                rules=GROWS)["GROWS"]
    assert found.outcome == "pass", found.message
    found = run(tmp_path, rows({2021: "100", 2022: "104.4", 2023: "108"}, {2022: "7"}),
                rules=GROWS)["GROWS"]
    assert found.outcome == "fail"
    assert found.message.startswith("2023: 3.4")


def test_a_published_rate_decides_a_year_whose_levels_are_missing(tmp_path: Path) -> None:
    found = run(tmp_path, rows({2021: "100", 2022: "106"}, {2023: "2"}), rules=GROWS)["GROWS"]
    assert found.outcome == "fail", found.message
    assert "2023: 2% < 5%" in found.message


def test_a_qualified_published_rate_is_reasoned_by_its_bound(tmp_path: Path) -> None:
    found = run(tmp_path, rows({2021: "100", 2022: "106", 2023: "110"}, {2023: "6以上"}),
                rules=GROWS)["GROWS"]
    assert found.outcome == "pass", found.message


def test_growth_of_prints_back_as_written() -> None:
    text = ('indicator r "增速" {\n  unit %\n  growth of general_budget_revenue\n}\n')
    assert unparse(rule_file(text)) == text


@pytest.mark.parametrize(("items", "message"), [
    ("unit %\n  growth of general_budget_revenu",
     "`growth of general_budget_revenu`: no indicator `general_budget_revenu`"),
    ("unit %\n  growth of r", "`r` has no level whose growth `r` could be"),
    ("unit 亿元\n  growth of general_budget_revenue",
     "`r` is a growth rate of `general_budget_revenue` but not in %"),
    ("unit %\n  growth of per_capita_disposable_income",
     "`per_capita_disposable_income` already has a growth rate: "
     "`per_capita_disposable_income_growth`"),
])
def test_growth_of_names_one_numeric_level_once(items: str, message: str) -> None:
    suite = suite_from(f'indicator r "增速" {{\n  {items}\n}}\n')
    found = the_only(raised_diagnostics(typecheck, suite))
    assert (found.code, found.message) == ("T255", message)


def test_an_undecided_growth_names_the_published_rate_as_an_alternative(
        tmp_path: Path) -> None:
    # 2023 has no level and no rate: either the 2023 revenue or the 2023 rate would decide
    found = run(tmp_path, ["general_budget_revenue,大兴区,2021,100,亿元,actual,",
                           "general_budget_revenue,大兴区,2022,106,亿元,actual,"],
                rules=GROWS)["GROWS"]
    assert found.outcome == "unknown", found.message
    assert found.evidence.missing == [
        "general_budget_revenue (2023)",
        "or the published rate general_budget_revenue_growth (2023)"]
    assert found.message == (
        "cannot decide for 2023 (missing: general_budget_revenue (2023), or the published "
        "rate general_budget_revenue_growth (2023); known: general_budget_revenue (2022) = "
        "106 亿元)")


def test_a_growth_without_a_published_rate_names_only_the_levels(tmp_path: Path) -> None:
    rule = GROWS.replace("general_budget_revenue", "pm25_annual_mean").replace(">= 5%", "< 0%")
    found = run(tmp_path, ["pm25_annual_mean,大兴区,2021,35,μg/m³,actual,",
                           "pm25_annual_mean,大兴区,2022,34,μg/m³,actual,"], rules=rule)["GROWS"]
    assert found.outcome == "unknown", found.message
    assert found.evidence.missing == ["pm25_annual_mean (2023)"]


@pytest.mark.parametrize(("written", "outcome"), [
    ("增长7%", "pass"), ("同比增长7", "pass"), ("增长6%以上", "pass"), ("下降1.2%", "fail"),
    ("持平", "fail"), ("比上年降低2", "fail")])
def test_a_published_rate_is_read_as_reports_word_it(tmp_path: Path, written: str,
                                                     outcome: str) -> None:
    # 增长7% of a declared growth rate is the rate 7; 下降1.2% is -1.2; 持平 is 0
    found = run(tmp_path, rows({2021: "100", 2022: "104"}, {2022: written, 2023: "6"}),
                rules=GROWS)["GROWS"]
    assert found.outcome == outcome, found.message


def test_a_change_word_of_an_indicator_that_is_no_published_rate_stays_d320(
        tmp_path: Path) -> None:
    # forest coverage is a share, no growth rate: 提高3% may be points or a relative change
    found = raised_diagnostics(run, tmp_path, ["forest_coverage,大兴区,2022,提高3%,%,actual,"])
    assert [(d.code, d.label) for d in found] == [("D320", "a change, not a figure")]
    assert "growth of LEVEL" in found[0].help
