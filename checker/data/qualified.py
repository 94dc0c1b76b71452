"""Reading a qualified figure: `95%以上`, `突破1300家`, `≤8`, `5.0左右`, `预计5.2`.

Execution reports publish bounds and round figures, not only numbers.  This
module reads the words into what they say of the value — a closed or open
bound, an "about" figure, a range, or an estimate that is still the figure —
and nothing else: an unknown word stays a diagnostic of the caller.  The words
follow Chinese statistical usage: `以上`, `以下`, `以内`, `不超过`, `不低于`
include the number; `突破`, `超过`, `高于`, `低于`, `不足` exclude it.  Imports
nothing of pandas; numbers are exact `Fraction`s (units are the caller's).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from fractions import Fraction
from typing import Final

from checker.types.numbers import exact_number

# Each word and what it says; longer words first where one is the start of another.
LOWER_CLOSED: Final = ("不低于", "不少于", "不小于", "至少", ">=", "≥", "≧")
LOWER_OPEN: Final = ("突破", "超过", "高于", "大于", "多于", "逾", ">")
UPPER_CLOSED: Final = ("不超过", "不高于", "不大于", "不多于", "至多", "<=", "≤", "≦")
UPPER_OPEN: Final = ("低于", "小于", "少于", "不足", "不到", "<")
ABOUT_BEFORE: Final = ("约为", "大约", "约")
ESTIMATE: Final = ("初步预计", "预计")
SUFFIX_LOWER: Final = ("以上",)
SUFFIX_UPPER: Final = ("以下", "以内")
SUFFIX_ABOUT: Final = ("左右", "上下")
RANGE_MARKS: Final = ("-", "~", "～", "至", "到", "—", "–")  # also `在30到35之间`

_NUMBER = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?"
_UNIT = r"[^0-9\s.,<>=≥≤≧≦~～\-—–]{0,12}?"


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_BEFORE = _alternation(LOWER_CLOSED + LOWER_OPEN + UPPER_CLOSED + UPPER_OPEN + ABOUT_BEFORE)
_AFTER = _alternation(SUFFIX_LOWER + SUFFIX_UPPER + SUFFIX_ABOUT)
_ALL_WORDS: Final = (LOWER_CLOSED + LOWER_OPEN + UPPER_CLOSED + UPPER_OPEN + ABOUT_BEFORE
                     + ESTIMATE + SUFFIX_LOWER + SUFFIX_UPPER + SUFFIX_ABOUT)
_FIGURE = re.compile(rf"(?P<estimate>{_alternation(ESTIMATE)})?(?P<before>{_BEFORE})?"
                     rf"(?P<number>-?{_NUMBER})(?P<unit>{_UNIT})(?P<after>{_AFTER})?")
_RANGE = re.compile(rf"(?P<estimate>{_alternation(ESTIMATE)})?(?P<low>-?{_NUMBER})"
                    rf"(?P<unit1>{_UNIT})(?:{_alternation(RANGE_MARKS)})(?P<high>-?{_NUMBER})"
                    rf"(?P<unit>{_UNIT})")


@dataclass(frozen=True, slots=True)
class Reading:
    """What a figure says: bounds (None: unbounded), or an `about` centre; `unit` is the
    unit text written beside the number (`%`, `家`; empty when none)."""

    low: Fraction | None
    high: Fraction | None
    low_open: bool = False
    high_open: bool = False
    about: Fraction | None = None
    estimate: bool = False
    unit: str = ""

    @property
    def exact(self) -> bool:
        """An estimate of one figure (`预计5.2`): the figure itself, marked as an estimate."""
        return self.about is None and self.low is not None and self.low == self.high

    def scaled(self, ratio: Fraction) -> Reading:
        """The same reading in another unit (`ratio` > 0 keeps the order of the bounds)."""
        def times(x: Fraction | None) -> Fraction | None:
            return None if x is None else x * ratio
        return Reading(times(self.low), times(self.high), self.low_open, self.high_open,
                       times(self.about), self.estimate, "")


def fold(text: str) -> str:
    """NFKC (full-width digits and signs) without spaces: `≥ 95 %` -> `≥95%`."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def read_qualified(text: str) -> Reading | None:
    """The reading of a qualified figure, or None when `text` is not one (a plain number is
    not: the caller reads it; a word outside the lists above is not either)."""
    folded = fold(text)
    if len(folded) > 60:
        return None
    match = _FIGURE.fullmatch(folded)
    if match is not None:
        return _figure(match)
    ranged = _RANGE.fullmatch(_between(folded))
    if ranged is not None:
        low, high = _number(ranged["low"]), _number(ranged["high"])
        unit1, unit = ranged["unit1"], ranged["unit"]
        if low is None or high is None or low > high or unit1 not in ("", unit):
            return None
        return Reading(low, high, estimate=bool(ranged["estimate"]), unit=unit)
    return None


_BETWEEN: Final = re.compile(r"(?:在|介于)?(?P<inner>.+)之间")


def _between(folded: str) -> str:
    """`在30到35之间`, `介于30和35之间`, `30-35之间` -> `30到35`: a range as sentences say it
    (`和`, `与` join its ends only inside 之间, where they cannot mean anything else)."""
    found = _BETWEEN.fullmatch(folded)
    if found is None:
        return folded
    return re.sub(r"(?<=[0-9%])(?:和|与)(?=-?[0-9])", "至", found["inner"])


def _figure(match: re.Match[str]) -> Reading | None:
    before, after, estimate = match["before"], match["after"], bool(match["estimate"])
    number = _number(match["number"])
    if number is None or (before and after) or not (before or after or estimate):
        return None
    unit = match["unit"]
    if any(w in unit for w in _ALL_WORDS):  # `95以上以上`, `约95以上`: said twice
        return None
    word = before or after
    if word in LOWER_CLOSED or word in SUFFIX_LOWER:
        return Reading(number, None, estimate=estimate, unit=unit)
    if word in LOWER_OPEN:
        return Reading(number, None, low_open=True, estimate=estimate, unit=unit)
    if word in UPPER_CLOSED or word in SUFFIX_UPPER:
        return Reading(None, number, estimate=estimate, unit=unit)
    if word in UPPER_OPEN:
        return Reading(None, number, high_open=True, estimate=estimate, unit=unit)
    if word in ABOUT_BEFORE or word in SUFFIX_ABOUT:
        return Reading(None, None, about=number, estimate=estimate, unit=unit)
    return Reading(number, number, estimate=True, unit=unit)  # `预计5.2`: the estimate


def _number(text: str) -> Fraction | None:
    try:
        return exact_number(text)
    except ValueError:
        return None


WORDS: Final = {
    "lower bound, the number included": LOWER_CLOSED + SUFFIX_LOWER,
    "lower bound, the number excluded": LOWER_OPEN,
    "upper bound, the number included": UPPER_CLOSED + SUFFIX_UPPER,
    "upper bound, the number excluded": UPPER_OPEN,
    "about (needs a declared tolerance)": ABOUT_BEFORE + SUFFIX_ABOUT,
    "estimate (the figure itself)": ESTIMATE,
}
