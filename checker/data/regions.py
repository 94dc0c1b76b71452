"""Region names of plan data against the regions a suite knows.

In: a plan-data table's region column and the suite's regions (the plan's, and those
its rules name).  Out: a D344 per row whose region is one edit from a known region, or
a known region cut short (`大兴` for `大兴区`): such a row would silently fall outside
every rule.  Any other region is a region the suite does not check (said in the notes
by the engine).  Imports `diagnostics`, `data.problems`, `data.records`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from checker.data.problems import Problems
from checker.data.records import report_cells
from checker.data.values import Problem
from checker.diagnostics import close_to_any, did_you_mean
from checker.source import Span


def report_region_typos(regions: pd.Series[Any], known: Collection[str],
                        span: Callable[[int], Span], report: Problems,
                        good: npt.NDArray[np.bool_]) -> None:
    """D344 for regions that look like a misspelt known region."""
    if not known:
        return
    names = regions.str.strip()
    typos = {name for name in names.dropna().unique().tolist()
             if name not in known and _looks_like(str(name), known)}
    if not typos:
        return
    rows = np.flatnonzero(names.isin(typos).to_numpy(dtype=bool, na_value=False))
    good[rows] = False

    def why(position: int) -> Problem:
        name = str(names.iloc[position])
        listed = ", ".join(f"`{k}`" for k in sorted(known)[:8])
        return Problem("D344", f"unknown region `{name}`", did_you_mean(name, known)
                       or f"regions of the suite: {listed}", "not a region of the suite")

    report_cells(report, rows, why, span, "column `region`")


def _looks_like(name: str, known: Collection[str]) -> bool:
    return close_to_any(name, known, edits=1) or any(
        k.startswith(name) and len(name) >= 2 for k in known)
