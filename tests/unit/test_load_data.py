"""Loading plan data: long tables of indicator values, converted into each indicator's unit.

The indicator catalogue is built by hand here (a few ids of the Daxing data
contract); units are the standard prelude's.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from test_load_records import daxing, write

from checker.data.load import PlanData, load_plan_data
from checker.diagnostics import Diagnostic
from checker.types.typed import IndicatorSpec
from tests.helpers import raised_diagnostics, the_only

HEADER = "indicator,region,year,value,unit"


def indicators() -> dict[str, IndicatorSpec]:
    _, units = daxing()
    specs = [
        IndicatorSpec("urban_rural_construction_land", "城乡建设用地规模", units.units["km2"],
                      "binding", "down"),
        IndicatorSpec("gdp_growth", "地区生产总值增速", units.units["percent"], "anticipatory",
                      "none"),
        IndicatorSpec("national_health_district", "国家卫生区", None, "binding", "up"),
        IndicatorSpec("new_waste_transfer_stations", "新建垃圾转运站", units.units["one"],
                      "binding", "up"),
        IndicatorSpec("pm25_annual_mean", "PM2.5年均浓度", units.units["ug_m3"], "binding",
                      "down"),
    ]
    return {spec.id: spec for spec in specs}


def load(*paths: Path) -> PlanData:
    _, units = daxing()
    return load_plan_data(list(paths), indicators(), units)


def problems(*paths: Path) -> list[Diagnostic]:
    return raised_diagnostics(load, *paths)


def only(*paths: Path) -> Diagnostic:
    return the_only(problems(*paths))


@pytest.mark.parametrize(("row", "expected"), [
    ("urban_rural_construction_land,大兴区,2020,300000,亩", 200.0),
    ("urban_rural_construction_land,大兴区,2020,300,亩", 0.2),
    ("urban_rural_construction_land,大兴区,2020,0.2,km2", 0.2),
    ("urban_rural_construction_land,大兴区,2020,20000,公顷", 200.0),
    ("urban_rural_construction_land,大兴区,2020,\"1,200\",m²", 0.0012),
    ("gdp_growth,大兴区,2021,6.5,%", 6.5),
    ("gdp_growth,大兴区,2021,65,‰", 6.5),
    ("new_waste_transfer_stations,大兴区,2022,3,", 3.0),
    ("new_waste_transfer_stations,大兴区,2022,3,座", 3.0),
    ("pm25_annual_mean,大兴区,2020,0.037,mg/m3", 37.0),
    ("national_health_district,大兴区,2023,是,", 1.0),
    ("national_health_district,大兴区,2023,false,bool", 0.0),
    ("national_health_district,大兴区,2023,1,", 1.0),
])
def test_values_are_converted_into_the_indicator_unit(tmp_path: Path, row: str,
                                                      expected: float) -> None:
    data = load(write(tmp_path, "d.csv", f"{HEADER}\n{row}\n"))
    assert data.frame["value"][0] == expected


def test_frame_columns_dtypes_and_origins(tmp_path: Path) -> None:
    text = (f"{HEADER},kind,source\n"
            "gdp_growth, 大兴区 ,2021,6.5,%,,统计公报\n"
            "gdp_growth,大兴区,2025,6,%,target,\n")
    data = load(write(tmp_path, "d.csv", text))
    frame = data.frame
    assert {c: str(frame[c].dtype) for c in frame.columns} == {
        "indicator": "string", "region": "string", "year": "Int64", "period": "string",
        "period_end": "string", "value": "Float64", "low": "Float64", "high": "Float64",
        "low_open": "boolean", "high_open": "boolean", "qualifier": "string",
        "kind": "string", "source": "string", "note": "string", "basis": "string"}
    assert frame["region"].tolist() == ["大兴区", "大兴区"]
    assert frame["kind"].tolist() == ["actual", "target"]
    assert frame["source"][0] == "统计公报" and frame["source"].isna()[1]
    assert [data.origin(i).text.rsplit("/", 1)[-1] for i in range(2)] == ["d.csv:row 2",
                                                                     "d.csv:row 3"]


@pytest.mark.parametrize(("row", "code", "message", "cell", "help"), [
    ("gdp_grwoth,大兴区,2021,6.5,%", "D340", "unknown indicator `gdp_grwoth`", "indicator",
     "did you mean `gdp_growth`?"),
    ("gdp_growth,大兴区,2021,6.5,xyz", "D321", "unknown unit `xyz`", "unit",
     "`gdp_growth` is in `%`"),
    ("gdp_growth,大兴区,2021,6.5,percnt", "D321", "unknown unit `percnt`", "unit",
     "did you mean `percent`?"),
    ("urban_rural_construction_land,大兴区,2021,300,kg", "D322",
     "unit `kg` is in mass, but indicator `urban_rural_construction_land` is in area", "unit",
     "write the value in `km²` or another unit of area"),
    ("urban_rural_construction_land,大兴区,2021,300,", "D322",
     "unit `(none)` is a bare number, but indicator `urban_rural_construction_land` is in area",
     "unit", "write the value in `km²` or another unit of area"),
    ("national_health_district,大兴区,2023,是,%", "D322",
     "indicator `national_health_district` is true/false, but the unit is `%`", "unit",
     "leave `unit` empty (or write `bool`) for a true/false indicator"),
    ("national_health_district,大兴区,2023,maybe,", "D323",
     "`maybe` in `value` is not true or false", "value", "write true/false, yes/no, 是/否 or 1/0"),
    ("gdp_growth,大兴区,2021,6.5%%,%", "D320", "`6.5%%` in `value` is not a plain number", "value",
     "write `6.5` here and the unit in the `unit` column"),
    ("urban_rural_construction_land,大兴区,2021,3.1万,km2", "D320",
     "`3.1万` in `value` is not a plain number", "value",
     "write `3.1` here and the unit with its `万` in the `unit` column (`万吨`, not `吨`)"),
    ("gdp_growth,大兴区,2021,high,%", "D320", "`high` in `value` is not a number", "value",
     "write a number such as `12.5`, or a qualified figure such as `95以上`, `突破1300`, `≤8` "
     "or `5.0左右` (docs/language.md, qualified figures)"),
    ("gdp_growth,大兴区,2021,,%", "D312", "row has no `value`", "value",
     "a row that says nothing is a mistake: write the value, or delete the row"),
    ("gdp_growth,,2021,6,%", "D312", "row has no `region`", "region",
     "every row of plan data needs `region`"),
    ("gdp_growth,大兴区,21,6,%", "D324", "`21` in `year` is not a year or a period", "year",
     "write a year such as `2025`, or a part of one: `2022H1`, `2022Q1`, `2022-04`, "
     "`2022年上半年`, `2022年一季度`, `2022年1-6月`"),
])
def test_row_problems(tmp_path: Path, row: str, code: str, message: str, cell: str,
                      help: str) -> None:
    problem = only(write(tmp_path, "d.csv", f"{HEADER}\n{row}\n"))
    assert (problem.code, problem.message, problem.help) == (code, message, help)
    index = HEADER.split(",").index(cell)
    column = len(",".join(row.split(",")[:index])) + (2 if index else 1)
    assert (problem.span.line, problem.span.column) == (2, column)


def test_unknown_kind(tmp_path: Path) -> None:
    problem = only(write(tmp_path, "d.csv", f"{HEADER},kind\ngdp_growth,大兴区,2021,6,%,actuals\n"))
    assert (problem.code, problem.message, problem.help) == (
        "D343", "`actuals` in `kind` is neither `actual` nor `target`", "did you mean `actual`?")


@pytest.mark.parametrize(("header", "code", "message", "help"), [
    ("indicator,region,year,value", "D313", "required column `unit` is missing",
     "plan data needs the columns indicator, region, year, value, unit"),
    (f"{HEADER},sorce", "D310", "unknown column `sorce` in plan data", "did you mean `source`?"),
    (f"{HEADER},value", "D311", "column `value` appears twice", "it is also column 4; keep one"),
])
def test_column_problems(tmp_path: Path, header: str, code: str, message: str,
                         help: str) -> None:
    problem = only(write(tmp_path, "d.csv", f"{header}\n"
                         + ",".join(["gdp_growth", "大兴区", "2021", "6", "%", "x"][
                             :header.count(",") + 1]) + "\n"))
    assert (problem.code, problem.message, problem.help, problem.span.line) == (
        code, message, help, 1)


def test_conflicting_values_name_both_rows(tmp_path: Path) -> None:
    first = write(tmp_path, "a.csv", f"{HEADER}\ngdp_growth,大兴区,2021,6.5,%\n")
    second = write(tmp_path, "b.csv", f"{HEADER}\ngdp_growth,大兴区,2022,6,%\n"
                   "gdp_growth,大兴区,2021,0.07,fraction\n")
    problem = only(first, second)
    assert problem.code == "D341"
    assert problem.message.startswith("`gdp_growth` for `大兴区` in 2021 (actual) has two values: "
                                      "6.5% at ")
    assert problem.message.endswith("a.csv:row 2 and 7% at " + problem.span.file + ":row 3")
    assert (problem.span.line, problem.help) == (
        3, "keep one row for each indicator, region, period, kind and basis")


def test_a_repeated_row_with_the_same_value_is_kept_once_with_a_warning(tmp_path: Path) -> None:
    text = (f"{HEADER},kind\ngdp_growth,大兴区,2021,6.5,%,\ngdp_growth,大兴区,2021,6.5,%,actual\n"
            "gdp_growth,大兴区,2021,7,%,target\n")
    data = load(write(tmp_path, "d.csv", text))
    assert data.frame["value"].tolist() == [6.5, 7.0]
    assert [data.origin(i).text.rsplit(":", 1)[1] for i in range(2)] == ["row 2", "row 4"]
    (warning,) = data.warnings
    assert (warning.code, warning.severity, warning.span.line) == ("D342", "warning", 3)


def test_xlsx_and_parquet_round_trip(tmp_path: Path) -> None:
    source = pd.DataFrame({
        "indicator": ["urban_rural_construction_land", "national_health_district", "gdp_growth"],
        "region": ["大兴区"] * 3, "year": [2020, 2023, 2021], "value": ["300000", "是", "6.5"],
        "unit": ["亩", None, "%"], "source": ["年鉴", None, None]})
    source.to_excel(tmp_path / "d.xlsx", index=False)
    numeric = source.iloc[[0, 2]].assign(value=[300000.0, 6.5])
    numeric.to_parquet(tmp_path / "d.parquet")
    from_xlsx = load(tmp_path / "d.xlsx").frame
    from_parquet = load(tmp_path / "d.parquet").frame
    assert from_xlsx["value"].tolist() == [200.0, 1.0, 6.5]
    assert from_parquet["value"].tolist() == [200.0, 6.5]
    assert from_xlsx["source"].isna().tolist() == [False, True, True]


def test_yaml_is_not_plan_data(tmp_path: Path) -> None:
    problem = only(write(tmp_path, "d.yaml", "indicator: gdp_growth\n"))
    assert problem.code == "D302"


def test_empty_value_in_xlsx_is_an_error_not_a_dropped_row(tmp_path: Path) -> None:
    source = pd.DataFrame({"indicator": ["gdp_growth", "gdp_growth"], "region": ["大兴区"] * 2,
                           "year": [2021, 2022], "value": [6.5, None], "unit": ["%", "%"]})
    source.to_excel(tmp_path / "d.xlsx", index=False)
    problem = only(tmp_path / "d.xlsx")
    assert (problem.code, problem.span.line, problem.span.column) == ("D312", 3, 0)
