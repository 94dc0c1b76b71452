"""The interval pass: single-variable bounds, checked without a solver.

In: `Part`s with their simple bounds (`x <= 10`, `x > 5`, `zone in {…}`).
Out: minimal conflicting sets of parts (a lower bound above an upper bound;
enum restrictions with nothing in common) and implication between bounds, for
redundancy.  Everything here explains itself: the two numbers that cross, the
sets that do not meet.  Imports only `solver.encode`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from checker.analysis.parts import Bound, Part, SetBound, VarKey

MAX_PAIRS_PER_VARIABLE = 64


@dataclass(frozen=True)
class Crossing:
    """Parts whose bounds on `var` leave no value: a numeric pair or a set family."""

    var: VarKey
    parts: tuple[Part, ...]
    lower: Bound | None = None
    upper: Bound | None = None


def crosses(lower: Bound, upper: Bound) -> bool:
    return lower.value > upper.value or (lower.value == upper.value and
                                         (lower.strict or upper.strict))


def numeric_crossings(parts: Iterable[Part]) -> list[Crossing]:
    """Every pair (lower bound, upper bound) on one variable that leaves no value."""
    lowers: dict[VarKey, list[tuple[Bound, Part]]] = defaultdict(list)
    uppers: dict[VarKey, list[tuple[Bound, Part]]] = defaultdict(list)
    for part in parts:
        for bound in part.bounds:
            (lowers if bound.lower else uppers)[bound.var].append((bound, part))
    out: list[Crossing] = []
    for var, lows in lowers.items():
        ups = uppers.get(var, [])
        pairs = 0
        # Tightest first; at equal values a strict bound is the tighter one.
        for low, low_part in sorted(lows, key=lambda b: (-b[0].value, not b[0].strict)):
            for up, up_part in sorted(ups, key=lambda b: (b[0].value, not b[0].strict)):
                if not crosses(low, up):
                    break
                if low_part is up_part:
                    continue  # `x == c` is one part with both bounds; never crosses itself
                out.append(Crossing(var, (low_part, up_part), low, up))
                pairs += 1
                if pairs >= MAX_PAIRS_PER_VARIABLE:
                    break
            if pairs >= MAX_PAIRS_PER_VARIABLE:
                break
    return out


def set_crossings(parts: Iterable[Part], domain: dict[VarKey, frozenset[object]],
                  prefer_dropped: Sequence[Part] = ()) -> list[Crossing]:
    """Per variable, one minimal family of set restrictions with no value in common."""
    by_var: dict[VarKey, list[tuple[SetBound, Part]]] = defaultdict(list)
    for part in parts:
        for bound in part.sets:
            by_var[bound.var].append((bound, part))
    out = []
    for var, items in by_var.items():
        full = domain.get(var, frozenset())
        if _meet([b for b, _ in items], full):
            continue
        dropped_first = {id(p) for p in prefer_dropped}
        order = sorted(items, key=lambda item: id(item[1]) not in dropped_first)
        kept = list(order)
        for item in order:
            trial = [k for k in kept if k is not item]
            if not _meet([b for b, _ in trial], full):
                kept = trial
        out.append(Crossing(var, tuple(dict.fromkeys(p for _, p in kept))))
    return out


def _meet(bounds: list[SetBound], full: frozenset[object]) -> bool:
    common = set(full) if full else None
    for bound in bounds:
        common = set(bound.allowed) if common is None else common & bound.allowed
    return common is None or bool(common)


def implies(stronger: Bound | SetBound, weaker: Bound | SetBound) -> bool:
    """Whether `stronger` alone guarantees `weaker` (same variable)."""
    if stronger.var != weaker.var:
        return False
    if isinstance(stronger, SetBound) or isinstance(weaker, SetBound):
        return isinstance(stronger, SetBound) and isinstance(weaker, SetBound) and \
            stronger.allowed <= weaker.allowed
    if stronger.lower != weaker.lower:
        return False
    if stronger.value == weaker.value:
        return stronger.strict or not weaker.strict
    return stronger.value > weaker.value if weaker.lower else stronger.value < weaker.value


def part_implies(stronger: Part, weaker: Part) -> bool:
    """Whether one simple part implies another: each bound of `weaker` is implied."""
    if not (stronger.simple and weaker.simple):
        return False
    targets: list[Bound | SetBound] = [*weaker.bounds, *weaker.sets]
    sources: list[Bound | SetBound] = [*stronger.bounds, *stronger.sets]
    return all(any(implies(s, w) for s in sources) for w in targets)
