"""The plan's text: where it is, its numbered headings, and where a quote stands in it.

In: a suite (its `plan` header names the text as `source`) or a `SourceFile`.
Out: the path of the text (`plan_path`), the text read with a diagnostic when it
cannot be (`read_plan`, L604; `read_source` for another text a `source` declares),
the headings above a line (`headings_above`), and
the places of a quote (`PlanText.places`).  One locator and one quote matcher
for lint, explain, extract and the language server, so that no tool flags a
quote another finds: a quote matches after NFKC folding (full-width and
half-width alike) with all whitespace ignored, also across line breaks.
Imports `source`, `diagnostics` and the rule model; never lark.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from checker.diagnostics import Diagnostic
from checker.source import SourceFile, Span
from checker.syntax import model as m
from checker.syntax.suite import display_path, shown_path

CHINESE_DIGITS = "一二三四五六七八九十百零〇"
# Numbered headings by level, matched on NFKC-folded text: 篇, 章, 节, 一、, (一), 1., (1).
HEADINGS = (
    (0, re.compile(rf"第[{CHINESE_DIGITS}\d]+[篇编]")),
    (1, re.compile(rf"第[{CHINESE_DIGITS}\d]+章")),
    (2, re.compile(rf"第[{CHINESE_DIGITS}\d]+节")),
    (3, re.compile(rf"([{CHINESE_DIGITS}]+)、")),
    (4, re.compile(rf"[(]([{CHINESE_DIGITS}]+)[)]")),
    (5, re.compile(r"(\d{1,2})[.、](?!\d)")),
    (6, re.compile(r"[(](\d{1,2})[)]")),
)
HEADING_MAX = 60  # characters: a longer line is a paragraph, whatever it starts with
SENTENCE_END = "。;；!?！？"


def numbered_heading(text: str) -> tuple[int, str, str] | None:
    """(level, label, title) of a numbered heading line — `(1, "第五章", "空间")` — or None."""
    stripped = unicodedata.normalize("NFKC", text).strip().lstrip("#").strip()
    if not stripped or len(stripped) > HEADING_MAX or stripped[-1] in SENTENCE_END:
        return None
    for level, pattern in HEADINGS:
        found = pattern.match(stripped)
        if found:
            if level <= 2:
                label = found.group(0)
            else:
                label = f"({found.group(1)})" if level in (4, 6) else found.group(1)
            return level, label, stripped[found.end():].strip()
    return None


def headings_above(plan: SourceFile, line: int) -> tuple[tuple[int, str], ...]:
    """The headings a line falls under, outermost first, as (line, text)."""
    current: dict[int, tuple[int, str]] = {}
    for number in range(1, line):
        text = plan.line_text(number)
        heading = numbered_heading(text)
        if heading is not None:
            level = heading[0]
            current = {k: v for k, v in current.items() if k < level}
            current[level] = (number, text.strip())
    return tuple(current[k] for k in sorted(current))


# ------------------------------------------------------------------ quotes


def fold(text: str) -> tuple[str, list[int]]:
    """`text` NFKC-folded without whitespace, and the offset in `text` of each character."""
    out: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        for folded in unicodedata.normalize("NFKC", char):
            if not folded.isspace():
                out.append(folded)
                where.append(index)
    return "".join(out), where


@dataclass(frozen=True)
class Place:
    """Where a quote stands: its first and last line, and its offsets in those lines."""

    first: int
    last: int
    start: int  # offset in the first line
    end: int  # offset just after the quote in the last line


@dataclass(frozen=True)
class PlanText:
    """The plan's text with a folded index for finding quotes."""

    source: SourceFile
    folded: str = field(repr=False)
    where: list[int] = field(repr=False)  # offset in the text of each folded character

    @staticmethod
    def of(source: SourceFile) -> PlanText:
        folded, where = fold(source.text)
        return PlanText(source, folded, where)

    @property
    def path(self) -> str:
        return self.source.path

    def places(self, quote: str) -> list[Place]:
        """Every place the quote occurs, in text order."""
        needle, _ = fold(quote)
        found: list[Place] = []
        at = self.folded.find(needle) if needle else -1
        while at >= 0:
            first, start = self.source.position(self.where[at])
            last, end = self.source.position(self.where[at + len(needle) - 1])
            found.append(Place(first, last, start - 1, end))
            at = self.folded.find(needle, at + 1)
        return found

    def place_near(self, quote: str, line: int | None) -> Place | None:
        """The place of the quote on (or across) `line` if there is one, else the first."""
        places = self.places(quote)
        on_line = [p for p in places if line is not None and p.first <= line <= p.last]
        chosen = on_line or places
        return chosen[0] if chosen else None

    def closest(self, quote: str) -> str | None:
        """The sentence of the text most like `quote`, for a did-you-mean."""
        sentences = [s.strip() for s in re.split(r"[。；;！？，,\n]", self.source.text)
                     if s.strip()]
        folded = {fold(s)[0]: s for s in sentences}
        close = difflib.get_close_matches(fold(quote)[0], list(folded), n=1, cutoff=0.6)
        return folded[close[0]] if close else None


# ------------------------------------------------------------------ finding the text


def plan_path(suite: m.Suite, root: Path | None = None) -> Path | None:
    """The plan header's `source`, relative to the suite folder `root` if it is there, else
    to the file of the header (so it works from an installed wheel and from a copy)."""
    plans = suite.of(m.Plan)
    source = plans[0].text("source") if plans else None
    if source is None:
        return None
    return _located(source, plans[0].span.file, root)


def _located(file: str, declared_in: str, root: Path | None) -> Path:
    """`file` in the suite folder `root` if it is there, else beside `declared_in`."""
    folders = [Path(root)] if root is not None else []
    folders.append(shown_path(declared_in).parent)
    for folder in folders:
        if (folder / file).is_file():
            return folder / file
    return folders[0] / file


def read_plan(suite: m.Suite, root: Path | None = None,
              display: str | None = None) -> tuple[PlanText | None, Diagnostic | None]:
    """The plan's text, or the L604 diagnostic saying why it cannot be read."""
    plans = suite.of(m.Plan)
    if not plans:
        return None, None
    plan = plans[0]
    where = _head(plan.span, f"plan {plan.id}")
    path = plan_path(suite, root)
    if path is None:
        return None, Diagnostic("L604", f"plan `{plan.id}` names no `source` text", where, "",
                                'add `source "plan.txt"` (relative to this file) so that '
                                "quotes can be checked", "warning")
    return _read(path, display, f"the plan text `{plan.text('source')}`", where,
                 plan.span.file)


def read_texts(suite: m.Suite, root: Path | None = None
               ) -> tuple[dict[str | None, PlanText | None], list[Diagnostic]]:
    """Every text the suite's cites may quote, by source name (None: the plan's), and the
    L604 diagnostics of those that cannot be read."""
    texts: dict[str | None, PlanText | None] = {}
    texts[None], problem = read_plan(suite, root)
    problems = [problem]
    for decl in suite.of(m.SourceDecl):
        if decl.name not in texts:
            texts[decl.name], problem = read_source(decl, root)
            problems.append(problem)
    return texts, [p for p in problems if p is not None]


def read_source(decl: m.SourceDecl, root: Path | None = None
                ) -> tuple[PlanText | None, Diagnostic | None]:
    """The text a `source` declaration names, or the L604 diagnostic saying why not."""
    where = _head(decl.span, f"source {decl.name}")
    path = _located(decl.file, decl.span.file, root)
    return _read(path, display_path(path),
                 f"the text `{decl.file}` of source `{decl.name}`", where, decl.span.file)


def _read(path: Path, display: str | None, what: str, where: Span, declared_in: str
          ) -> tuple[PlanText | None, Diagnostic | None]:
    try:
        return PlanText.of(SourceFile.read(path, display)), None
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8"
        return None, Diagnostic("L604", f"cannot read {what}: {reason}", where, "",
                                f"the path is relative to `{declared_in}`", "warning")


def _head(span: Span, text: str) -> Span:
    """The span of the first words of a statement (`plan daxing-14th`)."""
    return Span(span.file, span.line, span.column, span.line, span.column + len(text))
