"""The title rows a published table has above its header.

An office's table opens with its title (`大兴区2022年主要指标完成情况表`) and sometimes a
line such as `单位：亿元`, each a row with one filled cell, before the header. Such rows are
the table's title, not its header: CSV and XLSX readers skip them (said in D318).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

MAX_TITLES: Final = 3
_UNIT_LINE: Final = re.compile(r"[(（]?(?:计量)?单位\s*[:：]\s*(?P<unit>[^)）]+?)\s*[)）]?")


def unit_line(title: str) -> str | None:
    """`单位：亿元` → `亿元`: the unit a title row gives every figure of the table."""
    match = _UNIT_LINE.fullmatch(unicodedata.normalize("NFKC", title).strip())
    return match["unit"] if match else None


def title_rows(rows: list[list[str]]) -> int:
    """How many of `rows` (the first rows that say something) are a title above the
    header: each with at most one filled cell, before a row with two or more. 0 when no
    such row follows within `MAX_TITLES` rows (a one-column table)."""
    for index, row in enumerate(rows[:MAX_TITLES + 1]):
        if sum(1 for cell in row if str(cell).strip()) >= 2:
            return index
    return 0
