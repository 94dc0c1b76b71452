"""Parse and build are total: any text gives a `RuleFile` or diagnostics, never a raise.

Inputs: random text over the grammar's characters, random bytes through
`decode`, and valid files (the repository's and generated ones) mutated by
deleting, inserting and duplicating characters or whole tokens.  Every
diagnostic must also render (the user sees it rendered).
"""

from __future__ import annotations

import re

from hypothesis import example, given, note
from hypothesis import strategies as st

from checker.diagnostics import Diagnostic, render_all
from checker.source import SourceFile
from checker.syntax import model as m
from checker.syntax.build import build
from checker.syntax.parse import decode, parse
from checker.syntax.unparse import unparse
from tests.property.rule_strategies import repository_rule_files, repository_texts, rule_files

_CODE = re.compile(r"[PTDE]\d{3}")


def check_total(text: str, path: str = "fuzz.rules") -> m.RuleFile | list[Diagnostic]:
    """Parse and build `text`; fail on anything but a RuleFile or well-formed diagnostics."""
    source = SourceFile(path, text)
    parsed = parse(source)
    result = parsed if isinstance(parsed, list) else build(parsed)
    if isinstance(result, m.RuleFile):
        return result
    assert isinstance(result, list) and result, "a failure must carry diagnostics"
    for diagnostic in result:
        assert isinstance(diagnostic, Diagnostic)
        assert _CODE.fullmatch(diagnostic.code), diagnostic
        assert diagnostic.message and diagnostic.severity in ("error", "warning"), diagnostic
        assert diagnostic.span.file == path, diagnostic
        assert 0 <= diagnostic.span.line <= source.line_count + 1, diagnostic
    render_all(result, {path: source})
    return result


SEEDS = sorted(repository_texts().values())
RAW_SEEDS = [p.read_bytes() for p in repository_rule_files()]

# Characters that matter to the lexer and parser, plus Chinese and full-width ones.
_ALPHABET = st.one_of(
    st.sampled_from(list('{}()[]"`#,:=<>.-+*/%‰㎢\\\n\t \r') + list("，：（）“”＝％　、")),
    st.characters(min_codepoint=0x30, max_codepoint=0x7A),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4E20),
    st.characters(),
)
_TOKENS = st.sampled_from([
    "rule", "plan", "unit", "set", "scale", "indicator", "record", "test", "cite", "kind",
    "binding", "require", "where", "unless", "read", "for each", "for all", "for region",
    "in region", "as of", "given", "given data", "expect", "by 2025", "at 2023",
    "each year in 2021..2025", "label", "because", "not", "in", "is present", "rises", "and",
    "or", "2021..2025", "319 km2", "90%", "0", "99999999999999999999", "2025.5", "1/0",
    "`PM2.5`", '"s"', '"\\x"', "{", "}", "(", ")", "#", "\n", ":", "=", "<", ",", "-",
    "LAND-01", "临空经济区", "sum(", "enum", "ordinal", "default", "required", "alias",
    "0000", "9999", "1899", "line 0", "pass", "actual",
])


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """`text` after one to four random edits of characters or tokens."""
    for _ in range(draw(st.integers(1, 4))):
        size = len(text)
        at = draw(st.integers(0, size))
        match draw(st.sampled_from(["delete", "insert", "duplicate", "token", "drop word"])):
            case "delete":
                text = text[:at] + text[at + draw(st.integers(1, 8)):]
            case "insert":
                text = text[:at] + draw(st.text(_ALPHABET, min_size=1, max_size=4)) + text[at:]
            case "duplicate":
                end = min(size, at + draw(st.integers(1, 40)))
                text = text[:end] + text[at:end] + text[end:]
            case "token":
                text = f"{text[:at]} {draw(_TOKENS)} {text[at:]}"
            case _:
                words = list(re.finditer(r"\S+", text))
                if words:
                    word = words[draw(st.integers(0, len(words) - 1))]
                    text = text[: word.start()] + text[word.end():]
    return text


@given(st.text(_ALPHABET, max_size=200))
def test_random_text_never_raises(text: str) -> None:
    check_total(text)


@given(st.lists(_TOKENS, max_size=30).map(" ".join))
def test_random_token_soup_never_raises(text: str) -> None:
    check_total(text)


@given(st.sampled_from(SEEDS).flatmap(mutated))
def test_mutated_repository_files_never_raise(text: str) -> None:
    note(text)
    check_total(text)


@given(rule_files.map(unparse).flatmap(mutated))
def test_mutated_generated_programs_never_raise(text: str) -> None:
    note(text)
    check_total(text)


@given(st.binary(max_size=200) | st.sampled_from(RAW_SEEDS).map(lambda data: data[:300]))
@example("北京".encode()[:4])  # UTF-8 cut inside a character: it once raised from `decode`
def test_decoding_bytes_never_raises(data: bytes) -> None:
    decoded = decode("fuzz.rules", data)
    if isinstance(decoded, Diagnostic):
        assert decoded.code in ("P101", "P105")
    else:
        check_total(decoded.text)
