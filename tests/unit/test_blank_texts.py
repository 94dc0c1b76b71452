"""`blank_texts` decides blank cells exactly as trimming them in Arrow (pandas' `str.strip`)."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from checker.data.arrow_columns import blank_texts


def _trimmed_empty(array: pa.Array) -> pa.Array:
    return pc.fill_null(pc.equal(pc.utf8_trim_whitespace(array), ""), True)


def test_every_code_point_alone_and_beside_text_is_blank_as_a_trim_says() -> None:
    chars = [chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000]
    spaces = [ch for ch in chars if ch.isspace()]
    cells = [*chars, *(ch + "x" for ch in spaces), *("x" + ch for ch in spaces),
             *(a + b for a in spaces for b in spaces), "", None, " \u3000 ", "\u3000a\u3000"]
    for kind in (pa.string(), pa.large_string()):
        array = pa.array(cells, type=kind)
        found = blank_texts(array)
        assert found.equals(_trimmed_empty(array))
        assert found.null_count == 0
    assert blank_texts(pa.array([" ", "\u3000", "a", "", None])).to_pylist() == [
        True, True, False, True, True]
