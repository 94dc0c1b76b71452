"""Which kind of input a data file is: proposals (records) or plan data.

YAML and JSON hold proposals. A table is plan data when its headings are those of the data
contract (`indicator`, `value`, in English or as offices write them in Chinese) or give the
years across (a wide table); any other table holds proposals.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from checker.data.problems import Problems, display_path, fail, file_span
from checker.data.tables import DOCUMENTS, TABLES, read_bytes, table_header


def classify(path: str | Path, sheet: str | None = None) -> Literal["records", "plan_data"]:
    """YAML/JSON are records; a table with `indicator` and `value` columns is plan data
    (a workbook: on its first sheet, or on `sheet`)."""
    target = Path(path)
    display = display_path(target)
    suffix = target.suffix.lower()
    report = Problems()
    if suffix in DOCUMENTS:
        read_bytes(target, display, report)
        report.raise_if_errors()
        return "records"
    if suffix not in TABLES:
        raise fail("D302", f"`{display}` is not a data file", file_span(display),
                   "data files are `.yaml`, `.yml`, `.json`, `.csv`, `.xlsx` or `.parquet`")
    header = table_header(target, display, report, sheet)
    report.raise_if_errors()
    # the headings' periods and readers are plan data's: a YAML check never loads them
    from checker.data.headings import HEADINGS, VALUE_KINDS, is_wide

    names = {HEADINGS.get(name.strip(), name.strip()) for name in header or []}
    wide = is_wide(header or [])
    by_kind = "indicator" in names and bool(names & VALUE_KINDS.keys())
    first = HEADINGS.get(header[0].strip(), "") if header else ""
    across = first in ("year", "period") and "id" not in names  # `年份 | 细颗粒物年均浓度 | …`
    return "plan_data" if {"indicator", "value"} <= names or wide or by_kind or across \
        else "records"
