"""A plain row-by-row evaluator of typed rules: the reference the vectorized engine must match.

Deliberately simple: Python values, `None` for missing, Kleene logic spelled out.
"""

from __future__ import annotations

from typing import Any

from checker.types import typed as t

Row = dict[str, Any]


def value(node: t.Node, row: Row) -> Any:
    match node:
        case t.Const(value=v, type=t.EnumT()):
            return int(v)  # type: ignore[call-overload]
        case t.Const(value=v):
            return float(v) if not isinstance(v, bool | str) else v
        case t.FieldRef(name=name):
            return row.get(name)
        case t.Scale(operand=x, factor=f):
            inner = value(x, row)
            return None if inner is None else inner * float(f)
        case t.Neg(operand=x):
            inner = value(x, row)
            return None if inner is None else -inner
        case t.Arith(op=op, left=a, right=b):
            x, y = value(a, row), value(b, row)
            if x is None or y is None:
                return None
            if op == "/":
                return ZeroDivisionError() if y == 0 else x / y
            return {"+": x + y, "-": x - y, "*": x * y}[op]
        case t.Func(name="abs", args=(x,)):
            inner = value(x, row)
            return None if inner is None else abs(inner)
    return truth(node, row)


def truth(node: t.Node, row: Row) -> bool | ZeroDivisionError | None:
    match node:
        case t.Compare(op=op, left=a, right=b):
            x, y = value(a, row), value(b, row)
            for v in (x, y):
                if isinstance(v, ZeroDivisionError):
                    return v
            if x is None or y is None:
                return None
            return {"<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y, "==": x == y,
                    "!=": x != y}[op]
        case t.Member(value=a, items=items, negated=negated):
            x = value(a, row)
            if x is None:
                return None
            return (x in items) != negated
        case t.Present(value=a, present=present):
            return (value(a, row) is not None) == present
        case t.Not(operand=a):
            x = truth(a, row)
            return x if x is None or isinstance(x, ZeroDivisionError) else not x
        case t.Logic(op=op, left=a, right=b):
            x, y = truth(a, row), truth(b, row)
            for v in (x, y):
                if isinstance(v, ZeroDivisionError):
                    return v
            if op == "and":
                if x is False or y is False:
                    return False
                return None if x is None or y is None else True
            if x is True or y is True:
                return True
            return None if x is None or y is None else False
        case t.Const(value=v):
            return bool(v)
        case t.FieldRef(name=name):
            return row.get(name)
    raise TypeError(node)


def outcome(rule: t.CheckedRule, row: Row) -> str:
    if rule.guard is not None:
        g = truth(rule.guard, row)
        if isinstance(g, ZeroDivisionError):
            return "error"
        if g is None:
            return "unknown"
        if g is False:
            return "not_applicable"
    results = [truth(c.expr, row) for c in rule.constraints]
    if any(isinstance(r, ZeroDivisionError) for r in results):
        return "error"
    if any(r is False for r in results):
        verdict = "fail"
    elif any(r is None for r in results):
        verdict = "unknown"
    else:
        return "pass"
    if rule.waivers:
        waived = [truth(w.expr, row) for w in rule.waivers]
        if any(isinstance(w, ZeroDivisionError) for w in waived):
            return "error"
        if any(w is True for w in waived):
            return "pass"
        if verdict == "fail" and any(w is None for w in waived):
            return "unknown"
    return verdict
