"""Building expression nodes: one small function per expression rule of the grammar.

In: lark subtrees of expressions and the `Builder` of their file (spans, names,
numbers, nesting depth).  Out: `model` expression nodes, through the
`EXPRESSIONS` table that `Builder.expr` dispatches on.  Imports no lark.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from checker.syntax import model as m
from checker.syntax.parse import Token, Tree

if TYPE_CHECKING:
    from checker.syntax.build import Builder


def _binary(b: Builder, t: Tree[Token], d: int) -> m.Expr:
    left, op, right = t.children
    return m.BinaryOp(cast(Any, str(op)), b.expr(left, d), b.expr(right, d), b.span(t))


def _compare(b: Builder, t: Tree[Token], d: int) -> m.Expr:
    left, op, right = t.children
    return m.CompareOp(cast(Any, str(op)), b.expr(left, d), b.expr(right, d), b.span(t))


def _member(negated: bool) -> Callable[[Builder, Tree[Token], int], m.Expr]:
    def build(b: Builder, t: Tree[Token], d: int) -> m.Expr:
        value, members = t.children
        target: m.SetLit | m.NameRef
        if isinstance(members, Tree) and members.data == "set_lit":
            target = b.set_lit(members)
        else:
            target = m.NameRef(b.name(members), b.span(members))
        return m.MemberOp(b.expr(value, d), target, negated, b.span(t))
    return build


def _presence(present: bool) -> Callable[[Builder, Tree[Token], int], m.Expr]:
    def build(b: Builder, t: Tree[Token], d: int) -> m.Expr:
        return m.PresenceOp(b.expr(t.children[0], d), present, b.span(t))
    return build


def _logic(op: str) -> Callable[[Builder, Tree[Token], int], m.Expr]:
    def build(b: Builder, t: Tree[Token], d: int) -> m.Expr:
        left, right = t.children
        return m.LogicOp(cast(Any, op), b.expr(left, d), b.expr(right, d), b.span(t))
    return build


def _trend(b: Builder, t: Tree[Token], d: int) -> m.Expr:
    value, direction = t.children
    return m.TrendOp(b.expr(value, d), cast(Any, str(direction)), b.span(t))


def _negate(b: Builder, t: Tree[Token], d: int) -> m.Expr:
    return m.Negate(b.expr(t.children[-1], d), b.span(t))


def _call(b: Builder, t: Tree[Token], d: int) -> m.Expr:
    func, *args = t.children
    built: list[m.Expr | m.YearRange] = []
    for arg in args:
        if isinstance(arg, Tree) and arg.data == "year_range":
            built.append(b.year_range(arg))
        else:
            built.append(b.expr(arg, d))
    return m.Call(str(func), tuple(built), b.span(t))


EXPRESSIONS: dict[str, Callable[[Builder, Tree[Token], int], m.Expr]] = {
    "or_op": _logic("or"),
    "and_op": _logic("and"),
    "not_op": lambda b, t, d: m.NotOp(b.expr(t.children[0], d), b.span(t)),
    "compare_op": _compare,
    "member_op": _member(False),
    "not_member_op": _member(True),
    "present_op": _presence(True),
    "missing_op": _presence(False),
    "trend_op": _trend,
    "binary_op": _binary,
    "negate": _negate,
    "call": _call,
    "quantity": lambda b, t, d: b.quantity(t),
    "text_lit": lambda b, t, d: m.TextLit(b.string(t.children[0]), b.span(t)),
    "bool_lit": lambda b, t, d: m.BoolLit(str(t.children[0]) == "true", b.span(t)),
    "name_ref": lambda b, t, d: m.NameRef(b.name(t.children[0]), b.span(t)),
    "set_lit": lambda b, t, d: b.set_lit(t),
}
