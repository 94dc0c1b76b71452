"""Benchmark of `plancheck analyze` on hostile rule files: each must end within a minute.

    .venv/bin/python bench/analyze_hostile_bench.py [--only NAME] [--keep FOLDER]

Writes each case as one rule file under 10,000 lines — deep nesting (30 nested
`growth()`, 60 nested `abs()`, 40 nested `prev()`, arithmetic 40 levels deep), many
rules (the consistent suite of `analyze_bench.py` with its planted problems), wide
`or` guards and `and` constraints of 90 terms, guards on 18 flags (2¹⁸ scopes), and
non-linear rules the solver cannot decide (nested growth rates past the time limit
of a check, ratios cubed) —
and runs `plancheck analyze --format json` on it as a whole process.  Prints, per
case, the wall and CPU seconds, the ratio against `python -c pass` measured in the
same run (the median of five), the exit code and the codes reported, and whether
they are what the case must give: the planted problems exactly, `A530` for each
deep rule, `A531` (incomplete, never "consistent") where the solver cannot decide,
nothing at all for the wide consistent rules.  The target: every case under 60 s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from analyze_bench import generate  # noqa: E402

TARGET_SECONDS = 60.0
MAX_LINES = 10_000
HEADER = """\
plan hostile {
  title "hostile"
  period 2021..2025
  region 大兴区
}
set 功能区 = {Z0, Z1, Z2, Z3, Z4, Z5}
"""


def record(fields: int) -> str:
    numeric = "\n".join(f"  f{i}: km2" for i in range(fields))
    return f"record project {{\n  id: text required\n  zone: enum 功能区\n{numeric}\n}}\n"


def indicators(count: int) -> str:
    return "".join(f"indicator g{i} {{\n  unit %\n  direction up\n}}\n" for i in range(count))


def nested(function: str, inner: str, levels: int) -> str:
    for _ in range(levels):
        inner = f"{function}({inner})"
    return inner


def rule(ident: str, require: str, where: str | None = None, each: bool = True) -> str:
    lines = ["  for each project"] if each else []
    if where:
        lines.append(f"  where {where}")
    lines.append(f"  require {require}")
    return f"rule {ident} {{\n" + "\n".join(lines) + "\n}\n"


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    expect: Callable[[Counter[str]], bool]
    says: str


def deep_growth() -> Case:
    deep = nested("growth", "g0", 30)
    text = (HEADER + indicators(1) + rule("G", f"{deep} >= 5 %", each=False)
            + rule("H", f"{deep} <= 3 %", each=False))
    return Case("30 nested growth()", text, lambda c: c == Counter({"A530": 2}), "2 × A530")


def deep_mixed() -> Case:
    arith = "(" * 40 + "f0" + " * 2 + 1 km2)" * 40
    text = (HEADER + record(2) + indicators(1)
            + rule("ABS", f"{nested('abs', 'f1', 60)} <= 5 km2")
            + rule("PREV", f"{nested('prev', 'g0', 40)} <= 5 %", each=False)
            + rule("ARITH", f"{arith} <= 5 km2"))
    return Case("60 abs(), 40 prev(), 40-deep arithmetic", text,
                lambda c: c == Counter({"A530": 3}), "3 × A530")


def many_rules() -> Case:
    text, expected = generate(2000, 7)
    codes = Counter(code for code, _ in expected)
    return Case("2,000 rules (analyze_bench suite)", text, lambda c: c == codes,
                f"the {len(expected)} planted problems")


def wide() -> Case:
    """Wide `or` guards and wide `and` constraints, consistent by construction."""
    rules = []
    fields = 90 * 25
    for i in range(25):
        zones = " or ".join(f"zone == Z{(i + k) % 6}" for k in range(90))
        caps = " and ".join(f"f{90 * i + k} <= {100 + k} km2" for k in range(90))
        rules.append(rule(f"WIDE-{i}", caps, where=zones))
    return Case("wide or / and (25 rules × 90 terms)", HEADER + record(fields) + "".join(rules),
                lambda c: not c, "no findings")


def non_linear_growth() -> Case:
    """Pairs of nested growth rates: every check runs into its time limit."""
    count = 990  # 9,906 lines
    deep = [nested("growth", f"g{i}", 8) for i in range(count)]
    rules = [rule(f"G{i}", f"{d} >= 5 %", each=False) + rule(f"H{i}", f"{d} <= 3 %", each=False)
             for i, d in enumerate(deep)]
    return Case(f"{count} pairs of 8 nested growth() (solver time-outs)",
                HEADER + indicators(count) + "".join(rules),
                lambda c: c["A531"] >= 1 and set(c) <= {"A531", "A501", "A512"},
                "A531 (incomplete), never consistent")


def cubes() -> Case:
    """Ratios cubed: the solver answers `unknown` at once."""
    count = 300
    rules = [rule(f"CUBE-{i}", f"(f{3 * i} / f{3 * i + 1}) * (f{3 * i} / f{3 * i + 1}) * "
                               f"(f{3 * i} / f{3 * i + 1}) + (f{3 * i + 2} / f{3 * i + 1}) * "
                               f"(f{3 * i + 2} / f{3 * i + 1}) * (f{3 * i + 2} / f{3 * i + 1})"
                               f" == 1 and f{3 * i} >= 1 km2")
             + rule(f"FLOOR-{i}", f"f{3 * i} >= 1 km2 and f{3 * i + 1} >= 1 km2")
             for i in range(count)]
    return Case(f"{count} non-linear rules (solver unknown)",
                HEADER + record(3 * count) + "".join(rules),
                lambda c: c["A531"] >= 1 and set(c) <= {"A531"}, "A531 (incomplete)")


def guard_scopes() -> Case:
    """18 rules guarded by 18 different flags: 2¹⁸ guard scopes to search."""
    count = 18
    flags = "".join(f"  b{i}: bool\n" for i in range(count))
    text = (HEADER + record(2).replace("}\n", flags + "}\n")
            + "".join(rule(f"FLAG-{i}", f"f0 + f1 <= {100 + i} km2 and f0 >= {i} km2",
                           where=f"b{i}") for i in range(count)))
    return Case(f"{count} flag guards (2^{count} scopes)", text,
                lambda c: c == Counter({"A531": 1}), "A531 (scopes past the limit)")


CASES = [deep_growth, deep_mixed, many_rules, wide, non_linear_growth, cubes, guard_scopes]


def timed(command: list[str]) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Wall and CPU seconds of one whole process (CPU: this child's user + system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                          timeout=TARGET_SECONDS * 3, env={**os.environ, "PYTHONHASHSEED": "0"})
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run only the case whose name contains this")
    parser.add_argument("--keep", type=Path, help="write the rule files into this folder")
    args = parser.parse_args()
    base = [timed([sys.executable, "-c", "pass"]) for _ in range(5)]
    base_wall = statistics.median(w for w, _, _ in base)
    print(f"baseline: `python -c pass` {base_wall * 1e3:.0f} ms wall (median of 5; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    ok = True
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for make in CASES:
            case = make()
            if args.only and args.only not in case.name:
                continue
            lines = case.text.count("\n")
            assert lines < MAX_LINES, (case.name, lines)
            path = folder / f"{make.__name__}.rules"
            path.write_text(case.text, encoding="utf-8")
            wall, cpu, done = timed([sys.executable, "-m", "checker", "analyze", str(path),
                                     "--format", "json"])
            crashed = "Traceback" in done.stderr or done.returncode not in (0, 1)
            codes: Counter[str] = Counter()
            if not crashed:
                codes = Counter(f["code"] for f in json.loads(done.stdout)["findings"])
            right = not crashed and case.expect(codes) and (done.returncode == 1) == bool(codes)
            quick = wall < TARGET_SECONDS
            ok = ok and right and quick
            shown = ", ".join(f"{n} × {c}" for c, n in sorted(codes.items())) or "none"
            print(f"== {case.name}: {lines:,} lines")
            print(f"   {wall:.2f} s wall, {cpu:.2f} s CPU, {wall / base_wall:,.0f}x python -c pass;"
                  f" exit {done.returncode}; findings: {shown}")
            print(f"   expected {case.says}: {'yes' if right else 'NO'}; "
                  f"under {TARGET_SECONDS:.0f} s: {'yes' if quick else 'NO'}")
            if crashed:
                print("   " + done.stderr.strip().replace("\n", "\n   "))
    print(f"every hostile case right and under {TARGET_SECONDS:.0f} s: {'yes' if ok else 'no'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
