"""Indicator rules (per region and year) and batch rules (`for all`): scopes without guards.

In: checked series and batch rules.  Out: `Scoped` parts — each constraint
expanded into one part per region in scope and year it is checked
(`each year in A..B`, `by Y`, `at Y`, or every plan year) — and the dead,
contradiction and redundancy findings within each scope.  A conflict whose
parts lie in different years is a time conflict (A512).  Imports `typed`,
`model` and the `analysis` modules.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from checker.analysis.findings import Finding
from checker.analysis.intervals import part_implies
from checker.analysis.parts import Ctx, Part, VarKey, conjuncts, nkey
from checker.analysis.solver.search import Search
from checker.analysis.words import conflict_words, involved, rules_text, years_text
from checker.syntax import model as m
from checker.types import typed as t

# scope name -> rule id -> parts of that rule in the scope
Scoped = dict[str, dict[str, list[Part]]]


def check_years(time: m.TimeQual | None, plan: t.PlanInfo) -> list[int]:
    """The years a constraint is checked in (as `engine.series` reads them)."""
    match time:
        case m.ByYear(year=year) | m.AtYear(year=year):
            return [year]
        case m.EachYear(years=years):
            return list(years.years())
    return list(range(plan.start, plan.end + 1))


def series_parts(search: Search, rule: t.CheckedRule, plan: t.PlanInfo, scoped: Scoped) -> None:
    written = rule.source.clauses_of(m.Require)
    for c, source in zip(rule.constraints, written, strict=True):
        for region in c.regions or rule.regions:
            for year in check_years(c.time, plan):
                ctx = Ctx("series", region, year)
                for node, expr in conjuncts(c.expr, source.expr):
                    part = search.enc.part(rule.id, "require", node, expr, ctx, c.span)
                    part.point = isinstance(c.time, m.ByYear | m.AtYear)
                    scoped.setdefault(region, {}).setdefault(rule.id, []).append(part)


def batch_parts(search: Search, rule: t.CheckedRule, scoped: Scoped) -> None:
    written = rule.source.clauses_of(m.Require)
    selection = nkey(rule.guard) if rule.guard is not None else None
    scope = f"all {rule.record}"
    for c, source in zip(rule.constraints, written, strict=True):
        year = c.time.year if isinstance(c.time, m.AtYear) else 0
        ctx = Ctx("batch", year=year, selection=selection)
        scoped.setdefault(scope, {}).setdefault(rule.id, []).extend(
            search.enc.part(rule.id, "require", node, expr, ctx, c.span)
            for node, expr in conjuncts(c.expr, source.expr))


def _where(scope: str, parts: list[Part]) -> str:
    years = years_text(p.year for p in parts if p.ctx.kind == "series")
    if parts and parts[0].ctx.kind == "series":
        return f"in {scope}" + (f", {years}" if years else "")
    return f"for {scope}"


# ------------------------------------------------------------------ dead and contradictory


def dead(search: Search, scoped: Scoped, order: list[str]) -> tuple[list[Finding], set[str]]:
    out: list[Finding] = []
    ids: set[str] = set()
    for rule in order:
        for scope, by_rule in scoped.items():
            if rule not in by_rule:
                continue
            core = search.self_conflict(by_rule[rule], f"rule {rule} in {scope}")
            if core is None:
                continue
            out.append(Finding("A503", f"rule `{rule}` can never be satisfied",
                               involved(core),
                               f"{_where(scope, core)}: {conflict_words(search, core)}",
                               help="no value meets the constraint; one of the numbers is wrong"))
            ids.add(rule)
            break
    return out, ids


def contradictions(search: Search, scoped: Scoped, excluded: set[str]
                   ) -> tuple[list[Finding], set[str]]:
    # the first conflict of each set of rules, and every (scope, year) it recurs in
    found: dict[frozenset[str], tuple[list[Part], dict[str, set[int]]]] = {}
    for scope, by_rule in scoped.items():
        parts = [p for rule, ps in by_rule.items() if rule not in excluded for p in ps]
        if len({p.rule for p in parts}) < 2:
            continue
        for conflict in search.conflicts(parts, what=f"scope {scope}"):
            key = frozenset(p.rule for p in conflict)
            if key not in found:
                found[key] = (conflict, {})
            found[key][1].setdefault(scope, set()).update(p.year for p in conflict)
    out: list[Finding] = []
    ids: set[str] = set()
    for key, (unordered, scopes) in found.items():
        conflict = sorted(unordered, key=lambda p: (p.span, p.year))
        ids |= key
        years = {p.year for p in conflict}
        where = _where(next(iter(scopes)), conflict) + _recurs(scopes, years)
        if len(years) > 1:
            out.append(Finding(
                "A512", f"targets of {rules_text(conflict)} cannot all be met over the years",
                involved(conflict), f"{where}: {conflict_words(search, conflict)}",
                help="an interim target, the final target and the trend must agree"))
        else:
            out.append(Finding(
                "A501", f"rules {rules_text(conflict)} contradict each other",
                involved(conflict), f"{where}: {conflict_words(search, conflict)}",
                help="relax one of the targets, or scope them to different regions or years"))
    return out, ids


def _recurs(scopes: dict[str, set[int]], shown: set[int]) -> str:
    """` (also in 2022..2025)`, ` (and 2 other regions)`: where else the conflict recurs —
    one region's other years are years, not regions."""
    first, *others = scopes
    again = scopes[first] - shown
    said = [f"also in {years_text(again)}"] if again and shown != {0} else []
    if others:
        said.append(f"and {len(others)} other region{'s' if len(others) > 1 else ''}")
    return f" ({'; '.join(said)})" if said else ""


# ------------------------------------------------------------------ redundancy


@dataclass
class Index:
    """Per scope and variable, the rules and parts that mention it."""

    simple: dict[tuple[str, VarKey], list[Part]] = field(default_factory=lambda: defaultdict(
        list))
    users: dict[tuple[str, VarKey], set[str]] = field(default_factory=lambda: defaultdict(set))
    complex: dict[tuple[str, VarKey], set[str]] = field(default_factory=lambda: defaultdict(set))

    @staticmethod
    def build(search: Search, scoped: Scoped) -> Index:
        index = Index()
        for scope, by_rule in scoped.items():
            for rule, parts in by_rule.items():
                for part in parts:
                    for var in search.enc.variables(part):
                        index.users[scope, var].add(rule)
                        if part.simple:
                            index.simple[scope, var].append(part)
                        else:
                            index.complex[scope, var].add(rule)
        return index


def redundancy(search: Search, scoped: Scoped, order: list[str], excluded: set[str],
               subject: str) -> list[Finding]:
    index = Index.build(search, scoped)
    active = set(order) - excluded
    out = []
    for rule in order:
        if rule not in active:
            continue
        implying: dict[str, list[Part]] = {}
        for scope, by_rule in scoped.items():
            if rule not in by_rule:
                continue
            found = _implied(search, index, scope, by_rule, rule, active)
            if found is None:
                implying = {}
                break
            for other in found:
                implying.setdefault(other, by_rule[other])
        if implying:
            active.discard(rule)
            mine = [p for by_rule in scoped.values() for p in by_rule.get(rule, [])]
            out.append(_redundant(search, rule, mine, implying, subject))
    return out


def _implied(search: Search, index: Index, scope: str, by_rule: dict[str, list[Part]],
             rule: str, active: set[str]) -> list[str] | None:
    found: list[str] = []
    unresolved = []
    for part in by_rule[rule]:
        source = None
        if part.simple:
            var = (part.bounds[0] if part.bounds else part.sets[0]).var
            source = next((q.rule for q in index.simple[scope, var]
                           if q.rule != rule and q.rule in active and part_implies(q, part)),
                          None)
        if source is None:
            unresolved.append(part)
        elif source not in found:
            found.append(source)
    if not unresolved:
        return found
    for part in unresolved:
        if _free(index, scope, part, rule, active):
            return None
    rules = _component(search, index, scope, by_rule, rule, active)
    if not rules:
        return None
    enc = search.enc
    hypothesis = [enc.negate(enc.all_of([enc.encode(p) for p in by_rule[rule]]))]
    tracked = {o: enc.all_of([enc.encode(p) for p in by_rule[o]]) for o in rules}
    domains = enc.domains(v for o in [rule, *rules] for p in by_rule[o] for v in p.vars)
    return search.implied_by(hypothesis, tracked, domains, f"redundancy of {rule} in {scope}",
                             rule)


def _free(index: Index, scope: str, part: Part, rule: str, active: set[str]) -> bool:
    """No other rule could push this single bound: nothing bounds it the same way."""
    if not part.simple or len(part.bounds) != 1 or part.sets:
        return False
    bound = part.bounds[0]
    key = (scope, bound.var)
    if (index.complex[key] - {rule}) & active:
        return False
    return all(q.rule == rule or q.rule not in active or
               (not q.sets and all(b.lower != bound.lower for b in q.bounds if b.var == bound.var))
               for q in index.simple[key])


def _component(search: Search, index: Index, scope: str, by_rule: dict[str, list[Part]],
               rule: str, active: set[str]) -> list[str]:
    seen = {rule}
    queue = [rule]
    while queue:
        current = queue.pop()
        for part in by_rule[current]:
            for var in search.enc.variables(part):
                for other in index.users[scope, var]:
                    if other not in seen and other in active:
                        seen.add(other)
                        queue.append(other)
    return sorted(seen - {rule})


def _redundant(search: Search, rule: str, mine: list[Part], implying: dict[str, list[Part]],
               subject: str) -> Finding:
    parts = [p for ps in implying.values() for p in ps]
    given = "; ".join(dict.fromkeys(f"`{p.text}` (`{p.rule}`)" for p in parts))
    claims = " and ".join(dict.fromkeys(f"`{p.text}`" for p in mine))
    return Finding("A505", f"rule `{rule}` is implied by {rules_text(parts)}",
                   involved(mine, "redundant") + involved(parts, "implies it"),
                   f"every {subject} that meets {given} also meets {claims}",
                   help="keep it only if it states the plan's own words; it never decides alone")
