"""Phrases: the words of one figure -> its value, unit and bound.

In: folded text, an offset where a number starts, and the lexicon of unit words
(the suite's unit spellings, measure words, scale prefixes).  Out: a `Phrase`
(`64万平方米` -> 64 in 万m²; `95%以上` -> 95 % with bound `以上`; `千亿级` ->
1000 亿元), or None when the characters there are no figure.  The lexer here
matches the longest word at each place; `phrases.lark` (Lark, LALR) says how the
tokens combine, and the longest prefix the grammar accepts is the phrase.  One
of the parser modules that may import lark; imports `numerals`, `cues` and the
suite's `UnitTable`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from pathlib import Path

from lark import Lark, Token, Transformer, Tree
from lark.exceptions import LarkError, VisitError

from checker.tools.extract import cues, numerals
from checker.tools.extract.fold import is_letter
from checker.types.units import Unit, UnitTable

MAX_TOKENS = 12


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words` that tries the longest first, so that `以内` is not
    read as its end `内` nor `万平方米` as `万`; every word list a pattern reads is built so."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class UnitWord:
    """A unit as written after a number: `万平方米` (a table unit), `亿亩` (亿 x 亩),
    `个` (a count), `人次` (a word the table does not know)."""

    text: str
    scale: int = 1  # a scale prefix the table does not spell together with the unit
    base: Unit | None = None  # the table's unit of the word (after the scale)
    count: bool = False  # a measure word of counts


@dataclass(frozen=True)
class Phrase:
    start: int
    end: int
    value: Fraction
    high: Fraction | None  # the upper end of a range (`6%-6.5%`)
    unit: UnitWord | None
    measure: str  # unit | points | times | level | none
    bound: str  # 以上, 以内, 左右 … as written, or ''
    more: bool  # 多 or 余: a little more than the value
    chinese: bool  # written in Chinese numerals
    text: str

    @property
    def scale(self) -> int:
        return self.unit.scale if self.unit is not None else 1


class Lexicon:
    """Every unit word of a suite, matched longest first."""

    def __init__(self, units: UnitTable) -> None:
        words: dict[str, UnitWord] = {}
        for spelling in units.spellings():
            unit = units.resolve(spelling)
            if spelling and spelling not in cues.SCALE_WORDS and unit is not None:
                words[spelling] = UnitWord(spelling, base=unit, count=unit.dimension == "one")
        one = units.resolve("count")
        for word in cues.COUNT_WORDS:
            words.setdefault(word, UnitWord(word, base=one, count=True))
            for times in cues.OR_TIMES if word != "次" else ():
                words.setdefault(word + times, UnitWord(word + times))  # 200项(次): as written
        for word in cues.OTHER_UNITS:
            words.setdefault(word, UnitWord(word))
        for word, meant in cues.UNIT_SYNONYMS.items():
            known = units.resolve(meant)
            if known is not None:
                words.setdefault(word, UnitWord(word, base=known))
        percent = units.resolve("%")
        if percent is not None:
            words.setdefault(cues.TENTHS, UnitWord(cues.TENTHS, 10, percent))
        bandwidth = units.resolve("Mbit/s")
        words.setdefault(cues.BANDWIDTH_WORD, UnitWord(cues.BANDWIDTH_WORD, base=bandwidth))
        for word, meaning in list(words.items()):
            for prefix in cues.SCALE_WORDS:
                scaled = prefix + word
                if scaled not in words:
                    words[scaled] = UnitWord(scaled, numerals.scale(prefix), meaning.base,
                                             meaning.count)
        self.words = words
        self.pattern = re.compile(alternation(words))
        self.per = re.compile(f"[十百千万](?:{self.pattern.pattern})")


_FIXED = [
    # `6 . 5%`: a decimal point set apart by spaces, as some pages print it.
    ("NUM", re.compile(r"\d{1,3}(?:,\d{3})+(?!\d|,\d)(?:\.\d+)?|\d+(?:\.\d+| \. ?\d+| ?\. \d+)?")),
    # `百分之五点五`, `二点五万`: a decimal in Chinese numerals (a digit after 点, never `重点`)
    ("CN_NUM", re.compile(r"[〇零一二两三四五六七八九十百千]+(?:点[〇零一二三四五六七八九]+)?")),
    ("PCT_OF", re.compile(r"百分之")),
    ("FEN_ZHI", re.compile(r"分之")),
    ("POINTS", re.compile(r"个百分点|百分点")),
    ("TIMES", re.compile(r"倍")),
    ("LEVEL", re.compile(r"级")),
    ("MORE", re.compile(r"多|余")),
    ("SCALE", re.compile(r"万亿|万|亿")),
    ("BOUND", re.compile(alternation(cues.BOUNDS))),
    # `4到5个`, `三到五所`: 到 between two numbers is a range (`提高到8%` has a verb before it)
    ("RANGE", re.compile(r"[-—–~至]|(?<=\d)到(?=\d)|"
                         r"(?<=[一两二三四五六七八九十])到(?=[一两二三四五六七八九十])")),
    ("COLON", re.compile(r"[:∶](?=\d)")),
    ("SLASH", re.compile(r"/")),
]
# On equal length the earlier wins: a unit word before a scale or a bound.
_PRIORITY = ["UNIT", "POINTS", "PCT_OF", "FEN_ZHI", "NUM", "CN_NUM", "TIMES", "LEVEL",
             "SCALE", "MORE", "BOUND", "RANGE", "SLASH", "COLON"]


# Spacing inside a figure (`达到 154 亿元`, `20% 左右`, as PDFs and some pages set it) and a
# line a PDF broke inside one (`达到 1.01` / `亿美元`): a gap a unit, a scale or a bound may
# follow, never a number (`2024 01/19` are two).
_GAP = re.compile(r"[ \t\u3000]{1,2}|\n[ \t\u3000]*")
_NOTE = re.compile(r"[(（][^()（）\d\n]{1,12}[)）]")
_AFTER_GAP = frozenset({"UNIT", "SCALE", "POINTS", "BOUND", "MORE", "TIMES"})


def lex(text: str, start: int, lexicon: Lexicon, stop: int | None = None) -> list[Token]:
    """The tokens from `start` on (to `stop`), as long as each place holds a phrase word."""
    tokens: list[Token] = []
    pos, end = start, len(text) if stop is None else stop
    while pos < end and len(tokens) < MAX_TOKENS:
        token = _token(text, pos, end, lexicon, tokens)
        if token is None and tokens:
            gap = _GAP.match(text, pos, end)
            after = _token(text, gap.end(), end, lexicon, tokens) if gap else None
            token = after if after is not None and after.type in _AFTER_GAP else None
        if token is None and tokens:  # 8000亿元(人民币,下同)左右: a note before the bound
            note = _NOTE.match(text, pos, end)
            after = _token(text, note.end(), end, lexicon, tokens) if note else None
            token = after if after is not None and after.type == "BOUND" else None
        if token is None:
            break
        tokens.append(token)
        pos = token.end_pos if token.end_pos is not None else pos + len(token)
    return tokens


def _token(text: str, pos: int, stop: int, lexicon: Lexicon, tokens: list[Token]
           ) -> Token | None:
    best: tuple[int, int, str] | None = None
    candidates = [(kind, rx.match(text, pos, stop)) for kind, rx in _FIXED]
    candidates.append(("UNIT", lexicon.pattern.match(text, pos, stop)))
    if tokens and tokens[-1].type == "SLASH":  # 公里/百平方公里: a scaled denominator
        candidates.append(("UNIT", lexicon.per.match(text, pos, stop)))
    for kind, found in candidates:
        if found is None or found.end() == pos or not _bounded(text, found.end(), kind):
            continue
        rank = (found.end() - pos, -_PRIORITY.index(kind))
        if best is None or rank > (best[0] - pos, -_PRIORITY.index(best[2])):
            best = (found.end(), _PRIORITY.index(kind), kind)
    if best is None:
        return None
    end, _, kind = best
    return Token(kind, text[pos:end], start_pos=pos, end_pos=end)


# `14亿人口`, `300万人员`: 人 begins a noun there, it is no unit.
_PERSON_NOUNS = frozenset("口员才群")


def _bounded(text: str, end: int, kind: str) -> bool:
    """An ASCII unit (`t`, `km`) ends where a word ends: `5G` is not 5 and a `G`; `人`
    is no unit where it begins a noun (`14亿人口`)."""
    if kind != "UNIT" or end >= len(text):
        return True
    if text[end - 1] == "人" and text[end] in _PERSON_NOUNS:
        return False
    if text[end - 1] == cues.TENTHS and text[end] in cues.TENTHS_NOT_BEFORE:
        return False
    if text[end] in cues.COUNT_NOT_BEFORE.get(text[end - 1], ""):
        return False
    if text[end - 1] in cues.COUNT_ONLY_BEFORE and \
            not text.startswith(cues.COUNT_ONLY_BEFORE[text[end - 1]], end):
        return False
    return not (text[end - 1].isascii() and text[end - 1].isalpha() and is_letter(text[end]))


@cache
def _parser() -> Lark:
    grammar = Path(__file__).with_name("phrases.lark").read_text(encoding="utf-8")
    return Lark(grammar, parser="lalr", lexer="basic", start="start")


def parse(text: str, start: int, lexicon: Lexicon, stop: int | None = None) -> Phrase | None:
    """The longest figure starting at `start` (ending by `stop`), or None.  A scale word
    standing alone (`超万亿元`, `达万兆`) is one of it."""
    tree, end = _longest(_tokens(text, start, lexicon, stop))
    if tree is None:
        return None
    try:
        built = _Build(lexicon).transform(tree)
    except VisitError as error:
        if isinstance(error.orig_exc, _NotANumber):
            return None
        raise
    assert isinstance(built, _Quantity)
    amount = built.amount
    return Phrase(start, end or start, amount.value, built.high, amount.unit, amount.measure,
                  built.bound, amount.more, amount.chinese, text[start:end or start])


def _tokens(text: str, start: int, lexicon: Lexicon, stop: int | None) -> list[Token]:
    if text[start:start + 1] in ("万", "亿"):
        scale = "万亿" if text.startswith("万亿", start) else text[start]
        rest = lex(text, start + len(scale), lexicon, stop)
        return [Token("NUM", "1", start_pos=start, end_pos=start),
                Token("SCALE", scale, start_pos=start, end_pos=start + len(scale)), *rest]
    return lex(text, start, lexicon, stop)


def _longest(tokens: list[Token]) -> tuple[Tree[Token] | None, int | None]:
    """The tree of the longest prefix of `tokens` the grammar accepts, and where it ends.
    Whether a prefix may end is read from the parse table (an action on `$END`), so the
    tree is built once, for the longest."""
    interactive = _parser().parse_interactive()
    state = interactive.parser_state
    table = state.parse_conf.parse_table.states
    fed = 0
    for index, token in enumerate(tokens):
        try:
            interactive.feed_token(token)
        except LarkError:
            break
        if "$END" in table[state.position]:
            fed = index + 1
    if not fed:
        return None, None
    again = _parser().parse_interactive()
    for token in tokens[:fed]:
        again.feed_token(token)
    return again.feed_eof(), tokens[fed - 1].end_pos  # type: ignore[no-untyped-call]


class _NotANumber(Exception):
    pass


@dataclass
class _Amount:
    value: Fraction
    chinese: bool
    unit: UnitWord | None = None
    measure: str = "none"
    more: bool = False
    per: tuple[Fraction, str] | None = None  # a ratio's top and the text of its bottom

@dataclass
class _Quantity:
    amount: _Amount
    high: Fraction | None
    bound: str


_Measure = tuple[str, UnitWord | None]


def _divided(top: Fraction | None, bottom: Fraction | None, chinese: bool) -> _Amount:
    if top is None or not bottom:
        raise _NotANumber
    return _Amount(top / bottom, chinese)


class _Build(Transformer[Token, object]):
    """Tree -> the figure's value in the stated unit."""

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__()
        self.lexicon = lexicon

    def start(self, items: list[object]) -> object:
        return items[0]

    def single(self, items: list[object]) -> _Quantity:
        return self._quantity(items)

    def range(self, items: list[object]) -> _Quantity:
        return self._quantity(items)

    @staticmethod
    def _quantity(items: list[object]) -> _Quantity:
        amounts = [i for i in items if isinstance(i, _Amount)]
        bounds = [str(i) for i in items if isinstance(i, Token) and i.type == "BOUND"]
        low = amounts[0]
        high = amounts[1] if len(amounts) > 1 else None
        if high is not None and low.unit is None and low.measure == "none":
            low.unit, low.measure = high.unit, high.measure
        return _Quantity(low, high.value if high is not None else None,
                         bounds[0] if bounds else "")

    def percent_of(self, items: list[object]) -> _Amount:
        number = items[1]
        assert isinstance(number, _Amount)
        percent = self.lexicon.words.get("%")
        return _Amount(number.value, number.chinese, percent, "unit")

    def plain(self, items: list[object]) -> _Amount:
        number, rest = items[0], items[1:]
        assert isinstance(number, _Amount)
        number.more = any(isinstance(i, Token) and i.type == "MORE" for i in rest)
        scales = [str(i) for i in rest if isinstance(i, Token) and i.type == "SCALE"]
        measures = [i for i in rest if isinstance(i, tuple)]
        measure: _Measure = measures[0] if measures else ("none", None)
        number.measure, number.unit = measure
        if scales and number.per is not None and number.unit is None:  # 20.1/10万: per 100,000
            top, bottom = number.per
            number.value, number.measure = top, "unit"
            number.unit = UnitWord(f"/{bottom}{scales[0]}")
        elif scales:
            number.unit = self._scaled(scales[0], number.unit)
            number.measure = "unit" if number.measure == "none" else number.measure
        return number

    def _scaled(self, scale: str, unit: UnitWord | None) -> UnitWord:
        word = scale + (unit.text if unit is not None else "")
        known = self.lexicon.words.get(word)
        if known is not None:
            return known
        base = unit.base if unit is not None else None
        factor = numerals.scale(scale) * (unit.scale if unit is not None else 1)
        return UnitWord(word, factor, base, unit.count if unit is not None else True)

    def arabic(self, items: list[Token]) -> _Amount:
        return _Amount(self._number(numerals.arabic(str(items[0]))), False)

    def chinese(self, items: list[Token]) -> _Amount:
        return _Amount(self._number(numerals.chinese(str(items[0]))), True)

    def ratio(self, items: list[Token]) -> _Amount:  # 1/3, and 2.2∶1 (a proportion)
        top = numerals.arabic(str(items[0]))
        amount = _divided(top, numerals.arabic(str(items[2])), False)
        amount.per = (top, str(items[2])) if top is not None else None
        return amount

    proportion = ratio

    def fraction(self, items: list[Token]) -> _Amount:  # 三分之一: the bottom comes first
        return _divided(numerals.chinese(str(items[2])), numerals.chinese(str(items[0])), True)

    @staticmethod
    def _number(value: Fraction | None) -> Fraction:
        if value is None:
            raise _NotANumber
        return value

    def unit(self, items: list[Token]) -> _Measure:
        words = [self.lexicon.words.get(str(t), UnitWord(str(t))) for t in items
                 if t.type == "UNIT"]
        if len(words) == 1:
            return "unit", words[0]
        text = "/".join(w.text for w in words)
        return "unit", self.lexicon.words.get(text, UnitWord(text))

    def points(self, items: list[Token]) -> _Measure:
        return "points", UnitWord("百分点")

    def times(self, items: list[Token]) -> _Measure:
        return "times", UnitWord("倍")

    def level(self, items: list[Token]) -> _Measure:
        unit = self.lexicon.words.get(str(items[1])) if len(items) > 1 else None
        return "level", unit
