"""Building expression nodes: one small function per expression rule of the grammar.

In: lark subtrees of expressions and the `Builder` of their file (spans, names,
numbers, nesting depth).  Out: `model` expression nodes, through the
`EXPRESSIONS` table that `Builder.expr` dispatches on.  Imports no lark.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import TYPE_CHECKING, Any, cast

from checker.source import Span
from checker.syntax import model as m
from checker.syntax.parse import Token, Tree

if TYPE_CHECKING:
    from checker.syntax.build import Builder


def _binary(b: Builder, t: Tree[Token], d: int) -> m.Expr:
    left, op, right = t.children
    built = m.BinaryOp(cast(Any, str(op)), b.expr(left, d), b.expr(right, d), b.span(t))
    if built.op == "/" and constant_value(built.right) == 0:
        raise b.fail("P125", "division by a constant zero", right,
                     help="the divisor is zero whatever the data; divide by a value that "
                          "is not zero, or drop the division")
    return built


def constant_value(e: m.Expr) -> Fraction | None:
    """The value of an expression of numbers alone, or None when data decide it.

    Enough to see `319 km2 / 0` and `x / (2 - 2)` before any data: quantities of
    one unit (or none) added or subtracted, any quantities multiplied; units are
    not converted (that is the type checker's), so `1 km2 - 100 ha` is None."""
    folded = _fold(e)
    return None if folded is None else folded[0]


def _fold(e: m.Expr) -> tuple[Fraction, str | None] | None:
    match e:
        case m.Quantity(value=value, unit=unit):
            return value, unit
        case m.Negate(operand=operand):
            inner = _fold(operand)
            return None if inner is None else (-inner[0], inner[1])
        case m.BinaryOp(op=op, left=left, right=right):
            a, c = _fold(left), _fold(right)
            if op == "*" and any(x is not None and x[0] == 0 for x in (a, c)):
                return Fraction(0), "*"  # zero times anything is zero
            if a is None or c is None:
                return None
            if op in ("+", "-"):
                if a[1] != c[1]:
                    return None
                return (a[0] + c[0] if op == "+" else a[0] - c[0]), a[1]
            if op == "*":
                return a[0] * c[0], "*"
            return None if c[0] == 0 else (a[0] / c[0], "*")
    return None


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
    """A chain `a and b and … and z` is a list, not a nesting: its terms (also those
    in parentheses of the same operator) are gathered without recursion and joined as
    a balanced tree, so 101 terms are 7 levels deep, not 101; `and` and `or` are
    associative, in Kleene's three-valued logic too, so the grouping means nothing."""
    def build(b: Builder, t: Tree[Token], d: int) -> m.Expr:
        terms: list[Tree[Token] | Token] = []
        stack: list[Tree[Token] | Token] = [t]
        while stack:
            node = stack.pop()
            while isinstance(node, Tree) and node.data == "paren":  # `(a or b) or c`
                inner = node.children[0]
                if not (isinstance(inner, Tree) and inner.data in (t.data, "paren")):
                    break
                node = inner
            if isinstance(node, Tree) and node.data == t.data:
                stack.extend(reversed(node.children))
            else:
                terms.append(node)
        levels = (len(terms) - 1).bit_length()  # of the balanced tree, >= 1
        built = [b.expr(term, d + levels - 1) for term in terms]
        return _balanced(cast(Any, op), built, b.span(t))
    return build


def _balanced(op: Any, terms: list[m.Expr], span: Span) -> m.Expr:
    """Terms joined by `op`, the first half on the left: three terms stay `(a and b) and c`."""
    if len(terms) == 1:
        return terms[0]
    half = (len(terms) + 1) // 2
    left, right = terms[:half], terms[half:]
    return m.LogicOp(op, _balanced(op, left, _joined(left, span)),
                     _balanced(op, right, _joined(right, span)), span)


def chain(e: m.Expr) -> m.Expr:
    """The tree `build` makes for an `and`/`or` expression: what any grouping of a chain
    reads back as (`fmt` prints a chain flat; the strategies of the round-trip tests)."""
    if not isinstance(e, m.LogicOp):
        return e
    terms: list[m.Expr] = []
    stack: list[m.Expr] = [e]
    while stack:
        node = stack.pop()
        if isinstance(node, m.LogicOp) and node.op == e.op:
            stack += [node.right, node.left]
        else:
            terms.append(node)
    return _balanced(e.op, terms, e.span)


def _joined(terms: list[m.Expr], whole: Span) -> Span:
    first, last = terms[0].span, terms[-1].span
    if len(terms) == 1 or first.file != whole.file or not first.line or not last.line:
        return first if len(terms) == 1 else whole
    return Span(first.file, first.line, first.column, last.end_line, last.end_column)


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
    "value_at": lambda b, t, d: m.NameRef(b.name(t.children[0]), b.span(t),
                                          b.year(t.children[1])),
    "paren": lambda b, t, d: b.expr(t.children[0], d - 1),  # parentheses are no level
    "set_lit": lambda b, t, d: b.set_lit(t),
}
