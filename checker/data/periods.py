"""Reading a period of plan data: a year, or a part of one (`2022H1`, `2022Q1`, `2022-04`,
`2022年上半年`, `2022年一季度`, `2022年1-6月`), or a total or a mean over years
(`2021—2025年累计`, `2021-2023年均`).

Execution reports give half-year, quarter and month figures beside the annual ones.
Each is kept with its year, a canonical label and the date it ends (for a cut-off
`--as-of 2023-06-30`); annual rules read only annual values, and the rest are shown,
never dropped.  A cumulative span of months is a quarter or half when it is one
(`1-6月` is `H1`), else `2022M01-09`.  Imports `values`, `columns`, `problems`;
pandas for the column reader.
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import numpy.typing as npt

from checker.data.arrow_columns import texts_by_code
from checker.data.columns import factorize
from checker.data.problems import Problems
from checker.data.records import report_cells
from checker.data.values import FIRST_YEAR, LAST_YEAR, Problem, is_blank, shown
from checker.source import Span

if TYPE_CHECKING:
    import pandas as pd

PERIOD_HELP: Final = ("write a year such as `2025`, or a part of one: `2022H1`, `2022Q1`, "
                      "`2022-04`, `2022年上半年`, `2022年一季度`, `2022年1-6月`")
_NUMERALS: Final = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True, slots=True)
class Period:
    """`label` None is the whole year; `end` is the period's last day."""

    year: int
    label: str | None
    end: datetime.date

    @property
    def annual(self) -> bool:
        return self.label is None


def _months(year: int, first: int, last: int) -> Period | None:
    if not 1 <= first <= last <= 12:
        return None
    end = datetime.date(year, last, calendar.monthrange(year, last)[1])
    if (first, last) == (1, 12):
        return Period(year, None, end)
    if first == last:
        return Period(year, f"{year}-{first:02d}", end)
    if (first, last) in ((1, 6), (7, 12)):
        return Period(year, f"{year}H{1 if first == 1 else 2}", end)
    if last - first == 2 and first % 3 == 1:
        return Period(year, f"{year}Q{last // 3}", end)
    return Period(year, f"{year}M{first:02d}-{last:02d}", end)


_ASCII = re.compile(r"(?P<year>[0-9]{4})(?:年|年度)?(?:-?(?P<part>[HhQq][1-4]|[0-9]{1,2}))?")
_CHINESE = re.compile(r"(?P<year>[0-9]{4})年(?:第)?(?P<rest>.+)")


def read_period(value: object) -> Period | None:
    """The period `value` names, or None (not a year from 1900 to 2200, nor a part of one)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        year = int(value)
        return Period(year, None, datetime.date(year, 12, 31)) if _in_range(year) else None
    if not isinstance(value, str) or len(value) > 40:
        return None
    text = _arabic_year(re.sub(r"\s+", "", unicodedata.normalize("NFKC", value)))
    text = _BASE_MARK.sub("", text)  # `2020年(基期)`: the base year's figure is the year's
    text = _AS_AT.sub("", text)  # `截至2023年底`: the state at the end of 2023
    plan_end = _PLAN_END.fullmatch(text)
    if plan_end is not None:  # “十四五”期末: the last year of the 14th plan, 2025
        year = 2010 + 5 * _PLANS.index(plan_end["plan"])
        return Period(year, None, datetime.date(year, 12, 31))
    span = _SPAN.fullmatch(text) or _PLAN_SPAN.fullmatch(text)
    if span is not None:
        return _span(span)
    mean = _MEAN_SPAN.fullmatch(text) or _PLAN_MEAN.fullmatch(text)
    if mean is not None:
        total = _span(mean)
        return None if total is None else Period(total.year, f"{total.label}{MEAN_MARK}",
                                                 total.end)
    match = _ASCII.fullmatch(text)
    if match is not None:
        return _ascii(int(match["year"]), match["part"])
    chinese = _CHINESE.fullmatch(text)
    if chinese is not None and _in_range(int(chinese["year"])):
        return _chinese(int(chinese["year"]), chinese["rest"])
    return None


# `2020年（基期）`, `2020(基数)`, `2020年基期值`: an evaluation table's base year, as its
# heading reads (headings.py); in a period cell it is that year.
_BASE_MARK: Final = re.compile(r"(?<=[0-9年])\(?(?:基期|基数|基准年)值?\)?$")


# `截至2023年底`, `截止到2023年6月底`: a state at a date, as reports open a sentence; the
# date is the period (`2023年底` the year, `2023年6月底` the month).
_AS_AT: Final = re.compile(r"^(?:截至|截止到?|至)(?=[0-9]{4}年)")


# The five-year plans from the 11th (2006–2010) by their ordinal: “十四五”期末 is 2025, the
# state at the plan's end, as a plan's target tables head their target column.
_PLANS: Final = ("一", "二", "三", "四", "五")
_QUOTE = r"[\"“”「」『』]?"
_PLAN_END: Final = re.compile(rf"{_QUOTE}十(?P<plan>[一二三四五])五{_QUOTE}(?:时期)?(?:期末|末)")


# A total over several years: `2021—2025年累计`, `2021-2023年累计`, `“十四五”累计` (the plan's
# five years). Kept as the period `2021..2025` of its last year, shown, never read by an
# annual rule (a total is no year's value). `“十四五”以来累计` (up to when?) is not read.
_TOTAL = r"(?:时期|期间)?(?:累计|合计|总计|共计)"
_SPAN: Final = re.compile(rf"(?P<first>[0-9]{{4}})年?[-—–~～至到](?P<last>[0-9]{{4}})年?{_TOTAL}")
_PLAN_SPAN: Final = re.compile(rf"{_QUOTE}十(?P<plan>[一二三四五])五{_QUOTE}{_TOTAL}")
# An average over several years, as an evaluation table heads it: `2021-2023年均`,
# `2016—2020年平均`, `“十三五”时期年均` (a yearly mean or a mean yearly growth, as the row
# says). Kept as the period `2021..2023avg` of its last year: shown and counted, never
# read by an annual rule (a mean is no year's value).
_MEAN = r"(?:时期|期间)?(?:年均|年平均|平均)"
_MEAN_SPAN: Final = re.compile(rf"(?P<first>[0-9]{{4}})年?[-—–~～至到](?P<last>[0-9]{{4}})年?"
                               rf"{_MEAN}")
_PLAN_MEAN: Final = re.compile(rf"{_QUOTE}十(?P<plan>[一二三四五])五{_QUOTE}{_MEAN}")
MEAN_MARK: Final = "avg"  # the label's end that says a mean, not a total


def _span(match: re.Match[str]) -> Period | None:
    if "plan" in match.groupdict() and match["plan"] is not None:
        last = 2010 + 5 * _PLANS.index(match["plan"])
        first = last - 4
    else:
        first, last = int(match["first"]), int(match["last"])
    if not (_in_range(first) and _in_range(last) and first < last):
        return None
    return Period(last, f"{first}..{last}", datetime.date(last, 12, 31))


_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")


def _arabic_year(text: str) -> str:
    """`二〇二三年…` -> `2023年…`: a year written digit by digit in Chinese numerals (only the
    year: `一季度` after it keeps its words)."""
    head = text[:4]
    if len(head) == 4 and all(c in "〇○零一二三四五六七八九" for c in head):
        return head.translate(_YEAR_DIGITS) + text[4:]
    return text


def _in_range(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def _ascii(year: int, part: str | None) -> Period | None:
    if not _in_range(year):
        return None
    if part is None:
        return Period(year, None, datetime.date(year, 12, 31))
    head = part[0].upper()
    if head == "H":
        number = int(part[1:])
        return _months(year, 6 * number - 5, 6 * number) if number <= 2 else None
    if head == "Q":
        number = int(part[1:])
        return _months(year, 3 * number - 2, 3 * number)
    return _months(year, int(part), int(part))


def _chinese(year: int, rest: str) -> Period | None:
    halves = {"上半年": (1, 6), "下半年": (7, 12), "全年": (1, 12), "前三季度": (1, 9)}
    if rest in ("底", "末", "年底", "年末"):  # the state at the year's end: its annual value
        return Period(year, None, datetime.date(year, 12, 31))
    if rest in halves:
        return _months(year, *halves[rest])
    quarter = re.fullmatch(r"([一二三四1-4])季度", rest)
    if quarter is not None:
        number = _NUMERALS[quarter[1]]
        return _months(year, 3 * number - 2, 3 * number)
    span = re.fullmatch(r"([0-9]{1,2})(?:[-~～至—–]([0-9]{1,2}))?月(?:份|底|末)?", rest)
    if span is not None:
        first = int(span[1])
        return _months(year, first, int(span[2]) if span[2] else first)
    return None


def read_periods(column: pd.Series[Any], name: str, span: Callable[[int], Span],
                 report: Problems, good: npt.NDArray[np.bool_]) -> dict[str, Any]:
    """The `year`, `period` and `period_end` columns of plan data from its time column
    (each distinct cell read once); a blank or unreadable cell is reported with its row."""
    import pandas as pd
    codes, distinct = factorize(column)
    read = [None if is_blank(v := _scalar(value)) else read_period(v) for value in distinct]
    blank_code = [is_blank(_scalar(value)) for value in distinct] + [True]
    found = [*read, None]
    rows = np.where(codes < 0, len(read), codes)
    blank = np.array(blank_code, dtype=bool)[rows]
    bad = ~blank & np.array([p is None for p in found], dtype=bool)[rows]

    def why(position: int) -> Problem:
        value = _scalar(column.iloc[position])
        return Problem("D324", f"`{shown(value)}` in `{name}` is not a year or a period",
                       PERIOD_HELP, "expected a year or a period")

    report_cells(report, np.flatnonzero(bad), why, span, f"column `{name}`")
    report_cells(report, np.flatnonzero(blank), Problem(
        "D312", f"row has no `{name}`", f"every row of plan data needs `{name}`", "empty"),
        span, f"column `{name}`")
    good &= ~blank & ~bad
    years = np.array([p.year if p else 0 for p in found], dtype=np.int64)[rows]
    missing = blank | bad
    return {"year": pd.arrays.IntegerArray(years, missing.copy()),
            "period": texts_by_code([p.label if p else None for p in found], rows),
            "period_end": texts_by_code([p.end.isoformat() if p else None for p in found],
                                        rows)}


def _scalar(value: Any) -> object:
    return value.item() if isinstance(value, np.generic) else value
