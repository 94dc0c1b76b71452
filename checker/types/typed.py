"""The checked suite: resolved names, types and units, ready to evaluate.

In: built by `checker.types.typecheck`.  Out: `CheckedSuite` — record schemas,
indicator specs, and rules whose expressions are typed IR nodes with every
constant already in the unit of what it is compared with.  Imports only
`model`, `units` and `source`.  A suite that reaches this form never raises
during evaluation.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import field
from fractions import Fraction
from typing import Literal

from checker.diagnostics import Diagnostic
from checker.frozen import frozen
from checker.source import NO_SPAN, Span
from checker.syntax import model as m
from checker.types.units import Unit, UnitTable

# ------------------------------------------------------------------ types


@frozen
class QuantityT:
    unit: Unit

    @property
    def dimension(self) -> str:
        return self.unit.dimension


@frozen
class BoolT:
    pass


@frozen
class TextT:
    pass


@frozen
class YearT:
    pass


@frozen
class EnumT:
    """Values of a set; `ordered` for an ordinal scale (lowest first)."""

    name: str
    items: tuple[str, ...]
    ordered: bool = False


Type = QuantityT | BoolT | TextT | YearT | EnumT


def describe(t: Type) -> str:
    match t:
        case QuantityT(unit=unit):
            if unit.dimension == "one":
                return "a bare number"
            return f"a quantity of {unit.dimension} (`{unit.symbol or unit.name}`)"
        case BoolT():
            return "true/false"
        case TextT():
            return "text"
        case YearT():
            return "a year"
        case EnumT(name=name, ordered=ordered):
            return f"{'an ordinal of' if ordered else 'a value of'} `{name}`"


# ------------------------------------------------------------------ schemas


@frozen
class FieldSpec:
    name: str
    type: Type
    required: bool
    default: Fraction | bool | str | int | None
    label: str | None
    span: Span = NO_SPAN
    low: Fraction | None = None  # the `range`, in the field's unit; ends included
    high: Fraction | None = None
    whole: bool = False  # typed `count`: whole numbers only


@frozen
class RecordSchema:
    name: str
    display: str | None
    fields: dict[str, FieldSpec]
    span: Span = NO_SPAN
    # fields declared with a type that is already an error: a rule naming one says nothing
    # more (not "unknown name", not a did-you-mean of another name)
    broken: frozenset[str] = frozenset()


@frozen
class Tolerance:
    """`about within 0.5 because "…"` (in the indicator's unit) or `within 5% of value`
    (`relative`: a share of the figure): what an "about" figure in plan data may be."""

    amount: Fraction
    relative: bool
    reason: str
    span: Span = NO_SPAN

    def around(self, centre: Fraction) -> tuple[Fraction, Fraction]:
        width = abs(centre) * self.amount / 100 if self.relative else self.amount
        return centre - width, centre + width


@frozen
class IndicatorSpec:
    id: str
    display: str | None
    unit: Unit | None  # None for a boolean indicator (a milestone)
    kind: Literal["binding", "anticipatory"]
    direction: Literal["up", "down", "none"]
    span: Span = NO_SPAN
    baseline_only: bool = False  # `role baseline`: carried in data, checked by no rule
    low: Fraction | None = None  # the `range`, in the indicator's unit; ends included
    high: Fraction | None = None
    whole: bool = False  # `unit count`: whole numbers only
    about: Tolerance | None = None  # how far an "about" figure (5.0左右) may be from its number
    parameter: bool = False  # `role parameter`: assigned each year (市级要求), not monitored
    scale: EnumT | None = None  # `ordinal 水质类别`: levels of a scale, lowest first
    citations: tuple[Citation, ...] = ()
    aliases: tuple[str, ...] = ()  # other names reports give it (细颗粒物年均浓度)
    growth_of: str | None = None  # `growth of LEVEL`: the level's published growth rate
    rate_of: str | None = None  # `growth of "地区生产总值"`: a rate of a level not catalogued
    count_word: str = ""  # a count's unit as declared (`所`): `one` itself has no symbol

    def counted(self, text: str) -> str:
        """A figure of a count with the word its indicator declares (`200 所`, not `200`)."""
        if self.count_word and text and text[-1].isdigit():
            return f"{text} {self.count_word}"
        return text

    @property
    def published_rate(self) -> bool:
        """A growth rate as reports publish it (`增长3%` is 3): of a level, catalogued or not."""
        return self.growth_of is not None or self.rate_of is not None

    @property
    def names(self) -> tuple[str, ...]:
        """The words a plan-data table may name it by, besides its id."""
        return ((self.display,) if self.display else ()) + self.aliases

    @property
    def type(self) -> Type:
        if self.scale is not None:
            return self.scale
        return QuantityT(self.unit) if self.unit is not None else BoolT()


# ------------------------------------------------------------------ typed expressions


@frozen
class Const:
    """A constant; quantities are in `type.unit`, enum values are their index."""

    value: Fraction | bool | str | int
    type: Type
    span: Span = NO_SPAN
    # the unit the rule wrote, when converted (`5 万个` compared with a count): for display
    # only, so a table shows the plan's `5 万个`, not 50000 (no part of equality)
    written: Unit | None = field(default=None, compare=False)


@frozen
class FieldRef:
    name: str
    type: Type
    span: Span = NO_SPAN


@frozen
class IndicatorRef:
    """An indicator's value in each year judged, or in the fixed `year` (`x at 2020`)."""

    id: str
    type: Type
    span: Span = NO_SPAN
    year: int | None = None


@frozen
class StatedTarget:
    """`target(x)`: the target a plan states for x in each year (an annual plan's figure).

    A qualified target (`6%以上`, `5.0左右`) has a low and a high end; `side` is the end the
    comparison it stands in reads, fixed by typecheck so the comparison is the lenient one
    its words allow: `x >= target(x)` reads the low end, `x <= target(x)` the high end."""

    id: str
    side: Literal["low", "high"]
    type: Type
    span: Span = NO_SPAN


@frozen
class Scale:
    """Unit conversion inserted by typecheck: value × factor."""

    operand: Node
    factor: Fraction
    type: Type
    span: Span = NO_SPAN


@frozen
class Arith:
    op: Literal["+", "-", "*", "/"]
    left: Node
    right: Node
    type: Type
    span: Span = NO_SPAN


@frozen
class Neg:
    operand: Node
    type: Type
    span: Span = NO_SPAN


@frozen
class Func:
    """abs, min, max on values; prev, growth, total, cagr on series; sum, count,
    min_of, max_of, mean across records."""

    name: str
    args: tuple[Node, ...]
    type: Type
    years: m.YearRange | None = None
    span: Span = NO_SPAN
    # `growth(x)` where an indicator is `growth of x`: its published rate, read first
    reported: IndicatorRef | None = None


@frozen
class Compare:
    op: Literal["<", "<=", ">", ">=", "==", "!="]
    left: Node
    right: Node
    span: Span = NO_SPAN
    type: Type = field(default_factory=BoolT)


@frozen
class Member:
    value: Node
    items: frozenset[int | str]
    negated: bool
    shown: tuple[str, ...]
    span: Span = NO_SPAN
    type: Type = field(default_factory=BoolT)


@frozen
class Present:
    value: Node
    present: bool
    span: Span = NO_SPAN
    type: Type = field(default_factory=BoolT)


@frozen
class Trend:
    value: Node
    direction: Literal["rises", "falls"]
    span: Span = NO_SPAN
    type: Type = field(default_factory=BoolT)


@frozen
class Not:
    operand: Node
    span: Span = NO_SPAN
    type: Type = field(default_factory=BoolT)


@frozen
class Logic:
    op: Literal["and", "or"]
    left: Node
    right: Node
    span: Span = NO_SPAN
    type: Type = field(default_factory=BoolT)


Node = (
    Const | FieldRef | IndicatorRef | StatedTarget | Scale | Arith | Neg | Func | Compare
    | Member | Present | Trend | Not | Logic
)


def children(node: Node) -> list[Node]:
    """The sub-expressions of a typed node."""
    match node:
        case Scale(operand=x) | Neg(operand=x) | Not(operand=x):
            return [x]
        case Present(value=x) | Trend(value=x) | Member(value=x):
            return [x]
        case Arith(left=a, right=b) | Compare(left=a, right=b) | Logic(left=a, right=b):
            return [a, b]
        case Func(args=args, reported=reported):
            return [*args, reported] if reported is not None else list(args)
    return []


def leaves(node: Node) -> list[FieldRef | IndicatorRef]:
    """The fields and indicators a node reads, in order."""
    if isinstance(node, FieldRef | IndicatorRef):
        return [node]
    return [leaf for child in children(node) for leaf in leaves(child)]


def stated_targets(node: Node) -> list[StatedTarget]:
    """The `target(x)` a node compares with, in order."""
    if isinstance(node, StatedTarget):
        return [node]
    return [found for child in children(node) for found in stated_targets(child)]


# ------------------------------------------------------------------ rules


def other_sources_only(citations: Iterable[Citation | m.Cite]) -> bool:
    """Whether a rule quotes only other declared sources (`cite water14 …`), not the plan:
    it states that text's targets, whose years the plan period does not bound (T235, A510)."""
    found = [c.source for c in citations]
    return bool(found) and all(source is not None for source in found)


def quoted_period(citations: Iterable[Citation | m.Cite],
                  periods: Mapping[str, m.YearRange | None]) -> tuple[int, int] | None:
    """The span a rule's targets run over when it quotes only declared sources and they
    state one `period` (`source water14 … period 2021..2025`); None: the plan's."""
    cited = list(citations)
    if not other_sources_only(cited):
        return None
    spans = {(p.start, p.end) if (p := periods.get(c.source or "")) else None for c in cited}
    return spans.pop() if len(spans) == 1 else None


def years_bounded_by(citations: Iterable[Citation | m.Cite],
                     period: tuple[int, int] | None) -> str | None:
    """What bounds a rule's years (T235, A510), in words: the period its sources declare
    (`quoted_period`), else the plan period — None for a rule quoting only sources that
    declare none (their years are not the plan's to bound)."""
    if period is not None:
        return "the period of the sources it quotes"
    return None if other_sources_only(citations) else "the plan period"


def plan_in(plan: PlanInfo, period: tuple[int, int] | None) -> PlanInfo:
    """The plan as a rule of that `period` (`CheckedRule.period`) is judged in: the plan's
    own, or its sources' span (its base year the year before, its deadlines within)."""
    if period is None:
        return plan
    return dataclasses.replace(plan, start=period[0], end=period[1])


@frozen
class Citation:
    """`source`: the name of the declared `source` text quoted; None for the plan's."""

    section: str
    quote: str
    line: int | None
    span: Span = NO_SPAN
    source: str | None = None


@frozen
class Reading:
    name: str
    text: str
    reason: str
    span: Span = NO_SPAN


@frozen
class Constraint:
    """One `require`: its condition, time qualifier and (series rules) regions."""

    expr: Node
    text: str
    time: m.TimeQual | None
    regions: tuple[str, ...] | None
    label: str | None
    span: Span = NO_SPAN


@frozen
class Waiver:
    expr: Node
    text: str
    label: str
    reason: str
    span: Span = NO_SPAN


@frozen
class CheckedRule:
    """`subject` is `record` (per record), `batch` (all records) or `series` (indicators)."""

    id: str
    title: str | None
    subject: Literal["record", "batch", "series"]
    record: str | None
    kind: Literal["binding", "anticipatory"]
    kind_reason: str | None
    citations: tuple[Citation, ...]
    readings: tuple[Reading, ...]
    guard: Node | None
    guard_text: str | None
    constraints: tuple[Constraint, ...]
    waivers: tuple[Waiver, ...]
    regions: tuple[str, ...]
    fields: tuple[str, ...]
    indicators: tuple[str, ...]
    source: m.Rule
    span: Span = NO_SPAN
    basis: str | None = None  # `basis "扣除疫苗"`: read where the data gives it
    period: tuple[int, int] | None = None  # its sources' `period`, when it is not the plan's


# Midterm evaluations: progress within a tenth of the planned change from the straight
# line to the target is 基本符合预期 (on track), unless the plan header says `band …`.
DEFAULT_BAND = 0.1


@frozen(slots=False)
class PlanInfo:
    id: str
    title: str | None
    start: int
    end: int
    region: str
    source: str | None
    span: Span = NO_SPAN
    language: str | None = None  # the reports' language (`zh`, `en`), if the plan says
    band: float = DEFAULT_BAND  # `band 10%`: on track within this share of the planned change

    @property
    def baseline_year(self) -> int:
        return self.start - 1


@frozen(slots=False)
class CheckedSuite:
    plan: PlanInfo
    units: UnitTable
    sets: dict[str, tuple[str, ...]]
    scales: dict[str, tuple[str, ...]]
    schemas: dict[str, RecordSchema]
    indicators: dict[str, IndicatorSpec]
    rules: tuple[CheckedRule, ...]
    tests: tuple[m.Test, ...]
    suite: m.Suite
    warnings: tuple[Diagnostic, ...] = ()

    def rule(self, rule_id: str) -> CheckedRule | None:
        return next((r for r in self.rules if r.id == rule_id), None)
