"""Record rules (`for each`): dead rules and contradictions, guard scope by guard scope.

In: the checked rules about one record schema.  Out: findings.  Contradictions
are searched scope by scope: the guard atoms (`zone == 临空经济区`, `land_area
> 5 km2`) split the subjects into cells, and in each cell the rules whose guard
holds there are checked together — the interval pass first, z3 for the rest.
A conflict inside one zone is found although the rules are satisfiable overall.
Imports `typed` and the `analysis` modules.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from checker.analysis.findings import Finding
from checker.analysis.parts import (
    Ctx,
    Part,
    SetBound,
    VarKey,
    conjuncts,
    guard_source,
)
from checker.analysis.solver.search import Search
from checker.analysis.words import conflict_words, involved, rules_text, scope_words
from checker.source import NO_SPAN
from checker.syntax import model as m
from checker.types import typed as t

MAX_CELLS = 20000
RECORD = Ctx("record")


@dataclass
class RuleParts:
    rule: t.CheckedRule
    guard: list[Part]
    require: list[Part]
    waivers: list[Part]

    @property
    def id(self) -> str:
        return self.rule.id


def rule_parts(search: Search, rule: t.CheckedRule, ctx: Ctx = RECORD) -> RuleParts:
    enc = search.enc
    guard = [] if rule.guard is None else [
        enc.part(rule.id, "guard", node, source, ctx, rule.span)
        for node, source in conjuncts(rule.guard, guard_source(rule))]
    sources = rule.source.clauses_of(m.Require)
    require = [enc.part(rule.id, "require", node, source, ctx, c.span)
               for c, written in zip(rule.constraints, sources, strict=True)
               for node, source in conjuncts(c.expr, written.expr)]
    unless = rule.source.clauses_of(m.Unless)
    waivers = [enc.part(rule.id, "unless", w.expr, u.expr, ctx, w.span)
               for w, u in zip(rule.waivers, unless, strict=True)]
    return RuleParts(rule, guard, require, waivers)


# ------------------------------------------------------------------ dead rules


def dead(search: Search, rp: RuleParts, subject: str) -> Finding | None:
    what = f"rule {rp.id}"
    core = search.self_conflict(rp.guard, what) if rp.guard else None
    if core is not None:
        return Finding("A502", f"the guard of rule `{rp.id}` can never hold",
                       involved(core), _cannot(core, search),
                       help="a guard that never holds makes the rule useless; fix the values")
    if rp.waivers and _always_waived(search, rp):
        return Finding("A504", f"rule `{rp.id}` is always waived by its own `unless`",
                       involved([*rp.waivers, *rp.guard]),
                       f"every {subject} the guard selects meets the exception: " +
                       "; ".join(f"`{w.text}`" for w in rp.waivers),
                       help="narrow the exception or drop the rule")
    core = search.self_conflict([*rp.guard, *rp.require], what)
    if core is not None and any(p.role == "require" for p in core):
        when = [p for p in core if p.role == "guard"]
        scope = " when " + " and ".join(f"`{p.text}`" for p in when) if when else ""
        return Finding("A503", f"rule `{rp.id}` can never be satisfied",
                       involved(core), _cannot(core, search) + scope,
                       help="no value meets the constraint; one of the numbers is wrong")
    return None


def _cannot(core: list[Part], search: Search) -> str:
    words = conflict_words(search, core)
    if words.startswith("these cannot all hold"):
        return " and ".join(f"`{p.text}`" for p in core) + " cannot both hold" if len(
            core) == 2 else words
    return words


def _always_waived(search: Search, rp: RuleParts) -> bool:
    enc = search.enc
    parts = [*rp.guard, *rp.waivers]
    formulas = [enc.negate(enc.encode(p)) if p.role == "unless" else enc.encode(p)
                for p in parts]
    return search.unsat(formulas, (v for p in parts for v in p.vars), f"waivers of {rp.id}",
                        [rp.id])


# ------------------------------------------------------------------ scope cells


@dataclass
class Cell:
    """A set of subjects: allowed values per enum/bool field and truth of other atoms."""

    domains: dict[VarKey, frozenset[object]] = field(default_factory=dict)
    atoms: dict[object, bool] = field(default_factory=dict)
    literals: list[Part] = field(default_factory=list)


def _set_atom(search: Search, node: t.Node) -> SetBound | None:
    found = search.enc.bounds(node, RECORD)
    if found is None or found[0] or len(found[1]) != 1:
        return None
    return found[1][0]


def eval3(search: Search, node: t.Node, cell: Cell, full: dict[VarKey, frozenset[object]]
          ) -> bool | None:
    """Kleene truth of a guard in a cell (None: it depends on the subject)."""
    match node:
        case t.Logic(op=op, left=left, right=right):
            a, b = eval3(search, left, cell, full), eval3(search, right, cell, full)
            if op == "and":
                return False if a is False or b is False else (None if None in (a, b) else True)
            return True if a is True or b is True else (None if None in (a, b) else False)
        case t.Not(operand=operand):
            inner = eval3(search, operand, cell, full)
            return None if inner is None else not inner
        case t.Const(value=bool() as value):
            return value
    atom = _set_atom(search, node)
    if atom is not None:
        allowed = cell.domains.get(atom.var, full.get(atom.var, frozenset()))
        if allowed <= atom.allowed:
            return True
        return False if not allowed & atom.allowed else None
    return cell.atoms.get(search.enc.shape(node))


def _atoms(node: t.Node) -> Iterator[t.Node]:
    match node:
        case t.Logic(left=left, right=right):
            yield from _atoms(left)
            yield from _atoms(right)
        case t.Not(operand=operand):
            yield from _atoms(operand)
        case t.Const():
            return
        case _:
            yield node


def applies(search: Search, rp: RuleParts, cell: Cell, full: dict[VarKey, frozenset[object]]
            ) -> bool | None:
    values = [eval3(search, p.node, cell, full) for p in rp.guard]
    values += [None if (v := eval3(search, w.node, cell, full)) is None else not v
               for w in rp.waivers]
    if False in values:
        return False
    return None if None in values else True


@dataclass
class CellSearch:
    search: Search
    rules: list[RuleParts]
    subject: str
    full: dict[VarKey, frozenset[object]]
    findings: list[list[Part]] = field(default_factory=list)
    scopes: list[list[Part]] = field(default_factory=list)
    cells: int = 0
    stopped: bool = False

    def run(self) -> None:
        self._visit(Cell(), set(), self.rules)

    def _visit(self, cell: Cell, before: set[str], candidates: list[RuleParts]) -> None:
        self.cells += 1
        if self.cells > MAX_CELLS or self.search.left_ms() <= 0:
            if not self.stopped:
                self.stopped = True
                reason = (f"more than {MAX_CELLS} guard scopes" if self.cells > MAX_CELLS
                          else f"the run's budget of {self.search.limits.run_seconds:g} s "
                          "was spent")
                self.search.stop(f"contradictions among the {self.subject} rules",
                                 (rp.id for rp in self.rules), reason)
            return
        state = {rp.id: applies(self.search, rp, cell, self.full) for rp in candidates}
        now = [rp for rp in candidates if state[rp.id] is True]
        ids = {rp.id for rp in now}
        new = ids - before
        if new and len(now) > 1:
            parts = [p for rp in now for p in rp.require]
            for conflict in self.search.conflicts(parts, cell.literals, new,
                                                  f"{self.subject} scope"):
                self.findings.append(conflict)
                self.scopes.append(cell.literals)
        open_rules = [rp for rp in candidates if state[rp.id] is None]
        if not open_rules:
            return
        remaining = [rp for rp in candidates if state[rp.id] is not False]
        for child in self._split(cell, open_rules):
            self._visit(child, ids, remaining)

    def _split(self, cell: Cell, open_rules: list[RuleParts]) -> list[Cell]:
        atom = next(a for rp in open_rules for p in [*rp.guard, *rp.waivers]
                    for a in _atoms(p.node) if eval3(self.search, a, cell, self.full) is None)
        bound = _set_atom(self.search, atom)
        if bound is None:
            return [c for c in (self._assume(cell, atom, value) for value in (True, False))
                    if c is not None]
        var = bound.var
        allowed = cell.domains.get(var, self.full.get(var, frozenset()))
        signatures: dict[tuple[bool, ...], set[object]] = {}
        cuts = []
        for rp in open_rules:
            for p in [*rp.guard, *rp.waivers]:
                for x in _atoms(p.node):
                    b = _set_atom(self.search, x)
                    if b is not None and b.var == var:
                        cuts.append(b.allowed)
        for value in allowed:
            signatures.setdefault(tuple(value in c for c in cuts), set()).add(value)
        children = []
        for values in sorted(signatures.values(), key=lambda v: sorted(map(repr, v))):
            child = Cell({**cell.domains, var: frozenset(values)}, dict(cell.atoms),
                         [p for p in cell.literals if var not in {s.var for s in p.sets}])
            child.literals.append(self._domain_part(var, frozenset(values)))
            children.append(child)
        return children

    def _assume(self, cell: Cell, atom: t.Node, value: bool) -> Cell | None:
        node = atom if value else t.Not(atom, atom.span)
        part = self.search.enc.part("", "guard", node, None, RECORD, atom.span)
        literals = [*cell.literals, part]
        generic = [p for p in literals if not p.sets]
        if len(generic) > 1 and self.search.self_conflict(generic, "scope") is not None:
            return None
        return Cell(dict(cell.domains), {**cell.atoms, self.search.enc.shape(atom): value},
                    literals)

    def _domain_part(self, var: VarKey, values: frozenset[object]) -> Part:
        info = self.search.enc.vars[var]
        name = str(var[1])
        if info.sort == "bool":
            ref = t.FieldRef(name, t.BoolT())
            node: t.Node = t.Compare("==", ref, t.Const(bool(next(iter(values))), t.BoolT()))
        else:
            enum = t.EnumT(name, info.items)
            chosen = sorted(int(v) for v in values)  # type: ignore[call-overload]
            node = t.Member(t.FieldRef(name, enum), frozenset(chosen), False,
                            tuple(info.items[i] for i in chosen))
        return self.search.enc.part("", "guard", node, None, RECORD, NO_SPAN)


def contradictions(search: Search, rules: list[RuleParts], subject: str) -> list[Finding]:
    full = search.domains()
    cells = CellSearch(search, rules, subject, full)
    cells.run()
    by_id = {rp.id: rp for rp in rules}
    out = []
    seen: set[frozenset[str]] = set()
    for found, literals in zip(cells.findings, cells.scopes, strict=True):
        conflict = sorted(found, key=lambda p: p.span)
        ids = frozenset(p.rule for p in conflict if p.rule)
        if ids in seen:
            continue
        seen.add(ids)
        guards = [g for i in sorted(ids) for g in by_id[i].guard]
        scope = scope_words(search, [*guards, *literals], subject)
        out.append(Finding(
            "A501", f"rules {rules_text(conflict)} contradict each other",
            involved(conflict), f"{scope}: {conflict_words(search, conflict)}",
            help="relax one of the constraints, or narrow the guard of one rule"))
    return out
