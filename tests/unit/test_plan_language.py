"""`language` in the plan header: the reports' default language (T236 for another value)."""

from __future__ import annotations

import pytest

from checker.diagnostics import DiagnosticError
from checker.source import SourceFile
from checker.tools.fmt import format_text
from tests.helpers import checked_from

PLAN = 'plan p {\n  title "t"\n  period 2021..2025\n  region 大兴区\n  language "LANG"\n}\n'


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_plan_declares_its_language(lang: str) -> None:
    assert checked_from(PLAN.replace("LANG", lang), contract=False).plan.language == lang


def test_no_language_is_none() -> None:
    text = PLAN.replace('  language "LANG"\n', "")
    assert checked_from(text, contract=False).plan.language is None


def test_a_language_the_reports_do_not_speak_is_T236() -> None:
    with pytest.raises(DiagnosticError) as caught:
        checked_from(PLAN.replace("LANG", "fr"), contract=False)
    [found] = caught.value.diagnostics
    assert (found.code, found.message, found.help, found.span.line) == (
        "T236", "plan language `fr` is not one the reports speak",
        'write `language "zh"` or `language "en"`', 5)


def test_fmt_keeps_the_language() -> None:
    text = PLAN.replace("LANG", "zh")
    assert format_text(SourceFile("p.rules", text)) == text


def test_the_bundled_suite_speaks_chinese() -> None:
    assert checked_from("set none_here = {x}").plan.language == "zh"
