"""A workbook a planning office can hand on: indicators, findings, inputs (`--format xlsx`).

In: a `Result` and the options (language).  Out: the bytes of an .xlsx file (openpyxl):
an indicator sheet (one row per indicator × region, frozen header, column widths, numbers
with their unit as a number format, the status coloured, the plan's sentence as a column),
a findings sheet (every outcome listed in the result, with its evidence and origin) and an
inputs sheet (files, rows, notes).  Text that looks like a formula is written as text, so
no cell of user data ever computes.  Imports `checker.result`, the reports' words, openpyxl.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from checker.result import Result, Status
from reports import DEFAULT, Options, annual, i18n, messages, notes
from reports import common as c
from reports import evaluation as ev
from reports.i18n import Lang

# Fill colours of the statuses (Excel's good / neutral / bad palette).
FILL: dict[Status, str] = {"achieved": "C6EFCE", "ahead": "C6EFCE", "on_track": "E2EFDA",
                           "lagging": "FFEB9C", "pass": "C6EFCE", "fail": "FFC7CE",
                           "unknown": "EDEDED", "no_baseline": "EDEDED"}
WIDTH = {"id": 26, "name": 24, "region": 14, "kind": 10, "unit": 8, "base_year": 9,
         "base": 12, "target": 30, "target_value": 12, "deadline": 9, "latest_period": 9,
         "latest": 12, "status": 13, "reason": 40, "source": 24, "note": 20, "rules": 14,
         "quote": 60, "from": 28}
FINDINGS = ("rule", "title", "kind", "subject", "described", "outcome", "trajectory", "severity",
            "message", "observed", "threshold", "margin", "evidence", "from")
_FIXED_TIME = dt.datetime(2000, 1, 1)  # the same bytes of metadata on every run
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


def write_bytes(result: Result, options: Options = DEFAULT) -> bytes:
    lang = i18n.language(result, options.lang)
    book = Workbook()
    book.properties.creator = "plancheck"
    book.properties.created = book.properties.modified = _FIXED_TIME
    sheet = book.active
    assert sheet is not None
    _indicators(sheet, result, lang)
    _findings(book.create_sheet(i18n.word("sheet_findings", lang)), result, lang)
    _inputs(book.create_sheet(i18n.word("sheet_inputs", lang)), result, lang)
    yearly = annual.rows(result)
    if yearly:  # last, so that the first three sheets keep their places
        _annual(book.create_sheet(i18n.word("sheet_annual", lang, year=result.as_of)),
                yearly, result.as_of, lang)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _put(sheet: Worksheet, row: int, column: int, value: ev.Cell) -> None:
    """One cell; a string is always a string (never a formula)."""
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"


def _header(sheet: Worksheet, keys: Sequence[str], lang: Lang,
            widths: dict[str, int]) -> None:
    for column, key in enumerate(keys, start=1):
        _put(sheet, 1, column, i18n.word(key, lang))
        sheet.cell(row=1, column=column).font = _BOLD
        sheet.column_dimensions[get_column_letter(column)].width = widths.get(key, 16)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(keys))}1"


def number_format(unit: str) -> str:
    """`General" km²"`: the number stays a number and shows its unit."""
    if unit in ("", "one"):
        return "General"
    return 'General"' + ("" if unit in ("%", "‰") else " ") + unit.replace('"', "") + '"'


def _indicators(sheet: Worksheet, result: Result, lang: Lang) -> None:
    sheet.title = i18n.word("sheet_indicators", lang)
    _header(sheet, ev.COLUMNS, lang, WIDTH)
    status_column = ev.COLUMNS.index("status") + 1
    for number, row in enumerate(result.indicators, start=2):
        values = ev.cells(row, lang)
        for column, key in enumerate(ev.COLUMNS, start=1):
            _put(sheet, number, column, values[key])
            cell = sheet.cell(row=number, column=column)
            if key in ev.NUMBERS and isinstance(values[key], float):
                cell.number_format = number_format(row.unit)
            if key in ("target", "reason", "quote"):
                cell.alignment = _WRAP
        colour = FILL[row.status]
        sheet.cell(row=number, column=status_column).fill = PatternFill(
            start_color=colour, end_color=colour, fill_type="solid")


def _annual(sheet: Worksheet, rows: list[annual.AnnualRow], year: int, lang: Lang) -> None:
    """The `--as-of` year's stated targets against its actuals; figures stay numbers."""
    for column, key in enumerate(annual.COLUMNS, start=1):
        _put(sheet, 1, column, annual.heading(key, year, lang))
        sheet.cell(row=1, column=column).font = _BOLD
        sheet.column_dimensions[get_column_letter(column)].width = 30 if key == "plan_target" \
            else 14
    sheet.freeze_panes = "A2"
    for number, row in enumerate(rows, start=2):
        shown = annual.shown(row, lang)
        plain = row.basis is None  # a figure on a basis keeps its basis beside it, as text
        values: dict[str, ev.Cell] = {
            **shown, "year_target": row.year_target if plain and row.year_target is not None
            else row.target_text,
            "year_actual": row.year_actual if plain and row.year_actual is not None
            else row.actual_text}
        for column, key in enumerate(annual.COLUMNS, start=1):
            _put(sheet, number, column, values[key])
            if isinstance(values[key], float):
                sheet.cell(row=number, column=column).number_format = number_format(row.unit)


def _findings(sheet: Worksheet, result: Result, lang: Lang) -> None:
    _header(sheet, FINDINGS, lang, {"message": 50, "evidence": 60, "title": 24, "from": 28,
                                    "subject": 20, "described": 40})
    rules = {rule.id: rule for rule in result.rules}
    for number, outcome in enumerate(result.outcomes, start=2):
        rule = rules.get(outcome.rule)
        ev_ = outcome.evidence
        values: list[ev.Cell] = [
            outcome.rule, rule.title if rule and rule.title else "",
            i18n.kind(rule.kind, lang) if rule else "", outcome.subject, c.described(outcome),
            i18n.outcome(outcome.outcome, lang),
            i18n.TRAJECTORY[outcome.trajectory][lang] if outcome.trajectory else "",
            outcome.severity, messages.message(outcome, lang),
            ev_.observed.text if ev_ and ev_.observed else "",
            ev_.threshold.text if ev_ and ev_.threshold else "",
            messages.margin(outcome, lang),
            "\n".join(f"{label}: {text}"
                      for label, text in messages.evidence_lines(outcome, lang)),
            outcome.origin.text if outcome.origin else ""]
        for column, value in enumerate(values, start=1):
            _put(sheet, number, column, value)
        sheet.cell(row=number, column=FINDINGS.index("evidence") + 1).alignment = _WRAP


def _inputs(sheet: Worksheet, result: Result, lang: Lang) -> None:
    _header(sheet, ("path", "input_kind", "rows"), lang, {"path": 50, "input_kind": 12})
    number = 1
    for number, item in enumerate(result.inputs, start=2):
        _put(sheet, number, 1, item.path)
        _put(sheet, number, 2, i18n.word(item.kind, lang))
        _put(sheet, number, 3, item.rows)
    for offset, note in enumerate(result.notes, start=1):
        _put(sheet, number + offset, 1, f"{i18n.word('notes', lang)}: {notes.note(note, lang)}")
