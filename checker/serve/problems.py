"""Problems as the API answers them: the diagnostics the CLI prints, as JSON.

In: diagnostics (from `DiagnosticError` or made here, S8xx), the source texts
they point into.  Out: `Reply(status, body)` where the body is
`{"diagnostics": [{code, severity, message, file, line, column, end_line,
end_column, label, help, rendered}], "text": …}` — `text` is exactly what
`plancheck check` prints on stderr for the same input.  `status_of` maps data
problems to 400 (the body cannot be read as records) or 422 (records with bad
fields or values).  Imports `diagnostics` and `source`; not the web framework.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from checker.diagnostics import Diagnostic, DiagnosticError, render, render_all
from checker.source import NO_SPAN, SourceFile

UNREADABLE = frozenset({"D300", "D301", "D302", "D303", "D304", "D307", "D308"})


@dataclass(frozen=True)
class Reply:
    """A response: its status code and its JSON body."""

    status: int
    body: dict[str, Any]


def diagnostic_json(diagnostic: Diagnostic, sources: dict[str, SourceFile]) -> dict[str, Any]:
    span = diagnostic.span
    placed = span is not NO_SPAN and span.file != NO_SPAN.file
    return {
        "code": diagnostic.code, "severity": diagnostic.severity, "message": diagnostic.message,
        "file": span.file if placed else None, "line": span.line or None if placed else None,
        "column": span.column or None if placed else None,
        "end_line": span.end_line or None if placed else None,
        "end_column": span.end_column or None if placed else None,
        "label": diagnostic.label or None, "help": diagnostic.help or None,
        "rendered": render(diagnostic, sources),
    }


def problem(status: int, diagnostics: Sequence[Diagnostic],
            sources: dict[str, SourceFile] | None = None, /, **extra: Any) -> Reply:
    """`extra` adds fields to the body (`id`, `status`, `quotas` …)."""
    known = sources or {}
    ordered = sorted(diagnostics, key=Diagnostic.sort_key)
    return Reply(status, {"diagnostics": [diagnostic_json(d, known) for d in ordered],
                          "text": render_all(ordered, known), **extra})


def one(status: int, code: str, message: str, help: str = "", /, **extra: Any) -> Reply:
    return problem(status, [Diagnostic(code, message, help=help)], **extra)


def from_error(error: DiagnosticError) -> Reply:
    """Bad input: 400 when nothing could be read as records, 422 when records are wrong."""
    return problem(status_of(error.diagnostics), error.diagnostics, error.sources)


def status_of(diagnostics: Sequence[Diagnostic]) -> int:
    errors = [d for d in diagnostics if d.severity == "error"]
    return 400 if errors and all(d.code in UNREADABLE for d in errors) else 422
