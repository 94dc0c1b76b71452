"""Parts of rules for consistency analysis: what the passes reason about.

In: checked rules (`checker.types.typed`).  Out: plain data — `Part` (one conjunct of a
rule's guard, constraint or waiver in one context: a record, a batch, or one
region and year of an indicator series), its simple `Bound`s for the interval
pass, structural keys, and the rule text of typed nodes for witnesses.
Imports `typed`, `model`, `unparse`, `source` and `units`; never z3 or pandas.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

from checker.source import Span
from checker.syntax import model as m
from checker.syntax.unparse import expr as expr_text
from checker.syntax.unparse import number
from checker.types import typed as t
from checker.types.units import Unit

Z3 = Any  # z3 ships no type hints
VarKey = tuple[object, ...]
Role = Literal["guard", "require", "unless"]


# ------------------------------------------------------------------ structure


def nkey(node: object) -> object:
    """A structural key of a typed node: equal for the same expression anywhere."""
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        return (type(node).__name__, *(nkey(getattr(node, f.name))
                                       for f in dataclasses.fields(node) if f.name != "span"))
    if isinstance(node, tuple | list):
        return tuple(nkey(n) for n in node)
    if isinstance(node, frozenset):
        return tuple(sorted(node, key=repr))
    return node


@dataclass(frozen=True, slots=True)
class Ctx:
    """Where a part is read: a record, a batch (by its guard), or a series region and year."""

    kind: Literal["record", "batch", "series"]
    region: str = ""
    year: int = 0
    selection: object = None

    def shift(self, years: int) -> Ctx:
        return dataclasses.replace(self, year=self.year + years)


@dataclass(frozen=True, slots=True)
class Bound:
    """A numeric bound `var >= value` (lower) or `var <= value` (upper); strict for < >."""

    var: VarKey
    lower: bool
    value: Fraction
    strict: bool


@dataclass(frozen=True, slots=True)
class SetBound:
    """An enum or bool variable restricted to `allowed` values."""

    var: VarKey
    allowed: frozenset[object]


@dataclass(eq=False)
class Part:
    """One conjunct of one clause of one rule, in one context."""

    rule: str
    role: Role
    node: t.Node
    ctx: Ctx
    text: str
    span: Span
    bounds: tuple[Bound, ...] = ()
    sets: tuple[SetBound, ...] = ()
    simple: bool = False
    vars: frozenset[VarKey] = frozenset()
    formula: Z3 = None
    point: bool = False  # a `by YEAR` / `at YEAR` target (not a standing cap)
    nesting: int = 0  # levels of `node` (`limits.nesting`); past the limit it is not read
    key: object = None  # structural key of `node`

    @property
    def year(self) -> int:
        return self.ctx.year


@dataclass(frozen=True, slots=True)
class VarInfo:
    key: VarKey
    sort: Literal["real", "int", "bool", "text", "enum"]
    label: str
    unit: Unit | None = None
    items: tuple[str, ...] = ()


# ------------------------------------------------------------------ conjuncts


def conjuncts(node: t.Node, source: m.Expr | None) -> list[tuple[t.Node, m.Expr | None]]:
    """Split top-level `and`s, keeping each typed conjunct beside its written form."""
    if isinstance(node, t.Logic) and node.op == "and":
        left = right = None
        if isinstance(source, m.LogicOp) and source.op == "and":
            left, right = source.left, source.right
        return conjuncts(node.left, left) + conjuncts(node.right, right)
    return [(node, source)]


def guard_source(rule: t.CheckedRule) -> m.Expr | None:
    """The `where` clauses as one written expression, folded like typecheck folds them."""
    wheres = rule.source.clauses_of(m.Where)
    if not wheres:
        return None
    folded: m.Expr = wheres[0].expr
    for extra in wheres[1:]:
        folded = m.LogicOp("and", folded, extra.expr, extra.span)
    return folded


def text_of(node: t.Node, source: m.Expr | None) -> str:
    return expr_text(source) if source is not None else show(node)


def show(node: t.Node) -> str:
    """Typed node as rule text (constants in the unit they were converted to)."""
    match node:
        case t.Const(value=value, type=type_):
            return show_value(value, type_)
        case t.FieldRef(name=name):
            return name
        case t.IndicatorRef(id=ident):
            return ident
        case t.Scale(operand=operand):
            return show(operand)
        case t.Neg(operand=operand):
            return f"-{show(operand)}"
        case t.Arith(op=op, left=left, right=right):
            return f"({show(left)} {op} {show(right)})"
        case t.Func(name=name, args=args, years=years):
            inner = [show(a) for a in args] + ([f"{years.start}..{years.end}"] if years else [])
            return f"{name}({', '.join(inner)})"
        case t.Compare(op=op, left=left, right=right):
            return f"{show(left)} {op} {show(right)}"
        case t.Member(value=value, negated=negated, shown=shown):
            return f"{show(value)} {'not in' if negated else 'in'} {{{', '.join(shown)}}}"
        case t.Present(value=value, present=present):
            return f"{show(value)} is {'present' if present else 'missing'}"
        case t.Trend(value=value, direction=direction):
            return f"{show(value)} {direction}"
        case t.Not(operand=operand):
            return f"not ({show(operand)})"
        case t.Logic(op=op, left=left, right=right):
            return f"({show(left)} {op} {show(right)})"
    return "…"  # pragma: no cover


def show_value(value: object, type_: t.Type | None, unit: Unit | None = None) -> str:
    """A constant for people: enum codes as their names, quantities with their unit."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(type_, t.EnumT) and isinstance(value, int):
        return type_.items[value]
    if isinstance(type_, t.TextT):
        return f'"{value}"'
    if isinstance(type_, t.QuantityT):
        unit = unit or type_.unit
    if isinstance(value, Fraction):
        text = number(value) if "/" not in number(value) else f"{float(value):.6g}"
        if unit is None or (not unit.symbol and unit.dimension == "one"):
            return text
        symbol = unit.symbol or unit.name
        return f"{text}{'' if symbol in ('%', '‰') else ' '}{symbol}"
    return str(value)
