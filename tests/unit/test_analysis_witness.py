"""The interval pre-filter of redundancy (`analysis.witness`) changes how fast, never
what: on random suites of simple guarded caps and floors, the findings with it equal
those of the solver alone, and it spares solver checks."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.analysis import redundancy
from checker.analysis.analyze import Analysis, run_analysis
from tests.helpers import checked_from

HEADER = """\
plan t {
  title "t"
  period 2021..2025
  region 大兴区
}
set 功能区 = {Z0, Z1, Z2}
set 类别 = {K0, K1}
record item {
  id: text required
  zone: enum 功能区
  category: enum 类别
  flag: bool
  a: km2
  b: km2
}
"""

GUARDS = [None, "zone == Z0", "zone == Z1", "zone in {Z0, Z1}", "zone == Z2 and category == K1",
          "category == K0", "flag", "not flag"]
REQUIRES = ["a <= {n} km2", "a >= {n} km2", "b <= {n} km2", "b >= {n} km2", "a == {n} km2",
            "category == K1", "zone in {{Z1, Z2}}", "flag == true"]

rule_texts = st.tuples(st.sampled_from(GUARDS), st.sampled_from(REQUIRES),
                       st.integers(min_value=0, max_value=12))


def suite(rules: list[tuple[str | None, str, int]]) -> str:
    out = [HEADER]
    for i, (guard, require, n) in enumerate(rules):
        where = f"  where {guard}\n" if guard else ""
        out.append(f"rule R{i} {{\n  for each item\n{where}  require {require.format(n=n)}\n}}\n")
    return "".join(out)


def analyzed(text: str) -> Analysis:
    return run_analysis(checked_from(text, contract=False))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(rule_texts, min_size=2, max_size=7))
def test_the_prefilter_never_changes_the_findings(
        monkeypatch: pytest.MonkeyPatch, rules: list[tuple[str | None, str, int]]) -> None:
    text = suite(rules)
    fast = analyzed(text)
    with monkeypatch.context() as patched:
        patched.setattr(redundancy, "witness", lambda *args, **kwargs: None)
        slow = analyzed(text)
    assert [f.to_json() for f in fast.findings] == [f.to_json() for f in slow.findings]
    assert fast.checks <= slow.checks


def test_a_guarded_tighter_cap_is_answered_without_the_solver(
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = suite([(None, "a <= {n} km2", 10), ("zone == Z0", "a <= {n} km2", 8),
                  ("zone == Z0 and category == K1", "a <= {n} km2", 5)])
    fast = analyzed(text)
    with monkeypatch.context() as patched:
        patched.setattr(redundancy, "witness", lambda *args, **kwargs: None)
        slow = analyzed(text)
    assert fast.findings == slow.findings == []
    assert fast.checks < slow.checks
