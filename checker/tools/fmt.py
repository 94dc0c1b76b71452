"""Fmt: rewrite `.rules` files in the one canonical layout, comments kept.

In: paths.  Out: the files whose text changed (written unless `check`), each with
its old and new text (for a unified diff).  A file that does not parse is never
rewritten: its diagnostics are raised instead.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from checker.diagnostics import Diagnostic, DiagnosticError, printable
from checker.source import SourceFile
from checker.syntax.suite import display_path, parse_file, rule_files, write_back
from checker.syntax.unparse import unparse


def format_text(source: SourceFile) -> str:
    """The canonical text of one source (raises `DiagnosticError` if it does not parse)."""
    from checker.syntax.build import build
    from checker.syntax.parse import parse

    parsed = parse(source)
    if isinstance(parsed, list):
        raise DiagnosticError(parsed, {source.path: source})
    built = build(parsed)
    if isinstance(built, list):
        raise DiagnosticError(built, {source.path: source})
    return unparse(built)


@dataclass(frozen=True)
class Change:
    """A file whose canonical text differs from its text."""

    path: Path
    shown: str
    old: str
    new: str

    def diff(self) -> str:
        """The change as a unified diff (`a/` the file as it is, `b/` as fmt writes it).
        The name is escaped: a newline in it would start a line a CI log obeys."""
        name = printable(self.shown)
        return "".join(difflib.unified_diff(
            self.old.splitlines(keepends=True), self.new.splitlines(keepends=True),
            f"a/{name}", f"b/{name}"))


def format_paths(paths: Sequence[Path], *, check: bool) -> list[str]:
    """The files fmt changes (or would change, with `check`), as shown."""
    return [change.shown for change in format_changes(paths, write=not check)]


def format_changes(paths: Sequence[Path], *, write: bool) -> list[Change]:
    files, problems = rule_files(paths)
    sources: dict[str, SourceFile] = {}
    changed: list[Change] = []
    for path in files:
        source, result = parse_file(path)
        if source is not None:
            sources[source.path] = source
        if isinstance(result, list):
            problems += result
            continue
        assert source is not None
        text = unparse(result)
        if text != source.text:
            changed.append(Change(path, display_path(path), source.text, text))
    if problems:
        raise DiagnosticError(problems, sources)
    if write:
        for change in changed:
            write_back(change.path, change.new)
    return changed


__all__ = ["Change", "Diagnostic", "format_changes", "format_paths", "format_text"]
