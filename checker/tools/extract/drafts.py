"""Drafts: the targets of a plan's text -> a draft suite a person reviews.

In: the items of one plan text, its `SourceFile` and the suite whose indicators
the names mapped to.  Out: a folder — `plan.txt` (the text, so quotes can be
checked), `plan.rules` (the header), `units.rules` (units the text uses that the
suite does not have), `indicators.rules` and `rules.rules`: one rule per target
with its `cite` (section path, line, quote), the threshold in its unit and the
deadline, a `# draft:` comment instead of a `kind` (lint reports it as L611
until a person decides and deletes it), and two tests (the threshold met, and
missed).  Targets a rule cannot state yet are listed as comments at the end of
`rules.rules`, with the reason.  Built as model nodes and printed by `unparse`,
so the files are in `fmt`'s layout.  Imports `syntax.model`, `syntax.unparse`,
`types`, and this package.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from checker.source import SourceFile
from checker.syntax import model as m
from checker.syntax.unparse import number, unparse
from checker.tools.extract.items import Item
from checker.tools.extract.sentences import read_document
from checker.tools.lint import DRAFT_MARK, TERMS, VAGUE_WORDS
from checker.types.typed import CheckedSuite
from checker.types.units import Unit

_MARK_TEXT = (f" {DRAFT_MARK} decide `kind` (binding 约束性 or anticipatory 预期性), check the "
              "threshold, the deadline and the indicator, then delete this line")
_COMPARE = {">=": ">=", "<=": "<=", ">": ">", "<": "<", "==": "==", "increase": ">=",
            "reduce": ">="}
_SUFFIX = {"increase": "增速", "reduce": "降幅"}


@dataclass
class Drafted:
    folder: Path
    rules: int = 0
    skipped: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass
class _Plan:
    period: tuple[int, int]
    region: str


def draft_suite(items: list[Item], source: SourceFile, checked: CheckedSuite,
                folder: Path) -> Drafted:
    """Write the draft suite of `source`'s targets into `folder` (created if missing)."""
    document = read_document(source)
    plan = _Plan(document.plan_period or (checked.plan.start, checked.plan.end),
                 _region(document.region or checked.plan.region))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plan.txt").write_text(source.text, encoding="utf-8")
    builder = _Builder(checked, plan)
    for item in items:
        if item.kind == "target":
            builder.add(item)
    header = m.Plan("draft", (
        m.PlanItem("title", document.title or Path(source.path).stem),
        m.PlanItem("period", m.YearRange(*plan.period)),
        m.PlanItem("region", plan.region), m.PlanItem("source", "plan.txt")),
        comments=(f" A draft suite written by `plancheck extract` from `{source.path}`.",
                  " Review every rule marked `# draft:`; `plancheck lint` lists them (L611)."))
    files: dict[str, list[m.Statement]] = {
             "plan.rules": [header], "units.rules": builder.units,
             "indicators.rules": list(builder.indicators.values()), "rules.rules": builder.rules}
    for name, statements in files.items():
        path = folder / name
        if not statements:
            path.unlink(missing_ok=True)
            continue
        ends = tuple(builder.skipped) if name == "rules.rules" else ()
        path.write_text(unparse(m.RuleFile(name, tuple(statements), ends)), encoding="utf-8")
    drafted = Drafted(folder, builder.count, len(builder.skipped), builder.skipped)
    return drafted


def _region(name: str) -> str:
    cleaned = re.sub(r"\W", "", name)
    return cleaned if cleaned and not cleaned[0].isdigit() else "全区"


class _Builder:
    def __init__(self, checked: CheckedSuite, plan: _Plan) -> None:
        self.checked, self.plan = checked, plan
        self.units: list[m.Statement] = []
        self.unit_names: dict[str, str] = {}
        self.indicators: dict[str, m.Statement] = {}
        self.rules: list[m.Statement] = []
        self.skipped: list[str] = []
        self.count = 0
        self.ids: set[str] = set()

    def add(self, item: Item) -> None:
        reason = self._cannot(item)
        if reason:
            self.skipped.append(f" not drafted: line {item.line} `{item.words}` "
                                f"({item.op}): {reason}")
            return
        deadline = self._deadline(item)
        indicator, unit = self._indicator(item)
        rule_id = self._rule_id(item)
        rule, tests = _rule(rule_id, item, indicator, unit, deadline, self.plan.region)
        self.rules += [rule, *tests]
        self.count += 1

    def _cannot(self, item: Item) -> str:
        if item.op in ("sync", "ref", "rises", "falls"):
            return {"sync": "two growth rates in step: write the tolerance and the pair",
                    "ref": "the number is given elsewhere (a parameter, not in the text)"}.get(
                item.op, "a trend without a number: write it with `rises`/`falls` each year")
        if item.value is None:
            return "no value"
        year = self._deadline(item)
        start, end = self.plan.period
        if not start - 1 <= year <= end:
            return f"its year {year} is outside the plan period {start}..{end}"
        return ""

    def _deadline(self, item: Item) -> int:
        years = [int(y) for y in re.findall(r"\d{4}", item.period)]
        return years[-1] if years else self.plan.period[1]

    def _rule_id(self, item: Item) -> str:
        n = 1
        while f"DRAFT-L{item.line}-{n}" in self.ids:
            n += 1
        self.ids.add(f"DRAFT-L{item.line}-{n}")
        return f"DRAFT-L{item.line}-{n}"

    def _indicator(self, item: Item) -> tuple[str, str]:
        """The indicator id the rule reads, and the unit its values are written in."""
        spec = self.checked.indicators.get(item.indicator)
        if spec is not None:
            unit = "bool" if spec.unit is None else _symbol(spec.unit)
            self.indicators.setdefault(spec.id, m.Indicator(spec.id, spec.display, (
                m.IndicatorItem("unit", unit), m.IndicatorItem("direction", spec.direction))))
            return spec.id, _literal_unit(item, unit)
        unit = "bool" if item.value is True else self._unit(item)
        name = item.name + _SUFFIX.get(item.op, "")
        ident = _ident(name, set(self.indicators))
        self.indicators[ident] = m.Indicator(ident, name or None, (
            m.IndicatorItem("unit", unit), m.IndicatorItem("direction", _direction(item.op))))
        return ident, unit

    def _unit(self, item: Item) -> str:
        if not item.unit:
            return "count"
        if self.checked.units.resolve(item.unit) is not None:
            return item.unit
        if item.unit in self.unit_names:
            return self.unit_names[item.unit]
        name = "u_" + re.sub(r"\W", "_", item.unit)
        alias = (item.unit,)
        if item.known is not None and item.factor != 1:
            unit: m.Statement = m.DerivedUnit(name, Fraction(item.factor), _symbol(item.known),
                                              alias)
        else:
            unit = m.BaseUnit(name, name, alias)
        self.units.append(unit)
        self.unit_names[item.unit] = name
        return name


def _symbol(unit: Unit) -> str:
    return unit.symbol or unit.name


def _literal_unit(item: Item, indicator_unit: str) -> str:
    return item.unit if item.unit and item.known is not None and item.factor == 1 \
        else indicator_unit


def _ident(name: str, taken: set[str]) -> str:
    base = re.sub(r"\W", "", name)[:24] or "指标"
    if base[0].isdigit() or base.isascii():
        base = "指标_" + base
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}_{n}", n + 1
    return ident


def _direction(op: str) -> str:
    if op in (">=", ">", "increase", "reduce", "rises"):
        return "up"
    return "down" if op in ("<=", "<", "falls") else "none"


# ------------------------------------------------------------------ rules and tests


def _rule(rule_id: str, item: Item, indicator: str, unit: str, deadline: int, region: str
          ) -> tuple[m.Rule, list[m.Test]]:
    quote = _quote(item)
    cite = m.Cite(item.section or "正文", quote, item.line)
    clauses: list[m.Clause] = [cite]
    ref = m.NameRef(indicator)
    if item.value is True:
        target: m.Expr = m.BoolLit(True)
        clauses.append(m.Require(m.CompareOp("==", ref, target), m.ByYear(deadline)))
        return m.Rule(rule_id, quote[:40], tuple(clauses), comments=(_MARK_TEXT,)), \
            _tests(rule_id, indicator, region, deadline, item.op, None, None)
    assert isinstance(item.value, Fraction)
    value = m.Quantity(item.value, unit if unit != "count" else None)
    if item.op == "~=":
        tolerance = m.Quantity(Fraction(0), value.unit)
        clauses.append(m.Read("左右", tolerance, "draft: the text says `左右` and gives no "
                              "tolerance; state the one the suite reads it as"))
        difference = m.Call("abs", (m.BinaryOp("-", ref, value),))
        expr: m.Expr = m.CompareOp("<=", difference, m.NameRef("左右"))
    else:
        expr = m.CompareOp(_COMPARE[item.op], ref, value)  # type: ignore[arg-type]
    clauses.append(m.Require(expr, m.ByYear(deadline)))
    rule = m.Rule(rule_id, quote[:40], tuple(clauses), comments=(_MARK_TEXT,))
    return rule, _tests(rule_id, indicator, region, deadline, item.op, item.value, value.unit)


def _tests(rule_id: str, indicator: str, region: str, year: int, op: str,
           value: Fraction | None, unit: str | None) -> list[m.Test]:
    """A test that meets the stated threshold and one that misses it."""
    if value is None:
        meets: m.Literal_ = m.BoolLit(True)
        misses: m.Literal_ = m.BoolLit(False)
    else:
        whole = value.denominator == 1 and 0 < value <= 1000
        step = Fraction(1) if whole or value == 0 else value / 10
        good = {">": value + step, "<": value - step}.get(op, value)
        bad = {">=": value - step, "increase": value - step, "reduce": value - step,
               ">": value, "<": value}.get(op, value + step)
        meets, misses = m.Quantity(good, unit), m.Quantity(bad, unit)
    shown = "true" if value is None else number(value)
    return [_test(f"{rule_id} passes at {shown}" if value is not None else
                  f"{rule_id} passes once done", rule_id, indicator, region, year, meets, "pass"),
            _test(f"{rule_id} fails when it is missed", rule_id, indicator, region, year, misses,
                  "fail")]


def _test(name: str, rule_id: str, indicator: str, region: str, year: int,
          value: m.Literal_, outcome: str) -> m.Test:
    return m.Test(name, (m.AsOf(year), m.GivenData(indicator, region, year, value),
                         m.Expect(rule_id, outcome)))


def _quote(item: Item) -> str:
    """The quoted words, cut so that no vague word (基本, 持续 …) stands in them unread."""
    quote = item.quote
    at = quote.find(item.words)
    for word in VAGUE_WORDS:
        found = _vague_at(quote, word)
        while found >= 0:
            if found < at:
                quote, at = quote[found + len(word):], at - found - len(word)
            elif found > at + len(item.words):
                quote = quote[:found]
            else:
                break
            found = _vague_at(quote, word)
    return quote.strip(" ,，") or item.quote


def _vague_at(quote: str, word: str) -> int:
    masked = quote
    for term in TERMS:
        masked = masked.replace(term, "＿" * len(term))
    return masked.find(word)
