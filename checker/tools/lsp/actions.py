"""Quick fixes: every did-you-mean applied, and a `read` for a vague word.

In: one diagnostic, the source of its file and the file's model.  Out: `Fix`es —
a title and text edits (a span and the text that replaces it).  A
`help: did you mean `X`?` replaces the word the message names in backticks
where the diagnostic underlines it (P115, T204, T205, T208, T210, T217, T218,
T227, T230, T240, T241 …); a quote that is not in the plan (L602) gets the
plan's sentence, a quote on the wrong line (L603) the line it is on, full-width
letters (P106) and a glued keyword (P115) what the help says to write.  A vague
word quoted without a `read` (L607) gets a `read` clause after the citation: when
the rule compares with one constant, the reading takes that constant and the
rule reads it by name, so the rule means what it meant and says why.  Imports
model, unparse, diagnostics, source and the index's word finder; never pygls.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from checker.diagnostics import Diagnostic
from checker.source import SourceFile, Span
from checker.syntax import model as m
from checker.syntax.unparse import name as name_text
from checker.syntax.unparse import quantity, string
from checker.tools.lint_fix import line_edit
from checker.tools.lint_numbers import constants_of
from checker.tools.lsp.index import find_in

_DID_YOU_MEAN = re.compile(r"did you mean `([^`]+)`(?: or `[^`]+`)*\?")
_WRITE = re.compile(r"write `([^`]+)`")
_TICKED = re.compile(r"`([^`]+)`")
_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')


@dataclass(frozen=True)
class Edit:
    span: Span
    text: str


@dataclass(frozen=True)
class Fix:
    title: str
    edits: tuple[Edit, ...]
    preferred: bool = True


def fixes(diagnostic: Diagnostic, source: SourceFile, rule_file: m.RuleFile | None) -> list[Fix]:
    if diagnostic.span.line < 1:
        return []
    if diagnostic.code == "L607":
        return _vague_word(diagnostic, source, rule_file)
    if diagnostic.code == "L603":
        return _line_number(diagnostic, source)
    if diagnostic.code == "L602":
        return _quote(diagnostic, source)
    suggested = _DID_YOU_MEAN.search(diagnostic.help)
    if suggested is None and diagnostic.code in ("P106", "P115"):
        suggested = _WRITE.search(diagnostic.help)
    if suggested is None:
        return []
    # `did you mean `赤水河` or `清水江`?`: one fix each, the first preferred
    replacements = _TICKED.findall(suggested.group(0))
    for wrong in _wrong_words(diagnostic, replacements[0]):
        where = find_in(source, diagnostic.span, wrong)
        if where is not None:
            return [Fix(f"replace `{wrong}` with `{r}`", (Edit(where, r),), preferred=i == 0)
                    for i, r in enumerate(replacements)]
    return []


def _wrong_words(diagnostic: Diagnostic, replacement: str) -> Iterator[str]:
    """The words the message names, the longest first (`requireland` before `require`)."""
    named = [w for w in _TICKED.findall(diagnostic.message) if w != replacement]
    yield from sorted(named, key=len, reverse=True) if diagnostic.code == "P115" else named


def _text(source: SourceFile, span: Span) -> tuple[str, int]:
    """The text of a one-line span and the column it starts at."""
    line = source.line_text(span.line)
    end = span.end_column - 1 if span.end_line == span.line else len(line)
    return line[span.column - 1 : end], span.column


def _quote(diagnostic: Diagnostic, source: SourceFile) -> list[Fix]:
    suggested = _DID_YOU_MEAN.search(diagnostic.help)
    if suggested is None:
        return []
    text, column = _text(source, diagnostic.span)
    strings = list(_STRING.finditer(text))
    if not strings:
        return []
    last = strings[-1]
    where = Span(source.path, diagnostic.span.line, column + last.start(), diagnostic.span.line,
                 column + last.end())
    return [Fix("quote the plan's sentence", (Edit(where, string(suggested.group(1))),))]


def _line_number(diagnostic: Diagnostic, source: SourceFile) -> list[Fix]:
    edit = line_edit(diagnostic, source)  # the same edit as `plancheck lint --fix`
    if edit is None:
        return []
    where, line = edit
    return [Fix(f"cite line {line}", (Edit(where, line),))]


# ------------------------------------------------------------------ vague words


def _vague_word(diagnostic: Diagnostic, source: SourceFile,
                rule_file: m.RuleFile | None) -> list[Fix]:
    words = _TICKED.findall(diagnostic.message)
    rule = _rule_at(rule_file, diagnostic.span) if rule_file is not None else None
    if len(words) < 2 or rule is None:
        return []
    word = name_text(words[1])
    indent = " " * (diagnostic.span.column - 1)
    after = diagnostic.span.end_line + 1
    at = Span(source.path, after, 1, after, 1)
    constants = [q for r in rule.clauses_of(m.Require) for q in constants_of(r.expr)]
    if len(constants) == 1:
        value = quantity(constants[0])
        line = f'{indent}read {word} = {value} because "the plan\'s {words[1]} read as {value}"\n'
        return [Fix(f"read `{words[1]}` as `{value}`, the rule's constant",
                    (Edit(at, line), Edit(constants[0].span, word)))]
    line = f'{indent}read {word} = 0 because "what the plan\'s {words[1]} is taken to mean"\n'
    return [Fix(f"add `read {words[1]} = …` (then write its number and reason)",
                (Edit(at, line),), preferred=False)]


def _rule_at(rule_file: m.RuleFile, span: Span) -> m.Rule | None:
    for statement in rule_file.statements:
        if isinstance(statement, m.Rule) and \
                statement.span.line <= span.line <= statement.span.end_line:
            return statement
    return None
