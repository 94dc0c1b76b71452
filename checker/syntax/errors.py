"""Parse errors: why a statement does not parse, in words, at the right place.

In: the lark exception for one statement (or for a whole file of one
statement), the `SourceFile`, and the statement's text and offset in it.
Out: one `Diagnostic`: expected tokens as text, never terminal names;
did-you-mean for keywords; precise messages for full-width punctuation,
unterminated strings and unclosed blocks.  The parser and the words for
its terminals are `grammar`'s; the tables of words are `words`.  Used only by
`checker.syntax.parse`.  With `parse` and `grammar`, the only modules that
import lark.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from lark import Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from checker.diagnostics import Diagnostic, did_you_mean, printable
from checker.source import SourceFile, Span
from checker.syntax.grammar import (
    WORD,
    expected_words,
    open_brackets,
    parser,
    vocabulary,
)
from checker.syntax.words import (
    BEFORE_YEAR,
    CHARACTER_HINTS,
    CLAUSES,
    COMPARISONS,
    ENDINGS,
    FORMS,
    INSIDE,
    LOOKALIKES,
    STATEMENT_KEYWORDS,
    STATEMENTS,
)


# ------------------------------------------------------------------ errors in words
@dataclass(frozen=True)
class _Site:
    """Where a statement failed: its text, its place in the file, the parser's state."""

    source: SourceFile
    chunk: str
    start: int
    offset: int
    stack: tuple[Any, ...]
    accepts: frozenset[str]

    @property
    def last(self) -> bool:
        return self.start + len(self.chunk) >= len(self.source.text)

    def span(self, offset: int, width: int = 1) -> Span:
        return self.source.span(self.start + offset, self.start + offset + max(width, 1))

    def line_of(self, offset: int) -> int:
        return self.source.position(self.start + offset)[0]

    def context(self) -> str:
        """` in rule `LAND-01`` (or ` after ...` once its block is closed), for messages."""
        described = self.describe()
        if not described:
            return ""
        return f" {'after' if self.closed() else 'in'} {described}"

    def closed(self) -> bool:
        """The statement's block has just been closed: what follows is outside it."""
        last = self.stack[-1] if self.stack else None
        return (isinstance(last, Token) and last.type == "RBRACE"
                and not open_brackets(self.chunk, self.offset))

    def describe(self) -> str:
        """`rule `LAND-01``, `a `rule` statement` or ''."""
        keyword, ident = self.statement()
        if keyword is None:
            return ""
        if ident is None:
            return f"a `{keyword}` statement"
        shown = ident if ident.startswith('"') else f"`{ident.strip('`')}`"
        return f"{keyword} {printable(shown, 60)}"

    def clause(self) -> str:
        """The keyword of the clause being parsed (`require`), or ''."""
        found = [t for t in self.stack[1:] if isinstance(t, Token) and t.type in CLAUSES]
        return " ".join(str(found[-1]).split()) if found else ""

    def statement(self) -> tuple[str | None, str | None]:
        tokens = [t for t in itertools.dropwhile(lambda i: isinstance(i, Tree), self.stack)]
        if not tokens or not isinstance(tokens[0], Token) or tokens[0].type not in STATEMENTS:
            return None, None
        ident = tokens[1] if len(tokens) > 1 and isinstance(tokens[1], Token) else None
        if ident is None or ident.type not in ("RULE_ID", "NAME", "QUOTED_NAME", "STRING"):
            return str(tokens[0]), None
        return str(tokens[0]), str(ident)

    def expected(self, short: bool = False) -> tuple[str, bool]:
        """What the parser would accept here, in words (a number after `by` is a year)."""
        words, few = expected_words(self.accepts, short)
        previous = self.stack[-1] if self.stack else None
        if isinstance(previous, Token) and previous.type in BEFORE_YEAR:
            words = words.replace("a number", "a year")
        return words, few

    def form(self) -> str:
        """`write it as ...` for the clause or statement being parsed ('' if unknown)."""
        if self.closed():
            return ""
        statement = next((t.type for t in self.stack if isinstance(t, Token)), "")
        forms = FORMS.get(statement, {})
        clauses = [t.type for t in self.stack[1:] if isinstance(t, Token) and t.type in forms]
        form = forms.get(clauses[-1] if clauses else "", "")
        return f"write it as `{form}`" if form else ""


def translate(error: UnexpectedInput, source: SourceFile, start: int, chunk: str) -> Diagnostic:
    """A lark exception -> a diagnostic in words, positioned in the whole file."""
    interactive = getattr(error, "interactive_parser", None)
    stack = tuple(interactive.parser_state.value_stack) if interactive else ()
    try:
        accepts = frozenset(interactive.accepts()) if interactive else frozenset()
    except Exception:  # pragma: no cover - fall back to the lexer's view
        accepts = frozenset(getattr(error, "expected", None) or ())
    if isinstance(error, UnexpectedCharacters):
        offset = error.pos_in_stream or 0
        return _bad_character(_Site(source, chunk, start, offset, stack, accepts), chunk[offset])
    token = getattr(error, "token", None)
    if isinstance(error, UnexpectedToken) and token is not None and token.type != "$END":
        site = _Site(source, chunk, start, token.start_pos or 0, stack, accepts)
        return _bad_token(site, token)
    return _end_of_input(_Site(source, chunk, start, len(chunk), stack, accepts))


def _bad_token(site: _Site, token: Token) -> Diagnostic:
    swallowed = _swallowed(site)
    if swallowed is not None:
        site, token = swallowed
    text = str(token)
    special = _odd_character(site, text) \
        or _keyword_as_name(site, token) \
        or (_closing(site, text) if text in ("}", ")") else None) \
        or (_statement_inside(site, token) if token.type in STATEMENTS else None) \
        or _incomplete(site) \
        or (_chained(site, token) if token.type in COMPARISONS else None) \
        or (_bad_word(site, token) if WORD.fullmatch(text) else None)
    if special is not None:
        return special
    words, few = site.expected()
    label = f"expected {site.expected(short=True)[0]}" if few else ""
    advice = site.form() if few else f"expected {words}" if words else ""
    message = f"unexpected {_found(text)}{site.context()}"
    keyword, ident = site.statement()
    if keyword is not None and ident is None and len(site.stack) == 1:
        message = f"missing {keyword} {'id' if 'RULE_ID' in site.accepts else 'name'}"
        label = f"found {_found(text)}"
    elif text == "=" and "COMPARE_OP" in site.accepts:
        label, advice = "expected a comparison", "write `==` to compare two values"
    elif text == "," and re.match(r"\d,\d", site.chunk[site.offset - 1 : site.offset + 2]):
        label, advice = "thousands separator", "write numbers without separators: `1000`"
    elif text == "-" and site.accepts == {"__ANON_0"}:
        label, advice = "expected `..`", "a year range is written `2021..2025`"
    elif _after_string(site):
        label = "right after a string"
        advice = 'to put a quote inside a string, write it as `\\"`'
    elif token.type in INSIDE and not site.stack:
        advice = f"`{text}` belongs inside a `{INSIDE[token.type]}`; is there an extra `}}` above?"
    return Diagnostic("P103", message, site.span(site.offset, len(text.split("\n")[0])),
                      label=label, help=advice or (f"expected {words}" if words else ""))


def _odd_character(site: _Site, text: str) -> Diagnostic | None:
    """A token holding a full-width or look-alike symbol (`㎢` lexes as a unit)."""
    for index, char in enumerate(text if not text.startswith('"') else ""):
        if char in LOOKALIKES or (unicodedata.normalize("NFKC", char) != char
                                  and unicodedata.category(char)[0] not in "LN"):
            moved = _Site(site.source, site.chunk, site.start, site.offset + index, site.stack,
                          site.accepts)
            return _bad_character(moved, char)
    return None


def _keyword_as_name(site: _Site, token: Token) -> Diagnostic | None:
    """`set: text` in a record: the lexer took a keyword where a name may stand."""
    if not vocabulary(token.type) or "NAME" not in site.accepts:
        return None
    return Diagnostic("P103", f"keyword `{token}` cannot be a name here{site.context()}",
                      site.span(site.offset, len(token)), label="read as a keyword",
                      help=f"quote it to use it as a name: `` `{token}` ``")


def _swallowed(site: _Site) -> tuple[_Site, Token] | None:
    """`x > 1` + a word on the next line lexes as the quantity `1 word` (units are open).

    Then the word, not what follows it, is the problem: re-site the error there."""
    top = site.stack[-1] if site.stack else None
    if not (isinstance(top, Tree) and top.data == "quantity" and len(top.children) == 2):
        return None
    number, unit = top.children
    if not isinstance(unit, Token) or unit.line == getattr(number, "line", unit.line):
        return None
    prefix = site.chunk[: unit.start_pos]
    try:
        interactive: Any = parser().parse_interactive(prefix)
        interactive.exhaust_lexer()
        accepts = frozenset(interactive.accepts()) - {"UNIT"}
    except UnexpectedInput:  # pragma: no cover - the prefix parsed before
        return None
    kind = f"_{unit.upper()}" if str(unit) in STATEMENT_KEYWORDS else "NAME"
    resited = _Site(site.source, site.chunk, site.start, unit.start_pos or 0,
                    tuple(interactive.parser_state.value_stack), accepts)
    return resited, Token.new_borrow_pos(kind, str(unit), unit)


def _incomplete(site: _Site) -> Diagnostic | None:
    """A token opening a line where the previous line cannot end: that line is cut short."""
    line_start = site.chunk.rfind("\n", 0, site.offset) + 1
    if site.chunk[line_start : site.offset].strip() or site.accepts & ENDINGS:
        return None
    end = _code_end(site.chunk[:line_start])
    if end == 0:
        return None
    clause = site.clause()
    what = f"`{clause}` clause{site.context()}" if clause else site.describe() or "statement"
    words, few = site.expected()
    return Diagnostic("P103", f"incomplete {what}", site.span(end),
                      label=f"expected {site.expected(short=True)[0]}" if few else "",
                      help=site.form() or f"expected {words}")


def _found(text: str) -> str:
    return f"`{printable(text, 40)}`"


def _bad_word(site: _Site, token: Token) -> Diagnostic | None:
    """A word where a keyword belongs: full-width letters, a glued or misspelt keyword."""
    text = str(token)
    span = site.span(site.offset, len(text))
    ascii_text = unicodedata.normalize("NFKC", text)
    if ascii_text != text and ascii_text.isascii():
        return Diagnostic("P106", f"full-width letters in `{text}`", span,
                          label="full-width", help=f"write `{ascii_text}` in ASCII letters")
    if token.type.startswith("_"):  # a real keyword, only in the wrong place
        return None
    candidates = sorted({w for t in site.accepts for w in vocabulary(t)})
    if not candidates:
        return None
    line_start = site.chunk.rfind("\n", 0, site.offset) + 1
    if not site.chunk[line_start : site.offset].strip():  # glued: `requireland` opens a line
        for keyword in sorted(candidates, key=len, reverse=True):
            rest = text[len(keyword) :]
            if text.startswith(keyword) and len(keyword) > 2 and rest and (
                    len(rest) > 2 or not rest.islower()):
                glued = re.match(r"[^\s{}()\"#,:]+", site.chunk[site.offset :])
                whole = glued.group() if glued else text
                return Diagnostic("P115", f"missing space after `{keyword}` in `{whole}`", span,
                                  help=f"write `{keyword} {whole[len(keyword):]}`")
    guess = did_you_mean(text, candidates)
    if not guess:
        return None
    words, few = site.expected(short=True)
    return Diagnostic("P115", f"unknown keyword `{text}`{site.context()}", span,
                      label=f"expected {words}" if few else "", help=guess)


def _closing(site: _Site, text: str) -> Diagnostic | None:
    opener = "{" if text == "}" else "("
    opened = open_brackets(site.chunk, site.offset)
    if not any(site.chunk[i] == opener for i in opened):
        return Diagnostic("P114", f"unmatched `{text}`{site.context()}", site.span(site.offset),
                          label=f"no `{opener}` is open here",
                          help="remove it, or add the `{` … `}` block it was meant to close"
                          if text == "}" else "remove it, or add the `(` it was meant to close")
    if site.chunk[opened[-1]] != opener:
        return _unclosed(site, opened[-1], text)
    return None


def _statement_inside(site: _Site, token: Token) -> Diagnostic | None:
    opened = open_brackets(site.chunk, site.offset)
    return _unclosed(site, opened[-1], str(token)) if opened else None


def _unclosed(site: _Site, opener: int, before: str | None) -> Diagnostic:
    char = site.chunk[opener]
    closer = "}" if char == "{" else ")"
    if before is not None:
        advice = f"add `{closer}` before `{before}` on line {site.line_of(site.offset)}"
    elif site.last:
        advice = f"add `{closer}` to close it"
    else:
        advice = (f"add `{closer}` before line {site.line_of(site.offset)}, "
                  "where the next statement starts")
    return Diagnostic("P104", f"unclosed `{char}`{site.context()}", site.span(opener),
                      label="opened here and never closed", help=advice)


def _chained(site: _Site, token: Token) -> Diagnostic | None:
    """`a < b < c`: the parser sees a second comparison after a complete one."""
    recent = site.stack[-3:]
    if not any(isinstance(i, Token) and i.type in COMPARISONS for i in recent) and not (
            recent and isinstance(recent[-1], Tree) and recent[-1].data == "compare_op"):
        return None
    advice = "compare two values at a time and join the comparisons with `and`"
    if len(recent) == 3 and isinstance(recent[1], Token) and recent[1].type in COMPARISONS:
        left, first, middle = (_text_of(site, i) for i in recent)
        tail = re.split(r"\s(?:by|at|each|in|label|and|or)\s|#|}",
                        site.chunk[site.offset + len(token):].split("\n", 1)[0])[0].strip()
        if left and middle and tail and len(left + middle + tail) < 60:
            advice = f"write `{left} {first} {middle} and {middle} {token} {tail}`"
    return Diagnostic("P113", "comparisons cannot be chained", site.span(site.offset, len(token)),
                      label="a second comparison", help=advice)


def _text_of(site: _Site, item: Any) -> str:
    if isinstance(item, Token):
        return str(item)
    meta = getattr(item, "meta", None)
    if meta is None or getattr(meta, "empty", True):
        return ""
    return " ".join(site.chunk[meta.start_pos : meta.end_pos].split())


def _after_string(site: _Site) -> bool:
    """The token is glued to the end of a string: `"abc: "d"` (an unescaped quote)."""
    previous = site.stack[-1] if site.stack else None
    return (isinstance(previous, Token) and previous.type == "STRING"
            and previous.end_pos == site.offset)


def _bad_character(site: _Site, char: str) -> Diagnostic:
    if char == '"':
        return _unterminated(site)
    span = site.span(site.offset)
    name = unicodedata.name(char, "").lower() or f"U+{ord(char):04X}"
    ascii_twin = LOOKALIKES.get(char, unicodedata.normalize("NFKC", char))
    if unicodedata.category(char) == "Zs":
        return Diagnostic("P106", f"{name} `U+{ord(char):04X}` outside a string", span,
                          label=name, help="replace it with a plain space")
    if ascii_twin != char and (char in LOOKALIKES or ascii_twin.isascii()):
        advice = f"use `{ascii_twin}` instead" if ascii_twin.strip() else "remove it"
        if ascii_twin == '"':
            advice = 'strings are written between ASCII double quotes `"`'
        return Diagnostic("P106", f"{name} `{char}` outside a string", span,
                          label="not allowed outside strings", help=advice)
    if unicodedata.category(char) in ("Cc", "Cf"):
        return Diagnostic("P102", f"invisible character `{printable(char)}` ({name})"
                          f"{site.context()}", span, label="invisible character here",
                          help="delete it; rules files are plain text")
    words, few = site.expected(short=True)
    return Diagnostic("P102", f"unexpected character `{char}`{site.context()}", span,
                      label=f"expected {words}" if few else "", help=_character_advice(site, char))


def _character_advice(site: _Site, char: str) -> str:
    before = site.chunk[site.offset - 1 : site.offset]
    after = site.chunk[site.offset + 1 : site.offset + 2]
    if char == "." and before.isalnum() and after.isalnum():
        name = re.findall(r"[\w.]+$", site.chunk[: site.offset])[-1] + "." + re.findall(
            r"^[\w.]+", site.chunk[site.offset + 1 :])[0]
        return f"a name with a dot must be quoted: `` `{name}` ``"
    return CHARACTER_HINTS.get(char, "remove it, or put the text in a string")


def _unterminated(site: _Site) -> Diagnostic:
    line_end = site.chunk.find("\n", site.offset)
    rest = site.chunk[site.offset : len(site.chunk) if line_end < 0 else line_end].rstrip("\r")
    if "”" in rest or "“" in rest:
        advice = 'the string seems to end with a full-width `”`; close it with the ASCII `"`'
    elif rest.rstrip().endswith('\\"'):
        advice = '`\\"` is a quote inside the string, not its end; write `\\\\"` to end a ' \
                 "string with a backslash"
    else:
        advice = 'close it with `"` on the same line; a string cannot span lines'
    return Diagnostic("P108", f"unterminated string{site.context()}",
                      site.span(site.offset, len(rest)), label="this string is never closed",
                      help=advice)


def _end_of_input(site: _Site) -> Diagnostic:
    """Running out of input is usually an unclosed `{` or `(`, else a cut-off statement."""
    opened = open_brackets(site.chunk, len(site.chunk))
    if opened:
        return _unclosed(site, opened[-1], None)
    end = _code_end(site.chunk)
    words, few = site.expected()
    what = "file" if site.last else "statement"
    advice = site.form() or (f"expected {words}" if words else "")
    if not site.last:
        advice += f"{'; ' if advice else ''}the next statement starts on line " \
                  f"{site.line_of(len(site.chunk))}"
    return Diagnostic("P104", f"unexpected end of {what}{site.context()}", site.span(end),
                      label=f"expected {site.expected(short=True)[0]}" if few and words
                      else "", help=advice)


def _code_end(chunk: str) -> int:
    """Offset just after the last character that is not blank or a comment."""
    last = 0
    for match in re.finditer(r'"(?:[^"\\\n]|\\.)*"?|#[^\n]*|\S', chunk):
        if not match.group().startswith("#"):
            last = match.end()
    return last
