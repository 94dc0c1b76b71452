"""Numerals: Chinese and Arabic number words -> exact values.

In: the text of one number as the phrase grammar found it: `13`, `1,993,591`,
`46.89`, `十三`, `一百零五`, `两千`, `百`, `二〇三五`, and the scale words `万`,
`亿`, `万亿`.  Out: a `Fraction`, or None when the characters do not form a
number (`十四五` is a name, not 1,405).  Imports only the standard library.
`cn2an` was tried and left out: it reads neither `百万` nor `千亿` nor
`三分之一`, and finding numbers inside running text is the grammar's job.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from fractions import Fraction

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
          "七": 7, "八": 8, "九": 9}
POWERS = {"十": 10, "百": 100, "千": 1000}
SCALES = {"万": 10**4, "亿": 10**8, "万亿": 10**12, "千万": 10**7, "百万": 10**6}
MAX_DIGITS = 24  # longer digit runs are identifiers, not quantities


def arabic(text: str) -> Fraction | None:
    """`1,993,591` -> 1993591; `46.89` -> 4689/100."""
    plain = text.replace(",", "").replace(" ", "")
    if not plain or len(plain) > MAX_DIGITS:
        return None
    try:
        return Fraction(Decimal(plain))
    except (InvalidOperation, ValueError):
        return None


def chinese(text: str) -> Fraction | None:
    """`十三` -> 13, `一百零五` -> 105, `二〇三五` -> 2035, `百` -> 100, `五点五` -> 11/2;
    else None."""
    whole, point, decimals = text.partition("点")
    if point:
        integer = chinese(whole)
        if integer is None or not decimals or any(c not in DIGITS for c in decimals):
            return None
        digits = "".join(str(DIGITS[c]) for c in decimals)
        return integer + Fraction(int(digits), 10 ** len(digits))
    if not text or len(text) > MAX_DIGITS or any(c not in DIGITS and c not in POWERS
                                                  for c in text):
        return None
    if len(text) > 1 and all(c in DIGITS for c in text):
        return Fraction(int("".join(str(DIGITS[c]) for c in text)))  # 二〇三五: digit by digit
    return _positional(text)


def _positional(text: str) -> Fraction | None:
    total, digit, last_power = 0, None, 10**9
    for char in text:
        if char in DIGITS:
            if digit is not None and DIGITS[char] != 0 and digit != 0:
                return None  # 十四五: two digits in a row
            digit = DIGITS[char]
            continue
        power = POWERS[char]
        if power >= last_power:
            return None  # 百百, 十百: powers must fall
        total += (1 if digit is None else digit) * power
        digit, last_power = None, power
    if digit is not None:
        if last_power == 10**9 and total == 0:
            return Fraction(digit)
        total += digit
    return Fraction(total)


def scale(word: str) -> int:
    return SCALES.get(word, 1)
