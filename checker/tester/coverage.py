"""Coverage: which sides of each rule and clause a suite's tests have checked.

In: a `CheckedSuite` and the `TestRun` of a run.  Out: `Coverage` — per
rule, its coverage items and whether each is covered — and the exact share.

Coverage items.  Every rule R of the suite has
- `pass`: R passed for some subject;
- `fail`: R failed for some subject;
and each of its clauses C — the guard (all `where` clauses together, as one
clause), each `require`, each `unless`, in the order the rule states them —
has two more:
- `C true`: C was true for some subject;
- `C false`: C was false for some subject.
So a rule with one `where`, two `require` and one `unless` has 2 + 2 × 4 = 10
items.  An item is covered when an outcome shows it that an `expect` checked
and that matched the expectation (an outcome a test produced but did not
assert covers nothing; neither does a test whose givens are invalid).  Clause
values come from the outcomes' evidence (`Evidence.clauses`); a series rule
reports each `require` at the year that decided it, and `unknown` clauses
cover nothing.

The share is covered items / all items of all rules, as an exact `Fraction`;
`percent_text` prints it floored to one decimal (66.66… % is `66.6 %`, never
`66.7 %`), and `meets(threshold)` compares exactly.  A suite without rules has
no items and counts as fully covered.

Imports `typed`, `result`, `runner`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from checker import result as r
from checker.tester.runner import TestRun
from checker.types import typed as t

Role = str  # "guard" | "require" | "unless"


@dataclass(frozen=True)
class ClauseCoverage:
    role: Role
    text: str
    true: bool = False
    false: bool = False

    @property
    def covered(self) -> int:
        return int(self.true) + int(self.false)


@dataclass(frozen=True)
class RuleCoverage:
    rule: str
    subject: str
    passed: bool
    failed: bool
    clauses: tuple[ClauseCoverage, ...]

    @property
    def items(self) -> int:
        return 2 + 2 * len(self.clauses)

    @property
    def covered(self) -> int:
        return int(self.passed) + int(self.failed) + sum(c.covered for c in self.clauses)

    @property
    def complete(self) -> bool:
        return self.covered == self.items


@dataclass(frozen=True)
class Coverage:
    rules: tuple[RuleCoverage, ...]

    @property
    def items(self) -> int:
        return sum(x.items for x in self.rules)

    @property
    def covered(self) -> int:
        return sum(x.covered for x in self.rules)

    @property
    def percent(self) -> Fraction:
        """The exact share of covered items, in percent."""
        if self.items == 0:
            return Fraction(100)
        return Fraction(100 * self.covered, self.items)

    def percent_text(self) -> str:
        return percent_text(self.percent)

    def meets(self, threshold: Fraction) -> bool:
        return self.percent >= threshold


def percent_text(value: Fraction) -> str:
    """`value` floored to one decimal: 200/3 -> `66.6`, never rounded up."""
    tenths = math.floor(value * 10)
    return f"{tenths // 10}.{tenths % 10}"


def coverage(checked: t.CheckedSuite, report: TestRun) -> Coverage:
    """The coverage of every rule of `checked` by the expectations of `report` that held."""
    seen: dict[str, list[r.Outcome]] = {}
    for case in report.results:
        for check in case.checks:
            if check.ok:
                for outcome in check.outcomes:
                    seen.setdefault(outcome.rule, []).append(outcome)
    return Coverage(tuple(_rule(rule, seen.get(rule.id, [])) for rule in checked.rules))


def clause_items(rule: t.CheckedRule) -> list[tuple[Role, str]]:
    """A rule's clauses, as coverage counts them: guard, each require, each unless."""
    items: list[tuple[Role, str]] = []
    if rule.guard_text is not None:
        items.append(("guard", rule.guard_text))
    items += [("require", c.text) for c in rule.constraints]
    items += [("unless", w.text) for w in rule.waivers]
    return items


def _rule(rule: t.CheckedRule, outcomes: list[r.Outcome]) -> RuleCoverage:
    items = clause_items(rule)
    true = [False] * len(items)
    false = [False] * len(items)
    for outcome in outcomes:
        clauses = outcome.evidence.clauses if outcome.evidence is not None else []
        for index, value in _matched(items, clauses):
            if value is True:
                true[index] = True
            elif value is False:
                false[index] = True
    return RuleCoverage(
        rule.id, rule.subject,
        passed=any(o.outcome == "pass" for o in outcomes),
        failed=any(o.outcome == "fail" for o in outcomes),
        clauses=tuple(ClauseCoverage(role, text, true[i], false[i])
                      for i, (role, text) in enumerate(items)))


def _matched(items: list[tuple[Role, str]], clauses: list[r.Clause]
             ) -> list[tuple[int, bool | None]]:
    """Each evidence clause paired with the index of the rule clause it reports."""
    return [(c.index, c.value) for c in clauses
            if 0 <= c.index < len(items) and items[c.index][0] == c.role]


__all__ = ["ClauseCoverage", "Coverage", "RuleCoverage", "clause_items", "coverage",
           "percent_text"]
