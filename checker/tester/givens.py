"""Test givens: the `given` items of a `test` block -> the values the test evaluates.

In: a checked suite and one `model.Test`.  Out: `Givens` — for each record
schema the given records as rows of loaded values (a quantity as an exact
`Fraction` in the field's unit, a bool, a year, text, an enum item; schema
defaults filled in; an id and an origin per row), the plan-data rows (each
value an exact `Fraction` in the indicator's unit, a milestone 1 or 0), and the
`as of` year — or the T24x diagnostics of every value that does not fit:

- T242 unknown field of the record (with did-you-mean);
- T243 a value of the wrong type or unit dimension (`12 ha` for a `%` field,
  `12` without a unit for a `km2` field, text for a bool);
- T244 an enum or ordinal value that is not one of the set's items;
- T245 an unknown unit;
- T246 something given twice (a field, a record id, a data point, `as of`);
- T227 / T241 an unknown record or indicator (as typecheck reports them).

Imports `model`, `typed`, `units`, `unparse`, `diagnostics`, `source`; no
data-frame library (`checker.tester.runner` has the loader turn rows into frames).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from checker.diagnostics import Diagnostic, did_you_mean
from checker.source import Span
from checker.syntax import model as m
from checker.syntax.unparse import expr as literal_text
from checker.syntax.unparse import name as name_text
from checker.types import typed as t
from checker.types.units import BARE, Unit, UnitTable

Value = Fraction | bool | int | str


@dataclass(frozen=True)
class GivenRow:
    """One given record: loaded values by field (None = missing), its id and origin."""

    values: dict[str, Value | None]
    id: str
    origin: Span


@dataclass(frozen=True)
class GivenPoint:
    """One `given data` row; `value` in the indicator's unit (a milestone: 1 or 0)."""

    indicator: str
    region: str
    year: int
    value: Fraction
    kind: str
    origin: Span


@dataclass(frozen=True)
class Givens:
    as_of: int | None
    records: dict[str, list[GivenRow]] = field(default_factory=dict)
    data: list[GivenPoint] = field(default_factory=list)

    def latest_actual_year(self) -> int | None:
        years = [p.year for p in self.data if p.kind == "actual"]
        return max(years) if years else None


def origin_of(span: Span) -> str:
    """`file.rules:12`: where a given is, for people."""
    return f"{span.file}:{span.line}"


def read_givens(checked: t.CheckedSuite, test: m.Test) -> Givens | list[Diagnostic]:
    """The values of a test's givens, or every problem with them."""
    problems: list[Diagnostic] = []
    as_of: int | None = None
    records: dict[str, list[GivenRow]] = {}
    points: list[GivenPoint] = []
    for item in test.items:
        match item:
            case m.AsOf(year=year):
                if as_of is not None:
                    problems.append(Diagnostic(
                        "T246", f"`as of` is given twice in test `{test.name}`", item.span,
                        "given twice", help=f"the test is already evaluated as of {as_of}"))
                as_of = year
            case m.GivenRecord():
                row = _record(checked, item, len(records.get(item.record, [])) + 1, problems)
                if row is not None:
                    records.setdefault(item.record, []).append(row)
            case m.GivenData():
                point = _point(checked, item, problems)
                if point is not None:
                    points.append(point)
            case m.GivenSeries():
                points += _series(checked, item, problems)
            case _:
                pass
    problems += _repeated_ids(records, test)
    problems += _repeated_points(points)
    if problems:
        return sorted(problems, key=Diagnostic.sort_key)
    return Givens(as_of, records, points)


# ------------------------------------------------------------------ records


def _record(checked: t.CheckedSuite, given: m.GivenRecord, number: int,
            problems: list[Diagnostic]) -> GivenRow | None:
    schema = checked.schemas.get(given.record)
    if schema is None:
        problems.append(Diagnostic("T227", f"unknown record `{given.record}`", given.span,
                                   "not a declared record",
                                   did_you_mean(given.record, checked.schemas)
                                   or "declare it with `record`"))
        return None
    values: dict[str, Value | None] = {}
    seen: dict[str, Span] = {}
    for fv in given.values:
        spec = schema.fields.get(fv.name)
        if spec is None:
            problems.append(_unknown_field(fv, schema))
            continue
        if fv.name in seen:
            problems.append(Diagnostic(
                "T246", f"field `{fv.name}` is given twice", _name_span(fv), "given twice",
                help=f"it is already given at line {seen[fv.name].line}, column "
                f"{seen[fv.name].column}; keep one"))
            continue
        seen[fv.name] = fv.span
        value = literal_value(fv.value, spec.type, f"field `{fv.name}`", checked.units,
                              whole=spec.whole)
        if isinstance(value, Diagnostic):
            problems.append(value)
            continue
        values[fv.name] = value
    for name, spec in schema.fields.items():
        if name not in values and name not in seen:
            values[name] = spec.default
    given_id = values.get("id")
    row_id = given_id if isinstance(given_id, str) and given_id else f"#{number}"
    return GivenRow(values, row_id, given.span)


def _name_span(fv: m.FieldValue) -> Span:
    """The field name of `name: value` (quoted names keep their backticks)."""
    width = len(name_text(fv.name))
    span = fv.span
    return Span(span.file, span.line, span.column, span.line, span.column + width)


def _unknown_field(fv: m.FieldValue, schema: t.RecordSchema) -> Diagnostic:
    hint = did_you_mean(fv.name, schema.fields)
    if not hint:
        labelled = next((s.name for s in schema.fields.values() if s.label == fv.name), None)
        if labelled is not None:
            hint = f"`{fv.name}` is the label of field `{labelled}`; write `{labelled}`"
        else:
            listed = ", ".join(f"`{n}`" for n in list(schema.fields)[:8])
            hint = f"fields of `{schema.name}`: {listed}" + (
                ", …" if len(schema.fields) > 8 else "")
    return Diagnostic("T242", f"unknown field `{fv.name}` in record `{schema.name}`",
                      _name_span(fv), f"not a field of record `{schema.name}`", hint)


def _repeated_ids(records: dict[str, list[GivenRow]], test: m.Test) -> list[Diagnostic]:
    out = []
    givens = [g for g in test.items if isinstance(g, m.GivenRecord)]
    for record, rows in records.items():
        first: dict[str, Span] = {}
        spans = [g.span for g in givens if g.record == record]
        for row, span in zip(rows, spans, strict=False):
            if row.id in first:
                out.append(Diagnostic(
                    "T246", f"record id `{row.id}` is given twice", span, "given twice",
                    help=f"`{row.id}` is also the id of the record at {origin_of(first[row.id])}; "
                    "give each record its own id"))
            first.setdefault(row.id, row.origin)
    return out


# ------------------------------------------------------------------ plan data


def _point(checked: t.CheckedSuite, given: m.GivenData,
           problems: list[Diagnostic]) -> GivenPoint | None:
    spec = checked.indicators.get(given.indicator)
    if spec is None:
        problems.append(Diagnostic("T241", f"unknown indicator `{given.indicator}`",
                                   given.span, "not a declared indicator",
                                   did_you_mean(given.indicator, checked.indicators)
                                   or "declare it with `indicator`"))
        return None
    value = literal_value(given.value, spec.type, f"indicator `{spec.id}`", checked.units,
                          whole=spec.whole)
    if isinstance(value, Diagnostic):
        problems.append(value)
        return None
    number = Fraction(int(value)) if isinstance(value, bool) else value
    assert isinstance(number, Fraction)
    return GivenPoint(spec.id, given.region, given.year, number, given.kind or "actual",
                      given.span)


def _series(checked: t.CheckedSuite, given: m.GivenSeries,
            problems: list[Diagnostic]) -> list[GivenPoint]:
    """A figure a year: as many values as years (T254), each read like a `given data`."""
    years = len(given.years.years())
    if len(given.values) != years:
        problems.append(Diagnostic(
            "T254", f"{len(given.values)} value{'s' if len(given.values) != 1 else ''} for "
            f"the {years} years {given.years.start}..{given.years.end}", given.span,
            "one value a year", help="give one figure for each year of the range, in order"))
        return []
    found = [_point(checked, point, problems) for point in given.points()]
    return [point for point in found if point is not None]


def _repeated_points(points: list[GivenPoint]) -> list[Diagnostic]:
    out = []
    first: dict[tuple[str, str, int, str], Span] = {}
    for point in points:
        key = (point.indicator, point.region, point.year, point.kind)
        if key in first:
            out.append(Diagnostic(
                "T246", f"`{point.indicator}` of `{point.region}` in {point.year} "
                f"({point.kind}) is given twice", point.origin, "given twice",
                help=f"it is also given at {origin_of(first[key])}; keep one value per year"))
        first.setdefault(key, point.origin)
    return out


# ------------------------------------------------------------------ literals


def literal_value(lit: m.Literal_, ftype: t.Type, what: str, units: UnitTable, *,
                  whole: bool = False) -> Value | Diagnostic:
    """A literal as a value of `ftype` (quantities exactly in its unit), or why it is not one.
    `whole`: a count, which holds whole numbers only — as data does (D328), a test does."""
    match ftype:
        case t.QuantityT(unit=unit):
            number = _quantity(lit, unit, ftype, what, units)
            if whole and isinstance(number, Fraction) and number.denominator != 1:
                return Diagnostic("T243", f"`{_text(lit)}` is not a whole number, but {what} "
                                  "is a count", lit.span, "expected a whole number",
                                  help="a count is a whole number, in data as in tests "
                                  "(D328); check the figure")
            return number
        case t.BoolT():
            if isinstance(lit, m.BoolLit):
                return lit.value
            return _mismatch(lit, ftype, what, units, "write `true` or `false`")
        case t.YearT():
            if isinstance(lit, m.Quantity) and lit.unit is None and lit.value.denominator == 1:
                return int(lit.value)
            return _mismatch(lit, ftype, what, units, "write a year such as `2025`")
        case t.TextT():
            if isinstance(lit, m.TextLit):
                return lit.value
            return _mismatch(lit, ftype, what, units, f'write text in quotes: `"{_text(lit)}"`')
        case t.EnumT():
            return _enum(lit, ftype, what, units)


def _text(lit: m.Literal_) -> str:
    return literal_text(lit)


def _quantity(lit: m.Literal_, unit: Unit, ftype: t.QuantityT, what: str,
              units: UnitTable) -> Fraction | Diagnostic:
    sign = 1
    quantity = lit
    if isinstance(lit, m.Negate) and isinstance(lit.operand, m.Quantity):
        sign, quantity = -1, lit.operand
    symbol = unit.symbol or unit.name
    if not isinstance(quantity, m.Quantity):
        example = f"`12 {symbol}`" if unit.dimension != BARE else "`12`"
        return _mismatch(lit, ftype, what, units, f"write a number such as {example}")
    if quantity.unit is None:
        if unit.dimension == BARE:
            return sign * quantity.value
        return Diagnostic(
            "T243", f"`{_text(lit)}` is a bare number, but {what} is {t.describe(ftype)}",
            lit.span, f"expected {t.describe(ftype)}",
            help=f"write the unit on the number, e.g. `{_text(lit)} {symbol}`")
    written = units.resolve(quantity.unit)
    if written is None:
        return Diagnostic("T245", f"unknown unit `{quantity.unit}`", lit.span,
                          "not a declared unit", units.suggest(quantity.unit, unit.dimension))
    if written.dimension != unit.dimension:
        listed = ", ".join(f"`{s}`" for s in units.dimension_units(unit.dimension)[:8] if s)
        advice = (f"use a unit of {unit.dimension}: {listed}" if unit.dimension != BARE
                  else "write a bare number")
        return Diagnostic(
            "T243", f"`{_text(lit)}` is {t.describe(t.QuantityT(written))}, but {what} is "
            f"{t.describe(ftype)}", lit.span, f"expected {t.describe(ftype)}", advice)
    return sign * quantity.value * written.ratio_to(unit)


def _enum(lit: m.Literal_, enum: t.EnumT, what: str, units: UnitTable) -> str | Diagnostic:
    if not isinstance(lit, m.NameRef | m.TextLit):
        return _mismatch(lit, enum, what, units, f"write one of the items of `{enum.name}`")
    text = lit.name if isinstance(lit, m.NameRef) else lit.value
    if text in enum.items:
        return text
    kind = "an ordinal of" if enum.ordered else "a value of"
    hint = did_you_mean(text, enum.items) or (
        f"`{enum.name}` is one of " + ", ".join(f"`{i}`" for i in enum.items[:8])
        + (", …" if len(enum.items) > 8 else ""))
    return Diagnostic("T244", f"`{text}` is not {kind} `{enum.name}`", lit.span,
                      f"not in `{enum.name}`", hint)


def _mismatch(lit: m.Literal_, ftype: t.Type, what: str, units: UnitTable,
              advice: str) -> Diagnostic:
    return Diagnostic("T243", f"`{_text(lit)}` is {_kind(lit, units)}, but {what} is "
                      f"{t.describe(ftype)}", lit.span, f"expected {t.describe(ftype)}",
                      advice)


def _kind(lit: m.Literal_, units: UnitTable) -> str:
    match lit:
        case m.BoolLit():
            return "true/false"
        case m.TextLit():
            return "text"
        case m.NameRef():
            return "a name"
        case m.Quantity(unit=None) | m.Negate():
            return "a number"
        case m.Quantity(unit=unit_name):
            unit = units.resolve(unit_name) if unit_name else None
            return t.describe(t.QuantityT(unit)) if unit is not None else "a quantity"
    return "a value"  # pragma: no cover
