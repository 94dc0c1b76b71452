"""`csv_bytes` computes from a file's bytes what `tables` computed from its decoded text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.data.csv_bytes import first_lines, line_count, plain_utf8
from checker.data.tables import _first_lines, _line_count, unify_newlines

_PIECES = st.sampled_from(["a", "区", "12.5", ",", " ", "\u3000", "\t", "\n", "\r\n", "\r",
                           '"', "x" * 300, "大兴区" * 200])
_TEXTS = st.lists(_PIECES, max_size=400).map("".join)


def _text_of(data: bytes) -> str:
    return unify_newlines(data.decode("utf-8"))


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.integers(1, 70))
def test_first_lines_and_line_count_match_the_text(text: str, count: int) -> None:
    data = text.encode("utf-8")
    assert first_lines(data, count, unify_newlines, _first_lines) == _first_lines(
        _text_of(data), count)
    assert line_count(data, unify_newlines, _line_count) == _line_count(_text_of(data))


def test_a_big_file_is_read_from_a_prefix_and_its_tail() -> None:
    body = "".join(f"指标{i},区{i % 7},2025,{i}.5\r\n" for i in range(20_000))
    data = ("\r\n\r\nindicator,region,year,value\r\n" + body + " \u3000\r\n\r\n").encode()
    assert first_lines(data, 64, unify_newlines, _first_lines) == _first_lines(
        _text_of(data), 64)
    assert line_count(data, unify_newlines, _line_count) == _line_count(_text_of(data))
    blank_tail = data + b" " * 10_000  # a tail of nothing but spaces: counted from the text
    assert line_count(blank_tail, unify_newlines, _line_count) == _line_count(
        _text_of(blank_tail))


def test_plain_utf8_only_when_arrow_reads_the_bytes_as_the_text() -> None:
    assert plain_utf8("a,b\r\n1,区\r\n".encode())  # CRLF, no quote: every CR ends a line
    assert plain_utf8(b'a,b\n"1\n2",3\n')  # quotes, no CR
    assert not plain_utf8(b'a,b\r\n"1\r\n2",3\r\n')  # a CR inside a quoted cell
    assert not plain_utf8(b"\xef\xbb\xbfa,b\n")  # a byte-order mark
    assert not plain_utf8("a,b\n大兴,1\n".encode("gb18030"))  # not UTF-8
    assert not plain_utf8(b"a,b\n1,\xe5\xa4")  # cut inside a character
