"""Streaming == loading whole: random proposals (Parquet or CSV), batch sizes and listing
limits give the same JSON result byte for byte (or the same diagnostics), with the bundled
Daxing suite.

The in-memory run is `check_with` on a small file (under `BATCH_ROWS`, so it loads
whole); the streamed run forces `batch_rows`.  Examples cover the edge where a run
stops listing every outcome (rows × rules = `DETAIL_LIMIT`), ids out of order,
repeated and blank ids, blank rows, plan data for the `for all` sum, and several files.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.diagnostics import DiagnosticError
from checker.engine.evaluate import DETAIL_LIMIT
from checker.pipeline import check_with
from checker.types.cached import load_checked

CHECKED = load_checked(None)[1]
EDGE = DETAIL_LIMIT // len(CHECKED.rules)  # the most rows a run lists in full
ZONES = ["临空经济区", "综合保税区", "京南物流基地", "国际氢能示范区", "农业地区", "大兴新城",
         "其他"]
INDUSTRIES = ["智慧物流", "一般制造业", "公共服务", "氢能", "现代农业", "商务服务", "航空物流"]
TOWNS = ["黄村镇", "西红门镇", "亦庄镇", "礼贤镇", "庞各庄镇"]
STANDARDS = ["国五", "国六a", "国六b"]
PLAN_DATA = ("indicator,region,year,value,unit,kind\n"
             "urban_rural_construction_land,大兴区,2022,{value},km2,actual\n")


def proposals(n: int, seed: int, shuffle: bool, repeat: bool, blank: bool) -> Any:
    rng = np.random.default_rng(seed)

    def maybe(values: Any, share: float = 0.1) -> Any:
        return pa.array(values, mask=rng.random(n) < share)

    order = rng.permutation(n) if shuffle else np.arange(n)
    ids = [f"P{int(i):05d}" for i in order]
    if repeat and n > 1:
        ids[int(rng.integers(1, n))] = ids[0]
    columns = {
        "id": pa.array(ids, pa.string()),
        "zone": maybe(rng.choice(ZONES, n)),
        "industry": maybe(rng.choice(INDUSTRIES, n)),
        "town": maybe(rng.choice(TOWNS, n)),
        "new_construction_land": maybe(rng.gamma(1.0, 0.01, n), 0.02),
        "occupies_permanent_basic_farmland": pa.array(rng.random(n) < 0.05),
        "in_ecological_red_line": pa.array(rng.random(n) < 0.05),
        "in_strategic_reserve": maybe(rng.random(n) < 0.2),
        "strategic_reserve_approval": pa.array(
            np.where(rng.random(n) < 0.5, "京规审〔2023〕12号", None), pa.string()),
        "sponge_city_measures": maybe(rng.random(n) < 0.7),
        "new_operating_vehicles": maybe(rng.integers(0, 5, n).astype(float)),
        "new_energy_vehicle_share": maybe(rng.integers(30, 101, n).astype(float)),
        "vehicle_emission_standard": maybe(rng.choice(STANDARDS, n)),
    }
    table = pa.table(columns)
    if blank and n > 2:  # a row with no value at all: spacing, not a record
        nulls = pa.table({name: pa.nulls(1, column.type) for name, column in columns.items()})
        table = pa.concat_tables([table.slice(0, 1), nulls, table.slice(1)])
    return table


def outcome(files: list[Path], **options: Any) -> str:
    try:
        return check_with(CHECKED, files, **options).to_json()
    except DiagnosticError as error:
        return "\n".join(str(d) for d in error.diagnostics)


@given(n=st.one_of(st.integers(1, 40), st.integers(EDGE - 3, EDGE + 3), st.integers(200, 700)),
       seed=st.integers(0, 2**32 - 1), batch=st.integers(1, 400),
       limit=st.sampled_from([None, 0, 1, 3, 100]), shuffle=st.booleans(),
       repeat=st.booleans(), blank=st.booleans(), files=st.integers(1, 3),
       data=st.sampled_from([None, 318.0, 318.99]), kind=st.sampled_from(["parquet", "csv"]))
def test_streamed_result_is_the_whole_one(n: int, seed: int, batch: int, limit: int | None,
                                          shuffle: bool, repeat: bool, blank: bool,
                                          files: int, data: float | None, kind: str) -> None:
    table = proposals(n, seed, shuffle, repeat, blank)
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        per = -(-len(table) // files)
        for part in range(files):
            piece = table.slice(part * per, per)
            if len(piece):
                paths.append(Path(folder) / f"part-{part}.{kind}")
                if kind == "csv":  # quoted only where needed, blanks as empty cells
                    piece.to_pandas().to_csv(paths[-1], index=False)
                else:
                    pq.write_table(piece, paths[-1], row_group_size=max(batch // 2, 1))
        if data is not None:
            paths.append(Path(folder) / "plan.csv")
            paths[-1].write_text(PLAN_DATA.format(value=data), encoding="utf-8")
        whole = outcome(paths, max_findings=limit)
        streamed = outcome(paths, max_findings=limit, batch_rows=batch)
    assert streamed == whole


@pytest.mark.parametrize("batch", [1, 7, 64])
def test_the_example_batch_streams_to_the_same_result(tmp_path: Path, batch: int) -> None:
    """The bundled CSV batch, as Parquet, checked with its baseline data."""
    import pandas as pd

    frame = pd.read_csv(Path(__file__).resolve().parents[2] / "examples/proposals/batch.csv",
                        dtype=str, keep_default_na=False)
    path = tmp_path / "batch.parquet"
    frame.replace("", None).to_parquet(path, index=False)
    whole = outcome([path])
    assert "D3" not in whole[:200]
    assert outcome([path], batch_rows=batch) == whole
