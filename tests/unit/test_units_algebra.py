"""Compound units by unit algebra (issue 10 item 5): a quotient or product of declared units
(`km/km2`, `m2/人`, `万元/人`, `吨/平方公里·月`) resolves without a declaration, with an exact
factor and a composite dimension; the same table reads rules, plan data and proposals."""

from __future__ import annotations

from fractions import Fraction
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker import result as r
from checker.data.load import load_plan_data, load_records
from checker.data.values import parse_quantity
from checker.diagnostics import DiagnosticError
from checker.engine.evaluate import evaluate
from checker.syntax import model as m
from checker.syntax.suite import load_suite
from checker.types import typed as t
from checker.types.typecheck import typecheck
from checker.types.unit_algebra import dimension_exponents, dimension_name
from checker.types.units import UnitTable
from tests.helpers import checked_from, raised_diagnostics, rule_file, suite_from, the_only

ROAD = """
indicator road_density "道路网密度" {
  unit m/m2
  range >= 0 m/m2
  kind anticipatory
  direction up
}

rule ROAD-01 "road network density" {
  cite "第一章" line 1: "道路网密度达到8公里/平方公里"
  kind anticipatory
  require road_density >= 8 km/km2 each year in 2021..2023
}
"""


@cache
def units() -> UnitTable:
    """The bundled suite's table (prelude and the suite's own units)."""
    return typecheck(load_suite().suite).units


def resolved(spelling: str) -> tuple[str, Fraction]:
    unit = units().resolve(spelling)
    assert unit is not None, spelling
    return unit.dimension, unit.factor


@pytest.mark.parametrize(("spelling", "dimension", "factor"), [
    ("km/km2", "length per area", Fraction(1, 1000)),
    ("m/m2", "length per area", Fraction(1)),
    ("公里/平方公里", "length per area", Fraction(1, 1000)),
    ("m2/人", "area per people", Fraction(1)),
    ("万元/人", "money per people", Fraction(10000)),
    ("kg/m2", "mass per area", Fraction(1, 1000)),
    ("人/km2", "people per area", Fraction(1, 10**6)),
    ("吨/平方公里·月", "mass per area·duration", Fraction(1, 10**6 * 30 * 1440)),
    ("t/(km²·30d)", "mass per area·duration", Fraction(1, 10**6 * 30 * 1440)),
    ("t/km2/30d", "mass per area·duration", Fraction(1, 10**6 * 30 * 1440)),
    ("kW·h/人", "duration·power per people", Fraction(60)),
    ("km/m", "one", Fraction(1000)),
    ("km·h/h", "length", Fraction(1000)),
    ("个/km2", "one per area", Fraction(1, 10**6)),
])
def test_a_quotient_or_product_of_declared_units_resolves_exactly(
        spelling: str, dimension: str, factor: Fraction) -> None:
    assert resolved(spelling) == (dimension, factor)


def test_compatible_compounds_convert_exactly() -> None:
    km, m = units().resolve("km/km2"), units().resolve("m/m2")
    assert km is not None and m is not None
    assert km.ratio_to(m) == Fraction(1000, 10**6)
    assert m.ratio_to(km) == 1000


def test_a_declared_quotient_and_its_algebraic_spelling_are_one_unit() -> None:
    declared = units().resolve("t_km2_30d")
    algebraic = units().resolve("吨/平方公里·月")
    assert declared is not None and algebraic is not None
    assert declared.name == "t_km2_30d" and declared.symbol == "t/(km²·30d)"
    assert declared.dimension == algebraic.dimension
    assert algebraic.ratio_to(declared) == 1


def test_a_declared_spelling_with_a_slash_stays_as_declared() -> None:
    unit = units().resolve("μg/m³")
    assert unit is not None and (unit.name, unit.dimension) == ("ug_m3", "concentration")
    per_person = units().resolve("μg/m³/人")
    assert per_person is not None and per_person.dimension == "concentration per people"


def test_the_written_spelling_is_how_a_compound_is_shown() -> None:
    unit = units().resolve("m2/人")
    assert unit is not None and unit.symbol == "m2/人"
    assert t.describe(t.QuantityT(unit)) == "a quantity of area per people (`m2/人`)"
    spaced = units().resolve(" t/(km² ·\n\x1f 30d) ")
    assert spaced is not None and spaced.symbol == "t/(km² · 30d)"


@pytest.mark.parametrize("spelling", [
    "30d", "km/", "/km2", "km/(0d)", "km//m", "km/(m", "(((((m)))))/m", "km/" + "m·" * 80 + "m",
    "1/2", "km/km2)",
])
def test_what_is_not_a_unit_expression_does_not_resolve(spelling: str) -> None:
    assert units().resolve(spelling) is None


@pytest.mark.parametrize(("spelling", "dimension", "hint"), [
    ("km/kn2", None, "did you mean `km/km2`?"),
    ("万元/人口", None, "did you mean `万元/人`?"),
    ("km/kn2", "length per area", "did you mean `km/km2`?"),
    ("km/xyzzy", None, "`xyzzy` is not a unit; a compound unit is made of declared units"),
])
def test_a_compound_with_an_unknown_part_repairs_that_part(
        spelling: str, dimension: str | None, hint: str) -> None:
    assert units().suggest(spelling, dimension).startswith(hint)


def test_suggestions_stay_within_the_dimension_asked_for() -> None:
    assert units().suggest("km/kn2", "money per people").startswith("`kn2` is not a unit")
    assert units().suggest("万元2", "money") == "did you mean `万元`?"
    assert "万人" not in units().suggest("万元2", "money")


def test_a_composite_dimension_lists_its_base_spelling() -> None:
    assert "m/m²" in units().dimension_units("length per area")
    assert units().base_spelling("mass per area·duration") == "t/(m²·min)"
    assert units().base_spelling("area") is None


@given(st.dictionaries(st.sampled_from(["area", "length", "mass", "money", "people"]),
                       st.integers(-3, 3)))
def test_dimension_names_read_back_as_their_exponents(exponents: dict[str, int]) -> None:
    nonzero = {name: power for name, power in exponents.items() if power}
    assert dimension_exponents(dimension_name(nonzero)) == nonzero


UNITS = ["km", "m", "km2", "m2", "亩", "万元", "人", "t", "kg", "day", "hour"]


@given(st.sampled_from(UNITS), st.sampled_from(UNITS), st.sampled_from(UNITS))
def test_a_quotient_factor_is_the_quotient_of_its_parts(a: str, b: str, c: str) -> None:
    table = units()
    ua, ub, uc = (table.resolve(x) for x in (a, b, c))
    assert ua is not None and ub is not None and uc is not None
    quotient, bracketed = table.resolve(f"{a}/{b}·{c}"), table.resolve(f"{a}/({b}·{c})")
    assert quotient is not None and bracketed is not None
    assert quotient.factor == bracketed.factor == ua.factor / (ub.factor * uc.factor)
    assert quotient.dimension == bracketed.dimension


# ------------------------------------------------------------------ in rules


def test_the_lexer_reads_compound_units_after_a_number() -> None:
    for spelling in ("km/km2", "吨/平方公里·月", "t/(km2·30d)", "kW·h/人"):
        built = rule_file(f"unit u = 2 {spelling}\n")
        assert [s.of for s in built.statements if isinstance(s, m.DerivedUnit)] == [spelling]


def test_a_bracket_after_a_unit_is_still_division() -> None:
    checked = checked_from("rule R-1 {\n  kind binding\n  for each project\n"
                           "  require land_area <= 3 km2/(2)\n}\n")
    assert checked.rule("R-1") is not None


def test_a_rule_in_km_per_km2_checks_an_indicator_declared_in_m_per_m2(
        tmp_path: Path) -> None:
    checked = checked_from(ROAD)
    spec = checked.indicators["road_density"]
    assert spec.unit is not None and spec.unit.dimension == "length per area"
    constants = [n for n in _nodes(checked.rule("ROAD-01")) if isinstance(n, t.Const)]
    assert [c.value for c in constants] == [Fraction(8, 1000)]


def test_a_compound_of_another_dimension_is_named_in_the_type_error() -> None:
    with pytest.raises(DiagnosticError) as caught:
        checked_from(ROAD.replace("8 km/km2", "8 m2/人"))
    found = caught.value.diagnostics[0]
    assert found.code == "T207"
    assert "length per area (`m/m2`)" in found.message
    assert "area per people (`m2/人`)" in found.message


def _nodes(rule: t.CheckedRule | None) -> list[t.Node]:
    assert rule is not None
    todo: list[t.Node] = [c.expr for c in rule.constraints]
    out: list[t.Node] = []
    while todo:
        node = todo.pop()
        out.append(node)
        todo.extend(t.children(node))
    return out


# ------------------------------------------------------------------ in plan data and proposals


def road(tmp_path: Path, rows: list[str]) -> r.Outcome:
    checked = checked_from(ROAD)
    path = tmp_path / "d.csv"
    path.write_text("\n".join(["indicator,region,year,value,unit", *rows]) + "\n",
                    encoding="utf-8")
    data = load_plan_data([path], checked.indicators, checked.units)
    result = evaluate(checked, {}, data, as_of=2025)
    return next(o for o in result.outcomes if o.rule == "ROAD-01" and o.subject == "大兴区")


def test_plan_data_in_a_compound_unit_is_converted_exactly(tmp_path: Path) -> None:
    found = road(tmp_path, ["road_density,大兴区,2021,8.2,km/km2",
                            "road_density,大兴区,2022,8.1,公里/平方公里",
                            "road_density,大兴区,2023,0.0085,m/m2"])
    assert found.outcome == "pass", found.message
    found = road(tmp_path, ["road_density,大兴区,2021,8.2,km/km2",
                            "road_density,大兴区,2022,7.9,km/km2"])
    assert found.outcome == "fail"
    assert "2022" in found.message


def test_plan_data_in_a_compound_of_another_dimension_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DiagnosticError) as caught:
        road(tmp_path, ["road_density,大兴区,2021,8.2,m2/人"])
    found = caught.value.diagnostics[0]
    assert found.code == "D322"
    assert "area per people" in found.message and "length per area" in found.message
    assert found.span.line == 2


def test_a_proposal_quantity_in_a_compound_unit_is_converted_exactly() -> None:
    table = units()
    per_person = table.resolve("m2/人")
    assert per_person is not None
    assert table.read_quantity("12 m2/人") == (Fraction(12), per_person)
    assert parse_quantity("12 平方米/人", per_person, table) == 12.0
    assert parse_quantity("0.5 亩/人", per_person, table) == pytest.approx(1000 / 3)
    assert not isinstance(parse_quantity("12 km/km2", per_person, table), float)


HOUSING = """
record housing "保障房项目" {
  id: text required
  area_per_person: m2/人 range >= 0 m2/人
}

rule HOUSE-01 "area per person" {
  cite "第一章" line 1: "人均住房面积不低于12平方米"
  kind binding
  for each housing
  require area_per_person >= 12 m2/人
}
"""


def test_a_proposal_field_in_a_compound_unit_reads_any_spelling_of_it(tmp_path: Path) -> None:
    checked = checked_from(HOUSING)
    schema = checked.schemas["housing"]
    path = tmp_path / "h.csv"
    path.write_text('id,area_per_person\nH-1,12 m2/人\nH-2,"0.0015 亩/人"\nH-3,11.5\n',
                    encoding="utf-8")
    batch = load_records([path], schema, checked.units)
    assert list(batch.frame["area_per_person"]) == [12.0, pytest.approx(1.0), 11.5]
    bad = tmp_path / "bad.csv"
    bad.write_text("id,area_per_person\nH-1,12 km/km2\n", encoding="utf-8")
    with pytest.raises(DiagnosticError) as caught:
        load_records([bad], schema, checked.units)
    found = caught.value.diagnostics[0]
    assert found.code == "D322" and "length per area" in found.message
    assert "area per people" in found.message


def test_declaring_a_spelling_the_prelude_already_has_says_it_is_not_needed() -> None:
    """friction5: `unit wan_ge = 10000 count alias "万个"` was T203 "each spelling may
    name one unit" — true, but `5 万个` already works; the help says so."""
    same = the_only(raised_diagnostics(
        typecheck, suite_from('unit wan_ge = 10000 count alias "万个"\n')))
    assert (same.code, same.message) == ("T203", "unit spelling `万个` already means `wan`")
    assert same.help is not None and "already this unit (`wan`, the same amount): drop" \
        in same.help
    other = the_only(raised_diagnostics(
        typecheck, suite_from('unit ge_bai = 100 count alias "万个"\n')))
    assert other.help == "each spelling may name one unit: choose another for this one"
