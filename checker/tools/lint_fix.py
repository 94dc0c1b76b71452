"""Fixes lint can apply itself: a cite whose quote is on another line of the plan (L603)
gets that line number.  One place that finds the edit, for `plancheck lint --fix` and the
editor's quick fix alike.  In: the diagnostic and its file's source; out: the span of the
written number and the number to write, or None when the help names no line."""

from __future__ import annotations

import re

from checker.diagnostics import Diagnostic
from checker.source import SourceFile, Span

_DID_YOU_MEAN_LINE = re.compile(r"did you mean line (\d+)\?")
_WRITTEN_LINE = re.compile(r"\bline\s+(\d+)")
FIXABLE = ("L603",)


def line_edit(diagnostic: Diagnostic, source: SourceFile) -> tuple[Span, str] | None:
    """The cite's `line N` and the line the help says the quote is on."""
    suggested = _DID_YOU_MEAN_LINE.search(diagnostic.help)
    if diagnostic.code != "L603" or suggested is None or diagnostic.span.line < 1:
        return None
    span = diagnostic.span
    line = source.line_text(span.line)
    end = span.end_column - 1 if span.end_line == span.line else len(line)
    written = _WRITTEN_LINE.search(line[span.column - 1 : end])
    if written is None:
        return None
    start = span.column + written.start(1)
    return (Span(source.path, span.line, start, span.line, span.column + written.end(1)),
            suggested.group(1))


def fixed_text(source: SourceFile, diagnostics: list[Diagnostic]) -> tuple[str, int]:
    """`source` with every fixable diagnostic of it applied, and how many were; each edit is
    within one line, applied from the last so earlier columns stay right."""
    edits = {e for d in diagnostics if d.span.file == source.path
             if (e := line_edit(d, source)) is not None}
    lines = source.text.splitlines(keepends=True)
    for span, text in sorted(edits, key=lambda e: (e[0].line, e[0].column), reverse=True):
        line = lines[span.line - 1]
        lines[span.line - 1] = line[: span.column - 1] + text + line[span.end_column - 1 :]
    return "".join(lines), len(edits)
