"""No file is refused that a page or a PDF gives: every excerpt of every gold set, and
hostile layouts (tabs, full-width spaces, CRLF, HTML left in, a forum's copy filter, a
whole plan on one line) are read to items, never to an X9xx diagnostic or a traceback;
a long line is read in time linear in its length."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from checker.source import SourceFile
from checker.tools.extract import extract, read_text
from checker.tools.extract.writers import value_text
from tests.extract_helpers import DATA, ROOT, reader

EXCERPTS = sorted(DATA.rglob("*.txt"))


@pytest.mark.parametrize("path", EXCERPTS, ids=lambda p: str(p.relative_to(DATA)))
def test_no_excerpt_of_any_set_is_refused(path: Path) -> None:
    source = read_text(path)
    assert isinstance(source, SourceFile), source
    assert extract([source], reader())


def _read(tmp_path: Path, text: str, newline: str = "\n") -> list[tuple[int, str, str, str]]:
    path = tmp_path / "page.txt"
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    source = read_text(path)
    assert isinstance(source, SourceFile), source
    return [(i.line, i.kind, i.op, value_text(i.value)) for i in extract([source], reader())
            if i.kind != "other"]


def test_tabs_full_width_spaces_crlf_and_html_are_read(tmp_path: Path) -> None:
    page = ("指标\t单位\t2020年\t2025年\t属性\n森林覆盖率\t%\t44.4\t45\t约束性\n"
            "\u3000\u3000到2025年，细颗粒物年均浓度控制在３５微克／立方米以内。\n"
            "<p>地区生产总值增长<b>5%</b>左右&nbsp;。</p><br/>\n")
    expected = [(2, "actual", "==", "44.4"), (2, "target", "==", "45"),
                (3, "target", "<=", "35"), (4, "target", "~=", "5")]
    assert _read(tmp_path, page) == expected
    assert _read(tmp_path, page, "\r\n") == expected
    assert _read(tmp_path, page, "\r") == expected  # an old Mac export

def test_a_saved_web_page_reads_its_text_not_its_code_or_footer(tmp_path: Path) -> None:
    """A page saved whole (`.html`): what `<script>`, `<style>`, a comment and the head's
    tags hold sets nothing (`var limit = 1024`), nor do the footer's copyright year and
    telephone number; the text's figures keep the lines and columns of the file."""
    page = ('<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
            '<title>某县“十四五”规划</title>\n<link href="/a.css?v=2024" rel="stylesheet">\n'
            "<style>\n.box { width: 1200px; }\n</style>\n"
            "<script>var limit = 1024; if (n > 3) { year = 2030; }</script>\n</head>\n<body>\n"
            "<p>到2025年,粮食产量稳定在120万吨以上。</p><!-- 访问量 2023 -->\n"
            "<div>版权所有 © 2022 某县人民政府 电话:0571-88001234</div>\n</body>\n</html>\n")
    assert _read(tmp_path, page) == [(13, "target", ">=", "120")]
    source = read_text(tmp_path / "page.txt")
    assert isinstance(source, SourceFile)
    others = {i.words: i.reason for i in extract([source], reader()) if i.kind == "other"}
    assert "1024" not in others and "2030" not in others and "1200" not in others
    assert others["2022"].endswith("stands in the page's copyright line")
    assert "0571-88001234" in others  # the footer's telephone number, no statement


def test_a_whole_plan_on_one_line_is_read_in_linear_time(tmp_path: Path) -> None:
    plan = (ROOT / "rules" / "daxing-14th" / "plan.txt").read_text(encoding="utf-8")
    one = plan.replace("\n", "")
    started = time.perf_counter()
    once = _read(tmp_path, one)
    single = time.perf_counter() - started
    started = time.perf_counter()
    four = _read(tmp_path, one * 4)
    assert len(four) == 4 * len(once) > 100
    assert time.perf_counter() - started < 12 * single + 1.0


def test_page_breaks_and_zero_width_spaces_are_spaces(tmp_path: Path) -> None:
    page = ("北京市某区国民经济和社会发展第十四个五年规划纲要\n"
            "\f到2025年,森林覆盖率\u200b达到45%\ufeff以上。\n")
    assert _read(tmp_path, page) == [(2, "target", ">=", "45")]


def test_a_pages_stray_nul_bytes_are_spaces_but_a_binary_is_refused(tmp_path: Path) -> None:
    """A copy with a stray NUL or two (at most one in a hundred bytes) reads them as
    spaces, columns kept; a file full of them (UTF-16, a binary) is still X901."""
    page = ("北京市某区国民经济和社会发展第十四个五年规划纲要\n" + "一、总体要求。" * 200 + "\n"
            "到2025年,森林覆盖率达到45%以上。\x00\x0b\n")
    assert _read(tmp_path, page) == [(3, "target", ">=", "45")]
    binary = tmp_path / "utf16.txt"
    binary.write_bytes("到2025年,森林覆盖率达到45%以上。".encode("utf-16-le"))
    found = read_text(binary)
    assert not isinstance(found, SourceFile) and found.code == "X901"
