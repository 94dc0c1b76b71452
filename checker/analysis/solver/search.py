"""Conflict search: the interval pass first, then z3 with one tracked flag per part.

In: `Part`s of rules in one scope (a record cell, a series region, a batch),
and the `Encoder` that gives their formulas.  Out: minimal sets of parts that
cannot all hold — the unsat core, shrunk by deletion, *is* the explanation —
and minimal sets of rules that imply another.  A solver answer of `unknown`
(time-out, non-linear arithmetic) is never read as consistent: it is kept as an
`Undecided` check, with the rules it was about, and reported as incomplete.  Every
check goes through `Search._check`, which holds each one to the per-query time
limit and the whole run to its budget (`limits.Limits`): past the budget, checks
are not made and are kept as undecided too.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from checker.analysis.intervals import numeric_crossings, set_crossings
from checker.analysis.limits import Limits
from checker.analysis.parts import Z3, Bound, Part, VarKey
from checker.analysis.solver.encode import Encoder
from checker.analysis.solver.z3lib import z3

CHECKS_PER_SCOPE = 400


@dataclass(frozen=True, slots=True)
class Undecided:
    """A check not decided: what it asked, about which rules, and why.  `limit`: stopped
    by a limit of the analysis (its run budget, scopes, checks per scope), not by the
    solver's own answer on this check."""

    what: str
    rules: tuple[str, ...]
    reason: str
    limit: bool = False


@dataclass
class Search:
    """Conflict and implication queries over parts, keeping what could not be decided."""

    enc: Encoder
    limits: Limits = field(default_factory=Limits)
    undecided: list[Undecided] = field(default_factory=list)
    checks: int = 0
    started: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        self.enc.deadline = self.started + self.limits.run_seconds

    # -------------------------------------------------------------- helpers

    def domains(self) -> dict[VarKey, frozenset[object]]:
        """The values of every enum and bool variable known so far."""
        return self.enc.finite

    def stop(self, what: str, rules: Iterable[str], reason: str) -> None:
        """Keep a check (or a family of them) that a limit of the analysis left unmade."""
        self.undecided.append(Undecided(what, _ids(rules), reason, limit=True))

    def left_ms(self) -> int:
        """Milliseconds left of the run's budget."""
        return int((self.limits.run_seconds - (time.monotonic() - self.started)) * 1000)

    def spent(self, what: str, rules: Iterable[str]) -> bool:
        """Whether the run's budget is spent; if so the check is kept as not made (asked
        before a query builds anything)."""
        if self.left_ms() > 0:
            return False
        self.stop(what, rules, f"the run's budget of {self.limits.run_seconds:g} s "
                  "was spent before this check")
        return True

    def solver(self, parts: Iterable[Part]) -> tuple[Z3, list[tuple[Part, Z3]]]:
        solver = _new_solver(self.enc.ctx)
        flags = []
        seen: set[VarKey] = set()
        for i, part in enumerate(parts):
            formula = self.enc.encode(part)
            flag = z3.Bool(f"part{i}", self.enc.ctx)
            solver.add(z3.Implies(flag, formula))
            flags.append((part, flag))
            for var in part.vars - seen:
                seen.add(var)
                solver.add(*self.enc.domain(var))
        return solver, flags

    def _check(self, solver: Z3, assumptions: list[Z3], what: str, rules: Iterable[str]
               ) -> Z3:
        """One solver check within the time limits; `unknown` is kept as undecided."""
        if self.spent(what, rules):
            return z3.unknown
        limit = min(self.limits.query_ms, self.left_ms())
        solver.set("timeout", limit)
        self.checks += 1
        result = solver.check(*assumptions)
        if result == z3.unknown:
            reason = str(solver.reason_unknown())
            if reason.startswith("(") and reason.endswith(")"):
                reason = reason[1:-1]
            timed_out = reason in ("canceled", "timeout")
            if timed_out and limit < self.limits.query_ms:
                self.stop(what, rules, f"the run's budget of {self.limits.run_seconds:g} s "
                          "ran out during this check")
            else:
                said = (f"it ran past the limit of {limit / 1000:g} s for one check"
                        if timed_out else f"the solver answered unknown ({reason})")
                self.undecided.append(Undecided(what, _ids(rules), said))
        return result

    def minimal(self, solver: Z3, flags: list[tuple[Part, Z3]], core: Sequence[Z3],
                what: str, drop_first: Iterable[int] = ()) -> list[Part]:
        """Shrink an unsat core by deletion, trying `drop_first` parts (by id) first."""
        first = set(drop_first)
        by_flag = {str(flag): (part, flag) for part, flag in flags}
        current = [by_flag[str(c)] for c in core if str(c) in by_flag]
        order = sorted(current, key=lambda pf: id(pf[0]) not in first)
        for item in order:
            trial = [pf for pf in current if pf is not item]
            if self._check(solver, [f for _, f in trial], what,
                           (p.rule for p, _ in current)) == z3.unsat:
                shrunk = {str(c) for c in solver.unsat_core()}
                current = [pf for pf in trial if str(pf[1]) in shrunk]
        return [p for p, _ in current]

    def unsat(self, formulas: Sequence[Z3], keys: Iterable[VarKey], what: str,
              rules: Iterable[str]) -> bool:
        """Whether `formulas` (with the domains of `keys`) can never hold together.

        An `unknown` answer is False — no finding — and kept as undecided."""
        if self.spent(what, rules):
            return False
        formulas = list(formulas)
        solver = _new_solver(self.enc.ctx)
        solver.add(*formulas, *self.enc.domains(keys))
        return bool(self._check(solver, [], what, rules) == z3.unsat)

    def example(self, parts: Sequence[Part], what: str) -> dict[VarKey, object] | None:
        """Values of the parts' variables for one subject where all parts hold, or None."""
        formulas = [self.enc.encode(p) for p in parts]  # encoding finds each part's variables
        keys = {key for p in parts for key in p.vars}
        solver = _new_solver(self.enc.ctx)
        solver.add(*formulas, *self.enc.domains(keys))
        if self._check(solver, [], what, (p.rule for p in parts)) != z3.sat:
            return None
        model = solver.model()
        return {key: _value(model.eval(self.enc.z3var(key), model_completion=True),
                            self.enc.vars[key].sort, self.enc.vars[key].items)
                for key in keys}

    def negative(self, bound: Bound) -> bool:
        """An upper bound below zero on a quantity that is never negative."""
        return not bound.lower and self.enc.nonnegative(bound.var) and (
            bound.value < 0 or (bound.value == 0 and bound.strict))

    # -------------------------------------------------------------- one rule

    def self_conflict(self, parts: Sequence[Part], what: str) -> list[Part] | None:
        """A minimal subset of one rule's parts that cannot hold together, if any."""
        for part in parts:
            if any(self.negative(b) for b in part.bounds):
                return [part]
        for crossing in numeric_crossings(parts):
            return list(crossing.parts)
        for crossing in set_crossings(parts, self.domains()):
            return list(crossing.parts)
        if all(p.simple for p in parts) or self.spent(what, (p.rule for p in parts)):
            return None
        solver, flags = self.solver(parts)
        if self._check(solver, [f for _, f in flags], what, (p.rule for p in parts)) != z3.unsat:
            return None
        return self.minimal(solver, flags, solver.unsat_core(), what)

    # -------------------------------------------------------------- several rules

    def conflicts(self, parts: Sequence[Part], cell: Sequence[Part] = (),
                  new: set[str] | None = None, what: str = "") -> list[list[Part]]:
        """Minimal sets of parts of two or more rules (plus scope parts) with no solution.

        `cell` parts describe the scope (rule id ""); with `new`, only sets that
        involve one of those rules are returned (the others were found before).
        """
        everything = [*parts, *cell]
        found: list[list[Part]] = []
        for crossing in numeric_crossings(everything):
            found.append(list(crossing.parts))
        for crossing in set_crossings(everything, self.domains(), prefer_dropped=cell):
            found.append(list(crossing.parts))
        if any(not p.simple for p in parts):
            for component in self._components(everything, new):
                found += self._solve_component(component, cell, what)
        return [c for c in _unique(found) if len(_rules(c)) >= 2 and
                (new is None or _rules(c) & new)]

    def _components(self, parts: Sequence[Part], new: set[str] | None) -> list[list[Part]]:
        parent: dict[VarKey, VarKey] = {}

        def find(v: VarKey) -> VarKey:
            while parent.setdefault(v, v) != v:
                parent[v] = parent[parent[v]]
                v = parent[v]
            return v

        for part in parts:
            ordered = sorted(self.enc.variables(part), key=repr)
            for other in ordered[1:]:
                parent[find(other)] = find(ordered[0])
        groups: dict[VarKey | None, list[Part]] = {}
        for part in parts:
            keys = self.enc.variables(part)
            root = find(next(iter(keys))) if keys else None
            groups.setdefault(root, []).append(part)
        return [g for g in groups.values() if any(not p.simple for p in g if p.rule) and
                (new is None or any(p.rule in new for p in g))]

    def _solve_component(self, parts: list[Part], cell: Sequence[Part],
                         what: str) -> list[list[Part]]:
        if self.spent(what, (p.rule for p in parts)):
            return []
        solver, flags = self.solver(parts)
        cell_ids = {id(p) for p in cell}
        budget = self.checks + CHECKS_PER_SCOPE
        found: list[list[Part]] = []

        def search(excluded: set[str]) -> list[Part] | None:
            if self.checks > budget:
                self.stop(what, (p.rule for p, _ in flags),
                          f"the search stopped after {CHECKS_PER_SCOPE} checks in this scope")
                return None
            active = [f for p, f in flags if p.rule not in excluded]
            if self._check(solver, active, what,
                           (p.rule for p, _ in flags if p.rule not in excluded)) != z3.unsat:
                return None
            return self.minimal(solver, flags, solver.unsat_core(), what, cell_ids)

        excluded: set[str] = set()
        while (mus := search(excluded)) is not None:
            found.append(mus)
            rules = _rules(mus)
            if not rules:
                return found  # the scope itself is impossible
            excluded |= rules
        queue = list(found)
        for mus in queue:
            for rule in sorted(_rules(mus)):
                others = set().union(*(_rules(d) for d in found if rule not in _rules(d)))
                again = search({rule} | others)
                if again is not None and _key(again) not in {_key(d) for d in found}:
                    found.append(again)
                    queue.append(again)
        return found

    # -------------------------------------------------------------- implication

    def implied_by(self, hypothesis: Sequence[Z3], tracked: dict[str, Z3],
                   domains: Iterable[Z3], what: str, about: str) -> list[str] | None:
        """Names of a minimal set of `tracked` formulas that, with `hypothesis`, are unsat."""
        if self.spent(what, [about, *tracked]):
            return None
        family = Family(self)
        for name, formula in tracked.items():
            family.add(name, formula)
        return family.implied_by([*hypothesis, *domains], list(tracked), (), what, about)


class Family:
    """One solver, reused with push and pop, for many queries over one family of named
    formulas (the rules of one schema).

    Each formula is built once behind its own flag; a query pushes the formulas it
    names, their variables' domains and its hypothesis, and pops them after, so
    2,500 redundancy queries neither rebuild the rules nor make 2,500 solvers, and
    a query never carries the thousands of rules it does not name.
    """

    def __init__(self, search: Search) -> None:
        self.search = search
        self.solver = _new_solver(search.enc.ctx)
        self.flags: dict[str, Z3] = {}
        self.tracked: dict[str, Z3] = {}

    def __contains__(self, name: str) -> bool:
        return name in self.flags

    def add(self, name: str, formula: Z3) -> None:
        if name not in self.flags:
            self.flags[name] = z3.Bool(f"rule:{name}", self.search.enc.ctx)
            self.tracked[name] = z3.Implies(self.flags[name], formula)

    def _query(self, hypothesis: Sequence[Z3], names: Sequence[str], keys: Iterable[VarKey],
               what: str, about: str) -> Z3:
        self.solver.push()
        self.solver.add(*hypothesis, *(self.tracked[n] for n in names),
                        *self.search.enc.domains(keys))
        return self.search._check(self.solver, [self.flags[n] for n in names], what,
                                  [about, *names])

    def unsat(self, hypothesis: Sequence[Z3], names: Sequence[str], keys: Iterable[VarKey],
              what: str, about: str) -> bool:
        """Whether `hypothesis` (about rule `about`) and the named formulas can never
        hold together."""
        try:
            return bool(self._query(hypothesis, names, keys, what, about) == z3.unsat)
        finally:
            self.solver.pop()

    def implied_by(self, hypothesis: Sequence[Z3], names: Sequence[str],
                   keys: Iterable[VarKey], what: str, about: str) -> list[str] | None:
        """A minimal subset of `names` that, with `hypothesis` (about rule `about`), is
        unsat (shrunk by deletion)."""
        try:
            if self._query(hypothesis, names, keys, what, about) != z3.unsat:
                return None
            core = {str(c) for c in self.solver.unsat_core()}
            current = [n for n in names if str(self.flags[n]) in core]  # in the order given
            for name in list(current):
                trial = [n for n in current if n != name]
                if self.search._check(self.solver, [self.flags[n] for n in trial], what,
                                      [about, *current]) == z3.unsat:
                    current = trial
            return current
        finally:
            self.solver.pop()


def _rules(parts: Iterable[Part]) -> set[str]:
    return {p.rule for p in parts if p.rule}


def _key(parts: Iterable[Part]) -> frozenset[int]:
    return frozenset(id(p) for p in parts)


def _unique(sets: list[list[Part]]) -> list[list[Part]]:
    seen: set[frozenset[int]] = set()
    out = []
    for parts in sets:
        key = _key(parts)
        if key not in seen:
            seen.add(key)
            out.append(parts)
    return out


def _ids(rules: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({r for r in rules if r}))


def _new_solver(ctx: Z3) -> Z3:
    return z3.Solver(ctx=ctx)  # each check sets its own time limit (`Search._check`)


def _value(value: Z3, sort: str, items: tuple[str, ...]) -> object:
    """A z3 model value as Python: an enum item, a bool, text, an int or a Fraction."""
    if sort == "enum":
        index = value.as_long()
        return items[index] if 0 <= index < len(items) else str(index)
    if sort == "bool":
        return bool(z3.is_true(value))
    if sort == "text":
        return str(value.as_string())
    if sort == "int":
        return int(value.as_long())
    if z3.is_rational_value(value):
        return Fraction(value.numerator_as_long(), value.denominator_as_long())
    return Fraction(value.approx(6).as_decimal(6).rstrip("?"))
