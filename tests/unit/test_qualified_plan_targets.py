"""A subordinate plan's target stated only as a qualified figure (`35以下`, `5.1左右`,
`6以上`) is judged against the five-year rules like an exact one (issue 10: real annual
plans publish their targets so), never skipped for want of a single number."""

from __future__ import annotations

from pathlib import Path

from checker import result as r
from checker.data.load import load_plan_data
from checker.engine.evaluate import evaluate
from tests.helpers import checked_from
from tests.unit.test_annual_targets import HEADER


def run(tmp_path: Path, rows: list[str], as_of: int, rules: str) -> dict[str, r.Outcome]:
    """Outcomes by `RULE (target)` for the plan's region, as the subordinate plan states."""
    checked = checked_from(rules)
    path = tmp_path / "d.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    data = load_plan_data([path], checked.indicators, checked.units)
    result = evaluate(checked, {}, data, as_of=as_of)
    return {f"{o.rule} (target)": o for o in result.outcomes if o.subject == "大兴区 (target)"}

CAP = """
rule AIR "PM2.5 within the Class II limit" {
  cite "第一章" line 1: "x"
  kind binding because "约束性"
  require pm25_annual_mean <= 35 μg/m³ by 2025
}
"""


def test_a_qualified_target_within_the_cap_is_achieved(tmp_path: Path) -> None:
    found = run(tmp_path, ["pm25_annual_mean,大兴区,2020,37,μg/m³,actual,",
                           "pm25_annual_mean,大兴区,2022,34以下,μg/m³,target,"],
                as_of=2022, rules=CAP)
    assert found["AIR (target)"].outcome == "pending", found["AIR (target)"].message
    assert found["AIR (target)"].trajectory == "achieved"


def test_a_qualified_target_not_yet_within_the_cap_rides_the_line_at_its_worst_end(
        tmp_path: Path) -> None:
    # 36以下 may be 36: from 37 (2020) to 35 (2025), 36 is half the way in 40 % of the time
    found = run(tmp_path, ["pm25_annual_mean,大兴区,2020,37,μg/m³,actual,",
                           "pm25_annual_mean,大兴区,2022,36以下,μg/m³,target,"],
                as_of=2022, rules=CAP)
    target = found["AIR (target)"]
    assert (target.outcome, target.trajectory) == ("pending", "ahead"), target.message
    assert target.message == "due 2025; 36以下 μg/m³ in 2022: ahead"


def test_a_qualified_target_past_the_cap_fails(tmp_path: Path) -> None:
    rule = CAP.replace("by 2025", "each year in 2021..2025")
    found = run(tmp_path, ["pm25_annual_mean,大兴区,2020,37,μg/m³,actual,",
                           "pm25_annual_mean,大兴区,2022,36以上,μg/m³,target,"],
                as_of=2022, rules=rule)
    assert found["AIR (target)"].outcome == "fail", found["AIR (target)"].message
