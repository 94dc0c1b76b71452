"""Hover: what the name under the cursor means, in Markdown.

In: an `Analysis` and the `Occurrence` under the cursor.  Out: Markdown text, or
None.  A rule: its title, kind and reason, subject, and each citation with the
plan's sentence (quote in bold), its line and the headings above it
(`explain.explain_citation`).  An indicator: display name, unit, kind,
direction, and the rules that read it.  A unit: dimension, exact factor to the
dimension's base unit, spellings.  A field: type, unit, enum values, options.  A
reading (a vague word made explicit): its value, reason and the quotes it reads.
Sets, scales, items and records: their members.  Every user string is escaped
for Markdown.  Imports model, typed, units, unparse, explain, lint; never pygls.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from checker.diagnostics import printable
from checker.syntax import model as m
from checker.syntax.unparse import expr, number, quantity
from checker.textsafe import quoted
from checker.tools.explain import KIND_WORDS, cited_where, explain_citation
from checker.tools.lint import VAGUE_WORDS
from checker.tools.lsp.index import Occurrence, Symbol
from checker.tools.lsp.workspace import Analysis
from checker.types import typed as t
from checker.types.units import Unit

MAX_ITEMS = 30
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def md(text: str) -> str:
    """User text safe in Markdown: control characters shown, markup escaped."""
    return _MARKDOWN.sub(r"\\\1", printable(text))


def code(text: str) -> str:
    shown = printable(text).replace("`", "'")
    return f"`{shown}`"


def hover(analysis: Analysis, occurrence: Occurrence) -> str | None:
    symbol = occurrence.symbol
    writer = _WRITERS.get(symbol.kind)
    if writer is None:
        return None
    declared = analysis.index.declarations(symbol)
    node = declared[0].node if declared else None
    return writer(analysis, symbol, node)


# ------------------------------------------------------------------ rules


def _rule(analysis: Analysis, symbol: Symbol, node: object) -> str:
    if not isinstance(node, m.Rule):
        return f"unknown rule {code(symbol.name)}"
    kinds = node.clauses_of(m.KindClause)
    kind = kinds[0].kind if kinds else "anticipatory"
    lines = [f"**rule {code(node.id)}**" + (f" — {md(node.title)}" if node.title else ""), ""]
    reason = f" — because {md(kinds[0].reason)}" if kinds and kinds[0].reason else ""
    lines += [md(KIND_WORDS[kind]) + reason, "", _subject(analysis, node)]
    for cite in node.clauses_of(m.Cite):
        lines += ["", "---", "", *_citation(analysis, cite)]
    if not node.clauses_of(m.Cite):
        lines += ["", "no citation: this rule does not say which sentence of the plan it enforces"]
    return "\n".join(lines)


def _subject(analysis: Analysis, rule: m.Rule) -> str:
    for c in rule.clauses:
        if isinstance(c, m.ForEach):
            return f"about each {code(c.record)} record"
        if isinstance(c, m.ForAll):
            return f"about all {code(c.record)} records together"
        if isinstance(c, m.ForRegion):
            return "about the indicator series of " + ", ".join(md(r) for r in c.regions)
    plans = analysis.suite.of(m.Plan)
    region = plans[0].text("region") if plans else None
    return "about the indicator series of " + (md(region) if region else "the plan's region")


def _citation(analysis: Analysis, cite: m.Cite) -> list[str]:
    citation = t.Citation(cite.section, cite.quote, cite.line, cite.span, cite.source)
    # the same words as `explain`: another source's by its name, no `****, line 1`
    lines = [f"cites **{md(cited_where(citation))}**: {quoted(md(cite.quote))}", ""]
    explained = explain_citation(citation, analysis.texts.get(cite.source))
    excerpt = explained.excerpt
    if excerpt is not None:
        text = excerpt.text
        if excerpt.start is not None and excerpt.end is not None:
            shown = (md(text[:excerpt.start]) + "**" + md(text[excerpt.start:excerpt.end])
                     + "**" + md(text[excerpt.end:]))
        else:
            shown = md(text)
        lines.append(f"> {shown}")
        lines.append("")
        headings = " › ".join(md(heading) for _, heading in excerpt.headings)
        lines.append(f"plan text, line {excerpt.line}" + (f" — {headings}" if headings else ""))
    if explained.note:
        lines += ["", f"note: {md(explained.note)}"]
    return lines


# ------------------------------------------------------------------ indicators and units


def _indicator(analysis: Analysis, symbol: Symbol, node: object) -> str:
    if not isinstance(node, m.Indicator):
        return f"unknown indicator {code(symbol.name)}"
    title = f"**indicator {code(node.id)}**" + (f" — {md(node.display)}" if node.display
                                                else "")
    unit_name = node.get("unit")
    unit = analysis.units.resolve(unit_name) if unit_name else None
    if unit_name == "bool":
        shown_unit = "true/false (a milestone)"
    elif unit is not None:
        # a count's unit has no symbol (`张` is a spelling of `one`): show the one written
        shown_unit = f"{code(unit.symbol or unit_name or unit.name)} ({_dimension(unit.dimension)})"
    else:
        shown_unit = code(unit_name or "?")
    direction = {"up": "up (higher is better)", "down": "down (lower is better)",
                 "none": "none"}[node.get("direction") or "none"]
    lines = [title, "", f"- unit: {shown_unit}"]
    if node.get("role") != "parameter":  # a parameter is a bound to meet, not judged itself
        lines += [f"- kind: {md(KIND_WORDS[node.get('kind') or 'anticipatory'])}",
                  f"- direction: {direction}"]
    if node.get("role") == "baseline":
        lines.append("- role: baseline — a value the plan states that no rule checks")
    if node.get("role") == "parameter":
        lines.append("- role: parameter — a value another authority assigns each year, read "
                     "from plan data")
    aliases = [a for item in node.items for a in item.aliases]
    if aliases:
        lines.append("- also named: " + ", ".join(md(a) for a in aliases))
    readers = _rules_reading(analysis, symbol)
    lines += ["", "read by " + (", ".join(code(r) for r in readers) if readers else "no rule")]
    return "\n".join(lines)


def _rules_reading(analysis: Analysis, symbol: Symbol) -> list[str]:
    rules = {o.symbol.name for o in analysis.index.declared("rule")}
    return sorted({o.within for o in analysis.index.references(symbol, declarations=False)
                   if o.within in rules and o.within is not None})


def _unit(analysis: Analysis, symbol: Symbol, node: object) -> str:
    # a compound (`tce/万元`) has no declaration: unit algebra reads it from its parts
    unit = analysis.units.units.get(symbol.name) or analysis.units.resolve(symbol.name)
    if unit is None:
        return f"unknown unit {code(symbol.name)}"
    compound = symbol.name not in analysis.units.units and analysis.units.declared(
        symbol.name) is None
    what = "compound unit" if compound else "unit"
    factor = _factor(analysis, unit) if not compound else (
        "made of its parts' base units" if unit.factor == 1 else
        f"1 {code(unit.symbol or unit.name)} = {number(unit.factor)} in its parts' base "
        "units (exact)")
    lines = [f"**{what} {code(unit.name)}** — {_dimension(unit.dimension)}", "",
             *_derivation(analysis, unit, node), factor]
    spelt = [a for a in node.aliases if a] if isinstance(node, m.BaseUnit | m.DerivedUnit) \
        else []  # the empty alias (a bare number) is no spelling one can write
    if spelt:
        lines += ["", "spellings: " + ", ".join(code(a) for a in spelt)]
    return "\n".join(lines)


def _derivation(analysis: Analysis, unit: Unit, node: object) -> list[str]:
    """`unit 万人次 = 10000 人次`: the unit it was declared from, when that is not the
    dimension's base (whose factor the next line gives)."""
    if not isinstance(node, m.DerivedUnit):
        return []
    of = analysis.units.resolve(node.of)
    base = _base(analysis, unit)
    if of is None or (base is not None and of.name == base.name):
        return []
    return [f"declared as 1 {code(unit.symbol)} = {number(node.factor)} "
            f"{code(of.symbol or of.name)}", ""]


def _dimension(dimension: str) -> str:
    """A dimension in words: the prelude's `one` is counts and bare numbers."""
    return "a count or bare number" if dimension == "one" else md(dimension)


def _base(analysis: Analysis, unit: Unit) -> Unit | None:
    return next((u for u in analysis.units.units.values()
                 if u.dimension == unit.dimension and u.factor == 1), None)


def _factor(analysis: Analysis, unit: Unit) -> str:
    base = _base(analysis, unit)
    if base is None or base.name == unit.name:
        return f"the base unit of {_dimension(unit.dimension)}"
    of = f" {code(base.symbol)}" if base.symbol else ""  # a count: `1 万辆 = 10000`
    exact = f"1 {code(unit.symbol)} = {number(unit.factor)}{of} (exact)"
    if "/" in number(unit.factor):
        exact += f", ≈ {float(unit.factor):.6g}"
    return exact


# ------------------------------------------------------------------ records and fields


def _field(analysis: Analysis, symbol: Symbol, node: object) -> str:
    if not isinstance(node, m.Field):
        return f"unknown field {code(symbol.name)} of record {code(symbol.owner)}"
    lines = [f"**field {code(node.name)}** of record {code(symbol.owner)}"
             + (f" — {md(node.label)}" if node.label else ""), "", _type(analysis, node.type)]
    options = [word for word, present in (("required", node.required),) if present]
    if node.default is not None:
        options.append(f"default {code(expr(node.default))}")
    if node.low is not None or node.high is not None:  # what D327 holds data to
        low, high = (expr(x) if x is not None else None for x in (node.low, node.high))
        options.append("range " + code(f"{low}..{high}" if low is not None and high is not None
                                       else f">= {low}" if low is not None else f"<= {high}"))
    if options:
        lines += ["", ", ".join(options)]
    return "\n".join(lines)


def _type(analysis: Analysis, ftype: m.FieldType) -> str:
    match ftype:
        case m.SimpleType(name="text" | "bool" | "year" as name):
            return {"text": "type: text", "bool": "type: true/false",
                    "year": "type: a year"}[name]
        case m.SimpleType(name=name):
            unit = analysis.units.resolve(name)
            if unit is None:
                return f"type: unknown unit {code(name)}"
            # a bare unit has no symbol (`one`, or `所` spelt for it): show the one written
            return f"type: a quantity in {code(unit.symbol or name)} ({_dimension(unit.dimension)})"
        case m.EnumType(set_name=str() as set_name):
            return f"type: one of set {code(set_name)}: {_members(analysis, set_name)}"
        case m.EnumType(items=items):
            return "type: one of " + _listing(items or ())
        case m.OrdinalType(scale=scale):
            return f"type: a level of scale {code(scale)}: {_members(analysis, scale, ' < ')}"
    return ""


def _members(analysis: Analysis, name: str, joiner: str = ", ") -> str:
    for s in analysis.suite.of(m.SetDecl):
        if s.name == name:
            return _listing(s.items, joiner)
    for scale in analysis.suite.of(m.ScaleDecl):
        if scale.name == name:
            return _listing(scale.levels, joiner)
    return "(not declared)"


def _listing(items: tuple[str, ...], joiner: str = ", ") -> str:
    shown = joiner.join(md(i) for i in items[:MAX_ITEMS])
    return shown + (f"{joiner}… ({len(items)} in all)" if len(items) > MAX_ITEMS else "")


def _record(analysis: Analysis, symbol: Symbol, node: object) -> str:
    if not isinstance(node, m.Record):
        return f"unknown record {code(symbol.name)}"
    head = f"**record {code(node.name)}**" + (f" — {md(node.display)}" if node.display else "")
    required = [f.name for f in node.fields if f.required]
    return "\n".join([head, "", f"{len(node.fields)} fields; required: "
                      + (", ".join(code(f) for f in required) if required else "none")])


def _collection(analysis: Analysis, symbol: Symbol, node: object) -> str:
    joiner = " < " if symbol.kind == "scale" else ", "
    return f"**{symbol.kind} {code(symbol.name)}**\n\n{_members(analysis, symbol.name, joiner)}"


def _item(analysis: Analysis, symbol: Symbol, node: object) -> str:
    kind = "scale" if any(s.name == symbol.owner for s in analysis.suite.of(m.ScaleDecl)) \
        else "set"
    return f"{code(symbol.name)}: a value of {kind} {code(symbol.owner)}"


# ------------------------------------------------------------------ readings


def _reading(analysis: Analysis, symbol: Symbol, node: object) -> str:
    if not isinstance(node, m.Read):
        return f"unknown reading {code(symbol.name)}"
    lines = [f"**read {code(node.name)} = {code(quantity(node.value))}** in rule "
             f"{code(symbol.owner)}", "", f"because {md(node.reason)}"]
    words = [w for w in VAGUE_WORDS if w in node.name]
    rules = analysis.index.declarations(Symbol("rule", symbol.owner))
    rule = rules[0].node if rules else None
    if isinstance(rule, m.Rule):
        cites = [c for c in rule.clauses_of(m.Cite)
                 if node.name in c.quote or any(w in c.quote for w in words)]
        lines += ["", *(f"reads {'the plan' if c.source is None else code(c.source)}'s "
                        f"{quoted(md(c.quote))}" for c in cites)]
    if words:
        lines += ["", "the vague word " + ", ".join(code(w) for w in words)
                  + " made explicit: findings and `plancheck explain` show this number"]
    return "\n".join(lines)


def _source(analysis: Analysis, symbol: Symbol, node: object) -> str:
    """A declared `source`: its title and file, whether the text was read, who quotes it."""
    if not isinstance(node, m.SourceDecl):
        return f"unknown source {code(symbol.name)} (declare it: `source {symbol.name} " \
               "\"title\" file \"its.txt\"`)"
    title = f"**source {code(node.name)}**" + (f" — {md(node.title)}" if node.title else "")
    text = analysis.texts.get(node.name)
    count = len(text.source.text.splitlines()) if text is not None else 0
    read = f"{count} line{'' if count == 1 else 's'}" if text is not None else "not found"
    quoting = sorted({o.within for o in analysis.index.references(symbol, declarations=False)
                      if o.within is not None})
    period = ([f"- period: {node.period.start}..{node.period.end} (its targets' span; the "
               "rules quoting only it are judged in it)"] if node.period else [])
    return "\n".join([title, "", f"- file: {code(node.file)} ({read})", *period, "",
                      "quoted by " + (", ".join(code(r) for r in quoting) or "no rule")])


_WRITERS: dict[str, Callable[[Analysis, Symbol, object], str]] = {
    "rule": _rule, "indicator": _indicator, "unit": _unit, "field": _field,
    "record": _record, "set": _collection, "scale": _collection, "item": _item,
    "reading": _reading, "source": _source,
}

__all__ = ["code", "hover", "md"]
