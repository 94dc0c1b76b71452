"""Benchmark of `plancheck analyze`: 1,000 generated rules with a few hidden conflicts.

    .venv/bin/python bench/analyze_bench.py [--rules 1000] [--seed 7]

Generates a suite (a record schema with zone/kind guards and 180 numeric fields,
200 indicators over a district and its towns) whose rules are consistent by
construction — bounds tighten as guards narrow, town quotas stay under the
district cap, interim targets rise — then plants one of each kind of problem:
a contradiction inside one zone and kind, a guard that never holds, a
constraint that can never hold, a redundant cap, an interim target above the
final one, a deadline outside the period and town quotas above the district
cap.  Prints the time, rules per second, and whether exactly the planted
problems were reported (no extra, no missing).  The target: under 10 s on 2 cores.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.analysis.analyze import run_analysis
from checker.syntax.suite import load_suite
from checker.types.typecheck import typecheck

ZONES = [f"Z{i}" for i in range(8)] + ["其他"]
KINDS = [f"K{i}" for i in range(6)]
TOWNS = [f"T{i}镇" for i in range(10)]
FIELDS = 180
PLANTED_FIELD = FIELDS  # fields f150.. are the planted ones'

HEADER = f"""plan bench {{
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
{chr(10).join(f"  f{i}: km2" for i in range(FIELDS + 4))}
}}
"""

# The planted problems and the (code, rules) each must be reported as.
PLANTED = f"""
rule P-CONTRA-A {{
  for each item
  where zone == Z1
  require f{PLANTED_FIELD} <= 10 km2
}}
rule P-CONTRA-B {{
  for each item
  where zone == Z1 and category == K2
  require f{PLANTED_FIELD} >= 20 km2
}}
rule P-DEAD-GUARD {{
  for each item
  where zone == Z1 and zone == Z2
  require f{PLANTED_FIELD + 1} <= 5 km2
}}
rule P-DEAD-CONSTRAINT {{
  for each item
  require f{PLANTED_FIELD + 2} > 5 km2 and f{PLANTED_FIELD + 2} < 3 km2
}}
rule P-RED-TIGHT {{
  for each item
  require f{PLANTED_FIELD + 3} <= 319 km2
}}
rule P-RED-LOOSE {{
  for each item
  require f{PLANTED_FIELD + 3} <= 400 km2
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
rule P-TIME-EARLY {{
  require pt0 >= 95 % by 2022
}}
rule P-TIME-LATE {{
  require pt0 >= 90 % by 2025
}}
rule P-TIME-OUTSIDE {{
  require pt1 >= 5 % by 2030
}}
rule P-LEVEL-WHOLE {{
  require pt2 <= 100 km2
}}
rule P-LEVEL-T0 {{
  for region T0镇
  require pt2 <= 60 km2
}}
rule P-LEVEL-T1 {{
  for region T1镇
  require pt2 <= 50 km2
}}
"""
EXPECTED = {
    ("A501", ("P-CONTRA-A", "P-CONTRA-B")),
    ("A502", ("P-DEAD-GUARD",)),
    ("A503", ("P-DEAD-CONSTRAINT",)),
    ("A505", ("P-RED-LOOSE", "P-RED-TIGHT")),
    ("A511", ("P-TIME-EARLY", "P-TIME-LATE")),
    ("A510", ("P-TIME-OUTSIDE",)),
    ("A520", ("P-LEVEL-T0", "P-LEVEL-T1", "P-LEVEL-WHOLE")),
}
PLANTED_RULES = PLANTED.count("\nrule ")


class Generator:
    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.rules: list[str] = []
        self.indicators: list[str] = []
        self.allowed = {zone: sorted(self.random.sample(KINDS, 3)) for zone in ZONES[:-1]}
        if "K2" not in self.allowed["Z1"]:  # the planted contradiction's scope is allowed
            self.allowed["Z1"] = sorted({*self.allowed["Z1"][1:], "K2"})

    def rule(self, body: str) -> None:
        self.rules.append(f"rule G-{len(self.rules):04d} {{\n{body}\n}}\n")

    def record_rules(self, fields: int) -> None:
        """Per field: a general cap and floor, a tighter cap in one zone, tighter still
        in one zone and kind.  Narrower guards carry tighter caps, so nothing implies."""
        r = self.random
        for i in range(fields):
            zone = r.choice(ZONES[:-1])
            kind = r.choice(self.allowed[zone])
            self.rule(f"  for each item\n  require f{i} <= {r.randint(180, 200)} km2")
            self.rule(f"  for each item\n  require f{i} >= {r.randint(0, 8)} km2")
            self.rule(f"  for each item\n  where zone == {zone}\n"
                      f"  require f{i} <= {r.randint(150, 170)} km2")
            self.rule(f"  for each item\n  where zone == {zone} and category == {kind}\n"
                      f"  require f{i} <= {r.randint(120, 140)} km2")

    def linear_rules(self, count: int) -> None:
        """Sums of two fields under a cap that no pair of caps reaches (150 + 150 > 280)."""
        pairs = self.random.sample([(a, b) for a in range(FIELDS) for b in range(a + 1, FIELDS)],
                                   count)
        for a, b in pairs:
            zone = self.random.choice(ZONES[:-1])
            self.rule(f"  for each item\n  where zone == {zone}\n"
                      f"  require f{a} + f{b} <= 280 km2")

    def membership_rules(self) -> None:
        for zone in ZONES[:-1]:
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

    def text(self) -> str:
        return HEADER + "".join(self.indicators) + "".join(self.rules) + PLANTED


def generate(total: int, seed: int) -> str:
    g = Generator(seed)
    g.membership_rules()
    g.linear_rules(30)
    g.target_indicators(60, 10)
    g.quota_indicators(40)
    left = total - PLANTED_RULES - len(g.rules)
    g.record_rules(min(FIELDS, left // 4))
    scopes = iter([(z, k) for z in ZONES[:-1] for k in g.allowed[z]])
    while len(g.rules) < total - PLANTED_RULES:  # fill up: a flag in one zone and kind
        zone, kind = next(scopes)
        g.rule(f"  for each item\n  where zone == {zone} and category == {kind}\n"
               "  require flag == true")
    return g.text()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=int, default=1000, help="rules in the suite")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.rules"
        path.write_text(generate(args.rules, args.seed), encoding="utf-8")
        started = time.perf_counter()
        loaded = load_suite([path])
        checked = typecheck(loaded.suite)
        loaded_in = time.perf_counter() - started
        started = time.perf_counter()
        analysis = run_analysis(checked)
        elapsed = time.perf_counter() - started
    reported = {(f.code, f.rule_ids) for f in analysis.findings}
    missing, extra = EXPECTED - reported, reported - EXPECTED
    print(f"rules: {len(checked.rules)}  (parse + typecheck {loaded_in:.2f} s)")
    print(f"analyze: {elapsed:.2f} s, {len(checked.rules) / elapsed:,.0f} rules/s, "
          f"{analysis.checks} solver checks")
    print(f"findings: {len(analysis.findings)}; planted: {len(EXPECTED)}")
    for code, rules in sorted(missing):
        print(f"  missing: {code} {', '.join(rules)}")
    for code, rules in sorted(extra):
        print(f"  extra:   {code} {', '.join(rules)}")
    for note in analysis.incomplete:
        print(f"  not decided: {note}")
    exact = not missing and not extra
    print(f"every planted problem reported exactly: {'yes' if exact else 'no'}")
    print(f"under 10 s: {'yes' if elapsed < 10 else 'no'}")
    return 0 if exact and elapsed < 10 else 1


if __name__ == "__main__":
    raise SystemExit(main())
