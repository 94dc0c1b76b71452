"""Comments: attach `# …` comments to the statements and clauses they belong to.

In: built statements (with spans) and comment positions.  Out: a `RuleFile`
whose nodes carry their comments, so `fmt` can print them back.  A comment on
its own line leads the next statement or clause of its block (or closes the
block or the file); a comment after code on a line trails that node.  Imports
only `model` and `source`.
"""

from __future__ import annotations

import bisect
import dataclasses
from typing import Any

from checker.source import SourceFile
from checker.syntax import model as m


def items_of(statement: m.Statement) -> tuple[Any, ...]:
    """The clauses, fields or items inside a statement's block (empty for one-liners)."""
    match statement:
        case m.Plan() | m.Indicator() | m.Test():
            return statement.items
        case m.Record():
            return statement.fields
        case m.Rule():
            return statement.clauses
        case _:
            return ()


def with_items(statement: m.Statement, items: tuple[Any, ...]) -> m.Statement:
    match statement:
        case m.Plan() | m.Indicator() | m.Test():
            return dataclasses.replace(statement, items=items)  # type: ignore[arg-type]
        case m.Record():
            return dataclasses.replace(statement, fields=items)
        case m.Rule():
            return dataclasses.replace(statement, clauses=items)
        case _:
            return statement


class _Slot:
    """Comments gathered for one node before it is rebuilt."""

    def __init__(self) -> None:
        self.leading: list[str] = []
        self.trailing: list[str] = []
        self.end: list[str] = []


def attach(source: SourceFile, statements: list[m.Statement],
           comments: list[tuple[int, int, str]]) -> m.RuleFile:
    if not comments:
        return m.RuleFile(source.path, tuple(statements))
    starts = [s.span.line for s in statements]
    statement_slots = [_Slot() for _ in statements]
    item_slots = [[_Slot() for _ in items_of(s)] for s in statements]
    file_end: list[str] = []
    opening: list[tuple[int, str]] = []  # own-line comments before the first statement
    for line, column, text in comments:
        own_line = not source.line_text(line)[: column - 1].strip()
        index = bisect.bisect_right(starts, line) - 1
        inside = index >= 0 and statements[index].span.end_line >= line
        if not inside:
            following = index + 1
            if own_line and following == 0 and statements:
                opening.append((line, text))
            elif own_line and following < len(statements):
                statement_slots[following].leading.append(text)
            elif index >= 0 and not own_line:
                statement_slots[index].trailing.append(text)
            else:
                file_end.append(text)
            continue
        statement = statements[index]
        items = items_of(statement)
        if own_line:
            target = next((i for i, it in enumerate(items) if it.span.line > line), None)
            if target is None:
                statement_slots[index].end.append(text)
            else:
                item_slots[index][target].leading.append(text)
        else:
            target = next((i for i, it in enumerate(items)
                           if it.span.line <= line <= it.span.end_line), None)
            if target is None:
                statement_slots[index].trailing.append(text)
            else:
                item_slots[index][target].trailing.append(text)
    header = _header(source, opening, statements[0].span.line if statements else 0)
    if statements:  # the rest of the opening comments lead the first statement
        statement_slots[0].leading[:0] = [text for _, text in opening[len(header):]]
    rebuilt = [
        _rebuild(statement, slot, item_slots[i])
        for i, (statement, slot) in enumerate(zip(statements, statement_slots, strict=True))
    ]
    return m.RuleFile(source.path, tuple(rebuilt), tuple(file_end), tuple(header))


def _header(source: SourceFile, opening: list[tuple[int, str]], first: int) -> list[str]:
    """The comments before the last blank line above the first statement: the file's
    header, which `fmt` keeps apart from that statement."""
    cut = 0
    for index, (line, _) in enumerate(opening):
        until = opening[index + 1][0] if index + 1 < len(opening) else first
        if any(not source.line_text(n).strip() for n in range(line + 1, until)):
            cut = index + 1
    return [text for _, text in opening[:cut]]


def _apply(node: Any, slot: _Slot) -> Any:
    changes: dict[str, Any] = {}
    leading = slot.leading
    if slot.end and not hasattr(node, "end_comments"):
        # A comment on its own line inside a one-line statement split over lines
        # (`set 镇街 = {` … `}`): it has no block end to stay at, so it moves above
        # the statement rather than vanish.
        leading = [*leading, *slot.end]
    elif slot.end:
        changes["end_comments"] = tuple(slot.end)
    if leading:
        changes["comments"] = tuple(leading)
    if slot.trailing:  # several on one node (it spans lines) join; empty `#`s add nothing
        changes["trailing"] = " ".join(t for t in (c.strip() for c in slot.trailing) if t)
    return dataclasses.replace(node, **changes) if changes else node


def _rebuild(statement: m.Statement, slot: _Slot, slots: list[_Slot]) -> m.Statement:
    items = items_of(statement)
    if items:
        statement = with_items(statement, tuple(_apply(it, s) for it, s in zip(items, slots,
                                                                                strict=True)))
    return _apply(statement, slot)  # type: ignore[no-any-return]
