"""Benchmark of `plancheck analyze`: generated suites of 10 to 5,000 rules with hidden problems.

    .venv/bin/python bench/analyze_bench.py [--rules 10,1000,5000] [--seed 7]

Generates, for each size, a suite of exactly that many rules (a record schema
with zone/kind guards and as many numeric fields as the size needs, indicators
over a district and its towns) whose rules are consistent by construction —
bounds tighten as guards narrow, town quotas stay under the district cap,
interim targets rise — then plants one of each kind of problem (as many as fit
in small sizes): a contradiction inside one zone and kind, a guard that never
holds, a constraint that can never hold, a redundant cap, an interim target
above the final one, a deadline outside the period and town quotas above the
district cap.  Prints the time, rules per second, solver checks, the ratio
against a baseline measured in the same run (one trivially built z3 query, fresh
solver, median of 200), and whether exactly the planted problems were reported
(no extra, no missing).  The target: 5,000 rules under 10 s on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import z3  # type: ignore[import-untyped]

from checker.analysis.analyze import run_analysis
from checker.syntax.suite import load_suite
from checker.types.typecheck import typecheck

ZONES = [f"Z{i}" for i in range(8)] + ["其他"]
KINDS = [f"K{i}" for i in range(6)]
TOWNS = [f"T{i}镇" for i in range(10)]
TARGET_RULES, TARGET_SECONDS = 5000, 10.0


def header(fields: int) -> str:
    numeric = "\n".join(f"  f{i}: km2" for i in range(fields))
    return f"""plan bench {{
  title "generated"
  period 2021..2025
  region 全区
}}

set 区域 = {{{", ".join(ZONES)}}}
set 类别 = {{{", ".join(KINDS)}}}

record item {{
  id: text required
  zone: enum 区域
  category: enum 类别
  flag: bool
  p0: km2
  p1: km2
  p2: km2
  p3: km2
{numeric}
}}
indicator pt0 {{
  unit %
  direction up
}}
indicator pt1 {{
  unit %
  direction up
}}
indicator pt2 {{
  unit km2
  direction down
}}
"""


# The planted problems, in the order they are planted when the size leaves room:
# (code, the rules it must name, their text).
PLANTED: list[tuple[str, tuple[str, ...], str]] = [
    ("A501", ("P-CONTRA-A", "P-CONTRA-B"), """
rule P-CONTRA-A {
  for each item
  where zone == Z1
  require p0 <= 10 km2
}
rule P-CONTRA-B {
  for each item
  where zone == Z1 and category == K2
  require p0 >= 20 km2
}
"""),
    ("A502", ("P-DEAD-GUARD",), """
rule P-DEAD-GUARD {
  for each item
  where zone == Z1 and zone == Z2
  require p1 <= 5 km2
}
"""),
    ("A503", ("P-DEAD-CONSTRAINT",), """
rule P-DEAD-CONSTRAINT {
  for each item
  require p2 > 5 km2 and p2 < 3 km2
}
"""),
    ("A505", ("P-RED-LOOSE", "P-RED-TIGHT"), """
rule P-RED-TIGHT {
  for each item
  require p3 <= 319 km2
}
rule P-RED-LOOSE {
  for each item
  require p3 <= 400 km2
}
"""),
    ("A511", ("P-TIME-EARLY", "P-TIME-LATE"), """
rule P-TIME-EARLY {
  require pt0 >= 95 % by 2022
}
rule P-TIME-LATE {
  require pt0 >= 90 % by 2025
}
"""),
    ("A510", ("P-TIME-OUTSIDE",), """
rule P-TIME-OUTSIDE {
  require pt1 >= 5 % by 2030
}
"""),
    ("A520", ("P-LEVEL-T0", "P-LEVEL-T1", "P-LEVEL-WHOLE"), """
rule P-LEVEL-WHOLE {
  require pt2 <= 100 km2
}
rule P-LEVEL-T0 {
  for region T0镇
  require pt2 <= 60 km2
}
rule P-LEVEL-T1 {
  for region T1镇
  require pt2 <= 50 km2
}
"""),
]


class Generator:
    """Consistent rules by construction; `fields` grows with the size asked for."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.rules: list[str] = []
        self.indicators: list[str] = []
        self.fields = 0
        self.allowed = {zone: sorted(self.random.sample(KINDS, 3)) for zone in ZONES[:-1]}
        if "K2" not in self.allowed["Z1"]:  # the planted contradiction's scope is allowed
            self.allowed["Z1"] = sorted({*self.allowed["Z1"][1:], "K2"})

    def rule(self, body: str) -> None:
        self.rules.append(f"rule G-{len(self.rules):04d} {{\n{body}\n}}\n")

    def record_rules(self, fields: int) -> None:
        """Per field: a general cap and floor, a tighter cap in one zone, tighter still
        in one zone and kind.  Narrower guards carry tighter caps, so nothing implies."""
        r = self.random
        for i in range(self.fields, self.fields + fields):
            zone = r.choice(ZONES[:-1])
            kind = r.choice(self.allowed[zone])
            self.rule(f"  for each item\n  require f{i} <= {r.randint(180, 200)} km2")
            self.rule(f"  for each item\n  require f{i} >= {r.randint(0, 8)} km2")
            self.rule(f"  for each item\n  where zone == {zone}\n"
                      f"  require f{i} <= {r.randint(150, 170)} km2")
            self.rule(f"  for each item\n  where zone == {zone} and category == {kind}\n"
                      f"  require f{i} <= {r.randint(120, 140)} km2")
        self.fields += fields

    def linear_rules(self, count: int) -> None:
        """Sums of two fields under a cap that no pair of caps reaches (150 + 150 > 280)."""
        pairs: set[tuple[int, int]] = set()
        while len(pairs) < min(count, self.fields * (self.fields - 1) // 2):
            a, b = sorted(self.random.sample(range(self.fields), 2))
            pairs.add((a, b))
        for a, b in sorted(pairs):
            zone = self.random.choice(ZONES[:-1])
            self.rule(f"  for each item\n  where zone == {zone}\n"
                      f"  require f{a} + f{b} <= 280 km2")

    def membership_rules(self, count: int) -> None:
        for zone in ZONES[:count]:
            self.rule(f"  for each item\n  where zone == {zone}\n"
                      f"  require category in {{{', '.join(self.allowed[zone])}}}")

    def quota_indicators(self, count: int) -> None:
        """A district cap each year and two towns' quotas that stay under it."""
        r = self.random
        for i in range(count):
            name = f"q{i}"
            self.indicators.append(f"indicator {name} {{\n  unit km2\n  direction down\n}}\n")
            cap = r.randint(500, 600)
            self.rule(f"  require {name} <= {cap} km2")
            for town in r.sample(TOWNS, 2):
                self.rule(f"  for region {town}\n  require {name} <= {cap // 3} km2")

    def target_indicators(self, count: int, trends: int) -> None:
        """Interim and final targets that rise; some with a `rises` trend."""
        r = self.random
        for i in range(count):
            name = f"s{i}"
            self.indicators.append(f"indicator {name} {{\n  unit %\n  direction up\n}}\n")
            early = r.randint(40, 60)
            self.rule(f"  require {name} >= {early} % by 2022")
            self.rule(f"  require {name} >= {early + r.randint(5, 20)} % by 2025")
            if i < trends:
                self.rule(f"  require {name} rises")

    def fill(self, count: int) -> None:
        """Fewer than four rules left: a flag in distinct zones and kinds."""
        scopes = [(z, k) for z in ZONES[:-1] for k in self.allowed[z]]
        for zone, kind in scopes[:count]:
            self.rule(f"  for each item\n  where zone == {zone} and category == {kind}\n"
                      "  require flag == true")


def generate(total: int, seed: int) -> tuple[str, set[tuple[str, tuple[str, ...]]]]:
    """A suite of exactly `total` rules, and the findings it must give."""
    planted, expected, used = [], set(), 0
    for code, rules, text in PLANTED:
        if used + len(rules) <= total:
            planted.append(text)
            expected.add((code, rules))
            used += len(rules)
    g = Generator(seed)
    left = total - used
    g.membership_rules(min(len(ZONES) - 1, left // 10))
    targets = left * 15 // 100 // 21 * 10  # two targets each, a trend for one in ten
    g.target_indicators(targets, targets // 10)
    g.quota_indicators(left * 12 // 100 // 3)
    linear = left * 3 // 100
    fields = (left - len(g.rules) - linear) // 4
    g.record_rules(fields)
    g.linear_rules(linear)
    g.fill(total - used - len(g.rules))
    text = header(g.fields) + "".join(g.indicators) + "".join(g.rules) + "".join(planted)
    return text, expected


def trivial_query_seconds(runs: int = 200) -> float:
    """The baseline: a fresh z3 solver on one trivially built query (x <= 10, x >= 20)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        solver = z3.Solver()
        x = z3.Real("x")
        solver.add(x <= 10, x >= 20)
        assert solver.check() == z3.unsat
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure(total: int, seed: int, baseline: float) -> bool:
    text, expected = generate(total, seed)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.rules"
        path.write_text(text, encoding="utf-8")
        started = time.perf_counter()
        loaded = load_suite([path])
        checked = typecheck(loaded.suite)
        loaded_in = time.perf_counter() - started
        started, cpu = time.perf_counter(), time.process_time()
        analysis = run_analysis(checked)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    reported = {(f.code, f.rule_ids) for f in analysis.findings}
    missing, extra = expected - reported, reported - expected
    assert len(checked.rules) == total, (len(checked.rules), total)
    print(f"== {total:,} rules, {text.count(chr(10)):,} lines "
          f"(parse + typecheck {loaded_in:.2f} s)")
    print(f"analyze: {elapsed:.2f} s wall ({cpu:.2f} s CPU), {total / elapsed:,.0f} rules/s, "
          f"{analysis.checks:,} solver checks; {elapsed / baseline:,.0f}x one trivial z3 query, "
          f"{elapsed / max(analysis.checks, 1) / baseline:.1f}x it per check")
    print(f"findings: {len(analysis.findings)}; planted: {len(expected)}")
    for code, rules in sorted(missing):
        print(f"  missing: {code} {', '.join(rules)}")
    for code, rules in sorted(extra):
        print(f"  extra:   {code} {', '.join(rules)}")
    for finding in analysis.incomplete:
        print(f"  not decided: {finding.code} {finding.witness}")
    exact = not missing and not extra and not analysis.incomplete
    print(f"every planted problem reported exactly, nothing left undecided: "
          f"{'yes' if exact else 'no'}")
    if total >= TARGET_RULES:
        print(f"{total:,} rules under {TARGET_SECONDS:.0f} s: "
              f"{'yes' if elapsed < TARGET_SECONDS else 'no'} ({elapsed:.2f} s)")
    return exact and (total < TARGET_RULES or elapsed < TARGET_SECONDS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", default="10,1000,5000",
                        help="comma-separated suite sizes (default: 10,1000,5000)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    sizes = [int(n) for n in args.rules.split(",")]
    baseline = trivial_query_seconds()
    print(f"baseline: one trivially built z3 query, fresh solver: {baseline * 1e3:.2f} ms "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    ok = [measure(n, args.seed, baseline) for n in sizes]
    return 0 if all(ok) else 1


if __name__ == "__main__":
    raise SystemExit(main())
