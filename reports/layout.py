"""Plain text laid out as rich lays it out, for the text report without colour.

In: lines and tables of plain strings.  Out: the lines rich's `Console` prints for the
same `Text`, `Table` and `Padding` objects, character for character, without importing
rich (~200 M instructions of a one-proposal check, issue 16).  It ports the parts of rich
the text report uses: word wrapping (`rich._wrap.divide_line`), truncation with an
ellipsis, cell widths, and the table's column widths (`Table._calculate_column_widths`).
Widths are known here only for `simple` text — ASCII, CJK, kana, Hangul, full-width forms
and the common symbols, where one character is one grapheme of 1 or 2 cells; the report
hands other text to rich.  `tests/unit/test_text_layout.py` holds both to the same bytes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Overflow = Literal["fold", "ellipsis"]
Justify = Literal["default", "left", "right"]

# Code point ranges whose cell width is 2 for an East Asian wide or full-width character
# and 1 otherwise, as rich measures them (the test compares every code point in them).
SIMPLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x2FF), (0x370, 0x482), (0x2010, 0x2027),
    (0x2030, 0x205E), (0x2070, 0x2071), (0x2074, 0x208E), (0x2090, 0x209C),
    (0x20A0, 0x20C0), (0x2100, 0x218B), (0x2190, 0x2319), (0x231C, 0x23E8),
    (0x2460, 0x24FF), (0x2500, 0x25FC), (0x2713, 0x2718), (0x3000, 0x3029),
    (0x3030, 0x303E), (0x3041, 0x3096), (0x30A0, 0x30FF), (0x3105, 0x312F),
    (0x3200, 0x321E), (0x3220, 0x32FF), (0x3300, 0x33FF), (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFE30, 0xFE4F),
    (0xFF01, 0xFF60), (0xFF61, 0xFF9F),
)
_WORD = re.compile(r"\s*\S+\s*")
_TRAILING_SPACE = re.compile(r"\s+$")


@lru_cache(maxsize=8192)
def _char_width(char: str) -> int:
    """1 or 2 for a simple character; 0 for one this module cannot measure."""
    point = ord(char)
    for low, high in SIMPLE_RANGES:
        if low <= point <= high:
            if unicodedata.category(char) in ("Mn", "Me", "Mc", "Cf", "Cn", "Co", "Cc"):
                return 0
            return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
        if point < low:
            break
    return 0


def simple(text: str) -> bool:
    """Whether every character of `text` but its newlines has a width this module knows
    (no tab, no combining mark, no joiner)."""
    return all((line.isascii() and line.isprintable()) or all(map(_char_width, line))
               for line in text.split("\n"))


@lru_cache(maxsize=4096)
def cell_len(text: str) -> int:
    """Cells of simple text (rich's `cell_len`)."""
    if text.isascii():
        return len(text)
    return sum(map(_char_width, text))


def set_cell_size(text: str, total: int) -> str:
    """`rich.cells.set_cell_size`: cropped or padded to `total` cells; a wide character
    cut in two becomes a space."""
    if total <= 0:
        return ""
    size = cell_len(text)
    if size <= total:
        return text + " " * (total - size)
    used = 0
    for index, char in enumerate(text):
        width = _char_width(char) if not char.isascii() else 1
        if used + width > total:
            return text[:index] + " " * (total - used)
        used += width
    return text


def chop_cells(text: str, width: int) -> list[str]:
    """`rich.cells.chop_cells`: `text` in pieces of at most `width` cells."""
    lines: list[str] = []
    start = used = 0
    for index, char in enumerate(text):
        size = _char_width(char) if not char.isascii() else 1
        if used + size > width:
            lines.append(text[start:index])
            start, used = index, 0
        used += size
    if used:
        lines.append(text[start:])
    return lines


def divide_line(text: str, width: int, fold: bool) -> list[int]:
    """`rich._wrap.divide_line`: the offsets to break `text` at to fit `width` cells."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group(0)
        length = cell_len(word.rstrip())
        if width - offset >= length:
            offset += cell_len(word)
        elif length > width:
            if fold:
                pieces = chop_cells(word, width)
                for number, piece in enumerate(pieces):
                    if start:
                        breaks.append(start)
                    if number == len(pieces) - 1:
                        offset = cell_len(piece)
                    else:
                        start += len(piece)
            else:
                if start:
                    breaks.append(start)
                offset = cell_len(word)
        elif offset and start:
            breaks.append(start)
            offset = cell_len(word)
    return breaks


def _truncate(line: str, width: int, overflow: Overflow, pad: bool = False) -> str:
    length = cell_len(line)
    if length > width:
        return set_cell_size(line, width - 1) + "…" if overflow == "ellipsis" \
            else set_cell_size(line, width)
    return line + " " * (width - length) if pad and length < width else line


def wrap(text: str, width: int, *, justify: Justify = "default", overflow: Overflow = "fold",
         no_wrap: bool = False) -> list[str]:
    """`rich.text.Text.wrap` of simple text: each of its lines wrapped on its own."""
    return [wrapped for line in text.split("\n")
            for wrapped in _wrap_line(line, width, justify, overflow, no_wrap)]


def _wrap_line(text: str, width: int, justify: Justify, overflow: Overflow, no_wrap: bool
               ) -> list[str]:
    if no_wrap:
        lines = [text]
    else:
        offsets = divide_line(text, width, fold=overflow == "fold")
        lines = [text[a:b] for a, b in zip([0, *offsets], [*offsets, len(text)], strict=True)]
        lines = [_rstrip_end(line, width) for line in lines]
    if justify == "left":
        lines = [_truncate(line, width, overflow, pad=True) for line in lines]
    elif justify == "right":
        lines = [_truncate(line.rstrip(), width, overflow) for line in lines]
        lines = [" " * (width - cell_len(line)) + line for line in lines]
    return [_truncate(line, width, overflow) for line in lines]


def _rstrip_end(line: str, size: int) -> str:
    """`Text.rstrip_end`: trailing white space beyond `size` characters dropped."""
    if len(line) > size:
        space = _TRAILING_SPACE.search(line)
        if space is not None:
            return line[:len(line) - min(len(space.group(0)), len(line) - size)]
    return line


@dataclass(frozen=True)
class Column:
    """A column as `Table.add_column` takes it (rich's defaults)."""

    header: str = ""
    justify: Justify = "left"
    no_wrap: bool = False
    overflow: Overflow = "ellipsis"
    min_width: int | None = None
    max_width: int | None = None


@dataclass(frozen=True)
class Table:
    """A `rich.table.Table` with `show_edge=False, pad_edge=False`: `ruled` is the
    SIMPLE_HEAD box (a header and a rule under it), otherwise a header-less grid with
    `collapse_padding` (`Table.grid`).  `padding` is (right, left)."""

    columns: Sequence[Column]
    rows: Sequence[Sequence[str]]
    padding: tuple[int, int] = (1, 1)
    ruled: bool = True

    def lines(self, max_width: int) -> list[str]:
        """`Table.__rich_console__` at `max_width` cells."""
        divider = 1 if self.ruled else 0
        widths = self._widths(max_width - divider * (len(self.columns) - 1))
        cells = [[self._cell(i, text) for i, text in enumerate(row)]
                 for row in self._all_rows()]
        out: list[str] = []
        for row_index, row in enumerate(cells):
            rendered = [self._render(cell, width, self.columns[i]) for i, (cell, width)
                        in enumerate(zip(row, widths, strict=True))]
            height = max(1, *(len(lines) for lines in rendered))
            header = self.ruled and row_index == 0
            shaped = [([" " * w] * (height - len(lines)) + lines) if header
                      else lines + [" " * w] * (height - len(lines))
                      for lines, w in zip(rendered, widths, strict=True)]
            out += [(" " * divider).join(column[n] for column in shaped) for n in range(height)]
            if header:
                out.append("─" * (sum(widths) + len(widths) - 1))
        return out

    def _all_rows(self) -> list[Sequence[str]]:
        return [[c.header for c in self.columns], *self.rows] if self.ruled else list(self.rows)

    def _pads(self, column: int) -> tuple[int, int]:
        """(left, right) padding of a column's cells (`Table._get_cells`)."""
        right, left = self.padding
        if not self.ruled and column != 0:  # collapse_padding
            left = max(0, left - right)
        if column == 0:
            left = 0
        if column == len(self.columns) - 1:
            right = 0
        return left, right

    def _padding_width(self, column: int) -> int:
        """`Table._get_padding_width` (whose collapsed left padding is always 0)."""
        right, left = self.padding
        if not self.ruled:
            left, right = 0, abs(0 - right)
        if column == 0:
            left = 0
        if column == len(self.columns) - 1:
            right = 0
        return left + right

    def _cell(self, column: int, text: str) -> tuple[str, int, int]:
        left, right = self._pads(column) if any(self.padding) else (0, 0)
        return text, left, right

    def _measure(self, column: int, max_width: int) -> tuple[int, int]:
        """`Table._measure_column`: the least and the most cells of a column."""
        if max_width < 1:
            return 0, 0
        padded = any(self.padding)
        least, most = [], []
        for row in self._all_rows():
            text, left, right = self._cell(column, row[column])
            low, high = _measure_text(text, max_width)
            if padded:
                low, high = _padded(low, high, left + right, max_width)
            least.append(low)
            most.append(high)
        low, high = _at_most(max(least) if least else 1, max(most) if most else max_width,
                             max_width)
        spec, extra = self.columns[column], self._padding_width(column)
        if spec.min_width is not None:
            low, high = max(low, spec.min_width + extra), max(high, spec.min_width + extra)
        if spec.max_width is not None:
            low, high = _at_most(low, high, spec.max_width + extra)
        return low, high

    def _widths(self, max_width: int) -> list[int]:
        """`Table._calculate_column_widths` (no expand, no fixed widths)."""
        count = len(self.columns)
        widths = [self._measure(i, max_width)[1] or 1 for i in range(count)]
        if sum(widths) > max_width:
            widths = _collapse(widths, [not c.no_wrap for c in self.columns], max_width)
            if sum(widths) > max_width:
                widths = _ratio_reduce(sum(widths) - max_width, [1] * count, widths, widths)
            widths = [self._measure(i, width)[1] or 0 for i, width in enumerate(widths)]
        return widths

    @staticmethod
    def _render(cell: tuple[str, int, int], width: int, spec: Column) -> list[str]:
        """A cell's lines at `width` cells (its `Padding`, then its `Text`)."""
        text, left, right = cell
        inner = width - left - right
        if inner < 1:  # `Console.render` renders nothing into no room
            return []
        lines = wrap(text, inner, justify=spec.justify, overflow=spec.overflow,
                     no_wrap=spec.no_wrap)
        return [set_cell_size(" " * left + set_cell_size(line, inner) + " " * right, width)
                for line in lines]  # `Segment.set_shape`: a cell narrower than its padding


def _measure_text(text: str, max_width: int) -> tuple[int, int]:
    """`Measurement.get` of a `Text`: its longest word and its longest line."""
    most = max(map(cell_len, text.splitlines()), default=0)
    words = text.split()
    least = max(cell_len(word) for word in words) if words else most
    return _normalized(*_at_most(*_normalized(least, most), max_width))


def _padded(low: int, high: int, extra: int, max_width: int) -> tuple[int, int]:
    """`Measurement.get` of a `Padding` around a measured text."""
    if max_width - extra < 1:
        return max_width, max_width
    return _normalized(*_at_most(*_normalized(*_at_most(low + extra, high + extra,
                                                        max_width)), max_width))


def _normalized(low: int, high: int) -> tuple[int, int]:
    low = min(max(0, low), high)
    normal = max(0, low), max(0, max(low, high))
    return (0, 0) if normal[1] < 1 else normal


def _at_most(low: int, high: int, width: int) -> tuple[int, int]:
    return min(low, width), min(high, width)


def _collapse(widths: list[int], wrapable: list[bool], max_width: int) -> list[int]:
    """`Table._collapse_widths`: the widest wrapable columns narrowed first."""
    total = sum(widths)
    excess = total - max_width
    if any(wrapable):
        while total and excess > 0:
            widest = max(w for w, ok in zip(widths, wrapable, strict=True) if ok)
            second = max(w if ok and w != widest else 0
                         for w, ok in zip(widths, wrapable, strict=True))
            ratios = [1 if w == widest and ok else 0
                      for w, ok in zip(widths, wrapable, strict=True)]
            if not any(ratios) or not widest - second:
                break
            widths = _ratio_reduce(excess, ratios, [min(excess, widest - second)] * len(widths),
                                   widths)
            total = sum(widths)
            excess = total - max_width
    return widths


def _ratio_reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]
                  ) -> list[int]:
    """`rich._ratio.ratio_reduce`."""
    ratios = [ratio if most else 0 for ratio, most in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    result: list[int] = []
    for ratio, most, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            given = min(most, round(ratio * remaining / total_ratio))
            result.append(value - given)
            remaining -= given
            total_ratio -= ratio
        else:
            result.append(value)
    return result
