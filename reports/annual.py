"""The annual plan execution table: for the `--as-of` year, the year's target, the year's
actual and met / missed, with the plan's five-year target and trajectory beside them.

In: a `Result`.  Out: one `AnnualRow` per indicator × region that has a plan-data row of
kind `target` for the `--as-of` year (an annual plan's figure), read from the result's
series: the stated target of that year against the actual of that year.  Which way is
better comes from the indicator's targets in the evaluation table (a cap, a floor, a
trend); with none, met / missed stays undecided, never guessed.  Imports only
`checker.result` and the reports' own words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from checker.result import IndicatorRow, Result, Series, Status
from reports import evaluation as ev
from reports import i18n
from reports.i18n import Lang

Met = Literal["met", "missed", "undecided_met"]
_LOWER = frozenset({"<=", "<", "falls"})
_HIGHER = frozenset({">=", ">", "rises"})


@dataclass(frozen=True)
class AnnualRow:
    """One indicator in one region in the `--as-of` year."""

    indicator: str
    name: str
    region: str
    unit: str
    year_target: float
    year_actual: float | None
    actual_text: str
    met: Met
    plan: IndicatorRow | None  # the evaluation table's row: the five-year target, status

    @property
    def status(self) -> Status | None:
        return self.plan.status if self.plan else None


def rows(result: Result) -> list[AnnualRow]:
    """The annual table for `result.as_of`, in (indicator, region) order."""
    year = result.as_of
    actual: dict[tuple[str, str], Series] = {}
    stated: dict[tuple[str, str], Series] = {}
    for s in result.series:
        (actual if s.kind == "actual" else stated)[(s.indicator, s.region)] = s
    table = {(r.indicator, r.region): r for r in result.indicators if r.subject_kind == "actual"}
    out = []
    for key in sorted(stated):
        goal = _value(stated[key], year)
        if goal is None:
            continue
        series, row = actual.get(key), table.get(key)
        value = _value(series, year) if series else None
        text = ev.amount(value, stated[key].unit) if value is not None else _latest_text(row, year)
        out.append(AnnualRow(
            key[0], stated[key].name or key[0], key[1], stated[key].unit, goal, value, text,
            _met(value, goal, _direction(row, stated[key], result)), row))
    return out


def _value(series: Series | None, year: int) -> float | None:
    if series is None:
        return None
    return next((p.value for p in series.points if p.year == year), None)


def _latest_text(row: IndicatorRow | None, year: int) -> str:
    """A qualified figure of the year (`95%以上`) as written, when it has no single value."""
    if row is not None and row.latest is not None and row.latest.year == year:
        return row.latest.text
    return ""


def _direction(row: IndicatorRow | None, stated: Series, result: Result) -> str | None:
    """`lower` or `higher` is better, from the targets on the indicator (either row)."""
    rows = [r for r in result.indicators if r.indicator == stated.indicator
            and r.region == stated.region]
    if row is not None:
        rows.insert(0, row)
    for r in rows:
        for t in r.targets:
            if t.shape in ("threshold", "cumulative", "growth", "trend") and t.op in _LOWER:
                return "lower"
            if t.shape in ("threshold", "cumulative", "growth", "trend") and t.op in _HIGHER:
                return "higher"
    return None


def _met(value: float | None, goal: float, direction: str | None) -> Met:
    if value is None or direction is None:
        return "undecided_met"
    good = value <= goal if direction == "lower" else value >= goal
    return "met" if good else "missed"


def shown(row: AnnualRow, lang: Lang) -> dict[str, str]:
    """The row as text in the language, keyed by `COLUMNS`."""
    return {"name": row.name, "region": row.region,
            "year_target": ev.amount(row.year_target, row.unit),
            "year_actual": row.actual_text, "year_result": i18n.word(row.met, lang),
            "plan_target": ev.targets_text(row.plan, lang, compact=True) if row.plan else "",
            "status": i18n.status(row.status, lang) if row.status else ""}


COLUMNS = ("name", "region", "year_target", "year_actual", "year_result", "plan_target",
           "status")


def heading(key: str, year: int, lang: Lang) -> str:
    return i18n.word(key, lang, year=year)
