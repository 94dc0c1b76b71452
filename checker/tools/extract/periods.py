"""Periods: the years, dates and parts of years a text names, with where they stand.

In: folded text of one line.  Out: `Mark`s — `2025年` (a year), `2021-2025年`
and `“十四五”` (a span of years), `上半年`/`一季度`/`1-10月` (parts of a year),
`今年`/`去年` (relative to the document's year), `2023-02-09` and `7月27日`
(dates: when a document was written, never a figure).  A figure is never read
inside a mark.  Imports `numerals`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.tools.extract import numerals

_CN_DIGIT = "〇零一二三四五六七八九"
_CN_SMALL = "一二三四五六七八九十"
_YEAR = rf"(?:1[89]\d\d|20\d\d|21\d\d|[{_CN_DIGIT}]{{4}})"
_N = rf"[\d{_CN_SMALL}]"  # a month or a day, in either numerals
_PARTS_OF_YEAR = "底|末|初|度|以来|前|上半年|下半年|一季度|二季度|三季度|四季度|前三季度"
# What may follow a number that a bare year (`2020实现多项突破`, `确定2021空气质量目标`) is
# not followed by: a scale, a measure word, the first character of a unit, a bound.
_NOT_AFTER_YEAR = ("万亿千百十个家人元米吨亩项所座套户名次倍条处台辆件种批年月日号届期级类代版线路"
                   "环多余公平立克度天小分秒岁以左上下内之至到"
                   "张株棵艘栋幢间块篇本份门支起例位只头颗架对组段场部片宗")  # 2000张床位
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("date", re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")),
    ("date", re.compile(r"\d{4}[./]\d{1,2}[./]\d{1,2}")),
    # `05/03/2026 09:31`: day, month and year as Hong Kong and European pages write them
    ("date", re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/\d{4}(?:\s+\d{1,2}:\d{2})?")),
    ("date", re.compile(r"(?<!\d)\d{4}\s+\d{1,2}/\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")),
    ("date", re.compile(rf"{_YEAR}年{_N}{{1,3}}月{_N}{{1,3}}[日号]")),
    ("date", re.compile(rf"(?<!{_N}){_N}{{1,3}}月{_N}{{1,3}}[日号]")),
    ("date", re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?")),
    ("date", re.compile(r"(?<!\d)\d{1,2}日(?=[电,，讯上下午])")),
    ("years", re.compile(rf"({_YEAR})年?\s*[-—–~至到]\s*({_YEAR})年?")),
    ("month", re.compile(rf"({_YEAR})年({_N}{{1,3}})(?:-({_N}{{1,3}}))?月份?")),
    ("year", re.compile(rf"({_YEAR})[ \u3000]?年(?:{_PARTS_OF_YEAR})?")),
    # (after a comma too: `殷勇表示,2025北京全市…`; not inside a number, `1,2025`)
    ("year", re.compile(rf"(?<![\d.])(?<!\d,)(19\d\d|20\d\d)(?=[\u4e00-\u9fff])"
                        rf"(?![{_NOT_AFTER_YEAR}])")),
    # `2020 中国答卷`, `2024 成绩单`: a bare year that opens a line, a space after it.
    ("year", re.compile(rf"(?m)^(19\d\d|20\d\d)(?=[ \u3000]+[\u4e00-\u9fff])"
                        rf"(?![ \u3000]+[{_NOT_AFTER_YEAR}])")),
    # `展望2025,信心与动力同在`, `迈向2035`: a year looked ahead to, bare.
    ("year", re.compile(rf"(?<=展望|迈向|面向|奋进|决胜|开启|眺望)(19\d\d|20\d\d)"
                        rf"(?![\d{_NOT_AFTER_YEAR}])")),
    ("plan", re.compile(r"十([一二三四五六七八九])五|第十([一二三四五六七八九])个五年")),
    ("part", re.compile(r"上半年|下半年|前三季度|[一二三四1-4]季度|第[一二三四1-4]季度")),
    ("part", re.compile(rf"(?<!\d)({_N}{{1,2}})(?:[-—–~至、]({_N}{{1,2}}))?[ \u3000]?月份?"
                        r"(?![\d亿万])")),
    ("relative", re.compile(r"今年|去年|上年|明年|本年|当年|全年|同期")),
    ("marker", re.compile(r"(?m)^[ \t]*(?:\d{1,2}[.、](?!\d)|[(]\d{1,2}[)]|[①-⑳])")),
    ("since", re.compile(rf"(?<!{_N}){_N}{{1,3}}年来|近{_N}{{1,3}}年")),
]
_PARTS = {"上半年": "H1", "下半年": "H2", "前三季度": "Q1..Q3"}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # date | year | years | month | plan | part | relative | since
    text: str
    first: int | None = None  # the first and last year it names, when it names years
    last: int | None = None
    part: str = ""  # H1, Q1, Q1..Q3, 01..10: the part of the year


def _year(text: str) -> int:
    value = numerals.chinese(text) if not text.isdigit() else int(text)
    return int(value) if value is not None else 0


def _month(text: str) -> int:
    value = int(text) if text.isdigit() else numerals.chinese(text)
    return int(value) if value is not None else 0


def find_marks(text: str) -> list[Mark]:
    """Every mark in `text`, left to right, none overlapping (the first pattern wins)."""
    taken = [False] * (len(text) + 1)
    marks: list[Mark] = []
    for kind, pattern in _PATTERNS:
        for found in pattern.finditer(text):
            start, end = found.span()
            if any(taken[start:end]):
                continue
            mark = _mark(kind, found)
            if mark is None:
                continue
            marks.append(mark)
            for i in range(start, end):
                taken[i] = True
    return sorted(marks, key=lambda m: m.start)


def _mark(kind: str, found: re.Match[str]) -> Mark | None:
    start, end, text = found.start(), found.end(), found.group()
    match kind:
        case "years":
            first, last = _year(found.group(1)), _year(found.group(2))
            return Mark(start, end, kind, text, first, last) if first <= last else None
        case "year":
            year = _year(found.group(1))
            return Mark(start, end, kind, text, year, year, _part_of(text))
        case "month":
            year, low = _year(found.group(1)), _month(found.group(2))
            high = _month(found.group(3)) if found.group(3) else low
            if not 1 <= low <= high <= 12:
                return None
            return Mark(start, end, kind, text, year, year, _months(low, high))
        case "plan":
            number = numerals.chinese(found.group(1) or found.group(2))
            if number is None:
                return None
            first = 2021 + 5 * (int(number) + 10 - 14)  # 十四五 -> 2021..2025
            return Mark(start, end, kind, text, first, first + 4)
        case "part":
            return _part(start, end, text, found)
    return Mark(start, end, kind, text)


def _part(start: int, end: int, text: str, found: re.Match[str]) -> Mark | None:
    if text in _PARTS or "季度" in text:
        return Mark(start, end, "part", text, part=_part_of(text))
    low = _month(found.group(1))
    high = _month(found.group(2)) if found.group(2) else low
    if not 1 <= low <= high <= 12:
        return None
    return Mark(start, end, "part", text, part=_months(low, high))


def _months(low: int, high: int) -> str:
    return f"{low:02d}" if low == high else f"{low:02d}..{high:02d}"


def _part_of(text: str) -> str:
    for word, part in _PARTS.items():
        if word in text:
            return part
    quarter = re.search(r"([一二三四1-4])季度", text)
    if quarter:
        return f"Q{_month(quarter.group(1))}"
    return ""


def period_text(year: int | None, last: int | None, part: str) -> str:
    """`2025`, `2021..2025`, `2022H1`, `2021Q1..2021Q3`, `2021-01..2021-10`."""
    if year is None:
        return ""
    if last is not None and last != year:
        return f"{year}..{last}"
    if not part:
        return str(year)
    if part.startswith(("H", "Q")):
        low, _, high = part.partition("..")
        return f"{year}{low}" + (f"..{year}{high}" if high else "")
    low, _, high = part.partition("..")
    return f"{year}-{low}" + (f"..{year}-{high}" if high else "")
