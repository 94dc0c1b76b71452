"""The rule model, declarations: the plan header, units, sets, scales, indicators, records."""

from __future__ import annotations

from dataclasses import field
from fractions import Fraction
from typing import Literal

from checker.frozen import frozen
from checker.source import NO_SPAN, Span
from checker.syntax.model.expressions import Comments, Literal_, Quantity, YearRange

# ------------------------------------------------------------------ declarations


@frozen
class About:
    """`about within 0.5 μg/m3 because "…"` (in the indicator's unit) or `about within 5%
    relative because "…"` (a share of the figure): how far a published "about" figure
    (`5.0左右`, `约35`) may be from its number."""

    amount: Quantity
    relative: bool
    reason: str


@frozen
class PlanItem:
    key: Literal["title", "period", "region", "source", "language", "about", "band"]
    value: str | YearRange  # for `about`, its canonical text after the keyword
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)
    about: About | None = None
    band: Quantity | None = None  # `band 10% because "…"`; `value` holds the reason


@frozen
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


@frozen
class BaseUnit:
    """`unit m2 of area`: the unit every quantity of `dimension` is stored in."""

    name: str
    dimension: str
    aliases: tuple[str, ...] = ()
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class DerivedUnit:
    """`unit km2 = 1000000 m2`: an exact multiple of another unit."""

    name: str
    factor: Fraction
    of: str
    aliases: tuple[str, ...] = ()
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class SetDecl:
    name: str
    items: tuple[str, ...]
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class ScaleDecl:
    """An ordinal scale, lowest first: `scale 排放标准 = 国三 < 国四 < … < 国六b`."""

    name: str
    levels: tuple[str, ...]
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class Cite:
    """Provenance: the plan's section path, optional line, and the quoted sentence;
    `source`: the `source` declaration of the text quoted, None for the plan's."""

    section: str
    quote: str
    line: int | None = None
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)
    source: str | None = None


@frozen
class SourceDecl:
    """`source beijing "北京城市总体规划" file "beijing.txt"`: another text the suite's
    cites may quote (the city's or nation's plan), relative to the declaring file."""

    name: str
    title: str | None
    file: str
    period: YearRange | None = None  # `period 2021..2025`: its targets' span, if not the plan's
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class IndicatorItem:
    """`unit`, `kind`, `direction`, `role baseline` (values the plan states that no
    rule checks, carried so that data files may hold them), `role parameter` (a value
    another authority assigns each year, 市级要求, read from plan data), or the `cite` of
    the sentence that names it, or the `alias` names reports give it (细颗粒物年均浓度), or
    `growth of LEVEL` (the level indicator whose published growth rate this is), or
    `growth of "地区生产总值"` (key `rate`: the growth rate of a level named in words, which
    the catalogue does not hold)."""

    key: Literal["unit", "scale", "kind", "direction", "role", "range", "about", "cite", "alias",
                 "growth", "rate"]
    value: str  # for `range` and `about`, the canonical text after the keyword
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)
    low: Literal_ | None = None  # the ends of a `range`
    high: Literal_ | None = None
    about: About | None = None
    cite: Cite | None = None
    aliases: tuple[str, ...] = ()
    # the value's own token (`套` of `unit 套`), so a diagnostic about it points there
    value_span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
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

    def span_of(self, key: str) -> Span:
        """Where the value of item `key` is written (the item, else the indicator)."""
        item = next((i for i in self.items if i.key == key), None)
        if item is None:
            return self.span
        return item.value_span if item.value_span.line > 0 else item.span


@frozen
class SimpleType:
    """`text`, `bool`, `year`, or a unit name (the field holds a quantity in it)."""

    name: str
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class EnumType:
    """An enum from a named set (`enum 功能区`) or inline (`enum {a, b}`)."""

    set_name: str | None = None
    items: tuple[str, ...] | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class OrdinalType:
    scale: str
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


FieldType = SimpleType | EnumType | OrdinalType


@frozen
class Field:
    name: str
    type: FieldType
    required: bool = False
    default: Literal_ | None = None
    label: str | None = None
    # `range LOW..HIGH`, `range >= LOW` or `range <= HIGH`: the values a field may hold
    low: Literal_ | None = None
    high: Literal_ | None = None
    comments: Comments = ()
    trailing: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@frozen
class Record:
    name: str
    display: str | None
    fields: tuple[Field, ...]
    comments: Comments = ()
    trailing: str | None = None
    end_comments: Comments = ()
    span: Span = field(default=NO_SPAN, compare=False, repr=False)
