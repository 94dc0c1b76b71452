"""Reading one sheet of an XLSX workbook: the first, or the one `--sheet NAME` chooses.

In: a workbook's path and the sheet asked for (None: the first).  Out: the sheet's
rows as tuples of Python values, or None when the workbook cannot be read (D306) or
has no such sheet (D317, with did-you-mean and the sheets it has).  Every other sheet
that holds data is named in a D315 warning, so a table split over sheets is never
half-read without a word.  Imports `problems`, `diagnostics`; openpyxl.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from checker.data.problems import Problems, file_span, unreadable
from checker.data.titles import MAX_TITLES, title_rows
from checker.diagnostics import did_you_mean

Row = tuple[Any, ...]
T = TypeVar("T")
_LISTED = 8  # sheet names listed in the help of D317


def filled(value: object) -> bool:
    """A cell that says something (not empty, not only spaces)."""
    return value is not None and not (isinstance(value, str) and not value.strip())


def read_sheet(path: Path, display: str, report: Problems, sheet: str | None) -> list[Row] | None:
    """Every row of the chosen sheet; the other sheets with data are named (D315)."""
    def rows(book: Any, chosen: Any) -> tuple[list[Row], list[tuple[str, int]]]:
        cells = [tuple(row) for row in chosen.iter_rows(min_row=1, values_only=True)]
        others = [(other.title, sum(1 for row in other.iter_rows(values_only=True)
                                    if any(filled(v) for v in row)))
                  for other in book.worksheets if other is not chosen]
        return cells, others

    found = _on_sheet(path, display, report, sheet, rows)
    if found is None:
        return None
    cells, others = found
    _name_unread(display, sheet, [(title, count) for title, count in others if count], report)
    return cells


def sheet_header(path: Path, display: str, report: Problems,
                 sheet: str | None) -> list[str] | None:
    """The first row that says something on the chosen sheet ([] when there is none)."""
    def header(_: Any, chosen: Any) -> list[str]:
        said: list[list[str]] = []
        for row in chosen.iter_rows(min_row=1, values_only=True):
            if any(filled(v) for v in row):
                said.append(["" if v is None else str(v).strip() for v in row])
            if len(said) > MAX_TITLES:
                break
        return said[title_rows(said)] if said else []

    return _on_sheet(path, display, report, sheet, header)


def _on_sheet(path: Path, display: str, report: Problems, sheet: str | None,
              read: Callable[[Any, Any], T]) -> T | None:
    """`read(book, chosen sheet)` on the open workbook; None after D306 or D317."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            chosen = _choose(book, display, report, sheet)
            return None if chosen is None else read(book, chosen)
        finally:
            book.close()
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        unreadable("xlsx", display, error, report)
        return None


def _choose(book: Any, display: str, report: Problems, sheet: str | None) -> Any:
    """The sheet named `sheet` (the first when None), or None after D317."""
    if sheet is None:
        return book.worksheets[0]
    titles = [str(ws.title) for ws in book.worksheets]
    if sheet in titles:
        return book.worksheets[titles.index(sheet)]
    listed = ", ".join(f"`{title}`" for title in titles[:_LISTED])
    more = ", …" if len(titles) > _LISTED else ""
    hint = did_you_mean(sheet, titles)
    report.add("D317", f"`{display}` has no sheet `{sheet}`", file_span(display),
               (f"{hint} " if hint else "") + f"its sheets: {listed}{more}", "no such sheet")
    return None


def _name_unread(display: str, sheet: str | None, unread: list[tuple[str, int]],
                 report: Problems) -> None:
    if not unread:
        return
    listed = ", ".join(f"`{title}` ({rows:,} rows)" for title, rows in unread[:_LISTED])
    if len(unread) > _LISTED:
        listed += f" and {len(unread) - _LISTED:,} more"
    which = "the first sheet" if sheet is None else f"sheet `{sheet}`"
    report.add("D315", f"only {which} of `{display}` is read; not read: {listed}",
               file_span(display), "choose the sheet with `--sheet NAME`, or save each sheet "
               "as its own file", severity="warning")
