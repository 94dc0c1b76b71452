"""Plan-data tables with the indicators across and the years down, read by turning them.

A yearbook's or a monitoring office's sheet reads `年份 | 细颗粒物年均浓度 | 一般公共预算收入`,
perhaps with a row `单位 | 微克/立方米 | 亿元` under the header and a unit in brackets in a
heading (`森林覆盖率(%)`): one row per year, one column per indicator. Such a table is read
as its long form — one row per filled cell, the heading its indicator, the row's first cell
its year or period, the unit from the unit row, the heading or the title — and every cell
keeps its own place for diagnostics. A cell left empty or written `—` is a gap (D346), a
row with no figure under a first cell that names no period a note under the table; a row
whose first cell names no period but has figures is read, and `year` says why it cannot be.
Imports `headings`, `tables`, `wide_tables`; pandas.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from checker.data.headings import HEADINGS, TIME_COLUMNS, gap_cells, gap_word
from checker.data.problems import Problems
from checker.data.tables import RawTable, blank_mask, cell_texts
from checker.data.wide_tables import LongTable, report_gaps

# Per-row columns of such a table, kept beside each of its figures.
_KEPT: Final = frozenset({*TIME_COLUMNS, "region", "source", "note", "basis", "kind",
                          "row_number"})
_UNIT_ROW: Final = frozenset({"单位", "计量单位", "unit"})
# Headings that make a table something else: a long table, or indicators down.
_NOT_ACROSS: Final = frozenset({"indicator", "value", "unit", "id"})

Clean = Callable[[str], tuple[str, "str | None"]]  # a heading -> (indicator name, its unit)


def indicators_across(table: RawTable) -> bool:
    """Whether `table` gives the indicators across: its first heading is the year (or the
    period), and no heading names an indicator, value or unit column."""
    names = [HEADINGS.get(h.strip(), h.strip()) for h in table.header]
    return bool(names) and names[0] in TIME_COLUMNS and not set(names) & _NOT_ACROSS and any(
        n and n not in _KEPT for n in names)


def turned(table: RawTable, clean: Clean,
           report: Problems) -> tuple[LongTable, list[str], int]:
    """The long form of an `indicators_across` table, its notes under the table (rows with
    no figure whose first cell names no period, as written), and how many rows its figures
    come from (not its unit row nor its notes)."""
    names = [HEADINGS.get(h.strip(), h.strip()) for h in table.header]
    across = [i for i, n in enumerate(names) if n and n not in _KEPT]
    kept = [i for i in range(len(names)) if i not in across]
    firsts = cell_texts(table.columns[0])
    unit_rows = [row for row, text in enumerate(firsts) if text in _UNIT_ROW]
    units: dict[int, str | None] = {}
    for at in across:
        _, unit = clean(table.header[at])
        written = (cell_texts(table.columns[at])[unit_rows[0]] or None) if unit_rows else None
        units[at] = written or unit or table.title_unit
    filled = _filled(table, across)
    notes_at = [row for row, text in enumerate(firsts) if row not in unit_rows
                and not filled[row] and text]
    aside = np.zeros(len(table), dtype=bool)
    aside[unit_rows + notes_at] = True
    positions: list[npt.NDArray[np.int64]] = []
    cells: list[npt.NDArray[np.int64]] = []
    values: list[Any] = []
    indicators: list[str] = []
    unit_of: list[str | None] = []
    gaps: dict[str, int] = {}
    for at in across:
        column = table.columns[at]
        blank = blank_mask(column) & filled & ~aside
        said = gap_cells(column) & ~blank & ~aside
        if blank.any():
            gaps["empty"] = gaps.get("empty", 0) + int(blank.sum())
        for cell, count in column[said].value_counts(sort=False).items():
            word = gap_word(str(cell)) or str(cell)
            gaps[word] = gaps.get(word, 0) + int(count)
        rows = np.flatnonzero(~blank_mask(column) & ~said & ~aside)
        name = clean(table.header[at])[0]
        positions.append(rows)
        cells.append(np.full(len(rows), at, dtype=np.int64))
        values.extend(column.iloc[rows].tolist())
        indicators += [name] * len(rows)
        unit_of += [units[at]] * len(rows)
    at_rows = np.concatenate(positions) if positions else np.zeros(0, dtype=np.int64)
    at_cells = np.concatenate(cells) if cells else at_rows
    order = np.lexsort((at_cells, at_rows)) if len(at_rows) else at_rows
    rows_in = at_rows[order]
    header = [table.header[i] for i in kept] + ["indicator", "value"]
    columns = [table.columns[i].iloc[rows_in].reset_index(drop=True) for i in kept]
    columns += [pd.Series(np.asarray(indicators, dtype=object)[order]),
                pd.Series(np.asarray(values, dtype=object)[order])]
    if any(u is not None for u in unit_of):
        header.append("unit")
        columns.append(pd.Series(np.asarray(unit_of, dtype=object)[order]))
    report_gaps(f"cell{{s}} of the table `{table.display}` (indicators across)", gaps,
                table.header_span(), report, "indicators across")
    long = LongTable(table.display, table.format, header, columns, table.rows[rows_in],
                     table.lines, table.header_row, (), table.title_unit, wide=table,
                     cell_column=at_cells[order], position_in_wide=rows_in, kept=kept)
    first = table.columns[0]
    return long, [str(first.iloc[row]).strip() for row in notes_at], int(
        (filled & ~aside).sum())


def _filled(table: RawTable, across: list[int]) -> npt.NDArray[np.bool_]:
    """Rows with a cell filled under some indicator (a row of figures, or of units)."""
    filled = np.zeros(len(table), dtype=bool)
    for at in across:
        filled |= ~blank_mask(table.columns[at])
    return filled

