"""Office: one suite and its plan data, held in memory; proposals checked against them.

In: suite paths (the bundled Daxing suite by default), plan-data files (the
baseline that aggregate rules read: construction land before the proposals),
an as-of year.  Out: `Office` — the checked suite restricted to the rules that
judge proposals (record and aggregate rules), the baseline restricted to the
indicators those rules read, the quotas, and digests of both (the ledger
records them with every decision).  `check` gives the canonical `Result` of a
request body, exactly as `plancheck check --format json` gives it for those
rules, with aggregate outcomes decided in fractions.  Bad rules or data raise
`DiagnosticError`.  Imports the pipeline's stages; not the web framework.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from checker import result as r
from checker.data.load import PlanData, RecordBatch, choose_schema
from checker.data.plan_data import load_plan_data
from checker.data.problems import display_path
from checker.engine.evaluate import default_as_of, evaluate
from checker.engine.series import SeriesTable
from checker.serve import exact, intake
from checker.serve.quotas import Quota, Standing, quotas_of, settle, standing
from checker.syntax.suite import LoadedSuite, load_suite
from checker.types import typed as t
from checker.types.typecheck import typecheck

Body = Mapping[str, Any]


@dataclass(frozen=True)
class Office:
    checked: t.CheckedSuite  # record and aggregate rules only
    schema: t.RecordSchema
    baseline: PlanData | None
    as_of: int
    quotas: tuple[Quota, ...]
    suite_digest: str
    data_digest: str
    data_shown: str
    table: SeriesTable = field(repr=False)

    @staticmethod
    def open(rules: Sequence[str | Path] | None = None, data: Sequence[str | Path] = (),
             as_of: int | None = None) -> Office:
        loaded = load_suite(rules)
        full = typecheck(loaded.suite)
        checked = dataclasses.replace(full, rules=tuple(
            rule for rule in full.rules if rule.subject != "series"))
        schema = choose_schema(checked.schemas, None)
        paths = [Path(p) for p in data]
        baseline = _baseline(load_plan_data(paths, full.indicators, full.units), checked) \
            if paths else None
        year = as_of if as_of is not None else default_as_of(full, baseline)
        return Office(checked, schema, baseline, year, quotas_of(checked),
                      suite_digest(loaded), data_digest(paths),
                      ", ".join(display_path(p) for p in paths),
                      SeriesTable.build(baseline, full.plan))

    # ------------------------------------------------------------------ checking

    def load(self, body: bytes, suffix: str) -> RecordBatch:
        return intake.load_body(body, suffix, self.schema, self.checked.units)

    def check(self, body: bytes, suffix: str) -> tuple[r.Result, list[dict[str, Any]]]:
        """The result of the proposals in a request body, and the proposals as plain values."""
        batch = self.load(body, suffix)
        bodies = intake.parsed(body, suffix)
        result = self.evaluate(batch, "request" + suffix)
        if self.quotas:
            result = settle(result, self.standings([], bodies))
        return result, bodies

    def evaluate(self, batch: RecordBatch, shown: str,
                 checked: t.CheckedSuite | None = None) -> r.Result:
        inputs = [r.Input(path=shown, kind="records", rows=len(batch))]
        if self.baseline is not None:
            inputs.append(r.Input(path=self.data_shown, kind="plan_data",
                                  rows=len(self.baseline)))
        return evaluate(checked or self.checked, {self.schema.name: batch}, self.baseline,
                        as_of=self.as_of, inputs=inputs)

    def aggregates(self, bodies: Sequence[Body]) -> r.Result:
        """Aggregate rules over stored proposals (each under its own id, so none repeat)."""
        renamed = [{**body, "id": f"#{number}"} for number, body in enumerate(bodies, 1)]
        batch = intake.load_stored(renamed, self.schema, self.checked.units)
        only = dataclasses.replace(self.checked, rules=tuple(
            rule for rule in self.checked.rules if rule.subject == "batch"))
        return self.evaluate(batch, "ledger", only)

    # ------------------------------------------------------------------ quotas

    def baseline_value(self, ref: t.IndicatorRef, year: int | None) -> Fraction | None:
        value, _ = self.table.latest_actual(ref.id, self.checked.plan.region, year, self.as_of)
        return None if value is None else exact.of_float(value)

    def standings(self, approved: Sequence[Body], candidates: Sequence[Body] = ()
                  ) -> list[Standing]:
        return [standing(q, self.baseline_value, approved, candidates, self.schema,
                         self.checked.units) for q in self.quotas]

    def exact_rules(self) -> set[str]:
        """Aggregate rules all of whose constraints are quotas (decided here, in fractions)."""
        counted: dict[str, int] = {}
        for q in self.quotas:
            counted[q.rule.id] = counted.get(q.rule.id, 0) + 1
        return {rule.id for rule in self.checked.rules
                if counted.get(rule.id, 0) == len(rule.constraints)}

    def rule(self, rule_id: str) -> t.CheckedRule | None:
        return self.checked.rule(rule_id)


def _baseline(data: PlanData, checked: t.CheckedSuite) -> PlanData:
    """Only the rows of indicators that aggregate rules read (the rest judge no proposal)."""
    read = {leaf.id for rule in checked.rules if rule.subject == "batch"
            for c in rule.constraints for leaf in t.leaves(c.expr)
            if isinstance(leaf, t.IndicatorRef)}
    keep = data.frame["indicator"].isin(sorted(read)).to_numpy(dtype=bool)
    rows = keep.nonzero()[0].astype("int64")
    return dataclasses.replace(data, frame=data.frame.iloc[rows].reset_index(drop=True),
                               origins=data.origins.take(rows))


def suite_digest(loaded: LoadedSuite) -> str:
    digest = hashlib.sha256()
    for name in sorted(loaded.sources):
        digest.update(name.encode("utf-8") + b"\0" + loaded.sources[name].text.encode("utf-8")
                      + b"\0")
    return "sha256:" + digest.hexdigest()


def data_digest(paths: Sequence[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: display_path(p)):
        digest.update(display_path(path).encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return "sha256:" + digest.hexdigest()
