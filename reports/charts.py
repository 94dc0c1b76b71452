"""Charts for the HTML report: each indicator's path against what the plan asks, as SVG.

In: a `chart_model.Chart` (one indicator in one region: its series, its evaluation-table
rows and failing years), the plan period and the `--as-of` year.  Out: an inline `<svg>`
string (no XML prolog, ids prefixed so that many charts share one page), drawn with
matplotlib's object API (no pyplot, no global state).  What the rules mean is drawn:
caps and floors as lines over the years they hold, the straight line from the base to a
target (what a trajectory is judged against), cumulative targets as a running total,
values of parts of a year beside the annual path.  One unit per chart, named on the
y axis, ticks in that unit (no offset, no 1e5).  The SVG holds numbers, fixed labels
(English or Chinese, from `reports.i18n`) and the unit (only when it is a plain unit
symbol), and is deterministic (fixed hash salt, no date).  Imports only `checker.result`
and the reports' own modules; matplotlib (the `charts` extra) is imported when a chart is
first drawn, and without it each chart is a note saying how to install it.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import logging
import re
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from checker.result import IndicatorRow, Series, Target
from reports import i18n
from reports.chart_model import THRESHOLD_OPS, Chart, cumulative_span, running_total
from reports.i18n import Lang

if TYPE_CHECKING:
    from matplotlib.axes import Axes

ACTUAL = "#1f5fa8"
TARGET = "#8a55c7"
PLAN = "#c62828"
FAIL = "#c62828"
# In place of a chart when matplotlib is not installed: the report is still whole.
NO_CHARTS: dict[Lang, str] = {
    "en": "<p class=\"no-chart\">No chart: drawing needs matplotlib, the <code>charts</code> "
          "extra (<code>pip install 'plancheck[charts]'</code>).</p>",
    "zh": "<p class=\"no-chart\">未绘制图表：需要 matplotlib（<code>charts</code> 扩展，"
          "<code>pip install 'plancheck[charts]'</code>）。</p>",
}
MUTED = "#6b7280"
TOTAL = "#0e7490"
_UNIT = re.compile(r"[\w%‰°/²³·.\- ]{1,24}")


def svg(chart: Chart, period: tuple[int, int], as_of: int, key: str,
        lang: Lang = "en") -> str:
    """The chart as an inline `<svg>` whose ids all start with `key`, its legend in `lang`;
    without matplotlib (the `charts` extra) a note saying how to get the charts."""
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError:
        return NO_CHARTS[lang]

    settings: dict[Any, Any] = {
        "svg.fonttype": "none", "svg.hashsalt": key, "text.parse_math": False,
        "font.size": 9, "font.family": ["DejaVu Sans", "Noto Sans CJK SC", "sans-serif"]}
    with matplotlib.rc_context(settings), warnings.catch_warnings(), _quiet_font_search():
        warnings.filterwarnings("ignore", message=r".*(Glyph|findfont).*")
        figure = Figure(figsize=(5.6, 3.0), layout="constrained")
        axes = figure.add_subplot()
        draw(axes, chart, period, as_of, lang)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return _inline(buffer.getvalue(), key)


@contextlib.contextmanager
def _quiet_font_search() -> Iterator[None]:
    """matplotlib logs "findfont: … not found" on a machine without the CJK font (the
    fallback font still draws the chart): a report must not print that on stderr."""
    fonts = logging.getLogger("matplotlib.font_manager")
    level = fonts.level
    fonts.setLevel(logging.ERROR)
    try:
        yield
    finally:
        fonts.setLevel(level)


def draw(axes: Axes, chart: Chart, period: tuple[int, int], as_of: int,
         lang: Lang = "en") -> None:
    """Draw the chart on `axes`: the lines, then the axes' ticks, titles and legend."""
    years = _years(chart, period)
    axes.set_xlim(min(years) - 0.5, max(years) + 0.5)
    axes.axvspan(period[0] - 0.5, period[1] + 0.5, color="#f3f4f6", zorder=0, lw=0)
    axes.axvline(as_of, color=MUTED, ls=":", lw=1, label=_word("as_of", lang, year=as_of))
    drawn: list[float] = []
    labelled: set[str] = set()

    def plot(xs: list[float], ys: list[float], key: str, **style: Any) -> None:
        label = _word(key, lang, op=style.pop("op", ""))
        axes.plot(xs, ys, label=None if label in labelled else label, **style)
        labelled.add(label)
        drawn.extend(ys)

    if chart.rows:
        for row in chart.rows:
            for target in _distinct(row.targets):
                _target(plot, chart, row, target, period)
    else:
        marks = chart.legacy_marks()
        if marks:
            plot([y for y, _ in marks], [v for _, v in marks], "plan_target", color=PLAN,
                 ls="--", lw=1.2, marker="D", ms=5)
    for series, color, style, label in ((chart.target, TARGET, "-.", "stated"),
                                        (chart.actual, ACTUAL, "-", "actual")):
        if series is None:
            continue
        points = [(p.year, p.value) for p in series.points if p.value is not None]
        if points:
            plot([y for y, _ in points], [v for _, v in points], label, color=color,
                 ls=style, lw=2, marker="o", ms=4)
        parts = _parts(series)
        if parts:
            plot([x for x, _ in parts], [v for _, v in parts], "part", color=color,
                 ls="none", marker="s", ms=3.5, alpha=0.7)
        for bound in series.bounds:  # `28-38` a bar, `95以上` ▲ at 95, `8以内` ▼ at 8
            low, high = bound.low, bound.high
            if low is not None and high is not None:
                plot([float(bound.year)] * 2, [low, high], "bounded", color=color, lw=4,
                     alpha=0.45, solid_capstyle="butt")
            elif (edge := low if low is not None else high) is not None:
                plot([float(bound.year)], [edge], "bounded", color=color, ls="none",
                     marker="^" if low is not None else "v", ms=7, alpha=0.7)
    bad = chart.ringed()
    if bad:
        plot([float(p.year) for _, p in bad], [p.value for _, p in bad if p.value is not None],
             "failing", ls="none", marker="o", ms=10, mfc="none", mec=FAIL, mew=1.8)
    _style(axes, chart, years, drawn, lang)


def _distinct(targets: list[Target]) -> list[Target]:
    seen: dict[tuple[object, ...], Target] = {}
    for t in targets:
        seen.setdefault((t.shape, t.op, t.value, t.first_year, t.deadline, t.constraint), t)
    return list(seen.values())


def _target(plot: Any, chart: Chart, row: IndicatorRow, target: Target,
            period: tuple[int, int]) -> None:
    """One target as the rule means it."""
    value = target.value
    if value is None or not same_unit(target.unit, chart.unit):  # one unit per chart
        return
    if target.shape == "threshold" and target.op in THRESHOLD_OPS:
        word = "cap" if target.op in ("<", "<=") else "floor"
        if target.first_year is not None:
            plot([target.first_year - 0.5, target.deadline + 0.5], [value, value],
                 f"{word}_each", op=target.op, color=PLAN, ls="--", lw=1.4)
            return
        plot([float(target.deadline)], [value], f"{word}_due", color=PLAN,
             ls="none", marker="D", ms=6)
        base = row.base
        if base is not None and base.value is not None and base.year < target.deadline:
            plot([float(base.year), float(target.deadline)], [base.value, value],
                 "line", color=PLAN, ls=":", lw=1.2)
    elif target.shape == "cumulative" and chart.actual is not None:
        first, last = cumulative_span(target, period)
        totals = running_total(chart.actual, first, last)
        if totals:
            plot([float(p.year) for p in totals], [p.value or 0.0 for p in totals],
                 "running", color=TOTAL, lw=2, marker="^", ms=4)
        plot([float(last)], [value], "total_target", color=PLAN, ls="none", marker="D", ms=6)
        plot([first - 1.0, float(last)], [0.0, value], "line",
             color=PLAN, ls=":", lw=1.2)
    elif target.shape in ("threshold", "milestone") and target.op in ("==", None):
        plot([float(target.deadline)], [value], "target", color=PLAN, ls="none", marker="D",
             ms=6)


def _word(key: str, lang: Lang, **fields: object) -> str:
    """A fixed word of the charts (`reports.i18n`, keys `chart_…`); unused fields ignored."""
    return i18n.word(f"chart_{key}", lang, **fields)


def same_unit(a: str, b: str) -> bool:
    return a == b or {a, b} <= {"", "one"}


def _parts(series: Series) -> list[tuple[float, float]]:
    """Values of parts of a year at the end of their period (2022H1 at mid-2022)."""
    out = []
    for part in series.parts:
        if part.value is None:
            continue
        try:
            end = datetime.date.fromisoformat(part.end)
        except ValueError:
            continue
        days = 366 if end.year % 4 == 0 and (end.year % 100 or end.year % 400 == 0) else 365
        out.append((end.year - 0.5 + end.timetuple().tm_yday / days, part.value))
    return out


def _years(chart: Chart, period: tuple[int, int]) -> list[int]:
    years = {period[0], period[1]}
    for series in (chart.actual, chart.target):
        if series is not None:
            years |= {p.year for p in series.points} | {p.year for p in series.targets}
            years |= {b.year for b in series.bounds}
    for target in chart.targets:
        years.add(target.deadline)
        if target.shape == "cumulative":
            years.add(cumulative_span(target, period)[0] - 1)
    for row in chart.rows:
        if row.base is not None:
            years.add(row.base.year)
    return sorted(years)


def _style(axes: Axes, chart: Chart, years: list[int], values: list[float], lang: Lang) -> None:
    from matplotlib.ticker import MaxNLocator

    axes.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=min(len(years) + 1, 12)))
    axes.grid(axis="y", color="#e5e7eb", lw=0.8)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if is_boolean(chart):
        axes.set_ylim(-0.25, 1.25)
        axes.set_yticks([0, 1], labels=[_word("no", lang), _word("yes", lang)])
    else:
        axes.ticklabel_format(axis="y", style="plain", useOffset=False)
        if values and all(v == 0 for v in values):  # an all-zero series: 0 at the foot
            axes.set_ylim(-0.2, 1.0)
            axes.set_yticks([0, 1])
        axes.set_ylabel(unit_title(chart.unit, lang))
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), frameon=False, fontsize=8,
                ncol=3, handlelength=2.4, columnspacing=1.2)


def unit_title(unit: str, lang: Lang = "en") -> str:
    """The y axis's title: the unit, `number` for counts, nothing for a strange unit."""
    if unit in ("one", ""):
        return _word("number", lang)
    return unit if _UNIT.fullmatch(unit) else ""


def is_boolean(chart: Chart) -> bool:
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
