"""`plancheck lsp` as an editor drives it: the real server process over stdio.

A copy of the bundled suite (with `plan.txt` beside it) in a temporary folder is
the workspace; a small JSON-RPC client (`tests/lsp_client.py`, Content-Length
framing) initializes, opens files, waits for `publishDiagnostics`, and asks for
hover, definition, references, completion, formatting, code actions and
symbols; then shutdown and exit.  Also: garbage on the wire and a handler that
raises leave the server alive; pygls's own client drives it too; without pygls
the command says what to install.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checker.source import SourceFile
from checker.tools.fmt import format_text
from tests.conftest import ROOT
from tests.lsp_client import LspClient, bundled_copy

pytestmark = pytest.mark.slow  # a process, a wheel build or a browser: see README "Tests"

pytest.importorskip("pygls", reason="the `lsp` extra (pygls) is not installed")

MISSPELT = ("require not occupies_permanent_basic_farmland",
            "require not occupies_permanent_basic_farmlnd")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bundled_copy(tmp_path_factory.mktemp("workspace"))


@pytest.fixture(scope="module")
def client(folder: Path) -> Iterator[LspClient]:
    # started away from the repository and the suite: nothing may depend on the cwd
    lsp = LspClient(folder.parent)
    lsp.capabilities = lsp.initialize(folder)["capabilities"]  # type: ignore[attr-defined]
    yield lsp
    assert lsp.close() == 0


def position(text: str, needle: str, offset: int = 0) -> dict[str, int]:
    """The LSP position (UTF-16) of `needle` in `text`, `offset` characters in."""
    at = text.index(needle) + offset
    line = text.count("\n", 0, at)
    start = text.rfind("\n", 0, at) + 1
    return {"line": line, "character": len(text[start:at].encode("utf-16-le")) // 2}


def at(uri: str, text: str, needle: str, offset: int = 0) -> dict[str, Any]:
    return {"textDocument": {"uri": uri}, "position": position(text, needle, offset)}


def test_the_server_announces_its_features(client: LspClient) -> None:
    capabilities = client.capabilities  # type: ignore[attr-defined]
    for feature in ("hoverProvider", "definitionProvider", "referencesProvider",
                    "documentFormattingProvider", "documentSymbolProvider"):
        assert capabilities[feature] is True, feature
    assert capabilities["completionProvider"]["triggerCharacters"]
    assert capabilities["codeActionProvider"]["codeActionKinds"] == ["quickfix"]
    assert capabilities["textDocumentSync"]["change"] == 2  # incremental


@pytest.fixture(scope="module")
def misspelt(client: LspClient, folder: Path) -> tuple[str, str, list[dict[str, Any]]]:
    path = folder / "projects.rules"
    text = path.read_text(encoding="utf-8").replace(*MISSPELT, 1)
    uri = client.open(path, text)
    return uri, text, client.diagnostics(uri, lambda d: bool(d))


def test_a_misspelt_field_is_a_diagnostic_with_the_did_you_mean(
        misspelt: tuple[str, str, list[dict[str, Any]]]) -> None:
    uri, text, diagnostics = misspelt
    (diagnostic,) = diagnostics
    assert diagnostic["code"] == "T204" and diagnostic["source"] == "plancheck"
    assert diagnostic["severity"] == 1
    assert diagnostic["message"] == ("unknown name `occupies_permanent_basic_farmlnd`\n"
                                     "help: did you mean `occupies_permanent_basic_farmland`?")
    help_line = diagnostic["relatedInformation"][0]
    assert help_line["message"] == "help: did you mean `occupies_permanent_basic_farmland`?"
    assert help_line["location"]["uri"] == uri
    start = position(text, "occupies_permanent_basic_farmlnd")
    assert diagnostic["range"]["start"] == start
    assert diagnostic["range"]["end"]["character"] == start["character"] + 32


def test_the_quick_fix_replaces_the_misspelt_word(
        client: LspClient, misspelt: tuple[str, str, list[dict[str, Any]]]) -> None:
    uri, _, diagnostics = misspelt
    actions = client.result("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": diagnostics[0]["range"],
        "context": {"diagnostics": diagnostics}})
    (action,) = actions
    assert action["kind"] == "quickfix" and action["isPreferred"] is True
    (edit,) = action["edit"]["changes"][uri]
    assert edit == {"range": diagnostics[0]["range"],
                    "newText": "occupies_permanent_basic_farmland"}


def test_hover_on_a_rule_id_shows_the_plans_sentence(
        client: LspClient, misspelt: tuple[str, str, list[dict[str, Any]]]) -> None:
    uri, text, _ = misspelt
    hover = client.result("textDocument/hover", at(uri, text, "expect FARM-01", 9))
    value = hover["contents"]["value"]
    assert hover["contents"]["kind"] == "markdown"
    assert value.startswith("**rule `FARM-01`** — 严格保护永久基本农田")
    assert "**严格保护永久基本农田**" in value and "plan text, line 589" in value
    assert hover["range"]["start"] == position(text, "expect FARM-01", 7)


def test_definition_and_references_cross_files(
        client: LspClient, folder: Path, misspelt: tuple[str, str, list[dict[str, Any]]]) -> None:
    uri, text, _ = misspelt
    (target,) = client.result("textDocument/definition",
                              at(uri, text, "in_ecological_red_line", 3))
    schema = (folder / "schema.rules").read_text(encoding="utf-8")
    assert target["uri"] == (folder / "schema.rules").as_uri()
    assert target["range"]["start"] == position(schema, "in_ecological_red_line")
    found = client.result("textDocument/references", {
        **at(uri, text, "in_ecological_red_line", 3), "context": {"includeDeclaration": False}})
    assert len(found) > 10 and target not in found
    (rule,) = client.result("textDocument/definition", at(uri, text, "expect FARM-01", 9))
    assert rule["uri"] == uri and rule["range"]["start"] == position(text, "FARM-01 \"")


def test_go_to_a_unit_opens_the_prelude(
        client: LspClient, folder: Path) -> None:
    path = folder / "land.rules"
    text = path.read_text(encoding="utf-8")
    uri = client.open(path)
    client.diagnostics(uri)
    (target,) = client.result("textDocument/definition", at(uri, text, "319 km2", 5))
    assert target["uri"].endswith("/checker/syntax/prelude.rules")


def test_completion_in_context(client: LspClient, folder: Path) -> None:
    path = folder / "new.rules"
    text = 'test "新的测试" {\n  expect \n}\n'
    uri = client.open(path, text)
    items = client.result("textDocument/completion", {
        "textDocument": {"uri": uri}, "position": {"line": 1, "character": 9}})["items"]
    labels = {i["label"] for i in items}
    assert {"LAND-01", "FARM-01"} <= labels
    land = next(i for i in items if i["label"] == "LAND-01")
    assert land["detail"] == "城乡建设用地规模控制在319平方公里以内"
    assert land["textEdit"]["range"]["start"] == {"line": 1, "character": 9}


def test_formatting_gives_the_fmt_output(client: LspClient, folder: Path) -> None:
    path = folder / "messy.rules"
    text = 'rule   MESSY-01   "乱" {\n   kind   anticipatory\n  require gdp_growth>6%   }\n'
    uri = client.open(path, text)
    (edit,) = client.result("textDocument/formatting", {
        "textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}})
    assert edit["newText"] == format_text(SourceFile("messy.rules", text))
    assert edit["range"]["start"] == {"line": 0, "character": 0}
    assert edit["range"]["end"] == {"line": 3, "character": 0}


def test_document_symbols_outline_rules_and_tests(
        client: LspClient, misspelt: tuple[str, str, list[dict[str, Any]]]) -> None:
    uri, _, _ = misspelt
    symbols = client.result("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    names = [s["name"] for s in symbols]
    assert names[0] == "FARM-01" and symbols[0]["kind"] == 12  # function
    assert any(s["kind"] == 6 for s in symbols)  # a test, as a method


def test_diagnostics_follow_the_typing(client: LspClient, folder: Path) -> None:
    path = folder / "typing.rules"
    uri = client.open(path, 'rule TYPING-01 "t" {\n  require gdp_growth > 6%\n}\n')
    first = client.diagnostics(uri)
    assert {d["code"] for d in first} <= {"L601", "L608"}
    for version, word in enumerate(["gdp_g", "gdp_gro", "gdp_grwth"], start=2):
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": f'rule TYPING-01 "t" {{\n  require {word} > 6%\n}}\n'}]})
    last = client.diagnostics(uri, lambda d: any("gdp_grwth" in x["message"] for x in d))
    assert any(d["code"] == "T204" for d in last)


def test_garbage_does_not_stop_the_server(client: LspClient, folder: Path) -> None:
    client.send_raw(b"{this is not json")
    client.send_raw(b"\xff\xfe not utf-8")
    for body in (b"null", b"[]", b"{}"):
        client.send_raw(body)
    assert client.process.stdin is not None
    client.process.stdin.write(b"Content-Length: abc\r\n\r\n")
    client.send_raw(b'{"jsonrpc": "2.0", "id": 900, "method": "textDocument/hover", '
                    b'"params": {"nonsense": true}}')
    assert "error" in client.request("no/such/method", {})
    odd = [{"textDocument": {"uri": "untitled:Untitled-1"}, "position": {"line": 0,
                                                                          "character": 0}},
           {"textDocument": {"uri": (folder / "land.rules").as_uri()},
            "position": {"line": 99999, "character": 99999}}]
    for params in odd:
        assert client.request("textDocument/hover", params).get("result") is None
    client.open(folder / "binary.rules", "rule \x00 {")
    diagnostics = client.diagnostics((folder / "binary.rules").as_uri())
    assert [d["code"] for d in diagnostics] == ["P101"]
    path = folder / "land.rules"
    text = path.read_text(encoding="utf-8")
    assert client.result("textDocument/hover", at(path.as_uri(), text, "LAND-01", 2))


# ------------------------------------------------------------------ other ways in


def test_a_crashing_handler_is_logged_and_the_server_goes_on(folder: Path) -> None:
    crash = ("import checker.tools.lsp.hover as h\n"
             "def boom(*args):\n    raise RuntimeError('planted bug')\n"
             "h.hover = boom\n"
             "from checker.tools.lsp.server import serve\nserve('test')\n")
    lsp = LspClient(folder.parent, [sys.executable, "-c", crash])
    try:
        lsp.initialize(folder)
        path = folder / "land.rules"
        text = path.read_text(encoding="utf-8")
        uri = lsp.open(path)
        response = lsp.request("textDocument/hover", at(uri, text, "LAND-01", 2))
        assert response["result"] is None
        logged = lsp.notification("window/logMessage", lambda p: "hover failed" in p["message"])
        assert logged["type"] == 1 and "RuntimeError: planted bug" in logged["message"]
        assert lsp.result("textDocument/definition", at(uri, text, "LAND-01", 2))
    finally:
        assert lsp.close() == 0


def test_pyglss_own_client_drives_the_server(folder: Path) -> None:
    from lsprotocol import types
    from pygls.lsp.client import LanguageClient

    async def session() -> tuple[list[types.Diagnostic], types.Hover | None]:
        client = LanguageClient("test-client", "1")
        published: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: types.PublishDiagnosticsParams) -> None:
            published.put_nowait(params)

        await client.start_io(sys.executable, "-m", "checker", "lsp", cwd=str(folder.parent))
        await client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=folder.as_uri()))
        client.initialized(types.InitializedParams())
        path = folder / "land.rules"
        text = path.read_text(encoding="utf-8").replace("<= 319 km2", "<= 319 kmm2", 1)
        uri = path.as_uri()
        client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri, "plancheck", 1, text)))
        while (params := await asyncio.wait_for(published.get(), 20)).uri != uri:
            pass
        hover = await client.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier(uri), types.Position(line=4, character=6)))
        await client.shutdown_async(None)
        client.exit(None)
        await asyncio.wait_for(client.stop(), 10)
        return list(params.diagnostics), hover

    diagnostics, hover = asyncio.run(session())
    (unit,) = diagnostics
    assert unit.code == "T208" and "did you mean `km2`?" in unit.message
    assert hover is not None and "LAND-01" in str(hover.contents)


def test_without_pygls_the_command_says_what_to_install() -> None:
    hide = ("import sys\nsys.modules['pygls'] = None\nsys.modules['lsprotocol'] = None\n"
            "from checker.cli.main import main\nsys.exit(main(['lsp']))\n")
    done = subprocess.run([sys.executable, "-c", hide], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.startswith("error: `plancheck lsp` needs the language server library")
    assert "pip install 'plancheck[lsp]'" in done.stderr
