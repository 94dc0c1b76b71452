"""Qualified figures in a result's series and its charts: `28-38` and `95以上` are bounds the
engine reasons with; a chart that left them out showed a gap where the report gave a figure
(realdata9's left item)."""

from __future__ import annotations

from checker.pipeline import check
from reports import render
from tests.helpers import ROOT

REAL = ROOT / "examples" / "data"


def test_a_series_carries_its_qualified_figures_in_year_order() -> None:
    result = check([REAL / "daxing-real-annual.csv", REAL / "daxing-real-actuals.csv"],
                   as_of=2024)
    [pm25] = [s for s in result.series if s.indicator == "pm25_annual_mean"
              and s.region == "大兴区" and s.kind == "actual"]
    [bound] = pm25.bounds
    assert (bound.year, bound.low, bound.high) == (2023, 28.0, 38.0)
    assert "28" in bound.text and "38" in bound.text
    assert 2023 not in {p.year for p in pm25.points}  # a bound, not a figure


def test_a_one_sided_figure_keeps_its_open_side() -> None:
    result = check([REAL / "daxing-real-qualified.csv"], as_of=2024)
    bounds = [(s.indicator, b.year, b.low, b.high) for s in result.series for b in s.bounds]
    assert bounds and all(low is not None or high is not None for _, _, low, high in bounds)
    assert any(low is not None and high is None for _, _, low, high in bounds)  # 6以上


def test_the_chart_draws_a_qualified_figure_and_names_it_in_its_legend() -> None:
    result = check([REAL / "daxing-real-annual.csv", REAL / "daxing-real-actuals.csv"],
                   as_of=2024)
    page = render(result, "html", lang="zh")
    assert "限定数值（以上、以内、区间）" in page
    english = render(result, "html", lang="en")
    assert "qualified figure (a bound or a range)" in english
