"""Loading is one thing whatever the format, and a missing required value is never dropped.

Random valid `project` records (the real schema of the bundled suite) are
written to CSV and to YAML; both load to the same frame.  Blanking any cell of
a required field (or leaving the key out in YAML) yields a D312 diagnostic at
that row — never a silently shorter batch.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from checker.data.load import RecordBatch, classify, load_records
from checker.diagnostics import DiagnosticError
from checker.syntax.suite import load_suite
from checker.types.typecheck import typecheck
from checker.types.typed import (
    BoolT,
    EnumT,
    FieldSpec,
    QuantityT,
    RecordSchema,
    TextT,
    YearT,
)
from checker.types.units import UnitTable

SUITE = Path(__file__).resolve().parents[2] / "rules" / "daxing-14th"
BOOL_WORDS = ["true", "false", "yes", "no", "是", "否", "1", "0", "TRUE", "No"]
TEXT = st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), min_size=1,
               max_size=12).filter(lambda s: s.strip() != "")


@functools.cache
def daxing() -> tuple[RecordSchema, UnitTable]:
    checked = typecheck(load_suite([SUITE / "plan.rules", SUITE / "schema.rules"]).suite)
    return checked.schemas["project"], checked.units


def value_of(spec: FieldSpec, units: UnitTable) -> st.SearchStrategy[Any]:
    """A valid value as a person would write it: Python values for YAML, text for CSV."""
    match spec.type:
        case QuantityT(unit=unit):
            low = float(spec.low) if spec.low is not None else -1e9
            high = float(spec.high) if spec.high is not None else 1e9
            bare = st.floats(low, high, allow_nan=False, allow_infinity=False)
            if spec.whole:  # a count: whole numbers only
                return st.integers(int(low), int(min(high, 10**9)))
            if spec.high is not None:  # within a bounded range: numbers in the field's unit
                return bare
            spellings = [name for name, key in units.lookup.items()
                         if units.units[key].dimension == unit.dimension and name.strip()]
            numbers = st.decimals(0, 10**6, places=3, allow_nan=False, allow_infinity=False)
            with_unit = st.builds(lambda n, u: f"{n} {u}", numbers, st.sampled_from(spellings))
            return st.one_of(bare, with_unit)
        case BoolT():
            return st.one_of(st.booleans(), st.sampled_from(BOOL_WORDS))
        case YearT():
            return st.integers(1900, 2200)  # the years the language and loaders accept
        case EnumT(items=items):
            return st.sampled_from(items)
        case TextT():
            return TEXT
    raise AssertionError(spec)


@st.composite
def records(draw: st.DrawFn) -> list[dict[str, Any]]:
    schema, units = daxing()
    count = draw(st.integers(1, 6))
    rows = []
    for index in range(count):
        row: dict[str, Any] = {"id": f"P-{index}"}
        for name, spec in schema.fields.items():
            if name == "id":
                continue
            present = spec.required or draw(st.booleans())
            row[name] = draw(value_of(spec, units)) if present else None
        rows.append(row)
    return rows


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, float) else str(value)


def write_csv(folder: Path, rows: list[dict[str, Any]]) -> Path:
    schema, _ = daxing()
    path = folder / "records.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(list(schema.fields))
        writer.writerows([[csv_cell(row.get(name)) for name in schema.fields] for row in rows])
    return path


def write_yaml(folder: Path, rows: list[dict[str, Any]]) -> Path:
    path = folder / "records.yaml"
    kept = [{k: v for k, v in row.items() if v is not None} for row in rows]
    path.write_text(yaml.safe_dump(kept, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def load(path: Path) -> RecordBatch:
    schema, units = daxing()
    return load_records(path, schema, units)


@given(records())
def test_csv_and_yaml_load_to_the_same_frame(rows: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        from_csv = load(write_csv(Path(folder), rows))
        from_yaml = load(write_yaml(Path(folder), rows))
    pd.testing.assert_frame_equal(from_csv.frame, from_yaml.frame)
    assert list(from_csv.ids) == list(from_yaml.ids) == [row["id"] for row in rows]
    assert len(from_csv) == len(rows)


@given(records(), st.data())
def test_a_blank_required_cell_is_a_diagnostic_never_a_dropped_row(
        rows: list[dict[str, Any]], data: st.DataObject) -> None:
    schema, _ = daxing()
    required = [name for name, spec in schema.fields.items() if spec.required]
    index = data.draw(st.integers(0, len(rows) - 1))
    name = data.draw(st.sampled_from(required))
    rows[index][name] = None
    with tempfile.TemporaryDirectory() as folder:
        for path, line in ((write_csv(Path(folder), rows), index + 2),
                           (write_yaml(Path(folder), rows), None)):
            with pytest.raises(DiagnosticError) as raised:
                load(path)
            found = raised.value.diagnostics
            assert [d.code for d in found] == ["D312"]
            assert f"`{name}`" in found[0].message
            if line is not None:
                assert found[0].span.line == line


CELLS = st.one_of(st.sampled_from(["", " ", "是", "no", "12 ha", "1,200 m²", "80%", "2025",
                                   "临空经济区", "国六b", "1e400", "nan", '"', "a,b", "x\ny"]),
                  st.text(max_size=8))


@st.composite
def messy_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """Files a person might hand over: real headers, odd cells, broken structure, junk bytes."""
    schema, _ = daxing()
    kind = draw(st.sampled_from(["csv", "yaml", "json", "bytes", "parquet", "xlsx"]))
    if kind == "bytes":
        return draw(st.sampled_from(["a.csv", "a.yaml", "a.json", "a.xlsx", "a.parquet"])), draw(
            st.binary(max_size=60))
    names = draw(st.lists(st.sampled_from([*schema.fields, "indusrty", "", "id"]), max_size=6))
    rows = draw(st.lists(st.lists(CELLS, max_size=7), max_size=4))
    if kind in ("parquet", "xlsx"):
        return f"a.{kind}", binary_table(draw, list(dict.fromkeys(names)), len(rows), kind)
    if kind == "csv":
        out = io.StringIO()
        csv.writer(out).writerows([names, *rows])
        return "a.csv", out.getvalue().encode(draw(st.sampled_from(["utf-8", "gb18030"])),
                                              errors="replace")
    records = [dict(zip(names, row, strict=False)) for row in rows]
    if kind == "json":
        return "a.json", json.dumps(records if draw(st.booleans()) else records[:1],
                                    ensure_ascii=False).encode()
    text = yaml.safe_dump(records, allow_unicode=True) + draw(st.sampled_from(["", "- x\n", ":"]))
    return "a.yaml", text.encode()


TYPED_COLUMNS = [
    st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)),
    st.one_of(st.none(), st.integers(-(2**40), 2**40)),
    st.one_of(st.none(), st.booleans()),
    st.one_of(st.none(), CELLS),
]


def binary_table(draw: st.DrawFn, names: list[str], count: int, kind: str) -> bytes:
    columns = {}
    for name in names or ["id"]:
        values = st.lists(draw(st.sampled_from(TYPED_COLUMNS)), min_size=count, max_size=count)
        columns[name or "unnamed"] = pd.Series(draw(values), dtype=object)
    frame = pd.DataFrame(columns)
    buffer = io.BytesIO()
    try:
        if kind == "parquet":
            frame.to_parquet(buffer)
        else:
            frame.to_excel(buffer, index=False)
    except Exception:  # a column pyarrow or openpyxl will not write: give them bytes instead
        return b"PAR1"
    return buffer.getvalue()


@given(messy_files())
def test_any_input_is_loaded_or_diagnosed_never_a_crash(file: tuple[str, bytes]) -> None:
    name, data = file
    schema, units = daxing()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        for attempt in (lambda: load_records(path, schema, units), lambda: classify(path)):
            try:
                attempt()
            except DiagnosticError as error:
                assert error.diagnostics
                assert all(d.code.startswith("D3") for d in error.diagnostics)
