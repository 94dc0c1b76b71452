"""Did-you-mean for a misspelt unit (friction6 #5): `1300 公理` of a length suggests `公里`,
and where the dimension is not known a tie between a length and an area suggests nothing."""

from __future__ import annotations

import pytest

from checker.types.units import UnitTable
from tests.helpers import checked_from, raised_diagnostics, the_only
from tests.unit.test_load_records import daxing

RAIL = """
indicator rail_length "轨道交通里程" {
  unit km
  range >= 0
  kind anticipatory
  direction up
}
"""


def _units() -> UnitTable:
    return daxing()[1]


def _t208(rule: str) -> str:
    found = the_only([d for d in raised_diagnostics(checked_from, RAIL + rule)
                      if d.code == "T208"])
    return found.help


@pytest.mark.parametrize(("rule", "help"), [
    ("rule R { require rail_length >= 1300 公理 by 2025 }", "did you mean `公里`?"),
    ("rule R { require total(rail_length, 2021..2025) >= 1300 公理 by 2025 }",
     "did you mean `公里`?"),
    ("rule R { require urban_rural_construction_land <= 300 公理 by 2025 }",
     "did you mean `公顷`?"),
])
def test_a_typo_is_read_in_the_dimension_the_comparison_needs(rule: str, help: str) -> None:
    assert _t208(rule) == help


def test_without_a_dimension_a_tie_between_dimensions_suggests_nothing() -> None:
    """`公理` is one character from `公里` (length) and `公顷` (area): no guess, the advice
    to declare it instead."""
    units = _units()
    assert units.close("公理") == ""
    assert units.suggest("公理").startswith("declare it as an exact multiple")
    help = the_only([d for d in raised_diagnostics(checked_from, RAIL.replace(
        "unit km", "unit 公理")) if d.code == "T208"]).help
    assert "did you mean" not in help


def test_one_edit_away_from_a_single_unit_is_suggested_without_a_dimension() -> None:
    units = _units()
    assert units.close("平方公裏") == "did you mean `平方公里`?"


def test_a_multiplier_is_never_a_typo_within_the_dimension_either() -> None:
    """issue 13: `亿m³` is 10⁸ m³, to be declared, never `did you mean m³?`."""
    units = _units()
    help = units.close("亿m³", units.units["m3"].dimension)
    assert "not a typo" in help and "did you mean" not in help


@pytest.mark.parametrize("rule", [
    # the constant on the left of the comparison (friction6 open item b)
    "rule R { require 1300 公理 <= rail_length by 2025 }",
    "rule R { require -5 公理 < rail_length by 2025 }",
    # a `between` written as two comparisons, and min/max and sums of the two sides
    "rule R { require rail_length >= 1000 km and rail_length <= 1300 公理 by 2025 }",
    "rule R { require min(rail_length, 1300 公理) >= 1000 km by 2025 }",
    "rule R { require rail_length + 5 公理 >= 1000 km by 2025 }",
])
def test_a_typo_on_either_side_is_read_in_the_other_sides_dimension(rule: str) -> None:
    assert _t208(rule) == "did you mean `公里`?"


def test_a_typo_in_a_where_clause_is_read_in_the_fields_dimension() -> None:
    rule = ("rule R {\n  for each project\n  where land_area >= 5 公理\n"
            "  require new_construction_land <= 1 km2\n}")
    assert _t208(rule) == "did you mean `公顷`?"
    flipped = rule.replace("land_area >= 5 公理", "5 公理 <= land_area")
    assert _t208(flipped) == "did you mean `公顷`?"


def test_a_typo_in_a_range_is_read_in_the_indicators_dimension() -> None:
    text = RAIL.replace("range >= 0", "range 0 km..5000 公理")
    found = the_only([d for d in raised_diagnostics(checked_from, text) if d.code == "T208"])
    assert found.help == "did you mean `公里`?"


def test_a_typo_in_a_given_data_line_is_read_in_the_indicators_dimension() -> None:
    """`given data … = 1300 公理` of a length: T245 says `公里` (without the dimension the
    tie with `公顷` suggested nothing)."""
    from checker.tester.givens import read_givens

    text = RAIL.replace("range >= 0", "range >= 0 km") + (
        'rule R { require rail_length >= 1300 km by 2025 }\n'
        'test "t" {\n  given data rail_length 大兴区 2025 = 1300 公理\n'
        "  expect R pass\n}\n")
    checked = checked_from(text)
    problems = read_givens(checked, checked.tests[0])
    assert isinstance(problems, list)
    assert [(d.code, d.help) for d in problems] == [("T245", "did you mean `公里`?")]
