"""Benchmark: a suite of N rules loaded cold and warm, and the parse rate of one file.

    .venv/bin/python bench/parse_bench.py [--rules 10,1000,10000] [--runs N]
                                          [--parse-rate] [--profile] [--keep FILE]

Generates one `.rules` file of N valid rules with every rule shape of PRODUCT.md
(caps with units each year, thresholds by a year, milestones at a year, scoped and
staged deadlines, cumulative totals, zero targets, trends, relations, CAGR, zoning
guards with sets, prohibitions, negative lists, shares with readings, ordinal
standards, aggregates, exceptions) with citations, Chinese names and comments; the
suite parses, builds and type-checks (a bench that plancheck refused measured nothing).

For each N, in fresh processes as the CLI runs (byte code cached): `load_checked` of
the suite cold (an empty suite cache: parse + build + type-check + store) and warm
(the cache entry present: read it), against `python -c pass` timed in the same run;
each child prints its rule count, checked equal to N.  CPU figures are the children's
own (the machine is shared; wall time counts waiting for a core).  The target: warm
under 2 s at 10,000 rules.  `--parse-rate` also times parse + build in this process
against 5,000 lines/s (median of `--runs`, pinned to one core); `--profile` prints the
cProfile top functions of one parse + build.  Not a test.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.source import SourceFile  # noqa: E402
from checker.syntax import model as m  # noqa: E402
from checker.syntax.build import build  # noqa: E402
from checker.syntax.parse import parse  # noqa: E402

TARGET_LINES_PER_SECOND = 5_000
TARGET_WARM_SECONDS = 2.0  # at 10,000 rules (issue 16)

TOWNS = ["黄村镇", "西红门镇", "旧宫镇", "亦庄镇", "瀛海镇", "青云店镇", "采育镇", "安定镇",
         "礼贤镇", "榆垡镇", "庞各庄镇", "北臧村镇", "魏善庄镇", "长子营镇"]
ZONES = ["临空经济区", "综合保税区", "生物医药基地", "新媒体基地", "国际氢能示范区", "大兴新城"]

HEADER = """\
# A generated suite for the parse benchmark: every rule shape of the plan.
plan bench-14th {
  title "北京市大兴区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要"
  period 2021..2025
  region 大兴区
  source "plan.txt"
}

set 临空产业 = {航空物流, 航空维修, 航空培训, 跨境冷链, 保税研发, 国际贸易}
set 负面清单 = {一般制造业, 物流仓储}
set 产业 = {航空物流, 航空维修, 航空培训, 跨境冷链, 保税研发, 国际贸易,
          一般制造业, 物流仓储, 生物制药}
set 镇街 = {黄村镇, 西红门镇, 旧宫镇, 亦庄镇, 瀛海镇, 青云店镇, 采育镇, 安定镇, 礼贤镇, 榆垡镇,
          庞各庄镇, 北臧村镇, 魏善庄镇, 长子营镇}
scale 排放标准 = 国三 < 国四 < 国五 < 国六a < 国六b

indicator urban_rural_construction_land "城乡建设用地规模" {
  unit km2
  kind binding
  direction down
}

indicator pm25_annual_mean "`PM2.5`年均浓度" {
  unit μg/m3
  kind binding
  direction down
}

indicator bus_stop_500m_coverage "公交站点500米覆盖率" {
  unit %
  kind anticipatory
  direction up
}

indicator national_health_district "国家卫生区创建" {
  unit bool
  kind anticipatory
  direction up
}

indicator g5_outdoor_coverage_key_zones "重点区域5G室外连续覆盖率" {
  unit %
  kind anticipatory
  direction up
}

indicator g5_coverage_new_town "新城地区5G信号覆盖率" {
  unit %
  kind anticipatory
  direction up
}

indicator new_waste_transfer_stations "新建垃圾转运站" {
  unit count
  kind anticipatory
  direction up
}

indicator raw_waste_landfilled "原生垃圾填埋量" {
  unit t
  kind binding
  direction down
}

indicator gdp_growth "地区生产总值增速" {
  unit %
  kind anticipatory
  direction up
}

indicator per_capita_disposable_income_growth "居民人均可支配收入增速" {
  unit %
  kind anticipatory
  direction up
}

indicator general_budget_revenue "一般公共预算收入" {
  unit 亿元
  kind anticipatory
  direction up
}

record project "项目申报" {
  id: text required label "项目编号"
  town: enum 镇街
  zone: enum {临空经济区, 综合保税区, 生物医药基地, 新媒体基地, 国际氢能示范区, 大兴新城}
  industry: enum 产业
  land_area: km2 label "用地面积"
  new_construction_land: km2 default 0 km2
  occupies_permanent_basic_farmland: bool required
  strategic_reserve_approval: text label "战略留白审批文号"
  new_operating_vehicles: count label "新增或更换作业车辆数"
  new_energy_vehicle_share: % label "新能源车辆占比"
  vehicle_emission_standard: ordinal 排放标准
}
"""

# One template per rule shape; {n} is the rule number, {town}/{zone}/{cap}/{year} vary.
SHAPES = [
    # 1 cap with a unit, every year of the period
    """# 第九章 三: 城乡建设用地
rule LAND-{n} "城乡建设用地规模控制在{cap}平方公里以内" {{
  cite "第九章 三 (一)" line 315: "城乡建设用地规模控制在319平方公里以内"
  kind binding because "国土空间规划约束性指标"
  for region {town}
  require urban_rural_construction_land <= {cap}.5 km2 each year in 2021..2025
}}
""",
    # 2 threshold by a deadline
    """rule BUS-{n} "公交站点500米覆盖率" {{
  cite "第十章 二" line 405: "公交站点500米覆盖率达到90%"
  kind anticipatory
  require bus_stop_500m_coverage >= 90% by {year}  # 到{year}年
}}
""",
    # 3 milestone at a year
    """rule HEALTH-{n} "创建国家卫生区" {{
  cite "第十二章 四" line 473: "2023年成功创建国家卫生区"
  kind binding
  require national_health_district == true at 2023
}}
""",
    # 4 scoped, staged deadlines
    """rule G5-{n} "5G信号覆盖" {{
  cite "第十一章 一" line 433: "重点区域2022年实现室外连续覆盖"
  kind anticipatory because "新型基础设施"
  require g5_outdoor_coverage_key_zones >= 100% by 2022 in region 大兴机场, {zone}
  require g5_coverage_new_town >= 100 % by 2025 in region 大兴新城
}}
""",
    # 5 cumulative count over the period
    """rule WASTE-{n} "新建垃圾转运站" {{
  cite "第十章 五" line 425: "新建13个垃圾转运站"
  kind binding
  # a sum over the five years of the period
  require total(new_waste_transfer_stations, 2021..2025) >= 13 by 2025
}}
""",
    # 6 zero target
    """rule LANDFILL-{n} "原生垃圾零填埋" {{
  cite "第十章 五" line 425: "原生垃圾零填埋"
  kind binding
  require raw_waste_landfilled == 0 t each year in 2021..2025
}}
""",
    # 7 trend
    """rule PM25-{n} "`PM2.5`持续改善" {{
  cite "第十四章 二" line 551: "PM2.5 年均浓度持续改善"
  kind binding because "大气污染防治"
  for region {town}
  require pm25_annual_mean falls each year in 2021..2025
  require pm25_annual_mean <= 37 μg/m3 by 2025
}}
""",
    # 8 relation with a tolerance, 17 a vague word made explicit
    """rule INCOME-{n} "居民收入增长和经济增长基本同步" {{
  cite "第二章 二" line 88: "居民收入增长和经济增长基本同步"
  kind anticipatory
  read 基本同步 = 1.5% because "两者增速相差不超过1.5个百分点"
  require abs(per_capita_disposable_income_growth - gdp_growth) <= 基本同步 each year in 2021..2025
}}
""",
    # 9 growth rate / CAGR
    """rule BUDGET-{n} "一般公共预算收入年均增长" {{
  cite "第二章 一" line 40: "一般公共预算收入年均增长"
  kind anticipatory
  require cagr(general_budget_revenue, 2020..2025) >= 5.{cap}% by 2025
  require growth(general_budget_revenue) > 0% each year in 2021..2025
}}
""",
    # 10 zoning: a guard, then a set
    """rule ZONE-{n} "临空经济区起步区产业" {{
  cite "第三章 二" line 103: "临空经济区起步区重点发展航空物流、航空维修等产业"
  kind binding
  for each project
  where zone in {{临空经济区, 综合保税区}} and land_area > 0.{cap} km2
  require industry in 临空产业  # the zone's industries
}}
""",
    # 11 prohibition on a record, 16 exception with a label and a reason
    """rule FARM-{n} "严格保护永久基本农田" {{
  cite "第九章 二" line 357: "严格保护永久基本农田"
  kind binding because "耕地保护红线"
  for each project
  require not occupies_permanent_basic_farmland
  unless strategic_reserve_approval is present label "战略留白审批" because "经市政府批准的重大项目"
}}
""",
    # 12 negative list
    """# 疏整促: no new general manufacturing
rule NEG-{n} "疏解整治促提升" {{
  cite "第一章 三" line 305: "不再新增一般制造业"
  kind binding
  for each project
  where town == {town} or zone == {zone}
  require industry not in 负面清单
}}
""",
    # 13 share on a record, scoped to a zone (with a reading)
    """rule NEV-{n} "作业车辆主要采用新能源车型" {{
  cite "第十四章 三" line 557: "新增或更换作业车辆主要采用新能源车型"
  kind anticipatory
  for each project
  read 主要采用 = 80% because "'主要' 取八成"
  where zone == 临空经济区 and new_operating_vehicles > 0
  require new_energy_vehicle_share >= 主要采用
}}
""",
    # 14 ordinal standard
    """rule EMISSION-{n} "严格实施国六b排放标准" {{
  cite "第十四章 三" line 557: "严格实施国六b排放标准"
  kind binding
  for each project
  where new_operating_vehicles is present
  require vehicle_emission_standard >= 国六b
}}
""",
    # 15 aggregate across records vs a plan cap
    """rule TOTAL-{n} "新增建设用地总量" {{
  cite "第九章 三 (一)" line 315: "城乡建设用地规模控制在319平方公里以内"
  kind binding
  for all project
  require 305.2 km2 + sum(new_construction_land) <= 319 km2 at 2025 label "总量"
}}
""",
]


def generate(rules: int) -> str:
    parts = [HEADER]
    for i in range(rules):
        template = SHAPES[i % len(SHAPES)]
        parts.append("\n" + template.format(
            n=f"{i:05d}", town=TOWNS[i % len(TOWNS)], zone=ZONES[i % len(ZONES)],
            cap=300 + i % 50, year=2022 + i % 4))
    return "".join(parts)


def parse_and_build(source: SourceFile) -> m.RuleFile:
    parsed = parse(source)
    if isinstance(parsed, list):
        raise SystemExit(f"the generated file does not parse: {parsed[:3]}")
    built = build(parsed)
    if isinstance(built, list):
        raise SystemExit(f"the generated file does not build: {built[:3]}")
    return built


@dataclass
class Runs:
    """Seconds per run: wall clock of parse and of parse + build, and CPU time of both."""

    parse: list[float] = field(default_factory=list)
    total: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)


def time_runs(source: SourceFile, runs: int) -> Runs:
    out = Runs()
    for _ in range(runs):
        cpu = time.process_time()
        start = time.perf_counter()
        parsed = parse(source)
        middle = time.perf_counter()
        assert not isinstance(parsed, list)
        built = build(parsed)
        end = time.perf_counter()
        assert not isinstance(built, list)
        out.cpu.append(time.process_time() - cpu)
        out.parse.append(middle - start)
        out.total.append(end - start)
    return out


_CONSTRUCT = (
    "import time\n"
    "from checker.syntax.parse import _parser\n"
    "start = time.perf_counter()\n"
    "_parser()\n"
    "print(time.perf_counter() - start)\n"
)


def parser_construction(runs: int = 3) -> tuple[float, float]:
    """Seconds to construct the parser in a fresh process: cold (empty lark cache
    folder) and the median of warm ones (cache file present)."""
    with tempfile.TemporaryDirectory() as cache_dir:
        env = {**os.environ, "TMPDIR": cache_dir, "PYTHONPATH": str(ROOT)}
        times = []
        for _ in range(runs + 1):
            done = subprocess.run([sys.executable, "-c", _CONSTRUCT], env=env, check=True,
                                  capture_output=True, text=True, cwd=ROOT)
            times.append(float(done.stdout))
    return times[0], statistics.median(times[1:])


def one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core}"
    return "not pinned (no sched_setaffinity)"


def profile(source: SourceFile, top: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    parse_and_build(source)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(top)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


_LOAD = (
    "import sys, time\n"
    "started, cpu = time.perf_counter(), time.process_time()\n"
    "from checker.types.cached import load_checked\n"
    "loaded, checked = load_checked([sys.argv[1]])\n"
    "print(len(checked.rules), time.perf_counter() - started, time.process_time() - cpu)\n"
)


@dataclass
class Child:
    """One fresh process: its wall and CPU seconds, and what it printed."""

    wall: float
    cpu: float
    output: str


def child(arguments: list[str], env: dict[str, str]) -> Child:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *arguments], env=env, check=True,
                          capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Child(wall, cpu, done.stdout)


def load_counted(suite: Path, env: dict[str, str], rules: int) -> Child:
    """Load the suite in a fresh process; its rule count must be `rules`."""
    run = child(["-c", _LOAD, str(suite)], env)
    count = int(run.output.split()[0])
    assert count == rules, f"the child checked {count:,} rules, not {rules:,}"
    return run


def cold_and_warm(rules: int, runs: int, baseline: Child) -> None:
    """Print cold and warm whole-process loads of an N-rule suite against `python -c pass`."""
    text = generate(rules)
    with tempfile.TemporaryDirectory() as scratch:
        suite = Path(scratch) / "suite"
        suite.mkdir()
        (suite / "bench.rules").write_text(text, encoding="utf-8")
        env = {key: value for key, value in os.environ.items()
               if key not in ("PYTHONDONTWRITEBYTECODE", "PLANCHECK_NO_CACHE")}
        env |= {"PYTHONPATH": str(ROOT), "PLANCHECK_CACHE_DIR": str(Path(scratch) / "cache")}
        cold = [load_counted(suite, env, rules)]
        for _ in range(runs - 1):  # cold again: a new, empty cache each time
            env["PLANCHECK_CACHE_DIR"] = tempfile.mkdtemp(dir=scratch)
            cold.append(load_counted(suite, env, rules))
        warm = [load_counted(suite, env, rules) for _ in range(runs)]
    print(f"{rules:>7,} rules, {len(text.encode()):>10,} bytes, "
          f"{text.count(chr(10)):>7,} lines (median of {runs} fresh processes)")
    for name, times in (("cold", cold), ("warm", warm)):
        wall = statistics.median(t.wall for t in times)
        cpu = statistics.median(t.cpu for t in times)
        inside = statistics.median(float(t.output.split()[2]) for t in times)
        print(f"  {name}  wall {wall:7.3f} s  cpu {cpu:7.3f} s  (load_checked alone "
              f"{inside:.3f} s cpu)  {cpu / baseline.cpu:6.1f}x the cpu of `python -c pass`")
    if rules >= 10_000:
        cpu = statistics.median(t.cpu for t in warm)
        verdict = "meets" if cpu < TARGET_WARM_SECONDS else "MISSES"
        print(f"  warm target < {TARGET_WARM_SECONDS} s at 10,000 rules: {verdict} "
              f"({cpu:.3f} s cpu)")


def parse_rate(rules: int, runs: int) -> None:
    """The in-process parse + build rate of one N-rule file against 5,000 lines/s."""
    pinned = one_core()
    text = generate(rules)
    source = SourceFile("bench.rules", text)
    lines = text.count("\n")
    built = parse_and_build(source)  # also warms the parser up
    count = sum(isinstance(s, m.Rule) for s in built.statements)
    assert count == rules, (count, rules)
    timed = time_runs(source, runs)
    total, parse_only = statistics.median(timed.total), statistics.median(timed.parse)
    cpu = statistics.median(timed.cpu)
    rate, cpu_rate = lines / total, lines / cpu
    cold, warm = parser_construction()
    print(f"parse+build of {rules:,} rules, {lines:,} lines in this process ({pinned}, "
          f"median of {runs} runs, Python {sys.version.split()[0]})")
    print(f"  total   {total:8.3f} s   parse {parse_only:.3f} s   build {total - parse_only:.3f} s"
          f"   cpu {cpu:.3f} s")
    print(f"  lines/s {rate:10,.0f}   ({cpu_rate:,.0f} by cpu time); target "
          f"{TARGET_LINES_PER_SECOND:,}: ratio {cpu_rate / TARGET_LINES_PER_SECOND:.2f} by cpu")
    print(f"parser construction in a fresh process: cold {cold * 1000:.0f} ms "
          f"(no cache file), warm {warm * 1000:.1f} ms (cache file present)")


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--rules", default="10,1000,10000",
                         help="suite sizes, comma-separated (default: 10,1000,10000)")
    options.add_argument("--runs", type=int, default=3)
    options.add_argument("--parse-rate", action="store_true",
                         help="also time parse + build of the largest in this process")
    options.add_argument("--profile", action="store_true", help="print a cProfile report")
    options.add_argument("--keep", metavar="FILE", help="also write the largest file here")
    args = options.parse_args()
    sizes = [int(size.replace("_", "")) for size in args.rules.split(",")]

    if args.keep:
        Path(args.keep).write_text(generate(max(sizes)), encoding="utf-8")
    if args.profile:
        profile(SourceFile("bench.rules", generate(max(sizes))), 25)
        return 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child(["-c", "import checker.types.cached"], env)  # byte code compiled and cached
    passes = sorted((child(["-c", "pass"], env) for _ in range(args.runs)),
                    key=lambda run: run.cpu)
    baseline = passes[len(passes) // 2]
    print(f"baseline `python -c pass`: wall {baseline.wall:.3f} s, cpu {baseline.cpu:.3f} s")
    for size in sizes:
        cold_and_warm(size, args.runs, baseline)
    if args.parse_rate:
        parse_rate(max(sizes), args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
