"""Naming: the words that name what a figure measures.

In: a figure, its context, the run of figures it belongs to (`分别增至823家、178家`)
and the item before it in the sentence.  Out: the name — the words before the
comparison (`城乡建设用地规模`), without leading verbs, years and scope words; for
counts, the noun after the figure (`新建` + `垃圾转运站`); for a run, one name of
the list each; else the name of the figure before (`增长5%` after `收入完成110.4亿元`).
Imports `context`, `cues`, `phrases`.
"""

from __future__ import annotations

import re

from checker.tools.extract import cues
from checker.tools.extract.context import Around, Ctx
from checker.tools.extract.items import Item
from checker.tools.extract.phrases import Phrase


def name_of(ctx: Ctx, near: Around, phrase: Phrase, run: list[Phrase],
          previous: Item | None) -> str:
    text = ctx.text
    start = near.clause_start if len(run) > 1 else near.segment_start
    end = near.chain_start if near.chain else run[0].start - ctx.base
    local = near.distant and near.distant_at >= start
    if local and not near.chain and near.distant in cues.LEVEL_TARGET:
        start = near.distant_at
    name = re.sub(r"分别$", "", clean_name(text[start:end]))
    counted = phrase.measure == "unit" and phrase.unit is not None and phrase.unit.count \
        and near.follows in ("noun", "verb")
    if counted and len(run) == 1:
        tail = _noun_after(near.right)
        flow = next((w for w in (near.level, near.distant) if w in _FLOWS), "")
        name = flow + tail if name.endswith("等") or not name else clean_name(name + tail)
    if phrase.measure == "level" and near.follows in ("noun", "of"):
        tail = re.sub(r"^(?:规模)?的?", "", _noun_after(near.right))
        name = name if name and not name.endswith(tuple(_CREATION)) else tail + "规模"
    if not name or name in cues.LEVEL_TARGET:
        tail = _noun_after(near.right) if near.follows in ("noun", "verb") else ""
        verb = near.level if near.level in _CREATION else \
            near.distant if near.distant in _CREATION else ""
        name = clean_name(verb + tail) if tail else name
    if not name and previous is not None and previous.line == ctx.sentence.line:
        name = previous.name
    if not name and near.chain:
        name = "".join(w for w in reversed(near.chain) if w not in cues.PREFIX_BOUNDS)
    if len(run) > 1:
        parts = [p for p in re.split(r"[、和及与]", name) if p]
        if len(parts) == len(run):
            return parts[run.index(phrase)]
    return name


_TRAILING = re.compile(r"(?:比上年|比\d{4}年|较上年|同比|比|较|的|扣除[^,，]{1,12}?影响|"
                       r"[(（][^)）]*[)）]?)$")
_FLOWS = frozenset({"新建", "新增", "建成", "累计", "引进", "开通"})  # kept in a count's name
_CREATION = frozenset({"新建", "新增", "建成", "建设", "引进", "培育", "累计", "完成", "开通",
                       "推出", "发布", "设置", "打造", "签约", "注册", "落地"})


def _noun_after(right: str) -> str:
    found = re.match(r"[^,，;；。、()（）]{1,20}", right)
    return found.group() if found else ""


def clean_name(words: str) -> str:
    """The words of a name without leading verbs, years and scope words."""
    name = words.strip()
    changed = True
    while changed and name:
        changed = False
        lead = re.match(r"(?:到|至|在|于|截至)?(?:\d{4}年(?:底|末|前)?|今年|去年|上半年|下半年|"
                        r"前三季度|[一二三四]季度|\d{1,2}-\d{1,2}月|\d{1,2}月份?)", name)
        if lead:
            name, changed = name[lead.end():].lstrip(",， "), True
        for prefix in cues.NAME_PREFIXES:
            if name.startswith(prefix) and len(name) > len(prefix):
                name, changed = name[len(prefix):], True
                break
    name = _TRAILING.sub("", name)
    return name.strip(" ,，:：“”\"")

