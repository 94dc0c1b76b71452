"""The result's notes in the report's language.

In: a note as the engine words it (English, one of a fixed set of shapes: how the as-of
year was chosen, plan data no rule reads, values left out) and a language.  Out: the
note; for Chinese each shape is reworded, the names (in backticks), numbers and lists
kept as written.  A note of no known shape — a load warning is a diagnostic, English
everywhere — is shown as written, never half-translated.  Imports only `reports` words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reports.i18n import Lang
from reports.patterns import Lazy

_OUTCOMES_READ = {"those a failing, erroneous or unknown outcome reads":
                  "未通过、无法计算或待定的结果读取的序列",
                  "none, as asked": "按要求不列出"}


_MORE_LISTED = Lazy(r"(.+) and ([\d,]+|N) more", re.S)


def _list(text: str) -> str:
    """`a, b and 3 more` -> `a、b 等（另有 3 个）`: the engine's lists of named values."""
    found = _MORE_LISTED.fullmatch(text)
    head, more = (found[1], found[2]) if found else (text, None)
    return head.replace(", ", "、") + (f" 等（另有 {more} 个）" if more else "")


def _rows(text: str) -> str:
    """`1 row`, `1,234 rows` -> `1 行`, `1,234 行`."""
    return re.sub(r"^([\d,]+|N) rows?$", r"\1 行", text)


_READ = {"row": "行", "rows": "行", "figure": "个数值",
         "figures (a wide table: one per filled cell)": "个数值（宽表：每个非空单元格一个）"}
_SHARES = [(Lazy(r"([\d,]+) given twice with the same value, counted once"),
            r"\1 行重复给出且数值相同，计一次"),
           (Lazy(r"([\d,]+) of whole years"), r"\1 行为整年数值"),
           (Lazy(r"([\d,]+) of parts of a year"), r"\1 行为年内分期数值"),
           (Lazy(r"([\d,]+) qualified figures?"), r"\1 个限定数值"),
           (Lazy(r"([\d,]+) on a stated basis"), r"\1 个注明口径"),
           (Lazy(r"([\d,]+) targets?"), r"\1 个目标"),
           (Lazy(r"([\d,]+) read by an indicator's name"), r"\1 个按指标名称读取")]


def _shares(text: str) -> str:
    """`13 of whole years, 2 of parts of a year (1 target)` -> `13 行为整年数值、…（1 个目标）`."""
    for pattern, chinese in _SHARES:
        text = pattern.sub(chinese, text)
    return text.replace(", ", "、").replace(" (", "（").replace(")", "）")


def _tally(m: re.Match[str]) -> str:
    """A table's account of its rows (`checker.data.tally`)."""
    what = _READ[m["what"]][:3]  # 行 or 个数值, after the first mention of a wide table
    text = f"{m['file']}：读取 {m['rows']} {_READ[m['what']]}：{m['inside']} {what}在指标目录中，"
    text += (f"{m['outside']} {what}不在（{m['named'].replace(', ', '、')}）" if m["outside"]
             else f"0 {what}不在")
    return text + (f"；其中在目录中的 {m['of']} {what}：{_shares(m['shares'])}" if m["of"] else "")


_SHAPES: list[tuple[Lazy, Callable[[re.Match[str]], str]]] = [
    (Lazy(r"(?P<file>`[^`]+`): (?P<rows>[\d,]+) (?P<what>rows?|figures? \(a wide table: "
                r"one per filled cell\)|figure) read: (?P<inside>[\d,]+) in the catalogue, "
                r"(?:0 not|(?P<outside>[\d,]+) not \(named: (?P<named>.+?)\))"
                r"(?:; of the (?P<of>[\d,]+): (?P<shares>.+))?", re.S), _tally),
    (Lazy(r"([\d,]+) plan-data tables, ([\d,]+) rows read in all: ([\d,]+) in the "
                r"catalogue, ([\d,]+) not \(([\d,]+) ids? outside it\)"),
     lambda m: f"{m[1]} 个规划数据表共读取 {m[2]} 行：{m[3]} 行在指标目录中，{m[4]} 行不在"
     f"（目录外 {m[5]} 个指标）"),
    (Lazy(r"as of (\d{4}|N): the latest year with annual actual data; "
                r"`--as-of YEAR` chooses another"),
     lambda m: f"评估时点 {m[1]}：有年度实际数据的最近一年；用 `--as-of 年份` 可另选"),
    (Lazy(r"as of (\d{4}|N): the plan's last year \(no annual actual data was given\); "
                r"`--as-of YEAR` chooses another"),
     lambda m: f"评估时点 {m[1]}：规划期末年（未提供年度实际数据）；用 `--as-of 年份` 可另选"),
    (Lazy(r"([\d,]+|N) values? of parts of a year, kept and shown, not read by annual "
                r"rules: (.+)", re.S),
     lambda m: f"{m[1]} 个年内分期数值已保留并列出，年度规则不读取：{_list(m[2])}"),
    (Lazy(r"(`[^`]+`) for (`[^`]+`) \((\w+)\) in ([\d, N]+) is given only on the basis "
                r"(`[^`]+`), and no rule read it: rules read the default basis \(rows without "
                r"`basis`\), or the basis a year's target is stated on"),
     lambda m: f"{m[2]} 的 {m[1]}（{m[3]}）{m[4].replace(', ', '、')}年只按口径 {m[5]} "
     "给出，没有规则读取：规则读取默认口径（不写 `basis` 的行）或年度目标所述的口径"),
    (Lazy(r"every figure of the plan data is an actual of (\d{4}|N) or before \(the plan's "
          r"base year\): such figures only start the plan's lines, so no region is judged; "
          r"add the years of the plan period"),
     lambda m: f"规划数据均为{m[1]}年（规划基期）及以前的实际值：这些数值只作为规划进程的起点，"
     "因此没有地区被评估；请补充规划期内各年的数据"),
    (Lazy(r"([\d,]+|N) annual values? of a year ending after the as-of date (\S+) "
                r"(?:are|is) not used: (.+)", re.S),
     lambda m: f"{m[1]} 个年度数值所属年份在评估日期 {m[2]} 之后，未使用：{_list(m[3])}"),
    (Lazy(r"([\d,]+|N) of the ([\d,]+|N) series of the plan data are not listed in "
                r"`series` \(listed: (.+)\); `--series all` lists every one"),
     lambda m: f"规划数据的 {m[2]} 个序列中有 {m[1]} 个未列入 `series`（列出的是："
     f"{_OUTCOMES_READ.get(m[3], m[3])}）；用 `--series all` 列出全部"),
    (Lazy(r"not in the catalogue: ((?:[\d,]+|N) rows?) of (`[^`]+`)"),
     lambda m: f"不在指标目录中：{m[2]} 的 {_rows(m[1])}"),
    (Lazy(r"read as (`[^`]+`) by its name: ((?:[\d,]+|N) rows?) of (`[^`]+`)"),
     lambda m: f"按名称读作 {m[1]}：{m[3]} 的 {_rows(m[2])}"),
    (Lazy(r"plan data for (`[^`]+`) is not checked by any rule: (.+)", re.S),
     lambda m: f"{m[1]} 的规划数据没有规则检查：{m[2].replace(', ', '、')}"),
]
_MORE = Lazy(r"and ([\d,]+|N) more notes like: (.+)", re.S)


def note(text: str, lang: Lang) -> str:
    if lang == "en":
        return text
    more = _MORE.fullmatch(text)
    if more is not None:
        return f"另有 {more[1]} 条同类说明：{note(more[2], lang)}"
    for pattern, reword in _SHAPES:
        found = pattern.fullmatch(text)
        if found:
            return reword(found)
    return text
