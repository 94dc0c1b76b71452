"""Streaming evaluation: record batches one after another (or partitions anywhere) -> `Result`.

In: a checked suite, the name of the record the batches hold, and batches of records
(each a `RecordBatchLike` with the rows' own ids and origins).  Out: the same
`result.Result` as `evaluate.evaluate` over all the rows at once, byte for byte:
counts add up, `for all` aggregates merge exactly (`partial`), and the listed
outcomes are the first `--max-findings` in id order, kept as batches go by — so
memory holds one batch and the listings, never the input.  `Partials` are small and
picklable: a partition evaluated on another machine merges the same way.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from checker import result as r
from checker.engine.env import RecordEnv
from checker.engine.evaluate import (
    DETAIL_LIMIT,
    MAX_LISTED,
    assemble,
    default_as_of,
)
from checker.engine.partial import BatchPartial, RecordPartial
from checker.engine.records import (
    CODES,
    RecordBatchLike,
    batch_partial,
    finish_batch_rule,
    record_partial,
)
from checker.engine.series import PlanDataLike, SeriesTable, Verdict, evaluate_series_rule
from checker.engine.table import Judged
from checker.types import typed as t

RulePartial = RecordPartial | BatchPartial


@dataclass
class Partials:
    """What some rows of one record contribute to every rule about that record."""

    rows: int = 0
    rules: dict[str, RulePartial] = field(default_factory=dict)

    def __add__(self, other: Partials) -> Partials:
        merged: dict[str, RulePartial] = dict(self.rules)
        for rule_id, theirs in other.rules.items():
            mine = merged.get(rule_id)
            merged[rule_id] = theirs if mine is None else mine + theirs  # type: ignore[operator]
        return Partials(self.rows + other.rows, merged)

    def trimmed(self, limit: int | None) -> Partials:
        return Partials(self.rows, {rule_id: p.trimmed(limit) if isinstance(p, RecordPartial)
                                    else p for rule_id, p in self.rules.items()})


def partials_of(checked: t.CheckedSuite, record: str, batch: RecordBatchLike, *,
                detailed: bool, limit: int | None = MAX_LISTED,
                below: dict[str, str | None] | None = None) -> Partials:
    """Evaluate every rule about `record` on one batch; `detailed`: list every row."""
    env = RecordEnv(batch.frame, batch.ids)
    rules: dict[str, RulePartial] = {}
    for rule in checked.rules:
        if rule.subject == "series" or rule.record != record:
            continue
        if rule.subject == "record":
            rules[rule.id] = record_partial(rule, batch, env, detailed,
                                            None if detailed else limit,
                                            (below or {}).get(rule.id))
        else:
            rules[rule.id] = batch_partial(rule, env)
    return Partials(len(batch.frame), rules)


@dataclass
class Accumulator:
    """Merges batches as they come and turns the total into the run's `Result`.

    A batch lists every outcome only while the rows so far still allow a run to list them
    all (a partition decides on its own rows): exact, since a run small enough to list
    everything has only such batches.
    """

    checked: t.CheckedSuite
    record: str
    detail_limit: int = DETAIL_LIMIT
    max_findings: int | None = MAX_LISTED
    partials: Partials = field(default_factory=Partials)

    def detailed(self, rows: int) -> bool:
        """Whether a run of `rows` records lists every outcome (as `evaluate` decides)."""
        return rows * len(self.checked.rules) <= self.detail_limit and self.max_findings != 0

    def add_batch(self, batch: RecordBatchLike) -> None:
        upcoming = self.partials.rows + len(batch.frame)
        below = None if self.detailed(upcoming) else {
            rule_id: p.threshold(self.max_findings) for rule_id, p in self.partials.rules.items()
            if isinstance(p, RecordPartial)}
        self.add(partials_of(self.checked, self.record, batch, detailed=self.detailed(upcoming),
                             limit=self.max_findings, below=below))

    def add(self, partials: Partials) -> None:
        """Merge a batch's or a partition's partials (any order gives the same result)."""
        self.partials = self.partials + partials
        if not self.detailed(self.partials.rows):
            self.partials = self.partials.trimmed(self.max_findings)

    @property
    def rows(self) -> int:
        return self.partials.rows

    def result(self, data: PlanDataLike | None, *, as_of: int | None = None,
               fail_on: r.FailOn = "error", inputs: Sequence[r.Input] = (),
               cutoff: datetime.date | None = None) -> r.Result:
        checked = self.checked
        year = as_of if as_of is not None else default_as_of(checked, data)
        table = SeriesTable.build(data, checked.plan, cutoff)
        detailed = self.detailed(self.rows)
        found: dict[str, tuple[dict[r.OutcomeKind, int] | None, list[r.Outcome]]] = {}
        judged: list[Judged] = []
        for rule in checked.rules:
            if rule.subject == "series":
                verdicts: list[tuple[tuple[str, str], Verdict]] = []
                found[rule.id] = (None, []) if data is None else evaluate_series_rule(
                    rule, table, year, checked.plan, verdicts, checked.indicators)
                judged += [Judged(rule, subject, verdict) for subject, verdict in verdicts]
                continue
            partial = self.partials.rules.get(rule.id)
            if partial is None:
                found[rule.id] = (None, [])
            elif isinstance(partial, RecordPartial):
                kept = partial if detailed else partial.trimmed(self.max_findings)
                found[rule.id] = ({CODES[k]: kept.counts[k] for k in range(len(CODES))},
                                  [item.outcome for item in kept.listed])
            else:
                def lookup(ref: t.IndicatorRef, at: int | None, year: int = year
                           ) -> tuple[float | None, int | None]:
                    return table.latest_actual(ref.id, checked.plan.region, at, year)

                counts, outcomes = finish_batch_rule(rule, partial, lookup)
                found[rule.id] = counts, outcomes if self.max_findings != 0 else []
        return assemble(checked, found, table, year, fail_on, inputs, detailed, judged)
