"""Fmt: rewrite `.rules` files in the one canonical layout, comments kept.

In: paths.  Out: the files whose text changed (written unless `check`).  A file
that does not parse is never rewritten: its diagnostics are raised instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from checker.diagnostics import Diagnostic, DiagnosticError
from checker.source import SourceFile
from checker.syntax.suite import display_path, parse_file, rule_files
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


def format_paths(paths: Sequence[Path], *, check: bool) -> list[str]:
    files, problems = rule_files(paths)
    sources: dict[str, SourceFile] = {}
    changed: list[tuple[Path, str, str]] = []
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
            changed.append((path, display_path(path), text))
    if problems:
        raise DiagnosticError(problems, sources)
    if not check:
        for path, _, text in changed:
            path.write_text(text, encoding="utf-8")
    return [shown for _, shown, _ in changed]


__all__ = ["Diagnostic", "format_paths", "format_text"]
