"""Position index: every name the files of a suite mention, where, and what it means.

In: a built suite, its sources and its unit table.  Out: `Index` — `Occurrence`s
(a `Symbol` — rule, indicator, set, scale, unit, record, field, reading or item
of a set or scale —, its span, whether it declares the symbol, the rule or test it
is in, and for a declaration the model node) looked up by position (`at`) or by
symbol (`declarations`, `references`).  Model nodes carry the span of the whole
node (`for each project`, `given data x 大兴区 2021 = 3`); the name inside is found
in the node's text after its keyword, with word boundaries.  Names in expressions
resolve as typecheck resolves them: a reading of the rule, a field of its record,
an indicator, else an item of the set compared with.  Imports model, units,
source; never pygls.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from checker.source import SourceFile, Span
from checker.syntax import model as m
from checker.types.units import UnitTable

SymbolKind = Literal["rule", "indicator", "set", "scale", "unit", "record", "field", "reading",
                     "item", "source"]
BUILTIN_TYPES = frozenset({"text", "bool", "year"})


@dataclass(frozen=True, slots=True)
class Symbol:
    """What a name means; `owner` is the record of a field, the rule of a reading, the
    set or scale of an item (`record.field` for an inline enum)."""

    kind: SymbolKind
    name: str
    owner: str = ""


@dataclass(frozen=True, slots=True)
class Occurrence:
    symbol: Symbol
    span: Span
    declaration: bool = False
    within: str | None = None  # the id of the rule, or the name of the test, it is in
    node: object = field(default=None, compare=False)  # the declaring node, for declarations


class Index:
    def __init__(self, occurrences: Iterable[Occurrence]) -> None:
        self.occurrences = list(occurrences)
        self._by_file: dict[str, list[Occurrence]] = defaultdict(list)
        self._by_symbol: dict[Symbol, list[Occurrence]] = defaultdict(list)
        for occurrence in self.occurrences:
            self._by_file[occurrence.span.file].append(occurrence)
            self._by_symbol[occurrence.symbol].append(occurrence)

    def at(self, file: str, line: int, column: int) -> Occurrence | None:
        """The name at a 1-based position (also just after its last character)."""
        hits = [o for o in self._by_file.get(file, ())
                if o.span.line == line and o.span.column <= column <= o.span.end_column]
        return min(hits, key=lambda o: (o.span.end_column - o.span.column, -o.span.column),
                   default=None)

    def declarations(self, symbol: Symbol) -> list[Occurrence]:
        return [o for o in self._by_symbol.get(symbol, ()) if o.declaration]

    def references(self, symbol: Symbol, *, declarations: bool = True) -> list[Occurrence]:
        return [o for o in self._by_symbol.get(symbol, ()) if declarations or not o.declaration]

    def declared(self, kind: SymbolKind) -> list[Occurrence]:
        return [o for o in self.occurrences if o.declaration and o.symbol.kind == kind]


def build_index(suite: m.Suite, sources: dict[str, SourceFile], units: UnitTable) -> Index:
    walker = _Walker(suite, units)
    for rule_file in suite.files:
        source = sources.get(rule_file.path)
        if source is not None:
            walker.walk(rule_file, source)
    return Index(walker.found)


# ------------------------------------------------------------------ finding names in text


class _Text:
    """Offsets of one source, and names found in it with word boundaries."""

    def __init__(self, source: SourceFile) -> None:
        self.source = source
        self.starts = [0, *(match.end() for match in re.finditer("\n", source.text))]

    def offset(self, line: int, column: int) -> int:
        if line < 1 or line > len(self.starts):
            return len(self.source.text)
        return min(self.starts[line - 1] + column - 1, len(self.source.text))

    def find(self, word: str, within: Span, after: int | None = None) -> tuple[Span, int] | None:
        """The first `word` in `within` (from offset `after`): its span and end offset."""
        start = self.offset(within.line, within.column)
        end = self.offset(within.end_line, within.end_column)
        pattern = _word_pattern(word)
        match = pattern.search(self.source.text, max(start, after or 0), end)
        if match is None:
            return None
        return self.source.span(match.start(), match.end()), match.end()


def find_in(source: SourceFile, span: Span, word: str) -> Span | None:
    """Where `word` (a whole word) first stands in the text of `span`."""
    hit = _Text(source).find(word, span)
    return hit[0] if hit is not None else None


@lru_cache(maxsize=4096)
def _word_pattern(word: str) -> re.Pattern[str]:
    joined = r"[\w-]" if "-" in word else r"\w"
    before = rf"(?<!{joined})" if re.match(r"\w", word) else ""
    after = rf"(?!{joined})" if re.search(r"\w$", word) else ""
    return re.compile(before + re.escape(word) + after)


def _tail(span: Span, width: int) -> Span:
    """The last `width` characters of a one-line span (the unit of `319 km2`)."""
    return Span(span.file, span.end_line, span.end_column - width, span.end_line,
                span.end_column)


# ------------------------------------------------------------------ the walk


@dataclass
class _Context:
    within: str | None
    record: str = ""
    fields: dict[str, m.Field] = field(default_factory=dict)
    readings: frozenset[str] = frozenset()


class _Walker:
    def __init__(self, suite: m.Suite, units: UnitTable) -> None:
        self.units = units
        self.records = {r.name: {f.name: f for f in r.fields} for r in suite.of(m.Record)}
        self.indicators = {i.id for i in suite.of(m.Indicator)}
        self.members: dict[str, tuple[str, ...]] = {s.name: s.items for s in suite.of(m.SetDecl)}
        self.members.update({s.name: s.levels for s in suite.of(m.ScaleDecl)})
        self.sets = {s.name for s in suite.of(m.SetDecl)}
        self.found: list[Occurrence] = []
        self.text: _Text | None = None

    def add(self, symbol: Symbol, span: Span, within: str | None, *,
            declares: object = None) -> None:
        self.found.append(Occurrence(symbol, span, declares is not None, within, declares))

    def name_in(self, symbol: Symbol, node_span: Span, within: str | None, *,
                after: int | None = None, declares: object = None,
                written: str | None = None) -> int | None:
        """Find the name (as `written`, else the symbol's) in a node's text; record it;
        return the offset after it."""
        assert self.text is not None
        hit = self.text.find(written or symbol.name, node_span, after)
        if hit is None:
            return None
        self.add(symbol, hit[0], within, declares=declares)
        return hit[1]

    def walk(self, rule_file: m.RuleFile, source: SourceFile) -> None:
        self.text = _Text(source)
        for statement in rule_file.statements:
            self.statement(statement)

    def statement(self, s: m.Statement) -> None:
        match s:
            case m.BaseUnit() | m.DerivedUnit():
                end = self.name_in(Symbol("unit", s.name), s.span, None, declares=s)
                if isinstance(s, m.DerivedUnit) and end is not None:
                    self.name_in(self.unit(s.of), s.span, None, after=end, written=s.of)
            case m.SetDecl(items=items) | m.ScaleDecl(levels=items):
                kind: SymbolKind = "set" if isinstance(s, m.SetDecl) else "scale"
                end = self.name_in(Symbol(kind, s.name), s.span, None, declares=s)
                self.items(s.name, items, s.span, end, declares=s)
            case m.Indicator():
                self.name_in(Symbol("indicator", s.id), s.span, None, declares=s)
                for item in s.items:
                    if item.key == "unit" and item.value != "bool":
                        self.add(self.unit(item.value), _tail(item.span, len(item.value)), None)
            case m.SourceDecl():
                self.name_in(Symbol("source", s.name), s.span, None, declares=s)
            case m.Record():
                self.name_in(Symbol("record", s.name), s.span, None, declares=s)
                for f in s.fields:
                    self.field_decl(s.name, f)
            case m.Rule():
                self.rule(s)
            case m.Test():
                self.test(s)

    def items(self, owner: str, items: Iterable[str], span: Span, after: int | None,
              within: str | None = None, *, declares: object = None) -> None:
        for item in items:
            found = self.name_in(Symbol("item", item, owner), span, within, after=after,
                                 declares=declares)
            after = found if found is not None else after

    def unit(self, written: str) -> Symbol:
        unit = self.units.resolve(written)
        return Symbol("unit", unit.name if unit is not None else written)

    def field_decl(self, record: str, f: m.Field) -> None:
        self.name_in(Symbol("field", f.name, record), f.span, None, declares=f)
        match f.type:
            case m.SimpleType(name=name) if name not in BUILTIN_TYPES:
                self.name_in(self.unit(name), f.type.span, None, written=name)
            case m.EnumType(set_name=str() as set_name):
                self.name_in(Symbol("set", set_name), f.type.span, None)
            case m.EnumType(items=tuple() as items):
                self.items(f"{record}.{f.name}", items, f.type.span, None, declares=f)
            case m.OrdinalType(scale=scale):
                self.name_in(Symbol("scale", scale), f.type.span, None)
        if f.default is not None:
            context = _Context(None, record, self.records.get(record, {}))
            self.expr(f.default, context, self.enum_of_field(record, f))

    # -------------------------------------------------------------- rules and tests
    def rule(self, rule: m.Rule) -> None:
        self.name_in(Symbol("rule", rule.id), rule.span, None, declares=rule)
        record = next((c.record for c in rule.clauses if isinstance(c, m.ForEach | m.ForAll)),
                      "")
        readings = frozenset(r.name for r in rule.clauses_of(m.Read))
        context = _Context(rule.id, record, self.records.get(record, {}), readings)
        for clause in rule.clauses:
            match clause:
                case m.ForEach() | m.ForAll():
                    self.name_in(Symbol("record", clause.record), clause.span, rule.id)
                case m.Cite(source=str() as source):  # `cite national "" line 1: …`
                    self.name_in(Symbol("source", source), clause.span, rule.id)
                case m.Read():
                    self.name_in(Symbol("reading", clause.name, rule.id), clause.span, rule.id,
                                 declares=clause)
                    self.expr(clause.value, context)
                case m.Where() | m.Require() | m.Unless():
                    self.expr(clause.expr, context)

    def test(self, test: m.Test) -> None:
        for item in test.items:
            match item:
                case m.Expect():
                    self.name_in(Symbol("rule", item.rule_id), item.span, test.name)
                case m.GivenData():
                    end = self.name_in(Symbol("indicator", item.indicator), item.span,
                                       test.name, after=self.after_keyword(item.span, "data"))
                    if end is not None:
                        self.expr(item.value, _Context(test.name))
                case m.GivenSeries():
                    self.name_in(Symbol("indicator", item.indicator), item.span, test.name,
                                 after=self.after_keyword(item.span, "data"))
                case m.GivenRecord():
                    self.given_record(item, test.name)

    def after_keyword(self, span: Span, keyword: str) -> int | None:
        assert self.text is not None
        hit = self.text.find(keyword, span)
        return hit[1] if hit is not None else None

    def given_record(self, item: m.GivenRecord, test: str) -> None:
        self.name_in(Symbol("record", item.record), item.span, test)
        fields = self.records.get(item.record, {})
        context = _Context(test, item.record, fields)
        for value in item.values:
            self.name_in(Symbol("field", value.name, item.record), value.span, test)
            declared = fields.get(value.name)
            enum = self.enum_of_field(item.record, declared) if declared is not None else None
            self.expr(value.value, context, enum)

    # -------------------------------------------------------------- expressions
    def enum_of_field(self, record: str, f: m.Field) -> str | None:
        match f.type:
            case m.EnumType(set_name=str() as set_name):
                return set_name
            case m.EnumType():
                return f"{record}.{f.name}"
            case m.OrdinalType(scale=scale):
                return scale
        return None

    def enum_of(self, e: m.Expr, context: _Context) -> str | None:
        if isinstance(e, m.NameRef) and e.name not in context.readings \
                and e.name in context.fields:
            return self.enum_of_field(context.record, context.fields[e.name])
        return None

    def expr(self, e: m.Expr, context: _Context, enum: str | None = None) -> None:
        match e:
            case m.NameRef():
                self.name_ref(e, context, enum)
            case m.Quantity(unit=str() as unit):
                self.add(self.unit(unit), _tail(e.span, len(unit)), context.within)
            case m.CompareOp(left=left, right=right):
                self.expr(left, context, self.enum_of(right, context))
                self.expr(right, context, self.enum_of(left, context))
            case m.MemberOp(value=value, members=members):
                self.expr(value, context)
                if isinstance(members, m.NameRef):
                    self.add(Symbol("set", members.name), members.span, context.within)
                else:
                    owner = self.enum_of(value, context) or self.owner_of(members.items[:1])
                    self.items(owner or "", members.items, members.span, None, context.within)
            case m.Call(args=args):
                for arg in args:
                    if not isinstance(arg, m.YearRange):
                        self.expr(arg, context)
            case m.BinaryOp(left=left, right=right) | m.LogicOp(left=left, right=right):
                self.expr(left, context)
                self.expr(right, context)
            case m.Negate(operand=inner) | m.NotOp(operand=inner):
                self.expr(inner, context, enum)
            case m.PresenceOp(value=inner) | m.TrendOp(value=inner):
                self.expr(inner, context)

    def owner_of(self, items: Iterable[str]) -> str | None:
        """The set or scale declaring these items (sets first)."""
        wanted = set(items)
        ordered = sorted(self.members, key=lambda name: name not in self.sets)
        return next((name for name in ordered if wanted <= set(self.members[name])), None)

    def name_ref(self, e: m.NameRef, context: _Context, enum: str | None) -> None:
        name = e.name
        if name in context.readings:
            symbol = Symbol("reading", name, context.within or "")
        elif name in context.fields:
            symbol = Symbol("field", name, context.record)
        elif name in self.indicators:
            symbol = Symbol("indicator", name)
        elif name in self.sets:
            symbol = Symbol("set", name)
        else:
            owner = enum if enum is not None else self.owner_of([name])
            if owner is None:
                return
            symbol = Symbol("item", name, owner)
        self.add(symbol, e.span, context.within)
