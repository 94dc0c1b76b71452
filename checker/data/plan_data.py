"""Loading plan data: long tables of (indicator, region, year, value, unit[, source, kind]).

In: CSV, XLSX or Parquet paths, the suite's indicator catalogue and units.
Out: `PlanData` — a frame with `indicator`, `region` (string), `year` (Int64),
`value` (Float64, in the indicator's unit, converted exactly; 1.0/0.0 for
true/false indicators), `kind` (`actual` or `target`, default `actual`) and
`source` (string, NA when absent), and where each row came from.  Or
`DiagnosticError`: unknown indicators, units that do not fit, empty values, a
value given twice with different numbers — every one with its row.  A row that
says nothing is a mistake, never dropped; a row repeated with the same value is
kept once with a warning.  Imports the `data` modules, `typed`, `units`,
`diagnostics`; pandas.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from checker import result as r
from checker.data.columns import Converted, convert, factorize
from checker.data.problems import IntArray, Origins, Problems, display_path, file_span
from checker.data.records import PathArg, as_paths, report_cells
from checker.data.regions import report_region_typos
from checker.data.tables import TABLES, RawTable, blank_mask, read_table, separator_hint
from checker.data.values import (
    FAILED,
    Problem,
    outside_range,
    parse_bool,
    parse_number,
    read_number,
)
from checker.data.values import explain as explain_value
from checker.diagnostics import Diagnostic, close_to_any, did_you_mean
from checker.source import Span
from checker.types.typed import BoolT, IndicatorSpec, TextT, YearT
from checker.types.units import Unit, UnitTable, format_quantity

REQUIRED: Final = ("indicator", "region", "year", "value", "unit")
OPTIONAL: Final = ("source", "kind")
KINDS: Final = ("actual", "target")
BOOL_UNITS: Final = frozenset({"", "bool"})
BoolArray = npt.NDArray[np.bool_]


@dataclass
class PlanData:
    """Indicator values, one row per (indicator, region, year, kind)."""

    frame: pd.DataFrame
    origins: Origins
    warnings: tuple[Diagnostic, ...] = ()
    uncatalogued: tuple[tuple[str, int], ...] = ()  # ids outside the catalogue, with rows

    def __len__(self) -> int:
        return len(self.frame)

    def origin(self, index: int) -> r.Location:
        """Where row `index` came from: `data.csv:row 17`."""
        return self.origins.location(index)


@dataclass
class _Part:
    frame: pd.DataFrame
    good: BoolArray
    origins: Origins
    span: Callable[[int, str], Span]


@dataclass
class _Context:
    indicators: dict[str, IndicatorSpec]
    units: UnitTable
    strict: bool = False
    regions: frozenset[str] = frozenset()  # the suite's regions; empty: not checked
    report: Problems = field(default_factory=Problems)
    uncatalogued: dict[str, int] = field(default_factory=dict)  # id -> rows


def load_plan_data(paths: PathArg, indicators: dict[str, IndicatorSpec],
                   units: UnitTable, *, strict: bool = False,
                   regions: Collection[str] = ()) -> PlanData:
    """Load every plan-data table into one frame, or raise `DiagnosticError` with all problems.

    An execution report lists 20-50 indicators and a suite checks some: an id the catalogue
    does not know is counted and named (`PlanData.uncatalogued`), unless it is within two
    edits of a known id (a typo: D340 with did-you-mean) or `strict` (every unknown id D340).
    """
    context = _Context(indicators, units, strict, frozenset(regions))
    parts: list[_Part] = []
    for path in as_paths(paths):
        display = display_path(path)
        if path.suffix.lower() not in TABLES:
            context.report.add("D302", f"`{display}` is not a table of plan data",
                               file_span(display), "plan data is a `.csv`, `.xlsx` or `.parquet` "
                               "table with columns " + ", ".join(REQUIRED))
            continue
        table = read_table(path, display, context.report)
        part = _from_table(table, context) if table is not None else None
        if part is not None:
            parts.append(part)
    keep = _check_repeats(parts, context)
    context.report.raise_if_errors()
    frame = pd.concat([p.frame for p in parts], ignore_index=True) if len(parts) > 1 else (
        parts[0].frame)
    origins = Origins.concat([p.origins for p in parts])
    if not keep.all():
        rows = np.flatnonzero(keep)
        frame = frame.iloc[rows].reset_index(drop=True)
        origins = origins.take(rows)
    return PlanData(frame, origins, context.report.warnings,
                    tuple(sorted(context.uncatalogued.items())))


# ------------------------------------------------------------------ one table


def _from_table(table: RawTable, context: _Context) -> _Part | None:
    where = _columns(table, context.report)
    if where is None:
        return None
    report, count = context.report, len(table)

    def span(position: int, name: str) -> Span:
        return table.span(position, where.get(name, 0))

    def cell(name: str) -> Callable[[int], Span]:
        return lambda position: span(position, name)

    good = np.ones(count, dtype=bool)
    texts: dict[str, Any] = {}
    for name in ("indicator", "region", "unit", "source", "kind"):
        column = table.columns[where[name]] if name in where else pd.Series([None] * count)
        converted = convert(column, TextT(), name, context.units)
        texts[name] = pd.Series(converted.values, dtype="string")
        if name in ("indicator", "region"):
            _require(converted, name, cell(name), report)
            good &= ~converted.blank
    year = convert(table.columns[where["year"]], YearT(), "year", context.units)
    report_cells(report, year.bad, year.explain, cell("year"), "column `year`")
    _require(year, "year", cell("year"), report)
    good &= ~year.blank
    good[year.bad] = False
    report_region_typos(texts["region"], context.regions, cell("region"), report, good)
    kind = _kinds(texts["kind"], cell("kind"), report, good)
    specs = _indicators(texts["indicator"], cell("indicator"), context, good)
    values = _values(table.columns[where["value"]], texts["unit"], specs, cell, context, good)
    frame = pd.DataFrame({
        "indicator": texts["indicator"].str.strip(), "region": texts["region"].str.strip(),
        "year": pd.Series(year.values, dtype="Int64"), "value": values, "kind": kind,
        "source": texts["source"]})
    return _Part(frame, good, Origins.of(table.display, True, table.rows), span)


def _columns(table: RawTable, report: Problems) -> dict[str, int] | None:
    where: dict[str, int] = {}
    known = (*REQUIRED, *OPTIONAL)
    heading = functools.partial(table.span, None)  # spans are built only when reported
    unknown = 0
    for index, name in enumerate(table.header):
        if not name:
            if not blank_mask(table.columns[index]).all():
                report.add("D314", f"column {index + 1} has values but no name", heading(index),
                           "plan data columns are " + ", ".join(known), "no name")
        elif name in where:
            report.add("D311", f"column `{name}` appears twice", heading(index),
                       f"it is also column {where[name] + 1}; keep one", "duplicate")
        elif name in known:
            where[name] = index
        else:
            report.add_counted(unknown, "D310", f"unknown column `{name}` in plan data",
                               functools.partial(heading, index),
                               separator_hint(table) or did_you_mean(name, known)
                               or "plan data columns are " + ", ".join(known),
                               "not a plan-data column")
            unknown += 1
    report.add_rest(unknown, f"unknown columns in `{table.display}`", table.header_span())
    missing = [name for name in REQUIRED if name not in where]
    for name in missing:
        report.add("D313", f"required column `{name}` is missing",
                   table.header_span(),
                   "plan data needs the columns " + ", ".join(REQUIRED), "missing column")
    return None if missing else where


def _require(converted: Converted, name: str, span: Callable[[int], Span],
             report: Problems) -> None:
    blank = np.flatnonzero(converted.blank)
    report_cells(report, blank, lambda _: Problem(
        "D312", f"row has no `{name}`", f"every row of plan data needs `{name}`", "empty"),
        span, f"column `{name}`")


def _kinds(kinds: pd.Series[Any], span: Callable[[int], Span], report: Problems,
           good: BoolArray) -> pd.Series[Any]:
    text = kinds.str.strip().fillna("")
    text = text.where(text != "", "actual")
    bad = np.flatnonzero(~text.isin(KINDS).to_numpy(dtype=bool))
    good[bad] = False

    def why(position: int) -> Problem:
        written = str(kinds.iloc[position])
        return Problem("D343", f"`{written}` in `kind` is neither `actual` nor `target`",
                       did_you_mean(written.strip(), KINDS) or "write `actual` (a measured "
                       "value) or `target` (a planned one); empty means `actual`", "unknown kind")

    report_cells(report, bad, why, span, "column `kind`")
    return text.astype("string")


def _indicators(names: pd.Series[Any], span: Callable[[int], Span], context: _Context,
                good: BoolArray) -> list[IndicatorSpec | None]:
    """The spec of each row's indicator (None when unknown or blank)."""
    stripped = names.str.strip()
    codes, distinct = factorize(stripped)
    specs = [context.indicators.get(str(name)) for name in distinct]
    known = np.array([s is not None for s in specs] + [False], dtype=bool)
    rows = np.where(codes < 0, len(specs), codes)
    unknown = np.flatnonzero(~known[rows] & (codes >= 0))
    good[unknown] = False
    if not context.strict:
        typos = {name: close_to_any(str(name), context.indicators) for name in
                 {str(stripped.iloc[p]) for p in unknown.tolist()}}
        written = stripped.iloc[unknown].astype(str).tolist()
        for name in written:
            if not typos[name]:
                context.uncatalogued[name] = context.uncatalogued.get(name, 0) + 1
        unknown = unknown[np.array([typos[n] for n in written], dtype=bool)] if written else unknown

    def why(position: int) -> Problem:
        name = str(stripped.iloc[position])
        return Problem("D340", f"unknown indicator `{name}`",
                       did_you_mean(name, context.indicators)
                       or "the suite's indicators are listed by `plancheck suite`",
                       "not in the catalogue")

    report_cells(context.report, unknown, why, span, "column `indicator`")
    return [specs[c] if c >= 0 else None for c in codes.tolist()]


# ------------------------------------------------------------------ values


def _values(raw: pd.Series[Any], units_column: pd.Series[Any], specs: list[IndicatorSpec | None],
            cell: Callable[[str], Callable[[int], Span]], context: _Context,
            good: BoolArray) -> pd.arrays.FloatingArray:
    """Each row's value in its indicator's unit (exactly), or a problem with value or unit."""
    count = len(raw)
    blank = blank_mask(raw)
    unit_text = units_column.str.strip().fillna("")
    fits: dict[tuple[str, str], Fraction | bool | Problem] = {}
    values = np.zeros(count, dtype=np.float64)
    missing = np.ones(count, dtype=bool)
    unit_bad: list[tuple[int, Problem]] = []
    value_bad: list[int] = []
    range_bad: list[tuple[int, Problem]] = []
    cache: dict[tuple[object, object], float | None] = {}
    raw_values = raw.tolist()
    for position, (spec, unit) in enumerate(zip(specs, unit_text.tolist(), strict=True)):
        if spec is None or blank[position]:
            continue
        key = (spec.id, str(unit))
        if key not in fits:
            fits[key] = _fit(spec, str(unit), context.units)
        fit = fits[key]
        if isinstance(fit, Problem):
            unit_bad.append((position, fit))
            continue
        value = _scalar(raw_values[position])
        cached = (value, fit)
        if cached not in cache:
            cache[cached] = _convert_value(value, fit)
        result = cache[cached]
        outside = (outside_range(result, spec, f"{value} {unit}".strip()) if result is not None
                   else None)
        if result is None:
            value_bad.append(position)
        elif outside is not None:
            range_bad.append((position, outside))
        else:
            values[position], missing[position] = result, False
    _report_values(raw, specs, unit_bad, value_bad, blank, cell, context.report, good)
    outside_rows = dict(range_bad)
    rows = np.array(sorted(outside_rows), dtype=np.int64)
    report_cells(context.report, rows, outside_rows.__getitem__, cell("value"), "column `value`")
    good[rows] = False
    return pd.arrays.FloatingArray(values, missing)


def _scalar(value: Any) -> object:
    return value.item() if isinstance(value, np.generic) else value


def _fit(spec: IndicatorSpec, unit: str, units: UnitTable) -> Fraction | bool | Problem:
    """How a value written in `unit` becomes one of `spec`: a ratio, True (boolean), or why not."""
    if spec.unit is None:
        if unit.casefold() in BOOL_UNITS:
            return True
        return Problem("D322", f"indicator `{spec.id}` is true/false, but the unit is `{unit}`",
                       "leave `unit` empty (or write `bool`) for a true/false indicator",
                       "expected no unit")
    written = units.resolve(unit)
    if written is None:
        hint = did_you_mean(unit, units.spellings()) or (
            f"`{spec.id}` is in `{spec.unit.symbol or spec.unit.name}`")
        return Problem("D321", f"unknown unit `{unit}`", hint, "not a unit plancheck knows")
    if written.dimension != spec.unit.dimension:
        return Problem(
            "D322", f"unit `{unit or '(none)'}` is {_dimension(written)}, but indicator "
            f"`{spec.id}` is {_dimension(spec.unit)}",
            f"write the value in `{spec.unit.symbol or spec.unit.name}` or another unit of "
            f"{spec.unit.dimension}", f"expected {_dimension(spec.unit)}")
    return written.ratio_to(spec.unit)


def _dimension(unit: Unit) -> str:
    return "a bare number" if unit.dimension == "one" else f"in {unit.dimension}"


def _convert_value(value: object, fit: Fraction | bool) -> float | None:
    if fit is True:
        flag = parse_bool(value)
        return None if flag is FAILED else float(bool(flag))
    number = parse_number(value)
    if not isinstance(number, Fraction):
        return None
    try:
        return float(number * fit)
    except OverflowError:
        return None


def _report_values(raw: pd.Series[Any], specs: list[IndicatorSpec | None],
                   unit_bad: list[tuple[int, Problem]], value_bad: list[int], blank: BoolArray,
                   cell: Callable[[str], Callable[[int], Span]], report: Problems,
                   good: BoolArray) -> None:
    problems = dict(unit_bad)
    unit_rows = np.array(sorted(problems), dtype=np.int64)
    report_cells(report, unit_rows, problems.__getitem__, cell("unit"), "column `unit`")

    def why(position: int) -> Problem:
        spec, value = specs[position], _scalar(raw.iloc[position])
        if spec is not None and spec.unit is None:
            return explain_value(value, BoolT(), "value", _NO_UNITS)
        problem = read_number(value, "value")
        assert isinstance(problem, Problem)
        return problem

    bad_rows = np.array(value_bad, dtype=np.int64)
    report_cells(report, bad_rows, why, cell("value"), "column `value`")
    empty = np.flatnonzero(blank & np.array([s is not None for s in specs], dtype=bool))
    report_cells(report, empty, lambda _: Problem(
        "D312", "row has no `value`", "a row that says nothing is a mistake: write the value, "
        "or delete the row", "empty"), cell("value"), "column `value`")
    for rows in (unit_rows, bad_rows, empty):
        good[rows] = False


_NO_UNITS = UnitTable()


# ------------------------------------------------------------------ repeats


@dataclass
class _Combined:
    """All parts as one frame, with the way back to each row's file and cell."""

    parts: list[_Part]
    frame: pd.DataFrame
    origins: Origins
    owner: IntArray
    start: IntArray

    @staticmethod
    def of(parts: list[_Part]) -> _Combined:
        sizes = [len(p.frame) for p in parts]
        return _Combined(parts, pd.concat([p.frame for p in parts], ignore_index=True),
                         Origins.concat([p.origins for p in parts]),
                         np.repeat(np.arange(len(parts)), sizes),
                         np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64))

    def span(self, position: int) -> Span:
        part = int(self.owner[position])
        return self.parts[part].span(position - int(self.start[part]), "value")

    def key(self, position: int) -> tuple[Any, ...]:
        return tuple(self.frame[k].iloc[position] for k in KEYS)

    def value(self, position: int) -> float:
        return float(self.frame["value"].iloc[position])


KEYS: Final = ["indicator", "region", "year", "kind"]


def _check_repeats(parts: list[_Part], context: _Context) -> BoolArray:
    """A value given twice: an error when the values differ, kept once when they agree."""
    if not parts:
        return np.zeros(0, dtype=bool)
    rows = _Combined.of(parts)
    good = np.concatenate([p.good for p in parts])
    keep = good.copy()  # a row not good is an error, or an indicator outside the catalogue
    repeated = rows.frame.duplicated(KEYS, keep=False).to_numpy(dtype=bool) & good
    first: dict[tuple[Any, ...], int] = {}
    conflicts: list[int] = []
    for position in np.flatnonzero(repeated).tolist():
        earlier = first.setdefault(rows.key(position), position)
        if earlier == position:
            continue
        keep[position] = False
        if rows.value(position) != rows.value(earlier):
            conflicts.append(position)
            continue
        context.report.add("D342", f"{_point(rows.key(position))} is given twice with the same "
                           "value", rows.span(position),
                           f"also at {rows.origins.text(earlier)}; it is counted once",
                           "repeated row", severity="warning")

    def why(position: int) -> Problem:
        key = rows.key(position)
        spec = context.indicators.get(str(key[0]))
        unit = spec.unit if spec is not None else None
        earlier = first[key]
        return Problem(
            "D341", f"{_point(key)} has two values: "
            f"{format_quantity(rows.value(earlier), unit)} at {rows.origins.text(earlier)} and "
            f"{format_quantity(rows.value(position), unit)} at {rows.origins.text(position)}",
            "keep one row for each indicator, region, year and kind", "conflicting value")

    report_cells(context.report, np.array(conflicts, dtype=np.int64), why, rows.span,
                 "plan data (conflicting values)")
    return keep


def _point(key: tuple[Any, ...]) -> str:
    return f"`{key[0]}` for `{key[1]}` in {key[2]} ({key[3]})"
