"""checker.tester.runner, testing_givens and coverage: givens become typed data, expects are
compared with outcomes, failures explain themselves, coverage is exact."""

from __future__ import annotations

from fractions import Fraction

import pytest

from checker.diagnostics import DiagnosticError
from checker.syntax import model as m
from checker.tester.coverage import coverage, percent_text
from checker.tester.givens import Givens, read_givens
from checker.tester.runner import run_test, run_tests, select
from checker.types import typed as t
from tests.helpers import checked_from

RULES = """
rule FARM-01 "严格保护永久基本农田" {
  kind binding
  for each project
  require not occupies_permanent_basic_farmland
}

rule NEV-01 "作业车辆主要采用新能源车型" {
  for each project
  where zone == 临空经济区 and new_operating_vehicles > 0
  read 主要采用 = 80% because "主要 = 八成以上"
  require new_energy_vehicle_share >= 主要采用
}

rule RES-01 "战略留白" {
  kind binding
  for each project
  require not in_strategic_reserve
  unless strategic_reserve_approval is present label "审批" because "经审批可用"
}

rule LAND-01 "城乡建设用地规模" {
  kind binding
  require urban_rural_construction_land <= 319 km2 each year in 2021..2025
}

rule LAND-02 "建设用地总量" {
  kind binding
  for all project
  require urban_rural_construction_land + sum(new_construction_land) <= 319 km2
}

rule BUS-01 {
  require bus_stop_500m_coverage >= 90% by 2025
}
"""


HEAD = RULES.count("\n") + 2  # the line of `test` in RULES + "\n" + a test


def at(offset: int) -> str:
    """`t.rules:N` for the line `offset` lines below the `test` header."""
    return f"t.rules:{HEAD + offset}"


def suite(tests: str) -> t.CheckedSuite:
    return checked_from(RULES + "\n" + tests)


def one(tests: str) -> tuple[t.CheckedSuite, m.Test]:
    checked = suite(tests)
    return checked, checked.tests[0]


def underlined(text: str, line: int, column: int, end_column: int) -> str:
    return text.splitlines()[line - 1][column - 1:end_column - 1]


# ------------------------------------------------------------------ givens


def test_given_values_are_converted_exactly_and_defaults_apply() -> None:
    checked, test = one('test "t" {\n'
                        '  given project { id: "P1", land_area: 300 亩, zone: 临空经济区 }\n'
                        '  given project { new_energy_vehicle_share: 80%, completion_year: 2024 }\n'
                        "  given data urban_rural_construction_land 大兴区 2022 = 31950 ha\n"
                        "  given data bus_stop_500m_coverage 大兴区 2022 = 85% target\n"
                        "  expect FARM-01 unknown\n}\n")
    givens = read_givens(checked, test)
    assert isinstance(givens, Givens)
    first, second = givens.records["project"]
    assert first.values["land_area"] == Fraction(1, 5)  # 300 亩 = 0.2 km², exactly
    assert first.values["zone"] == "临空经济区"
    assert first.values["new_construction_land"] is None  # no default (schema.rules: why)
    assert first.values["occupies_permanent_basic_farmland"] is None  # missing stays missing
    assert (first.id, second.id) == ("P1", "#2")
    assert f"{first.origin.file}:{first.origin.line}" == at(1)
    assert second.values["completion_year"] == 2024
    assert second.values["new_energy_vehicle_share"] == 80
    land, bus = givens.data
    assert (land.value, land.kind, land.year) == (Fraction(3195, 10), "actual", 2022)
    assert (bus.value, bus.kind) == (80 + 5, "target")
    assert givens.as_of is None and givens.latest_actual_year() == 2022


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("given project { indusrty: 航空物流 }",
         ("T242", "unknown field `indusrty` in record `project`", "indusrty",
          "did you mean `industry`?")),
        ("given project { 产业名称: 航空物流 }",
         ("T242", "unknown field `产业名称` in record `project`", "产业名称",
          "fields of `project`: `id`, `name`, `town`, `zone`, `industry`, `land_area`, "
          "`new_construction_land`, `occupies_permanent_basic_farmland`, …")),
        ("given project { 功能区: 临空经济区 }",
         ("T242", "unknown field `功能区` in record `project`", "功能区",
          "`功能区` is the label of field `zone`; write `zone`")),
        ("given project { new_energy_vehicle_share: 12 ha }",
         ("T243", "`12 ha` is a quantity of area (`ha`), but field `new_energy_vehicle_share` is "
          "a quantity of share (`%`)", "12 ha",
          "use a unit of share: `%`, `fraction`, `‰`")),
        ("given project { land_area: 12 }",
         ("T243", "`12` is a bare number, but field `land_area` is a quantity of area (`km²`)",
          "12", "write the unit on the number, e.g. `12 km²`")),
        ("given project { new_operating_vehicles: 12% }",
         ("T243", "`12%` is a quantity of share (`%`), but field `new_operating_vehicles` is "
          "a bare number", "12%", "write a bare number")),
        # a count holds whole numbers in a test as in data (D328): 4.6 vehicles passed a test
        ("given project { new_operating_vehicles: 4.6 }",
         ("T243", "`4.6` is not a whole number, but field `new_operating_vehicles` is a count",
          "4.6", "a count is a whole number, in data as in tests (D328); check the figure")),
        ("given data new_waste_transfer_stations 大兴区 2022 = 12.5",
         ("T243", "`12.5` is not a whole number, but indicator `new_waste_transfer_stations` "
          "is a count", "12.5",
          "a count is a whole number, in data as in tests (D328); check the figure")),
        ('given project { occupies_permanent_basic_farmland: "yes" }',
         ("T243", '`"yes"` is text, but field `occupies_permanent_basic_farmland` is true/false',
          '"yes"', "write `true` or `false`")),
        ("given project { name: 机场项目 }",
         ("T243", "`机场项目` is a name, but field `name` is text", "机场项目",
          'write text in quotes: `"机场项目"`')),
        ("given project { completion_year: 2024.5 }",
         ("T243", "`2024.5` is a number, but field `completion_year` is a year", "2024.5",
          "write a year such as `2025`")),
        ("given project { zone: 临空经济 }",
         ("T244", "`临空经济` is not a value of `功能区`", "临空经济",
          "did you mean `临空经济区`?")),
        ("given project { vehicle_emission_standard: 国七 }",
         ("T244", "`国七` is not an ordinal of `排放标准`", "国七",
          "`排放标准` is one of `国三`, `国四`, `国五`, `国六a`, `国六b`")),
        ("given project { land_area: 12 hectares }",
         ("T245", "unknown unit `hectares`", "12 hectares", "did you mean `hectare`?")),
        ("given data urban_rural_construction_land 大兴区 2022 = 320",
         ("T243", "`320` is a bare number, but indicator `urban_rural_construction_land` is a "
          "quantity of area (`km²`)", "320", "write the unit on the number, e.g. `320 km²`")),
        ("given data national_health_district 大兴区 2022 = 1",
         ("T243", "`1` is a number, but indicator `national_health_district` is true/false",
          "1", "write `true` or `false`")),
        ("given project { zone: 临空经济区, zone: 其他 }",
         ("T246", "field `zone` is given twice", "zone",
          f"it is already given at line {HEAD + 1}, column 19; keep one")),
    ],
)
def test_givens_that_do_not_fit_the_schema_are_precise(
        given: str, expected: tuple[str, str, str, str]) -> None:
    text = RULES + "\n" + f'test "t" {{\n  {given}\n  expect FARM-01 pass\n}}\n'
    checked = checked_from(text)
    problems = read_givens(checked, checked.tests[0])
    assert isinstance(problems, list)
    (d,) = problems
    shown = underlined(text, d.span.line, d.span.column, d.span.end_column)
    assert (d.code, d.message, shown, d.help) == expected
    assert d.span.line == HEAD + 1


def test_a_repeated_id_or_data_point_is_reported_at_the_second() -> None:
    text = RULES + "\n" + ('test "t" {\n  given project { id: "P1" }\n'
                           '  given project { id: "P1" }\n'
                           "  given data bus_stop_500m_coverage 大兴区 2022 = 85%\n"
                           "  given data bus_stop_500m_coverage 大兴区 2022 = 86%\n"
                           "  as of 2022\n  as of 2023\n  expect FARM-01 pass\n}\n")
    checked = checked_from(text)
    problems = read_givens(checked, checked.tests[0])
    assert isinstance(problems, list)
    assert [(d.code, d.message, d.span.line) for d in problems] == [
        ("T246", "record id `P1` is given twice", HEAD + 2),
        ("T246", "`bus_stop_500m_coverage` of `大兴区` in 2022 (actual) is given twice", HEAD + 4),
        ("T246", "`as of` is given twice in test `t`", HEAD + 6),
    ]
    assert problems[0].help == (f"`P1` is also the id of the record at {at(1)}; "
                                "give each record its own id")


def test_unknown_records_and_indicators_of_a_test_outside_the_suite() -> None:
    checked = suite("")
    test = m.Test("外来", (m.GivenRecord("projct", ()),
                         m.GivenData("bus_stop_coverage", "大兴区", 2022, m.Quantity(Fraction(1)))))
    problems = read_givens(checked, test)
    assert isinstance(problems, list)
    assert [(d.code, d.message, d.help) for d in problems] == [
        ("T227", "unknown record `projct`", "did you mean `project`?"),
        ("T241", "unknown indicator `bus_stop_coverage`",
         "did you mean `bus_stop_500m_coverage`?"),
    ]


# ------------------------------------------------------------------ expects


def test_expects_for_a_subject_and_for_all_subjects() -> None:
    checked, test = one('test "农田" {\n'
                        '  given project { id: "P1", occupies_permanent_basic_farmland: true }\n'
                        "  given project { occupies_permanent_basic_farmland: false }\n"
                        "  given project { zone: 其他, in_strategic_reserve: false }\n"
                        '  expect FARM-01 fail for "P1"\n'
                        '  expect FARM-01 pass for "#2"\n'
                        '  expect FARM-01 unknown for "#3"\n'
                        '  expect NEV-01 not_applicable for "#3"\n'
                        "  expect RES-01 pass for \"#3\"\n}\n")
    case = run_test(checked, test)
    assert case.status == "passed", case.failures
    assert [len(c.outcomes) for c in case.checks] == [1, 1, 1, 1, 1]


def test_a_failing_expect_shows_expected_actual_and_evidence() -> None:
    checked, test = one('test "用地" {\n  as of 2022\n'
                        "  given data urban_rural_construction_land 大兴区 2021 = 318 km2\n"
                        "  given data urban_rural_construction_land 大兴区 2022 = 320 km2\n"
                        "  expect LAND-01 pass\n}\n")
    case = run_test(checked, test)
    assert case.status == "failed"
    (failure,) = case.failures
    assert failure.splitlines() == [
        f"expect LAND-01 pass ({at(4)}): expected pass",
        "  大兴区: got fail",
        "    2022: 320 km² > 319 km², over by 1 km², 0.31 %",
        "    observed 320 km², threshold 319 km² (over by 1 km², 0.31 %)",
        "    require `urban_rural_construction_land <= 319 km2 (2022)`: false",
        "    values: urban_rural_construction_land (2022) = 320 km²",
        f"    from: {at(3)}",
    ]


def test_an_expect_lists_every_differing_outcome_with_its_clauses() -> None:
    checked, test = one('test "车辆" {\n'
                        '  given project { id: "A", zone: 临空经济区, new_operating_vehicles: 3, '
                        "new_energy_vehicle_share: 50% }\n"
                        '  given project { id: "B", zone: 其他 }\n'
                        "  expect NEV-01 pass\n}\n")
    (failure,) = run_test(checked, test).failures
    lines = failure.splitlines()
    assert lines[0] == f"expect NEV-01 pass ({at(3)}): expected pass (2 of 2 outcomes differ)"
    assert "  A: got fail" in lines
    assert "    guard `zone == 临空经济区 and new_operating_vehicles > 0`: true" in lines
    assert "    require `new_energy_vehicle_share >= 主要采用`: false" in lines
    assert "    observed 50%, threshold 80% (short by 30 percentage points, 37.5 %)" in lines
    assert "  B: got not_applicable" in lines
    assert "    guard `zone == 临空经济区 and new_operating_vehicles > 0`: false" in lines


@pytest.mark.parametrize(
    ("items", "failure"),
    [
        ('  given project { id: "P1" }\n  expect LAND-01 pass',
         f"expect LAND-01 pass ({at(2)}): rule `LAND-01` has no outcome: the test gives no "
         "plan data"),
        ("  given data bus_stop_500m_coverage 大兴区 2022 = 85%\n  expect FARM-01 pass",
         f"expect FARM-01 pass ({at(2)}): rule `FARM-01` has no outcome: the test gives no "
         "`project` record"),
        ("  given data bus_stop_500m_coverage 大兴区 2022 = 85% target\n  expect LAND-01 pass",
         f"expect LAND-01 pass ({at(2)}): rule `LAND-01` has no outcome: the plan data has "
         "no series of `urban_rural_construction_land` for `大兴区`"),
        ('  given project { id: "P1" }\n  expect FARM-01 unknown for "P2"',
         f'expect FARM-01 unknown for "P2" ({at(2)}): rule `FARM-01` has no outcome for '
         "`P2`; its subjects: `P1`"),
        ("  as of 2022\n  given data bus_stop_500m_coverage 大兴区 2020 = 80%\n"
         "  given data bus_stop_500m_coverage 大兴区 2022 = 84%\n  expect BUS-01 pending lagging",
         f"expect BUS-01 pending lagging ({at(4)}): expected pending lagging\n"
         "  大兴区: got pending on_track"),
        ('  given project { id: "P1" }', "test `t` has no `expect`: it checks nothing"),
    ],
)
def test_expectations_that_cannot_hold_say_why(items: str, failure: str) -> None:
    checked, test = one(f'test "t" {{\n{items}\n}}\n')
    case = run_test(checked, test)
    assert case.status == "failed"
    assert case.failures[0].split("\n    ")[0] == failure


def test_every_outcome_of_a_big_test_is_compared() -> None:
    records = "".join(f'  given project {{ id: "P{i:03}", occupies_permanent_basic_farmland: '
                      f"{'true' if i == 149 else 'false'} }}\n" for i in range(150))
    checked, test = one(f'test "大批" {{\n{records}  expect FARM-01 pass\n'
                        '  expect FARM-01 fail for "P149"\n}\n')
    case = run_test(checked, test)
    assert [len(c.outcomes) for c in case.checks] == [150, 1]
    assert case.failures[0].splitlines()[:2] == [
        f"expect FARM-01 pass ({at(151)}): expected pass (1 of 150 outcomes differ)",
        "  P149: got fail"]
    assert case.checks[1].ok


def test_a_trajectory_is_checked_only_when_the_expect_names_one() -> None:
    checked, test = one('test "t" {\n  as of 2022\n'
                        "  given data bus_stop_500m_coverage 大兴区 2020 = 80%\n"
                        "  given data bus_stop_500m_coverage 大兴区 2022 = 84%\n"
                        "  expect BUS-01 pending\n  expect BUS-01 pending on_track\n}\n")
    assert run_test(checked, test).passed


def test_the_batch_subject_and_target_subjects_have_names() -> None:
    checked, test = one('test "t" {\n  as of 2022\n'
                        "  given data urban_rural_construction_land 大兴区 2022 = 318.5 km2\n"
                        "  given data bus_stop_500m_coverage 大兴区 2022 = 85% target\n"
                        '  given project { id: "P1", new_construction_land: 300 亩 }\n'
                        '  expect LAND-02 pass for "all project"\n'
                        '  expect BUS-01 pending for "大兴区 (target)"\n}\n')
    case = run_test(checked, test)
    assert case.passed, case.failures


# ------------------------------------------------------------------ runs


def test_run_tests_raises_every_given_problem_and_run_test_reports_them() -> None:
    checked = suite('test "a" {\n  given project { zone: 临空 }\n  expect FARM-01 pass\n}\n\n'
                    'test "b" {\n  given project { land_area: 3 }\n  expect FARM-01 pass\n}\n')
    with pytest.raises(DiagnosticError) as caught:
        run_tests(checked)
    assert [d.code for d in caught.value.diagnostics] == ["T244", "T243"]
    case = run_test(checked, checked.tests[0])
    assert case.status == "invalid"
    assert case.failures[0].splitlines()[:2] == [
        "error[T244]: `临空` is not a value of `功能区`", f" --> {at(1)}:25"]


def test_a_report_counts_and_keeps_the_order_of_the_tests() -> None:
    checked = suite('test "通过" {\n  given project { id: "P1", occupies_permanent_basic_farmland: '
                    "false }\n  expect FARM-01 pass\n}\n\n"
                    'test "失败" {\n  given project { id: "P1", occupies_permanent_basic_farmland: '
                    "true }\n  expect FARM-01 pass\n}\n")
    report = run_tests(checked)
    assert [(r.name, r.status) for r in report.results] == [("通过", "passed"), ("失败", "failed")]
    assert (report.passed, report.failed, report.invalid, report.ok) == (1, 1, 0, False)
    assert report.results[0].location == at(0)


@pytest.mark.parametrize(
    ("pattern", "chosen"),
    [(None, ["农田 a", "用地 B", "other"]), ("b", ["用地 B"]), ("农田", ["农田 a"]),
     ("*地*", ["用地 B"]), ("o?her", ["other"]), ("zzz", [])],
)
def test_select_by_substring_or_glob(pattern: str | None, chosen: list[str]) -> None:
    tests = [m.Test(name, ()) for name in ("农田 a", "用地 B", "other")]
    assert [x.name for x in select(tests, pattern)] == chosen


# ------------------------------------------------------------------ coverage


def test_coverage_counts_the_sides_checked_by_expects_that_held() -> None:
    checked = suite('test "a" {\n'
                    '  given project { id: "P1", occupies_permanent_basic_farmland: true }\n'
                    '  given project { id: "P2", in_strategic_reserve: true, '
                    'strategic_reserve_approval: "批1" }\n'
                    '  expect FARM-01 fail for "P1"\n'
                    '  expect RES-01 pass for "P2"\n'
                    '  expect RES-01 fail for "P1"\n}\n')
    result = coverage(checked, run_tests(checked))
    by_rule = {x.rule: x for x in result.rules}
    farm = by_rule["FARM-01"]
    assert (farm.passed, farm.failed, farm.items, farm.covered) == (False, True, 4, 2)
    assert [(c.role, c.text, c.true, c.false) for c in farm.clauses] == [
        ("require", "not occupies_permanent_basic_farmland", False, True)]
    res = by_rule["RES-01"]  # the expect on P1 failed (P1 is unknown): it covers nothing
    assert (res.passed, res.failed) == (True, False)
    assert [(c.role, c.true, c.false) for c in res.clauses] == [
        ("require", False, True), ("unless", True, False)]
    nev = by_rule["NEV-01"]
    assert [c.role for c in nev.clauses] == ["guard", "require"] and nev.covered == 0
    # 6 rules: FARM 4, NEV 6, RES 6, LAND-01 4, LAND-02 4, BUS 4 = 28 items; 2 + 3 covered
    assert (result.items, result.covered) == (28, 5)
    assert result.percent == Fraction(500, 28)


def test_coverage_reads_series_clauses_reported_with_their_year() -> None:
    checked = suite('test "用地" {\n  as of 2022\n'
                    "  given data urban_rural_construction_land 大兴区 2022 = 320 km2\n"
                    "  expect LAND-01 fail\n}\n")
    land = {x.rule: x for x in coverage(checked, run_tests(checked)).rules}["LAND-01"]
    assert (land.failed, land.clauses[0].false, land.covered) == (True, True, 2)


@pytest.mark.parametrize(
    ("value", "text"),
    [(Fraction(200, 3), "66.6"), (Fraction(2, 3) * 100, "66.6"), (Fraction(1999, 20), "99.9"),
     (Fraction(100), "100.0"), (Fraction(0), "0.0"), (Fraction(1, 3), "0.3")],
)
def test_percent_text_is_floored_never_rounded_up(value: Fraction, text: str) -> None:
    assert percent_text(value) == text


def test_a_suite_without_rules_is_fully_covered() -> None:
    from checker.tester.coverage import Coverage

    assert Coverage(()).percent == 100
    assert Coverage(()).meets(Fraction(100))
