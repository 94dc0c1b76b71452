"""The HTML report's charts: each shows its own series and what the rules on that very
indicator mean, never a value of another indicator (issue 14 item 6)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from matplotlib.figure import Figure

import checker
from checker.result import PartPoint, Point, Result, Series
from reports import chart_model as cm
from reports import charts, render
from reports import evaluation as ev

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "reports" / "result.json"
DATA = ROOT / "examples" / "data"


@cache
def run(name: str) -> Result:
    if name == "golden":
        return Result.from_json(GOLDEN.read_text(encoding="utf-8"))
    files = {"monitoring": ["daxing-monitoring-2023.csv"],
             "annual": ["daxing-2022-annual-plan.csv", "daxing-monitoring-2023.csv"],
             "real": ["daxing-real-actuals.csv", "daxing-real-qualified.csv"]}[name]
    as_of = {"monitoring": 2023, "annual": 2022, "real": 2024}[name]
    return checker.check([str(DATA / f) for f in files], as_of=as_of)


RUNS = ("golden", "monitoring", "annual", "real")


def chart(result: Result, indicator: str, region: str) -> cm.Chart:
    return next(c for c in cm.charts(result) if (c.indicator, c.region) == (indicator, region))


@pytest.mark.parametrize("name", RUNS)
def test_every_ringed_point_is_a_failing_value_of_that_very_series(name: str) -> None:
    result = run(name)
    for found in cm.charts(result):
        for kind, point in found.ringed():
            series = found.actual if kind == "actual" else found.target
            assert series is not None and series.indicator == found.indicator
            assert point in series.points
            rows = [r for r in result.indicators if (r.indicator, r.region, r.subject_kind)
                    == (found.indicator, found.region, kind)]
            years = {y for r in rows for t in r.targets if t.status == "fail" and t.facts
                     for y in t.facts.years}
            assert point.year in years or not any(t.facts for r in rows for t in r.targets)


_FIGURE = re.compile(r'<figure class="chart o-\w+" id="series-(\d+)">(.*?)</figure>', re.S)
_FAILING = re.compile(r'<li class="failing">[^:]+: (.*?)</li>')


@pytest.mark.parametrize("name", RUNS)
def test_every_caption_is_about_that_very_series(name: str) -> None:
    result = run(name)
    found = cm.charts(result)
    page = render(result, "html", lang="en")
    figures = dict(_FIGURE.findall(page))
    assert len(figures) == len(found)
    for index, one in enumerate(found):
        html = figures[str(index)]
        series = one.actual or one.target
        assert series is not None
        values = {f"{p.year}: {ev.amount(p.value, one.unit)}"
                  for s in (one.actual, one.target) if s for p in s.points}
        for listed in _FAILING.findall(html):
            assert set(listed.split(" · ")) <= values, (one.indicator, listed)
        own = {(t.rule, r.subject) for r in one.rows for t in r.targets}
        for rule, subject in re.findall(r'<b>([^<]+)</b></a> ([^:<]+):', html):
            assert (rule, subject) in own, (one.indicator, rule, subject)


def test_digi01_rings_the_indoor_value_on_the_indoor_chart_only() -> None:
    result = run("monitoring")
    outdoor = chart(result, "g5_outdoor_coverage_key_zones", "临空经济区")
    indoor = chart(result, "g5_indoor_coverage_key_zones", "临空经济区")
    assert outdoor.ringed() == []
    assert indoor.ringed() == [("actual", Point(year=2022, value=92.0))]


def test_traf01_xiongan_chart_is_not_captioned_with_the_subcentre_minutes() -> None:
    result = run("monitoring")
    index = next(i for i, c in enumerate(cm.charts(result))
                 if (c.indicator, c.region) == ("travel_time_to_xiongan", "大兴区"))
    html = dict(_FIGURE.findall(render(result, "html", lang="en")))[str(index)]
    assert "38 min" not in html and "35 min" not in html
    assert "&lt;= 19 min" in html


def drawn(found: cm.Chart, result: Result) -> tuple[dict[str, tuple[list[float], list[float]]],
                                                     Figure]:
    figure = Figure()
    axes = figure.add_subplot()
    charts.draw(axes, found, result.suite.period, result.as_of)
    lines = {str(line.get_label()): ([float(x) for x in line.get_xdata()],  # type: ignore[union-attr]
                                     [float(y) for y in line.get_ydata()])  # type: ignore[union-attr]
             for line in axes.get_lines()}
    return lines, figure


def test_a_cap_each_year_is_a_line_over_its_years() -> None:
    result = run("golden")
    lines, _ = drawn(chart(result, "urban_rural_construction_land", "大兴区"), result)
    assert lines["cap (<= each year)"] == ([2020.5, 2025.5], [319.0, 319.0])


def test_a_deadline_target_has_the_straight_line_from_the_base() -> None:
    result = run("golden")
    lines, _ = drawn(chart(result, "bus_stop_500m_coverage", "大兴区"), result)
    assert lines["straight line to the target"] == ([2020.0, 2025.0], [80.0, 90.0])
    assert lines["floor by the deadline"] == ([2025.0], [90.0])


def test_a_cumulative_target_is_drawn_as_a_running_total() -> None:
    result = run("monitoring")
    lines, _ = drawn(chart(result, "new_waste_transfer_stations", "大兴区"), result)
    assert lines["running total"] == ([2021.0, 2022.0, 2023.0], [3.0, 5.0, 8.0])
    assert lines["total target"] == ([2025.0], [13.0])
    assert lines["straight line to the target"] == ([2020.0, 2025.0], [0.0, 13.0])


def test_a_running_total_stops_at_a_gap() -> None:
    series = Series(indicator="x", name=None, region="r", kind="actual", unit="one",
                    points=[Point(year=2021, value=1), Point(year=2023, value=5)])
    assert cm.running_total(series, 2021, 2025) == [Point(year=2021, value=1.0)]


def test_an_all_zero_series_gets_a_readable_axis() -> None:
    result = run("monitoring")
    found = chart(result, "black_odorous_water_bodies", "大兴区")
    figure = Figure()
    axes = figure.add_subplot()
    charts.draw(axes, found, result.suite.period, result.as_of)
    assert axes.get_ylim() == (-0.2, 1.0)
    assert [t.get_text() for t in axes.get_yticklabels()] == ["0", "1"]


def test_the_y_axis_is_titled_with_the_unit_and_ticks_are_plain() -> None:
    result = run("monitoring")
    svg = charts.svg(chart(result, "new_shelter_area", "大兴区"), result.suite.period,
                     result.as_of, "u")
    assert ">m²<" in svg
    assert "1e5" not in svg and "×10" not in svg
    assert charts.unit_title("one") == "number"
    assert charts.unit_title("<b>") == ""


def test_parts_of_a_year_are_drawn_beside_the_annual_path() -> None:
    series = Series(indicator="x", name=None, region="r", kind="actual", unit="%",
                    points=[Point(year=2021, value=4.0)],
                    parts=[PartPoint(period="2022H1", end="2022-06-30", value=5.0, text="5%"),
                           PartPoint(period="2022Q3", end="2022-09-30", value=None,
                                     text="6%以上")])
    found = cm.Chart("x", "r", "%", "x", actual=series)
    figure = Figure()
    axes = figure.add_subplot()
    charts.draw(axes, found, (2021, 2025), 2023)
    parts = [line for line in axes.get_lines() if line.get_label() == "part of a year"]
    assert len(parts) == 1
    xs = [float(x) for x in parts[0].get_xdata()]  # type: ignore[union-attr]
    assert xs == [pytest.approx(2021.5 + 181 / 365)]


def test_a_target_in_another_unit_is_not_drawn_on_the_chart() -> None:
    result = run("golden")
    found = chart(result, "urban_rural_construction_land", "大兴区")
    row = found.rows[0]
    other = row.targets[0].model_copy(update={"unit": "%", "value": 0.0, "first_year": None})
    found.rows[0] = row.model_copy(update={"targets": [other]})
    lines, _ = drawn(found, result)
    assert not any("cap" in label or "floor" in label for label in lines)
    assert charts.same_unit("one", "") and not charts.same_unit("m²", "万m²")


def test_a_chinese_page_has_chinese_legends() -> None:
    result = run("golden")
    found = chart(result, "urban_rural_construction_land", "大兴区")
    figure = Figure()
    axes = figure.add_subplot()
    charts.draw(axes, found, result.suite.period, result.as_of, "zh")
    labels = {str(line.get_label()) for line in axes.get_lines()}
    assert {"上限（逐年 <=）", "实际值", "未达标年份", "评估时点 2023"} <= labels
    assert axes.get_ylabel() == "km²"
