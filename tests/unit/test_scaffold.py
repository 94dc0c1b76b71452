"""`plancheck test --scaffold`: a test each rule passes at its figure and one it fails
just beyond, printed only after running them (friction round 3, item 8)."""

from __future__ import annotations

from checker.source import SourceFile
from checker.syntax import model as m
from checker.syntax.build import build
from checker.syntax.parse import parse
from checker.tester.runner import run_tests
from checker.tester.scaffold import scaffold, untested
from tests.helpers import checked_from

INDICATORS = """
indicator land "测试用地" {
  unit km2
  range >= 0 km2
}

indicator pm25 "测试浓度" {
  unit μg/m³
}
"""


def written(rules: str, rule_id: str) -> str:
    checked = checked_from(INDICATORS + rules)
    [made] = scaffold(checked, [rule_id])
    assert made.text is not None, made.reason
    tests = parsed_tests(made.text)
    run = run_tests(checked, tests)
    assert len(run.results) == made.tests in (2, 3, 4)
    assert all(c.passed for c in run.results), [c.failures for c in run.results]
    return made.text


def parsed_tests(text: str) -> list[m.Test]:
    built = build(parse(SourceFile("s.rules", text)))  # type: ignore[arg-type]
    assert not isinstance(built, list), built
    return [s for s in built.statements if isinstance(s, m.Test)]


def test_a_cap_passes_at_its_figure_and_fails_one_step_above() -> None:
    text = written('rule CAP "c" {\n  cite "a" line 1: "x"\n'
                   "  require land <= 319 km2 by 2025\n}\n", "CAP")
    assert 'test "CAP passes at 测试用地 319 km²"' in text
    assert "given data land 大兴区 2025 = 319 km²\n  expect CAP pass" in text
    assert 'test "CAP fails at 测试用地 320 km²"' in text


def test_a_strict_bound_passes_one_step_inside_it_in_the_digits_the_plan_writes() -> None:
    text = written('rule AIR "a" {\n  cite "a" line 1: "x"\n'
                   "  require pm25 < 30.5 μg/m³ by 2025\n}\n", "AIR")
    assert "passes at 测试浓度 30.4 μg/m³" in text and "fails at 测试浓度 30.5 μg/m³" in text


def test_a_trend_each_year_is_given_as_a_series() -> None:
    text = written('rule DOWN "d" {\n  cite "a" line 1: "x"\n'
                   "  require land <= prev(land) each year in 2021..2025\n}\n", "DOWN")
    assert "given data land 大兴区 2020..2025 = [" in text


def test_a_record_rule_behind_a_guard_gets_records_the_guard_admits() -> None:
    text = written('rule Z "z" {\n  cite "a" line 1: "x"\n  for each project\n'
                   "  where zone == 临空经济区\n  require land_area <= 2 ha\n}\n", "Z")
    assert text.count("zone: 临空经济区") == 2
    assert "land_area: 0.02 km²" in text and "land_area: 0.03 km²" in text
    # friction6: and one the guard leaves out, so `--coverage` sees the guard false too
    assert 'does not apply at 功能区 ' in text and "expect Z not_applicable" in text


def test_scaffolded_tests_of_a_guarded_rule_cover_every_item() -> None:
    from checker.tester.coverage import coverage

    rules = ('rule Z "z" {\n  cite "a" line 1: "x"\n  for each project\n'
             "  where zone == 临空经济区\n  require land_area <= 2 ha\n}\n")
    checked = checked_from(INDICATORS + rules)
    [made] = scaffold(checked, ["Z"])
    assert made.text is not None and made.tests == 3
    run = run_tests(checked, parsed_tests(made.text))
    found = coverage(checked, run)
    assert found.items and found.covered == found.items


def test_a_rule_no_value_decides_gets_no_test_and_the_reason() -> None:
    checked = checked_from(INDICATORS + 'rule T "t" {\n  cite "a" line 1: "x"\n'
                           '  for each project\n  require name == "某项目"\n}\n')
    [made] = scaffold(checked, ["T"])
    assert made.text is None and "write this test by hand" in made.reason


def test_untested_lists_the_rules_no_test_expects() -> None:
    checked = checked_from(INDICATORS + 'rule A "a" {\n  cite "a" line 1: "x"\n'
                           "  require land <= 1 km2 by 2025\n}\n"
                           'rule B "b" {\n  cite "a" line 1: "x"\n'
                           "  require land <= 2 km2 by 2025\n}\n"
                           'test "a" {\n  given data land 大兴区 2025 = 1 km2\n'
                           "  expect A pass\n}\n")
    assert "B" in untested(checked) and "A" not in untested(checked)


def test_a_test_is_named_by_the_indicators_display_name_else_its_id() -> None:
    """friction4 #10: `passes at 公交站点500米覆盖率 90%`, not the id; a test name is a
    string, so Chinese (and a quote, escaped) is fine; an indicator without one keeps its id."""
    suite = ('indicator bus "公交站点500米“覆盖”率\\"" {\n  unit %\n}\n'
             "indicator plain_id {\n  unit %\n}\n"
             'rule BUS "b" {\n  cite "a" line 1: "x"\n  require bus >= 90% by 2025\n}\n'
             'rule RAW "r" {\n  cite "a" line 1: "x"\n  require plain_id >= 90% by 2025\n}\n')
    checked = checked_from(suite)
    made = {s.rule: s.text or s.reason for s in scaffold(checked, ["BUS", "RAW"])}
    assert 'test "BUS passes at 公交站点500米“覆盖”率\\" 90%"' in made["BUS"]
    assert 'test "RAW passes at plain_id 90%"' in made["RAW"]
    assert all(parsed_tests(text) for text in made.values())


def test_a_field_is_named_by_its_label_else_its_name() -> None:
    suite = ('record school {\n  id: text required\n  class_size: count label "标准班额"\n'
             '  floors: count\n}\n'
             'rule SCH "s" {\n  cite "a" line 1: "x"\n  for each school\n'
             '  require class_size <= 45\n}\n'
             'rule FL "f" {\n  cite "a" line 1: "x"\n  for each school\n'
             '  require floors <= 6\n}\n')
    made = {s.rule: s.text or s.reason for s in scaffold(checked_from(suite), ["SCH", "FL"])}
    assert 'test "SCH passes at 标准班额 45"' in made["SCH"]
    assert 'test "FL passes at floors 6"' in made["FL"]


def test_an_annual_target_rule_is_tried_at_the_plans_figure_for_the_indicator() -> None:
    """friction6 #10: `pm25 <= target(pm25) each year` has no figure of its own and was
    scaffolded at 0 actual against a 0 target; the suite's five-year figure for the
    indicator (`< 37 μg/m³`) is tried first."""
    text = written('rule CAP "c" {\n  cite "a" line 1: "x"\n'
                   "  require pm25 < 37 μg/m³ by 2025\n}\n"
                   'rule ANNUAL "a" {\n  cite "a" line 1: "x"\n'
                   "  require pm25 <= target(pm25) each year in 2021..2025\n}\n", "ANNUAL")
    assert 'test "ANNUAL passes at target(测试浓度) 37 μg/m³ each year"' in text
    assert "[0, 0, 0, 0, 0, 0]" not in text


def test_with_no_figure_anywhere_the_tests_start_at_a_stand_in_and_say_so() -> None:
    """friction6 open item c: a rule no figure of the suite bears on (`land falls`,
    `pm25 <= target(pm25)` alone) was scaffolded at 0 km² against 0 km²; it starts at
    the middle of the declared range, else 100, and a comment says the figure is made
    up, to be replaced by the plan's."""
    text = written('rule DOWN "d" {\n  cite "a" line 1: "x"\n'
                   "  require land falls\n}\n", "DOWN")
    assert "falling to 100 km²" in text and "[0, " not in text
    assert text.startswith("# No rule sets a figure for 测试用地: these tests start at a\n")
    assert "Write the plan's figures in." in text
    annual = written('rule ANNUAL "a" {\n  cite "a" line 1: "x"\n'
                     "  require pm25 <= target(pm25) each year in 2021..2025\n}\n", "ANNUAL")
    assert "target(测试浓度) 100 μg/m³ each year" in annual
    cap = written('rule CAP "c" {\n  cite "a" line 1: "x"\n'
                  "  require land <= 319 km2 by 2025\n}\n", "CAP")
    assert "No rule sets a figure" not in cap  # the rule's own figure


def test_the_stand_in_is_the_middle_of_a_declared_range() -> None:
    from fractions import Fraction

    from checker.tester.scaffold import stand_in

    assert stand_in(Fraction(0), Fraction(100)) == 50
    assert stand_in(Fraction(0), None) == 100


def test_a_relative_target_is_tested_as_a_fall_by_its_rate() -> None:
    """friction8: `change(land, 2020..2025) <= -13.5%` (降低13.5%) was scaffolded as a fall
    to 0 km²; it passes at a series from a level to 13.5 % below it and fails a step short."""
    text = written('rule DOWN "d" {\n  cite "a" line 1: "x"\n'
                   "  require change(land, 2020..2025) <= -13.5% at 2025\n}\n", "DOWN")
    assert 'test "DOWN passes at 测试用地 from 100 to 86.5 km²"' in text
    assert "given data land 大兴区 2020..2025 = [100, 97.3, 94.6, 91.9, 89.2, 86.5] km²" in text
    assert 'test "DOWN fails at 测试用地 from 100 to 86.6 km²"' in text


def test_a_level_relative_to_another_year_starts_at_the_stand_in_not_at_0() -> None:
    """friction9 #8: `land >= (land at 2020) + 5 km2` was scaffolded with 0 km² in 2020
    and 5 km² in 2025; the rule's figure is a change, so the base year is the middle of
    the range (else 100) and the later year that level plus the change, a step short."""
    text = written('rule UP "u" {\n  cite "a" line 1: "x"\n'
                   "  require land >= (land at 2020) + 5 km2 at 2025\n}\n", "UP")
    assert "given data land 大兴区 2020 = 100 km²" in text
    assert 'test "UP passes at 测试用地 (2025) 105 km²"' in text
    assert 'test "UP fails at 测试用地 (2025) 104 km²"' in text
    assert "= 0 km²" not in text


def test_an_annual_target_takes_a_totals_figure_as_a_years_share() -> None:
    """friction10: `x >= target(x) each year` beside `total(x, 2021..2025) >= 1000 km2`
    was scaffolded at 1000 km² a year (the five years' sum); it starts at 200."""
    rules = ('rule SUM "s" {\n  cite "a" line 1: "x"\n'
             "  require total(land, 2021..2025) >= 1000 km2 by 2025\n}\n"
             'rule ANNUAL "a" {\n  cite "a" line 1: "x"\n'
             "  require land >= target(land) each year in 2021..2025\n}\n")
    text = written(rules, "ANNUAL")
    assert 'test "ANNUAL passes at target(测试用地) 200 km² each year"' in text
    assert "1000 km²" not in text


def test_a_change_of_a_share_is_tested_from_a_level_not_from_its_rate() -> None:
    """friction9's OOP-02: `change(x, 2020..2025) < 0%` of a share indicator was
    scaffolded `from 1 to 0%` (the rate 0% taken for a level); the level is the figure
    another rule sets (27%), else the stand-in."""
    rules = ('indicator oop "测试比重" {\n  unit %\n  range 0%..100%\n}\n'
             'rule CAP "c" {\n  cite "a" line 1: "x"\n  require oop <= 27% by 2025\n}\n'
             'rule DOWN "d" {\n  cite "a" line 1: "x"\n'
             "  require change(oop, 2020..2025) < 0% at 2025\n}\n")
    text = written(rules, "DOWN")
    assert 'test "DOWN passes at 测试比重 from 27 to 26%"' in text
    assert "from 1 to" not in text
    alone = written('indicator oop "测试比重" {\n  unit %\n  range 0%..100%\n}\n'
                    'rule DOWN "d" {\n  cite "a" line 1: "x"\n'
                    "  require change(oop, 2020..2025) < 0% at 2025\n}\n", "DOWN")
    assert "from 50 to 49%" in alone


def test_a_count_is_written_in_the_unit_its_indicator_declares() -> None:
    """friction10: `total(new_kindergartens, 2021..2025) >= 200 所` was scaffolded as
    `… 40 each year` and `= [40, …]`: the count has no symbol; the indicator says 所."""
    text = written('indicator kg "测试幼儿园" {\n  unit 所\n  range >= 0 所\n}\n'
                   'rule KG "k" {\n  cite "a" line 1: "x"\n'
                   "  require total(kg, 2021..2025) >= 200 所 by 2025\n}\n", "KG")
    assert 'test "KG passes at 测试幼儿园 40 所 each year"' in text
    assert "= [40, 40, 40, 40, 40, 40] 所" in text


def test_a_rule_with_an_exception_passes_by_its_require_and_by_its_exception() -> None:
    """friction11 #4: the pass of `require distance > 1 km unless under_construction` was
    the waived one, so `--coverage` never saw the `require` true; the plain pass and the
    fail differ in the distance alone, and a fourth test passes by the exception."""
    rules = ('record site {\n  id: text required\n  distance: km range >= 0 km\n'
             '  under_construction: bool\n}\n'
             'rule NEAR "n" {\n  cite "a" line 1: "x"\n  for each site\n'
             '  require distance > 1 km\n'
             '  unless under_construction label "在建项目" because "除在建项目外"\n}\n')
    text = written(rules, "NEAR")
    names = [t.name for t in parsed_tests(text)]
    assert names == ["NEAR passes at distance 2 km", "NEAR fails at distance 1 km",
                     "NEAR passes by its exception at under_construction true"]
    checked = checked_from(INDICATORS + rules)
    run = run_tests(checked, parsed_tests(text))
    waived = [o for c in run.results if c.result is not None for o in c.result.outcomes
              if o.waived_by]
    assert len(waived) == 1


def test_a_required_field_the_rule_does_not_read_takes_a_plain_item() -> None:
    """friction11 #7: every scaffolded record of the Yangtze suite stood in
    `自然保护区核心区`, the first item of its set and the place every prohibition is about;
    a field the rule does not read takes the item that says none (`无`) among those no rule
    names."""
    from pathlib import Path

    from checker.types.cached import load_checked

    suite = Path(__file__).resolve().parent.parent / "data" / "suites" / "friction11-yangtze"
    _, checked = load_checked([suite], use_cache=False)
    [made] = scaffold(checked, ["CHEM-01"])
    assert made.text is not None, made.reason
    assert "protection_zone: 无" in made.text and "自然保护区核心区" not in made.text
    run = run_tests(checked, parsed_tests(made.text))
    assert all(c.passed for c in run.results), [c.failures for c in run.results]
