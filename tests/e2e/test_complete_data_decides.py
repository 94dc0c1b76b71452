"""With a figure for every year, the bundled suite decides (issue 10: "most outcomes that
read a real series are decided rather than unknown").

The real fixtures leave most rules unknown because the public record has gaps (no 2021
PM2.5, no 2023 execution report); this shows the gaps are the reason, not the rules: given
a complete series 2015–2024 of every indicator for the plan's region, no outcome about that
region is unknown — each is a pass, a fail or pending with its trajectory.
"""

from __future__ import annotations

import csv
from pathlib import Path

from checker import result as r
from checker.pipeline import check_with
from checker.syntax.suite import load_suite
from checker.types import typed as t
from checker.types.typecheck import typecheck


def complete_series(checked: t.CheckedSuite, path: Path) -> None:
    """A figure in every year for every indicator: mid-range, a step a year its good way."""
    with path.open("w", newline="", encoding="utf-8") as out:
        table = csv.writer(out)
        table.writerow(["indicator", "region", "year", "value", "unit"])
        for ident, spec in checked.indicators.items():
            for year in range(2015, 2025):
                table.writerow([ident, checked.plan.region, year, *_figure(spec, year - 2015)])


def _figure(spec: t.IndicatorSpec, step: int) -> tuple[str, str]:
    if spec.scale is not None:
        return spec.scale.items[len(spec.scale.items) // 2], ""
    if spec.unit is None:
        return "true", ""
    low = float(spec.low) if spec.low is not None else 0.0
    high = float(spec.high) if spec.high is not None else low + 100
    way = {"up": 1, "down": -1, "none": 0}[spec.direction]
    middle = (low + high) / 2
    value = int(middle) + step * way if spec.whole else round(middle + 0.1 * step * way, 3)
    return str(value), spec.unit.symbol


def test_no_outcome_about_the_plans_region_is_unknown_on_complete_data(tmp_path: Path) -> None:
    checked = typecheck(load_suite().suite)
    complete_series(checked, tmp_path / "complete.csv")
    result = check_with(checked, [tmp_path / "complete.csv"], as_of=2024,
                        max_findings=None)
    ours = [o for o in result.outcomes if o.subject.startswith(checked.plan.region)]
    unknown = [(o.rule, o.message) for o in ours if o.outcome == "unknown"]
    assert unknown == []
    decided: set[r.OutcomeKind] = {o.outcome for o in ours}
    assert decided <= {"pass", "fail", "pending", "not_applicable"}
    assert len(ours) > 60
