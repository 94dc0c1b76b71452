"""Partial results of one batch of records, merged exactly across batches and partitions.

In: the `Vec`s a rule produced over one batch.  Out: small picklable values that
merge in any order and give the same bits as evaluating the whole input at once —
counts, the first listed outcomes in id order, and the aggregates of `for all` rules.
Sums are exact (`ExactSum`: the integer mantissas of float64 values added as Python
integers, rounded once at the end), so a sum does not depend on where batches or
partitions split the rows, nor on row order.  Imports `ops`, `result`; numpy.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any

import numpy as np

from checker import result as r
from checker.engine.ops import Array, Evaluator, Mask, Vec
from checker.types import typed as t

_LIMB = 26  # bits per limb of a 53-bit mantissa
_ROWS = 1 << 26  # a float64 bincount of limbs stays exact up to this many values


@dataclass(frozen=True)
class ExactSum:
    """Σ of float64 values as `mantissa * 2**exponent`, with non-finite values flagged."""

    mantissa: int = 0
    exponent: int = 0
    nan: bool = False
    inf: bool = False  # a +inf was added
    ninf: bool = False  # a -inf was added

    @staticmethod
    def of(values: Array) -> ExactSum:
        values = np.asarray(values, dtype=np.float64)
        finite = np.isfinite(values)
        nan, inf, ninf = False, False, False
        if not finite.all():
            nan = bool(np.isnan(values).any())
            inf = bool((values == np.inf).any())
            ninf = bool((values == -np.inf).any())
            values = values[finite]
        if not values.size:
            return ExactSum(0, 0, nan, inf, ninf)
        if values.size > _ROWS:
            whole = ExactSum(0, 0, nan, inf, ninf)
            for start in range(0, values.size, _ROWS):
                whole = whole + ExactSum.of(values[start:start + _ROWS])
            return whole
        fraction, power = np.frexp(values)
        mantissas = (fraction * 2.0 ** 53).astype(np.int64)  # exact: 53 bits
        powers = power.astype(np.int64) - 53
        low = int(powers.min())
        bins = powers - low
        high_part = np.bincount(bins, weights=(mantissas >> _LIMB).astype(np.float64))
        low_part = np.bincount(bins, weights=(mantissas & ((1 << _LIMB) - 1)).astype(np.float64))
        total: int = 0
        for offset in np.flatnonzero((high_part != 0) | (low_part != 0)).tolist():
            limb = (int(high_part[offset]) << _LIMB) + int(low_part[offset])
            total += limb << offset
        return ExactSum(total, low, nan, inf, ninf)

    def __add__(self, other: ExactSum) -> ExactSum:
        low = min(self.exponent, other.exponent)
        total = ((self.mantissa << (self.exponent - low))
                 + (other.mantissa << (other.exponent - low)))
        return ExactSum(total, low, self.nan or other.nan, self.inf or other.inf,
                        self.ninf or other.ninf)

    def value(self) -> float:
        """The sum rounded once (as numpy would for nan and infinities)."""
        if self.nan or (self.inf and self.ninf):
            return float("nan")
        if self.inf or self.ninf:
            return float("inf") if self.inf else float("-inf")
        try:
            return float(self.fraction())
        except OverflowError:  # beyond float64, as numpy's sum overflows
            return float("inf") if self.mantissa > 0 else float("-inf")

    def fraction(self) -> Fraction:
        if self.exponent >= 0:
            return Fraction(self.mantissa << self.exponent)
        return Fraction(self.mantissa, 1 << -self.exponent)


GAPS_NAMED = 10  # records named as missing a value of an aggregate; the rest are counted


@dataclass(frozen=True)
class Aggregate:
    """One aggregate (`count`, `sum`, `mean`, `min`, `max`) over the selected records."""

    name: str
    counted: int = 0  # count(): the selected rows; count(x): those where x is true
    size: int = 0  # values taken (sum, mean, min, max)
    total: ExactSum = field(default_factory=ExactSum)
    low: float | None = None
    high: float | None = None
    unknown: bool = False
    error: bool = False
    gaps: tuple[str, ...] = ()  # the first records (by id) whose value is missing
    gap_count: int = 0  # all of them

    def __add__(self, other: Aggregate) -> Aggregate:
        return Aggregate(self.name, self.counted + other.counted, self.size + other.size,
                         self.total + other.total, _pick(min, self.low, other.low),
                         _pick(max, self.high, other.high), self.unknown or other.unknown,
                         self.error or other.error,
                         tuple(sorted(self.gaps + other.gaps)[:GAPS_NAMED]),
                         self.gap_count + other.gap_count)

    def vec(self, unsure: bool) -> Vec:
        """The aggregate's value over everything merged (a shape-1 `Vec`)."""
        unknown = unsure or self.unknown
        if self.name == "count":
            return _scalar(float(self.counted), not unknown)
        if self.name == "sum":
            result = self.total.value()
        elif self.size == 0:
            return _scalar(np.nan, False)
        elif self.name == "mean":
            result = _mean(self.total, self.size)
        else:
            chosen = self.low if self.name == "min" else self.high
            result = float("nan") if chosen is None else chosen
        vec = _scalar(result, not unknown)
        return Vec(vec.values, vec.known, np.array([True]) if self.error else None)


def _mean(total: ExactSum, size: int) -> float:
    if total.nan or total.inf or total.ninf:
        return total.value() / size
    return float(total.fraction() / size)


def _pick(choose: Callable[[float, float], float], a: float | None,
          b: float | None) -> float | None:
    if a is None:
        return b
    if b is None:
        return a
    if a != a or b != b:  # nan wins, as in numpy
        return float("nan")
    return choose(a, b)


def aggregate_of(node: t.Func, args: list[Vec], chosen: Mask) -> Aggregate:
    """The partial aggregate of one batch over its `chosen` records, kept mergeable."""
    if node.name == "count":
        if not args:
            return Aggregate("count", counted=int(chosen.sum()))
        arg = args[0]
        truth = arg.values.astype(bool) & arg.known_mask() & chosen
        return Aggregate("count", counted=int(truth.sum()),
                         unknown=bool((~arg.known_mask() & chosen).any()))
    arg = args[0]
    values = arg.values[chosen].astype(float)
    low = high = None
    if values.size:
        low, high = float(values.min()), float(values.max())
    total = ExactSum.of(values) if node.name in ("sum", "mean") else ExactSum()
    return Aggregate(node.name, size=int(values.size), total=total, low=low, high=high,
                     unknown=bool((~arg.known_mask() & chosen).any()),
                     error=bool((arg.error_mask() & chosen).any()))


def _gaps(node: t.Func, args: list[Vec], chosen: Mask, records: object) -> dict[str, Any]:
    """Which selected records lack the aggregate's value: `P-7: new_construction_land`."""
    blank = np.zeros(len(chosen), dtype=bool)
    for arg in args:
        blank |= ~arg.known_mask()
    rows = np.flatnonzero(blank & chosen)
    ids: Sequence[str] = getattr(records, "ids", ()) or ()
    fields = ", ".join(dict.fromkeys(leaf.name for arg in node.args for leaf in t.leaves(arg)
                                     if isinstance(leaf, t.FieldRef)))

    def name(row: int) -> str:
        return str(ids[row]) if len(ids) > row else f"record {row + 1}"

    first = heapq.nsmallest(GAPS_NAMED, rows.tolist(), key=name)
    return {"gaps": tuple(f"{name(row)}: {fields}" for row in first), "gap_count": len(rows)}


def _scalar(value: float, known: bool) -> Vec:
    return Vec(np.array([value]), None if known else np.array([False]))


# ------------------------------------------------------------------ batch rules


@dataclass
class BatchPartial:
    """A `for all` rule over some records: the selection and each constraint's aggregates
    (in the order the evaluator asks for them)."""

    selected: int = 0
    uncertain: bool = False
    aggregates: list[list[Aggregate]] = field(default_factory=list)

    def __add__(self, other: BatchPartial) -> BatchPartial:
        if not self.aggregates:
            return other.copy(self.selected, self.uncertain)
        if not other.aggregates:
            return self.copy(other.selected, other.uncertain)
        merged = [[a + b for a, b in zip(mine, theirs, strict=True)]
                  for mine, theirs in zip(self.aggregates, other.aggregates, strict=True)]
        return BatchPartial(self.selected + other.selected, self.uncertain or other.uncertain,
                            merged)

    def copy(self, selected: int, uncertain: bool) -> BatchPartial:
        return BatchPartial(self.selected + selected, self.uncertain or uncertain,
                            [list(a) for a in self.aggregates])


class CollectEnv:
    """Evaluates a `for all` constraint over one batch only to collect its aggregates;
    the values it returns are placeholders (the rule is decided after the merge)."""

    shape: tuple[int, ...] = (1,)

    def __init__(self, records: object, chosen: Mask) -> None:
        self.records, self.chosen = records, chosen
        self.found: list[Aggregate] = []

    def field(self, name: str) -> Vec:  # pragma: no cover - typecheck keeps fields in aggregates
        raise TypeError("fields of a batch are read through aggregates")

    def indicator(self, ref: t.IndicatorRef) -> Vec:
        return Vec(np.array([0.0]))

    def aggregate(self, node: t.Func, evaluate: Callable[[t.Node], Vec]) -> Vec:
        inner = Evaluator(self.records)  # type: ignore[arg-type]
        args = [inner(a) for a in node.args]
        found = aggregate_of(node, args, self.chosen)
        if found.unknown:
            found = replace(found, **_gaps(node, args, self.chosen, self.records))
        self.found.append(found)
        return Vec(np.array([0.0]))

    def series(self, node: t.Func, operand: Vec) -> Vec:  # pragma: no cover
        raise TypeError("a batch has no series")

    def trend(self, operand: Vec, rises: bool) -> Vec:  # pragma: no cover
        raise TypeError("a batch has no series")

    def target(self, node: t.StatedTarget) -> tuple[Vec, Mask]:  # pragma: no cover
        raise TypeError("a batch has no series")


class MergedEnv:
    """A whole input as one subject, from merged aggregates (shape 1)."""

    shape: tuple[int, ...] = (1,)

    def __init__(self, aggregates: list[Aggregate], unsure: bool,
                 lookup: Callable[[t.IndicatorRef], tuple[float | None, int | None]]) -> None:
        self.queue, self.unsure, self.lookup = list(aggregates), unsure, lookup
        self.used_years: dict[str, int | None] = {}

    def field(self, name: str) -> Vec:  # pragma: no cover - typecheck keeps fields in aggregates
        raise TypeError("fields of a batch are read through aggregates")

    def indicator(self, ref: t.IndicatorRef) -> Vec:
        value, year = self.lookup(ref)
        self.used_years[ref.id] = year
        if value is None:
            return Vec(np.array([np.nan]), np.array([False]))
        return Vec(np.array([value]))

    def aggregate(self, node: t.Func, evaluate: Callable[[t.Node], Vec]) -> Vec:
        return self.queue.pop(0).vec(self.unsure)

    def series(self, node: t.Func, operand: Vec) -> Vec:  # pragma: no cover
        raise TypeError("a batch has no series")

    def trend(self, operand: Vec, rises: bool) -> Vec:  # pragma: no cover
        raise TypeError("a batch has no series")

    def target(self, node: t.StatedTarget) -> tuple[Vec, Mask]:  # pragma: no cover
        raise TypeError("a batch has no series")


# ------------------------------------------------------------------ record rules


@dataclass
class Listed:
    """An outcome a run may list, with what decides whether and where it is listed."""

    subject: str
    reported: bool  # fail, unknown, error or waived: listed in a big run too
    outcome: r.Outcome


@dataclass
class RecordPartial:
    """A `for each` rule over some records: outcome counts and candidate listings.

    `listed` holds every row's outcome while the run may still list them all
    (`complete`); after that, only reported outcomes, the first `limit` in id order.
    """

    counts: list[int]
    listed: list[Listed]
    complete: bool

    def __add__(self, other: RecordPartial) -> RecordPartial:
        counts = [a + b for a, b in zip(self.counts, other.counts, strict=True)]
        return RecordPartial(counts, self.listed + other.listed,
                             self.complete and other.complete)

    def trimmed(self, limit: int | None) -> RecordPartial:
        """Only what a big run lists: reported outcomes, the first `limit` by id."""
        kept = sorted((item for item in self.listed if item.reported), key=lambda i: i.subject)
        if limit is not None:
            kept = kept[:limit]
        return RecordPartial(self.counts, kept, False)

    def threshold(self, limit: int | None) -> str | None:
        """The largest id still listed once `limit` are kept (rows above it cannot be)."""
        if limit is None or self.complete or len(self.listed) < limit or not limit:
            return None
        return self.listed[-1].subject
