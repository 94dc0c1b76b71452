"""Consistency findings: plain data about the rules themselves.

In: built by the `analysis` passes.  Out: `Finding`s — a stable code (A5xx),
a kind, a message, every rule involved with the span of the clause that takes
part, and a witness in words — JSON-able with `to_json`.  Imports only
`source`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from checker.source import Span

Kind = Literal["contradiction", "dead", "redundant", "time", "cross-level", "incomplete"]
Severity = Literal["error", "warning"]

# code -> (kind, severity); the one-line meaning of each is in `checker.codes`.
CODES: dict[str, tuple[Kind, Severity]] = {
    "A501": ("contradiction", "error"),
    "A502": ("dead", "error"),
    "A503": ("dead", "error"),
    "A504": ("dead", "warning"),
    "A505": ("redundant", "warning"),
    "A506": ("dead", "warning"),
    "A510": ("time", "warning"),
    "A511": ("time", "warning"),
    "A512": ("time", "error"),
    "A520": ("cross-level", "warning"),
    "A521": ("cross-level", "error"),
    "A530": ("incomplete", "warning"),
    "A531": ("incomplete", "warning"),
}


@dataclass(frozen=True, slots=True)
class Involved:
    """A rule taking part in a finding: the clause (`text`) and where it is written."""

    rule: str
    span: Span
    text: str
    role: str = ""

    def to_json(self) -> dict[str, object]:
        return {"rule": self.rule, "file": self.span.file, "line": self.span.line,
                "column": self.span.column, "text": self.text, "role": self.role}


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    message: str
    rules: tuple[Involved, ...]
    witness: str
    help: str = ""

    @property
    def kind(self) -> Kind:
        return CODES[self.code][0]

    @property
    def severity(self) -> Severity:
        return CODES[self.code][1]

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(sorted({i.rule for i in self.rules if i.rule}))

    @property
    def span(self) -> Span:
        return self.rules[0].span

    def sort_key(self) -> tuple[str, int, int, str, tuple[str, ...]]:
        span = self.span
        return (span.file, span.line, span.column, self.code, self.rule_ids)

    def to_json(self) -> dict[str, object]:
        return {"code": self.code, "kind": self.kind, "severity": self.severity,
                "message": self.message, "rules": [i.to_json() for i in self.rules],
                "witness": self.witness, "help": self.help}
