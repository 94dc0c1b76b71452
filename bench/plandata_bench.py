"""Benchmark: `plancheck check` of a big plan-data table against reading it with pyarrow.

    .venv/bin/python bench/plandata_bench.py [--regions 5000] [--years 10] [--runs 1]
                                             [--series none] [--keep FILE]
                                             [--pause SECONDS] [--tree OTHER_CHECKOUT]

Generates a long plan-data CSV of 20 indicators of the bundled Daxing suite (shares,
areas, concentrations, days, money, counts; a few in a unit other than the catalogue's,
so they are converted) for the plan's region, its 14 towns and synthetic regions up to
`--regions`, over `--years` years ending in 2025 (5,000 regions x 10 years: 10^6
rows).  Then, each in a fresh process as the CLI runs (byte code cached):

* `plancheck check BIG.csv --format json --series S -o REPORT`, and
* the baseline, in the same run: `pyarrow.csv.read_csv(BIG.csv)` — reading the table,
  the least any checker must do;

and prints wall and CPU seconds, peak memory (the child's maximum resident set) and the
ratio to the baseline.  Counts are checked equal: the rows pyarrow read, the rows the
generator wrote, and the plan-data rows plancheck's report counts.  Targets (issue 16):
under 5 s and 1 GiB at 10^6 rows.  Not a test.

`--pause S` sleeps S seconds before each timed check, as a first run after an idle moment
(on a VM that hands freed memory back to its host, what a run touches after a pause is
fresh host memory: the "cold" run; back to back, a run reuses what the last one freed).
`--tree DIR` also times `python -m checker` of another checkout (run in it, its own suite
cache), interleaved with this one's, and compares the two reports byte for byte.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANCHECK = Path(sys.executable).with_name("plancheck")

TARGET_SECONDS, TARGET_BYTES = 5.0, 1024**3
TOWNS = ["黄村镇", "西红门镇", "旧宫镇", "亦庄镇", "瀛海镇", "青云店镇", "采育镇", "安定镇",
         "礼贤镇", "榆垡镇", "庞各庄镇", "北臧村镇", "魏善庄镇", "长子营镇"]
# indicator, unit written in the table, a typical value in that unit, its yearly step
INDICATORS = [
    ("urban_rural_construction_land", "km²", 318.0, -0.3),
    ("bus_stop_500m_coverage", "%", 80.0, 2.0),
    ("rural_centralized_water_supply_rate", "%", 40.0, 5.0),
    ("preschool_enrolment_rate", "%", 95.0, 0.5),
    ("inclusive_kindergarten_coverage", "%", 85.0, 1.0),
    ("sponge_city_area_share", "%", 28.0, 3.0),
    ("pm25_annual_mean", "μg/m³", 40.0, -1.5),
    ("heavy_pollution_days", "days", 12.0, -1.0),
    ("forest_coverage", "%", 30.0, 0.4),
    ("urban_green_coverage", "%", 46.0, 0.3),
    ("gdp_growth", "%", 6.0, 0.1),
    ("per_capita_disposable_income_growth", "%", 6.5, 0.1),
    ("general_budget_revenue", "亿元", 95.0, 3.0),
    ("general_budget_revenue_growth", "%", 5.0, 0.2),
    ("new_waste_transfer_stations", "count", 2.0, 0.0),
    ("raw_waste_landfilled", "万吨", 0.0, 0.0),  # converted: 万吨 -> t
    ("new_shelter_area", "万m²", 12.0, 1.0),  # converted: 万m² -> m²
    ("travel_time_to_xiongan", "小时", 0.75, -0.01),  # converted: h -> min
    ("old_compound_renovation_completion", "%", 20.0, 10.0),
    ("village_plan_coverage", "%", 60.0, 8.0),
]


def regions(count: int) -> list[str]:
    named = ["大兴区", *TOWNS]
    return (named + [f"片区{index:05d}" for index in range(count - len(named))])[:count]


def generate(path: Path, region_count: int, years: int) -> int:
    """Write the table; return its number of data rows."""
    first = 2025 - years + 1
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["indicator", "region", "year", "value", "unit", "source", "kind"])
        for number, region in enumerate(regions(region_count)):
            wobble = (number % 7) * 0.1
            for indicator, unit, start, step in INDICATORS:
                for offset in range(years):
                    value = start + step * offset + (0 if unit == "count" else wobble)
                    value = round(min(value, 99.9) if unit == "%" else value, 2)
                    writer.writerow([indicator, region, first + offset, value, unit,
                                     "统计年鉴", "actual"])
                    rows += 1
    return rows


@dataclass
class Child:
    """One fresh process: wall and CPU seconds, peak resident bytes, its output."""

    wall: float
    cpu: float
    peak: int
    code: int
    output: str
    system: float = 0.0  # of `cpu`: the kernel's (page faults, mostly)


# The process settings plancheck's CLI makes (`checker.cli.process`), given to the baseline
# too, so that the ratio compares the work: small pages, Arrow's system allocator.
SETTLED = {"ARROW_DEFAULT_MEMORY_POOL": "system", "NUMPY_MADVISE_HUGEPAGE": "0",
           "OPENBLAS_NUM_THREADS": "1"}


def child(command: list[str], cwd: Path = ROOT, settled: bool = False) -> Child:
    env = {key: value for key, value in {**(SETTLED if settled else {}), **os.environ}.items()
           if key not in ("PYTHONDONTWRITEBYTECODE",)}
    start = time.perf_counter()
    with tempfile.TemporaryFile() as stdout, subprocess.Popen(
            command, stdout=stdout, stderr=subprocess.DEVNULL, env=env, cwd=cwd) as process:
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        stdout.seek(0)
        output = stdout.read().decode()
    return Child(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024,
                 process.returncode, output, usage.ru_stime)


_PYARROW = ("import sys, pyarrow.csv as c\n"
            "print(c.read_csv(sys.argv[1]).num_rows)\n")


def report_rows(report: Path) -> int:
    """The plan-data rows the JSON report counts."""
    data = json.loads(report.read_text(encoding="utf-8"))
    return sum(int(i["rows"]) for i in data["inputs"] if i["kind"] == "plan_data")


def line(name: str, run: Child, base: Child) -> str:
    return (f"  {name:<34} wall {run.wall:7.2f} s  cpu {run.cpu:7.2f} s "
            f"(sys {run.system:4.2f})  peak {run.peak / 2**20:7.0f} MiB  "
            f"cpu {run.cpu / base.cpu:5.1f}x  "
            f"memory {run.peak / base.peak:4.1f}x the baseline")


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--regions", type=int, default=5_000)
    options.add_argument("--years", type=int, default=10)
    options.add_argument("--runs", type=int, default=1)
    options.add_argument("--series", default="none",
                         help="the check's --series (none; `-`: leave it out, for a tool "
                         "without it, or to time the default)")
    options.add_argument("--keep", metavar="FILE", help="write the table here and keep it")
    options.add_argument("--pause", type=float, default=0.0,
                         help="seconds to sleep before each timed check (a cold run)")
    options.add_argument("--tree", type=Path,
                         help="also time `python -m checker` of this checkout, interleaved")
    args = options.parse_args()
    trees = [("plancheck", [str(PLANCHECK)], ROOT)]
    if args.tree is not None:
        trees.append(("tree", [sys.executable, "-m", "checker"], args.tree.resolve()))

    with tempfile.TemporaryDirectory() as scratch:
        table = Path(args.keep) if args.keep else Path(scratch) / "plan-data.csv"
        written = generate(table, args.regions, args.years)
        print(f"plan data: {written:,} rows ({len(INDICATORS)} indicators x {args.regions:,} "
              f"regions x {args.years} years), {table.stat().st_size / 2**20:,.0f} MiB")
        for _, _command, cwd in trees:  # byte code compiled and cached, as installed
            child([sys.executable, "-m", "compileall", "-q", str(cwd / "checker")], cwd)
        series = ["--series", args.series] if args.series != "-" else []
        for _ in range(args.runs):
            base = child([sys.executable, "-c", _PYARROW, str(table)], settled=True)
            assert int(base.output) == written, (base.output, written)
            print(f"  {'pyarrow.csv.read_csv (baseline)':<34} wall {base.wall:7.2f} s  "
                  f"cpu {base.cpu:7.2f} s  peak {base.peak / 2**20:7.0f} MiB")
            reports = []
            for name, command, cwd in trees:
                report = Path(scratch) / f"report-{name}.json"
                time.sleep(args.pause)
                run = child([*command, "check", str(table.resolve()), "--as-of", "2025",
                             "--format", "json", *series, "-o", str(report)], cwd)
                assert run.code in (0, 1), f"{name} exited {run.code}"
                counted = report_rows(report)
                assert counted == written, (counted, written)
                print(line(f"{name} check --series {args.series}", run, base))
                met = run.cpu < TARGET_SECONDS and run.peak < TARGET_BYTES
                print(f"  report {report.stat().st_size / 2**20:,.1f} MiB; rows counted equal "
                      f"({written:,}); target < {TARGET_SECONDS:.0f} s cpu and 1 GiB: "
                      f"{'meets' if met else 'MISSES'}")
                reports.append(report.read_bytes())
            if len(reports) > 1:
                print(f"  reports {'identical' if reports[0] == reports[1] else 'DIFFER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
