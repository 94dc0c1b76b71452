"""The same inputs give byte-identical JSON in any row order, in every format, under any
`PYTHONHASHSEED` (issue 15 item 4).

`tests/unit/test_reports_json.py` shuffles loaded frames in memory; here the rows are
shuffled in the files themselves — proposals as CSV, XLSX, Parquet, YAML and JSON, plan
data as CSV, XLSX and Parquet — and `plancheck check` reads them.  A row's place in its
file is part of where it came from, so the `file:row` locations are set aside (each
becomes `file:N`) before comparing; every other byte must be the same: the outcomes and
their order, the evidence, counts, notes and their order.  The hash-seed test compares the
raw bytes of separate processes.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from checker.cli.main import main
from tests.property.test_fuzz_loaders import write_document, write_table

ROOT = Path(__file__).resolve().parents[2]
NO, YES = False, True
RECORDS: list[dict[str, Any]] = [
    {"id": "P-01", "occupies_permanent_basic_farmland": NO, "in_ecological_red_line": NO,
     "zone": "临空经济区", "industry": "航空物流", "new_construction_land": 0.5},
    {"id": "P-02", "occupies_permanent_basic_farmland": YES, "in_ecological_red_line": NO,
     "zone": "京南物流基地", "industry": "物流仓储", "new_construction_land": 0.03},
    {"id": "P-03", "occupies_permanent_basic_farmland": NO, "in_ecological_red_line": YES,
     "industry": "一般制造业", "land_area": 2.0},
    {"id": "P-04", "occupies_permanent_basic_farmland": NO, "in_ecological_red_line": NO,
     "zone": "农业地区", "industry": "现代农业", "new_construction_land": 0.0,
     "new_operating_vehicles": 12, "new_energy_vehicle_share": 40.0},
    {"id": "P-05", "occupies_permanent_basic_farmland": NO, "in_ecological_red_line": NO,
     "zone": "京南物流基地", "industry": "智慧物流", "new_construction_land": 0.0,
     "completion_year": 2024},
    {"id": "P-06", "occupies_permanent_basic_farmland": YES, "in_ecological_red_line": YES,
     "industry": "生物制药", "new_construction_land": 1.5},
]
FIELDS = list(dict.fromkeys(k for row in RECORDS for k in row))
PLAN_HEADER = ["indicator", "region", "year", "value", "unit", "kind"]
PLAN_ROWS: list[list[Any]] = [
    ["urban_rural_construction_land", "大兴区", 2020, 316.5, "km2", "actual"],
    ["urban_rural_construction_land", "大兴区", 2021, 317.1, "km2", "actual"],
    ["urban_rural_construction_land", "大兴区", 2022, 317.9, "km2", "actual"],
    ["gdp_growth", "大兴区", 2021, 6.5, "%", "actual"],
    ["gdp_growth", "大兴区", 2022, 2.1, "%", "actual"],
    ["gdp_growth", "大兴区", 2022, 2.1, "%", "actual"],  # repeated: a D342 note
    ["bus_stop_500m_coverage", "大兴区", 2022, 85.0, "%", "actual"],
    ["bus_stop_500m_coverage", "黄村镇", 2022, 70.0, "%", "actual"],
    ["bus_stop_500m_coverage", "大兴区", 2025, 90.0, "%", "target"],
    ["domestic_waste_recycling_rate", "大兴区", 2022, 37.0, "%", "actual"],  # uncatalogued
]
PAIRS = [("csv", "parquet"), ("xlsx", "csv"), ("parquet", "xlsx"), ("yaml", "csv"),
         ("json", "parquet")]


def write(folder: Path, stem: str, kind: str, header: list[str], rows: list[list[Any]]) -> Path:
    if kind in ("yaml", "json"):
        return write_document(folder, kind, header, rows)  # named proposals.yaml / .json
    return write_table(folder, stem, kind, header, rows)


def inputs(folder: Path, pair: tuple[str, str], records: list[int], plan: list[int]) -> list[Path]:
    rows = [[RECORDS[i].get(name) for name in FIELDS] for i in records]
    return [write(folder, "proposals", pair[0], FIELDS, rows),
            write(folder, "data", pair[1], PLAN_HEADER, [PLAN_ROWS[i] for i in plan])]


def check_json(paths: list[Path]) -> str:
    """The JSON of a run in the files' folder, naming them as `proposals.csv`, `data.xlsx`."""
    out = io.StringIO()
    os.chdir(paths[0].parent)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = main(["check", *(p.name for p in paths), "--format", "json", "--as-of",
                         "2023", "--quiet"])
    finally:
        os.chdir(ROOT)
    assert code in (0, 1), out.getvalue()[:2000]
    return out.getvalue()


_ROW = re.compile(r"((?:proposals|data)\.[a-z]+):(?:row )?[0-9]+(?::[0-9]+)?")
_LINE = re.compile(r'("line": )[0-9]+')


def without_rows(text: str) -> str:
    """The JSON with each row's place in its file set aside (`proposals.csv:N`)."""
    return _LINE.sub(r"\g<1>0", _ROW.sub(r"\1:N", text))


@pytest.mark.parametrize("pair", PAIRS, ids=["-".join(p) for p in PAIRS])
@settings(max_examples=4, phases=[Phase.explicit, Phase.generate])  # a failure names its
# permutations; shrinking a 400 KB report comparison only costs minutes
@given(st.permutations(range(len(RECORDS))), st.permutations(range(len(PLAN_ROWS))))
def test_row_order_in_the_files_never_changes_the_json(pair: tuple[str, str], records: list[int],
                                                      plan: list[int]) -> None:
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        reference = check_json(inputs(Path(a), pair, list(range(len(RECORDS))),
                                      list(range(len(PLAN_ROWS)))))
        shuffled = check_json(inputs(Path(b), pair, records, plan))
    assert '"outcomes"' in reference and "warning[D342]" in reference
    assert without_rows(shuffled) == without_rows(reference)


def test_the_row_mask_sets_aside_only_row_numbers() -> None:
    """The comparison above can fail: a changed value or order survives `without_rows`."""
    text = '{"text": "proposals.csv:row 3", "line": 3, "value": "0.5 km²"}'
    assert without_rows(text) == '{"text": "proposals.csv:N", "line": 0, "value": "0.5 km²"}'
    assert without_rows(text.replace("0.5", "0.6")) != without_rows(text)


@pytest.mark.parametrize("pair", PAIRS[:3], ids=["-".join(p) for p in PAIRS[:3]])
def test_any_hash_seed_gives_the_same_bytes(pair: tuple[str, str], tmp_path: Path) -> None:
    paths = inputs(tmp_path, pair, [5, 2, 0, 3, 1, 4], list(reversed(range(len(PLAN_ROWS)))))
    outputs = set()
    for seed in ("0", "1", "4242"):
        run = subprocess.run([sys.executable, "-m", "checker", "check", *(p.name for p in paths),
                              "--format", "json", "--as-of", "2023", "--quiet"],
                             capture_output=True, cwd=tmp_path, timeout=120,
                             env={**os.environ, "PYTHONHASHSEED": seed})
        assert run.returncode in (0, 1), run.stderr.decode()[:2000]
        outputs.add(run.stdout)
    assert len(outputs) == 1
