"""Annual targets against actuals: `require gdp_growth >= target(gdp_growth) each year in …`.

An annual plan states a target for the year (`地区生产总值增长6%以上`) and the execution report
the year's actual (`增长3%`); the question is whether the actual met the target of its own
year.  In: the plan data's target rows (`kind target`) of one indicator for the subjects of a
rule.  Out: per subject × year, the target as an interval — a plain figure is one point, a
qualified one (`6%以上`, `5.0左右`, `5.0-5.5`) has the ends its words allow — with the basis it
was stated on, so the actual of that year is read on the same basis (`扣除疫苗`).  A year
without a stated target is not judged; one with a target and no actual stays unknown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from checker.engine.bounds import Bounds
from checker.engine.ops import Mask, Vec
from checker.types import typed as t

Cell = tuple[int, int]  # (subject row, year)


@dataclass(frozen=True)
class StatedTargets:
    """The targets of one indicator by subject row × year column (NaN where none)."""

    low: np.ndarray
    high: np.ndarray
    low_open: Mask
    high_open: Mask
    stated: Mask
    known: Mask  # stated with a number: a 左右 target without a tolerance is stated, unknown
    bases: dict[Cell, str] = field(default_factory=dict)  # cells stated on another basis
    texts: dict[Cell, str] = field(default_factory=dict)  # as published (`6%以上`)

    def side(self, node: t.StatedTarget) -> Vec:
        """The end a comparison reads: an open end is ±∞ (`6%以上` has no high end)."""
        if node.side == "low":
            return Vec(np.where(np.isnan(self.low), -np.inf, self.low), self.known)
        return Vec(np.where(np.isnan(self.high), np.inf, self.high), self.known)

    def strict(self, node: t.StatedTarget) -> Mask:
        """Where the end read is exclusive (`突破1300` is more than 1300)."""
        return self.low_open if node.side == "low" else self.high_open


def figures(points: dict[int, float | Bounds], row: int, first: int, out: StatedTargets,
            basis: str | None) -> None:
    """Write one subject's figures of one basis into `out` where no target is stated yet."""
    width = out.stated.shape[1]
    for year, figure in points.items():
        column = year - first
        if not 0 <= column < width or out.stated[row, column]:
            continue
        if isinstance(figure, Bounds):
            out.low[row, column] = np.nan if figure.low is None else figure.low
            out.high[row, column] = np.nan if figure.high is None else figure.high
            out.low_open[row, column] = figure.low_open
            out.high_open[row, column] = figure.high_open
            if figure.text:
                out.texts[(row, year)] = figure.text
            out.known[row, column] = figure.low is not None or figure.high is not None
        else:
            out.low[row, column] = out.high[row, column] = figure
            out.known[row, column] = True
        out.stated[row, column] = True
        if basis is not None:
            out.bases[(row, year)] = basis


def empty(rows: int, years: int) -> StatedTargets:
    shape = (rows, years)
    return StatedTargets(np.full(shape, np.nan), np.full(shape, np.nan), np.zeros(shape, bool),
                         np.zeros(shape, bool), np.zeros(shape, bool), np.zeros(shape, bool))


def targeted(node: t.Node) -> list[str]:
    """The indicators whose stated targets a constraint reads, sorted."""
    return sorted({found.id for found in t.stated_targets(node)})


def stated_of(node: t.Node, stated: Mapping[str, StatedTargets]
              ) -> list[tuple[t.StatedTarget, StatedTargets]]:
    """Each `target(x)` of a constraint with the targets it read."""
    return [(found, stated[found.id]) for found in t.stated_targets(node) if found.id in stated]


def due_years(years: Sequence[int], horizon: int, row: int, first: int,
              stated: Sequence[StatedTargets]) -> tuple[list[int], list[int]]:
    """(years up to the horizon with every target stated, later years with one stated)."""
    def all_stated(year: int) -> bool:
        column = year - first
        return all(0 <= column < s.stated.shape[1] and bool(s.stated[row, column])
                   for s in stated)

    due = [y for y in years if y <= horizon and all_stated(y)]
    later = [y for y in years if y > horizon and all_stated(y)]
    return due, later


def basis_of(stated: Sequence[StatedTargets], row: int, year: int) -> str | None:
    """The basis the year's target was stated on (the actual is read on it), None: default."""
    return next((s.bases[(row, year)] for s in stated if (row, year) in s.bases), None)


def on_basis(label: str, stated: Sequence[StatedTargets], row: int) -> str:
    """`x (2022)` → `x (2022, 扣除疫苗)` where the year's actual is read on its target's basis."""
    name, _, rest = label.rpartition(" (")
    year = rest.rstrip(")")
    basis = basis_of(stated, row, int(year)) if year.isdigit() and name else None
    return f"{name} ({year}, {basis})" if basis is not None else label


def shown(stated: StatedTargets, cell: Cell, text: str) -> str:
    """The end read, as a person reads it, with the published figure and its basis:
    `6 % (target 6以上, 扣除疫苗)`; a target without a number is shown as published."""
    published = stated.texts.get(cell)
    basis = stated.bases.get(cell)
    if text == "missing" and published:
        text, published = published, None
    said = ["target", *([published] if published else [])]
    return f"{text} ({' '.join(said)}{', ' + basis if basis else ''})"
