"""Reading YAML and JSON files of records, keeping the line of every key and value.

In: a path holding one mapping, a list of mappings, or several YAML documents
of either.  Out: `Document` — one `Entry` per mapping, each with its values and
the YAML nodes they came from (so a diagnostic points at the real line and
column), or diagnostics about the file (syntax, shape, duplicate keys).  JSON
is checked by `json` first (its errors are precise), then composed as YAML for
positions; JSON scalars are read by `json` rules, not YAML 1.1 ones.  Fields
named in `raw` (text fields) keep the scalar exactly as written: `id: 001`
stays `001`.  Imports `diagnostics`, `source`, `tables`; pyyaml.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from checker.data.problems import Problems, file_span
from checker.data.tables import decode, read_bytes
from checker.source import SourceFile, Span

_NULL = "tag:yaml.org,2002:null"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Entry:
    """One record as written: values by key, with the key and value nodes for positions."""

    values: dict[str, object]
    keys: dict[str, yaml.Node]
    nodes: dict[str, yaml.Node]
    line: int
    column: int
    item: int = -1


@dataclass
class Document:
    display: str
    source: SourceFile
    entries: list[Entry] = field(default_factory=list)

    def span(self, node: yaml.Node) -> Span:
        start, end = node.start_mark, node.end_mark
        width = end.column - start.column if end.line == start.line else 1
        return Span.point(self.display, start.line + 1, start.column + 1, max(width, 1))

    def entry_span(self, entry: Entry) -> Span:
        return Span.point(self.display, entry.line, entry.column, 1)


def read_documents(path: Path, display: str, report: Problems,
                   raw: Collection[str] = ()) -> Document | None:
    """Read a YAML or JSON file of records; problems go to `report`."""
    data = read_bytes(path, display, report)
    text = decode(data, display, report) if data is not None else None
    if text is None:
        return None
    source = SourceFile(display, text)
    report.source(display, lambda: source)
    is_json = path.suffix.lower() == ".json"
    if is_json and not _json_ok(text, display, report):
        return None
    document = Document(display, source)
    reader = _Reader(document, report, set(raw), is_json)
    try:
        roots = [root for root in yaml.compose_all(text, Loader=_LOADER) if root is not None]
    except yaml.YAMLError as error:
        if is_json:  # valid JSON that YAML cannot compose: values without positions
            reader.unplaced(json.loads(text))
            return _ensure_records(document, report)
        _syntax_error(error, display, report)
        return None
    for root in roots:
        reader.root(root)
    return _ensure_records(document, report)


def _syntax_error(error: yaml.YAMLError, display: str, report: Problems) -> None:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    reason = (getattr(error, "problem", None) or getattr(error, "context", None)
              or "invalid YAML").rstrip(".")
    report.add("D304", f"cannot parse `{display}`: {reason}", Span.point(display, line, column),
               "check the indentation and the quoting")


def _ensure_records(document: Document, report: Problems) -> Document:
    display = document.display
    if not document.entries and not report.errors:
        report.add("D307", f"`{display}` holds no records", file_span(display),
                   "write one mapping of `field: value` lines, or a list of them")
    return document


def _json_ok(text: str, display: str, report: Problems) -> bool:
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        report.add("D304", f"cannot parse `{display}`: {error.msg.lower()}",
                   Span.point(display, error.lineno, error.colno), "check commas, quotes and "
                   "brackets")
        return False
    return True


@dataclass
class _Reader:
    document: Document
    report: Problems
    raw: set[str]
    is_json: bool
    _constructor: yaml.constructor.SafeConstructor = field(
        default_factory=yaml.constructor.SafeConstructor)

    def root(self, node: yaml.Node) -> None:
        if isinstance(node, yaml.MappingNode):
            self.entry(node, -1)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                if isinstance(item, yaml.MappingNode):
                    self.entry(item, index)
                else:
                    self.shape(item, f"item [{index}] of `{self.document.display}`")
        else:
            self.shape(node, f"`{self.document.display}`")

    def unplaced(self, value: object) -> None:
        """Records of a JSON value read without YAML nodes (their lines are unknown)."""
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            if isinstance(item, dict):
                entry = Entry({str(k): v for k, v in item.items()}, {}, {}, 0, 0,
                              index if isinstance(value, list) else -1)
                self.document.entries.append(entry)
            else:
                self.report.add("D308", f"item [{index}] of `{self.document.display}` is not a "
                                "record", file_span(self.document.display),
                                "a record is a mapping of `field: value` lines")

    def shape(self, node: yaml.Node, what: str) -> None:
        self.report.add("D308", f"{what} is not a record", self.document.span(node),
                        "a record is a mapping of `field: value` lines; a file holds one "
                        "record or a list of them", "expected a mapping")

    def entry(self, node: yaml.MappingNode, item: int) -> None:
        mark = node.start_mark
        entry = Entry({}, {}, {}, mark.line + 1, mark.column + 1, item)
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            if key in entry.keys:
                first = entry.keys[key].start_mark.line + 1
                self.report.add("D311", f"field `{key}` is given twice", self.document.span(
                    key_node), f"it is first given on line {first}; keep one", "duplicate")
                continue
            value = self.value(value_node, key in self.raw)
            if value is _BROKEN:
                continue
            entry.keys[key], entry.nodes[key], entry.values[key] = key_node, value_node, value
        self.document.entries.append(entry)

    def value(self, node: yaml.Node, raw: bool) -> object:
        if raw and isinstance(node, yaml.ScalarNode) and node.tag != _NULL:
            return node.value
        try:
            return _json_value(node) if self.is_json else self._constructor.construct_object(
                node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError) as error:
            reason = str(error).strip().splitlines()[0] if str(error).strip() else "bad value"
            self.report.add("D304", f"cannot read this value: {reason.lower()}",
                            self.document.span(node), "quote it to keep it as text")
            return _BROKEN


_BROKEN = object()


def _json_value(node: yaml.Node) -> object:
    """A JSON value from its YAML node: plain scalars are JSON numbers, booleans or null."""
    if isinstance(node, yaml.ScalarNode):
        return node.value if node.style in ('"', "'") else json.loads(node.value)
    if isinstance(node, yaml.SequenceNode):
        return [_json_value(item) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        return {str(k.value): _json_value(v) for k, v in node.value}
    return None
