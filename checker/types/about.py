"""Tolerances of "about" figures: `about within 0.5 μg/m3 because "…"` in an indicator,
`about within 5% relative because "…"` in it or in the plan header.

In: the model's `About` items, the indicator's unit and the unit table.  Out: a
`typed.Tolerance` in the indicator's unit (absolute) or in percent of the figure
(relative), or T238.  The data stage reads `5.0左右` through it; without one such a
figure stays unknown (D345), never exact.
"""

from __future__ import annotations

from fractions import Fraction

from checker.diagnostics import DiagnosticSink
from checker.source import Span
from checker.syntax import model as m
from checker.types import typed as t
from checker.types.units import Unit, UnitTable


def plan_about(suite: m.Suite, units: UnitTable, sink: DiagnosticSink) -> t.Tolerance | None:
    """The plan header's `about within 5% relative because "…"`: every indicator's tolerance
    unless it declares its own; relative only (one number cannot fit every unit)."""
    plans = suite.of(m.Plan)
    items = [i for i in plans[0].items if i.about is not None] if plans else []
    for extra in items[1:]:
        sink.error("T238", "the plan header declares `about` twice", extra.span,
                   help="keep one tolerance in the header; an indicator may declare its own")
    if not items:
        return None
    about, span = items[0].about, items[0].span
    assert about is not None
    if not about.relative:
        sink.error("T238", "the plan header's `about` tolerance must be relative", span,
                   help="write `about within 5% relative because \"…\"`; an absolute one "
                   "(`about within 0.5 μg/m3`) belongs in its indicator")
        return None
    return _tolerance(about, span, None, units, sink)


def indicator_about(ind: m.Indicator, unit: Unit | None, default: t.Tolerance | None,
                    units: UnitTable, sink: DiagnosticSink) -> t.Tolerance | None:
    """An indicator's own tolerance for "about" figures, else the plan header's."""
    items = [i for i in ind.items if i.about is not None]
    for extra in items[1:]:
        sink.error("T238", f"indicator `{ind.id}` declares `about` twice", extra.span,
                   help="keep one tolerance")
    if unit is None:
        if items:
            sink.error("T238", f"indicator `{ind.id}` is true/false: it has no \"about\"",
                       items[0].span, help="remove the `about`")
        return None
    if not items:
        return default
    about = items[0].about
    assert about is not None
    return _tolerance(about, items[0].span, unit, units, sink)


def _tolerance(about: m.About, span: Span, unit: Unit | None, units: UnitTable,
               sink: DiagnosticSink) -> t.Tolerance | None:
    """The tolerance in the indicator's unit (absolute) or in percent of the figure."""
    amount, written = about.amount.value, about.amount.unit
    if not about.reason.strip():
        sink.error("T238", "an `about` tolerance needs its reason", span,
                   help="say why the suite reads \"about\" so: `because \"…\"`")
        return None
    if about.relative:
        percent = units.resolve(written) if written is not None else None
        if written is not None and (percent is None or percent.symbol != "%"):
            sink.error("T238", f"a relative tolerance is a percentage, not `{written}`", span,
                       help="write `about within 5% relative because \"…\"`")
            return None
        if not 0 < amount <= 100:
            sink.error("T238", "a relative tolerance is more than 0% and at most 100%", span,
                       help="write `about within 5% relative because \"…\"`")
            return None
        return t.Tolerance(amount, True, about.reason, span)
    assert unit is not None
    ratio = Fraction(1)
    if written is not None:
        given = units.resolve(written)
        if given is None or given.dimension != unit.dimension:
            sink.error("T238", f"tolerance `{written}` does not fit the indicator's unit "
                       f"`{unit.symbol or unit.name}`", span,
                       help=f"write it in `{unit.symbol or unit.name}` or another unit of "
                       f"{unit.dimension}, or add `relative` for a share of the figure")
            return None
        ratio = given.ratio_to(unit)
    if amount <= 0:
        sink.error("T238", "an `about` tolerance is more than zero", span,
                   help="write `about within 0.5 because \"…\"`")
        return None
    return t.Tolerance(amount * ratio, False, about.reason, span)
