"""The solver's budget per query (`engine.gaps`) is counted in z3's resource units, so a
verdict never depends on how busy the machine is (a wall-clock timeout made the
determinism test flake: one query answered `unknown` under load and the rule's `missing`
list came out in another order)."""

from __future__ import annotations

import pytest

from checker.engine import gaps

z3 = pytest.importorskip("z3")


def _hard() -> list[object]:
    x, y = z3.Ints("x y")  # factoring a number with no small factor: more than any budget here
    return [x * y == 1000003 * 999983 + 2, x > 1, y > 1]


def test_a_query_over_its_budget_is_unknown_after_the_same_work_every_time(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gaps, "RLIMIT", 200_000)
    monkeypatch.setattr(gaps, "TIMEOUT_MS", 600_000)  # the clock never decides here
    spent = []
    for _ in range(3):
        before = z3.Solver().statistics()  # the context's units so far
        assert gaps._check(z3, [], _hard()) == z3.unknown
        used = _units() - _units(before)
        spent.append(used)
    assert all(abs(used - 200_000) < 20_000 for used in spent), spent


def test_the_budget_is_per_query_not_used_up_by_earlier_ones(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gaps, "RLIMIT", 100_000)
    for _ in range(3):
        assert gaps._check(z3, [], _hard()) == z3.unknown
    x = z3.Int("x")
    assert gaps._check(z3, [], [x > 1, x < 3]) == z3.sat  # a fresh budget, enough for it


def _units(stats: object | None = None) -> int:
    """z3's resource count of the whole context (statistics of a fresh solver carry it)."""
    found = stats if stats is not None else _probe()
    keys = found.keys()  # type: ignore[attr-defined]
    return int(found.get_key_value("rlimit count")) if "rlimit count" in keys else 0  # type: ignore[attr-defined]


def _probe() -> object:
    solver = z3.Solver()
    solver.check()
    return solver.statistics()
