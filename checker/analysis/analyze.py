"""Analyze: the consistency of a suite's rules themselves.

In: a `CheckedSuite`.  Out: `Finding`s (plain data, `checker.analysis.findings`):
contradictions (also those inside one guard scope: one zone, one town),
dead rules, redundant rules, time conflicts (deadlines outside the period,
interim targets stricter than later ones, targets that cannot all be met over
the years) and cross-level conflicts (parts' quotas above the whole's cap).
Every finding names each rule involved with the span of its clause and says in
words for which subject, scope and year it happens.

How: a plain interval pass per variable and scope first (it explains itself),
then z3 for linear combinations, set membership and guards, each part tracked
so that the unsat core is the explanation.  The work is bounded (`limits.Limits`:
nesting, time per check, time per run); what those bounds leave undecided is
reported as incomplete findings (A53x), never as consistent.  Imports `typed`, the
`analysis` modules; never pandas, never the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.analysis.findings import CODES, Finding, Involved
from checker.analysis.incomplete import incomplete
from checker.analysis.limits import Limits
from checker.analysis.records import RuleParts, rule_parts
from checker.analysis.records import contradictions as record_contradictions
from checker.analysis.records import dead as record_dead
from checker.analysis.redundancy import redundancy as record_redundancy
from checker.analysis.series import Scoped, batch_parts, series_parts
from checker.analysis.series import contradictions as scoped_contradictions
from checker.analysis.series import dead as scoped_dead
from checker.analysis.series import redundancy as scoped_redundancy
from checker.analysis.solver.encode import Encoder
from checker.analysis.solver.search import Search
from checker.analysis.time import cross_level, deadlines, monotone
from checker.types import typed as t

__all__ = ["CODES", "Analysis", "Finding", "Involved", "analyze", "run_analysis"]


@dataclass
class Analysis:
    """Findings, sorted; those of kind `incomplete` say what was not decided."""

    findings: list[Finding] = field(default_factory=list)
    rules: int = 0
    checks: int = 0

    @property
    def incomplete(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == "incomplete"]


def analyze(checked: t.CheckedSuite) -> list[Finding]:
    """Every consistency finding of the suite, sorted by file, line and code."""
    return run_analysis(checked).findings


def run_analysis(checked: t.CheckedSuite, limits: Limits | None = None) -> Analysis:
    limits = limits or Limits()
    search = Search(Encoder(checked, limits.nesting), limits)
    findings = deadlines(checked)
    findings += _records(search, checked)
    findings += _scoped(search, checked)
    findings += incomplete(search.enc.too_deep, search.enc.late, search.undecided, checked,
                           limits)
    findings.sort(key=Finding.sort_key)
    return Analysis(findings, len(checked.rules), search.checks)


def _records(search: Search, checked: t.CheckedSuite) -> list[Finding]:
    out: list[Finding] = []
    by_record: dict[str, list[t.CheckedRule]] = {}
    for rule in checked.rules:
        if rule.subject == "record" and rule.record is not None:
            by_record.setdefault(rule.record, []).append(rule)
    for record, rules in by_record.items():
        parts = [rule_parts(search, rule) for rule in rules]
        dead_ids = set()
        for rp in parts:
            finding = record_dead(search, rp, record)
            if finding is not None:
                out.append(finding)
                dead_ids.add(rp.id)
        alive = [rp for rp in parts if rp.id not in dead_ids]
        conflicts = record_contradictions(search, alive, record)
        out += conflicts
        involved = {i for f in conflicts for i in f.rule_ids}
        out += record_redundancy(search, _without(alive, involved), record)
    return out


def _without(rules: list[RuleParts], ids: set[str]) -> list[RuleParts]:
    return [rp for rp in rules if rp.id not in ids]


def _scoped(search: Search, checked: t.CheckedSuite) -> list[Finding]:
    series: Scoped = {}
    batches: Scoped = {}
    order: list[str] = []
    for rule in checked.rules:
        if rule.subject == "series":
            series_parts(search, rule, checked.plan, series)
            order.append(rule.id)
        elif rule.subject == "batch":
            batch_parts(search, rule, batches)
            order.append(rule.id)
    out, excluded = scoped_dead(search, series, order)
    batch_dead, batch_excluded = scoped_dead(search, batches, order)
    out += batch_dead
    excluded |= batch_excluded
    for scoped in (series, batches):
        conflicts, involved = scoped_contradictions(search, scoped, excluded)
        out += conflicts
        excluded |= involved
    weaker, explained = monotone(checked, series)
    out += weaker
    out += cross_level(checked, series)
    excluded |= explained
    out += scoped_redundancy(search, series, order, excluded, "region and year")
    out += scoped_redundancy(search, batches, order, excluded, "batch")
    return out
