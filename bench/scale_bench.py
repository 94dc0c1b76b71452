"""Benchmark: whole-process `plancheck check` on 10^6 and 10^7 proposals from Parquet (not a test).

For each size it writes seeded proposals under the bundled suite's `project` schema
to Parquet (in pieces of 10^6 rows, so generation stays in bounded memory), then
times, each as its own process, in the same run:

* plancheck:  `plancheck check FILE --format json -o …` (suite from its cache, load,
              all rules, the JSON result written),
* numpy:      a hand-written script: `pyarrow.parquet.read_table` + numpy for the
              suite's 20 record rules (`scale_rules.py`),
* duckdb:     the same rules as one SQL query over the file,

checks that the three count the same pass / fail / unknown / not-applicable outcomes
for every one of those rules, reads each child's peak RSS and CPU time with
`os.wait4`, and prints the ratios plancheck / numpy and plancheck / duckdb.  The
baselines run with the process settings plancheck's CLI makes for itself (`SETTLED`);
`--tree DIR` also times another checkout's `python -m checker` (a before/after in one
run) and compares its report with this one's, byte for byte.
Targets (issue 16): at 10^6 wall within 1.5x numpy; at 10^7 peak under 1 GiB and
wall within 2x DuckDB.

    .venv/bin/python bench/scale_bench.py [--sizes 1000000 10000000] [--repeat 1]
                                          [--tree OTHER_CHECKOUT]   # before/after, same run
    .venv/bin/python bench/scale_bench.py --partitions 8 --sizes 1000000 --engine dask
    .venv/bin/python bench/scale_bench.py --partitions 100 --sizes 100000000 --engine dask \
        --baselines duckdb      # 10^8 rows, 1.5 GB on disk (BENCH_TMP: where)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CHUNK = 1_000_000
BASELINES = ("numpy", "duckdb")


def _words(text: str) -> list[str]:
    return text.split()


TOWNS = _words("黄村镇 西红门镇 旧宫镇 亦庄镇 瀛海镇 青云店镇 采育镇 安定镇 礼贤镇 榆垡镇 庞各庄镇 "
         "北臧村镇 魏善庄镇 长子营镇")
ZONES = _words("临空经济区 综合保税区 自贸区高端产业片区 生物医药基地 新媒体基地 "
         "中日创新合作示范区 国际氢能示范区 大兴新城 亦庄新城 京南物流基地 农业地区 其他")
INDUSTRIES = _words("生物制药 创新药物 现代中药 高端医疗器械 健康服务 信创 数字创意与设计 "
              "新一代视听 第三代半导体 氢能 智能机器人 航空智能装备 科技服务 航空物流 "
              "航空维修 航空培训 金融服务 商务服务 保税研发 国际贸易 跨境冷链 智慧物流 "
              "现代农业 文化旅游 居住 公共服务 一般制造业 物流仓储")
STANDARDS = ("国三", "国四", "国五", "国六a", "国六b")
ENUMS = ("town", "zone", "industry", "vehicle_emission_standard")


# ------------------------------------------------------------------ data


def chunk(start: int, n: int, seed: int) -> Any:
    """Proposals `start … start+n-1` as an Arrow table: mostly compliant, ~2 % missing."""
    import pyarrow as pa
    import pyarrow.compute as pc

    rng = np.random.default_rng([seed, start])

    def maybe(values: np.ndarray, share: float = 0.02) -> Any:
        return pa.array(values, mask=rng.random(n) < share)

    numbers = pc.cast(pa.array(np.arange(start, start + n)), pa.string())
    ids = pc.binary_join_element_wise("P", pc.utf8_lpad(numbers, 9, "0"), "")
    approval = np.where(rng.random(n) < 0.5, "京规审〔2023〕12号", None)
    return pa.table({
        "id": ids,
        "town": maybe(rng.choice(TOWNS, n)),
        "zone": maybe(rng.choice(ZONES, n)),
        "industry": maybe(rng.choice(INDUSTRIES, n)),
        "land_area": maybe(rng.gamma(2.0, 0.05, n).round(4)),
        "new_construction_land": pa.array(rng.gamma(1.0, 0.01, n).round(5)),
        "occupies_permanent_basic_farmland": pa.array(rng.random(n) < 0.01),
        "in_ecological_red_line": pa.array(rng.random(n) < 0.01),
        "in_strategic_reserve": maybe(rng.random(n) < 0.03),
        "strategic_reserve_approval": pa.array(approval, pa.string()),
        "sponge_city_measures": maybe(rng.random(n) < 0.9),
        "new_operating_vehicles": maybe(rng.integers(0, 40, n).astype(float)),
        "new_energy_vehicle_share": maybe(rng.integers(30, 101, n).astype(float)),
        "vehicle_emission_standard": maybe(rng.choice(STANDARDS, n,
                                                      p=[0.02, 0.03, 0.05, 0.1, 0.8])),
        "investment": maybe(rng.gamma(2.0, 5.0, n).round(2)),
        "completion_year": maybe(rng.integers(2021, 2026, n).astype(float)),
    })


def write(path: Path, n: int, seed: int = 14, partitions: int = 1) -> Path:
    """`n` rows into one file, or a folder of `partitions` files; one chunk at a time."""
    import pyarrow.parquet as pq

    if partitions > 1:
        path.mkdir(parents=True, exist_ok=True)
        per = -(-n // partitions)
        for part in range(partitions):
            start = part * per
            _write_range(path / f"part-{part:05d}.parquet", start, min(n, start + per) - start,
                         seed, pq)
        return path
    _write_range(path, 0, n, seed, pq)
    return path


def _write_range(path: Path, start: int, n: int, seed: int, pq: Any) -> None:
    writer = None
    try:
        for offset in range(start, start + n, CHUNK):
            table = chunk(offset, min(CHUNK, start + n - offset), seed)
            if writer is None:
                writer = pq.ParquetWriter(path, table.schema)
            writer.write_table(table, row_group_size=256 * 1024)
    finally:
        if writer is not None:
            writer.close()


# ------------------------------------------------------------------ baselines (child mode)


def numpy_baseline(path: str) -> dict[str, dict[str, int]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    sys.path.insert(0, str(ROOT / "bench"))
    from scale_rules import daxing_rules

    table = pq.read_table(path, read_dictionary=list(ENUMS))
    columns: dict[str, Any] = {}
    for name in table.column_names:
        column = table.column(name).combine_chunks()
        known = ~np.asarray(column.is_null().to_numpy(zero_copy_only=False), bool)
        if pa.types.is_dictionary(column.type):
            codes = column.indices.fill_null(-1).to_numpy().astype(np.int64)
            columns[name] = (codes, [str(x) for x in column.dictionary.to_pylist()])
        elif pa.types.is_string(column.type):
            columns[name] = (known, known)
        else:
            zero = False if pa.types.is_boolean(column.type) else 0
            values = column.fill_null(zero).to_numpy(zero_copy_only=False)
            columns[name] = (values, known)
    return {rule.id: rule.counts(columns) for rule in daxing_rules(_sets())}


def duckdb_baseline(path: str) -> dict[str, dict[str, int]]:
    import duckdb

    sys.path.insert(0, str(ROOT / "bench"))
    from scale_rules import OUTCOMES, daxing_rules, sql_counts

    rules = daxing_rules(_sets())
    row = duckdb.sql(sql_counts(rules, f"read_parquet({path!r})")).fetchall()[0]
    names = [f"{rule.id}|{name}" for rule in rules for name in OUTCOMES]
    out: dict[str, dict[str, int]] = {}
    for key, value in zip(names, row, strict=True):
        rule_id, outcome = key.split("|")
        out.setdefault(rule_id, {})[outcome] = int(value)
    return out


def _sets() -> dict[str, tuple[str, ...]]:
    """The suite's named sets, read from its text (the baselines do not import plancheck)."""
    import re

    found: dict[str, tuple[str, ...]] = {}
    for file in sorted((ROOT / "rules" / "daxing-14th").glob("*.rules")):
        for match in re.finditer(r"^set (\S+) = \{([^}]*)\}", file.read_text("utf-8"), re.M):
            found[match.group(1)] = tuple(x.strip() for x in match.group(2).split(","))
    return found


# ------------------------------------------------------------------ timing


# The process settings plancheck's CLI makes (`checker.cli.process`), given to the baselines
# too: small pages, Arrow's system allocator.  On this VM a huge page is fresh host memory
# (3-4 µs of system time a 4 KiB page); without them the numpy script's CPU doubles at 10^7.
SETTLED = {"ARROW_DEFAULT_MEMORY_POOL": "system", "NUMPY_MADVISE_HUGEPAGE": "0",
           "OPENBLAS_NUM_THREADS": "1"}


def run_child(command: list[str], cwd: Path | None = None,
              settled: bool = False) -> dict[str, Any]:
    """Time `command` from a fresh wrapper so RUSAGE_CHILDREN is that command's alone;
    `settled`: with the CLI's process settings (a user's own still win)."""
    wrapper = [sys.executable, __file__, "--measure", json.dumps(command)]
    env = {**SETTLED, **os.environ} if settled else None
    done = subprocess.run(wrapper, check=True, capture_output=True, text=True, cwd=cwd, env=env)
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(command: list[str]) -> None:
    import resource

    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                      "peak_mib": usage.ru_maxrss / 1024, "code": done.returncode,
                      "stdout": done.stdout[-200_000:], "stderr": done.stderr[-4000:]}))


def plancheck_counts(report: Path) -> dict[str, dict[str, int]]:
    result = json.loads(report.read_text("utf-8"))
    return {rule["id"]: {k: rule["counts"].get(k, 0) for k in
                         ("pass", "fail", "unknown", "not_applicable")}
            for rule in result["rules"]}


def bench_size(n: int, workdir: Path, engine: list[str], partitions: int,
               repeat: int, baselines: list[str], tree: Path | None = None) -> dict[str, Any]:
    target = workdir / (f"proposals-{n}" + ("" if partitions > 1 else ".parquet"))
    started = time.perf_counter()
    write(target, n, partitions=partitions)
    generated = time.perf_counter() - started
    report = workdir / f"result-{n}.json"
    runs: dict[str, list[dict[str, Any]]] = {"plancheck": [], "numpy": [], "duckdb": []}
    commands = {
        "plancheck": [str(BIN / "plancheck"), "check", str(target), "--format", "json",
                      "-o", str(report), "--quiet", *engine],
        "numpy": [sys.executable, __file__, "--baseline", "numpy", str(target)],
        "duckdb": [sys.executable, __file__, "--baseline", "duckdb", str(target)],
    }
    if partitions > 1:
        commands["numpy"][-1] = commands["duckdb"][-1] = str(target / "*.parquet")
    for name in ("numpy", "duckdb"):
        if name not in baselines:
            del commands[name], runs[name]
    where: dict[str, Path] = {}
    if tree is not None:  # the other checkout's `python -m checker`, run in it
        commands["tree"] = [sys.executable, "-m", "checker", *commands["plancheck"][1:]]
        commands["tree"][commands["tree"].index(str(report))] = str(report) + ".tree"
        runs["tree"], where["tree"] = [], tree
    for _ in range(repeat):
        for name, command in commands.items():
            runs[name].append(run_child(command, where.get(name), name in BASELINES))
    best = {name: min(items, key=lambda r: r["wall"]) for name, items in runs.items()}
    if best["plancheck"]["code"] not in (0, 1):
        raise SystemExit(f"plancheck failed:\n{best['plancheck']['stderr']}")
    ours = plancheck_counts(report)
    for name in baselines:
        if best[name]["code"] != 0:
            raise SystemExit(f"{name} failed:\n{best[name]['stderr']}")
        theirs = json.loads(best[name]["stdout"].strip().splitlines()[-1])
        for rule_id, counts in theirs.items():
            if ours.get(rule_id) != counts:
                raise SystemExit(f"{rule_id}: plancheck {ours.get(rule_id)} != {name} {counts}")
    if tree is not None:
        same = report.read_bytes() == Path(str(report) + ".tree").read_bytes()
        print(f"  [tree] wall {best['tree']['wall']:.2f} s  cpu {best['tree']['cpu']:.2f} s  "
              f"peak {best['tree']['peak_mib']:.0f} MiB; this tree wall "
              f"{best['plancheck']['wall']:.2f} s  cpu {best['plancheck']['cpu']:.2f} s  "
              f"peak {best['plancheck']['peak_mib']:.0f} MiB; reports "
              f"{'identical' if same else 'DIFFER'}", flush=True)
    missing = {f"{name}_{key}": float("nan") for name in ("numpy", "duckdb")
               for key in ("wall", "cpu", "peak_mib")}
    return {"n": n, "generate_s": generated, "rules_compared": len(ours) - 1, **missing,
            **{f"{name}_{key}": best[name][key] for name in best
               for key in ("wall", "cpu", "peak_mib")}}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000],
                        help="rows per run (default 10^6, so `make bench` ends in minutes; "
                        "add 10000000 for the 10^7 figures)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per program (best wall)")
    parser.add_argument("--partitions", type=int, default=1,
                        help="write a folder of this many Parquet files (for --engine dask)")
    parser.add_argument("--engine", help="passed to plancheck check --engine")
    parser.add_argument("--baselines", nargs="*", default=["numpy", "duckdb"],
                        choices=["numpy", "duckdb"],
                        help="baselines to run (numpy holds the whole input in memory: "
                        "leave it out at 10^8)")
    parser.add_argument("--tree", type=Path, help="also time `python -m checker` of this "
                        "checkout (run in it) and compare its report with this one's")
    parser.add_argument("--baseline", choices=["numpy", "duckdb"], help=argparse.SUPPRESS)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("path", nargs="?", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(json.loads(args.measure))
        return
    if args.baseline:
        counts = (numpy_baseline if args.baseline == "numpy" else duckdb_baseline)(args.path)
        print(json.dumps(counts, ensure_ascii=False))
        return
    engine = ["--engine", args.engine] if args.engine else []
    print("wall s and CPU s (user + sys, all threads) of each whole process; ratios plancheck / "
          "baseline")
    print(f"{'N':>11} {'pc wall':>8} {'np wall':>8} {'db wall':>8} {'pc cpu':>7} {'np cpu':>7} "
          f"{'db cpu':>7} {'wall/np':>8} {'wall/db':>8} {'cpu/np':>7} {'cpu/db':>7} "
          f"{'pc MiB':>7} {'np MiB':>7} {'db MiB':>7}")
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        for n in args.sizes:
            row = bench_size(n, Path(tmp), engine, args.partitions, args.repeat,
                             args.baselines, args.tree.resolve() if args.tree else None)
            pc, np_, db = (row[f"{k}_wall"] for k in ("plancheck", "numpy", "duckdb"))
            pcc, npc, dbc = (row[f"{k}_cpu"] for k in ("plancheck", "numpy", "duckdb"))
            print(f"{n:>11,} {pc:>8.2f} {np_:>8.2f} {db:>8.2f} {pcc:>7.2f} {npc:>7.2f} "
                  f"{dbc:>7.2f} {pc / np_:>8.2f} {pc / db:>8.2f} {pcc / npc:>7.2f} "
                  f"{pcc / dbc:>7.2f} {row['plancheck_peak_mib']:>7.0f} "
                  f"{row['numpy_peak_mib']:>7.0f} {row['duckdb_peak_mib']:>7.0f} "
                  f"{n / pc:>10,.0f} rows/s, generated in {row['generate_s']:.0f} s", flush=True)
    print(f"counts equal for {row['rules_compared']} record rules (plancheck, numpy, duckdb)")
    print("targets: 10^6 wall/np <= 1.50; 10^7 pc MiB < 1024 and wall/db <= 2.00 "
          "(on a shared machine, read the CPU ratios)")


if __name__ == "__main__":
    main()
