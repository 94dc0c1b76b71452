"""What a qualified figure says of its value, for sound reasoning over it.

Published monitoring figures are often bounds, not numbers: `95%以上` is [95, ∞),
`突破1300` is (1300, ∞), `8以内` is (−∞, 8], and `5.0左右` is 5.0 within the
tolerance the suite declares.  The data stage reads the words; the engine keeps
one `Bounds` per (indicator, region, kind, year) and decides a rule only when
every value inside the bounds gives the same verdict.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Bounds:
    """`low`/`high` of None are unbounded; `text` is the figure as published."""

    low: float | None
    high: float | None
    low_open: bool = False
    high_open: bool = False
    text: str = ""

    def contains(self, value: float) -> bool:
        above = self.low is None or (value > self.low if self.low_open else value >= self.low)
        below = self.high is None or (value < self.high if self.high_open
                                      else value <= self.high)
        return above and below
