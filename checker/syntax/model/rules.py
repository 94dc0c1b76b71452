"""The rule model, rules and tests, and the files and suite that hold them."""

from __future__ import annotations

from dataclasses import field
from fractions import Fraction
from typing import Literal, TypeVar

from checker.frozen import frozen
from checker.source import NO_SPAN, SourceFile, Span
from checker.syntax.model.declarations import (
    BaseUnit,
    Cite,
    DerivedUnit,
    Indicator,
    Plan,
    Record,
    ScaleDecl,
    SetDecl,
    SourceDecl,
)
from checker.syntax.model.expressions import Comments, Expr, Literal_, Quantity, YearRange

C = TypeVar("C")


# ------------------------------------------------------------------ rules


@frozen
class KindClause:
    kind: Literal["binding", "anticipatory"]
    reason: str | None = None
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class BasisClause:
    """`basis "扣除疫苗"`: the basis a series rule reads where the data gives one."""

    basis: str
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class ForEach:
    """Per-record rule: one outcome per record of the schema."""

    record: str
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class ForAll:
    """Aggregate rule: one outcome for the whole batch of records."""

    record: str
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class ForRegion:
    """Indicator rule scope: one outcome per region's series."""

    regions: tuple[str, ...]
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class Where:
    """Guard: the rule applies only where this holds (else `not_applicable`)."""

    expr: Expr
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class Read:
    """A vague word made explicit: `read 主要采用 = 80 % because "…"`."""

    name: str
    value: Quantity
    reason: str
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class ByYear:
    year: int
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class AtYear:
    year: int
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class EachYear:
    years: YearRange
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


TimeQual = ByYear | AtYear | EachYear


@frozen
class Require:
    expr: Expr
    time: TimeQual | None = None
    regions: tuple[str, ...] | None = None
    label: str | None = None
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class Unless:
    """A labelled exception: where `expr` holds, the rule passes as waived."""

    expr: Expr
    label: str
    reason: str
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


Clause = (Cite | KindClause | BasisClause | ForEach | ForAll | ForRegion | Where | Read | Require
          | Unless)


@frozen
class Rule:
    id: str
    title: str | None
    clauses: tuple[Clause, ...]
    comments: Comments = ()
    trailing: str | None = None
    end_comments: Comments = ()
    span: Span = field(default=NO_SPAN, compare=False, repr=False)

    def clauses_of(self, kind: type[C]) -> list[C]:
        return [c for c in self.clauses if isinstance(c, kind)]


# ------------------------------------------------------------------ tests


@frozen
class AsOf:
    year: int
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class FieldValue:
    name: str
    value: Literal_
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class GivenRecord:
    record: str
    values: tuple[FieldValue, ...]
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class GivenData:
    indicator: str
    region: str
    year: int
    value: Literal_
    kind: Literal["actual", "target"] | None = None
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class GivenSeries:
    """`given data pm25 大兴区 2020..2024 = [37, 35, 34, 32, 31] μg/m³`: one figure a year,
    so that a test of a relation or a trend is one line, not one per year."""

    indicator: str
    region: str
    years: YearRange
    values: tuple[Fraction, ...]
    unit: str | None = None
    kind: Literal["actual", "target"] | None = None
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)

    def points(self) -> list[GivenData]:
        """One `given data` a year (only when there are as many values as years)."""
        return [GivenData(self.indicator, self.region, year, Quantity(value, self.unit, self.span),
                          self.kind, span=self.span)
                for year, value in zip(self.years.years(), self.values, strict=True)]


@frozen
class Expect:
    rule_id: str
    outcome: str
    trajectory: str | None = None
    subject: str | None = None
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


TestItem = AsOf | GivenRecord | GivenData | GivenSeries | Expect


@frozen
class Test:
    name: str
    items: tuple[TestItem, ...]
    comments: Comments = ()
    trailing: str | None = None
    end_comments: Comments = ()
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


Statement = (Plan | BaseUnit | DerivedUnit | SetDecl | ScaleDecl | SourceDecl | Indicator | Record
             | Rule | Test)


@frozen
class RuleFile:
    """`header_comments`: the comments that open the file, kept apart from its first
    statement by a blank line (they describe the file, not that statement)."""

    path: str
    statements: tuple[Statement, ...]
    end_comments: Comments = ()
    header_comments: Comments = ()


@frozen
class Suite:
    """All files of a suite, in path order (the prelude of standard units first), with
    their texts, so that a later stage's diagnostics can show the offending line."""

    files: tuple[RuleFile, ...]
    sources: dict[str, SourceFile] = field(default_factory=dict, compare=False, repr=False)

    def statements(self) -> list[Statement]:
        return [s for f in self.files for s in f.statements]

    def of(self, kind: type[C]) -> list[C]:
        return [s for s in self.statements() if isinstance(s, kind)]
