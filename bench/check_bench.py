"""Benchmark: `plancheck check` on synthetic proposals from Parquet (not a test).

For N = 10^4, 10^5, 10^6 seeded proposals under the data contract, each size in
its own process (so peak memory is that size's alone), it times

* load:  Parquet -> typed frame (the data boundary, with validation),
* count: the engine on the Daxing project rules listed in RULES, outcome counts only
         (what the numpy code computes),
* eval:  the same, also listing up to 100 findings per rule with their evidence,
* numpy: hand-written numpy code for the same rules on the same loaded frame,
* e2e:   suite load + typecheck + data load + evaluation + JSON result,

checks that the engine and the numpy code count the same pass / fail / unknown /
not-applicable outcomes for every rule, and prints rows/s, peak RSS and the
ratios count / numpy and eval / numpy.  Targets at 10^6: count / numpy <= 2,
e2e < 10 s, peak < 2 GiB.

    .venv/bin/python bench/check_bench.py [--sizes 10000 100000 1000000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.data.load import load_records  # noqa: E402
from checker.engine.evaluate import evaluate  # noqa: E402
from checker.pipeline import check_with  # noqa: E402
from checker.syntax.suite import load_suite  # noqa: E402
from checker.types import typed as t  # noqa: E402
from checker.types.typecheck import typecheck  # noqa: E402

RULES = ("FARM-01", "ECO-05", "LAND-03", "LAND-04", "VEH-01", "VEH-02", "VEH-03", "WATER-08",
         "ZONE-01", "ZONE-02", "ZONE-05", "ZONE-06", "ZONE-12")


# ------------------------------------------------------------------ synthetic data


def synthesize(n: int, checked: t.CheckedSuite, seed: int = 14) -> pd.DataFrame:
    """Seeded proposals: mostly compliant, a few percent failing, ~2 % missing values."""
    rng = np.random.default_rng(seed)
    fields = checked.schemas["project"].fields

    def items(name: str) -> list[str]:
        ftype = fields[name].type
        assert isinstance(ftype, t.EnumT)
        return list(ftype.items)

    def maybe(values: np.ndarray, share: float = 0.02) -> pd.Series[Any]:
        series = pd.Series(values)
        return series.mask(rng.random(n) < share)

    frame = pd.DataFrame({
        "id": [f"P{i:07d}" for i in range(n)],
        "town": maybe(rng.choice(items("town"), n)),
        "zone": maybe(rng.choice(items("zone"), n)),
        "industry": maybe(rng.choice(items("industry"), n)),
        "land_area": maybe(rng.gamma(2.0, 0.05, n).round(4)),
        "new_construction_land": rng.gamma(1.0, 0.01, n).round(5),
        "occupies_permanent_basic_farmland": rng.random(n) < 0.01,
        "in_ecological_red_line": rng.random(n) < 0.01,
        "in_strategic_reserve": maybe(rng.random(n) < 0.03),
        "strategic_reserve_approval": pd.Series(
            np.where(rng.random(n) < 0.5, "京规审〔2023〕12号", None)),
        "sponge_city_measures": maybe(rng.random(n) < 0.9),
        "new_operating_vehicles": maybe(rng.integers(0, 40, n).astype(float)),
        "new_energy_vehicle_share": maybe(rng.integers(30, 101, n).astype(float)),
        "vehicle_emission_standard": maybe(rng.choice(items("vehicle_emission_standard"), n,
                                                      p=[0.02, 0.03, 0.05, 0.1, 0.8])),
        "investment": maybe(rng.gamma(2.0, 5.0, n).round(2)),
        "completion_year": maybe(rng.integers(2021, 2026, n).astype(float)),
    })
    return frame


# ------------------------------------------------------------------ hand-written numpy


def numpy_rules(frame: pd.DataFrame, checked: t.CheckedSuite) -> dict[str, dict[str, int]]:
    """The same rules, written by hand: outcome counts with missing data as unknown."""
    def codes(name: str, values: list[str]) -> tuple[np.ndarray, np.ndarray]:
        column = frame[name]
        c = column.cat.codes.to_numpy()
        table = np.zeros(len(column.cat.categories) + 1, bool)
        for v in values:
            table[list(column.cat.categories).index(v)] = True
        return table[np.where(c < 0, len(table) - 1, c)], c >= 0

    def boolean(name: str) -> tuple[np.ndarray, np.ndarray]:
        column = frame[name]
        return column.to_numpy(dtype=bool, na_value=False), ~column.isna().to_numpy()

    def number(name: str) -> tuple[np.ndarray, np.ndarray]:
        column = frame[name]
        return column.to_numpy(dtype=float, na_value=np.nan), ~column.isna().to_numpy()

    def counts(ok: np.ndarray, known: np.ndarray, applies: np.ndarray | None = None,
               guard_known: np.ndarray | None = None) -> dict[str, int]:
        outcome = np.where(known, np.where(ok, 0, 1), 2)
        if applies is not None:
            assert guard_known is not None
            outcome = np.where(guard_known & ~applies, 3, outcome)
            outcome = np.where(~guard_known, 2, outcome)
        bins = np.bincount(outcome, minlength=4)
        return {"pass": int(bins[0]), "fail": int(bins[1]), "unknown": int(bins[2]),
                "not_applicable": int(bins[3])}

    sets = checked.sets
    out: dict[str, dict[str, int]] = {}
    farm, farm_k = boolean("occupies_permanent_basic_farmland")
    out["FARM-01"] = counts(~farm, farm_k)
    red, red_k = boolean("in_ecological_red_line")
    out["ECO-05"] = counts(~red, red_k)
    reserve, reserve_k = boolean("in_strategic_reserve")
    approved = ~frame["strategic_reserve_approval"].isna().to_numpy()
    ok = np.where(approved, True, ~reserve)
    out["LAND-03"] = counts(ok, reserve_k | approved)
    general, industry_k = codes("industry", ["一般制造业"])
    out["LAND-04"] = counts(~general, industry_k)
    vehicles, vehicles_k = number("new_operating_vehicles")
    share, share_k = number("new_energy_vehicle_share")
    public, _ = codes("industry", ["公共服务", "智慧物流", "物流仓储"])
    many = vehicles > 0
    guard = public & many
    guard_k = (industry_k & vehicles_k) | (industry_k & ~public) | (vehicles_k & ~many)
    out["VEH-01"] = counts(share >= 95, share_k, guard, guard_k)
    airport, zone_k = codes("zone", ["临空经济区", "综合保税区", "京南物流基地"])
    guard = airport & many
    guard_k = (zone_k & vehicles_k) | (zone_k & ~airport) | (vehicles_k & ~many)
    out["VEH-02"] = counts(share > 50, share_k, guard, guard_k)
    standard = frame["vehicle_emission_standard"].cat.codes.to_numpy()
    six_b = standard >= 4
    all_new = share >= 100
    ok = six_b | (share_k & all_new)
    known = (standard >= 0) | (share_k & all_new)
    known &= ~((standard >= 0) & ~six_b & ~share_k)  # a failing standard needs the waiver known
    out["VEH-03"] = counts(ok, known, many, vehicles_k)
    pilot, _ = codes("zone", ["临空经济区", "大兴新城"])
    sponge, sponge_k = boolean("sponge_city_measures")
    out["WATER-08"] = counts(sponge, sponge_k, pilot, zone_k)
    for rule_id, zone, allowed in [
        ("ZONE-01", "临空经济区", list(sets["临空经济区产业"])),
        ("ZONE-02", "综合保税区", ["保税研发", "国际贸易", "跨境冷链"]),
        ("ZONE-05", "国际氢能示范区", ["氢能", "科技服务"]),
        ("ZONE-06", "新媒体基地", ["信创", "数字创意与设计", "新一代视听", "商务服务"]),
        ("ZONE-12", "农业地区", ["现代农业", "文化旅游"]),
    ]:
        inside, _ = codes("zone", [zone])
        member, _ = codes("industry", allowed)
        out[rule_id] = counts(member, industry_k, inside, zone_k)
    return out


# ------------------------------------------------------------------ one size


def run_one(n: int, workdir: Path) -> dict[str, Any]:
    loaded = load_suite(None)
    checked = typecheck(loaded.suite)
    chosen = tuple(r for r in checked.rules if r.id in RULES)
    missing = set(RULES) - {r.id for r in chosen}
    if missing:
        raise SystemExit(f"rules not in the bundled suite: {sorted(missing)}")
    subset = replace(checked, rules=chosen)
    path = workdir / f"proposals-{n}.parquet"
    synthesize(n, checked).to_parquet(path, index=False)

    started = time.perf_counter()
    batch = load_records([path], checked.schemas["project"], checked.units)
    load_s = time.perf_counter() - started

    count_s, _ = _best(lambda: evaluate(subset, {"project": batch}, None, max_findings=0))
    eval_s, result = _best(lambda: evaluate(subset, {"project": batch}, None))
    numpy_s, expected = _best(lambda: numpy_rules(batch.frame, checked))
    for summary in result.rules:
        got = {k: summary.counts[k] for k in ("pass", "fail", "unknown", "not_applicable")}
        if got != expected[summary.id]:
            raise SystemExit(f"{summary.id}: engine {got} != numpy {expected[summary.id]}")

    started = time.perf_counter()
    e2e_result = check_with(typecheck(load_suite(None).suite), [path])
    e2e_result.to_json()
    e2e_s = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"n": n, "load_s": load_s, "count_s": count_s, "eval_s": eval_s,
            "numpy_s": numpy_s, "e2e_s": e2e_s,
            "peak_mib": peak, "rules": len(chosen)}


def _best(action: Any, repeat: int = 3) -> tuple[float, Any]:
    best, value = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        value = action()
        best = min(best, time.perf_counter() - started)
    return best, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(run_one(args.one, Path(tmp))))
        return
    print(f"{'N':>9} {'load s':>7} {'count s':>8} {'eval s':>7} {'numpy s':>8} {'count/np':>9} "
          f"{'eval/np':>8} {'e2e s':>6} {'rows/s e2e':>11} {'peak MiB':>9}")
    for n in args.sizes:
        output = subprocess.run([sys.executable, __file__, "--one", str(n)], check=True,
                                capture_output=True, text=True).stdout
        row = json.loads(output.strip().splitlines()[-1])
        print(f"{n:>9,} {row['load_s']:>7.3f} {row['count_s']:>8.3f} {row['eval_s']:>7.3f} "
              f"{row['numpy_s']:>8.3f} {row['count_s'] / row['numpy_s']:>9.2f} "
              f"{row['eval_s'] / row['numpy_s']:>8.2f} {row['e2e_s']:>6.2f} "
              f"{n / row['e2e_s']:>11,.0f} {row['peak_mib']:>9.0f}")
    print(f"rules: {', '.join(RULES)}")
    print("targets at 10^6: count/np <= 2.00, e2e < 10 s, peak < 2048 MiB")


if __name__ == "__main__":
    main()
