"""The headings and words of plan-data tables as offices publish them, in Chinese, and
the headings that are periods (a wide table's years across: `2022年`, `2025年目标`).

An execution report's table says 指标, 年份, 数值, 单位 and 实际/目标, not `indicator`, `year`,
`value`, `unit` and `actual`/`target`; these are read as the data contract's names, and
every other heading is still D310.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from checker.data.periods import read_period

HEADINGS: Final = {"指标": "indicator", "指标名称": "indicator", "地区": "region",
                   "区域": "region", "年份": "year", "年度": "year", "时期": "period",
                   "期间": "period", "时间": "period", "数值": "value", "值": "value",
                   "指标值": "value", "单位": "unit", "计量单位": "unit", "来源": "source",
                   "数据来源": "source", "资料来源": "source", "类型": "kind",
                   "数据类型": "kind", "备注": "note", "说明": "note", "口径": "basis",
                   "统计口径": "basis"}
KIND_WORDS: Final = {"实际": "actual", "实际值": "actual", "完成": "actual", "完成值": "actual",
                     "目标": "target", "目标值": "target", "计划": "target", "计划值": "target"}

_PERIOD_HEADING: Final = re.compile(r"(?P<period>.+?)(?P<kind>实际|完成|基数|基期|目标|计划)?值?")
_TARGET_WORDS: Final = ("目标", "计划")
TIME_COLUMNS: Final = ("year", "period")


def period_heading(heading: str) -> tuple[str, str | None] | None:
    """`2025年目标` -> (`2025年`, `target`); `2022年` -> (`2022年`, None): the period and kind
    a heading names, or None when it names no period."""
    text = "".join(unicodedata.normalize("NFKC", heading).split())
    match = _PERIOD_HEADING.fullmatch(text)
    if match is None or read_period(match["period"]) is None:
        return None
    if match["kind"] is None:
        return match["period"], None
    return match["period"], "target" if match["kind"] in _TARGET_WORDS else "actual"


def is_wide(header: list[str]) -> bool:
    """Whether a table's headings give years across (and no year column)."""
    names = {HEADINGS.get(h.strip(), h.strip()) for h in header}
    return ("indicator" in names and not names & {*TIME_COLUMNS, "value"}
            and any(period_heading(h) is not None for h in header))
