"""A total over years whose figure is qualified (`15以上`) or missing is bounded, not open.

`total(new_shelter_area, 2021..2025) >= 64 万m²` (SAFE-03) adds up each year's new area.
Before, one year published as a floor (`15万m²以上`) left every later total unknown, so the
rule was unknown as of 2024 although 15 + 20 + 32 already exceeds 64.  Now such a total is
read at its least favourable end: a floor at its floor, a missing year after it at its
indicator's declared range end (a new area is at least 0), so the rule is pending with a
trajectory and its message gives the total as a bound.  A gap with no qualified figure is
read the same way (it was judged at the year before the gap, the later figures unread and
the gap unnamed): the latest year with a figure, the missing year counted at 0 and named.
"""

from __future__ import annotations

import functools
from pathlib import Path

from checker import result as r
from checker.pipeline import check_with
from checker.syntax.suite import load_suite
from checker.types import typed as t
from checker.types.typecheck import typecheck

HEAD = "indicator,region,year,value,unit,kind\n"


@functools.cache
def suite() -> t.CheckedSuite:
    return typecheck(load_suite().suite)


def safe03(tmp_path: Path, rows: str) -> r.Outcome:
    path = tmp_path / "shelters.csv"
    path.write_text(HEAD + rows, encoding="utf-8")
    result = check_with(suite(), [path], as_of=2024, max_findings=None)
    return next(o for o in result.outcomes if o.rule == "SAFE-03")


def test_a_floor_in_one_year_still_bounds_the_total(tmp_path: Path) -> None:
    found = safe03(tmp_path, "new_shelter_area,大兴区,2021,15以上,万m²,actual\n"
                             "new_shelter_area,大兴区,2022,20,万m²,actual\n"
                             "new_shelter_area,大兴区,2023,12,万m²,actual\n"
                             "new_shelter_area,大兴区,2024,32,万m²,actual\n")
    assert (found.outcome, found.trajectory) == ("pending", "achieved")
    assert "≥790000 m² in 2024" in found.message


def test_a_floor_short_of_the_target_is_placed_on_the_line_at_the_floor(
        tmp_path: Path) -> None:
    found = safe03(tmp_path, "new_shelter_area,大兴区,2021,5以上,万m²,actual\n"
                             "new_shelter_area,大兴区,2022,5,万m²,actual\n"
                             "new_shelter_area,大兴区,2024,5,万m²,actual\n")
    assert found.outcome == "pending"
    assert found.trajectory == "lagging"  # at least 15 of 64 in four years of five
    assert "≥150000 m² in 2024" in found.message


def test_a_missing_year_after_a_floor_counts_as_its_range_end(tmp_path: Path) -> None:
    found = safe03(tmp_path, "new_shelter_area,大兴区,2021,20以上,万m²,actual\n"
                             "new_shelter_area,大兴区,2022,20,万m²,actual\n"
                             "new_shelter_area,大兴区,2024,30,万m²,actual\n")
    assert (found.outcome, found.trajectory) == ("pending", "achieved")
    assert "≥700000 m² in 2024" in found.message


def test_a_ceiling_on_a_flow_leaves_a_floor_total_open(tmp_path: Path) -> None:
    found = safe03(tmp_path, "new_shelter_area,大兴区,2021,20,万m²,actual\n"
                             "new_shelter_area,大兴区,2022,5以内,万m²,actual\n"
                             "new_shelter_area,大兴区,2024,10,万m²,actual\n")
    # at worst 20 + 0 + 0 + 10 of 64: still a pending total, never a guessed 5
    assert found.outcome == "pending"
    assert "≥300000 m² in 2024" in found.message


def areas(tmp_path: Path, figures: dict[int, str]) -> r.Outcome:
    """SAFE-03 on the new area of each year given (万m²)."""
    return safe03(tmp_path, "".join(f"new_shelter_area,大兴区,{year},{area},万m²,actual\n"
                                    for year, area in figures.items()))


def test_a_gap_without_a_floor_is_judged_at_the_latest_figure(tmp_path: Path) -> None:
    found = areas(tmp_path, {2021: "11", 2022: "12", 2024: "13"})
    assert found.outcome == "pending"
    assert found.trajectory == "lagging"  # at least 36 of 64 in four years of five
    assert found.message == ("due 2025; ≥360000 m² in 2024: lagging "
                             "(new_shelter_area (2023) missing, counted as 0)")


def test_a_gap_whose_floor_already_meets_the_target_is_achieved(tmp_path: Path) -> None:
    found = areas(tmp_path, {2021: "30", 2022: "20", 2024: "15"})
    assert (found.outcome, found.trajectory) == ("pending", "achieved")
    assert "new_shelter_area (2023) missing, counted as 0" in found.message


def test_no_figure_in_the_latest_year_judges_the_year_before(tmp_path: Path) -> None:
    found = areas(tmp_path, {2021: "11", 2022: "12", 2023: "13"})
    assert found.message.startswith("due 2025; 36 万m² in 2023: ")
    assert "missing" not in found.message
