"""What the analysis could not decide, as findings: an incomplete analysis is never
reported as a consistent one.

In: the parts left unread for their nesting (`Encoder.too_deep`), the checks kept as
undecided (`Search.undecided`) and the checked rules.  Out: A530 (an expression
nested too deeply to analyze) and A531: one per set of rules whose check the solver
could not decide (its answer `unknown`, or its time limit per check), naming those
rules, and one for all the checks a limit of the run left unmade (its time budget,
scopes, checks per scope).
Imports `typed` and the `analysis` modules.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.analysis.findings import Finding, Involved
from checker.analysis.limits import Limits
from checker.analysis.parts import Part
from checker.analysis.solver.search import Undecided
from checker.analysis.words import involved
from checker.source import NO_SPAN
from checker.types import typed as t

NAMED = 10  # rules named (with their clause) in one finding; the rest are counted


def incomplete(too_deep: Sequence[Part], late: Sequence[Part], undecided: Sequence[Undecided],
               checked: t.CheckedSuite, limits: Limits) -> list[Finding]:
    """`late`: parts the run's budget left unread (`Encoder.late`)."""
    unread = [Undecided(f"rule {rule}", (rule,), f"the run's budget of "
                        f"{limits.run_seconds:g} s was spent before its clauses were read",
                        limit=True) for rule in dict.fromkeys(p.rule for p in late if p.rule)]
    return [*_too_deep(too_deep, limits), *_unsolved(undecided, checked),
            *_stopped([*undecided, *unread], checked)]


def _too_deep(parts: Sequence[Part], limits: Limits) -> list[Finding]:
    out: dict[tuple[str, object], Finding] = {}
    for part in parts:
        if part.rule and (part.rule, part.span) not in out:
            out[part.rule, part.span] = Finding(
                "A530", f"an expression of rule `{part.rule}` is nested too deeply to analyze",
                involved([part], "not analyzed"),
                f"`{part.text}` nests {part.nesting} levels, more than the {limits.nesting} "
                "the analysis reads; it is left out, so no finding about it is claimed and "
                "none is ruled out",
                help="split it with a `where` clause, an indicator or a reading; "
                     "`plancheck check` still evaluates it")
    return list(out.values())


def _unsolved(undecided: Sequence[Undecided], checked: t.CheckedSuite) -> list[Finding]:
    groups: dict[tuple[str, ...], list[Undecided]] = {}
    for item in undecided:
        if not item.limit and item.rules:
            groups.setdefault(item.rules, []).append(item)
    out = []
    for rules, items in groups.items():
        first = items[0]
        more = f" (and {len(items) - 1} other checks of these rules)" if len(items) > 1 else ""
        out.append(Finding(
            "A531", f"the analysis of {_names(rules)} is incomplete: a check was not decided",
            _clauses(rules, checked),
            f"check `{first.what}`{more}: {first.reason}; no finding about "
            f"{'it' if len(rules) == 1 else 'them'} is claimed, and "
            f"{'it is' if len(rules) == 1 else 'they are'} not shown consistent",
            help="a product or quotient of two unknowns is non-linear and may not be "
                 "decidable; write the bound on each value, or check these rules by hand"))
    return out


def _stopped(undecided: Sequence[Undecided], checked: t.CheckedSuite) -> list[Finding]:
    items = [u for u in undecided if u.limit]
    if not items:
        return []
    rules = tuple(sorted({r for u in items for r in u.rules}))
    reasons = "; ".join(dict.fromkeys(u.reason for u in items))
    return [Finding(
        "A531", "the analysis stopped at a limit: some checks were not made",
        _clauses(rules, checked),
        f"{len(items)} check{'s' if len(items) != 1 else ''} of {len(rules)} rule"
        f"{'s' if len(rules) != 1 else ''} not made ({reasons}); the rules are not shown "
        "consistent",
        help="split the suite, or analyze the rules of one subject at a time")]


def _names(rules: Sequence[str]) -> str:
    quoted = [f"`{r}`" for r in rules[:NAMED]]
    if len(rules) > NAMED:
        return "rules " + ", ".join(quoted) + f" and {len(rules) - NAMED} more"
    if len(quoted) <= 2:
        return "rule " + quoted[0] if len(quoted) == 1 else "rules " + " and ".join(quoted)
    return "rules " + ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _clauses(rules: Sequence[str], checked: t.CheckedSuite) -> tuple[Involved, ...]:
    """The first constraint of each rule named (at most `NAMED`), where it is written."""
    by_id = {r.id: r for r in checked.rules}
    out = []
    for ident in (rules or [r.id for r in checked.rules[:1]])[:NAMED]:
        rule = by_id.get(ident)
        if rule is None:
            continue
        if rule.constraints:
            first = rule.constraints[0]
            span = first.expr.span if first.expr.span != NO_SPAN else first.span
            out.append(Involved(ident, span, first.text, "not decided"))
        else:
            out.append(Involved(ident, rule.span, ident, "not decided"))
    return tuple(out)
