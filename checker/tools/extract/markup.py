"""Markup: a page's folded text -> the same text without what a copy left of its page.

In: folded text (see `fold`).  Out: the text to read and, for each of its characters
(and its end), the offset in the input, so that lines, columns and quotes stay those
of the file.  What is left out:

- HTML that a copy kept (`<td> <div>45.31</div> </td>`): a run of tags is a line break
  when it holds a block tag (a cell, a row, a paragraph), else nothing, so a table laid
  out in HTML on one line reads as a table laid out one cell per line; `&nbsp;` and the
  like are the characters they stand for; a saved page's code and notes go whole (what
  `<script>` and `<style>` hold, `<!-- … -->`, `<!DOCTYPE …>`), their line breaks kept;
- a forum's copy filter (Discuz's "jammer"): runs of one- and two-character ASCII tokens
  between spaces (`7 B; g# x0 \\`- r. y5 o+ b$ S+ ?`) put after every cell;
- a table's borders: `|` at the start or end of a line, and lines of nothing else.

And `。` as a decimal point where a line is a number alone (`76。7`) or a list's number
(`1。空气质量`) is `.`.  Nothing is done to a text without such marks.  Imports only the
standard library.
"""

from __future__ import annotations

import re

_BLOCK = frozenset(["p", "div", "td", "th", "tr", "table", "tbody", "thead", "tfoot", "li",
                    "ul", "ol", "br", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
                    "caption", "dd", "dt", "dl", "hr",
                    # a saved page's frame: each opens or closes a block of its own
                    "html", "head", "body", "title", "meta", "link", "nav", "header",
                    "footer", "main", "aside", "figure", "figcaption", "blockquote", "pre",
                    "form", "iframe", "noscript", "colgroup", "col", "base"])
_TAG_NAMES = _BLOCK | frozenset(["span", "font", "a", "b", "i", "u", "em", "strong", "img",
                                 "small", "sup", "sub", "center", "label", "input", "button",
                                 "select", "option", "code"])
# What a saved page holds that is no text of it: code, style sheets, notes to its authors,
# the document type.  Taken out whole (the figures in `var width = 1024` are no page's).
_CODE = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<!DOCTYPE[^<>]*>",
                   re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"(?:\s*</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>\n]*>)+\s*")
_ONE_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>\n]*>")
_ENTITIES = {"&nbsp;": " ", "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"',
             "&#160;": " "}
_ENTITY = re.compile("|".join(re.escape(e) for e in _ENTITIES))
# Jammer: four or more tokens of one or two printable ASCII characters between single
# spaces, two of them with a sign that is no letter or digit (`7 B; g# x0 \`- r. y5 o+`).
# Three such runs make a text a copy through the filter.
_JAMMER = re.compile(r"(?<![!-~])(?:[!-~]{1,2} ){3,}[!-~]{1,2}(?=\s|$)")
_SIGN = re.compile(r"[^\w\s]")
# The filter's run at the end of a line, its first character glued to the words before it.
_TRAILING = re.compile(r"[!-~]?(?: [!-~]{1,2}){3,}[ \t]*$")
_BORDER = re.compile(r"(?:^|(?<=\s))\|(?=\s|$)")
_BARE_NUMBER = re.compile(r"(?m)^([ \t]*[<>≥≤]?\d+)。(?=\d+[ \t]*$)")
_LIST_NUMBER = re.compile(r"(?m)^([ \t]*\d{1,2})。(?=[^\d\s])")
_CELL_VALUE = re.compile(r"^(?:[<>≥≤]?\d+(?:[.。]\d+)?%?|[-—]+|〔[\d.]+〕)(?P<glue>[^\w\s。〕%]?)$")
def clean(text: str) -> tuple[str, list[int] | None]:
    """The text to read, and the input's offset of each of its characters (None when
    nothing was taken out or changed in length)."""
    offsets: list[int] | None = None
    if len(_ONE_TAG.findall(text)) >= 3:
        code = [(m.start(), m.end(), "\n" * m.group().count("\n"))
                for m in _CODE.finditer(text)]
        if code:  # first, so that a run of tags never reaches into a script
            text, offsets = _apply(text, code)
        pieces = _tags(text)
        pieces += [(m.start(), m.end(), _ENTITIES[m.group()]) for m in _ENTITY.finditer(text)]
        pieces = _disjoint(pieces)
        if pieces:
            text, offsets = _apply(text, pieces, offsets)
    jams = [m for m in _JAMMER.finditer(text) if len(_SIGN.findall(m.group())) >= 2]
    if len(jams) >= 3:
        text, offsets = _unjammed(text, offsets)
    text = _BARE_NUMBER.sub(r"\1.", text)
    text = _LIST_NUMBER.sub(r"\1.", text)
    return text, offsets


def _tags(text: str) -> list[tuple[int, int, str]]:
    found = []
    for run in _TAGS.finditer(text):
        names = {n.lower() for n in _ONE_TAG.findall(run.group())}
        if not names <= _TAG_NAMES:
            continue
        broken = names & _BLOCK or "\n" in run.group()
        found.append((run.start(), run.end(), "\n" if broken else ""))
    return found


def _disjoint(pieces: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for piece in sorted(pieces):
        if kept and piece[0] < kept[-1][1]:
            continue
        kept.append(piece)
    return kept


def _apply(text: str, pieces: list[tuple[int, int, str]],
           where: list[int] | None = None) -> tuple[str, list[int]]:
    """`text` with each (start, end) replaced; a replacement's characters stand where
    what they replace stood."""
    where = where if where is not None else list(range(len(text) + 1))
    kept: list[str] = []
    offsets: list[int] = []
    at = 0
    for start, end, replacement in pieces:
        kept.append(text[at:start])
        offsets.extend(where[at:start])
        kept.append(replacement)
        offsets.extend([where[start]] * len(replacement))
        at = end
    kept.append(text[at:])
    offsets.extend(where[at:])
    return "".join(kept), offsets


def _unjammed(text: str, offsets: list[int] | None) -> tuple[str, list[int] | None]:
    """A text copied through a forum's filter, with only its words and cells kept: on a
    line with `|` borders each cell is the first token after a border (the words before
    the first border when they are words), and the filter's characters glued to a cell
    go; elsewhere the run at the line's end goes.  A line left empty goes with its
    break, so the cells of a table stand one a line."""
    keep: list[tuple[int, int]] = []  # spans of `text` to keep, each a line of its own
    at = 0
    for line in text.split("\n"):
        kept = _cells(line) if _BORDER.search(line) else _words(line)
        keep += [(at + a, at + b) for a, b in kept if b > a or not line.strip()]
        at += len(line) + 1
    where = offsets if offsets is not None else list(range(len(text) + 1))
    out: list[str] = []
    mapped: list[int] = []
    for a, b in keep:
        if out:
            out.append("\n")
            mapped.append(where[a])
        out.append(text[a:b])
        mapped.extend(where[a:b])
    mapped.append(where[len(text)])
    return "".join(out), mapped


def _words(line: str) -> list[tuple[int, int]]:
    trailing = _TRAILING.search(line)
    end = trailing.start() if trailing and len(_SIGN.findall(trailing.group())) >= 2 \
        else len(line)
    return [(0, end)] if line[:end].strip() else [(0, 0)] if not line.strip() else []


def _cells(line: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    borders = [m.start() for m in _BORDER.finditer(line)]
    first = line[:borders[0]].split()
    if first and not first[0].isascii():
        start = line.index(first[0])
        spans.append(_unglued(line, start, start + len(first[0])))
    for k, border in enumerate(borders):
        segment_end = borders[k + 1] if k + 1 < len(borders) else len(line)
        tokens = line[border + 1:segment_end].split()
        if not tokens:
            continue
        token = tokens[0]
        if token.isascii() and not _CELL_VALUE.match(token):
            continue
        start = line.index(token, border + 1)
        spans.append(_unglued(line, start, start + len(token)))
    return spans


def _unglued(line: str, start: int, end: int) -> tuple[int, int]:
    """A cell without the one character of the filter glued to its end (`约束性4`,
    `(%).`, `>80)`, `15。74-`); a name's `(%)` and a value's `%` stay."""
    token = line[start:end]
    value = _CELL_VALUE.match(token)
    if value:
        return start, end - len(value.group("glue"))
    if len(token) >= 2 and token[-1].isascii() and (not token[-2].isascii() or
                                                     token[-2] in ")%"):
        return start, end - 1
    return start, end
