"""`fmt` dropped a trailing `#` with nothing after it (the model kept `trailing=''`,
the printer treated `''` like no comment at all), so fmt changed the file's
comments and `parse(unparse(x)) != x`.  Found by the round-trip property."""

from __future__ import annotations

from checker.source import SourceFile
from checker.syntax.build import build
from checker.syntax.parse import parse
from checker.tools.fmt import format_text


def test_an_empty_trailing_comment_survives_fmt() -> None:
    text = "rule A {  #\n  cite \"s\": \"q\"  #\n}\n\nunit x of y  #\n"
    assert format_text(SourceFile("t.rules", text)) == text


def test_an_empty_trailing_comment_is_an_empty_string_not_none() -> None:
    parsed = parse(SourceFile("t.rules", "rule A {  #\n}\n"))
    assert not isinstance(parsed, list)
    built = build(parsed)
    assert not isinstance(built, list)
    assert built.statements[0].trailing == ""
