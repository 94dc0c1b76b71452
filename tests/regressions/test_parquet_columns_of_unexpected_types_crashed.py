"""Parquet columns of unexpected types crashed or misled (issue 15, defects 9 and 15): a list
or struct `value` column raised `unhashable type`, a binary `indicator` column dropped its
rows without a word, a decimal `6.50` was "not a number", a pandas index column was an
"unknown column `__index_level_0__`".  Now each
column's type is checked against its field before use: D316 at the header, or read right."""

from __future__ import annotations

import decimal
import functools
import glob
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from checker.cli.main import main
from checker.data.load import load_plan_data, load_records
from checker.diagnostics import DiagnosticError
from checker.syntax.suite import load_suite
from checker.types.typecheck import typecheck
from checker.types.typed import CheckedSuite

SUITE = Path(__file__).resolve().parents[2] / "checker" / "suites" / "daxing-14th"
PLAN_ROW: dict[str, Any] = {"indicator": ["gdp_growth"], "region": ["大兴区"], "year": [2022],
                            "value": [6.5], "unit": ["%"]}
RECORD: dict[str, Any] = {"id": ["P-1"], "occupies_permanent_basic_farmland": [False],
                          "in_ecological_red_line": [False]}


@functools.cache
def daxing() -> CheckedSuite:
    return typecheck(load_suite(sorted(glob.glob(str(SUITE / "*.rules")))).suite)


def write(path: Path, columns: dict[str, Any]) -> Path:
    pq.write_table(pa.table({k: v if isinstance(v, pa.Array) else pa.array(v)
                             for k, v in columns.items()}), path)
    return path


def refused(load: Any) -> list[str]:
    with pytest.raises(DiagnosticError) as raised:
        load()
    return [f"{d.code} {d.span.line if d.span else ''} {d.message}"
            for d in raised.value.diagnostics]


PLAN_COLUMNS = [
    ("value", pa.array([[1.0]]), "holds lists or structures (Parquet type `list<element: "
     "double>`)"),
    ("value", pa.array([{"a": 1}]), "holds lists or structures (Parquet type `struct<a: int64>`)"),
    ("indicator", pa.array([b"gdp_growth"], pa.binary()), "holds raw bytes (Parquet type "
     "`binary`), but `indicator` is text"),
    ("year", pa.array([pd.Timestamp("2022-01-01")]), "holds dates or times"),
    ("region", pa.array([True]), "holds true/false values"),
]


@pytest.mark.parametrize(("name", "column", "said"), PLAN_COLUMNS)
def test_a_plan_data_column_of_the_wrong_type_is_d316(tmp_path: Path, name: str, column: Any,
                                                      said: str) -> None:
    path = write(tmp_path / "d.parquet", {**PLAN_ROW, name: column})
    suite = daxing()
    found = refused(lambda: load_plan_data(path, suite.indicators, suite.units))
    assert found == [f"D316 1 column `{name}` {said}" + found[0].split(said, 1)[1]]


RECORD_COLUMNS = [
    ("land_area", pa.array([[1, 2]]), "holds lists or structures"),
    ("land_area", pa.array([True]), "holds true/false values (Parquet type `bool`), but "
     "`land_area` is a quantity in km²"),
    ("name", pa.array([b"x"], pa.binary()), "holds raw bytes"),
    ("zone", pa.array([1.5]), "holds decimal numbers (Parquet type `double`), "
     "but `zone` is a value of `功能区`"),
    ("completion_year", pa.array([pd.Timestamp("2025-01-01")]), "holds dates or times"),
]


@pytest.mark.parametrize(("name", "column", "said"), RECORD_COLUMNS)
def test_a_proposal_column_of_the_wrong_type_is_d316(tmp_path: Path, name: str, column: Any,
                                                     said: str) -> None:
    path = write(tmp_path / "p.parquet", {**RECORD, name: column})
    suite = daxing()
    found = refused(lambda: load_records(path, suite.schemas["project"], suite.units))
    assert len(found) == 1 and found[0].startswith(f"D316 1 column `{name}` {said}")


def test_decimals_read_exactly_in_both_kinds_of_table(tmp_path: Path) -> None:
    suite = daxing()
    six_fifty = pa.array([decimal.Decimal("6.50")], pa.decimal128(5, 2))
    data = load_plan_data(write(tmp_path / "d.parquet", {**PLAN_ROW, "value": six_fifty}),
                          suite.indicators, suite.units)
    assert data.frame["value"].tolist() == [6.5]
    batch = load_records(write(tmp_path / "p.parquet", {**RECORD, "land_area": six_fifty}),
                         suite.schemas["project"], suite.units)
    assert batch.frame["land_area"].tolist() == [6.5]


def test_dictionary_columns_read_by_their_values(tmp_path: Path) -> None:
    suite = daxing()
    encoded = pa.array(["gdp_growth"]).dictionary_encode()
    data = load_plan_data(write(tmp_path / "d.parquet", {**PLAN_ROW, "indicator": encoded}),
                          suite.indicators, suite.units)
    assert data.frame["indicator"].tolist() == ["gdp_growth"]


def test_a_pandas_index_column_is_not_data(tmp_path: Path) -> None:
    suite = daxing()
    pd.DataFrame(PLAN_ROW, index=[7]).to_parquet(tmp_path / "d.parquet")
    assert "__index_level_0__" in pq.read_schema(tmp_path / "d.parquet").names
    data = load_plan_data(tmp_path / "d.parquet", suite.indicators, suite.units)
    assert list(data.frame["value"]) == [6.5] and len(data) == 1
    pd.DataFrame({**RECORD, "id": ["P-1"]}, index=[9]).to_parquet(tmp_path / "p.parquet")
    batch = load_records(tmp_path / "p.parquet", suite.schemas["project"], suite.units)
    assert list(batch.ids) == ["P-1"]


def test_a_named_index_is_a_column(tmp_path: Path) -> None:
    """`set_index("id")` stores `id` as the index: it is still the records' ids."""
    suite = daxing()
    pd.DataFrame(RECORD).set_index("id").to_parquet(tmp_path / "p.parquet")
    batch = load_records(tmp_path / "p.parquet", suite.schemas["project"], suite.units)
    assert list(batch.ids) == ["P-1"]


def test_the_cli_exits_2_with_the_diagnostic(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "d.parquet", {**PLAN_ROW, "value": pa.array([[1.0]])})
    assert main(["check", str(path)]) == 2
    captured = capsys.readouterr()
    assert "error[D316]" in captured.out + captured.err
    assert "Traceback" not in captured.out + captured.err
