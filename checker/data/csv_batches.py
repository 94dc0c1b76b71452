"""A big CSV of proposals in batches: its bytes straight to `pyarrow.csv`, a block at a time.

In: the path of a CSV file and a block size in bytes.  Out: `RawTable`s of string
columns, numbered with the file's lines, as `tables.read_table` would number them.
Only the plain case streams — UTF-8 without a byte-order mark, a one-line header
without quotes, one line per row, no ragged row; anything else raises `Fallback`
(checked before the first batch where it can be, else at the end), and the file is
read whole, which handles every case and words every problem.  Imports `tables`,
`problems`; pyarrow.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import numpy as np

from checker.data.problems import display_path
from checker.data.tables import RawTable

BLOCK: Final = 32 << 20  # bytes of CSV parsed at a time
_HEAD: Final = 1 << 16


class Fallback(Exception):
    """Not the plain case: read the file whole (re-raised as `batches.Fallback`)."""


def csv_tables(path: Path, block: int = BLOCK) -> Iterator[RawTable]:
    import pyarrow as pa
    import pyarrow.csv as pacsv

    display = display_path(path)
    skip, header = _header(path)
    expected = _lines(path) - skip - 1  # rows, when every row is one line
    names = [f"c{i}" for i in range(len(header))]
    try:
        reader = pacsv.open_csv(
            path, read_options=pacsv.ReadOptions(column_names=names, skip_rows=skip + 1,
                                                 block_size=block),
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=False,
                quoted_strings_can_be_null=False))
    except (pa.ArrowException, ValueError, OSError) as error:
        raise Fallback(f"{display}: {error}") from error
    start = skip + 2
    while True:
        batch = _next(reader, display)
        if batch is None:
            break
        rows = np.arange(start, start + batch.num_rows, dtype=np.int64)
        start += batch.num_rows
        columns = [batch.column(i).to_pandas() for i in range(batch.num_columns)]
        yield RawTable(display, "csv", [h.strip() for h in header], columns, rows, None,
                       skip + 1)
    if start - (skip + 2) != expected:
        raise Fallback(f"{display}: rows over several lines, or empty lines")


def _next(reader: Any, display: str) -> Any:
    import pyarrow as pa

    try:
        return reader.read_next_batch()
    except StopIteration:
        return None
    except (pa.ArrowException, ValueError, OSError) as error:  # a ragged row, bad UTF-8
        raise Fallback(f"{display}: {error}") from error


def _header(path: Path) -> tuple[int, list[str]]:
    """The line index of the header (blank lines before it skipped) and its cells."""
    with path.open("rb") as handle:
        head = handle.read(_HEAD)
    if head.startswith(b"\xef\xbb\xbf"):
        raise Fallback("a byte-order mark")
    cut = head.rfind(b"\n") + 1 if len(head) == _HEAD else len(head)
    try:
        text = head[:cut].decode("utf-8")
    except UnicodeDecodeError as error:
        raise Fallback("not UTF-8") from error
    lines = text.split("\n", 64)
    skip = next((i for i, line in enumerate(lines) if line.strip()), None)
    if skip is None or '"' in lines[skip] or skip == len(lines) - 1:
        raise Fallback("no plain header line")
    return skip, next(csv.reader([lines[skip]]))


def data_lines(path: Path) -> int:
    """Lines after the header: the rows of the plain case (an estimate otherwise)."""
    skip, _ = _header(path)
    return max(_lines(path) - skip - 1, 0)


def _lines(path: Path) -> int:
    """Lines of the text with trailing whitespace stripped (as `tables` counts them)."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        handle.seek(max(size - 4096, 0))
        tail = handle.read()
        lead = 0
        while size > 4096 and lead < len(tail) and 0x80 <= tail[lead] < 0xC0:
            lead += 1  # the middle of a character: start at the next one
        tail = tail[lead:]
        try:
            kept = len(tail.decode("utf-8").rstrip().encode("utf-8"))
        except UnicodeDecodeError as error:
            raise Fallback("not UTF-8") from error
        if not kept:
            raise Fallback("a long blank tail")
        end = size - len(tail) + kept
        handle.seek(0)
        count, done = 0, 0
        while done < end:
            chunk = handle.read(min(1 << 24, end - done))
            if not chunk:
                break
            count += chunk.count(b"\n")
            done += len(chunk)
    return count + 1
