"""Charts for the HTML report: each indicator's path against the plan's targets, as SVG.

In: the `Series` of one indicator in one region (actual values and a subordinate plan's
targets), the years that fail, the plan period and the `--as-of` year.  Out: an inline
`<svg>` string (no XML prolog, ids prefixed so that many charts share one page), drawn
with matplotlib's object API (no pyplot, no global state).  The SVG holds only numbers and
fixed English labels, never user text, and is deterministic (fixed hash salt, no date).
Imports only `checker.result`; matplotlib is imported when a chart is first drawn.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from checker.result import Series

if TYPE_CHECKING:
    from matplotlib.axes import Axes

ACTUAL = "#1f5fa8"
TARGET = "#8a55c7"
PLAN = "#c62828"
FAIL = "#c62828"
MUTED = "#6b7280"


@dataclass
class Chart:
    """What one chart shows: one indicator in one region."""

    indicator: str
    region: str
    unit: str
    actual: Series | None = None
    target: Series | None = None
    failing: set[int] = field(default_factory=set)

    def thresholds(self) -> list[tuple[int, float]]:
        marks = {(p.year, p.value) for s in (self.actual, self.target) if s is not None
                 for p in s.targets if p.value is not None}
        return sorted(marks)


def svg(chart: Chart, period: tuple[int, int], as_of: int, key: str) -> str:
    """The chart as an inline `<svg>` whose ids all start with `key`."""
    import matplotlib
    from matplotlib.figure import Figure

    settings: dict[Any, Any] = {
        "svg.fonttype": "none", "svg.hashsalt": key, "text.parse_math": False,
        "font.size": 9, "font.family": ["DejaVu Sans", "sans-serif"]}
    with matplotlib.rc_context(settings):
        figure = Figure(figsize=(5.6, 3.0), layout="constrained")
        axes = figure.add_subplot()
        _draw(axes, chart, period, as_of)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return _inline(buffer.getvalue(), key)


def _draw(axes: Axes, chart: Chart, period: tuple[int, int], as_of: int) -> None:
    years = _years(chart, period)
    axes.set_xlim(min(years) - 0.5, max(years) + 0.5)
    axes.axvspan(period[0] - 0.5, period[1] + 0.5, color="#f3f4f6", zorder=0, lw=0)
    axes.axvline(as_of, color=MUTED, ls=":", lw=1, label=f"as of {as_of}")
    marks = chart.thresholds()
    if marks:
        axes.plot([y for y, _ in marks], [v for _, v in marks], color=PLAN, ls="--", lw=1.2,
                  marker="D", ms=5, label="plan target")
    for series, color, style, label in ((chart.target, TARGET, "-.", "subordinate-plan target"),
                                        (chart.actual, ACTUAL, "-", "actual")):
        if series is None:
            continue
        points = [(p.year, p.value) for p in series.points if p.value is not None]
        if points:
            axes.plot([y for y, _ in points], [v for _, v in points], color=color, ls=style,
                      lw=2, marker="o", ms=4, label=label)
    bad = [(p.year, p.value) for s in (chart.actual, chart.target) if s is not None
           for p in s.points if p.value is not None and p.year in chart.failing]
    if bad:
        axes.plot([y for y, _ in bad], [v for _, v in bad], ls="none", marker="o", ms=10,
                  mfc="none", mec=FAIL, mew=1.8, label="failing year")
    _style(axes, chart, years)


def _years(chart: Chart, period: tuple[int, int]) -> list[int]:
    years = {period[0], period[1]}
    for series in (chart.actual, chart.target):
        if series is not None:
            years |= {p.year for p in series.points} | {p.year for p in series.targets}
    return sorted(years)


def _style(axes: Axes, chart: Chart, years: list[int]) -> None:
    from matplotlib.ticker import MaxNLocator

    axes.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=min(len(years) + 1, 12)))
    axes.grid(axis="y", color="#e5e7eb", lw=0.8)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if _is_boolean(chart):
        axes.set_ylim(-0.25, 1.25)
        axes.set_yticks([0, 1], labels=["no", "yes"])
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), frameon=False, fontsize=8,
                ncol=3, handlelength=2.4, columnspacing=1.2)


def _is_boolean(chart: Chart) -> bool:
    values = {p.value for s in (chart.actual, chart.target) if s is not None
              for p in [*s.points, *s.targets] if p.value is not None}
    return chart.unit in ("", "bool") and values <= {0.0, 1.0}


_PROLOG = re.compile(r"\A.*?(?=<svg)", re.S)
_IDS = re.compile(r'(\bid=")([^"]+)(")|(url\(#)([^)]+)(\))|(xlink:href="#)([^"]+)(")')


def _inline(text: str, key: str) -> str:
    """Drop the XML prolog and prefix every id and reference with `key`."""
    body = _PROLOG.sub("", text, count=1)

    def prefix(match: re.Match[str]) -> str:
        groups = [g for g in match.groups() if g is not None]
        return f"{groups[0]}{key}-{groups[1]}{groups[2]}"

    return _IDS.sub(prefix, body).strip() + "\n"
