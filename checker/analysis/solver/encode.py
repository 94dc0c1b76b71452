"""Encoding of rule parts for consistency analysis: variables, bounds and z3 formulas.

In: `Part`s (`analysis.parts`) of checked rules.  Out: each part's simple bound
when it has one (`x <= 10`, `zone in {…}`) for the interval pass, and its z3
formula for everything else; variables per field, or per indicator, region and
year.  Constants are built from exact decimal strings.  A part nested deeper
than the limit (`limits.NESTING`) is read as an unknown truth value and kept in
`too_deep`, so no expression can make the encoding (or z3) run away; a series
function's term is built once per year (`_terms`), not once per path to it.
Imports `typed`, `model`, `source`, `analysis.parts`, `analysis.limits` and z3;
never pandas.
"""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

from checker.analysis.limits import NESTING, nesting
from checker.analysis.parts import (
    Z3,
    Bound,
    Ctx,
    Part,
    Role,
    SetBound,
    VarInfo,
    VarKey,
    nkey,
    text_of,
)
from checker.analysis.solver.z3lib import z3
from checker.source import NO_SPAN, Span
from checker.syntax import model as m
from checker.types import typed as t

# ------------------------------------------------------------------ linear forms


@dataclass(frozen=True, slots=True)
class Lin:
    coeffs: dict[VarKey, Fraction]
    const: Fraction

    def scaled(self, k: Fraction) -> Lin:
        return Lin({v: c * k for v, c in self.coeffs.items() if c * k != 0}, self.const * k)

    def plus(self, other: Lin, sign: int = 1) -> Lin:
        coeffs = dict(self.coeffs)
        for v, c in other.coeffs.items():
            coeffs[v] = coeffs.get(v, Fraction(0)) + sign * c
        return Lin({v: c for v, c in coeffs.items() if c != 0}, self.const + sign * other.const)


class Encoder:
    """Turns typed nodes in a context into variables, bounds and z3 formulas."""

    def __init__(self, checked: t.CheckedSuite, max_nesting: int = NESTING) -> None:
        self.checked = checked
        self.max_nesting = max_nesting
        # A context of its own: the same suite gives the same answers whatever ran before
        # in this process (z3's choices follow the ids of the terms it has seen).
        self.ctx = z3.Context()
        self.vars: dict[VarKey, VarInfo] = {}
        self.finite: dict[VarKey, frozenset[object]] = {}  # enum and bool variables' values
        self.too_deep: list[Part] = []
        self.late: list[Part] = []  # encoded after `deadline`: read as unknown, not built
        self.deadline = math.inf  # `time.monotonic()` past which no formula is built
        self._z3: dict[VarKey, Z3] = {}
        self._domains: dict[VarKey, list[Z3]] = {}
        self._nesting: dict[int, tuple[t.Node, int]] = {}
        self._shapes: dict[int, tuple[t.Node, int]] = {}
        self._shape_ids: dict[object, int] = {}
        self._terms: dict[tuple[int, Ctx], tuple[t.Node, Z3, frozenset[VarKey]]] = {}

    # -------------------------------------------------------------- variables

    def var_key(self, leaf: t.FieldRef | t.IndicatorRef, ctx: Ctx) -> VarKey:
        if isinstance(leaf, t.FieldRef):
            key: VarKey = ("field", leaf.name)
            label = leaf.name
        elif ctx.kind == "series":
            year = ctx.year if leaf.year is None else leaf.year  # `x at 2020`: fixed
            key = ("series", leaf.id, ctx.region, year)
            label = f"{leaf.id} in {ctx.region} ({year})"
        else:
            key = ("batch-indicator", leaf.id, ctx.year or None)
            label = leaf.id + (f" ({ctx.year})" if ctx.year else "")
        if key not in self.vars:
            self._declare(_info(key, leaf.type, label))
        return key

    def presence_key(self, key: VarKey) -> VarKey:
        pkey = ("present", *key)
        if pkey not in self.vars:
            self._declare(VarInfo(pkey, "bool", f"{self.vars[key].label} is present"))
        return pkey

    def _declare(self, info: VarInfo) -> None:
        self.vars[info.key] = info
        if info.sort == "enum":
            self.finite[info.key] = frozenset(range(len(info.items)))
        elif info.sort == "bool":
            self.finite[info.key] = frozenset({False, True})

    def z3var(self, key: VarKey) -> Z3:
        found = self._z3.get(key)
        if found is None:
            info = self.vars[key]
            name = "|" + "/".join(str(k) for k in key) + "|"
            found = {"real": z3.Real, "int": z3.Int, "enum": z3.Int, "bool": z3.Bool,
                     "text": z3.String}[info.sort](name, self.ctx)
            self._z3[key] = found
        return found

    # -------------------------------------------------------------- combinators

    def all_of(self, formulas: list[Z3]) -> Z3:
        return z3.And(*formulas) if formulas else z3.BoolVal(True, self.ctx)

    @staticmethod
    def negate(formula: Z3) -> Z3:
        return z3.Not(formula)

    @staticmethod
    def implies(premise: Z3, conclusion: Z3) -> Z3:
        return z3.Implies(premise, conclusion)

    def domains(self, keys: Iterable[VarKey]) -> list[Z3]:
        """The domain constraints of every variable in `keys` (enum ranges, `>= 0`)."""
        return [d for key in sorted(set(keys), key=repr) for d in self.domain(key)]

    def nonnegative(self, key: VarKey) -> bool:
        """Quantities are never negative — areas, counts, money, concentrations — except
        shares (%), which growth rates are."""
        info = self.vars[key]
        if info.sort != "real" or key[0] not in ("field", "series", "batch-indicator",
                                                 "aggregate"):
            return False
        return info.unit is None or info.unit.dimension != "share"

    def domain(self, key: VarKey) -> list[Z3]:
        found = self._domains.get(key)
        if found is None:
            found = self._domains[key] = self._domain(key)
        return found

    def _domain(self, key: VarKey) -> list[Z3]:
        info = self.vars[key]
        if info.sort == "enum":
            v = self.z3var(key)
            return [v >= 0, v < len(info.items)]
        if self.nonnegative(key):
            return [self.z3var(key) >= 0]
        return []

    def opaque(self, node: t.Node, ctx: Ctx) -> VarKey:
        """A fresh variable standing for a term the analysis does not model."""
        key: VarKey = ("opaque", self.shape(node), ctx)
        if key not in self.vars:
            sort: Literal["real", "bool"] = "bool" if isinstance(node.type, t.BoolT) else "real"
            self._declare(VarInfo(key, sort, "…"))
        return key

    # -------------------------------------------------------------- parts

    def part(self, rule: str, role: Role, node: t.Node, source: m.Expr | None, ctx: Ctx,
             span: Span) -> Part:
        p = Part(rule, role, node, ctx, text_of(node, source),
                 node.span if node.span != NO_SPAN else span, key=self.shape(node))
        p.nesting = self.nesting(node)
        if p.nesting > self.max_nesting:
            self.too_deep.append(p)
            return p
        bound = self.bounds(node, ctx)
        if bound is not None:
            p.bounds, p.sets = bound
            p.simple = True
        return p

    def shape(self, node: t.Node) -> int:
        """A small number per structure (`nkey`): equal for the same expression anywhere,
        walked once per node and cheap to hash in keys built per region and year."""
        found = self._shapes.get(id(node))
        if found is None or found[0] is not node:
            ident = self._shape_ids.setdefault(nkey(node), len(self._shape_ids))
            found = self._shapes[id(node)] = (node, ident)
        return found[1]

    def nesting(self, node: t.Node) -> int:
        found = self._nesting.get(id(node))
        if found is None or found[0] is not node:
            found = self._nesting[id(node)] = (node, nesting(node))
        return found[1]

    def encode(self, p: Part) -> Z3:
        if p.formula is None:
            used: set[VarKey] = set()
            late = p.nesting <= self.max_nesting and time.monotonic() > self.deadline
            if late:
                self.late.append(p)
            if late or p.nesting > self.max_nesting:  # an unknown truth value: no conflict
                key = self.opaque(p.node, p.ctx)
                used.add(key)
                p.formula = self.z3var(key)
            else:
                p.formula = self.formula(p.node, p.ctx, used)
            p.vars = frozenset(used)
        return p.formula

    def variables(self, p: Part) -> frozenset[VarKey]:
        if p.formula is None:
            self.encode(p)
        return p.vars

    # -------------------------------------------------------------- bounds

    def bounds(self, node: t.Node, ctx: Ctx
               ) -> tuple[tuple[Bound, ...], tuple[SetBound, ...]] | None:
        """The simple bound a conjunct states, or None when it needs the solver."""
        match node:
            case t.Compare(op=op, left=left, right=right):
                if isinstance(left.type, t.QuantityT | t.YearT):
                    return self._numeric_bound(op, left, right, ctx)
                return self._set_compare(op, left, right, ctx)
            case t.Member(value=t.FieldRef() as f, items=items, negated=negated) \
                    if isinstance(f.type, t.EnumT):
                key = self.var_key(f, ctx)
                domain = frozenset(range(len(f.type.items)))
                allowed = domain - items if negated else domain & items
                return (), (SetBound(key, frozenset(allowed)),)
            case t.FieldRef(type=t.BoolT()):
                return (), (SetBound(self.var_key(node, ctx), frozenset({True})),)
            case t.Not(operand=t.FieldRef(type=t.BoolT()) as f):
                return (), (SetBound(self.var_key(f, ctx), frozenset({False})),)
        return None

    def _numeric_bound(self, op: str, left: t.Node, right: t.Node, ctx: Ctx
                       ) -> tuple[tuple[Bound, ...], tuple[SetBound, ...]] | None:
        if op == "!=":
            return None
        a, b = self.linear(left, ctx), self.linear(right, ctx)
        if a is None or b is None:
            return None
        diff = a.plus(b, -1)  # diff op 0
        if len(diff.coeffs) != 1:
            return None
        ((var, coeff),) = diff.coeffs.items()
        value = -diff.const / coeff
        if coeff < 0:
            op = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "=="}[op]
        integral = self.vars[var].sort == "int"
        if op == "==":
            return (Bound(var, True, value, False), Bound(var, False, value, False)), ()
        lower, strict = op in (">", ">="), op in ("<", ">")
        if integral:  # years: x < 2025.5 is x <= 2025
            value, strict = _integral(value, lower, strict)
        return (Bound(var, lower, value, strict),), ()

    def _set_compare(self, op: str, left: t.Node, right: t.Node, ctx: Ctx
                     ) -> tuple[tuple[Bound, ...], tuple[SetBound, ...]] | None:
        if isinstance(right, t.FieldRef) and isinstance(left, t.Const):
            left, right = right, left
            op = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}.get(op, op)
        if not (isinstance(left, t.FieldRef) and isinstance(right, t.Const)):
            return None
        if isinstance(left.type, t.EnumT):
            domain: list[object] = list(range(len(left.type.items)))
        elif isinstance(left.type, t.BoolT):
            domain = [False, True]
        else:
            return None
        test = _COMPARE[op]
        allowed = frozenset(v for v in domain if test(v, right.value))
        return (), (SetBound(self.var_key(left, ctx), allowed),)

    def linear(self, node: t.Node, ctx: Ctx) -> Lin | None:
        """The node as Σ coeff·var + const, or None when it is not linear."""
        match node:
            case t.Const(value=value) if isinstance(value, Fraction | int) and not isinstance(
                    value, bool) and isinstance(node.type, t.QuantityT | t.YearT):
                return Lin({}, Fraction(value))
            case t.FieldRef(type=t.QuantityT() | t.YearT()) | t.IndicatorRef(type=t.QuantityT()):
                return Lin({self.var_key(node, ctx): Fraction(1)}, Fraction(0))
            case t.Scale(operand=operand, factor=factor):
                inner = self.linear(operand, ctx)
                return inner.scaled(factor) if inner is not None else None
            case t.Neg(operand=operand):
                inner = self.linear(operand, ctx)
                return inner.scaled(Fraction(-1)) if inner is not None else None
            case t.Arith():
                return self._linear_arith(node, ctx)
            case t.Func(name="prev", args=(operand,)) if ctx.kind == "series":
                return self.linear(operand, ctx.shift(-1))
            case t.Func(name="total", args=(operand,), years=years) if ctx.kind == "series" \
                    and years is not None:
                out = Lin({}, Fraction(0))
                for year in range(years.start, min(ctx.year, years.end) + 1):
                    term = self.linear(operand, dataclasses.replace(ctx, year=year))
                    if term is None:
                        return None
                    out = out.plus(term)
                return out
        return None

    def _linear_arith(self, node: t.Arith, ctx: Ctx) -> Lin | None:
        a, b = self.linear(node.left, ctx), self.linear(node.right, ctx)
        if a is None or b is None:
            return None
        if node.op in "+-":
            return a.plus(b, 1 if node.op == "+" else -1)
        if node.op == "*":
            if not a.coeffs:
                return b.scaled(a.const)
            return a.scaled(b.const) if not b.coeffs else None
        if not b.coeffs and b.const != 0:
            return a.scaled(1 / b.const)
        return None

    # -------------------------------------------------------------- z3 formulas

    def formula(self, node: t.Node, ctx: Ctx, used: set[VarKey]) -> Z3:
        match node:
            case t.Const(value=bool() as value):
                return z3.BoolVal(value, self.ctx)
            case t.FieldRef(type=t.BoolT()) | t.IndicatorRef(type=t.BoolT()):
                return self._leaf(node, ctx, used)
            case t.Compare():
                return self._compare(node, ctx, used)
            case t.Member(value=value, items=items, negated=negated):
                term = self.term(value, ctx, used)
                if isinstance(value.type, t.TextT):
                    options = [term == z3.StringVal(str(i), self.ctx)
                               for i in sorted(items, key=str)]
                else:
                    options = [term == z3.IntVal(int(i), self.ctx) for i in sorted(items, key=str)]
                hit = z3.Or(*options) if options else z3.BoolVal(False, self.ctx)
                return z3.Not(hit) if negated else hit
            case t.Present(value=value, present=present):
                flags = [self.z3var(self.presence_key(k)) for k in self._leaf_keys(value, ctx)]
                used.update(self.presence_key(k) for k in self._leaf_keys(value, ctx))
                known = z3.And(*flags) if flags else z3.BoolVal(True, self.ctx)
                return known if present else z3.Not(known)
            case t.Trend(value=value, direction=direction):
                now, before = self.term(value, ctx, used), self.term(value, ctx.shift(-1), used)
                return now > before if direction == "rises" else now < before
            case t.Not(operand=operand):
                return z3.Not(self.formula(operand, ctx, used))
            case t.Logic(op=op, left=left, right=right):
                a, b = self.formula(left, ctx, used), self.formula(right, ctx, used)
                return z3.And(a, b) if op == "and" else z3.Or(a, b)
        key = self.opaque(node, ctx)
        used.add(key)
        return self.z3var(key)

    def _leaf(self, node: t.FieldRef | t.IndicatorRef, ctx: Ctx, used: set[VarKey]) -> Z3:
        key = self.var_key(node, ctx)
        used.add(key)
        return self.z3var(key)

    def _leaf_keys(self, node: t.Node, ctx: Ctx) -> Iterator[VarKey]:
        if isinstance(node, t.FieldRef | t.IndicatorRef):
            yield self.var_key(node, ctx)
            return
        for child in t.children(node):
            yield from self._leaf_keys(child, ctx)

    def _compare(self, node: t.Compare, ctx: Ctx, used: set[VarKey]) -> Z3:
        special = self._rate_compare(node, ctx, used)
        if special is not None:
            return special
        a, b = self.term(node.left, ctx, used), self.term(node.right, ctx, used)
        return _COMPARE[node.op](a, b)

    def _rate_compare(self, node: t.Compare, ctx: Ctx, used: set[VarKey]) -> Z3 | None:
        """`growth(x) op c` and `cagr(x, A..B) op c` as linear constraints for positive x."""
        left, right = node.left, node.right
        if not (isinstance(left, t.Func) and left.name in ("growth", "cagr")
                and isinstance(right, t.Const) and isinstance(right.value, Fraction)):
            return None
        operand = left.args[0]
        factor = 1 + right.value / 100
        if left.name == "growth":
            base_ctx = ctx.shift(-1)
        else:
            assert left.years is not None
            span = ctx.year - left.years.start
            if span <= 0:
                return None
            factor = factor ** span
            base_ctx = dataclasses.replace(ctx, year=left.years.start)
        now, base = self.term(operand, ctx, used), self.term(operand, base_ctx, used)
        return z3.And(base > 0, _COMPARE[node.op](now, base * _real(factor, self.ctx)))

    def term(self, node: t.Node, ctx: Ctx, used: set[VarKey]) -> Z3:
        match node:
            case t.Const(value=value, type=type_):
                return _const(value, type_, self.ctx)
            case t.FieldRef() | t.IndicatorRef():
                return self._leaf(node, ctx, used)
            case t.Scale(operand=operand, factor=factor):
                return self.term(operand, ctx, used) * _real(factor, self.ctx)
            case t.Neg(operand=operand):
                return -self.term(operand, ctx, used)
            case t.Arith(op=op, left=left, right=right):
                a, b = self.term(left, ctx, used), self.term(right, ctx, used)
                return {"+": a + b, "-": a - b, "*": a * b}[op] if op != "/" else a / b
            case t.Func():
                return self._func_once(node, ctx, used)
        return self.formula(node, ctx, used)

    def _func_once(self, node: t.Func, ctx: Ctx, used: set[VarKey]) -> Z3:
        """`_func`, built once per node and year: `growth(growth(x))` reads `growth(x)`
        at two years and each of those reads `x` at two; unshared, 30 levels are 2³⁰
        terms."""
        found = self._terms.get((id(node), ctx))
        if found is None or found[0] is not node:
            inner: set[VarKey] = set()
            found = (node, self._func(node, ctx, inner), frozenset(inner))
            self._terms[id(node), ctx] = found
        used.update(found[2])
        return found[1]

    def _func(self, node: t.Func, ctx: Ctx, used: set[VarKey]) -> Z3:
        if node.name in ("abs", "min", "max") and (node.name == "abs" or len(node.args) == 2) \
                and ctx.kind != "batch":
            a = self.term(node.args[0], ctx, used)
            if node.name == "abs":
                return z3.If(a >= 0, a, -a)
            b = self.term(node.args[1], ctx, used)
            return z3.If(a <= b, a, b) if node.name == "min" else z3.If(a >= b, a, b)
        if node.name == "prev" and ctx.kind == "series":
            return self.term(node.args[0], ctx.shift(-1), used)
        if node.name == "growth" and ctx.kind == "series":
            now = self.term(node.args[0], ctx, used)
            before = self.term(node.args[0], ctx.shift(-1), used)
            return (now - before) * 100 / before
        linear = self.linear(node, ctx)
        if linear is not None:
            used.update(linear.coeffs)
            total = _real(linear.const, self.ctx)
            for var, coeff in linear.coeffs.items():
                total = total + self.z3var(var) * _real(coeff, self.ctx)
            return total
        if ctx.kind == "batch":
            key = self._aggregate(node, ctx)
            used.add(key)
            return self.z3var(key)
        key = self.opaque(node, ctx)
        used.add(key)
        return self.z3var(key)

    def _aggregate(self, node: t.Func, ctx: Ctx) -> VarKey:
        key: VarKey = ("aggregate", ctx.selection, self.shape(node), node.name)
        if key not in self.vars:
            unit = node.type.unit if isinstance(node.type, t.QuantityT) else None
            self._declare(VarInfo(key, "real", f"{node.name}(…)", unit))
        return key


def _info(key: VarKey, type_: t.Type, label: str) -> VarInfo:
    match type_:
        case t.QuantityT(unit=unit):
            return VarInfo(key, "real", label, unit)
        case t.YearT():
            return VarInfo(key, "int", label)
        case t.EnumT(items=items):
            return VarInfo(key, "enum", label, items=items)
        case t.BoolT():
            return VarInfo(key, "bool", label)
    return VarInfo(key, "text", label)


def _integral(value: Fraction, lower: bool, strict: bool) -> tuple[Fraction, bool]:
    floor = Fraction(value.numerator // value.denominator)
    if lower:
        if value.denominator != 1:
            return floor + 1, False
        return (value + 1, False) if strict else (value, False)
    if value.denominator != 1:
        return floor, False
    return (value - 1, False) if strict else (value, False)


def _real(value: Fraction | int, ctx: Z3) -> Z3:
    value = Fraction(value)
    return z3.RealVal(f"{value.numerator}/{value.denominator}", ctx)


def _const(value: object, type_: t.Type, ctx: Z3) -> Z3:
    if isinstance(value, bool):
        return z3.BoolVal(value, ctx)
    if isinstance(type_, t.TextT):
        return z3.StringVal(str(value), ctx)
    if isinstance(type_, t.EnumT | t.YearT):
        return z3.IntVal(int(value), ctx)  # type: ignore[call-overload]
    assert isinstance(value, Fraction | int)
    return _real(value, ctx)


_COMPARE: dict[str, Any] = {
    "<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b, "==": lambda a, b: a == b, "!=": lambda a, b: a != b,
}
