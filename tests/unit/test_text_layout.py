"""`reports.layout` lays the plain text report out as rich does, byte for byte.

The text report without colour is printed by `reports.layout` (rich is not imported:
start-up, issue 16) and with colour by rich (`reports.text_rich`); these tests print the
same blocks both ways — every bundled example in both languages, with and without
details, and random lines, tables and grids of ASCII and CJK text whose words wrap, fold
and end in an ellipsis — and compare.  They also hold the widths `layout` knows to
rich's own for every code point of `layout.SIMPLE_RANGES`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len as rich_cell_len

from checker.pipeline import check_with
from checker.types.cached import load_checked
from reports import Options, layout, render, text
from reports.shown import shown
from reports.text_rich import printed

ROOT = Path(__file__).resolve().parents[2]
RUNS = [[p] for p in sorted((ROOT / "examples" / "proposals").glob("*.yaml"))
        if p.name != "malformed-value.yaml"] + \
    [[ROOT / "examples" / "proposals" / "batch.csv"]] + \
    [[p] for p in sorted((ROOT / "examples" / "data").glob("*.csv"))] + \
    [[ROOT / "examples" / "proposals" / "batch.csv",
      ROOT / "examples" / "data" / "daxing-monitoring-2023.csv"]]


def _both(doc: text.Doc, width: int = text.WIDTH) -> tuple[str, str]:
    plain = "".join(f"{line.rstrip()}\n" for line in text.plain_lines(doc.blocks, width))
    rich = "".join(f"{line.rstrip()}\n"
                   for line in printed(doc.blocks, color=False, width=width).splitlines())
    return plain, rich


def test_every_simple_code_point_has_rich_s_width() -> None:
    wrong = [hex(point) for low, high in layout.SIMPLE_RANGES for point in range(low, high + 1)
             if layout._char_width(chr(point))
             and layout.cell_len(chr(point)) != rich_cell_len(chr(point))]
    assert wrong == []


@pytest.mark.parametrize("files", RUNS, ids=lambda files: "+".join(f.name for f in files))
def test_the_bundled_examples_print_as_rich_prints_them(files: list[Path]) -> None:
    result = shown(check_with(load_checked(None)[1], files))
    for lang in ("zh", "en"):
        for details in (True, False):
            options = Options(lang=lang, details=details)
            doc = text.document(result, options)
            assert all(map(layout.simple, doc.strings()))  # so `write` lays them out itself
            plain, rich = _both(doc)
            assert plain == rich
            assert text.write(result, options) == plain


WORD = st.one_of(st.text(st.sampled_from("abcxyz0123456789-_.:/"), min_size=1, max_size=30),
                 st.text(st.sampled_from("规划城乡建设用地平方公里以内万亩“”，。（）·×²"),
                         min_size=1, max_size=40),
                 st.sampled_from(["km²", "≤", "→", "✓", "✗", "…", "—", "319", "%"]))
LINE = st.lists(WORD, max_size=12).map(" ".join) | st.lists(WORD, max_size=6).map("".join)


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(LINE, min_size=1, max_size=4), width=st.integers(20, 120))
def test_random_lines_wrap_as_rich_wraps_them(lines: list[str], width: int) -> None:
    doc = text.Doc()
    for line in lines:
        doc.print((line, "")) if line else doc.print()
    plain, rich = _both(doc, width)
    assert plain == rich


COLUMN = st.builds(layout.Column, header=LINE, justify=st.sampled_from(["left", "right"]),
                   no_wrap=st.booleans(), overflow=st.sampled_from(["fold", "ellipsis"]),
                   min_width=st.none() | st.integers(1, 30),
                   max_width=st.none() | st.integers(1, 30))


@settings(max_examples=150, deadline=None)
@given(data=st.data(), columns=st.lists(COLUMN, min_size=1, max_size=8),
       width=st.integers(30, 120), padding=st.sampled_from([(1, 1), (1, 0)]))
def test_random_tables_lay_out_as_rich_lays_them_out(data: st.DataObject,
                                                    columns: list[layout.Column],
                                                    width: int, padding: tuple[int, int]
                                                    ) -> None:
    rows = data.draw(st.lists(st.lists(LINE, min_size=len(columns), max_size=len(columns)),
                              max_size=5))
    doc = text.Doc()
    doc.table(columns, [[[(cell, "")] for cell in row] for row in rows], padding=padding)
    plain, rich = _both(doc, width)
    assert plain == rich


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(st.tuples(st.sampled_from(["", "规划", "rule", "observed", "数据"]),
                               LINE), min_size=1, max_size=6),
       indent=st.sampled_from([2, 4]), width=st.integers(40, 120))
def test_random_grids_lay_out_as_rich_lays_them_out(rows: list[tuple[str, str]], indent: int,
                                                   width: int) -> None:
    doc = text.Doc()
    doc.grid([(label, [(line, "")]) for label, line in rows], indent=indent)
    plain, rich = _both(doc, width)
    assert plain == rich


def test_text_of_a_width_only_rich_knows_is_printed_by_rich() -> None:
    """A combining accent or an emoji: `write` hands the whole report to rich."""
    assert not layout.simple("cafe\u0301") and not layout.simple("😀")
    assert layout.simple("规划 km² ✓\n第二行")
    result = shown(check_with(load_checked(None)[1], RUNS[0]))
    odd = shown(result.model_copy(update={"notes": ["cafe\u0301 😀 宽 " * 12]}))
    doc = text.document(odd)
    assert not all(map(layout.simple, doc.strings()))
    assert text.write(odd) == _both(doc)[1]
    assert "cafe\u0301 😀" in render(odd, "text")
