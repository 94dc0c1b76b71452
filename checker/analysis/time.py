"""Time and levels: deadlines outside the plan period, interim targets stricter
than later ones, and quotas of parts that exceed the whole's cap.

In: the checked suite and the series parts per region (`series`).
Out: findings A510, A511, A520, A521.  The language cannot say that a town or
zone is part of the plan's region; every other region under a rule on the same
indicator is read as a part, and the witness says so.  Imports `typed`,
`model` and the `analysis` modules.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction

from checker.analysis.findings import Finding, Involved
from checker.analysis.parts import Bound, Part, show_value
from checker.analysis.series import Scoped
from checker.analysis.words import involved, years_text
from checker.syntax import model as m
from checker.types import typed as t
from checker.types.units import Unit

NOT_ADDITIVE = frozenset({"share", "concentration", "duration", "bandwidth"})


# ------------------------------------------------------------------ deadlines


def deadlines(checked: t.CheckedSuite) -> list[Finding]:
    """A510 for a deadline outside the plan period — of a rule that quotes the plan, or
    outside its sources' declared `period` for one that quotes only other sources (`cite
    water14 …`, the province's next five-year plan); such a rule whose sources declare none
    is not checked: their years are not the plan's to bound."""
    out = []
    for rule in checked.rules:
        bounded_by = t.years_bounded_by(rule.citations, rule.period)
        if bounded_by is None:
            continue
        plan = t.plan_in(checked.plan, rule.period)
        for c in rule.constraints:
            time = c.time
            if time is None:
                continue
            match time:
                case m.ByYear(year=year):
                    outside = [year] if not plan.start <= year <= plan.end else []
                    shown = f"by {year}"
                case m.AtYear(year=year):
                    outside = [year] if not plan.baseline_year <= year <= plan.end else []
                    shown = f"at {year}"
                case m.EachYear(years=years):
                    outside = [y for y in (years.start, years.end)
                               if not plan.baseline_year <= y <= plan.end]
                    shown = f"each year in {years.start}..{years.end}"
            if not outside:
                continue
            out.append(Finding(
                "A510", f"deadline `{shown}` of rule `{rule.id}` is outside {bounded_by}",
                (Involved(rule.id, time.span if time.span.line else c.span, shown, "deadline"),),
                f"the {'source' if rule.period else 'plan'} runs {plan.start}..{plan.end} "
                f"(baseline {plan.baseline_year}); "
                f"`{c.text}` is due {shown}, so no plan-period data ever decides it",
                help=f"a target of this {'source' if rule.period else 'plan'} falls in "
                f"{plan.start}..{plan.end}; check the year"))
    return out


# ------------------------------------------------------------------ monotone targets


def _trends(scoped: Scoped) -> dict[tuple[str, str], tuple[str, Part]]:
    """(indicator, region) -> direction and the part of a `rises`/`falls` rule."""
    out: dict[tuple[str, str], tuple[str, Part]] = {}
    for region, by_rule in scoped.items():
        for parts in by_rule.values():
            for part in parts:
                node = part.node
                if isinstance(node, t.Trend) and isinstance(node.value, t.IndicatorRef):
                    up = "up" if node.direction == "rises" else "down"
                    out.setdefault((node.value.id, region), (up, part))
    return out


Target = tuple[int, Bound, Part]


def _targets(scoped: Scoped) -> dict[tuple[str, str], list[Target]]:
    """Point targets (`by`/`at`) that bound one indicator value, per indicator and region."""
    out: dict[tuple[str, str], list[Target]] = defaultdict(list)
    for region, by_rule in scoped.items():
        for parts in by_rule.values():
            for part in parts:
                if part.point and part.simple and len(part.bounds) == 1 and \
                        part.bounds[0].var[0] == "series":
                    bound = part.bounds[0]
                    out[str(bound.var[1]), region].append((part.year, bound, part))
    return out


def monotone(checked: t.CheckedSuite, scoped: Scoped) -> tuple[list[Finding], set[str]]:
    """A later target weaker than an earlier one, for an indicator that should improve."""
    trends = _trends(scoped)
    out: list[Finding] = []
    explained: set[str] = set()
    for (indicator, region), items in sorted(_targets(scoped).items()):
        spec = checked.indicators.get(indicator)
        trend = trends.get((indicator, region))
        direction = trend[0] if trend else (spec.direction if spec else "none")
        if direction == "none":
            continue
        rising = direction == "up"  # lower bounds carry the targets of a rising indicator
        chosen = sorted((i for i in items if i[1].lower == rising), key=lambda i: i[0])
        for k, (year, bound, part) in enumerate(chosen):
            earlier = [e for e in chosen[:k] if e[0] < year and
                       (e[1].value > bound.value if rising else e[1].value < bound.value)]
            if not earlier:
                continue
            first = max(earlier, key=lambda e: e[1].value if rising else -e[1].value)
            out.append(_weaker(indicator, region, first, (year, bound, part), spec,
                               trend[1] if trend else None, direction))
            explained.add(part.rule)
    return out, explained


def _weaker(indicator: str, region: str, early: Target, late: Target,
            spec: t.IndicatorSpec | None, trend: Part | None, direction: str) -> Finding:
    (e_year, e_bound, e_part), (year, bound, part) = early, late
    unit = spec.unit if spec else None
    why = f"`{trend.text}` (`{trend.rule}`)" if trend else \
        f"indicator `{indicator}` has direction {direction}"
    rules = involved([e_part], "earlier target") + involved([part], "later target")
    if trend is not None:
        rules += involved([trend], "trend")
    return Finding(
        "A511", f"the {year} target of `{part.rule}` is weaker than the {e_year} target "
        f"of `{e_part.rule}`", rules,
        f"in {region}: {indicator} must be {_num(e_bound, unit)} by {e_year} "
        f"(`{e_part.rule}`) but only {_num(bound, unit)} by {year} (`{part.rule}`), "
        f"although {why}",
        help="the final target should be at least as strict as every interim one")


def _num(bound: Bound, unit: Unit | None) -> str:
    op = (">" if bound.strict else ">=") if bound.lower else ("<" if bound.strict else "<=")
    return f"{op} {show_value(bound.value, None, unit)}"


# ------------------------------------------------------------------ levels


@dataclass
class Level:
    """Parts' bounds that add up past the whole's cap, in some years."""

    code: str
    indicator: str
    cap: Target
    parts: list[tuple[str, Target]]
    total: Fraction
    years: list[int] = field(default_factory=list)


def _tightest(scoped: Scoped) -> tuple[dict[tuple[str, str, int], Target],
                                       dict[tuple[str, str, int], Target]]:
    """Tightest upper (caps) and lower (floors) bound per indicator, region and year."""
    caps: dict[tuple[str, str, int], Target] = {}
    floors: dict[tuple[str, str, int], Target] = {}
    for region, by_rule in scoped.items():
        for parts in by_rule.values():
            for part in parts:
                if not part.simple:
                    continue
                for bound in part.bounds:
                    if bound.var[0] != "series":
                        continue
                    key = (str(bound.var[1]), region, part.year)
                    table = floors if bound.lower else caps
                    held = table.get(key)
                    if held is None or (bound.value > held[1].value if bound.lower
                                        else bound.value < held[1].value):
                        table[key] = (part.year, bound, part)
    return caps, floors


def cross_level(checked: t.CheckedSuite, scoped: Scoped) -> list[Finding]:
    whole = checked.plan.region
    caps, floors = _tightest(scoped)
    groups: dict[tuple[str, tuple[str, ...]], Level] = {}
    parts_of = {code: _parts(table, whole) for code, table in (("A520", caps), ("A521", floors))}
    for (indicator, region, year), cap in sorted(caps.items(), key=lambda kv: kv[0]):
        spec = checked.indicators.get(indicator)
        if region != whole or spec is None or spec.unit is None or \
                spec.unit.dimension in NOT_ADDITIVE:
            continue
        for code, by_year in parts_of.items():
            parts = sorted(by_year.get((indicator, year), []), key=lambda x: x[0])
            total = sum((target[1].value for _, target in parts), Fraction(0))
            if not parts or total <= cap[1].value:
                continue
            key = (code, tuple(sorted({cap[2].rule, *(target[2].rule for _, target in parts)})))
            groups.setdefault(key, Level(code, indicator, cap, parts, total)).years.append(year)
    return [_level_finding(level, whole, checked) for level in groups.values()]


def _parts(table: dict[tuple[str, str, int], Target], whole: str
           ) -> dict[tuple[str, int], list[tuple[str, Target]]]:
    """The bounds of regions other than the whole, per indicator and year."""
    out: dict[tuple[str, int], list[tuple[str, Target]]] = {}
    for (indicator, region, year), target in table.items():
        if region != whole:
            out.setdefault((indicator, year), []).append((region, target))
    return out


def _level_finding(level: Level, whole: str, checked: t.CheckedSuite) -> Finding:
    unit = checked.indicators[level.indicator].unit
    _, cap, cap_part = level.cap
    what = "caps" if level.code == "A520" else "minimums"
    listed = ", ".join(f"{region} ({show_value(target[1].value, None, unit)}, "
                       f"`{target[2].rule}`)" for region, target in level.parts)
    regions = ", ".join(region for region, _ in level.parts)
    return Finding(
        level.code, f"the {what} of {regions} on `{level.indicator}` add up to more than "
        f"{whole}'s cap",
        involved([cap_part], "whole") + involved([t_[2] for _, t_ in level.parts], "part"),
        f"in {years_text(level.years)}, the {what} of {listed} add up to "
        f"{show_value(level.total, None, unit)}, above {whole}'s cap of "
        f"{show_value(cap.value, None, unit)} (`{cap_part.rule}`); the language cannot say "
        f"which regions are parts of {whole}, so every other region under a rule on "
        f"`{level.indicator}` is read as one",
        help="make the parts' quotas add up to no more than the whole's cap")
