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
