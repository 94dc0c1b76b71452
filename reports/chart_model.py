"""What each chart of the HTML report shows, taken from the result so that it cannot
contradict its data.

In: a `Result`.  Out: one `Chart` per indicator × region: its actual and stated series, the
evaluation-table rows of that very indicator there (their targets say what to draw: caps and
floors, the straight line to a target, running totals), the years that fail *for this
indicator* and the values ringed at them.  Failing years come from the evaluation table's
facts, which are per indicator; a rule's outcome is per rule × region and may be about
another indicator of the same rule (DIGI-01 reads outdoor and indoor coverage), so an
outcome's years are used only when its rule reads nothing else in that region.
Imports only `checker.result`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.result import IndicatorRow, Point, Result, Series, Target

THRESHOLD_OPS = frozenset({"<=", "<", ">=", ">"})


@dataclass
class Chart:
    """One indicator in one region, with the rows and targets that bear on it."""

    indicator: str
    region: str
    unit: str
    name: str
    actual: Series | None = None
    target: Series | None = None
    rows: list[IndicatorRow] = field(default_factory=list)
    failing: set[int] = field(default_factory=set)
    stated_failing: set[int] = field(default_factory=set)

    @property
    def targets(self) -> list[Target]:
        return [t for row in self.rows for t in row.targets]

    def ringed(self) -> list[tuple[str, Point]]:
        """The points drawn as failing: ("actual" | "target", point), each a point of the
        series it belongs to, at a year that fails for this indicator."""
        out: list[tuple[str, Point]] = []
        for kind, series, years in (("actual", self.actual, self.failing),
                                    ("target", self.target, self.stated_failing)):
            if series is not None:
                out += [(kind, p) for p in series.points if p.value is not None
                        and p.year in years]
        return out

    def legacy_marks(self) -> list[tuple[int, float]]:
        """The series' own target points, for a chart whose indicator has no table row."""
        marks = {(p.year, p.value) for s in (self.actual, self.target) if s is not None
                 for p in s.targets if p.value is not None}
        return sorted(marks)


def charts(result: Result) -> list[Chart]:
    """A chart per indicator × region that has a series, in (indicator, region) order."""
    grouped: dict[tuple[str, str], Chart] = {}
    for series in result.series:
        chart = grouped.setdefault((series.indicator, series.region), Chart(
            series.indicator, series.region, series.unit, series.name or series.indicator))
        if series.kind == "actual":
            chart.actual = series
        else:
            chart.target = series
    for row in result.indicators:
        if (row.indicator, row.region) in grouped:
            grouped[(row.indicator, row.region)].rows.append(row)
    sole = _sole_readers(result)
    for chart in grouped.values():
        for row in chart.rows:
            years = _failing(result, row, sole)
            if row.subject_kind == "actual":
                chart.failing |= years
            else:
                chart.stated_failing |= years
    return [grouped[key] for key in sorted(grouped)]


def _sole_readers(result: Result) -> set[tuple[str, str, str]]:
    """(rule, subject, indicator) where the rule reads only that indicator in that subject."""
    read: dict[tuple[str, str], set[str]] = {}
    for row in result.indicators:
        for target in row.targets:
            read.setdefault((target.rule, row.subject), set()).add(row.indicator)
    return {(rule, subject, next(iter(found))) for (rule, subject), found in read.items()
            if len(found) == 1}


def _failing(result: Result, row: IndicatorRow, sole: set[tuple[str, str, str]]) -> set[int]:
    years: set[int] = set()
    for target in row.targets:
        if target.status != "fail":
            continue
        if target.facts is not None:
            if target.facts.why == "fails":
                years |= set(target.facts.years)
            continue
        if (target.rule, row.subject, row.indicator) in sole:
            years |= {y for o in result.outcomes if o.rule == target.rule
                      and o.subject == row.subject and o.subject_kind == "series"
                      and o.outcome == "fail" and o.evidence for y in o.evidence.years}
    return years


def running_total(series: Series, first: int, last: int) -> list[Point]:
    """The cumulative sum of the annual values from `first` to `last`: one point a year
    up to the last known one; a gap ends the line (a total over a gap is not known)."""
    values = {p.year: p.value for p in series.points}
    out: list[Point] = []
    total = 0.0
    for year in range(first, last + 1):
        value = values.get(year)
        if value is None:
            break
        total += value
        out.append(Point(year=year, value=total))
    return out


def cumulative_span(target: Target, period: tuple[int, int]) -> tuple[int, int]:
    """The years a cumulative target sums: `total(x, A..B)` in its constraint, else
    `first_year`..deadline, else the plan period up to the deadline."""
    found = re.search(r"(\d{4})\s*\.\.\s*(\d{4})", target.constraint)
    if found:
        return int(found.group(1)), int(found.group(2))
    return (target.first_year or period[0]), target.deadline


def rules_of(result: Result, chart: Chart) -> list[str]:
    """Rules about the chart's indicator: those of its table rows and its series, and series
    rules whose constraints name it (trends, growth, totals)."""
    found = {r for row in chart.rows for r in row.rules}
    found |= {r for s in (chart.actual, chart.target) if s for r in s.rules}
    name = re.compile(rf"(?<![\w.]){re.escape(chart.indicator)}(?![\w.])")
    found |= {rule.id for rule in result.rules if rule.subject == "series"
              and any(name.search(k) for k in rule.constraints)}
    return sorted(found)
