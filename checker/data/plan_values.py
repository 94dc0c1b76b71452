"""The `value` column of plan data: a number, true/false, or a qualified figure.

In: the raw `value` and `unit` columns, each row's indicator spec, the unit table.
Out: `Values` — `value` (Float64 in the indicator's unit, exactly converted; NA for a
bound), and for a qualified figure (`95%以上`, `突破1300`, `5.0左右`) its bounds
`low`/`high` (NA: unbounded), `low_open`/`high_open`, and `qualifier` (the figure as
published).  An exact figure is a point: `value` = `low` = `high`.  Problems are
reported with their cell; an "about" figure whose indicator declares no tolerance is
kept unbounded (unknown, never silently exact) with warning D345.  Imports `values`,
`qualified`, `problems`; pandas.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from checker.data.problems import MAX_PER_COLUMN, Problems
from checker.data.qualified import WORDS, Reading, fold, read_qualified
from checker.data.records import report_cells
from checker.data.tables import blank_mask
from checker.data.values import (
    FAILED,
    Problem,
    level_key,
    outside_range,
    parse_bool,
    parse_number,
    read_number,
    shown,
)
from checker.data.values import explain as explain_value
from checker.source import Span
from checker.types.typed import BoolT, IndicatorSpec
from checker.types.units import BARE, MULTIPLIERS, Unit, UnitTable

BOOL_UNITS: Final = frozenset({"", "bool"})
BoolArray = npt.NDArray[np.bool_]
Cell = Callable[[str], Callable[[int], Span]]
_MEASURE_WORD = r"[\u4e00-\u9fff]{1,2}"  # 家, 个, 座, 所: a count's words, bare numbers only


@dataclass
class Values:
    """The value columns of one table (see the module's docstring)."""

    value: pd.arrays.FloatingArray
    low: pd.arrays.FloatingArray
    high: pd.arrays.FloatingArray
    low_open: pd.arrays.BooleanArray
    high_open: pd.arrays.BooleanArray
    qualifier: Any  # string array, NA for a plain figure

    def columns(self) -> dict[str, Any]:
        return {"value": self.value, "low": self.low, "high": self.high,
                "low_open": self.low_open, "high_open": self.high_open,
                "qualifier": self.qualifier}


@dataclass
class _Bounds:
    low: float | None
    high: float | None
    low_open: bool
    high_open: bool
    untolerated: bool = False  # an "about" figure without a declared tolerance


@dataclass(frozen=True)
class RowSpecs:
    """Each row's indicator spec as a code into `distinct` (-1 or a None entry: unknown or
    blank): a million rows name a few dozen indicators, read without a list per row."""

    codes: npt.NDArray[np.int64]
    distinct: tuple[IndicatorSpec | None, ...]

    def __len__(self) -> int:
        return len(self.codes)

    def __getitem__(self, position: int) -> IndicatorSpec | None:
        code = int(self.codes[position])
        return self.distinct[code] if code >= 0 else None

    def known(self) -> BoolArray:
        """The rows whose indicator has a spec."""
        table = np.array([spec is not None for spec in self.distinct] + [False], dtype=bool)
        return table[self.codes]  # code -1 reads the last entry

    def ids(self) -> npt.NDArray[np.object_]:
        """Each row's indicator id (None without a spec)."""
        table = np.array([spec.id if spec is not None else None for spec in self.distinct]
                         + [None], dtype=object)
        return table[self.codes]


def read_values(raw: pd.Series[Any], units_column: pd.Series[Any], specs: RowSpecs,
                cell: Cell, units: UnitTable, report: Problems, good: BoolArray) -> Values:
    """Each row's value in its indicator's unit (exactly), or a problem with value or unit."""
    count = len(raw)
    blank = blank_mask(raw)
    unit_text = units_column.str.strip().fillna("")
    numbers = np.zeros((3, count), dtype=np.float64)  # value, low, high
    known = np.zeros((3, count), dtype=bool)
    opens = np.zeros((2, count), dtype=bool)
    qualifier: list[str | None] = [None] * count
    unit_bad: list[tuple[int, Problem]] = []
    value_bad: list[tuple[int, Problem | None]] = []
    untolerated: list[int] = []
    rest: list[tuple[int, _Bounds | Problem | None]] = []
    shown_units: dict[int, str] = {}  # position -> the unit a qualified figure is shown in
    value_codes = np.asarray(pd.factorize(raw, use_na_sentinel=True)[0], dtype=np.int64)
    for (spec, unit), positions in _groups(specs, unit_text, blank):
        fit = _fit(spec, unit, units)
        if isinstance(fit, Problem):
            for position in positions.tolist():
                read = _unit_in_cell(_scalar(raw.iloc[position]), spec, units) \
                    if not unit else None
                if read is None:
                    unit_bad.append((position, fit))
                elif isinstance(read, float):
                    numbers[:, position], known[:, position] = read, True
                else:
                    rest.append((position, read))
            continue
        # each distinct value of the group converted once (as first written in the group),
        # the numbers put back at once
        _, first, codes = np.unique(value_codes[positions], return_index=True,
                                    return_inverse=True)
        converted = [_convert_value(_scalar(value), fit, spec, unit, units)
                     for value in raw.iloc[positions[first]].tolist()]
        exact = np.array([isinstance(c, float) for c in converted], dtype=bool)[codes]
        figures = np.array([c if isinstance(c, float) else 0.0 for c in converted],
                           dtype=np.float64)
        numbers[:, positions[exact]] = figures[codes[exact]]
        known[:, positions[exact]] = True
        rest += [(position, converted[code])
                 for position, code in zip(positions[~exact].tolist(),
                                           codes[~exact].tolist(), strict=True)]
        shown = row_unit(spec, unit, fit, units)
        shown_units.update(dict.fromkeys(positions[~exact].tolist(), shown) if shown else {})
    unit_bad.sort(key=lambda bad: bad[0])
    rest.sort(key=lambda item: item[0])
    written = raw.iloc[[position for position, _ in rest]].tolist() if rest else []
    for (position, result), value in zip(rest, written, strict=True):
        if result is None or isinstance(result, Problem):
            value_bad.append((position, result))
            continue
        qualifier[position] = with_row_unit(  # ６％以上
            unicodedata.normalize("NFKC", str(value)).strip(), shown_units.get(position, ""))
        for row, bound in ((1, result.low), (2, result.high)):
            if bound is not None:
                numbers[row, position], known[row, position] = bound, True
        opens[:, position] = result.low_open, result.high_open
        if result.low is not None and result.low == result.high:  # `预计5.2`: the figure
            numbers[0, position], known[0, position] = result.low, True
        if result.untolerated:
            untolerated.append(position)
    _report(raw, specs, unit_bad, value_bad, blank, cell, report, good)
    _report_untolerated(untolerated, specs, raw, cell, report)
    floats = [pd.arrays.FloatingArray(numbers[i].copy(), ~known[i]) for i in range(3)]
    flags = [pd.arrays.BooleanArray(opens[i].copy(), np.zeros(count, dtype=bool))
             for i in range(2)]
    return Values(floats[0], floats[1], floats[2], flags[0], flags[1],
                  pd.array(qualifier, dtype="string"))


_LAST_DIGIT: Final = re.compile(r"[0-9](?!.*[0-9])")


def row_unit(spec: IndicatorSpec, unit: str, fit: Fit, units: UnitTable) -> str:
    """The symbol a qualified figure of this row is shown with: the indicator's own when
    the row's unit is of its size (`吨/平方公里·月` and `t_km2_30d` both `t/(km²·30d)`), else
    the row's (`万人次` of a count in 人次); "" for no unit or a bare count."""
    if not unit or spec.unit is None or not isinstance(fit, Fraction):
        return ""
    found = spec.unit if fit == 1 else units.resolve(unit)
    shown = unit if found is None else found.symbol or found.name
    return "" if shown in ("one", "count") else shown


def with_row_unit(figure: str, unit: str) -> str:
    """A qualified figure with its row's unit (`row_unit`), so every report shows it with
    its unit: a Chinese unit or a percentage where a sentence writes it (`600以上` in 万人次
    as `600万人次以上`, `6以上` in % as `6%以上`), another unit after it (`5.0左右
    t/(km²·30d)`); unchanged when the figure says its own unit."""
    reading = read_qualified(figure) if unit and unit not in figure else None
    last = _LAST_DIGIT.search(figure)
    if reading is None or reading.unit or last is None:
        return figure
    if unit in ("%", "‰") or any("\u4e00" <= c <= "\u9fff" for c in unit):
        return f"{figure[:last.end()]}{unit}{figure[last.end():]}"
    return f"{figure} {unit}"


def _groups(specs: RowSpecs, units: pd.Series[Any], blank: BoolArray,
            ) -> list[tuple[tuple[IndicatorSpec, str], npt.NDArray[np.intp]]]:
    """The rows with a value of each (indicator, unit) written, ascending, by first row:
    units are converted a group at a time, not a row at a time.  Grouped on integer
    codes (two names of one indicator are one group)."""
    taken = np.flatnonzero(~blank & specs.known())
    if not len(taken):
        return []
    catalogue: dict[str, IndicatorSpec] = {}
    for spec in specs.distinct:
        if spec is not None:
            catalogue.setdefault(spec.id, spec)
    id_of = {ident: i for i, ident in enumerate(catalogue)}
    by_code = np.array([id_of[spec.id] if spec is not None else -1 for spec in specs.distinct]
                       + [-1], dtype=np.int64)
    unit_codes, unit_names = pd.factorize(units.iloc[taken], use_na_sentinel=True)
    key = by_code[specs.codes[taken]] * max(len(unit_names), 1) + np.asarray(unit_codes)
    _, first, group = np.unique(key, return_index=True, return_inverse=True)
    order = np.argsort(group, kind="stable")  # each group's rows, ascending
    ends = np.cumsum(np.bincount(group, minlength=len(first))).tolist()
    idents = list(catalogue)
    found = []
    for index in np.argsort(first, kind="stable").tolist():  # groups by their first row
        rows = taken[order[(ends[index - 1] if index else 0):ends[index]]]
        head = int(taken[first[index]])
        spec_code = int(by_code[specs.codes[head]])
        found.append(((catalogue[idents[spec_code]], str(units.iloc[head])), rows))
    return found


def _scalar(value: Any) -> object:
    return value.item() if isinstance(value, np.generic) else value


def _fit(spec: IndicatorSpec, unit: str, units: UnitTable) -> Fit | Problem:
    """How a value written in `unit` becomes one of `spec`: a ratio, True (boolean), the
    levels of its scale, or why not."""
    if spec.scale is not None:
        if unit and unit.casefold() not in ("level", "级", "类"):
            return Problem("D322", f"indicator `{spec.id}` is a level of `{spec.scale.name}`, "
                           f"but the unit is `{shown(unit)}`",
                           "leave `unit` empty for an ordinal indicator", "expected no unit")
        return spec.scale.items
    if spec.unit is None:
        if unit.casefold() in BOOL_UNITS:
            return True
        return Problem("D322", f"indicator `{spec.id}` is true/false, but the unit is `{unit}`",
                       "leave `unit` empty (or write `bool`) for a true/false indicator",
                       "expected no unit")
    written = units.resolve(unit)
    if written is None:
        hint = units.close(unit, spec.unit.dimension) or _is_in(spec, units)
        return Problem("D321", f"unknown unit `{unit}`", hint, "not a unit plancheck knows")
    if written.dimension != spec.unit.dimension:
        return Problem(
            "D322", f"unit `{unit or '(none)'}` is {_dimension(written)}, but indicator "
            f"`{spec.id}` is {_dimension(spec.unit)}",
            f"write the value in `{spec.unit.symbol or spec.unit.name}` or another unit of "
            f"{spec.unit.dimension}", f"expected {_dimension(spec.unit)}")
    return written.ratio_to(spec.unit)


Fit = Fraction | bool | tuple[str, ...]  # a ratio, a true/false, the levels of a scale
def _level(value: object, levels: tuple[str, ...], spec: IndicatorSpec) -> float | Problem:
    """The position of a level in its scale (lowest first), as a number the engine compares."""
    wanted = level_key(str(value))
    for position, level in enumerate(levels):
        if level_key(level) == wanted:
            return float(position)
    assert spec.scale is not None
    return Problem("D325", f"`{shown(str(value))}` is not a level of `{spec.scale.name}`",
                   "write one of " + ", ".join(f"`{x}`" for x in levels), "not a level")


def _is_in(spec: IndicatorSpec, units: UnitTable) -> str:
    """`x` is in `km²`; for a count, which has no symbol: the measure words it takes."""
    assert spec.unit is not None
    if spec.unit.symbol:
        return f"`{spec.id}` is in `{spec.unit.symbol}`"
    words = [f"`{w}`" for w, name in units.lookup.items() if name == spec.unit.name
             and w and w != name][:8]
    return f"`{spec.id}` is a count or bare number: leave `unit` empty, or write " + \
        ", ".join(words)


def _dimension(unit: Unit) -> str:
    return "a bare number" if unit.dimension == "one" else f"in {unit.dimension}"


def _convert_value(value: object, fit: Fit, spec: IndicatorSpec, unit: str,
                   units: UnitTable) -> float | _Bounds | Problem | None:
    """A number, the bounds of a qualified figure, or why not (None: not a number)."""
    if isinstance(fit, tuple):
        return _level(value, fit, spec)
    if fit is True:
        flag = parse_bool(value)
        return None if flag is FAILED else float(bool(flag))
    assert isinstance(fit, Fraction)
    if isinstance(value, str) and (foreign := _foreign_digits(value)) is not None:
        return foreign
    if spec.published_rate and isinstance(value, str):
        sign = _SIGNS.get(fold(value))
        if sign is not None:  # `正增长`: a rate above zero, no more (a bound, never a figure)
            return _bounds(sign, spec, value)
        value = _rate_of_change(value) or value
    number = parse_number(value)
    if isinstance(number, Fraction):
        result = _float(number * fit)
        outside = (outside_range(result, spec, f"{value} {unit}".strip())
                   if result is not None else None)
        return outside or result
    reading = read_qualified(value) if isinstance(value, str) else None
    if reading is None:
        return _with_unit(value, fit, spec, unit, units)
    ratio = _unit_beside(reading, fit, spec, unit, units)
    if isinstance(ratio, Problem):
        return ratio
    return _bounds(reading.scaled(ratio), spec, value)


def _foreign_digits(value: str) -> Problem | None:
    """`٩٥`, `९५`: digits of another script, which `float` and `Decimal` would read as 95.
    Full-width `９５` folds to `95` (NFKC) and is read; these do not fold, and a figure in
    them is no figure of a Chinese report: refused, naming the script and the digits 0–9."""
    folded = unicodedata.normalize("NFKC", value)
    foreign = [ch for ch in folded if ch.isdecimal() and not "0" <= ch <= "9"]
    if not foreign:
        return None
    script = unicodedata.name(foreign[0], "").rsplit(" DIGIT", 1)[0].title() or "non-ASCII"
    plain = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in folded)
    return Problem("D320", f"`{shown(value)}` in `value` is written in {script} digits",
                   f"write the digits 0–9: `{shown(plain)}`", "expected the digits 0–9")


_SIGNS: Final = {word: reading for words, reading in (
    (("正增长", "实现正增长", "保持正增长"), Reading(Fraction(0), None, low_open=True)),
    (("负增长", "出现负增长"), Reading(None, Fraction(0), high_open=True)))
    for word in words}


def _unit_in_cell(value: object, spec: IndicatorSpec,
                  units: UnitTable) -> float | _Bounds | Problem | None:
    """A row whose `unit` is empty but whose cell says its unit (`34微克/立方米`, `95%以上`,
    `增长3%`): read in that unit, exactly.  None when the cell names no unit — then the
    empty unit's D322 stands, for a bare number is never taken to be in the indicator's
    unit."""
    if not isinstance(value, str) or spec.unit is None or spec.scale is not None:
        return None
    if (foreign := _foreign_digits(value)) is not None:
        return foreign  # `٩٥%`: the digits are the problem, not the unit
    changed = _rate_of_change(value) if spec.published_rate else None
    if changed is not None:  # `增长3%` says its unit: 3 %
        plain = isinstance(parse_number(changed), Fraction)
        value = f"{changed}%" if plain and "%" in fold(value) else changed
    reading = read_qualified(value)
    if reading is None:
        return _with_unit(value, Fraction(1), spec, "", units)
    if not reading.unit:
        return None
    ratio = _unit_beside(reading, Fraction(1), spec, "", units)
    return ratio if isinstance(ratio, Problem) else _bounds(reading.scaled(ratio), spec, value)


def _with_unit(value: object, fit: Fraction, spec: IndicatorSpec, unit: str,
               units: UnitTable) -> float | Problem | None:
    """A plain figure typed with its unit, as reports print it (`32微克/立方米`, `11天`,
    `1.2万人`): the unit must be the row's or one of the indicator's dimension, converted
    exactly; None when the rest is no unit at all (the caller's D320: write the number)."""
    if not isinstance(value, str):
        return None
    found = _FIGURE_AND_UNIT.fullmatch(fold(value))
    if found is None or any(word in found["unit"] for word in _QUALIFIER_WORDS):
        return None
    if found["unit"].strip() in _MULTIPLIER_WORDS:  # `3.1万` of km²: the caller's D320 says
        return None                                 # where the 万 goes (`万吨`, not `吨`)
    assert spec.unit is not None
    if fold(found["unit"]) != fold(unit) and units.resolve(found["unit"]) is None and not (
            spec.unit.dimension == BARE and re.fullmatch(_MEASURE_WORD, found["unit"])):
        return None
    number = parse_number(found["number"])
    if not isinstance(number, Fraction):
        return None
    ratio = _unit_beside(Reading(number, number, unit=found["unit"]), fit, spec, unit, units)
    if isinstance(ratio, Problem):
        return ratio
    result = _float(number * ratio)
    if result is None:
        return None
    return outside_range(result, spec, str(value).strip()) or result


_FIGURE_AND_UNIT: Final = re.compile(r"(?P<number>-?[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)"
                                     r"(?P<unit>[^0-9].{0,15})")
_MULTIPLIER_WORDS: Final = frozenset(word for word, _ in MULTIPLIERS)
_QUALIFIER_WORDS: Final = tuple(word for words in WORDS.values() for word in words)


def _unit_beside(reading: Reading, fit: Fraction, spec: IndicatorSpec, unit: str,
                 units: UnitTable) -> Fraction | Problem:
    """The ratio for the unit written beside a qualified figure (`95%以上`, `突破1300家`):
    the row's unit, another unit of the indicator's dimension, or a count's word."""
    import re

    written = reading.unit
    if not written or fold(written) == fold(unit):
        return fit
    resolved = units.resolve(written)
    assert spec.unit is not None
    if resolved is not None and resolved.dimension == spec.unit.dimension:
        return resolved.ratio_to(spec.unit)
    if spec.unit.dimension == BARE and re.fullmatch(_MEASURE_WORD, written):
        return fit
    return Problem("D322", f"`{shown(written)}` beside the figure is not the row's unit "
                   f"`{unit or '(none)'}`", f"write the unit in the `unit` column only, or "
                   f"a unit of {spec.unit.dimension}", "unit does not fit")


_CHANGE_WORDS: Final = re.compile(r"(?:同比|比上年|较上年)?(增长|下降|减少|提高|降低|增加|持平)")
_RATE_AS_CHANGE: Final = re.compile(r"(?:同比|比上年|较上年)?(?:(?P<rise>增长|提高|增加|上升)|"
                                    r"(?P<fall>下降|减少|降低))(?P<figure>.+)|"
                                    r"(?:同比|比上年|较上年)?持平")


def _rate_of_change(value: str) -> str | None:
    """A published growth rate (`growth of`) as reports word it: `增长3%` is 3, `下降1.2%`
    is -1.2, `持平` is 0, `增长6%以上` the qualified 6以上; a fall with a qualifier is not
    read (its bounds would swap ends) and stays the caller's D320."""
    found = _RATE_AS_CHANGE.fullmatch(fold(value))
    if found is None:
        return None
    figure = found["figure"]
    if figure is None:
        return "0"
    plain = figure.removesuffix("%")
    if isinstance(parse_number(plain), Fraction):
        return f"-{plain}" if found["fall"] else plain
    return None if found["fall"] else figure


def _bounds(reading: Reading, spec: IndicatorSpec, written: object) -> _Bounds | Problem:
    """The reading as bounds in float, checked against (and cut to) the declared range."""
    low, high = reading.low, reading.high
    low_open, high_open = reading.low_open, reading.high_open
    untolerated = False
    if reading.about is not None:
        if spec.about is None:
            untolerated = True
        else:
            low, high = spec.about.around(reading.about)
    for bound in (low, high):
        if bound is not None and _float(bound) is None:
            return Problem("D320", f"`{shown(written)}` in `value` is too large a number",
                           "write the figure in a larger unit", "too large")
    if untolerated:  # no number at all: not "at least the range's floor" (a target's end)
        return _Bounds(None, None, False, False, True)
    if spec.low is not None and (low is None or low < spec.low):
        if high is not None and (high < spec.low or (high == spec.low and high_open)):
            return _outside(spec, written)
        low, low_open = spec.low, False
    if spec.high is not None and (high is None or high > spec.high):
        if low is not None and (low > spec.high or (low == spec.high and low_open)):
            return _outside(spec, written)
        high, high_open = spec.high, False
    if reading.exact and spec.whole:
        whole = outside_range(float(reading.low or 0), spec, str(written))
        if whole is not None:
            return whole
    return _Bounds(_float(low) if low is not None else None,
                   _float(high) if high is not None else None, low_open, high_open,
                   untolerated)


def _outside(spec: IndicatorSpec, written: object) -> Problem:
    """D327 for a figure all of whose values are outside the range (`低于-5` of an area)."""
    problem = outside_range(float("inf") if spec.high is not None else float("-inf"), spec,
                            str(written))
    assert problem is not None
    return Problem(problem.code, problem.message.replace(" is outside", " is wholly outside"),
                   problem.help, problem.label)


def _float(number: Fraction) -> float | None:
    try:
        return float(number)
    except OverflowError:
        return None


def _report(raw: pd.Series[Any], specs: RowSpecs,
            unit_bad: list[tuple[int, Problem]], value_bad: list[tuple[int, Problem | None]],
            blank: BoolArray, cell: Cell, report: Problems, good: BoolArray) -> None:
    problems = dict(unit_bad)
    unit_rows = np.array(sorted(problems), dtype=np.int64)
    report_cells(report, unit_rows, problems.__getitem__, cell("unit"), "column `unit`")
    known = dict(value_bad)

    def why(position: int) -> Problem:
        found = known.get(position)
        if found is not None:
            return found
        spec, value = specs[position], _scalar(raw.iloc[position])
        if spec is not None and spec.unit is None:
            return explain_value(value, BoolT(), "value", _NO_UNITS)
        problem = read_number(value, "value")
        assert isinstance(problem, Problem)
        change = _CHANGE_WORDS.match(unicodedata.normalize("NFKC", str(value)).strip())
        if change is not None:
            return Problem(problem.code, problem.message, f"`{change[1]}` says a change, not a "
                           "figure: a growth indicator takes the rate itself (`5.2` for "
                           "增长5.2%, `-3.1` for 下降3.1%, `0` for 持平; one declared `growth of "
                           "LEVEL` reads those words); a level indicator takes the year's level",
                           "a change, not a figure")
        if problem.help.startswith("write a plain number"):
            return Problem(problem.code, problem.message, "write a number such as `12.5`, or "
                           "a qualified figure such as `95以上`, `突破1300`, `≤8` or `5.0左右` "
                           "(docs/language.md, qualified figures)", problem.label)
        return problem

    bad_rows = np.array(sorted(known), dtype=np.int64)
    report_cells(report, bad_rows, why, cell("value"), "column `value`")
    empty = np.flatnonzero(blank & specs.known())
    report_cells(report, empty, lambda _: Problem(
        "D312", "row has no `value`", "a row that says nothing is a mistake: write the value, "
        "or delete the row", "empty"), cell("value"), "column `value`")
    for rows in (unit_rows, bad_rows, empty):
        good[rows] = False


def _report_untolerated(rows: list[int], specs: RowSpecs,
                        raw: pd.Series[Any], cell: Cell, report: Problems) -> None:
    def why(position: int) -> Problem:
        spec = specs[position]
        name = spec.id if spec is not None else "?"
        return Problem("D345", f"`{shown(raw.iloc[position])}` of `{name}` is an \"about\" "
                       "figure, and the suite declares no tolerance for it: it is read as "
                       "unknown", f"declare one in `indicator {name}` (`about within 0.5 "
                       "because \"…\"`) or in the plan header (`about within 5% of value "
                       "because \"…\"`)", "about, no tolerance")

    for position in rows[:MAX_PER_COLUMN]:
        problem = why(position)
        report.add(problem.code, problem.message, cell("value")(position), problem.help,
                   problem.label, severity="warning")
    if len(rows) > MAX_PER_COLUMN:
        more = len(rows) - MAX_PER_COLUMN
        report.add("D345", f"{more:,} more \"about\" figures without a tolerance",
                   cell("value")(rows[MAX_PER_COLUMN]), "they are read as unknown too",
                   severity="warning")


_NO_UNITS = UnitTable()
