"""Summary: a short, human description of what a loaded suite contains."""

from __future__ import annotations

from checker.syntax import model as m
from checker.syntax.suite import LoadedSuite
from checker.types import typed as t


def describe(loaded: LoadedSuite, checked: t.CheckedSuite | None = None) -> str:
    """`checked`: the kind a rule has without stating it (its indicator's, else
    anticipatory) is shown, not `?`."""
    suite = loaded.suite
    lines: list[str] = []
    for plan in suite.of(m.Plan):
        period = plan.period
        span = f" ({period.start}–{period.end})" if period else ""
        lines.append(f"plan {plan.id}{span}: {plan.text('title') or ''}")
    units = suite.of(m.BaseUnit) + suite.of(m.DerivedUnit)
    rules = suite.of(m.Rule)
    counts = [
        ("units", len(units)),
        ("sets and scales", len(suite.of(m.SetDecl)) + len(suite.of(m.ScaleDecl))),
        ("indicators", len(suite.of(m.Indicator))),
        ("record schemas", len(suite.of(m.Record))),
        ("rules", len(rules)),
        ("tests", len(suite.of(m.Test))),
    ]
    lines += [f"  {label:<16} {count:>4}" for label, count in counts]
    kinds: dict[str, str] = {r.id: r.kind for r in checked.rules} if checked else {}
    unstated = []
    for rule in rules:
        stated = next((c.kind for c in rule.clauses_of(m.KindClause)), None)
        if stated is None:
            unstated.append(rule.id)
        kind = stated or kinds.get(rule.id, "?")
        lines.append(f"  {rule.id:<14} {kind:<12} {rule.title or ''}")
    if unstated and kinds:
        lines.append(f"  (no `kind` in {', '.join(unstated)}: the indicator's kind, else "
                     "anticipatory)")
    return "\n".join(lines)
