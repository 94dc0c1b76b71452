"""Limits of the analysis: how deep an expression it reads, how long one solver check
and the whole run may take — so that hostile rules end in an `incomplete` finding,
never a hang and never a silent "consistent".

In: typed nodes (for their nesting).  Out: `Limits` (the defaults are what
`plancheck analyze` uses) and `nesting(node)`.  Imports only `typed`.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.types import typed as t

QUERY_MS = 2000  # one solver check
RUN_SECONDS = 40.0  # every solver check of one analysis, so a 10,000-line file ends in a minute
NESTING = 10  # levels of one expression the analysis reads (the bundled suite's deepest: 4)


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on the work of one analysis; each one reached gives an A53x finding."""

    query_ms: int = QUERY_MS
    run_seconds: float = RUN_SECONDS
    nesting: int = NESTING


def _group(node: t.Node) -> str:
    """Operators whose chains are one level: `a and b and c`, `a + b - c`."""
    match node:
        case t.Logic(op=op):
            return op
        case t.Arith(op="+" | "-"):
            return "+"
        case t.Arith(op="*"):
            return "*"
    return ""


def nesting(node: t.Node) -> int:
    """How many levels `node` nests: a function, comparison or operator inside another
    counts one more; a chain of one operator (`a and b and c`) and a unit conversion
    count nothing more.  Iterative, so that no depth can overflow the stack."""
    deepest = 0
    stack: list[tuple[t.Node, int, str]] = [(node, 1, "")]
    while stack:
        current, depth, parent = stack.pop()
        group = _group(current)
        if isinstance(current, t.Scale) or (group and group == parent):
            depth -= 1
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1, group) for child in t.children(current))
    return deepest
