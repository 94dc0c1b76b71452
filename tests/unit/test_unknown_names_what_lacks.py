"""An outcome with no figure in the plan years names the indicator that has none.

ECON-03 compares income growth with GDP growth each year.  The annual plans state GDP
growth targets (2022 `6以上`, 2023 `4.5以上`) but income growth only in words
(`稳步提升`), so the targets' outcome is unknown — and it said `no data between 2021 and
2023` although GDP's targets are there, and listed GDP among the missing values.  It now
names the one with no figure, in the message and the evidence.
"""

from __future__ import annotations

from pathlib import Path

from checker.pipeline import check_with
from checker.syntax.suite import load_suite
from checker.types.typecheck import typecheck

HEAD = "indicator,region,year,value,unit,kind,basis\n"


def test_the_targets_outcome_names_the_indicator_with_no_target(tmp_path: Path) -> None:
    path = tmp_path / "targets.csv"
    path.write_text(HEAD + "gdp_growth,大兴区,2022,6以上,%,target,扣除疫苗\n"
                           "gdp_growth,大兴区,2023,4.5以上,%,target,\n", encoding="utf-8")
    result = check_with(typecheck(load_suite().suite), [path], as_of=2024, max_findings=None)
    (found,) = [o for o in result.outcomes if o.rule == "ECON-03" and "target" in o.subject]
    assert found.outcome == "unknown"
    assert found.message == ("cannot decide: no target of per_capita_disposable_income_growth "
                             "between 2021 and 2023")
    assert found.evidence is not None
    assert found.evidence.missing == ["per_capita_disposable_income_growth"]


def test_with_no_figure_of_any_indicator_it_still_says_no_data(tmp_path: Path) -> None:
    path = tmp_path / "none.csv"
    path.write_text(HEAD + "urban_green_coverage,大兴区,2020,46.89,%,actual,\n"
                           "pm25_annual_mean,大兴区,2022,32,μg/m³,actual,\n", encoding="utf-8")
    result = check_with(typecheck(load_suite().suite), [path], as_of=2024, max_findings=None)
    (found,) = [o for o in result.outcomes if o.rule == "GREEN-01" and o.subject == "大兴区"]
    assert found.message == ("due 2025; 46.89% in 2020: no baseline "
                             "(no data between 2021 and 2024)")
