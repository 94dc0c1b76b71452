"""Evaluate: a checked suite + loaded data -> the canonical `Result`.

In: a `CheckedSuite`, record batches by record name, optional plan data, the
`--as-of` year and `--fail-on` level.  Out: `result.Result` with every rule's
counts, the outcomes a person must see (all of them for small runs), the
indicator series for charts, and the exit code.  Output is deterministic:
outcomes are sorted by rule order, then subject, whatever the input row order.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Literal

from checker import result as r
from checker.engine.annual import annual_table
from checker.engine.env import RecordEnv
from checker.engine.records import (
    RecordBatchLike,
    evaluate_batch_rule,
    evaluate_record_rule,
)
from checker.engine.series import PlanDataLike, SeriesTable, Verdict, evaluate_series_rule
from checker.engine.table import Judged, indicator_table
from checker.syntax import model as m
from checker.types import typed as t

DETAIL_LIMIT = 20_000  # rule × subject pairs up to which passing outcomes are listed too
MAX_LISTED = 100  # outcomes listed per rule in big batches (first ones in id order)
SeriesChoice = Literal["none", "failing", "all"]  # which series the result lists
SERIES_LISTED = 10_000  # series listed by default; beyond, only those a failing rule reads
_FAILING: frozenset[r.OutcomeKind] = frozenset({"fail", "error", "unknown"})


def default_as_of(checked: t.CheckedSuite, data: PlanDataLike | None) -> int:
    """The latest year with annual actual data, else the plan's last year (a half-year
    figure of 2024 does not make 2024 the year of the evaluation)."""
    latest = _latest_actual(data)
    return latest if latest is not None else checked.plan.end


def _latest_actual(data: PlanDataLike | None) -> int | None:
    if data is not None and len(data.frame):
        frame = data.frame
        annual = frame["period"].isna() if "period" in frame.columns else True
        actual = frame[(frame["kind"] == "actual") & annual]
        if len(actual):
            return int(actual["year"].max())
    return None


def with_as_of_note(result: r.Result, data: PlanDataLike | None, as_of: int | None
                    ) -> r.Result:
    """The result with a first note saying how its year was chosen when `--as-of` was not
    given (`default_as_of`), so that every report says why it judges that year."""
    if as_of is not None:
        return result
    why = "the latest year with annual actual data" if _latest_actual(data) is not None \
        else "the plan's last year (no annual actual data was given)"
    note = f"as of {result.as_of}: {why}; `--as-of YEAR` chooses another"
    return result.model_copy(update={"notes": [note, *result.notes]})


def evaluate(checked: t.CheckedSuite, batches: Mapping[str, RecordBatchLike],
             data: PlanDataLike | None, *, as_of: int | None = None,
             fail_on: r.FailOn = "error", inputs: Sequence[r.Input] = (),
             detail_limit: int = DETAIL_LIMIT,
             max_findings: int | None = MAX_LISTED,
             cutoff: datetime.date | None = None,
             series: SeriesChoice | None = None) -> r.Result:
    """`max_findings` caps the outcomes listed per rule in big batches (None: no cap; 0: none
    listed, whatever the batch's size: counts only); counts are complete.
    `cutoff`: the `--as-of` date, when it is one (figures of periods ending after it are
    not used).  `series`: which series the result lists (None: all up to `SERIES_LISTED`,
    else the failing ones)."""
    year = as_of if as_of is not None else default_as_of(checked, data)
    table = SeriesTable.build(data, checked.plan, cutoff)
    envs = {name: RecordEnv(batch.table, batch.ids) for name, batch in batches.items()}
    pairs = sum(len(b.table) for b in batches.values()) * len(checked.rules)
    detailed = pairs <= detail_limit and max_findings != 0
    found: dict[str, tuple[dict[r.OutcomeKind, int] | None, list[r.Outcome]]] = {}
    judged: list[Judged] = []
    for rule in checked.rules:
        verdicts: list[tuple[tuple[str, str], Verdict]] = []
        found[rule.id] = _evaluate_rule(rule, batches, envs, table, data, year, checked,
                                        detailed, max_findings, verdicts)
        judged += [Judged(rule, subject, verdict) for subject, verdict in verdicts]
    return with_as_of_note(
        assemble(checked, found, table, year, fail_on, inputs, detailed, judged, series),
        data, as_of)


def assemble(checked: t.CheckedSuite,
             found: Mapping[str, tuple[dict[r.OutcomeKind, int] | None, list[r.Outcome]]],
             table: SeriesTable, year: int, fail_on: r.FailOn, inputs: Sequence[r.Input],
             detailed: bool, judged: Sequence[Judged],
             series_choice: SeriesChoice | None = None) -> r.Result:
    """The result from each rule's counts and listed outcomes (by rule id; None: no subjects)
    and the series rules' verdicts (for the indicator table), whichever path computed them:
    in memory, in batches or per partition."""
    summaries: list[r.RuleSummary] = []
    outcomes: list[r.Outcome] = []
    titles = {d.name: d.title for d in checked.suite.of(m.SourceDecl)}
    for rule in checked.rules:
        counts, listed = found[rule.id]
        if counts is None:
            continue
        summaries.append(_summary(rule, counts, len(listed), titles))
        outcomes += sorted(listed, key=lambda o: (o.subject, o.origin.text if o.origin else ""))
    keys = sorted(table.values.keys() | table.subannual.keys()
                  | {(i, g, k) for i, g, k, _ in table.bounds})
    chosen, said = listed_series(keys, series_choice, judged)
    series = _series(checked, table, chosen)
    result = _result(checked, summaries, outcomes, series, year, fail_on, inputs, detailed)
    rows = indicator_table(checked, table, list(judged), year)
    update: dict[str, object] = {"indicators": rows,
                                 "annual": annual_table(checked, table, rows, year)}
    notes = [*table.accounts, *table.notes(), *unchecked_data(checked, table), *said]
    if notes:
        update["notes"] = notes
    return result.model_copy(update=update)


def _evaluate_rule(rule: t.CheckedRule, batches: Mapping[str, RecordBatchLike],
                   envs: dict[str, RecordEnv], table: SeriesTable, data: PlanDataLike | None,
                   as_of: int, checked: t.CheckedSuite, detailed: bool, limit: int | None,
                   verdicts: list[tuple[tuple[str, str], Verdict]]
                   ) -> tuple[dict[r.OutcomeKind, int] | None, list[r.Outcome]]:
    """Counts and outcomes of one rule; None when the run has no subjects for it."""
    if rule.subject == "series":
        if data is None:
            return None, []
        return evaluate_series_rule(rule, table, as_of, checked.plan, verdicts,
                                    checked.indicators)
    assert rule.record is not None
    batch = batches.get(rule.record)
    if batch is None:
        return None, []
    env = envs[rule.record]
    if rule.subject == "record":
        return evaluate_record_rule(rule, batch, env, detailed, None if detailed else limit)

    def lookup(ref: t.IndicatorRef, year: int | None) -> tuple[float | None, int | None]:
        return table.latest_actual(ref.id, checked.plan.region, year, as_of)

    counts, outcomes = evaluate_batch_rule(rule, batch, env, lookup)
    return counts, outcomes if limit != 0 else []


def _summary(rule: t.CheckedRule, counts: dict[r.OutcomeKind, int],
             listed: int, titles: Mapping[str, str | None]) -> r.RuleSummary:
    """`titles`: the declared sources' titles by name, for the cites that quote them."""
    span = rule.span
    return r.RuleSummary.model_construct(
        id=rule.id, title=rule.title, kind=rule.kind,
        severity="error" if rule.kind == "binding" else "warning", subject=rule.subject,
        constraints=[c.text for c in rule.constraints],
        citations=[r.Citation.model_construct(
            section=c.section, quote=c.quote, line=c.line, source=c.source,
            source_title=titles.get(c.source) if c.source is not None else None)
            for c in rule.citations],
        location=r.Location.model_construct(path=span.file, line=span.line, column=span.column,
                            text=str(span)),
        counts=counts, listed=listed,
    )


SeriesKey = tuple[str, str, str]  # (indicator, region, kind)


def listed_series(keys: list[SeriesKey], choice: SeriesChoice | None,
                  judged: Sequence[Judged]) -> tuple[list[SeriesKey], list[str]]:
    """The series to list (in order) and a note saying what was left out, if anything.

    A 10^6-row table holds 10^5 series: listing every point would make a 100 MB report,
    so by default a big table lists only the series a failing, erroneous or unknown
    outcome reads, and says so."""
    if choice is None:
        choice = "all" if len(keys) <= SERIES_LISTED else "failing"
    if choice == "all":
        return keys, []
    failing: set[SeriesKey] = set()
    if choice == "failing":
        for one in judged:
            if one.verdict.judgement.outcome in _FAILING:
                region, kind = one.subject
                failing.update((leaf.id, region, kind) for leaf in
                               t.leaves(one.verdict.constraint.expr)
                               if isinstance(leaf, t.IndicatorRef))
    chosen = [key for key in keys if key in failing]
    left = len(keys) - len(chosen)
    if not left:
        return chosen, []
    which = "those a failing, erroneous or unknown outcome reads" if choice == "failing" \
        else "none, as asked"
    return chosen, [f"{left:,} of the {len(keys):,} series of the plan data are not listed "
                    f"in `series` (listed: {which}); `--series all` lists every one"]


def _series(checked: t.CheckedSuite, table: SeriesTable,
            keys: Sequence[SeriesKey]) -> list[r.Series]:
    """The series `keys` of the plan data, with the thresholds rules set on them (charts)."""
    targets: dict[str, list[tuple[r.Point, str]]] = {}
    for rule in checked.rules:
        if rule.subject != "series":
            continue
        for c in rule.constraints:
            expr = c.expr
            if isinstance(expr, t.Compare) and isinstance(expr.left, t.IndicatorRef) \
                    and isinstance(expr.right, t.Const) and c.time is not None:
                from checker.engine.series import check_years

                years, _ = check_years(c.time, t.plan_in(checked.plan, rule.period))
                for y in years:
                    point = r.Point.model_construct(year=y, value=float(expr.right.value))
                    targets.setdefault(expr.left.id, []).append((point, rule.id))
    bounded: dict[SeriesKey, list[r.BoundPoint]] = {}
    for (indicator, region, kind, year), figure in sorted(table.bounds.items()):
        bounded.setdefault((indicator, region, kind), []).append(r.BoundPoint.model_construct(
            year=year, low=figure.low, high=figure.high, text=figure.text))
    out = []
    for indicator, region, kind in keys:
        points = table.values.get((indicator, region, kind), {})
        parts = table.subannual.get((indicator, region, kind), [])
        spec = checked.indicators.get(indicator)
        unit = (spec.unit.symbol or spec.unit.name) if spec and spec.unit else ""
        marks = targets.get(indicator, [])
        out.append(r.Series.model_construct(
            indicator=indicator, name=spec.display if spec else None, region=region,
            kind=kind if kind in ("actual", "target") else "actual", unit=unit,
            points=[r.Point.model_construct(year=y, value=v) for y, v in sorted(points.items())],
            targets=sorted({p for p, _ in marks}, key=lambda p: (p.year, p.value or 0)),
            rules=sorted({rule_id for _, rule_id in marks}),
            parts=sorted(parts, key=lambda p: (p.end, p.period)),
            bounds=bounded.get((indicator, region, kind), []),
        ))
    return out


def unchecked_data(checked: t.CheckedSuite, table: SeriesTable) -> list[str]:
    """Plan data that no rule reads (an indicator no rule uses, or a region outside every
    rule's scope): said in the result, never dropped silently."""
    covered: set[tuple[str, str]] = set()
    for rule in checked.rules:
        if rule.subject == "series":
            for c in rule.constraints:
                for leaf in t.leaves(c.expr):
                    if isinstance(leaf, t.IndicatorRef):
                        covered.update((leaf.id, region) for region in c.regions or rule.regions)
        elif rule.subject == "batch":  # a batch rule reads the plan's region at the baseline
            covered.update((leaf.id, checked.plan.region) for c in rule.constraints
                           for leaf in t.leaves(c.expr) if isinstance(leaf, t.IndicatorRef))
    baseline = {i.id for i in checked.indicators.values() if i.baseline_only}
    by_region: dict[str, set[str]] = {}
    for indicator, region, _ in table.values:
        if (indicator, region) not in covered and indicator not in baseline:
            by_region.setdefault(region, set()).add(indicator)
    outside = [f"not in the catalogue: {_rows(rows)} of `{name}`"
               for name, rows in table.uncatalogued]
    named = [f"read as `{ident}` by its name: {_rows(rows)} of `{word}`"
             for word, ident, rows in table.named]
    return outside + named + [f"plan data for `{region}` is not checked by any rule: "
                      + ", ".join(f"`{i}`" for i in sorted(indicators))
                      for region, indicators in sorted(by_region.items())]


def _rows(count: int) -> str:
    return f"{count:,} row{'s' if count != 1 else ''}"


def exit_code(rules: Sequence[r.RuleSummary], fail_on: r.FailOn) -> int:
    """1 when any outcome is at or above `fail_on` (from the complete counts, not listings)."""
    if fail_on == "never":
        return 0
    for rule in rules:
        counts = rule.counts
        if counts.get("error", 0):
            return 1
        if counts.get("fail", 0) and (fail_on != "error" or rule.severity == "error"):
            return 1
        if counts.get("unknown", 0) and fail_on == "unknown":
            return 1
    return 0


def _result(checked: t.CheckedSuite, summaries: list[r.RuleSummary],
            outcomes: list[r.Outcome], series: list[r.Series], as_of: int, fail_on: r.FailOn,
            inputs: Sequence[r.Input], detailed: bool) -> r.Result:
    totals = {k: sum(s.counts.get(k, 0) for s in summaries) for k in r.OUTCOMES}
    subjects = len({(o.subject_kind, o.subject) for o in outcomes}) if detailed else sum(
        i.rows for i in inputs if i.kind == "records")
    files = sorted({s.span.file for s in checked.suite.statements()} - {"<prelude>"})
    plan = checked.plan
    return r.Result.model_construct(
        suite=r.SuiteInfo.model_construct(plan=plan.id, title=plan.title,
                                          period=(plan.start, plan.end),
                                          rules=len(checked.rules), files=files,
                                          language=plan.language),
        as_of=as_of, fail_on=fail_on, inputs=list(inputs), rules=summaries,
        outcomes=outcomes, series=series,
        summary=r.Summary.model_construct(
            subjects=subjects, outcomes=totals,
            errors=sum(s.counts.get("error", 0) + (s.counts.get("fail", 0)
                       if s.severity == "error" else 0) for s in summaries),
            warnings=sum(s.counts.get("unknown", 0) + (s.counts.get("fail", 0)
                         if s.severity == "warning" else 0) for s in summaries),
            complete=detailed, exit_code=exit_code(summaries, fail_on)),
    )


__all__ = ["assemble", "evaluate", "exit_code"]
