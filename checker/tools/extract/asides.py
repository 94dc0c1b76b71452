"""Asides: figures of a page or an event that say nothing of a plan or of the economy.

In: a figure (`Phrase`) in its sentence (`Ctx`).  Out: the reason it is an item of kind
`other`, or ''.  A forum's count after `发表`, an article's reading time, a meeting's head
count, a bare number the excerpt (or its paragraph) cut before its unit.  Imports `context`
and `phrases`.
"""

from __future__ import annotations

import re

from checker.tools.extract.context import Ctx
from checker.tools.extract.phrases import Phrase

# `2021-07-09 11:47:16 由 冯 发表 63`: a forum's count after the poster's name.
_POSTED = re.compile(r"发表\s+$")
# `本篇文章231字,读完约1分钟`: how long the page takes to read.
_READING = re.compile(r"(?:读完|阅读|阅读时间|阅读时长|预计阅读)(?:需要?|约|大约|需约)?"
                      r"\s*[:：]?\s*$")
# `应到代表490人,…缺席13人,实到代表477人`: who came to the meeting.
_ATTENDANCE = re.compile(r"(?:应到|实到|应出席|实出席|出席|列席|缺席|请假)(?:会议)?"
                         r"(?:代表|委员|人员)?(?:共|共计)?\s*$")
_MINUTES = frozenset({"分钟", "秒", "分", "min"})
# `…网上零售额从2020年11.76万亿元提高到17` and the line ends: the excerpt cut the unit off.
_REACHED = re.compile(r"(?:达到|达|为|超过|突破|提高到|提高至|提升到|提升至|增加到|增加至|增长到|"
                      r"增至|降至|降到|下降到|下降至)\s*$")
# `本文共1860字`: how long the page is.
_LENGTH = re.compile(r"(?:本文|全文|文章|本篇文章|本篇)(?:共|约|共计)?\s*$")


# `地址:北京市丰台区东铁营横七条12号`: a page's postal address (its street numbers).
_ADDRESS = re.compile(r"(?:^|\s)(?:地址|通讯地址|联系地址)\s*[:：][^。;；]*$")


def aside_reason(ctx: Ctx, phrase: Phrase) -> str:
    text, start, end = ctx.text, phrase.start - ctx.base, phrase.end - ctx.base
    before = text[max(0, start - 12):start]
    shown = f"`{phrase.text}`"
    bare = phrase.unit is None and phrase.measure == "none"
    if _ADDRESS.search(text[:start]):
        return f"{shown} is part of a postal address"
    if bare and _POSTED.search(before):
        return f"{shown} is a forum's count of posts"
    unit = phrase.unit.text if phrase.unit is not None else ""
    if _LENGTH.search(before) and text[end:end + 1] == "字":
        return f"{shown} is how long the page is"
    if unit in _MINUTES and _READING.search(before):
        return f"{shown} is how long the page takes to read"
    if unit in ("人", "名") and _ATTENDANCE.search(before):
        return f"{shown} counts who came to a meeting"
    if bare and not phrase.chinese and _REACHED.search(before) and _cut_off(ctx, end):
        return f"{shown} has lost its unit where the excerpt ends"
    return ""


_HEADLINE = 60  # characters: a shorter line may state its figure bare (`…力争2025年增至1000`)


def _cut_off(ctx: Ctx, end: int) -> bool:
    """Whether the figure ends the excerpt, or ends a paragraph too long to be a headline
    that would state it bare: the copy cut the text there."""
    folded, at = ctx.document.folded, ctx.base + end
    if not folded[at:].strip():
        return True
    line_start, line_end = folded.rfind("\n", 0, at) + 1, folded.find("\n", at)
    line_end = len(folded) if line_end < 0 else line_end
    return not folded[at:line_end].strip() and line_end - line_start > _HEADLINE
