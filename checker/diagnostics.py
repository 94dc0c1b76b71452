"""Diagnostics: every problem in rules, schemas or data, with a stable code.

In: a code, a message, a span and advice.  Out: `Diagnostic` values and their
rendering (the source line with an underline and a `help:` line).  Imports only
`source`.  A diagnostic is data; `DiagnosticError` carries a batch of them to
the CLI, which prints them and exits 2.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from checker.source import NO_SPAN, SourceFile, Span
from checker.textsafe import escape, one_line


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem: `code` is stable (P1xx syntax, T2xx types, D3xx data, E4xx evaluation)."""

    code: str
    message: str
    span: Span = NO_SPAN
    label: str = ""
    help: str = ""
    severity: str = "error"
    # The offending source line, for a file whose text is not among the rendered
    # `sources` (input that could not be decoded); None when there is none.
    excerpt: str | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.span.file, self.span.line, self.span.column, self.code)


class DiagnosticError(Exception):
    """Raised by a stage that cannot go on; carries every diagnostic it collected
    and the source texts needed to show the offending lines."""

    def __init__(self, diagnostics: Iterable[Diagnostic],
                 sources: dict[str, SourceFile] | None = None) -> None:
        self.diagnostics = sorted(diagnostics, key=Diagnostic.sort_key)
        self.sources = dict(sources or {})
        super().__init__("; ".join(d.message for d in self.diagnostics))


@dataclass
class DiagnosticSink:
    """Collects diagnostics from a stage so that all of them reach the user at once."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, diagnostic: Diagnostic) -> None:
        self.items.append(diagnostic)

    def error(self, code: str, message: str, span: Span = NO_SPAN, *,
              label: str = "", help: str = "") -> None:
        self.items.append(Diagnostic(code, message, span, label, help))

    def warning(self, code: str, message: str, span: Span = NO_SPAN, *,
                label: str = "", help: str = "") -> None:
        self.items.append(Diagnostic(code, message, span, label, help, "warning"))

    @property
    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.items)

    def raise_if_errors(self, sources: dict[str, SourceFile] | None = None) -> None:
        if self.has_errors:
            raise DiagnosticError(self.items, sources)


TIES = 3  # choices a did-you-mean names when they are equally close


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A `help:` text naming the closest choice — every one as close, when several are
    (`清水河`: `赤水河` or `清水江`, one character off each) — or '' when nothing is close."""
    close = closest_ties(word, choices)
    return "did you mean " + " or ".join(f"`{c}`" for c in close) + "?" if close else ""


def closest_ties(word: str, choices: Iterable[str]) -> list[str]:
    """The closest choices, all those as close as the closest (at most `TIES`)."""
    ranked = difflib.get_close_matches(word, sorted(set(choices)), n=TIES, cutoff=0.6)
    if not ranked:
        return []

    def ratio(choice: str) -> float:  # as get_close_matches scores it
        return difflib.SequenceMatcher(None, choice, word).ratio()

    best = ratio(ranked[0])
    return [c for c in ranked if ratio(c) == best]


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice `did_you_mean` names first, or None when nothing is close."""
    close = closest_ties(word, choices)
    return close[0] if close else None


def close_to_any(word: str, choices: Iterable[str], edits: int = 2) -> bool:
    """Within `edits` insertions, deletions or replacements of a choice: a typo of it
    (stricter than `did_you_mean`, which also offers far-fetched matches as advice)."""
    return any(edits_at_most(word, choice, edits) for choice in choices)


def edits_at_most(a: str, b: str, limit: int) -> bool:
    """Levenshtein distance of `a` and `b` is at most `limit` (rows stop once all exceed it)."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (char != other)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


MAX_LINE_WIDTH = 100  # columns of source shown; longer lines are cut around the span


def display_width(text: str) -> int:
    """Terminal columns of `text`: CJK and full-width characters take two, marks none."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return width


def printable(text: str, limit: int | None = None) -> str:
    """`text` with control and invisible characters escaped, cut to `limit` characters."""
    shown = "".join(_shown(char) for char in text)
    if limit is not None and len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return shown


def _shown(char: str) -> str:
    """A character of a source line as shown under its underline (one line, tabs as spaces)."""
    if char == "\t":
        return "    "
    return "\\x0a" if char == "\n" else escape(char)


def render(diagnostic: Diagnostic, sources: dict[str, SourceFile]) -> str:
    """Render like a compiler: header, location, source line, underline, help."""
    lines = [f"{diagnostic.severity}[{diagnostic.code}]: {one_line(diagnostic.message)}"]
    span = diagnostic.span
    if span is NO_SPAN or span.line == 0:
        if span.file != NO_SPAN.file:
            lines.append(f" --> {one_line(span.file)}")
    else:
        lines.append(f" --> {one_line(str(span))}")
        source = sources.get(span.file)
        text = source.line_text(span.line) if source is not None else diagnostic.excerpt
        if text is not None:
            shown, marker = _underline(text, span)
            if diagnostic.label:
                marker += " " + one_line(diagnostic.label)
            gutter = " " * len(str(span.line))
            lines += [f"{gutter} |", f"{span.line} | {shown}".rstrip(), f"{gutter} | {marker}"]
    if diagnostic.help:
        lines.append(f"  = help: {one_line(diagnostic.help)}")
    return "\n".join(lines)


def _underline(text: str, span: Span) -> tuple[str, str]:
    """The line as shown (escaped, cut to MAX_LINE_WIDTH) and its `^^^` marker."""
    start = min(max(span.column - 1, 0), len(text))
    end = span.end_column - 1 if span.end_line == span.line else len(text)
    end = max(end, start + 1)
    # only the part of a long line that can be shown is escaped and measured: a 38 KB
    # header line under each of 5,000 diagnostics took minutes
    first = max(start - MAX_LINE_WIDTH, 0)
    last = min(max(end, start + 1) + MAX_LINE_WIDTH, len(text))
    pieces = [_shown(char) for char in text[first:last]]
    widths = [display_width(piece) for piece in pieces]
    start, end, cut_after = start - first, end - first, last < len(text)
    low, high = 0, len(pieces)
    if sum(widths) > MAX_LINE_WIDTH or first > 0:
        budget = MAX_LINE_WIDTH // 3
        low = start
        while low > 0 and widths[low - 1] <= budget:
            budget -= widths[low - 1]
            low -= 1
        high, used = low, 0
        while high < len(pieces) and used + widths[high] <= MAX_LINE_WIDTH:
            used += widths[high]
            high += 1
    before = "…" if low > 0 or first > 0 else ""
    shown = before + "".join(pieces[low:high]) + ("…" if high < len(pieces) or cut_after else "")
    pad = len(before) + sum(widths[low:start])
    width = max(sum(widths[start : min(end, high)]), 1)
    return shown, " " * pad + "^" * width


def render_all(diagnostics: Sequence[Diagnostic], sources: dict[str, SourceFile]) -> str:
    """All diagnostics, sorted, separated by blank lines, with a closing count."""
    ordered = sorted(diagnostics, key=Diagnostic.sort_key)
    blocks = [render(d, sources) for d in ordered]
    errors = sum(1 for d in ordered if d.severity == "error")
    warnings = len(ordered) - errors
    summary = f"{errors} error{'s' if errors != 1 else ''}"
    if warnings:
        summary += f", {warnings} warning{'s' if warnings != 1 else ''}"
    return "\n\n".join([*blocks, summary]) + "\n"
