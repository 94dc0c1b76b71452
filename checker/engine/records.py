"""Record rules (`for each`) and batch rules (`for all`): outcomes for proposals.

In: a checked rule and a batch of records (a frame with nullable dtypes).  Out:
outcome counts for the whole batch and `result.Outcome`s for the rows a person
must see (fail, unknown, error, waived) — all rows when the batch is small.
Outcomes are computed as one int8 array per rule; nothing loops over rows
except the building of the reported outcomes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

import numpy as np

from checker import result as r
from checker.arrow_numpy import flags, int64s
from checker.engine.env import RecordEnv, Table
from checker.engine.evidence import (
    comparison,
    missing_names,
    rule_leaves,
    sentence,
    show,
    truth,
    values_at,
)
from checker.engine.ops import Evaluator, Mask, Vec
from checker.engine.partial import (
    BatchPartial,
    CollectEnv,
    Listed,
    MergedEnv,
    RecordPartial,
)
from checker.syntax import model as m
from checker.types import typed as t

PASS, FAIL, UNKNOWN, NOT_APPLICABLE, PENDING, ERROR = range(6)
CODES: tuple[r.OutcomeKind, ...] = r.OUTCOMES


class RecordBatchLike(Protocol):
    @property
    def table(self) -> Table: ...  # the records: a pandas frame or `data.columnar.Columns`

    ids: Sequence[str]

    def origin(self, index: int) -> r.Location: ...


def severity_of(rule: t.CheckedRule, outcome: r.OutcomeKind) -> r.Severity:
    if outcome == "error":
        return "error"
    if outcome == "fail":
        return "error" if rule.kind == "binding" else "warning"
    if outcome == "unknown":
        return "warning"
    return "info"


def combine_all(vecs: list[Vec]) -> Vec:
    """Kleene `and` of several constraints: known where all are known or one is false."""
    if len(vecs) == 1:
        return vecs[0]
    values = np.logical_and.reduce([v.values.astype(bool) for v in vecs])
    knowns = [v.known_mask() for v in vecs]
    decided_false = np.logical_or.reduce([k & ~v.values.astype(bool)
                                          for k, v in zip(knowns, vecs, strict=True)])
    error = np.logical_or.reduce([v.error_mask() for v in vecs])
    return Vec(values, np.logical_and.reduce(knowns) | decided_false, error)


def combine_any(vecs: list[Vec]) -> Vec:
    """Kleene `or` of several waivers."""
    if len(vecs) == 1:
        return vecs[0]
    values = np.zeros(vecs[0].values.shape, bool)
    known = np.ones(values.shape, bool)
    decided_true = np.zeros(values.shape, bool)
    error = np.zeros(values.shape, bool)
    for vec in vecs:
        k = vec.known_mask()
        decided_true |= k & vec.values.astype(bool)
        known &= k
        error |= vec.error_mask()
    return Vec(decided_true, known | decided_true, error)


def outcome_codes(guard: Vec | None, constraint: Vec, waiver: Vec | None
                  ) -> tuple[np.ndarray, Mask]:
    """One outcome code per row, and which rows were passed by a waiver."""
    ok = constraint.values.astype(bool, copy=False)
    codes = (~ok).astype(np.int8)  # PASS = 0, FAIL = 1
    if constraint.known is not None:
        codes = _put(codes, ~constraint.known, UNKNOWN)
    waived = np.zeros(codes.shape, bool)
    if waiver is not None:
        wk = waiver.known_mask()
        broken = waiver.error_mask() & (codes != PASS)
        granted = wk & waiver.values.astype(bool) & (codes != PASS) & ~broken
        waived = granted
        codes = _put(codes, granted, PASS)
        codes = _put(codes, ~wk & (codes == FAIL), UNKNOWN)
        codes = _put(codes, broken, ERROR)
    if constraint.error is not None:
        codes = _put(codes, constraint.error, ERROR)
    if guard is not None:
        holds = guard.values.astype(bool, copy=False)
        if guard.known is None:
            codes = _put(codes, ~holds, NOT_APPLICABLE)
            waived &= holds
        else:
            codes = _put(codes, guard.known & ~holds, NOT_APPLICABLE)
            codes = _put(codes, ~guard.known, UNKNOWN)
            waived &= guard.known & holds
        if guard.error is not None:
            codes = _put(codes, guard.error, ERROR)
    return codes, waived


def _put(codes: np.ndarray, where: Mask, code: int) -> np.ndarray:
    """`codes` with `code` where `where` holds, in int8 arithmetic: a boolean-mask
    assignment (or `np.where`) branches per row and cost 40x more on masks half true."""
    return codes + where.astype(np.int8) * (np.int8(code) - codes)


def outcome_counts(codes: np.ndarray) -> list[int]:
    """How many rows have each outcome code (one vectorized comparison per code;
    `np.bincount` first widens every int8 code to a machine word)."""
    return [int(np.count_nonzero(codes == code)) for code in range(len(CODES))]


def reported_rows(codes: np.ndarray, waived: Mask) -> Mask:
    """The rows a person must see: fail, unknown, error, or passed by a waiver."""
    found: Mask = (codes == FAIL) | (codes == UNKNOWN) | (codes == ERROR) | waived
    return found


def evaluate_record_rule(rule: t.CheckedRule, batch: RecordBatchLike, env: RecordEnv,
                         detailed: bool, limit: int | None = None
                         ) -> tuple[dict[r.OutcomeKind, int], list[r.Outcome]]:
    """Counts of a `for each` rule and the outcomes to list: all rows when `detailed`,
    else the reported ones (the first `limit` in id order)."""
    partial = record_partial(rule, batch, env, detailed, limit)
    return ({CODES[k]: partial.counts[k] for k in range(len(CODES))},
            [item.outcome for item in partial.listed])


def record_partial(rule: t.CheckedRule, batch: RecordBatchLike, env: RecordEnv,
                   detailed: bool, limit: int | None, below: str | None = None
                   ) -> RecordPartial:
    """One batch's share of a `for each` rule; `below`: only ids under it can still be
    listed (the streaming path already keeps `limit` smaller ones)."""
    evaluate = Evaluator(env)
    guard = evaluate(rule.guard) if rule.guard is not None else None
    parts = [evaluate(c.expr) for c in rule.constraints]
    constraint = combine_all(parts)
    waivers = [evaluate(w.expr) for w in rule.waivers]
    waiver = combine_any(waivers) if rule.waivers else None
    codes, waived = outcome_codes(guard, constraint, waiver)
    counts = outcome_counts(codes)
    reported = reported_rows(codes, waived)
    rows = np.arange(len(codes)) if detailed else _first_by_id(reported, batch.ids, limit, below)
    listing = rows.tolist()
    findings = RecordOutcomes(rule, batch, evaluate.seen, guard, parts, waivers, listing)
    listed = [Listed(str(batch.ids[i]), bool(reported[i]),
                     findings.outcome(i, CODES[codes[i]], bool(waived[i])))
              for i in listing]
    listed.sort(key=lambda item: item.subject)
    return RecordPartial(counts, listed, detailed)


def _first_by_id(reported: Mask, ids: Sequence[str], limit: int | None,
                 below: str | None) -> np.ndarray:
    """The reported rows whose ids come first (at most `limit`), in row order."""
    none = np.zeros(0, dtype=np.intp)
    if limit == 0:
        return none
    least = getattr(ids, "least", None)
    if below is not None and least is not None and (low := least()) is not None \
            and low >= below:
        return none  # a later batch of ascending ids: all past the ones kept
    rows = np.flatnonzero(reported)
    if (limit is None or len(rows) <= limit) and below is None:
        return rows
    arrow = getattr(ids, "arrow", None)
    names_array = arrow() if arrow is not None else None
    if names_array is not None:
        return _first_by_arrow_id(rows, names_array, limit, below)
    index = getattr(ids, "values", None)
    names = np.asarray(index[rows] if index is not None else [ids[i] for i in rows.tolist()],
                       dtype=object)
    if below is not None:
        keep = names < below
        rows, names = rows[keep], names[keep]
    if limit is None or len(rows) <= limit:
        return rows
    order = np.argsort(names, kind="stable")[:limit]
    return np.sort(rows[order])


def _first_by_arrow_id(rows: np.ndarray, ids: Any, limit: int | None,
                       below: str | None) -> np.ndarray:
    """`_first_by_id` over a batch's ids as an Arrow array: compared and sorted by Arrow
    (UTF-8 byte order is code-point order, as Python compares `str`; the sort is stable),
    since boxing 10⁵ ids as Python strings to sort them cost more than the rules.  Arrays
    go to and from Arrow through their buffers: pyarrow's own conversions import pandas."""
    import pyarrow.compute as pc

    if hasattr(ids, "combine_chunks"):  # a pandas index's Arrow storage: chunked
        ids = ids.combine_chunks()
    names = ids.take(int64s(rows))
    if below is not None:
        keep = flags(pc.less(names, _one_text(below).cast(names.type)[0]))
        rows, names = rows[keep], names.take(int64s(np.flatnonzero(keep)))
    if limit is None or len(rows) <= limit:
        return rows
    order = pc.array_sort_indices(names)
    positions = np.frombuffer(order.buffers()[1], dtype=np.uint64, count=len(order),
                              offset=order.offset * 8)[:limit].astype(np.intp)
    return np.sort(rows[positions])


def _one_text(text: str) -> Any:
    """A one-element Arrow string array of `text`, built from its bytes."""
    import pyarrow as pa

    data = text.encode("utf-8")
    offsets = np.array([0, len(data)], dtype=np.int32)
    return pa.Array.from_buffers(pa.string(), 1, [None, pa.py_buffer(offsets),
                                                  pa.py_buffer(data)])



def clauses_at(rule: t.CheckedRule, guard: Vec | None, parts: list[Vec],
               waiver_parts: list[Vec], index: int | tuple[int, int]) -> list[r.Clause]:
    out = []
    first = clause_offset(rule)
    if guard is not None and rule.guard_text is not None:
        out.append(r.Clause.model_construct(role="guard", text=rule.guard_text,
                                            value=truth(guard, index), index=0, year=None))
    for i, (c, vec) in enumerate(zip(rule.constraints, parts, strict=True)):
        out.append(r.Clause.model_construct(role="require", text=c.text, value=truth(vec, index),
                                            index=first + i, year=None))
    first += len(rule.constraints)
    for i, (w, vec) in enumerate(zip(rule.waivers, waiver_parts, strict=True)):
        out.append(r.Clause.model_construct(role="unless", text=w.text, value=truth(vec, index),
                                            index=first + i, year=None))
    return out


def clause_offset(rule: t.CheckedRule) -> int:
    """The index of a rule's first `require` among its clauses (after the guard, if any)."""
    return 0 if rule.guard_text is None else 1


class RecordOutcomes:
    """Builds the listed outcomes of one record rule; what is per rule is done once, and
    the described fields of the `rows` listed are read a column at a time."""

    def __init__(self, rule: t.CheckedRule, batch: RecordBatchLike, seen: dict[int, Vec],
                 guard: Vec | None, parts: list[Vec], waivers: list[Vec],
                 rows: list[int]) -> None:
        self.rule, self.batch, self.seen = rule, batch, seen
        self.guard, self.parts, self.waivers = guard, parts, waivers
        self.read = rule_leaves(rule)
        self.defaulted = getattr(batch, "defaulted", None)  # rows a schema default filled
        self.by_constraint = {id(c): t.leaves(c.expr) for c in rule.constraints}
        self.decidable = [rule.guard] if rule.guard is not None else []
        self.decidable += [c.expr for c in rule.constraints]
        self.details = dict(zip(rows, details_of(batch, described_fields(batch), rows),
                                strict=True))

    def outcome(self, index: int, outcome: r.OutcomeKind, waived: bool) -> r.Outcome:
        rule, seen = self.rule, self.seen
        decisive = next((c for c, vec in zip(rule.constraints, self.parts, strict=True)
                         if truth(vec, index) is not True), rule.constraints[0])
        observed, threshold, margin = comparison(decisive.expr, seen, index)
        missing = missing_names(self.decidable, seen, index) if outcome == "unknown" else []
        evidence = r.Evidence.model_construct(
            clauses=clauses_at(rule, self.guard, self.parts, self.waivers, index),
            observed=observed, threshold=threshold, margin=margin,
            values=values_at(self.read, seen, index, self.defaulted), years=[], missing=missing)
        label = next((w.label for w, vec in zip(rule.waivers, self.waivers, strict=True)
                      if truth(vec, index) is True), None) if waived else None
        shown = values_at(self.by_constraint[id(decisive)], seen, index, self.defaulted)
        message = _message(outcome, decisive, observed, threshold, margin, missing, label,
                           shown)
        return r.Outcome.model_construct(
            rule=rule.id, subject=str(self.batch.ids[index]), subject_kind="record",
            subject_details=self.details[index],
            outcome=outcome, severity=severity_of(rule, outcome), message=message,
            trajectory=None, waived_by=label, origin=self.batch.origin(index),
            evidence=evidence)


def described_fields(batch: RecordBatchLike) -> list[str]:
    """The fields that say what a proposal is (its text and plain enum fields but the id:
    name, town, zone …), in schema order; an ordinal scale is a measure, not a name."""
    schema = getattr(batch, "schema", None)
    if schema is None:
        return []
    return [name for name, spec in schema.fields.items()
            if name != "id" and name in getattr(batch.table, "columns", ())
            and (isinstance(spec.type, t.TextT)
                 or (isinstance(spec.type, t.EnumT) and not spec.type.ordered))]


def details_of(batch: RecordBatchLike, names: Sequence[str],
               rows: list[int]) -> list[list[r.Detail]]:
    """The described fields of each of `rows` that have a value, read from the batch's own
    columns (pandas or numpy) a column at a time: one take per column, not per cell."""
    out: list[list[r.Detail]] = [[] for _ in rows]
    if not rows:
        return out
    schema = getattr(batch, "schema", None)
    for name in names:
        column: Any = batch.table[name]
        if hasattr(column, "iloc"):
            taken: list[object] = column.iloc[rows].tolist()
        else:
            values, known, labels = column.as_arrays()
            spec = schema.fields[name].type if schema is not None else None
            items = labels or (spec.items if isinstance(spec, t.EnumT) else ())
            codes = values[rows].tolist()
            present = [True] * len(rows) if known is None else known[rows].tolist()
            taken = [items[code] if is_known and 0 <= code < len(items) else None
                     for code, is_known in zip(codes, present, strict=True)]
        for details, value in zip(out, taken, strict=True):
            if isinstance(value, str) and value.strip():  # NA (missing) is no str
                details.append(r.Detail.model_construct(field=name, value=value))
    return out


def _message(outcome: r.OutcomeKind, decisive: t.Constraint, observed: r.Amount | None,
             threshold: r.Amount | None, margin: r.Margin | None, missing: list[str],
             label: str | None, shown: dict[str, str] | None = None) -> str:
    op = decisive.expr.op if isinstance(decisive.expr, t.Compare) else None
    match outcome:
        case "fail":
            return sentence(decisive.text, observed, threshold, op, margin, shown)
        case "unknown":
            names = ", ".join(f"`{n}`" for n in missing) or "data"
            return f"cannot decide: {names} missing"
        case "error":
            return f"`{decisive.text}` could not be evaluated (division by zero)"
        case "not_applicable":
            return "the rule's guard does not hold"
        case _:
            return f"waived: {label}" if label else f"`{decisive.text}` holds"


def _record_gaps(partial: BatchPartial) -> list[str]:
    """The records whose missing values leave an aggregate undecided, then how many more."""
    named: list[str] = []
    more = 0
    for aggregate in (a for found in partial.aggregates for a in found if a.unknown):
        named += [gap for gap in aggregate.gaps if gap not in named]
        more += aggregate.gap_count - len(aggregate.gaps)
    return named + ([f"{more:,} more record{'s' if more != 1 else ''}"] if more > 0 else [])


def evaluate_batch_rule(rule: t.CheckedRule, batch: RecordBatchLike, env: RecordEnv,
                        lookup: Callable[[t.IndicatorRef, int | None],
                                         tuple[float | None, int | None]]
                        ) -> tuple[dict[r.OutcomeKind, int], list[r.Outcome]]:
    """A `for all` rule: one outcome for the whole batch (plan baseline + Σ of the batch)."""
    return finish_batch_rule(rule, batch_partial(rule, env), lookup)


def batch_partial(rule: t.CheckedRule, env: RecordEnv) -> BatchPartial:
    """One batch's share of a `for all` rule: how many records it selects, its aggregates."""
    size = env.shape[0]
    if rule.guard is not None:
        guard = Evaluator(env)(rule.guard)
        gk = guard.known_mask()
        selected = gk & guard.values.astype(bool)
        uncertain = ~gk
    else:
        selected, uncertain = np.ones(size, bool), np.zeros(size, bool)
    aggregates = []
    for c in rule.constraints:
        collect = CollectEnv(env, selected)
        Evaluator(collect)(c.expr)
        aggregates.append(collect.found)
    return BatchPartial(int(selected.sum()), bool(uncertain.any()), aggregates)


def finish_batch_rule(rule: t.CheckedRule, partial: BatchPartial,
                      lookup: Callable[[t.IndicatorRef, int | None],
                                       tuple[float | None, int | None]]
                      ) -> tuple[dict[r.OutcomeKind, int], list[r.Outcome]]:
    """The one outcome of a `for all` rule from its merged partial."""
    parts: list[Vec] = []
    seen: dict[int, Vec] = {}
    used: dict[str, int | None] = {}
    for c, aggregates in zip(rule.constraints, partial.aggregates, strict=True):
        year = c.time.year if isinstance(c.time, m.AtYear) else None
        env_batch = MergedEnv(aggregates, partial.uncertain, _bound(lookup, year))
        evaluate = Evaluator(env_batch)
        parts.append(evaluate(c.expr))
        seen.update(evaluate.seen)
        used.update(env_batch.used_years)
    constraint = combine_all(parts)
    codes, _ = outcome_codes(None, constraint, None)
    outcome = CODES[int(codes[0])]
    decisive = next((c for c, vec in zip(rule.constraints, parts, strict=True)
                     if truth(vec, 0) is not True), rule.constraints[0])
    observed, threshold, margin = comparison(decisive.expr, seen, 0)
    missing = missing_names([c.expr for c in rule.constraints], seen, 0) \
        if outcome == "unknown" else []
    if outcome == "unknown":
        missing = _record_gaps(partial) or missing
    if outcome == "unknown" and partial.uncertain:
        missing.append("guard fields of some records")
    values = _indicator_values(rule, seen, used)
    evidence = r.Evidence.model_construct(
        clauses=clauses_at(rule, None, parts, [], 0), observed=observed, threshold=threshold,
        margin=margin, values={**values, "records counted": str(partial.selected)},
        years=[], missing=missing)
    message = _message(outcome, decisive, observed, threshold, margin, missing, None)
    result = r.Outcome.model_construct(
        rule=rule.id, subject=f"all {rule.record}", subject_kind="batch", outcome=outcome,
        severity=severity_of(rule, outcome), message=message, trajectory=None, waived_by=None,
        origin=None, evidence=evidence)
    counts = {k: 0 for k in CODES}
    counts[outcome] = 1
    return counts, [result]


def _indicator_values(rule: t.CheckedRule, seen: dict[int, Vec],
                      used: dict[str, int | None]) -> dict[str, str]:
    out: dict[str, str] = {}
    for c in rule.constraints:
        for leaf in t.leaves(c.expr):
            vec = seen.get(id(leaf))
            if isinstance(leaf, t.IndicatorRef) and vec is not None:
                year = used.get(leaf.id)
                key = f"{leaf.id} ({year})" if year is not None else leaf.id
                out[key] = show(leaf.type, vec, 0)[2]
    return out


def _bound(lookup: Callable[[t.IndicatorRef, int | None], tuple[float | None, int | None]],
           year: int | None) -> Callable[[t.IndicatorRef], tuple[float | None, int | None]]:
    """The indicator lookup of one constraint: its `at YEAR`, else the latest actual."""
    return lambda ref: lookup(ref, ref.year if ref.year is not None else year)
