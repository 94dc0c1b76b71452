"""Lint, the numbers of a rule against the words it quotes (L613).

In: the rules of a suite and its unit table.  Out: an L613 warning for each rule
whose `require` states numbers none of which its quoted sentences state — in the
rule's unit or converted exactly (`319 km2` is `319平方公里`, `64 万m2` is
`64万平方米`, `13` is `13个`, `31900 ha` is `319平方公里`) — so a threshold that
drifted from the plan's words is caught before any test runs.  A rule with a
`read` says itself where its number comes from and is left alone.  The figures of
a quote are read by the extractor's phrase parser, so lint and `plancheck extract`
read `64万平方米` alike.  Imports the rule model, the unit table and
`extract.phrases`; never pandas.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from checker.diagnostics import Diagnostic
from checker.syntax import model as m
from checker.syntax.unparse import quantity as quantity_text
from checker.tools.extract import cues
from checker.tools.extract.extract import FIGURE_START, chinese_word
from checker.tools.extract.phrases import Lexicon, Phrase, parse
from checker.tools.plantext import fold
from checker.types.units import BARE, UnitTable, format_number

_CN = "〇零一二两三四五六七八九十百千"
# Words that state a number without digits, as `plancheck extract` reads them: 全覆盖 is
# 100 %, 清零 and 零排放 are 0; so are 无 opening a clause (无劣Ⅴ类水体断面: none of them)
# and 消除, 杜绝 (消除劣Ⅴ类水体: none left) — not 与…无关, where 无 closes a clause.
_FULL = re.compile("|".join(cues.FULL_COVERAGE))
_ZERO = re.compile("|".join((*cues.CLEARED, *(f"零{v}" for v in cues.ZERO_VERBS),
                             r"(?:^|(?<=[，,；;。、：:]))无(?!关)", "消除", "杜绝")))
_DATES = frozenset({"年", "个月"})  # 2025年 is a deadline, not a figure of the indicator
FIRST_YEAR = 1000  # `年` after a smaller or fractional number is a length: 受教育年限10.9年
MAX_SHOWN = 4  # figures of the quote named in the help


@dataclass(frozen=True)
class Figure:
    """A figure of a quote: as written, its number as written, and its value in the base
    unit of its dimension (`dimension` None: no unit the table knows, compared by its
    number as written or scaled, `千亿级` = 1000 or 10¹¹)."""

    text: str
    number: Fraction
    value: Fraction
    dimension: str | None


def unmatched_numbers(rules: list[m.Rule], units: UnitTable) -> Iterator[Diagnostic]:
    """L613 for each rule without a `read` whose `require` numbers are not in its quotes."""
    lexicon = Lexicon(units)
    for rule in rules:
        constants = [q for r in rule.clauses_of(m.Require) for q in constants_of(r.expr)]
        cites = rule.clauses_of(m.Cite)
        if not constants or not cites or rule.clauses_of(m.Read):
            continue
        found = [f for c in cites for f in figures(c.quote, lexicon, units)]
        if any(_matches(q, f, units) for q in constants for f in found):
            continue
        yield _diagnostic(rule, constants, found, units)


def constants_of(expr: m.Expr | m.YearRange) -> Iterator[m.Quantity]:
    """The numbers an expression states, left to right (`-5 %` as 5 %: plans write
    decreases as 下降5%)."""
    match expr:
        case m.Quantity():
            yield expr
        case m.Negate(operand=inner) | m.NotOp(operand=inner) | m.TrendOp(value=inner) | \
                m.PresenceOp(value=inner) | m.MemberOp(value=inner):
            yield from constants_of(inner)
        case m.BinaryOp(left=left, right=right) | m.CompareOp(left=left, right=right) | \
                m.LogicOp(left=left, right=right):
            yield from constants_of(left)
            yield from constants_of(right)
        case m.Call(args=args):
            for arg in args:
                yield from constants_of(arg)
        case _:
            return


def figures(quote: str, lexicon: Lexicon, units: UnitTable) -> list[Figure]:
    """Every figure of a quote (dates left out), with its value in its dimension's base
    unit, and the numbers its idioms state (`全覆盖`: 100 %)."""
    text = fold(quote)[0]
    out: list[Figure] = []
    pos = 0
    for start in FIGURE_START.finditer(text):
        at = start.start()
        if at < pos or (at > 0 and (text[at - 1].isdigit() or text[at - 1] == ".")) or \
                (text[at] in _CN and at > 0 and text[at - 1] in _CN):
            continue
        phrase = parse(text, at, lexicon)
        if phrase is None or chinese_word(text, phrase):
            continue
        pos = phrase.end
        if phrase.unit is None or phrase.unit.text not in _DATES or not _a_date(phrase):
            out += _values(phrase, units)
    percent = units.resolve("%")
    if percent is not None:
        out += [Figure(f.group(), Fraction(100), percent.factor * 100, percent.dimension)
                for f in _FULL.finditer(text)]
    out += [Figure(f.group(), Fraction(0), Fraction(0), None) for f in _ZERO.finditer(text)]
    return out


def _a_date(phrase: Phrase) -> bool:
    """`2025年`, `3个月内`: a deadline or a time limit; `10.9年` (years of schooling) is a
    figure of the indicator."""
    if phrase.unit is not None and phrase.unit.text == "年":
        return phrase.value.denominator == 1 and phrase.value >= FIRST_YEAR
    return True


def _values(phrase: Phrase, units: UnitTable) -> list[Figure]:
    numbers = [phrase.value] if phrase.high is None else [phrase.value, phrase.high]
    text = phrase.text.removesuffix(phrase.bound) if phrase.bound else phrase.text
    word = phrase.unit
    if phrase.measure == "points":  # 提高2个百分点: points of a share
        percent = units.resolve("%")
        if percent is not None:
            return [Figure(text, n, n * percent.factor, percent.dimension) for n in numbers]
    if word is not None and word.base is not None and phrase.measure == "unit":
        base = word.base
        return [Figure(text, n, n * word.scale * base.factor, base.dimension) for n in numbers]
    scale = word.scale if word is not None else 1
    return [Figure(text, n, n * scale, None) for n in numbers]


def _matches(constant: m.Quantity, figure: Figure, units: UnitTable) -> bool:
    written = abs(constant.value)
    unit = units.resolve(constant.unit) if constant.unit else units.bare()
    if figure.dimension is None:
        factor = unit.factor if unit is not None else 1
        return written in (figure.number, figure.value) or written * factor == figure.value
    if constant.unit is None and figure.value == figure.number == written:
        return True  # `class_size <= 45` of 每班不超过45人: a count the plan writes in 人
    if unit is None or unit.dimension != figure.dimension:
        return False
    return figure.value == written * unit.factor


def _diagnostic(rule: m.Rule, constants: list[m.Quantity], found: list[Figure],
                units: UnitTable) -> Diagnostic:
    first = constants[0]
    stated = ", ".join(f"`{quantity_text(q)}`" for q in dict.fromkeys(constants))
    advice = ('correct the number, or add `read NAME = … because "…"` saying why the rule '
              "reads the plan so")
    shown = list(dict.fromkeys(_shown(f, first, units) for f in found))[:MAX_SHOWN]
    said = f"the quote says {', '.join(shown)}; " if shown else \
        "the quote states no number; quote the sentence that does, "
    return Diagnostic("L613", f"rule `{rule.id}` requires {stated}, which its quote does "
                      "not state", first.span, "not in the quoted sentence",
                      said + advice, "warning")


def _shown(figure: Figure, constant: m.Quantity, units: UnitTable) -> str:
    """`319平方公里`, with its value in the constant's unit when that is another
    (`319平方公里` = `31900 ha`)."""
    unit = units.resolve(constant.unit) if constant.unit else None
    if figure.dimension is None or unit is None or unit.dimension != figure.dimension or \
            unit.dimension == BARE:
        return f"`{figure.text}`"
    converted = m.Quantity(figure.value / unit.factor, constant.unit)
    as_written = quantity_text(converted) if converted.value.denominator == 1 or \
        _terminates(converted.value) else \
        f"{format_number(float(converted.value))} {constant.unit}"
    if as_written.replace(" ", "") == figure.text.replace(" ", ""):
        return f"`{figure.text}`"  # `27.7%`, not `27.7%` (= `27.7%`)
    return f"`{figure.text}` (= `{as_written}`)"


def _terminates(value: Fraction) -> bool:
    """Whether the value has a finite decimal expansion (what unparse can write)."""
    bottom = value.denominator
    for prime in (2, 5):
        while bottom % prime == 0:
            bottom //= prime
    return bottom == 1
