"""`data.columnar`: YAML/JSON records as numpy columns must read, in the engine, exactly as
the pandas frame the loader used to build (`column_vec` of each column): same values, same
known mask, same text labels in the same order — on the bundled examples and on records
with every field blank, repeated texts and several files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from checker.data.columnar import Columns
from checker.data.load import load_records
from checker.engine.env import column_vec
from checker.types.cached import load_checked
from checker.types.typed import RecordSchema, TextT
from checker.types.units import UnitTable

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples" / "proposals").glob("*.yaml"))
GOOD = [p for p in EXAMPLES if p.stem not in ("malformed-value",)]


@pytest.fixture(scope="module")
def project() -> tuple[RecordSchema, UnitTable]:
    checked = load_checked(None)[1]
    return checked.schemas["project"], checked.units


def assert_reads_as_pandas(table: Columns) -> None:
    frame = table.to_pandas()
    assert list(frame.columns) == table.columns and len(frame) == len(table)
    for name in table.columns:
        light, heavy = column_vec(table[name]), column_vec(frame[name])
        np.testing.assert_array_equal(light.values, heavy.values, err_msg=name)
        assert light.values.dtype == heavy.values.dtype, name
        assert (light.known is None) == (heavy.known is None), name
        if light.known is not None and heavy.known is not None:
            np.testing.assert_array_equal(light.known, heavy.known, err_msg=name)
        assert light.labels == heavy.labels, name


@pytest.mark.parametrize("path", GOOD, ids=[p.stem for p in GOOD])
def test_each_example_reads_as_its_pandas_frame(path: Path,
                                                project: tuple[RecordSchema, UnitTable]) -> None:
    batch = load_records(path, *project)
    assert isinstance(batch.table, Columns)
    assert_reads_as_pandas(batch.table)


def test_several_files_read_as_one_frame(project: tuple[RecordSchema, UnitTable]) -> None:
    batch = load_records(GOOD, *project)
    assert isinstance(batch.table, Columns) and len(batch) == len(batch.ids)
    assert_reads_as_pandas(batch.table)
    assert len(set(batch.ids)) == len(batch.ids)


def test_blank_and_repeated_values(project: tuple[RecordSchema, UnitTable]) -> None:
    schema, _ = project
    blank = dict.fromkeys(schema.fields)
    rows = [{**blank, "id": "a"}, {**blank, "id": "b"}, {**blank, "id": "a2"}]
    texts = [name for name, spec in schema.fields.items()
             if isinstance(spec.type, TextT) and name != "id"]
    for row, text in zip(rows, ["x", "y", "x"], strict=True):  # codes by first appearance
        row.update(dict.fromkeys(texts, text))
    assert_reads_as_pandas(Columns.of_rows(rows, schema))
    assert_reads_as_pandas(Columns.of_rows([], schema))


def test_frame_is_made_on_first_use(project: tuple[RecordSchema, UnitTable]) -> None:
    batch = load_records(GOOD[0], *project)
    frame = batch.frame
    assert frame is batch.frame and not isinstance(batch.table, Columns)
    assert len(frame) == len(batch)
