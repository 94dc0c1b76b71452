"""`-` as an input: a `.rules` file or a data file read from standard input.

A rule file from standard input is parsed under the name `--stdin-name` gives
(default `<stdin>`), so its diagnostics say `binding.rules:3:5`, and a plan text it
names is found relative to that name.  A data file is written to a private
temporary folder under the name's last part (its extension picks the reader:
`.csv`, `.yaml`, `.json`, …), and every location of the run — diagnostics, the
result's inputs and evidence — is renamed back, so no temporary path is shown.
Standard input can be read once: `-` twice is C720.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from checker.diagnostics import Diagnostic, DiagnosticError
from checker.source import SourceFile

if TYPE_CHECKING:
    from checker.result import Result
    from checker.syntax.suite import LoadedSuite
    from checker.types.typed import CheckedSuite

STDIN = "-"
RULES_NAME = "<stdin>"


def suite_from(args: argparse.Namespace, paths: Sequence[str] | None) -> LoadedSuite:
    """The suite of `paths`, `-` read from standard input (not cached: it has no file)."""
    from checker.cli.options import say
    from checker.syntax.suite import load_suite

    if paths:  # the bundled suite has its own note (`options.suite_paths`)
        say(args, "suite: " + ", ".join(paths))
    if not paths or STDIN not in paths:
        return load_suite(paths)
    _once(paths)
    name = getattr(args, "stdin_name", None) or RULES_NAME
    return load_suite([p for p in paths if p != STDIN], texts=[(name, read())])


def checked_from(args: argparse.Namespace, paths: Sequence[str] | None
                 ) -> tuple[LoadedSuite, CheckedSuite]:
    """Loaded and type-checked: through the cache, unless a file is standard input."""
    from checker.cli.commands import checked_suite

    if not paths or STDIN not in paths:
        return checked_suite(args, paths)
    from checker.types.typecheck import typecheck

    loaded = suite_from(args, paths)
    return loaded, typecheck(loaded.suite)


class DataInput:
    """The data files of a check with `-` replaced by a temporary file, and the way back."""

    def __init__(self, files: list[str], temporary: Path | None, name: str) -> None:
        self.files, self.temporary, self.name = files, temporary, name

    def renamed(self, result: Result) -> Result:
        """`result` with the temporary file's path replaced by the stdin name."""
        if self.temporary is None:
            return result
        from checker.result import Result

        text = result.to_json()
        for spelling in self._spellings():
            text = text.replace(json.dumps(spelling)[1:-1], json.dumps(self.name)[1:-1])
        return Result.from_json(text)

    def renamed_error(self, error: DiagnosticError) -> DiagnosticError:
        if self.temporary is None:
            return error
        spellings = self._spellings()

        def name(path: str) -> str:
            return self.name if path in spellings else path

        def words(text: str) -> str:  # a message naming the file (`also the id of … at`)
            for spelling in spellings:
                text = text.replace(spelling, self.name)
            return text

        diagnostics = [dataclasses.replace(
            d, span=dataclasses.replace(d.span, file=name(d.span.file)),
            message=words(d.message), help=words(d.help), label=words(d.label))
            for d in error.diagnostics]
        sources = {name(k): SourceFile(name(v.path), v.text) for k, v in error.sources.items()}
        return DiagnosticError(diagnostics, sources)

    def _spellings(self) -> list[str]:
        from checker.syntax.suite import display_path

        assert self.temporary is not None
        return sorted({str(self.temporary), display_path(self.temporary),
                       str(self.temporary.resolve())}, key=len, reverse=True)


@contextlib.contextmanager
def data_from(args: argparse.Namespace, files: Sequence[str]) -> Iterator[DataInput]:
    """`files` with `-` as a temporary copy of standard input, removed afterwards;
    diagnostics raised inside name the stdin name, not the copy."""
    if STDIN not in files:
        yield DataInput(list(files), None, "")
        return
    _once(files)
    data = read()
    import tempfile  # only when writing: it brings shutil, bz2, lzma, random (start-up)

    name = getattr(args, "stdin_name", None) or "stdin" + _sniffed(data)
    with tempfile.TemporaryDirectory(prefix="plancheck-stdin-") as folder:
        temporary = Path(folder) / (Path(name).name or "stdin")
        temporary.write_bytes(data)
        given = DataInput([str(temporary) if f == STDIN else f for f in files], temporary, name)
        try:
            yield given
        except DiagnosticError as error:
            raise given.renamed_error(error) from None


def _sniffed(data: bytes) -> str:
    """The extension of standard input without `--stdin-name`: JSON when it starts with
    `{` or `[`, YAML when its first line is `---`, `- …` or `key: …`, else CSV."""
    text = data.lstrip(b"\xef\xbb\xbf").lstrip()
    if text[:1] in (b"{", b"["):
        return ".json"
    first = text.split(b"\n", 1)[0].strip()
    if first == b"---" or first.startswith(b"- ") or (b":" in first and b"," not in first):
        return ".yaml"
    return ".csv"


def _once(paths: Sequence[str]) -> None:
    if list(paths).count(STDIN) > 1:
        raise DiagnosticError([Diagnostic("C720", "`-` (standard input) is given twice",
                                          help="standard input can be read once")])


def read() -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # pragma: no cover - a text-only stdin replaced by a test
        return sys.stdin.read().encode("utf-8")
    data: bytes = stream.read()
    return data
