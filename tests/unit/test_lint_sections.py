"""Lint L614: a cite's section path against the headings above its line in the bundled
plan's text, one row per way of writing a path right or wrong."""

from __future__ import annotations

import pytest

from checker.source import SourceFile
from checker.syntax import model as m
from checker.syntax.suite import BUNDLED
from checker.tools.lint_sections import section_problem
from checker.tools.plantext import PlanText

PLAN = PlanText.of(SourceFile.read(BUNDLED / "plan.txt"))
CAP = "确保城乡建设用地规模控制在319平方公里以内"  # line 315, 第五章 一 (三)


@pytest.mark.parametrize(("section", "line", "suggested"), [
    ("第五章 一 (三)", 315, None),
    ("第五章 一 （三）", 315, None),  # full-width brackets
    ("第五章 一、 (三)", 315, None),
    ("第五章 (三)", 315, None),  # a level left out
    ("第五章", 315, None),
    ("第五章 城乡一体 一 (三)", 315, None),  # a heading's words after its number
    ("第五章 一 (三)", None, None),  # no line: where the quote is
    ("完全虚构的章节", 315, "第五章 一 (三)"),
    ("第五章 二 (三)", 315, "第五章 一 (三)"),
    ("第四章 一 (三)", 315, "第五章 一 (三)"),
    ("(三) 第五章", 315, "第五章 一 (三)"),  # out of order
    ("第五章 一 (三)", None, None),
])
def test_a_section_path_names_the_headings_above_the_cited_line(
        section: str, line: int | None, suggested: str | None) -> None:
    found = section_problem("rule `LAND-01`", m.Cite(section, CAP, line), PLAN)
    if suggested is None:
        assert found is None
        return
    assert found is not None
    assert (found.code, found.severity, found.message, found.help) == (
        "L614", "error",
        f"the section `{section}` of rule `LAND-01` is not where line 315 of the plan stands",
        f"did you mean `{suggested}`?")


def test_a_quoted_heading_stands_under_itself() -> None:
    assert section_problem("rule `AIR-03`", m.Cite("第八章 二", "持续改善大气环境质量", 551),
                           PLAN) is None


def test_a_text_without_numbered_headings_is_not_checked() -> None:
    plain = PlanText.of(SourceFile("plain.txt", "城乡建设用地规模控制在319平方公里以内。\n"))
    assert section_problem("rule `X`", m.Cite("第一章", "控制在319平方公里以内", 1),
                           plain) is None
