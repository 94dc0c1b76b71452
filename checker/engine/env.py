"""Evaluation environments: where the leaves of an expression get their arrays.

In: record frames (pandas, nullable dtypes) and plan-data frames.  Out: `Vec`s
for fields (shape N) and indicator series (shape subjects × years); aggregates over
records are `partial`'s.  Each column is converted to numpy once per run and shared by every
rule.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np

from checker.engine.ops import Array, Mask, Vec
from checker.engine.targets import StatedTargets
from checker.types import typed as t

if TYPE_CHECKING:
    import pandas as pd


@runtime_checkable
class PlainColumn(Protocol):
    """A column already in numpy (`data.columnar.Column`): read without pandas."""

    def as_arrays(self) -> tuple[Array, Mask | None, tuple[str, ...] | None]: ...


class Table(Protocol):
    """What a batch's records are to the engine: a length and a column per field (a
    pandas frame, or `data.columnar.Columns`)."""

    def __len__(self) -> int: ...

    def __getitem__(self, name: str) -> Any: ...


def column_vec(series: pd.Series[Any] | PlainColumn) -> Vec:
    """A nullable pandas column -> values + known mask (None when nothing is missing)."""
    if isinstance(series, PlainColumn):
        values, known, labels = series.as_arrays()
        return Vec(values, known, labels=labels)
    import pandas as pd
    missing = series.isna().to_numpy()
    known = None if not missing.any() else ~missing
    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        codes = series.cat.codes.to_numpy().astype(np.int64)
        return Vec(codes, known)
    if pd.api.types.is_bool_dtype(dtype):
        return Vec(series.to_numpy(dtype=bool, na_value=False), known)
    if pd.api.types.is_numeric_dtype(dtype):
        return Vec(series.to_numpy(dtype=float, na_value=np.nan), known)
    codes, labels = pd.factorize(series, use_na_sentinel=True)
    return Vec(np.asarray(codes, np.int64), known, labels=tuple(str(x) for x in labels))


@dataclass
class RecordEnv:
    """Fields of a batch of records; shape (N,)."""

    frame: Table
    ids: Sequence[str] = ()
    cache: dict[str, Vec] = field(default_factory=dict)

    @property
    def shape(self) -> tuple[int, ...]:
        return (len(self.frame),)

    def field(self, name: str) -> Vec:
        vec = self.cache.get(name)
        if vec is None:
            vec = column_vec(self.frame[name])
            self.cache[name] = vec
        return vec

    def indicator(self, ref: t.IndicatorRef) -> Vec:  # pragma: no cover - typecheck forbids
        raise TypeError("records have no indicators")

    def aggregate(self, node: t.Func, evaluate: Callable[[t.Node], Vec]) -> Vec:
        raise TypeError("records have no aggregates")  # pragma: no cover

    def series(self, node: t.Func, operand: Vec) -> Vec:  # pragma: no cover
        raise TypeError("records have no series")

    def trend(self, operand: Vec, rises: bool) -> Vec:  # pragma: no cover
        raise TypeError("records have no series")

    def target(self, node: t.StatedTarget) -> tuple[Vec, Mask]:  # pragma: no cover
        raise TypeError("records have no series")


@dataclass
class SeriesEnv:
    """Indicator values of several subjects (region × actual/target) over years."""

    years: Array  # int years, ascending, contiguous
    matrices: dict[str, Vec]
    targets: Mapping[str, StatedTargets] = field(default_factory=dict)  # by indicator
    # by published rate (`growth of`): cells stated only as a qualified figure (6以上)
    withheld: Mapping[str, Mask] = field(default_factory=dict)

    @property
    def shape(self) -> tuple[int, ...]:
        first = next(iter(self.matrices.values()), None)
        return first.values.shape if first is not None else (0, len(self.years))

    def field(self, name: str) -> Vec:  # pragma: no cover - typecheck forbids
        raise TypeError("series have no record fields")

    def indicator(self, ref: t.IndicatorRef) -> Vec:
        matrix = self.matrices[ref.id]
        if ref.year is None:
            return matrix
        column = self.year_index(ref.year)  # `x at 2020`: that year's value, every year
        shape = matrix.values.shape
        if not 0 <= column < shape[1]:
            return Vec(np.full(shape, np.nan), np.zeros(shape, bool))
        known = matrix.known_mask()[:, [column]]
        return Vec(np.repeat(matrix.values[:, [column]], shape[1], axis=1),
                   np.repeat(known, shape[1], axis=1))

    def aggregate(self, node: t.Func, evaluate: Callable[[t.Node], Vec]) -> Vec:
        raise TypeError("series have no aggregates")  # pragma: no cover

    def target(self, node: t.StatedTarget) -> tuple[Vec, Mask]:
        """The end of each year's stated target the comparison reads, and where it is
        exclusive."""
        stated = self.targets[node.id]
        return stated.side(node), stated.strict(node)

    def _published_first(self, rate: str, computed: Vec) -> Vec:
        """A growth rate as the report states it where it does (the same-basis figure
        offices publish), computed from the levels only in the other years; a rate stated
        as `6以上` is unknown here, for the reasoning over its bounds."""
        published = self.matrices[rate]
        exact = published.known_mask()
        stated = exact | self.withheld.get(rate, np.zeros_like(exact))
        values = np.where(exact, published.values.astype(float), computed.values)
        error = None if computed.error is None else computed.error & ~stated
        return Vec(values, exact | (computed.known_mask() & ~stated),
                   error if error is not None and error.any() else None)

    def year_index(self, year: int) -> int:
        return int(year - self.years[0])

    def series(self, node: t.Func, operand: Vec) -> Vec:
        values = operand.values.astype(float)
        known = operand.known_mask()
        if node.name == "prev":
            return _shift(values, known)
        if node.name == "growth":
            previous = _shift(values, known)
            computed = _ratio_percent(values, known, previous.values, previous.known_mask())
            if node.reported is None:
                return computed
            return self._published_first(node.reported.id, computed)
        assert node.years is not None
        start = self.year_index(node.years.start)
        end = self.year_index(node.years.end)
        if node.name == "total":
            return self._total(values, known, start, end)
        return self._cagr(values, known, start, root=node.name == "cagr")

    def _total(self, values: Array, known: Mask, start: int, end: int) -> Vec:
        """Cumulative sum from `start` up to each year (capped at `end`); before start: 0."""
        shape = values.shape
        out = np.zeros(shape)
        out_known = np.zeros(shape, bool)
        if 0 <= start - 1 < shape[1]:
            out_known[:, start - 1] = True
        running = np.zeros(shape[0])
        running_known = np.ones(shape[0], bool)
        for column in range(max(start, 0), shape[1]):
            if column <= end:
                running = running + np.where(known[:, column], values[:, column], 0.0)
                running_known = running_known & known[:, column]
            out[:, column] = running
            out_known[:, column] = running_known
        return Vec(out, out_known)

    def _cagr(self, values: Array, known: Mask, start: int, root: bool = True) -> Vec:
        """Growth from the level of year `start`, a year at a time (`cagr`, `root`) or in
        all (`change`: 0 % in the base year itself)."""
        shape = values.shape
        if not 0 <= start < shape[1]:
            return Vec(np.full(shape, np.nan), np.zeros(shape, bool))
        base = values[:, [start]]
        base_known = known[:, [start]]
        spans = np.arange(shape[1]) - start
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = values / base
            power = 1.0 / np.where(spans > 0, spans, 1) if root else 1.0
            growth = (np.power(ratio, power) - 1.0) * 100.0
        both = known & base_known & ((spans > 0) if root else (spans >= 0))[None, :]
        undefined = both & ((base == 0) | (ratio < 0))  # from zero, or across a sign change
        ok = both & ~undefined  # a fall to zero is a growth of -100 %
        return Vec(np.where(ok, growth, np.nan), ok | undefined,
                   undefined if undefined.any() else None)

    def trend(self, operand: Vec, rises: bool) -> Vec:
        previous = _shift(operand.values.astype(float), operand.known_mask())
        current = operand.values.astype(float)
        values = current > previous.values if rises else current < previous.values
        return Vec(values, operand.known_mask() & previous.known_mask())


def _shift(values: Array, known: Mask) -> Vec:
    shifted = np.full(values.shape, np.nan)
    shifted_known = np.zeros(values.shape, bool)
    shifted[:, 1:] = values[:, :-1]
    shifted_known[:, 1:] = known[:, :-1]
    return Vec(shifted, shifted_known)


def _ratio_percent(values: Array, known: Mask, base: Array, base_known: Mask) -> Vec:
    zero = base_known & (base == 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        growth = (values / np.where(zero, 1.0, base) - 1.0) * 100.0
    ok = known & base_known & ~zero
    undefined = zero & known
    return Vec(np.where(ok, growth, np.nan), ok | undefined,
               undefined if undefined.any() else None)
