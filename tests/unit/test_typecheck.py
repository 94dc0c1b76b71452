"""Typecheck: names, units, enums and ordinals are checked; diagnostics field by field."""

from __future__ import annotations

from fractions import Fraction

import pytest

from checker.diagnostics import DiagnosticError
from checker.types import typed as t
from tests.helpers import checked_from


def diagnostics(text: str) -> list[tuple[str, str, str, int]]:
    with pytest.raises(DiagnosticError) as caught:
        checked_from(text)
    return [(d.code, d.message, d.help, d.span.line) for d in caught.value.diagnostics]


def rule(body: str) -> str:
    return f"rule R-1 {{\n  kind binding\n{body}\n}}\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("  for each project\n  require indusrty in {航空物流}",
         ("T204", "unknown name `indusrty`", "did you mean `industry`?", 4)),
        ("  for each project\n  require zone == 临空经济",
         ("T205", "`临空经济` is not a value of `功能区`", "did you mean `临空经济区`?", 4)),
        ("  for each project\n  require new_energy_vehicle_share >= 80",
         ("T207", "cannot compare a quantity of share (`%`) with a bare number",
          "write the unit on the number, e.g. `90%`", 4)),
        ("  for each project\n  require land_area <= 3",  # spelt as fmt writes it: `90 km²`
         ("T207", "cannot compare a quantity of area (`km²`) with a bare number",
          "write the unit on the number, e.g. `90 km²`", 4)),
        ("  for each project\n  require land_area <= 3 km",
         ("T207", "cannot compare a quantity of area (`km²`) with a quantity of length (`km`)",
          "`area` and `length` are different dimensions", 4)),
        ("  for each project\n  require zone >= 临空经济区",
         ("T206", "`>=` needs an ordinal scale; `功能区` is unordered",
          "use `==`, `!=` or `in {…}` for unordered values", 4)),
        ("  for each project\n  require land_area <= 3 平方公裏",
         ("T208", "unknown unit `平方公裏`", "did you mean `平方公里`?", 4)),
        ("  require bus_stop_500m_coverage >= 90 % by 2025\n  for each projct",
         ("T227", "unknown record `projct`", "did you mean `project`?", 4)),
        ("  for each project\n  require land_area <= 3 km2 by 2025",
         ("T234", "a rule `for each` record has no deadline",
          "remove the time qualifier; records are checked as they are", 4)),
        ("  for each project\n  require summ(land_area) <= 3 km2",
         ("T230", "unknown function `summ`", "did you mean `sum`?", 4)),
        ("  for each project\n  require sum(land_area) <= 3 km2",
         ("T231", "`sum` adds up records; it needs a rule `for all` records",
          "write `for all project` in the rule", 4)),
        ("  for all project\n  require land_area <= 3 km2",
         ("T224", "field `land_area` is used outside an aggregate",
          "a rule `for all` records compares totals: `sum(land_area)`", 4)),
        ("  for each project\n  require land_area",
         ("T220", "a `require` constraint must be true or false, not a quantity of area (`km²`)",
          "compare it, e.g. `x >= 90%`, or test `x is present`", 4)),
        ("  for each project\n  require industry in 临空产业",
         ("T210", "unknown set `临空产业`", "did you mean `产业`?", 4)),
    ],
)
def test_type_errors_are_precise(body: str, expected: tuple[str, str, str, int]) -> None:
    assert diagnostics(rule(body))[0] == expected


def test_constants_are_converted_exactly_into_the_fields_unit() -> None:
    checked = checked_from(rule("  for each project\n  require land_area <= 300 亩"))
    (constraint,) = checked.rules[0].constraints
    assert isinstance(constraint.expr, t.Compare)
    right = constraint.expr.right
    assert isinstance(right, t.Const)
    assert (right.value, right.type) == (Fraction(1, 5), constraint.expr.left.type)


def test_enum_values_become_codes_of_their_set() -> None:
    checked = checked_from(rule("  for each project\n  require vehicle_emission_standard >= 国六b"))
    expr = checked.rules[0].constraints[0].expr
    assert isinstance(expr, t.Compare) and isinstance(expr.right, t.Const)
    assert expr.right.value == 4


def test_all_errors_of_a_suite_are_reported_together() -> None:
    text = rule("  for each project\n  require indusrty in {航空物流}") + rule(
        "  for each project\n  require zone == 临空经济").replace("R-1", "R-2")
    assert [code for code, *_ in diagnostics(text)] == ["T204", "T205"]


def test_a_year_outside_the_plan_period_is_a_warning() -> None:
    checked = checked_from(rule("  require bus_stop_500m_coverage >= 90 % by 2035"))
    warnings = [(w.code, w.severity) for w in checked.warnings]
    assert warnings == [("T235", "warning")]


def test_a_rule_quoting_only_another_source_has_that_sources_years() -> None:
    """friction11: a 2016–2020 plan's suite quoting the province's 2021–2025 plan (`source
    water14`) got T235 for each `by 2025` of those rules (shown beside any error); a rule
    that quotes the plan, even besides the other source, is still checked."""
    other = ('source water14 "十四五规划" file "water14.txt"\n'
             'rule W-01 {\n  cite water14 "一" line 7: "达98.3%以上"\n'
             "  require bus_stop_500m_coverage >= 98.3 % by 2035\n}\n")
    assert [w.code for w in checked_from(other).warnings] == []
    both = other.replace('  cite water14 "一"', '  cite "一" line 2: "x"\n  cite water14 "一"')
    assert [w.code for w in checked_from(both).warnings] == ["T235"]


def test_a_rule_quoting_only_a_source_with_a_period_is_checked_in_that_period() -> None:
    """friction11 #14: a source may declare the span its targets run over (`period
    2021..2025`); a rule quoting only it gets T235 outside that span, not the plan's, and
    none inside it; its typed rule carries the period the engine judges it in."""
    other = ('source water14 "十四五规划" file "water14.txt" period 2021..2025\n'
             'rule W-01 {\n  cite water14 "一" line 7: "达98.3%以上"\n'
             "  require bus_stop_500m_coverage >= 98.3 % by 2035\n}\n")
    [warning] = checked_from(other).warnings
    assert warning.code == "T235"
    assert warning.message == ("year `2035` is outside the period of the sources it quotes "
                               "2021..2025")
    inside = checked_from(other.replace("by 2035", "by 2025"))
    assert not inside.warnings
    [w01] = [r for r in inside.rules if r.id == "W-01"]
    assert w01.period == (2021, 2025)
    both = other.replace('  cite water14 "一"', '  cite "一" line 2: "x"\n  cite water14 "一"')
    [w01] = [r for r in checked_from(both).rules if r.id == "W-01"]
    assert w01.period is None  # it quotes the plan too: judged in the plan's period


def test_an_indicator_in_a_rule_for_each_record_says_so_and_points_to_for_all() -> None:
    """friction 9: the did-you-mean of an indicator named in a `for each` rule was the
    indicator itself (`unknown name x … did you mean x?`)."""
    [(code, message, help, line)] = diagnostics(rule(
        "  for each project\n  require land_area <= urban_rural_construction_land"))
    assert (code, line) == ("T204", 4)
    assert message == "indicator `urban_rural_construction_land` in a rule `for each project`"
    assert "did you mean" not in help
    assert "`for all project` (`require sum(FIELD) <= urban_rural_construction_land`)" in help


def test_a_field_whose_type_is_the_error_is_not_also_an_unknown_name() -> None:
    """friction10: `school_type: school_kind` gave T217 and then T204 `unknown name
    school_type` at every use, with a did-you-mean of an indicator."""
    found = diagnostics("record school {\n  id: text required\n  school_type: school_kind\n"
                        "  land: km2\n}\n" + rule("  for each school\n  where school_type == "
                                                  '"x"\n  require land <= 5 km2'))
    assert [code for code, *_ in found] == ["T217"]


def test_a_did_you_mean_in_a_rule_for_each_record_offers_no_indicator() -> None:
    [(code, _, help, _)] = diagnostics(rule("  for each project\n"
                                            "  require bus_stop_500m_coverag >= 90 %"))
    assert code == "T204" and "bus_stop_500m_coverage" not in help
