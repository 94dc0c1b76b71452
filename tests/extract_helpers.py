"""Helpers for the extract tests: one reader of the bundled suite, items of a text."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from checker.source import SourceFile
from checker.syntax.suite import load_suite
from checker.tools.extract import Item, Reader, extract, reader_for
from checker.types.typecheck import typecheck
from checker.types.typed import CheckedSuite

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "extract"
PLAN = ROOT / "rules" / "daxing-14th" / "plan.txt"


@cache
def bundled() -> CheckedSuite:
    return typecheck(load_suite().suite)


@cache
def reader() -> Reader:
    return reader_for(bundled())


def items_of(text: str, path: str = "t.txt") -> list[Item]:
    return extract([SourceFile(path, text)], reader())


def statements(text: str) -> list[tuple[str, str, str, str]]:
    """(kind, op, value, unit) of the items that are no `other`."""
    from checker.tools.extract.writers import value_text

    return [(i.kind, i.op, value_text(i.value), i.unit) for i in items_of(text)
            if i.kind != "other"]
