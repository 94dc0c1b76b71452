"""Typing of expressions: names resolved, dimensions checked, constants converted.

In: model expressions and a `Scope` (what names mean in this rule).  Out: typed
IR nodes (`checker.types.typed`), or diagnostics in the scope's sink.  Used only by
`checker.types.typecheck`.  Imports `model`, `typed`, `units`, `diagnostics`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Literal

from checker.diagnostics import DiagnosticSink, did_you_mean
from checker.source import Span
from checker.syntax import model as m
from checker.syntax.unparse import quantity as quantity_text
from checker.types import typed as t
from checker.types.units import BARE, UnitTable

SERIES_FUNCS = frozenset({"prev", "growth", "total", "cagr", "change"})
AGGREGATE_FUNCS = frozenset({"sum", "count", "mean", "min", "max"})
VALUE_FUNCS = frozenset({"abs", "min", "max"})


class Unresolved(Exception):
    """A sub-expression already reported; stops typing the enclosing clause."""


@dataclass
class Scope:
    subject: Literal["record", "batch", "series"]
    units: UnitTable
    sink: DiagnosticSink
    sets: dict[str, tuple[str, ...]]
    schema: t.RecordSchema | None
    indicators: dict[str, t.IndicatorSpec]
    readings: dict[str, t.Const] = field(default_factory=dict)
    in_aggregate: bool = False
    fields_used: set[str] = field(default_factory=set)
    indicators_used: set[str] = field(default_factory=set)

    def fail(self, code: str, message: str, span: Span, *, label: str = "",
             help: str = "") -> Unresolved:
        self.sink.error(code, message, span, label=label, help=help)
        return Unresolved()

    def known_names(self) -> list[str]:
        """The names a did-you-mean may offer here: a rule `for each` record reads no
        indicator, so none is offered there."""
        names = list(self.readings)
        if self.schema is not None:
            names += list(self.schema.fields)
        return names + (list(self.indicators) if self.subject != "record" else [])


def bare(scope: Scope) -> t.QuantityT:
    return t.QuantityT(scope.units.bare())


def type_bool(e: m.Expr, scope: Scope, what: str) -> t.Node:
    node = type_expr(e, scope)
    if not isinstance(node.type, t.BoolT):
        raise scope.fail("T220", f"{what} must be true or false, not {t.describe(node.type)}",
                         e.span, label="not a condition",
                         help="compare it, e.g. `x >= 90%`, or test `x is present`")
    return node


def type_expr(e: m.Expr, scope: Scope) -> t.Node:
    match e:
        case m.Quantity():
            return quantity(e, scope)
        case m.TextLit(value=value):
            return t.Const(value, t.TextT(), e.span)
        case m.BoolLit(value=value):
            return t.Const(value, t.BoolT(), e.span)
        case m.NameRef():
            return name_ref(e, scope)
        case m.SetLit():
            raise scope.fail("T221", "a set can only follow `in`", e.span,
                             help="write `x in {a, b}`")
        case m.Negate(operand=operand):
            inner = type_expr(operand, scope)
            if not isinstance(inner.type, t.QuantityT):
                raise scope.fail("T222", f"cannot negate {t.describe(inner.type)}", e.span)
            if isinstance(inner, t.Const) and isinstance(inner.value, Fraction):
                return t.Const(-inner.value, inner.type, e.span, inner.written)
            return t.Neg(inner, inner.type, e.span)
        case m.BinaryOp():
            return arithmetic(e, scope)
        case m.CompareOp():
            return compare(e, scope)
        case m.MemberOp():
            return member(e, scope)
        case m.PresenceOp(value=value, present=present):
            return t.Present(type_expr(value, scope), present, e.span)
        case m.TrendOp(value=value, direction=direction):
            if scope.subject != "series":
                raise scope.fail("T223", f"`{direction}` needs an indicator series", e.span,
                                 help="trends apply to indicators, in rules without `for each`")
            inner = type_expr(value, scope)
            if not isinstance(inner.type, t.QuantityT):
                raise scope.fail("T223", f"`{direction}` needs a quantity", e.span)
            return t.Trend(inner, direction, e.span)
        case m.NotOp(operand=operand):
            return t.Not(type_bool(operand, scope, "the operand of `not`"), e.span)
        case m.LogicOp(op=op, left=left, right=right):
            what = f"each side of `{op}`"
            return t.Logic(op, type_bool(left, scope, what), type_bool(right, scope, what),
                           e.span)
        case m.Call():
            return call(e, scope)
    raise scope.fail("T299", "unsupported expression", e.span)  # pragma: no cover


def quantity(q: m.Quantity, scope: Scope, dimension: str | None = None) -> t.Const:
    """A constant; `dimension`, when the other side of a comparison says it, keeps the
    did-you-mean of an unknown unit to units the value could be in (`公理` -> `公里`)."""
    if q.unit is None:
        return t.Const(q.value, bare(scope), q.span)
    unit = scope.units.resolve(q.unit)
    if unit is None:
        raise scope.fail("T208", f"unknown unit `{q.unit}`", q.span, label="not a declared unit",
                         help=scope.units.suggest(q.unit, dimension))
    # a Chinese spelling other than the unit's symbol (`万个` of `wan`, shown `万`) is kept
    # for display: a table shows the plan's `5 万个`
    spelt = q.unit.strip()
    chinese = any("\u4e00" <= c <= "\u9fff" for c in spelt)  # not `μg/m3` for `μg/m³`
    written = replace(unit, symbol=spelt) if chinese and spelt != unit.symbol else None
    return t.Const(q.value, t.QuantityT(unit), q.span, written)


def name_ref(e: m.NameRef, scope: Scope) -> t.Node:
    name = e.name
    if e.year is not None and name not in scope.indicators:
        raise scope.fail("T250", f"`{name} at {e.year}`: only an indicator has a value in a "
                         "year", e.span, help="`at YEAR` follows an indicator, e.g. "
                         "`pm25_annual_mean at 2020`")
    if name in scope.readings:
        reading = scope.readings[name]
        return t.Const(reading.value, reading.type, e.span)
    if scope.schema is not None and name in scope.schema.fields:
        if scope.subject == "batch" and not scope.in_aggregate:
            raise scope.fail("T224", f"field `{name}` is used outside an aggregate", e.span,
                             help=f"a rule `for all` records compares totals: `sum({name})`")
        scope.fields_used.add(name)
        return t.FieldRef(name, scope.schema.fields[name].type, e.span)
    if name in scope.indicators and scope.subject in ("series", "batch"):
        scope.indicators_used.add(name)
        return t.IndicatorRef(name, scope.indicators[name].type, e.span, e.year)
    if name in scope.indicators and scope.schema is not None:
        # an indicator is a series of the plan's years, a record is checked on its own
        # fields: naming the indicator itself as the did-you-mean would say nothing
        record = scope.schema.name
        raise scope.fail("T204", f"indicator `{name}` in a rule `for each {record}`", e.span,
                         label=f"not a field of record `{record}`",
                         help=f"a rule `for each {record}` reads only the record's fields; "
                         f"compare the records together with a plan figure in a rule `for all "
                         f"{record}` (`require sum(FIELD) <= {name}`), or write the figure as "
                         "a constant")
    if scope.schema is not None and name in scope.schema.broken:
        raise Unresolved()  # its declaration's type is the error, said there
    where = f"record `{scope.schema.name}`" if scope.schema is not None else "the indicators"
    raise scope.fail("T204", f"unknown name `{name}`", e.span, label=f"not a field of {where}"
                     if scope.schema is not None else "not a declared indicator or reading",
                     help=did_you_mean(name, scope.known_names()) or
                     "declare it as an indicator, a record field or a `read` value")


def enum_value(e: m.Expr, enum: t.EnumT, scope: Scope) -> t.Const:
    """A bare name standing for a member of `enum` (`zone == 临空经济区`)."""
    if isinstance(e, m.TextLit | m.NameRef):
        text = e.value if isinstance(e, m.TextLit) else e.name
        if text in enum.items:
            return t.Const(enum.items.index(text), enum, e.span)
        raise scope.fail("T205", f"`{text}` is not a value of `{enum.name}`", e.span,
                         label="unknown value",
                         help=did_you_mean(text, enum.items) or
                         f"the values are: {', '.join(enum.items[:12])}")
    raise scope.fail("T206", f"compare {t.describe(enum)} with one of its values", e.span)


def _is_enum_literal(e: m.Expr, scope: Scope) -> bool:
    if isinstance(e, m.TextLit):
        return True
    if not isinstance(e, m.NameRef):
        return False
    known = set(scope.readings) | set(scope.indicators)
    if scope.schema is not None:
        known |= set(scope.schema.fields)
    return e.name not in known


def compare(e: m.CompareOp, scope: Scope) -> t.Node:
    if _is_target(e.left) or _is_target(e.right):
        return target_compare(e, scope)
    left_enum = right_enum = None
    if _is_enum_literal(e.right, scope):
        left = type_expr(e.left, scope)
        if isinstance(left.type, t.EnumT):
            right_enum = enum_value(e.right, left.type, scope)
        right = right_enum or type_expr(e.right, scope)
    elif _unknown_unit(e.right, scope) or _unknown_unit(e.left, scope):
        left, right = typed_pair(e.left, e.right, scope)
    else:
        right = type_expr(e.right, scope)
        if isinstance(right.type, t.EnumT) and _is_enum_literal(e.left, scope):
            left_enum = enum_value(e.left, right.type, scope)
        left = left_enum or type_expr(e.left, scope)
    return compare_typed(e.op, left, right, e.span, scope)


def _unknown_unit(e: m.Expr, scope: Scope) -> bool:
    """A constant (or its negation) in a unit the suite does not declare."""
    q = e.operand if isinstance(e, m.Negate) else e
    return isinstance(q, m.Quantity) and q.unit is not None and \
        scope.units.resolve(q.unit) is None


def typed_pair(a: m.Expr, b: m.Expr, scope: Scope) -> tuple[t.Node, t.Node]:
    """Both sides of a comparison, a sum or `min`/`max`; a constant in an unknown unit is
    typed after the other side, whose dimension keeps its did-you-mean to units it could
    be in (`5 公理 <= x` of a length -> `公里`), whichever side it is on."""
    if _unknown_unit(a, scope) and not _unknown_unit(b, scope):
        second = type_expr(b, scope)
        return typed_in(a, dimension_of(second.type), scope), second
    first = type_expr(a, scope)
    return first, typed_in(b, dimension_of(first.type), scope)


def dimension_of(type_: t.Type) -> str | None:
    return type_.unit.dimension if isinstance(type_, t.QuantityT) else None


def typed_in(e: m.Expr, dimension: str | None, scope: Scope) -> t.Node:
    """`e` typed; a constant of an unknown unit is read in `dimension` for its did-you-mean
    (the other side of a comparison, a field's or indicator's own unit)."""
    if isinstance(e, m.Quantity):
        return quantity(e, scope, dimension)
    if isinstance(e, m.Negate) and isinstance(e.operand, m.Quantity) and \
            _unknown_unit(e.operand, scope):
        quantity(e.operand, scope, dimension)  # raises T208 with the hint
    return type_expr(e, scope)


def compare_typed(op: Literal["<", "<=", ">", ">=", "==", "!="], left: t.Node, right: t.Node,
                  span: Span, scope: Scope) -> t.Node:
    lt, rt = left.type, right.type
    ordering = op not in ("==", "!=")
    if isinstance(lt, t.QuantityT) and isinstance(rt, t.QuantityT):
        right = convert(right, lt, span, scope, f"compare {t.describe(lt)} with")
        return t.Compare(op, left, right, span)
    if isinstance(lt, t.YearT) or isinstance(rt, t.YearT):
        left, right = as_year(left, scope, span), as_year(right, scope, span)
        return t.Compare(op, left, right, span)
    if isinstance(lt, t.EnumT) and lt == rt:
        if ordering and not lt.ordered:
            raise scope.fail("T206", f"`{op}` needs an ordinal scale; `{lt.name}` is unordered",
                             span, help="use `==`, `!=` or `in {…}` for unordered values")
        return t.Compare(op, left, right, span)
    if type(lt) is type(rt) and isinstance(lt, t.BoolT | t.TextT) and not ordering:
        return t.Compare(op, left, right, span)
    raise scope.fail("T207", f"cannot compare {t.describe(lt)} with {t.describe(rt)}", span,
                     help=_mismatch_help(lt, rt))


def _is_target(e: m.Expr) -> bool:
    return isinstance(e, m.Call) and e.func == "target"


TARGET_EXAMPLE = "gdp_growth >= target(gdp_growth)"


def target_compare(e: m.CompareOp, scope: Scope) -> t.Node:
    """`x op target(y)`: each year's value against the target stated for that year.

    The target sits alone on one side of an ordering, so which end of a qualified target
    the comparison reads (`6%以上`, `5.0左右`) follows from the words of the rule."""
    if scope.subject != "series":
        raise scope.fail("T233", "`target` reads the targets stated in plan data", e.span,
                         help="use it in a rule about indicators (no `for each`/`for all`)")
    if _is_target(e.left) and _is_target(e.right):
        raise scope.fail("T239", "`target(…)` on both sides: compare a value with a target",
                         e.span, help=f"e.g. `{TARGET_EXAMPLE}`")
    if e.op in ("==", "!="):
        raise scope.fail("T239", f"`{e.op}` with a target: a target is met from one side",
                         e.span, help="for \"about the target\" write "
                         "`x >= target(x) and x <= target(x)`; a 左右 target's tolerance widens "
                         "both ends")
    on_right = _is_target(e.right)
    call = e.right if on_right else e.left
    other = e.left if on_right else e.right
    assert isinstance(call, m.Call)
    ref = _target_indicator(call, scope)
    above = e.op in (">", ">=")
    side: Literal["low", "high"] = "low" if above == on_right else "high"
    stated = t.StatedTarget(ref.id, side, ref.type, call.span)
    value = type_expr(other, scope)
    if on_right:
        return compare_typed(e.op, value, stated, e.span, scope)
    return compare_typed(e.op, stated, value, e.span, scope)


def _target_indicator(call: m.Call, scope: Scope) -> t.IndicatorRef:
    args = call.args
    ref = type_expr(args[0], scope) if len(args) == 1 and not isinstance(
        args[0], m.YearRange) else None
    if not isinstance(ref, t.IndicatorRef) or not isinstance(ref.type, t.QuantityT):
        raise scope.fail("T239", "`target` takes one indicator that has a number", call.span,
                         help=f"e.g. `{TARGET_EXAMPLE}`")
    return ref


def as_year(node: t.Node, scope: Scope, span: Span) -> t.Node:
    if isinstance(node.type, t.YearT):
        return node
    if isinstance(node, t.Const) and isinstance(node.type, t.QuantityT) \
            and node.type.dimension == BARE and isinstance(node.value, Fraction) \
            and node.value.denominator == 1:
        return t.Const(int(node.value), t.YearT(), node.span)
    raise scope.fail("T207", f"cannot compare a year with {t.describe(node.type)}", span,
                     help="compare years with a year such as `2025`")


def convert(node: t.Node, target: t.QuantityT, span: Span, scope: Scope,
            what: str) -> t.Node:
    """Express `node` in `target`'s unit; a different dimension is a type error."""
    source = node.type
    if not isinstance(source, t.QuantityT) or source.dimension != target.dimension:
        raise scope.fail("T207", f"cannot {what} {t.describe(source)}", span,
                         help=_mismatch_help(target, source))
    if source.unit == target.unit:
        return node
    ratio = source.unit.ratio_to(target.unit)
    if isinstance(node, t.Const) and isinstance(node.value, Fraction):
        return t.Const(node.value * ratio, target, node.span, node.written or source.unit)
    return t.Scale(node, ratio, target, node.span)


def _mismatch_help(a: t.Type, b: t.Type) -> str:
    if isinstance(a, t.QuantityT) and isinstance(b, t.QuantityT):
        if BARE in (a.dimension, b.dimension):
            other = a if a.dimension != BARE else b
            example = quantity_text(m.Quantity(Fraction(90), other.unit.symbol or other.unit.name))
            return f"write the unit on the number, e.g. `{example}`"  # as fmt writes it
        return f"`{a.dimension}` and `{b.dimension}` are different dimensions"
    return "both sides must have the same type"


def arithmetic(e: m.BinaryOp, scope: Scope) -> t.Node:
    left, right = typed_pair(e.left, e.right, scope)
    lt, rt = left.type, right.type
    if not isinstance(lt, t.QuantityT) or not isinstance(rt, t.QuantityT):
        raise scope.fail("T209", f"`{e.op}` needs numbers, not {t.describe(lt)} and "
                         f"{t.describe(rt)}", e.span)
    if e.op in "+-":
        right = convert(right, lt, e.span, scope, f"{'add' if e.op == '+' else 'subtract'} "
                        f"{t.describe(lt)} and")
        return t.Arith(e.op, left, right, lt, e.span)
    if rt.dimension == BARE:
        return t.Arith(e.op, left, right, lt, e.span)
    if lt.dimension == BARE and e.op == "*":
        return t.Arith(e.op, left, right, rt, e.span)
    if e.op == "/" and lt.dimension == rt.dimension:
        right = convert(right, lt, e.span, scope, "divide")
        return t.Arith(e.op, left, right, bare(scope), e.span)
    raise scope.fail("T209", f"cannot {'multiply' if e.op == '*' else 'divide'} "
                     f"{t.describe(lt)} by {t.describe(rt)}", e.span,
                     help="one side must be a bare number (or divide like by like)")


def member(e: m.MemberOp, scope: Scope) -> t.Node:
    value = type_expr(e.value, scope)
    if isinstance(e.members, m.NameRef):
        name = e.members.name
        if name not in scope.sets:
            raise scope.fail("T210", f"unknown set `{name}`", e.members.span,
                             help=did_you_mean(name, scope.sets) or "declare it with `set`")
        items, span = scope.sets[name], e.members.span
    else:
        items, span = e.members.items, e.members.span
    if isinstance(value.type, t.EnumT):
        enum = value.type
        codes = frozenset(enum_value(m.NameRef(i, span), enum, scope).value for i in items)
        return t.Member(value, frozenset(int(c) for c in codes), e.negated, items, e.span)
    if isinstance(value.type, t.TextT):
        return t.Member(value, frozenset(items), e.negated, items, e.span)
    raise scope.fail("T211", f"`in` needs a text or enum value, not {t.describe(value.type)}",
                     e.value.span)


# ------------------------------------------------------------------ built-in calls
# Typing of built-in function calls.
#
# Value functions: `abs(x)`, `min(a, b)`, `max(a, b)`.
# Aggregates over the records of a `for all` rule: `sum(x)`, `count()`,
# `count(condition)`, `mean(x)`, `min(x)`, `max(x)`.
# Series functions over an indicator's years: `prev(x)` (last year's value),
# `growth(x)` (% change on last year), `total(x, A..B)` (cumulative from A),
# `cagr(x, A..B)` (compound annual growth from A), `change(x, A..B)` (% change from
# the level of year A: "降低13.5%" is `change(x, 2020..2025) <= -13.5%`).
# `target(x)` (the target each year states) is typed by `target_compare`, alone on one
# side of an ordering; `x at 2020` (a fixed year's value) by `name_ref`.

ALL_FUNCS = sorted(AGGREGATE_FUNCS | SERIES_FUNCS | VALUE_FUNCS | {"target"})


def call(e: m.Call, scope: Scope) -> t.Node:
    name = e.func
    if name == "target":
        raise scope.fail("T239", "`target(…)` stands alone on one side of a comparison",
                         e.span, help=f"e.g. `{TARGET_EXAMPLE}`")
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
    "cagr": "cagr(x, 2020..2025) >= 6 %", "change": "change(x, 2020..2025) <= -13.5 %",
}


def value_call(e: m.Call, scope: Scope) -> t.Node:
    if e.func == "abs":
        (arg,) = _exprs(e, scope, 1)
        node = _quantity(arg, scope, e)
        return t.Func("abs", (node,), node.type, span=e.span)
    a, b = _exprs(e, scope, 2)
    first, second = (_number(node, arg, scope, e)
                     for node, arg in zip(typed_pair(a, b, scope), (a, b), strict=True))
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
    needs_range = e.func in ("total", "cagr", "change")
    if len(values) != 1 or len(years) != int(needs_range):
        wanted = "an indicator and a year range" if needs_range else "one indicator"
        raise scope.fail("T232", f"`{e.func}` takes {wanted}", e.span,
                         help=f"e.g. `{_EXAMPLES[e.func]}`")
    node = _quantity(values[0], scope, e)
    percent = scope.units.resolve("%")
    result: t.Type = node.type
    if e.func in ("growth", "cagr", "change"):
        if percent is None:  # pragma: no cover - the prelude declares %
            raise scope.fail("T201", "unit `%` is not declared", e.span)
        result = t.QuantityT(percent)
    return t.Func(e.func, (node,), result, years[0] if years else None, e.span,
                  reported=_published_rate(node, scope) if e.func == "growth" else None)


def _published_rate(node: t.Node, scope: Scope) -> t.IndicatorRef | None:
    """`growth(x)` of a level some indicator is `growth of`: that rate, where reported."""
    if not isinstance(node, t.IndicatorRef) or node.year is not None:
        return None
    rate = next((spec for spec in scope.indicators.values() if spec.growth_of == node.id), None)
    return t.IndicatorRef(rate.id, rate.type, node.span) if rate is not None else None


def _quantity(arg: m.Expr, scope: Scope, e: m.Call) -> t.Node:
    return _number(type_expr(arg, scope), arg, scope, e)


def _number(node: t.Node, arg: m.Expr, scope: Scope, e: m.Call) -> t.Node:
    if not isinstance(node.type, t.QuantityT):
        raise scope.fail("T232", f"`{e.func}` needs a number, not {t.describe(node.type)}",
                         arg.span)
    return node
