"""Redundant and shadowed record rules: implied by others, or applying only to
subjects that other rules forbid.  Reported, never removed.

In: the record rules of one schema (`analyze_records.RuleParts`), with dead and
contradictory rules already left out.  Out: A505 and A506 findings.  The
interval pass first (a tighter bound under a guard that is implied), a cheap
proof that nothing can push a bound, a subject found by intervals that breaks
the rule and meets the others (`witness`), then z3 on the rules that share the
rule's variables, one rule at a time, on one solver per schema (push and pop).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.analysis.findings import Finding
from checker.analysis.intervals import implies, part_implies
from checker.analysis.parts import Z3, Bound, VarKey
from checker.analysis.records import RuleParts
from checker.analysis.solver.search import Family, Search
from checker.analysis.witness import witness
from checker.analysis.words import involved, rules_text

# ------------------------------------------------------------------ redundancy


def applies_formula(search: Search, rp: RuleParts) -> Z3:
    enc = search.enc
    return enc.all_of([enc.encode(p) for p in rp.guard]
                      + [enc.negate(enc.encode(w)) for w in rp.waivers])


def holds_formula(search: Search, rp: RuleParts) -> Z3:
    return search.enc.all_of([search.enc.encode(p) for p in rp.require])


def _guard_implied(general: RuleParts, specific: RuleParts) -> bool:
    """Syntactic: every guard conjunct of `general` is implied by one of `specific`."""
    return all(any(g.key == s.key or part_implies(s, g) for s in specific.guard)
               for g in general.guard)


@dataclass
class Uses:
    """Which rules mention a variable in their constraints, and in their guards."""

    require: dict[VarKey, set[str]] = field(default_factory=dict)
    guard: dict[VarKey, set[str]] = field(default_factory=dict)
    formulas: dict[str, Z3] = field(default_factory=dict)
    family: Family | None = None

    @staticmethod
    def build(search: Search, rules: list[RuleParts]) -> Uses:
        uses = Uses(family=Family(search))
        for rp in rules:
            for part in rp.require:
                for var in search.enc.variables(part):
                    uses.require.setdefault(var, set()).add(rp.id)
            for part in [*rp.guard, *rp.waivers]:
                for var in search.enc.variables(part):
                    uses.guard.setdefault(var, set()).add(rp.id)
        return uses

    def near(self, search: Search, rp: RuleParts) -> set[str]:
        """Rules that mention a variable of `rp`'s constraints anywhere."""
        found: set[str] = set()
        for part in rp.require:
            for var in search.enc.variables(part):
                found |= self.require.get(var, set()) | self.guard.get(var, set())
        return found

    def rule_formula(self, search: Search, rp: RuleParts) -> Z3:
        found = self.formulas.get(rp.id)
        if found is None:
            found = search.enc.implies(applies_formula(search, rp), holds_formula(search, rp))
            self.formulas[rp.id] = found
        return found

    def tracked(self, search: Search, rules: list[RuleParts]) -> Family:
        """The schema's one solver, knowing the formula of every rule of `rules`."""
        assert self.family is not None
        for other in rules:
            self.family.add(other.id, self.rule_formula(search, other))
        return self.family


def _keys(search: Search, rules: list[RuleParts]) -> set[VarKey]:
    """Every variable the rules read, for their domains."""
    return {v for rp in rules for p in [*rp.guard, *rp.require, *rp.waivers]
            for v in search.enc.variables(p)}


def redundancy(search: Search, rules: list[RuleParts], subject: str) -> list[Finding]:
    active = {rp.id: rp for rp in rules}
    uses = Uses.build(search, rules)
    out = []
    for rp in rules:
        forbidding = _forbidden_scope(search, rp, active, uses)
        if forbidding:
            del active[rp.id]
            out.append(_shadow(search, rp, [active[i] for i in forbidding], subject))
            continue
        others = [active[i] for i in sorted(uses.near(search, rp))
                  if i != rp.id and i in active]
        implying = _interval_implied(rp, others)
        if implying is None and not _cannot_be_implied(search, rp, others):
            implying = _solver_implied(search, rp, active, uses)
        if implying:
            del active[rp.id]
            rules = [active[i] for i in implying if i in active]
            if _shadowed(search, rp, rules, uses):
                out.append(_shadow(search, rp, rules, subject))
            else:
                out.append(_redundant(search, rp, rules, subject))
    return out


def _forbidden_scope(search: Search, rp: RuleParts, active: dict[str, RuleParts],
                     uses: Uses) -> list[str] | None:
    """Rules that together forbid every subject the rule's guard selects, if any.

    Asked only when some other rule constrains a variable of the guard."""
    scope = {v for p in [*rp.guard, *rp.waivers] for v in search.enc.variables(p)}
    if not any(uses.require.get(v, set()) - {rp.id} for v in scope):
        return None
    component = [o for o in _component(search, rp, active, uses) if o.id != rp.id]
    if not component or witness(search, rp, component, fails=False):
        return None
    family = uses.tracked(search, component)
    return family.implied_by([applies_formula(search, rp)], [o.id for o in component],
                             _keys(search, [rp, *component]), f"scope of {rp.id}", rp.id)


def _shadowed(search: Search, rp: RuleParts, rules: list[RuleParts], uses: Uses) -> bool:
    """Whether the rule's scope itself is forbidden by the others (vacuous implication)."""
    family = uses.tracked(search, rules)
    return family.unsat([applies_formula(search, rp)], [o.id for o in rules],
                        _keys(search, [rp, *rules]), f"scope of {rp.id}", rp.id)


def _shadow(search: Search, rp: RuleParts, rules: list[RuleParts], subject: str) -> Finding:
    parts = [p for o in rules for p in o.require]
    scope = " and ".join(f"`{g.text}`" for g in rp.guard) or "its scope"
    return Finding("A506", f"rule `{rp.id}` applies only to subjects that {rules_text(parts)} "
                   "forbid", involved(rp.guard or rp.require, "guard") +
                   involved(parts, "forbids its scope"),
                   f"every {subject} with {scope} fails " +
                   "; ".join(f"`{p.text}` (`{p.rule}`)" for p in parts) +
                   f", so `{rp.id}` never decides anything",
                   help="drop the rule, or widen what the other rule allows")


def _interval_implied(rp: RuleParts, others: list[RuleParts]) -> list[str] | None:
    found: list[str] = []
    for part in rp.require:
        source = next((o.id for o in others if not o.waivers and _guard_implied(o, rp)
                       and any(part_implies(q, part) for q in o.require)), None)
        if source is None:
            return None
        if source not in found:
            found.append(source)
    return found or None


def _cannot_be_implied(search: Search, rp: RuleParts, others: list[RuleParts]) -> bool:
    """Cheap proof of non-redundancy: a bound of the rule that nothing else can push —
    every other rule mentions its variable only in simple bounds that are weaker or
    point the other way, and no guard mentions it."""
    own = {v for p in [*rp.guard, *rp.waivers] for v in search.enc.variables(p)}
    for part in rp.require:
        if not part.simple or len(part.bounds) != 1 or part.sets:
            continue
        bound = part.bounds[0]
        if bound.var in own:
            continue
        if all(_cannot_push(search, o, bound) for o in others):
            return True
    return False


def _cannot_push(search: Search, other: RuleParts, bound: Bound) -> bool:
    if any(bound.var in search.enc.variables(q) for q in [*other.guard, *other.waivers]):
        return False
    for q in other.require:
        if bound.var not in search.enc.variables(q):
            continue
        if not q.simple or q.sets:
            return False
        if any(b.var == bound.var and b.lower == bound.lower and implies(b, bound)
               for b in q.bounds):
            return False
    return True


def _solver_implied(search: Search, rp: RuleParts, active: dict[str, RuleParts],
                    uses: Uses) -> list[str] | None:
    component = _component(search, rp, active, uses)
    if not component or witness(search, rp, component, fails=True):
        return None
    hypothesis = [applies_formula(search, rp), search.enc.negate(holds_formula(search, rp))]
    family = uses.tracked(search, component)
    return family.implied_by(hypothesis, [o.id for o in component],
                             _keys(search, [rp, *component]), f"redundancy of {rp.id}", rp.id)


def _component(search: Search, rp: RuleParts, active: dict[str, RuleParts],
               uses: Uses) -> list[RuleParts]:
    """Rules that can bear on `rp`: those constraining one of its variables, closed
    under the variables (guards included) of the rules taken in.

    A rule whose constraints bound only variables outside this set can always be
    met by choosing those variables — unless it contradicts other rules, which
    was reported before — so it cannot make `rp` redundant and is left out.
    """
    seen = {rp.id}
    variables = {v for p in [*rp.guard, *rp.require, *rp.waivers]
                 for v in search.enc.variables(p)}
    pending = list(variables)
    while pending:
        var = pending.pop()
        for other in sorted(uses.require.get(var, set()) - seen):
            if other not in active:
                continue
            seen.add(other)
            found = active[other]
            for part in [*found.guard, *found.require, *found.waivers]:
                for new in search.enc.variables(part) - variables:
                    variables.add(new)
                    pending.append(new)
    return [active[i] for i in sorted(seen - {rp.id})]


def _redundant(search: Search, rp: RuleParts, implying: list[RuleParts],
               subject: str) -> Finding:
    parts = [p for o in implying for p in o.require]
    guard = " and ".join(f"`{g.text}`" for g in rp.guard)
    where = f"every {subject} with {guard}" if guard else f"every {subject}"
    given = "; ".join(f"`{p.text}` (`{p.rule}`)" for p in parts)
    claims = " and ".join(f"`{p.text}`" for p in rp.require)
    return Finding("A505", f"rule `{rp.id}` is implied by {rules_text(parts)}",
                   involved(rp.require, "redundant") + involved(parts, "implies it"),
                   f"{where} that meets {given} also meets {claims}",
                   help="keep it only if it states the plan's own words; it never decides alone")
