"""Exact values: typed expressions of aggregate rules evaluated in fractions, not floats.

In: a typed node of a `for all` rule (constants, indicators, unit scales,
`+ - * /`, negation, `abs`/`min`/`max`, and `sum(field)` / `count()` across
records), the exact values of its indicators and aggregates.  Out: a
`Fraction`, or None when a value it needs is missing (missing data never
passes).  `supported(node)` says whether a node can be evaluated this way;
anything else (means, conditional counts) stays with the float engine.

Values from data are read exactly: a proposal's `1 ha` or `300 亩` through the
suite's unit table (`UnitTable.read_quantity` and exact unit ratios); a float
(a JSON number, or a plan-data value the loader converted) as the shortest
decimal that prints it, so `0.1` is one tenth, not 0.1000000000000000055….
Imports `types`; not the engine.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from checker.types import typed as t
from checker.types.units import UnitTable

Lookup = Callable[[t.Node], Fraction | None]


def of_float(value: float) -> Fraction:
    """The decimal a float prints as (`repr` is the shortest that reads back the same)."""
    return Fraction(Decimal(repr(value)))


def field_value(raw: object, spec: t.FieldSpec, units: UnitTable) -> Fraction | None:
    """A quantity field of a stored proposal, exactly, in the field's unit (None: missing)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        default = spec.default
        return Fraction(default) if isinstance(default, Fraction | int) and not isinstance(
            default, bool) else None
    if not isinstance(spec.type, t.QuantityT) or isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return Fraction(raw)
    if isinstance(raw, float):
        return of_float(raw) if math.isfinite(raw) else None
    if not isinstance(raw, str):
        return None
    read = units.read_quantity(raw)
    if isinstance(read, str):
        return None
    number, unit = read
    if unit is None:
        return number
    if unit.dimension != spec.type.unit.dimension:
        return None
    return number * unit.ratio_to(spec.type.unit)


def supported(node: t.Node) -> bool:
    """Whether `evaluate` can compute `node` exactly."""
    match node:
        case t.Const(value=value):
            return isinstance(value, Fraction | int) and not isinstance(value, bool)
        case t.IndicatorRef(type=t.QuantityT()):
            return True
        case t.Scale(operand=x) | t.Neg(operand=x):
            return supported(x)
        case t.Arith(left=a, right=b):
            return supported(a) and supported(b)
        case t.Func(name="sum", args=(argument,)):
            return summed_field(argument) is not None
        case t.Func(name="count", args=()):
            return True
        case t.Func(name="abs" | "min" | "max", args=args):
            return bool(args) and all(supported(a) for a in args)
    return False


def summed_field(node: t.Node) -> tuple[str, Fraction] | None:
    """`sum(x)` of a field (possibly scaled to another unit): the field and the factor."""
    match node:
        case t.FieldRef(name=name, type=t.QuantityT()):
            return name, Fraction(1)
        case t.Scale(operand=inner, factor=factor):
            found = summed_field(inner)
            return (found[0], found[1] * factor) if found is not None else None
    return None


def evaluate(node: t.Node, lookup: Lookup) -> Fraction | None:
    """The exact value of a supported node; `lookup` answers indicators and aggregates.

    Raises `ZeroDivisionError` for a division by zero (the engine's `error` outcome)."""
    match node:
        case t.Const(value=value):
            assert isinstance(value, Fraction | int)
            return Fraction(value)
        case t.IndicatorRef() | t.Func(name="sum" | "count"):
            return lookup(node)
        case t.Scale(operand=x, factor=factor):
            inner = evaluate(x, lookup)
            return None if inner is None else inner * factor
        case t.Neg(operand=x):
            inner = evaluate(x, lookup)
            return None if inner is None else -inner
        case t.Arith(op=op, left=a, right=b):
            return _arith(op, evaluate(a, lookup), evaluate(b, lookup))
        case t.Func(name=name, args=args):
            values = [evaluate(a, lookup) for a in args]
            if any(v is None for v in values):
                return None
            known = [v for v in values if v is not None]
            return abs(known[0]) if name == "abs" else (min(known) if name == "min"
                                                        else max(known))
    raise ValueError(f"not an exact expression: {type(node).__name__}")  # pragma: no cover


def _arith(op: str, left: Fraction | None, right: Fraction | None) -> Fraction | None:
    if left is None or right is None:
        return None
    match op:
        case "+":
            return left + right
        case "-":
            return left - right
        case "*":
            return left * right
    return left / right


def compare(op: str, left: Fraction, right: Fraction) -> bool:
    match op:
        case "<":
            return left < right
        case "<=":
            return left <= right
        case ">":
            return left > right
        case ">=":
            return left >= right
        case "==":
            return left == right
    return left != right


def has_aggregate(node: t.Node) -> bool:
    if isinstance(node, t.Func) and node.name in ("sum", "count"):
        return True
    return any(has_aggregate(child) for child in t.children(node))
