"""Evaluation: outcomes, trajectories and evidence for records, batches and series."""

from __future__ import annotations

from typing import Any

import pytest

from checker import result as r
from checker.engine.evaluate import evaluate
from tests.helpers import Batch, Data, checked_from

RULES = """
rule NEV-01 "新能源作业车辆" {
  cite "第十一章" line 557: "新增或更换作业车辆主要采用新能源车型"
  kind binding because "大气污染防治要求"
  for each project
  where zone == 临空经济区 and new_operating_vehicles > 0
  read 主要采用 = 80 % because "主要 = 八成以上"
  require new_energy_vehicle_share >= 主要采用
}

rule RES-01 "战略留白" {
  kind binding
  for each project
  require not in_strategic_reserve
  unless strategic_reserve_approval is present label "战略留白审批" because "审批后可用"
}

rule LAND-02 "建设用地总量" {
  kind binding
  for all project
  require urban_rural_construction_land + sum(new_construction_land) <= 319 km2 at 2020
}

rule LAND-01 "城乡建设用地规模" {
  kind binding
  require urban_rural_construction_land <= 319 km2 each year in 2021..2025
}

rule BUS-01 {
  require bus_stop_500m_coverage >= 90 % by 2025
}

rule WASTE-01 {
  require total(new_waste_transfer_stations, 2021..2025) >= 13 by 2025
}

rule GROW-01 {
  require cagr(general_budget_revenue, 2020..2025) >= 5 % by 2025
}
"""


def run(records: list[dict[str, Any]] | None = None,
        data: list[tuple[str, str, int, float, str]] | None = None,
        as_of: int | None = 2022) -> r.Result:
    checked = checked_from(RULES)
    batches = {"project": Batch(checked.schemas["project"], records)} if records else {}
    return evaluate(checked, batches, Data(data) if data else None, as_of=as_of)


def outcomes(result: r.Result) -> dict[tuple[str, str], r.Outcome]:
    return {(o.rule, o.subject): o for o in result.outcomes}


def test_record_failure_states_observed_threshold_and_margin() -> None:
    result = run([{"id": "P1", "zone": "临空经济区", "new_operating_vehicles": 10,
                   "new_energy_vehicle_share": 70, "in_strategic_reserve": False}])
    found = outcomes(result)[("NEV-01", "P1")]
    assert (found.outcome, found.severity) == ("fail", "error")
    assert found.message == "70% < 80%, short by 10 percentage points, 12.5 %"
    assert found.evidence is not None
    assert [(c.role, c.value) for c in found.evidence.clauses] == [("guard", True),
                                                                   ("require", False)]
    assert found.origin is not None and found.origin.text == "test.yaml:1"


def test_missing_data_is_unknown_and_names_the_field() -> None:
    result = run([{"id": "P1", "zone": "临空经济区", "new_operating_vehicles": 10,
                   "in_strategic_reserve": False}])
    found = outcomes(result)[("NEV-01", "P1")]
    assert found.outcome == "unknown"
    assert found.evidence is not None and found.evidence.missing == ["new_energy_vehicle_share"]


@pytest.mark.parametrize(("approval", "reserve", "expected", "waived"), [
    ("京规2023-1", True, "pass", "战略留白审批"),
    (None, True, "fail", None),
    (None, None, "unknown", None),
    (None, False, "pass", None),
])
def test_labelled_exception(approval: str | None, reserve: bool | None, expected: str,
                            waived: str | None) -> None:
    result = run([{"id": "P1", "strategic_reserve_approval": approval,
                   "in_strategic_reserve": reserve}])
    found = outcomes(result)[("RES-01", "P1")]
    assert (found.outcome, found.waived_by) == (expected, waived)


def test_aggregate_adds_the_batch_to_the_plan_baseline() -> None:
    result = run([{"id": "P1", "new_construction_land": 0.5},
                  {"id": "P2", "new_construction_land": 1.2}],
                 [("urban_rural_construction_land", "大兴区", 2020, 318.0, "actual")])
    found = outcomes(result)[("LAND-02", "all project")]
    assert found.outcome == "fail"
    assert found.message == "319.7 km² > 319 km², over by 0.7 km², 0.22 %"


def test_aggregate_without_baseline_is_unknown() -> None:
    result = run([{"id": "P1", "new_construction_land": 0.5}],
                 [("bus_stop_500m_coverage", "大兴区", 2020, 80.0, "actual")])
    assert outcomes(result)[("LAND-02", "all project")].outcome == "unknown"


SERIES = [
    ("urban_rural_construction_land", "大兴区", 2021, 318.0, "actual"),
    ("urban_rural_construction_land", "大兴区", 2022, 320.5, "actual"),
    ("bus_stop_500m_coverage", "大兴区", 2020, 80.0, "actual"),
    ("bus_stop_500m_coverage", "大兴区", 2022, 82.0, "actual"),
    ("bus_stop_500m_coverage", "大兴区", 2022, 86.0, "target"),
    ("new_waste_transfer_stations", "大兴区", 2021, 3.0, "actual"),
    ("new_waste_transfer_stations", "大兴区", 2022, 4.0, "actual"),
    ("general_budget_revenue", "大兴区", 2020, 100.0, "actual"),
    ("general_budget_revenue", "大兴区", 2022, 112.0, "actual"),
]


def test_each_year_cap_fails_in_the_year_it_is_broken() -> None:
    found = outcomes(run(data=SERIES))[("LAND-01", "大兴区")]
    assert (found.outcome, found.message) == (
        "fail", "2022: 320.5 km² > 319 km², over by 1.5 km², 0.47 %")
    assert found.origin is not None and found.origin.text == "data.csv:row 3"


@pytest.mark.parametrize(("subject", "trajectory"), [
    ("大兴区", "lagging"),         # 82 % in 2022: 20 % of the way 80 → 90 in 40 % of the time
    ("大兴区 (target)", "ahead"),  # the annual plan's 86 %: 60 %, beyond the band of 10 points
])
def test_deadline_after_as_of_is_pending_with_a_trajectory(subject: str,
                                                           trajectory: str) -> None:
    found = outcomes(run(data=SERIES))[("BUS-01", subject)]
    assert (found.outcome, found.trajectory) == ("pending", trajectory)


@pytest.mark.parametrize(("value", "trajectory"), [
    (83.0, "lagging"), (83.5, "on_track"), (84.0, "on_track"), (84.5, "on_track"),
    (85.0, "ahead")])
def test_on_track_is_within_a_band_of_the_straight_line(value: float, trajectory: str) -> None:
    # 80 % (2020) → 90 % (2025): by 2022 the line is at 84 %; within 10 % of the planned
    # change (1 point) of it is 基本符合预期, beyond it 快于预期, short of it 滞后于预期.
    data = [("bus_stop_500m_coverage", "大兴区", 2020, 80.0, "actual"),
            ("bus_stop_500m_coverage", "大兴区", 2022, value, "actual")]
    assert outcomes(run(data=data))[("BUS-01", "大兴区")].trajectory == trajectory


def test_a_pending_target_with_no_earlier_value_has_no_baseline_not_lagging() -> None:
    # 82 % in 2022 only: no earlier value starts the line to 90 %, so no trajectory is judged.
    only_latest = [("bus_stop_500m_coverage", "大兴区", 2022, 82.0, "actual")]
    found = outcomes(run(data=only_latest))[("BUS-01", "大兴区")]
    assert (found.outcome, found.trajectory) == ("pending", "no_baseline")


def test_deadline_reached_without_data_is_unknown() -> None:
    found = outcomes(run(data=SERIES, as_of=2025))[("BUS-01", "大兴区")]
    assert (found.outcome, found.message) == (
        "unknown", "cannot decide for 2025 (missing: bus_stop_500m_coverage (2025))")


def test_cumulative_count_is_ahead_and_a_cagr_met_so_far_is_on_track() -> None:
    found = outcomes(run(data=SERIES))
    assert found[("WASTE-01", "大兴区")].trajectory == "ahead"  # 7 of 13 after 2 of 5 years
    # 5.83 % a year since 2020: a rate over the period is never done before its end
    assert found[("GROW-01", "大兴区")].trajectory == "on_track"


def test_series_rules_are_skipped_without_plan_data() -> None:
    result = run([{"id": "P1", "in_strategic_reserve": False}])
    assert {s.id for s in result.rules} == {"NEV-01", "RES-01", "LAND-02"}


def test_exit_code_follows_fail_on() -> None:
    result = run([{"id": "P1", "zone": "临空经济区", "new_operating_vehicles": 10,
                   "new_energy_vehicle_share": 70, "in_strategic_reserve": False}])
    assert result.summary.exit_code == 1


def test_big_batches_list_the_first_findings_in_id_order_and_count_all() -> None:
    checked = checked_from(RULES)
    rows = [{"id": f"P{i:03d}", "in_strategic_reserve": True} for i in range(50)][::-1]
    batch = Batch(checked.schemas["project"], rows)
    result = evaluate(checked, {"project": batch}, None, detail_limit=0, max_findings=5)
    listed = [o.subject for o in result.outcomes if o.rule == "RES-01"]
    summary = next(s for s in result.rules if s.id == "RES-01")
    assert listed == ["P000", "P001", "P002", "P003", "P004"]
    assert (summary.counts["fail"], summary.listed) == (50, 5)
    assert result.summary.exit_code == 1


def test_actuals_up_to_the_baseline_year_only_anchor_trajectories() -> None:
    baseline_only = [("bus_stop_500m_coverage", "大兴区", 2020, 80.0, "actual"),
                     ("bus_stop_500m_coverage", "大兴区", 2022, 86.0, "target")]
    found = outcomes(run(data=baseline_only))
    assert set(found) == {("BUS-01", "大兴区 (target)")}
    assert found[("BUS-01", "大兴区 (target)")].trajectory == "ahead"


def test_a_cumulative_target_without_any_data_is_unknown_not_lagging() -> None:
    found = outcomes(run(data=[("gdp_growth", "大兴区", 2021, 7.0, "actual")], as_of=2023))
    waste = found[("WASTE-01", "大兴区")]
    assert (waste.outcome, waste.trajectory) == ("unknown", None)


def revenue_outcome(require: str, values: dict[int, float], as_of: int) -> r.Outcome:
    """The one outcome of a one-constraint rule on general_budget_revenue in 大兴区."""
    checked = checked_from(f"rule G-1 {{\n  require {require}\n}}\n")
    data = Data([("general_budget_revenue", "大兴区", year, value, "actual")
                 for year, value in values.items()])
    (found,) = evaluate(checked, {}, data, as_of=as_of).outcomes
    return found


def test_growth_down_to_zero_is_minus_one_hundred_percent() -> None:
    found = revenue_outcome("cagr(general_budget_revenue, 2020..2025) < 0 % by 2025",
                            {2020: 6.4, 2025: 0.0}, 2025)
    assert found.outcome == "pass"


def test_an_unknown_growth_rate_names_the_missing_base_year() -> None:
    found = revenue_outcome("cagr(general_budget_revenue, 2015..2020) >= 9 % at 2020",
                            {2020: 120.0, 2021: 125.0}, 2021)
    assert found.outcome == "unknown"
    assert found.message == ("cannot decide for 2020 (missing: general_budget_revenue (2015); "
                             "known: general_budget_revenue (2020) = 120 亿元)")


def test_plan_data_no_rule_reads_is_noted_not_dropped() -> None:
    data = [("bus_stop_500m_coverage", "大兴区", 2022, 88.0, "target"),
            ("bus_stop_500m_coverage", "黄村镇", 2022, 85.0, "target"),
            ("heavy_pollution_days", "大兴区", 2022, 5.0, "actual")]
    result = run(data=data)
    assert result.notes == [
        "plan data for `大兴区` is not checked by any rule: `heavy_pollution_days`",
        "plan data for `黄村镇` is not checked by any rule: `bus_stop_500m_coverage`",
    ]


def test_baseline_indicators_are_not_noted_as_unchecked() -> None:
    result = run(data=[("g5_base_stations", "大兴区", 2020, 1800.0, "actual")])
    assert not [n for n in result.notes if "not checked by any rule" in n]
    # a table of base-year figures alone says why no region is judged
    assert [n[:44] for n in result.notes] == ["every figure of the plan data is an actual o"]


def test_a_plan_may_declare_its_own_on_track_band() -> None:
    # 83 % in 2022 on the line 80 → 90 (84 % due): 30 % of the way in 40 % of the time is
    # short of the default band (lagging at 10 points), within a declared band of 15.
    from dataclasses import replace

    checked = checked_from(RULES)
    data = Data([("bus_stop_500m_coverage", "大兴区", 2020, 80.0, "actual"),
                 ("bus_stop_500m_coverage", "大兴区", 2022, 83.0, "actual")])
    plain = outcomes(evaluate(checked, {}, data, as_of=2022))[("BUS-01", "大兴区")]
    wide = replace(checked, plan=replace(checked.plan, band=0.15))
    banded = outcomes(evaluate(wide, {}, data, as_of=2022))[("BUS-01", "大兴区")]
    assert (plain.trajectory, banded.trajectory) == ("lagging", "on_track")


def test_the_band_is_read_from_the_plan_header() -> None:
    from checker.syntax.unparse import unparse
    from tests.helpers import rule_file

    text = ('plan p {\n  period 2021..2025\n  region 大兴区\n'
            '  band 15% because "the city\'s midterm evaluation"\n}\n')
    assert unparse(rule_file(text)) == text
    checked = checked_from(text.replace("plan p", "plan q"), contract=False)
    assert checked.plan.band == 0.15
