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

_OUTCOMES_READ = {"those a failing, erroneous or unknown outcome reads":
                  "未通过、无法计算或待定的结果读取的序列",
                  "none, as asked": "按要求不列出"}


_MORE_LISTED = re.compile(r"(.+) and ([\d,]+|N) more", re.S)


def _list(text: str) -> str:
    """`a, b and 3 more` -> `a、b 等（另有 3 个）`: the engine's lists of named values."""
    found = _MORE_LISTED.fullmatch(text)
    head, more = (found[1], found[2]) if found else (text, None)
    return head.replace(", ", "、") + (f" 等（另有 {more} 个）" if more else "")


def _rows(text: str) -> str:
    """`1 row`, `1,234 rows` -> `1 行`, `1,234 行`."""
    return re.sub(r"^([\d,]+|N) rows?$", r"\1 行", text)


_SHAPES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"as of (\d{4}|N): the latest year with annual actual data; "
                r"`--as-of YEAR` chooses another"),
     lambda m: f"评估时点 {m[1]}：有年度实际数据的最近一年；用 `--as-of 年份` 可另选"),
    (re.compile(r"as of (\d{4}|N): the plan's last year \(no annual actual data was given\); "
                r"`--as-of YEAR` chooses another"),
     lambda m: f"评估时点 {m[1]}：规划期末年（未提供年度实际数据）；用 `--as-of 年份` 可另选"),
    (re.compile(r"([\d,]+|N) values? of parts of a year, kept and shown, not read by annual "
                r"rules: (.+)", re.S),
     lambda m: f"{m[1]} 个年内分期数值已保留并列出，年度规则不读取：{_list(m[2])}"),
    (re.compile(r"(`[^`]+`) for (`[^`]+`) \((\w+)\) in ([\d, N]+) is given only on the basis "
                r"(`[^`]+`), and no rule read it: rules read the default basis \(rows without "
                r"`basis`\), or the basis a year's target is stated on"),
     lambda m: f"{m[2]} 的 {m[1]}（{m[3]}）{m[4].replace(', ', '、')}年只按口径 {m[5]} "
     "给出，没有规则读取：规则读取默认口径（不写 `basis` 的行）或年度目标所述的口径"),
    (re.compile(r"([\d,]+|N) annual values? of a year ending after the as-of date (\S+) "
                r"(?:are|is) not used: (.+)", re.S),
     lambda m: f"{m[1]} 个年度数值所属年份在评估日期 {m[2]} 之后，未使用：{_list(m[3])}"),
    (re.compile(r"([\d,]+|N) of the ([\d,]+|N) series of the plan data are not listed in "
                r"`series` \(listed: (.+)\); `--series all` lists every one"),
     lambda m: f"规划数据的 {m[2]} 个序列中有 {m[1]} 个未列入 `series`（列出的是："
     f"{_OUTCOMES_READ.get(m[3], m[3])}）；用 `--series all` 列出全部"),
    (re.compile(r"not in the catalogue: ((?:[\d,]+|N) rows?) of (`[^`]+`)"),
     lambda m: f"不在指标目录中：{m[2]} 的 {_rows(m[1])}"),
    (re.compile(r"read as (`[^`]+`) by its name: ((?:[\d,]+|N) rows?) of (`[^`]+`)"),
     lambda m: f"按名称读作 {m[1]}：{m[3]} 的 {_rows(m[2])}"),
    (re.compile(r"plan data for (`[^`]+`) is not checked by any rule: (.+)", re.S),
     lambda m: f"{m[1]} 的规划数据没有规则检查：{m[2].replace(', ', '、')}"),
]
_MORE = re.compile(r"and ([\d,]+|N) more notes like: (.+)", re.S)


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
