"""The rule model, expressions: literals, names, calls and operators (frozen data)."""

from __future__ import annotations

from dataclasses import field
from fractions import Fraction
from typing import Literal

from checker.frozen import frozen
from checker.source import NO_SPAN, Span

Comments = tuple[str, ...]


# ------------------------------------------------------------------ expressions


@frozen
class Quantity:
    """A number with an optional unit name as written (`319 km2`, `90 %`, `13`)."""

    value: Fraction
    unit: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class TextLit:
    value: str
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class BoolLit:
    value: bool
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class NameRef:
    """A field, indicator, reading, set or enum value, resolved by typecheck; `year`: an
    indicator's value in that fixed year (`pm25_annual_mean at 2020`)."""

    name: str
    span: Span = field(default=NO_SPAN, compare=False, repr=False)
    year: int | None = None


@frozen
class SetLit:
    items: tuple[str, ...]
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class YearRange:
    start: int
    end: int
    span: Span = field(default=NO_SPAN, compare=False, repr=False)

    def years(self) -> range:
        return range(self.start, self.end + 1)


@frozen
class Call:
    """A built-in function: sum, count, abs, min, max, total, growth, cagr, prev."""

    func: str
    args: tuple[Expr | YearRange, ...]
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class BinaryOp:
    op: Literal["+", "-", "*", "/"]
    left: Expr
    right: Expr
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class Negate:
    operand: Expr
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class CompareOp:
    op: Literal["<", "<=", ">", ">=", "==", "!="]
    left: Expr
    right: Expr
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class MemberOp:
    """`value in set` (or `not in` when `negated`); the set is a literal or a named set."""

    value: Expr
    members: SetLit | NameRef
    negated: bool = False
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class PresenceOp:
    """`value is present` / `value is missing`."""

    value: Expr
    present: bool
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class TrendOp:
    """`indicator rises` / `falls`: strictly better or worse than the year before."""

    value: Expr
    direction: Literal["rises", "falls"]
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class NotOp:
    operand: Expr
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class LogicOp:
    op: Literal["and", "or"]
    left: Expr
    right: Expr
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


Expr = (
    Quantity | TextLit | BoolLit | NameRef | SetLit | Call | BinaryOp | Negate | CompareOp
    | MemberOp | PresenceOp | TrendOp | NotOp | LogicOp
)
Literal_ = Quantity | TextLit | BoolLit | NameRef | Negate
