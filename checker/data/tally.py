"""The account of every row of a plan-data table: how many were read, how many the
catalogue holds and how many it does not (each id named), and what the catalogued ones are
(whole years or parts of a year, qualified figures, bases, targets, repeats).

In: one table's loaded frame, its good and kept masks, the ids outside the catalogue.  Out:
a `Tally` whose `note` the result shows, so no row is ever unaccounted for: the parts add
up to the rows read.  Imports `periods`; numpy and pandas.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from checker.data.periods import MEAN_MARK

if TYPE_CHECKING:
    from checker.data.layouts import Layout


@dataclass(frozen=True)
class Tally:
    """`rows` = `catalogued` + sum(`outside`); of the catalogued, `repeats` were given
    twice with the same value and counted once, and `annual` + `parts` = the rest."""

    display: str
    wide: bool  # a wide table: one row of its long form per filled cell
    rows: int
    catalogued: int
    outside: tuple[tuple[str, int], ...]  # (id, rows) the catalogue does not hold
    repeats: int = 0
    annual: int = 0
    parts: int = 0  # of parts of a year (2022H1, 2022Q1, 2022-04)
    qualified: int = 0  # qualified figures (95以上, 突破1300, 5.0左右)
    based: int = 0  # on a stated basis (扣除疫苗)
    targets: int = 0
    by_name: int = 0  # naming their indicator by its display name or an alias
    headings: tuple[str, ...] = ()  # rows that head a section, not figures
    gaps: tuple[tuple[str, int], ...] = ()  # a long table's rows with no figure, by word
    table_rows: int = 0  # a wide table's rows as published (0: not known)
    footnotes: tuple[str, ...] = ()  # the notes under a table (`注：…`), rows, not figures
    spans: int = 0  # totals over several years (2021..2025: `2021—2025年累计`), not in `parts`
    means: int = 0  # means over several years (2021..2023avg: `2021-2023年均`), not in `parts`
    per_row: tuple[tuple[str, int], ...] = ()  # `年度目标 | 完成值`: rows by the figures they gave
    totals: tuple[tuple[str, int], ...] = ()  # total rows (`合计`) and the figures each gave
    region_totals: tuple[tuple[str, int], ...] = ()  # `合计`/`全区` regions read as the plan's
    region_subtotals: tuple[tuple[str, int], ...] = ()  # `小计` regions: set aside, not read

    @staticmethod
    def of(display: str, wide: bool, frame: pd.DataFrame, good: npt.NDArray[np.bool_],
           kept: npt.NDArray[np.bool_], outside: Mapping[str, int], by_name: int,
           layout: Layout | None = None) -> Tally:
        read = frame[kept & good]
        headings = tuple(layout.headings) if layout is not None else ()
        gaps = tuple(layout.gaps.items()) if layout is not None else ()
        footnotes = tuple(layout.footnotes) if layout is not None else ()
        per_row = tuple(layout.per_row) if layout is not None else ()
        totals = tuple(layout.totals) if layout is not None else ()
        region_totals = tuple(sorted(layout.region_totals.items())) if layout is not None else ()
        subtotals = tuple(sorted(layout.region_subtotals.items())) if layout is not None else ()

        def count(column: str, test: Any) -> int:
            return int(test(read[column]).sum()) if column in read.columns else 0

        parts = count("period", pd.Series.notna)
        spans = count("period", lambda p: p.astype("string").str.contains("..", regex=False)
                      .fillna(False).astype(bool))
        means = count("period", lambda p: p.astype("string").str.endswith(MEAN_MARK)
                      .fillna(False).astype(bool))
        rows = len(frame) + _rows_aside(wide, headings, gaps, footnotes, totals, subtotals)
        return Tally(display, wide, rows, int(good.sum()),
                     tuple(sorted(outside.items())), int((good & ~kept).sum()),
                     len(read) - parts, parts - spans, count("qualifier", pd.Series.notna),
                     count("basis", pd.Series.notna),
                     count("kind", lambda kinds: kinds == "target"), by_name, headings, gaps,
                     layout.rows if layout is not None and (wide or per_row) else 0, footnotes,
                     spans - means, means, per_row, totals, region_totals, subtotals)

    @property
    def note(self) -> str:
        """`data.csv: 30 rows read: 15 in the catalogue, 15 not (named: `a` 2, …); of the
        15: 13 of whole years, 2 of parts of a year; …`"""
        rows = (f", from {self.table_rows:,} row{'' if self.table_rows == 1 else 's'}"
                if self.table_rows else "")
        what = f"figures (a wide table: one per filled cell{rows})" if self.wide else "rows"
        if self.per_row:  # `年度目标 | 完成值`: the rows as published, and what each gave
            gave = ", ".join(f"{n:,} {'gives' if n == 1 else 'give'} {w}"
                             for w, n in self.per_row)
            what = f"figures (one per filled cell{rows}: {gave})"
        if self.rows == 1:
            what = "figure" if self.wide or self.per_row else "row"
        text = f"`{self.display}`: {self.rows:,} {what} read: {self.catalogued:,} in the catalogue"
        if self.outside:
            named = ", ".join(f"`{ident}` {rows:,}" for ident, rows in self.outside)
            aside = _rows_aside(self.wide, self.headings, self.gaps, self.footnotes,
                                self.totals, self.region_subtotals)
            text += f", {self.rows - self.catalogued - aside:,} not (named: {named})"
        else:
            text += ", 0 not"
        text += self._set_aside()
        if self.region_totals:
            rows = ", ".join(f"{n:,} row{'' if n == 1 else 's'} of `{word}`"
                             for word, n in self.region_totals)
            text += (f" ({rows} in the region column: the district's total, read as the "
                     "plan's region)")
        if not self.catalogued:
            return text
        shares = [f"{self.annual:,} of whole years", f"{self.parts:,} of parts of a year"]
        if self.spans:
            shares.append(f"{self.spans:,} total{'' if self.spans == 1 else 's'} over several "
                          "years")
        if self.means:
            shares.append(f"{self.means:,} mean{'' if self.means == 1 else 's'} over several "
                          "years")
        if self.repeats:
            shares.insert(0, f"{self.repeats:,} given twice with the same value, counted once")
        extras = [f"{n:,} {one if n == 1 else many}" for n, one, many in (
            (self.qualified, "qualified figure", "qualified figures"),
            (self.based, "on a stated basis", "on a stated basis"),
            (self.targets, "target", "targets"),
            (self.by_name, "read by an indicator's name", "read by an indicator's name")) if n]
        text += f"; of the {self.catalogued:,}: " + ", ".join(shares)
        return text + (f" ({', '.join(extras)})" if extras else "")

    def _set_aside(self) -> str:
        """`, 2 no figure (1 gap, 1 section heading: `一、经济发展`)`: rows that are no
        figure, so the parts add up; a wide table's headings are rows, not figures."""
        said = []
        gaps = sum(n for _, n in self.gaps)
        if gaps:
            words = ", ".join(f"`{w}` {n:,}" for w, n in self.gaps)
            said.append(f"{gaps:,} gap{'' if gaps == 1 else 's'} ({words})")
        if self.headings:
            shown = ", ".join(f"`{h}`" for h in self.headings[:5])
            more = f" and {len(self.headings) - 5:,} more" if len(self.headings) > 5 else ""
            one = len(self.headings) == 1
            said.append(f"{len(self.headings):,} section heading{'' if one else 's'}: "
                        f"{shown}{more}")
        if self.totals:
            one = len(self.totals) == 1
            figures = sum(n for _, n in self.totals)
            shown = ", ".join(f"`{name}` {n:,}" for name, n in self.totals[:5])
            more = f" and {len(self.totals) - 5:,} more" if len(self.totals) > 5 else ""
            said.append(f"{len(self.totals):,} total row{'' if one else 's'} with "
                        f"{figures:,} figure{'' if figures == 1 else 's'} ({shown}{more}): "
                        "sums of the rows above, no indicator's own, not read")
        if self.region_subtotals:
            count = sum(n for _, n in self.region_subtotals)
            shown = ", ".join(f"`{w}` {n:,}" for w, n in self.region_subtotals)
            said.append(f"{count:,} subtotal row{'' if count == 1 else 's'} in the region "
                        f"column ({shown}): sums of some regions, not the district's figure, "
                        "not read")
        if self.footnotes:
            one = len(self.footnotes) == 1
            shown = ", ".join(f"`{n[:24]}{'…' if len(n) > 24 else ''}`" for n in self.footnotes)
            said.append(f"{len(self.footnotes):,} note{'' if one else 's'} under the table: "
                        f"{shown}")
        if not said:
            return ""
        if self.wide:
            return f", besides {'; '.join(said)} (rows, not figures)"
        aside = _rows_aside(self.wide, self.headings, self.gaps, self.footnotes,
                            self.totals, self.region_subtotals)
        return f", {aside:,} no figure ({'; '.join(said)})"


def _rows_aside(wide: bool, headings: Sequence[str], gaps: Sequence[tuple[str, int]],
                footnotes: Sequence[str] = (), totals: Sequence[tuple[str, int]] = (),
                subtotals: Sequence[tuple[str, int]] = ()) -> int:
    """A long table's rows that hold no figure (section headings, totals, gap words,
    regions' subtotals), counted among its rows; a wide table's are rows, not figures, so
    none."""
    return 0 if wide else (len(headings) + sum(n for _, n in gaps) + len(footnotes)
                           + len(totals) + sum(n for _, n in subtotals))


def total_note(tallies: Sequence[Tally]) -> str | None:
    """One line adding up several tables; None for one."""
    if len(tallies) < 2:
        return None
    rows = sum(t.rows for t in tallies)
    catalogued = sum(t.catalogued for t in tallies)
    ids = {ident for t in tallies for ident, _ in t.outside}
    return (f"{len(tallies)} plan-data tables, {rows:,} rows read in all: {catalogued:,} in the "
            f"catalogue, {rows - catalogued:,} not ({len(ids):,} "
            f"id{'s' if len(ids) != 1 else ''} outside it)")
