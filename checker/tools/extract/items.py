"""Items: what the reader found — one quantitative statement of a text each.

In: built by `classify` and `idioms`.  Out: `Item` (plain data: where, the
words, what kind of statement, the indicator it names, the comparison, the
value in the stated unit, the period, the qualifier) and the column order the
json, csv and data writers share.  Imports only the suite's `Unit`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from checker.types.units import Unit

KINDS = ("target", "actual", "other")
OPS = (">=", "<=", ">", "<", "==", "~=", "reduce", "increase", "falls", "rises", "sync", "ref")
COLUMNS = ("file", "line", "column", "kind", "name", "indicator", "op", "value", "unit",
           "period", "qualifier", "quote", "reason", "section", "words")


@dataclass(frozen=True)
class Item:
    file: str
    line: int
    column: int
    quote: str  # the clause of the text, exactly as written
    kind: str  # target | actual | other
    name: str  # the words naming what is measured
    indicator: str  # the suite's id for that name, or ''
    op: str
    value: Fraction | bool | None  # in the stated unit; True for a milestone
    unit: str  # as the language spells it; as written when it has no spelling
    period: str  # 2025, 2021..2025, 2022H1, 2021-01..2021-10
    qualifier: str  # 以上, 左右, 初步预计, 扣除疫苗影响 …
    reason: str  # why a figure is `other`, or how an idiom was read
    section: str  # the headings above it: 第五章 一 (三)
    words: str  # the figure as written (`64万平方米`, `全覆盖`)
    known: Unit | None = field(default=None, compare=False)  # the table's unit of the value
    factor: int = field(default=1, compare=False)  # value x factor is in `known`
    high: Fraction | None = field(default=None, compare=False)  # the top of a range
    # what the learned decision weighed (kept only when collecting them, to train it)
    signals: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @property
    def numeric(self) -> bool:
        return isinstance(self.value, Fraction)

    def magnitude(self) -> Fraction | None:
        """The value in `known`, exactly."""
        return self.value * self.factor if isinstance(self.value, Fraction) else None
