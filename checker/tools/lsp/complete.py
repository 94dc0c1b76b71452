"""Completion: what may be written at the cursor, read from the text before it.

In: a document's text, the cursor (0-based line, code-point column) and the
names of the suite (an `Analysis`, or None before the first one).  Out: the
column where the word being typed starts and `Completion`s — keywords of the
statement or clause, record fields, enum values, units, indicator ids, rule
ids, readings, sets, scales and functions.  The context comes from the text, not
the model, since a line being typed rarely parses: the statement the cursor is
in (the last statement keyword in column 0 above it, its `{` still open) and the
words before the cursor on its line.  Imports model, unparse, the function
table of types.expressions; never pygls.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from checker.syntax import model as m
from checker.syntax.unparse import name as quoted
from checker.syntax.words import STATEMENT_KEYWORDS
from checker.tools.lsp.workspace import Analysis
from checker.types.expressions import ALL_FUNCS

ItemKind = Literal["keyword", "field", "value", "unit", "indicator", "rule", "record", "set",
                   "scale", "function", "reading", "source"]

CLAUSES = ("cite", "kind", "for each", "for all", "for region", "where", "read", "basis",
           "require", "unless")
TEST_ITEMS = ("as of", "given", "given data", "expect")
PLAN_ITEMS = ("title", "period", "region", "source", "language", "about", "band")
INDICATOR_ITEMS = ("unit", "ordinal", "kind", "direction", "role", "growth of", "alias", "cite")
EXPRESSION_WORDS = ("and", "or", "not", "in", "not in", "is present", "is missing", "rises",
                    "falls", "true", "false", "by", "at", "each year in", "in region", "label")
VALUES = {"kind": ("binding", "anticipatory"), "direction": ("up", "down", "none"),
          "role": ("baseline", "parameter")}
OUTCOMES = ("pass", "fail", "unknown", "not_applicable", "pending", "error")
TRAJECTORIES = ("achieved", "ahead", "on_track", "lagging", "no_baseline")
FIELD_TYPES = ("text", "bool", "year", "enum", "ordinal")
FIELD_OPTIONS = ("required", "default", "range", "label")

_STATEMENT = re.compile(rf"^({'|'.join(STATEMENT_KEYWORDS)})\b(?![ \t]*:)")
_STRINGS = re.compile(r'"(?:[^"\\\n]|\\.)*"|`[^`\n]*`')
_NOISE = re.compile(r'"(?:[^"\\\n]|\\.)*"?|`[^`\n]*`?|#[^\n]*')
_NUMBER_END = re.compile(r"(?<![\w.])\d+(\.\d*)?\s*$")


@dataclass(frozen=True, slots=True)
class Completion:
    label: str
    kind: ItemKind
    detail: str = ""

    @property
    def insert(self) -> str:
        return self.label if self.kind in ("keyword", "unit") else quoted(self.label)


@dataclass(frozen=True)
class _Place:
    statement: str | None  # the keyword of the statement the cursor is in
    inside: bool  # within its `{ … }`
    block: str  # the statement's text up to the cursor
    head: str  # the line before the word being typed
    words: list[str]


def complete(text: str, line: int, column: int,
             analysis: Analysis | None) -> tuple[int, list[Completion]]:
    lines = text.split("\n")
    if not 0 <= line < len(lines):
        return column, []
    before = lines[line][:column]
    word = re.search(r"[\w\-`]*$", before)
    prefix = word.group() if word else ""
    number = re.match(r"\d+(\.\d*)?", prefix)
    if number:  # `90%`, `3km2`: the unit being typed follows the number
        prefix = prefix[number.end():]
    start = column - len(prefix)
    if _in_string_or_comment(before[:start]):
        return start, []
    place = _place(lines, line, before[:start])
    names = _Names(analysis)
    return start, _dedupe(_choices(place, names))


def _in_string_or_comment(head: str) -> bool:
    rest = _STRINGS.sub("", head)
    return '"' in rest or "#" in rest


def _place(lines: list[str], line: int, head: str) -> _Place:
    for number in range(line, -1, -1):
        text = head if number == line else lines[number]
        found = _STATEMENT.match(text)
        if found:
            block = "\n".join([*lines[number:line], head])
            plain = _NOISE.sub('""', block)
            inside = plain.count("{") > plain.count("}")
            return _Place(found.group(1), inside, block, head, head.split())
    return _Place(None, False, head, head, head.split())


def _choices(place: _Place, names: _Names) -> list[Completion]:
    if not place.inside:
        if not place.head.strip():
            return _keywords(STATEMENT_KEYWORDS)
        if place.statement == "unit":
            return _unit_statement(place, names)
        if place.statement == "source" and len(place.words) >= 2 and \
                "file" not in place.words and place.head.endswith(" "):
            return _keywords(("file",))  # source NAME ["title"] file "…"
        return []
    words = place.words
    first = words[0] if words else ""
    match place.statement:
        case "rule":
            return _rule(place, names, first)
        case "test":
            return _test(place, names, first)
        case "indicator":
            if not words:
                return _keywords(INDICATOR_ITEMS)
            if first == "unit" and len(words) == 1:
                return [*names.units(), Completion("bool", "keyword", "a milestone")]
            return _keywords(VALUES.get(first, ())) if len(words) == 1 else []
        case "record":
            return _record(place, names)
        case "plan":
            return _keywords(PLAN_ITEMS) if not words else []
    return []


def _keywords(words: tuple[str, ...], detail: str = "") -> list[Completion]:
    return [Completion(w, "keyword", detail) for w in words]


def _dedupe(items: list[Completion]) -> list[Completion]:
    seen: dict[str, Completion] = {}
    for item in items:
        seen.setdefault(item.label, item)
    return list(seen.values())


# ------------------------------------------------------------------ statements


def _unit_statement(place: _Place, names: _Names) -> list[Completion]:
    words = place.words
    if len(words) == 2:
        return _keywords(("of", "="))
    if len(words) == 3 and words[2] == "of":
        dimensions = sorted({u.dimension for u in names.analysis.units.units.values()}) \
            if names.analysis else []
        return [Completion(d, "keyword", "dimension") for d in dimensions]
    if "=" in words and _NUMBER_END.search(place.head):
        return names.units()
    return []


def _rule(place: _Place, names: _Names, first: str) -> list[Completion]:
    words = place.words
    if not words:
        return _keywords(CLAUSES)
    if first == "kind":
        return _keywords(VALUES["kind"]) if len(words) == 1 else _keywords(("because",))
    if first == "for":
        if len(words) == 1:
            return _keywords(("each", "all", "region"))
        return names.records() if words[1] in ("each", "all") else names.regions()
    if first == "read":
        if _NUMBER_END.search(place.head):
            return names.units()
        return _keywords(("because",)) if "=" in words and len(words) >= 4 else []
    if first in ("where", "require", "unless"):
        return _expression(place, names)
    if first == "cite" and place.head.rstrip().endswith('"') and len(words) >= 2:
        return _keywords(("line",))
    if first == "cite" and len(words) == 1 and place.head.endswith(" "):
        return names.sources()  # the text quoted; none named: the plan
    return []


def _expression(place: _Place, names: _Names) -> list[Completion]:
    head = place.head
    record = _record_of(place.block)
    if _NUMBER_END.search(head):
        against = re.search(r"([\w`]+)\s*(?:==|!=|<=|>=|<|>)\s*\d+(?:\.\d*)?\s*$", head)
        return names.units(names.dimension_of(record, against.group(1).strip("`"))
                           if against else None)
    compared = re.search(r"([\w`]+)\s*(==|!=|<=|>=|<|>)\s*$", head)
    if compared:
        values = names.enum_values(record, compared.group(1).strip("`"))
        if values:
            return values
    member = re.search(r"([\w`]+)\s+(?:not\s+)?in\s*\{[^}]*$", head)
    if member:
        return names.enum_values(record, member.group(1).strip("`"))
    if re.search(r"\bin\s+$", head):
        return [*names.sets(), *names.regions()]
    if re.search(r"\bis\s+$", head):
        return _keywords(("present", "missing"))
    readings = re.findall(r"^\s*read\s+([\w`]+)", place.block, re.MULTILINE)
    found = [Completion(r.strip("`"), "reading", "a reading of this rule") for r in readings]
    if record is not None:
        found += names.fields(record)
    if record is None or re.search(r"^\s*for\s+all\b", place.block, re.MULTILINE):
        found += names.indicators()
    return [*found, *(Completion(f, "function", "built-in function") for f in ALL_FUNCS),
            *_keywords(EXPRESSION_WORDS)]


def _record_of(block: str) -> str | None:
    found = re.search(r"^\s*for\s+(?:each|all)\s+([\w`]+)", block, re.MULTILINE)
    return found.group(1).strip("`") if found else None


def _test(place: _Place, names: _Names, first: str) -> list[Completion]:
    words = place.words
    if not words:
        return _keywords(TEST_ITEMS)
    if first == "as":
        return _keywords(("of",)) if len(words) == 1 else []
    if first == "expect":
        return _expect(words, names)
    if first != "given":
        return []
    if len(words) == 1:
        return [*_keywords(("data",)), *names.records()]
    if words[1] == "data":
        return _given_data(place, names)
    braces = re.search(r"\{([^}]*)$", place.head)
    if braces is None:
        return []
    record = words[1].strip("`")
    inner = braces.group(1)
    if _NUMBER_END.search(inner):
        field = re.search(r"([\w`]+)\s*:\s*\d+(?:\.\d*)?\s*$", inner)
        return names.units(names.dimension_of(record, field.group(1).strip("`"))
                           if field else None)
    value_of = re.search(r"([\w`]+)\s*:\s*$", inner)
    if value_of:
        return names.field_values(record, value_of.group(1).strip("`"))
    if inner.strip() == "" or inner.rstrip().endswith(","):
        given = set(re.findall(r"([\w`]+)\s*:", inner))
        return [f for f in names.fields(record) if f.label not in given]
    return []


def _expect(words: list[str], names: _Names) -> list[Completion]:
    if len(words) == 1:
        return names.rules()
    if len(words) == 2:
        return _keywords(OUTCOMES)
    if len(words) == 3 and words[2] == "pending":
        return [*_keywords(TRAJECTORIES), *_keywords(("for",))]
    return _keywords(("for",)) if "for" not in words else []


def _given_data(place: _Place, names: _Names) -> list[Completion]:
    words = place.words
    if len(words) == 2:
        return names.indicators()
    if len(words) == 3:
        return names.regions()
    if "=" in words:
        if _NUMBER_END.search(place.head):
            return names.units(names.dimension_of(None, words[2].strip("`")))
        return _keywords(("actual", "target")) if words[-1] != "=" else []
    return []


def _record(place: _Place, names: _Names) -> list[Completion]:
    typed = re.search(r"^\s*[\w`]+\s*:\s*(.*)$", place.head)
    if typed is None:
        return []
    after = typed.group(1).split()
    if not after:
        return [*_keywords(FIELD_TYPES), *names.units()]
    if after == ["enum"]:
        return names.sets()
    if after == ["ordinal"]:
        return names.scales()
    return _keywords(FIELD_OPTIONS) if after[-1] not in ("default", "label") else []


# ------------------------------------------------------------------ the suite's names


class _Names:
    """The names of the last analysis, as completions."""

    def __init__(self, analysis: Analysis | None) -> None:
        self.analysis = analysis
        self.suite = analysis.suite if analysis is not None else m.Suite(())

    def records(self) -> list[Completion]:
        return [Completion(r.name, "record", r.display or "") for r in self.suite.of(m.Record)]

    def rules(self) -> list[Completion]:
        return [Completion(r.id, "rule", r.title or "") for r in self.suite.of(m.Rule)]

    def indicators(self) -> list[Completion]:
        return [Completion(i.id, "indicator", i.display or "")
                for i in self.suite.of(m.Indicator)]

    def sets(self) -> list[Completion]:
        return [Completion(s.name, "set", f"{len(s.items)} values") for s in self.suite.of(
            m.SetDecl)]

    def sources(self) -> list[Completion]:
        return [Completion(s.name, "source", s.title or s.file)
                for s in self.suite.of(m.SourceDecl)]

    def scales(self) -> list[Completion]:
        return [Completion(s.name, "scale", " < ".join(s.levels))
                for s in self.suite.of(m.ScaleDecl)]

    def units(self, dimension: str | None = None) -> list[Completion]:
        """Every declared unit's spellings; with `dimension`, only those of it (after `1 ` in
        `distance_to_shore > 1 `: km, 公里, m — not 个 or %)."""
        out = []
        for u in self.suite.of(m.BaseUnit) + self.suite.of(m.DerivedUnit):
            its = self.analysis.units.units[u.name].dimension \
                if self.analysis is not None and u.name in self.analysis.units.units else ""
            if dimension is None or its == dimension:
                out += [Completion(spelling, "unit", its) for spelling in (u.name, *u.aliases)
                        if spelling]
        return out

    def dimension_of(self, record: str | None, name: str) -> str | None:
        """The dimension of what a number is compared with or given for: a field of the
        record, else an indicator; None when it is neither or has no unit."""
        if self.analysis is None:
            return None
        f = self._field(record, name) if record is not None else None
        unit_name: str | None = None
        if f is not None:
            unit_name = f.type.name if isinstance(f.type, m.SimpleType) else None
        elif (ind := next((i for i in self.suite.of(m.Indicator) if i.id == name), None)):
            unit_name = ind.get("unit")
        unit = self.analysis.units.resolve(unit_name) if unit_name else None
        return unit.dimension if unit is not None else None

    def regions(self) -> list[Completion]:
        found = [p.text("region") for p in self.suite.of(m.Plan)]
        for rule in self.suite.of(m.Rule):
            for c in rule.clauses_of(m.ForRegion):
                found += c.regions
            for r in rule.clauses_of(m.Require):
                found += r.regions or ()
        return [Completion(r, "value", "region") for r in dict.fromkeys(found) if r]

    def _field(self, record: str | None, name: str) -> m.Field | None:
        for r in self.suite.of(m.Record):
            if r.name == record:
                return next((f for f in r.fields if f.name == name), None)
        return None

    def fields(self, record: str) -> list[Completion]:
        for r in self.suite.of(m.Record):
            if r.name == record:
                return [Completion(f.name, "field", f.label or "") for f in r.fields]
        return []

    def enum_values(self, record: str | None, field: str) -> list[Completion]:
        f = self._field(record, field)
        if f is None:
            return []
        match f.type:
            case m.EnumType(set_name=str() as set_name):
                return self._members(m.SetDecl, set_name)
            case m.EnumType(items=items):
                return [Completion(i, "value", f"a value of `{field}`") for i in items or ()]
            case m.OrdinalType(scale=scale):
                return self._members(m.ScaleDecl, scale)
        return []

    def _members(self, kind: type[m.SetDecl] | type[m.ScaleDecl], name: str) -> list[Completion]:
        for decl in self.suite.of(kind):
            if decl.name == name:
                items = decl.items if isinstance(decl, m.SetDecl) else decl.levels
                return [Completion(i, "value", f"a value of `{name}`") for i in items]
        return []

    def field_values(self, record: str, field: str) -> list[Completion]:
        f = self._field(record, field)
        if f is not None and isinstance(f.type, m.SimpleType) and f.type.name == "bool":
            return _keywords(("true", "false"))
        return self.enum_values(record, field)
