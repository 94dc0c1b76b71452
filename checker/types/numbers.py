"""Written numbers read exactly, within limits: the one place a decimal becomes a Fraction.

In: the text of a number (`12.5`, `1,300`, `3e2`).  Out: its exact `Fraction`, or why
it is none.  An exponent is bounded before anything is built: `Fraction` of
`1e999999999` is an integer of a billion digits (minutes and gigabytes).  No figure of a
plan is beyond 10^100; below, every float's `repr` still reads (the smallest is about
5e-324), so the bound there is 10^-400.  Imports only the standard library.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Final

MAX_EXPONENT: Final = 100  # the power of ten no figure of a plan reaches
MIN_EXPONENT: Final = -400  # below every float (keeps a Fraction's denominator small)


class HugeNumber(ValueError):
    """A number written correctly whose size no plan's figure has (`1e400`, `1e-400`)."""


def exact_number(text: str) -> Fraction:
    """`text` as an exact Fraction (thousands separators allowed).

    Raises `ValueError` for text that is no number, `HugeNumber` (a `ValueError`) for a
    number beyond 10^`MAX_EXPONENT` or below 10^`MIN_EXPONENT`; NaN and infinities are
    no numbers."""
    try:
        number = Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise ValueError(f"`{text}` is not a number") from None
    if not number.is_finite():
        raise ValueError(f"`{text}` is not a number")
    if number and not MIN_EXPONENT <= number.adjusted() <= MAX_EXPONENT:
        raise HugeNumber(f"`{text}` is beyond the size of any figure "
                         f"(10^{MIN_EXPONENT} to 10^{MAX_EXPONENT})")
    return Fraction(number)
