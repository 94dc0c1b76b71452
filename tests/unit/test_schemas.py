"""Record mappings read field by field, and record schemas as pydantic models and JSON Schema."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from test_load_records import daxing, units_of

from checker.data.mappings import read_mapping
from checker.data.schemas import JSON_SCHEMA_DIALECT, attribute, json_schema, pydantic_model
from checker.types.typed import (
    BoolT,
    EnumT,
    FieldSpec,
    QuantityT,
    RecordSchema,
    TextT,
    YearT,
)


def small() -> RecordSchema:
    """A hand-built schema with one field of each type (and names that clash with pydantic)."""
    _, units = daxing()
    fields = [
        FieldSpec("id", TextT(), True, None, "编号"),
        FieldSpec("area", QuantityT(units.units["ha"]), False, Fraction(5, 2), "面积"),
        FieldSpec("share", QuantityT(units.units["percent"]), False, None, None),
        FieldSpec("ok", BoolT(), True, None, "是否合规"),
        FieldSpec("year", YearT(), False, None, None),
        FieldSpec("grade", EnumT("等级", ("低", "中", "高"), ordered=True), False, "中", None),
        FieldSpec("json", TextT(), False, None, None),
        FieldSpec("model_config", TextT(), False, None, None),
    ]
    return RecordSchema("site", "场地", {f.name: f for f in fields})


def validate(data: dict[str, Any]) -> dict[str, Any]:
    _, units = daxing()
    read = read_mapping(data, small(), units)
    assert isinstance(read, dict), read
    return read


def errors(data: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    _, units = daxing()
    read = read_mapping(data, small(), units)
    assert isinstance(read, list), read
    return [(f.problem.code if f.problem else f.kind, f.key,
             f.problem.message if f.problem else "", f.problem.help if f.problem else "")
            for f in read]


def test_valid_record_is_converted() -> None:
    assert validate({"id": "S-1", "ok": "是", "area": "300 亩", "share": "80%", "year": "2025",
                     "json": "x", "model_config": "y"}) == {
        "id": "S-1", "area": 20.0, "share": 80.0, "ok": True, "year": 2025, "grade": "中",
        "json": "x", "model_config": "y"}


def test_defaults_fill_absent_and_null_values() -> None:
    assert validate({"id": "S-1", "ok": False, "area": None})["area"] == 2.5
    assert validate({"id": "S-1", "ok": False, "grade": ""})["grade"] == "中"


@pytest.mark.parametrize(("data", "expected"), [
    ({"id": "S-1", "ok": True, "ares": 1}, [("unknown", "ares", "", "")]),
    ({"id": "S-1"}, [("missing", "ok", "", "")]),
    ({"ok": "maybe", "zz": 1, "id": "S-1", "aa": 2}, [
        ("D323", "ok", "`maybe` in `ok` is not true or false",
         "write true/false, yes/no, 是/否 or 1/0"),
        ("unknown", "zz", "", ""), ("unknown", "aa", "", "")]),
    ({"id": "S-1", "ok": None}, [
        ("D312", "ok", "required field `ok` has no value",
         "every record needs `ok` (是否合规)")]),
    ({"id": "S-1", "ok": "maybe"}, [
        ("D323", "ok", "`maybe` in `ok` is not true or false",
         "write true/false, yes/no, 是/否 or 1/0")]),
    ({"id": "S-1", "ok": 1, "grade": "最大"}, [
        ("D325", "grade", "`最大` in `grade` is not an ordinal of `等级`",
         "`等级` is one of `低`, `中`, `高`")]),
    ({"id": "S-1", "ok": 1, "area": "2 kg"}, [
        ("D322", "area", "`2 kg` is a mass, but `area` is an area",
         "use a unit of area: {area}")]),
    ({"id": 1.5, "ok": 1}, [
        ("D326", "id", "`1.5` in `id` is not text",
         "write the value as text (quote it in YAML or JSON)")]),
])
def test_validation_errors_carry_d3xx_codes(data: dict[str, Any],
                                            expected: list[tuple[str, ...]]) -> None:
    assert errors(data) == [(*e[:3], units_of(e[3])) for e in expected]


def test_model_fields_are_keyed_by_alias() -> None:
    _, units = daxing()
    model = pydantic_model(small(), units)
    assert model.model_fields[attribute(0)].alias == "id"
    assert model.__name__ == "site"


def test_json_schema_of_a_small_record() -> None:
    _, units = daxing()
    schema = json_schema(small(), units)
    assert schema["$schema"] == JSON_SCHEMA_DIALECT
    assert (schema["title"], schema["type"], schema["additionalProperties"]) == (
        "场地", "object", False)
    assert schema["required"] == ["id", "ok"]
    properties = schema["properties"]
    assert list(properties) == ["id", "area", "share", "ok", "year", "grade", "json",
                                "model_config"]
    assert properties["id"] == {"type": "string", "title": "id", "description": "编号"}
    assert properties["area"]["default"] == 2.5
    assert properties["area"]["x-unit"] == "ha"
    assert [o.get("type") for o in properties["area"]["anyOf"]] == ["number", "string", "null"]
    assert properties["grade"]["anyOf"][0] == {"enum": ["低", "中", "高"]}
    assert properties["grade"]["x-scale"] == "等级"
    assert properties["ok"]["description"] == "是否合规"
    assert properties["year"]["anyOf"][0] == {"type": "integer", "minimum": 1000,
                                              "maximum": 9999}


def test_json_schema_of_the_daxing_project() -> None:
    import re

    schema, units = daxing()
    exported = json_schema(schema, units)
    properties = exported["properties"]
    assert exported["required"] == ["id", "occupies_permanent_basic_farmland",
                                    "in_ecological_red_line"]
    assert properties["land_area"]["description"] == "用地面积"
    assert properties["land_area"]["x-unit"] == "km²"
    assert properties["new_construction_land"]["default"] is None  # none: schema.rules says why
    assert "临空经济区" in properties["zone"]["anyOf"][0]["enum"]
    assert properties["vehicle_emission_standard"]["anyOf"][0]["enum"][-1] == "国六b"
    pattern = re.compile(properties["land_area"]["anyOf"][1]["pattern"])
    assert all(pattern.match(text) for text in ["12 ha", "300 亩", "0.2 km2", "1,200 m²", "12"])
    words = re.compile(properties["sponge_city_measures"]["anyOf"][2]["pattern"])
    assert all(words.match(w) for w in ["true", "TRUE", "No", "是", "0"])
    assert not words.match("maybe")
