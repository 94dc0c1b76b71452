"""The quotas a batch of proposals draws on, for the HTML page: LAND-02's 319 km² with the
baseline the plan data gives and the batch's share of the room left under the cap.

In: a `Result`.  Out: one `Quota` per batch outcome whose rule compares a sum against a
cap (`x + sum(y) <= 319 km2`): the cap, the total, the baseline (the plan-data value the
rule read, looked up in the result's series: never parsed out of a message) and the
batch's share (total − baseline), with the widths of a bar that runs from the baseline.
Imports only `checker.result`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.result import Outcome, OutcomeKind, Result

_READ = re.compile(r"^(?P<indicator>[\w.]+) \((?P<year>\d{4})\)$")


@dataclass(frozen=True)
class Quota:
    rule: str
    subject: str
    outcome: OutcomeKind
    unit: str
    cap: float
    total: float
    baseline: float | None
    indicator: str | None

    @property
    def share(self) -> float | None:
        return None if self.baseline is None else self.total - self.baseline

    def widths(self) -> tuple[float, float]:
        """(share, cap) as percentages of the bar, which runs from the baseline (or 0) to
        the larger of the cap and the total: the room the baseline leaves, and the share
        of it the batch takes (past the cap's mark when it is over)."""
        start = self.baseline if self.baseline is not None else 0.0
        span = max(self.cap, self.total) - start
        if span <= 0:
            return 0.0, 0.0
        return _pct((self.total - start) / span), _pct((self.cap - start) / span)


def _pct(fraction: float) -> float:
    return round(min(max(fraction, 0.0), 1.0) * 100, 2)


def quotas(result: Result) -> list[Quota]:
    out = []
    for outcome in result.outcomes:
        ev = outcome.evidence
        if (outcome.subject_kind != "batch" or ev is None or ev.observed is None
                or ev.threshold is None or ev.observed.value is None
                or ev.threshold.value is None):
            continue
        indicator, baseline = _baseline(result, outcome)
        out.append(Quota(outcome.rule, outcome.subject, outcome.outcome, ev.threshold.unit,
                         ev.threshold.value, ev.observed.value, baseline, indicator))
    return out


def _baseline(result: Result, outcome: Outcome) -> tuple[str | None, float | None]:
    """The plan-data value the batch rule read (`urban_rural_construction_land (2023)`)."""
    assert outcome.evidence is not None
    for key in outcome.evidence.values:
        found = _READ.match(key)
        if found is None:
            continue
        year = int(found["year"])
        values = [p.value for s in result.series if s.indicator == found["indicator"]
                  and s.kind == "actual" and s.unit == outcome.evidence.observed.unit
                  for p in s.points if p.year == year and p.value is not None] \
            if outcome.evidence.observed else []
        if len(values) == 1:  # one region's value: the baseline; several would be a guess
            return found["indicator"], values[0]
    return None, None
