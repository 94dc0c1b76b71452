"""Indicator rules: time semantics over plan data (monitoring actuals and the
targets of subordinate plans).

In: a checked series rule and a `SeriesTable` (plan data indexed by indicator,
region, kind and year).  Out: one outcome per subject (region × actual/target).
`each year in A..B` checks every due year; `by Y` and `at Y` check year Y;
after `--as-of` a deadline is `pending`, with a trajectory: `achieved` when
the latest value already meets it, `on_track` when it is on the straight line
from the baseline to the target, else `lagging`.  A subordinate plan's targets
are judged on the years it states, with the actual baseline behind them.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import numpy.typing as npt

from checker import result as r
from checker.engine import targets
from checker.engine.bounds import Bounds
from checker.engine.env import SeriesEnv
from checker.engine.evidence import comparison, sentence, show, truth
from checker.engine.gaps import Settled, Settler
from checker.engine.gaps import Subject as GapSubject
from checker.engine.ops import Evaluator, Mask, Vec
from checker.engine.progress import Progress, progress
from checker.engine.records import clause_offset, severity_of
from checker.engine.shapes import rides_a_line, when_met
from checker.engine.targets import StatedTargets, empty, figures
from checker.syntax import model as m
from checker.types import typed as t
from checker.types.units import format_number

if TYPE_CHECKING:
    import pandas as pd

Subject = tuple[str, str]  # (region, "actual" | "target")
Bases = Mapping[str, Mapping[tuple[int, int], str]]  # indicator -> (row, year) -> basis
Point = tuple[str, str, str, int]  # (indicator, region, kind, year)
# What a row may say about its value besides the number, when the data has the column.
ABOUT_COLUMNS = ("source", "note", "basis", "qualifier", "period")
_RANK = {"error": 5, "fail": 4, "unknown": 3, "pending": 2, "pass": 1, "not_applicable": 0}
_TRAJECTORY_RANK = {"lagging": 3, None: 2, "no_baseline": 2, "on_track": 1, "ahead": 0,
                    "achieved": 0}


class PlanDataLike(Protocol):
    frame: pd.DataFrame

    def origin(self, index: int) -> r.Location: ...


@dataclass
class SeriesTable:
    """Plan data as {(indicator, region, kind): {year: value}} with row origins.

    `values` holds the annual figures on the default basis (rows without `basis`),
    exact ones only; a qualified figure (`95%以上`) is in `bounds` and unknown in
    `matrix`.  Figures of parts of a year are in `subannual`, of another basis in
    `based`, and annual actuals of a year that ends after the `--as-of` date are held
    back in `withheld`: all are kept and said in `notes()`, none is read by a rule.  A
    target is never held back: an annual plan states it before its year ends.
    """

    values: MutableMapping[tuple[str, str, str], dict[int, float]]
    origins: Mapping[tuple[str, str, str, int], r.Location]
    first_year: int
    last_year: int
    kinds: set[str] = field(default_factory=set)
    regions: dict[str, set[str]] = field(default_factory=dict)
    about: Mapping[Point, dict[str, str]] = field(default_factory=dict)
    uncatalogued: tuple[tuple[str, int], ...] = ()  # ids the catalogue does not know, rows
    named: tuple[tuple[str, str, int], ...] = ()  # (word, id, rows) read by an indicator's name
    accounts: tuple[str, ...] = ()  # every row of every table accounted for (`data.tally`)
    bounds: dict[Point, Bounds] = field(default_factory=dict)  # qualified figures (95%以上)
    subannual: dict[tuple[str, str, str], list[r.PartPoint]] = field(default_factory=dict)
    based: dict[tuple[str, str, str, str], dict[int, float | Bounds]] = field(
        default_factory=dict)  # (indicator, region, kind, basis) -> year -> figure
    based_origins: dict[tuple[str, str, str, int, str], r.Location] = field(
        default_factory=dict)  # (indicator, region, kind, year, basis) -> row
    read_based: set[tuple[str, str, str, str]] = field(
        default_factory=set)  # series of another basis a rule read (an annual target's)
    withheld: list[Point] = field(default_factory=list)  # after the as-of date
    cutoff: datetime.date | None = None
    base_year: int | None = None  # the plan's baseline year, for what notes() says

    @staticmethod
    def build(data: PlanDataLike | None, plan: t.PlanInfo,
              cutoff: datetime.date | None = None) -> SeriesTable:
        """`cutoff`: the `--as-of` date; a figure of a period ending after it is not used.

        Column-wise: the plain rows (annual, default basis, exact, in time), nearly all of a
        big table, are grouped into series at once; the rest go row by row.  Origins and
        the words about a row are looked up when asked for, not made for every row."""
        table = SeriesTable({}, {}, plan.baseline_year, plan.end, cutoff=cutoff,
                            base_year=plan.baseline_year)
        years = [plan.baseline_year, plan.end]
        if data is not None and len(data.frame):
            frame = _with_optional(data.frame)
            annual = (frame["period"].isna() & frame["basis"].isna()).to_numpy(dtype=bool)
            exact = annual & frame["value"].notna().to_numpy(dtype=bool)
            if cutoff is not None:  # actuals of a year not over by then; targets stay
                end = frame["period_end"]
                late = (end.notna() & (end.astype("string") > cutoff.isoformat())
                        & (frame["kind"].astype("string") != "target")).to_numpy(
                    dtype=bool, na_value=False)
                exact &= ~late
            others = np.flatnonzero(~exact)
            if len(others) < len(frame):
                years += _plain_rows(table, frame, exact, plan)
            if len(others):
                years += _other_rows(table, frame, others, data, plan)
            points = _Points(frame, annual)
            table.origins = _Origins(points, data)
            table.about = _About(points, frame)
        table.first_year, table.last_year = min(years), max(years)
        table.uncatalogued = tuple(getattr(data, "uncatalogued", ()))
        table.named = tuple(getattr(data, "named", ()))
        table.accounts = tuple(getattr(data, "accounts", ()))
        return table

    def notes(self, limit: int = 8) -> list[str]:
        """What the table holds that no annual rule reads, said aloud (never dropped)."""
        out: list[str] = []
        count = sum(len(points) for points in self.subannual.values())
        if count:
            named = [f"`{ind}` {p.period} = {p.text}" for (ind, _, _), points in
                     sorted(self.subannual.items()) for p in points]
            spans = any(".." in p.period for points in self.subannual.values() for p in points)
            what = "parts of a year or totals over years" if spans else "parts of a year"
            out.append(f"{count} value{'s' if count != 1 else ''} of {what}, kept "
                       f"and shown, not read by annual rules: {_listed(named, limit)}")
        for (ind, reg, kind, basis), points in sorted(self.based.items()):
            if (ind, reg, kind, basis) in self.read_based:
                continue
            default = self.values.get((ind, reg, kind), {})
            only = [y for y in sorted(points) if y not in default
                    and (ind, reg, kind, y) not in self.bounds]
            if only:
                out.append(f"`{ind}` for `{reg}` ({kind}) in {', '.join(map(str, only))} is "
                           f"given only on the basis `{basis}`, and no rule read it: rules read "
                           "the default basis (rows without `basis`), or the basis a year's "
                           "target is stated on")
        if self.values and not self.regions and self.base_year is not None:
            # only actuals up to the baseline year: they anchor trajectories, and nothing
            # of the plan period is there to judge; said, so `no subjects` is not a pass
            out.append(f"every figure of the plan data is an actual of {self.base_year} "
                       "or before (the plan's base year): such figures only start the plan's "
                       "lines, so no region is judged; add the years of the plan period")
        if self.withheld and self.cutoff is not None:
            named = [f"`{ind}` {year}" for ind, _, _, year in sorted(self.withheld)]
            out.append(f"{len(self.withheld)} annual value{'s' if len(self.withheld) != 1 else ''}"
                       f" of a year ending after the as-of date {self.cutoff.isoformat()} "
                       f"{'are' if len(self.withheld) != 1 else 'is'} not used: "
                       f"{_listed(named, limit)}")
        return out

    @property
    def years(self) -> np.ndarray[Any, np.dtype[np.int64]]:
        return np.arange(self.first_year, self.last_year + 1)

    def subjects(self, regions: Sequence[str], indicators: Sequence[str]) -> list[Subject]:
        """Actual series of every region in scope when the data monitors the plan period
        (actuals up to the baseline year only anchor trajectories); a subordinate plan's
        targets only where it states one of the indicators."""
        out: list[Subject] = []
        monitored = bool(self.regions.get("actual"))
        for region in regions:
            if monitored:
                out.append((region, "actual"))
            if any(self.target_years(ind, region) for ind in indicators):
                out.append((region, "target"))
        return out

    def target_years(self, indicator: str, region: str) -> set[int]:
        """The years a subordinate plan states a target for, exactly or as a qualified
        figure (`5.1左右`, `35以下`): both are judged against the plan's rules."""
        years = set(self.values.get((indicator, region, "target"), {}))
        if self.bounds:
            years |= {y for (i, g, k, y) in self.bounds
                      if (i, g, k) == (indicator, region, "target")}
        return years

    def matrix(self, indicator: str, subjects: Sequence[Subject],
               bases: Mapping[tuple[int, int], str] | None = None) -> Vec:
        """Values by subject × year; target subjects see actual values up to the baseline.
        `bases`: cells (row, year) read on another basis (a target stated on it)."""
        years = self.years
        values = np.full((len(subjects), len(years)), np.nan)
        for row, (region, kind) in enumerate(subjects):
            series = dict(self.values.get((indicator, region, "actual"), {}))
            if kind == "target":
                cutoff = min(self.target_years(indicator, region), default=0)
                series = {y: v for y, v in series.items() if y < cutoff}
                series.update(self.values.get((indicator, region, "target"), {}))
            for year, value in series.items():
                values[row, year - self.first_year] = value
        for (row, year), basis in (bases or {}).items():
            region, kind = subjects[row]
            self.read_based.add((indicator, region, kind, basis))
            figure = self.based.get((indicator, region, kind, basis), {}).get(year)
            values[row, year - self.first_year] = figure if isinstance(figure, float) else np.nan
        known = ~np.isnan(values)
        return Vec(values, known)

    def figure(self, indicator: str, region: str, kind: str, year: int,
               basis: str | None = None) -> float | Bounds | None:
        """One annual figure, exact or qualified, on the default basis or on `basis`."""
        if basis is not None:
            return self.based.get((indicator, region, kind, basis), {}).get(year)
        exact = self.values.get((indicator, region, kind), {}).get(year)
        return exact if exact is not None else self.bounds.get((indicator, region, kind, year))

    def stated_targets(self, indicator: str, subjects: Sequence[Subject]) -> StatedTargets:
        """The targets stated for `indicator` per subject × year: on the default basis where
        the data gives one, else on the first basis (by name) it was stated on."""
        out = empty(len(subjects), len(self.years))
        for row, (region, _) in enumerate(subjects):
            key = (indicator, region, "target")
            plain: dict[int, float | Bounds] = dict(self.values.get(key, {}))
            plain.update({year: b for (i, g, k, year), b in self.bounds.items()
                          if (i, g, k) == key})
            figures(plain, row, self.first_year, out, None)
            for (i, g, k, basis), points in sorted(self.based.items()):
                if (i, g, k) == key:
                    figures(points, row, self.first_year, out, basis)
                    self.read_based.add((i, g, k, basis))
        return out

    def basis_cells(self, indicator: str, subjects: Sequence[Subject],
                    basis: str | None) -> dict[tuple[int, int], str]:
        """The cells (row, year) the data gives on `basis` (a rule's `basis "扣除疫苗"`)."""
        if basis is None:
            return {}
        return {(row, year): basis for row, (region, kind) in enumerate(subjects)
                for year in self.based.get((indicator, region, kind, basis), {})
                if self.first_year <= year <= self.last_year}

    def target_regions(self, indicators: Sequence[str], regions: Sequence[str]) -> list[str]:
        """Regions in scope with a target stated for one of the indicators, on any basis."""
        stated = {reg for (ind, reg, kind) in self.values if kind == "target"
                  and ind in indicators}
        stated |= {reg for (ind, reg, kind, _) in self.bounds if kind == "target"
                   and ind in indicators}
        stated |= {reg for (ind, reg, kind, _) in self.based if kind == "target"
                   and ind in indicators}
        return [region for region in regions if region in stated]

    def horizon(self, indicators: Sequence[str], subject: Subject, as_of: int) -> int:
        if subject[1] == "actual":
            return as_of
        years = [y for ind in indicators for y in self.target_years(ind, subject[0])]
        return max(years, default=as_of)

    def stated(self, indicators: Sequence[str], subject: Subject, year: int) -> bool:
        if subject[1] == "actual":
            return True
        return all(year in self.target_years(ind, subject[0]) for ind in indicators)

    def has_figure(self, indicators: Sequence[str], subject: Subject, year: int) -> bool:
        """Whether the data gives each of `indicators` a figure in `year` (on any basis):
        a value computed over no year (a total before its range) is none."""
        region, kind = subject
        return all(year in self.values.get((i, region, kind), {})
                   or (i, region, kind, year) in self.bounds
                   or any(year in points for (j, g, k, _), points in self.based.items()
                          if (j, g, k) == (i, region, kind)) for i in indicators)

    def latest_actual(self, indicator: str, region: str, year: int | None,
                      as_of: int) -> tuple[float | None, int | None]:
        series = self.values.get((indicator, region, "actual"), {})
        if year is not None:
            return series.get(year), year
        due = [y for y in series if y <= as_of]
        return (series[max(due)], max(due)) if due else (None, None)


_COLUMNS = ("indicator", "region", "kind", "year", "value", "low", "high", "low_open",
            "high_open", "qualifier", "period", "period_end", "basis")


def _with_optional(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every column `build` reads (a frame built by hand may lack some)."""
    import pandas as pd
    missing = {c: pd.Series(pd.NA, index=frame.index, dtype=object) for c in _COLUMNS
               if c not in frame.columns}
    return frame.assign(**missing) if missing else frame


def _plain_rows(table: SeriesTable, frame: pd.DataFrame, mask: npt.NDArray[np.bool_],
                plan: t.PlanInfo) -> list[int]:
    """Annual exact figures on the default basis, grouped into `values` in one pass: rows
    sorted (stably) by series, each series a dict of its years; a later row of the same
    year wins, as row by row.  Returns the years seen.

    On integer codes: each key column factorized once (its distinct texts, shared by
    every key naming them), a series numbered by its first row (as a group-by with
    `sort=False` numbers it); each series' dict of years is made when it is first read
    (`SeriesValues`), not 10^5 of them up front."""
    rows = np.flatnonzero(mask)
    whole = len(rows) == len(frame)
    coded = [_codes(frame[c], rows, whole) for c in ("indicator", "region", "kind")]
    key = np.zeros(len(rows), dtype=np.int64)
    for codes, names in coded:
        key = key * max(len(names), 1) + codes
    series, firsts = _factorize(key)
    keys = []
    for first in firsts.tolist():
        parts = []
        for _, names in reversed(coded):
            first, code = divmod(first, max(len(names), 1))
            parts.append(names[code])
        ind, reg, kind = reversed(parts)
        keys.append((ind, reg, kind))
    order = np.argsort(series, kind="stable")
    years = frame["year"].to_numpy(dtype=np.int64)
    year = years if whole else years[rows]
    value = frame["value"].to_numpy(dtype=np.float64)
    value = (value if whole else value[rows])[order]
    bounds = np.flatnonzero(np.diff(series[order])) + 1
    table.values = SeriesValues(keys, [0, *bounds.tolist()], year[order], value)
    kind_codes, kind_names = coded[2]
    region_codes, region_names = coded[1]
    table.kinds.update(kind_names)
    target = kind_names.index("target") if "target" in kind_names else -1
    counted = (kind_codes == target) | (year > plan.baseline_year)
    pairs, _ = _factorize(kind_codes[counted] * max(len(region_names), 1)
                          + region_codes[counted])
    chosen = np.flatnonzero(counted)
    for position in np.unique(pairs, return_index=True)[1].tolist():  # first of each pair
        row = int(chosen[position])
        table.regions.setdefault(kind_names[kind_codes[row]], set()).add(
            region_names[region_codes[row]])
    return [int(year.min()), int(year.max())]


def _codes(column: pd.Series[Any], rows: npt.NDArray[np.intp], whole: bool
           ) -> tuple[npt.NDArray[np.int64], list[str]]:
    """Codes of the chosen rows' texts, numbered by first appearance, and the texts
    (`str` of each, as a key holds it; a missing one is its own text, `<NA>`)."""
    import pandas as pd

    codes, names = pd.factorize(column if whole else column.take(rows), use_na_sentinel=False)
    return np.asarray(codes, dtype=np.int64), [str(name) for name in names]


def _factorize(key: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.int64],
                                                    npt.NDArray[np.int64]]:
    """Each row's group, numbered by first appearance, and each group's key."""
    import pandas as pd

    groups, firsts = pd.factorize(key)
    return np.asarray(groups, dtype=np.int64), np.asarray(firsts, dtype=np.int64)


class SeriesValues(MutableMapping[tuple[str, str, str], dict[int, float]]):
    """`SeriesTable.values` of a big table: the plain rows' series, each built as a dict of
    its years the first time it is read.  A 10^6-row table holds 10^5 series and a check
    reads the few its rules and listed series name; building every dict up front was half
    the series table's time and 30,000 page faults.  Keys iterate as a dict's would: the
    plain series by first row, then series added later in the order they were added."""

    def __init__(self, keys: list[tuple[str, str, str]], starts: list[int],
                 years: npt.NDArray[np.int64], values: npt.NDArray[np.float64]) -> None:
        self._index = {key: position for position, key in enumerate(keys)}
        self._keys, self._starts = keys, [*starts, len(years)]
        self._years, self._values = years, values
        self._built: dict[tuple[str, str, str], dict[int, float]] = {}
        self._added: dict[tuple[str, str, str], None] = {}  # keys not among the plain ones

    def __getitem__(self, key: tuple[str, str, str]) -> dict[int, float]:
        built = self._built.get(key)
        if built is None:
            position = self._index[key]  # KeyError: no such series
            first, last = self._starts[position], self._starts[position + 1]
            built = dict(zip(self._years[first:last].tolist(),
                             self._values[first:last].tolist(), strict=True))
            self._built[key] = built
        return built

    def __setitem__(self, key: tuple[str, str, str], value: dict[int, float]) -> None:
        if key not in self._index:
            self._added[key] = None
        self._built[key] = value

    def __delitem__(self, key: tuple[str, str, str]) -> None:
        raise TypeError("series are not removed from a table")

    def __contains__(self, key: object) -> bool:
        return key in self._index or key in self._added

    def __iter__(self) -> Iterator[tuple[str, str, str]]:
        yield from self._keys
        yield from self._added

    def __len__(self) -> int:
        return len(self._keys) + len(self._added)


def _other_rows(table: SeriesTable, frame: pd.DataFrame, positions: npt.NDArray[np.intp],
                data: PlanDataLike, plan: t.PlanInfo) -> list[int]:
    """Row by row: parts of a year, other bases, figures after the cutoff, bounds."""
    import pandas as pd
    limit = table.cutoff.isoformat() if table.cutoff is not None else None
    years: list[int] = []
    columns = [frame[c].take(positions).to_numpy(dtype=object).tolist() for c in _COLUMNS]
    for i, row in zip(positions.tolist(), zip(*columns, strict=True), strict=True):
        ind, reg, kind, year, value, low, high, low_open, high_open, qualifier = row[:10]
        period, end, basis = row[10:]
        key, year = (str(ind), str(reg), str(kind)), int(year)
        figure: float | Bounds = float(value) if not pd.isna(value) else Bounds(
            None if pd.isna(low) else float(low), None if pd.isna(high) else float(high),
            low_open is True, high_open is True, str(qualifier))
        if not pd.isna(period):
            table.subannual.setdefault(key, []).append(r.PartPoint.model_construct(
                period=str(period), end=str(end),
                value=figure if isinstance(figure, float) else None,
                text=str(qualifier) if not pd.isna(qualifier) else f"{value:g}"))
            continue
        point = (*key, year)
        if not pd.isna(basis):
            table.based.setdefault((*key, str(basis)), {})[year] = figure
            table.based_origins[(*point, str(basis))] = data.origin(i)
            continue
        if limit is not None and not pd.isna(end) and str(end) > limit and kind != "target":
            table.withheld.append(point)
            continue
        if isinstance(figure, Bounds):
            table.bounds[point] = figure
        else:
            table.values.setdefault(key, {})[year] = figure
        table.kinds.add(str(kind))
        if str(kind) == "target" or year > plan.baseline_year:
            table.regions.setdefault(str(kind), set()).add(str(reg))
        years.append(year)
    return years


class _Points:
    """Annual default-basis rows by point (indicator, region, kind, year): the last row of
    each.  Indexed a region at a time on first use: rules read a few regions of a table
    of thousands, and a check that lists no series reads none."""

    def __init__(self, frame: pd.DataFrame, annual: npt.NDArray[np.bool_]) -> None:
        self._frame, self._annual = frame, annual
        self._regions: pd.Series[Any] | None = None
        self._by_region: dict[str, dict[Point, int]] = {}

    def row(self, point: Point) -> int:
        """The row of `point`; KeyError when the table has none."""
        return self._of(point[1])[point]

    def _of(self, region: str) -> dict[Point, int]:
        if region not in self._by_region:
            if self._regions is None:
                self._regions = self._frame["region"].astype(str)
            here = self._annual & (self._regions == region).to_numpy(dtype=bool)
            self._by_region[region] = self._index(np.flatnonzero(here))
        return self._by_region[region]

    def _index(self, positions: npt.NDArray[np.intp]) -> dict[Point, int]:
        keys = zip(*(self._frame[c].take(positions).tolist()  # the rows, then their cells
                     for c in ("indicator", "region", "kind", "year")), strict=True)
        return {(str(ind), str(reg), str(kind), int(year)): position
                for (ind, reg, kind, year), position in zip(keys, positions.tolist(),
                                                            strict=True)}

    @property
    def rows(self) -> dict[Point, int]:
        """Every point's row (iterating a whole mapping: tests, rarely the engine)."""
        return self._index(np.flatnonzero(self._annual))


class _Origins(Mapping[Point, r.Location]):
    """`SeriesTable.origins`: where each annual figure came from, made when asked for."""

    def __init__(self, points: _Points, data: PlanDataLike) -> None:
        self._points, self._data = points, data

    def __getitem__(self, point: Point) -> r.Location:
        return self._data.origin(self._points.row(point))

    def __iter__(self) -> Iterator[Point]:
        return iter(self._points.rows)

    def __len__(self) -> int:
        return len(self._points.rows)


class _About(Mapping[Point, dict[str, str]]):
    """`SeriesTable.about`: source, note, qualifier … of an annual row on the default basis
    that has them (for the evaluation table), read from its row when asked for."""

    def __init__(self, points: _Points, frame: pd.DataFrame) -> None:
        self._points, self._frame = points, frame
        self._present = [c for c in ABOUT_COLUMNS if c in frame.columns]

    def __getitem__(self, point: Point) -> dict[str, str]:
        said = self._said(self._points.row(point)) if self._present else {}
        if not said:
            raise KeyError(point)
        return said

    def _said(self, position: int) -> dict[str, str]:
        import pandas as pd
        row = self._frame.iloc[position]
        return {name: str(row[name]).strip() for name in self._present
                if not pd.isna(row[name]) and str(row[name]).strip()}

    def __iter__(self) -> Iterator[Point]:
        return (point for point, position in self._points.rows.items()
                if self._present and self._said(position))

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _listed(items: list[str], limit: int) -> str:
    more = len(items) - limit
    return ", ".join(items[:limit]) + (f" and {more} more" if more > 0 else "")


@dataclass
class Judgement:
    outcome: r.OutcomeKind
    year: int | None
    trajectory: r.Trajectory | None = None
    years: list[int] = field(default_factory=list)
    note: str = ""
    deadline: int | None = None
    settled: Settled | None = None  # decided (or not) over every filling of the gaps
    reached: float | None = None  # where a qualified latest figure is put on the line
    holds: bool = False  # pending: the latest value already meets the constraint
    line: Line | None = None  # pending, judged by the straight line: its base and progress
    lacking: list[str] = field(default_factory=list)  # unknown: indicators with no figure


@dataclass(frozen=True)
class Line:
    """Where a pending target stands on the straight line from `base` (a year)."""

    base: int
    progress: Progress


def check_years(time: m.TimeQual | None, plan: t.PlanInfo) -> tuple[list[int], int]:
    match time:
        case m.ByYear(year=year) | m.AtYear(year=year):
            return [year], year
        case m.EachYear(years=years):
            return list(years.years()), years.end
    return list(range(plan.start, plan.end + 1)), plan.end


def judge(c: t.Constraint, vec: Vec, seen: dict[int, Vec], row: int, table: SeriesTable,
          subject: Subject, indicators: list[str], as_of: int, plan: t.PlanInfo,
          settler: Settler, catalogue: Mapping[str, t.IndicatorSpec],
          env_targets: Mapping[str, StatedTargets] | None = None,
          bases: Bases | None = None) -> Judgement:
    """A fail or pass is said only when the data decides it: where years are undecided on
    their own, `gaps` asks whether every filling of the missing values agrees."""
    years, deadline = check_years(c.time, plan)
    horizon = table.horizon(indicators, subject, as_of)
    due = [y for y in years if y <= horizon and table.stated(indicators, subject, y)]
    stated = [env_targets[i] for i in targets.targeted(c.expr)] if env_targets else []
    if stated:  # judged in the years a target is stated for, once they are over
        if table.cutoff is not None and table.cutoff < datetime.date(horizon, 12, 31):
            horizon -= 1  # `--as-of 2024-06-30`: the year 2024 is not over
        due, later = targets.due_years(years, horizon, row, table.first_year, stated)
        if not due:
            return _no_target_due(years, later, horizon)
        deadline = due[-1]
    index = {y: (row, y - table.first_year) for y in years if table.first_year <= y}
    broken = [y for y in due if y in index and vec.error is not None and vec.error[index[y]]]
    if broken:
        return Judgement("error", broken[0], years=broken,
                         note="a growth rate from zero or across a sign change")
    fails = [y for y in due if y in index and truth(vec, index[y]) is False]
    if fails:
        return Judgement("fail", fails[0], years=fails)
    missing = [y for y in due if y not in index or truth(vec, index[y]) is None]
    settled = None
    if missing:
        settled = settler.settle(c.expr, missing, _gap_subject(seen, row, table, subject,
                                                                catalogue, env_targets, bases))
        if settled is None or settled.outcome == "unknown":
            return Judgement("unknown", missing[0], years=missing, settled=settled)
        if settled.outcome == "fail":
            return Judgement("fail", settled.years[-1], years=settled.years, settled=settled)
    if deadline > horizon:
        gap = _gap_subject(seen, row, table, subject, catalogue, env_targets, bases)
        pending = _pending(c, vec, seen, row, table, subject, indicators, horizon, deadline,
                           plan, gap, lambda years: settler.settle(c.expr, years, gap))
        pending.deadline = deadline
        pending.settled = settled
        return pending
    if not due:
        return Judgement("not_applicable", None, note="no stated target for these years")
    return Judgement("pass", due[-1], settled=settled)


def _no_target_due(years: list[int], later: list[int], horizon: int) -> Judgement:
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    if later:
        return Judgement("pending", None, deadline=later[0],
                         note=f"the target of {later[0]} is judged when the year is over")
    return Judgement("not_applicable", None,
                     note=f"no target stated for {span} up to {horizon}")


def _gap_subject(seen: dict[int, Vec], row: int, table: SeriesTable, subject: Subject,
                 catalogue: Mapping[str, t.IndicatorSpec],
                 stated: Mapping[str, StatedTargets] | None = None,
                 bases: Bases | None = None) -> GapSubject:
    def bounds(indicator: str, year: int) -> Bounds | None:
        return _qualified(table, indicator, subject, row, year, bases)

    return GapSubject(seen, row, table.first_year, bounds, catalogue, stated or {})


def _qualified(table: SeriesTable, indicator: str, subject: Subject, row: int, year: int,
               bases: Bases | None) -> Bounds | None:
    """The qualified figure (`6以上`) a cell is read as, if it is one."""
    region, kind = subject
    basis = (bases or {}).get(indicator, {}).get((row, year))
    if basis is not None:  # read on its target's basis, or the rule's
        figure = table.figure(indicator, region, kind, year, basis)
        return figure if isinstance(figure, Bounds) else None
    given = table.target_years(indicator, region) if kind == "target" else set()
    source = "target" if given and year >= min(given) else "actual"
    return table.bounds.get((indicator, region, source, year))


def _withheld(table: SeriesTable, rates: set[str], subjects: Sequence[Subject],
              bases: Bases) -> dict[str, Mask]:
    """Where a published rate is stated only as a qualified figure: `growth()` leaves
    those cells to the reasoning over bounds rather than compute them from levels."""
    return {rate: np.array([[_qualified(table, rate, subject, row, int(year), bases) is not None
                             for year in table.years] for row, subject in enumerate(subjects)],
                           dtype=bool).reshape(len(subjects), len(table.years))
            for rate in rates}


def _pending(c: t.Constraint, vec: Vec, seen: dict[int, Vec], row: int, table: SeriesTable,
             subject: Subject, indicators: list[str], horizon: int, deadline: int,
             plan: t.PlanInfo, gap: GapSubject,
             settle: Callable[[list[int]], Settled | None]) -> Judgement:
    years = range(table.first_year, min(horizon, table.last_year) + 1)
    known_years = [y for y in years if truth(vec, (row, y - table.first_year)) is not None
                   and (y <= plan.baseline_year or table.stated(indicators, subject, y))]
    monitored = [y for y in known_years if y > plan.baseline_year]
    # a qualified figure leaves its year open, and so every later total over it: bounded
    # by its end (`15以上`); a missing year before the latest figure by its range end (a
    # new area is at least 0), so a gap never sends the judgement back to the year before it
    total = _total_of(c.expr)

    def qualified(year: int) -> bool:
        if total is None or not isinstance(c.expr, t.Compare):
            return any(gap.bounds(i, year) is not None for i in indicators)
        return table.has_figure(indicators, subject, year) and _total_end(
            total, c.expr.op, seen, row, table.first_year, year, gap) is not None

    bounded = [y for y in years if y > plan.baseline_year and y not in known_years
               and table.stated(indicators, subject, y) and qualified(y)]
    if bounded and (not monitored or bounded[-1] > monitored[-1]):
        return _pending_on_bound(c, seen, row, table.first_year, bounded[-1], deadline,
                                 plan.band, gap, settle)
    if not monitored:  # values up to the baseline year anchor the line; they are no progress
        quiet, lacking = _quiet(table, indicators, subject, plan.baseline_year + 1, horizon)
        given = [y for y in known_years if table.has_figure(indicators, subject, y)]
        if not given:  # no figure at all (a total over no year is no figure)
            return Judgement("unknown", None, note=quiet, lacking=lacking)
        # nothing is due and nothing failed: pending, its latest value known, but with no
        # value since the baseline no line starts (no_baseline, never a guessed level)
        return Judgement("pending", given[-1], "no_baseline", note=quiet)
    latest = monitored[-1]
    if truth(vec, (row, latest - table.first_year)):
        found = Judgement("pending", latest, when_met(c), holds=True)
    else:
        found = _line(c, seen, row, table.first_year, latest, deadline, plan.band)
    if total is not None:  # a later figure the total cannot reach: the gap before it named
        later = [y for y in years if y > latest and table.has_figure(indicators, subject, y)]
        gaps = [str(y) for y in range(latest + 1, max(later, default=latest))
                if not table.has_figure(indicators, subject, y)]
        if gaps:
            found.note = f"{total[1].id} ({', '.join(gaps)}) missing: the total is to {latest}"
    return found


def _quiet(table: SeriesTable, indicators: list[str], subject: Subject, start: int,
           end: int) -> tuple[str, list[str]]:
    """`no data between 2021 and 2023`, or, where another indicator the clause reads has
    figures then, the ones that have none (`no target of x between 2021 and 2023`); with
    the indicators that have none."""
    span = range(start, end + 1)
    lacking = [i for i in indicators if not any(table.has_figure([i], subject, y) for y in span)]
    if not lacking or len(lacking) == len(indicators):
        return f"no data between {start} and {end}", lacking
    what = "target" if subject[1] == "target" else "figure"
    return f"no {what} of {', '.join(lacking)} between {start} and {end}", lacking


def _pending_on_bound(c: t.Constraint, seen: dict[int, Vec], row: int, first: int,
                      latest: int, deadline: int, band: float, gap: GapSubject,
                      settle: Callable[[list[int]], Settled | None]) -> Judgement:
    """The latest figure is qualified (`95%以上`): met when every value it allows meets
    the target; else placed on the line at its least favourable end (`95%以上` as 95 for a
    floor), never at a better one; unknown when that end is open."""
    expr = c.expr
    settled = settle([latest])
    total = _total_of(expr)  # a total over qualified or missing years: at its worst end
    reading = None
    if total is not None and isinstance(expr, t.Compare) and expr.op not in ("==", "!="):
        reading = _total_reading(total, expr.op, seen, row, first, latest, gap)
    if settled is not None and settled.outcome == "pass":
        found = Judgement("pending", latest, when_met(c), settled=settled, holds=True)
        if total is not None and reading is not None:
            found.reached, found.note = reading[0], _counted_note(total, reading[1])
        return found
    figure = gap.bounds(expr.left.id, latest) if isinstance(expr, t.Compare) and isinstance(
        expr.left, t.IndicatorRef) else None
    if total is not None and isinstance(expr, t.Compare) and expr.op not in ("==", "!="):
        if reading is None:
            return Judgement("unknown", latest, note=f"the total to {latest} is open-ended")
        found = _line(c, seen, row, first, latest, deadline, band, now=reading[0])
        found.settled, found.reached = settled, reading[0]
        found.note = _counted_note(total, reading[1])
        return found
    if figure is None or not isinstance(expr, t.Compare) or expr.op in ("==", "!="):
        return Judgement("unknown", latest, note=f"the figure of {latest} is qualified and "
                                                 "does not say where it stands")
    end = figure.low if expr.op in (">=", ">") else figure.high
    if end is None:
        return Judgement("unknown", latest,
                         note=f"{figure.text} in {latest} leaves open how far it has come")
    found = _line(c, seen, row, first, latest, deadline, band, now=end)
    found.settled, found.reached = settled, end
    return found


Total = tuple[t.Func, t.IndicatorRef, float]


def _total_of(expr: t.Node) -> Total | None:
    """`total(x, A..B) OP c`: the total, the indicator it adds up and the factor of the
    unit conversion between the total and the comparison."""
    if not isinstance(expr, t.Compare):
        return None
    node, factor = expr.left, 1.0
    while isinstance(node, t.Scale):
        factor *= float(node.factor)
        node = node.operand
    if isinstance(node, t.Func) and node.name == "total" and node.years is not None \
            and node.args and isinstance(node.args[0], t.IndicatorRef):
        return node, node.args[0], factor
    return None


def _total_end(total: Total, op: str, seen: dict[int, Vec],
               row: int, first: int, latest: int, gap: GapSubject) -> float | None:
    """The least favourable end of a total to `latest` (see `_total_reading`)."""
    reading = _total_reading(total, op, seen, row, first, latest, gap)
    return None if reading is None else reading[0]


def _total_reading(total: Total, op: str, seen: dict[int, Vec], row: int, first: int,
                   latest: int, gap: GapSubject) -> tuple[float, list[tuple[int, float]]] | None:
    """The least favourable end of a total to `latest` over qualified and missing years:
    a year's figure as given, a qualified one at its end (`15以上` as 15 for a floor), a
    missing one at its indicator's declared range end (a new area is at least 0); with
    the missing years and the end each was counted at, so the message can say so."""
    func, leaf, factor = total
    assert func.years is not None
    floor = op in (">=", ">")
    spec = gap.specs.get(leaf.id)
    vec = seen.get(id(leaf))
    end = 0.0
    counted: list[tuple[int, float]] = []
    for year in range(func.years.start, min(latest, func.years.end) + 1):
        index = (row, year - first)
        figure = gap.bounds(leaf.id, year)
        inside = vec is not None and 0 <= index[1] < vec.values.shape[1]
        if vec is not None and inside and truth(vec, index) is not None:
            part: float | None = float(vec.values[index])
        elif figure is not None:
            part = figure.low if floor else figure.high
        else:
            declared = None if spec is None else (spec.low if floor else spec.high)
            part = None if declared is None else float(declared)
            if part is not None:
                counted.append((year, part))
        if part is None:
            return None
        end += part
    return end * factor, counted


def _counted_note(total: Total, counted: list[tuple[int, float]]) -> str:
    """`new_shelter_area (2023) missing, counted as 0`: the years a bound total assumed."""
    if not counted:
        return ""
    leaf = total[1].id
    years = ", ".join(str(year) for year, _ in counted)
    ends = {format_number(part) for _, part in counted}
    at = ends.pop() if len(ends) == 1 else "its range end"
    return f"{leaf} ({years}) missing, counted as {at}"


def _line(c: t.Constraint, seen: dict[int, Vec], row: int, first: int, latest: int,
          deadline: int, band: float, now: float | None = None) -> Judgement:
    """A pending target not met in `latest`: `ahead`, `on_track` or `lagging` by the latest
    value's progress along the straight line from the first known value to the target at
    the deadline (`progress`); `no_baseline` when no value before the latest one starts the
    line (never a default `lagging`).  A rate, a trend, a relation or a milestone not met
    now has no line to ride: `lagging`."""
    expr = c.expr
    if not rides_a_line(c) or not isinstance(expr, t.Compare):
        return Judgement("pending", latest, "lagging")
    left, right = seen.get(id(expr.left)), seen.get(id(expr.right))
    base = None if left is None else next(
        (y for y in range(first, latest) if truth(left, (row, y - first)) is not None), None)
    if left is None or right is None or base is None:
        return Judgement("pending", latest, "no_baseline")
    start = float(left.values[row, base - first])
    reached = float(left.values[row, latest - first]) if now is None else now
    target = float(right.values[row, min(deadline - first, right.values.shape[1] - 1)])
    if _beyond(expr.op, start, target):  # it met the target at the start, and slipped back:
        return Judgement("pending", latest, "lagging")  # no change was planned to ride
    found = progress(start, reached, target, base, latest, deadline, band)
    if found is None:
        return Judgement("pending", latest, "lagging")
    return Judgement("pending", latest, found.level, line=Line(base, found))


def _beyond(op: str, start: float, target: float) -> bool:
    """Whether the line's start already stands on the target's side (99.3 % against a
    floor of 98.3 %): then the straight line runs away from the target, and the share of
    it 'done' by a value that fell below (98 %) would read as ahead."""
    return (op in (">=", ">") and start >= target) or (op in ("<=", "<") and start <= target)


def evaluate_series_rule(rule: t.CheckedRule, table: SeriesTable, as_of: int,
                         plan: t.PlanInfo, verdicts: list[tuple[Subject, Verdict]] | None = None,
                         catalogue: Mapping[str, t.IndicatorSpec] | None = None
                         ) -> tuple[dict[r.OutcomeKind, int], list[r.Outcome]]:
    """`verdicts`, when given, receives every constraint's judgement of every subject
    (the evaluation table reads them); `catalogue` gives the declared ranges that bound
    the fillings of gaps.  A rule stating another source's targets (`rule.period`) is
    judged in that source's period."""
    plan = t.plan_in(plan, rule.period)
    per_subject: dict[Subject, list[Verdict]] = {}
    settler = Settler()
    for c in rule.constraints:
        indicators = sorted(set(_judged(c.expr)))
        targeted = targets.targeted(c.expr)
        if targeted:  # each year's actual against the target stated for that year
            subjects = [(region, "actual") for region in
                        table.target_regions(targeted, c.regions or rule.regions)]
        else:
            subjects = table.subjects(c.regions or rule.regions, indicators)
        if not subjects:
            continue
        stated = {i: table.stated_targets(i, subjects) for i in targeted}
        cells = {cell: basis for s in stated.values() for cell, basis in s.bases.items()}
        read = sorted(set(_indicators(c.expr)))  # with the published rates growth() reads
        bases = {i: {**table.basis_cells(i, subjects, rule.basis), **cells} for i in read}
        env = SeriesEnv(table.years, {i: table.matrix(i, subjects, bases[i])
                                      for i in read}, stated,
                        _withheld(table, _rates(c.expr), subjects, bases))
        evaluate = Evaluator(env)
        vec = evaluate(c.expr)
        for row, subject in enumerate(subjects):
            verdict = judge(c, vec, evaluate.seen, row, table, subject, indicators, as_of, plan,
                            settler, catalogue or {}, stated, bases)
            per_subject.setdefault(subject, []).append(
                Verdict(c, verdict, evaluate.seen, vec, row, stated, bases))
            if verdicts is not None:
                verdicts.append((subject, per_subject[subject][-1]))
    counts = {k: 0 for k in r.OUTCOMES}
    outcomes = []
    for subject in sorted(per_subject):
        outcome = _subject_outcome(rule, subject, per_subject[subject], table)
        counts[outcome.outcome] += 1
        outcomes.append(outcome)
    return counts, outcomes


@dataclass(frozen=True)
class Verdict:
    """One constraint's judgement of one subject, with what evidence needs."""

    constraint: t.Constraint
    judgement: Judgement
    seen: dict[int, Vec]
    vec: Vec
    row: int
    targets: Mapping[str, StatedTargets] = field(default_factory=dict)
    bases: Bases = field(default_factory=dict)  # cells read on another basis, by indicator


def _indicators(node: t.Node) -> list[str]:
    return [leaf.id for leaf in t.leaves(node) if isinstance(leaf, t.IndicatorRef)]


def _rates(node: t.Node) -> set[str]:
    """The published rates `growth()` calls read first."""
    found = {node.reported.id} if isinstance(node, t.Func) and node.reported else set()
    return found.union(*(_rates(child) for child in t.children(node)))


def _judged(node: t.Node) -> list[str]:
    """The indicators a constraint is about: not a published rate `growth(x)` reads first
    (its years and subjects are the level's; it fills in where it is reported)."""
    if isinstance(node, t.Func) and node.reported is not None:
        return [i for arg in node.args for i in _judged(arg)]
    if isinstance(node, t.IndicatorRef):
        return [node.id]
    return [i for child in t.children(node) for i in _judged(child)]


def _subject_outcome(rule: t.CheckedRule, subject: Subject, verdicts: list[Verdict],
                     table: SeriesTable) -> r.Outcome:
    worst = max(verdicts, key=lambda v: (_RANK[v.judgement.outcome],
                                         _TRAJECTORY_RANK[v.judgement.trajectory]))
    c, verdict = worst.constraint, worst.judgement
    region, kind = subject
    first = table.first_year
    clauses = []
    observed = threshold = margin = None
    values: dict[str, str] = {}
    origin: r.Location | None = None
    stated = targets.stated_of(c.expr, worst.targets)
    if verdict.year is not None:
        index = (worst.row, verdict.year - first)
        observed, threshold, margin = comparison(c.expr, worst.seen, index)
        for other in verdicts:
            year = other.judgement.year if other.judgement.year is not None else verdict.year
            position = next(i for i, c in enumerate(rule.constraints) if c is other.constraint)
            clauses.append(r.Clause(role="require", text=f"{other.constraint.text} ({year})",
                                    value=_clause_value(other, year, first),
                                    index=clause_offset(rule) + position, year=year))
        for leaf in t.leaves(c.expr):
            if isinstance(leaf, t.IndicatorRef) and id(leaf) in worst.seen:
                year = verdict.year if leaf.year is None else leaf.year
                label = on_basis(f"{leaf.id} ({year})", worst.bases, worst.row)
                values[label] = show(leaf.type, worst.seen[id(leaf)], index)[2]
                if leaf.year is not None:
                    continue
                basis = worst.bases.get(leaf.id, {}).get((worst.row, year))
                point = (leaf.id, region, kind, verdict.year)
                found = table.origins.get(point) if basis is None else \
                    table.based_origins.get((*point, basis))
                origin = found or origin
        values.update(_base_values(c.expr, worst.seen, worst.row, first))
        for leaf in t.leaves(c.expr):  # a qualified figure is shown as published
            if not isinstance(leaf, t.IndicatorRef) or leaf.year is not None:
                continue
            figure = table.bounds.get((leaf.id, region, kind, verdict.year))
            label = f"{leaf.id} ({verdict.year})"
            if figure is not None and values.get(label) == "missing":
                values[label] = figure.text
                if observed is not None and observed.value is None and isinstance(
                        c.expr, t.Compare) and c.expr.left is leaf:
                    observed = observed.model_copy(update={"text": figure.text})
        if observed is not None and observed.value is None and verdict.reached is not None \
                and _total_of(c.expr) is not None and isinstance(c.expr, t.Compare):
            side = "≥" if c.expr.op in (">=", ">") else "≤"  # a total over open years
            unit = c.expr.left.type.unit.symbol if isinstance(c.expr.left.type,
                                                              t.QuantityT) else ""
            observed = observed.model_copy(update={
                "text": f"{side}{format_number(verdict.reached)} {unit}".rstrip()})
        for node, targets_of in stated:
            text = show(node.type, worst.seen[id(node)], index)[2]
            values[f"target {node.id} ({verdict.year})"] = targets.shown(
                targets_of, (worst.row, verdict.year), text)
            if threshold is not None and threshold.text == text:
                threshold = threshold.model_copy(update={"text": values[
                    f"target {node.id} ({verdict.year})"]})
    subject_name = region if kind == "actual" else f"{region} (target)"
    if verdict.settled is not None:
        known = {on_basis(k, worst.bases, worst.row): v for k, v in verdict.settled.known.items()}
        values = {k: v for k, v in {**known, **values}.items() if v != "missing"}
        if verdict.outcome == "fail":
            observed = threshold = margin = None
    # an unknown rule names what every undecided clause lacks: any of it could decide
    deciding = [v for v in verdicts if v.judgement.outcome == "unknown"] \
        if verdict.outcome == "unknown" else [worst]
    missing = list(dict.fromkeys(m for v in deciding for m in _missing(v, first)))
    dated = {label.split(" (")[0] for label in missing if " (" in label}
    missing = [label for label in missing if " (" in label or label not in dated]
    due = sorted({y for v in deciding for y in _due(v.judgement)})
    return r.Outcome(
        rule=rule.id, subject=subject_name, subject_kind="series", outcome=verdict.outcome,
        severity=severity_of(rule, verdict.outcome),
        message=_series_message(c, verdict, observed, threshold, margin, values, missing, due),
        trajectory=verdict.trajectory,
        origin=origin,
        evidence=r.Evidence(clauses=clauses, observed=observed, threshold=threshold,
                            margin=margin, values=values, years=verdict.years,
                            missing=missing),
    )


def _missing(verdict: Verdict, first: int) -> list[str]:
    """The values a failing or undecided clause lacks, labelled with their basis."""
    judgement, c = verdict.judgement, verdict.constraint
    missing: list[str] = []
    if judgement.settled is not None:
        missing = judgement.settled.missing if judgement.outcome in ("fail", "unknown") else []
    elif judgement.outcome == "unknown":
        years = judgement.years or ([judgement.year] if judgement.year is not None else [])
        missing = [f"{ind} ({y})" for y in years[:3]
                   for ind, y in missing_points(c.expr, verdict.seen, verdict.row, y, first)]
        missing = list(dict.fromkeys(missing)) or judgement.lacking \
            or sorted(set(_indicators(c.expr)))
    years = judgement.settled.years if judgement.settled is not None else judgement.years
    rates = _rates_instead(c.expr, set(missing), years)
    shown = [on_basis(label, verdict.bases, verdict.row) for label in missing]
    if rates:  # the published rate decides growth(x) as well as the two levels would
        shown.append("or the published rate " + ", ".join(
            on_basis(label, verdict.bases, verdict.row) for label in rates))
    return shown


def _rates_instead(node: t.Node, missing: set[str], years: Sequence[int]) -> list[str]:
    """`rate (year)` for each `growth(x)` with a published rate whose levels at that year
    or the year before are among the `missing` labels: the rate alone would decide it."""
    found: list[str] = []
    for func in _growths(node):
        assert func.reported is not None
        for year in years:
            levels = _needs(func.args[0], year) + _needs(func.args[0], year - 1)
            if any(f"{leaf.id} ({y})" in missing for leaf, y in levels):
                found.append(f"{func.reported.id} ({year})")
    return list(dict.fromkeys(found))


def _growths(node: t.Node) -> list[t.Func]:
    """The `growth(x)` calls of a node that have a published rate (`growth of x`)."""
    own = [node] if isinstance(node, t.Func) and node.name == "growth" and node.reported \
        else []
    return own + [f for child in t.children(node) for f in _growths(child)]


def _clause_value(verdict: Verdict, year: int, first: int) -> bool | None:
    """A clause's truth in the year shown: its own value, or what every filling agrees on."""
    settled = verdict.judgement.settled
    if settled is not None and settled.outcome != "unknown" and year in settled.years:
        return settled.outcome == "pass"
    return truth(verdict.vec, (verdict.row, year - first))


def _due(judgement: Judgement) -> list[int]:
    """The years an undecided clause could not decide."""
    if judgement.settled is not None:
        return list(judgement.settled.years)
    return list(judgement.years)


def _series_message(c: t.Constraint, verdict: Judgement, observed: r.Amount | None,
                    threshold: r.Amount | None, margin: r.Margin | None,
                    values: dict[str, str], missing: list[str], due_years: list[int]) -> str:
    op = c.expr.op if isinstance(c.expr, t.Compare) else None
    year = verdict.year
    settled = verdict.settled
    match verdict.outcome:
        case "fail" if settled is not None:
            years = " and ".join(str(y) for y in settled.years)
            given = "; ".join(f"{k} = {v}" for k, v in values.items())
            return (f"{years}: `{c.text}` cannot hold in {years}, whatever "
                    f"{', '.join(missing) or 'the missing values'} "
                    f"{'is' if len(missing) == 1 else 'are'} ({given})")
        case "fail":
            return f"{year}: " + sentence(c.text, observed, threshold, op, margin, values)
        case "unknown" if settled is not None:
            due = ", ".join(str(y) for y in due_years or settled.years)
            given = ", ".join(f"{k} = {v}" for k, v in values.items())
            known = f"; known: {given}" if given else ""
            return f"cannot decide for {due} (missing: {', '.join(missing)}{known})"
        case "error":
            return f"{year}: `{c.text}` cannot be evaluated: {verdict.note}"
        case "unknown":
            if verdict.years:
                due = ", ".join(str(y) for y in due_years or verdict.years)
                needs = f" (missing: {', '.join(missing)})" if missing else ""
                return f"cannot decide for {due}{needs}"
            return f"cannot decide: {verdict.note}"
        case "pending" if year is None:
            return f"due {verdict.deadline}: {verdict.note}"
        case "pending":
            state = (verdict.trajectory or "pending").replace("_", " ")
            now = f"{observed.text} in {year}" if observed is not None else f"{year}"
            why = f" ({verdict.note})" if verdict.note else ""
            return f"due {verdict.deadline}; {now}: {state}{why}"
        case "not_applicable":
            return verdict.note or "not applicable"
        case _:
            return f"`{c.text}` holds ({year})"



def on_basis(label: str, bases: Bases, row: int) -> str:
    """`x (2022)` → `x (2022, 扣除疫苗)` where that value is read on another basis."""
    name, _, rest = label.rpartition(" (")
    year = rest.rstrip(")")
    basis = bases.get(name, {}).get((row, int(year))) if year.isdigit() else None
    return f"{name} ({year}, {basis})" if basis is not None else label


def _base_values(node: t.Node, seen: dict[int, Vec], row: int,
                 first: int) -> dict[str, str]:
    """The base-year values a `change`/`cagr` from year A read, shown beside the year's."""
    out: dict[str, str] = {}
    if isinstance(node, t.Func) and node.name in ("change", "cagr") and node.years:
        column = node.years.start - first
        for leaf in t.leaves(node.args[0]):
            vec = seen.get(id(leaf))
            if isinstance(leaf, t.IndicatorRef) and vec is not None \
                    and 0 <= column < vec.values.shape[1]:
                out[f"{leaf.id} ({node.years.start})"] = show(leaf.type, vec, (row, column))[2]
    for child in t.children(node):
        out.update(_base_values(child, seen, row, first))
    return out


def missing_points(node: t.Node, seen: dict[int, Vec], row: int, year: int,
                   first: int) -> list[tuple[str, int]]:
    """The (indicator, year) values a node needs at `year` that the data lacks."""
    out: list[tuple[str, int]] = []
    for leaf, needed in _needs(node, year):
        vec = seen.get(id(leaf))
        column = needed - first
        inside = vec is not None and 0 <= column < vec.values.shape[1]
        if vec is None or not inside or truth(vec, (row, column)) is None:
            out.append((leaf.id, needed))
    return out


def _needs(node: t.Node, year: int) -> list[tuple[t.IndicatorRef, int]]:
    """Which indicator values, of which years, a node reads to give its value at `year`."""
    match node:
        case t.IndicatorRef():
            return [(node, year if node.year is None else node.year)]
        case t.Trend(value=x):
            return _needs(x, year) + _needs(x, year - 1)
        case t.Func(name="prev", args=(x,)):
            return _needs(x, year - 1)
        case t.Func(name="growth", args=(x,), reported=reported):
            rate = [(reported, year)] if reported is not None else []
            return _needs(x, year) + _needs(x, year - 1) + rate
        case t.Func(name="total", args=(x,), years=years) if years is not None:
            return [n for y in range(years.start, min(year, years.end) + 1) for n in _needs(x, y)]
        case t.Func(name="cagr" | "change", args=(x,), years=years) if years is not None:
            return _needs(x, years.start) + _needs(x, year)
    return [need for child in t.children(node) for need in _needs(child, year)]

