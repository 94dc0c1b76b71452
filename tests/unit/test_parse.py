"""Parsing and building: statements become model nodes with spans and comments."""

from __future__ import annotations

from fractions import Fraction

import pytest

from checker.source import SourceFile
from checker.syntax import model as m
from checker.syntax.parse import decode, parse
from tests.helpers import rule_file


def built(text: str) -> m.RuleFile:
    return rule_file(text)


def only(text: str) -> m.Statement:
    (statement,) = built(text).statements
    return statement


def test_keyword_prefix_is_not_split_from_a_name() -> None:
    rule = only("rule Z-01 {\n  for each project\n  require industry in {航空物流}\n}\n")
    assert isinstance(rule, m.Rule)
    (require,) = rule.clauses_of(m.Require)
    assert require.expr == m.MemberOp(m.NameRef("industry"), m.SetLit(("航空物流",)))


def test_quantities_are_exact_and_keep_their_unit() -> None:
    rule = only("rule L-01 {\n  require land <= 319.5 平方公里 each year in 2021..2025\n}\n")
    assert isinstance(rule, m.Rule)
    (require,) = rule.clauses_of(m.Require)
    assert isinstance(require.expr, m.CompareOp)
    assert require.expr.right == m.Quantity(Fraction(639, 2), "平方公里")
    assert require.time == m.EachYear(m.YearRange(2021, 2025))


def test_every_node_has_a_span_on_its_line() -> None:
    rule = only("\n\nrule L-01 {\n  require x >= 90% by 2025\n}\n")
    assert rule.span.line == 3
    (require,) = rule.clauses_of(m.Require)  # type: ignore[union-attr]
    assert (require.span.line, require.span.column) == (4, 3)
    assert require.expr.span.column == 11


def test_comments_attach_to_the_next_clause_and_trail_their_line() -> None:
    text = "# lead\nrule A-1 {\n  # about the cite\n  cite \"s\": \"q\"  # trailing\n  # end\n}\n"
    rule = only(text)
    assert isinstance(rule, m.Rule)
    assert rule.comments == (" lead",)
    (cite,) = rule.clauses_of(m.Cite)
    assert cite.comments == (" about the cite",)
    assert cite.trailing == "trailing"
    assert rule.end_comments == (" end",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a or b and c", m.LogicOp("or", m.NameRef("a"),
                                   m.LogicOp("and", m.NameRef("b"), m.NameRef("c")))),
        ("not a is missing", m.NotOp(m.PresenceOp(m.NameRef("a"), False))),
        ("a - b - c", m.BinaryOp("-", m.BinaryOp("-", m.NameRef("a"), m.NameRef("b")),
                                 m.NameRef("c"))),
        ("x rises", m.TrendOp(m.NameRef("x"), "rises")),
        ("`PM2.5` < 35 μg/m3", m.CompareOp("<", m.NameRef("PM2.5"),
                                           m.Quantity(Fraction(35), "μg/m3"))),
    ],
)
def test_expression_precedence(text: str, expected: m.Expr) -> None:
    rule = only(f"rule E-1 {{\n  require {text}\n}}\n")
    assert isinstance(rule, m.Rule)
    assert rule.clauses_of(m.Require)[0].expr == expected


def test_decode_reports_binary_input() -> None:
    result = decode("junk.rules", b"rule A {\n\xff\xfe}")
    assert not isinstance(result, SourceFile)
    assert (result.code, result.span.line, result.span.column) == ("P101", 2, 1)


def test_a_unit_belongs_to_its_number_only_on_the_same_line() -> None:
    record = only("record r {\n  a: one default 5\n  b: text\n}\n")
    assert isinstance(record, m.Record)
    assert [f.name for f in record.fields] == ["a", "b"]
    parsed = parse(SourceFile("t.rules", "rule A-1 {\n  require x > 1\n    km2\n}\n"))
    assert isinstance(parsed, list)
    assert [(d.code, d.span.line, d.span.column) for d in parsed] == [("P103", 3, 5)]
