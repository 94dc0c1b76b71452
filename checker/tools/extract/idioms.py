"""Idioms: statements of a number without digits, and statements without a number.

In: a sentence (`classify.Ctx`) and the places of its figures.  Out: items for
`全覆盖` (read as 100 %), `清零` and `零填埋` (read as 0), references to a number
given elsewhere (`达到市级要求`: op `ref`), trends (`持续下降`: `falls`,
`进一步提高`: `rises`), `与经济增长同步` (`sync`) and dated milestones
(`2023年成功创建国家卫生区`: `true`).  Each says in `reason` how it was read.
Imports `classify`, `context`, `cues`, `items`.
"""

from __future__ import annotations

import re
from fractions import Fraction

from checker.tools.extract import cues
from checker.tools.extract.classify import quote_of
from checker.tools.extract.context import Ctx, around, clause_of
from checker.tools.extract.items import Item
from checker.tools.extract.naming import clean_name
from checker.tools.extract.when import kind_at, period_at
from checker.types.units import Unit

# (`健全覆盖全民的…体系`: 健全 and 覆盖, no coverage said)
_FULL = re.compile(f"(?<![健安])(?:{'|'.join(cues.FULL_COVERAGE)})"
                   f"(?!{'|'.join(cues.COVERAGE_NOUNS)})")
_CLEARED = re.compile("|".join(cues.CLEARED))
_ZERO = re.compile(rf"零(?={'|'.join(cues.ZERO_VERBS)})")
_ZERO_LEAD = re.compile(r"(?:实现|保持|做到|确保|力争)[^,，;；。]{0,12}$")
_REF = re.compile("|".join(cues.REFERENCES))
_RISE = re.compile("|".join(cues.TREND_RISE))
_FALL = re.compile("|".join(cues.TREND_FALL))
_IMPROVE = re.compile("|".join(cues.TREND_IMPROVE))
_SYNC = re.compile(r"(?:基本)?同步")
_MILESTONE = re.compile("|".join(cues.MILESTONE_VERBS))
_TRAILING_VERBS = re.compile(r"(?:实现|推动|做到|达到|完成|确保|基本|全面|努力|力争|并|和)+$")


def find(ctx: Ctx, figures: list[tuple[int, int]], percent: Unit | None = None) -> list[Item]:
    items: list[Item] = []
    text = ctx.text
    for pattern, maker in ((_FULL, _full), (_CLEARED, _cleared), (_ZERO, _zero), (_REF, _ref),
                           (_RISE, _trend), (_FALL, _trend), (_IMPROVE, _trend),
                           (_SYNC, _sync)):
        for found in pattern.finditer(text):
            item = maker(ctx, found, percent)
            if item is not None:
                items.append(item)
    items += _milestones(ctx, figures, items)
    return items


def _subject(ctx: Ctx, start: int) -> tuple[str, int]:
    c0, _ = clause_of(ctx.text, start, start)
    s0 = max(ctx.text.rfind("、", c0, start) + 1, c0)
    words = _TRAILING_VERBS.sub("", ctx.text[c0:start].rstrip())
    name = clean_name(words)
    if not name and s0 > c0:
        name = clean_name(_TRAILING_VERBS.sub("", ctx.text[s0:start]))
    return name, c0


def _item(ctx: Ctx, found: re.Match[str], *, name: str, op: str, value: Fraction | bool | None,
          unit: str, reason: str, known: Unit | None = None) -> Item:
    start = found.start()
    near = around(ctx.text, start, found.end())
    cell = ctx.sentence.cell
    kind = cell.kind if cell is not None and cell.kind in ("target", "actual") else \
        kind_at(ctx, near, start)  # a table's cell in words: its column says which
    if kind == "actual" and op in (">=", "<="):
        op = "=="  # a result reported: 实现全覆盖, 实现清零
    return Item(
        file=ctx.document.path, line=ctx.document.position(ctx.base + start)[0],
        column=ctx.document.position(ctx.base + start)[1], quote=quote_of(ctx, near),
        kind=kind, name=name, indicator="", op=op, value=value, unit=unit,
        period=period_at(ctx, start, kind, near), qualifier="", reason=reason,
        section=" ".join(ctx.sentence.section), words=found.group(), known=known)


# `全区70%以上的社区实现…功能全覆盖`: the share of the things that reach full coverage is the
# figure; the coverage of each of them is no second item.
_SHARE_OF = re.compile(r"[\d.]+\s*[%％](?:以上|左右|以下)?的")


def _full(ctx: Ctx, found: re.Match[str], percent: Unit | None) -> Item | None:
    subject, c0 = _subject(ctx, found.start())
    if _SHARE_OF.search(ctx.text, c0, found.start()):
        return None
    name = subject + "覆盖率" if subject else "覆盖率"
    return _item(ctx, found, name=name, op=">=", value=Fraction(100), unit="%",
                 reason="`全覆盖` read as 100 %", known=percent)


def _cleared(ctx: Ctx, found: re.Match[str], percent: Unit | None) -> Item | None:
    subject, _ = _subject(ctx, found.start())
    return _item(ctx, found, name=subject, op="<=", value=Fraction(0), unit="",
                 reason=f"`{found.group()}` read as 0")


_DEADLINE_OPENS = re.compile(r"\s*(?:到\s?)?(?:20\d\d|二〇[〇一二三四五六七八九]{2})\s?年"
                             r"(?:底|末)?")


def _zero(ctx: Ctx, found: re.Match[str], percent: Unit | None) -> Item | None:
    c0, _ = clause_of(ctx.text, found.start(), found.start())
    verb = next(v for v in cues.ZERO_VERBS if ctx.text.startswith(v, found.end()))
    after = ctx.text[found.end() + len(verb):found.end() + len(verb) + 1]
    # `工业用新水零增长、农业用新水负增长`: 零增长 as the whole predicate of its part states 0
    # without a lead verb; `零排放车辆` names a kind of thing.
    alone = verb == "增长" and (not after or after in "、,，;；。")
    # `二〇二五年原生生活垃圾“零填埋”` (a headline): a deadline, what, and the quoted zero
    dated = bool(_DEADLINE_OPENS.match(ctx.text, c0)) and after in ("”", "\"") and \
        ctx.text[found.start() - 1:found.start()] in ("“", "\"")
    if not (_ZERO_LEAD.search(ctx.text[c0:found.start()]) or alone or dated):
        return None
    subject, _ = _subject(ctx, found.start())
    return _item(ctx, found, name=subject + verb, op="<=", value=Fraction(0), unit="",
                 reason=f"`零{verb}` read as 0")


def _ref(ctx: Ctx, found: re.Match[str], percent: Unit | None) -> Item | None:
    subject, _ = _subject(ctx, found.start())
    return _item(ctx, found, name=subject, op="ref", value=None, unit="",
                 reason=f"`{found.group()}`: the number is given elsewhere")


def _trend(ctx: Ctx, found: re.Match[str], percent: Unit | None) -> Item | None:
    subject, _ = _subject(ctx, found.start())
    if not subject or not subject.endswith(cues.MEASURED):
        return None
    word = found.group()
    rising = word in cues.TREND_RISE or (word in cues.TREND_IMPROVE
                                         and not subject.endswith(cues.LOWER_IS_BETTER))
    return _item(ctx, found, name=subject, op="rises" if rising else "falls", value=None,
                 unit="", reason=f"`{word}`: a trend, no number")


def _sync(ctx: Ctx, found: re.Match[str], percent: Unit | None) -> Item | None:
    subject, _ = _subject(ctx, found.start())
    if "增长" not in subject or not re.search(r"[和与同]", subject):
        return None
    return _item(ctx, found, name=subject, op="sync", value=None, unit="",
                 reason=f"`{found.group()}`: two growth rates in step, no number")


def _milestones(ctx: Ctx, figures: list[tuple[int, int]], found: list[Item]) -> list[Item]:
    items: list[Item] = []
    document = ctx.document
    for mark in ctx.marks:
        if mark.kind != "year":
            continue
        if document.reviewed is None or mark.last is None or mark.last <= document.reviewed:
            continue
        start = mark.end - ctx.base
        c0, c1 = clause_of(ctx.text, start, start)
        if any(c0 <= a - ctx.base < c1 for a, _ in figures) or \
                any(c0 <= i.column - 1 - _column(ctx) < c1 for i in found):
            continue
        verb = _MILESTONE.search(ctx.text, start, c1)
        if verb is None or verb.start() - start > 6:
            continue
        name = clean_name(ctx.text[verb.start():c1])
        item = _item(ctx, verb, name=name, op="==", value=True, unit="",
                     reason="a dated milestone: true once done")
        items.append(item)
    return items


def _column(ctx: Ctx) -> int:
    return ctx.document.position(ctx.base)[1] - 1
