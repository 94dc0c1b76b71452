"""Verdicts over gappy series are exactly what every filling of the gaps agrees on.

A brute-force reference fills the missing years over a grid of values (within the
indicator's declared range 0–4 km²) and judges each complete series with its own small
interpreter; the engine, given the series with gaps, must say `fail` exactly when every
filling fails, `pass` exactly when every filling passes, and `unknown` otherwise.  The
fragment — comparisons with integer constants, `prev`, `rises`/`falls`, and/or/not — has
difference constraints with integer bounds, so with at most three gaps a grid of quarters
reaches every region a real filling can reach.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.engine.evaluate import evaluate
from tests.helpers import Data, checked_from

YEARS = range(2020, 2025)
GRID = [Fraction(k, 4) for k in range(0, 17)]
SUITE_HEAD = """
indicator gx "测试指标" {
  unit km2
  range 0 km2..4 km2
  kind anticipatory
  direction up
}
"""

Series = dict[int, Fraction]
Judge = Callable[[Series, int], bool]


@dataclass(frozen=True)
class Expr:
    """A rule expression as text for the rule file and as a judge of one year."""

    text: str
    holds: Judge


def _atoms() -> st.SearchStrategy[Expr]:
    ops: dict[str, Callable[[Fraction, Fraction], bool]] = {
        "<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
        ">=": lambda a, b: a >= b}
    op = st.sampled_from(sorted(ops))
    k = st.integers(0, 4)
    d = st.integers(-2, 2)

    def constant(o: str, n: int) -> Expr:
        return Expr(f"gx {o} {n} km2", lambda s, y: ops[o](s[y], Fraction(n)))

    def against_prev(o: str, n: int) -> Expr:
        shift = f" + {n} km2" if n > 0 else f" - {-n} km2" if n < 0 else ""
        return Expr(f"gx {o} prev(gx){shift}", lambda s, y: ops[o](s[y], s[y - 1] + n))

    def trend(rises: bool) -> Expr:
        if rises:
            return Expr("gx rises", lambda s, y: s[y] > s[y - 1])
        return Expr("gx falls", lambda s, y: s[y] < s[y - 1])

    return st.one_of(st.builds(constant, op, k), st.builds(against_prev, op, d),
                     st.builds(trend, st.booleans()))


def _combine(children: st.SearchStrategy[Expr]) -> st.SearchStrategy[Expr]:
    def both(a: Expr, b: Expr, word: str) -> Expr:
        if word == "and":
            return Expr(f"({a.text}) and ({b.text})", lambda s, y: a.holds(s, y)
                        and b.holds(s, y))
        return Expr(f"({a.text}) or ({b.text})", lambda s, y: a.holds(s, y) or b.holds(s, y))

    def negated(a: Expr) -> Expr:
        return Expr(f"not ({a.text})", lambda s, y: not a.holds(s, y))

    return st.one_of(st.builds(both, children, children, st.sampled_from(["and", "or"])),
                     st.builds(negated, children))


EXPRESSIONS = st.recursive(_atoms(), _combine, max_leaves=3)
TIMES = st.one_of(
    st.tuples(st.integers(2021, 2024), st.integers(2021, 2024)).map(
        lambda p: (f"each year in {min(p)}..{max(p)}", list(range(min(p), max(p) + 1)))),
    st.integers(2021, 2024).map(lambda y: (f"at {y}", [y])))


@st.composite
def _gappy(draw: st.DrawFn, years: range = YEARS, gaps: int = 3) -> dict[int, int | None]:
    """A figure 0–4 for each of `years`, at most `gaps` of them missing (None)."""
    values: dict[int, int | None] = {y: draw(st.integers(0, 4)) for y in years}
    for year in draw(st.lists(st.sampled_from(list(years)), max_size=gaps, unique=True)):
        values[year] = None
    return values


def _series() -> st.SearchStrategy[dict[int, int | None]]:
    return _gappy()


def _reference(expr: Expr, years: list[int], series: dict[int, int | None]) -> str:
    """pass/fail when every filling over the grid agrees, else unknown."""
    gaps = [y for y, v in series.items() if v is None]
    verdicts = set()
    for filling in itertools.product(GRID, repeat=len(gaps)):
        full = {y: Fraction(v) for y, v in series.items() if v is not None}
        full.update(zip(gaps, filling, strict=True))
        verdicts.add(all(expr.holds(full, y) for y in years))
        if len(verdicts) == 2:
            return "unknown"
    return "pass" if verdicts == {True} else "fail"


def _engine(expr: Expr, time: str, series: dict[int, int | None]) -> str:
    checked = checked_from(SUITE_HEAD + f"""
rule GAP-01 "gap" {{
  kind anticipatory because "a property test"
  cite "第八章" line 1: "x"
  require {expr.text} {time}
}}
""")
    rows = [("gx", "大兴区", y, float(v), "actual") for y, v in series.items() if v is not None]
    result = evaluate(checked, {}, Data(rows), as_of=2024)
    outcomes = [o.outcome for o in result.outcomes if o.rule == "GAP-01"]
    assert len(outcomes) == 1, outcomes
    return outcomes[0]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(EXPRESSIONS, TIMES, _series())
def test_the_engine_decides_exactly_when_every_filling_agrees(
        expr: Expr, time: tuple[str, list[int]], series: dict[int, int | None]) -> None:
    text, years = time
    assert _engine(expr, text, series) == _reference(expr, years, series), (expr.text, text)


# A total over years with gaps (`total(x, 2021..2025) >= K by 2025`, as of 2024): the
# flow of a missing year is at least the indicator's range end (0 km²), so the total to
# the latest year with a figure is bounded below by the figures given.  The engine judges
# that latest year — never an earlier one because a year before it is missing — on the
# least favourable filling (every gap at 0), and says `achieved` exactly when every
# filling of the grid already meets the target.

TOTAL_YEARS = range(2021, 2025)


def _flows() -> st.SearchStrategy[dict[int, int | None]]:
    return _gappy(TOTAL_YEARS, 2)


def _total_outcome(target: int, series: dict[int, int | None]) -> tuple[str, str | None, str]:
    checked = checked_from(SUITE_HEAD + f"""
rule GAP-02 "total" {{
  kind anticipatory because "a property test"
  cite "第八章" line 1: "x"
  require total(gx, 2021..2025) >= {target} km2 by 2025
}}
""")
    rows = [("gx", "大兴区", y, float(v), "actual") for y, v in series.items() if v is not None]
    result = evaluate(checked, {}, Data(rows), as_of=2024)
    [outcome] = [o for o in result.outcomes if o.rule == "GAP-02"]
    return outcome.outcome, outcome.trajectory, outcome.message


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.integers(1, 14), _flows())
def test_a_total_over_gaps_is_judged_at_its_latest_figure_on_the_least_filling(
        target: int, series: dict[int, int | None]) -> None:
    given_years = [y for y, v in series.items() if v is not None]
    if not given_years:
        return
    latest = max(given_years)
    least = {y: (0 if v is None else v) for y, v in series.items() if y <= latest}
    gaps = [y for y in least if series[y] is None]
    outcome, trajectory, message = _total_outcome(target, series)
    filled, filled_trajectory, _ = _total_outcome(target, least)
    every_filling_meets = all(
        sum(least.values()) + sum(filling) >= target
        for filling in itertools.product(range(5), repeat=len(gaps)))
    assert outcome == "pending" == filled
    assert (trajectory == "achieved") == every_filling_meets
    assert trajectory == filled_trajectory, (series, message)
    assert f"in {latest}" in message, message
    if gaps:
        assert f"≥{sum(least.values())}" in message, message
        assert f"gx ({', '.join(map(str, gaps))}) missing, counted as 0" in message, message
