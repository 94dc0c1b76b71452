"""Parse: `.rules` text -> lark parse tree, or diagnostics for every bad statement.

In: bytes (`decode`) or a `SourceFile` (`parse`).  Out: a `Parsed` (tree and
comment tokens) or `Diagnostic`s in words (`errors` words them: expected
tokens as text, never terminal names; did-you-mean for keywords; precise
messages for full-width punctuation, unterminated strings and unclosed
blocks).  With `errors`, the only module that imports lark; `build` walks
the tree via the `Tree`/`Token` names re-exported here.  A file that fails to
parse is split into top-level statements (each starts with a keyword in
column 0) and each is parsed alone, so one bad statement gives one error at
the right line.  The stage's entry: import its names from here, not from
`errors` or `words`.
"""

from __future__ import annotations

import codecs
import itertools
import re
import unicodedata
from dataclasses import dataclass

from lark import Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedInput

from checker.diagnostics import Diagnostic, printable
from checker.source import SourceFile, Span
from checker.syntax.errors import translate
from checker.syntax.grammar import BRACKETS, open_brackets, parser
from checker.syntax.words import STATEMENT_KEYWORDS

__all__ = ["MAX_FILE_BYTES", "MAX_NESTING", "Parsed", "Token", "Tree", "decode", "parse",
           "statement_offsets"]

# A rules file: 10,000 rules with citations take about 3 MB (bench/parse_bench.py), so
# 8 MiB holds them with room; still a bound on what one parse may cost.
MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_NESTING = 100  # levels of `(`, as for expressions in `build`
MAX_ERRORS = 50  # syntax errors reported per file

# A statement keyword in column 0, not a field of that name (`rule: text`).
_STATEMENT_START = re.compile(rf"^(?:{'|'.join(STATEMENT_KEYWORDS)})\b(?![ \t]*:)", re.MULTILINE)
_COMMENTS = re.compile(r'"(?:[^"\\\n]|\\.)*"|`[^`\n]*`|#[^\n]*')


@dataclass(frozen=True)
class Parsed:
    """A parse tree and the comments the grammar ignores (kept for `fmt`)."""

    source: SourceFile
    tree: Tree[Token]
    comments: tuple[Token, ...]


# ------------------------------------------------------------------ bytes -> text
def decode(path: str, data: bytes, limit: int = MAX_FILE_BYTES) -> SourceFile | Diagnostic:
    """Bytes -> SourceFile, or a diagnostic for oversized, binary or non-UTF-8 input.

    The diagnostic carries the offending line as its `excerpt`, since no
    `SourceFile` exists to show it from.  `limit`: the size bound (extract has its own)."""
    if len(data) > limit:
        first = data[:200].decode("utf-8", errors="replace").split("\n", 1)[0]
        return Diagnostic(
            "P105", f"file is too large ({len(data):,} bytes)", Span(path, 1, 1, 1, 2),
            help=f"a rules file may hold at most {limit:,} bytes; split it into "
                 "several files in the suite folder", excerpt=first.rstrip("\r"))
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return _not_utf8(path, data, error)
    if "\x00" in text:
        return _binary(path, text, data)
    return SourceFile(path, text)


def _not_utf8(path: str, data: bytes, error: UnicodeDecodeError) -> Diagnostic:
    start, end = error.start, max(error.end, error.start + 1)
    line_start = data.rfind(b"\n", 0, start) + 1
    line_end = data.find(b"\n", start)
    line_bytes = data[line_start : len(data) if line_end < 0 else line_end]
    line = data.count(b"\n", 0, start) + 1
    width = 4 * (end - start)  # shown as `\xff`
    if has_utf16_bom(data):
        advice = "the file is UTF-16; save it as UTF-8"
    elif gb18030_text(data) is not None:
        advice = "the file looks like GBK/GB18030 Chinese text; save it as UTF-8"
        if data[line_start:start].isascii():  # show the line as its author wrote it
            prefix = data[line_start:start].decode("ascii")
            excerpt = line_bytes.decode("gb18030", errors="replace")
            width = 1
    else:
        advice = "save the file as UTF-8 (rules files are text)"
    if width != 1:
        prefix = data[line_start:start].decode("utf-8", errors="replace")
        excerpt = prefix + line_bytes[start - line_start :].decode(
            "utf-8", errors="backslashreplace")
    column = len(prefix) + 1
    return Diagnostic("P101", "file is not valid UTF-8",
                      Span(path, line, column, line, column + width),
                      label=f"byte 0x{data[start]:02x} is not UTF-8", help=advice,
                      excerpt=excerpt.rstrip("\r"))


def has_utf16_bom(data: bytes) -> bool:
    return data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def gb18030_text(data: bytes) -> str | None:
    """Bytes that are not UTF-8 as Chinese text in GBK/GB18030, or None: they decode, and
    most of what is not ASCII is Han characters or CJK punctuation (GB18030 decodes much
    that is not GB18030, but not into Chinese prose)."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    wide = [c for c in text if not c.isascii()]
    chinese = sum("\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f"
                  or "\uff00" <= c <= "\uffef" for c in wide)
    chinese_prose = "\x00" not in text and chinese > 0 and chinese * 5 >= len(wide) * 4
    return text if chinese_prose else None


def _binary(path: str, text: str, data: bytes) -> Diagnostic:
    source = SourceFile(path, text)
    nul = text.index("\x00")
    utf16 = data[1:200:2].count(0) > 0.8 * len(data[1:200:2])
    return Diagnostic(
        "P101", "file is not text: it contains a NUL byte", source.span(nul, nul + 1),
        label="NUL byte here", excerpt=source.line_text(source.position(nul)[0]),
        help="the file looks like UTF-16; save it as UTF-8" if utf16
        else "rules files are UTF-8 text; is this a binary file?")


# ------------------------------------------------------------------ text -> tree
def parse(source: SourceFile) -> Parsed | list[Diagnostic]:
    """Parse a whole file; on failure, report one diagnostic per bad statement."""
    text = source.text
    if _too_deep(text) is not None:
        return _statement_errors(source)
    try:
        tree = parser().parse(text)
    except UnexpectedInput as whole_error:
        if len(_chunks(text)) == 1:  # one statement: its error is the file's
            return [translate(whole_error, source, 0, text)]
        found = _statement_errors(source, _error_offset(whole_error, text))
        return found or [translate(whole_error, source, 0, text)]
    if not tree.children:
        return [Diagnostic("P116", "file has no statements", Span(source.path, 1, 1, 1, 2),
                           help="a rules file holds statements such as `rule LAND-01 { … }`; "
                                "delete the file if it is not needed")]
    hidden = _hidden_characters(source)
    if hidden:
        return hidden
    return Parsed(source, tree, tuple(_comments(source)))


# Controls and bidirectional marks the grammar lets through inside strings and comments:
# an override there makes the file read differently from what it does ("Trojan Source").
# A form feed is layout (a page break), not hidden text, and stays allowed.
_HIDDEN = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f"
                     "\u202a-\u202e\u2066-\u2069]")
MAX_HIDDEN = 10  # reported per file


def _hidden_characters(source: SourceFile) -> list[Diagnostic]:
    """P102 at each control or bidirectional mark in a string or a comment."""
    found = []
    for match in itertools.islice(_HIDDEN.finditer(source.text), MAX_HIDDEN):
        char = match.group()
        name = unicodedata.name(char, "").lower() or f"U+{ord(char):04X}"
        found.append(Diagnostic(
            "P102", f"invisible character `{printable(char)}` ({name}) in a string or comment",
            source.span(match.start(), match.end()), label="invisible character here",
            help="delete it; rules files are plain text, and a control character or a "
                 "direction mark makes the text show differently from what it does"))
    return found


def _comments(source: SourceFile) -> list[Token]:
    """Comment tokens with positions: a scan that skips strings and quoted names finds
    exactly the comments the lexer ignored (the text parsed), at a fraction of a lex."""
    out: list[Token] = []
    for match in _COMMENTS.finditer(source.text):
        if match.group().startswith("#"):
            line, column = source.position(match.start())
            out.append(Token("COMMENT", match.group(), start_pos=match.start(), line=line,
                             column=column, end_line=line, end_column=column + len(match.group()),
                             end_pos=match.end()))
    return out


def statement_offsets(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each top-level statement of a text, parsed or not."""
    return _chunks(text)


def _chunks(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each top-level statement."""
    starts = [m.start() for m in _STATEMENT_START.finditer(text)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return list(itertools.pairwise([*starts, len(text)]))


def _statement_errors(source: SourceFile, first_error: int = 0) -> list[Diagnostic]:
    """One diagnostic per bad statement.  Statements that end before the one where the
    whole file failed parsed already (unless their brackets are unbalanced); the one
    just before it is checked again, since its last word may have run into the next."""
    found: list[Diagnostic] = []
    chunks = _chunks(source.text)
    failed = max(i for i, (start, _) in enumerate(chunks) if start <= first_error)
    for index, (start, end) in enumerate(chunks):
        chunk = source.text[start:end]
        if index < failed - 1 and not open_brackets(chunk, len(chunk)):
            continue
        if _only_comments(chunk):
            continue
        problem = _statement_error(source, start, chunk)
        if problem is None:
            continue
        if len(found) == MAX_ERRORS:
            found.append(Diagnostic(
                "P117", f"too many syntax errors; stopped after {MAX_ERRORS}",
                source.span(start, start + 1), help="fix the errors above and run again"))
            break
        found.append(problem)
    return found


def _error_offset(error: UnexpectedInput, text: str) -> int:
    if isinstance(error, UnexpectedCharacters):
        return error.pos_in_stream or 0
    token = getattr(error, "token", None)
    if token is None or token.type == "$END" or token.start_pos is None:
        return len(text)
    return int(token.start_pos)


def _statement_error(source: SourceFile, start: int, chunk: str) -> Diagnostic | None:
    deep = _too_deep(chunk)
    if deep is not None:
        return Diagnostic("P107", "expression is nested too deeply",
                          source.span(start + deep, start + deep + 1),
                          label=f"more than {MAX_NESTING} levels of `(`",
                          help=f"at most {MAX_NESTING} levels; split it with `where` or a reading")
    try:
        parser().parse(chunk)
    except UnexpectedInput as error:
        return translate(error, source, start, chunk)
    except RecursionError:
        return Diagnostic("P107", "statement is nested too deeply",
                          source.span(start, start + 1))
    return None


def _only_comments(chunk: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in chunk.splitlines())


def _too_deep(text: str) -> int | None:
    """Offset of the first `(` nested deeper than MAX_NESTING, if any."""
    if text.count("(") <= MAX_NESTING:
        return None
    depth = 0
    for match in BRACKETS.finditer(text):
        char = match.group()
        if char == "(":
            depth += 1
            if depth > MAX_NESTING:
                return match.start()
        elif char == ")":
            depth = max(depth - 1, 0)
    return None


