"""Intake: a request body (JSON or YAML text of one proposal or a list) -> a `RecordBatch`.

In: the body's bytes, its media type, the record schema and the suite's units.
Out: the batch the CLI would load from the same text in a file — through the
very same loader (`checker.data.load.load_records`), so a bad body gets the
diagnostics `plancheck check` prints, line and column included — with the file
named `request.json` (or `request.yaml`) instead of a temporary path.  Or
`DiagnosticError`.  Imports `data`, `diagnostics`, `source`, `types`; not the
web framework.
"""

from __future__ import annotations

import dataclasses
import json
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from checker.data.load import RecordBatch, load_records
from checker.data.problems import display_path
from checker.diagnostics import Diagnostic, DiagnosticError
from checker.source import SourceFile, Span
from checker.types.typed import RecordSchema
from checker.types.units import UnitTable

JSON_TYPES = ("application/json", "")
MAX_DIGITS = 300  # no plan quantity needs more; reading a longer number costs seconds
_HUGE = re.compile(rf"\d{{{MAX_DIGITS + 1},}}|\d[eE][-+]?0*\d{{4,}}")
# an exponent past a float's (1e-400 would be read as 0, 1e400 as infinity)
_EXPONENT = re.compile(r"\d[eE][-+]?0*(\d{3})(?!\d)")
MAX_DEPTH = 64  # a proposal is flat; a list of them, one level more
YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml")


def suffix_of(media_type: str) -> str | None:
    """`.json` or `.yaml` for a request's Content-Type (parameters ignored), else None."""
    kind = media_type.split(";", 1)[0].strip().lower()
    if kind in JSON_TYPES or kind.endswith("+json"):
        return ".json"
    if kind in YAML_TYPES:
        return ".yaml"
    return None


def load_body(body: bytes, suffix: str, schema: RecordSchema, units: UnitTable) -> RecordBatch:
    """Load the proposals of one request body; the file is called `request.json|yaml`."""
    shown = "request" + suffix
    refuse_huge_numbers(body, suffix)
    refuse_deep_nesting(body, suffix)
    refuse_surrogates(body, suffix)
    with tempfile.TemporaryDirectory(prefix="plancheck-serve-") as folder:
        path = Path(folder) / shown
        path.write_bytes(body)
        written = display_path(path)
        try:
            batch = load_records([path], schema, units)
        except DiagnosticError as error:
            raise renamed(error, written, shown) from None
    origins = dataclasses.replace(batch.origins, files=(shown,) * len(batch.origins.files))
    warnings = tuple(_rename(d, written, shown) for d in batch.warnings)
    return dataclasses.replace(batch, origins=origins, warnings=warnings)


def load_stored(bodies: Sequence[dict[str, Any]], schema: RecordSchema,
                units: UnitTable) -> RecordBatch:
    """A batch of proposals already validated and stored (one JSON list)."""
    text = json.dumps(list(bodies), ensure_ascii=False, indent=1)
    return load_body(text.encode("utf-8"), ".json", schema, units)


def parsed(body: bytes, suffix: str) -> list[dict[str, Any]]:
    """The records of a body the loader accepted, as plain values (JSON numbers stay numbers)."""
    return [item for item in _items(body, suffix) if isinstance(item, dict)]


def _items(body: bytes, suffix: str) -> list[Any]:
    text = body.decode("utf-8-sig")
    if suffix == ".json":
        value: Any = json.loads(text)
        return value if isinstance(value, list) else [value]
    items: list[Any] = []
    for document in yaml.safe_load_all(text):
        items += document if isinstance(document, list) else [document]
    return items


def refuse_huge_numbers(body: bytes, suffix: str) -> None:
    """Raise S826 for a number of more than `MAX_DIGITS` digits or a 4-digit exponent."""
    text = body.decode("utf-8", "replace")
    found = _HUGE.search(text) or next(
        (e for e in _EXPONENT.finditer(text) if int(e.group(1)) > 308), None)
    if found is not None:
        shown = found.group(0)
        raise DiagnosticError([Diagnostic(
            "S826", f"a number in the body is out of range (`{shown[:20]}…`, "
            f"{len(shown)} characters)", Span("request" + suffix, 0, 0, 0, 0),
            help=f"numbers have at most {MAX_DIGITS} digits and an exponent of at most "
            "three digits")])


def refuse_deep_nesting(body: bytes, suffix: str) -> None:
    """Raise S827 for brackets nested deeper than `MAX_DEPTH`, before any reader recurses
    into them (a recursive reader would fail with RecursionError, a 500).  Counted over
    the raw text, brackets in strings included: a proposal holds no such text."""
    depth = deepest = 0
    for byte in body:
        if byte in b"[{":
            depth += 1
            deepest = max(deepest, depth)
        elif byte in b"]}":
            depth -= 1
    if deepest > MAX_DEPTH:
        raise DiagnosticError([Diagnostic(
            "S827", f"the body nests {deepest} levels deep", Span("request" + suffix, 0, 0, 0, 0),
            help=f"a proposal is one object of values, a batch a list of them; at most "
            f"{MAX_DEPTH} levels")])


def refuse_surrogates(body: bytes, suffix: str) -> None:
    """Raise S824 for a lone surrogate (`"\\ud800"`): text no database or report can hold.

    Looked for before loading (the loader cannot hold such text either); a body that
    does not parse is left to the loader, which says why."""
    try:
        items = _items(body, suffix)
    except (ValueError, yaml.YAMLError):
        return
    for number, item in enumerate(items, 1):
        where = _surrogate(item)
        if where is not None:
            raise DiagnosticError([Diagnostic(
                "S824", f"record {number} holds a lone surrogate in `{_escaped(where)}` "
                "(`\\ud800`…`\\udfff` alone is not a character)",
                Span("request" + suffix, 0, 0, 0, 0),
                help="send text as UTF-8; a character outside the BMP is one surrogate pair")])


def _surrogate(value: Any, path: str = "") -> str | None:
    """Where in `value` a string with a lone surrogate is (its key path), or None."""
    if isinstance(value, str):
        return path or value if _lone_surrogate(value) else None
    pairs = value.items() if isinstance(value, dict) else enumerate(value) \
        if isinstance(value, list) else ()
    for key, inner in pairs:
        name = f"{path}.{key}" if path else str(key)
        if isinstance(key, str) and _lone_surrogate(key):
            return name
        found = _surrogate(inner, name)
        if found is not None:
            return found
    return None


def _lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _escaped(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def renamed(error: DiagnosticError, old: str, new: str) -> DiagnosticError:
    """The same diagnostics, pointing at `new` where they pointed at file `old`."""
    sources = {(new if name == old else name): (SourceFile(new, source.text)
                                                if name == old else source)
               for name, source in error.sources.items()}
    return DiagnosticError([_rename(d, old, new) for d in error.diagnostics], sources)


def _rename(diagnostic: Diagnostic, old: str, new: str) -> Diagnostic:
    span = diagnostic.span
    if span.file != old:
        return diagnostic
    message = diagnostic.message.replace(f"`{old}`", f"`{new}`")
    return dataclasses.replace(diagnostic, message=message,
                               span=Span(new, span.line, span.column, span.end_line,
                                         span.end_column))
