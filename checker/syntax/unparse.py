"""Unparse: model -> canonical `.rules` text.

In: model nodes.  Out: text in the one canonical layout that `fmt` writes,
with comments where they were attached; `parse(unparse(x)) == x`.  Also used
to quote a rule's constraint in explanations.  Imports only `model`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from checker.syntax import model as m

INDENT = "  "
_NAME = re.compile(r"[^\W\d]\w*")
RESERVED = frozenset({
    "plan", "title", "period", "region", "source", "language", "unit", "of", "alias", "set",
    "scale",
    "indicator", "kind", "direction", "record", "enum", "ordinal", "required", "default",
    "label", "range", "rule", "cite", "line", "because", "for", "each", "all", "where", "read",
    "require", "unless", "by", "at", "year", "in", "test", "given", "data", "expect", "or",
    "and", "not", "is", "present", "missing", "binding", "anticipatory", "up", "down", "none",
    "rises", "falls", "true", "false", "pass", "fail", "unknown", "not_applicable", "pending",
    "error", "achieved", "ahead", "on_track", "lagging", "no_baseline", "actual", "target", "as",
    "role", "baseline",
    "about", "within", "relative", "basis", "parameter", "band",
})
_SYMBOL_UNITS = frozenset({"%", "‰", "㎡", "㎢"})

# Binding strength: a child printed where a weaker expression stands gets parentheses.
_OR, _AND, _NOT, _COMPARE, _SUM, _PRODUCT, _UNARY, _ATOM = range(1, 9)


def number(value: Fraction) -> str:
    """Exact decimal text of a Fraction (`319`, `46.89`); `a/b` when it has none.

    Computed with integers: `Decimal` division rounds to 28 significant digits,
    which printed `1234567890123456789012345678.91` as `…679`.
    """
    if value.denominator == 1:
        return str(value.numerator)
    denominator = value.denominator
    twos = fives = 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    if denominator != 1:
        return f"{value.numerator}/{value.denominator}"
    places = max(twos, fives)  # the fewest digits that hold it exactly: no trailing zero
    digits = str(abs(value.numerator) * 10**places // value.denominator).rjust(places + 1, "0")
    sign = "-" if value < 0 else ""
    return f"{sign}{digits[:-places]}.{digits[-places:]}"


def name(text: str) -> str:
    return text if _NAME.fullmatch(text) and text not in RESERVED else f"`{text}`"


def string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def quantity(q: m.Quantity) -> str:
    if q.unit is None:
        return number(q.value)
    gap = "" if q.unit in _SYMBOL_UNITS else " "
    return f"{number(q.value)}{gap}{q.unit}"


def _ends_in_name(e: m.Expr) -> bool:
    """Whether the expression's text ends with a bare name (an `at` after it would read as
    the name's value in a year)."""
    match e:
        case m.NameRef(year=None):
            return True
        case m.BinaryOp(right=right) | m.CompareOp(right=right) | m.LogicOp(right=right):
            return _ends_in_name(right)
        case m.Negate(operand=inner) | m.NotOp(operand=inner):
            return _ends_in_name(inner)
        case m.MemberOp(members=m.NameRef()):
            return True
        case _:
            return False


def year_range(r: m.YearRange) -> str:
    return f"{r.start}..{r.end}"


def set_lit(items: tuple[str, ...]) -> str:
    return "{" + ", ".join(name(i) for i in items) + "}"


def _strength(e: m.Expr) -> int:
    match e:
        case m.LogicOp(op="or"):
            return _OR
        case m.LogicOp():
            return _AND
        case m.NotOp():
            return _NOT
        case m.CompareOp() | m.MemberOp() | m.PresenceOp() | m.TrendOp():
            return _COMPARE
        case m.BinaryOp(op="+" | "-"):
            return _SUM
        case m.BinaryOp():
            return _PRODUCT
        case m.Negate():
            return _UNARY
        case m.NameRef(year=int()):  # `(x at 2020)`: never read as a time qualifier `at`
            return _OR - 1
        case _:
            return _ATOM


def expr(e: m.Expr, at_least: int = _OR) -> str:
    """Print `e` where an expression binding at least `at_least` is expected."""
    text = _expr(e)
    return f"({text})" if _strength(e) < at_least else text


def _expr(e: m.Expr) -> str:
    match e:
        case m.LogicOp(op=op, left=left, right=right):
            if op == "or":  # a chain is one level (build groups it): no parentheses inside
                return f"{_or_side(left, _OR)} or {_or_side(right, _OR)}"
            return f"{expr(left, _AND)} and {expr(right, _AND)}"
        case m.NotOp(operand=operand):
            return f"not {expr(operand, _NOT)}"
        case m.CompareOp(op=op, left=left, right=right):
            return f"{expr(left, _SUM)} {op} {expr(right, _SUM)}"
        case m.MemberOp(value=value, members=members, negated=negated):
            target = set_lit(members.items) if isinstance(members, m.SetLit) else name(
                members.name)
            return f"{expr(value, _SUM)} {'not in' if negated else 'in'} {target}"
        case m.PresenceOp(value=value, present=present):
            return f"{expr(value, _SUM)} is {'present' if present else 'missing'}"
        case m.TrendOp(value=value, direction=direction):
            return f"{expr(value, _SUM)} {direction}"
        case m.BinaryOp(op=op, left=left, right=right):
            level = _SUM if op in "+-" else _PRODUCT
            return f"{expr(left, level)} {op} {expr(right, level + 1)}"
        case m.Negate(operand=operand):
            return f"-{expr(operand, _UNARY)}"
        case m.Call(func=func, args=args):
            parts = [year_range(a) if isinstance(a, m.YearRange) else expr(a) for a in args]
            return f"{func}({', '.join(parts)})"
        case m.Quantity():
            return quantity(e)
        case m.TextLit(value=value):
            return string(value)
        case m.BoolLit(value=value):
            return "true" if value else "false"
        case m.NameRef(name=text, year=int() as year):
            return f"{name(text)} at {year}"
        case m.NameRef(name=text):
            return name(text)
        case m.SetLit(items=items):
            return set_lit(items)
    raise TypeError(f"not an expression: {e!r}")  # pragma: no cover


def _or_side(e: m.Expr, at_least: int) -> str:
    """An operand of `or`: an `and` there keeps its parentheses, which reads better."""
    if isinstance(e, m.LogicOp) and e.op == "and":
        return f"({_expr(e)})"
    return expr(e, at_least)


def _comment_lines(node: object, indent: str) -> list[str]:
    return [f"{indent}#{c}" for c in getattr(node, "comments", ())]


def _trail(node: object) -> str:
    trailing = getattr(node, "trailing", None)
    if trailing is None:
        return ""
    return f"  # {trailing}" if trailing else "  #"  # an empty `#` is kept, not dropped


def _block(head: str, node: object, items: Sequence[tuple[object, str]]) -> list[str]:
    lines = [*_comment_lines(node, ""), f"{head} {{{_trail(node)}"]
    for item, text in items:
        lines += _comment_lines(item, INDENT)
        lines.append(f"{INDENT}{text}{_trail(item)}")
    lines += [f"{INDENT}#{c}" for c in getattr(node, "end_comments", ())]
    lines.append("}")
    return lines


def _line(node: object, text: str) -> list[str]:
    return [*_comment_lines(node, ""), f"{text}{_trail(node)}"]


def _aliases(aliases: tuple[str, ...]) -> str:
    return " alias " + ", ".join(string(a) for a in aliases) if aliases else ""


def _titled(keyword: str, ident: str, display: str | None) -> str:
    return f"{keyword} {ident}" + (f" {string(display)}" if display is not None else "")


def plan_item(item: m.PlanItem) -> str:
    value = item.value
    if item.about is not None:
        return f"about {about_text(item.about)}"
    if item.band is not None:
        return f"band {quantity(item.band)} because {string(str(value))}"
    if isinstance(value, m.YearRange):
        return f"{item.key} {year_range(value)}"
    return f"{item.key} {name(value) if item.key == 'region' else string(value)}"


def field(f: m.Field) -> str:
    match f.type:
        case m.SimpleType(name=type_name):
            type_text = type_name
        case m.EnumType(set_name=set_name, items=items):
            type_text = "enum " + (name(set_name) if set_name is not None else set_lit(items or ()))
        case m.OrdinalType(scale=scale):
            type_text = f"ordinal {name(scale)}"
    text = f"{name(f.name)}: {type_text}"
    if f.required:
        text += " required"
    if f.default is not None:
        text += f" default {expr(f.default)}"
    if f.low is not None or f.high is not None:
        text += f" range {range_text(f.low, f.high)}"
    if f.label is not None:
        text += f" label {string(f.label)}"
    return text


def about_text(about: m.About) -> str:
    """A tolerance as written after `about`: `within 0.5 μg/m3 because "…"`."""
    relative = " relative" if about.relative else ""
    return f"within {quantity(about.amount)}{relative} because {string(about.reason)}"


def range_text(low: m.Literal_ | None, high: m.Literal_ | None) -> str:
    """The ends of a `range` as written after the keyword: `0%..100%`, `>= 0 km2`."""
    if low is not None and high is not None:
        return f"{expr(low)}..{expr(high)}"
    if low is not None:
        return f">= {expr(low)}"
    assert high is not None
    return f"<= {expr(high)}"


def time(t: m.TimeQual) -> str:
    match t:
        case m.ByYear(year=year):
            return f"by {year}"
        case m.AtYear(year=year):
            return f"at {year}"
        case m.EachYear(years=years):
            return f"each year in {year_range(years)}"


def clause(c: m.Clause) -> str:
    match c:
        case m.Cite(section=section, quote=quote, line=line, source=source):
            at = f" line {line}" if line is not None else ""
            of = f"{source} " if source is not None else ""
            return f"cite {of}{string(section)}{at}: {string(quote)}"
        case m.KindClause(kind=kind, reason=reason):
            return f"kind {kind}" + (f" because {string(reason)}" if reason is not None else "")
        case m.ForEach(record=record):
            return f"for each {record}"
        case m.ForAll(record=record):
            return f"for all {record}"
        case m.ForRegion(regions=regions):
            return "for region " + ", ".join(name(r) for r in regions)
        case m.BasisClause(basis=basis):
            return f"basis {string(basis)}"
        case m.Where(expr=condition):
            return f"where {expr(condition)}"
        case m.Read(name=word, value=value, reason=reason):
            return f"read {name(word)} = {quantity(value)} because {string(reason)}"
        case m.Require():
            return require(c)
        case m.Unless(expr=condition, label=label, reason=reason):
            return f"unless {expr(condition)} label {string(label)} because {string(reason)}"


def require(r: m.Require) -> str:
    shown = expr(r.expr)
    if isinstance(r.time, m.AtYear) and (r.regions is not None or r.label is not None) \
            and _ends_in_name(r.expr):
        # `at 2025` ends a require as its time, but followed by `in region` or `label` it
        # would read as the value `x at 2025`
        shown = f"({shown})"
    text = f"require {shown}"
    if r.time is not None:
        text += f" {time(r.time)}"
    if r.regions is not None:
        text += " in region " + ", ".join(name(x) for x in r.regions)
    if r.label is not None:
        text += f" label {string(r.label)}"
    return text


def test_item(item: m.TestItem) -> str:
    match item:
        case m.AsOf(year=year):
            return f"as of {year}"
        case m.GivenRecord(record=record, values=values):
            inner = ", ".join(f"{name(v.name)}: {expr(v.value)}" for v in values)
            return f"given {record} {{{' ' + inner + ' ' if inner else ''}}}"
        case m.GivenData(indicator=indicator, region=region, year=year, value=value, kind=kind):
            text = f"given data {indicator} {name(region)} {year} = {expr(value)}"
            return text + (f" {kind}" if kind else "")
        case m.GivenSeries(indicator=indicator, region=region, years=years, values=values,
                           unit=unit, kind=kind):
            text = (f"given data {indicator} {name(region)} {year_range(years)} = ["
                    + ", ".join(number(v) for v in values) + "]" + (f" {unit}" if unit else ""))
            return text + (f" {kind}" if kind else "")
        case m.Expect(rule_id=rule_id, outcome=outcome, trajectory=trajectory, subject=subject):
            text = f"expect {rule_id} {outcome}"
            text += f" {trajectory}" if trajectory else ""
            return text + (f" for {string(subject)}" if subject is not None else "")


def indicator_item(item: m.IndicatorItem) -> str:
    if item.cite is not None:
        return clause(item.cite)
    if item.key == "scale":
        return f"ordinal {name(item.value)}"
    if item.key == "alias":
        return _aliases(item.aliases).strip()
    if item.key == "growth":
        return f"growth of {name(item.value)}"
    if item.key == "rate":
        return f"growth of {string(item.value)}"
    return f"{item.key} {item.value}"


def statement(s: m.Statement) -> list[str]:
    match s:
        case m.Plan():
            return _block(f"plan {s.id}", s, [(i, plan_item(i)) for i in s.items])
        case m.BaseUnit():
            return _line(s, f"unit {s.name} of {s.dimension}{_aliases(s.aliases)}")
        case m.DerivedUnit():
            return _line(s, f"unit {s.name} = {number(s.factor)} {s.of}{_aliases(s.aliases)}")
        case m.SetDecl():
            return _line(s, f"set {name(s.name)} = {set_lit(s.items)}")
        case m.ScaleDecl():
            return _line(s, f"scale {name(s.name)} = " + " < ".join(name(x) for x in s.levels))
        case m.SourceDecl():
            title = f" {string(s.title)}" if s.title is not None else ""
            period = f" period {s.period.start}..{s.period.end}" if s.period else ""
            return _line(s, f"source {s.name}{title} file {string(s.file)}{period}")
        case m.Indicator():
            items = [(i, indicator_item(i)) for i in s.items]
            return _block(_titled("indicator", s.id, s.display), s, items)
        case m.Record():
            return _block(_titled("record", s.name, s.display), s,
                          [(f, field(f)) for f in s.fields])
        case m.Rule():
            clauses = [(c, clause(c)) for c in s.clauses]
            return _block(_titled("rule", s.id, s.title), s, clauses)
        case m.Test():
            return _block(f"test {string(s.name)}", s, [(i, test_item(i)) for i in s.items])


def unparse(rule_file: m.RuleFile) -> str:
    """The canonical text of a file: statements separated by one blank line."""
    out: list[str] = [f"#{c}" for c in rule_file.header_comments]
    if out and rule_file.statements:
        out.append("")  # the header stays apart from the first statement
    previous: m.Statement | None = None
    for s in rule_file.statements:
        joined = previous is not None and _run(s) is not None and _run(s) == _run(previous)
        if previous is not None and not (joined and not s.comments):
            out.append("")
        out += statement(s)
        previous = s
    if rule_file.end_comments:
        if out:
            out.append("")
        out += [f"#{c}" for c in rule_file.end_comments]
    return "\n".join(out) + "\n" if out else ""


def _run(s: m.Statement) -> str | None:
    """One-line statements of one kind stand together without blank lines between them."""
    match s:
        case m.BaseUnit() | m.DerivedUnit():
            return "unit"
        case m.SetDecl():
            return "set"
        case m.ScaleDecl():
            return "scale"
        case m.SourceDecl():
            return "source"
        case _:
            return None
