"""The annual plan execution table: each target an annual plan states for the `--as-of`
year against that year's actual, met or missed.

In: the checked suite (names, units, which way is better), the `SeriesTable` and the
evaluation table's rows (the plan's own targets say which way is better before the
catalogue does).  Out: `result.YearTarget`s.  A qualified target is shown as published and
judged by the end its words allow — `6%以上` is met from 6, `突破1300` above 1300, `5.0左右`
up to 5.0 plus the declared tolerance for a cap; a `左右` with no tolerance, or a target
open on the side that matters, is undecided, never guessed.  A qualified actual
(`95%以上`) decides only when every value it allows agrees.  A target stated on a basis
(`扣除疫苗`) is compared with the actual on that basis where the data has it.  Imports
`result`, `typed`, `units` and the engine's bounds and series table; no pandas.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker import result as r
from checker.engine.bounds import Bounds
from checker.engine.series import SeriesTable
from checker.types import typed as t
from checker.types.units import Unit, format_quantity

Figure = float | Bounds
_LOWER = frozenset({"<=", "<", "falls"})
_HIGHER = frozenset({">=", ">", "rises"})
_SHAPES = frozenset({"threshold", "cumulative", "growth", "trend", "annual"})


def annual_table(checked: t.CheckedSuite, table: SeriesTable,
                 rows: Sequence[r.IndicatorRow], year: int) -> list[r.YearTarget]:
    """One row per (indicator, region, basis) with a target stated for `year`."""
    stated: set[tuple[str, str, str | None]] = set()
    for indicator, region, kind in table.values:  # the keys first: a big table's
        if kind == "target" and year in table.values[(indicator, region, kind)]:  # actual
            stated.add((indicator, region, None))  # series are never built for this
    for (indicator, region, kind, y) in table.bounds:
        if kind == "target" and y == year:
            stated.add((indicator, region, None))
    for (indicator, region, kind, basis), points in table.based.items():
        if kind == "target" and year in points:
            stated.add((indicator, region, basis))
    parameters = {i for i, spec in checked.indicators.items() if spec.parameter}
    order = {name: i for i, name in enumerate(checked.indicators)}
    keys = sorted((k for k in stated if k[0] not in parameters),
                  key=lambda k: (order.get(k[0], len(order)), k[0], k[1], k[2] or ""))
    return [_row(checked.indicators.get(i), table, rows, i, g, basis, year)
            for i, g, basis in keys]


def _row(spec: t.IndicatorSpec | None, table: SeriesTable, rows: Sequence[r.IndicatorRow],
         indicator: str, region: str, basis: str | None, year: int) -> r.YearTarget:
    goal = table.figure(indicator, region, "target", year, basis)
    assert goal is not None
    actual, actual_basis = None, basis
    if basis is not None:
        actual = table.figure(indicator, region, "actual", year, basis)
    if actual is None:
        actual, actual_basis = table.figure(indicator, region, "actual", year), None
    better = _better(rows, spec, indicator, region)
    met, reason = judge(goal, actual, better)
    unit = spec.unit if spec is not None else None
    return r.YearTarget.model_construct(
        indicator=indicator, name=spec.display if spec else None, region=region,
        unit=(unit.symbol or unit.name) if unit else "", year=year, basis=basis,
        target=goal if isinstance(goal, float) else None, target_text=_text(goal, unit),
        actual=actual if isinstance(actual, float) else None,
        actual_text=_text(actual, unit) if actual is not None else "",
        actual_basis=actual_basis, better=better, met=met, reason=reason)


def _text(figure: Figure, unit: Unit | None) -> str:
    """`34 μg/m³`; a qualified figure as published, with its row's unit (`6%以上`, added
    by the data stage)."""
    if isinstance(figure, Bounds):
        return figure.text
    return format_quantity(float(figure), unit)


def _better(rows: Sequence[r.IndicatorRow], spec: t.IndicatorSpec | None, indicator: str,
            region: str) -> r.Better | None:
    """Which way is better: the plan's targets on the indicator (a cap, a floor, a trend,
    an annual target), else the catalogue's direction; None when neither says."""
    for row in rows:
        if row.indicator != indicator or row.region != region:
            continue
        for target in row.targets:
            if target.shape in _SHAPES and target.op in _LOWER:
                return "lower"
            if target.shape in _SHAPES and target.op in _HIGHER:
                return "higher"
    if spec is not None and spec.direction != "none":
        return "higher" if spec.direction == "up" else "lower"
    return None


def _bounds(figure: Figure) -> Bounds:
    return figure if isinstance(figure, Bounds) else Bounds(float(figure), float(figure))


def judge(goal: Figure, actual: Figure | None,
          better: r.Better | None) -> tuple[r.YearMet, str]:
    """Met when every value the actual allows meets the end the target's words allow;
    missed when none does; else undecided, saying why."""
    if actual is None:
        return "undecided_met", "no actual for the year"
    if better is None:
        return "undecided_met", "no target or catalogue entry says which way is better"
    target, seen = _bounds(goal), _bounds(actual)
    if target.low is None and target.high is None:
        return "undecided_met", (f"the target `{target.text}` gives no number to judge by "
                                 "(an \"about\" figure with no declared tolerance)")
    if better == "higher":
        end, strict = target.low, target.low_open
        if end is None:
            return "undecided_met", f"the target `{target.text}` sets no lower end"
        if seen.low is not None and (seen.low > end or (seen.low == end and (
                not strict or seen.low_open))):
            return "met", "at or above the target" if not strict else "above the target"
        if seen.high is not None and (seen.high < end or (seen.high == end and (
                strict or seen.high_open))):
            return "missed", "below the target"
    else:
        end, strict = target.high, target.high_open
        if end is None:
            return "undecided_met", f"the target `{target.text}` sets no upper end"
        if seen.high is not None and (seen.high < end or (seen.high == end and (
                not strict or seen.high_open))):
            return "met", "at or below the target" if not strict else "below the target"
        if seen.low is not None and (seen.low > end or (seen.low == end and (
                strict or seen.low_open))):
            return "missed", "above the target"
    return "undecided_met", f"the actual `{seen.text}` allows values on both sides of the target"
