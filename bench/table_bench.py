"""Benchmark: what the evaluation table and the workbook cost (not a test).

On plan data for every indicator of the bundled Daxing suite in R regions (the rules'
own regions, the rest only as unchecked data) over 2016..2023, it times:

* eval:  the engine with the evaluation table (what `check` runs), alternated with
* base:  the same engine with the table left out (the baseline, in the same run),
         best of 7 each,
* xlsx / text / json: rendering the result (best of 5),

and prints each as a ratio of `base`.  Target: eval / base <= 1.2.

    .venv/bin/python bench/table_bench.py [--regions 1 14]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any
from unittest import mock

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker import result as r  # noqa: E402
from checker.engine import evaluate as ev  # noqa: E402
from checker.types.cached import load_checked  # noqa: E402
from reports import render, render_bytes  # noqa: E402


class Data:
    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame

    def origin(self, index: int) -> r.Location:
        return r.Location.of("bench.csv", index + 2, row=True)


def synthesize(indicators: list[str], regions: list[str], seed: int = 14) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = [(ind, reg, year, float(rng.uniform(1, 100)), "actual", "synthetic")
            for ind in indicators for reg in regions for year in range(2016, 2024)]
    frame = pd.DataFrame(rows, columns=["indicator", "region", "year", "value", "kind",
                                        "source"])
    frame["source"] = frame["source"].astype("string")
    return frame


def best(action: Any, repeat: int = 5) -> tuple[float, Any]:
    times, out = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        out = action()
        times.append(time.perf_counter() - start)
    return min(times), out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--regions", type=int, nargs="+", default=[1, 14])
    args = parser.parse_args()
    checked = load_checked(None)[1]
    names = ["大兴区", "临空经济区", "大兴机场", "生物医药基地", "新媒体基地", "大兴新城",
             *[f"镇{i}" for i in range(100)]]
    for count in args.regions:
        measure(checked, Data(synthesize(list(checked.indicators), names[:count])), count)


def measure(checked: Any, data: Data, count: int) -> None:
    def run() -> r.Result:
        return ev.evaluate(checked, {}, data, as_of=2023)

    eval_s = base_s = float("inf")
    result = run()
    for _ in range(7):  # alternate, so a busy machine slows both alike; keep the best
        eval_s = min(eval_s, best(run, 1)[0])
        with mock.patch.object(ev, "indicator_table", lambda *a: []):
            base_s = min(base_s, best(run, 1)[0])
    xlsx_s, _ = best(lambda: render_bytes(result, "xlsx"))
    text_s, _ = best(lambda: render(result, "text"))
    json_s, _ = best(lambda: render(result, "json"))
    print(f"regions {count:>3}  rows {len(data.frame):>6}  table rows "
          f"{len(result.indicators):>4}  base {base_s * 1000:7.1f} ms  eval/base "
          f"{eval_s / base_s:5.2f}  xlsx/base {xlsx_s / base_s:5.2f}  text/base "
          f"{text_s / base_s:5.2f}  json/base {json_s / base_s:5.2f}")

if __name__ == "__main__":
    main()
