"""The evaluation table: one row per indicator × region, as planning offices publish it.

In: the checked suite, the `SeriesTable`, and every series rule's judgement of every
subject (`series.Verdict`, collected by `evaluate`).  Out: `result.IndicatorRow`s —
base, targets (every constraint that reads the indicator: thresholds, cumulative
totals, growth rates, trends and relations), the latest value with what its row said
(source, note, …), and a status in the words of midterm evaluations.  A target not yet
due is `achieved` when the latest value meets it, `ahead` / `on_track` / `lagging` by
the latest value's progress against the straight line from the base to the target
(`progress`: within a band of it is on track), `no_baseline` when nothing before the latest value
starts that line — never a default `lagging`.  Imports `result`, `typed`, `units` and
the engine's series module; no pandas.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from checker import result as r
from checker.engine import shapes, targets
from checker.engine.evidence import show, written_text
from checker.engine.series import (
    Judgement,
    SeriesTable,
    Subject,
    Verdict,
    check_years,
    missing_points,
)
from checker.engine.shapes import bare, indicators
from checker.syntax import model as m
from checker.types import typed as t
from checker.types.units import format_number, format_quantity

# Worst first: the row shows the worst of its targets.
_WORST: tuple[r.Status, ...] = ("fail", "lagging", "unknown", "no_baseline", "on_track",
                                "ahead", "achieved", "pass")


@dataclass(frozen=True)
class Judged:
    """One rule's judgement of one constraint for one subject."""

    rule: t.CheckedRule
    subject: Subject
    verdict: Verdict


def indicator_table(checked: t.CheckedSuite, table: SeriesTable, judged: list[Judged],
                    as_of: int) -> list[r.IndicatorRow]:
    """Rows for every (indicator, subject) a series rule judged, in catalogue order."""
    groups: dict[tuple[str, Subject], list[Judged]] = {}
    parameters = {i for i, spec in checked.indicators.items() if spec.parameter}
    for j in judged:
        for indicator in dict.fromkeys(indicators(j.verdict.constraint.expr)):
            if indicator in parameters:  # a number assigned to the plan, not monitored
                continue
            groups.setdefault((indicator, j.subject), []).append(j)
    order = {name: i for i, name in enumerate(checked.indicators)}
    keys = sorted(groups, key=lambda k: (order.get(k[0], len(order)), k[0], k[1]))
    return [_row(checked, table, indicator, subject, groups[(indicator, subject)], as_of)
            for indicator, subject in keys]


def _row(checked: t.CheckedSuite, table: SeriesTable, indicator: str, subject: Subject,
         found: list[Judged], as_of: int) -> r.IndicatorRow:
    spec = checked.indicators.get(indicator)
    region, kind = subject
    targets = [_target(j, indicator, table, checked) for j in found]
    decided = [x for x in targets if x.status is not None]
    worst = min(decided, key=lambda x: _WORST.index(x.status or "pass"), default=None)
    status: r.Status = worst.status if worst is not None and worst.status else "unknown"
    reason = f"{worst.rule}: {worst.reason}" if worst is not None else "no target applies"
    rules = list(dict.fromkeys(j.rule.id for j in found))
    if region == checked.plan.region:  # batch rules read the plan's region at the baseline
        rules += [rule.id for rule in checked.rules if rule.subject == "batch"
                  and indicator in rule.indicators and rule.id not in rules]
    cite = next((c for j in found for c in j.rule.citations), None)
    latest = _latest(table, spec, indicator, subject, as_of)
    return r.IndicatorRow.model_construct(
        indicator=indicator, name=spec.display if spec else None, region=region,
        subject=region if kind == "actual" else f"{region} (target)",
        subject_kind="target" if kind == "target" else "actual",
        unit=_unit_symbol(spec), kind=spec.kind if spec else None,
        base=_base(table, spec, indicator, region, _row_plan(checked, found)),
        latest=latest,
        running_total=_running_total(found, indicator, table, latest, subject, spec),
        targets=targets, status=status, reason=reason, rules=rules,
        quote=cite.quote if cite else None, section=cite.section if cite else None)


def _row_plan(checked: t.CheckedSuite, found: list[Judged]) -> t.PlanInfo:
    """The plan a row's base year is the year before: its sources' period when every rule
    on the row states another source's targets of one period, else the plan's."""
    periods = {j.rule.period for j in found}
    return t.plan_in(checked.plan, periods.pop() if len(periods) == 1 else None)


def _unit_symbol(spec: t.IndicatorSpec | None) -> str:
    """The row's unit: its symbol, a count's declared word (`所`), else its name."""
    if spec is None or spec.unit is None:
        return ""
    return spec.unit.symbol or spec.count_word or spec.unit.name


def _years(table: SeriesTable, indicator: str, region: str, kind: str) -> list[int]:
    """The years with a figure: a number, or a qualified one (`95%以上`, in `bounds`)."""
    years = set(table.values.get((indicator, region, kind), {}))
    years |= {y for (i, g, k, y) in table.bounds if (i, g, k) == (indicator, region, kind)}
    return sorted(years)


def _observation(table: SeriesTable, spec: t.IndicatorSpec | None, indicator: str,
                 region: str, kind: str, year: int) -> r.Observation:
    point = (indicator, region, kind, year)
    exact = table.values.get((indicator, region, kind), {}).get(year)
    if exact is None:  # a qualified figure: shown as published, no single number
        about = table.about.get(point, {})
        return r.Observation.model_construct(
            year=year, period=about.get("period", str(year)), value=None,
            text=table.bounds[point].text, source=about.get("source"), note=about.get("note"),
            basis=about.get("basis"), qualifier=about.get("qualifier"),
            origin=table.origins.get(point))
    value = exact
    if spec is not None and spec.scale is not None:
        text = spec.scale.items[int(value)]
    elif spec is not None and spec.unit is not None:
        text = spec.counted(format_quantity(value, spec.unit))  # a count: `1 个`
    else:
        text = "true" if value else "false"
    about = table.about.get(point, {})
    return r.Observation.model_construct(
        year=year, period=about.get("period", str(year)), value=value, text=text,
        source=about.get("source"), note=about.get("note"), basis=about.get("basis"),
        qualifier=about.get("qualifier"), origin=table.origins.get(point))


def _base(table: SeriesTable, spec: t.IndicatorSpec | None, indicator: str, region: str,
          plan: t.PlanInfo) -> r.Observation | None:
    years = [y for y in _years(table, indicator, region, "actual") if y <= plan.baseline_year]
    if not years:
        return None
    return _observation(table, spec, indicator, region, "actual", max(years))


def _latest(table: SeriesTable, spec: t.IndicatorSpec | None, indicator: str,
            subject: Subject, as_of: int) -> r.Observation | None:
    region, kind = subject
    series = _years(table, indicator, region, kind)
    years = series if kind == "target" else [y for y in series if y <= as_of]
    if not years:
        return None
    return _observation(table, spec, indicator, region, kind, max(years))


def _running_total(found: list[Judged], indicator: str, table: SeriesTable,
                   latest: r.Observation | None, subject: Subject,
                   spec: t.IndicatorSpec | None) -> r.RunningTotal | None:
    """The sum so far of the row's first cumulative target: the figure `累计 >= 13` is
    judged on, read from the verdict at the year it judged (so the table shows what the
    status was computed on, not the last year's own value) — the latest value's year, or
    an earlier one when a year between has no value (a gap in 2022: the sum to 2021, and
    2022 named as missing).  Shown in the unit the rule wrote its total in (`5 万个`), a
    count with its declared word (`85 所`); the latest year's own figure in the indicator's
    unit, as the data gives it (`9390 个`, not `0.939 万个`).
    None when no year of the target's range has passed or none has a known sum."""
    if latest is None:
        return None
    for j in found:
        c, v = j.verdict.constraint, j.verdict
        if not isinstance(c.expr, t.Compare) or shapes.shape(c.expr, indicator) != "cumulative":
            continue
        total = bare(c.expr.left)
        vec = v.seen.get(id(c.expr.left))
        if not isinstance(total, t.Func) or total.years is None or vec is None \
                or vec.values.ndim != 2:
            continue
        judged = v.judgement.year
        for year in dict.fromkeys(min(y, latest.year, total.years.end)
                                  for y in ((judged,) if judged is not None else ())
                                  + (latest.year,)):
            column = year - table.first_year
            if year < total.years.start or not 0 <= column < vec.values.shape[1]:
                continue
            value, _, text = show(c.expr.left.type, vec, (v.row, column))
            if value is None and year == judged and v.judgement.reached is not None:
                value = v.judgement.reached  # a year before it missing: the least sum
                shown = written_text(c.expr.right, value) or _quantity(c.expr.left.type, value)
                text = f"≥{shown}" if c.expr.op in (">=", ">") else f"≤{shown}"
                return _total_row(total, year, value, text, latest, subject, table,
                                  indicator, spec)
            if value is None:
                continue
            return _total_row(total, year, value, written_text(c.expr.right, value) or text,
                              latest, subject, table, indicator, spec)
    return None


def _total_row(total: t.Func, year: int, value: float, text: str, latest: r.Observation,
               subject: Subject, table: SeriesTable, indicator: str,
               spec: t.IndicatorSpec | None) -> r.RunningTotal:
    assert total.years is not None
    held = set(_years(table, indicator, *subject))
    last = min(latest.year, total.years.end)
    counted = spec.counted if spec is not None else str
    return r.RunningTotal.model_construct(
        first_year=total.years.start, year=year, value=round(value, 9), text=counted(text),
        missing=[y for y in range(total.years.start, last + 1) if y not in held],
        year_text=counted(latest.text))  # as the data gives it: 9390, not 0.939 万


def _quantity(node_type: t.Type, value: float) -> str:
    if isinstance(node_type, t.QuantityT):
        return format_quantity(value, node_type.unit)
    return format_number(value)


# ------------------------------------------------------------------ one target


def _target(j: Judged, indicator: str, table: SeriesTable, checked: t.CheckedSuite
            ) -> r.Target:
    c, v, plan = j.verdict.constraint, j.verdict, t.plan_in(checked.plan, j.rule.period)
    spec = checked.indicators.get(indicator)
    years, deadline = check_years(c.time, plan)
    shape = shapes.shape(c.expr, indicator)
    op: str | None = None
    value: float | None = None
    unit = ""
    text = c.text
    amount: str | None = None
    relative: r.RelativeLevel | None = None
    if isinstance(c.expr, t.Trend):
        op = c.expr.direction
    elif isinstance(c.expr, t.Compare):
        op = c.expr.op
        if shape in ("threshold", "cumulative", "growth", "milestone"):
            value, unit, shown = _constant(c.expr.right, v)
            if spec is not None and shape in ("threshold", "cumulative"):
                shown = spec.counted(shown)  # `200 所`: a count keeps its declared word
            amount = shown if value is not None else None
            text = f"{op} {shown}" if shape != "milestone" else shown
            if shape == "cumulative":
                text = f"total {text}"
            elif shape == "growth" and isinstance(left := bare(c.expr.left), t.Func):
                start = f" from {left.years.start}" if left.name == "change" and left.years \
                    else ""  # `change from 2020 <= -9%`: the level it is measured from
                text = f"{left.name}{start} {text}"
        elif shape == "annual":
            value, unit, text = _year_target(c.expr, v, table.first_year)
        else:
            relative = _relative(c.expr, indicator, v, checked)
            text = _relation_text(c.expr, indicator, v, checked) or text
    each = isinstance(c.time, m.EachYear)
    if each:
        text += f" each year {years[0]}–{years[-1]}"
    status, reason, facts = judged_status(v, shape, table, plan)
    return r.Target.model_construct(
        rule=j.rule.id, constraint=c.text, shape=shape, op=op, value=value, unit=unit,
        text=text, amount=amount, deadline=deadline, first_year=years[0] if each else None,
        relative=relative, status=status, reason=reason, facts=facts)


def _relation_text(expr: t.Compare, indicator: str, v: Verdict,
                   checked: t.CheckedSuite) -> str | None:
    """A relation or a level against another year in words, the readings by their values
    and indicators by their names: `>= 2020 level + 0.8 岁 (78.73 岁)` for `x >= (x at 2020)
    + 左右`, not the ids and the reading's name; the threshold's value in the year judged
    when the data gave it.  None when the left side is not the indicator itself."""
    left = bare(expr.left)
    if not isinstance(left, t.IndicatorRef) or left.id != indicator or left.year is not None:
        return None
    words = _words(expr.right, indicator, checked)
    if words is None:
        return None
    shown = _judged_threshold(expr, v)
    return f"{expr.op} {words} ({shown})" if shown not in (None, words) else f"{expr.op} {words}"


def _judged_threshold(expr: t.Compare, v: Verdict) -> str | None:
    """The right side's value in the last year judged (`78.73 岁`), None when missing."""
    vec = v.seen.get(id(expr.right))
    if vec is None or vec.values.ndim != 2 or not vec.values.shape[1]:
        return None
    _, _, shown = show(expr.right.type, vec, (v.row, vec.values.shape[1] - 1))
    return None if shown == "missing" else shown


def _relative(expr: t.Compare, indicator: str, v: Verdict, checked: t.CheckedSuite
              ) -> r.RelativeLevel | None:
    """`x >= (x at 2020) + 0.8 岁` in parts (base year, sign, change, value), for reports to
    word as plans do (较2020年提高0.8 岁); None for any other relation."""
    left, right = bare(expr.left), bare(expr.right)
    if not isinstance(left, t.IndicatorRef) or left.id != indicator or left.year is not None \
            or not isinstance(right, t.Arith) or right.op not in ("+", "-"):
        return None
    base = bare(right.left)
    if not isinstance(base, t.IndicatorRef) or base.id != indicator or base.year is None:
        return None
    change = _words(right.right, indicator, checked)
    if change is None:
        return None
    return r.RelativeLevel.model_construct(
        op=expr.op, base_year=base.year, sign=right.op, change=change,
        value=_judged_threshold(expr, v))


def _words(node: t.Node, indicator: str, checked: t.CheckedSuite) -> str | None:
    node = bare(node)
    match node:
        case t.Const(value=Fraction() | int() as value, type=t.QuantityT(unit=unit)) \
                if not isinstance(value, bool):
            return written_text(node, float(value)) or format_quantity(float(value), unit)
        case t.IndicatorRef(id=ref, year=year):
            spec = checked.indicators.get(ref)
            name = "level" if ref == indicator else (spec.display if spec and spec.display
                                                     else ref)
            return f"{year} {name}" if year is not None else name
        case t.Arith(op=op, left=a, right=b):
            x, y = _words(a, indicator, checked), _words(b, indicator, checked)
            if x is None or y is None:
                return None
            if op in ("*", "/"):
                x = f"({x})" if isinstance(bare(a), t.Arith) else x
                y = f"({y})" if isinstance(bare(b), t.Arith) else y
            return f"{x} {'×' if op == '*' else op} {y}"
    return None


def _year_target(expr: t.Compare, v: Verdict, first: int) -> tuple[float | None, str, str]:
    """The target of the year judged (the latest stated one due): `>= 6% (target 6以上) in
    2022`, or what the rule asks when no year was judged."""
    year = v.judgement.year
    stated = targets.stated_of(expr, v.targets)
    if year is None or not stated:
        return None, "", f"{expr.op} the target stated for each year"
    node, found = stated[0]
    value, unit, shown = show(node.type, v.seen[id(node)], (v.row, year - first))
    return value, unit, f"{expr.op} {targets.shown(found, (v.row, year), shown)} in {year}"


def _constant(node: t.Node, v: Verdict) -> tuple[float | None, str, str]:
    """The constant's number and unit as compared (in the indicator's unit), and its text
    as the rule wrote it (`5 万个`)."""
    vec = v.seen.get(id(node))
    if vec is None or vec.values.ndim != 2 or not vec.values.shape[1]:
        return None, "", "?"
    value, unit, text = show(node.type, vec, (v.row, vec.values.shape[1] - 1))
    return value, unit, written_text(node, value) or text


# ------------------------------------------------------------------ status


Judged_ = tuple[r.Status | None, str, r.Facts]


def _facts(why: r.Why, j: Judgement, **more: Any) -> r.Facts:
    fields: dict[str, Any] = {
        "why": why, "years": list(j.years), "latest": j.year, "deadline": j.deadline,
        "base_year": None, "done": None, "elapsed": None, "missing": [], "note": ""}
    return r.Facts.model_construct(None, **(fields | more))


def judged_status(v: Verdict, shape: r.TargetShape, table: SeriesTable,
                  plan: t.PlanInfo) -> Judged_:
    """The evaluation word for one constraint's judgement, why in English, and why as data
    (for the reports to word in their language)."""
    j = v.judgement
    match j.outcome:
        case "not_applicable":
            return None, j.note or "not applicable", _facts("not_applicable", j)
        case "pending" if j.year is None:  # a year's target, the year not over yet
            return None, j.note, _facts("not_applicable", j, note=j.note)
        case "pass":
            return "pass", f"holds ({j.year})", _facts("holds", j)
        case "fail":
            years = j.years or [j.year or 0]
            return ("fail", "does not hold in " + ", ".join(str(y) for y in years),
                    _facts("fails", j, years=years))
        case "error":
            return ("unknown", f"cannot be evaluated: {j.note}",
                    _facts("error", j, note=j.note))
        case "unknown":
            return _unknown(v, table)
    return _progress(v)


def _unknown(v: Verdict, table: SeriesTable) -> Judged_:
    j = v.judgement
    if not j.years:
        return "unknown", j.note or "no data", _facts("no_data", j, note=j.note)
    lacking = [f"{ind} {y}" for y in j.years[:3]
               for ind, y in missing_points(v.constraint.expr, v.seen, v.row, y,
                                            table.first_year)]
    lacking = list(dict.fromkeys(lacking))
    due = ", ".join(str(y) for y in j.years)
    return ("unknown",
            f"no data for {due}" + (f" (missing {', '.join(lacking)})" if lacking else ""),
            _facts("missing", j, missing=lacking))


def _progress(v: Verdict) -> Judged_:
    """A pending target, in the words `check` gave its trajectory (`series`: achieved,
    ahead, on_track, lagging or no_baseline), with why."""
    c, j = v.constraint, v.judgement
    latest = j.year
    assert latest is not None and j.deadline is not None
    level: r.Status = j.trajectory or "unknown"
    if isinstance(c.time, m.EachYear):  # every due year held (else it would fail)
        return (level, f"holds every year so far (to {latest}); due {j.deadline}",
                _facts("each_year", j))
    if j.holds and level == "achieved":
        return (level, f"met in {latest}, before the deadline {j.deadline}",
                _facts("met_early", j))
    if j.holds:  # a rate, a trend or a relation by a year: holding now is not done
        return level, f"holds in {latest}; due {j.deadline}", _facts("holds_now", j)
    if j.line is not None:
        line, base = j.line.progress, j.line.base
        least = j.reached is not None and bool(j.note)  # a total over a missing year
        word = (f"{'at least ' if least else ''}{line.done:.0%} of the way from {base} in "
                f"{latest - base} of {j.deadline - base} years"
                + (f" ({j.note})" if least else ""))
        return level, word, _facts("line", j, base_year=base, done=round(line.done, 4),
                                   elapsed=round(line.expected, 4),
                                   note=j.note if least else "")
    if level == "no_baseline":
        return (level, f"no value before {latest} to start the line to the target from",
                _facts("no_line", j))
    return level, f"does not hold in {latest}; due {j.deadline}", _facts("fails_now", j)
