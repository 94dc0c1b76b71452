"""A field whose line ended in a number without a unit (`a: one default 5`) was
followed by a field whose plain name the lexer took as that number's unit (the
unit could stand on the next line): `b` in `b: text` became `5 b`, then `:` was a
syntax error, so `fmt` wrote a file it could not read back.  Found by the
round-trip property.  A unit now belongs to its number only on the same line, so
the next field's name is read as a name and needs no quoting."""

from __future__ import annotations

from fractions import Fraction

from checker.syntax import model as m
from checker.syntax.unparse import unparse
from tests.helpers import rule_file


def _record(*fields: m.Field) -> m.RuleFile:
    return m.RuleFile("t.rules", (m.Record("r", None, fields),))


def _reparse(text: str) -> m.RuleFile:
    return rule_file(text)


def test_the_field_after_a_bare_number_default_reads_as_a_field() -> None:
    model = _record(
        m.Field("a", m.SimpleType("one"), default=m.Quantity(Fraction(5))),
        m.Field("b", m.SimpleType("text"), comments=(" the next field",)),
        m.Field("c", m.SimpleType("one"), default=m.Negate(m.Quantity(Fraction(1)))),
        m.Field("d", m.SimpleType("text")),
    )
    text = unparse(model)
    assert text == ("record r {\n  a: one default 5\n  # the next field\n  b: text\n"
                    "  c: one default -1\n  d: text\n}\n")
    assert _reparse(text) == model


def test_a_unit_or_a_label_after_the_number_needs_no_quotes() -> None:
    model = _record(
        m.Field("a", m.SimpleType("km2"), default=m.Quantity(Fraction(0), "km2")),
        m.Field("b", m.SimpleType("one"), default=m.Quantity(Fraction(5)), label="B"),
        m.Field("c", m.SimpleType("text")),
    )
    text = unparse(model)
    assert "\n  b: one" in text and "\n  c: text" in text
    assert _reparse(text) == model
