"""Conversions between plancheck's values and the protocol's (lsprotocol types).

In: spans (1-based lines, columns in code points), diagnostics, fixes, outline
entries and completions.  Out: lsprotocol `Range`, `Diagnostic` (the `help:` as
related information and as a second line of the message, since many editors
show only the message), `CodeAction`, `DocumentSymbol`, `CompletionItem`.
Columns are converted to the encoding the client negotiated (UTF-16 by default)
with pygls's position codec.  Imports lsprotocol and pygls.
"""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from checker.diagnostics import Diagnostic, printable
from checker.source import Span
from checker.tools.lsp.actions import Fix
from checker.tools.lsp.complete import Completion
from checker.tools.lsp.symbols import Outline

SOURCE = "plancheck"
SEVERITY = {"error": types.DiagnosticSeverity.Error,
            "warning": types.DiagnosticSeverity.Warning}
COMPLETION_KINDS = {
    "keyword": types.CompletionItemKind.Keyword, "field": types.CompletionItemKind.Field,
    "value": types.CompletionItemKind.EnumMember, "unit": types.CompletionItemKind.Unit,
    "indicator": types.CompletionItemKind.Variable, "rule": types.CompletionItemKind.Reference,
    "record": types.CompletionItemKind.Struct, "set": types.CompletionItemKind.Enum,
    "scale": types.CompletionItemKind.Enum, "function": types.CompletionItemKind.Function,
    "reading": types.CompletionItemKind.Constant, "source": types.CompletionItemKind.File,
}
SYMBOL_KINDS = {
    "plan": types.SymbolKind.Namespace, "unit": types.SymbolKind.Constant,
    "set": types.SymbolKind.Enum, "scale": types.SymbolKind.Enum,
    "indicator": types.SymbolKind.Variable, "record": types.SymbolKind.Struct,
    "field": types.SymbolKind.Field, "rule": types.SymbolKind.Function,
    "reading": types.SymbolKind.Constant, "test": types.SymbolKind.Method,
    "source": types.SymbolKind.File,
}


class Positions:
    """Converts positions of one text between code points and the client's units."""

    def __init__(self, text: str, codec: PositionCodec) -> None:
        self.lines = text.splitlines(keepends=True) or [""]
        self.codec = codec

    def position(self, line: int, column: int) -> types.Position:
        """From a 1-based line and column in code points."""
        return self.codec.position_to_client_units(
            self.lines, types.Position(line=max(line - 1, 0), character=max(column - 1, 0)))

    def range(self, span: Span) -> types.Range:
        if span.line < 1:
            return types.Range(types.Position(line=0, character=0),
                               types.Position(line=0, character=0))
        end_line, end_column = (span.end_line, span.end_column) if span.end_line >= span.line \
            else (span.line, span.column + 1)
        return types.Range(self.position(span.line, span.column),
                           self.position(end_line, end_column))

    def whole(self) -> types.Range:
        last = self.lines[-1]
        line = len(self.lines) - 1
        if last.endswith("\n"):
            return types.Range(types.Position(line=0, character=0),
                               types.Position(line=line + 1, character=0))
        return types.Range(types.Position(line=0, character=0),
                           types.Position(line=line, character=self.codec.client_num_units(last)))

    def point(self, position: types.Position) -> tuple[int, int]:
        """A client position as a 1-based line and column in code points."""
        server = self.codec.position_from_client_units(self.lines, position)
        return server.line + 1, server.character + 1


def diagnostic(d: Diagnostic, positions: Positions, uri: str) -> types.Diagnostic:
    where = positions.range(d.span)
    message = printable(d.message) + (f"\nhelp: {printable(d.help)}" if d.help else "")
    related = [types.DiagnosticRelatedInformation(types.Location(uri, where), f"help: {text}")
               for text in [printable(d.help)] if text]
    if d.label:
        related.append(types.DiagnosticRelatedInformation(types.Location(uri, where),
                                                          printable(d.label)))
    return types.Diagnostic(
        range=where, message=message, severity=SEVERITY.get(d.severity,
                                                            types.DiagnosticSeverity.Information),
        code=d.code, source=SOURCE, related_information=related or None,
        data={"code": d.code, "help": d.help})


def code_action(fix: Fix, lsp_diagnostic: types.Diagnostic, uri: str,
                positions: Positions) -> types.CodeAction:
    edits = [types.TextEdit(positions.range(e.span), e.text) for e in fix.edits]
    return types.CodeAction(title=fix.title, kind=types.CodeActionKind.QuickFix,
                            diagnostics=[lsp_diagnostic], is_preferred=fix.preferred,
                            edit=types.WorkspaceEdit(changes={uri: edits}))


def document_symbol(entry: Outline, positions: Positions) -> types.DocumentSymbol:
    whole = positions.range(entry.span)
    name = positions.range(entry.name_span)
    if not (_before(whole.start, name.start) and _before(name.end, whole.end)):
        name = types.Range(whole.start, whole.start)
    return types.DocumentSymbol(
        name=printable(entry.name) or "(unnamed)", detail=printable(entry.detail, 80),
        kind=SYMBOL_KINDS[entry.kind], range=whole, selection_range=name,
        children=[document_symbol(c, positions) for c in entry.children] or None)


def _before(a: types.Position, b: types.Position) -> bool:
    return (a.line, a.character) <= (b.line, b.character)


def completion_item(item: Completion, replace: types.Range) -> types.CompletionItem:
    return types.CompletionItem(
        label=item.label, kind=COMPLETION_KINDS[item.kind], detail=printable(item.detail, 80),
        text_edit=types.TextEdit(replace, item.insert), filter_text=item.label)


def lines_of(text: str) -> Sequence[str]:
    return text.splitlines(keepends=True) or [""]
