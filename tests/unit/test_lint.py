"""Lint: each planted hygiene problem gives exactly its diagnostic, field by field; a clean
suite gives none.  Suites are written to a temporary folder with their own plan text."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.diagnostics import Diagnostic
from checker.syntax.suite import load_suite
from checker.tools.lint import lint
from checker.types.typecheck import typecheck

PLAN_TEXT = """\
第一章 总则
  城乡建设用地规模控制在319平方公里以内。
  公交站点500米覆盖率达到90%。
  新增或更换作业车辆主要采用新能源车型。
  森林覆盖率进一步提高。
  严格保护永久基本农田。
"""

HEADER = """\
plan t {
  title "test plan"
  period 2021..2025
  region 大兴区
  source "plan.txt"
}
record project {
  id: text required
  land_area: km2
  share: %
}
indicator land {
  unit km2
  kind binding
  direction down
}
indicator forest {
  unit %
  direction up
}
"""

LAND = """\
rule LAND-01 {
  cite "第一章" line 2: "城乡建设用地规模控制在319平方公里以内"
  kind binding because "约束性指标"
  require land <= 319 km2
}
"""
SHARE = """\
rule VEH-01 {
  cite "第一章" line 4: "新增或更换作业车辆主要采用新能源车型"
  read 主要 = 80 % because "主要 read as four in five"
  for each project
  require share >= 主要
  require land_area <= 1 km2
}
"""
FOREST = """\
rule FOR-01 {
  cite "第一章" line 5: "森林覆盖率进一步提高"
  require forest rises
}
"""
TESTS = """\
test "all rules" {
  expect LAND-01 pass
  expect VEH-01 pass
  expect FOR-01 pass
}
"""
CLEAN = HEADER + LAND + SHARE + FOREST + TESTS


def run_lint(tmp_path: Path, text: str) -> list[Diagnostic]:
    (tmp_path / "plan.txt").write_text(PLAN_TEXT, encoding="utf-8")
    (tmp_path / "suite.rules").write_text(text, encoding="utf-8")
    loaded = load_suite([tmp_path])
    return lint(loaded.suite, typecheck(loaded.suite))


def fields(d: Diagnostic) -> tuple[str, str, str, str, int]:
    return (d.code, d.severity, d.message, d.help, d.span.line)


def test_a_clean_suite_gives_nothing(tmp_path: Path) -> None:
    assert run_lint(tmp_path, CLEAN) == []


def line_of(text: str, needle: str) -> int:
    """The line of `needle`, past the header's `kind binding` of an indicator."""
    found = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    return found[-1] if needle == "kind binding" else found[0]


CASES = [
    pytest.param(
        CLEAN.replace('  cite "第一章" line 2: "城乡建设用地规模控制在319平方公里以内"\n', ""),
        ("L601", "error", "rule `LAND-01` cites no sentence of the plan",
         'add `cite "第五章 一 (三)" line 315: "…"` with the plan\'s words'),
        "rule LAND-01", id="missing-citation"),
    pytest.param(
        CLEAN.replace("以内\"", "以下\""),
        ("L602", "error", "the quote of rule `LAND-01` is not in the plan text",
         "did you mean `城乡建设用地规模控制在319平方公里以内`?"),
        "第一章\" line 2", id="quote-not-in-the-plan"),
    pytest.param(
        CLEAN.replace('line 2: "城乡', 'line 3: "城乡'),
        ("L603", "error", "line 3 of the plan does not contain the quote of rule `LAND-01`",
         "did you mean line 2?"),
        "第一章\" line 3", id="quote-on-another-line"),
    pytest.param(
        CLEAN.replace("新增或更换作业车辆主要采用", "新增或更换作业车辆  主要采用"),
        None, "", id="whitespace-does-not-matter"),
    pytest.param(
        CLEAN.replace('  read 主要 = 80 % because "主要 read as four in five"\n', "")
        .replace("share >= 主要", "share >= 80 %"),
        ("L607", "warning", "rule `VEH-01` quotes `主要` without saying how it reads it",
         'add `read 主要 = … because "…"`: the number the suite takes it to mean, and why'),
        "line 4", id="vague-word-without-reading"),
    pytest.param(
        CLEAN.replace("  expect VEH-01 pass\n", ""),
        ("L608", "warning", "no test expects rule `VEH-01`",
         "add a `test` block with `expect VEH-01 pass` and one that fails; "
         "`plancheck test --scaffold -k VEH-01` writes both"),
        "rule VEH-01", id="rule-without-tests"),
    pytest.param(
        CLEAN.replace('kind binding because "约束性指标"', "kind binding"),
        ("L610", "error", "binding rule `LAND-01` does not say why it is binding",
         'write `kind binding because "…"` (e.g. the plan lists it as a 约束性 indicator)'),
        "kind binding", id="binding-without-reason"),
    pytest.param(
        CLEAN.replace("  require land_area <= 1 km2\n", ""),
        ("L606", "warning", "no rule reads field `land_area` of record `project`",
         "a proposal must fill it, yet nothing checks it; add the rule or drop the field"),
        "land_area: km2", id="unused-field"),
    pytest.param(
        CLEAN + 'indicator spare {\n  unit %\n}\n',
        ("L605", "warning", "no rule uses indicator `spare`",
         "write the rule the plan states for it, or drop it"),
        "indicator spare", id="unused-indicator"),
    pytest.param(
        CLEAN.replace("land <= 319 km2", "land <= 300 km2"),
        ("L613", "warning", "rule `LAND-01` requires `300 km2`, which its quote does not state",
         "the quote says `319平方公里` (= `319 km2`); correct the number, or add `read NAME = "
         '… because "…"` saying why the rule reads the plan so'),
        "land <= 300 km2", id="threshold-drifted-from-the-quote"),
    pytest.param(
        CLEAN.replace('cite "第一章" line 2', 'cite "完全虚构的章节" line 2'),
        ("L614", "error",
         "the section `完全虚构的章节` of rule `LAND-01` is not where line 2 of the plan stands",
         "did you mean `第一章`?"),
        "完全虚构的章节", id="section-not-a-heading"),
    pytest.param(
        CLEAN.replace("land <= 319 km2", "land <= 31900 ha"), None, "",
        id="threshold-in-another-unit-of-the-quote"),
    pytest.param(
        CLEAN + 'test "all rules" {\n  expect LAND-01 pass\n}\n',
        ("L609", "error", "test `all rules` is declared twice",
         "the first is at {path}:{first}:1; give each test its own name"),
        None, id="duplicated-test-name"),
]


@pytest.mark.parametrize(("text", "expected", "where"), CASES)
def test_each_planted_problem_gives_exactly_its_diagnostic(
        tmp_path: Path, text: str, expected: tuple[str, str, str, str] | None,
        where: str | None) -> None:
    found = run_lint(tmp_path, text)
    if expected is None:
        assert found == []
        return
    (diagnostic,) = found
    if where is None:  # the second of two: the last line that opens a test
        line = max(i for i, t in enumerate(text.splitlines(), 1) if t.startswith("test "))
        first = next(i for i, t in enumerate(text.splitlines(), 1) if t.startswith("test "))
        expected = (*expected[:3], expected[3].format(path=diagnostic.span.file, first=first))
    else:
        line = line_of(text, where)
    assert fields(diagnostic) == (*expected, line)


def test_duplicated_rule_ids_are_lint_errors_on_the_model(tmp_path: Path) -> None:
    (tmp_path / "plan.txt").write_text(PLAN_TEXT, encoding="utf-8")
    (tmp_path / "suite.rules").write_text(CLEAN + LAND, encoding="utf-8")
    loaded = load_suite([tmp_path])
    codes = [(d.code, d.message) for d in lint(loaded.suite)]
    assert ("L609", "rule `LAND-01` is declared twice") in codes


def test_vague_words_inside_fixed_terms_and_trends_are_fine(tmp_path: Path) -> None:
    # FOR-01 quotes 进一步 for a trend (no number to read); 永久基本农田 is a name, not a hedge.
    farmland = ('rule FARM-01 {\n  cite "第一章" line 6: "严格保护永久基本农田"\n'
                "  require land <= prev(land)\n}\n"
                'test "farm" {\n  expect FARM-01 pass\n}\n')
    assert run_lint(tmp_path, CLEAN + farmland) == []


def test_a_unit_nothing_uses_or_could_read_is_l616(tmp_path: Path) -> None:
    found = run_lint(tmp_path, CLEAN + 'unit db of loudness alias "分贝"\n')
    assert [fields(d) for d in found] == [
        ("L616", "warning", "no indicator, field, rule or test uses unit `db`",
         "use it, or drop the declaration (the standard units need none)",
         CLEAN.count("\n") + 1)]
    assert (found[0].span.column, found[0].span.end_column) == (1, 8)


@pytest.mark.parametrize("extra", [
    # a dimension the suite holds: plan data may be written in it (亿平方米 into km2)
    'unit yi_m2 = 100000000 m2 alias "亿平方米"\n',
    # named by a field, by an alias in a test's quantity, by another unit's definition
    'unit db of loudness alias "分贝"\nrecord noise {\n  id: text required\n  level: db\n}\n'
    'rule N-01 {\n  cite "第一章" line 2: "城乡建设用地规模控制在319平方公里以内"\n'
    '  for each noise\n  require level <= 319 db\n}\n'
    'test "n" {\n  given noise { id: "a", level: 3 分贝 }\n  expect N-01 pass\n}\n',
    'unit db of loudness\nunit kdb = 1000 db alias "千分贝"\nindicator loud {\n  unit kdb\n}\n'
    'rule N-02 {\n  cite "第一章" line 2: "城乡建设用地规模控制在319平方公里以内"\n'
    '  require loud <= 319 kdb\n}\ntest "n" {\n  expect N-02 pass\n}\n',
])
def test_a_unit_that_is_named_or_could_be_read_is_not_l616(tmp_path: Path, extra: str) -> None:
    assert [d.code for d in run_lint(tmp_path, CLEAN + extra) if d.code == "L616"] == []


def test_a_plan_without_its_text_is_a_warning(tmp_path: Path) -> None:
    found = run_lint(tmp_path, CLEAN.replace('  source "plan.txt"\n', ""))
    assert [(d.code, d.severity, d.message) for d in found] == [
        ("L604", "warning", "plan `t` names no `source` text")]


def test_the_bundled_suite_has_no_lint_errors() -> None:
    loaded = load_suite(None)
    found = lint(loaded.suite, typecheck(loaded.suite))
    assert [d for d in found if d.severity == "error"] == []


def test_an_indicator_marked_baseline_is_not_unused(tmp_path: Path) -> None:
    baseline = 'indicator spare {\n  unit %\n  role baseline\n}\n'
    assert run_lint(tmp_path, CLEAN + baseline) == []


CITY_TEXT = "第二章 城市战略定位\n一、战略定位\n  北京城市战略定位是全国政治中心、文化中心。\n"
CITY = 'source beijing "北京城市总体规划" file "beijing.txt"\n'
CITY_CITE = 'cite beijing "第二章 一" line 3: "北京城市战略定位是全国政治中心"'


def lint_with_city(tmp_path: Path, cite: str, city_text: str | None = CITY_TEXT
                   ) -> list[tuple[str, str, str]]:
    if city_text is not None:
        (tmp_path / "beijing.txt").write_text(city_text, encoding="utf-8")
    text = CLEAN.replace('  kind binding because "约束性指标"\n',
                         f'  {cite}\n  kind binding because "约束性指标"\n')
    return [(d.code, d.message, d.help) for d in run_lint(tmp_path, CITY + text)]


def test_a_cite_of_a_declared_source_is_checked_against_that_text(tmp_path: Path) -> None:
    good = CITY_CITE
    assert lint_with_city(tmp_path, good) == []
    assert lint_with_city(tmp_path, good.replace("line 3", "line 2")) == [
        ("L603", "line 2 of source `beijing` does not contain the quote of rule `LAND-01`",
         "did you mean line 3?")]
    assert lint_with_city(tmp_path, good.replace("第二章 一", "第五章 一")) == [
        ("L614", "the section `第五章 一` of rule `LAND-01` is not where line 3 of source "
         "`beijing` stands", "did you mean `第二章 一`?")]
    # the plan's text does not hold the city's sentence: a cite without a name quotes the plan
    assert [c for c, _, _ in lint_with_city(tmp_path, good.replace("beijing ", ""))] == ["L602"]


def test_a_cite_of_an_undeclared_source_is_an_error_with_did_you_mean(tmp_path: Path) -> None:
    found = lint_with_city(tmp_path, CITY_CITE.replace("beijing", "beijng"))
    assert found == [("L615", "the cite of rule `LAND-01` quotes source `beijng`, which the suite "
                      "does not declare", "did you mean `beijing`?")]


def test_a_source_whose_text_cannot_be_read_is_a_warning(tmp_path: Path) -> None:
    found = lint_with_city(tmp_path, CITY_CITE, city_text=None)
    assert [(c, m) for c, m, _ in found] == [
        ("L604", "cannot read the text `beijing.txt` of source `beijing`: No such file or "
         "directory")]


QUOTA = '''indicator quota "市级要求" {
  unit km2
  role parameter
  cite "第一章" line 2: "城乡建设用地规模控制在319平方公里以内"
}
'''


def test_a_parameter_has_no_kind_for_l620_or_for_a_rules_default_kind(tmp_path: Path) -> None:
    """friction 9: `require land <= quota` of a binding rule on a binding indicator was
    L620 'what it reads is anticipatory', the parameter's default kind counted."""
    capped = CLEAN.replace("require land <= 319 km2", "require land <= quota")
    assert [d.code for d in run_lint(tmp_path, capped + QUOTA)] == []
    unstated = capped.replace('  kind binding because "约束性指标"\n', "", 1)
    (tmp_path / "suite.rules").write_text(unstated + QUOTA, encoding="utf-8")
    checked = typecheck(load_suite([tmp_path]).suite)
    rule = checked.rule("LAND-01")
    assert rule is not None and rule.kind == "binding"


@pytest.mark.parametrize(("quote", "vague"), [
    ("严禁在干流及主要支流岸线1公里范围内新建布局重化工园区", None),
    ("实行主要污染物排放总量指标两倍减量置换", None),
    ("新建项目实行主要水污染物排放减量置换", None),
    ("作业车辆主要采用新能源车型", "主要"),  # a share: how much is 主要?
    ("主要支流水质主要达到Ⅲ类", "主要"),  # the term is left out, the hedge is still read
])
def test_main_tributaries_and_main_pollutants_are_things_not_a_hedge(
        quote: str, vague: str | None) -> None:
    """friction11: `主要支流` (the main tributaries) and `主要污染物` asked for a
    `read 主要 = …`, as if 主要 hedged a number; they name what the rule is about."""
    from checker.syntax import model as m
    from checker.syntax.suite import parse_bytes
    from checker.tools.lint import vague_word

    text = f'rule R-01 {{\n  cite "一" line 1: "{quote}"\n  require x <= 1 km\n}}\n'
    _, built = parse_bytes("r.rules", text.encode())
    assert isinstance(built, m.RuleFile)
    (rule,) = [s for s in built.statements if isinstance(s, m.Rule)]
    found = vague_word(rule)
    assert (found[1] if found else None) == vague
