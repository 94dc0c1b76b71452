"""The shape of a target (a level, a total, a rate, a trend, a relation, a milestone) and
what meeting it before its deadline means.

In: a typed constraint.  Out: its `result.TargetShape` for one indicator, and the
trajectory of a pending target whose latest value already meets it.  `check` (series
verdicts) and the evaluation table both decide by these, so the two never disagree.
Imports `result` and `typed` only.
"""

from __future__ import annotations

from checker import result as r
from checker.syntax import model as m
from checker.types import typed as t


def indicators(node: t.Node) -> list[str]:
    return [leaf.id for leaf in t.leaves(node) if isinstance(leaf, t.IndicatorRef)]


def _levels(node: t.Node) -> list[str]:
    """The indicators a node reads, a published rate `growth(x)` reads first counted as
    its level `x` (the rate stands in for the levels; it relates nothing to them)."""
    if isinstance(node, t.Func) and node.reported is not None:
        return [i for arg in node.args for i in _levels(arg)]
    if isinstance(node, t.IndicatorRef):
        return [node.id]
    return [i for child in t.children(node) for i in _levels(child)]


def _level(expr: t.Node, indicator: str) -> str:
    """`indicator`, or the level it is the published rate of in `expr`."""
    if isinstance(expr, t.Func) and expr.reported is not None \
            and expr.reported.id == indicator and expr.args:
        return next(iter(_levels(expr.args[0])), indicator)
    return next((found for child in t.children(expr) if (found := _level(child, indicator))
                 != indicator), indicator)


def bare(node: t.Node) -> t.Node:
    """The node under unit conversions."""
    while isinstance(node, t.Scale):
        node = node.operand
    return node


def shape(expr: t.Node, indicator: str) -> r.TargetShape:
    """The shape of `expr` as a target of `indicator` (a relation when it reads others)."""
    if t.stated_targets(expr):
        return "annual"
    indicator = _level(expr, indicator)
    match expr:
        case t.Trend():
            return "trend"
        case t.IndicatorRef(type=t.BoolT()):  # `require national_forest_city by 2025`
            return "milestone"
        case t.Compare(left=left, right=right):
            left, others = bare(left), set(_levels(right))
            if isinstance(left, t.IndicatorRef) and isinstance(left.type, t.BoolT):
                return "milestone"
            if others - {indicator} or set(_levels(left)) - {indicator}:
                return "relation"
            if others:
                return "trend"  # `x <= prev(x) + 持续`: compared with itself a year before
            if isinstance(left, t.Func) and left.name == "total":
                return "cumulative"
            if isinstance(left, t.Func) and left.name in ("cagr", "growth", "change"):
                return "growth"
            if isinstance(left, t.IndicatorRef):
                return "threshold"
    return "other"


def rides_a_line(c: t.Constraint) -> bool:
    """Whether a pending target not met yet is judged by the straight line from the base
    to the target: a level or a total by a year, compared with a constant."""
    ids = _levels(c.expr)
    return (not isinstance(c.time, m.EachYear) and bool(ids)
            and isinstance(c.expr, t.Compare) and c.expr.op not in ("==", "!=")
            and shape(c.expr, ids[0]) in ("threshold", "cumulative"))


def when_met(c: t.Constraint) -> r.Trajectory:
    """The trajectory of a pending target its latest value meets: `achieved` (提前实现)
    for a level, a total or a milestone by a year; `on_track` for a rate over the period,
    a trend or a relation by a year (holding now is not done), and for anything asked of
    each year (the years to come must hold too)."""
    ids = _levels(c.expr)
    if isinstance(c.time, m.EachYear) or not ids:
        return "on_track"
    done = ("threshold", "cumulative", "milestone")
    return "achieved" if shape(c.expr, ids[0]) in done else "on_track"
