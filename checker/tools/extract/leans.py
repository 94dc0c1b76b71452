"""Leans: the kind a whole text or a run of sentences gives the figures whose own words say none.

In: a `Document` (and, for a run, the sentence a figure stands in).  Out: `target` or ''.
Each rule here is about text that never says its kind where the figures stand, but says it
once for all of them: a plan's excerpt with no date, no year and no title, that names work to
come and reports nothing anywhere.  Imports `sentences` only.
"""

from __future__ import annotations

import re

from checker.tools.extract.sentences import Document

# Work to come, as a plan's text says it without `将` or a deadline (`率先建成城际铁路网`,
# `其他城市群城际铁路逐步成网`, `研究推进…布局`, `形成由…组成的…网`).
_WORK_AHEAD = re.compile(r"逐步|率先建成|基本建成|全面建成|研究推进|加快推进|统筹推进|"
                         r"形成(?!了)|构建|布局|(?:力争|争取|确保)")
# A word that reports, anywhere in the text: then it is no plan's excerpt (a news item,
# a review).
_REPORTS = re.compile(r"已|(?<![为除])了(?!解)|同比|以来|截至|截止|上年|去年|目前|现有|"
                      r"记者|获悉|报道|表示|介绍")


def of_an_undated_plan(document: Document) -> bool:
    """`国家铁路网包括高速铁路、普速铁路。其中,高速铁路7万公里…,合计20万公里左右。形成由…`: a
    text that names no year, no date, no span and no kind of its own, that reports nothing
    anywhere and speaks of work to come is an excerpt of a plan — its figures that say
    nothing of themselves are what the plan sets."""
    if document.kind or document.year is not None or document.marks:
        return False
    text = document.folded
    return bool(_WORK_AHEAD.search(text)) and not _REPORTS.search(text)


# `展望2025年,北京将打造…。`, `立足2022年,北京将争取…。`: a sentence that opens on looking ahead
# to a year (`展望`, `立足`, `面向`, `迈向`, `放眼`) …
_LOOKS_AHEAD = re.compile(r"\s*(?:展望|立足|面向|迈向|放眼|着眼)\s?((?:19|20)\d\d)\s?年")
# … up to a sentence that opens on another year or on a span behind it (`2021年以来`, `过去`).
_NEW_OPENING = re.compile(r"\s*(?:[^,，;；。]{0,6}?(?:19|20)\d\d\s?年|过去|此前|去年|上年|"
                          r"[一二三四五六七八九十\d]+年来)")
_OWN_PAST = re.compile(r"已|(?<![为除])了(?!解)")
_ENDS = "。!?！？"
_REACH = 1500  # characters before a sentence searched for the sentence that looks ahead


def looked_ahead(document: Document, base: int, end: int, clause: str) -> bool:
    """`展望2025年,北京将打造2-3个…商圈。各区至少有1个…。入境游人数年均增长5%以上。`: the
    sentences after one that opens on looking ahead to a year the text has not reviewed, in the
    same paragraph, say what is set for that year (a `同比` of a target included), up to a
    sentence that opens on another year or a span behind it, or a clause that says it reports
    (`已`, `了`).  `base`..`end` is the sentence of the figure."""
    if _OWN_PAST.search(clause):
        return False
    folded = document.folded
    # (a paragraph's sentences within reach only: a whole plan on one line is read in linear time)
    line_start = max(folded.rfind("\n", max(0, base - _REACH), base) + 1, base - _REACH, 0)
    begin, at = base, end
    while True:
        sentence = folded[begin:at]
        ahead = _LOOKS_AHEAD.match(sentence)
        if ahead:
            year = int(ahead.group(1))
            return document.reviewed is None or year > document.reviewed
        if _NEW_OPENING.match(sentence) or begin <= line_start:
            return False
        at = begin
        begin = max(max(folded.rfind(c, line_start, at - 1) for c in _ENDS) + 1, line_start)
