"""The rule model: what a suite of `.rules` files says, as frozen data.

In: built by `checker.syntax.build` from parse trees (or by tests directly).  Out:
nodes that `typecheck`, `evaluate`, `analyze` and `unparse` read.  Imports only
`source`.  Every node carries a `Span`; spans and nothing else are left out of
equality, so `parse(unparse(model)) == model` is a meaningful test.  Numbers are
exact `Fraction`s.  Frozen dataclasses rather than pydantic models: a suite is
built once per run from already-validated parse trees, and plain dataclasses
build ~10x faster, which keeps parsing above 5,000 lines/s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal, TypeVar

from checker.source import NO_SPAN, SourceFile, Span

Comments = tuple[str, ...]
C = TypeVar("C")


# ------------------------------------------------------------------ expressions


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with an optional unit name as written (`319 km2`, `90 %`, `13`)."""

    value: Fraction
    unit: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class TextLit:
    value: str
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class BoolLit:
    value: bool
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class NameRef:
    """A field, indicator, reading, set or enum value, resolved by typecheck."""

    name: str
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class SetLit:
    items: tuple[str, ...]
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class YearRange:
    start: int
    end: int
    span: Span = field(default=NO_SPAN, compare=False, repr=False)

    def years(self) -> range:
        return range(self.start, self.end + 1)


@dataclass(frozen=True, slots=True)
class Call:
    """A built-in function: sum, count, abs, min, max, total, growth, cagr, prev."""

    func: str
    args: tuple[Expr | YearRange, ...]
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class BinaryOp:
    op: Literal["+", "-", "*", "/"]
    left: Expr
    right: Expr
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Negate:
    operand: Expr
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class CompareOp:
    op: Literal["<", "<=", ">", ">=", "==", "!="]
    left: Expr
    right: Expr
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class MemberOp:
    """`value in set` (or `not in` when `negated`); the set is a literal or a named set."""

    value: Expr
    members: SetLit | NameRef
    negated: bool = False
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class PresenceOp:
    """`value is present` / `value is missing`."""

    value: Expr
    present: bool
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class TrendOp:
    """`indicator rises` / `falls`: strictly better or worse than the year before."""

    value: Expr
    direction: Literal["rises", "falls"]
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class NotOp:
    operand: Expr
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class LogicOp:
    op: Literal["and", "or"]
    left: Expr
    right: Expr
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


Expr = (
    Quantity | TextLit | BoolLit | NameRef | SetLit | Call | BinaryOp | Negate | CompareOp
    | MemberOp | PresenceOp | TrendOp | NotOp | LogicOp
)
Literal_ = Quantity | TextLit | BoolLit | NameRef | Negate


# ------------------------------------------------------------------ declarations


@dataclass(frozen=True, slots=True)
class PlanItem:
    key: Literal["title", "period", "region", "source"]
    value: str | YearRange
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Plan:
    """The plan header: id, title, period, the district's region, source document."""

    id: str
    items: tuple[PlanItem, ...]
    comments: Comments = ()
    trailing: str | None = None
    end_comments: Comments = ()
    span: Span = field(default=NO_SPAN, compare=False, repr=False)

    def get(self, key: str) -> str | YearRange | None:
        return next((item.value for item in self.items if item.key == key), None)

    @property
    def period(self) -> YearRange | None:
        value = self.get("period")
        return value if isinstance(value, YearRange) else None

    def text(self, key: str) -> str | None:
        value = self.get(key)
        return value if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class BaseUnit:
    """`unit m2 of area`: the unit every quantity of `dimension` is stored in."""

    name: str
    dimension: str
    aliases: tuple[str, ...] = ()
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class DerivedUnit:
    """`unit km2 = 1000000 m2`: an exact multiple of another unit."""

    name: str
    factor: Fraction
    of: str
    aliases: tuple[str, ...] = ()
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class SetDecl:
    name: str
    items: tuple[str, ...]
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class ScaleDecl:
    """An ordinal scale, lowest first: `scale 排放标准 = 国三 < 国四 < … < 国六b`."""

    name: str
    levels: tuple[str, ...]
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class IndicatorItem:
    """`unit`, `kind`, `direction`, or `role baseline` (values the plan states that no
    rule checks, carried so that data files may hold them)."""

    key: Literal["unit", "kind", "direction", "role"]
    value: str
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    display: str | None
    items: tuple[IndicatorItem, ...]
    comments: Comments = ()
    trailing: str | None = None
    end_comments: Comments = ()
    span: Span = field(default=NO_SPAN, compare=False, repr=False)

    def get(self, key: str) -> str | None:
        return next((item.value for item in self.items if item.key == key), None)


@dataclass(frozen=True, slots=True)
class SimpleType:
    """`text`, `bool`, `year`, or a unit name (the field holds a quantity in it)."""

    name: str
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class EnumType:
    """An enum from a named set (`enum 功能区`) or inline (`enum {a, b}`)."""

    set_name: str | None = None
    items: tuple[str, ...] | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class OrdinalType:
    scale: str
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


FieldType = SimpleType | EnumType | OrdinalType


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    type: FieldType
    required: bool = False
    default: Literal_ | None = None
    label: str | None = None
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Record:
    name: str
    display: str | None
    fields: tuple[Field, ...]
    comments: Comments = ()
    trailing: str | None = None
    end_comments: Comments = ()
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


# ------------------------------------------------------------------ rules


@dataclass(frozen=True, slots=True)
class Cite:
    """Provenance: the plan's section path, optional line, and the quoted sentence."""

    section: str
    quote: str
    line: int | None = None
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class KindClause:
    kind: Literal["binding", "anticipatory"]
    reason: str | None = None
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class ForEach:
    """Per-record rule: one outcome per record of the schema."""

    record: str
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class ForAll:
    """Aggregate rule: one outcome for the whole batch of records."""

    record: str
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class ForRegion:
    """Indicator rule scope: one outcome per region's series."""

    regions: tuple[str, ...]
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Where:
    """Guard: the rule applies only where this holds (else `not_applicable`)."""

    expr: Expr
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Read:
    """A vague word made explicit: `read 主要采用 = 80 % because "…"`."""

    name: str
    value: Quantity
    reason: str
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class ByYear:
    year: int
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class AtYear:
    year: int
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class EachYear:
    years: YearRange
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


TimeQual = ByYear | AtYear | EachYear


@dataclass(frozen=True, slots=True)
class Require:
    expr: Expr
    time: TimeQual | None = None
    regions: tuple[str, ...] | None = None
    label: str | None = None
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Unless:
    """A labelled exception: where `expr` holds, the rule passes as waived."""

    expr: Expr
    label: str
    reason: str
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


Clause = Cite | KindClause | ForEach | ForAll | ForRegion | Where | Read | Require | Unless


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class AsOf:
    year: int
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class FieldValue:
    name: str
    value: Literal_
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class GivenRecord:
    record: str
    values: tuple[FieldValue, ...]
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class GivenData:
    indicator: str
    region: str
    year: int
    value: Literal_
    kind: Literal["actual", "target"] | None = None
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Expect:
    rule_id: str
    outcome: str
    trajectory: str | None = None
    subject: str | None = None
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


TestItem = AsOf | GivenRecord | GivenData | Expect


@dataclass(frozen=True, slots=True)
class Test:
    name: str
    items: tuple[TestItem, ...]
    comments: Comments = ()
    trailing: str | None = None
    end_comments: Comments = ()
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


Statement = Plan | BaseUnit | DerivedUnit | SetDecl | ScaleDecl | Indicator | Record | Rule | Test


@dataclass(frozen=True, slots=True)
class RuleFile:
    path: str
    statements: tuple[Statement, ...]
    end_comments: Comments = ()


@dataclass(frozen=True, slots=True)
class Suite:
    """All files of a suite, in path order (the prelude of standard units first), with
    their texts, so that a later stage's diagnostics can show the offending line."""

    files: tuple[RuleFile, ...]
    sources: dict[str, SourceFile] = field(default_factory=dict, compare=False, repr=False)

    def statements(self) -> list[Statement]:
        return [s for f in self.files for s in f.statements]

    def of(self, kind: type[C]) -> list[C]:
        return [s for s in self.statements() if isinstance(s, kind)]
