"""A subject found by the interval pass, before any solver: the pre-filter of redundancy.

In: a record rule and the rules that can bear on it (its component), all of simple
parts — single-variable bounds and enum or bool sets, guards of enum or bool sets,
no `unless`.  Out: whether some subject is selected by the rule's guard, meets every
other rule, and (for redundancy) fails the rule — found by trying each combination
of the guards' enum and bool values and intersecting the bounds that apply there.
Such a subject proves that the rule is not implied (or not forbidden), so the solver
is not asked; `None` when the rules are not all simple, or the combinations too many.
Imports `analysis.parts` and `analysis.records`.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from checker.analysis.parts import Bound, Part, SetBound, VarKey
from checker.analysis.records import RuleParts
from checker.analysis.solver.search import Search

MAX_COMBINATIONS = 256


@dataclass
class Box:
    """Per variable, the values left: an interval for numbers, a set for enums and bools."""

    low: dict[VarKey, tuple[Fraction, bool]]
    high: dict[VarKey, tuple[Fraction, bool]]
    sets: dict[VarKey, frozenset[object]]

    def copy(self) -> Box:
        return Box(dict(self.low), dict(self.high), dict(self.sets))

    def bound(self, bound: Bound) -> None:
        table = self.low if bound.lower else self.high
        held = table.get(bound.var)
        new = (bound.value, bound.strict)
        if held is None or _tighter(new, held, bound.lower):
            table[bound.var] = new

    def restrict(self, bound: SetBound, full: frozenset[object]) -> None:
        self.sets[bound.var] = self.sets.get(bound.var, full) & bound.allowed

    def empty(self) -> bool:
        if any(not values for values in self.sets.values()):
            return True
        for var, (low, strict_low) in self.low.items():
            high = self.high.get(var)
            if high is not None and (low > high[0] or (low == high[0] and
                                                       (strict_low or high[1]))):
                return True
        return False


def _tighter(new: tuple[Fraction, bool], held: tuple[Fraction, bool], lower: bool) -> bool:
    if new[0] != held[0]:
        return new[0] > held[0] if lower else new[0] < held[0]
    return new[1] and not held[1]


def _simple(parts: Sequence[Part]) -> bool:
    return all(p.simple for p in parts)


def _guard_vars(search: Search, rules: Sequence[RuleParts]) -> list[VarKey] | None:
    """The enum and bool variables the guards test, or None if a guard is not simple."""
    found: dict[VarKey, None] = {}
    for rp in rules:
        for part in rp.guard:
            if part.bounds or not part.sets:
                return None
            for bound in part.sets:
                found[bound.var] = None
    return sorted(found, key=repr)


def witness(search: Search, rp: RuleParts, others: Sequence[RuleParts], *, fails: bool
            ) -> bool | None:
    """Whether a subject exists that `rp`'s guard selects, that meets every rule of
    `others`, and (with `fails`) that breaks `rp`.  None: the interval pass cannot tell."""
    rules = [rp, *others]
    if any(o.waivers or not _simple([*o.guard, *o.require]) for o in rules):
        return None
    keys = _guard_vars(search, rules)
    full = search.domains()
    if keys is None or any(k not in full or search.enc.vars[k].sort == "int" for k in keys):
        return None
    if any(search.enc.vars[b.var].sort == "int" for o in rules for p in o.require
           for b in p.bounds):
        return None  # years: an interval may hold no whole number
    choices = [sorted(full[k], key=repr) for k in keys]
    combinations = 1
    for values in choices:
        combinations *= len(values)
    if combinations > MAX_COMBINATIONS:
        return None
    for combination in itertools.product(*choices):
        cell = dict(zip(keys, combination, strict=True))
        if not _holds(rp.guard, cell):
            continue
        box = _box(search, others, cell, full)
        if box is None:
            continue
        if not fails:
            return True
        if any(_breaks(search, box, part, full) for part in rp.require):
            return True
    return False


def _holds(guard: Sequence[Part], cell: dict[VarKey, object]) -> bool:
    return all(cell[b.var] in b.allowed for p in guard for b in p.sets)


def _box(search: Search, rules: Sequence[RuleParts], cell: dict[VarKey, object],
         full: dict[VarKey, frozenset[object]]) -> Box | None:
    """What the rules that apply in `cell` leave of each variable, or None if nothing."""
    box = Box({}, {}, {k: frozenset({v}) for k, v in cell.items()})
    for rule in rules:
        if not _holds(rule.guard, cell):
            continue
        for part in rule.require:
            for bound in part.bounds:
                box.bound(bound)
            for members in part.sets:
                box.restrict(members, full.get(members.var, members.allowed))
    for var in {*box.low, *box.high}:
        if search.enc.nonnegative(var):
            box.bound(Bound(var, True, Fraction(0), False))
    return None if box.empty() else box


def _breaks(search: Search, box: Box, part: Part, full: dict[VarKey, frozenset[object]]
            ) -> bool:
    """Whether some value left in `box` breaks the simple `part`."""
    for bound in part.bounds:  # the opposite of `x <= c` is `x > c`
        trial = box.copy()
        trial.bound(Bound(bound.var, not bound.lower, bound.value, not bound.strict))
        if search.enc.nonnegative(bound.var):
            trial.bound(Bound(bound.var, True, Fraction(0), False))
        if not trial.empty():
            return True
    for members in part.sets:
        left = box.sets.get(members.var, full.get(members.var, frozenset()))
        if left - members.allowed:
            return True
    return False
