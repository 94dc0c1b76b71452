"""Records in batches: Parquet (and plain CSV) files read a batch at a time, in bounded memory.

In: Parquet paths of proposals, the record's schema and the unit table.  Out:
`RecordStream` — an iterable of `RecordBatch`es of at most `batch_rows` rows, each
converted and validated like a whole file (`records`), with the row numbers of the
file, so that origins are the same; enum columns are read dictionary-encoded, so a
category is read once per batch, not once per row.  Ids must be unique across
batches: checked on the fly when they ascend (the usual case, one comparison per
row), else at the end over the id column alone.

Streaming never words a diagnostic of its own: at the first problem of any kind
(a bad cell, a repeated id, an unreadable row group) it raises `Fallback`, and the
caller loads the input whole, which reports every problem exactly as it always has.
`plan_stream` decides whether a run streams.  A plain Parquet batch is read straight
from Arrow (`arrow_records`), without pandas; other batches and CSV blocks go through
`records`.  Imports the `data` modules; pyarrow; pandas only for those.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import numpy as np

from checker import result as r
from checker.data.arrow_records import ArrowIds, arrow_part
from checker.data.csv_batches import BLOCK, Fallback, csv_tables
from checker.data.file_kinds import classify
from checker.data.load import choose_schema, data_files, path_problem
from checker.data.problems import Origins, display_path, file_span
from checker.data.records import RecordBatch, _from_table, _Loader
from checker.data.tables import RawTable, blank_mask, parquet_columns
from checker.diagnostics import Diagnostic, DiagnosticError
from checker.types.typed import EnumT, IndicatorSpec, RecordSchema, TextT
from checker.types.units import UnitTable

if TYPE_CHECKING:
    from checker.data.plan_data import PlanData

__all__ = ["BATCH_ROWS", "Fallback", "IdDigest", "RecordStream", "StreamPlan", "dataset_files",
           "distinct_across", "plan_stream"]

BATCH_ROWS: Final = 1 << 18  # rows per batch; also the size from which a run streams
PARQUET: Final = (".parquet", ".pq")
STREAMED: Final = (*PARQUET, ".csv")


@dataclass
class RecordStream:
    """The records of some Parquet files, batch by batch (iterate once or many times)."""

    paths: tuple[Path, ...]
    schema: RecordSchema
    units: UnitTable
    batch_rows: int = BATCH_ROWS
    csv_block: int = BLOCK  # bytes of a CSV parsed at a time
    rows: int = 0  # records seen by the last complete pass
    _ascending: bool = field(default=True, repr=False)
    _span: tuple[str, str] | None = field(default=None, repr=False)  # first and last id

    def split(self) -> list[RecordStream]:
        """One stream per file: the partitions of a dataset."""
        return [RecordStream((path,), self.schema, self.units, self.batch_rows, self.csv_block)
                for path in self.paths]

    def expected_rows(self) -> int | None:
        """Rows a pass will give, read before it (for progress): Parquet footers, and a CSV's
        lines after its header; None when a file cannot say."""
        from checker.data.csv_batches import data_lines

        try:
            return parquet_rows([p for p in self.paths if p.suffix.lower() in PARQUET]) + sum(
                data_lines(p) for p in self.paths if p.suffix.lower() not in PARQUET)
        except (Fallback, OSError):
            return None

    def digest(self) -> IdDigest:
        """What `distinct_across` needs of this stream's ids, after a complete pass."""
        return IdDigest(self.paths, self._ascending, self._span)

    def __iter__(self) -> Iterator[RecordBatch]:
        loader = _Loader(self.schema, self.units)
        first: str | None = None
        last: str | None = None
        self._ascending, seen = True, 0
        for path in self.paths:
            for item in _tables(path, self.schema, self.units, self.batch_rows,
                                self.csv_block):
                batch = item if isinstance(item, RecordBatch) else _through_pandas(item, loader)
                ids = batch.ids
                assert isinstance(ids, ArrowIds)
                if not len(ids):
                    continue
                last = self._follow(ids.array, last)
                first = first if first is not None else ids[0]
                seen += len(ids)
                yield batch
        if not self._ascending:
            _unique_ids(self.paths)
        self.rows = seen
        self._span = (first, last) if first is not None and last is not None else None

    def _follow(self, ids: Any, last: str | None) -> str:
        """Track whether ids (an Arrow array) ascend across all batches so far (then none
        can repeat)."""
        if self._ascending:
            import pyarrow.compute as pc

            count = len(ids)
            rising = count < 2 or bool(pc.all(pc.greater(ids.slice(1), ids.slice(0, count - 1))
                                              ).as_py())
            first = str(ids[0].as_py())
            self._ascending = rising and (last is None or first > last)
        return str(ids[len(ids) - 1].as_py())


def _through_pandas(table: RawTable, loader: _Loader) -> RecordBatch:
    """A batch that is not the plain case (or a CSV block), read as a whole load reads it;
    any problem raises `Fallback`."""
    import pyarrow as pa

    part = _from_table(table, loader)
    assert not isinstance(part.ids, list)  # a table's ids are a pandas column
    if loader.report.errors or part.frame is None or part.ids.hasnans:
        raise Fallback(f"{table.display}: a problem in rows "
                       f"{int(table.rows[0])}-{int(table.rows[-1])}")
    ids = pa.array(part.ids.array)
    if isinstance(ids, pa.ChunkedArray):  # a pandas column's Arrow storage
        ids = ids.combine_chunks()
    return RecordBatch(loader.schema, part.frame, ArrowIds(ids), part.origins,
                       defaulted=part.defaulted)


@dataclass(frozen=True)
class IdDigest:
    """The ids of one partition: ascending (then first and last say it all) or not."""

    paths: tuple[Path, ...]
    ascending: bool
    span: tuple[str, str] | None


def distinct_across(digests: Sequence[IdDigest]) -> None:
    """No id in two partitions (each is checked on its own): ascending partitions whose
    ranges do not overlap need nothing more, else the id columns are read and counted."""
    spans = sorted(d.span for d in digests if d.span is not None)
    if all(d.ascending for d in digests) and all(
            later[0] > earlier[1] for earlier, later in pairwise(spans)):
        return
    _unique_ids([path for d in digests for path in d.paths])


def dataset_files(argument: str | Path) -> list[Path]:
    """The Parquet files of a dataset: a folder (its `*.parquet` files, sorted), a glob,
    or one file; none found raises D301."""
    import glob

    path = Path(argument)
    if path.is_dir():
        found = sorted(p for p in path.iterdir() if p.suffix.lower() in PARQUET)
    elif any(char in str(argument) for char in "*?["):
        found = sorted(Path(p) for p in glob.glob(str(argument), recursive=True))
    else:
        return [path]
    if not found:
        raise DiagnosticError([Diagnostic(
            "D301", f"no Parquet files in `{argument}`", file_span(str(argument)),
            help="a dataset is a folder of `.parquet` files or a glob such as `data/*.parquet`")])
    return found


def _tables(path: Path, schema: RecordSchema, units: UnitTable, batch_rows: int,
            csv_block: int) -> Iterator[RawTable | RecordBatch]:
    """Batches of at most `batch_rows` rows (CSV: a block of bytes), numbered as the whole
    file numbers them: read straight from Arrow when plain (`arrow_records`), else as raw
    tables for `records` to read."""
    if path.suffix.lower() not in PARQUET:
        found = False
        for table in csv_tables(path, csv_block):
            table = _without_blank_rows(table)
            if len(table):
                found = True
                yield table
        if not found:
            raise Fallback(f"{path}: no rows")
        return
    display = display_path(path)
    batches = _open(path, display, schema, batch_rows)
    start, found = 2, False
    while True:
        try:
            batch = next(batches, None)
        except Exception as error:  # pyarrow raises ArrowInvalid, OSError, … for a damaged file
            raise Fallback(f"{display}: {error}") from error
        if batch is None:
            break
        rows = np.arange(start, start + batch.num_rows, dtype=np.int64)
        start += batch.num_rows
        plain = arrow_part(batch, schema, units) if batch.num_rows else None
        if plain is not None:
            found = True
            yield RecordBatch(schema, plain.table, plain.ids, Origins.of(display, True, rows),
                              defaulted=plain.defaulted)
            continue
        names, columns, kinds = parquet_columns(batch)
        table = _without_blank_rows(RawTable(display, "parquet", names, columns, rows,
                                             kinds=kinds))
        if len(table):
            found = True
            yield table
    if not found:
        raise Fallback(f"{display}: no rows")  # the whole load words it (D307)


def _open(path: Path, display: str, schema: RecordSchema,
          batch_rows: int) -> Iterator[Any]:
    """The file's batches (enum columns dictionary-encoded)."""
    import pyarrow.parquet as pq

    try:
        names = list(pq.read_schema(path).names)
        enums = [n for n in names if n.strip() in schema.fields
                 and isinstance(schema.fields[n.strip()].type, EnumT)]
        handle = pq.ParquetFile(path, read_dictionary=enums or None)
        return iter(handle.iter_batches(batch_size=batch_rows))
    except Exception as error:  # a damaged file: the whole load words it (D306)
        raise Fallback(f"{display}: {error}") from error


def _without_blank_rows(table: RawTable) -> RawTable:
    """Rows with no value in any cell are spacing (as `tables.drop_empty_rows` says)."""
    if not table.columns or not len(table):
        return table
    empty = blank_mask(table.columns[0])
    for column in table.columns[1:]:
        if not empty.any():
            return table
        empty &= blank_mask(column)
    if empty.any():
        keep = np.flatnonzero(~empty)
        table.columns = [c.iloc[keep].reset_index(drop=True) for c in table.columns]
        table.rows = table.rows[keep]
    return table


def _unique_ids(paths: Sequence[Path]) -> None:
    """Ids that did not ascend: read the id column alone and count its distinct values."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if any(path.suffix.lower() not in PARQUET for path in paths):
        raise Fallback("ids of a CSV out of order")  # the whole load checks them
    columns = []
    for path in paths:
        name = next(n for n in pq.read_schema(path).names if n.strip() == "id")
        columns.append(pq.read_table(path, columns=[name]).column(name))
    ids = pa.chunked_array([chunk for column in columns for chunk in column.chunks])
    ids = ids.drop_null()
    if len(ids.unique()) != len(ids):
        raise Fallback("repeated ids")


# ------------------------------------------------------------------ whether a run streams


@dataclass(frozen=True)
class StreamPlan:
    """A run whose proposals stream: the stream, and the plan data loaded whole."""

    records: RecordStream
    record_paths: tuple[Path, ...]
    plan_data: PlanData | None
    data_paths: tuple[Path, ...]

    def inputs(self, rows: int) -> list[r.Input]:
        """The run's inputs, as the whole load names them (`rows`: the records streamed)."""
        found = [r.Input.model_construct(path=", ".join(map(str, self.record_paths)),
                                         kind="records", rows=rows)]
        if self.plan_data is not None:
            found.append(r.Input.model_construct(path=", ".join(map(str, self.data_paths)),
                                                 kind="plan_data", rows=len(self.plan_data.frame)))
        return found


def plan_stream(paths: Sequence[str | Path], schemas: Mapping[str, RecordSchema],
                indicators: dict[str, IndicatorSpec], units: UnitTable, *,
                record: str | None = None, batch_rows: int | None = None,
                strict: bool = False, sheet: str | None = None) -> StreamPlan | None:
    """A plan when the proposals are Parquet files of more than `BATCH_ROWS` rows in all
    (or always, given `batch_rows`), else None: the run loads its data whole.  Any
    problem found on the way also gives None, so the whole load reports it."""
    records: list[Path] = []
    data: list[Path] = []
    files, problems = data_files(paths)
    if problems or not any(p.suffix.lower() in STREAMED for p in files):
        return None  # nothing to stream: do not read the files' headers twice
    try:
        for path in files:
            if path_problem(path) is not None:
                return None
            (records if classify(path, sheet) == "records" else data).append(path)
        if not records or any(p.suffix.lower() not in STREAMED for p in records):
            return None
        if batch_rows is None and not _big(records):
            return None
        schema = choose_schema(schemas, record)
        spec = schema.fields.get("id")
        if spec is None or not isinstance(spec.type, TextT):
            return None  # ids are then row numbers, counted per file
        plan_data = None
        if data:
            from checker.data.plan_data import load_plan_data

            plan_data = load_plan_data(data, indicators, units, strict=strict, sheet=sheet)
    except (DiagnosticError, Fallback):
        return None
    block = BLOCK if batch_rows is None else max(batch_rows * 128, 256)  # ~128 bytes a row
    stream = RecordStream(tuple(records), schema, units, batch_rows or BATCH_ROWS, block)
    return StreamPlan(stream, tuple(records), plan_data, tuple(data))


def _big(paths: Sequence[Path]) -> bool:
    """More than `BATCH_ROWS` Parquet rows, or a CSV of more than one block."""
    csvs = [p for p in paths if p.suffix.lower() not in PARQUET]
    if any(p.stat().st_size > BLOCK for p in csvs):
        return True
    return parquet_rows([p for p in paths if p.suffix.lower() in PARQUET]) > BATCH_ROWS


def parquet_rows(paths: Sequence[Path]) -> int:
    """Rows of some Parquet files, from their footers."""
    import pyarrow.parquet as pq

    try:
        return sum(pq.ParquetFile(path).metadata.num_rows for path in paths)
    except (OSError, ValueError) as error:
        raise Fallback(str(error)) from error
