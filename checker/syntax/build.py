"""Build: lark parse tree -> `model` nodes with spans and comments.

In: a `Parsed` from `checker.syntax.parse`.  Out: a `RuleFile`, or diagnostics for
what the grammar accepts but the model does not (a year that is not a whole
number, an expression nested too deeply).  Dispatches on `tree.data` with one
small function per grammar rule; does not import lark itself.
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Callable, Iterable, Iterator
from fractions import Fraction
from typing import Any, cast

from checker.diagnostics import Diagnostic, DiagnosticSink
from checker.source import NO_SPAN, Span
from checker.syntax import model as m
from checker.syntax.build_expressions import EXPRESSIONS
from checker.syntax.comments import attach
from checker.syntax.parse import Parsed, Token, Tree
from checker.syntax.unparse import about_text, range_text

MAX_DEPTH = 100
# A plan's figures have a few digits; 100 characters keep Fractions cheap and far from
# Python's 4,300-digit int conversion limit.
MAX_NUMBER_LENGTH = 100


def shown_number(text: str) -> str:
    """A number token short enough for a message."""
    return text if len(text) <= 20 else text[:20] + "…"


class BuildError(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


Node = Tree[Token] | Token


class Builder:
    """Turns one file's tree into model nodes; collects problems in a sink."""

    def __init__(self, path: str, sink: DiagnosticSink) -> None:
        self.path = path
        self.sink = sink

    # -------------------------------------------------------------- helpers
    def span(self, node: Node) -> Span:
        if isinstance(node, Token):
            if node.line is None:
                return NO_SPAN
            end_line = node.end_line or node.line
            end_column = node.end_column or (node.column or 1) + len(node)
            return Span(self.path, node.line, node.column or 1, end_line, end_column)
        meta = node.meta
        if getattr(meta, "empty", True):
            return NO_SPAN
        return Span(self.path, meta.line, meta.column, meta.end_line, meta.end_column)

    def fail(self, code: str, message: str, node: Node, help: str = "") -> BuildError:
        return BuildError(Diagnostic(code, message, self.span(node), help=help))

    def string(self, token: Node) -> str:
        raw = str(token)[1:-1]
        if "\\" not in raw:
            return raw
        out: list[str] = []
        chars = enumerate(raw)
        for index, char in chars:
            if char != "\\":
                out.append(char)
                continue
            escaped = next(chars, (index, ""))[1]
            if escaped not in ('"', "\\"):
                span = self.span(token)  # strings are one line: point at the escape itself
                start = span.column + 1 + index
                raise BuildError(Diagnostic(
                    "P109", f"unknown escape `\\{escaped}` in string",
                    Span(span.file, span.line, start, span.line, start + 1 + len(escaped)),
                    help='only `\\"` and `\\\\` are escapes; write other characters as they are'))
            out.append(escaped)
        return "".join(out)

    def name(self, token: Node) -> str:
        text = str(token)
        return text[1:-1] if text.startswith("`") else text

    def number(self, token: Node) -> Fraction:
        text = str(token)
        if len(text) > MAX_NUMBER_LENGTH:
            raise self.fail("P118", f"a number of {len(text)} characters is too long", token,
                            help=f"a figure of a plan has at most {MAX_NUMBER_LENGTH} "
                            "characters; write large values in a larger unit")
        return Fraction(text)

    def year(self, token: Node) -> int:
        text = str(token)
        if not text.isdigit() or len(text) != 4 or not 1900 <= int(text) <= 2200:
            raise self.fail("P110", f"`{shown_number(text)}` is not a year", token,
                            help="write a whole year from 1900 to 2200, such as `2025`")
        return int(text)

    def year_range(self, tree: Node) -> m.YearRange:
        start, end = (self.year(t) for t in _children(tree))
        if end < start:
            raise self.fail("P111", f"year range `{start}..{end}` runs backwards", tree,
                            help=f"write `{end}..{start}`")
        return m.YearRange(start, end, self.span(tree))

    # -------------------------------------------------------------- statements
    def statement(self, tree: Tree[Token]) -> m.Statement:
        handler = _STATEMENTS.get(str(tree.data))
        if handler is None:  # pragma: no cover - the grammar has no other statements
            raise self.fail("P199", f"unsupported statement `{tree.data}`", tree)
        return handler(self, tree)

    def plan_decl(self, tree: Tree[Token]) -> m.Plan:
        ident, *items = tree.children
        built = []
        for item in items:
            item = cast(Tree[Token], item)
            key = str(item.data).removeprefix("plan_")
            if key == "band":
                amount, reason = item.children
                built.append(m.PlanItem("band", self.string(reason), span=self.span(item),
                                        band=self.quantity(cast(Tree[Token], amount))))
                continue
            (value,) = item.children
            content: str | m.YearRange
            if key == "about":
                about = self.about_option(cast(Tree[Token], value))
                built.append(m.PlanItem("about", about_text(about), span=self.span(item),
                                        about=about))
                continue
            if key == "period":
                content = self.year_range(value)
            elif key == "region":
                content = self.name(value)
            else:
                content = self.string(value)
            built.append(m.PlanItem(cast(Any, key), content, span=self.span(item)))
        return m.Plan(str(ident), tuple(built), span=self.span(tree))

    def base_unit(self, tree: Tree[Token]) -> m.BaseUnit:
        name, dimension, *aliases = tree.children
        return m.BaseUnit(str(name), str(dimension), self.aliases(aliases), span=self.span(tree))

    def derived_unit(self, tree: Tree[Token]) -> m.DerivedUnit:
        name, factor, of, *aliases = tree.children
        numbers = [c for c in _children(factor) if cast(Token, c).type == "NUMBER"]
        value = self.number(numbers[0])
        if len(numbers) == 2:
            divisor = self.number(numbers[1])
            if divisor == 0:
                raise self.fail("P112", "unit factor divides by zero", factor,
                                help="a factor is a positive number or fraction, such as `2000/3`")
            value /= divisor
        if value <= 0:
            raise self.fail("P112", "unit factor must be positive", factor,
                            help="a derived unit is a positive multiple of another unit, "
                                 "such as `unit km2 = 1000000 m2`")
        return m.DerivedUnit(str(name), value, str(of), self.aliases(aliases),
                             span=self.span(tree))

    def aliases(self, children: list[Node]) -> tuple[str, ...]:
        if not children:
            return ()
        return tuple(self.string(t) for t in _children(children[0]))

    def set_decl(self, tree: Tree[Token]) -> m.SetDecl:
        name, items = tree.children
        return m.SetDecl(self.name(name), self.set_lit(items).items, span=self.span(tree))

    def scale_decl(self, tree: Tree[Token]) -> m.ScaleDecl:
        name, *levels = tree.children
        names = tuple(self.name(t) for t in levels if cast(Token, t).type != "LT")
        return m.ScaleDecl(self.name(name), names, span=self.span(tree))

    def source_decl(self, tree: Tree[Token]) -> m.SourceDecl:
        name, *rest = tree.children
        strings = [c for c in rest if isinstance(c, Token)]
        period = next((self.year_range(c) for c in rest if isinstance(c, Tree)), None)
        title = self.string(strings[0]) if len(strings) == 2 else None
        return m.SourceDecl(str(name), title, self.string(strings[-1]), period,
                            span=self.span(tree))

    def indicator_decl(self, tree: Tree[Token]) -> m.Indicator:
        ident, display, items = self.header(tree)
        built = []
        for item in items:
            key = str(item.data).removeprefix("indicator_")
            if key == "range":
                low, high = self.range_ends(cast(Tree[Token], item.children[0]))
                built.append(m.IndicatorItem("range", range_text(low, high), span=self.span(item),
                                             low=low, high=high))
                continue
            if key == "cite":
                cite = self.clause(cast(Tree[Token], item.children[0]))
                assert isinstance(cite, m.Cite)
                built.append(m.IndicatorItem("cite", "", span=self.span(item), cite=cite))
                continue
            if key == "alias":
                names = self.aliases(item.children)
                built.append(m.IndicatorItem("alias", ", ".join(names), span=self.span(item),
                                             aliases=names))
                continue
            if key == "growth" and isinstance(item.children[0], Token) \
                    and item.children[0].type == "STRING":  # a level outside the catalogue
                built.append(m.IndicatorItem("rate", self.string(item.children[0]),
                                             span=self.span(item)))
                continue
            if key == "about":
                about = self.about_option(cast(Tree[Token], item.children[0]))
                built.append(m.IndicatorItem("about", about_text(about), span=self.span(item),
                                             about=about))
                continue
            built.append(m.IndicatorItem(cast(Any, key), str(item.children[0]),
                                         span=self.span(item),
                                         value_span=self.span(item.children[0])))
        return m.Indicator(ident, display, tuple(built), span=self.span(tree))

    def header(self, tree: Tree[Token]) -> tuple[str, str | None, list[Tree[Token]]]:
        """`keyword ID "display"? { items }` -> id, display, item trees."""
        ident, *rest = tree.children
        display = None
        if rest and isinstance(rest[0], Token) and rest[0].type == "STRING":
            display = self.string(rest.pop(0))
        return str(ident), display, cast(list[Tree[Token]], rest)

    def record_decl(self, tree: Tree[Token]) -> m.Record:
        name, display, items = self.header(tree)
        return m.Record(name, display, tuple(self.field_decl(f) for f in items),
                        span=self.span(tree))

    def field_decl(self, tree: Tree[Token]) -> m.Field:
        name, type_tree, *options = tree.children
        field = m.Field(self.name(name), self.field_type(cast(Tree[Token], type_tree)),
                        span=self.span(tree))
        for option in cast(list[Tree[Token]], options):
            match str(option.data):
                case "required_option":
                    field = dataclasses.replace(field, required=True)
                case "default_option":
                    field = dataclasses.replace(field, default=self.literal(option.children[0]))
                case "label_option":
                    field = dataclasses.replace(field, label=self.string(option.children[0]))
                case "range_between" | "range_bound":
                    low, high = self.range_ends(option)
                    field = dataclasses.replace(field, low=low, high=high)
        return field

    def about_option(self, option: Tree[Token]) -> m.About:
        """`about within 0.5 μg/m3 [relative] because "…"` -> its amount, kind, reason."""
        amount, *rest = option.children
        reason = cast(Token, rest[-1])
        return m.About(self.quantity(cast(Tree[Token], amount)), len(rest) == 2,
                       self.string(reason))

    def range_ends(self, option: Tree[Token]) -> tuple[m.Literal_ | None, m.Literal_ | None]:
        """`range LOW..HIGH`, `range >= LOW`, `range <= HIGH` -> (low, high)."""
        if str(option.data) == "range_between":
            low, high = (self.literal(child) for child in option.children)
            return low, high
        op, bound = option.children
        if str(op) not in (">=", "<="):
            raise self.fail("P119", f"`range {op}` is not a range", op,
                            help="write `range >= 0 km2`, `range <= 100%` or "
                            "`range 0%..100%` (ends included)")
        value = self.literal(bound)
        return (value, None) if str(op) == ">=" else (None, value)

    def field_type(self, tree: Tree[Token]) -> m.FieldType:
        (child,) = tree.children
        span = self.span(tree)
        match str(tree.data):
            case "simple_type":
                return m.SimpleType(str(child), span)
            case "enum_type":
                if isinstance(child, Tree):
                    return m.EnumType(items=self.set_lit(child).items, span=span)
                return m.EnumType(set_name=self.name(child), span=span)
            case _:
                return m.OrdinalType(self.name(child), span)

    # -------------------------------------------------------------- rules
    def rule_decl(self, tree: Tree[Token]) -> m.Rule:
        ident, title, items = self.header(tree)
        clauses = tuple(self.clause(c) for c in items)
        self.one_reading_per_word(ident, clauses)
        return m.Rule(ident, title, clauses, span=self.span(tree))

    def one_reading_per_word(self, rule: str, clauses: tuple[m.Clause, ...]) -> None:
        """Two `read` of one word in one rule: the second would silently win."""
        first: dict[str, m.Read] = {}
        for clause in clauses:
            if not isinstance(clause, m.Read):
                continue
            earlier = first.setdefault(clause.name, clause)
            if earlier is not clause:
                raise BuildError(Diagnostic(
                    "P123", f"`{clause.name}` is read twice in rule `{rule}`", clause.span,
                    label="second reading",
                    help=f"line {earlier.span.line} reads it already; keep one reading, or "
                         "name the other word differently"))

    def clause(self, tree: Tree[Token]) -> m.Clause:
        kids = tree.children
        span = self.span(tree)
        match str(tree.data):
            case "cite_clause":
                named = cast(Token, kids[0]).type == "NAME"
                source = str(kids[0]) if named else None
                section, *rest = kids[1:] if named else kids
                line = self.line_number(rest[0]) if len(rest) == 2 else None
                return m.Cite(self.string(section), self.string(rest[-1]), line, span=span,
                              source=source)
            case "kind_clause":
                because = self.string(kids[1]) if len(kids) > 1 else None
                return m.KindClause(cast(Any, str(kids[0])), because, span=span)
            case "basis_clause":
                return m.BasisClause(self.string(kids[0]), span=span)
            case "for_each":
                return m.ForEach(str(kids[0]), span=span)
            case "for_all":
                return m.ForAll(str(kids[0]), span=span)
            case "for_region":
                return m.ForRegion(tuple(self.name(k) for k in kids), span=span)
            case "where_clause":
                return m.Where(self.expr(kids[0]), span=span)
            case "read_clause":
                word, value, why = kids
                return m.Read(self.name(word), self.quantity(cast(Tree[Token], value)),
                              self.string(why), span=span)
            case "require_clause":
                return self.require(tree)
            case _:
                condition, label, why = kids
                return m.Unless(self.expr(condition), self.string(label), self.string(why),
                                span=span)

    def line_number(self, token: Node) -> int:
        text = str(token)
        if not text.isdigit() or len(text) > 9 or int(text) < 1:
            raise self.fail("P110", f"`{shown_number(text)}` is not a line number", token,
                            help="line numbers of the plan's text start at 1")
        return int(text)

    def require(self, tree: Tree[Token]) -> m.Require:
        expr, *rest = tree.children
        if not rest:
            expr, rest = _trailing_year(expr)
        require = m.Require(self.expr(expr), span=self.span(tree))
        for part in cast(list[Tree[Token]], rest):
            match str(part.data):
                case "by_year":
                    time: m.TimeQual = m.ByYear(self.year(part.children[0]), self.span(part))
                    require = dataclasses.replace(require, time=time)
                case "at_year":
                    time = m.AtYear(self.year(part.children[0]), self.span(part))
                    require = dataclasses.replace(require, time=time)
                case "each_year":
                    time = m.EachYear(self.year_range(part.children[0]), self.span(part))
                    require = dataclasses.replace(require, time=time)
                case "region_qual":
                    regions = tuple(self.name(k) for k in part.children)
                    require = dataclasses.replace(require, regions=regions)
                case _:
                    require = dataclasses.replace(require, label=self.string(part.children[0]))
        return require

    # -------------------------------------------------------------- tests
    def test_decl(self, tree: Tree[Token]) -> m.Test:
        name, *items = tree.children
        built = tuple(self.test_item(cast(Tree[Token], i)) for i in items)
        return m.Test(self.string(name), built, span=self.span(tree))

    def test_item(self, tree: Tree[Token]) -> m.TestItem:
        kids = tree.children
        span = self.span(tree)
        match str(tree.data):
            case "as_of_item":
                return m.AsOf(self.year(kids[0]), span=span)
            case "given_record":
                record, *values = kids
                built = tuple(self.field_value(cast(Tree[Token], v)) for v in values)
                return m.GivenRecord(str(record), built, span=span)
            case "given_data":
                indicator, region, year, value, *kind = kids
                return m.GivenData(str(indicator), self.name(region), self.year(year),
                                   self.literal(value),
                                   cast(Any, str(kind[0])) if kind else None, span=span)
            case "given_series":
                indicator, region, years, *rest = kids
                figures = [v for v in rest if isinstance(v, Tree)]
                unit = [str(t) for t in rest if isinstance(t, Token) and t.type == "UNIT"]
                stated = [str(t) for t in rest if isinstance(t, Token) and t.type == "DATA_KIND"]
                return m.GivenSeries(str(indicator), self.name(region), self.year_range(years),
                                     tuple(self.series_value(v) for v in figures),
                                     unit[0] if unit else None,
                                     cast(Any, stated[0]) if stated else None, span=span)
            case _:
                rule_id, outcome, *rest = kids
                trajectory: str | None = None
                subject: str | None = None
                for token in cast(list[Token], rest):
                    if token.type == "TRAJECTORY":
                        trajectory = str(token)
                    else:
                        subject = self.string(token)
                return m.Expect(str(rule_id), str(outcome), trajectory, subject, span=span)

    def field_value(self, tree: Tree[Token]) -> m.FieldValue:
        name, value = tree.children
        return m.FieldValue(self.name(name), self.literal(value), self.span(tree))

    # -------------------------------------------------------------- expressions
    def literal(self, node: Node) -> m.Literal_:
        value = self.expr(node)
        assert isinstance(value, m.Quantity | m.TextLit | m.BoolLit | m.NameRef | m.Negate)
        return value

    def series_value(self, tree: Tree[Token]) -> Fraction:
        *sign, number = tree.children
        value = self.number(number)
        return -value if sign else value

    def quantity(self, tree: Tree[Token]) -> m.Quantity:
        number, *unit = tree.children
        return m.Quantity(self.number(number), str(unit[0]) if unit else None, self.span(tree))

    def set_lit(self, node: Node) -> m.SetLit:
        return m.SetLit(tuple(self.name(t) for t in _children(node)), self.span(node))

    def expr(self, node: Node, depth: int = 0) -> m.Expr:
        if depth > MAX_DEPTH:
            raise self.fail("P107", "expression is nested too deeply", node,
                            help=f"at most {MAX_DEPTH} levels; split it with `where` or a reading")
        if isinstance(node, Token):
            return m.NameRef(self.name(node), self.span(node))
        handler = EXPRESSIONS.get(str(node.data))
        if handler is None:  # pragma: no cover - every expression rule has a handler
            raise self.fail("P199", f"unsupported expression `{node.data}`", node)
        return handler(self, node, depth + 1)


def _trailing_year(expr: Node) -> tuple[Node, list[Node]]:
    """`require flag at 2023` is a time qualifier, not the flag's value in 2023: an `at
    YEAR` that ends a `require` without one is read as its time qualifier, as before
    values of fixed years existed.  `(x at 2020)` in parentheses stays a value."""
    parent: Tree[Token] | None = None
    node = expr
    while isinstance(node, Tree) and str(node.data) in _RIGHT_OPEN:
        parent, node = node, next(c for c in reversed(node.children) if isinstance(c, Tree))
    if not (isinstance(node, Tree) and node.data == "value_at"):
        return expr, []
    name, year = node.children
    bare = Tree("name_ref", [name], meta=node.meta)
    if parent is None:
        expr = bare
    else:
        parent.children[parent.children.index(node)] = bare
    return expr, [Tree("at_year", [year], meta=node.meta)]


# Expression rules whose last child is an expression (the rightmost atom sits in it).
_RIGHT_OPEN = frozenset({"compare_op", "binary_op", "and_op", "or_op", "not_op", "negate"})


def _children(node: Node) -> list[Node]:
    return list(node.children) if isinstance(node, Tree) else [node]


_STATEMENTS: dict[str, Callable[[Builder, Tree[Token]], m.Statement]] = {
    "plan_decl": Builder.plan_decl,
    "base_unit": Builder.base_unit,
    "derived_unit": Builder.derived_unit,
    "set_decl": Builder.set_decl,
    "scale_decl": Builder.scale_decl,
    "source_decl": Builder.source_decl,
    "indicator_decl": Builder.indicator_decl,
    "record_decl": Builder.record_decl,
    "rule_decl": Builder.rule_decl,
    "test_decl": Builder.test_decl,
}


def build(parsed: Parsed) -> m.RuleFile | list[Diagnostic]:
    """Build every statement; return the file, or the diagnostics of the bad ones.

    The cyclic garbage collector is paused meanwhile: the model holds no cycles,
    and collections triggered by its allocations walk the whole parse tree, which
    made building superlinear (10,000 rules: 2.5 s with it, 0.6 s without).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build(parsed)
    finally:
        if collecting:
            gc.enable()


def _build(parsed: Parsed) -> m.RuleFile | list[Diagnostic]:
    sink = DiagnosticSink()
    builder = Builder(parsed.source.path, sink)
    statements: list[m.Statement] = []
    for tree in cast(list[Tree[Token]], parsed.tree.children):
        try:
            statements.append(builder.statement(tree))
        except BuildError as error:
            sink.add(error.diagnostic)
        except RecursionError:
            sink.error("P107", "statement is nested too deeply", builder.span(tree))
    for problem in second_base_units(statements, {}):
        sink.add(problem)
    if sink.items:
        return sink.items
    return attach(parsed.source, statements, list(_comment_positions(parsed)))


def second_base_units(statements: Iterable[m.Statement],
                      first: dict[str, m.BaseUnit]) -> Iterator[Diagnostic]:
    """A dimension has one base unit (`unit m2 of area`); a second one would make two
    areas that cannot be compared or converted.  `first` holds the base units already
    seen (the prelude's, other files'), and gains this file's."""
    for statement in statements:
        if not isinstance(statement, m.BaseUnit):
            continue
        earlier = first.setdefault(statement.dimension, statement)
        if earlier is statement:
            continue
        where = (f"`{earlier.name}` in the standard units" if earlier.span.file == "<prelude>"
                 else f"`{earlier.name}` ({earlier.span.file}:{earlier.span.line})")
        yield Diagnostic(
            "P124", f"second base unit `{statement.name}` for dimension `{statement.dimension}`",
            statement.span, label=f"`{statement.dimension}` has the base unit `{earlier.name}`",
            help=f"the base unit of `{statement.dimension}` is {where}; define this one from "
                 f"it, `unit {statement.name} = FACTOR {earlier.name}`")


def _comment_positions(parsed: Parsed) -> Iterator[tuple[int, int, str]]:
    for token in parsed.comments:
        yield token.line or 0, token.column or 0, str(token)[1:].rstrip()
