"""Typecheck: a built `Suite` -> `CheckedSuite`, or every diagnostic at once.

In: the model of a suite (prelude included).  Out: resolved record schemas,
indicator specs and typed rules (`checker.types.typed`).  Names are resolved against
schemas, indicators, readings and sets with did-you-mean; unit dimensions must
agree; enum values are checked; ordinal comparisons need a scale; years should
lie in the plan period.  Imports `model`, `typed`, `units`, `diagnostics`.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any, Literal, cast

from checker.diagnostics import DiagnosticSink, did_you_mean
from checker.syntax import model as m
from checker.syntax.unparse import expr as expr_text
from checker.syntax.unparse import quantity as quantity_text
from checker.types import typed as t
from checker.types.about import indicator_about, plan_about
from checker.types.expressions import (
    Scope,
    Unresolved,
    compare_typed,
    dimension_of,
    enum_value,
    quantity,
    type_bool,
    typed_in,
)
from checker.types.indicator_names import name_key
from checker.types.units import BARE, Unit, UnitTable, build_unit_table

LANGUAGES = ("zh", "en")  # what the reports speak (`plan … { language "zh" }`)
BUILTIN_TYPES: dict[str, t.Type] = {"text": t.TextT(), "bool": t.BoolT(), "year": t.YearT()}


# A field or indicator written in `count` (not `one`, the bare number) holds whole numbers:
# 2.5 vehicles or 13.5 transfer stations are a mistake, not a figure.
WHOLE_UNIT = "count"

def typecheck(suite: m.Suite) -> t.CheckedSuite:
    """Check the whole suite; raise `DiagnosticError` if any error was found."""
    sink = DiagnosticSink()
    units = build_unit_table(suite, sink)
    plan = _plan(suite, sink)
    sets = _named(suite.of(m.SetDecl), sink, "set")
    scales = _named(suite.of(m.ScaleDecl), sink, "scale")
    indicators = _indicators(suite, units, scales, sink)
    schemas = {r.name: _record(r, units, sets, scales, sink) for r in suite.of(m.Record)}
    _duplicates([r.name for r in suite.of(m.Record)], suite.of(m.Record), sink, "record")
    periods = {d.name: d.period for d in suite.of(m.SourceDecl)}
    rules = [_rule(r, plan, units, sets, schemas, indicators, periods, sink)
             for r in suite.of(m.Rule)]
    _duplicates([r.id for r in suite.of(m.Rule)], suite.of(m.Rule), sink, "rule")
    tests = suite.of(m.Test)
    _tests(tests, {r.id for r in suite.of(m.Rule)}, schemas, indicators, sink)
    sink.raise_if_errors(suite.sources)
    return t.CheckedSuite(plan, units, sets, scales, schemas, indicators,
                          tuple(r for r in rules if r is not None), tuple(tests), suite,
                          tuple(sink.items))


# ------------------------------------------------------------------ declarations


def _plan(suite: m.Suite, sink: DiagnosticSink) -> t.PlanInfo:
    plans = suite.of(m.Plan)
    if not plans:
        sink.error("T212", "the suite has no `plan` header",
                   help='add `plan ID { title "…" period 2021..2025 region 大兴区 }`')
        return t.PlanInfo("unknown", None, 2021, 2025, "", None)
    for extra in plans[1:]:
        sink.error("T212", f"second `plan` header `{extra.id}`", extra.span,
                   help=f"a suite encodes one plan; the first is `{plans[0].id}`")
    plan = plans[0]
    period = plan.period
    if period is None:
        sink.error("T213", f"plan `{plan.id}` has no `period`", plan.span,
                   help="add `period 2021..2025`")
        period = m.YearRange(2021, 2025)
    region = plan.text("region")
    if region is None:
        sink.error("T213", f"plan `{plan.id}` has no `region`", plan.span,
                   help="add `region 大兴区`: the default region of indicator rules")
    language = plan.text("language")
    if language is not None and language not in LANGUAGES:
        where = next((i.span for i in plan.items if i.key == "language"), plan.span)
        sink.error("T236", f"plan language `{language}` is not one the reports speak", where,
                   help="write `language \"zh\"` or `language \"en\"`")
        language = None
    return t.PlanInfo(plan.id, plan.text("title"), period.start, period.end, region or "",
                      plan.text("source"), plan.span, language, _band(plan, sink))


def _band(plan: m.Plan, sink: DiagnosticSink) -> float:
    """`band 10% because "…"`: a share of the planned change, above 0 and below 100 %."""
    item = next((i for i in plan.items if i.band is not None), None)
    if item is None or item.band is None:
        return t.DEFAULT_BAND
    amount = item.band
    if amount.unit not in ("%", "percent") or not 0 < amount.value < 100 \
            or not str(item.value).strip():
        sink.error("T252", "`band` is a percentage of the planned change, above 0 % and "
                   "below 100 %, with its reason", item.span,
                   help='e.g. `band 10% because "midterm evaluations: within a tenth of the '
                   'planned change is 基本符合预期"`')
        return t.DEFAULT_BAND
    return float(amount.value) / 100


def _named(decls: list[Any], sink: DiagnosticSink, what: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for decl in decls:
        items = decl.items if what == "set" else decl.levels
        if decl.name in out:
            sink.error("T214", f"{what} `{decl.name}` is declared twice", decl.span)
        repeated = [item for item, n in Counter(items).items() if n > 1]
        if repeated:
            sink.error("T214", f"`{repeated[0]}` appears twice in {what} `{decl.name}`",
                       decl.span)
        out[decl.name] = tuple(items)
    return out


def _duplicates(names: list[str], nodes: list[Any], sink: DiagnosticSink, what: str) -> None:
    seen: set[str] = set()
    for name, node in zip(names, nodes, strict=True):
        if name in seen:
            sink.error("T215", f"{what} `{name}` is declared twice", node.span,
                       help=f"give each {what} its own id")
        seen.add(name)


def _indicators(suite: m.Suite, units: UnitTable, scales: dict[str, tuple[str, ...]],
                sink: DiagnosticSink) -> dict[str, t.IndicatorSpec]:
    out: dict[str, t.IndicatorSpec] = {}
    default = plan_about(suite, units, sink)
    for ind in suite.of(m.Indicator):
        if ind.id in out:
            sink.error("T215", f"indicator `{ind.id}` is declared twice", ind.span)
        unit_name = ind.get("unit")
        unit = None
        scale = _indicator_scale(ind, scales, sink)
        if scale is not None or (ind.get("scale") is not None and unit_name is None):
            pass  # a level of a scale (or an unknown scale, reported)
        elif unit_name is None:
            sink.error("T216", f"indicator `{ind.id}` has no `unit`", ind.span,
                       help="add `unit km2` (or `unit bool` for a milestone)")
        elif unit_name != "bool":
            unit = units.resolve(unit_name)
            if unit is None:
                sink.error("T208", f"unknown unit `{unit_name}` in indicator `{ind.id}`",
                           ind.span_of("unit"), help=units.suggest(unit_name))
        kind = cast(Literal["binding", "anticipatory"], ind.get("kind") or "anticipatory")
        direction = cast(Literal["up", "down", "none"], ind.get("direction") or "none")
        low, high = _indicator_range(ind, unit, units, sink)
        out[ind.id] = t.IndicatorSpec(ind.id, ind.display, unit, kind, direction, ind.span,
                                      baseline_only=ind.get("role") == "baseline",
                                      low=low, high=high, whole=unit_name == WHOLE_UNIT,
                                      about=indicator_about(ind, unit, default, units, sink),
                                      parameter=ind.get("role") == "parameter", scale=scale,
                                      citations=tuple(
                                          t.Citation(c.section, c.quote, c.line, c.span, c.source)
                                          for item in ind.items if (c := item.cite) is not None),
                                      aliases=tuple(a for item in ind.items for a in item.aliases),
                                      growth_of=ind.get("growth"), rate_of=ind.get("rate"),
                                      count_word=_count_word(unit_name, unit))
    _shared_names(suite, out, sink)
    _growth_rates(suite, out, units, sink)
    return out


def _count_word(name: str | None, unit: Unit | None) -> str:
    """The word a count is declared in (`unit 所`), to show beside its figures: the bare
    unit has no symbol of its own, so `200 所` would read `200`."""
    if name is None or unit is None or unit.dimension != BARE or unit.symbol \
            or name in ("one", WHOLE_UNIT):
        return ""
    return name


def _growth_rates(suite: m.Suite, specs: dict[str, t.IndicatorSpec], units: UnitTable,
                  sink: DiagnosticSink) -> None:
    """T255: `growth of LEVEL` names a numeric indicator, in %, once per level — else
    `growth(LEVEL)` would read a rate of another thing, or one of two."""
    percent = units.resolve("%")
    claimed: dict[str, str] = {}
    for ind in suite.of(m.Indicator):
        spec = specs.get(ind.id)
        item = next((i for i in ind.items if i.key in ("growth", "rate")), None)
        if spec is None or item is None:
            continue
        level = specs.get(item.value)
        problem, help_ = None, ""
        if item.key == "rate":  # a level named in words, outside the catalogue
            if not item.value.strip():
                problem = "`growth of \"\"` names no level"
                help_ = "name the level in words, such as `growth of \"地区生产总值\"`"
            elif spec.unit is None or percent is None or \
                    spec.unit.dimension != percent.dimension:
                problem = f"`{ind.id}` is a growth rate of “{item.value}” but not in %"
                help_ = "declare `unit %`: a growth rate is a percentage"
        elif level is None:
            problem = f"`growth of {item.value}`: no indicator `{item.value}`"
            help_ = did_you_mean(item.value, list(specs))
        elif level.id == ind.id or level.growth_of is not None or level.unit is None \
                or level.scale is not None:
            problem = f"`{item.value}` has no level whose growth `{ind.id}` could be"
            help_ = "name a numeric indicator, such as the revenue whose growth this is"
        elif spec.unit is None or percent is None or spec.unit.dimension != percent.dimension:
            problem = f"`{ind.id}` is a growth rate of `{item.value}` but not in %"
            help_ = "declare `unit %`: a growth rate is a percentage"
        elif item.value in claimed:
            problem = f"`{item.value}` already has a growth rate: `{claimed[item.value]}`"
            help_ = "one indicator per level: `growth(x)` must read one published rate"
        if problem is not None:
            sink.error("T255", problem, ind.span_of(item.key), help=help_)
            specs[ind.id] = dataclasses.replace(spec, growth_of=None, rate_of=None)
        elif item.key == "growth":
            claimed[item.value] = ind.id


def _shared_names(suite: m.Suite, specs: Mapping[str, t.IndicatorSpec],
                  sink: DiagnosticSink) -> None:
    """T253: a name a table may use must name one indicator, or its rows could go to either."""
    owner: dict[str, str] = {}
    for ind in suite.of(m.Indicator):
        spec = specs.get(ind.id)
        if spec is None:
            continue
        alias_items = [item for item in ind.items if item.key == "alias"]
        for word in spec.names:
            where = next((i.span for i in alias_items if word in i.aliases), ind.span)
            key = name_key(word)
            other = owner.setdefault(key, ind.id)
            clash = other if other != ind.id else next(
                (i for i in specs if i != ind.id and name_key(i) == key), None)
            if clash is not None:
                sink.error("T253", f"`{word}` names both `{clash}` and `{ind.id}`", where,
                           help="a table's rows named so could belong to either; give each "
                                "indicator its own names")


def _indicator_scale(ind: m.Indicator, scales: dict[str, tuple[str, ...]],
                     sink: DiagnosticSink) -> t.EnumT | None:
    """`ordinal 水质类别`: the indicator's values are the levels of that scale."""
    name = ind.get("scale")
    if name is None:
        return None
    if ind.get("unit") is not None:
        sink.error("T216", f"indicator `{ind.id}` has both a `unit` and an `ordinal` scale",
                   ind.span_of("unit"), help="an ordinal indicator's values are levels, "
                   "not numbers: drop the `unit`")
        return None
    if name not in scales:
        sink.error("T218", f"unknown scale `{name}`", ind.span_of("scale"),
                   help=did_you_mean(name, scales) or "declare it with `scale`")
        return None
    return t.EnumT(name, scales[name], ordered=True)


def _indicator_range(ind: m.Indicator, unit: Unit | None, units: UnitTable,
                     sink: DiagnosticSink) -> tuple[Fraction | None, Fraction | None]:
    """An indicator's `range`, checked as a field's is (a milestone has none)."""
    item = next((i for i in ind.items if i.key == "range"), None)
    if item is None:
        return None, None
    as_field = m.Field(ind.id, m.SimpleType(unit.name if unit else "bool", item.span),
                       low=item.low, high=item.high, span=item.span)
    ftype: t.Type = t.QuantityT(unit) if unit is not None else t.BoolT()
    return _range(as_field, ftype, None, units, {}, sink)


def _field_type(f: m.Field, units: UnitTable, sets: dict[str, tuple[str, ...]],
                scales: dict[str, tuple[str, ...]], sink: DiagnosticSink) -> t.Type | None:
    match f.type:
        case m.SimpleType(name=name):
            if name in BUILTIN_TYPES:
                return BUILTIN_TYPES[name]
            unit = units.resolve(name)
            if unit is None:
                sink.error("T217", f"unknown type `{name}` for field `{f.name}`", f.type.span,
                           help=did_you_mean(name, [*BUILTIN_TYPES, *units.spellings()]) or
                           "a field is text, bool, year, a unit, `enum SET` or `ordinal SCALE`")
                return None
            return t.QuantityT(unit)
        case m.EnumType(set_name=set_name, items=items):
            if set_name is not None:
                if set_name not in sets:
                    sink.error("T210", f"unknown set `{set_name}`", f.type.span,
                               help=did_you_mean(set_name, sets) or "declare it with `set`")
                    return None
                return t.EnumT(set_name, sets[set_name])
            return t.EnumT(f.name, items or ())
        case m.OrdinalType(scale=scale):
            if scale not in scales:
                sink.error("T218", f"unknown scale `{scale}`", f.type.span,
                           help=did_you_mean(scale, scales) or "declare it with `scale`")
                return None
            return t.EnumT(scale, scales[scale], ordered=True)


def _record(r: m.Record, units: UnitTable, sets: dict[str, tuple[str, ...]],
            scales: dict[str, tuple[str, ...]], sink: DiagnosticSink) -> t.RecordSchema:
    fields: dict[str, t.FieldSpec] = {}
    broken: set[str] = set()
    for f in r.fields:
        if f.name in fields:
            sink.error("T215", f"field `{f.name}` is declared twice in `{r.name}`", f.span)
            continue
        ftype = _field_type(f, units, sets, scales, sink)
        if ftype is None:
            broken.add(f.name)
            continue
        default = (_constant(f, f.default, ftype, units, sets, sink)
                   if f.default is not None else None)
        low, high = _range(f, ftype, default, units, sets, sink)
        whole = isinstance(f.type, m.SimpleType) and f.type.name == WHOLE_UNIT
        fields[f.name] = t.FieldSpec(f.name, ftype, f.required, default, f.label, f.span,
                                     low, high, whole)
    return t.RecordSchema(r.name, r.display, fields, r.span, frozenset(broken))


def _range(f: m.Field, ftype: t.Type, default: object, units: UnitTable,
           sets: dict[str, tuple[str, ...]], sink: DiagnosticSink
           ) -> tuple[Fraction | None, Fraction | None]:
    """A field's `range`, in the field's unit: only numbers have one, and it must hold
    its default (or a record without the field would break its own schema)."""
    if f.low is None and f.high is None:
        return None, None
    where = (f.low or f.high)
    assert where is not None
    if not isinstance(ftype, t.QuantityT | t.YearT):
        sink.error("T237", f"field `{f.name}` is not a number; only numbers have a `range`",
                   where.span, help="remove the `range`")
        return None, None
    low, high = (_constant(f, bound, ftype, units, sets, sink) if bound is not None else None
                 for bound in (f.low, f.high))
    assert not isinstance(low, bool | str) and not isinstance(high, bool | str)
    low, high = (Fraction(v) if v is not None else None for v in (low, high))
    if low is not None and high is not None and low > high:
        sink.error("T237", f"the range of `{f.name}` runs backwards", where.span,
                   help="write the lower end first, such as `range 0%..100%`")
    elif isinstance(default, int | Fraction) and not isinstance(default, bool) and (
            (low is not None and default < low) or (high is not None and default > high)):
        sink.error("T237", f"the default of `{f.name}` is outside its range", where.span,
                   help="a record without the field would break its own schema")
    return low, high


def _constant(f: m.Field, literal: m.Literal_, ftype: t.Type, units: UnitTable,
              sets: dict[str, tuple[str, ...]], sink: DiagnosticSink
              ) -> Fraction | bool | str | int | None:
    """A literal of a field's declaration (its default, a range end) in the field's unit."""
    scope = Scope("record", units, sink, sets, None, {})
    try:
        value = typed_in(literal, dimension_of(ftype), scope) \
            if not isinstance(ftype, t.EnumT) else None
        if isinstance(ftype, t.EnumT):
            return ftype.items[int(enum_value(literal, ftype, scope).value)]
        probe = t.FieldRef(f.name, ftype, f.span)
        assert value is not None
        checked = compare_typed("==", probe, value, literal.span, scope)
        assert isinstance(checked, t.Compare) and isinstance(checked.right, t.Const)
        return checked.right.value
    except Unresolved:
        return None


# ------------------------------------------------------------------ rules


def _rule(rule: m.Rule, plan: t.PlanInfo, units: UnitTable, sets: dict[str, tuple[str, ...]],
          schemas: dict[str, t.RecordSchema], indicators: dict[str, t.IndicatorSpec],
          periods: dict[str, m.YearRange | None], sink: DiagnosticSink) -> t.CheckedRule | None:
    errors_before = len(sink.items)
    subject, record_name = _subject(rule, schemas, sink)
    schema = schemas.get(record_name) if record_name else None
    if record_name is not None and schema is None:
        return None  # reported by _subject; typing the clauses would only cascade
    scope = Scope(subject, units, sink, sets, schema, indicators)
    readings = _readings(rule, scope)
    kinds = rule.clauses_of(m.KindClause)
    if len(kinds) > 1:
        sink.error("T219", f"rule `{rule.id}` states its kind twice", kinds[1].span)
    basis = _basis(rule, subject, sink)
    guard, guard_text = _guard(rule, scope)
    # a rule quoting only other sources states their targets: its years are checked
    # against their declared period, and not at all when they declare none
    period = t.quoted_period(rule.clauses_of(m.Cite), periods)
    bounded_by = t.years_bounded_by(rule.clauses_of(m.Cite), period)
    constraints = tuple(c for c in (_constraint(r, scope, t.plan_in(plan, period), bounded_by)
                                    for r in
                                    rule.clauses_of(m.Require)) if c is not None)
    if not rule.clauses_of(m.Require):
        sink.error("T225", f"rule `{rule.id}` has no `require`", rule.span,
                   help="a rule states at least one constraint: `require …`")
    waivers = tuple(w for w in (_waiver(u, scope) for u in rule.clauses_of(m.Unless))
                    if w is not None)
    regions = next((c.regions for c in rule.clauses_of(m.ForRegion)), (plan.region,))
    if len(sink.items) != errors_before and sink.has_errors:
        return None
    kind = kinds[0].kind if kinds else indicators_kind(scope.indicators_used, indicators)
    return t.CheckedRule(
        rule.id, rule.title, subject, record_name, kind,
        kinds[0].reason if kinds else None,
        tuple(t.Citation(c.section, c.quote, c.line, c.span, c.source)
              for c in rule.clauses_of(m.Cite)),
        readings, guard, guard_text, constraints, waivers, regions,
        tuple(sorted(scope.fields_used)), tuple(sorted(scope.indicators_used)), rule, rule.span,
        basis, period,
    )


def _basis(rule: m.Rule, subject: str, sink: DiagnosticSink) -> str | None:
    """The basis a series rule reads (`basis "扣除疫苗"`), once, and only there."""
    found = rule.clauses_of(m.BasisClause)
    if len(found) > 1:
        sink.error("T251", f"rule `{rule.id}` states its basis twice", found[1].span,
                   help="a rule reads one basis besides the default one")
    if found and subject != "series":
        sink.error("T251", f"rule `{rule.id}` is about records: `basis` names a basis of "
                   "plan data", found[0].span,
                   help="drop the `basis` clause; it applies to rules about indicators")
    if found and not found[0].basis.strip():
        sink.error("T251", "an empty basis", found[0].span,
                   help='name it as the data\'s `basis` column does, e.g. `basis "扣除疫苗"`')
    return found[0].basis.strip() if found else None


def indicators_kind(used: Iterable[str], indicators: Mapping[str, t.IndicatorSpec]
                    ) -> Literal["binding", "anticipatory"]:
    """A rule that states no kind has its indicators' kind when they all share it: a rule
    on a 约束性 indicator is binding unless it says otherwise.  A `role parameter` (市级要求)
    is a figure another authority sets, of no weight of its own: it does not count."""
    kinds = {indicators[i].kind for i in used if i in indicators and not indicators[i].parameter}
    return "binding" if kinds == {"binding"} else "anticipatory"


def _subject(rule: m.Rule, schemas: dict[str, t.RecordSchema],
             sink: DiagnosticSink) -> tuple[Literal["record", "batch", "series"], str | None]:
    subjects = [c for c in rule.clauses if isinstance(c, m.ForEach | m.ForAll | m.ForRegion)]
    if len(subjects) > 1:
        sink.error("T226", f"rule `{rule.id}` has more than one `for` clause", subjects[1].span,
                   help="a rule is about each record, all records, or indicator regions")
    if not subjects or isinstance(subjects[0], m.ForRegion):
        return "series", None
    first = subjects[0]
    assert isinstance(first, m.ForEach | m.ForAll)
    if first.record not in schemas:
        sink.error("T227", f"unknown record `{first.record}`", first.span,
                   help=did_you_mean(first.record, schemas) or "declare it with `record`")
    return ("record" if isinstance(first, m.ForEach) else "batch"), first.record


def _readings(rule: m.Rule, scope: Scope) -> tuple[t.Reading, ...]:
    out = []
    for read in rule.clauses_of(m.Read):
        if scope.schema is not None and read.name in scope.schema.fields:
            scope.sink.error("T228", f"reading `{read.name}` hides field `{read.name}`",
                             read.span, help="give the reading another name")
            continue
        try:
            scope.readings[read.name] = quantity(read.value, scope)
        except Unresolved:
            continue
        out.append(t.Reading(read.name, quantity_text(read.value), read.reason, read.span))
    return tuple(out)


def _guard(rule: m.Rule, scope: Scope) -> tuple[t.Node | None, str | None]:
    wheres = rule.clauses_of(m.Where)
    if not wheres:
        return None, None
    if scope.subject == "series":
        scope.sink.error("T229", "`where` needs records", wheres[0].span,
                         help="indicator rules choose regions with `for region …`")
        return None, None
    try:
        nodes = [type_bool(w.expr, scope, "a `where` guard") for w in wheres]
    except Unresolved:
        return None, None
    node = nodes[0]
    for extra in nodes[1:]:
        node = t.Logic("and", node, extra, extra.span)
    return node, " and ".join(expr_text(w.expr) for w in wheres)


def _constraint(r: m.Require, scope: Scope, plan: t.PlanInfo,
                bounded_by: str | None = "the plan period") -> t.Constraint | None:
    """The typed constraint; `bounded_by`: what bounds its years (`plan`'s span: the plan's
    period, or the period its sources declare), None when nothing does (it states another
    source's targets, and that source declares no period)."""
    try:
        node = type_bool(r.expr, scope, "a `require` constraint")
    except Unresolved:
        return None
    if r.time is not None:
        _check_time(r.time, scope, plan, bounded_by)
    if r.regions is not None and scope.subject != "series":
        scope.sink.error("T229", "`in region` needs an indicator rule", r.span,
                         help="records carry their own `town` and `zone` fields")
    text = expr_text(r.expr)
    return t.Constraint(node, text, r.time, r.regions, r.label, r.span)


def _check_time(time: m.TimeQual, scope: Scope, plan: t.PlanInfo,
                bounded_by: str | None = "the plan period") -> None:
    if scope.subject == "record":
        scope.sink.error("T234", "a rule `for each` record has no deadline", time.span,
                         help="remove the time qualifier; records are checked as they are")
        return
    if scope.subject == "batch" and not isinstance(time, m.AtYear):
        scope.sink.error("T234", "a rule `for all` records takes only `at YEAR`", time.span,
                         help="`at 2020` reads indicator values of that year")
        return
    years = [time.year] if isinstance(time, m.ByYear | m.AtYear) else [time.years.start,
                                                                       time.years.end]
    outside = [y for y in years if not plan.baseline_year <= y <= plan.end]
    if outside and bounded_by is not None:
        scope.sink.warning("T235", f"year `{outside[0]}` is outside {bounded_by} "
                           f"{plan.start}..{plan.end}", time.span,
                           help="the plan's targets run to its last year; check the year")


def _waiver(u: m.Unless, scope: Scope) -> t.Waiver | None:
    try:
        node = type_bool(u.expr, scope, "an `unless` exception")
    except Unresolved:
        return None
    return t.Waiver(node, expr_text(u.expr), u.label, u.reason, u.span)


# ------------------------------------------------------------------ tests


def _tests(tests: list[m.Test], rule_ids: set[str], schemas: dict[str, t.RecordSchema],
           indicators: dict[str, t.IndicatorSpec], sink: DiagnosticSink) -> None:
    for test in tests:
        for item in test.items:
            match item:
                case m.Expect(rule_id=rule_id) if rule_id not in rule_ids:
                    sink.error("T240", f"test `{test.name}` expects unknown rule `{rule_id}`",
                               item.span, help=did_you_mean(rule_id, rule_ids))
                case m.GivenRecord(record=record) if record not in schemas:
                    sink.error("T227", f"unknown record `{record}`", item.span,
                               help=did_you_mean(record, schemas))
                case m.GivenData(indicator=indicator) | m.GivenSeries(
                        indicator=indicator) if indicator not in indicators:
                    sink.error("T241", f"unknown indicator `{indicator}`", item.span,
                               help=did_you_mean(indicator, indicators))
                case _:
                    pass
