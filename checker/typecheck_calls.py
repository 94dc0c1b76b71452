"""Typing of built-in function calls.

Value functions: `abs(x)`, `min(a, b)`, `max(a, b)`.
Aggregates over the records of a `for all` rule: `sum(x)`, `count()`,
`count(condition)`, `mean(x)`, `min(x)`, `max(x)`.
Series functions over an indicator's years: `prev(x)` (last year's value),
`growth(x)` (% change on last year), `total(x, A..B)` (cumulative from A),
`cagr(x, A..B)` (compound annual growth from A).
"""

from __future__ import annotations

from checker import model as m
from checker import typed as t
from checker.diagnostics import did_you_mean
from checker.typecheck_expr import (
    AGGREGATE_FUNCS,
    SERIES_FUNCS,
    VALUE_FUNCS,
    Scope,
    bare,
    convert,
    type_bool,
    type_expr,
)

ALL_FUNCS = sorted(AGGREGATE_FUNCS | SERIES_FUNCS | VALUE_FUNCS)


def call(e: m.Call, scope: Scope) -> t.Node:
    name = e.func
    if name not in AGGREGATE_FUNCS | SERIES_FUNCS | VALUE_FUNCS:
        raise scope.fail("T230", f"unknown function `{name}`", e.span,
                         help=did_you_mean(name, ALL_FUNCS) or
                         f"the functions are: {', '.join(ALL_FUNCS)}")
    if name in SERIES_FUNCS:
        return series_call(e, scope)
    aggregate = scope.subject == "batch" and not scope.in_aggregate and (
        name in ("sum", "count", "mean") or (len(e.args) == 1 and name in ("min", "max")))
    if aggregate:
        return aggregate_call(e, scope)
    if name in ("sum", "count", "mean"):
        raise scope.fail("T231", f"`{name}` adds up records; it needs a rule `for all` records",
                         e.span, help="write `for all project` in the rule")
    return value_call(e, scope)


def _exprs(e: m.Call, scope: Scope, count: int | tuple[int, ...]) -> list[m.Expr]:
    counts = (count,) if isinstance(count, int) else count
    args = [a for a in e.args if not isinstance(a, m.YearRange)]
    if len(args) not in counts or len(args) != len(e.args):
        wanted = " or ".join(str(c) for c in counts)
        raise scope.fail("T232", f"`{e.func}` takes {wanted} argument(s)", e.span,
                         help=f"e.g. `{_EXAMPLES[e.func]}`")
    return args


_EXAMPLES = {
    "abs": "abs(a - b)", "min": "min(a, b)", "max": "max(a, b)", "sum": "sum(land_area)",
    "count": "count(industry == 一般制造业)", "mean": "mean(investment)",
    "prev": "prev(x)", "growth": "growth(x) >= 6 %", "total": "total(x, 2021..2025) >= 13",
    "cagr": "cagr(x, 2020..2025) >= 6 %",
}


def value_call(e: m.Call, scope: Scope) -> t.Node:
    if e.func == "abs":
        (arg,) = _exprs(e, scope, 1)
        node = _quantity(arg, scope, e)
        return t.Func("abs", (node,), node.type, span=e.span)
    first, second = (_quantity(a, scope, e) for a in _exprs(e, scope, 2))
    assert isinstance(first.type, t.QuantityT)
    second = convert(second, first.type, e.span, scope, f"take `{e.func}` of "
                     f"{t.describe(first.type)} and")
    return t.Func(e.func, (first, second), first.type, span=e.span)


def aggregate_call(e: m.Call, scope: Scope) -> t.Node:
    scope.in_aggregate = True
    try:
        if e.func == "count":
            args = _exprs(e, scope, (0, 1))
            nodes = tuple(type_bool(a, scope, "the condition of `count`") for a in args)
            return t.Func("count", nodes, bare(scope), span=e.span)
        (arg,) = _exprs(e, scope, 1)
        node = _quantity(arg, scope, e)
        return t.Func(e.func, (node,), node.type, span=e.span)
    finally:
        scope.in_aggregate = False


def series_call(e: m.Call, scope: Scope) -> t.Node:
    if scope.subject != "series":
        raise scope.fail("T233", f"`{e.func}` works on indicator series", e.span,
                         help="use it in a rule about indicators (no `for each`/`for all`)")
    years = [a for a in e.args if isinstance(a, m.YearRange)]
    values = [a for a in e.args if not isinstance(a, m.YearRange)]
    needs_range = e.func in ("total", "cagr")
    if len(values) != 1 or len(years) != int(needs_range):
        wanted = "an indicator and a year range" if needs_range else "one indicator"
        raise scope.fail("T232", f"`{e.func}` takes {wanted}", e.span,
                         help=f"e.g. `{_EXAMPLES[e.func]}`")
    node = _quantity(values[0], scope, e)
    percent = scope.units.resolve("%")
    result: t.Type = node.type
    if e.func in ("growth", "cagr"):
        if percent is None:  # pragma: no cover - the prelude declares %
            raise scope.fail("T201", "unit `%` is not declared", e.span)
        result = t.QuantityT(percent)
    return t.Func(e.func, (node,), result, years[0] if years else None, e.span)


def _quantity(arg: m.Expr, scope: Scope, e: m.Call) -> t.Node:
    node = type_expr(arg, scope)
    if not isinstance(node.type, t.QuantityT):
        raise scope.fail("T232", f"`{e.func}` needs a number, not {t.describe(node.type)}",
                         arg.span)
    return node
