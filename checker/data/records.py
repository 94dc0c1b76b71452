"""Loading records (project proposals): YAML, JSON, CSV, XLSX, Parquet -> a typed frame.

In: paths, the record's `RecordSchema` and the suite's `UnitTable`.  Out:
`RecordBatch` — a DataFrame with one nullable column per schema field
(quantity `Float64` in the field's unit, `boolean`, `Int64` years, `string`,
enums and ordinals as `Categorical` over the schema's items so that codes are
ranks), the ids, and where each row came from.  Or `DiagnosticError` with every
problem of every file: unknown or duplicated fields, missing required values,
bad values, missing or duplicated ids — each at its file, line and column.
A bad row is never dropped and a value never silently coerced.

YAML/JSON records are validated one mapping at a time by `mappings`; tables are
validated a column at a time by `columns`.  Both read values with `values`.
Imports the `data` modules, `typed`,
`units`, `diagnostics`, `source`; pandas.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

import numpy as np

from checker import result as r
from checker.data.arrow_columns import accepted, expected_words, report_unfit
from checker.data.arrow_records import ArrowColumns
from checker.data.columnar import Columns
from checker.data.columns import Converted, convert, empty
from checker.data.documents import Document, Entry, read_documents
from checker.data.mappings import Failure, missing_problem, read_mapping
from checker.data.problems import (
    MAX_PER_COLUMN,
    BoolArray,
    IntArray,
    Origins,
    Problems,
    display_path,
    file_span,
)
from checker.data.tables import (
    DOCUMENTS,
    TABLES,
    RawTable,
    blank_mask,
    read_table,
    separator_hint,
)
from checker.data.values import Problem, default_value, is_blank, outside_range
from checker.diagnostics import Diagnostic, did_you_mean
from checker.source import Span
from checker.types.typed import FieldSpec, RecordSchema, TextT
from checker.types.units import UnitTable

if TYPE_CHECKING:
    import pandas as pd

PathArg = str | Path | Sequence[str | Path]


class Ids(Sequence[str]):
    """The id of each record, backed by a pandas Index (no Python list of strings)."""

    def __init__(self, values: pd.Index[Any]) -> None:
        self.values = values
        self._least: list[str | None] = []

    def arrow(self) -> Any:
        """The ids as an Arrow array when the index is Arrow-backed, else None."""
        array = self.values.array
        if not hasattr(array, "__arrow_array__"):
            return None
        import pyarrow as pa

        return pa.array(array)

    def least(self) -> str | None:
        """The smallest id (Arrow-backed ids only, else None), computed once: a streamed
        batch whose least id comes after every id a rule keeps has nothing to list."""
        if not self._least:
            array = self.values.array
            found = None
            if len(array) and hasattr(array, "__arrow_array__"):
                import pyarrow as pa
                import pyarrow.compute as pc

                found = pc.min(pa.array(array)).as_py()
            self._least.append(found if isinstance(found, str) else None)
        return self._least[0]

    def __len__(self) -> int:
        return len(self.values)

    @overload
    def __getitem__(self, item: int) -> str: ...
    @overload
    def __getitem__(self, item: slice) -> Ids: ...
    def __getitem__(self, item: int | slice) -> str | Ids:
        if isinstance(item, slice):
            return Ids(self.values[item])
        return str(self.values[int(item)])

    def __iter__(self) -> Iterator[str]:
        return (str(value) for value in self.values)

    def __repr__(self) -> str:
        return f"Ids({list(self.values[:5])}{'…' if len(self) > 5 else ''})"


@dataclass
class RecordBatch:
    """The loaded records: one row per record, one column per schema field.  `table` is a
    pandas frame, or `Columns` (records of YAML/JSON files: no pandas to import)."""

    schema: RecordSchema
    table: pd.DataFrame | Columns | ArrowColumns
    ids: Sequence[str]  # `Ids` (a pandas Index), `ArrowIds` or the ids of `Columns`
    origins: Origins
    warnings: tuple[Diagnostic, ...] = ()
    # field -> the rows whose value its `default` filled (evidence says `0 km² (default)`)
    defaulted: dict[str, BoolArray] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.table)

    @property
    def frame(self) -> pd.DataFrame:
        """The records as a pandas frame (made from `Columns` on first use)."""
        if isinstance(self.table, Columns | ArrowColumns):
            self.table = self.table.to_pandas()
        return self.table

    def origin(self, index: int) -> r.Location:
        """Where row `index` came from: `file.yaml:12` (the line of its mapping) or
        `file.csv:row 17`; `origins.path(index)` gives the YAML path (`[2]`) of a list item."""
        return self.origins.location(index)


@dataclass
class _Part:
    """The records of one file; `frame` is None when the file had problems.  A YAML/JSON
    file's are `Columns` and a list of its ids (pandas is for tables)."""

    frame: pd.DataFrame | Columns | None
    ids: pd.Series[Any] | list[str | None]
    origins: Origins
    id_span: Callable[[int], Span]
    defaulted: dict[str, BoolArray] = field(default_factory=dict)


@dataclass
class _Loader:
    schema: RecordSchema
    units: UnitTable
    sheet: str | None = None
    report: Problems = field(default_factory=Problems)


def load_records(paths: PathArg, schema: RecordSchema, units: UnitTable, *,
                 sheet: str | None = None) -> RecordBatch:
    """Load every file of records into one batch, or raise `DiagnosticError` with all problems
    (`sheet`: the sheet read of each workbook; the first by default)."""
    loader = _Loader(schema, units, sheet)
    parts = [part for path in as_paths(paths) if (part := _load_file(path, loader)) is not None]
    _check_ids(parts, loader)
    loader.report.raise_if_errors()
    origins = Origins.concat([part.origins for part in parts])
    light = _light(parts)
    if light is not None:
        return RecordBatch(schema, light[0], light[1], origins, loader.report.warnings,
                           _all_defaulted(parts))
    import pandas as pd

    frames = [_pandas(part.frame) for part in parts if part.frame is not None]
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    ids = pd.concat([_id_series(part.ids) for part in parts], ignore_index=True)
    return RecordBatch(schema, frame, Ids(pd.Index(ids, dtype="string")), origins,
                       loader.report.warnings, _all_defaulted(parts))


def _light(parts: list[_Part]) -> tuple[Columns, list[str]] | None:
    """The records as `Columns` when every file was YAML/JSON and every record has an id."""
    tables = [part.frame for part in parts]
    ids = [i for part in parts if isinstance(part.ids, list) for i in part.ids]
    columns = [t for t in tables if isinstance(t, Columns)]
    if len(columns) != len(tables) or len(ids) != sum(map(len, columns)):
        return None
    known = [i for i in ids if i is not None]
    if len(known) != len(ids):  # pandas shows a missing id as `<NA>`: that path says so
        return None
    return Columns.concat(columns), known


def _pandas(table: pd.DataFrame | Columns) -> pd.DataFrame:
    return table.to_pandas() if isinstance(table, Columns) else table


def _id_series(ids: pd.Series[Any] | list[str | None]) -> pd.Series[Any]:
    import pandas as pd

    return pd.Series(ids, dtype="string") if isinstance(ids, list) else ids


def _all_defaulted(parts: list[_Part]) -> dict[str, BoolArray]:
    """The defaulted rows of every part, as masks over the whole batch."""
    names = dict.fromkeys(name for part in parts for name in part.defaulted)
    return {name: np.concatenate([part.defaulted.get(name, np.zeros(len(part.ids), dtype=bool))
                                  for part in parts]) for name in names}


def as_paths(paths: PathArg) -> list[Path]:
    if isinstance(paths, str | Path):
        return [Path(paths)]
    return [Path(p) for p in paths]


def _load_file(path: Path, loader: _Loader) -> _Part | None:
    display = display_path(path)
    suffix = path.suffix.lower()
    if suffix in DOCUMENTS:
        text_fields = [n for n, s in loader.schema.fields.items() if isinstance(s.type, TextT)]
        document = read_documents(path, display, loader.report, text_fields)
        return _from_document(document, loader) if document is not None else None
    if suffix in TABLES:
        table = read_table(path, display, loader.report, loader.sheet)
        return _from_table(table, loader) if table is not None else None
    loader.report.add("D302", f"`{display}` is not a data file", file_span(display),
                      "records are `.yaml`, `.yml`, `.json`, `.csv`, `.xlsx` or `.parquet` files")
    return None


# ------------------------------------------------------------------ tables


def _from_table(table: RawTable, loader: _Loader) -> _Part:
    import pandas as pd

    report, schema = loader.report, loader.schema
    errors_before = report.errors
    where = _columns(table, loader)
    for name, spec in schema.fields.items():
        if spec.required and name not in where:
            report.add("D313", f"required column `{name}` is missing",
                       table.header_span(),
                       f"add a column `{name}`" + (f" ({spec.label})" if spec.label else ""),
                       "missing column")
    count = len(table)
    columns: dict[str, Any] = {}
    defaulted: dict[str, BoolArray] = {}
    for name, spec in schema.fields.items():
        if name not in where:
            columns[name] = _fill(empty(spec.type, count), np.ones(count, dtype=bool), spec,
                                  defaulted)
            continue
        index = where[name]
        if report_unfit(table.kinds, index, accepted(spec.type), name,
                        expected_words(spec.type), functools.partial(table.span, None, index),
                        report):
            columns[name] = empty(spec.type, count)
            continue
        converted = convert(table.columns[index], spec.type, name, loader.units)

        def span(position: int, index: int = index) -> Span:
            return table.span(position, index)

        report_cells(report, converted.bad, converted.explain, span, f"column `{name}`")
        _report_outside(converted, table.columns[index], spec, report, span)
        if spec.required:
            report_cells(report, np.flatnonzero(converted.blank), missing_problem(spec), span,
                         f"column `{name}`")
        columns[name] = _fill(converted.values, converted.blank, spec, defaulted)
    origins = Origins.of(table.display, True, table.rows)
    ids, id_span = _table_ids(table, where, columns, schema)
    frame = pd.DataFrame(columns) if report.errors == errors_before else None
    return _Part(frame, ids, origins, id_span, defaulted)


def _columns(table: RawTable, loader: _Loader) -> dict[str, int]:
    """Field name -> column index; unknown, unnamed and repeated columns are reported."""
    where: dict[str, int] = {}
    schema, report = loader.schema, loader.report
    heading = functools.partial(table.span, None)  # spans are built only when reported
    unknown = 0
    for index, name in enumerate(table.header):
        if not name:
            if _has_values(table.columns[index]):
                report.add("D314", f"column {index + 1} has values but no name", heading(index),
                           "write the field name in the header row", "no name")
        elif name in where:
            report.add("D311", f"column `{name}` appears twice", heading(index),
                       f"it is also column {where[name] + 1}; keep one", "duplicate")
        elif name in schema.fields:
            where[name] = index
        else:
            report.add_counted(unknown, "D310", f"unknown column `{name}` in record "
                               f"`{schema.name}`", functools.partial(heading, index),
                               separator_hint(table) or unknown_field_help(name, schema),
                               "not a field")
            unknown += 1
    if unknown:  # the header's span indexes every line of a CSV: only when it is said
        report.add_rest(unknown, f"unknown columns in `{table.display}`", table.header_span())
    return where


def _has_values(column: pd.Series[Any]) -> bool:
    return not bool(blank_mask(column).all())


def _table_ids(table: RawTable, where: dict[str, int], columns: dict[str, Any],
               schema: RecordSchema) -> tuple[pd.Series[Any], Callable[[int], Span]]:
    import pandas as pd

    count = len(table)
    if "id" in columns and isinstance(schema.fields["id"].type, TextT):
        ids = pd.Series(columns["id"], dtype="string").str.strip()  # as enum values are
    else:
        ids = pd.Series(pd.RangeIndex(1, count + 1).astype(str), dtype="string")
    column = where.get("id", 0)
    return ids, lambda position: table.span(position, column)


def _fill(values: Any, blank: Any, spec: FieldSpec, defaulted: dict[str, BoolArray]) -> Any:
    """Blank cells of an optional field take its declared default (marked in `defaulted`)."""
    default = default_value(spec.type, spec.default)
    if default is None or spec.required or not blank.any():
        return values
    filled = values.copy()
    filled[blank] = default
    defaulted[spec.name] = np.asarray(blank, dtype=bool).copy()
    return filled


def _report_outside(converted: Converted, raw: pd.Series[Any], spec: FieldSpec,
                    report: Problems, span: Callable[[int], Span]) -> None:
    """Cells beyond the field's `range` (see `values.outside_range`)."""
    import pandas as pd

    if spec.low is None and spec.high is None and not spec.whole:
        return
    numbers = np.asarray(pd.array(converted.values).to_numpy(dtype=np.float64, na_value=np.nan))
    with np.errstate(invalid="ignore"):
        outside = ((numbers < float(spec.low)) if spec.low is not None else False) | (
            (numbers > float(spec.high)) if spec.high is not None else False) | (
            (numbers != np.floor(numbers)) if spec.whole else False)
    rows = np.flatnonzero(np.asarray(outside, dtype=bool) & ~np.isnan(numbers))

    def why(position: int) -> Problem:
        problem = outside_range(float(numbers[position]), spec, raw.iloc[position])
        assert problem is not None
        return problem

    report_cells(report, rows, why, span, f"column `{spec.name}`")


def report_cells(report: Problems, positions: IntArray, why: Callable[[int], Problem] | Problem,
                 span: Callable[[int], Span], where: str) -> None:
    """The first bad cells of a column, each with its row; then how many more there are."""
    for position in positions[:MAX_PER_COLUMN].tolist():
        problem = why if isinstance(why, Problem) else why(position)
        report.add(problem.code, problem.message, span(position), problem.help, problem.label)
    if len(positions) > MAX_PER_COLUMN:
        more = len(positions) - MAX_PER_COLUMN
        report.add("D350", f"{more:,} more bad value{'s' if more > 1 else ''} in {where}",
                   span(int(positions[MAX_PER_COLUMN])),
                   f"the first {MAX_PER_COLUMN} are shown; they are reported the same way")


def unknown_field_help(name: str, schema: RecordSchema) -> str:
    for spec in schema.fields.values():
        if spec.label and spec.label == name:
            return f"`{name}` is the label of field `{spec.name}`; write `{spec.name}`"
    hint = did_you_mean(name, schema.fields)
    if hint:
        return hint
    listed = ", ".join(f"`{n}`" for n in list(schema.fields)[:8])
    return f"fields of `{schema.name}`: {listed}{', …' if len(schema.fields) > 8 else ''}"


# ------------------------------------------------------------------ documents


def _from_document(document: Document, loader: _Loader) -> _Part:
    report = loader.report
    errors_before = report.errors
    names = list(loader.schema.fields)
    rows: list[dict[str, Any]] = []
    counts: dict[str, list[Span]] = {}
    for entry in document.entries:
        read = read_mapping(entry.values, loader.schema, loader.units)
        if isinstance(read, dict):
            rows.append({name: read[name] for name in names})
            continue
        for failure in read:
            _report_failure(failure, entry, document, loader, counts)
    _report_overflow(counts, report)
    entries = document.entries
    origins = Origins.of(document.display, False, np.array([e.line for e in entries]),
                         np.array([e.item for e in entries]))
    raw_ids = [e.values.get("id") for e in entries]
    ids: list[str | None] = [v.strip() if isinstance(v, str) and v.strip() else None
                             for v in raw_ids]
    frame = Columns.of_rows(rows, loader.schema) if report.errors == errors_before else None
    defaulted = {name: mask for name, spec in loader.schema.fields.items()
                 if spec.default is not None and not spec.required
                 and (mask := np.array([is_blank(e.values.get(name)) for e in entries],
                                       dtype=bool)).any()}

    def id_span(position: int) -> Span:
        entry = entries[position]
        node = entry.nodes.get("id")
        return document.span(node) if node is not None else document.entry_span(entry)

    return _Part(frame, ids, origins, id_span, defaulted)


def _report_failure(failure: Failure, entry: Entry, document: Document, loader: _Loader,
                    counts: dict[str, list[Span]]) -> None:
    """One failure as a diagnostic at its key or value (the first few per field)."""
    key, kind, schema, report = failure.key, failure.kind, loader.schema, loader.report
    if kind == "missing" and key in entry.refused:  # its value was refused where it stands
        return
    node = entry.keys.get(key) if kind == "unknown" else entry.nodes.get(key)
    span = document.span(node) if node is not None else document.entry_span(entry)
    seen = counts.setdefault(key, [])
    seen.append(span)
    if len(seen) > MAX_PER_COLUMN:
        return
    if kind == "unknown":
        report.add("D310", f"unknown field `{key}` in record `{schema.name}`", span,
                   unknown_field_help(key, schema), "not a field")
    elif kind == "missing":
        problem = missing_problem(schema.fields[key])
        report.add(problem.code, f"required field `{key}` is missing", span, problem.help,
                   problem.label)
    elif failure.problem is not None:
        problem = failure.problem
        report.add(problem.code, problem.message, span, problem.help, problem.label)


def _report_overflow(counts: dict[str, list[Span]], report: Problems) -> None:
    for key, spans in counts.items():
        if len(spans) > MAX_PER_COLUMN:
            more = len(spans) - MAX_PER_COLUMN
            report.add("D350", f"{more:,} more problem{'s' if more > 1 else ''} with field "
                       f"`{key}`", spans[MAX_PER_COLUMN],
                       f"the first {MAX_PER_COLUMN} are shown; they are reported the same way")


def _document_frame(rows: list[dict[str, Any]], schema: RecordSchema) -> pd.DataFrame:
    return Columns.of_rows(rows, schema).to_pandas()


# ------------------------------------------------------------------ ids


def _check_ids(parts: list[_Part], loader: _Loader) -> None:
    """Every record needs an id, and no two records may share one."""
    if not parts:
        return
    ids = [value for part in parts for value in _id_list(part.ids)]
    owner = np.concatenate([np.full(len(p.ids), i) for i, p in enumerate(parts)])
    start = np.concatenate([[0], np.cumsum([len(p.ids) for p in parts])])
    origins = Origins.concat([part.origins for part in parts])

    def span(position: int) -> Span:
        part = int(owner[position])
        return parts[part].id_span(position - int(start[part]))

    spec = loader.schema.fields.get("id")
    if spec is not None and not spec.required:
        missing = np.flatnonzero(np.array([i is None for i in ids], dtype=bool))
        report_cells(loader.report, missing, lambda _: Problem(
            "D330", "record has no id", "give every record an `id`", "no id"), span, "`id`")
    first: dict[str, int] = {}
    repeated = [position for position, value in enumerate(ids)
                if value is not None and first.setdefault(value, position) != position]
    if not repeated:
        return

    def why(position: int) -> Problem:
        value = str(ids[position])
        where = origins.describe(first[value])
        return Problem("D331", f"duplicate id `{value}`",
                       f"`{value}` is also the id of the record at {where}; "
                       "give each record its own id", "duplicate id")

    report_cells(loader.report, np.array(repeated, dtype=np.int64), why, span, "`id`")


def _id_list(ids: pd.Series[Any] | list[str | None]) -> list[str | None]:
    """A part's ids, None where missing."""
    if isinstance(ids, list):
        return ids
    return [None if gone else str(value)
            for value, gone in zip(ids.tolist(), ids.isna().tolist(), strict=True)]
