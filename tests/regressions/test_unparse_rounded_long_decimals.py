"""`unparse.number` divided with `Decimal`, whose context keeps 28 significant
digits: `1234567890123456789012345678.91` printed as `…5679`, so a quantity
with many digits changed value when a file was formatted.  Found by the
round-trip property."""

from __future__ import annotations

from fractions import Fraction

import pytest

from checker.syntax.unparse import number


@pytest.mark.parametrize(
    "text",
    ["1234567890123456789012345678.91", "100000000000000000000000000.01",
     "0.0000000000000000000000000000001", "46.89", "0.5", "319", "0.000128"],
)
def test_decimal_quantities_print_exactly(text: str) -> None:
    assert number(Fraction(text)) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [(Fraction(2000, 3), "2000/3"), (Fraction(1, 100), "0.01"), (Fraction(-5, 4), "-1.25"),
     (Fraction(7, 1), "7"), (Fraction(1, 2**7), "0.0078125")],
)
def test_factors_print_as_decimals_or_ratios(value: Fraction, text: str) -> None:
    assert number(value) == text
