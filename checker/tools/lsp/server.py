"""The language server: pygls over stdio, wired to the suite's analysis.

In: an editor's JSON-RPC messages.  Out: diagnostics published after each
change (debounced, `DEBOUNCE` seconds after the last keystroke), and answers to
hover, definition, references, completion, formatting, code actions and
document symbols.  A request that arrives while its suite has unanalysed
changes analyses first, so answers never use stale positions.  Every handler
runs guarded: an exception becomes an error in the client's log
(`window/logMessage`) and an empty answer, never a dead server.  Imports pygls,
lsprotocol and the other modules of this package.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import from_fs_path, to_fs_path

from checker.diagnostics import DiagnosticError
from checker.source import SourceFile, Span
from checker.syntax.suite import PRELUDE
from checker.tools.fmt import format_text
from checker.tools.lsp import convert
from checker.tools.lsp.actions import fixes
from checker.tools.lsp.complete import complete
from checker.tools.lsp.hover import hover
from checker.tools.lsp.index import Occurrence
from checker.tools.lsp.symbols import outline
from checker.tools.lsp.workspace import (
    PRELUDE_NAME,
    Analysis,
    SuiteFolder,
    normal,
    suite_root,
)
from checker.tools.lsp.write_tests import scaffold_fixes

DEBOUNCE = 0.3  # seconds of quiet after a change before the suite is analysed again
TRIGGERS = [" ", ":", "{", ",", "="]
log = logging.getLogger("plancheck.lsp")
F = TypeVar("F", bound=Callable[..., Any])


class _Unfit:
    """A request whose params do not fit its method, kept to be answered."""

    def __init__(self, msg_id: Any, error: JsonRpcException) -> None:
        self.id, self.error = msg_id, error


class AnsweringProtocol(LanguageServerProtocol):
    """pygls drops a request whose params it cannot read, without an answer, so the editor
    waits for ever; JSON-RPC asks for an error response (-32602, invalid params)."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if "method" in data and isinstance(data.get("id"), int | str):
                return _Unfit(data["id"], error)
            raise

    def handle_message(self, message: Any) -> None:
        if isinstance(message, _Unfit):
            self._send_response(message.id, None, message.error.to_response_error())
        else:
            super().handle_message(message)


class PlancheckServer(LanguageServer):
    def __init__(self, version: str) -> None:
        super().__init__("plancheck", version,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         protocol_cls=AnsweringProtocol)
        self.suites: dict[str, SuiteFolder] = {}
        self.analyses: dict[str, Analysis] = {}
        self.dirty: set[str] = set()
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.published: dict[str, set[str]] = {}  # suite root -> uris with diagnostics
        self.roots: dict[str, str] = {}  # a document's folder -> its suite's folder

    # -------------------------------------------------------------- suites
    def folders(self) -> list[Path]:
        found = [Path(to_fs_path(f.uri) or "") for f in self.workspace.folders.values()]
        if self.workspace.root_path:
            found.append(Path(self.workspace.root_path))
        return [Path(normal(f)) for f in found if str(f)]

    def suite_of(self, path: str) -> SuiteFolder:
        folder = str(Path(path).parent)
        if folder not in self.roots:
            self.roots[folder] = normal(suite_root(path, self.folders()))
        root = self.roots[folder]
        if root not in self.suites:
            self.suites[root] = SuiteFolder(Path(root))
            self.dirty.add(root)
        return self.suites[root]

    def overrides(self) -> dict[str, str]:
        texts: dict[str, str] = {}
        for uri, document in self.workspace.text_documents.items():
            path = to_fs_path(uri)
            if path is not None and uri.startswith("file:"):
                texts[normal(path)] = document.source
        return texts

    def analysis(self, suite: SuiteFolder) -> Analysis:
        """The suite's analysis, made now when changes are waiting."""
        root = str(suite.root)
        if root in self.dirty or root not in self.analyses:
            self.dirty.discard(root)
            timer = self.timers.pop(root, None)
            if timer is not None:
                timer.cancel()
            self.analyses[root] = suite.analyze(self.overrides())
            self.publish(self.analyses[root])
        return self.analyses[root]

    def changed(self, uri: str, delay: float) -> None:
        path = to_fs_path(uri)
        if path is None or not uri.startswith("file:"):
            return
        suite = self.suite_of(normal(path))
        root = str(suite.root)
        self.dirty.add(root)
        timer = self.timers.pop(root, None)
        if timer is not None:
            timer.cancel()
        loop = asyncio.get_running_loop()
        self.timers[root] = loop.call_later(delay, self.guard("analysis")(
            lambda: self.analysis(suite)))

    # -------------------------------------------------------------- output
    def uri_of(self, path: str) -> str:
        """The uri of a file: as the client wrote it when the file is open."""
        for uri in self.workspace.text_documents:
            if uri.startswith("file:") and normal(to_fs_path(uri) or "") == path:
                return str(uri)
        return from_fs_path(str(PRELUDE) if path == PRELUDE_NAME else path) or path

    def positions(self, analysis: Analysis, path: str) -> convert.Positions:
        document = self.workspace.text_documents.get(self.uri_of(path))
        if document is not None:
            text = document.source
        else:
            source = analysis.sources.get(path)
            text = source.text if source is not None else ""
        return convert.Positions(text, self.workspace.position_codec)

    def publish(self, analysis: Analysis) -> None:
        root = str(analysis.root)
        sent: set[str] = set()
        open_paths = set(self.overrides())
        for path, found in analysis.diagnostics.items():
            if path in open_paths:
                found = [*found, *analysis.unplaced]
            uri = self.uri_of(path)
            positions = self.positions(analysis, path)
            items = [convert.diagnostic(d, positions, uri) for d in found]
            if items or path in open_paths or uri in self.published.get(root, set()):
                self.text_document_publish_diagnostics(
                    types.PublishDiagnosticsParams(uri=uri, diagnostics=items))
            if items:
                sent.add(uri)
        for uri in self.published.get(root, set()) - sent - {self.uri_of(p) for p in
                                                              analysis.diagnostics}:
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        self.published[root] = sent

    def location(self, analysis: Analysis, span: Span) -> types.Location:
        return types.Location(self.uri_of(span.file),
                              self.positions(analysis, span.file).range(span))

    # -------------------------------------------------------------- safety
    def guard(self, what: str) -> Callable[[F], F]:
        """Run a handler so that an exception is logged to the client and answered with
        nothing, never fatal."""
        def wrap(handler: F) -> F:
            @functools.wraps(handler)
            def run(*args: Any) -> Any:
                try:
                    return handler(*args)
                except Exception as error:  # a bug must never kill the server
                    self.log_error(what, error)
                    return None
            return cast(F, run)
        return wrap

    def log_error(self, what: str, error: Exception) -> None:
        detail = "".join(traceback.format_exception(error))
        log.error("%s failed: %s", what, detail)
        try:
            self.window_log_message(types.LogMessageParams(
                type=types.MessageType.Error,
                message=f"plancheck: {what} failed: {type(error).__name__}: {error}\n{detail}"))
        except Exception:  # the client is gone; stderr has it
            log.exception("cannot send a log message")


# ------------------------------------------------------------------ the features


def create_server(version: str) -> PlancheckServer:
    server = PlancheckServer(version)
    _documents(server)
    _watched(server)
    _navigation(server)
    _outline(server)
    _editing(server)
    _rewriting(server)
    return server


def _at(server: PlancheckServer, uri: str) -> tuple[Analysis, str] | None:
    path = to_fs_path(uri)
    if path is None or not uri.startswith("file:"):
        return None
    path = normal(path)
    return server.analysis(server.suite_of(path)), path


def _documents(server: PlancheckServer) -> None:
    """Opening, changing, saving and closing a document analyse its suite: at once, or
    `DEBOUNCE` seconds after the last change while typing."""
    for method, delay in ((types.TEXT_DOCUMENT_DID_OPEN, 0.0),
                          (types.TEXT_DOCUMENT_DID_CHANGE, DEBOUNCE),
                          (types.TEXT_DOCUMENT_DID_SAVE, 0.0),
                          (types.TEXT_DOCUMENT_DID_CLOSE, 0.0)):
        server.feature(method)(server.guard(method)(_on_document(server, delay)))


def _on_document(server: PlancheckServer, delay: float) -> Callable[[Any], None]:
    def changed(params: Any) -> None:
        server.changed(params.text_document.uri, delay)
    return changed


def _watched(server: PlancheckServer) -> None:
    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @server.guard("didChangeWatchedFiles")
    def watched(params: types.DidChangeWatchedFilesParams) -> None:
        server.roots.clear()  # a plan header may have come or gone
        for change in params.changes:
            server.changed(change.uri, DEBOUNCE)


def _navigation(server: PlancheckServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @server.guard("hover")
    def on_hover(params: types.HoverParams) -> types.Hover | None:
        found = _occurrence(server, params.text_document.uri, params.position)
        if found is None:
            return None
        analysis, occurrence = found
        text = hover(analysis, occurrence)
        if text is None:
            return None
        return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, text),
                           server.location(analysis, occurrence.span).range)

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    @server.guard("definition")
    def definition(params: types.DefinitionParams) -> list[types.Location] | None:
        found = _occurrence(server, params.text_document.uri, params.position)
        if found is None:
            return None
        analysis, occurrence = found
        declared = analysis.index.declarations(occurrence.symbol)
        return [server.location(analysis, o.span) for o in declared] or None

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    @server.guard("references")
    def references(params: types.ReferenceParams) -> list[types.Location] | None:
        found = _occurrence(server, params.text_document.uri, params.position)
        if found is None:
            return None
        analysis, occurrence = found
        every = analysis.index.references(
            occurrence.symbol, declarations=params.context.include_declaration)
        return [server.location(analysis, o.span) for o in every] or None


def _outline(server: PlancheckServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    @server.guard("documentSymbol")
    def symbols(params: types.DocumentSymbolParams) -> list[types.DocumentSymbol] | None:
        found = _at(server, params.text_document.uri)
        if found is None:
            return None
        analysis, path = found
        rule_file = analysis.rule_file(path)
        if rule_file is None:
            return []
        positions = server.positions(analysis, path)
        return [convert.document_symbol(e, positions) for e in outline(rule_file,
                                                                        analysis.index)]


def _occurrence(server: PlancheckServer, uri: str,
                position: types.Position) -> tuple[Analysis, Occurrence] | None:
    found = _at(server, uri)
    if found is None:
        return None
    analysis, path = found
    line, column = server.positions(analysis, path).point(position)
    occurrence = analysis.index.at(path, line, column)
    return (analysis, occurrence) if occurrence is not None else None


def _editing(server: PlancheckServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_COMPLETION,
                    types.CompletionOptions(trigger_characters=TRIGGERS))
    @server.guard("completion")
    def completion(params: types.CompletionParams) -> types.CompletionList | None:
        found = _at(server, params.text_document.uri)
        if found is None:
            return None
        analysis, path = found
        document = server.workspace.get_text_document(params.text_document.uri)
        positions = server.positions(analysis, path)
        line, column = positions.point(params.position)
        start, items = complete(document.source, line - 1, column - 1, analysis)
        replace = types.Range(positions.position(line, start + 1), params.position)
        return types.CompletionList(is_incomplete=False,
                                    items=[convert.completion_item(i, replace) for i in items])


def _rewriting(server: PlancheckServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    @server.guard("formatting")
    def formatting(params: types.DocumentFormattingParams) -> list[types.TextEdit] | None:
        document = server.workspace.get_text_document(params.text_document.uri)
        try:
            text = format_text(SourceFile(document.uri, document.source))
        except DiagnosticError:
            server.window_log_message(types.LogMessageParams(
                type=types.MessageType.Info,
                message="plancheck: not formatted: the file has syntax errors"))
            return None
        if text == document.source:
            return []
        whole = convert.Positions(document.source, server.workspace.position_codec).whole()
        return [types.TextEdit(whole, text)]

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    @server.guard("codeAction")
    def code_actions(params: types.CodeActionParams) -> list[types.CodeAction] | None:
        found = _at(server, params.text_document.uri)
        if found is None:
            return None
        analysis, path = found
        source = analysis.sources.get(path)
        if source is None:
            return []
        uri, positions = params.text_document.uri, server.positions(analysis, path)
        wanted = params.range
        actions = []
        for d in analysis.diagnostics.get(path, []):
            lsp_diagnostic = convert.diagnostic(d, positions, uri)
            if lsp_diagnostic.range.end.line < wanted.start.line or \
                    lsp_diagnostic.range.start.line > wanted.end.line:
                continue
            for fix in [*fixes(d, source, analysis.rule_file(path)),
                        *scaffold_fixes(d, analysis.rule_file(path), analysis.checked)]:
                actions.append(convert.code_action(fix, lsp_diagnostic, uri, positions))
        return actions


def serve(version: str) -> int:
    """Run the server on stdin/stdout until the client says `exit`."""
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING,
                        format="plancheck lsp: %(levelname)s %(message)s")
    create_server(version).start_io()
    return 0
