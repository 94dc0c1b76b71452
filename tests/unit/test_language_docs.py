"""docs/language.md: every ```rules block is a complete example that typechecks and whose
test blocks pass.

Each block is loaded with the bundled suite's declarations (plan header, units, sets,
scales, indicators, record schemas — not its rules or tests), so an example can use the
data contract's names; a block may also declare its own.  Spans point into the document:
a block's text is parsed with as many blank lines before it as precede it in the file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.diagnostics import DiagnosticError, render_all
from checker.source import SourceFile
from checker.syntax import model as m
from checker.syntax.suite import BUNDLED, PRELUDE, parse_file
from checker.tester.runner import run_tests
from checker.tools.fmt import format_text
from checker.types.typecheck import typecheck
from tests.helpers import ROOT

DOC = ROOT / "docs" / "language.md"
BLOCK = re.compile(r"^```rules\n(.*?)^```$", re.S | re.M)
SHAPE = re.compile(r"^# shape (\d+):", re.M)
DECLARATIONS = (m.Plan, m.BaseUnit, m.DerivedUnit, m.SetDecl, m.ScaleDecl, m.Indicator,
                m.Record)


def blocks() -> list[tuple[int, str]]:
    """(line of the block's first line, its text) for every ```rules block."""
    text = DOC.read_text(encoding="utf-8")
    return [(text.count("\n", 0, match.start(1)) + 1, match.group(1))
            for match in BLOCK.finditer(text)]


def contract() -> list[m.RuleFile]:
    """The prelude and the declarations of the bundled suite (its rules and tests left out)."""
    files = []
    for path in [PRELUDE, *sorted(Path(BUNDLED).rglob("*.rules"))]:
        source, built = parse_file(path)
        sources = {source.path: source} if source is not None else {}
        assert not isinstance(built, list), render_all(built, sources)
        kept = tuple(s for s in built.statements if isinstance(s, DECLARATIONS))
        files.append(m.RuleFile(built.path, kept))
    return files


CONTRACT = contract()
BLOCKS = blocks()


def load(line: int, text: str) -> m.RuleFile:
    from checker.syntax.build import build
    from checker.syntax.parse import parse

    source = SourceFile("docs/language.md", "\n" * (line - 1) + text)
    parsed = parse(source)
    assert not isinstance(parsed, list), render_all(parsed, {source.path: source})
    built = build(parsed)
    assert not isinstance(built, list), render_all(built, {source.path: source})
    return built


def test_the_document_has_an_example_per_rule_shape() -> None:
    shapes = sorted({int(n) for _, text in BLOCKS for n in SHAPE.findall(text)})
    assert shapes == list(range(1, 20))


@pytest.mark.parametrize(("line", "text"), BLOCKS, ids=[f"line-{n}" for n, _ in BLOCKS])
def test_each_example_typechecks_and_its_tests_pass(line: int, text: str) -> None:
    built = load(line, text)
    tests = [s for s in built.statements if isinstance(s, m.Test)]
    assert tests, f"the example at line {line} has no test block"
    try:
        report = run_tests(typecheck(m.Suite((*CONTRACT, built))), tests)
    except DiagnosticError as error:
        source = SourceFile("docs/language.md", DOC.read_text(encoding="utf-8"))
        pytest.fail(render_all(error.diagnostics, {source.path: source}))
    failures = [f"{case.name}: {failure}" for case in report.results for failure in
                case.failures]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(("line", "text"), BLOCKS, ids=[f"line-{n}" for n, _ in BLOCKS])
def test_each_example_is_in_the_canonical_layout(line: int, text: str) -> None:
    assert format_text(SourceFile("example.rules", text)) == text


def test_examples_cite_lines_that_hold_their_quotes() -> None:
    plan = SourceFile.read(Path(BUNDLED) / "plan.txt")
    for line, text in BLOCKS:
        for rule in load(line, text).statements:
            if not isinstance(rule, m.Rule):
                continue
            for cite in rule.clauses_of(m.Cite):
                assert cite.line is not None, f"{rule.id} cites no line"
                assert cite.quote in plan.line_text(cite.line), (rule.id, cite.line)
