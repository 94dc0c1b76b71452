"""Diagnostics of a load, and where loaded rows came from.

In: D3xx problems found while loading; the files rows were read from.  Out:
`Problems` (collects diagnostics and, lazily, the source texts needed to render
them) and `Origins` (file and row/line of each loaded row, as numpy arrays: a
string is built only when asked for).  Imports `diagnostics`, `source`; numpy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

import numpy as np
import numpy.typing as npt

from checker import result as r
from checker.diagnostics import Diagnostic, DiagnosticError
from checker.source import SourceFile, Span

MAX_PER_COLUMN: Final = 10  # bad cells listed per column; the rest are counted
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


def display_path(path: Path) -> str:
    """Paths relative to the working folder when they are under it (stable output)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def file_span(display: str) -> Span:
    return Span(display, 0, 0, 0, 0)


# What a binary table is read as, and the advice when its library cannot read it (D306).
_READ_AS: Final = {
    "xlsx": ("an Excel workbook", "open and save it again in Excel, or export it as CSV"),
    "parquet": ("Parquet", "write the file again, or export it as CSV"),
}


def unreadable(kind: Literal["xlsx", "parquet"], display: str, error: BaseException,
               report: Problems) -> None:
    """D306: the format's library could not read the file (damaged, or not that format)."""
    what, advice = _READ_AS[kind]
    report.add("D306", f"cannot read `{display}` as {what}: {first_line(error)}",
               file_span(display), advice)


def first_line(error: BaseException) -> str:
    """The first line of a library's error, lowercase, as the reason in a message."""
    text = str(error).strip().splitlines()
    return (text[0] if text else type(error).__name__).rstrip(".").lower()


# ------------------------------------------------------------------ report


@dataclass
class Problems:
    """Diagnostics of one load, with lazily built source texts for rendering."""

    items: list[Diagnostic] = field(default_factory=list)
    texts: dict[str, Callable[[], SourceFile | None]] = field(default_factory=dict)
    said: set[tuple[str, str, Span]] = field(default_factory=set)

    def add(self, code: str, message: str, span: Span, help: str = "", label: str = "",
            severity: str = "error") -> None:
        """Say a problem once: the same one at the same place (a year cell that several
        figures of its row share, indicators across) is one diagnostic."""
        if (code, message, span) in self.said:
            return
        self.said.add((code, message, span))
        self.items.append(Diagnostic(code, message, span, label, help, severity))

    def add_counted(self, shown: int, code: str, message: str, span: Callable[[], Span],
                    help: str = "", label: str = "") -> None:
        """Like `add` while fewer than `MAX_PER_COLUMN` of its kind are `shown` (the span
        is built only then): 5,000 unknown columns are ten diagnostics and a count."""
        if shown < MAX_PER_COLUMN:
            self.add(code, message, span(), help, label)

    def add_rest(self, found: int, what: str, span: Span) -> None:
        """The D350 line for problems of one kind past the first `MAX_PER_COLUMN`."""
        if found > MAX_PER_COLUMN:
            self.add("D350", f"{found - MAX_PER_COLUMN:,} more {what}", span,
                     f"the first {MAX_PER_COLUMN} are shown; they are reported the same way")

    def source(self, display: str, provider: Callable[[], SourceFile | None]) -> None:
        self.texts[display] = provider

    @property
    def errors(self) -> int:
        return sum(1 for d in self.items if d.severity == "error")

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(sorted((d for d in self.items if d.severity != "error"),
                            key=Diagnostic.sort_key))

    def raise_if_errors(self) -> None:
        if self.errors:
            raise DiagnosticError(self.items, self.sources())

    def sources(self) -> dict[str, SourceFile]:
        """Texts of the files that have diagnostics (built only now: they can be large)."""
        wanted = {d.span.file for d in self.items}
        built = {name: provider() for name, provider in self.texts.items() if name in wanted}
        return {name: source for name, source in built.items() if source is not None}


def fail(code: str, message: str, span: Span, help: str = "",
         sources: dict[str, SourceFile] | None = None) -> DiagnosticError:
    return DiagnosticError([Diagnostic(code, message, span, "", help)], sources)


# ------------------------------------------------------------------ origins


@dataclass(frozen=True)
class Origins:
    """Where each row came from: a file index and a row (tables) or line (documents).

    `item` is the list index of a record in a YAML/JSON list (-1 otherwise).
    A `Location` or a string is built only when asked for: `location(i)`, `text(i)`.
    """

    files: tuple[str, ...]
    tabular: tuple[bool, ...]
    file: IntArray
    number: IntArray
    item: IntArray

    @staticmethod
    def empty() -> Origins:
        none = np.zeros(0, dtype=np.int64)
        return Origins((), (), none, none, none)

    @staticmethod
    def of(display: str, tabular: bool, number: IntArray, item: IntArray | None = None) -> Origins:
        count = len(number)
        items = item if item is not None else np.full(count, -1, dtype=np.int64)
        return Origins((display,), (tabular,), np.zeros(count, dtype=np.int64),
                       np.asarray(number, dtype=np.int64), np.asarray(items, dtype=np.int64))

    def __len__(self) -> int:
        return len(self.number)

    def location(self, index: int) -> r.Location:
        """A table row (`file.csv:row 17`) or the line of a record's mapping (`file.yaml:12`);
        a line of 0 is one nobody knows."""
        position = int(self.file[index])
        return r.Location.of(self.files[position], int(self.number[index]),
                            row=self.tabular[position])

    def text(self, index: int) -> str:
        return self.location(index).text

    def path(self, index: int) -> str:
        """The YAML path of a record in a list (`[2]`); '' for a table row or a lone mapping."""
        item = int(self.item[index])
        return f"[{item}]" if item >= 0 else ""

    def describe(self, index: int) -> str:
        """For people: `file.yaml:12 [2]`, `file.csv:row 17`."""
        path = self.path(index)
        return f"{self.text(index)} {path}" if path else self.text(index)

    def take(self, positions: IntArray) -> Origins:
        return Origins(self.files, self.tabular, self.file[positions], self.number[positions],
                       self.item[positions])

    @staticmethod
    def concat(parts: Sequence[Origins]) -> Origins:
        if not parts:
            return Origins.empty()
        files: list[str] = []
        tabular: list[bool] = []
        shifted = []
        for part in parts:
            shifted.append(part.file + len(files))
            files += part.files
            tabular += part.tabular
        return Origins(tuple(files), tuple(tabular), np.concatenate(shifted),
                       np.concatenate([p.number for p in parts]),
                       np.concatenate([p.item for p in parts]))
