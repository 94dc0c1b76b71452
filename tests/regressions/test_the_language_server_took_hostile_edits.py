"""The language server (the real `plancheck lsp` process) against hostile editors.

Edits whose ranges fall outside the document (a line past the end, a negative
character, end before start), a document of 1 MB, a document whose URI lies outside
the workspace (or is no file URI at all), and a request with garbage params: the
server answers each — diagnostics or an error response — and stays alive; it never
dies, hangs or publishes a raw control character.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.lsp_client import LspClient, bundled_copy

pytestmark = pytest.mark.slow
pytest.importorskip("pygls", reason="the `lsp` extra (pygls) is not installed")
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LspClient]:
    folder = bundled_copy(tmp_path_factory.mktemp("workspace"))
    server = LspClient(folder)
    server.initialize(folder)
    server.folder = folder  # type: ignore[attr-defined]
    yield server
    assert server.close() == 0


def alive(client: LspClient) -> None:
    """The server still answers a request."""
    uri = (client.folder / "land.rules").as_uri()  # type: ignore[attr-defined]
    response = client.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    assert "result" in response or "error" in response


def clean(value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False)
    assert UNSAFE.search(text.replace("\\n", "").replace("\\t", "")) is None, text[:300]


def change(client: LspClient, uri: str, version: int, start: tuple[int, int],
           end: tuple[int, int], text: str) -> None:
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": version},
        "contentChanges": [{"range": {"start": {"line": start[0], "character": start[1]},
                                      "end": {"line": end[0], "character": end[1]}},
                            "text": text}]})


@pytest.mark.parametrize(("start", "end"), [((10**9, 0), (10**9, 5)), ((0, -5), (0, 3)),
                                            ((5, 0), (2, 0)), ((0, 10**9), (1, 10**9))])
def test_an_edit_out_of_range_leaves_the_server_alive(client: LspClient, start: tuple[int, int],
                                                       end: tuple[int, int]) -> None:
    path = client.folder / "land.rules"  # type: ignore[attr-defined]
    uri = client.open(path)
    change(client, uri, 2, start, end, "rule X\x1b[2J {\n}\n")
    alive(client)
    for params in [m["params"] for m in client.pending
                   if m.get("method") == "textDocument/publishDiagnostics"]:
        clean(params)
    client.pending.clear()


def test_a_document_of_a_megabyte_is_answered(client: LspClient) -> None:
    path = client.folder / "big.rules"  # type: ignore[attr-defined]
    text = "# " + "x" * 100 + "\n"
    uri = client.open(path, text * (2**20 // len(text)))
    alive(client)
    diagnostics = client.diagnostics(uri)
    clean(diagnostics)


@pytest.mark.parametrize("uri", ["file:///etc/passwd.rules", "untitled:Untitled-1",
                                 "http://evil.example/x.rules", "file:///nowhere/\u202e.rules"])
def test_a_document_outside_the_workspace_is_answered(client: LspClient, uri: str) -> None:
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "plancheck", "version": 1,
        "text": "rule X {\n  require ((\n}\n"}})
    response = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                     "position": {"line": 0, "character": 5}})
    assert "result" in response or "error" in response
    clean(response)
    alive(client)
    client.pending.clear()


@pytest.mark.parametrize("params", [None, [], {"textDocument": 5}, {"position": "x"}])
def test_garbage_params_get_an_answer(client: LspClient, params: Any) -> None:
    response = client.request("textDocument/hover", params, timeout=5)
    assert response["error"]["code"] == -32602  # invalid params, as JSON-RPC names it
    alive(client)
