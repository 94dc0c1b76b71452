"""The annual plan execution table (`--as-of YEAR`): the year's stated target against the
year's actual, met / missed, beside the five-year target and status (issue 14 item 5)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import checker
from checker.result import Result
from reports import annual, render

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data"


@cache
def year_2022() -> Result:
    return checker.check([str(DATA / "daxing-2022-annual-plan.csv"),
                          str(DATA / "daxing-monitoring-2023.csv")], as_of=2022)


def by_indicator(result: Result) -> dict[str, annual.AnnualRow]:
    return {row.indicator: row for row in annual.rows(result)}


def test_a_floor_missed_and_a_cap_met() -> None:
    rows = by_indicator(year_2022())
    bus = rows["bus_stop_500m_coverage"]
    assert (bus.year_target, bus.year_actual, bus.met) == (85.0, 84.0, "missed")
    pm = rows["pm25_annual_mean"]
    assert (pm.year_target, pm.year_actual, pm.met) == (35.0, 31.0, "met")


def test_beside_them_the_five_year_target_and_the_status() -> None:
    bus = by_indicator(year_2022())["bus_stop_500m_coverage"]
    shown = annual.shown(bus, "en")
    assert shown["plan_target"] == ">= 90% (2025)"
    assert shown["status"] == "on track"
    assert annual.shown(bus, "zh")["year_result"] == "未完成"


def test_without_a_direction_met_or_missed_stays_undecided() -> None:
    # gdp_growth is read only by a relation rule: no cap, floor or trend says which way
    gdp = by_indicator(year_2022())["gdp_growth"]
    assert gdp.year_actual is not None
    assert gdp.met == "undecided_met"


def test_every_row_is_a_stated_target_of_that_year() -> None:
    result = year_2022()
    stated = {(s.indicator, s.region) for s in result.series if s.kind == "target"
              and any(p.year == 2022 for p in s.points)}
    assert {(r.indicator, r.region) for r in annual.rows(result)} == stated


def test_the_html_page_shows_the_table_and_other_years_do_not_invent_one() -> None:
    page = render(year_2022(), "html", lang="zh")
    assert '<section id="annual">' in page and "2022年计划执行情况" in page
    later = checker.check([str(DATA / "daxing-monitoring-2023.csv")], as_of=2023)
    assert annual.rows(later) == []
    assert '<section id="annual">' not in render(later, "html")
