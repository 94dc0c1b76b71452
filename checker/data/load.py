"""Load: data files -> typed DataFrames, or diagnostics (the data boundary of the pipeline).

In: paths of proposals (YAML, JSON, CSV, XLSX, Parquet) and plan data (long
CSV/XLSX/Parquet tables), with the checked suite's schema, indicators and
units.  Out: `RecordBatch` and `PlanData` with nullable columns, or
`DiagnosticError` carrying every D3xx diagnostic of every file.  Missing data
never passes: blank cells stay NA, bad values and unknown names are errors
with their row, and nothing is dropped or coerced without a word.

The work is split by concern: `tables` (reading tables, `classify`),
`documents` (YAML/JSON with positions), `values` (one value),
`columns` (a column at once), `records`, `plan_data`; `schemas`
builds the pydantic model.  Only these modules and `evaluate*` import pandas.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from checker.data.plan_data import PlanData, load_plan_data
from checker.data.problems import Origins
from checker.data.records import Ids, RecordBatch, load_records
from checker.data.tables import classify
from checker.diagnostics import Diagnostic, DiagnosticError
from checker.types.typed import IndicatorSpec, RecordSchema
from checker.types.units import UnitTable

__all__ = ["Ids", "Loaded", "Origins", "PlanData", "RecordBatch", "classify", "load",
           "load_plan_data", "load_records"]


@dataclass(frozen=True)
class Loaded:
    records: RecordBatch | None
    plan_data: PlanData | None


def load(paths: Sequence[str | Path], schema: RecordSchema | None,
         indicators: dict[str, IndicatorSpec], units: UnitTable) -> Loaded:
    """Sort files into records and plan data and load both; all diagnostics at once."""
    problems: list[Diagnostic] = []
    sources = {}
    kinds: dict[str, list[Path]] = {"records": [], "plan_data": []}
    for path in map(Path, paths):
        try:
            kinds[classify(path)].append(path)
        except DiagnosticError as error:
            problems += error.diagnostics
            sources.update(error.sources)
    records = data = None
    if kinds["records"] and schema is None:
        problems.append(Diagnostic("D309", "proposals given, but the suite has no record schema",
                                   help="declare a `record` in the suite"))
    try:
        if kinds["records"] and schema is not None:
            records = load_records(kinds["records"], schema, units)
    except DiagnosticError as error:
        problems += error.diagnostics
        sources.update(error.sources)
    try:
        if kinds["plan_data"]:
            data = load_plan_data(kinds["plan_data"], indicators, units)
    except DiagnosticError as error:
        problems += error.diagnostics
        sources.update(error.sources)
    if problems:
        raise DiagnosticError(problems, sources)
    return Loaded(records, data)
