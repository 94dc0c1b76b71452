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

Kind = Literal["contradiction", "dead", "redundant", "time", "cross-level"]
Severity = Literal["error", "warning"]

# code -> (kind, severity, one-line meaning); docs/diagnostics.md lists the same.
CODES: dict[str, tuple[Kind, Severity, str]] = {
    "A501": ("contradiction", "error", "rules that cannot all hold for some subject and scope"),
    "A502": ("dead", "error", "a rule whose guard can never hold"),
    "A503": ("dead", "error", "a rule whose constraint can never be satisfied"),
    "A504": ("dead", "warning", "a rule that is always waived by its own `unless`"),
    "A505": ("redundant", "warning", "a rule implied by other rules"),
    "A506": ("dead", "warning", "a rule that applies only to subjects other rules forbid"),
    "A510": ("time", "warning", "a deadline outside the plan period"),
    "A511": ("time", "warning", "a later target weaker than an earlier one"),
    "A512": ("time", "error", "targets of different years that cannot all hold"),
    "A520": ("cross-level", "warning", "quotas of parts that add up to more than the whole's cap"),
    "A521": ("cross-level", "error", "minimums of parts that add up to more than the whole's cap"),
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
