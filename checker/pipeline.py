"""Pipeline: everything behind `plancheck check` and `checker.check(...)`.

In: data files (proposals and plan data), a suite, an as-of year, a fail-on
level.  Out: the canonical `Result`.  Bad rules or data raise
`DiagnosticError` with every diagnostic; a failing proposal is an outcome.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Final, Protocol

from checker import result as r
from checker.data.load import load
from checker.diagnostics import Diagnostic, DiagnosticError
from checker.engine.evaluate import MAX_LISTED, SeriesChoice, evaluate
from checker.syntax.suite import LoadedSuite
from checker.types import typed as t
from checker.types.cached import load_checked
from checker.types.typecheck import typecheck


class RowProgress(Protocol):
    """Told after each streamed batch: rows checked so far, rows expected in all (None:
    unknown); on Dask, after each partition, also `parts`: partitions done and in all."""

    def __call__(self, rows: int, total: int | None,
                 parts: tuple[int, int] | None = None) -> None: ...


def check(files: Sequence[str | Path], rules: Sequence[str | Path] | None = None, *,
          as_of: int | None = None, fail_on: r.FailOn = "error", record: str | None = None,
          max_findings: int | None = MAX_LISTED, loaded: LoadedSuite | None = None
          ) -> r.Result:
    """Check proposals and plan data against a suite (the bundled Daxing suite by default;
    a suite not given as `loaded` is read through the cache of `types.cached`)."""
    checked = typecheck(loaded.suite) if loaded is not None else load_checked(rules)[1]
    return check_with(checked, files, as_of=as_of, fail_on=fail_on, record=record,
                      max_findings=max_findings)


def check_with(checked: t.CheckedSuite, files: Sequence[str | Path], *,
               as_of: int | None = None, fail_on: r.FailOn = "error",
               record: str | None = None, max_findings: int | None = MAX_LISTED,
               batch_rows: int | None = None, engine: str = "local",
               scheduler: str | None = None, strict: bool = False,
               cutoff: datetime.date | None = None, sheet: str | None = None,
               series: SeriesChoice | None = None,
               progress: RowProgress | None = None) -> r.Result:
    """`batch_rows`: stream the proposals in batches of that many rows (by default, Parquet
    proposals of more than `data.batches.BATCH_ROWS` rows stream); `engine="dask"`: each
    Parquet file of the proposals is a partition, evaluated on a Dask cluster (the one at
    `scheduler`, else a local one).  Whichever way, the result is the same.  `strict`:
    plan data naming an indicator outside the catalogue is D340, not a note.  `cutoff`: an
    `--as-of` date (`as_of` is its year): figures of periods ending after it are not used.
    `sheet`: the sheet read of every XLSX workbook (`--sheet`; the first by default).
    `series`: which indicator series the result lists (`evaluate.listed_series`).
    `progress`: called after each streamed batch or Dask partition (a run loaded whole
    is one step, and says nothing)."""
    if as_of is not None and not 1900 <= as_of <= 2200:
        raise DiagnosticError([Diagnostic("D300", f"`--as-of {as_of}` is not a year",
                                          help="write a year such as `2023`")])
    if engine == "dask":
        from checker.data.batches import dataset_files
        from checker.pipeline_dask import check_dask

        partitions = [path for argument in files for path in dataset_files(argument)]
        files = partitions
        done = check_dask(checked, partitions, scheduler, as_of=as_of, fail_on=fail_on,
                          record=record, max_findings=max_findings, strict=strict,
                          cutoff=cutoff, progress=progress)
        if done is not None:
            return capped_notes(done)
    streamed = _streamed(checked, files, as_of, fail_on, record, max_findings, batch_rows,
                         strict, cutoff, sheet, progress)
    if streamed is not None:
        return capped_notes(streamed)
    loaded = load(files, checked.schemas, checked.indicators, checked.units, record=record,
                  strict=strict, regions=suite_regions(checked), sheet=sheet,
                  region=checked.plan.region)
    batches = {}
    inputs: list[r.Input] = []
    if loaded.records is not None and loaded.schema is not None:
        batches[loaded.schema.name] = loaded.records
        inputs.append(r.Input.model_construct(path=", ".join(map(str, loaded.record_paths)),
                                              kind="records", rows=len(loaded.records)))
    if loaded.plan_data is not None:
        inputs.append(r.Input.model_construct(path=", ".join(map(str, loaded.data_paths)),
                                              kind="plan_data", rows=len(loaded.plan_data.frame)))
    result = evaluate(checked, batches, loaded.plan_data, as_of=as_of, fail_on=fail_on,
                      inputs=inputs, max_findings=max_findings, cutoff=cutoff, series=series)
    return capped_notes(with_load_warnings(
        result, [*(loaded.records.warnings if loaded.records else ()),
                 *(loaded.plan_data.warnings if loaded.plan_data else ())]))


def with_load_warnings(result: r.Result, warnings: Sequence[Diagnostic]) -> r.Result:
    """Warnings of the load (a row given twice, sheets not read) as the result's first
    notes, so every report says them; they were only in the loaded objects before."""
    if not warnings:
        return result
    said = [f"warning[{d.code}] {d.span if d.span.line else d.span.file}: {d.message}"
            for d in warnings]
    return result.model_copy(update={"notes": [*said, *result.notes]})


NOTES_OF_A_KIND: Final = 20
_NAMED = re.compile(r"`[^`]*`")
_NUMBER = re.compile(r"[0-9][0-9,.]*")


def capped_notes(result: r.Result, limit: int = NOTES_OF_A_KIND) -> r.Result:
    """At most `limit` notes of one kind, then one note counting the rest (deterministic: the
    first in the result's order).  Notes of a kind differ only in the names and numbers they
    hold (one per region no rule checks): 10⁶ plan-data rows once gave a 151 MB report."""
    seen: dict[str, int] = {}
    kept: list[str] = []
    for note in result.notes:
        kind = _NUMBER.sub("N", _NAMED.sub("`…`", note))
        seen[kind] = seen.get(kind, 0) + 1
        if seen[kind] <= limit:
            kept.append(note)
    if len(kept) == len(result.notes):
        return result
    kept += [f"and {count - limit:,} more notes like: {kind}" for kind, count in seen.items()
             if count > limit]
    return result.model_copy(update={"notes": kept})


def suite_regions(checked: t.CheckedSuite) -> set[str]:
    """The plan's region and every region a rule or a clause names."""
    named = {checked.plan.region}
    for rule in checked.rules:
        named.update(rule.regions)
        for constraint in rule.constraints:
            named.update(constraint.regions or ())
    return named


def _streamed(checked: t.CheckedSuite, files: Sequence[str | Path], as_of: int | None,
              fail_on: r.FailOn, record: str | None, max_findings: int | None,
              batch_rows: int | None, strict: bool,
              cutoff: datetime.date | None = None,
              sheet: str | None = None,
              progress: RowProgress | None = None) -> r.Result | None:
    """The run in batches of rows (bounded memory), or None: load the data whole (small
    inputs, other formats, and any input with a problem, which that load reports)."""
    from checker.data.batches import Fallback, plan_stream
    from checker.engine.stream import Accumulator

    plan = plan_stream(files, checked.schemas, checked.indicators, checked.units,
                       record=record, batch_rows=batch_rows, strict=strict, sheet=sheet)
    if plan is None:
        return None
    accumulator = Accumulator(checked, plan.records.schema.name, max_findings=max_findings)
    expected = plan.records.expected_rows() if progress is not None else None
    try:
        for batch in plan.records:
            accumulator.add_batch(batch)
            if progress is not None:
                progress(accumulator.rows, expected)
    except Fallback:
        return None
    return accumulator.result(plan.plan_data, as_of=as_of, fail_on=fail_on,
                              inputs=plan.inputs(accumulator.rows), cutoff=cutoff)
