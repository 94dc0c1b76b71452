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
_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
FIXABLE = ("L603",)


def line_edit(diagnostic: Diagnostic, source: SourceFile) -> tuple[Span, str] | None:
    """The cite's `line N` and the line the help says the quote is on.  The cite may run
    over several lines (`line N` below the section, the quote below that); words inside
    its strings are not the cite's own (a section titled `line 3`)."""
    suggested = _DID_YOU_MEAN_LINE.search(diagnostic.help)
    if diagnostic.code != "L603" or suggested is None or diagnostic.span.line < 1:
        return None
    span = diagnostic.span
    for number in range(span.line, max(span.line, span.end_line) + 1):
        line = source.line_text(number)
        start = span.column - 1 if number == span.line else 0
        end = span.end_column - 1 if number == span.end_line else len(line)
        written = _WRITTEN_LINE.search(_STRING.sub(_blank, line[:end]), start)
        if written is not None:
            return (Span(source.path, number, written.start(1) + 1, number,
                         written.end(1) + 1), suggested.group(1))
    return None


def _blank(string: re.Match[str]) -> str:
    return " " * len(string.group())


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
