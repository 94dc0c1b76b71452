"""The draft suite from the bundled plan's text: it loads, type-checks, is in fmt's layout,
its tests pass, and lint says only that each rule is a draft (L611)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.source import SourceFile
from checker.syntax import model as m
from checker.syntax.suite import load_suite
from checker.tester.runner import run_tests
from checker.tools.extract.drafts import Drafted, draft_suite
from checker.tools.fmt import format_paths
from checker.tools.lint import lint
from checker.types.typecheck import typecheck
from tests.extract_helpers import PLAN, bundled, items_of


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Drafted:
    folder = tmp_path_factory.mktemp("draft")
    text = PLAN.read_text(encoding="utf-8")
    return draft_suite(items_of(text, "plan.txt"), SourceFile("plan.txt", text), bundled(),
                       folder)


def test_the_draft_loads_and_type_checks_without_a_warning(drafted: Drafted) -> None:
    checked = typecheck(load_suite([drafted.folder]).suite)
    assert len(checked.rules) == drafted.rules >= 35
    assert checked.warnings == ()


def test_lint_reports_each_draft_rule_and_nothing_else(drafted: Drafted) -> None:
    loaded = load_suite([drafted.folder])
    found = lint(loaded.suite, typecheck(loaded.suite))
    assert {d.code for d in found} == {"L611"}
    assert len(found) == drafted.rules


def test_the_draft_is_in_fmt_layout_and_its_tests_pass(drafted: Drafted) -> None:
    assert format_paths([drafted.folder], check=True) == []
    loaded = load_suite([drafted.folder])
    report = run_tests(typecheck(loaded.suite))
    assert report.failed == 0 and report.passed == 2 * drafted.rules


def test_a_rule_cites_its_line_and_states_threshold_and_deadline(drafted: Drafted) -> None:
    rules = {r.id: r for r in load_suite([drafted.folder]).suite.of(m.Rule)}
    land = next(r for r in rules.values() if r.clauses_of(m.Cite)[0].line == 315)
    (cite,) = land.clauses_of(m.Cite)
    assert (cite.section, cite.quote) == ("第五章 一 (三)",
                                          "确保城乡建设用地规模控制在319平方公里以内")
    (require,) = land.clauses_of(m.Require)
    assert require.time == m.ByYear(2025)
    assert isinstance(require.expr, m.CompareOp) and require.expr.op == "<="
    assert require.expr.right == m.Quantity(319, "km²")
    assert not land.clauses_of(m.KindClause)
    assert land.comments[0].strip().startswith("draft:")


def test_targets_a_rule_cannot_state_are_listed_with_the_reason(drafted: Drafted) -> None:
    text = (drafted.folder / "rules.rules").read_text(encoding="utf-8")
    assert drafted.skipped == len(drafted.notes) > 0
    assert "# not drafted: line 88 `基本同步` (sync)" in text
    assert Path(drafted.folder / "plan.txt").read_text(encoding="utf-8") == \
        PLAN.read_text(encoding="utf-8")
