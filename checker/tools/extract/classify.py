"""Classify: a figure in its sentence -> an `Item` (target, actual or other).

In: a `Document`, one of its sentences, the figures found in it (`Phrase`s) and
the units of the suite.  Out: one `Item` per figure.  What kind of statement a
figure makes is read from, in this order: a starting value (`由…`); a word of
its clause that reports (`同比`, `已`, `初步预计`) or plans (`到2025年`, `力争`,
`预计`); its year against the last year the document reports on; the section or
list it stands in; the kind of document.  A figure that is a name (`8号线`,
`5G`), an ordinal, a date, a duration, a count of the document's own items, or
the subject of another figure is `other`, with the reason.  Imports `context`,
`cues`, `items`, `periods`, `phrases`, `sentences`, `units`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction

from checker.tools.extract import cues
from checker.tools.extract.context import Around, around, clause_of
from checker.tools.extract.items import Item
from checker.tools.extract.periods import Mark, period_text
from checker.tools.extract.phrases import Phrase, UnitWord
from checker.tools.extract.sentences import Document, Sentence
from checker.types.units import Unit

_STRONG_FUTURE = re.compile(r"到20\d\d|到二〇|力争|确保|争取|努力|(?<![即必])将(?!近)|"
                            r"(?<![主重需只想纲概])要(?![求素点])|拟|预计|计划|目标|预期|安排|力求|正在")
_AHEAD = re.compile(r"到20\d\d年|力争到|预期目标|目标是|主要目标|目标为|(?<![即必])将(?!近)")
_SINCE = re.compile(r"[一二三四五六七八九十\d]+年来|以来|截至|截止|同比|初步预计|初步核算")
_ACHIEVED = re.compile(r"(?:实现|完成|达到)[^,，;；。]{0,20}?(?:目标|任务)")
_PAST = re.compile("|".join(re.escape(w) for w in cues.PAST) + f"|已(?=[{cues.PAST_AFTER_YI}])")
_QUALIFIERS = re.compile(r"初步预计|初步核算|初步统计|预计|扣除[^,，;；。]{1,12}?影响|两年平均|"
                         r"年均|累计|同比|环比")
_OWN_ITEMS = re.compile(r"^[^,，;；。]{0,16}(?:指标|目标|任务|举措|项目标|方面|部分)")
_COUNTED = frozenset({"one", "wan"})


@dataclass
class Ctx:
    document: Document
    sentence: Sentence
    text: str  # the sentence, folded
    base: int  # offset of the sentence in the document


def classify(ctx: Ctx, phrase: Phrase, previous: Item | None,
             run: list[Phrase]) -> list[Item]:
    """The items of one figure — two for a range (`6%-6.5%`: at least 6, at most 6.5);
    `run` is the list of figures it is part of (`7.4%、3.4%`)."""
    item = _classify(ctx, phrase, previous, run)
    if item.high is None or item.kind == "other" or phrase.bound:
        return [item]
    low = replace(item, op=">=" if item.op in ("==", "increase", ">=") else item.op)
    high = replace(item, op="<=", value=item.high, high=None,
                   column=item.column + phrase.text.find(str(item.high).split("/")[0]))
    return [low, high]


def _classify(ctx: Ctx, phrase: Phrase, previous: Item | None, run: list[Phrase]) -> Item:
    start, end = phrase.start - ctx.base, phrase.end - ctx.base
    first = run[0]
    near = around(ctx.text, first.start - ctx.base, first.end - ctx.base)
    own = around(ctx.text, start, end) if phrase is not first else near
    reason = _other_reason(ctx, phrase, own, near)
    name = _name(ctx, near, phrase, run, previous)
    kind = "other" if reason else kind_at(ctx, near, phrase.start - ctx.base)
    op = _op(near, own, phrase, kind) if kind != "other" else ""
    value, unit, known, factor, high = _value(phrase)
    if not reason and unit == "年":
        reason = "a duration in years, not a statement about an indicator"
        kind, op = "other", ""
    return Item(
        file=ctx.document.path, line=ctx.sentence.line,
        column=ctx.document.source.position(phrase.start)[1],
        quote=quote_of(ctx, near), kind=kind, name=name, indicator="", op=op, value=value,
        unit=unit, period=period_at(ctx, start, kind, near), qualifier=_qualifier(ctx, near, own,
                                                                               phrase),
        reason=reason, section=" ".join(ctx.sentence.section), words=phrase.text,
        known=known, factor=factor, high=high)


# ------------------------------------------------------------------ what it is


def _other_reason(ctx: Ctx, phrase: Phrase, own: Around, near: Around) -> str:
    text, start = ctx.text, phrase.start - ctx.base
    before = text[max(0, start - 1):start]
    shown = f"`{phrase.text}`"
    if before == "第":
        return f"{shown} is an ordinal"
    if before and (before.isascii() and before.isalpha()):
        return f"{shown} is part of a name (`{text[max(0, start - 2):phrase.end - ctx.base]}`)"
    if _quoted(text, start):
        return f"{shown} stands inside a quoted term"
    if own.follows in ("letter", "name"):
        return f"{shown} is part of a name (`{phrase.text}{own.right[:3]}`)"
    if _in_parens(text, start, phrase.end - ctx.base):
        return f"{shown} in parentheses counts what is listed"
    if own.follows == "of" and own.chain and all(w in cues.PREFIX_BOUNDS for w in own.chain) \
            and not text[:own.chain_start].endswith("有"):
        return f"{shown} describes the name that follows (`{phrase.text}{own.right[:6]}`)"
    if own.follows == "replaced":
        return f"{shown} is a value the text replaces (`调整为`)"
    if phrase.measure == "level" and not _money_level(phrase):
        return f"{shown} is a grade, not an amount"
    if phrase.unit is None and phrase.measure == "none" and len(str(phrase.value)) >= 5 \
            and phrase.value.denominator == 1 and not own.chain:
        return f"{shown} has no unit and no verb: a code or an identifier"
    if _OWN_ITEMS.match(own.right) and phrase.unit is not None and phrase.unit.count \
            and own.follows == "noun" and not own.chain:
        return f"{shown} counts the document's own items"
    if own.follows == "noun" and phrase.unit is not None and phrase.unit.count and \
            re.match(r"[\d〇零一二两三四五六七八九十百千]", own.right):
        return f"{shown} counts the figures after it (`{phrase.text}{own.right[:4]}`)"
    if own.follows == "noun" and _figure_follows(own):
        return f"{shown} describes the subject of the figure after it"
    if own.follows == "noun" and phrase.chinese and _PROGRAMME.match(own.right):
        return f"{shown} is part of the name of a programme (`{phrase.text}{own.right[:8]}`)"
    if own.follows in ("noun", "of") and not own.chain and not own.distant \
            and not _counted_and_reported(phrase, own):
        return f"{shown} describes the name that follows (`{phrase.text}{own.right[:6]}`)"
    if (phrase.text.startswith("0") and not phrase.text.startswith("0.")) or \
            (phrase.high is not None and phrase.high < phrase.value):
        return f"{shown} is a code or an identifier"
    return ""


_PROGRAMME = re.compile(r"[^,，;；。]{0,12}(?:工程|行动|计划|项目|战略)")
_COUNT_VERB = re.compile("|".join(cues.COUNT_VERBS))


def _counted_and_reported(phrase: Phrase, own: Around) -> bool:
    """`22个高品质公园建成开园`: a count of things, then what happened to them;
    `17.6平方公里…用地可以上市`: an amount, then what can be done with it."""
    counted = phrase.unit is not None and phrase.unit.count and bool(_COUNT_VERB.search(own.right))
    return counted or bool(_PREDICATE.match(own.right))


_PREDICATE = re.compile(r"[^,，;；。的]{1,16}?(?:可以|可|已经|已|能够|正在)")


def _in_parens(text: str, start: int, end: int) -> bool:
    return text[start - 1:start] in "(（" and text[end:end + 1] in ")）" and start > 0


def _quoted(text: str, start: int) -> bool:
    opened = max(text.rfind("“", 0, start), text.rfind("\"", 0, start))
    closed = text.rfind("”", 0, start)
    return opened > closed and text.find("”", start) > 0 and \
        text.find("”", start) - opened < 16


def _money_level(phrase: Phrase) -> bool:
    return phrase.scale >= 10**8 or (phrase.unit is not None and "元" in phrase.unit.text)


_VERB_THEN_FIGURE = re.compile(r"(?:完成|达|增长|实现|为|超过|突破|提高|下降)[^,，;；。、]{0,12}?"
                               r"[\d〇零一二两三四五六七八九十百千]")


def _figure_follows(own: Around) -> bool:
    """`66家规上企业完成工业产值1466.5亿元`: 66 names the subject of the output that follows."""
    rest = own.right_segment
    return not own.starting and bool(_VERB_THEN_FIGURE.search(rest)) and \
        not re.match(r"[^\d]{0,12}的", rest)


def kind_at(ctx: Ctx, near: Around, start: int) -> str:
    """`target` or `actual` for a statement at `start` (an offset in the sentence)."""
    clause = ctx.text[near.clause_start:near.clause_end]
    before = ctx.text[:start]
    document, mode = ctx.document, ctx.sentence.mode
    if near.starting:
        return "actual"
    if _PAST.search(clause):
        return "actual"
    future = _STRONG_FUTURE.search(_ACHIEVED.sub("", clause))
    if future:
        forecast = future.group() == "预计"
        return "actual" if forecast and mode == "actual" else "target"
    if _SINCE.search(before):
        return "actual"
    if _AHEAD.search(before):
        return "target"
    year = _year_before(ctx, start)
    if year is not None and document.reviewed is not None:
        return "target" if year > document.reviewed else "actual"
    if mode:
        return mode
    if document.kind:
        return "target" if document.kind == "plan" else "actual"
    return "target" if near.level in cues.AT_MOST or near.bound_word else "actual"


_DOWN = frozenset(cues.REACH_DOWN)
_EQUAL_VERBS = frozenset({"为", "是", "保持", "保持在", "稳定在", "稳定", "占地", "共", "有"})


def _year_before(ctx: Ctx, start: int) -> int | None:
    for mark in reversed(own_marks(ctx, start)):
        if mark.kind in ("year", "years", "month") and mark.last is not None:
            return mark.last
        if mark.kind == "relative" and ctx.document.year is not None:
            return ctx.document.year + (-1 if mark.text in ("去年", "上年") else 0)
    return None


def own_marks(ctx: Ctx, start: int) -> list[Mark]:
    """The periods that belong to a statement at `start`: those of its clause, and of the
    clauses before it that are nothing but a period (`2022年,…`, `一季度,…`)."""
    c0, _ = clause_of(ctx.text, start, start)
    marks = [m for m in _marks(ctx, c0, start) if not _compared(ctx, m)]
    while c0 > 0 and not marks:
        p0, _ = clause_of(ctx.text, c0 - 1, c0 - 1)
        head = ctx.text[p0:c0 - 1]
        found = _marks(ctx, p0, c0 - 1)
        if not found or len(re.sub(r"[\s,，]", "", head)) > sum(m.end - m.start for m in found) + 3:
            break
        marks, c0 = found, p0
    return marks


def _compared(ctx: Ctx, mark: Mark) -> bool:
    """`较5月份`, `去年同期`, `比2017年`: a period a figure is compared with."""
    at = mark.start - ctx.base
    before, after = ctx.text[max(0, at - 1):at], ctx.text[mark.end - ctx.base:][:2]
    return before in ("较", "比", "从", "由") or after.startswith("同期")


def _marks(ctx: Ctx, low: int, high: int) -> list[Mark]:
    a, b = ctx.base + low, ctx.base + high
    return [m for m in ctx.document.marks if a <= m.start and m.end <= b]


# ------------------------------------------------------------------ how it compares


def _op(near: Around, own: Around, phrase: Phrase, kind: str) -> str:
    if phrase.bound:
        return cues.BOUNDS[phrase.bound]
    prefix = own.bound_word or (near.bound_word if own is near else "")
    if prefix:
        return cues.PREFIX_BOUNDS[prefix]
    if phrase.more:
        return ">"
    if phrase.measure == "level":
        return ">="
    change = own.change or near.change
    if change and not (phrase.measure == "points" and not own.chain and near.distant):
        return change
    level = own.level or near.level or near.distant
    if kind == "target":
        if level in cues.AT_MOST or level in _DOWN or _within(own, phrase):
            return "<="
        if level and level not in _EQUAL_VERBS:
            return ">="
    return "=="


def _within(own: Around, phrase: Phrase) -> bool:
    """`19分钟直达`: a time to reach something is a cap."""
    base = phrase.unit.base if phrase.unit is not None else None
    return own.follows == "verb" and base is not None and base.dimension == "duration"


# ------------------------------------------------------------------ its name


def _name(ctx: Ctx, near: Around, phrase: Phrase, run: list[Phrase],
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
        name = tail if name.endswith("等") or not name else clean_name(name + tail)
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


# ------------------------------------------------------------------ value, period, words


def _value(phrase: Phrase) -> tuple[Fraction, str, Unit | None, int, Fraction | None]:
    word = phrase.unit
    value, high = phrase.value, phrase.high
    if phrase.start == phrase.end - len(phrase.text) and phrase.text[:1] in "万亿" \
            and word is not None and word.base is not None and not word.count:
        return value * word.scale, spelling(UnitWord(word.text, 1, word.base)), word.base, 1, high
    if phrase.measure == "level" and _money_level(phrase):
        return value, "亿元", None, phrase.scale // 10**8 or 1, high
    if word is None:
        return value, "", None, 1, high
    return value, spelling(word), word.base, word.scale, high


def spelling(word: UnitWord) -> str:
    """How the language spells a unit word: `count`, `万`, `%`, `km²`; else as written."""
    base = word.base
    if base is not None and word.count and base.name in _COUNTED:
        return {1: "count" if base.name == "one" else "万", 10**4: "万"}.get(
            word.scale * (10**4 if base.name == "wan" else 1), word.text)
    if base is not None and word.scale == 1:
        return base.symbol or base.name
    return word.text


def period_at(ctx: Ctx, start: int, kind: str, near: Around) -> str:
    document = ctx.document
    marks = own_marks(ctx, start)
    year, last, part = None, None, ""
    for mark in reversed(marks):
        if mark.kind == "part" and not part:
            part = mark.part
            continue
        if mark.kind in ("year", "years", "month", "plan"):
            year, last, part = mark.first, mark.last, part or mark.part
            break
        if mark.kind == "relative" and document.year is not None and mark.text != "同期":
            year = document.year - (1 if mark.text in ("去年", "上年") else 0)
            break
    if year is None and ctx.sentence.period is not None and kind == "target":
        year, last = ctx.sentence.period
        last = last if "年均" in ctx.text else None
        year = ctx.sentence.period[1] if last is None else year
    if year is None and part:
        year = _sentence_year(ctx, start)
    if year is None:
        year = _default_year(document, kind, part)
    return period_text(year, last, part)


def _sentence_year(ctx: Ctx, start: int) -> int | None:
    years = [m for m in _marks(ctx, 0, start) if m.kind == "year" and not _compared(ctx, m)]
    return years[-1].first if years else ctx.document.year


def _default_year(document: Document, kind: str, part: str) -> int | None:
    if kind == "target" and document.plan_period is not None:
        return document.plan_period[1]
    if kind == "actual" or part:
        return document.reviewed
    return None


def _qualifier(ctx: Ctx, near: Around, own: Around, phrase: Phrase) -> str:
    words = [w for w in (own.bound_word or near.bound_word, phrase.bound,
                         "多" if phrase.more else "") if w]
    clause = ctx.text[near.clause_start:near.clause_end]
    sentence_words = _QUALIFIERS.findall(clause)
    return " ".join(dict.fromkeys([*words, *sentence_words]))


def quote_of(ctx: Ctx, near: Around) -> str:
    a, b = ctx.base + near.clause_start, ctx.base + near.clause_end
    return ctx.document.original(a, b).strip().lstrip("—─-◆●•· ").strip()
