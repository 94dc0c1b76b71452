"""Quotas: the caps that approvals consume, computed exactly from the stored proposals.

In: the checked suite's aggregate (`for all`) rules, the exact baseline of each
indicator, the bodies of approved proposals and of candidates.  Out: `Quota`s
(an upper bound `aggregate <= cap` of a rule without a guard) and
`Standing`s (cap, used, this proposal's share, remaining, and whether the
bound still holds) — in fractions, so the hectare that reaches the cap exactly
is inside it.  `settle` makes a result's aggregate outcome agree with the exact
standing (and uses the engine's `exit_code`).  Imports `types`, `result`,
`exact`; not the web framework.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

from checker import result as r
from checker.serve import exact
from checker.syntax import model as m
from checker.syntax.unparse import number as decimal_text  # exact: `318.9`, `1/3`
from checker.types import typed as t
from checker.types.units import Unit, UnitTable, format_quantity

Body = Mapping[str, Any]
Baseline = Callable[[t.IndicatorRef, int | None], Fraction | None]
_FLIP: dict[str, Literal["<=", "<"]] = {">=": "<=", ">": "<"}


@dataclass(frozen=True)
class Quota:
    """`used op cap` of one constraint of an aggregate rule, with op `<=` or `<`."""

    rule: t.CheckedRule
    constraint: t.Constraint
    used: t.Node
    cap: t.Node
    op: Literal["<=", "<"]

    @property
    def unit(self) -> Unit | None:
        return self.used.type.unit if isinstance(self.used.type, t.QuantityT) else None

    @property
    def year(self) -> int | None:
        time = self.constraint.time
        return time.year if isinstance(time, m.AtYear) else None


def quotas_of(checked: t.CheckedSuite) -> tuple[Quota, ...]:
    """Every upper bound on an aggregate that can be decided exactly."""
    found: list[Quota] = []
    for rule in checked.rules:
        if rule.subject != "batch" or rule.guard is not None:
            continue
        for constraint in rule.constraints:
            quota = _quota(rule, constraint)
            if quota is not None:
                found.append(quota)
    return tuple(found)


def _quota(rule: t.CheckedRule, constraint: t.Constraint) -> Quota | None:
    expr = constraint.expr
    if not isinstance(expr, t.Compare) or not (exact.supported(expr.left)
                                               and exact.supported(expr.right)):
        return None
    left, right = exact.has_aggregate(expr.left), exact.has_aggregate(expr.right)
    if left and not right and expr.op in ("<=", "<"):
        return Quota(rule, constraint, expr.left, expr.right, expr.op)
    if right and not left and expr.op in _FLIP:
        return Quota(rule, constraint, expr.right, expr.left, _FLIP[expr.op])
    return None


@dataclass(frozen=True)
class Standing:
    """A quota with the approved proposals, and with a candidate's share (when given)."""

    quota: Quota
    cap: Fraction | None
    base: Fraction | None  # the aggregate side with nothing approved: the plan data's baseline
    used: Fraction | None  # … with what is approved
    after: Fraction | None  # … and the candidates
    approved: int
    candidates: int = 0

    @property
    def share(self) -> Fraction | None:
        if not self.candidates or self.after is None or self.used is None:
            return None
        return self.after - self.used

    @property
    def remaining(self) -> Fraction | None:
        return None if self.cap is None or self.used is None else self.cap - self.used

    @property
    def holds(self) -> bool | None:
        """Whether the bound holds with the candidates, if any (None: data missing)."""
        total = self.after if self.candidates else self.used
        if self.cap is None or total is None:
            return None
        return exact.compare(self.quota.op, total, self.cap)

    def to_json(self) -> dict[str, Any]:
        unit = self.quota.unit
        values = {"cap": self.cap, "base": self.base, "used": self.used, "share": self.share,
                  "remaining": self.remaining,
                  "after": self.after if self.candidates else None}
        rule = self.quota.rule
        return {
            "rule": rule.id, "title": rule.title, "constraint": self.quota.constraint.text,
            "unit": (unit.symbol or unit.name) if unit else "", "approved": self.approved,
            "holds": self.holds, "op": self.quota.op,
            **{k: None if v is None else float(v) for k, v in values.items()},
            "exact": {k: None if v is None else decimal_text(v) for k, v in values.items()},
            "text": {k: None if v is None else format_quantity(float(v), unit)
                     for k, v in values.items()},
        }


def standing(quota: Quota, baseline: Baseline, approved: Sequence[Body],
             candidates: Sequence[Body], schema: t.RecordSchema, units: UnitTable) -> Standing:
    """The quota before and after the candidates, from the proposals' own text."""

    def lookup(bodies: Sequence[Body]) -> exact.Lookup:
        def answer(node: t.Node) -> Fraction | None:
            if isinstance(node, t.IndicatorRef):
                return baseline(node, quota.year)
            assert isinstance(node, t.Func)
            if node.name == "count":
                return Fraction(len(bodies))
            found = exact.summed_field(node.args[0])
            assert found is not None
            name, factor = found
            values = [exact.field_value(b.get(name), schema.fields[name], units) for b in bodies]
            if any(v is None for v in values):
                return None
            return factor * sum((v for v in values if v is not None), Fraction(0))
        return answer

    every = [*approved, *candidates]
    try:
        cap = exact.evaluate(quota.cap, lookup(every))
        base = exact.evaluate(quota.used, lookup([]))
        used = exact.evaluate(quota.used, lookup(approved))
        after = exact.evaluate(quota.used, lookup(every))
    except ZeroDivisionError:
        cap = base = used = after = None
    return Standing(quota, cap, base, used, after, len(approved), len(candidates))


# ------------------------------------------------------------------ results


def settle(result: r.Result, standings: Sequence[Standing]) -> r.Result:
    """The result with each quota rule's aggregate outcome decided exactly."""
    verdicts: dict[str, bool | None] = {}
    for s in standings:
        previous = verdicts.get(s.quota.rule.id, True)
        verdicts[s.quota.rule.id] = None if previous is None or s.holds is None else (
            previous and s.holds)
    severities = {s.id: s.severity for s in result.rules}
    outcomes = [_settled(o, verdicts[o.rule], severities[o.rule])
                if o.subject_kind == "batch" and o.rule in verdicts else o
                for o in result.outcomes]
    if outcomes == result.outcomes:
        return result
    by_rule = {o.rule: o.outcome for o in outcomes if o.subject_kind == "batch"}
    rules = [s.model_copy(update={"counts": {**{k: 0 for k in r.OUTCOMES}, by_rule[s.id]: 1}})
             if s.id in by_rule and s.subject == "batch" else s for s in result.rules]
    return result.model_copy(update={"outcomes": outcomes, "rules": rules,
                                     "summary": _summary(result, rules)})


def _settled(outcome: r.Outcome, holds: bool | None, severity: r.Severity) -> r.Outcome:
    """`severity` is the rule's: `error` for a binding rule, `warning` otherwise."""
    kind: r.OutcomeKind = "unknown" if holds is None else ("pass" if holds else "fail")
    if kind == outcome.outcome or outcome.outcome == "error":
        return outcome
    shown: r.Severity = severity if kind == "fail" else ("warning" if kind == "unknown"
                                                          else "info")
    message = f"{outcome.message} (decided exactly: {kind})"
    return outcome.model_copy(update={"outcome": kind, "severity": shown, "message": message})


def _summary(result: r.Result, rules: Sequence[r.RuleSummary]) -> r.Summary:
    from checker.engine.evaluate import exit_code  # the engine's one definition of it

    totals = {k: sum(s.counts.get(k, 0) for s in rules) for k in r.OUTCOMES}
    errors = sum(s.counts.get("error", 0) + (s.counts.get("fail", 0) if s.severity == "error"
                                              else 0) for s in rules)
    warnings = sum(s.counts.get("unknown", 0) + (s.counts.get("fail", 0)
                                                 if s.severity == "warning" else 0)
                   for s in rules)
    return result.summary.model_copy(update={
        "outcomes": totals, "errors": errors, "warnings": warnings,
        "exit_code": exit_code(list(rules), result.fail_on)})
