"""`check` and the evaluation table give a pending target the same word (issue 10 item 7).

The series verdict (an outcome's trajectory) and the table's status of the same rule for
the same subject are decided by one judgement: a level or a total met before its deadline
is `achieved`; a rate over the period, a trend or a relation met so far is `on_track`
(the period is not over); one not met is `lagging`, with no straight line to ride; a
level short of its target rides the line from its base.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import pytest

from checker import result as r
from checker.engine.evaluate import evaluate
from checker.pipeline import check_with
from checker.syntax.suite import load_suite
from checker.types.typecheck import typecheck
from tests.e2e.test_complete_data_decides import complete_series
from tests.helpers import checked_from

RULES = """
rule GROW-01 { require cagr(general_budget_revenue, 2020..2025) >= 5 % by 2025 }
rule GROW-02 { require cagr(per_capita_disposable_income, 2020..2025) >= 8 % by 2025 }
rule GROW-03 { require growth(general_budget_revenue) >= 4 % by 2025 }
rule TREND-01 { require pm25_annual_mean <= prev(pm25_annual_mean) by 2025 }
rule REL-01 { require per_capita_disposable_income_growth >= gdp_growth - 0.5 % by 2025 }
rule LEVEL-01 { require bus_stop_500m_coverage >= 90 % by 2025 }
rule LEVEL-02 { require urban_green_coverage > 46.89 % by 2025 }
rule CAP-01 { require urban_rural_construction_land <= 319 km2 each year in 2021..2025 }
rule MILE-01 { require national_forest_city by 2025 }
"""

Row = tuple[str, int, object]


class Data:
    """Plan data as the loader gives it: actuals of the plan's region."""

    def __init__(self, rows: Sequence[Row]) -> None:
        self.frame = pd.DataFrame([(i, "大兴区", y, v, "actual") for i, y, v in rows],
                                  columns=["indicator", "region", "year", "value", "kind"])

    def origin(self, index: int) -> r.Location:
        return r.Location.of("data.csv", index + 2, row=True)


ROWS: list[Row] = [
    ("general_budget_revenue", 2020, 100.0), ("general_budget_revenue", 2022, 112.0),
    ("general_budget_revenue", 2023, 118.0),   # cagr 5.7 % so far; 2023 growth 5.4 %
    ("per_capita_disposable_income", 2020, 100.0),
    ("per_capita_disposable_income", 2023, 112.0),   # cagr 3.8 %: short of 8 %
    ("pm25_annual_mean", 2022, 32.0), ("pm25_annual_mean", 2023, 34.0),   # rose in 2023
    ("gdp_growth", 2023, 5.2), ("per_capita_disposable_income_growth", 2023, 5.0),
    ("bus_stop_500m_coverage", 2020, 80.0), ("bus_stop_500m_coverage", 2023, 82.0),
    ("urban_green_coverage", 2020, 46.89), ("urban_green_coverage", 2023, 47.2),
    ("urban_rural_construction_land", 2021, 318.6),
    ("urban_rural_construction_land", 2022, 318.2),
    ("urban_rural_construction_land", 2023, 317.9),
    ("national_forest_city", 2023, True),
]

EXPECTED = {
    "GROW-01": "on_track",    # a rate met so far: never done before the period ends
    "GROW-02": "lagging",     # a rate short of its target: no line to ride
    "GROW-03": "on_track",
    "TREND-01": "lagging",    # 34 > 32: the trend does not hold in 2023
    "REL-01": "on_track",     # 5 >= 5.2 - 0.5
    "LEVEL-01": "lagging",    # 20 % of the way in 60 % of the time
    "LEVEL-02": "achieved",   # met before the deadline
    "CAP-01": "on_track",     # held every year so far; the years to come must hold too
    "MILE-01": "achieved",    # a milestone reached is reached
}


def judged(rows: Sequence[Row], as_of: int = 2023) -> tuple[dict[str, r.Outcome],
                                                           dict[str, set[r.Status]]]:
    result = evaluate(checked_from(RULES), {}, Data(rows), as_of=as_of)
    outcomes = {o.rule: o for o in result.outcomes if o.subject == "大兴区"}
    table: dict[str, set[r.Status]] = {}
    for row in result.indicators:
        if row.subject == "大兴区":
            for target in row.targets:
                if target.status is not None:
                    table.setdefault(target.rule, set()).add(target.status)
    return outcomes, table


@pytest.mark.parametrize(("rule", "trajectory"), EXPECTED.items())
def test_the_series_verdict_and_the_table_give_the_same_word(rule: str,
                                                             trajectory: str) -> None:
    outcomes, table = judged(ROWS)
    found = outcomes[rule]
    assert (found.outcome, found.trajectory) == ("pending", trajectory), found.message
    assert table[rule] == {trajectory}


def test_a_growth_rate_rule_met_so_far_is_on_track_in_both_never_achieved() -> None:
    outcomes, table = judged(ROWS)
    assert outcomes["GROW-01"].trajectory == "on_track"
    assert table["GROW-01"] == {"on_track"}
    assert "achieved" not in {outcomes[g].trajectory for g in ("GROW-01", "GROW-02", "GROW-03")}


def test_a_level_short_of_its_target_states_its_line_in_the_table() -> None:
    result = evaluate(checked_from(RULES), {}, Data(ROWS), as_of=2023)
    [row] = [x for x in result.indicators if x.indicator == "bus_stop_500m_coverage"]
    [target] = row.targets
    assert (target.status, target.reason) == ("lagging", "20% of the way from 2020 in 3 of 5 years")
    assert target.facts is not None and (target.facts.done, target.facts.elapsed) == (0.2, 0.6)


def test_on_the_complete_bundled_series_every_pending_verdict_is_the_tables_worst() -> None:
    # The bundled suite on a figure for every year: each pending outcome's trajectory is
    # the worst status the table gives the same rule's targets for the same subject.
    rank = ("lagging", "no_baseline", "on_track", "ahead", "achieved")
    checked = typecheck(load_suite().suite)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "complete.csv"
        complete_series(checked, path)
        result = check_with(checked, [path], as_of=2023, max_findings=None)
    table: dict[tuple[str, str], list[r.Status]] = {}
    for row in result.indicators:
        for target in row.targets:
            if target.status in rank:
                table.setdefault((target.rule, row.subject), []).append(target.status)
    pending = [o for o in result.outcomes if o.outcome == "pending" and o.trajectory]
    assert len(pending) > 20
    for o in pending:
        worst = min(table[(o.rule, o.subject)], key=rank.index)
        assert rank.index(o.trajectory or "lagging") == rank.index(worst) or \
            {o.trajectory, worst} <= {"ahead", "achieved"}, (o.rule, o.trajectory, worst)
