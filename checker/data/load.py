"""Load: data files -> typed frames, or diagnostics (the data boundary of the pipeline).

In: paths of proposals (YAML, JSON, CSV, XLSX, Parquet) and plan data (long
CSV/XLSX/Parquet tables), with the checked suite's schemas, indicators and
units.  Out: `Loaded` — a `RecordBatch` and `PlanData` with nullable columns —
or one `DiagnosticError` carrying every D3xx diagnostic of every file: a bad
proposal never hides a bad data table.  Missing data never passes: blank cells
stay NA, bad values and unknown names are errors with their row, and nothing is
dropped or coerced without a word.

The work is split by concern: `tables` (reading tables, `classify`),
`documents` (YAML/JSON with positions), `values` (one value), `columns` (a
column at once), `records`, `plan_data`; `schemas` builds the pydantic model.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from checker.data.file_kinds import classify
from checker.data.plan_data import PlanData, load_plan_data
from checker.data.problems import Origins, file_span
from checker.data.records import Ids, RecordBatch, load_records
from checker.diagnostics import Diagnostic, DiagnosticError
from checker.source import SourceFile
from checker.types.typed import IndicatorSpec, RecordSchema
from checker.types.units import UnitTable

__all__ = ["Ids", "Loaded", "Origins", "PlanData", "RecordBatch", "classify", "load",
           "load_plan_data", "load_records"]

T = TypeVar("T")


@dataclass(frozen=True)
class Loaded:
    """What a run's data files hold, and which files held what."""

    records: RecordBatch | None
    plan_data: PlanData | None
    record_paths: tuple[Path, ...] = ()
    data_paths: tuple[Path, ...] = ()
    schema: RecordSchema | None = None


@dataclass
class _Collector:
    """Every diagnostic of every file, with the texts needed to show them."""

    problems: list[Diagnostic] = field(default_factory=list)
    sources: dict[str, SourceFile] = field(default_factory=dict)

    def attempt(self, step: Callable[[], T]) -> T | None:
        try:
            return step()
        except DiagnosticError as error:
            self.problems += error.diagnostics
            self.sources.update(error.sources)
            return None


def load(paths: Sequence[str | Path], schemas: Mapping[str, RecordSchema],
         indicators: dict[str, IndicatorSpec], units: UnitTable, *,
         record: str | None = None, strict: bool = False,
         regions: Collection[str] = (), sheet: str | None = None,
         region: str | None = None) -> Loaded:
    """Sort files into proposals and plan data and load both; all diagnostics at once.

    `record` names the record schema of the proposals when the suite has several; `sheet`
    the sheet read of every workbook (`--sheet`; the first by default).
    """
    found = _Collector()
    kinds: dict[str, list[Path]] = {"records": [], "plan_data": []}
    for path in map(Path, paths):
        problem = path_problem(path)
        if problem is not None:
            found.problems.append(problem)
            continue
        kind = found.attempt(lambda path=path: classify(path, sheet))  # type: ignore[misc]
        if kind is not None:
            kinds[kind].append(path)
    schema = None
    if kinds["records"]:
        schema = found.attempt(lambda: choose_schema(schemas, record))
    records = data = None
    if schema is not None:
        records = found.attempt(lambda: load_records(kinds["records"], schema, units,
                                                          sheet=sheet))
    if kinds["plan_data"]:
        data = found.attempt(lambda: load_plan_data(kinds["plan_data"], indicators, units,
                                                    strict=strict, regions=regions,
                                                    sheet=sheet, region=region))
    if found.problems:
        raise DiagnosticError(found.problems, found.sources)
    return Loaded(records, data, tuple(kinds["records"]), tuple(kinds["plan_data"]), schema)


def path_problem(path: Path) -> Diagnostic | None:
    """Why `path` cannot be read as a data file, if it cannot (D301, like the readers)."""
    if path.is_file():
        return None
    where = file_span(str(path))
    if path.is_dir():
        return Diagnostic("D301", f"`{path}` is a folder, not a data file", where,
                          help="name the files: proposals (YAML, JSON, CSV, XLSX, Parquet) "
                          "and plan-data tables")
    try:
        path.stat()
    except OSError as error:  # missing, a symlink loop, no permission on a folder
        reason = (error.strerror or str(error)).lower()
        return Diagnostic("D301", f"cannot read `{path}`: {reason}", where,
                          help="check the path and that the file is readable")
    return Diagnostic("D301", f"cannot read `{path}`: it is not a regular file (a pipe or a "
                      "device)", where, help="name a data file; a pipe would be read forever")


def choose_schema(schemas: Mapping[str, RecordSchema], record: str | None) -> RecordSchema:
    """The record schema proposals are read with: the one named, or the suite's only one."""
    if record is not None:
        if record not in schemas:
            raise DiagnosticError([Diagnostic("D300", f"unknown record `{record}`",
                                              help="the suite declares: "
                                              + ", ".join(sorted(schemas)))])
        return schemas[record]
    if not schemas:
        raise DiagnosticError([Diagnostic("D309", "proposals given, but the suite has no "
                                          "record schema", help="declare a `record` in the suite")])
    if len(schemas) != 1:
        raise DiagnosticError([Diagnostic(
            "D300", f"proposals given, but the suite declares {len(schemas)} record schemas",
            help="name the record with `--record NAME`")])
    return next(iter(schemas.values()))
