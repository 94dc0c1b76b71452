"""`require x` with the time qualifier `at 2025` and a label was printed `require x at
2025 label "…"`, which reads back as the value `x at 2025` with no time qualifier (`at`
is the time only where it ends the require; hypothesis found it once the strategies also
generated sources): the expression is now parenthesized there, and only there."""

from __future__ import annotations

from checker.source import SourceFile
from checker.syntax import model as m
from checker.syntax.build import build
from checker.syntax.parse import parse
from checker.syntax.unparse import unparse


def test_the_time_qualifier_survives_a_round_trip() -> None:
    rule = m.Rule("A", None, (m.Require(m.LogicOp("and", m.NameRef("a"), m.NameRef("b")),
                                        m.AtYear(2025), label="x"),))
    text = unparse(m.RuleFile("gen.rules", (rule,)))
    assert 'require (a and b) at 2025 label "x"' in text
    parsed = parse(SourceFile("gen.rules", text))
    assert not isinstance(parsed, list)
    built = build(parsed)
    assert isinstance(built, m.RuleFile)
    assert built.statements == (rule,)
