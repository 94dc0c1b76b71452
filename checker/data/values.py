"""Reading one data value: a quantity, a boolean, a year, an enum item or text.

In: one raw value as a reader produced it (a `str` from a CSV cell; `int`,
`float`, `bool` or `str` from YAML, JSON, XLSX or Parquet) and the type of the
field it fills.  Out: the value in the field's terms (a quantity as a float in
the field's unit, converted exactly through `Fraction` ratios) or a `Problem`
(a D3xx code, a message and advice).  Callers test for a blank value (None,
NaN, empty or whitespace text) with `is_blank` first: what blank means (a
default, a missing required value) is theirs to decide.

This is the one definition of what a data value may look like: the vectorized
column readers (`columns`) only take shortcuts that give the same answer,
and the pydantic validators (`schemas`) call these functions.  Imports `typed`,
`units` and `diagnostics`; not pandas.
"""

from __future__ import annotations

import math
import re
import reprlib
import unicodedata
from dataclasses import dataclass
from fractions import Fraction
from typing import Final

from checker.data.qualified import Reading, read_qualified
from checker.diagnostics import did_you_mean
from checker.types.numbers import MAX_EXPONENT, MIN_EXPONENT, HugeNumber, exact_number
from checker.types.typed import (
    BoolT,
    EnumT,
    FieldSpec,
    IndicatorSpec,
    QuantityT,
    TextT,
    Type,
    YearT,
)
from checker.types.units import BARE, MULTIPLIERS, Unit, UnitTable, format_number

MAX_SHOWN: Final = 40
TRUE_WORDS: Final = frozenset({"true", "yes", "是", "1"})
FALSE_WORDS: Final = frozenset({"false", "no", "否", "0"})
BOOL_HELP: Final = "write true/false, yes/no, 是/否 or 1/0"
YEAR_HELP: Final = "write a year from 1900 to 2200, such as `2025`"
FIRST_YEAR, LAST_YEAR = 1900, 2200  # the years the rule language accepts (P110)

# The number at the start of a quantity, as `UnitTable.read_quantity` reads it;
# used only to word a failure (unknown unit or not a number).
MAX_NUMBER_LENGTH: Final = 100
_NUMBER_PREFIX = re.compile(r"([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*(.*)")


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a value was refused: a stable D3xx code, a message and a `help:` line."""

    code: str
    message: str
    help: str = ""
    label: str = ""


Value = float | bool | int | str


def is_blank(value: object) -> bool:
    """None, NaN and empty or whitespace-only text say nothing."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, str):
        return not value.strip()
    return type(value).__name__ == "NAType"


def shown(value: object) -> str:
    """A value as the user wrote it, short enough for a message, safe inside backticks."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value)) if abs(value) < 1e15 else repr(value)
    elif isinstance(value, list | dict | tuple | set):  # bounded: aliases can nest deep
        text = _SHORT_REPR.repr(value)
    else:
        text = str(value)
    text = text.replace("`", "'").replace("\n", " ")
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


_SHORT_REPR = reprlib.Repr()
_SHORT_REPR.maxlevel, _SHORT_REPR.maxlist, _SHORT_REPR.maxdict = 2, 4, 4
_SHORT_REPR.maxstring = _SHORT_REPR.maxother = 20


class _Failed:
    def __repr__(self) -> str:
        return "FAILED"


FAILED: Final = _Failed()


def outside_range(value: object, spec: FieldSpec | IndicatorSpec,
                  written: object = None) -> Problem | None:
    """A number beyond the field's declared `range` (a negative area, a 150 % share):
    refused, never handed to a rule (-500 ha of new land hid a broken 319 km² cap)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    name = spec.name if isinstance(spec, FieldSpec) else spec.id
    if spec.whole and not float(value).is_integer():
        return Problem("D328", f"`{shown(written if isinstance(written, str) else value)}` in "
                       f"`{name}` is not a whole number", "a count is a whole number; check "
                       "the figure", "expected a whole number")
    if (spec.low is None or value >= spec.low) and (spec.high is None or value <= spec.high):
        return None
    as_written = shown(written) if isinstance(written, str) else (
        f"{shown(value)}{_unit_suffix(spec.type)}")
    return Problem("D327", f"`{as_written}` in `{name}` is "
                   f"outside its range ({_declared_range(spec)})",
                   "check the figure and its unit; the schema says which values the field can "
                   "hold", "out of range")


def _declared_range(spec: FieldSpec | IndicatorSpec) -> str:
    """`0 km2..`, `0%..100%`, `..2035`: the declared range in the field's unit."""
    unit = _unit_suffix(spec.type)
    low = f"{shown(float(spec.low))}{unit}" if spec.low is not None else ""
    high = f"{shown(float(spec.high))}{unit}" if spec.high is not None else ""
    if not high:
        return f">= {low}"
    return f"<= {high}" if not low else f"{low}..{high}"


def _unit_suffix(type_: Type) -> str:
    if not isinstance(type_, QuantityT) or not type_.unit.symbol:
        return ""
    symbol = type_.unit.symbol
    return symbol if symbol == "%" else f" {symbol}"


def read_value(value: object, type_: Type, field: str, units: UnitTable) -> Value | Problem:
    """The value of `field` (of type `type_`), or the problem with it (`value` is not blank).

    A bare number means the field's declared unit: in a `%` field `80%` and `80`
    are 80 percent, and `0.8` is 0.8 percent, not 80.
    """
    result = parse_value(value, type_, units)
    return explain(value, type_, field, units) if isinstance(result, _Failed) else result


def parse_value(value: object, type_: Type, units: UnitTable) -> Value | _Failed:
    """The value, or `FAILED` — cheap, for many values; `explain` says why, for a few."""
    match type_:
        case QuantityT(unit=unit):
            return parse_quantity(value, unit, units)
        case BoolT():
            return parse_bool(value)
        case YearT():
            return parse_year(value)
        case EnumT(items=items):
            text = value.strip() if isinstance(value, str) else None
            return text if text is not None and text in items else FAILED
        case TextT():
            if isinstance(value, str):
                return value
            return str(value) if isinstance(value, int) and not isinstance(value, bool) else FAILED


def explain(value: object, type_: Type, field: str, units: UnitTable) -> Problem:
    """Why `value` is not a value of `field` (call only after `parse_value` failed)."""
    match type_:
        case QuantityT(unit=unit):
            return _quantity_problem(value, field, unit, units)
        case BoolT():
            return Problem("D323", f"`{shown(value)}` in `{field}` is not true or false",
                           BOOL_HELP, "expected true/false")
        case YearT():
            return Problem("D324", f"`{shown(value)}` in `{field}` is not a year", YEAR_HELP,
                           "expected a year")
        case EnumT():
            return _enum_problem(value, type_, field)
        case TextT():
            return Problem("D326", f"`{shown(value)}` in `{field}` is not text",
                           "write the value as text (quote it in YAML or JSON)", "expected text")


def parse_quantity(value: object, unit: Unit, units: UnitTable) -> float | _Failed:
    """A number in `unit`: bare numbers are already in it, `12 ha` is converted exactly.

    A bare number means the field's declared unit, so in a `%` field `80%` and
    `80` are both 80 percent, while `0.8` is 0.8 percent (not 80).
    """
    if isinstance(value, bool) or not isinstance(value, int | float | str) or too_long(value):
        return FAILED
    if isinstance(value, int):
        return float(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else FAILED
    read = units.read_quantity(value)
    if isinstance(read, str):
        return FAILED
    number, written = read
    if written is not None and written.dimension != unit.dimension:
        return FAILED
    try:
        return float(number if written is None else number * written.ratio_to(unit))
    except OverflowError:
        return FAILED


def _quantity_problem(value: object, field: str, unit: Unit, units: UnitTable) -> Problem:
    if too_long(value):
        return _too_long_problem(value, field)
    if huge(value):
        return _huge_problem(value, field)
    # before the unit: in `12 ha以上` the unit read would be `ha以上`, an unknown unit (D321)
    reading = read_qualified(value) if isinstance(value, str) else None
    if reading is not None:
        return Problem("D320", f"`{shown(value)}` in `{field}` is a qualified figure, not a "
                       "number", "a proposal states its own figure: write the number it "
                       f"proposes, such as {_plain(reading, unit)} (`95以上` is read in plan "
                       "data only)", "expected a number")
    if isinstance(value, str):
        match = _NUMBER_PREFIX.fullmatch(unicodedata.normalize("NFKC", value).strip())
        written_text = match.group(2).strip() if match else ""
        if match is not None and written_text:
            written = units.resolve(written_text)
            if written is None:
                return _unknown_unit(written_text, field, unit, units)
            return _wrong_dimension(value, written, field, unit, units)
    bare = f"; a bare number means `{unit.symbol}`" if unit.symbol else ""
    return Problem("D320", f"`{shown(value)}` in `{field}` is not a number",
                   f"write a number with an optional unit, such as {_unit_example(unit)}{bare}",
                   f"expected {_dimension_words(unit)}")


def read_number(value: object, field: str) -> Fraction | Problem:
    """A plain number, exactly (no unit: plan data keeps the unit in its own column)."""
    result = parse_number(value)
    if not isinstance(result, _Failed):
        return result
    if too_long(value):
        return _too_long_problem(value, field)
    if huge(value):
        return _huge_problem(value, field)
    if isinstance(value, str):
        match = _NUMBER_PREFIX.fullmatch(unicodedata.normalize("NFKC", value).strip())
        if match is not None and match.group(2).strip():
            word = match.group(2).strip()
            help_ = (f"write `{match.group(1)}` here and the unit with its `{word}` in the "
                     f"`unit` column (`{word}吨`, not `吨`)"
                     if word in {w for w, _ in MULTIPLIERS} else
                     f"write `{match.group(1)}` here and the unit in the `unit` column")
            return Problem("D320", f"`{shown(value)}` in `{field}` is not a plain number",
                           help_, "expected a number")
    return Problem("D320", f"`{shown(value)}` in `{field}` is not a number",
                   "write a plain number such as `12.5`", "expected a number")


def parse_number(value: object) -> Fraction | _Failed:
    """A plain number without a unit, exactly; `FAILED` otherwise."""
    if isinstance(value, bool) or not isinstance(value, int | float | str) or too_long(value):
        return FAILED
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        return Fraction(value) if math.isfinite(value) else FAILED
    match = _NUMBER_PREFIX.fullmatch(unicodedata.normalize("NFKC", value).strip())
    if match is None or match.group(2).strip():
        return FAILED
    try:
        number = exact_number(match.group(1))
        float(number)  # what the engine computes with
    except (ValueError, OverflowError):
        return FAILED
    return number


def too_long(value: object) -> bool:
    """More than `MAX_NUMBER_LENGTH` characters or digits: not a figure of a plan (and far
    from Python's 4,300-digit int conversion limit, or a float's range)."""
    if isinstance(value, int):  # bits first: `str` of a huge int is the crash itself
        return value.bit_length() > 4 * MAX_NUMBER_LENGTH or len(str(value)) > MAX_NUMBER_LENGTH
    return isinstance(value, str) and len(value) > MAX_NUMBER_LENGTH and bool(
        re.match(r"\s*[-+]?[0-9]", value))


def huge(value: object) -> bool:
    """A number written correctly but beyond any figure (`1e400 ha`, a float's range)."""
    if isinstance(value, float):
        return math.isinf(value)
    match = _NUMBER_PREFIX.fullmatch(unicodedata.normalize("NFKC", value).strip()) if (
        isinstance(value, str)) else None
    if match is None:
        return False
    try:
        float(exact_number(match.group(1)))
    except HugeNumber:
        return True
    except (ValueError, OverflowError):
        return False
    return False


def _huge_problem(value: object, field: str) -> Problem:
    return Problem("D320", f"`{shown(value)}` in `{field}` is beyond the size of any figure",
                   f"a figure lies between 10^{MIN_EXPONENT} and 10^{MAX_EXPONENT}; check the "
                   "exponent, or write the value in a larger unit", "too large or too small")


def _too_long_problem(value: object, field: str) -> Problem:
    return Problem("D320", f"the number in `{field}` is too long "
                   f"({len(str(value))} characters)",
                   f"a figure has at most {MAX_NUMBER_LENGTH} characters; write a large value "
                   "in a larger unit", "too long")


def _plain(reading: Reading, unit: Unit) -> str:
    """The qualified figure without its words (`12 ha以上` -> `12 ha`, `95%以上` -> `95%`)."""
    numbers = [n for n in (reading.about, reading.low, reading.high) if n is not None]
    if len(numbers) != 1 or not math.isfinite(float(numbers[0])):
        return _unit_example(unit)
    written = reading.unit or (unit.symbol if unit.dimension != BARE else "")
    number = format_number(float(numbers[0])) if numbers[0].denominator != 1 else \
        str(numbers[0].numerator)
    gap = "" if written in ("", "%", "‰") else " "
    return f"`{number}{gap}{written}`"


def _unit_example(unit: Unit) -> str:
    symbol = unit.symbol or unit.name
    return f"`12 {symbol}`" if unit.dimension != BARE else "`12`"


def _unknown_unit(written: str, field: str, unit: Unit, units: UnitTable) -> Problem:
    hint = units.close(written, unit.dimension)
    if not hint:
        hint = f"units of {unit.dimension}: {_unit_list(unit.dimension, units)}"
    return Problem("D321", f"unknown unit `{shown(written)}` in `{field}`", hint,
                   "not a unit plancheck knows")


def _wrong_dimension(text: str, written: Unit, field: str, unit: Unit,
                     units: UnitTable) -> Problem:
    return Problem(
        "D322",
        f"`{shown(text)}` is {_dimension_words(written)}, but `{field}` is "
        f"{_dimension_words(unit)}",
        f"use a unit of {unit.dimension}: {_unit_list(unit.dimension, units)}",
        f"expected {_dimension_words(unit)}")


def _dimension_words(unit: Unit) -> str:
    if unit.dimension == BARE:
        return "a bare number"
    return f"{'an' if unit.dimension[:1] in 'aeiou' else 'a'} {unit.dimension}"


def _unit_list(dimension: str, units: UnitTable) -> str:
    symbols = [s for s in units.dimension_units(dimension) if s]
    listed = ", ".join(f"`{s}`" for s in symbols[:8])
    return listed or "a bare number"


def parse_bool(value: object) -> bool | _Failed:
    """true/false, yes/no, 是/否, 1/0 (any letter case), YAML booleans; nothing else."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):  # not 1.0: a measurement is no flag
        return bool(value)
    if isinstance(value, str):
        word = unicodedata.normalize("NFKC", value).strip().casefold()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
    return FAILED


def parse_year(value: object) -> int | _Failed:
    """A whole four-digit year: `2025`, 2025 or 2025.0 from a numeric column."""
    year: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        year = value
    elif isinstance(value, float) and value.is_integer():
        year = int(value)
    elif isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        year = int(text) if re.fullmatch(r"[0-9]{4}", text) else None
    if year is None or not FIRST_YEAR <= year <= LAST_YEAR:
        return FAILED
    return year


_ROMAN = str.maketrans({"Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV", "Ⅴ": "V", "Ⅵ": "VI"})


def level_key(text: str) -> str:
    """`Ⅳ类`, `IV类`, `Ⅳ 类`, `iv` → one spelling: a water class as reports write it."""
    folded = "".join(str(text).split()).translate(_ROMAN).upper()
    return folded.removesuffix("类").removesuffix("级")


def _same_level(value: str, enum: EnumT) -> str:
    """`did you mean `Ⅲ类`?` for `III类` in an ordinal field: the same level in other
    numerals.  Said, not read: a proposal's field holds the schema's own spellings."""
    found = [item for item in enum.items if level_key(item) == level_key(value)]
    return f"did you mean `{found[0]}`? (the same level in Roman numerals)" \
        if enum.ordered and len(found) == 1 else ""


def _enum_problem(value: object, enum: EnumT, field: str) -> Problem:
    hint = (_same_level(value, enum) or did_you_mean(value.strip(), enum.items)) \
        if isinstance(value, str) else ""
    if not hint:
        listed = ", ".join(f"`{item}`" for item in enum.items[:6])
        more = ", …" if len(enum.items) > 6 else ""
        hint = f"`{enum.name}` is one of {listed}{more}"
    kind = "an ordinal of" if enum.ordered else "a value of"
    return Problem("D325", f"`{shown(value)}` in `{field}` is not {kind} `{enum.name}`", hint,
                   f"not in `{enum.name}`")


def default_value(type_: Type, default: Fraction | bool | str | int | None) -> Value | None:
    """A field's declared default in loaded terms (quantities are already in the field's unit)."""
    if default is None:
        return None
    if isinstance(type_, QuantityT) and isinstance(default, Fraction | int) and not isinstance(
            default, bool):
        return float(default)
    if isinstance(default, Fraction):
        return float(default)
    return default
