"""Loading proposals: values converted exactly, every problem a diagnostic with its place.

The schema is the real `project` record of `rules/daxing-14th/schema.rules`,
type-checked.  A bare number means the field's declared unit: in the `%`
field `new_energy_vehicle_share`, `80%` and `80` load as 80.0 and a bare
`0.8` stays 0.8 percent — it is not read as a fraction.
"""

from __future__ import annotations

import dataclasses
import functools
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from checker.data.columns import convert
from checker.data.load import RecordBatch, load_records
from checker.data.values import explain, read_value
from checker.diagnostics import Diagnostic, DiagnosticError, render_all
from checker.syntax.suite import load_suite
from checker.types.typecheck import typecheck
from checker.types.typed import EnumT, QuantityT, RecordSchema
from checker.types.units import UnitTable
from tests.helpers import raised_diagnostics, the_only

ROOT = Path(__file__).resolve().parents[2]
SUITE = ROOT / "rules" / "daxing-14th"
BASE = "id: P-1\noccupies_permanent_basic_farmland: false\nin_ecological_red_line: false\n"
HEADER = "id,occupies_permanent_basic_farmland,in_ecological_red_line"


@functools.cache
def daxing() -> tuple[RecordSchema, UnitTable]:
    """The `project` schema and units of the bundled suite (plan header + schema file)."""
    checked = typecheck(load_suite([SUITE / "plan.rules", SUITE / "schema.rules"]).suite)
    return checked.schemas["project"], checked.units


def units_of(help: str) -> str:
    """`{area}` in an expected help line -> the area units the loader lists (first 8)."""
    _, units = daxing()
    for dimension in ("area", "share"):
        symbols = [s for s in units.dimension_units(dimension) if s][:8]
        help = help.replace(f"{{{dimension}}}", ", ".join(f"`{s}`" for s in symbols))
    return help


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def load(*paths: Path) -> RecordBatch:
    schema, units = daxing()
    return load_records(list(paths), schema, units)


def problems(*paths: Path) -> list[Diagnostic]:
    return raised_diagnostics(load, *paths)


def only(*paths: Path) -> Diagnostic:
    return the_only(problems(*paths))


# ------------------------------------------------------------------ conversions


@pytest.mark.parametrize(("field", "written", "expected"), [
    ("land_area", "300 亩", 0.2),
    ("land_area", "0.2 km2", 0.2),
    ("land_area", "0.2 平方公里", 0.2),
    ("land_area", "12 ha", 0.12),
    ("land_area", "1,200 m²", 0.0012),
    ("land_area", "0.5", 0.5),
    ("land_area", "3 万亩", 20.0),
    ("new_energy_vehicle_share", "80%", 80.0),
    ("new_energy_vehicle_share", "80", 80.0),
    ("new_energy_vehicle_share", "0.8", 0.8),  # a bare number is in the field's unit: 0.8 %
    ("new_energy_vehicle_share", "800‰", 80.0),
    ("new_operating_vehicles", "12 个", 12.0),
    ("investment", "5000 万元", 0.5),
    ("investment", "1.5", 1.5),
])
def test_quantities_are_converted_exactly_into_the_field_unit(
        tmp_path: Path, field: str, written: str, expected: float) -> None:
    yaml_batch = load(write(tmp_path, "a.yaml", f"{BASE}{field}: {written}\n"))
    csv_batch = load(write(tmp_path, "a.csv", f'{HEADER},{field}\nP-1,no,no,"{written}"\n'))
    assert yaml_batch.frame[field][0] == expected
    assert csv_batch.frame[field][0] == expected


def test_300_mu_is_exactly_0_2_square_kilometres(tmp_path: Path) -> None:
    assert Fraction(300) * Fraction(2000, 3) / 1_000_000 == Fraction(1, 5)
    batch = load(write(tmp_path, "a.yaml", f"- {{{BASE.strip().replace(chr(10), ', ')}, "
                       "land_area: 300 亩}\n"
                       "- {id: P-2, occupies_permanent_basic_farmland: no, "
                       "in_ecological_red_line: no, land_area: 0.2 km²}\n"))
    assert batch.frame["land_area"].tolist() == [0.2, 0.2]


@pytest.mark.parametrize(("written", "expected"), [
    ("true", True), ("false", False), ("yes", True), ("no", False), ("是", True),
    ("否", False), ("1", True), ("0", False), ("TRUE", True), ("No", False),
    ("'true'", True), ("'是'", True),
])
def test_booleans_accept_the_documented_words(tmp_path: Path, written: str,
                                              expected: bool) -> None:
    batch = load(write(tmp_path, "a.yaml", f"{BASE}sponge_city_measures: {written}\n"))
    assert bool(batch.frame["sponge_city_measures"][0]) is expected


@pytest.mark.parametrize("written", ["maybe", "2", "'on'", "真", "1.5", "[true]",
                                     "on", "off", "y", "n", "1.0", "0.0"])  # YAML 1.1, floats
def test_booleans_refuse_anything_else(tmp_path: Path, written: str) -> None:
    problem = only(write(tmp_path, "a.yaml", f"{BASE}sponge_city_measures: {written}\n"))
    assert (problem.code, problem.span.line, problem.help) == (
        "D323", 4, "write true/false, yes/no, 是/否 or 1/0")


def test_text_stays_text_as_written(tmp_path: Path) -> None:
    text = ("id: 001\noccupies_permanent_basic_farmland: 0\nin_ecological_red_line: 0\n"
            "name: 1.50\nstrategic_reserve_approval: null\n")
    batch = load(write(tmp_path, "a.yaml", text))
    assert batch.frame["id"][0] == "001"
    assert batch.frame["name"][0] == "1.50"
    assert batch.frame["strategic_reserve_approval"].isna()[0]
    assert list(batch.ids) == ["001"]


def test_defaults_fill_absent_optional_values_only(tmp_path: Path) -> None:
    schema, units = daxing()  # the bundled field has no default (schema.rules says why)
    spec = dataclasses.replace(schema.fields["new_construction_land"], default=Fraction(0))
    schema = dataclasses.replace(schema, fields={**schema.fields, spec.name: spec})
    text = (f"{HEADER},new_construction_land,land_area\nP-1,no,no,,\nP-2,no,no,3 ha,\n")
    batch = load_records(write(tmp_path, "a.csv", text), schema, units)
    assert batch.frame["new_construction_land"].tolist() == [0.0, 0.03]
    assert batch.frame["land_area"].isna().tolist() == [True, True]
    yaml_batch = load_records(write(tmp_path, "a.yaml", f"{BASE}new_construction_land: null\n"),
                              schema, units)
    assert yaml_batch.frame["new_construction_land"][0] == 0.0


def test_frame_has_one_nullable_column_per_field(tmp_path: Path) -> None:
    schema, _ = daxing()
    batch = load(write(tmp_path, "a.yaml", f"{BASE}vehicle_emission_standard: 国五\n"))
    frame = batch.frame
    assert list(frame.columns) == list(schema.fields)
    assert {name: str(frame[name].dtype) for name in ("id", "land_area", "completion_year",
                                                       "sponge_city_measures")} == {
        "id": "string", "land_area": "Float64", "completion_year": "Int64",
        "sponge_city_measures": "boolean"}
    standard = frame["vehicle_emission_standard"]
    assert list(standard.cat.categories) == ["国三", "国四", "国五", "国六a", "国六b"]
    assert standard.cat.ordered and standard.cat.codes[0] == 2
    assert frame["zone"].cat.codes[0] == -1  # missing
    assert not frame["zone"].cat.ordered


def test_ordinal_codes_are_ranks(tmp_path: Path) -> None:
    rows = "\n".join(f"P-{i},no,no,{level}" for i, level in
                     enumerate(["国六b", "国三", "国五", "", "国四"]))
    batch = load(write(tmp_path, "a.csv", f"{HEADER},vehicle_emission_standard\n{rows}\n"))
    assert batch.frame["vehicle_emission_standard"].cat.codes.tolist() == [4, 0, 2, -1, 1]


# ------------------------------------------------------------------ diagnostics


@pytest.mark.parametrize(("extra", "code", "message", "line", "column", "help"), [
    ("indusrty: 航空物流", "D310", "unknown field `indusrty` in record `project`", 4, 1,
     "did you mean `industry`?"),
    ("项目名称: x", "D310", "unknown field `项目名称` in record `project`", 4, 1,
     "`项目名称` is the label of field `name`; write `name`"),
    ("zone: 临空经济", "D325", "`临空经济` in `zone` is not a value of `功能区`", 4, 7,
     "did you mean `临空经济区`?"),
    ("vehicle_emission_standard: 国七", "D325",
     "`国七` in `vehicle_emission_standard` is not an ordinal of `排放标准`", 4, 28,
     "`排放标准` is one of `国三`, `国四`, `国五`, `国六a`, `国六b`"),
    ("land_area: 12 kg", "D322", "`12 kg` is a mass, but `land_area` is an area", 4, 12,
     "use a unit of area: {area}"),
    ("land_area: 12 hectar", "D321", "unknown unit `hectar` in `land_area`", 4, 12,
     "did you mean `hectare`?"),
    ("land_area: twelve", "D320", "`twelve` in `land_area` is not a number", 4, 12,
     "write a number with an optional unit, such as `12 km²`; a bare number means `km²`"),
    ("land_area: true", "D320", "`true` in `land_area` is not a number", 4, 12,
     "write a number with an optional unit, such as `12 km²`; a bare number means `km²`"),
    ("new_energy_vehicle_share: 80 km2", "D322",
     "`80 km2` is an area, but `new_energy_vehicle_share` is a share", 4, 27,
     "use a unit of share: {share}"),
    ("completion_year: 2025.5", "D324", "`2025.5` in `completion_year` is not a year", 4, 18,
     "write a year from 1900 to 2200, such as `2025`"),
    ("completion_year: 25", "D324", "`25` in `completion_year` is not a year", 4, 18,
     "write a year from 1900 to 2200, such as `2025`"),
    ("name: [a, b]", "D326", "`['a', 'b']` in `name` is not text", 4, 7,
     "write the value as text (quote it in YAML or JSON)"),
    ("id: P-2", "D311", "field `id` is given twice", 4, 1, "it is first given on line 1; keep one"),
])
def test_yaml_value_problems(tmp_path: Path, extra: str, code: str, message: str, line: int,
                             column: int, help: str) -> None:
    problem = only(write(tmp_path, "a.yaml", f"{BASE}{extra}\n"))
    assert problem.code == code
    assert problem.message == message
    assert problem.span.file.endswith("a.yaml")
    assert (problem.span.line, problem.span.column) == (line, column)
    assert problem.help == units_of(help)


@pytest.mark.parametrize(("header", "row", "code", "message", "column", "help"), [
    ("indusrty", "航空物流", "D310", "unknown column `indusrty` in record `project`", 61,
     "did you mean `industry`?"),
    ("zone", "临空经济", "D325", "`临空经济` in `zone` is not a value of `功能区`", 11,
     "did you mean `临空经济区`?"),
    ("land_area", "12 kg", "D322", "`12 kg` is a mass, but `land_area` is an area", 11,
     "use a unit of area: {area}"),
    ("sponge_city_measures", "maybe", "D323",
     "`maybe` in `sponge_city_measures` is not true or false", 11,
     "write true/false, yes/no, 是/否 or 1/0"),
    ("completion_year", "2025.0", "D324", "`2025.0` in `completion_year` is not a year", 11,
     "write a year from 1900 to 2200, such as `2025`"),
])
def test_csv_value_problems_point_at_the_cell(tmp_path: Path, header: str, row: str, code: str,
                                              message: str, column: int, help: str) -> None:
    path = write(tmp_path, "b.csv", f"{HEADER},{header}\nP-1,no,no,{row}\n")
    problem = only(path)
    assert (problem.code, problem.message, problem.help) == (code, message, units_of(help))
    line = 1 if code == "D310" else 2
    assert (problem.span.line, problem.span.column) == (line, column)


def test_required_fields_missing(tmp_path: Path) -> None:
    yaml_problem = only(write(tmp_path, "a.yaml", "id: P-1\noccupies_permanent_basic_farmland: "
                              "no\n"))
    assert (yaml_problem.code, yaml_problem.message, yaml_problem.span.line) == (
        "D312", "required field `in_ecological_red_line` is missing", 1)
    assert yaml_problem.help == (
        "every record needs `in_ecological_red_line` (是否位于生态保护红线内)")
    null_problem = only(write(tmp_path, "n.yaml", f"{BASE}".replace("false\nin", "~\nin")))
    assert (null_problem.code, null_problem.message, null_problem.span.line) == (
        "D312", "required field `occupies_permanent_basic_farmland` has no value", 2)
    column = only(write(tmp_path, "a.csv", "id,occupies_permanent_basic_farmland\nP-1,no\n"))
    assert (column.code, column.message, column.span.line) == (
        "D313", "required column `in_ecological_red_line` is missing", 1)
    cell = only(write(tmp_path, "b.csv", f"{HEADER}\nP-1,no,no\nP-2, ,no\n"))
    assert (cell.code, cell.message, cell.span.line, cell.span.column) == (
        "D312", "required field `occupies_permanent_basic_farmland` has no value", 3, 5)


def test_duplicate_ids_name_both_records(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", BASE)
    second = write(tmp_path, "b.csv", f"{HEADER}\nP-0,no,no\nP-1,no,no\n")
    problem = only(first, second)
    assert (problem.code, problem.message, problem.span.line, problem.span.column) == (
        "D331", "duplicate id `P-1`", 3, 1)
    assert problem.help.endswith("a.yaml:1; give each record its own id")
    assert "is also the id of the record at" in problem.help


def test_more_than_ten_bad_cells_are_counted_not_listed(tmp_path: Path) -> None:
    rows = "\n".join(f"P-{i},no,no,{i} kg" for i in range(25))
    found = problems(write(tmp_path, "a.csv", f"{HEADER},land_area\n{rows}\n"))
    assert [d.code for d in found] == ["D322"] * 10 + ["D350"]
    assert [d.span.line for d in found[:10]] == list(range(2, 12))
    assert found[-1].message == "15 more bad values in column `land_area`"
    assert found[-1].span.line == 12


def test_more_than_ten_bad_values_of_a_yaml_field_are_counted(tmp_path: Path) -> None:
    items = "".join(f"- {{id: P-{i}, occupies_permanent_basic_farmland: no, "
                    f"in_ecological_red_line: no, zone: 临空}}\n" for i in range(12))
    found = problems(write(tmp_path, "a.yaml", items))
    assert [d.code for d in found] == ["D325"] * 10 + ["D350"]
    assert (found[-1].message, found[-1].span.line) == ("2 more problems with field `zone`", 11)


def test_every_problem_of_every_file_is_reported_at_once(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", f"- {{{BASE.strip().replace(chr(10), ', ')}, zone: x}}\n"
              "- {id: P-2, occupies_permanent_basic_farmland: maybe}\n")
    b = write(tmp_path, "b.csv", f"{HEADER},indusrty\nP-3,no,no,x\n")
    found = problems(a, b)
    assert [(d.code, d.span.line) for d in found] == [
        ("D325", 1), ("D312", 2), ("D323", 2), ("D310", 1)]
    assert all(not d.message[0].isupper() for d in found)


def test_diagnostics_render_the_offending_line(tmp_path: Path) -> None:
    path = write(tmp_path, "a.csv", f"{HEADER},zone\nP-1,no,no,临空经济\n")
    with pytest.raises(DiagnosticError) as raised:
        load(path)
    text = render_all(raised.value.diagnostics, raised.value.sources)
    assert "2 | P-1,no,no,临空经济" in text
    assert "^^^^^^^^ not in `功能区`" in text
    assert "= help: did you mean `临空经济区`?" in text


# ------------------------------------------------------------------ origins


def test_origins_say_file_and_line_or_row(tmp_path: Path) -> None:
    single = load(write(tmp_path, "one.yaml", "# a proposal\n" + BASE))
    assert single.origin(0).text.endswith("one.yaml:2")
    many = load(write(tmp_path, "many.yaml", f"- {{{BASE.strip().replace(chr(10), ', ')}}}\n"
                      "- id: P-2\n  occupies_permanent_basic_farmland: no\n"
                      "  in_ecological_red_line: no\n"))
    assert [many.origin(i).text.split("/")[-1] for i in range(2)] == ["many.yaml:1", "many.yaml:2"]
    assert [many.origins.path(i) for i in range(2)] == ["[0]", "[1]"]
    assert many.origins.describe(1).endswith("many.yaml:2 [1]")
    table = load(write(tmp_path, "t.csv", f"{HEADER}\n\nP-1,no,no\n,,\nP-2,no,no\n"))
    assert single.origins.path(0) == "" and table.origins.path(0) == ""
    assert [table.origin(i).text.split("/")[-1] for i in range(2)] == ["t.csv:row 3", "t.csv:row 5"]


def test_json_records_keep_their_lines(tmp_path: Path) -> None:
    text = ('[\n  {"id": "P-1", "occupies_permanent_basic_farmland": false,\n'
            '   "in_ecological_red_line": "否", "land_area": 1e-1},\n'
            '  {"id": 7, "occupies_permanent_basic_farmland": 1, "in_ecological_red_line": 0,\n'
            '   "completion_year": 2024, "zone": "临空经济"}\n]\n')
    problem = only(write(tmp_path, "a.json", text))
    assert (problem.code, problem.span.line, problem.span.column) == ("D325", 5, 37)
    batch = load(write(tmp_path, "b.json", text.replace("临空经济", "临空经济区")))
    assert batch.frame["land_area"][0] == 0.1
    assert list(batch.ids) == ["P-1", "7"]
    assert batch.origin(1).text.endswith("b.json:4") and batch.origins.path(1) == "[1]"


# ------------------------------------------------------------------ tables


def test_parquet_round_trip(tmp_path: Path) -> None:
    source = pd.DataFrame({
        "id": ["P-1", "P-2", "P-3"], "land_area": [0.2, None, 1.5],
        "occupies_permanent_basic_farmland": [False, True, False],
        "in_ecological_red_line": [0, 1, 0], "completion_year": [2024, 2025, 2030],
        "zone": ["临空经济区", None, "其他"], "new_energy_vehicle_share": ["80%", "0.5", None]})
    path = tmp_path / "p.parquet"
    source.to_parquet(path)
    frame = load(path).frame
    assert frame["land_area"].tolist()[0::2] == [0.2, 1.5] and frame["land_area"].isna()[1]
    assert frame["in_ecological_red_line"].tolist() == [False, True, False]
    assert frame["completion_year"].tolist() == [2024, 2025, 2030]
    assert frame["zone"].cat.codes.tolist() == [0, -1, 11]
    assert frame["new_energy_vehicle_share"].tolist()[:2] == [80.0, 0.5]


def test_parquet_problems_give_the_row(tmp_path: Path) -> None:
    source = pd.DataFrame({"id": ["P-1", "P-2"], "occupies_permanent_basic_farmland": [0, 2],
                           "in_ecological_red_line": [0.0, np.nan],
                           "completion_year": [2024.0, 2024.5]})
    path = tmp_path / "p.parquet"
    source.to_parquet(path)
    found = problems(path)
    assert [(d.code, d.message, d.span.line, d.span.column) for d in found] == [
        ("D312", "required field `in_ecological_red_line` has no value", 3, 0),
        ("D323", "`2` in `occupies_permanent_basic_farmland` is not true or false", 3, 0),
        ("D324", "`2024.5` in `completion_year` is not a year", 3, 0)]


def test_xlsx_round_trip_and_problems(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "occupies_permanent_basic_farmland", "in_ecological_red_line",
                  "land_area", "completion_year", "name"])
    sheet.append(["P-1", False, "否", "300 亩", 2024, 1001])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["P-2", True, 0, 0.5, "2025", "x"])
    path = tmp_path / "a.xlsx"
    book.save(path)
    batch = load(path)
    assert batch.frame["land_area"].tolist() == [0.2, 0.5]
    assert batch.frame["completion_year"].tolist() == [2024, 2025]
    assert batch.frame["name"].tolist() == ["1001", "x"]
    assert [batch.origin(i).text.split("/")[-1] for i in range(2)] == ["a.xlsx:row 2",
                                                                        "a.xlsx:row 4"]
    sheet.append(["P-3", "maybe", 0, True, None, None])
    book.save(path)
    found = problems(path)
    assert [(d.code, d.span.line, d.span.column) for d in found] == [("D320", 5, 0),
                                                                     ("D323", 5, 0)]


def test_a_csv_column_of_many_distinct_numbers(tmp_path: Path) -> None:
    """Over 256 distinct numbers take the Arrow path (once it wrote to a read-only array)."""
    numbers = [repr(i / 7) for i in range(300)] + ["1e400"]
    rows = "\n".join(f"P-{i},no,no,{n}" for i, n in enumerate(numbers))
    problem = only(write(tmp_path, "a.csv", f"{HEADER},land_area\n{rows}\n"))
    assert (problem.code, problem.span.line) == ("D320", 302)
    batch = load(write(tmp_path, "b.csv", f"{HEADER},land_area\n{rows.rsplit(chr(10), 1)[0]}\n"))
    assert batch.frame["land_area"].tolist() == [float(n) for n in numbers[:-1]]


def test_column_reader_matches_the_value_reader() -> None:
    """The Arrow shortcut for many distinct numbers gives what `read_value` gives."""
    _, units = daxing()
    share = QuantityT(units.units["percent"])
    cells = [repr(x / 7) for x in range(400)] + ["1e3", " 12", "80%", "1,200", "-0.5", "1e400",
                                                  "0x10", ".5", "", "nan", "12 km2"]
    converted = convert(pd.Series(cells, dtype="string"), share, "share", units)
    bad = set(converted.bad.tolist())
    for position, cell in enumerate(cells):
        expected: Any = read_value(cell, share, "share", units) if cell.strip() else None
        if expected is None:
            assert converted.blank[position]
        elif isinstance(expected, float):
            assert converted.values[position] == expected, cell
        else:
            assert position in bad, cell


@pytest.mark.parametrize(("written", "hint"), [
    ("III类", "did you mean `Ⅲ类`? (the same level in Roman numerals)"),
    ("iv", "did you mean `Ⅳ类`? (the same level in Roman numerals)"),
    ("Ⅶ类", "`水质类别` is one of `Ⅰ类`, `Ⅱ类`, `Ⅲ类`, `Ⅳ类`, `Ⅴ类`, `劣Ⅴ类`"),
])
def test_an_ordinal_in_other_numerals_names_the_level(written: str, hint: str) -> None:
    scale = EnumT("水质类别", ("Ⅰ类", "Ⅱ类", "Ⅲ类", "Ⅳ类", "Ⅴ类", "劣Ⅴ类"), ordered=True)
    _, units = daxing()
    problem = explain(written, scale, "water_class", units)
    assert (problem.code, problem.help) == ("D325", hint)
