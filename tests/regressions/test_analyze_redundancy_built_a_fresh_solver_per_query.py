"""`analyze_redundancy` built a fresh z3 solver for each query, re-adding every rule of
the query and every variable's domain: 2,500 solvers at 1,000 rules, 77 % of the
analysis time, 24 s at 5,000 rules.  Now the record rules of one schema share one
solver, reused with push and pop, and each rule's formula is built once.
(`bench/analyze_bench.py` prints the time at 5,000 rules.)"""

from __future__ import annotations

from typing import Any

import pytest

from checker.analysis import analyze as analysis
from checker.analysis.analyze import run_analysis
from checker.analysis.redundancy import redundancy
from checker.analysis.solver import search
from tests.helpers import checked_from

FIELDS = 60
HEADER = f"""\
plan t {{
  title "t"
  period 2021..2025
  region 大兴区
}}
set 区域 = {{Z0, Z1, Z2, Z3}}
record item {{
  id: text required
  zone: enum 区域
{chr(10).join(f"  f{i}: km2" for i in range(FIELDS))}
}}
"""


def rules() -> str:
    out = []
    for i in range(FIELDS):
        zone = f"Z{i % 4}"
        out.append(f"rule C-{i} {{\n  for each item\n  require f{i} <= 190 km2\n}}\n")
        out.append(f"rule Z-{i} {{\n  for each item\n  where zone == {zone}\n"
                   f"  require f{i} <= 150 km2\n}}\n")
        out.append(f"rule S-{i} {{\n  for each item\n  where zone == {zone}\n"
                   f"  require f{i} + f{(i + 1) % FIELDS} <= 280 km2\n}}\n")
    out.append("rule LOOSE {\n  for each item\n  require f0 <= 400 km2\n}\n")
    return "".join(out)


def test_redundancy_reuses_one_solver_per_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    made = {"inside": 0, "solvers": 0}
    new_solver = search._new_solver

    def counted(*args: Any) -> Any:
        made["solvers"] += made["inside"]
        return new_solver(*args)

    def watched(*args: Any) -> Any:
        made["inside"] = 1
        try:
            return redundancy(*args)
        finally:
            made["inside"] = 0

    monkeypatch.setattr(search, "_new_solver", counted)
    monkeypatch.setattr(analysis, "record_redundancy", watched)
    result = run_analysis(checked_from(HEADER + rules(), contract=False))
    assert {(f.code, f.rule_ids) for f in result.findings} == {("A505", ("C-0", "LOOSE"))}
    assert made["solvers"] == 1
    assert result.checks < 3 * FIELDS * 3
