"""The server's conversions and its guard, in process (checker.tools.lsp.convert, server).

Positions are converted to the client's encoding (a character outside the Basic
Multilingual Plane is 2 UTF-16 units, 4 UTF-8 bytes, 1 UTF-32 unit); a handler
that raises is logged to the client and answered with nothing.
"""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("pygls", reason="the `lsp` extra (pygls) is not installed")

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from checker.diagnostics import Diagnostic
from checker.source import Span
from checker.tools.lsp import convert
from checker.tools.lsp.server import create_server

TEXT = 'rule A "😀标题" {\n  require x > 1\n}\n'


@pytest.mark.parametrize(("encoding", "column"), [
    (types.PositionEncodingKind.Utf16, 14), (types.PositionEncodingKind.Utf32, 13),
    (types.PositionEncodingKind.Utf8, 20)])
def test_columns_are_in_the_clients_units(encoding: types.PositionEncodingKind,
                                          column: int) -> None:
    positions = convert.Positions(TEXT, PositionCodec(encoding))
    brace = Span("a.rules", 1, 14, 1, 15)  # `{`: the 14th character
    assert positions.range(brace).start == types.Position(line=0, character=column)
    assert positions.point(types.Position(line=0, character=column)) == (1, 14)


def test_the_whole_text_ends_after_its_last_newline() -> None:
    positions = convert.Positions(TEXT, PositionCodec())
    assert positions.whole().end == types.Position(line=3, character=0)
    assert convert.Positions("x", PositionCodec()).whole().end == types.Position(line=0,
                                                                                  character=1)


def test_a_diagnostic_carries_its_help_twice_and_its_code() -> None:
    positions = convert.Positions(TEXT, PositionCodec())
    found = convert.diagnostic(Diagnostic("L607", "vague \x1b word", Span("a.rules", 2, 3, 2, 10),
                                          "label", "do this", "warning"), positions, "file:///a")
    assert found.message == "vague \\x1b word\nhelp: do this"
    assert found.severity == types.DiagnosticSeverity.Warning and found.code == "L607"
    assert [r.message for r in found.related_information or []] == ["help: do this", "label"]
    assert found.range.start == types.Position(line=1, character=2)


def test_a_handler_that_raises_is_logged_and_answers_nothing() -> None:
    server = create_server("test")
    logged: list[types.LogMessageParams] = []
    server.window_log_message = logged.append  # type: ignore[method-assign]

    def broken(params: Any) -> str:
        raise ValueError("planted")

    assert server.guard("hover")(broken)(None) is None
    (message,) = logged
    assert message.type == types.MessageType.Error
    assert message.message.startswith("plancheck: hover failed: ValueError: planted")
