"""The real Daxing figures typed four ways, as analysts type them from reports
(tests/data/real-variants): each table loads with every row counted and gets the verdicts
the same figures get in examples/data, whatever the spelling.

- `typed.csv`: the unit in the cell (`32微克/立方米`, `11天`, `104.4亿元`), GDP growth in words
  (`增长5.2%`), `2022年`, `2022年一季度`, `2020年6月`, kinds 实际/目标;
- `chinese-headers.csv`: the headings of a published table (指标, 地区, 年份, 数值, …), the
  indicators by name (细颗粒物年均浓度), full-width digits (`２０２２`, `６％以上`, `５．２`);
- `periods.csv`: a `period` column (`“十三五”期末`, `2022年度`, `二〇二四年`, `2019年上半年`,
  `2023年1-5月`);
- `ranges.csv`: the city's range for every district as the bulletin words it
  (`在28-38微克/立方米之间`), `5.0左右`, `95%以上`, `增长6%以上`, `同比增长3%`.
"""

from __future__ import annotations

import csv
import functools
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
VARIANTS = ROOT / "tests" / "data" / "real-variants"
TABLES = sorted(VARIANTS.glob("*.csv"))


@functools.cache
def check(path: Path) -> tuple[int, dict[str, Any], str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "checker", "check", str(path), "--as-of",
                           "2024", "--format", "json", "--lang", "en"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    return done.returncode, json.loads(done.stdout) if done.returncode != 2 else {}, \
        done.stderr


def outcome(result: dict[str, Any], rule: str, subject: str = "大兴区") -> dict[str, Any]:
    (found,) = [o for o in result["outcomes"] if (o["rule"], o["subject"]) == (rule, subject)]
    return found


def test_there_are_four_variants() -> None:
    assert [p.name for p in TABLES] == ["chinese-headers.csv", "periods.csv", "ranges.csv",
                                        "typed.csv"]


@pytest.mark.parametrize("path", TABLES, ids=lambda p: p.name)
def test_each_variant_loads_with_every_row_counted(path: Path) -> None:
    code, result, stderr = check(path)
    assert code != 2, stderr
    with path.open(encoding="utf-8", newline="") as handle:
        total = sum(1 for _ in csv.DictReader(handle))
    assert result["notes"][0].startswith(f"`{path.relative_to(ROOT)}`: {total} rows read")
    assert not [n for n in result["notes"] if n.startswith(("warning", "error"))]


@pytest.mark.parametrize("path", TABLES, ids=lambda p: p.name)
def test_pm25_that_rose_from_2022_to_2024_fails_in_every_spelling(path: Path) -> None:
    # 32 μg/m³ (2022), 34 (2024): some year was worse than the year before (AIR-03)
    _, result, _ = check(path)
    found = outcome(result, "AIR-03")
    assert found["outcome"] == "fail", found["message"]
    assert found["evidence"]["values"]["pm25_annual_mean (2022)"] == "32 μg/m³"
    assert found["evidence"]["values"]["pm25_annual_mean (2024)"] == "34 μg/m³"


@pytest.mark.parametrize("name", ["chinese-headers.csv", "ranges.csv"])
def test_gdp_growth_below_the_years_target_is_a_finding_in_every_spelling(name: str) -> None:
    _, result, _ = check(VARIANTS / name)
    found = outcome(result, "ANNUAL-01")
    assert found["outcome"] == "fail"
    assert found["message"].startswith("2022: 3% < 6% (target ")
    assert found["message"].endswith("short by 3 percentage points, 50 %")


@pytest.mark.parametrize("name", ["chinese-headers.csv", "typed.csv"])
def test_pm25_within_its_years_target_passes_in_every_spelling(name: str) -> None:
    _, result, _ = check(VARIANTS / name)
    assert outcome(result, "ANNUAL-03")["outcome"] == "pass"


def test_figures_typed_with_their_units_are_the_figures() -> None:
    _, result, _ = check(VARIANTS / "typed.csv")
    points = {(s["indicator"], s["kind"], p["year"]): p["value"]
              for s in result["series"] for p in s["points"]}
    assert points[("general_budget_revenue", "actual", 2024)] == 110.4
    assert points[("gdp_growth", "actual", 2024)] == 5.2  # 增长5.2%
    assert points[("general_budget_revenue_growth", "actual", 2024)] == 5.0  # 增长5%
    assert points[("heavy_pollution_days", "target", 2022)] == 8.0  # 8天


def test_the_end_of_the_13th_plan_is_2020() -> None:
    _, result, _ = check(VARIANTS / "periods.csv")
    points = {(s["indicator"], p["year"]): p["value"] for s in result["series"]
              for p in s["points"] if s["kind"] == "actual"}
    assert points[("pm25_annual_mean", 2020)] == 37.0
    assert points[("urban_green_coverage", 2020)] == 46.89


def test_the_districts_range_bounds_daxings_2023_value() -> None:
    _, result, _ = check(VARIANTS / "ranges.csv")
    values = outcome(result, "AIR-03")["evidence"]["values"]
    assert values["pm25_annual_mean (2023)"] == "在28-38微克/立方米之间"


def test_a_unit_of_another_dimension_typed_in_the_cell_is_d322_with_the_fix(
        tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("indicator,region,year,value,unit\n"
                    "pm25_annual_mean,大兴区,2022年,32天,μg/m³\n", encoding="utf-8")
    code, _, stderr = check(path)
    assert code == 2
    assert "error[D322]: `天` beside the figure is not the row's unit `μg/m³`" in stderr
    assert "bad.csv:2:" in stderr and "help: write the unit in the `unit` column only" in stderr
