"""A qualified figure (`4.5左右`) read through the plan header's `about within 5% relative`
decides its year of an each-year rule, even when another year is missing (friction
round 9, item 10): only the missing year is undecided and named."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.pipeline import check_with
from checker.types import typed as t
from checker.types.cached import load_checked

HEALTH = Path(__file__).resolve().parent.parent / "data" / "suites" / "friction9-health"
HEAD = "indicator,region,year,value,unit,source,kind\n"


@pytest.fixture(scope="module")
def checked() -> t.CheckedSuite:
    return load_checked([HEALTH], use_cache=False)[1]


def infant(checked: t.CheckedSuite, tmp_path: Path, rows: dict[int, str]) -> tuple[str, str]:
    path = tmp_path / "data.csv"
    path.write_text(HEAD + "".join(f"infant_mortality,示例市,{y},{v},‰,示例,actual\n"
                                   for y, v in rows.items()), encoding="utf-8")
    result = check_with(checked, [path], as_of=2023)
    [found] = [o for o in result.outcomes if o.rule == "INFANT-01"]
    return found.outcome, found.message


def test_the_header_tolerance_reaches_each_year_rules(checked: t.CheckedSuite) -> None:
    spec = checked.indicators["infant_mortality"]
    assert spec.about is not None and spec.about.relative and spec.about.amount == 5


def test_a_tolerated_figure_decides_its_year_and_only_the_gap_is_named(
        checked: t.CheckedSuite, tmp_path: Path) -> None:
    outcome, message = infant(checked, tmp_path, {2020: "5.4", 2021: "5.0", 2023: "4.5左右"})
    assert outcome == "unknown"
    assert message.startswith("cannot decide for 2022 (missing: infant_mortality (2022);")
    assert "infant_mortality (2023) = 4.5‰左右" in message
    assert "2022, 2023" not in message


def test_with_no_gap_it_is_judged(checked: t.CheckedSuite, tmp_path: Path) -> None:
    outcome, message = infant(checked, tmp_path,
                              {2020: "5.4", 2021: "5.0", 2022: "4.8", 2023: "4.5左右"})
    assert outcome == "pending" and "4.5‰左右 in 2023" in message


def test_a_figure_the_tolerance_leaves_on_both_sides_stays_undecided(
        checked: t.CheckedSuite, tmp_path: Path) -> None:
    # 5.3左右 is 5.035‰..5.565‰: some of it above 5.4‰
    _, message = infant(checked, tmp_path, {2020: "5.4", 2021: "5.0", 2023: "5.3左右"})
    assert message.startswith("cannot decide for 2022, 2023 (missing: infant_mortality "
                              "(2022), infant_mortality (2023);")
