"""Two trailing comments on one node (a statement split over lines, one of
them an empty `#`) were joined as `"text "`; printed and read back, the space
was stripped, so `fmt` was not idempotent.  Empty ones now add nothing.
Found by the keep-every-comment property."""

from __future__ import annotations

from checker.source import SourceFile
from checker.tools.fmt import format_text


def test_joined_trailing_comments_have_no_stray_space() -> None:
    text = "unit  # first\nx of y  #\n"
    once = format_text(SourceFile("t.rules", text))
    assert once == "unit x of y  # first\n"
    assert format_text(SourceFile("t.rules", once)) == once


def test_only_empty_trailing_comments_stay_one_empty_comment() -> None:
    text = "unit  #\nx of y  #\n"
    assert format_text(SourceFile("t.rules", text)) == "unit x of y  #\n"
