"""Wide plan-data tables: one row per indicator, one column per year, as offices publish them.

A statistical bulletin or an evaluation table reads `指标 | 单位 | 2020年 | 2021年 | 2022年`,
or `… | 2020年基数 | 2025年目标 | 2023年实际`: the years are headings, not a column. Such a
table is read as its long form — one row per filled cell, with the heading's period in
`year` and its `目标`/`计划` (target) or `实际`/`完成`/`基数` (actual) in `kind` — and every
cell keeps its own place for diagnostics. A cell left empty or written `—` is a gap, not a
row: the gaps of a table are counted in one warning (D346), never dropped unsaid.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from checker.data.headings import (
    HEADINGS,
    WORDS_ONLY,
    gap_cells,
    gap_word,
    is_estimate,
    is_wide,
    period_heading,
)
from checker.data.problems import IntArray, Problems
from checker.data.tables import RawTable, blank_mask
from checker.source import Span


@dataclass
class LongTable(RawTable):
    """The long form of a wide table; each cell's span is its own in the file."""

    wide: RawTable | None = None
    cell_column: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    position_in_wide: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    kept: list[int] = field(default_factory=list)  # the wide columns repeated, in order

    def span(self, position: int | None, column: int) -> Span:
        """A repeated column's cell; the figure's own cell for `value`; the heading it stands
        under for `year` and `kind`."""
        assert self.wide is not None
        at = None if position is None else int(self.position_in_wide[position])
        if column < len(self.kept):
            return self.wide.span(at, self.kept[column])
        if position is None:
            return self.wide.header_span()
        cell = int(self.cell_column[position])
        is_value = column == len(self.kept) + 1
        return self.wide.span(at if is_value else None, cell)


def long_form(table: RawTable, report: Problems) -> RawTable | None:
    """`table` itself, or its long form when it is wide (gaps counted in D346); None when
    it cannot be read (reported)."""
    if table.format == "parquet" or not is_wide(table.header):
        return table
    periods = [(i, period_heading(h)) for i, h in enumerate(table.header)]
    cells = [(i, p) for i, p in periods if p is not None]  # the years across
    kept = [i for i, p in periods if p is None]
    has_kind = any(HEADINGS.get(table.header[i].strip(), table.header[i].strip()) == "kind"
                   for i in kept)
    if has_kind and any(kind is not None for _, (_, kind) in cells):
        report.add("D311", "the kind of a figure is given twice: by a `kind` column and by "
                   "a heading such as `2025年目标`", table.header_span(),
                   "keep one: the headings' words (目标, 实际) or the `kind` column",
                   "kind given twice")
        return None
    positions: list[IntArray] = []
    columns: list[IntArray] = []
    values: list[Any] = []
    years: list[str] = []
    kinds: list[str] = []
    said_by: list[str | None] = []  # the heading of an estimate (`2023年预计`), else None
    gaps: dict[str, int] = {}
    for index, (period, kind) in cells:
        column = table.columns[index]
        blank = blank_mask(column)
        said = gap_cells(column) & ~blank
        empty = blank | said
        rows = np.flatnonzero(~empty)
        if blank.any():
            gaps["empty"] = gaps.get("empty", 0) + int(blank.sum())
        for cell, count in column[said].value_counts(sort=False).items():
            word = gap_word(str(cell)) or str(cell)
            gaps[word] = gaps.get(word, 0) + int(count)
        positions.append(rows)
        columns.append(np.full(len(rows), index, dtype=np.int64))
        values.extend(column.iloc[rows].tolist())
        years += [period] * len(rows)
        kinds += [kind or "actual"] * len(rows)
        said_by += [table.header[index].strip() if is_estimate(table.header[index]) else None
                    ] * len(rows)
    at = np.concatenate(positions) if positions else np.zeros(0, dtype=np.int64)
    order = np.lexsort((np.concatenate(columns), at)) if len(at) else at
    at = at[order]
    header = [table.header[i] for i in kept] + ["year", "value"]
    out_columns = [table.columns[i].iloc[at].reset_index(drop=True) for i in kept]
    out_columns += [pd.Series(np.asarray(years, dtype=object)[order]),
                    pd.Series(np.asarray(values, dtype=object)[order])]
    if not has_kind:
        header.append("kind")
        out_columns.append(pd.Series(np.asarray(kinds, dtype=object)[order]))
    if any(said_by):
        _note_estimates(header, out_columns, [said_by[i] for i in order.tolist()])
    report_gaps(f"cell{{s}} of the wide table `{table.display}`", gaps, table.header_span(),
                report, "years across")
    return LongTable(table.display, table.format, header, out_columns, table.rows[at],
                     table.lines, table.header_row, (), table.title_unit, wide=table,
                     cell_column=np.concatenate(columns)[order] if columns else at,
                     position_in_wide=at, kept=kept)


def _note_estimates(header: list[str], columns: list[pd.Series[Any]],
                    said_by: list[str | None]) -> None:
    """An estimate's heading (`2023年预计`) opens its figure's note: an actual said to be an
    estimate is read as the actual, and shown as what it is."""
    names = [HEADINGS.get(h.strip(), h.strip()) for h in header]
    if "note" not in names:
        header.append("note")
        columns.append(pd.Series([None] * len(said_by), dtype=object))
    at = names.index("note") if "note" in names else len(header) - 1
    notes = columns[at].tolist()
    columns[at] = pd.Series([n if word is None else word if n is None or n != n or not str(n)
                             .strip() else f"{word}；{str(n).strip()}"
                             for n, word in zip(notes, said_by, strict=True)], dtype=object)


def report_gaps(what: str, gaps: dict[str, int], span: Span, report: Problems,
                label: str) -> None:
    """One D346 for the cells of a table that give no figure, counted word by word; `what`
    names them, `{s}` standing for the plural's `s`."""
    total = sum(gaps.values())
    if not total:
        return
    one = total == 1
    words = ", ".join(f"{w} {n:,}" if w == "empty" else f"`{w}` {n:,}" for w, n in gaps.items())
    undone = [f"`{w}`" for w in gaps if w in WORDS_ONLY]
    also = (f"; {', '.join(undone)} {'is' if len(undone) == 1 else 'are'} words, not a "
            "figure, never read as done or met") if undone else ""
    report.add("D346", f"{total:,} {what.format(s='' if one else 's')} "
               f"{'gives' if one else 'give'} no figure ({words}): read as "
               f"{'a gap' if one else 'gaps'}{also}", span,
               "a rule that needs one of those years stays unknown and names it", label,
               severity="warning")
