"""Document symbols: the outline of one `.rules` file.

In: a file's model and the index (for the span of each declared name).  Out:
`Outline` entries — the plan, units, sets, scales, indicators, records (with
their fields), rules (with their readings) and tests, each with the span of its
statement and of its name.  Imports model and the index; never pygls.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from checker.source import Span
from checker.syntax import model as m
from checker.tools.lsp.index import Index, Symbol

OutlineKind = Literal["plan", "unit", "set", "scale", "indicator", "record", "field", "rule",
                      "reading", "test", "source"]


@dataclass(frozen=True)
class Outline:
    name: str
    detail: str
    kind: OutlineKind
    span: Span
    name_span: Span
    children: tuple[Outline, ...] = ()


def outline(rule_file: m.RuleFile, index: Index) -> list[Outline]:
    return [entry for s in rule_file.statements if (entry := _entry(s, index)) is not None]


def _name_span(index: Index, symbol: Symbol, fallback: Span) -> Span:
    found = [o.span for o in index.declarations(symbol) if o.span.file == fallback.file
             and fallback.line <= o.span.line <= fallback.end_line]
    return found[0] if found else Span(fallback.file, fallback.line, fallback.column,
                                       fallback.line, fallback.column)


def _entry(s: m.Statement, index: Index) -> Outline | None:
    match s:
        case m.Plan():
            return Outline(s.id, s.text("title") or "", "plan", s.span, s.span)
        case m.SourceDecl():
            return Outline(s.name, s.title or s.file, "source", s.span, s.span)
        case m.BaseUnit() | m.DerivedUnit():
            detail = f"of {s.dimension}" if isinstance(s, m.BaseUnit) else f"= … {s.of}"
            return _named(s.name, detail, "unit", s.span, index, Symbol("unit", s.name))
        case m.SetDecl():
            return _named(s.name, f"{len(s.items)} values", "set", s.span, index,
                          Symbol("set", s.name))
        case m.ScaleDecl():
            return _named(s.name, " < ".join(s.levels), "scale", s.span, index,
                          Symbol("scale", s.name))
        case m.Indicator():
            return _named(s.id, s.display or "", "indicator", s.span, index,
                          Symbol("indicator", s.id))
        case m.Record():
            fields = tuple(_named(f.name, f.label or "", "field", f.span, index,
                                  Symbol("field", f.name, s.name)) for f in s.fields)
            return _named(s.name, s.display or "", "record", s.span, index,
                          Symbol("record", s.name), fields)
        case m.Rule():
            readings = tuple(_named(r.name, r.reason, "reading", r.span, index,
                                    Symbol("reading", r.name, s.id))
                             for r in s.clauses_of(m.Read))
            return _named(s.id, s.title or "", "rule", s.span, index, Symbol("rule", s.id),
                          readings)
        case m.Test():
            return Outline(s.name, "test", "test", s.span, s.span)
    return None


def _named(name: str, detail: str, kind: OutlineKind, span: Span, index: Index, symbol: Symbol,
           children: tuple[Outline, ...] = ()) -> Outline:
    return Outline(name, detail, kind, span, _name_span(index, symbol, span), children)
