"""The language server's answers as plain values: hover, completion, quick fixes, outline
(checker.tools.lsp.hover, complete, actions, symbols), on the bundled suite.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.diagnostics import Diagnostic
from checker.source import SourceFile
from checker.tools.lsp.actions import fixes
from checker.tools.lsp.complete import complete
from checker.tools.lsp.hover import hover, md
from checker.tools.lsp.index import Symbol
from checker.tools.lsp.symbols import outline
from checker.tools.lsp.workspace import Analysis, SuiteFolder, normal
from tests.conftest import BUNDLED


@pytest.fixture(scope="module")
def suite() -> SuiteFolder:
    return SuiteFolder(BUNDLED)


@pytest.fixture(scope="module")
def analysis(suite: SuiteFolder) -> Analysis:
    return suite.analyze({})


def hover_of(analysis: Analysis, symbol: Symbol) -> str:
    occurrence = analysis.index.references(symbol)[0]
    text = hover(analysis, occurrence)
    assert text is not None
    return text


# ------------------------------------------------------------------ hover


def test_hover_on_a_rule_shows_the_plans_sentence_and_line(analysis: Analysis) -> None:
    text = hover_of(analysis, Symbol("rule", "LAND-01"))
    assert text.startswith("**rule `LAND-01`** — 城乡建设用地规模控制在319平方公里以内")
    assert "binding \\(约束性\\): a failure is an error" in text
    assert "> 坚持减量发展,严守“双控”“三线”" in text
    assert "**确保城乡建设用地规模控制在319平方公里以内**" in text
    assert "plan text, line 315 — 第五章" in text
    assert "about the indicator series of 大兴区" in text


def test_hover_on_an_indicator_lists_the_rules_that_read_it(analysis: Analysis) -> None:
    text = hover_of(analysis, Symbol("indicator", "urban_rural_construction_land"))
    assert "— 城乡建设用地规模" in text
    assert "- unit: `km²` (area)" in text
    assert "- direction: down (lower is better)" in text
    assert "read by `LAND-01`, `LAND-02`, `LAND-08`" in text


def test_hover_on_a_unit_gives_the_exact_factor(analysis: Analysis) -> None:
    text = hover_of(analysis, Symbol("unit", "mu"))
    assert "**unit `mu`** — area" in text
    assert "1 `亩` = 2000/3 `m²` (exact), ≈ 666.667" in text
    assert "the base unit of area" in hover_of(analysis, Symbol("unit", "m2"))


def test_hover_on_a_count_unit_says_count_not_one(analysis: Analysis) -> None:
    """The prelude's dimension `one` is counts and bare numbers; its base has no symbol,
    so `1 万 = 10000`, not `= 10000 ```."""
    text = hover_of(analysis, Symbol("unit", "wan"))
    assert "**unit `wan`** — a count or bare number" in text
    assert "1 `万` = 10000 (exact)" in text
    # friction10: the count's spellings without the empty one (``, `count`, `个` …)
    one = hover_of(analysis, Symbol("unit", "one"))
    assert "spellings: `count`, `个`, `座`" in one and "``" not in one


def test_hover_on_a_field_gives_type_and_values(analysis: Analysis) -> None:
    text = hover_of(analysis, Symbol("field", "vehicle_emission_standard", "project"))
    assert "type: a level of scale `排放标准`: 国三 < 国四 < 国五 < 国六a < 国六b" in text
    zone = hover_of(analysis, Symbol("field", "zone", "project"))
    assert "type: one of set `功能区`: 临空经济区, 综合保税区" in zone
    land = hover_of(analysis, Symbol("field", "new_construction_land", "project"))
    assert "type: a quantity in `km²` (area)" in land and "default" not in land  # none


def test_hover_on_a_reading_gives_its_value_reason_and_quote(analysis: Analysis) -> None:
    reading = next(o for o in analysis.index.declared("reading"))
    text = hover(analysis, reading)
    assert text is not None
    assert text.startswith(f"**read `{reading.symbol.name}` = ")
    assert "because " in text and "reads the plan's “" in text


def test_markdown_in_user_text_is_escaped() -> None:
    assert md("a*b_[c](d) <x>") == "a\\*b\\_\\[c\\]\\(d\\) \\<x\\>"
    assert md("bell\x07") == "bell\\\\x07"


# ------------------------------------------------------------------ completion

RULE = 'rule X "t" {\n  for each project\n'


@pytest.mark.parametrize(("text", "expected", "unexpected"), [
    ("", ["rule", "indicator", "test"], ["require"]),
    (RULE + "  ", ["cite", "require", "for each", "read"], ["rule"]),
    (RULE + "  kind ", ["binding", "anticipatory"], []),
    ("rule X {\n  for each ", ["project"], []),
    (RULE + "  where ", ["zone", "industry", "abs", "and", "is present"], ["gdp_growth"]),
    (RULE + "  where zone == ", ["临空经济区", "大兴新城"], ["zone"]),
    (RULE + "  where industry in {生物制药, ", ["创新药物"], []),
    (RULE + "  require land_area <= 3", ["km2", "平方公里", "亩"], ["zone"]),
    # friction11: a unit after a number compared with a field is of the field's dimension
    (RULE + "  require land_area <= 3 ", ["km2", "ha"], ["个", "%", "km", "万元"]),
    (RULE + "  require 3 ", ["km2", "%", "个"], []),  # nothing to compare with yet: all
    (RULE + "  require industry not in ", ["产业", "功能区"], []),
    (RULE + "  require strategic_reserve_approval is ", ["present", "missing"], []),
    ("rule X {\n  require ", ["gdp_growth", "growth", "cagr"], ["zone"]),
    ('test "t" {\n  ', ["as of", "given", "given data", "expect"], []),
    ('test "t" {\n  expect ', ["LAND-01", "FARM-01"], ["pass"]),
    ('test "t" {\n  expect LAND-0', ["LAND-01"], []),
    ('test "t" {\n  expect LAND-01 ', ["pass", "pending"], []),
    ('test "t" {\n  expect LAND-01 pending ', ["on_track", "lagging", "for"], []),
    ('test "t" {\n  given ', ["data", "project"], []),
    ('test "t" {\n  given data ', ["gdp_growth"], []),
    ('test "t" {\n  given data gdp_growth ', ["大兴区"], []),
    ('test "t" {\n  given data gdp_growth 大兴区 2021 = 5', ["%"], ["km2", "个"]),
    ('test "t" {\n  given project { land_area: 3 ', ["亩", "ha"], ["%", "个"]),
    ('test "t" {\n  given project { ', ["zone", "id"], []),
    ('test "t" {\n  given project { zone: ', ["临空经济区"], []),
    ('test "t" {\n  given project { zone: 大兴新城, ', ["industry"], ["zone"]),
    ('test "t" {\n  given project { in_strategic_reserve: ', ["true", "false"], []),
    ("indicator x {\n  ", ["unit", "kind", "direction", "role"], []),
    ("indicator x {\n  unit ", ["km2", "bool", "%"], []),
    ("indicator x {\n  direction ", ["up", "down", "none"], []),
    ("record r {\n  f: ", ["text", "enum", "km2"], []),
    ("record r {\n  f: enum ", ["镇街", "产业"], []),
    ("record r {\n  f: km2 ", ["required", "default", "label"], []),
    ("rule X {\n}\n", ["rule"], ["require"]),
    (RULE + '  cite "第五章 ', [], ["zone", "line"]),  # in a string
    (RULE + "  # a comment ", [], ["zone"]),
    (RULE + '  cite "第五章 一" ', ["line"], []),
    ('source beijing "北京城市总体规划" ', ["file"], []),
    ("source beijing ", ["file"], []),
    ('source beijing file "b.txt"', [], ["file"]),
])
def test_completion_in_context(analysis: Analysis, text: str, expected: list[str],
                               unexpected: list[str]) -> None:
    lines = text.split("\n")
    _, items = complete(text, len(lines) - 1, len(lines[-1]), analysis)
    labels = [i.label for i in items]
    assert set(expected) <= set(labels), labels[:20]
    assert not set(unexpected) & set(labels)


def test_completion_replaces_the_word_being_typed(analysis: Analysis) -> None:
    text = 'test "t" {\n  expect LAND-0'
    start, _ = complete(text, 1, len("  expect LAND-0"), analysis)
    assert start == len("  expect ")
    start, _ = complete("rule X {\n  require x <= 90k", 1, len("  require x <= 90k"), analysis)
    assert start == len("  require x <= 90")  # the unit after the number


def test_completion_quotes_a_name_that_needs_it(analysis: Analysis) -> None:
    from checker.tools.lsp.complete import Completion
    assert Completion("in", "field").insert == "`in`"
    assert Completion("%", "unit").insert == "%"


# ------------------------------------------------------------------ quick fixes


def fix_of(suite: SuiteFolder, name: str, old: str, new: str) -> tuple[str, list[Diagnostic],
                                                                         Analysis]:
    path = normal(BUNDLED / name)
    text = (BUNDLED / name).read_text(encoding="utf-8")
    assert old in text
    changed = text.replace(old, new, 1)
    analysis = suite.analyze({path: changed})
    return changed, analysis.diagnostics[path], analysis


def applied(text: str, diagnostic: Diagnostic, analysis: Analysis) -> str:
    source = analysis.sources[diagnostic.span.file]
    (fix,) = fixes(diagnostic, source, analysis.rule_file(diagnostic.span.file))
    lines = text.split("\n")
    for edit in sorted(fix.edits, key=lambda e: (e.span.line, e.span.column), reverse=True):
        row = lines[edit.span.line - 1] if edit.span.line <= len(lines) else ""
        lines[edit.span.line - 1] = row[: edit.span.column - 1] + edit.text + \
            row[edit.span.end_column - 1 :]
    return "\n".join(lines)


@pytest.mark.parametrize(("name", "old", "new", "code"), [
    ("projects.rules", "require not occupies_permanent_basic_farmland",
     "require not occupies_permanent_basic_farmlnd", "T204"),
    ("projects.rules", "expect FARM-01 pass", "expect FARM-1 pass", "T240"),
    ("land.rules", "<= 319 km2 each", "<= 319 kmm2 each", "T208"),
    ("projects.rules", "for each project\n  require not occupies",
     "for each projet\n  require not occupies", "T227"),
    ("land.rules", "cite \"第五章 一 (三)\" line 315: \"确保",
     "cite \"第五章 一 (三)\" line 316: \"确保", "L603"),
    ("land.rules", "cite \"第五章 一 (三)\" line 315: \"确保",
     "cite \"第五章 二 (三)\" line 315: \"确保", "L614"),
    ("land.rules", "  require urban_rural", "  requre urban_rural", "P115"),
    ("economy.rules", "gdp_growth 大兴区 2021 = 7%", "gdp_growht 大兴区 2021 = 7%", "T241"),
    ("economy.rules", "require growth(per_capita", "require grwth(per_capita", "T230"),
    ("schema.rules", "zone: enum 功能区", "zone: enum 功能去", "T210"),
    ("schema.rules", "land_area: km2", "land_area: kmm2", "T217"),
    ("zoning.rules", "where zone == 临空经济区", "where zone == 临空经济去", "T205"),
    ("projects.rules", 'id: "V2-ok", zone: 临空经济区', 'id: "V2-ok", zone: 临空经济去', "T244"),
    ("projects.rules", 'id: "F-ok", occupies_permanent_basic_farmland',
     'id: "F-ok", occupies_permanent_basic_farmlnd', "T242"),  # in a test's given
])
def test_a_did_you_mean_is_a_quick_fix_that_undoes_the_typo(suite: SuiteFolder, name: str,
                                                             old: str, new: str, code: str) -> None:
    original = (BUNDLED / name).read_text(encoding="utf-8")
    changed, found, analysis = fix_of(suite, name, old, new)
    diagnostic = next(d for d in found if d.code == code)
    assert applied(changed, diagnostic, analysis) == original


def test_a_misquoted_sentence_is_replaced_by_the_plans(suite: SuiteFolder) -> None:
    changed, found, analysis = fix_of(suite, "land.rules", '315: "确保城乡建设用地规模控制在319',
                                      '315: "确保城乡建设用地规模控制在391')
    diagnostic = next(d for d in found if d.code == "L602")
    assert applied(changed, diagnostic, analysis) == (BUNDLED / "land.rules").read_text(
        encoding="utf-8")


def test_a_vague_word_gets_a_read_of_the_rules_constant(suite: SuiteFolder,
                                                         tmp_path: Path) -> None:
    text = ('rule V-01 "v" {\n  cite "第一章" line 88: "居民收入增长和经济增长基本同步"\n'
            "  require abs(per_capita_disposable_income_growth - gdp_growth) <= 1%\n}\n")
    path = normal(BUNDLED / "vague.rules")
    analysis = suite.analyze({path: text})
    diagnostic = next(d for d in analysis.diagnostics[path] if d.code == "L607")
    fixed = applied(text, diagnostic, analysis)
    assert fixed.split("\n")[2] == '  read 基本 = 1% because "the plan\'s 基本 read as 1%"'
    assert fixed.split("\n")[3].endswith("<= 基本")
    again = suite.analyze({path: fixed})
    assert not [d for d in again.diagnostics[path] if d.code in ("L607", "T204")]


def test_an_untested_rule_gets_a_quick_fix_writing_its_tests(suite: SuiteFolder) -> None:
    from checker.tester.runner import run_tests
    from checker.tools.lsp.write_tests import scaffold_fixes

    text = ('rule CAP-09 "c" {\n  cite "第五章 一 (三)" line 315: "确保城乡建设用地规模控制在'
            '319平方公里以内"\n  require urban_rural_construction_land <= 319 km2 by 2025\n}\n')
    path = normal(BUNDLED / "new.rules")
    analysis = suite.analyze({path: text})
    diagnostic = next(d for d in analysis.diagnostics[path] if d.code == "L608")
    (fix,) = scaffold_fixes(diagnostic, analysis.rule_file(path), analysis.checked)
    assert fix.title == "Write a passing and a failing test for CAP-09"
    (edit,) = fix.edits
    assert (edit.span.line, edit.span.column) == (4, 2)  # after the rule's closing brace
    fixed = text[: text.index("}\n") + 1] + edit.text + "\n"
    again = suite.analyze({path: fixed})
    assert not [d for d in again.diagnostics[path] if d.severity == "error" or d.code == "L608"]
    assert again.checked is not None
    ours = [x for x in again.checked.tests if x.span.file == path]
    assert [c.passed for c in run_tests(again.checked, ours).results] == [True, True]
    assert scaffold_fixes(diagnostic, None, analysis.checked) == []


def test_only_did_you_mean_helps_make_fixes(analysis: Analysis) -> None:
    source = SourceFile("x.rules", "rule X {\n}\n")
    plain = Diagnostic("T225", "rule `X` has no `require`", source.span(0, 6),
                       help="a rule states at least one constraint: `require …`")
    assert fixes(plain, source, None) == []


# ------------------------------------------------------------------ outline


def test_the_outline_lists_rules_tests_and_record_fields(analysis: Analysis) -> None:
    schema = analysis.rule_file(normal(BUNDLED / "schema.rules"))
    assert schema is not None
    entries = outline(schema, analysis.index)
    assert [e.kind for e in entries] == ["set", "set", "set", "scale", "record"]
    record = entries[-1]
    assert record.name == "project" and record.children[0].name == "id"
    assert record.name_span.line == record.span.line == 8
    projects = analysis.rule_file(normal(BUNDLED / "projects.rules"))
    assert projects is not None
    kinds = {e.kind for e in outline(projects, analysis.index)}
    assert kinds == {"rule", "test"}


def test_hover_on_a_unit_declared_from_another_shows_its_derivation(tmp_path: Path) -> None:
    """friction6 #11: `unit 万人次 = 10000 人次` hovers as declared, with its dimension,
    not only as `1 万人次 = 10000` of the dimension's base."""
    import shutil

    shutil.copytree(BUNDLED, tmp_path / "s")
    (tmp_path / "s" / "trips.rules").write_text(
        'unit 人次 = 1 one\nunit 万人次 = 10000 人次\n', encoding="utf-8")
    analysis = SuiteFolder(tmp_path / "s").analyze({})
    text = hover_of(analysis, Symbol("unit", "万人次"))
    assert "**unit `万人次`** — a count or bare number" in text
    assert "declared as 1 `万人次` = 10000 `人次`" in text
    assert "1 `万人次` = 10000 (exact)" in text
    assert "declared as" not in hover_of(analysis, Symbol("unit", "wan_m2"))  # of the base


def test_hover_on_a_compound_unit_reads_it_from_its_parts(tmp_path: Path) -> None:
    """friction8: `tce/万元` (no declaration needed) hovered as `unknown unit`."""
    import shutil

    shutil.copytree(BUNDLED, tmp_path / "s")
    (tmp_path / "s" / "energy.rules").write_text(
        'indicator energy_intensity "单位产值能耗" {\n  unit tce/万元\n  kind binding\n'
        "  direction down\n}\n", encoding="utf-8")
    analysis = SuiteFolder(tmp_path / "s").analyze({})
    text = hover_of(analysis, Symbol("unit", "tce/万元"))
    assert text.startswith("**compound unit `tce/万元`** — energy per money")
    assert "1 `tce/万元` = 0.0001 in its parts' base units (exact)" in text
    assert "unknown unit" not in text and "the base unit" not in text


def test_hover_on_a_parameter_says_its_role_not_a_kind(tmp_path: Path) -> None:
    """friction8: `市级要求` hovered as `kind: anticipatory … a failure is a warning`,
    `direction: none`; a parameter is never judged itself, a rule reads it as a bound."""
    import shutil

    shutil.copytree(BUNDLED, tmp_path / "s")
    (tmp_path / "s" / "city.rules").write_text(
        'indicator city_pm25 "市级要求" {\n  unit μg/m³\n  role parameter\n'
        '  cite "第八章 二" line 553: "达到市级要求"\n}\n', encoding="utf-8")
    analysis = SuiteFolder(tmp_path / "s").analyze({})
    text = hover_of(analysis, Symbol("indicator", "city_pm25"))
    assert "- role: parameter — a value another authority assigns each year" in text
    assert "kind:" not in text and "direction:" not in text
    assert "- kind:" in hover_of(analysis, Symbol("indicator", "urban_rural_construction_land"))


def test_hover_on_a_rule_names_another_source_its_cite_quotes(tmp_path: Path) -> None:
    """friction 9: `cite national "" line 1` hovered as `cites ****, line 1`, and its
    reading as `reads the plan's …`."""
    import shutil

    shutil.copytree(BUNDLED, tmp_path / "s")
    (tmp_path / "s" / "national.txt").write_text("到2025年,重污染天气基本消除。\n",
                                                encoding="utf-8")
    (tmp_path / "s" / "national.rules").write_text(
        'source national "国民规划" file "national.txt"\n\n'
        'rule NAT-01 {\n  cite national "" line 1: "重污染天气基本消除"\n'
        '  read 基本消除 = 3 days because "示例"\n'
        '  require heavy_pollution_days <= 基本消除 by 2025\n}\n', encoding="utf-8")
    analysis = SuiteFolder(tmp_path / "s").analyze({})
    text = hover_of(analysis, Symbol("rule", "NAT-01"))
    assert "cites **national line 1**: “重污染天气基本消除”" in text and "****" not in text
    reading = hover_of(analysis, Symbol("reading", "基本消除", "NAT-01"))
    assert "reads `national`'s “重污染天气基本消除”" in reading


def test_hover_on_a_source_and_on_a_count_units_indicator(tmp_path: Path) -> None:
    """friction9 #12: hover on `national` in `cite national …` gave nothing; #11: an
    indicator of unit `张` hovered as ``unit: `` `` (the count's empty symbol)."""
    import shutil

    from tests.e2e.test_scaffold_suites import HEALTH

    shutil.copytree(HEALTH, tmp_path / "s")
    analysis = SuiteFolder(tmp_path / "s").analyze({})
    [cited] = [o for o in analysis.index.references(Symbol("source", "national"))
               if not o.declaration]
    assert cited.within == "LIFE-01"
    text = hover(analysis, cited)
    assert text is not None
    assert text.startswith("**source `national`** — "
                           "“十四五”国民健康规划（中新网2022\\-05\\-20报道）")
    assert "- file: `national.txt` (1 line)" in text and "quoted by `LIFE-01`" in text
    beds = hover_of(analysis, Symbol("indicator", "city_bed_quota"))
    assert "- unit: `张` (a count or bare number)" in beds
    assert "period" not in text  # the health suite's source declares none


def test_hover_on_a_source_shows_the_period_it_declares(tmp_path: Path) -> None:
    """friction11 #14: `source water14 … period 2021..2025` — its hover says the span."""
    import shutil

    suite = Path(__file__).resolve().parent.parent / "data" / "suites" / "friction11-yangtze"
    shutil.copytree(suite, tmp_path / "s")
    analysis = SuiteFolder(tmp_path / "s").analyze({})
    [cited, *_] = [o for o in analysis.index.references(Symbol("source", "water14"))
                   if not o.declaration]
    text = hover(analysis, cited)
    assert text is not None and "- period: 2021..2025 (its targets' span" in text


def test_a_did_you_mean_with_equally_close_choices_names_each_and_fixes_each() -> None:
    """friction11 #10: `清水河` (meant: 清水江) got `did you mean 赤水河?` — both are one
    character off, and the first in sorting order was named alone; both are named, and
    the editor offers a fix for each (the first preferred)."""
    from checker.diagnostics import Diagnostic, did_you_mean
    from checker.source import SourceFile, Span

    assert did_you_mean("清水河", ["赤水河", "乌江", "清水江"]) == \
        "did you mean `赤水河` or `清水江`?"
    assert did_you_mean("乌江河", ["赤水河", "乌江", "清水江"]) == "did you mean `乌江`?"
    text = "rule R {\n  where river in {乌江, 清水河}\n}\n"
    column = text.split("\n")[1].index("清水河") + 1
    diagnostic = Diagnostic("T205", "`清水河` is not a value of `河流`",
                            Span("r.rules", 2, column, 2, column + 3),
                            help=did_you_mean("清水河", ["赤水河", "乌江", "清水江"]))
    found = fixes(diagnostic, SourceFile("r.rules", text), None)
    assert [(f.title, f.preferred) for f in found] == [
        ("replace `清水河` with `赤水河`", True), ("replace `清水河` with `清水江`", False)]


def test_hover_on_a_field_gives_its_range_and_a_bare_units_name() -> None:
    """friction11: a field's hover said nothing of its `range` (what D327 holds data to),
    and a field typed `one` read ``a quantity in `` `` (the bare unit's empty symbol)."""
    from tests.e2e.test_scaffold_suites import YANGTZE

    analysis = SuiteFolder(YANGTZE).analyze({})
    distance = hover_of(analysis, Symbol("field", "distance_to_shore", "project"))
    assert "type: a quantity in `km` (length)" in distance and "range `>= 0 km`" in distance
    ratio = hover_of(analysis, Symbol("field", "pollutant_offset_ratio", "project"))
    assert "type: a quantity in `one` (a count or bare number)" in ratio
    assert "range `>= 0`" in ratio
    share = hover_of(analysis, Symbol("field", "phosphogypsum_utilisation", "project"))
    assert "range `0%..100%`" in share
