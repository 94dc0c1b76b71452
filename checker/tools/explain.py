"""Explain: a rule, its provenance, and the plan's own words around its citation.

In: a loaded and checked suite and a rule id.  Out: `Explanation` — the rule's
canonical text (`checker.syntax.unparse`), kind and reason, readings, and for each
`cite` a `PlanExcerpt`: the chapter / section / subsection headings above the
cited line of the plan text and the sentence holding the quote, with the
quote's position so a renderer can highlight it.  `render` turns it into
terminal text (rich styles, or `»…«` around the quote when plain).

The plan text is the plan header's `source`, read relative to the suite's
folder (so it works from an installed wheel).  A quote is looked up on its
cited line first, then anywhere in the text (ignoring full-width/half-width
and spacing differences); a quote that is not found, or not on its cited
line, is said so.  An unknown rule id is diagnostic T248 with did-you-mean.
Imports `model`, `typed`, `unparse`, `suite`, `diagnostics`, `source`; rich.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.text import Text

from checker.diagnostics import Diagnostic, DiagnosticError, did_you_mean
from checker.source import SourceFile
from checker.syntax import model as m
from checker.syntax.suite import LoadedSuite, display_path
from checker.syntax.unparse import statement
from checker.textsafe import quoted
from checker.tools.plantext import (
    SENTENCE_END,
    PlanText,
    headings_above,
    plan_path,
    read_source,
)
from checker.types import typed as t

KIND_WORDS = {"binding": "binding (约束性): a failure is an error",
              "anticipatory": "anticipatory (预期性): a failure is a warning"}


@dataclass(frozen=True)
class PlanExcerpt:
    """The cited place in the plan text; `start`/`end` locate the quote in `text`."""

    path: str
    line: int
    headings: tuple[tuple[int, str], ...]
    text: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class CitationExplained:
    citation: t.Citation
    excerpt: PlanExcerpt | None
    note: str | None = None


@dataclass(frozen=True)
class Explanation:
    rule: t.CheckedRule
    text: list[str]
    citations: tuple[CitationExplained, ...]


def explain(loaded: LoadedSuite, checked: t.CheckedSuite, rule_id: str) -> Explanation:
    """Everything `plancheck explain` shows about one rule."""
    rule = checked.rule(rule_id)
    if rule is None:
        ids = [x.id for x in checked.rules]
        folded = {x.casefold(): x for x in ids}
        hint = (f"did you mean `{folded[rule_id.casefold()]}`?" if rule_id.casefold() in folded
                else did_you_mean(rule_id, ids))
        raise DiagnosticError([Diagnostic(
            "T248", f"unknown rule `{rule_id}`", help=hint or (
                "the suite has no rules" if not ids else
                f"the suite's rules: {', '.join(ids[:10])}{', …' if len(ids) > 10 else ''}"))])
    texts: dict[str | None, PlanText | None] = {None: plan_text(loaded, checked)}
    for decl in checked.suite.of(m.SourceDecl):
        texts.setdefault(decl.name, read_source(decl, loaded.root)[0])
    citations = tuple(explain_citation(c, texts.get(c.source)) for c in rule.citations)
    return Explanation(rule, statement(rule.source), citations)


def plan_file(loaded: LoadedSuite, checked: t.CheckedSuite) -> Path | None:
    """The plan header's `source`, relative to the suite folder (or the header's file)."""
    return plan_path(checked.suite, loaded.root)


def plan_text(loaded: LoadedSuite, checked: t.CheckedSuite) -> PlanText | None:
    path = plan_file(loaded, checked)
    if path is None or not path.is_file():
        return None
    try:
        return PlanText.of(SourceFile.read(path, display_path(path)))
    except (OSError, UnicodeDecodeError):
        return None


# ------------------------------------------------------------------ finding the quote


def explain_citation(c: t.Citation, plan: PlanText | None) -> CitationExplained:
    """Where a citation's quote is in the plan text (the cited line first), and why not."""
    if plan is None:
        what = "the plan text" if c.source is None else f"the text of source `{c.source}`"
        return CitationExplained(c, None, f"{what} is not available")
    place = plan.place_near(c.quote, c.line)
    source = plan.source
    if place is not None:
        end = place.end if place.first == place.last else len(source.line_text(place.first))
        note = None
        if c.line is not None and not place.first <= c.line <= place.last:
            note = f"the quote is on line {place.first}, not line {c.line}"
        return CitationExplained(c, _excerpt(source, place.first, (place.start, end)), note)
    if c.line is not None and 1 <= c.line <= source.line_count:
        return CitationExplained(c, _excerpt(source, c.line, None),
                                 "the quote is not in the plan text")
    return CitationExplained(c, None, "the quote is not in the plan text")


def find_quote(line: str, quote: str) -> tuple[int, int] | None:
    """Start and end offsets of `quote` in one `line` (folded, whitespace ignored)."""
    place = PlanText.of(SourceFile("<line>", line)).place_near(quote, 1)
    return (place.start, place.end) if place is not None and place.last == 1 else None


def _excerpt(plan: SourceFile, line: int, found: tuple[int, int] | None) -> PlanExcerpt:
    """The sentence(s) of `line` that hold the quote (the whole line when not found)."""
    text = plan.line_text(line)
    if found is None:
        return PlanExcerpt(plan.path, line, headings_above(plan, line), text.strip())
    start, end = found
    begin = max((text.rfind(ch, 0, start) for ch in SENTENCE_END), default=-1) + 1
    ends = [i for i in (text.find(ch, max(end - 1, 0)) for ch in SENTENCE_END) if i >= 0]
    stop = min(ends) + 1 if ends else len(text)
    while begin < start and text[begin].isspace():
        begin += 1
    shown = text[begin:stop]
    prefix = "…" if begin > 0 and text[:begin].strip() else ""
    suffix = "…" if stop < len(text) and text[stop:].strip() else ""
    offset = len(prefix) - begin
    return PlanExcerpt(plan.path, line, headings_above(plan, line), prefix + shown + suffix,
                       start + offset, end + offset)


# ------------------------------------------------------------------ rendering


def render(explanation: Explanation, *, color: bool = False, width: int = 100) -> str:
    """Terminal text; the quote is highlighted (colour) or marked `»…«` (plain)."""
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width,
                      highlight=False, emoji=False, soft_wrap=True)
    for item in _lines(explanation, color):
        console.print(item)
    return buffer.getvalue()


def _lines(e: Explanation, color: bool) -> list[Text]:
    rule = e.rule
    out = [Text.assemble((rule.id, "bold"), (f"  {rule.title}" if rule.title else "", "bold"))]
    out.append(Text(f"kind: {KIND_WORDS[rule.kind]}"))
    if rule.kind_reason:
        out.append(Text(f"  because {rule.kind_reason}"))
    out.append(Text(f"subject: {_subject(rule)}"))
    out.append(Text(f"defined at {rule.span.file}:{rule.span.line}"))
    out.append(Text(""))
    out += [Text(line, style="cyan" if color else "") for line in e.text]
    if rule.readings:
        out += [Text(""), Text("readings (vague words made explicit):", style="bold")]
        for reading in rule.readings:
            out.append(Text(f"  {reading.name} = {reading.text}  because {reading.reason}"))
    out.append(Text(""))
    if not e.citations:
        out.append(Text("no citation: this rule does not say which sentence of the plan it "
                        "enforces", style="yellow" if color else ""))
    for cited in e.citations:
        out += _citation_lines(cited, color)
    return out


def _subject(rule: t.CheckedRule) -> str:
    if rule.subject == "record":
        return f"each `{rule.record}` record"
    if rule.subject == "batch":
        return f"all `{rule.record}` records together"
    return "indicator series of " + ", ".join(rule.regions)


def cited_where(c: t.Citation) -> str:
    """`第二章 一, line 8`; another source's by its name first (`national 第一章, line 3`),
    and a cite without a section path by its line alone (`national line 1`), never `, line 1`
    as if the plan's (friction 9)."""
    parts = [p for p in (c.source, c.section) if p]
    where = " ".join(parts)
    if c.line is None:
        return where or "(no section)"
    return f"{where}, line {c.line}" if c.section else f"{where} line {c.line}".lstrip()


def _citation_lines(cited: CitationExplained, color: bool) -> list[Text]:
    c = cited.citation
    out = [Text.assemble(("cites ", "bold"), (cited_where(c), "bold"), f": {quoted(c.quote)}")]
    if cited.note:
        out.append(Text(f"  note: {cited.note}", style="yellow" if color else ""))
    excerpt = cited.excerpt
    if excerpt is None:
        out.append(Text(""))
        return out
    out.append(Text(f"  in {excerpt.path}:", style="dim" if color else ""))
    for depth, (_, heading) in enumerate(excerpt.headings):
        out.append(Text("    " + "  " * depth + heading, style="bold" if color else ""))
    gutter = f"    {excerpt.line} | "
    text = excerpt.text
    if excerpt.start is None or excerpt.end is None:
        out.append(Text(gutter + text))
    elif color:
        out.append(Text.assemble(gutter, text[:excerpt.start],
                                 (text[excerpt.start:excerpt.end], "bold black on yellow"),
                                 text[excerpt.end:]))
    else:
        out.append(Text(gutter + text[:excerpt.start] + "»" + text[excerpt.start:excerpt.end]
                        + "«" + text[excerpt.end:]))
    out.append(Text(""))
    return out


__all__ = ["CitationExplained", "Explanation", "PlanExcerpt", "explain", "explain_citation",
           "find_quote", "headings_above", "plan_file", "render"]
