"""A UTF-8 CSV file read from its bytes, not from its decoded text.

In: a file's bytes.  Out: whether Arrow may read them as they are (`plain_utf8`), and
what `tables` needs of the text otherwise — the first lines (the header) and the
number of lines — computed from the bytes, exactly as from the decoded text with its
line ends unified (`tables.unify_newlines`).

Why: a 68 MB table of 10^6 plan-data rows decoded is a 111 MB `str` (a CJK character
takes two bytes there), a copy with unified line ends another 111 MB, and that text
encoded again for Arrow 68 MB more — some 90,000 page faults, a third of a run's, for
text that only a diagnostic's span (built when one is shown) ever reads.  Taken only
where the bytes read the same: valid UTF-8 without a byte-order mark, and no carriage
return that could sit inside a quoted cell (none, or no quote at all: then every CR is
a line end, which Arrow reads as `unify_newlines` does).  Imports nothing of plancheck.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable

_BOM = b"\xef\xbb\xbf"
_CHUNK = 1 << 13  # bytes validated at a time: each piece's text is small enough for
#                   malloc to reuse its memory (pieces of 64 KiB and more faulted it in anew)


def plain_utf8(data: bytes) -> bool:
    """Whether `data` is read by Arrow as it is just as its decoded, unified text is."""
    if data.startswith(_BOM) or (b"\r" in data and b'"' in data):
        return False
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    try:
        for start in range(0, len(data), _CHUNK):
            decoder.decode(view[start:start + _CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def first_lines(data: bytes, count: int, unify: Callable[[str], str],
                lines_of: Callable[[str, int], list[str]]) -> list[str]:
    """`lines_of(unify(data.decode()), count)` from a prefix of the bytes, when the first
    `count` lines are in it and one of them says something (else from the whole text)."""
    size = 1 << 16
    while size < len(data):
        cut = data.rfind(b"\n", 0, size)  # a line end, CRLF kept whole
        if cut >= 0:
            head = unify(data[:cut + 1].decode("utf-8"))
            if head.count("\n") >= count:
                lines = lines_of(head, count)
                if len(lines) == count and any(line.strip() for line in lines):
                    return lines
        size *= 16
    return lines_of(unify(data.decode("utf-8")), count)


def line_count(data: bytes, unify: Callable[[str], str],
               count_lines: Callable[[str], int]) -> int:
    """`count_lines(unify(data.decode()))` — the lines up to the last one that says
    something — from line ends counted in the bytes and the file's decoded tail."""
    start = max(len(data) - 4096, 0)
    while start and data[start] & 0xC0 == 0x80:  # a character's first byte
        start -= 1
    if start and data[start - 1:start + 1] == b"\r\n":  # the pair on one side
        start -= 1
    tail = unify(data[start:].decode("utf-8"))
    end = len(tail)
    while end and tail[end - 1].isspace():
        end -= 1
    if start and not end:  # the whole tail is blank: count from the text
        return count_lines(unify(data.decode("utf-8")))
    breaks = data.count(b"\n", 0, start)
    if b"\r" in data:
        breaks += data.count(b"\r", 0, start) - data.count(b"\r\n", 0, start)
    return breaks + tail.count("\n", 0, end) + 1
