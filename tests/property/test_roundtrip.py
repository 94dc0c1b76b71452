"""Round trip: `build(parse(unparse(model))) == model`, and `fmt` is idempotent.

Hypothesis generates *models* (`rule_strategies`: every statement, clause and
expression node of `checker.syntax.model`, with leading, trailing and end comments,
Chinese and quoted names, decimal quantities with units, strings with quotes
and backslashes) and prints them; generating text from the grammar gives
mostly unparseable programs (TECH-NOTES).  Spans are left out of model
equality by design, so `==` compares content.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st

from checker.source import SourceFile
from checker.syntax import model as m
from checker.syntax.build import build
from checker.syntax.parse import parse
from checker.syntax.unparse import unparse
from checker.tools.fmt import format_text
from tests.property.rule_strategies import ROOT, exprs, repository_texts, rule_files

# ------------------------------------------------------------------ helpers


def reparse(text: str, path: str = "gen.rules") -> m.RuleFile:
    parsed = parse(SourceFile(path, text))
    assert not isinstance(parsed, list), [(d.code, d.message, d.span) for d in parsed]
    built = build(parsed)
    assert not isinstance(built, list), [(d.code, d.message, d.span) for d in built]
    return built


def fmt(text: str, path: str = "gen.rules") -> str:
    return format_text(SourceFile(path, text))


def relayout(text: str, rng: random.Random) -> str:
    """The same tokens with other whitespace: every run of spaces between tokens
    becomes one to three spaces, tabs or line breaks, except before and after a comment
    (which would change what it attaches to); line breaks stay line breaks."""
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char in '"`':
            end = _closing(text, i)
            out.append(text[i:end])
            i = end
        elif char == "#":
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
            out.append(text[i:end])
            i = end
        elif char in " \n":
            end = i
            while end < len(text) and text[end] in " \n":
                end += 1
            run = text[i:end]
            after_comment = bool(out) and out[-1].startswith("#")
            if end == len(text) or text[end] == "#" or after_comment:
                out.append(run)  # a blank line after a comment parts a file's header
            elif "\n" in run:
                out.append(run.replace("\n", rng.choice(["\n", "\n\n", " \n\t", "\n\f"]), 1))
            elif i > 0 and _ascii_digit(text[i - 1]) and not _ascii_digit(text[end]):
                # a unit stands on its number's line (the lexer reads it only there); `²`
                # is a digit to `str.isdigit` but a unit to the lexer
                out.append("".join(rng.choice(["  ", "\t", " "])
                                   for _ in range(rng.randint(1, 3))))
            else:
                out.append("".join(rng.choice(["  ", "\t", "\n", " \r\n", " "])
                                   for _ in range(rng.randint(1, 3))))
            i = end
        else:
            out.append(char)
            i += 1
    return "".join(out)


def _ascii_digit(char: str) -> bool:
    return "0" <= char <= "9"


def _closing(text: str, start: int) -> int:
    quote = text[start]
    i = start + 1
    while text[i] != quote:
        i += 2 if quote == '"' and text[i] == "\\" else 1
    return i + 1


_SPLIT_KEYWORD = re.compile(r"\b(as|in)\s*$")  # `as of`, `in region` may not hold a comment


def with_comments(text: str, rng: random.Random) -> tuple[str, list[str]]:
    """`text` with comments added on their own lines and at line ends; the markers."""
    out: list[str] = []
    markers: list[str] = []
    for line in text.split("\n"):
        before = next((previous for previous in reversed(out) if previous.strip()), "")
        splittable = not _SPLIT_KEYWORD.search(before)
        if splittable and rng.random() < 0.3:
            markers.append(f"⟪{len(markers)}⟫")
            out.append(f"{rng.choice(['', '  ', chr(9)])}# {markers[-1]}")
        if line.strip() and not _SPLIT_KEYWORD.search(line) and rng.random() < 0.3:
            markers.append(f"⟪{len(markers)}⟫")
            line += f"  # {markers[-1]}"
        out.append(line)
    return "\n".join(out), markers


# ------------------------------------------------------------------ properties


# The central property gets three times the profile's examples.
@settings(max_examples=3 * settings.default.max_examples)
@given(rule_files)
def test_unparse_then_parse_gives_the_model_back(model: m.RuleFile) -> None:
    text = unparse(model)
    note(text)
    assert reparse(text) == model


@given(rule_files)
def test_fmt_is_idempotent_on_generated_programs(model: m.RuleFile) -> None:
    text = unparse(model)
    assert fmt(text) == text
    assert fmt(fmt(text)) == fmt(text)


@given(rule_files, st.randoms(use_true_random=False))
def test_layout_does_not_change_the_model(model: m.RuleFile, rng: random.Random) -> None:
    text = relayout(unparse(model), rng)
    note(text)
    assert reparse(text) == model
    assert fmt(text) == unparse(model)


@given(rule_files, st.randoms(use_true_random=False))
def test_fmt_keeps_every_comment(model: m.RuleFile, rng: random.Random) -> None:
    text, markers = with_comments(relayout(unparse(model), rng), rng)
    note(text)
    once = fmt(text)
    assert [marker for marker in markers if marker not in once] == []
    assert fmt(once) == once


@given(exprs)
def test_every_expression_round_trips_inside_a_rule(expr: m.Expr) -> None:
    rule = m.Rule("E-1", None, (m.Where(expr), m.Require(expr, m.ByYear(2025))))
    model = m.RuleFile("gen.rules", (rule,))
    assert reparse(unparse(model)) == model


def _parses(path: Path, text: str) -> bool:
    parsed = parse(SourceFile(str(path), text))
    return not isinstance(parsed, list) and not isinstance(build(parsed), list)


REPO_FILES = [path for path, text in repository_texts().items() if _parses(path, text)]


@pytest.mark.parametrize("path", REPO_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_fmt_is_idempotent_on_the_repository_files(path: Path) -> None:
    text = repository_texts()[path]
    once = fmt(text, str(path))
    assert fmt(once, str(path)) == once
    assert reparse(once, str(path)) == reparse(text, str(path))


def test_the_repository_has_rule_files_to_format() -> None:
    assert len(REPO_FILES) >= 3
    assert ROOT / "checker" / "syntax" / "prelude.rules" in REPO_FILES


def test_relayout_keeps_strings_and_comments() -> None:
    text = 'rule A "x  y" {  # a  b\n  cite "s": "q \\" r"\n}\n'
    for seed in range(20):
        changed = relayout(text, random.Random(seed))
        assert '"x  y"' in changed and "# a  b" in changed and '"q \\" r"' in changed
        assert re.sub(r"\s+", " ", changed).strip() == re.sub(r"\s+", " ", text).strip()
