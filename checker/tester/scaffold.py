"""Test scaffolds: for a rule, a test it passes at its threshold and one it fails just
beyond, written in the test language and verified by running them.

A new suite's author writes a rule a minute and then, for lint's L608, a test a rule:
the same boilerplate of givens at the plan's figure.  This writes it.  The values tried
are the rule's own constants in the unit of what they are compared with (`319 km2`),
one step of their last written digit either side (`320 km2`; `46.88%`, `46.90%` for
`46.89%`), a summed value's share (`total(x, 2021..2025) >= 1000` tries 200 a year),
zero and a middle value; a series (flat, rising, falling, doubling) when the rule reads
a trend, `prev`, `growth`, `total`, `cagr` or a requirement each year; for enums (the
items the rule names first), flags and optional fields (left out) each value.  Every
candidate is a real `test` block run by the runner — a rule `for each` record judges
all its candidates as records of one test — and a scaffold is printed only when its
`expect` holds, never a test that fails as written.  A rule no candidate decides gets
no scaffold, with the reason.

In: a `CheckedSuite` and rule ids.  Out: `Scaffold`s (the tests' text, or why none).
Imports model, typed, unparse, the parser and the runner.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import cast

from checker import result as r
from checker.engine.shapes import bare
from checker.source import SourceFile
from checker.syntax import model as m
from checker.syntax.build import build
from checker.syntax.grammar import parser
from checker.syntax.parse import parse
from checker.syntax.unparse import name as name_text
from checker.syntax.unparse import quantity as quantity_text
from checker.syntax.unparse import string
from checker.tester.runner import run_test
from checker.types import typed as t
from checker.types.units import Unit

MAX_CANDIDATES = 256  # combinations of values tried per rule (one test each)
MAX_RECORDS = 4096  # per record rule: candidates are records of one test, judged at once
SERIES = frozenset({"prev", "growth", "total", "cagr"})
CHUNK = 16  # candidates run at a time before asking whether both outcomes were seen
SHAPES = ("flat", "rising", "falling", "doubling")
OTHER_ITEMS = 2  # enum items the rule does not name, tried besides those it names
RECORD_ID = "T-1"
WAIVED = "waived"  # a candidate's pass that the rule's `unless` grants
NEAREST = 64  # plain passes weighed for the failing candidate nearest them


@dataclass(frozen=True)
class Scaffold:
    rule: str
    text: str | None  # the two tests, or None when no candidate decides the rule
    reason: str = ""
    tests: int = 0  # how many `text` holds: a pass, a fail, and where the guard excludes


@dataclass(frozen=True)
class _Lever:
    """One thing a test gives: a field of the rule's record or an indicator in a year."""

    kind: str  # "field" or "data"
    name: str
    type: t.Type
    values: tuple[object, ...]
    year: int | None = None
    first: int | None = None  # a series from this year to `year` (the rule reads a trend)
    regions: tuple[str, ...] = ()
    label: str = ""  # a display name or a field label, for the test name (`标准班额`)
    made_up: bool = False  # a quantity no rule sets a figure for: its values start at a stand-in
    word: str = ""  # a count's unit as the indicator writes it (`所`): the count has no symbol

    @property
    def title(self) -> str:
        """How the test's name says it: an indicator by its display name, a field by its
        label, where it has one (a test name is a string: Chinese reads as the plan does)."""
        shown = self.label or self.name
        return f"target({shown})" if self.kind == "target" else shown

    def shown(self, value: object) -> str:
        """The value as a test writes it (a series: constant, rising or falling to it)."""
        if value is None:
            return "left out"
        if self.first is not None and isinstance(value, tuple):
            shape, end = value
            shown = _literal(end, self.type, self.word)
            return f"{shown} each year" if shape == "flat" else f"{shape} to {shown}"
        return _literal(value, self.type, self.word)

    def series(self, value: object) -> list[Fraction]:
        """A series lever's values, year by year: flat at the value, or rising or falling
        one step a year (a step of its last digit) to end at it."""
        assert self.first is not None and self.year is not None and isinstance(value, tuple)
        return _series(value[0], value[1], self.year - self.first + 1)


def scaffold(checked: t.CheckedSuite, rule_ids: Sequence[str]) -> list[Scaffold]:
    """A pass and a fail test for each rule of `rule_ids`, in that order."""
    rules = {rule.id: rule for rule in checked.rules}
    return [_one(checked, rules[rule_id]) if rule_id in rules
            else Scaffold(rule_id, None, f"no rule `{rule_id}`") for rule_id in rule_ids]


def untested(checked: t.CheckedSuite) -> list[str]:
    """Rules no test `expect`s, in the suite's order (what L608 reports)."""
    expected = {item.rule_id for test in checked.tests for item in test.items
                if isinstance(item, m.Expect)}
    return [rule.id for rule in checked.rules if rule.id not in expected]


def _one(checked: t.CheckedSuite, rule: t.CheckedRule) -> Scaffold:
    levers = _levers(checked, rule)
    if not levers:
        return Scaffold(rule.id, None, "it reads no field or indicator a test could give")
    per_record = rule.subject == "record" and all(lv.kind == "field" for lv in levers) \
        and "id" in checked.schemas[rule.record or ""].fields
    combos = list(itertools.islice(itertools.product(*(lv.values for lv in levers)),
                                   MAX_RECORDS if per_record else MAX_CANDIDATES))
    year = _year(checked, rule)
    bodies = [_body(checked, rule, levers, combo, year) for combo in combos]
    outcomes = (_record_outcomes(checked, rule, levers, combos, year) if per_record
                else _early_outcomes(checked, rule, bodies))
    # a pass the rule's `unless` grants says nothing of its `require`: a plain one first
    waived = next((i for i, o in enumerate(outcomes) if o == WAIVED), None)
    passing = _nearest_pass(combos, outcomes, waived)
    if passing is None:
        return Scaffold(rule.id, None, _none_reason(outcomes, "pass"))
    failing = min((i for i, o in enumerate(outcomes) if o == "fail"),
                  key=lambda i: (_distance(combos[passing], combos[i]),
                                 _gap(combos[passing], combos[i]), abs(i - passing)),
                  default=None)
    if failing is None:
        return Scaffold(rule.id, None, _none_reason(outcomes, "fail"))
    at, beyond = _named(levers, combos[passing], combos[failing])
    text = (_made_up_note(levers)
            + _test(f"{rule.id} passes at {at}", bodies[passing], rule.id, "pass") + "\n"
            + _test(f"{rule.id} fails at {beyond}", bodies[failing], rule.id, "fail"))
    # a guard's false side (a coverage item): the nearest candidate it leaves out
    idle = min((i for i, o in enumerate(outcomes) if o == "not_applicable"),
               key=lambda i: (_distance(combos[passing], combos[i]), abs(i - passing)),
               default=None) if rule.guard is not None else None
    tests = 2
    if idle is not None:
        _, outside = _named(levers, combos[passing], combos[idle])
        text += "\n" + _test(f"{rule.id} does not apply at {outside}", bodies[idle],
                             rule.id, "not_applicable")
        tests += 1
    # the exception's true side (a coverage item): the failing test, waived
    excused = min((i for i, o in enumerate(outcomes) if o == WAIVED),
                  key=lambda i: (_distance(combos[failing], combos[i]), abs(i - failing)),
                  default=None) if passing != waived else None
    if excused is not None:
        _, granted = _named(levers, combos[failing], combos[excused])
        text += "\n" + _test(f"{rule.id} passes by its exception at {granted}",
                             bodies[excused], rule.id, "pass")
        tests += 1
    return Scaffold(rule.id, text, tests=tests)


def _nearest_pass(combos: list[tuple[object, ...]], outcomes: list[str | None],
                  waived: int | None) -> int | None:
    """The passing candidate with a failing one nearest to it (one value apart, at best),
    of the first `NEAREST` plain passes: so the pair differs only where the rule turns,
    not also in a flag the pass happened to have.  Else the first waived pass."""
    passes = [i for i, o in enumerate(outcomes) if o == "pass"][:NEAREST]
    fails = [i for i, o in enumerate(outcomes) if o == "fail"]
    if not passes:
        return waived
    if not fails:
        return passes[0]
    return min(passes, key=lambda i: (min(_distance(combos[i], combos[j]) for j in fails), i))


def _made_up_note(levers: list[_Lever]) -> str:
    """A comment over tests whose figures no rule sets: the reader is to put the plan's
    figures in (the stand-in makes the test mean something, not the plan's words)."""
    named = sorted({lv.label or lv.name for lv in levers if lv.made_up})
    if not named:
        return ""
    return (f"# No rule sets a figure for {', '.join(named)}: these tests start at a\n"
            "# stand-in (the middle of its range, else 100), not at 0, which passes many\n"
            "# rules for the wrong reason. Write the plan's figures in.\n")


def _named(levers: list[_Lever], a: tuple[object, ...], b: tuple[object, ...]
           ) -> tuple[str, str]:
    """What a test's name says of two candidates: the levers that differ, at each value."""
    moved = [lv for lv, x, y in zip(levers, a, b, strict=True) if x != y]

    def said(combo: tuple[object, ...]) -> str:
        return ", ".join(f"{lv.title} {lv.shown(v)}"
                         for lv, v in zip(levers, combo, strict=True) if lv in moved)

    return said(a), said(b)


def _none_reason(outcomes: list[str | None], what: str) -> str:
    seen = sorted({o for o in outcomes if o is not None})
    return (f"no value tried makes it {what} (outcomes seen: "
            f"{', '.join(seen) or 'none'}); write this test by hand")


def _distance(a: tuple[object, ...], b: tuple[object, ...]) -> int:
    """How far a failing candidate is from the passing one: values changed, a series'
    shape counting double (`320 km² each year` is nearer `319 km² each year` than a
    series falling to 319)."""
    def apart(x: object, y: object) -> int:
        if isinstance(x, tuple) and isinstance(y, tuple):
            return 2 * int(x[0] != y[0]) + int(x[1] != y[1])
        return int(x != y)
    return sum(apart(x, y) for x, y in zip(a, b, strict=True))


def _gap(a: tuple[object, ...], b: tuple[object, ...]) -> Fraction:
    """How far apart two candidates' numbers are: 37 is nearer 36 than 38 is."""
    def number(x: object) -> Fraction | None:
        x = x[1] if isinstance(x, tuple) else x
        return x if isinstance(x, Fraction) else None
    return sum((abs(p - q) for x, y in zip(a, b, strict=True)
                if (p := number(x)) is not None and (q := number(y)) is not None),
               Fraction(0))


# ------------------------------------------------------------------ candidates


def _levers(checked: t.CheckedSuite, rule: t.CheckedRule) -> list[_Lever]:
    nodes = [n for root in _roots(rule) for n in _walk(root)]
    constants = [n for n in nodes if isinstance(n, t.Const)] or _plan_figures(checked, nodes)
    enums = _enum_marks(nodes)
    # `total(x, 2021..2025) >= 1000 km`: 200 km a year is the total at the figure
    shares = {ref.id: len(n.years.years()) for n in nodes
              if isinstance(n, t.Func) and n.name == "total" and n.years is not None
              for arg in n.args for ref in _walk(arg) if isinstance(ref, t.IndicatorRef)}
    year, first = _year(checked, rule), _first_year(checked, rule, nodes)
    # `change(x, 2020..2025) <= -13.5%`: a series from a level to 13.5 % below it
    changed = {ref.id for n in nodes if isinstance(n, t.Func) and n.name == "change"
               for arg in n.args for ref in _walk(arg) if isinstance(ref, t.IndicatorRef)}
    changes = {id(c) for n in nodes if isinstance(n, t.Compare)
               and isinstance(f := bare(n.left), t.Func) and f.name == "change"
               for c in _walk(n.right) if isinstance(c, t.Const)}
    rates = [Fraction(c.value) * c.type.unit.factor for c in constants
             if isinstance(c.type, t.QuantityT) and c.type.dimension == "share"
             and isinstance(c.value, Fraction)]
    presence = {n.value.name for n in nodes
                if isinstance(n, t.Present) and isinstance(n.value, t.FieldRef)}
    out: dict[tuple[str, str, int | None], _Lever] = {}
    schema = checked.schemas.get(rule.record or "")
    for node, when, regions in _placed(checked, rule, year):
        if isinstance(node, t.FieldRef) and schema is not None and node.name in schema.fields:
            spec = schema.fields[node.name]
            values = _values(spec.type, constants, spec.low, spec.high, spec.whole, enums)
            if node.name in presence and not spec.required:
                values = (*values, None)
            out.setdefault(("field", node.name, None),
                           _Lever("field", node.name, spec.type, values,
                                  label=spec.label or "",
                                  made_up=_made_up(spec.type, constants)))
        elif isinstance(node, t.IndicatorRef | t.StatedTarget) \
                and node.id in checked.indicators:
            ind = checked.indicators[node.id]
            ind_type: t.Type = t.QuantityT(ind.unit) if ind.unit is not None else (
                ind.scale or t.BoolT())
            # `change(x, 2020..2025) < 0%`: the rate is no level of x (a share of a share
            # indicator would start the series at 0% and 1%, not at a level)
            levels = [c for c in [*constants, *_plan_figures(checked, [node])]
                      if id(c) not in changes] if node.id in changed else constants
            values = _values(ind_type, levels, ind.low, ind.high, ind.whole, enums,
                             shares.get(node.id, 1))
            fixed = node.year if isinstance(node, t.IndicatorRef) else None
            kind = "target" if isinstance(node, t.StatedTarget) else "data"
            series = first is not None and fixed is None and isinstance(ind_type, t.QuantityT)
            if series:
                count = max(year, checked.plan.start) - (first or 0) + 1
                relative = _relative(values, rates) if node.id in changed else []
                shaped = [*relative, *((shape, cast(Fraction, v)) for v in values
                                       for shape in SHAPES)]
                values = tuple((shape, end) for shape, end in shaped if _allowed(
                    _series(shape, end, count), constants, ind.low, ind.high))
            # a series reaches into the plan's period: data before it are only its base
            at = fixed if fixed is not None else (
                max(year, checked.plan.start) if series else when)
            out.setdefault((kind, node.id, at), _Lever(
                kind, node.id, ind_type, values, at, first if series else None, regions,
                ind.display or "", _made_up(ind_type, levels), _count_word(checked, node.id)))
    return _relative_levels(checked, list(out.values()), constants)


def _count_word(checked: t.CheckedSuite, indicator: str) -> str:
    """The unit an indicator of a count declares (`unit 所`), when it is a spelling of the
    symbol-less count a test may write after a number; else ""."""
    spec = checked.indicators.get(indicator)
    if spec is None or spec.unit is None or spec.unit.symbol:
        return ""
    written = next((d.get("unit") for d in checked.suite.of(m.Indicator)
                    if d.id == indicator), None)
    if not written or not _unit_token().fullmatch(written) \
            or checked.units.resolve(written) != spec.unit:
        return ""
    return written


def _relative_levels(checked: t.CheckedSuite, levers: list[_Lever],
                     constants: list[t.Const]) -> list[_Lever]:
    """An indicator read in two years (`x >= (x at 2020) + 0.8 岁`): the rule's figures
    are a change, not levels, so the earlier year is given the stand-in (the middle of
    the range) and the later ones that level moved by each figure, one step either side —
    not 0 岁 in 2020 and 0.8 岁 in 2025.  Each is named with its year."""
    years: dict[str, list[_Lever]] = {}
    for lv in levers:
        if lv.kind == "data" and lv.first is None and isinstance(lv.type, t.QuantityT):
            years.setdefault(lv.name, []).append(lv)
    moved: dict[int, _Lever] = {}
    for name, same in years.items():
        if len({lv.year for lv in same}) < 2:
            continue
        ind = checked.indicators[name]
        kind = cast(t.QuantityT, same[0].type)
        level = stand_in(ind.low, ind.high)
        changes = sorted({*_marks(kind, constants), Fraction(0)}, key=lambda v: v == 0)
        for lv in same:
            values: tuple[object, ...] = (level,)
            if lv.year != min(x.year or 0 for x in same):
                tried = [_rounded(level + c + d * (Fraction(1) if ind.whole else _step(c)))
                         for c in changes for d in (0, 1, -1)]
                values = tuple(dict.fromkeys(v for v in tried
                                             if _allowed([v], constants, ind.low, ind.high)))
            moved[id(lv)] = dataclasses.replace(
                lv, values=values or lv.values, made_up=True,
                label=f"{lv.label or lv.name} ({lv.year})")
    return [moved.get(id(lv), lv) for lv in levers]


def _plan_figures(checked: t.CheckedSuite, nodes: list[t.Node]) -> list[t.Const]:
    """For a rule with no figure of its own (`x >= target(x) each year`), the figures the
    suite's other rules set the same indicators (`>= 6%`): a test at the plan's figure
    reads as the plan does, not at 0% actual against a 0% target."""
    read = {n.id for n in nodes if isinstance(n, t.IndicatorRef | t.StatedTarget)}
    return [_per_year(n, root) for other in checked.rules for root in _roots(other)
            for n in _walk(root)
            if isinstance(n, t.Const) and isinstance(n.type, t.QuantityT)
            and read & {ref.id for ref in _walk(root) if isinstance(ref, t.IndicatorRef)}]


def _per_year(const: t.Const, root: t.Node) -> t.Const:
    """A figure of a total over years (`total(x, 2021..2025) >= 5 万个`) as a year's share
    (10000 a year): an annual target tested at the five years' sum reads as nonsense."""
    left = bare(root.left) if isinstance(root, t.Compare) else None
    if isinstance(left, t.Func) and left.name == "total" and left.years is not None \
            and isinstance(const.value, Fraction) and left.years.years():
        return dataclasses.replace(const, value=const.value / len(left.years.years()))
    return const


def _relative(values: tuple[object, ...], rates: list[Fraction]) -> list[tuple[str, Fraction]]:
    """Series from the lever's first level (the plan's figure or the stand-in) to that level
    changed by each rate, and one step either side: a test of `降低13.5%` reads as a fall
    of 13.5 %, not a fall to 0."""
    start = next((v for v in values if isinstance(v, Fraction) and v != 0), None)
    if start is None:
        return []
    out = []
    for rate in rates:
        end = _rounded(start * (1 + rate))
        step = _step(end)
        out += [(f"from {quantity_text(m.Quantity(start, None))}", e)
                for e in (end, end + step, end - step)]
    return out


def _series(shape: str, end: Fraction, count: int) -> list[Fraction]:
    if shape.startswith("from "):  # evenly from a start to the end, both exact
        start = Fraction(shape.removeprefix("from "))
        inner = [_rounded(start + (end - start) * i / (count - 1)) for i in range(1, count - 1)]
        return [start, *inner, end] if count > 1 else [end]
    if shape == "doubling":
        return [end / 2 ** (count - 1 - i) for i in range(count)]
    step = _step(end) if shape != "flat" else Fraction(0)
    sign = {"flat": 0, "rising": -1, "falling": 1}[shape]
    return [end + sign * step * (count - 1 - i) for i in range(count)]


def _placed(checked: t.CheckedSuite, rule: t.CheckedRule, year: int
            ) -> Iterator[tuple[t.Node, int, tuple[str, ...]]]:
    """Every node the rule reads, with the year and regions its clause is judged in."""
    plain = rule.regions or (checked.plan.region,)
    for root in [*([rule.guard] if rule.guard is not None else []),
                 *(w.expr for w in rule.waivers)]:
        yield from ((n, year, plain) for n in _walk(root))
    for c in rule.constraints:
        when = c.time.year if isinstance(c.time, m.ByYear | m.AtYear) else (
            c.time.years.end if isinstance(c.time, m.EachYear) else year)
        yield from ((n, when, c.regions or plain) for n in _walk(c.expr))


def _enum_marks(nodes: list[t.Node]) -> set[str]:
    """Enum items the rule names (`zone == 其他`, `town in {…}`): tried first."""
    named = {str(item) for n in nodes if isinstance(n, t.Member) for item in n.shown}
    named |= {n.type.items[n.value] for n in nodes if isinstance(n, t.Const)
              and isinstance(n.type, t.EnumT) and isinstance(n.value, int)
              and not isinstance(n.value, bool) and 0 <= n.value < len(n.type.items)}
    return named


def _first_year(checked: t.CheckedSuite, rule: t.CheckedRule,
                nodes: list[t.Node]) -> int | None:
    """The first year of the series a rule reads — for a trend, `prev`, `growth`,
    `total` or `cagr`, or a requirement each year — else None (one year's value)."""
    years = [n.years.start for n in nodes if isinstance(n, t.Func) and n.years is not None]
    years += [c.time.years.start for c in rule.constraints if isinstance(c.time, m.EachYear)]
    trend = any(isinstance(n, t.Trend) or (isinstance(n, t.Func) and n.name in SERIES)
                for n in nodes)
    if not years and not trend:
        return None
    return min([*years, checked.plan.baseline_year]) if trend or years else None


def _roots(rule: t.CheckedRule) -> Iterator[t.Node]:
    if rule.guard is not None:
        yield rule.guard
    yield from (c.expr for c in rule.constraints)
    yield from (w.expr for w in rule.waivers)


def _walk(node: t.Node) -> Iterator[t.Node]:
    yield node
    for f in dataclasses.fields(node):
        value = getattr(node, f.name)
        for child in value if isinstance(value, tuple) else (value,):
            if isinstance(child, t.Node):
                yield from _walk(child)


def _values(kind: t.Type, constants: list[t.Const], low: Fraction | None,
            high: Fraction | None, whole: bool, enums: set[str],
            years: int = 1) -> tuple[object, ...]:
    """The values a lever is tried at: the rule's constants (converted; for a lever
    summed over `years`, its share of them first), then one step beyond either side of
    each, then zero; for flags and enums each value."""
    match kind:
        case t.BoolT():
            return (True, False)
        case t.EnumT(items=items):
            named = [i for i in items if i in enums]
            return (*named, *[i for i in items if i not in enums][:OTHER_ITEMS])
        case t.YearT():
            return ()
        case t.TextT():
            return ("x",)
    assert isinstance(kind, t.QuantityT)
    marks = _marks(kind, constants)
    found: list[Fraction] = []
    middle = stand_in(low, high)
    # the plan's own figures first; a zero (`持续 = 0`, "no worse") after them; with no
    # figure at all the stand-in first, so a test does not read `0 km²` against `0 km²`
    marks = [*(Fraction(v) / years for v in marks if years > 1), *marks]
    ordered = sorted((Fraction(v) for v in marks), key=lambda v: v == 0)
    tried = (*ordered, Fraction(0), middle) if ordered else (middle, Fraction(0))
    for mark in tried:
        step = Fraction(1) if whole else _step(mark)
        for value in (mark, mark + step, mark - step):
            value = _rounded(value)
            if whole and value.denominator != 1:
                continue
            if _allowed([value], constants, low, high) and value not in found:
                found.append(value)
    return tuple(found)


def _marks(kind: t.QuantityT, constants: list[t.Const]) -> list[Fraction]:
    """The figures of `constants` in `kind`'s dimension, converted to its unit."""
    return [Fraction(c.value) * c.type.unit.ratio_to(kind.unit) for c in constants
            if isinstance(c.type, t.QuantityT) and isinstance(c.value, Fraction | int)
            and not isinstance(c.value, bool) and c.type.dimension == kind.dimension]


def _made_up(kind: t.Type, constants: list[t.Const]) -> bool:
    return isinstance(kind, t.QuantityT) and not _marks(kind, constants)


def stand_in(low: Fraction | None, high: Fraction | None) -> Fraction:
    """Where a test starts when no rule sets a figure: the middle of the declared range,
    else 100 (a figure a reader sees is made up; 0 reads as "nothing" and passes many
    rules for the wrong reason)."""
    return _rounded((low + high) / 2) if low is not None and high is not None \
        else Fraction(100)


def _allowed(values: list[Fraction], constants: list[t.Const], low: Fraction | None,
             high: Fraction | None) -> bool:
    """Within the declared range, and not below zero unless the rule's own figures are:
    a plan's quantities are rarely negative, and a test of a −1 μg/m³ reading reads
    as nonsense."""
    negative = any(isinstance(c.value, Fraction) and c.value < 0 for c in constants)
    return all((low is None or v >= low) and (high is None or v <= high)
               and (negative or v >= 0) for v in values)


def _step(value: Fraction) -> Fraction:
    """One unit of the last digit written: 1 for 319, 0.01 for 46.89, 0.1 for 0.5."""
    step = Fraction(1)
    while (value / step).denominator != 1 and step > Fraction(1, 10**6):
        step /= 10
    return step


def _rounded(value: Fraction) -> Fraction:
    """A value a test can write exactly: 2000/3 is written as 666.6667."""
    if (value * 10**6).denominator == 1:
        return value
    return Fraction(round(value * 10**4), 10**4)


def _year(checked: t.CheckedSuite, rule: t.CheckedRule) -> int:
    """The year a series rule is judged in: its `by`/`in` year, else the plan's end."""
    for c in rule.constraints:
        match c.time:
            case m.ByYear(year=year) | m.AtYear(year=year):
                return year
            case m.EachYear(years=years):
                return years.end
    return checked.plan.end


# ------------------------------------------------------------------ tests as text


def _body(checked: t.CheckedSuite, rule: t.CheckedRule, levers: list[_Lever],
          combo: tuple[object, ...], year: int, record_id: str = RECORD_ID) -> list[str]:
    lines = []
    data = [(lv, v) for lv, v in zip(levers, combo, strict=True) if lv.kind != "field"]
    if rule.subject == "series" or data:
        lines.append(f"as of {max([year, *(lv.year or year for lv, _ in data)])}")
    for lv, v in data:
        kind = " target" if lv.kind == "target" else ""
        for region in map(name_text, lv.regions):
            if lv.first is None:
                lines.append(f"given data {lv.name} {region} {lv.year} = {lv.shown(v)}{kind}")
                continue
            assert isinstance(lv.type, t.QuantityT)
            unit = unit_text(lv.type.unit) or lv.word
            values = ", ".join(quantity_text(m.Quantity(x, None)) for x in lv.series(v))
            lines.append(f"given data {lv.name} {region} {lv.first}..{lv.year} = [{values}]"
                         + (f" {unit}" if unit else "") + kind)
    fields = {lv.name: lv.shown(v) for lv, v in zip(levers, combo, strict=True)
              if lv.kind == "field" and v is not None}
    left_out = {lv.name for lv, v in zip(levers, combo, strict=True)
                if lv.kind == "field" and v is None}
    schema = checked.schemas.get(rule.record or "")
    if schema is not None and rule.subject in ("record", "batch"):
        given = dict.fromkeys(["id"], string(record_id)) if "id" in schema.fields else {}
        for spec in schema.fields.values():
            if spec.required and spec.name not in given and spec.name not in fields \
                    and spec.name not in left_out:
                given[spec.name] = _filler(spec, checked)
        given.update(fields)
        items = ", ".join(f"{name_text(k)}: {v}" for k, v in given.items())
        lines.append(f"given {rule.record} {{ {items} }}")
    return lines


# The item of a set that says "none of these" (`无`, `其他`, `一般区域`, `不涉及`): a filler's
# first choice among the items no rule names.
_NONE_ITEM = re.compile(r"无|否|其[他它]|一般\w{0,3}|不涉及|非\w{0,4}|none|other", re.IGNORECASE)


def _filler(spec: t.FieldSpec, checked: t.CheckedSuite) -> str:
    """A required field the rule does not read: its default, else a plain value — for an
    enum the first item no rule of the suite names, so that a test's record stands in a
    plain place (`一般区域`), not in the one every prohibition is about (`自然保护区核心区`)."""
    match spec.type:
        case t.BoolT():
            return "false"
        case t.EnumT(items=items):
            named = _enum_marks([n for rule in checked.rules for root in _roots(rule)
                                 for n in _walk(root)])
            plain = [i for i in items if i not in named] or list(items)
            return name_text(next((i for i in plain if _NONE_ITEM.fullmatch(i)), plain[0]))
        case t.YearT():
            return str(checked.plan.start)
        case t.TextT():
            return string("x")
    return _literal(spec.low if spec.low is not None else Fraction(0), spec.type)


def _literal(value: object, kind: t.Type, word: str = "") -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(kind, t.EnumT):
        return name_text(str(value))
    if isinstance(kind, t.TextT):
        return string(str(value))
    assert isinstance(value, Fraction) and isinstance(kind, t.QuantityT)
    return quantity_text(m.Quantity(value, unit_text(kind.unit) or word or None))


def unit_text(unit: Unit) -> str:
    """How a test writes a unit after a number: its symbol when that lexes as a unit
    (`km²`, `‰`), else its name (`per_100k` for a symbol `/10万`, which is no unit token
    and made every candidate a syntax error); "" for a bare number."""
    if not unit.symbol:
        return ""
    return next((s for s in (unit.symbol, unit.name) if _unit_token().fullmatch(s)),
                unit.name)


@cache
def _unit_token() -> re.Pattern[str]:
    return re.compile(parser().get_terminal("UNIT").pattern.to_regexp())


def _test(title: str, body: list[str], rule_id: str, outcome: str) -> str:
    lines = [f"test {string(title)} {{", *(f"  {line}" for line in body),
             f"  expect {rule_id} {outcome}", "}"]
    return "\n".join(lines) + "\n"


def _outcomes(checked: t.CheckedSuite, rule: t.CheckedRule,
              bodies: list[list[str]]) -> list[str | None]:
    """Each candidate's one outcome (`pass`, `fail` …), None when it has none or several
    kinds — run as the test it would be printed as."""
    text = "\n".join(_test(f"candidate {i}", body, rule.id, "pass")
                     for i, body in enumerate(bodies))
    found: list[str | None] = []
    for test in _tests(text):
        case = run_test(checked, test)
        kinds = {_kind(o) for o in case.result.outcomes if o.rule == rule.id} \
            if case.result is not None and not case.diagnostics else set()
        found.append(next(iter(kinds)) if len(kinds) == 1 else None)
    return found


def _kind(outcome: r.Outcome) -> str:
    """The outcome's kind, a pass an `unless` grants told apart (`WAIVED`)."""
    return WAIVED if outcome.outcome == "pass" and outcome.waived_by else outcome.outcome


def _early_outcomes(checked: t.CheckedSuite, rule: t.CheckedRule,
                    bodies: list[list[str]]) -> list[str | None]:
    """`_outcomes` a chunk at a time, until some candidate passed and some failed: the
    first candidates are the rule's own figures, so the rest would rarely be chosen."""
    found: list[str | None] = []
    for start in range(0, len(bodies), CHUNK):
        found += _outcomes(checked, rule, bodies[start:start + CHUNK])
        if "pass" in found and "fail" in found:
            break
    return found


def _record_outcomes(checked: t.CheckedSuite, rule: t.CheckedRule, levers: list[_Lever],
                     combos: list[tuple[object, ...]], year: int) -> list[str | None]:
    """A rule `for each` record judges each record alone: every candidate is one record
    of a single test (ids T-1, T-2 …), so thousands cost one evaluation."""
    body: list[str] = []
    for i, combo in enumerate(combos):
        lines = _body(checked, rule, levers, combo, year, f"T-{i + 1}")
        body += [line for line in lines if line.startswith("given ") or not body]
    tests = _tests(_test("candidates", body, rule.id, "pass"))
    if not tests:
        return [None] * len(combos)
    case = run_test(checked, tests[0])
    if case.result is None or case.diagnostics:
        return [None] * len(combos)
    by_id = {o.subject: _kind(o) for o in case.result.outcomes if o.rule == rule.id}
    return [by_id.get(f"T-{i + 1}") for i in range(len(combos))]


def _tests(text: str) -> list[m.Test]:
    parsed = parse(SourceFile("<scaffold>", text))
    built = build(parsed) if not isinstance(parsed, list) else parsed
    if isinstance(built, list):
        return []
    return [s for s in built.statements if isinstance(s, m.Test)]


__all__ = ["Scaffold", "scaffold", "untested"]
