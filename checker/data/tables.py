"""Reading data files into raw tables: CSV, XLSX and Parquet, and what kind of data a file is.

In: a path.  Out: `RawTable` — the header as written, one pandas Series of raw
values per column (strings for CSV, Python values for XLSX, native dtypes for
Parquet) and the row number of every data row — or diagnostics about the file
itself (unreadable, unsupported, undecodable, ragged, corrupt, empty).  Values
are not interpreted here; problems go to a `load_report.Problems`.  Imports
`problems`, `source`; pandas, pyarrow, openpyxl.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

import numpy as np
import numpy.typing as npt

from checker.data.arrow_columns import (
    ColumnKind,
    arrow_column,
    blank_texts,
    column_kind,
    data_columns,
)
from checker.data.csv_bytes import first_lines, line_count, plain_utf8
from checker.data.problems import (
    MAX_PER_COLUMN,
    IntArray,
    Problems,
    file_span,
    first_line,
    unreadable,
)
from checker.data.titles import MAX_TITLES, title_rows, unit_line
from checker.data.workbooks import filled, read_sheet, sheet_header
from checker.source import SourceFile, Span

if TYPE_CHECKING:
    import pandas as pd

TABLES: Final = {".csv": "csv", ".xlsx": "xlsx", ".parquet": "parquet", ".pq": "parquet"}
DOCUMENTS: Final = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
ENCODINGS: Final = ("utf-8", "utf-8-sig", "gb18030")


# ------------------------------------------------------------------ raw tables


@dataclass
class RawTable:
    """A table as written: header cells, raw columns, the row number of each data row.

    Row numbers count like a spreadsheet, the header being row 1; for CSV a
    row's number is the line it starts on.  Entirely empty rows are not rows.
    """

    display: str
    format: Literal["csv", "xlsx", "parquet"]
    header: list[str]
    columns: list[pd.Series[Any]]
    rows: IntArray
    lines: Callable[[], SourceFile] | None = None  # the text of a CSV, built when needed
    header_row: int = 1
    kinds: tuple[ColumnKind, ...] = ()  # Parquet: what each column holds (`arrow_columns`)
    title_unit: str | None = None  # a title row's `单位：亿元`: the unit of rows without one

    def __len__(self) -> int:
        return len(self.rows)

    def source(self) -> SourceFile | None:
        return self.lines() if self.lines is not None else None

    def span(self, position: int | None, column: int) -> Span:
        """The cell of data row `position` (None: the header) in `column` (0-based)."""
        row = self.header_row if position is None else int(self.rows[position])
        source = self.source()
        if source is None:
            return Span(self.display, row, 0, row, 0)
        start, width = cell_extent(source.line_text(row), column)
        return Span.point(self.display, row, start + 1, width)

    def header_span(self) -> Span:
        """The whole header row (for a problem with the table's columns as a whole)."""
        row, source = self.header_row, self.source()
        if source is None:
            return Span(self.display, row, 0, row, 0)
        return Span.point(self.display, row, 1, max(len(source.line_text(row)), 1))


def separator_hint(table: RawTable) -> str:
    """Advice when a CSV's one column looks like several glued by `;` or a tab."""
    if table.format != "csv" or len(table.header) != 1:
        return ""
    for separator, shown in ((";", "`;`"), ("\t", "tabs")):
        if separator in table.header[0]:
            return (f"the cells seem to be separated by {shown}; "
                    "save the file as comma-separated CSV")
    return ""


def cell_extent(line: str, column: int) -> tuple[int, int]:
    """Start offset and width of cell `column` in one CSV line (quotes respected)."""
    starts = _cell_starts(line)
    if column >= len(starts):
        return len(line), 1
    end = starts[column + 1] - 1 if column + 1 < len(starts) else len(line)
    return starts[column], max(end - starts[column], 1)


@functools.lru_cache(maxsize=16)
def _cell_starts(line: str) -> list[int]:
    """Where each cell starts; cached, as a wide header's cells are located one by one."""
    starts, quoted = [0], False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            starts.append(index + 1)
    return starts


def read_table(path: Path, display: str, report: Problems,
               sheet: str | None = None) -> RawTable | None:
    """Read a CSV, XLSX (its first sheet, or `sheet`) or Parquet file; problems with the
    file go to `report`."""
    kind = TABLES.get(path.suffix.lower())
    if kind is None:
        _not_a_table(display, report)
        return None
    data = read_bytes(path, display, report)
    if data is None:
        return None
    if kind == "csv":
        return _read_csv(data, display, report)
    if kind == "xlsx":
        return _read_xlsx(path, display, report, sheet)
    return _read_parquet(path, display, report)


def read_bytes(path: Path, display: str, report: Problems) -> bytes | None:
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        report.add("D301", f"cannot read `{display}`: {reason.lower()}", file_span(display),
                   "check the path and that the file is readable")
        return None
    if not data or data.isspace():  # `not data.strip()` without a copy of the file
        _empty(display, report)
        return None
    return data


def decode(data: bytes, display: str, report: Problems) -> str | None:
    """UTF-8, UTF-8 with a byte-order mark, then GB18030 (CSV saved by Chinese Excel)."""
    found = _decoding(data, display, report)
    return found[0] if found is not None else None


def _decoding(data: bytes, display: str, report: Problems) -> tuple[str, str] | None:
    """`decode`'s text and the encoding it was read in."""
    for encoding in ENCODINGS:
        if encoding == "utf-8" and data.startswith(b"\xef\xbb\xbf"):
            continue
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    report.add("D303", f"cannot decode `{display}` as text", file_span(display),
               "save the file as UTF-8 (or GB18030)")
    return None


def _read_csv(data: bytes, display: str, report: Problems) -> RawTable | None:
    if plain_utf8(data):  # Arrow reads the bytes; the text is decoded only if asked for
        text: Callable[[], str] = functools.cache(
            lambda: unify_newlines(data.decode("utf-8")))
        plain: bytes | None = data
        lines = first_lines(data, 64, unify_newlines, _first_lines)
    else:
        found = _decoding(data, display, report)
        if found is None:
            return None
        decoded, encoding = found
        unified = unify_newlines(decoded)
        plain = data if encoding == "utf-8" and unified is decoded else None
        lines = _first_lines(unified, 64)
        text = lambda: unified  # noqa: E731
    source = functools.cache(lambda: SourceFile(display, text()))
    report.source(display, source)
    skip = next((i for i, line in enumerate(lines) if line.strip()), 0)
    skip, titles = _past_titles(lines, skip, display, source, report)
    header = next(csv.reader(io.StringIO(lines[skip])), [])
    spanned = 1
    if '"' in lines[skip]:  # a header cell with a quoted line break: rare, read it slowly
        reader = csv.reader(io.StringIO("\n".join(lines[skip:64])))
        header = next(reader, header)
        spanned = max(reader.line_num, 1)
    columns = _csv_columns(text, len(header), skip + spanned, display, report, plain)
    if columns is None:
        return None
    count = len(columns[0]) if columns else 0
    lines_in = line_count(data, unify_newlines, _line_count) if plain is data else (
        _line_count(text()))
    if _rows_span_lines(lines_in, count, skip + spanned) and _unclosed(text(), display, report):
        return None
    rows = _csv_rows(text, lines_in, count, skip)
    table = RawTable(display, "csv", [h.strip() for h in header], columns, rows, source, skip + 1,
                     title_unit=_title_unit(titles))
    return drop_empty_rows(table, report)


def _past_titles(lines: list[str], skip: int, display: str,
                 source: Callable[[], SourceFile], report: Problems) -> tuple[int, list[str]]:
    """The line of the header of a CSV whose first lines may be a title (D318 says so),
    and the titles' texts."""
    said = [i for i in range(skip, len(lines)) if lines[i].strip()][:MAX_TITLES + 1]
    rows = [next(csv.reader(io.StringIO(lines[i])), []) for i in said]
    count = title_rows(rows)
    titles = [next((c.strip() for c in row if c.strip()), "") for row in rows[:count]]
    for at, text in zip(said, titles, strict=False):
        _title(display, at + 1, text, Span.point(display, at + 1, 1, max(len(lines[at]), 1)),
               report)
    return (said[count] if count else skip), titles


def _title(display: str, row: int, text: str, span: Span, report: Problems) -> None:
    unit = unit_line(text)
    what = (f"the unit `{unit}` of every figure without one" if unit else
            f"the table's title `{text}`")
    report.add("D318", f"row {row} of `{display}` is above the header: read as {what}, not "
               "as a row", span, "the header is the first row with two or more names; "
               "delete the title rows if they are data", "title", severity="warning")


def _title_unit(titles: list[str]) -> str | None:
    return next((u for u in map(unit_line, titles) if u), None)


def _first_lines(text: str, count: int) -> list[str]:
    """`text.split("\n", count)` without copying the rest of a big text into its last item
    (which is kept only when every line before it is blank: then the header is in it)."""
    end = -1
    for _ in range(count):
        end = text.find("\n", end + 1)
        if end < 0:
            return text.split("\n")
    lines = text[:end].split("\n")
    if not any(line.strip() for line in lines):
        lines.append(text[end + 1:])
    return lines


def _line_count(text: str) -> int:
    """`text.rstrip().count("\n") + 1`, without a copy of the text to strip its end."""
    end = len(text)
    while end and text[end - 1].isspace():
        end -= 1
    return text.count("\n", 0, end) + 1


def _rows_span_lines(lines_in: int, count: int, lines_before: int) -> bool:
    """Whether some row of the table takes more than one line (a quoted line break), given
    the text's `_line_count`."""
    return lines_in != lines_before + count


_FIELD_QUOTE = re.compile(r'(?:\A|(?<=[,\n]))"')  # a quote that opens a cell
_QUOTED = re.compile(r'[^"]*(?:""[^"]*)*')  # a quoted cell's text, up to its closing quote


def unclosed_quote(text: str) -> int | None:
    """The offset of a quote that opens a cell and never closes, or None.

    CSV readers take everything after such a quote, every later row included, into
    one cell: a batch of three proposals read as one.  Cells are scanned as readers
    do: a quote opens a cell only at its start, `""` inside it is a quote."""
    position = 0
    while (opening := _FIELD_QUOTE.search(text, position)) is not None:
        inside = _QUOTED.match(text, opening.end())
        assert inside is not None  # the pattern matches the empty string
        if inside.end() >= len(text):
            return opening.start()
        position = inside.end() + 1
    return None


def _unclosed(text: str, display: str, report: Problems) -> bool:
    """D305 at a quote that never closes, when there is one."""
    offset = unclosed_quote(text)
    if offset is None:
        return False
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    report.add("D305", f"a quote opened on line {line} of `{display}` never closes, so every "
               "later row would be read into this one cell", Span.point(display, line, column),
               'close the quote; a quote inside a quoted cell is written twice (`""`)',
               "never closed")
    return True


def unify_newlines(text: str) -> str:
    """Old Mac (CR) and Windows (CRLF) line ends as LF, so every reader counts the same
    lines (Python's csv refuses a bare CR; a CR inside a quoted cell becomes LF)."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _csv_columns(text: Callable[[], str], width: int, skip: int, display: str,
                 report: Problems, plain: bytes | None = None) -> list[pd.Series[Any]] | None:
    """The cells of every row as text columns; `plain`: the file's bytes when they read
    as `text` in UTF-8 already (Arrow reads them as they are, not encoded again)."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    names = [f"c{i}" for i in range(width)]
    ragged: list[int] = []

    def invalid(row: Any) -> str:
        ragged.append(int(row.actual_columns))
        return "skip"

    try:
        table = pacsv.read_csv(
            io.BytesIO(plain if plain is not None else text().encode("utf-8")),
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=skip),
            parse_options=pacsv.ParseOptions(newlines_in_values=True, invalid_row_handler=invalid),
            convert_options=pacsv.ConvertOptions(
                # large strings, as pandas' `str` dtype holds them: `to_pandas` then casts
                # no column (a copy of every cell)
                column_types=dict.fromkeys(names, pa.large_string()), strings_can_be_null=False,
                quoted_strings_can_be_null=False))
    except (pa.ArrowException, ValueError) as error:
        report.add("D305", f"cannot parse `{display}` as CSV: {first_line(error)}",
                   file_span(display), "check quotes and separators")
        return None
    if ragged:
        if not _unclosed(text(), display, report):  # the quote is the cause, when there is one
            _report_ragged(text(), width, skip, display, report)
        return None
    return [table.column(i).to_pandas() for i in range(width)]


def _report_ragged(text: str, width: int, skip: int, display: str, report: Problems) -> None:
    reader = csv.reader(io.StringIO(text))
    lines = text.split("\n")
    start, found = 1, 0
    for record in reader:
        line, start = start, reader.line_num + 1
        if line <= skip or not record or len(record) == width:
            continue
        found += 1
        if found <= MAX_PER_COLUMN:
            length = max(len(lines[line - 1].rstrip("\r")), 1)
            report.add("D305", f"row {line} has {len(record)} cells, the header has {width}",
                       Span.point(display, line, 1, length), "every row needs one cell per column",
                       "ragged row")
    if found > MAX_PER_COLUMN:
        report.add("D350", f"{found - MAX_PER_COLUMN:,} more ragged rows in `{display}`",
                   file_span(display), "the first ones are shown above")


def _csv_rows(text: Callable[[], str], lines_in: int, count: int, skip: int) -> IntArray:
    """The line each data row starts on (a fast path when rows are one line each, as the
    text's `_line_count`, `lines_in`, shows)."""
    if lines_in == skip + 1 + count:
        return np.arange(skip + 2, skip + 2 + count, dtype=np.int64)
    reader = csv.reader(io.StringIO(text()))
    starts: list[int] = []
    start = 1
    for record in reader:
        line, start = start, reader.line_num + 1
        if record and line > skip + 1:
            starts.append(line)
    if len(starts) != count:  # quoting the two readers disagree on; keep a usable guess
        return np.arange(skip + 2, skip + 2 + count, dtype=np.int64)
    return np.asarray(starts, dtype=np.int64)


def _not_a_table(display: str, report: Problems) -> None:
    report.add("D302", f"`{display}` is not a table file", file_span(display),
               "tables are `.csv`, `.xlsx` or `.parquet` files")


def _empty(display: str, report: Problems) -> None:
    report.add("D307", f"`{display}` is empty", file_span(display),
               "a data file needs a header row and at least one row of data")


def _read_xlsx(path: Path, display: str, report: Problems,
               sheet: str | None = None) -> RawTable | None:
    import pandas as pd
    cells = read_sheet(path, display, report, sheet)
    if cells is None:
        return None
    said = [i for i, row in enumerate(cells) if any(filled(v) for v in row)][:MAX_TITLES + 1]
    if not said:
        _empty(display, report)
        return None
    texts = [["" if v is None else str(v) for v in cells[i]] for i in said]
    count = title_rows(texts)
    titles = [next((c.strip() for c in row if c.strip()), "") for row in texts[:count]]
    for at, text in zip(said, titles, strict=False):
        _title(display, at + 1, text, Span(display, at + 1, 0, at + 1, 0), report)
    first = said[count]
    header = ["" if v is None else str(v).strip() for v in cells[first]]
    body = cells[first + 1:]
    width = max([len(header), *(len(row) for row in body)])
    header += [""] * (width - len(header))
    rows = np.arange(first + 2, first + 2 + len(body), dtype=np.int64)
    columns = [pd.Series([row[i] if i < len(row) else None for row in body], dtype=object)
               for i in range(width)]
    table = RawTable(display, "xlsx", header, columns, rows, None, first + 1,
                     title_unit=_title_unit(titles))
    return drop_empty_rows(table, report)


def _read_parquet(path: Path, display: str, report: Problems) -> RawTable | None:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
        names, columns, kinds = parquet_columns(table)
    except Exception as error:  # pyarrow raises ArrowInvalid, OSError, … for a damaged file
        unreadable("parquet", display, error, report)
        return None
    rows = np.arange(2, 2 + table.num_rows, dtype=np.int64)
    return drop_empty_rows(RawTable(display, "parquet", names, columns, rows, kinds=kinds),
                           report)


def parquet_columns(table: Any) -> tuple[list[str], list[pd.Series[Any]],
                                         tuple[ColumnKind, ...]]:
    """Names, pandas columns and kinds of an Arrow table's (or batch's) data columns."""
    keep = data_columns(table.schema)
    return ([table.schema.names[i] for i in keep], [arrow_column(table.column(i)) for i in keep],
            tuple(column_kind(table.schema.types[i]) for i in keep))


def blank_mask(column: pd.Series[Any]) -> npt.NDArray[np.bool_]:
    """Cells that say nothing: missing, NaN, or empty/whitespace text."""
    import pandas as pd
    if getattr(column.dtype, "storage", None) == "pyarrow" and pd.api.types.is_string_dtype(
            column.dtype):  # Arrow strings: trimmed there
        import pyarrow as pa

        return np.array(blank_texts(pa.array(column.array)).to_numpy(zero_copy_only=False),
                        dtype=bool)
    missing = column.isna().to_numpy(dtype=bool, copy=True)
    if column.dtype == object or pd.api.types.is_string_dtype(column.dtype):
        text = column.astype("string").str.strip() == ""
        missing |= text.to_numpy(dtype=bool, na_value=False)
    return missing


def cell_texts(column: pd.Series[Any]) -> list[str]:
    """Each cell as NFKC-folded, stripped text; a blank cell as ``."""
    return ["" if blank else unicodedata.normalize("NFKC", str(value)).strip()
            for value, blank in zip(column.tolist(), blank_mask(column).tolist(), strict=True)]


def drop_empty_rows(table: RawTable, report: Problems) -> RawTable | None:
    """Rows with no value in any cell are spacing, not records; a file of none is empty."""
    if table.columns and len(table):
        empty = blank_mask(table.columns[0])
        for column in table.columns[1:]:
            if not empty.any():
                break
            empty &= blank_mask(column)
        if empty.any():
            keep = np.flatnonzero(~empty)
            table.columns = [c.iloc[keep].reset_index(drop=True) for c in table.columns]
            table.rows = table.rows[keep]
    if not len(table):
        report.add("D307", f"`{table.display}` has no rows of data", table.header_span(),
                   "add rows below the header", "a header without rows")
        return None
    return table


def table_header(path: Path, display: str, report: Problems,
                 sheet: str | None = None) -> list[str] | None:
    """Only the column names of a table (for `classify`)."""
    kind = TABLES.get(path.suffix.lower())
    if kind == "parquet":
        import pyarrow.parquet as pq

        if read_bytes(path, display, report) is None:
            return None
        try:
            schema = pq.read_schema(path)
            return [schema.names[i] for i in data_columns(schema)]
        except Exception as error:  # a damaged file
            unreadable("parquet", display, error, report)
            return None
    if kind == "csv":
        quick = _csv_header_quickly(path)
        if quick is not None:
            return quick
    data = read_bytes(path, display, report) if kind is not None else None
    if data is None:
        if kind is None:
            _not_a_table(display, report)
        return None
    if kind == "csv":
        text = decode(data, display, report)
        if text is None:
            return None
        return _header_past_titles(unify_newlines(text))
    return _xlsx_header(path, display, report, sheet)


def _header_past_titles(text: str) -> list[str]:
    """The header row of a CSV's text, past any title rows (`title_rows`)."""
    rows: list[list[str]] = []
    for row in csv.reader(io.StringIO(text)):
        if any(cell.strip() for cell in row):
            rows.append(row)
        if len(rows) > MAX_TITLES:
            break
    return rows[title_rows(rows)] if rows else []


def _csv_header_quickly(path: Path, size: int = 1 << 16) -> list[str] | None:
    """The header of a big CSV from its first bytes, when they are plain (UTF-8, the first
    line that says something has no quotes); None: read the whole file as usual.  Only the
    header's names matter to `classify`, and ASCII names read the same in every encoding."""
    try:
        with path.open("rb") as handle:
            head = handle.read(size)
    except OSError:
        return None
    if len(head) < size or head.startswith(b"\xef\xbb\xbf"):
        return None  # small files are read whole anyway
    try:
        text = head[:head.rfind(b"\n") + 1].decode("utf-8")
    except UnicodeDecodeError:
        return None
    line = next((line for line in text.split("\n") if line.strip()), None)
    if line is None or '"' in line:
        return None
    return _header_past_titles(text)


def _xlsx_header(path: Path, display: str, report: Problems,
                 sheet: str | None) -> list[str] | None:
    header = sheet_header(path, display, report, sheet)
    if header == []:
        _empty(display, report)
    return header or None
