"""Units: the table of dimensions, exact factors and aliases (平方公里, 公顷, 亩, 亿元 …).

In: the `unit` statements of a suite (the prelude first).  Out: a `UnitTable`
that resolves a unit name or alias, converts exactly between units of one
dimension, and reads quantities written in data (`12 ha`, `300 亩`, `80%`).
Imports only `model`, `diagnostics` and `source`.  Dimensions never mix: `%`
(share) is not a bare number (one), km² is not km.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from checker.diagnostics import DiagnosticSink, did_you_mean
from checker.syntax import model as m

BARE = "one"  # the dimension of bare numbers and counts


@dataclass(frozen=True, slots=True)
class Unit:
    """`factor` converts a value in this unit to the dimension's base unit."""

    name: str
    dimension: str
    factor: Fraction
    symbol: str

    def ratio_to(self, other: Unit) -> Fraction:
        """Multiply a value in `self` by this to express it in `other`."""
        return self.factor / other.factor


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "")


@dataclass
class UnitTable:
    units: dict[str, Unit] = field(default_factory=dict)
    lookup: dict[str, str] = field(default_factory=dict)

    def resolve(self, name: str) -> Unit | None:
        """A unit by its name or any alias (also after NFKC folding and casefolding)."""
        key = self.lookup.get(name) or self.lookup.get(_fold(name))
        if key is None:
            key = self.lookup.get(_fold(name).casefold())
        return self.units.get(key) if key else None

    def spellings(self) -> list[str]:
        return sorted(set(self.lookup))

    def suggest(self, name: str) -> str:
        hint = did_you_mean(name, self.spellings())
        return hint or "declare it with `unit NAME = FACTOR BASE alias \"…\"`"

    def dimension_units(self, dimension: str) -> list[str]:
        return sorted(u.symbol for u in self.units.values() if u.dimension == dimension)

    def bare(self) -> Unit:
        unit = self.units.get(BARE)
        return unit if unit is not None else Unit(BARE, BARE, Fraction(1), "")

    def read_quantity(self, text: str) -> tuple[Fraction, Unit | None] | str:
        """`'12 ha'` -> (12, ha); a bare number has no unit; a problem is returned as text."""
        folded = unicodedata.normalize("NFKC", text).strip()
        match = _QUANTITY.fullmatch(folded)
        if not match:
            return f"`{text}` is not a number with an optional unit"
        number, unit_text = match.group(1).replace(",", ""), match.group(2).strip()
        try:
            value = Fraction(Decimal(number))
        except (InvalidOperation, ValueError):
            return f"`{number}` is not a number"
        if not unit_text:
            return value, None
        unit = self.resolve(unit_text)
        if unit is None:
            return f"unknown unit `{unit_text}`"
        return value, unit


_QUANTITY = re.compile(r"([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*(.*)")


def build_unit_table(suite: m.Suite, sink: DiagnosticSink) -> UnitTable:
    """Collect every `unit` statement; report duplicates and unknown base units."""
    table = UnitTable()
    for statement in suite.statements():
        match statement:
            case m.BaseUnit(name=name, dimension=dimension):
                _add(table, sink, statement, Unit(name, dimension, Fraction(1), _symbol(statement)))
            case m.DerivedUnit(name=name, factor=factor, of=of):
                base = table.resolve(of)
                if base is None:
                    sink.error("T201", f"unit `{name}` is defined from unknown unit `{of}`",
                               statement.span, help=table.suggest(of))
                    continue
                unit = Unit(name, base.dimension, factor * base.factor, _symbol(statement))
                _add(table, sink, statement, unit)
    return table


def _symbol(statement: m.BaseUnit | m.DerivedUnit) -> str:
    """How values are shown: the first alias (`km²`, `%`), else the unit's name."""
    return statement.aliases[0] if statement.aliases else statement.name


def _add(table: UnitTable, sink: DiagnosticSink, statement: m.BaseUnit | m.DerivedUnit,
         unit: Unit) -> None:
    if unit.name in table.units:
        sink.error("T202", f"unit `{unit.name}` is declared twice", statement.span,
                   help="give the unit one declaration; add spellings with `alias`")
        return
    table.units[unit.name] = unit
    for spelling in (unit.name, *statement.aliases):
        for key in {spelling, _fold(spelling), _fold(spelling).casefold()}:
            owner = table.lookup.get(key)
            if owner is not None and owner != unit.name and key == spelling:
                sink.error("T203", f"unit spelling `{spelling}` already means `{owner}`",
                           statement.span, help="each spelling may name one unit")
                continue
            table.lookup.setdefault(key, unit.name)


def format_number(value: float) -> str:
    """A number for people: whole numbers whole (`1200000`), at most three decimals from
    1 up (`5.192`, `331.2`), four significant digits below 1 (`0.0048`)."""
    if value != value:  # NaN
        return "missing"
    if abs(value) < 1e15 and value == round(value):
        return str(round(value))
    text = f"{value:.3f}" if abs(value) >= 1 else f"{value:.4g}"
    if "e" in text:
        return text
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_quantity(value: float, unit: Unit | None) -> str:
    if unit is None or (unit.dimension == BARE and not unit.symbol):
        return format_number(value)
    symbol = unit.symbol or unit.name
    gap = "" if symbol in {"%", "‰"} else " "
    return f"{format_number(value)}{gap}{symbol}"
