"""The decidability audit (issue 10: "most outcomes that read a real series are decided
rather than unknown").

For every series rule of the bundled suite — generated from the suite, so a rule added
later is audited too — two tables are built the way a district office publishes its
figures for 2021–2024, and the rule's outcome on each must be decided (pass, fail, or
pending with its trajectory):

- *on course*: every year's execution report where a rule reads every year; where it
  reads only a deadline, the year the public record lacks (2023) is skipped.  The base
  year 2020 (the plan's own figures) and any earlier base year a rule reads are given.
  Figures are qualified the way reports write them (`90以上`, `0.6以内`, `5.0左右`), the
  annual plans' targets are rows of `kind target`, and 2022 GDP growth is stated on the
  `扣除疫苗` basis (actual and target) beside the headline figure.
- *off course*: 2023 is missing, and the published years already prove the verdict:
  the figure gets worse across the gap (2024 worse than 2022, whatever 2023 was), an
  each-year cap is broken in 2024, or a deadline's figure moves away from its target.

These are test inputs, not figures of Daxing's: the real ones are in examples/data.
A rule that stays unknown here although its figures exist is a defect; where unknown
is the sound verdict (the gap is the figure the rule needs) the case says why below.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Literal

import pytest

from checker import result as r
from checker.pipeline import check_with
from checker.syntax.model import ByYear, EachYear
from checker.syntax.suite import load_suite
from checker.types import typed as t
from checker.types.typecheck import typecheck

AS_OF = 2024
BASE = 2020  # the plan's base year: its figures are in the plan text
GAP = 2023  # the year whose execution report the public record lacks
YEARS = range(2021, AS_OF + 1)
Scenario = Literal["on course", "off course"]
# the 2022 targets of GDP and revenue growth were stated 扣除疫苗影响, and so were the actuals
VACCINE_BASIS = frozenset({"gdp_growth", "general_budget_revenue_growth"})
CHECKED = typecheck(load_suite().suite)
SERIES_RULES = [rule for rule in CHECKED.rules if rule.subject == "series"]


def _walk(node: t.Node) -> list[t.Node]:
    return [node, *(inner for child in t.children(node) for inner in _walk(child))]


def _strip(node: t.Node) -> tuple[t.Node, Fraction]:
    """The node under a unit conversion, and the conversion's factor."""
    factor = Fraction(1)
    while isinstance(node, t.Scale):
        factor *= node.factor
        node = node.operand
    return node, factor


FLIP = {">=": "<=", ">": "<", "<=": ">=", "<": ">", "==": "==", "!=": "!="}


@dataclass(frozen=True)
class Threshold:
    """`x >= 90%` (or `90% <= x`): a constant the indicator is compared with."""

    value: Fraction  # in the indicator's unit
    up: bool  # the good side is above
    strict: bool
    deadline: int | None  # `by YEAR`; None when each year


def thresholds(rule: t.CheckedRule) -> dict[str, Threshold]:
    found: dict[str, Threshold] = {}
    for c in rule.constraints:
        if not isinstance(c.expr, t.Compare) or c.expr.op in ("==", "!="):
            continue
        left, lf = _strip(c.expr.left)
        right, rf = _strip(c.expr.right)
        op = c.expr.op
        if isinstance(right, t.IndicatorRef):
            left, lf, right, rf, op = right, rf, left, lf, FLIP[op]
        if (isinstance(left, t.IndicatorRef) and left.year is None
                and isinstance(right, t.Const) and isinstance(right.value, Fraction)):
            deadline = c.time.year if isinstance(c.time, ByYear) else None
            found[left.id] = Threshold(right.value * rf / lf, op in (">=", ">"), op in (">", "<"),
                                       deadline)
    return found


def reads(rule: t.CheckedRule) -> tuple[list[str], list[str], set[int]]:
    """The indicators a rule reads, those it reads a stated target of, and base years."""
    ids: list[str] = []
    targets: list[str] = []
    years: set[int] = set()
    for c in rule.constraints:
        for node in _walk(c.expr):
            if isinstance(node, t.IndicatorRef):
                ids.append(node.id)
                if node.year is not None:
                    years.add(node.year)
            elif isinstance(node, t.StatedTarget):
                targets.append(node.id)
            elif isinstance(node, t.Func) and node.years is not None:
                years.update((node.years.start, node.years.end))
    return (list(dict.fromkeys(ids)), list(dict.fromkeys(targets)),
            {y for y in years if y < BASE})


def changes(rule: t.CheckedRule) -> set[str]:
    """Indicators a rule reads a change of (`prev`, `growth`, `cagr`, `rises`): a bound
    (`35以内`) on those leaves the change open, so reports' exact figures are used."""
    found: set[str] = set()
    for c in rule.constraints:
        for node in _walk(c.expr):
            if (isinstance(node, t.Func) and node.name in ("prev", "growth", "cagr")) \
                    or isinstance(node, t.Trend):
                found |= {leaf.id for leaf in t.leaves(node) if isinstance(leaf, t.IndicatorRef)}
    return found


def flows(rule: t.CheckedRule) -> set[str]:
    """Indicators a rule adds up over years (`total(x, 2021..2025)`)."""
    return {leaf.id for c in rule.constraints for node in _walk(c.expr)
            if isinstance(node, t.Func) and node.name == "total"
            for leaf in t.leaves(node) if isinstance(leaf, t.IndicatorRef)}


def subjects(rule: t.CheckedRule) -> list[str]:
    regions = set(rule.regions)
    for c in rule.constraints:
        regions |= set(c.regions or ())
    return sorted(regions)


def every_year(rule: t.CheckedRule) -> bool:
    return any(isinstance(c.time, EachYear) for c in rule.constraints)


def deadlines(rule: t.CheckedRule) -> set[int]:
    return {c.time.year for c in rule.constraints if isinstance(c.time, ByYear)}


def published_years(rule: t.CheckedRule, scenario: Scenario) -> list[int]:
    """The years a report gives; the gap never falls on a deadline already past."""
    _, _, early = reads(rule)
    gap = GAP if GAP not in deadlines(rule) else GAP - 1
    skip = scenario == "off course" or not every_year(rule)
    return sorted({*early, BASE, *(y for y in YEARS if not (skip and y == gap))})


def _step(spec: t.IndicatorSpec, around: Fraction) -> Fraction:
    if spec.whole:
        return Fraction(1)
    if spec.unit is not None and spec.unit.symbol == "%":
        return Fraction(1, 2)
    return max(abs(around) / 50, Fraction(1, 10))


def _clamp(spec: t.IndicatorSpec, value: Fraction) -> Fraction:
    if spec.low is not None:
        value = max(value, spec.low)
    if spec.high is not None:
        value = min(value, spec.high)
    return value


def level(spec: t.IndicatorSpec, year: int, scenario: Scenario,
          threshold: Threshold | None, worse: bool) -> Fraction:
    """The figure of `year`: along the rule's threshold, else along the indicator's way
    (`worse`: off course, this indicator is the one that falls behind)."""
    if threshold is not None:
        step = _step(spec, threshold.value)
        sign = 1 if threshold.up else -1
        met = threshold.value + (sign * step if threshold.strict else 0)
        if threshold.deadline is None:  # each year: on the good side, broken in 2024 if off
            broken = scenario == "off course" and year == AS_OF
            return _clamp(spec, met - sign * 2 * step if broken else met)
        due = min(threshold.deadline, AS_OF)
        if scenario == "on course":  # reaches the target by its deadline
            return _clamp(spec, met - sign * step * max(0, due - year))
        return _clamp(spec, met - sign * step * (1 + year - BASE))  # moving away
    if spec.published_rate:  # growth as reports give it: around 5 %, in half points
        middle, step = Fraction(5), Fraction(1, 2)
    else:
        low = spec.low if spec.low is not None else Fraction(0)
        high = spec.high if spec.high is not None else low + 100
        middle = (low + high) / 2
        step = _step(spec, middle)
    way = {"up": 1, "down": -1, "none": 1}[spec.direction]
    if worse and year == AS_OF:  # worse than 2022 whatever 2023 was
        return _clamp(spec, middle + way * step * (2022 - BASE - 2))
    return _clamp(spec, middle + way * step * (year - BASE))


def _number(value: Fraction) -> str:
    text = f"{float(value):.4f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


def _qualified(spec: t.IndicatorSpec, value: Fraction, up: bool) -> str:
    """A bound on the good side as reports write it (`90以上`, `5以内`), or the figure
    itself at an end of the range (no report says `100%以上`)."""
    if value in (spec.low, spec.high):
        return _number(value)
    return _number(value) + ("以上" if up else "以内")


@dataclass
class Table:
    rows: list[list[str]]

    def add(self, indicator: str, region: str, year: int, value: str, unit: str,
            kind: str = "actual", basis: str = "") -> None:
        self.rows.append([indicator, region, str(year), value, unit, kind, basis])


def build(rule: t.CheckedRule, scenario: Scenario) -> Table:
    """The table a district office's reports give for the indicators `rule` reads."""
    ids, targeted, _ = reads(rule)
    limits = thresholds(rule)
    years = published_years(rule, scenario)
    table = Table([])
    for region in subjects(rule):
        levels: dict[str, dict[int, Fraction]] = {}
        for ident in ids:
            spec = CHECKED.indicators[ident]
            if spec.growth_of is not None and spec.growth_of in ids:
                continue  # a published rate of a level read here: written with its level
            unit = spec.unit.symbol if spec.unit is not None else ""
            if spec.unit is None:
                due = min((*deadlines(rule), AS_OF))
                for year in years:
                    done = scenario == "on course" and year >= due
                    table.add(ident, region, year, "true" if done else "false", "")
                continue
            worse = scenario == "off course" and ident == ids[0]
            levels[ident] = {y: level(spec, y, scenario, limits.get(ident), worse)
                             for y in years}
            limit = limits.get(ident)
            bounded = scenario == "on course" and ident not in changes(rule)
            for year in years:
                value = levels[ident][year]
                text = _number(value)
                if limit is not None and bounded and year in (max(years), 2022):
                    text = _qualified(spec, value, limit.up)  # as reports write it
                elif bounded and limit is None and year == 2021 and ident in flows(rule):
                    text = _number(value) + "以上"  # a year's flow as a floor (`突破`)
                table.add(ident, region, year, text, unit)
            if ident in VACCINE_BASIS and 2022 in years:  # also without vaccine sales
                table.add(ident, region, 2022, _number(levels[ident][2022] - 3), unit,
                          basis="扣除疫苗")
        for ident, spec in CHECKED.indicators.items():  # published rates of these levels
            if spec.growth_of in levels:
                series = levels[spec.growth_of]
                for year in years:
                    if year - 1 in series and series[year - 1] != 0:
                        rate = (series[year] / series[year - 1] - 1) * 100
                        table.add(ident, region, year, f"{float(rate):.1f}", "%")
                        if ident in VACCINE_BASIS and year == 2022:
                            table.add(ident, region, year, f"{float(rate) - 3:.1f}", "%",
                                      basis="扣除疫苗")
        for ident in targeted:
            _targets(table, rule, ident, region, scenario, levels)
    return table


def _targets(table: Table, rule: t.CheckedRule, ident: str, region: str,
             scenario: Scenario, levels: dict[str, dict[int, Fraction]]) -> None:
    """An annual plan's target for each year, met on course and missed in 2022 off it."""
    spec = CHECKED.indicators[ident]
    assert spec.unit is not None
    up = spec.direction != "down"
    sign = 1 if up else -1
    for year in YEARS:
        actual = _actual_for_target(spec, ident, year, levels)
        step = spec.about.amount if spec.about is not None else Fraction(1, 2)
        missed = scenario == "off course" and year == 2022
        value = actual + sign * 2 * step if missed else actual - sign * 2 * step
        words = {2021: "左右" if spec.about is not None else ("以上" if up else "以内"),
                 2022: "以上" if up else "以内"}.get(year, "")
        basis = "扣除疫苗" if ident in VACCINE_BASIS and year == 2022 else ""
        table.add(ident, region, year, _number(value) + words, spec.unit.symbol,
                  kind="target", basis=basis)


def _actual_for_target(spec: t.IndicatorSpec, ident: str, year: int,
                       levels: dict[str, dict[int, Fraction]]) -> Fraction:
    if spec.growth_of is not None and spec.growth_of in levels:
        series = levels[spec.growth_of]
        before, now = series.get(year - 1), series.get(year)
        if before is None or now is None:
            return Fraction(0)
        rate = (now / before - 1) * 100
        return rate - 3 if year == 2022 and ident in VACCINE_BASIS else rate
    if ident in VACCINE_BASIS and year == 2022:
        return levels[ident][2022] - 3  # the 扣除疫苗 figure the 2022 target is stated on
    return levels[ident].get(year, Fraction(0))


def run(rule: t.CheckedRule, scenario: Scenario, folder: Path) -> list[r.Outcome]:
    table = build(rule, scenario)
    path = folder / f"{rule.id}-{scenario.replace(' ', '-')}.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["indicator", "region", "year", "value", "unit", "kind", "basis"])
        writer.writerows(table.rows)
    result = check_with(CHECKED, [path], as_of=AS_OF, max_findings=None)
    return [o for o in result.outcomes if o.rule == rule.id]


def decided(outcome: r.Outcome) -> bool:
    if outcome.outcome == "pending":
        return outcome.trajectory is not None
    return outcome.outcome in ("pass", "fail")


@pytest.mark.parametrize("rule", SERIES_RULES, ids=[rule.id for rule in SERIES_RULES])
@pytest.mark.parametrize("scenario", ["on course", "off course"])
def test_a_rule_is_decided_on_the_figures_reports_publish(rule: t.CheckedRule,
                                                          scenario: Scenario,
                                                          tmp_path: Path) -> None:
    outcomes = run(rule, scenario, tmp_path)
    assert outcomes, f"{rule.id}: no outcome on its own indicators"
    undecided = [(o.subject, o.outcome, o.trajectory, o.message) for o in outcomes
                 if not decided(o)]
    assert undecided == []


# Where `unknown` is the sound verdict: the gap is the very figure the rule needs.  Each
# would flip with some filling of the gap, so deciding would be guessing.

def _check(tmp_path: Path, rows: list[list[str]], rule: str) -> r.Outcome:
    path = tmp_path / "sound.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["indicator", "region", "year", "value", "unit", "kind", "basis"])
        writer.writerows(rows)
    result = check_with(CHECKED, [path], as_of=AS_OF, max_findings=None)
    return next(o for o in result.outcomes if o.rule == rule and o.subject == "大兴区")


def test_a_deadline_past_whose_year_is_the_gap_stays_unknown(tmp_path: Path) -> None:
    """HLTH-02 (国家卫生区 by 2023): 2022 not yet, 2024 won — it may have been won in 2023
    or in 2024, so the 2023 report decides; the message names it."""
    found = _check(tmp_path, [["national_health_district", "大兴区", str(y), v, "", "actual", ""]
                              for y, v in ((2021, "false"), (2022, "false"), (2024, "true"))],
                   "HLTH-02")
    assert found.outcome == "unknown"
    assert "national_health_district (2023)" in found.message


def test_a_bound_on_a_series_read_year_on_year_leaves_the_change_open(tmp_path: Path) -> None:
    """AIR-03 (PM2.5 no higher than the year before): `35以内` in 2022 after 36 in 2021
    holds, but 2023's 35 may be above 2022's figure (34.5?) — unknown for 2023, named."""
    rows = [["pm25_annual_mean", "大兴区", str(y), v, "μg/m³", "actual", ""]
            for y, v in ((2020, "38"), (2021, "36"), (2022, "35以内"), (2023, "35"),
                         (2024, "34"))]
    found = _check(tmp_path, rows, "AIR-03")
    assert found.outcome == "unknown"
    assert "pm25_annual_mean (2022)" in found.message


def test_a_target_on_a_basis_no_actual_is_given_on_stays_unknown(tmp_path: Path) -> None:
    """ANNUAL-01: the 2022 target `6以上` is 扣除疫苗; a headline actual (with vaccine
    sales) is another figure, so the year waits for the actual on that basis."""
    rows = [["gdp_growth", "大兴区", "2022", "6以上", "%", "target", "扣除疫苗"],
            ["gdp_growth", "大兴区", "2022", "20", "%", "actual", ""]]
    found = _check(tmp_path, rows, "ANNUAL-01")
    assert found.outcome == "unknown"
    assert "扣除疫苗" in found.message
