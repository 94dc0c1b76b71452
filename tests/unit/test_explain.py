"""checker.tools.explain: the rule, its citations, and the plan's sentence with the quote marked."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.diagnostics import DiagnosticError
from checker.source import SourceFile
from checker.syntax.suite import PACKAGE, LoadedSuite, load_suite
from checker.tools.explain import explain, find_quote, headings_above, plan_file, render
from checker.types.typecheck import typecheck
from tests.helpers import BUNDLED

PLAN = """\
第一章 总则
  一、目标
  (一)主要目标

  城乡建设用地规模控制在319平方公里以内。森林覆盖率进一步提高;重污染天气基本消除。
第二章 空间
  一、用地
  坚持减量发展,确保城乡建设用地规模控制在319平方公里以内。综合推动拆除违法建设。
"""

RULES = """\
plan demo {
  title "演示"
  period 2021..2025
  region 大兴区
  source "plan.txt"
}

indicator land {
  unit km2
}

rule LAND-01 "城乡建设用地规模" {
  cite "第二章 一" line 8: "城乡建设用地规模控制在319平方公里以内"
  cite "第一章 一 (一)" line 8: "重污染天气基本消除"
  cite "第一章": "不在规划里的话"
  cite "第二章 一" line 8: "确保城乡建设用地规模控制在３１９平方公里以内"
  kind binding because "约束性指标"
  read 上限 = 319 km2 because "规划原文"
  require land <= 上限 each year in 2021..2025
}

rule BARE-01 {
  require land <= 400 km2
}
"""


@pytest.fixture
def suite(tmp_path: Path) -> LoadedSuite:
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "rules.rules").write_text(RULES, encoding="utf-8")
    return load_suite([tmp_path])


@pytest.mark.parametrize(
    ("line", "quote", "found"),
    [("abc城乡建设def", "城乡建设", (3, 7)),
     ("控制在319平方公里以内", "控制在３１９平方公里", (0, 10)),  # full-width digits
     ("达到90%,逐步", "达到 90％", (0, 5)),  # spacing and a full-width percent sign
     ("城乡建设", "森林", None),
     ("城乡建设", "", None)],
)
def test_find_quote_exactly_or_after_folding(line: str, quote: str,
                                             found: tuple[int, int] | None) -> None:
    assert find_quote(line, quote) == found


def test_headings_are_the_chapter_section_and_subsection_above_a_line() -> None:
    plan = SourceFile("plan.txt", PLAN)
    assert headings_above(plan, 5) == ((1, "第一章 总则"), (2, "一、目标"), (3, "(一)主要目标"))
    # a new chapter resets the section and subsection below it
    assert headings_above(plan, 8) == ((6, "第二章 空间"), (7, "一、用地"))


def test_each_citation_is_found_on_its_line_elsewhere_or_not_at_all(suite: LoadedSuite) -> None:
    checked = typecheck(suite.suite)
    explanation = explain(suite, checked, "LAND-01")
    first, elsewhere, missing, folded = explanation.citations
    excerpt = first.excerpt
    assert excerpt is not None and first.note is None
    assert excerpt.line == 8
    assert excerpt.headings == ((6, "第二章 空间"), (7, "一、用地"))
    assert excerpt.text == "坚持减量发展,确保城乡建设用地规模控制在319平方公里以内。…"
    assert excerpt.start is not None and excerpt.end is not None
    assert excerpt.text[excerpt.start:excerpt.end] == "城乡建设用地规模控制在319平方公里以内"
    assert elsewhere.note == "the quote is on line 5, not line 8"
    assert elsewhere.excerpt is not None and elsewhere.excerpt.line == 5
    assert elsewhere.excerpt.text == "…重污染天气基本消除。"
    assert (missing.excerpt, missing.note) == (None, "the quote is not in the plan text")
    assert folded.note is None and folded.excerpt is not None
    assert folded.excerpt.text[folded.excerpt.start:folded.excerpt.end] == \
        "确保城乡建设用地规模控制在319平方公里以内"


def test_plain_rendering_marks_the_quote_and_shows_rule_kind_and_readings(
        suite: LoadedSuite) -> None:
    text = render(explain(suite, typecheck(suite.suite), "LAND-01"))
    lines = text.splitlines()
    assert lines[0] == "LAND-01  城乡建设用地规模"
    assert lines[1] == "kind: binding (约束性): a failure is an error"
    assert lines[2] == "  because 约束性指标"
    assert lines[3] == "subject: indicator series of 大兴区"
    assert 'rule LAND-01 "城乡建设用地规模" {' in lines
    assert "  require land <= 上限 each year in 2021..2025" in lines
    assert "  上限 = 319 km2  because 规划原文" in lines
    assert "cites 第二章 一, line 8: “城乡建设用地规模控制在319平方公里以内”" in lines
    assert "    第二章 空间" in lines and "      一、用地" in lines
    assert "    8 | 坚持减量发展,确保»城乡建设用地规模控制在319平方公里以内«。…" in lines
    assert "  note: the quote is not in the plan text" in lines
    assert "\x1b[" not in text


def test_colour_rendering_highlights_instead_of_marking(suite: LoadedSuite) -> None:
    text = render(explain(suite, typecheck(suite.suite), "LAND-01"), color=True)
    assert "\x1b[" in text and "»" not in text
    assert "城乡建设用地规模控制在319平方公里以内" in text


def test_a_rule_without_citation_says_so(suite: LoadedSuite) -> None:
    text = render(explain(suite, typecheck(suite.suite), "BARE-01"))
    assert "no citation: this rule does not say which sentence of the plan it enforces" in text
    assert "kind: anticipatory (预期性): a failure is a warning" in text


@pytest.mark.parametrize(
    ("rule_id", "help"),
    [("LAND-1", "did you mean `LAND-01`?"), ("land-01", "did you mean `LAND-01`?"),
     ("XYZ", "the suite's rules: LAND-01, BARE-01")],
)
def test_an_unknown_rule_is_t248_with_did_you_mean(suite: LoadedSuite, rule_id: str,
                                                   help: str) -> None:
    with pytest.raises(DiagnosticError) as caught:
        explain(suite, typecheck(suite.suite), rule_id)
    (d,) = caught.value.diagnostics
    assert (d.code, d.message, d.help) == ("T248", f"unknown rule `{rule_id}`", help)


def test_the_plan_text_is_found_beside_the_plan_header_without_a_suite_folder(
        suite: LoadedSuite, tmp_path: Path) -> None:
    files = load_suite([tmp_path / "rules.rules"])
    assert files.root is None
    checked = typecheck(files.suite)
    assert plan_file(files, checked) == tmp_path / "plan.txt"
    assert explain(files, checked, "LAND-01").citations[0].excerpt is not None


def test_a_missing_plan_text_is_a_note_not_a_failure(tmp_path: Path) -> None:
    (tmp_path / "rules.rules").write_text(RULES, encoding="utf-8")
    loaded = load_suite([tmp_path])
    explanation = explain(loaded, typecheck(loaded.suite), "LAND-01")
    assert {c.note for c in explanation.citations} == {"the plan text is not available"}


def test_the_bundled_plan_text_is_read_from_the_package() -> None:
    loaded = load_suite()
    checked = typecheck(loaded.suite)
    path = plan_file(loaded, checked)
    assert path is not None and path.is_file()
    assert path.parent == PACKAGE / "suites" / "daxing-14th"
    assert path.read_bytes() == (BUNDLED / "plan.txt").read_bytes()


QUOTED_PLAN = "第一章 总则\n  “十四五”期间，城乡建设用地规模控制在319平方公里以内。\n"
QUOTED_RULES = RULES.split("indicator land")[0] + """indicator land {
  unit km2
}

rule QUOTE-01 {
  cite "第一章" line 2: "“十四五”期间，城乡建设用地规模控制在319平方公里以内"
  require land <= 319 km2 each year in 2021..2025
}
"""


@pytest.fixture
def quoted_suite(tmp_path: Path) -> Path:
    (tmp_path / "plan.txt").write_text(QUOTED_PLAN, encoding="utf-8")
    (tmp_path / "rules.rules").write_text(QUOTED_RULES, encoding="utf-8")
    return tmp_path


def test_a_quote_that_begins_with_a_quotation_mark_is_not_doubled(quoted_suite: Path) -> None:
    """friction6 #8: explain showed `““十四五”期间…”`; a quote holding quotation marks of
    its own is set in 「」."""
    suite = load_suite([quoted_suite])
    text = render(explain(suite, typecheck(suite.suite), "QUOTE-01"))
    assert "cites 第一章, line 2: 「“十四五”期间，城乡建设用地规模控制在319平方公里以内」" in text
    assert "““" not in text


def test_hover_sets_such_a_quote_in_corner_brackets_too(quoted_suite: Path) -> None:
    from checker.tools.lsp.hover import hover
    from checker.tools.lsp.index import Symbol
    from checker.tools.lsp.workspace import SuiteFolder

    analysis = SuiteFolder(quoted_suite).analyze({})
    occurrence = analysis.index.references(Symbol("rule", "QUOTE-01"))[0]
    text = hover(analysis, occurrence)
    assert text is not None and "““" not in text
    assert "「“十四五”期间" in text


def test_a_plain_quote_keeps_its_quotation_marks() -> None:
    from checker.textsafe import quoted

    assert quoted("重污染天气基本消除") == "“重污染天气基本消除”"
    assert quoted("创建“基本无违法建设区”的要求") == "“创建“基本无违法建设区”的要求”"
    assert quoted("严守“双控”“三线”") == "「严守“双控”“三线”」"  # not a doubled ””


def test_a_cite_of_another_source_is_shown_by_its_name_and_its_file_relative(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """friction 9: `cite national "" line 1` was shown as `cites , line 1` (as if the
    plan's) from `/abs/path/national.txt`, while the plan's own file was relative."""
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "national.txt").write_text("到2025年,人均预期寿命继续提高1岁左右。\n",
                                           encoding="utf-8")
    (tmp_path / "rules.rules").write_text(RULES.replace(
        '  cite "第一章": "不在规划里的话"\n',
        '  cite national "" line 1: "人均预期寿命继续提高1岁左右"\n'
        '  cite national "第一章" line 1: "人均预期寿命继续提高1岁左右"\n') +
        'source national "国民健康规划" file "national.txt"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    loaded = load_suite([tmp_path])
    text = render(explain(loaded, typecheck(loaded.suite), "LAND-01"), color=False)
    assert "cites national line 1: “人均预期寿命继续提高1岁左右”\n  in national.txt:" in text
    assert "cites national 第一章, line 1:" in text
    assert "cites , line" not in text and str(tmp_path) not in text


def test_the_reports_show_a_cite_without_a_section_path_by_its_line() -> None:
    from checker.result import Citation
    from reports.common import citation_where
    from reports.messages import citation_where as localized

    bare = Citation(section="", quote="…", line=1)
    assert (citation_where(bare), localized(bare, "zh")) == ("line 1", "第 1 行")
    full = Citation(section="第二章 一", quote="…", line=8)
    assert (citation_where(full), localized(full, "zh")) == ("第二章 一, line 8",
                                                             "第二章 一，第 8 行")
