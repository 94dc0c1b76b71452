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
import math
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from checker.data.problems import Problems, file_span
from checker.data.tables import decode, read_bytes
from checker.data.values import MAX_NUMBER_LENGTH, shown, too_long
from checker.source import SourceFile, Span
from checker.textsafe import escape

_NULL = "tag:yaml.org,2002:null"
_INT = "tag:yaml.org,2002:int"
MAX_DEPTH = 64  # a record is a mapping of scalars; lists of lists are the deepest use
MAX_EXPANDED_NODES = 100_000  # values that aliases may add; records need none


class _Core12Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML 1.2's core schema, not PyYAML's 1.1 one: `on`, `off`, `y` and `n` stay text
    (1.1 read them as booleans), `010` is ten (not octal eight), `1:30` is text (not
    ninety), `2023-06-30` is text for the field's own reader, and `1e5` is a number."""


_Core12Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _starts in (
        (_NULL, r"~|null|Null|NULL|", "~nN"),
        ("tag:yaml.org,2002:bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
        (_INT, r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+", "-+0123456789"),
        ("tag:yaml.org,2002:float", r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
         r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)", "-+.0123456789")):
    _Core12Loader.add_implicit_resolver(_tag, re.compile(f"^(?:{_pattern})$"), list(_starts))
_Core12Loader.add_implicit_resolver(_NULL, re.compile("^$"), [""])
_LOADER = _Core12Loader


class _Core12Constructor(yaml.constructor.SafeConstructor):
    """Integers by the 1.2 rules: decimal (leading zeros kept decimal), `0o` and `0x`."""

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        text = str(self.construct_scalar(node))
        if too_long(text):
            return text  # type: ignore[return-value]  # the field's reader says it is too long
        for prefix, base in (("0o", 8), ("0x", 16)):
            if text.startswith(prefix):
                return int(text[2:], base)
        return int(text, 10)


_Core12Constructor.add_constructor(  # type: ignore[type-var]  # stubs: SafeConstructor only
    _INT, _Core12Constructor.construct_yaml_int)


@dataclass
class Entry:
    """One record as written: values by key, with the key and value nodes for positions."""

    values: dict[str, object]
    keys: dict[str, yaml.Node]
    nodes: dict[str, yaml.Node]
    line: int
    column: int
    item: int = -1
    refused: set[str] = field(default_factory=set)  # keys whose value was a diagnostic


@dataclass
class Document:
    display: str
    source: SourceFile
    entries: list[Entry] = field(default_factory=list)

    def span(self, node: yaml.Node) -> Span:
        start, end = node.start_mark, node.end_mark
        width = end.column - start.column if end.line == start.line else 1
        return Span.point(self.display, start.line + 1, start.column + 1, max(width, 1))

    def file_span(self) -> Span:
        return file_span(self.display)

    def lone_surrogates(self) -> Iterator[Span]:
        """Where the text escapes a lone surrogate (`"\\ud800"`), in order."""
        for found in _SURROGATE_ESCAPE.finditer(self.source.text):
            yield self.source.span(found.start(), found.end())

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
        _syntax_error(error, source, report)
        return None
    if _deeper_than(roots, MAX_DEPTH):
        report.add("D304", f"cannot read `{display}`: values nested more than {MAX_DEPTH} "
                   "deep", file_span(display), "a record is one mapping of fields")
        return None
    if _expands_past(roots, MAX_EXPANDED_NODES):
        report.add("D304", f"cannot read `{display}`: its aliases add more than "
                   f"{MAX_EXPANDED_NODES:,} values", file_span(display),
                   "write the values out; records need no `&anchor` / `*alias`")
        return None
    for root in roots:
        reader.root(root)
    return _ensure_records(document, report)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _deeper_than(roots: list[yaml.Node], limit: int) -> bool:
    """Nesting past `limit` (without recursion: Python's stack is shallower than YAML's)."""
    deepest: dict[int, int] = {}
    stack = [(root, 1) for root in roots]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        if deepest.get(id(node), 0) >= depth:
            continue
        deepest[id(node)] = depth
        stack.extend((child, depth + 1) for child in _children(node))
    return False


def _expands_past(roots: list[yaml.Node], limit: int) -> bool:
    """Whether `*alias`es add more than `limit` values when expanded (a 2 KB alias bomb
    expands to billions).  A node met again is an alias: its expanded size counts."""
    sizes: dict[int, int] = {}
    extra = 0

    def size(node: yaml.Node) -> int:
        nonlocal extra
        known = sizes.get(id(node))
        if known is not None:
            extra += known
            return known
        sizes[id(node)] = limit + 1  # a node inside itself (a recursive alias) is too big
        total = 1
        for child in _children(node):
            total = min(total + size(child), limit + 1)
            if extra > limit:
                break
        sizes[id(node)] = total
        return total

    for root in roots:
        size(root)
        if extra > limit:
            return True
    return False


def _syntax_error(error: yaml.YAMLError, source: SourceFile, report: Problems) -> None:
    display = source.path
    if isinstance(error, yaml.reader.ReaderError):  # a character YAML does not allow
        at = min(max(int(error.position), 0), len(source.text))
        span = source.span(at, min(at + 1, len(source.text)))
        report.add("D304", f"cannot parse `{display}`: the character "
                   f"`{escape(chr(error.character))}` is not allowed in YAML", span,
                   "remove it, or write it as an escape (`\\x00`) inside double quotes",
                   "not allowed")
        return
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


class _NotJson(ValueError):
    """`NaN` or `Infinity`: Python's json reads them, JSON (RFC 8259) has no such values."""


def _refuse_constant(word: str) -> object:
    raise _NotJson(word)


_CONSTANT = re.compile(r"(?<![\w\"])(?:-?Infinity|NaN)(?![\w\"])")
_LONG_NUMBER = re.compile(rf"[0-9]{{{MAX_NUMBER_LENGTH},}}")


def _first(pattern: re.Pattern[str], text: str, display: str) -> Span:
    """Where `pattern` first matches: json's own errors for these carry no position."""
    found = pattern.search(text)
    if found is None:
        return file_span(display)
    return SourceFile(display, text).span(found.start(), found.end())


def _json_ok(text: str, display: str, report: Problems) -> bool:
    try:
        json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        report.add("D304", f"cannot parse `{display}`: {error.msg.lower()}",
                   Span.point(display, error.lineno, error.colno), "check commas, quotes and "
                   "brackets")
        return False
    except _NotJson as error:
        report.add("D320", f"`{error}` is not a number a plan can hold (and not JSON)",
                   _first(_CONSTANT, text, display), "write the figure; leave the field out "
                   "if it is not known")
        return False
    except ValueError:  # an integer past Python's 4,300-digit conversion limit
        report.add("D320", f"a number in `{display}` is too long",
                   _first(_LONG_NUMBER, text, display), f"a figure has at most "
                   f"{MAX_NUMBER_LENGTH} characters; write a large value in a larger unit")
        return False
    except RecursionError:
        report.add("D304", f"cannot parse `{display}`: nested too deeply", file_span(display),
                   "a record is one mapping of fields")
        return False
    return True


@dataclass
class _Reader:
    document: Document
    report: Problems
    raw: set[str]
    is_json: bool
    _constructor: yaml.constructor.SafeConstructor = field(
        default_factory=_Core12Constructor)

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
        places = self.document.lone_surrogates()  # the only values YAML cannot place
        for index, item in enumerate(items):
            if isinstance(item, dict):
                values = {str(k): v for k, v in item.items()}
                entry = Entry(values, {}, {}, 0, 0, index if isinstance(value, list) else -1)
                for key, field_value in list(values.items()):
                    problem = _unreadable(field_value, str(field_value))
                    if problem is None:
                        problem = _unreadable(key, key)
                    if problem is not None:
                        self.report.add(*problem[:2], next(places, self.document.file_span()),
                                        *problem[2:])
                        del values[key]
                        entry.refused.add(key)
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
            if value is _BROKEN:  # said where it is; not "missing" as well
                entry.refused.add(key)
                continue
            entry.keys[key], entry.nodes[key], entry.values[key] = key_node, value_node, value
        self.document.entries.append(entry)

    def value(self, node: yaml.Node, raw: bool) -> object:
        value = self._constructed(node, raw)
        if value is _BROKEN:
            return value
        problem = _unreadable(value, node.value if isinstance(node, yaml.ScalarNode) else "")
        if problem is not None:
            self.report.add(*problem[:2], self.document.span(node), *problem[2:])
            return _BROKEN
        return value

    def _constructed(self, node: yaml.Node, raw: bool) -> object:
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


def _unreadable(value: object, written: str) -> tuple[str, str, str, str] | None:
    """Values no field may hold: (code, message, help, label), or None.

    NaN and infinities (`.nan` would otherwise count as blank and a default apply),
    and text with a lone surrogate (valid JSON escapes, but no character)."""
    if isinstance(value, float) and not math.isfinite(value):
        return ("D320", f"`{shown(written)}` is not a number a plan can hold",
                "write the figure; leave the field out if it is not known", "not a finite number")
    if isinstance(value, str) and _SURROGATE.search(value):
        return ("D326", f"`{shown(value)}` holds a lone surrogate, which is no character",
                "write the character itself (a `\\ud800`-style escape must come in a valid "
                "pair)", "not text")
    return None


_BROKEN = object()
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
                               r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")


def _json_value(node: yaml.Node) -> object:
    """A JSON value from its YAML node: plain scalars are JSON numbers, booleans or null."""
    if isinstance(node, yaml.ScalarNode):
        return node.value if node.style in ('"', "'") else json.loads(node.value)
    if isinstance(node, yaml.SequenceNode):
        return [_json_value(item) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        return {str(k.value): _json_value(v) for k, v in node.value}
    return None
