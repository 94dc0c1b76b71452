"""Loading plan data: long tables of (indicator, region, year, value, unit[, source, kind,
note, basis]).

In: CSV, XLSX or Parquet paths, the suite's indicator catalogue and units.
Out: `PlanData` — a frame with `indicator`, `region` (string), `year` (Int64),
`period` (NA for a whole year, else `2022H1`, `2022Q1`, `2022-04`, `2022M01-09`) and
`period_end` (its last day, ISO), `value` (Float64, in the indicator's unit, converted
exactly; 1.0/0.0 for true/false indicators; NA for a bound) with `low`, `high`,
`low_open`, `high_open` and `qualifier` (a qualified figure such as `95%以上`, see
`plan_values`), `kind` (`actual` or `target`, default `actual`), and `source`, `note`,
`basis` (string, NA when absent), and where each row came from.  Or
`DiagnosticError`: unknown indicators, units that do not fit, empty values, a
value given twice with different numbers — every one with its row.  A row that
says nothing is a mistake, never dropped; a row repeated with the same value is
kept once with a warning.  Imports the `data` modules, `typed`, `units`,
`diagnostics`; pandas.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from checker import result as r
from checker.data.arrow_columns import NUMBERS, PLAN_VALUES, TEXTS, report_unfit, texts_by_code
from checker.data.bases import read_bases, with_words
from checker.data.columns import Converted, convert, factorize
from checker.data.headings import ESTIMATE_CELLS, HEADINGS, IGNORED, KIND_CELLS, total_help
from checker.data.layouts import Layout, plain
from checker.data.periods import read_periods
from checker.data.plan_values import RowSpecs, read_values
from checker.data.problems import IntArray, Origins, Problems, display_path, file_span
from checker.data.records import PathArg, as_paths, report_cells
from checker.data.regions import report_region_typos
from checker.data.tables import TABLES, RawTable, blank_mask, read_table, separator_hint
from checker.data.tally import Tally, total_note
from checker.data.values import Problem
from checker.data.wide_tables import LongTable, long_form
from checker.diagnostics import Diagnostic, close_to_any, did_you_mean
from checker.source import Span
from checker.types.indicator_names import IndicatorNames
from checker.types.typed import IndicatorSpec, TextT
from checker.types.units import Unit, UnitTable, format_quantity

REQUIRED: Final = ("indicator", "region", "year", "value", "unit")
OPTIONAL: Final = ("source", "kind", "note", "basis", "period")
TEXT_COLUMNS: Final = ("source", "kind", "note", "basis")  # free text beside the figure
KINDS: Final = ("actual", "target")
BoolArray = npt.NDArray[np.bool_]


@dataclass
class PlanData:
    """Indicator values, one row per (indicator, region, year, kind)."""

    frame: pd.DataFrame
    origins: Origins
    warnings: tuple[Diagnostic, ...] = ()
    uncatalogued: tuple[tuple[str, int], ...] = ()  # ids outside the catalogue, with rows
    named: tuple[tuple[str, str, int], ...] = ()  # (word, id, rows): rows naming an indicator
    #                                              by its display name or an alias
    tallies: tuple[Tally, ...] = ()  # the account of every row, one per table

    def __len__(self) -> int:
        return len(self.frame)

    @property
    def accounts(self) -> tuple[str, ...]:
        """Every row accounted for: a note per table, and their sum for several."""
        total = total_note(self.tallies)
        return (*(t.note for t in self.tallies), *([total] if total else []))

    def origin(self, index: int) -> r.Location:
        """Where row `index` came from: `data.csv:row 17`."""
        return self.origins.location(index)


@dataclass
class _Part:
    frame: pd.DataFrame
    good: BoolArray
    origins: Origins
    span: Callable[[int, str], Span]
    display: str = ""
    wide: bool = False
    outside: dict[str, int] = field(default_factory=dict)  # ids outside the catalogue, rows
    by_name: int = 0  # rows naming their indicator by a name or an alias
    layout: Layout | None = None  # what reading a published layout set aside


@dataclass
class _Context:
    indicators: dict[str, IndicatorSpec]
    units: UnitTable
    strict: bool = False
    regions: frozenset[str] = frozenset()  # the suite's regions; empty: not checked
    sheet: str | None = None  # the sheet read of each workbook (None: the first)
    region: str | None = None  # the region of a table without a `region` column (the plan's)
    report: Problems = field(default_factory=Problems)
    uncatalogued: dict[str, int] = field(default_factory=dict)  # id -> rows
    named: dict[tuple[str, str], int] = field(default_factory=dict)  # (word, id) -> rows
    names: IndicatorNames = field(init=False)

    def __post_init__(self) -> None:
        self.names = IndicatorNames.of((i, s.names) for i, s in self.indicators.items())


def load_plan_data(paths: PathArg, indicators: dict[str, IndicatorSpec],
                   units: UnitTable, *, strict: bool = False,
                   regions: Collection[str] = (), sheet: str | None = None,
                   region: str | None = None) -> PlanData:
    """Load every plan-data table into one frame, or raise `DiagnosticError` with all problems.

    An execution report lists 20-50 indicators and a suite checks some: an id the catalogue
    does not know is counted and named (`PlanData.uncatalogued`), unless it is within two
    edits of a known id (a typo: D340 with did-you-mean) or `strict` (every unknown id D340).
    A district's own table often has no `region` column: with `region` (the plan's) its rows
    are about that region, said in a D347 warning; without, the column is required (D313).
    """
    context = _Context(indicators, units, strict, frozenset(regions), sheet, region)
    parts: list[_Part] = []
    for path in as_paths(paths):
        display = display_path(path)
        if path.suffix.lower() not in TABLES:
            context.report.add("D302", f"`{display}` is not a table of plan data",
                               file_span(display), "plan data is a `.csv`, `.xlsx` or `.parquet` "
                               "table with columns " + ", ".join(REQUIRED))
            continue
        part = _read_part(path, display, context)  # the raw table is let go once read
        if part is not None:
            parts.append(part)
    keep = _check_repeats(parts, context)
    context.report.raise_if_errors()
    frame = pd.concat([p.frame for p in parts], ignore_index=True) if len(parts) > 1 else (
        parts[0].frame)
    origins = _origins(parts)
    starts = np.cumsum([0, *(len(p.frame) for p in parts)])
    tallies = tuple(Tally.of(p.display, p.wide, p.frame, p.good, keep[a:b], p.outside,
                             p.by_name, p.layout) for p, a, b in zip(parts, starts, starts[1:],
                                                                     strict=False))
    if not keep.all():
        rows = np.flatnonzero(keep)
        frame = frame.iloc[rows].reset_index(drop=True)
        origins = origins.take(rows)
    return PlanData(frame, origins, context.report.warnings,
                    tuple(sorted(context.uncatalogued.items())),
                    tuple(sorted((word, ident, rows)
                                 for (word, ident), rows in context.named.items())), tallies)


# ------------------------------------------------------------------ one table


def _read_part(path: Path, display: str, context: _Context) -> _Part | None:
    table = read_table(path, display, context.report, context.sheet)
    if table is None:
        return None
    layout = plain(table, context.indicators, context.names, context.units, context.report,
                   context.region)
    table = long_form(layout.table, context.report)
    part = _from_table(table, context) if table is not None else None
    if part is not None:  # what the layout set aside, without the raw table it read
        part.layout = dataclasses.replace(layout, table=dataclasses.replace(layout.table,
                                                                            columns=[]))
    return part


def _from_table(table: RawTable, context: _Context) -> _Part | None:
    where = _columns(table, context.report, context.region is not None)
    if where is None:
        return None
    report, count = context.report, len(table)
    located = dataclasses.replace(table, columns=[])  # spans need rows and text, no cells:
    #                                                   the raw columns die with the table

    def span(position: int, name: str) -> Span:
        return located.span(position, where.get(name, 0))

    def cell(name: str) -> Callable[[int], Span]:
        return lambda position: span(position, name)

    if not _kinds_fit(table, where, report):
        return None  # no row of the table is read (D316 says why)
    good = np.ones(count, dtype=bool)
    texts: dict[str, Any] = {}
    if "region" not in where:
        report.add("D347", f"`{table.display}` has no `region` column: its rows are about "
                   f"`{context.region}`, the plan's region", table.header_span(),
                   "add a `region` column when the table is about other regions",
                   "no region column", severity="warning")
    for name in ("indicator", "region", "unit", *TEXT_COLUMNS):
        column = table.columns[where[name]] if name in where else pd.Series(  # as if written
            texts_by_code([context.region if name == "region" else None],
                          np.zeros(count, dtype=np.int64)), index=pd.RangeIndex(count))
        converted = convert(column, TextT(), name, context.units)
        texts[name] = pd.Series(converted.values, dtype="string")
        if name in ("indicator", "region"):
            _require(converted, name, cell(name), report)
            good &= ~converted.blank
    time = "year" if "year" in where else "period"
    periods = read_periods(table.columns[where[time]], time, cell(time), report, good)
    report_region_typos(texts["region"], context.regions, cell("region"), report, good)
    kind = _kinds(texts["kind"], cell("kind"), report, good)
    before, named = dict(context.uncatalogued), sum(context.named.values())
    specs = _indicators(texts["indicator"], cell("indicator"), context, good)
    outside = {i: n - before.get(i, 0) for i, n in context.uncatalogued.items()
               if n > before.get(i, 0)}
    values = read_values(table.columns[where["value"]], texts["unit"], specs, cell,
                         context.units, report, good)
    ids = pd.Series(texts_by_code([s.id if s is not None else None for s in specs.distinct]
                                  + [None], np.where(specs.codes < 0, len(specs.distinct),
                                                     specs.codes)))  # -1: no spec
    if ids.isna().any():  # a row without a spec keeps its indicator as written
        ids = ids.fillna(texts["indicator"].str.strip())
    table.columns = []  # every cell is read: the raw ones go before the frame is made
    said = {name: _stripped(texts.pop(name)) for name in ("region", "source", "note", "basis")}
    said["basis"], said["note"] = read_bases(said["basis"], said["note"])
    estimated = texts["kind"].str.strip()  # `预计完成` in `kind`: an actual, said so
    if estimated.isin(ESTIMATE_CELLS).any():
        said["note"] = with_words(said["note"],
                                  estimated.where(estimated.isin(ESTIMATE_CELLS), ""))
    frame = pd.DataFrame({"indicator": ids, "region": said.pop("region"), **periods,
                          **values.columns(), "kind": kind, **said},
                         copy=False)  # the columns are new: a copy of them would only cost
    return _Part(frame, good, Origins.of(table.display, True, table.rows), span,
                 table.display, isinstance(table, LongTable), outside,
                 sum(context.named.values()) - named)


def _stripped(texts: pd.Series[Any]) -> pd.Series[Any]:
    """`texts.str.strip()`, or `texts` itself when no cell changes (the usual column):
    not a second copy of a million cells kept for the rest of the run."""
    import pyarrow as pa

    stripped = texts.str.strip()
    return texts if pa.array(stripped.array).equals(pa.array(texts.array)) else stripped


_EXPECTED: Final = {"value": (PLAN_VALUES, "a figure (a number, a qualified figure or true/false)"),
                    "year": (NUMBERS, "a year or a period"),
                    "period": (NUMBERS, "a year or a period")}


def _kinds_fit(table: RawTable, where: dict[str, int], report: Problems) -> bool:
    """Whether every Parquet column can hold what its plan-data column needs (D316)."""
    fit = True
    for name, index in where.items():
        accepts, expected = _EXPECTED.get(name, (TEXTS, "text"))
        fit &= not report_unfit(table.kinds, index, accepts, name, expected,
                                functools.partial(table.span, None, index), report)
    return fit



def _columns(table: RawTable, report: Problems,
             region_known: bool = False) -> dict[str, int] | None:
    where: dict[str, int] = {}
    known = (*REQUIRED, *OPTIONAL)
    heading = functools.partial(table.span, None)  # spans are built only when reported
    unknown = 0
    names = [HEADINGS.get(w.strip(), w) if w else w for w in table.header]
    across: list[str] = []
    if "indicator" not in names and names and names[0] in ("year", "period"):
        across = [w for w, n in zip(table.header, names, strict=True)
                  if n and n not in known and n not in IGNORED]
    if across:  # not turned by `layouts` (a `unit` or `value` column beside them)
        shown = ", ".join(f"`{w}`" for w in across[:4]) + (", …" if len(across) > 4 else "")
        report.add("D313", f"required column `indicator` is missing: the table gives the "
                   f"indicators across ({shown}), one row per year", table.header_span(),
                   "with the years down, give each indicator its column and its unit in the "
                   "heading (`细颗粒物年均浓度(微克/立方米)`) or in a `单位` row under the header, "
                   "and drop the `单位`/`数值` column; or put one indicator per row: "
                   "`指标 | 年份 | 数值 | 单位`", "indicators across")
        return None
    for index, written in enumerate(table.header):
        name = HEADINGS.get(written.strip(), written) if written else written
        if not name:
            if not blank_mask(table.columns[index]).all():
                report.add("D314", f"column {index + 1} has values but no name", heading(index),
                           "give it a heading: 数据来源 (`source`) or 备注 (`note`) if it says "
                           "where a figure comes from or what it means; plan data columns "
                           "are " + ", ".join(known), "no name")
        elif name in where:
            also = "" if name == written else f" (as `{written}`)"
            report.add("D311", f"column `{name}` appears twice{also}", heading(index),
                       f"it is also column {where[name] + 1}; keep one", "duplicate")
        elif name in known or name in IGNORED:  # IGNORED: 序号, 属性, 完成情况 (`layouts`)
            where[name] = index
        else:
            report.add_counted(unknown, "D310", f"unknown column `{name}` in plan data",
                               functools.partial(heading, index),
                               separator_hint(table) or total_help(name)
                               or did_you_mean(name, known)
                               or "plan data columns are " + ", ".join(known),
                               "not a plan-data column")
            unknown += 1
    if unknown:  # the header's span indexes every line of a CSV: only when it is said
        report.add_rest(unknown, f"unknown columns in `{table.display}`", table.header_span())
    if "year" in where and "period" in where:
        report.add("D311", "columns `year` and `period` both give the time of a row",
                   heading(where["period"]), "keep one: `year` also reads periods such as "
                   "`2022H1`", "time given twice")
        return None
    missing = [name for name in REQUIRED if name not in where and not (
        name == "year" and "period" in where) and not (name == "region" and region_known)]
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
    text = kinds.str.strip().fillna("").replace(KIND_CELLS)
    text = text.where(text != "", "actual")
    bad = np.flatnonzero(~text.isin(KINDS).to_numpy(dtype=bool))
    good[bad] = False

    def why(position: int) -> Problem:
        written = str(kinds.iloc[position])
        return Problem("D343", f"`{written}` in `kind` is neither `actual` nor `target`",
                       did_you_mean(written.strip(), KINDS) or "write `actual` (实际, a "
                       "measured value) or `target` (目标, a planned one); empty means `actual`",
                       "unknown kind")

    report_cells(report, bad, why, span, "column `kind`")
    return text.astype("string")


def _indicators(names: pd.Series[Any], span: Callable[[int], Span], context: _Context,
                good: BoolArray) -> RowSpecs:
    """The spec of each row's indicator, by id or by name (None when unknown or blank)."""
    stripped = names.str.strip()
    codes, distinct = factorize(stripped)
    specs = [_spec_named(str(name), context) for name in distinct]
    counts = np.bincount(codes[codes >= 0], minlength=len(distinct))
    for position, (name, spec) in enumerate(zip(distinct, specs, strict=True)):
        if spec is not None and spec.id != name:
            key = (str(name), spec.id)
            context.named[key] = context.named.get(key, 0) + int(counts[position])
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
    return RowSpecs(np.asarray(codes, dtype=np.int64), tuple(specs))


def _spec_named(name: str, context: _Context) -> IndicatorSpec | None:
    spec = context.indicators.get(name)
    if spec is None and (ident := context.names.find(name)) is not None:
        spec = context.indicators[ident]
    return spec


# ------------------------------------------------------------------ repeats


@dataclass
class _Combined:
    """All parts as one frame, with the way back to each row's file and cell."""

    parts: list[_Part]
    frame: pd.DataFrame
    origins: Origins
    start: IntArray  # the first row of each part

    @staticmethod
    def of(parts: list[_Part]) -> _Combined:
        """One table's frame and origins as they are (no copy of a million rows)."""
        sizes = [len(p.frame) for p in parts]
        frame = parts[0].frame if len(parts) == 1 else pd.concat(
            [p.frame for p in parts], ignore_index=True)
        return _Combined(parts, frame, _origins(parts),
                         np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64))

    def span(self, position: int) -> Span:
        part = int(np.searchsorted(self.start, position, side="right")) - 1
        return self.parts[part].span(position - int(self.start[part]), "value")

    def key(self, position: int) -> tuple[Any, ...]:
        return tuple(self.frame[k].iloc[position] for k in KEYS)

    def value(self, position: int) -> tuple[Any, ...]:
        """What a row says of its value: the number, or the bounds of a qualified figure."""
        return tuple(None if pd.isna(v) else v for v in (
            self.frame[k].iloc[position] for k in ("value", "low", "high", "low_open",
                                                   "high_open")))

    def text(self, position: int, unit: Unit | None) -> str:
        qualifier = self.frame["qualifier"].iloc[position]
        if not pd.isna(qualifier):
            return f"`{qualifier}`"
        return format_quantity(float(self.frame["value"].iloc[position]), unit)


def _origins(parts: list[_Part]) -> Origins:
    return parts[0].origins if len(parts) == 1 else Origins.concat([p.origins for p in parts])


KEYS: Final = ["indicator", "region", "year", "period", "kind", "basis"]


def _check_repeats(parts: list[_Part], context: _Context) -> BoolArray:
    """A value given twice: an error when the values differ, kept once when they agree."""
    if not parts:
        return np.zeros(0, dtype=bool)
    rows = _Combined.of(parts)
    good = np.concatenate([p.good for p in parts])
    keep = good.copy()  # a row not good is an error, or an indicator outside the catalogue
    repeated = _repeated(rows.frame) & good
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
            f"{rows.text(earlier, unit)} at {rows.origins.text(earlier)} and "
            f"{rows.text(position, unit)} at {rows.origins.text(position)}",
            "keep one row for each indicator, region, period, kind and basis",
            "conflicting value")

    report_cells(context.report, np.array(conflicts, dtype=np.int64), why, rows.span,
                 "plan data (conflicting values)")
    return keep


def _repeated(frame: pd.DataFrame) -> BoolArray:
    """`frame.duplicated(KEYS, keep=False)` on integer codes (a missing cell equal to a
    missing one, as there): each key column's codes folded into one number per row, and
    equal numbers found by sorting — not a code array for every column and a hash table of
    a million keys at once, the peak of a 10^6-row load."""
    key, size = np.zeros(len(frame), dtype=np.int64), 1
    for name in KEYS:
        codes, distinct = pd.factorize(frame[name], use_na_sentinel=False)
        width = max(len(distinct), 1)
        if size * width >= 1 << 62:  # the numbers would overflow: number the keys so far
            key = np.asarray(pd.factorize(key)[0], dtype=np.int64)
            size = int(key.max()) + 1
        key *= width
        key += codes
        size *= width
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    same = ordered[1:] == ordered[:-1]
    sorted_repeats = np.zeros(len(key), dtype=bool)
    sorted_repeats[1:] |= same
    sorted_repeats[:-1] |= same
    repeated = np.empty(len(key), dtype=bool)
    repeated[order] = sorted_repeats
    return repeated


def _point(key: tuple[Any, ...]) -> str:
    indicator, region, year, period, kind, basis = key
    when = year if pd.isna(period) else period
    based = "" if pd.isna(basis) else f", basis `{basis}`"
    return f"`{indicator}` for `{region}` in {when} ({kind}{based})"
