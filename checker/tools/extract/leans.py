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
