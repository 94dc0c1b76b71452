"""Units: the table of dimensions, exact factors and aliases (平方公里, 公顷, 亩, 亿元 …).

In: the `unit` statements of a suite (the prelude first).  Out: a `UnitTable`
that resolves a unit name or alias, converts exactly between units of one
dimension, and reads quantities written in data (`12 ha`, `300 亩`, `80%`).
A spelling with no declaration that is a quotient or product of declared
units (`km/km2`, `万元/人`, `t/(km²·30d)`) resolves by unit algebra
(`unit_algebra`) to an exact factor and a composite dimension (`length per
area`).  Imports only `model`, `diagnostics`, `source` and `unit_algebra`.
Dimensions never mix: `%` (share) is not a bare number (one), km² is not km.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Final

from checker.diagnostics import DiagnosticSink, closest, did_you_mean, edits_at_most
from checker.syntax import model as m
from checker.types.numbers import exact_number
from checker.types.unit_algebra import BARE as BARE  # the dimension of bare numbers, counts
from checker.types.unit_algebra import (
    PER,
    TIMES,
    Combined,
    Unknown,
    combine,
    dimension_exponents,
    is_compound,
    repaired,
)

MAX_COMPOUNDS = 4096  # compound spellings remembered per table (data may write many)


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


# Chinese multiplier words, longest first: a unit spelt with one is a unit of its own.
MULTIPLIERS: Final = (("十万", 100_000), ("百万", 1_000_000), ("千万", 10_000_000),
                      ("万", 10_000), ("亿", 100_000_000), ("千", 1_000), ("百", 100))
_PINYIN: Final = {"十万": "shiwan", "百万": "baiwan", "千万": "qianwan", "万": "wan",
                  "亿": "yi", "千": "qian", "百": "bai"}


def _ident(word: str) -> str:
    return _PINYIN[word]


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "")


@dataclass
class UnitTable:
    units: dict[str, Unit] = field(default_factory=dict)
    lookup: dict[str, str] = field(default_factory=dict)
    compounds: dict[str, Unit] = field(default_factory=dict)  # spellings read by algebra
    not_compounds: set[str] = field(default_factory=set)  # spellings algebra could not read

    def resolve(self, name: str) -> Unit | None:
        """A unit by its name or any alias (also after NFKC folding and casefolding), else
        a quotient or product of declared units (`km/km2`) read by unit algebra."""
        return self.declared(name) or self._compound(name)

    def declared(self, name: str) -> Unit | None:
        """A unit by a declared spelling only."""
        key = self.lookup.get(name) or self.lookup.get(_fold(name))
        if key is None:
            key = self.lookup.get(_fold(name).casefold())
        return self.units.get(key) if key else None

    def _compound(self, name: str) -> Unit | None:
        written = name.strip()
        known = self.compounds.get(written)
        if known is not None or not is_compound(written) or written in self.not_compounds:
            return known
        read = combine(_fold(written), self.declared)
        if not isinstance(read, Combined):
            if len(self.not_compounds) < MAX_COMPOUNDS:
                self.not_compounds.add(written)
            return None
        shown = " ".join(written.split())  # one line, however the cell spaced it
        unit = Unit(_fold(shown), read.dimension, read.factor, shown)
        if len(self.compounds) < MAX_COMPOUNDS:
            self.compounds[written] = unit
        return unit

    def spellings(self) -> list[str]:
        return sorted(set(self.lookup))

    def suggest(self, name: str, dimension: str | None = None) -> str:
        """Advice for an unknown unit (`close`, else how to declare one)."""
        return self.close(name, dimension) or declare_example(name)

    def close(self, name: str, dimension: str | None = None) -> str:
        """Did-you-mean for an unknown unit, '' when nothing is close: a compound's unknown
        parts are repaired one by one (`km/kn2` -> `km/km2`); a suggestion keeps
        `dimension` when it is given (never a unit the value could not be in), and never
        drops a multiplier: `万套` is 10⁴ `套`, which is to be declared, not a typo of `套`."""
        scaled = self._scaled(name, dimension)
        if scaled:
            return scaled
        read = combine(_fold(name), self.declared) if is_compound(name) else None
        if isinstance(read, Unknown):
            return self._repair(name, read, dimension)
        choices = self.spellings() if dimension is None else [
            s for s in self.spellings() if self.units[self.lookup[s]].dimension == dimension]
        return did_you_mean(name, choices) or self._one_edit(name, choices)

    def _one_edit(self, name: str, choices: list[str]) -> str:
        """`公理` for a length: one character from `公里`, which difflib finds too far in a
        word of two.  Named only when every spelling one edit away is the same unit: with
        no dimension known `公理` is as near `公顷`, and a guess between a length and an
        area would mislead, so nothing is suggested."""
        folded = _fold(name)
        near = [s for s in choices if edits_at_most(folded, _fold(s), 1)]
        if len({self.lookup[s] for s in near}) != 1:
            return ""
        return f"did you mean `{min(near, key=lambda s: (len(s), s))}`?"

    def _scaled(self, name: str, dimension: str | None) -> str:
        """Advice for a multiplier word before a known unit (`万套`, `亿m³`), else ''."""
        for word, factor in MULTIPLIERS:
            rest = name[len(word):].strip()
            unit = self.resolve(rest) if name.startswith(word) and rest else None
            if unit is not None and dimension in (None, unit.dimension):
                return (f"`{name}` is {factor:,} `{rest}`, not a typo of it: declare it, "
                        f"e.g. `unit {name} = {factor} {rest}`"
                        if name.isidentifier() else
                        f"`{name}` is {factor:,} `{rest}`, not a typo of it: declare it, "
                        f'e.g. `unit {_ident(word)}_{unit.name} = {factor} {unit.name} '
                        f'alias "{name}"`')
        return ""

    def _repair(self, name: str, read: Unknown, dimension: str | None) -> str:
        atoms = [s for s in self.spellings() if s and not is_compound(s)]
        fixes = {atom: close for atom in read.atoms if (close := closest(atom, atoms))}
        if len(fixes) == len(read.atoms):
            candidate = repaired(_fold(name), fixes)
            unit = self.resolve(candidate)
            if unit is not None and dimension in (None, unit.dimension):
                return f"did you mean `{candidate}`?"
        missing = ", ".join(f"`{atom}`" for atom in read.atoms)
        return (f"{missing} {'is not a unit' if len(read.atoms) == 1 else 'are not units'}; "
                "a compound unit is made of declared units with `/` and `·` (`km/km2`)")

    def dimension_units(self, dimension: str) -> list[str]:
        """Spellings of `dimension`: declared units, compounds read so far, and for a
        composite dimension the spelling in its base units (`m/m2`)."""
        found = {u.symbol for u in (*self.units.values(), *self.compounds.values())
                 if u.dimension == dimension}
        base = self.base_spelling(dimension)
        return sorted(found | ({base} if base else set()))

    def base_spelling(self, dimension: str) -> str | None:
        """A composite dimension written in the base units of its parts (`m/m2`, `t/(m2·min)`)."""
        if PER not in dimension and TIMES not in dimension:
            return None
        bases: dict[str, str] = {}
        for unit in self.units.values():
            if unit.factor == 1:
                bases.setdefault(unit.dimension, unit.symbol or unit.name)
        exponents = dimension_exponents(dimension)
        if any(part not in bases for part in exponents):
            return None
        ups = [bases[d] for d, power in sorted(exponents.items()) for _ in range(power)]
        downs = [bases[d] for d, power in sorted(exponents.items()) for _ in range(-power)]
        top = "·".join(ups) or "1"
        if not downs:
            return top
        bottom = downs[0] if len(downs) == 1 else f"({'·'.join(downs)})"
        return f"{top}/{bottom}"

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
            value = exact_number(number)
        except ValueError as error:
            return str(error)
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
    table.compounds.clear()  # a new spelling may change how a compound reads
    table.not_compounds.clear()
    for spelling in (unit.name, *statement.aliases):
        for key in {spelling, _fold(spelling), _fold(spelling).casefold()}:
            owner = table.lookup.get(key)
            if owner is not None and owner != unit.name and key == spelling:
                sink.error("T203", f"unit spelling `{spelling}` already means `{owner}`",
                           statement.span, help=_taken_help(table, owner, unit, spelling))
                continue
            table.lookup.setdefault(key, unit.name)


def _taken_help(table: UnitTable, owner: str, unit: Unit, spelling: str) -> str:
    """Why a spelling cannot be declared again; when the unit it names already is the
    same amount (`万个` of the prelude's `wan`), that the declaration is not needed."""
    known = table.units.get(owner)
    if known is not None and known.dimension == unit.dimension \
            and known.factor == unit.factor:
        return (f"`{spelling}` is already this unit (`{owner}`, the same amount): drop the "
                f"declaration and write quantities in `{spelling}` as they are")
    return "each spelling may name one unit: choose another for this one"


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


def declare_example(name: str) -> str:
    """How to declare an unknown unit, with examples that fit a measure word of a count
    (`床`), the commonest unknown unit of a plan, and a multiple of one (`万套`)."""
    target = name if name.isidentifier() else f'NAME alias "{name}"'
    return (f"declare it as an exact multiple of a known unit: `unit {target} = 1 个` if it "
            "counts things (as `unit 万套 = 10000 套` counts ten thousand), or e.g. "
            "`unit 顷 = 100 亩` for an area")
