"""The grammar: the lark parser of `grammar/policy.lark`, and its terminals in words.

In: the grammar file shipped beside this module.  Out: the LALR parser (built
once, lark's tables cached on disk), the post-lexer that keeps a unit on its
number's line, a bracket scan, and the words for terminal names (`a name, `}`
or `require``) that syntax diagnostics use.  With `parse` and `errors`, the only
modules that import lark.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from lark import Lark, Token

from checker.syntax.words import GROUPS, KEYWORDS, TERMINAL_WORDS

GRAMMAR = Path(__file__).with_name("policy.lark")
# Strings, comments and brackets, to match brackets without a full lexer.
BRACKETS = re.compile(r'"(?:[^"\\\n]|\\.)*"?|#[^\n]*|[(){}]')
WORD = re.compile(r"[^\W\d][\w-]*")


class SameLineUnits:
    """A unit belongs to the number before it only on the same line.

    Whitespace, newlines included, is ignored between tokens, so without this
    `default 5` followed by a field `b: text` on the next line would read `b` as
    the unit of `5`.  A word the lexer took for a unit at the start of a later
    line is handed to the parser as a name instead."""

    always_accept: tuple[str, ...] = ()

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        previous: Token | None = None
        for token in stream:
            if (token.type == "UNIT" and previous is not None and previous.type == "NUMBER"
                    and token.line != previous.end_line and WORD.fullmatch(token)):
                token = Token.new_borrow_pos("NAME", str(token), token)
            previous = token
            yield token


@cache
def parser() -> Lark:
    return Lark(
        GRAMMAR.read_text(encoding="utf-8"),
        parser="lalr",
        lexer="contextual",
        postlex=SameLineUnits(),
        propagate_positions=True,
        maybe_placeholders=False,
        cache=True,
    )


def open_brackets(text: str, end: int) -> list[int]:
    """Offsets of the `(` and `{` still open at `end` (strings and comments skipped)."""
    stack: list[int] = []
    for match in BRACKETS.finditer(text, 0, end):
        char = match.group()
        if char in "({":
            stack.append(match.start())
        elif char in ")}" and stack:
            stack.pop()
    return stack


# ------------------------------------------------------------------ terminals in words


def expected_words(terminals: frozenset[str], short: bool = False) -> tuple[str, bool]:
    """Terminal names -> (`a name, `}` or `require``, whether the list is short).

    `short` names groups without their members: `a clause` for all clause keywords."""
    names = set(terminals) - {"$END"}
    items: set[str] = set()
    for members, words in GROUPS:
        if members <= names:
            names -= members
            items.add(words.split(" (")[0] if short else words)
    items.update(w for w in map(terminal_word, names) if w)
    ordered = sorted(items, key=_order)
    if not ordered:
        return "", False
    joined = ordered[0] if len(ordered) == 1 else ", ".join(ordered[:-1]) + " or " + ordered[-1]
    return joined, len(ordered) <= 3


def _order(word: str) -> tuple[int, int, str]:
    """Descriptions first, then keywords in `KEYWORDS` order, symbols, closing brackets."""
    if not word.startswith("`"):
        return (0, 0, word)
    if word in ("`)`", "`}`"):
        return (3, 0, word)
    keyword = word.split("`")[1]
    if keyword[:1].isalpha():
        return (1, KEYWORDS.index(keyword) if keyword in KEYWORDS else len(KEYWORDS), word)
    return (2, 0, word)


@cache
def terminal_word(name: str) -> str:
    if name in TERMINAL_WORDS:
        return TERMINAL_WORDS[name]
    words = vocabulary(name)
    if words:
        return ", ".join(f"`{w}`" for w in words[:-1]) + (" or " if len(words) > 1 else "") \
            + f"`{words[-1]}`"
    for terminal in parser().terminals:
        if terminal.name == name and terminal.pattern.type == "str":
            return f"`{terminal.pattern.value}`"
    return ""


@cache
def vocabulary(name: str) -> tuple[str, ...]:
    """The words a keyword terminal matches: `/in\\s+region\\b/` -> ('in region',)."""
    for terminal in parser().terminals:
        if terminal.name == name and terminal.pattern.type == "re":
            match = re.fullmatch(r"\(?([a-z_|]+(?:\\s\+[a-z]+)?)\)?\\b", terminal.pattern.value)
            if match:
                return tuple(w.replace("\\s+", " ") for w in match.group(1).split("|"))
    return ()
