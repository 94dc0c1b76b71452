"""Texts: the files to read -> decoded text, or the diagnostic that says why not.

In: paths of plan or report text.  Out: `SourceFile`s (UTF-8, BOM dropped; a Chinese
text saved as GBK/GB18030, or as UTF-16 with its BOM, is read as what it is, and a
note says so: offices save text in both) or `X90x` diagnostics: a file that cannot be
read, is not text in one of those, holds NUL bytes (more than a copy's stray few), is
larger than 2 MiB, has a line longer than 1,000,000 characters, or holds more than
100,000 numbers (a table dump, not prose).
Reuses the rule files' decoder (`syntax.parse.decode`) and words its findings
for text.  Imports `syntax.parse`, `diagnostics`, `source`.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from checker.diagnostics import Diagnostic
from checker.source import SourceFile, Span
from checker.syntax.parse import decode, gb18030_text, has_utf16_bom

MAX_TEXT_BYTES = 2 * 1024 * 1024  # a plan text; its own bound, not the rules-file one
# A page copied as one line (a plan's whole text, HTML left in) is read in time linear in
# its length: a line is refused only far past any page; so is a file of figures only far
# past any plan's tables (a 2 MiB yearbook of tables holds about that many).
MAX_LINE = 1_000_000
MAX_FIGURES = 100_000  # numbers in one file; real plans hold hundreds
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_HELP_TEXT = ("extract reads UTF-8 text (`.txt`), and Chinese text in GB18030 or UTF-16; "
              "save the file as UTF-8")


def read_text(path: str | Path, shown: str | None = None,
              notes: list[str] | None = None) -> SourceFile | Diagnostic:
    """One text; how it was decoded, when it was not UTF-8, is added to `notes`."""
    shown = shown or str(path)
    target = Path(path)
    if target.is_dir():
        return Diagnostic("X904", f"`{shown}` is a folder, not a text file",
                          Span(shown, 0, 0, 0, 0),
                          help="name the `.txt` files to read, e.g. `reports/*.txt`")
    try:
        data = target.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return Diagnostic("X904", f"cannot read `{shown}`: {reason.lower()}",
                          Span(shown, 0, 0, 0, 0))
    decoded = decode(shown, _stray_nuls(data), MAX_TEXT_BYTES)
    if isinstance(decoded, Diagnostic) and decoded.code != "P105":
        legacy = _legacy(data)
        if legacy is not None:
            encoding, text = legacy
            decoded = decode(shown, text.encode("utf-8"), MAX_TEXT_BYTES)
            if notes is not None and not isinstance(decoded, Diagnostic):
                notes.append(f"read `{shown}` as {encoding} (it is not UTF-8)")
    if isinstance(decoded, Diagnostic):
        return _worded(decoded, len(data))
    if "\r" in decoded.text.replace("\r\n", ""):
        # lines ended by a carriage return alone (an old Mac export): one break for one, so
        # offsets stay, and lines are those an editor shows
        decoded = SourceFile(decoded.path, re.sub(r"\r(?!\n)", "\n", decoded.text))
    return _long_line(decoded) or _too_many(decoded) or decoded


def _legacy(data: bytes) -> tuple[str, str] | None:
    """The encoding and text of a Chinese text that is not UTF-8: UTF-16 by its BOM, or
    GB18030 when the bytes read as Chinese prose in it; None for anything else."""
    if has_utf16_bom(data):
        try:
            return "UTF-16", data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    text = gb18030_text(data)
    return None if text is None else ("GB18030", text)


def _stray_nuls(data: bytes) -> bytes:
    """A page copied with a few stray NUL bytes (at most one in a hundred bytes, the rest UTF-8)
    reads them as spaces, one byte for one so that columns stay; a file full of them
    (UTF-16, a binary) is left for the decoder to refuse."""
    count = data.count(b"\0")
    if not count or count * 100 > len(data):
        return data
    spaced = data.replace(b"\0", b" ")
    try:
        spaced.decode("utf-8")
    except UnicodeDecodeError:
        return data
    return spaced


def _worded(found: Diagnostic, size: int) -> Diagnostic:
    if found.code == "P105":
        return dataclasses.replace(
            found, code="X902", message=f"text is too large ({size:,} bytes)",
            help=f"extract reads at most {MAX_TEXT_BYTES:,} bytes a file; split the text "
                 "into parts (by chapter) and give them all")
    advice = found.help if "UTF-16" in found.help else _HELP_TEXT
    if "NUL" in found.message:
        return dataclasses.replace(found, code="X901", message="file is not text: it contains "
                                   "a NUL byte", help=advice if advice != _HELP_TEXT else
                                   "extract reads plain UTF-8 text; is this a binary file?")
    return dataclasses.replace(found, code="X901", message="file is not valid UTF-8",
                               help=advice)


def _long_line(source: SourceFile) -> Diagnostic | None:
    for index, line in enumerate(source.text.split("\n")):
        if len(line) > MAX_LINE:
            return Diagnostic(
                "X903", f"line {index + 1} is too long ({len(line):,} characters)",
                Span(source.path, index + 1, 1, index + 1, 2), excerpt=line[:80],
                help=f"extract reads lines of at most {MAX_LINE:,} characters; a paragraph "
                     "per line is what it expects")
    return None


def _too_many(source: SourceFile) -> Diagnostic | None:
    count = sum(1 for _ in _NUMBER.finditer(source.text))
    if count <= MAX_FIGURES:
        return None
    return Diagnostic("X908", f"text holds {count:,} numbers", Span(source.path, 0, 0, 0, 0),
                      help=f"extract reads prose with at most {MAX_FIGURES:,} numbers a file; "
                           "split it, or load a table of figures with `plancheck check` directly")
