"""A plain Parquet batch read straight from Arrow (`arrow_records`) gives the engine the same
arrays, ids, defaults and frame as the pandas path (`records._from_table`), and declines
(None) every batch that path would report a problem in."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.data.arrow_records import arrow_part
from checker.data.records import _from_table, _Loader
from checker.data.tables import RawTable, parquet_columns
from checker.engine.env import column_vec
from checker.types.cached import load_checked

CHECKED = load_checked(None)[1]
SCHEMA = CHECKED.schemas["project"]
UNITS = CHECKED.units
ZONES = ["临空经济区", "综合保税区", "农业地区", " 其他 "]


def pandas_read(batch: Any, schema: Any = SCHEMA) -> tuple[Any, Any, Any] | None:
    names, columns, kinds = parquet_columns(batch)
    table = RawTable("x.parquet", "parquet", names, columns,
                     np.arange(2, 2 + batch.num_rows), kinds=kinds)
    loader = _Loader(schema, UNITS)
    part = _from_table(table, loader)
    if loader.report.errors or part.frame is None or part.ids.hasnans:
        return None
    return part.frame, list(part.ids), part.defaulted


def same(batch: Any, schema: Any = SCHEMA) -> bool:
    """Whether the Arrow path read `batch` (asserting it read it as pandas does)."""
    plain = arrow_part(batch, schema, UNITS)
    whole = pandas_read(batch, schema)
    if plain is None:
        return False
    assert whole is not None, "the Arrow path accepted a batch with a problem"
    frame, ids, defaulted = whole
    assert list(plain.ids) == ids
    assert plain.defaulted.keys() == defaulted.keys()
    for name, mask in defaulted.items():
        assert (plain.defaulted[name] == mask).all()
    for name in schema.fields:
        ours, theirs = column_vec(plain.table[name]), column_vec(frame[name])
        np.testing.assert_array_equal(ours.values, theirs.values, err_msg=name)
        np.testing.assert_array_equal(ours.known_mask(), theirs.known_mask(), err_msg=name)
        assert ours.labels == theirs.labels, name
    pd.testing.assert_frame_equal(plain.table.to_pandas(), frame)
    return True


@st.composite
def batches(draw: st.DrawFn) -> Any:
    n = draw(st.integers(1, 30))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))

    def mask(share: float) -> Any:
        return rng.random(n) < share if draw(st.booleans()) else None

    ids = [f"P{i:04d}" for i in rng.permutation(n)]
    if draw(st.booleans()):
        ids[0] = f" {ids[0]}\t"  # trimmed in the ids, kept in the field
    zone = pa.array(rng.choice(ZONES, n), mask=mask(0.3))
    columns: dict[str, Any] = {
        "id": pa.array(ids),
        "zone": zone.dictionary_encode() if draw(st.booleans()) else zone,
        "new_construction_land": pa.array(rng.gamma(1.0, 0.01, n), mask=mask(0.2)),
        "occupies_permanent_basic_farmland": pa.array(rng.random(n) < 0.3),
        "in_ecological_red_line": pa.array((rng.random(n) < 0.3).astype(float)),
        "in_strategic_reserve": pa.array(rng.random(n) < 0.3, mask=mask(0.2)),
        "strategic_reserve_approval": pa.array(
            rng.choice(["京规审〔2023〕12号", "", "  ", "乙"], n), mask=mask(0.2)),
        "new_operating_vehicles": pa.array(rng.integers(0, 40, n), mask=mask(0.2)),
        "completion_year": pa.array(rng.integers(2021, 2026, n).astype(float),
                                    mask=mask(0.2)),
        "vehicle_emission_standard": pa.array(rng.choice(["国五", "国六a", "国六b"], n),
                                              pa.string(), mask=mask(0.2)).dictionary_encode(),
    }
    dropped = draw(st.sets(st.sampled_from(sorted(set(columns) - {
        "id", "occupies_permanent_basic_farmland", "in_ecological_red_line"}))))
    return pa.RecordBatch.from_pydict({k: v for k, v in columns.items() if k not in dropped})


@settings(max_examples=60, deadline=None)
@given(batches())
def test_random_plain_batches_read_as_the_pandas_path_reads_them(batch: Any) -> None:
    assert same(batch)


@pytest.mark.parametrize("change", [
    ("land_area", pa.array([-1.0, 2.0])),  # below the range
    ("new_operating_vehicles", pa.array([1.5, 2.0])),  # a count that is not whole
    ("completion_year", pa.array([2021.5, 2022.0])),
    ("in_ecological_red_line", pa.array([2.0, 1.0])),  # neither 0 nor 1
    ("town", pa.array(["火星", "黄村镇"])),  # not an item
    ("occupies_permanent_basic_farmland", pa.array([True, None])),  # required, blank
    ("land_area", pa.array(["12 ha", "3"])),  # text: read by the pandas path
    ("land_area", pa.array([float("inf"), 1.0])),
    ("id", pa.array(["P1", " "])),  # a blank id
    ("unknown", pa.array([1, 2])),
])
def test_a_batch_with_a_problem_or_text_to_parse_is_left_to_the_pandas_path(
        change: tuple[str, Any]) -> None:
    base = {"id": pa.array(["P1", "P2"]),
            "occupies_permanent_basic_farmland": pa.array([True, False]),
            "in_ecological_red_line": pa.array([False, False])}
    name, values = change
    batch = pa.RecordBatch.from_pydict({**base, name: values})
    assert arrow_part(batch, SCHEMA, UNITS) is None
    assert not same(batch)


def test_defaults_fill_blank_cells_as_the_pandas_path_fills_them() -> None:
    defaults = {"land_area": Fraction(0), "in_strategic_reserve": True, "town": "黄村镇",
                "completion_year": 2024}
    fields = {name: dataclasses.replace(spec, default=defaults.get(name, spec.default))
              for name, spec in SCHEMA.fields.items()}
    schema = dataclasses.replace(SCHEMA, fields=fields)
    batch = pa.RecordBatch.from_pydict({
        "id": pa.array(["A", "B", "C"]), "land_area": pa.array([1.0, None, 2.0]),
        "occupies_permanent_basic_farmland": pa.array([True, False, False]),
        "in_ecological_red_line": pa.array([False, False, True]),
        "in_strategic_reserve": pa.array([None, False, True]),
        "town": pa.array(["亦庄镇", None, "礼贤镇"])})  # completion_year: absent
    assert same(batch, schema)


def test_a_streamed_parquet_check_imports_no_pandas(tmp_path: Path) -> None:
    """The stream reads plain batches from Arrow buffers; pyarrow's own conversions would
    import pandas (0.3 s of CPU), and so would a frame per batch."""
    from checker.data.batches import BATCH_ROWS

    n = BATCH_ROWS + 5
    rng = np.random.default_rng(3)
    numbers = pc.cast(pa.array(np.arange(n)), pa.string())
    path = tmp_path / "big.parquet"
    pq.write_table(pa.table({
        "id": pc.binary_join_element_wise("P", pc.utf8_lpad(numbers, 7, "0"), ""),
        "town": pa.array(rng.choice(["黄村镇", "亦庄镇"], n)),
        "land_area": pa.array(rng.random(n), mask=rng.random(n) < 0.1),
        "occupies_permanent_basic_farmland": pa.array(rng.random(n) < 0.01),
        "in_ecological_red_line": pa.array(rng.random(n) < 0.01),
        "strategic_reserve_approval": pa.array(rng.choice(["甲", " "], n)),
    }), path)
    probe = ("import json, sys\nfrom checker.cli.main import main\n"
             f"code = main(['check', {str(path)!r}, '--format', 'json', '-o', "
             f"{str(tmp_path / 'out.json')!r}, '--quiet'])\n"
             "print(json.dumps([code, 'pandas' in sys.modules]))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, cwd=Path(__file__).resolve().parents[2])
    code, pandas = json.loads(done.stdout.splitlines()[-1])
    assert code in (0, 1) and not pandas
    result = json.loads((tmp_path / "out.json").read_text("utf-8"))
    assert result["inputs"][0]["rows"] == n
