"""Parse: `.rules` text -> lark parse tree, or diagnostics for every bad statement.

In: a `SourceFile`.  Out: a `Parsed` (tree and comment tokens) or a list of
`Diagnostic`s.  The only module that imports lark; `build` walks the tree via
the `Tree`/`Token` names re-exported here.  A file that fails to parse is split
into top-level statements (each starts with a keyword in column 0) and each is
parsed alone, so one bad statement gives one error at the right line.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lark import Lark, Token, Tree
from lark.exceptions import (
    UnexpectedCharacters,
    UnexpectedEOF,
    UnexpectedInput,
    UnexpectedToken,
)

from checker.diagnostics import Diagnostic, did_you_mean
from checker.source import SourceFile, Span

__all__ = ["MAX_FILE_BYTES", "Parsed", "Token", "Tree", "decode", "parse"]

MAX_FILE_BYTES = 8 * 1024 * 1024
GRAMMAR = Path(__file__).with_name("policy.lark")

STATEMENT_KEYWORDS = ("plan", "unit", "set", "scale", "indicator", "record", "rule", "test")
_STATEMENT_START = re.compile(rf"^(?:{'|'.join(STATEMENT_KEYWORDS)})\b", re.MULTILINE)

# Full-width punctuation that Chinese input methods produce, and its ASCII twin.
FULL_WIDTH = {
    "，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "｛": "{", "｝": "}",
    "“": '"', "”": '"', "＝": "=", "＜": "<", "＞": ">", "．": ".", "－": "-",
    "＋": "+", "％": "%", "　": " ", "！": "!", "、": ",", "【": "[", "】": "]",
}

# Terminal names in words, for "expected ..." messages.
_TERMINAL_WORDS = {
    "NAME": "a name", "QUOTED_NAME": "a `quoted` name", "STRING": "a string",
    "NUMBER": "a number", "UNIT": "a unit", "RULE_ID": "a rule id",
    "KIND": "`binding` or `anticipatory`", "DIRECTION": "`up`, `down` or `none`",
    "TREND": "`rises` or `falls`", "BOOL": "`true` or `false`",
    "OUTCOME": "an outcome (`pass`, `fail`, `unknown`, `not_applicable`, `pending`, `error`)",
    "TRAJECTORY": "`achieved`, `on_track` or `lagging`", "DATA_KIND": "`actual` or `target`",
    "COMPARE_OP": "a comparison", "LT": "`<`", "PLUS": "`+`", "MINUS": "`-`", "STAR": "`*`",
    "SLASH": "`/`", "$END": "end of file",
}

KEYWORDS = (
    "plan", "title", "period", "region", "source", "unit", "of", "alias", "set", "scale",
    "indicator", "kind", "direction", "record", "enum", "ordinal", "required", "default",
    "label", "rule", "cite", "line", "because", "for", "each", "all", "where", "read",
    "require", "unless", "by", "at", "year", "in", "test", "as of", "given", "data",
    "expect", "or", "and", "not", "is", "present", "missing", "in region",
)


@dataclass(frozen=True)
class Parsed:
    """A parse tree and the comments the grammar ignores (kept for `fmt`)."""

    source: SourceFile
    tree: Tree[Token]
    comments: tuple[Token, ...]


@cache
def _parser() -> Lark:
    return Lark(
        GRAMMAR.read_text(encoding="utf-8"),
        parser="lalr",
        lexer="contextual",
        propagate_positions=True,
        maybe_placeholders=False,
        cache=True,
    )


def decode(path: str, data: bytes) -> SourceFile | Diagnostic:
    """Bytes -> SourceFile, or a diagnostic for oversized, binary or non-UTF-8 input."""
    if len(data) > MAX_FILE_BYTES:
        return Diagnostic(
            "P105", f"file is too large ({len(data):,} bytes)", Span(path, 1, 1, 1, 2),
            help=f"a rules file may hold at most {MAX_FILE_BYTES:,} bytes; split the suite",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = data[: exc.start].decode("utf-8", errors="replace")
        line = head.count("\n") + 1
        column = len(head) - (head.rfind("\n") + 1) + 1
        return Diagnostic(
            "P101", "file is not UTF-8 text", Span(path, line, column, line, column + 1),
            label=f"byte 0x{data[exc.start]:02x} here",
            help="save the file as UTF-8 (rules files are text)",
        )
    if text.startswith("\ufeff"):
        text = text[1:]
    return SourceFile(path, text)


def parse(source: SourceFile) -> Parsed | list[Diagnostic]:
    """Parse a whole file; on failure, report one diagnostic per bad statement."""
    comments: list[Token] = []
    try:
        tree = _parser().parse(source.text, on_error=None)
    except UnexpectedInput as whole_error:
        found = _statement_errors(source)
        return found or [_translate(whole_error, source, 0)]
    except RecursionError:
        return [Diagnostic("P107", "input is nested too deeply", Span(source.path, 1, 1, 1, 2),
                           help="split deeply nested expressions into smaller rules")]
    comments = [t for t in _comments(source.text)]
    return Parsed(source, tree, tuple(comments))


def _comments(text: str) -> list[Token]:
    """Comment tokens with positions (lexing again only for comments is cheap)."""
    out: list[Token] = []
    if "#" not in text:
        return out
    for token in _parser().lex(text, dont_ignore=True):
        if token.type == "COMMENT":
            out.append(token)
    return out


def _chunks(text: str) -> list[tuple[int, int, int]]:
    """(start offset, end offset, line offset) of each top-level statement."""
    starts = [m.start() for m in _STATEMENT_START.finditer(text)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    bounds = [*starts, len(text)]
    out = []
    line = 0
    previous = 0
    for start, end in itertools.pairwise(bounds):
        line += text.count("\n", previous, start)
        previous = start
        out.append((start, end, line))
    return out


def _statement_errors(source: SourceFile) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for start, end, line_offset in _chunks(source.text):
        chunk = source.text[start:end]
        if not chunk.strip() or _only_comments(chunk):
            continue
        try:
            _parser().parse(chunk)
        except UnexpectedInput as error:
            found.append(_translate(error, source, line_offset, chunk))
        except RecursionError:
            found.append(Diagnostic("P107", "statement is nested too deeply",
                                    Span(source.path, line_offset + 1, 1, line_offset + 1, 2)))
    return found


def _only_comments(chunk: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in chunk.splitlines())


def _translate(error: UnexpectedInput, source: SourceFile, line_offset: int,
               chunk: str | None = None) -> Diagnostic:
    """A lark exception -> a diagnostic in words, positioned in the whole file."""
    line = (error.line if error.line and error.line > 0 else 1) + line_offset
    column = error.column if error.column and error.column > 0 else 1
    path = source.path
    if isinstance(error, UnexpectedCharacters):
        return _bad_character(error, source, line, column)
    if isinstance(error, UnexpectedEOF):
        return _end_of_input(error, source, chunk, line_offset)
    assert isinstance(error, UnexpectedToken)
    token = error.token
    if token.type == "$END":
        return _end_of_input(error, source, chunk, line_offset)
    text = str(token)
    width = max(len(text.splitlines()[0]) if text else 1, 1)
    expected = _words(error.expected)
    help_text = did_you_mean(text, KEYWORDS) if re.fullmatch(r"\w+", text) else ""
    if not help_text:
        help_text = f"expected {expected}" if expected else ""
    return Diagnostic(
        "P103", f"unexpected `{text}`", Span(path, line, column, line, column + width),
        label=f"expected {expected}" if expected else "", help=help_text,
    )


def _bad_character(error: UnexpectedCharacters, source: SourceFile, line: int,
                   column: int) -> Diagnostic:
    char = error.char
    path = source.path
    span = Span(path, line, column, line, column + 1)
    if char in FULL_WIDTH:
        return Diagnostic("P106", f"full-width punctuation `{char}`", span,
                          label="not allowed outside strings",
                          help=f"use the ASCII `{FULL_WIDTH[char]}` instead")
    if char == '"':
        return Diagnostic("P108", "unterminated string", span, label="string starts here",
                          help='close the string with `"` on the same line')
    shown = char if char.isprintable() and not char.isspace() else repr(char)[1:-1]
    expected = _words(error.allowed or set())
    return Diagnostic("P102", f"unexpected character `{shown}`", span,
                      label=f"expected {expected}" if expected else "",
                      help="remove it, or put the text in a string" if not expected
                      else f"expected {expected}")


def _end_of_input(error: UnexpectedInput, source: SourceFile, chunk: str | None,
                  line_offset: int) -> Diagnostic:
    """Running out of input is almost always an unclosed `{` or `(`."""
    text = chunk if chunk is not None else source.text
    opening = _unclosed_brace(text)
    if opening is not None:
        line, column = _line_col(text, opening)
        line += line_offset
        return Diagnostic("P104", f"unterminated block: `{text[opening]}` is never closed",
                          Span(source.path, line, column, line, column + 1),
                          label="opened here",
                          help=f"add `{'}' if text[opening] == '{' else ')'}` to close it")
    last_line = line_offset + max(text.rstrip().count("\n") + 1, 1)
    expected = _words(getattr(error, "expected", None) or set())
    return Diagnostic("P104", "unexpected end of input",
                      Span(source.path, last_line, 1, last_line, 2),
                      help=f"expected {expected}" if expected else "the statement is incomplete")


def _unclosed_brace(text: str) -> int | None:
    stack: list[int] = []
    in_string = False
    in_comment = False
    for index, char in enumerate(text):
        if in_comment:
            in_comment = char != "\n"
        elif in_string:
            in_string = char not in '"\n'
        elif char == "#":
            in_comment = True
        elif char == '"':
            in_string = True
        elif char in "({":
            stack.append(index)
        elif char in ")}" and stack:
            stack.pop()
    return stack[-1] if stack else None


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _words(terminals: set[str] | frozenset[str]) -> str:
    """Terminal names -> `a name`, `}` and `require` in words, sorted, deduplicated."""
    names = {_terminal_word(t) for t in terminals}
    names.discard("")
    ordered = sorted(names, key=lambda w: (not w.startswith("`"), w))
    if len(ordered) > 8:
        ordered = [*ordered[:8], "…"]
    return ", ".join(ordered)


@cache
def _terminal_word(name: str) -> str:
    if name in _TERMINAL_WORDS:
        return _TERMINAL_WORDS[name]
    for terminal in _parser().terminals:
        if terminal.name == name:
            pattern = terminal.pattern
            if pattern.type == "str":
                return f"`{pattern.value}`"
            keyword = re.fullmatch(r"([a-z_]+)(?:\\s\+([a-z]+))?\\b", pattern.value)
            if keyword:
                return "`" + " ".join(w for w in keyword.groups() if w) + "`"
    return ""
