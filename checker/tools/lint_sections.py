"""Lint, a cite's section path against the plan's headings (L614).

In: one cite whose quote was found in the plan text, and that text.  Out: an L614
error when the section path (`"第五章 一 (三)"`) is not the headings the cited
line stands under — each part, in order, a heading's number (`第五章`, `一`,
`(三)`) or the start of its text (`第五章 城乡一体`) — with a did-you-mean
naming the path of the line.  A path may leave levels out (`第五章 (三)`); a
text without numbered headings is not checked.  The headings are read by
`plantext`, as `explain` shows them.  Imports `plantext`, the rule model and
`diagnostics`.
"""

from __future__ import annotations

import unicodedata

from checker.diagnostics import Diagnostic
from checker.syntax import model as m
from checker.tools.plantext import PlanText, fold, headings_above, numbered_heading


def section_problem(whose: str, cite: m.Cite, text: PlanText, called: str = "the plan"
                    ) -> Diagnostic | None:
    """L614 when no place of the quote stands under the cite's section path."""
    lines = [cite.line] if cite.line is not None else \
        [p.first for p in text.places(cite.quote)]
    chains = [_chain(text, line) for line in lines]
    if not lines or not any(chains) or any(_follows(cite.section, c) for c in chains):
        return None
    where = lines[0]
    path = " ".join(label for label, _, _ in chains[0])
    advice = f"did you mean `{path}`?" if path else \
        f"line {where} stands under no numbered heading; cite the nearest one"
    return Diagnostic("L614", f'the section `{cite.section}` of {whose} is not where line '
                      f"{where} of {called} stands", cite.span, "not the plan's headings",
                      advice, "error")


def _chain(text: PlanText, line: int) -> list[tuple[str, str, str]]:
    """(number, folded text, folded title) of each heading above the line (and the line
    itself when it is one: a quoted heading stands under itself), outermost first."""
    out = []
    for _, heading in headings_above(text.source, line + 1):
        read = numbered_heading(heading)
        if read is not None:
            out.append((read[1], fold(heading)[0], fold(read[2])[0]))
    return out


def _follows(section: str, chain: list[tuple[str, str, str]]) -> bool:
    """Each part of the path names a heading of the chain, in order."""
    at = 0
    for part in section.split():
        folded = fold(unicodedata.normalize("NFKC", part).rstrip("、"))[0]
        if at > 0 and len(folded) > 1 and chain[at - 1][2].startswith(folded):
            continue  # the words of the heading just named (`第五章 城乡一体`)
        while at < len(chain) and not _names(folded, chain[at]):
            at += 1
        if at == len(chain):
            return False
        at += 1
    return True


def _names(part: str, heading: tuple[str, str, str]) -> bool:
    """`第五章`, `第五章城乡一体` and `城乡一体` all name `第五章 城乡一体,构建…`."""
    label, text, title = heading
    return part == label or (len(part) > len(label) and text.startswith(part)) or \
        (len(part) > 1 and title.startswith(part))
