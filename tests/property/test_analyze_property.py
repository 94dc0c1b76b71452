"""Property: on random interval rules, analyze reports a contradiction exactly when a
brute-force search over a grid finds no value that meets every rule that applies.

Rules bound one field by integer constants, some only inside one zone; the grid of
half-integers between the constants holds a solution whenever one exists.  The
analysis must agree for every zone (a conflict inside one zone counts)."""

from __future__ import annotations

import operator
from collections.abc import Callable
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from checker.analysis.analyze import analyze
from tests.helpers import checked_from

ZONES = ("甲区", "乙区", "丙区")
HEADER = f"""\
plan p {{
  title "property"
  period 2021..2025
  region 全区
}}
set 功能区 = {{{", ".join(ZONES)}}}
record project {{
  id: text required
  zone: enum 功能区
  land_area: km2
}}
"""
OPS: dict[str, Callable[[Fraction, Fraction], bool]] = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "==": operator.eq,
}
GRID = [Fraction(k, 2) for k in range(0, 25)]  # 0, 0.5, …, 12: constants are 1..10

Rule = tuple[str, int, str | None]  # (op, constant, zone or None)

rules_strategy = st.lists(
    st.tuples(st.sampled_from(sorted(OPS)), st.integers(1, 10),
              st.one_of(st.none(), st.sampled_from(ZONES))),
    min_size=1, max_size=5)


def text(rules: list[Rule]) -> str:
    out = []
    for i, (op, value, zone) in enumerate(rules):
        where = f"\n  where zone == {zone}" if zone else ""
        out.append(f"rule R-{i} {{\n  for each project{where}\n"
                   f"  require land_area {op} {value} km2\n}}\n")
    return HEADER + "".join(out)


def satisfiable_in(rules: list[Rule], zone: str) -> bool:
    applying = [(op, value) for op, value, z in rules if z in (None, zone)]
    return any(all(OPS[op](x, Fraction(value)) for op, value in applying) for x in GRID)


@given(rules_strategy)
def test_a_contradiction_is_reported_iff_some_zone_has_no_solution(rules: list[Rule]) -> None:
    findings = analyze(checked_from(text(rules), contract=False))
    contradiction = any(f.code == "A501" for f in findings)
    assert contradiction == any(not satisfiable_in(rules, zone) for zone in ZONES)


@given(rules_strategy)
def test_every_reported_contradiction_really_has_no_solution(rules: list[Rule]) -> None:
    for finding in analyze(checked_from(text(rules), contract=False)):
        if finding.code != "A501":
            continue
        involved = [rules[int(rule_id.removeprefix("R-"))] for rule_id in finding.rule_ids]
        assert len(involved) == 2
        assert any(not satisfiable_in(involved, zone) for zone in ZONES)
