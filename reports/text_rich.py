"""The text report's blocks printed by rich: colour on a terminal, and the plain text of
a report holding characters whose width only rich knows (`reports.layout.simple`).

In: `reports.text.Block`s.  Out: what rich's `Console` prints for them.  User strings are
`rich.text.Text`, never markup.  Imported only when needed: rich costs ~200 M instructions
at start-up (issue 16).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from reports.text import Block, Piece


def printed(blocks: list[Block], *, color: bool, width: int) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width,
                      highlight=False, emoji=False, markup=False, soft_wrap=False)
    for block in blocks:
        if block.table is None:
            console.print(_text(block.line)) if block.line else console.print()
        elif block.indent:
            console.print(Padding(_grid(block), (0, 0, 0, block.indent)))
        else:
            console.print(_table(block))
    return buffer.getvalue()


def _text(pieces: list[Piece]) -> Text:
    """The first piece's style is the whole text's (`Text(first, style=…).append(…)`)."""
    (first, style), *rest = pieces
    text = Text(first, style=style)
    for piece, more in rest:
        text.append(piece, style=more)
    return text


def _table(block: Block) -> Table:
    assert block.table is not None
    right, left = block.table.padding
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold",
                  padding=(0, right, 0, left))
    for column in block.table.columns:
        table.add_column(column.header, justify=column.justify, no_wrap=column.no_wrap,
                         overflow=column.overflow, min_width=column.min_width,
                         max_width=column.max_width)
    for row in block.cells:
        table.add_row(*[_text(cell) for cell in row])
    return table


def _grid(block: Block) -> Table:
    assert block.table is not None
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", no_wrap=True, min_width=8)
    grid.add_column(overflow="fold")
    for label, text in block.cells:
        grid.add_row(label[0][0], _text(text))
    return grid
