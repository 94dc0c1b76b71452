"""Context: the words around a figure inside its sentence.

In: a sentence's folded text and the place of a figure in it.  Out: `Around` —
the clause and list segment it stands in, the chain of cue words right before
it (`年均增长` + `超过`), a verb further left when a noun stands between (`新增`
… `405家`), and what follows it (the end of the clause, a noun, a verb, `的`,
a name suffix).  Pure string work on the word lists of `cues`; imports only
`cues` and `fold`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.tools.extract import cues
from checker.tools.extract.decide import Decision
from checker.tools.extract.fold import is_cjk, is_letter
from checker.tools.extract.periods import Mark
from checker.tools.extract.phrases import alternation
from checker.tools.extract.sentences import Document, Sentence

CLAUSE_END = ",，:：;；。!?！？\n"
SEGMENT_END = "、(（"
MAX_LEFT = 40  # characters of a clause looked at before a figure
MAX_RIGHT = 30
CLAUSE_WINDOW = 300  # a clause without punctuation is read this far on each side

_LEVEL = frozenset(cues.LEVEL_TARGET)
_CHANGE = {**dict.fromkeys(cues.INCREASE, "increase"), **dict.fromkeys(cues.REDUCE, "reduce"),
           **dict.fromkeys(cues.IMPROVE, "improve")}
_DOWN = frozenset(cues.REACH_DOWN)
_ALL_CUES = sorted({*cues.LEVEL_TARGET, *cues.PREFIX_BOUNDS, *_CHANGE, *_DOWN, "调整为", "由",
                    "从"}, key=len, reverse=True)
_DISTANT = sorted({*cues.LEVEL_TARGET, *_CHANGE, *cues.AT_MOST, *cues.NOT_BELOW, *_DOWN}
                  - {"为", "是", "有", "共", "到", "达", "增", "减", "超", "过", *cues.NEAR_ONLY,
                     "拓展", "扩展"},  # `覆盖范围拓展到了…人口10万以上的市县`: only right before
                  key=len, reverse=True)
_AFTER_VERB = re.compile("|".join(cues.AFTER_VERBS))
_BY_LAST: dict[str, list[str]] = {}
for _word in _ALL_CUES:  # longest first, as _ALL_CUES is
    _BY_LAST.setdefault(_word[-1], []).append(_word)
_FILLERS = "了 \t"
_CURRENCY = "人民币"


@dataclass
class Ctx:
    """A sentence being read: its document, its folded text and where it starts."""

    document: Document
    sentence: Sentence
    text: str  # the sentence, folded
    base: int  # offset of the sentence in the document
    marks: list[Mark]  # the periods named inside the sentence
    # what the paragraph's statements say of themselves (see `when.judge`): the kinds
    # their own clauses decided, and the kind most of them have, for the others
    votes: list[str] = field(default_factory=list)
    lean: str = ""
    decision: Decision | None = None  # the learned second opinion on target or not, if any

    @staticmethod
    def of(document: Document, sentence: Sentence, votes: list[str] | None = None,
           lean: str = "", decision: Decision | None = None) -> Ctx:
        return Ctx(document, sentence, document.folded[sentence.start:sentence.end],
                   sentence.start, document.marks_within(sentence.start, sentence.end),
                   votes if votes is not None else [], lean, decision)

    def marks_between(self, low: int, high: int) -> list[Mark]:
        """The marks between two offsets of the sentence."""
        a, b = self.base + low, self.base + high
        return [m for m in self.marks if a <= m.start and m.end <= b]


@dataclass(frozen=True)
class Around:
    clause_start: int
    clause_end: int
    segment_start: int
    chain: tuple[str, ...]  # cue words right before the figure, nearest first
    chain_start: int  # where the chain begins (the name ends there)
    distant: str  # a verb further left, with a noun between
    distant_at: int
    follows: str  # end | noun | verb | of | name | letter | list | replaced | paren
    right: str  # the words after the figure, up to the clause end

    def clause_words(self, text: str) -> str:
        """The clause around the figure, at most MAX_LEFT + MAX_RIGHT characters of it."""
        low = max(self.clause_start, self.chain_start - MAX_LEFT)
        return text[low:min(self.clause_end, self.chain_start + MAX_LEFT + MAX_RIGHT)]

    @property
    def right_segment(self) -> str:
        return self.right.split("、")[0]

    @property
    def bound_word(self) -> str:
        return next((w for w in self.chain if w in cues.PREFIX_BOUNDS), "")

    @property
    def change(self) -> str:
        return next((_CHANGE[w] for w in self.chain if w in _CHANGE), "")

    @property
    def level(self) -> str:
        return next((w for w in self.chain if w in _LEVEL or w in cues.AT_MOST or w in _DOWN),
                    "")

    @property
    def starting(self) -> bool:
        """`由2015年的96…降至37`: a figure after 由/从 is where a change starts."""
        return bool(self.chain) and self.chain[0] in ("由", "从")


def clause_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around `start..end`; a clause longer than CLAUSE_WINDOW on a side is cut."""
    low = max(0, start - CLAUSE_WINDOW)
    lefts = [m.start() for m in _CLAUSE_ENDS.finditer(text, low, start)]
    left = lefts[-1] + 1 if lefts else low
    high = min(len(text), end + CLAUSE_WINDOW)
    right = _CLAUSE_ENDS.search(text, end, high)
    return left, right.start() if right else high


# `燃?xì)?、熱力、電力管線1000公里`: a `?` a page's mojibake left before `、`, a comma or a
# gloss ends no clause (as it ends no sentence).
_CLAUSE_ENDS = re.compile(r"[,，:：;；。!！\n]|[?？](?![、,，A-Za-z])")


# (a number in digits, with its thousands commas: `创造 200,000 个新工作岗位`)
_DIGITS = r"[\d.]+(?:,\d{3})*(?:\.\d+)?"
_MONEY_AHEAD = re.compile(_DIGITS + r"\s*(?:万亿|亿|万)?(?:元|美元)")
# `腾退土地2000公顷`, `实施重点项目120个`: a count or an amount in a unit word (no %).
_AMOUNT_AHEAD = re.compile(_DIGITS + r"\s*(?:万亿|亿|万)?[\u4e00-\u9fff]")
_COUNT_AHEAD = re.compile(_DIGITS + r"\s*(?:万|亿)?(?:" + alternation(cues.COUNT_WORDS) + ")")


def around(text: str, start: int, end: int) -> Around:
    """The context of the figure `text[start:end]`."""
    c0, c1 = clause_of(text, start, end)
    s0 = max(max(text.rfind(c, c0, start) for c in SEGMENT_END) + 1, c0)
    left_start = max(c0, start - MAX_LEFT)
    chain, chain_start = _chain(text, left_start, start)
    if chain and chain[0] == "由" and _MADE_OF.match(text, end, c1):
        chain = chain[1:]  # 由7条首都放射线、11条纵线…组成: the parts a whole is made of
    if chain and chain[0] in cues.DIGITS_ONLY and not text[start:start + 1].isdigit():
        chain, chain_start = [], start  # 推进千兆固网…: it names what is pushed
    if (chain and chain[0] in cues.COUNTS_ONLY and not _COUNT_AHEAD.match(text, start)) or \
            (chain and chain[0] in cues.MONEY_ONLY and not _MONEY_AHEAD.match(text, start)):
        chain, chain_start = [], start
    distant, distant_at = _distant(text, max(s0, left_start), chain_start)
    if not distant and _AMOUNT_AHEAD.match(text, start) and not text.startswith("的", end):
        # (`推进规划10平方公里的雁栖小镇`: an amount before 的 says how large the thing is)
        distant, distant_at = _work_before(text, max(s0, left_start), chain_start)
    if not distant and not chain and _COUNT_AHEAD.match(text, start):
        distant, distant_at = _unknown_work(text, max(s0, left_start), start)
    if not distant and not chain and _AMOUNT_AHEAD.match(text, start):
        distant, distant_at = _unknown_work(text, max(s0, left_start), start, NEW_WORK)
    if not distant and s0 > c0:
        distant, distant_at = _distant(text, max(c0, left_start), s0)
    right = text[end:min(c1, end + MAX_RIGHT)]
    if not chain or chain[0] not in ("由", "从"):
        begun = _FROM_NOUN.search(text[left_start:start])
        if begun and _TO_LEVEL.match(right):
            chain, chain_start = ["从"], left_start + begun.start()
    return Around(c0, c1, s0, tuple(chain), chain_start, distant, distant_at, _follows(right),
                  right)


_MADE_OF = re.compile(r"[^,，;；。到至]{0,60}?(?:组成|构成)")
_FROM_NOUN = re.compile(r"[由从][^,，;；。由从\d]{1,4}$")
_TO_LEVEL = re.compile(r"(?:提高|提升|增加|增长|上升|扩大|下降|降低|减少|压减|缩小|缩减|缩短|"
                       r"降|增|升)"
                       r"(?:到|至)")


def _chain(text: str, low: int, pos: int) -> tuple[list[str], int]:
    chain: list[str] = []
    start = _from_year(text, low, pos)
    if start is not None:  # 由2015年的96: 96 is where the change starts
        return ["由"], start
    while pos > low:
        while pos > low and text[pos - 1] in _FILLERS:
            pos -= 1
        if text.startswith(_CURRENCY, pos - len(_CURRENCY)) and pos - len(_CURRENCY) >= low:
            pos -= len(_CURRENCY)  # `不低于人民币2,000亿元`: the currency says no comparison
            continue
        word = next((w for w in _BY_LAST.get(text[pos - 1], ())
                     if pos - len(w) >= low and text.startswith(w, pos - len(w))), None)
        if word is None or any(text.startswith(w, pos - len(w)) for w in cues.NOT_A_BOUND):
            break
        chain.append(word)
        pos -= len(word)
        if word in ("由", "从"):
            break
    return chain, pos


def _from_year(text: str, low: int, pos: int) -> int | None:
    found = re.search(r"[由从](?:\d{4}年(?:底|末)?的?|[^,，;；。由从]{0,12}的)$", text[low:pos])
    return low + found.start() if found else None


def _distant(text: str, low: int, high: int) -> tuple[str, int]:
    """The last verb between `low` and `high` (not right before the figure)."""
    window = text[low:high]
    best = ("", -1)
    for word in _DISTANT:
        at = window.rfind(word)
        while at >= 0 and window.startswith(cues.NOUNS_OF_VERBS.get(word, "\0"), at + len(word)):
            at = window.rfind(word, 0, at)  # `建成区公园绿地500米服务半径`: 建成区 is a place
        if at >= 0 and at + len(word) < len(window) and at > best[1]:
            best = (word, at)
    return (best[0], low + best[1]) if best[0] else ("", -1)


_NEAR_WORK = sorted(set(cues.NEAR_ONLY) - {"办", "建有", "设有"}, key=len, reverse=True)


def _work_before(text: str, low: int, high: int) -> tuple[str, int]:
    """`实施重点项目120个`, `腾退土地2000公顷`: a verb of work a few characters of noun
    before a count or an amount in its own segment states the work to do (not across a `、`:
    `实施…、144小时过境免签等政策`, which the segment's start already cuts off)."""
    window = text[low:high]
    for word in _NEAR_WORK:
        at = window.rfind(word)
        gap = window[at + len(word):]
        if at >= 0 and 2 <= len(gap) <= 8 and all(is_cjk(c) for c in gap):
            return word, low + at
    return "", -1


# `今年要关停30家污染企业`, `将全面取缔12处非法码头`: after a word that plans (and an adverb
# of how), the two characters right before a count are a verb of work the lists do not know.
_PLANNED_WORK = re.compile(r"(?:(?<![主重需必只不次])要|(?<![即])将|拟|力争|计划|确保|争取|年内)"
                           r"(?:全面|加快|大力|重点|积极|继续|着力|持续|进一步|逐步|再|新)?"
                           r"([\u4e00-\u9fff]{2})\s?$")  # (`将创造 200,000 个`: spaced)
_NO_VERB = frozenset({"全市", "全区", "全县", "全省", "全国", "其中", "共有", "总计", "合计",
                      "全部", "近期", "年底", "年末", "以上", "左右", "每年", "累计", "达到"})


# `年内将建多功能运动场地314处`, `今年要修农村公路120公里`: after a word that plans, a one-character
# verb of building and the noun it builds before the count.
_PLANNED_BUILD = re.compile(r"(?:(?<![主重需必只不次])要|(?<![即])将|拟|计划|年内)(?:新)?"
                            r"([建修种植铺])[\u4e00-\u9fff]{2,8}$")
# `该区新布局3平方公里…产业园`, `新引进12家企业`: `新` (newly) before the two characters right
# before a count or an amount makes them a verb of work (not after the words that end in 新:
# `创新平台5个`, `更新设备`).
NEW_WORK = re.compile(r"(?<![创更革刷翻最全崭清重焕维推出])新([\u4e00-\u9fff]{2})$")


def _unknown_work(text: str, low: int, high: int,
                  pattern: re.Pattern[str] = _PLANNED_WORK) -> tuple[str, int]:
    built = _PLANNED_BUILD.search(text, low, high) if pattern is _PLANNED_WORK else None
    if built is not None:
        return built.group(1), built.start(1)
    found = pattern.search(text, low, high)
    if found is None or found.group(1) in _NO_VERB or found.group(1) in _ALL_CUES:
        return "", -1
    return found.group(1), found.start(1)


_BADGE = re.compile(r"\s+(?:NEW|New|new|HOT|Hot|hot|TOP|Top)\s*$")


def _follows(right: str) -> str:
    if not right.strip():
        return "end"
    head = right.lstrip()
    if right[0] in " \t\u3000" and any(head.startswith(w) for w in cues.NAME_SUFFIXES):
        return "name"  # `成立 45 周年`, `第 3 期`: a spaced copy's name, no headline's parts
    if right[0] in " \t\u3000" and is_cjk(head[0]):  # `目标6.5%至7% 中国GDP…`: a headline's parts
        return "end"
    if head.startswith("调整为"):
        return "replaced"
    if head[0] in "(（":
        return "paren"
    if head[0] in "、和及与" and re.match(r"[、和及与]\s*[\d〇零一二两三四五六七八九十百千]", head):
        return "list"
    if head.startswith("的"):
        return "of"
    if _BADGE.match(right):  # `…达到375%以上 NEW`: a list page's badge on a headline
        return "end"
    if is_letter(head[0]):
        return "letter"
    if _AFTER_VERB.match(head):
        return "verb"
    if any(head.startswith(w) for w in cues.NAME_SUFFIXES):
        return "name"
    if is_cjk(head[0]) or head[0] in "“\"《":
        return "noun"
    return "end"
