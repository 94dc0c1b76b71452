"""The headings and words of plan-data tables as offices publish them, in Chinese, and
the headings that are periods (a wide table's years across: `2022年`, `2025年目标`).

An execution report's table says 指标, 年份, 数值, 单位 and 实际/目标, not `indicator`, `year`,
`value`, `unit` and `actual`/`target`; these are read as the data contract's names, and
every other heading is still D310.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any, Final, Literal

import numpy as np
import numpy.typing as npt

from checker.data.periods import read_period

if TYPE_CHECKING:
    import pandas as pd

HEADINGS: Final = {"指标": "indicator", "指标名称": "indicator", "地区": "region",
                   "区域": "region", "年份": "year", "年度": "year", "时期": "period",
                   "期间": "period", "时间": "period", "数值": "value", "值": "value",
                   "指标值": "value", "单位": "unit", "计量单位": "unit", "来源": "source",
                   "数据来源": "source", "资料来源": "source", "类型": "kind",
                   "数据类型": "kind", "备注": "note", "说明": "note", "口径": "basis",
                   "统计口径": "basis", "序号": "row_number", "编号": "row_number",
                   "序": "row_number", "属性": "attribute", "指标属性": "attribute",
                   "指标性质": "attribute", "完成情况": "status", "完成状态": "status",
                   "执行情况": "status", "比上年增长": "growth"}
IGNORED: Final = ("row_number", "attribute", "status", "growth")  # read by `layouts`
_GROWTH_HEADING: Final = re.compile(r"(?P<period>[^比同较增]+?)?(?:比上年|同比|较上年)?"
                                    r"(?:增长|增速|增幅)(?:率|速度)?(?:[(（]?%[)）]?)?")
_INCREASE_HEADING: Final = re.compile(r"(?P<period>[^比同较增]+?)?(?:比上年|同比|较上年)?"
                                      r"(?:增量|增加额|增加|增减额?)(?:[(（][^()（）]+[)）])?")
# An execution report's `指标 | 年份 | 单位 | 年度目标 | 完成值`: a figure column per kind.
VALUE_KINDS: Final = {"年度目标": "target", "全年目标": "target", "计划目标": "target",
                      "预期目标": "target", "年度计划": "target", "完成值": "actual",
                      "实际完成": "actual", "完成数": "actual", "实际完成值": "actual",
                      "执行数": "actual"}
KIND_WORDS: Final = {"实际": "actual", "实际值": "actual", "完成": "actual", "完成值": "actual",
                     "目标": "target", "目标值": "target", "计划": "target", "计划值": "target"}

_PERIOD_HEADING: Final = re.compile(r"(?P<period>.+?)[(（]?(?P<kind>实际|完成|基数|基期|规划目标|"
                                    r"预期目标|目标|计划|预计完成|预计)?值?[)）]?")
# `2023年预计`, `2023年预计完成`: an evaluation made before the year's figures are out gives
# its estimate, an actual said to be one (kept in the figure's note, `预计`).
ESTIMATE_WORDS: Final = ("预计完成", "预计")
# `“十四五”目标`: a plan's target is for its last year (2025 for the 14th plan).
_QUOTES: Final = "[\"“”「」『』]?"
_PLAN_NAME: Final = re.compile(rf"{_QUOTES}十(?P<plan>[一二三四五])五{_QUOTES}(?:规划|时期)?")
_TARGET_WORDS: Final = ("目标", "计划", "规划目标", "预期目标")
# How final a figure is, in a `kind` or `basis` cell: an actual, the word kept in its note.
ESTIMATE_CELLS: Final = (*ESTIMATE_WORDS, "初步预计", "初步核算", "初步统计", "快报")
# What a `kind` cell may say: the words of the headings above (`实际完成`, `预期目标`,
# `规划目标`), and an estimate (`预计完成`).
KIND_CELLS: Final = {**KIND_WORDS, **VALUE_KINDS, **dict.fromkeys(_TARGET_WORDS, "target"),
                     **dict.fromkeys(ESTIMATE_CELLS, "actual")}
TIME_COLUMNS: Final = ("year", "period")
# Words a published cell uses for "no figure": a gap, never a pass.
NO_FIGURE: Final = frozenset({"—", "——", "-", "--", "－", "/", "／", "…", "……", "暂无",
                              "暂无数据", "无数据", "待统计", "未统计", "待公布", "未公布",
                              "暂缺", "不详"})
# Words that say how far a task went, not a figure: read as a gap, never as done.
WORDS_ONLY: Final = frozenset({"基本完成", "基本实现", "基本达到", "基本达标", "推进中",
                               "正在推进", "持续推进", "有序推进", "进行中", "保持稳定",
                               "稳步增长", "稳步提升", "持续下降", "持续改善", "进一步提高",
                               "完成市级任务", "完成市级下达任务", "达到市级要求"})
GAP_WORDS: Final = NO_FIGURE | WORDS_ONLY  # published "no figure", or words only
# A cell of dashes alone, however many and of whichever kind (hyphen, en and em dash,
# horizontal bar, box-drawing line, full-width hyphen folded by NFKC): no figure.
_DASHES: Final = "(?:[-‐‑‒–—―─]+|[*＊]{2,}|[×xX]{3})"  # and a yearbook's `***`
_DASH_CELL: Final = re.compile(_DASHES)


def gap_word(text: str) -> str | None:
    """The no-figure word a cell says (` — `, `－`, `——`, `暂无`, `保持稳定`), NFKC-folded
    and stripped as it is counted, or None when the cell says something else."""
    folded = unicodedata.normalize("NFKC", text).strip()
    return folded if folded in GAP_WORDS or _DASH_CELL.fullmatch(folded) else None


def gap_cells(column: pd.Series[Any]) -> npt.NDArray[np.bool_]:
    """Which cells of a column say no figure (`gap_word`), column-wise: a big tidy table is
    tested without a row-by-row pass (Arrow strings folded and matched in Arrow)."""
    import pandas as pd

    if getattr(column.dtype, "storage", None) == "pyarrow" and pd.api.types.is_string_dtype(
            column.dtype):
        import pyarrow as pa
        import pyarrow.compute as pc

        folded = pc.utf8_normalize(pc.utf8_trim_whitespace(pa.array(column.array)), "NFKC")
        said = pc.or_(pc.is_in(folded, value_set=pa.array(sorted(GAP_WORDS))),
                      pc.match_substring_regex(folded, f"^{_DASHES}$"))
        return np.asarray(pc.fill_null(said, False).to_numpy(zero_copy_only=False), dtype=bool)
    return np.array([isinstance(v, str) and gap_word(v) is not None for v in column.tolist()],
                    dtype=bool)


def period_heading(heading: str) -> tuple[str, str | None] | None:
    """`2025年目标` -> (`2025年`, `target`); `2022年` -> (`2022年`, None): the period and kind
    a heading names, or None when it names no period."""
    text = "".join(unicodedata.normalize("NFKC", heading).split())
    match = _PERIOD_HEADING.fullmatch(text)
    if match is not None and match["kind"] in _TARGET_WORDS:
        plan = _PLAN_NAME.fullmatch(match["period"])
        if plan is not None:  # `“十四五”目标`: the target of the plan's last year
            return f"{2010 + 5 * '一二三四五'.index(plan['plan'])}年", "target"
    if match is None or read_period(match["period"]) is None:
        return None
    if match["kind"] is None:
        return match["period"], None
    return match["period"], "target" if match["kind"] in _TARGET_WORDS else "actual"


def is_estimate(heading: str) -> bool:
    """Whether a period heading says its figures are estimates (`2023年预计`)."""
    text = "".join(unicodedata.normalize("NFKC", heading).split())
    match = _PERIOD_HEADING.fullmatch(text)
    return match is not None and match["kind"] in ESTIMATE_WORDS


def is_growth_heading(heading: str) -> bool:
    """`比上年增长(%)`, `同比增长（%）`, `增速%`: a bulletin's column of each row's growth rate."""
    found = change_heading(heading)
    return found is not None and found[0] == "growth"


def change_heading(heading: str) -> tuple[Literal["growth", "increase"], str | None] | None:
    """`比上年增长(%)` -> (`growth`, None), `2024年增速` -> (`growth`, `2024年`), `比上年增加` or
    `增量(亿元)` -> (`increase`, None): a column of each row's change over the year before
    (a rate in %, or an amount in the row's unit), and the period it names if any."""
    text = "".join(unicodedata.normalize("NFKC", heading).split())
    for kind, pattern in (("growth", _GROWTH_HEADING), ("increase", _INCREASE_HEADING)):
        match = pattern.fullmatch(text)
        if match is None:
            continue
        period = match["period"]
        if period is not None and read_period(period) is None:
            return None
        return ("growth" if kind == "growth" else "increase"), period
    return None


def total_help(heading: str) -> str:
    """The fix for a heading that says a total (`累计`) over years it does not name."""
    if not any(word in heading for word in ("累计", "合计", "总计", "共计")):
        return ""
    return ("a total over years is read when its heading names them: `2021—2023年累计`, "
            "`2021-2025年累计目标`, `“十四五”累计` (2021–2025); write the years it covers")


def is_wide(header: list[str]) -> bool:
    """Whether a table's headings give years across (and no year column)."""
    names = {HEADINGS.get(h.strip(), h.strip()) for h in header}
    return ("indicator" in names and not names & {*TIME_COLUMNS, "value"}
            and any(period_heading(h) is not None for h in header))
