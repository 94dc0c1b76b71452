"""`plancheck lint --fix` (friction6 #1): a cite whose quote is on another line of the plan
gets that line, in the file, with the same edit as the editor's quick fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.cli.main import main
from checker.source import SourceFile
from checker.syntax.suite import load_suite
from checker.tools.lint import lint_suite
from checker.tools.lint_fix import fixed_text, line_edit
from checker.tools.lsp.actions import fixes
from tests.helpers import BUNDLED

GOOD = 'cite "第三章 一 (三)" line 171: "打造临空国际金融服务港"'


@pytest.fixture
def suite(tmp_path: Path) -> Path:
    copy = tmp_path / "dx"
    shutil.copytree(BUNDLED, copy)
    zoning = copy / "zoning.rules"
    text = zoning.read_text(encoding="utf-8")
    assert GOOD in text
    zoning.write_text(text.replace(GOOD, GOOD.replace("line 171", "line 17")),
                      encoding="utf-8")
    return copy


def test_lint_fix_rewrites_the_line_and_lints_clean(
        suite: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(suite)]) == 1
    assert "did you mean line 171?" in capsys.readouterr().out
    assert main(["lint", "--fix", str(suite)]) == 0
    out, err = capsys.readouterr()
    assert "fixed 1 cite line" in err and "L603" not in out
    text = (suite / "zoning.rules").read_text(encoding="utf-8")
    assert GOOD in text
    assert text == (BUNDLED / "zoning.rules").read_text(encoding="utf-8")


def test_the_cli_and_the_quick_fix_make_the_same_edit(suite: Path) -> None:
    loaded = load_suite([str(suite)])
    _, found = lint_suite(loaded.suite)
    (wrong,) = [d for d in found if d.code == "L603"]
    source = next(s for s in loaded.sources.values() if s.path == wrong.span.file)
    edit = line_edit(wrong, source)
    assert edit is not None and edit[1] == "171"
    (fix,) = fixes(wrong, source, None)
    assert [(e.span, e.text) for e in fix.edits] == [edit]
    text, count = fixed_text(source, found)
    assert count == 1 and GOOD in text


def test_a_diagnostic_without_a_line_suggestion_is_left_alone() -> None:
    source = SourceFile("t.rules", 'rule R {\n  cite "x" line 3: "y"\n}\n')
    from checker.diagnostics import Diagnostic
    from checker.source import Span

    other = Diagnostic("L603", "m", Span("t.rules", 2, 3, 2, 22), help="check the plan")
    assert line_edit(other, source) is None
    assert fixed_text(source, [other]) == (source.text, 0)


def test_the_written_line_is_found_below_the_section_and_never_inside_a_string() -> None:
    from checker.diagnostics import Diagnostic
    from checker.source import Span

    source = SourceFile("t.rules", 'rule R {\n  cite "附 line 9"\n    line 3:\n    "y line 4"\n}\n')
    wrong = Diagnostic("L603", "m", Span("t.rules", 2, 3, 4, 15), help="did you mean line 7?")
    edit = line_edit(wrong, source)
    assert edit == (Span("t.rules", 3, 10, 3, 11), "7")
    assert fixed_text(source, [wrong])[0].splitlines()[1:4] == [
        '  cite "附 line 9"', "    line 7:", '    "y line 4"']
