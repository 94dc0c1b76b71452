"""A qualified latest figure before the deadline (issue 10 item 2, found by a first-time
author): `95%以上` against `>= 90% by 2025` is achieved, not "no data"; a figure that does not
meet the target yet is put on the line at its least favourable end, never a better one; one
open on that side says so and stays unknown. The evaluation table shows it as published."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import result as r
from checker.data.load import load_plan_data
from checker.engine.evaluate import evaluate
from tests.helpers import checked_from

RULES = """
rule BUS "bus stops within 500 m" {
  cite "第一章" line 1: "x"
  kind anticipatory
  require bus_stop_500m_coverage >= 90% by 2025
}

rule PM "PM2.5 at the standard" {
  cite "第一章" line 1: "x"
  kind binding because "约束性"
  require pm25_annual_mean <= 35 μg/m³ by 2025
}
"""


def run(tmp_path: Path, rows: list[str]) -> r.Result:
    checked = checked_from(RULES)
    path = tmp_path / "d.csv"
    path.write_text("\n".join(["indicator,region,year,value,unit", *rows]) + "\n",
                    encoding="utf-8")
    return evaluate(checked, {}, load_plan_data([path], checked.indicators, checked.units),
                    as_of=2023)


def found(result: r.Result, rule: str) -> r.Outcome:
    return next(o for o in result.outcomes if o.rule == rule and o.subject == "大兴区")


@pytest.mark.parametrize(("written", "trajectory", "status", "reason"), [
    ("95%以上", "achieved", "achieved", "met in 2023, before the deadline 2025"),
    ("85%以上", "lagging", "lagging", "50% of the way from 2020 in 3 of 5 years"),
])
def test_a_qualified_latest_figure_places_the_indicator(
        tmp_path: Path, written: str, trajectory: str, status: str, reason: str) -> None:
    result = run(tmp_path, ["bus_stop_500m_coverage,大兴区,2020,80,%",
                            f"bus_stop_500m_coverage,大兴区,2023,{written},%"])
    outcome = found(result, "BUS")
    assert (outcome.outcome, outcome.trajectory) == ("pending", trajectory)
    assert outcome.message == f"due 2025; {written} in 2023: {trajectory}"
    row = next(i for i in result.indicators if i.indicator == "bus_stop_500m_coverage")
    assert row.latest is not None and (row.latest.text, row.latest.value) == (written, None)
    assert (row.status, row.targets[0].reason) == (status, reason)


def test_a_figure_open_on_its_unfavourable_side_stays_unknown(tmp_path: Path) -> None:
    outcome = found(run(tmp_path, ["pm25_annual_mean,大兴区,2020,37,μg/m³",
                                   "pm25_annual_mean,大兴区,2023,36以上,μg/m³"]), "PM")
    assert outcome.outcome == "unknown"
    assert "36以上" in outcome.message
