"""A diagnostic about one field of an indicator points at that field's value (`套x` of
`unit 套x`), not at the indicator's head — where an editor underlines it and a quick fix
replaces it (friction round 3, item 4)."""

from __future__ import annotations

import pytest

from checker.types.units import declare_example
from tests.helpers import checked_from, raised_diagnostics

SCALE = "scale 水质类别 = Ⅰ < Ⅱ\n\n"


@pytest.mark.parametrize(("body", "code", "word"), [
    ("  kind binding\n  unit 万套x\n", "T208", "万套x"),
    ("  ordinal 水质等级\n", "T218", "水质等级"),
    ("  ordinal 水质类别\n  unit km2\n", "T216", "km2"),
    ("  unit %\n  growth of 收入\n", "T255", "收入"),
])
def test_the_diagnostic_underlines_the_fields_value(body: str, code: str, word: str) -> None:
    text = SCALE + 'indicator w "w" {\n' + body + "}\n"
    found = [d for d in raised_diagnostics(checked_from, text) if d.code == code]
    assert found, code
    lines = text.splitlines()
    span = found[0].span
    assert lines[span.line - 1][span.column - 1:span.end_column - 1] == word
    assert span.line > 3  # not the `indicator w "w" {` head


def test_an_unknown_measure_word_is_shown_how_to_declare_a_count() -> None:
    text = 'indicator beds "床位" {\n  unit 床位数\n}\n'
    found = [d for d in raised_diagnostics(checked_from, text) if d.code == "T208"]
    assert "`unit 床位数 = 1 个`" in found[0].help
    assert "`unit 万套 = 10000 套`" in found[0].help


def test_the_declaration_example_declares_what_it_says() -> None:
    """The help's examples are declarations the checker accepts, with the factor they claim."""
    suite = checked_from("unit 床位数 = 1 个\nunit 万套 = 10000 套\nunit 顷 = 100 亩\n")
    assert suite.units.resolve("床位数").dimension == suite.units.resolve("个").dimension
    assert suite.units.resolve("万套").factor == 10000
    assert "NAME alias \"亿m³x\"" in declare_example("亿m³x")
