"""The evaluation table as CSV (`--format csv`), for people who script.

In: a `Result` and the options (language of the headings and status words).  Out: CSV
text, one row per indicator × region with every column of `reports.evaluation`; numbers
as plain numbers in the indicator's unit (the `unit` column says which).  A text cell that
a spreadsheet would read as a formula (`=`, `+`, `-`, `@` first) gets a leading `'`.
Imports `checker.result` and the reports' words.
"""

from __future__ import annotations

import csv
import io

from checker.result import Result
from reports import DEFAULT, Options, i18n
from reports import evaluation as ev

_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: ev.Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.12g}"
    text = str(value)
    return "'" + text if isinstance(value, str) and text.startswith(_FORMULA) else text


def write(result: Result, options: Options = DEFAULT) -> str:
    lang = i18n.language(result, options.lang)
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\n")
    out.writerow([i18n.word(key, lang) for key in ev.COLUMNS])
    for row in result.indicators:
        values = ev.cells(row, lang)
        out.writerow([_cell(values[key]) for key in ev.COLUMNS])
    return buffer.getvalue()
