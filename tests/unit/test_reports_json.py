"""The canonical JSON result: its committed JSON Schema, validation, determinism.

`docs/result.schema.json` is generated from `checker.result.json_schema()`; when the model
changes, regenerate it with

    .venv/bin/python -c "from checker.result import json_schema; print(json_schema(), end='')" \\
        > docs/result.schema.json

Determinism: the bundled suite evaluates the same proposals and plan-data rows in many
row orders (each row keeps where it came from) and the JSON must be byte-identical.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from checker import result as r
from checker.result import SCHEMA_VERSION, Result, json_schema
from reports import render

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "docs" / "result.schema.json"
GOLDEN = ROOT / "tests" / "golden" / "reports" / "result.json"

PROPOSALS = """\
- {id: P-001, name: 航空物流园, zone: 临空经济区, industry: 航空物流,
   occupies_permanent_basic_farmland: false, in_ecological_red_line: false,
   new_construction_land: 12 ha, new_operating_vehicles: 10, new_energy_vehicle_share: 70%,
   vehicle_emission_standard: 国六b}
- {id: "<script>alert(1)</script>", zone: 临空经济区, industry: 一般制造业,
   occupies_permanent_basic_farmland: true, in_ecological_red_line: false,
   in_strategic_reserve: true}
- {id: P-003, zone: 其他, occupies_permanent_basic_farmland: false,
   in_ecological_red_line: true, new_construction_land: 300 亩}
- {id: P-004, zone: 大兴新城, industry: 居住, occupies_permanent_basic_farmland: false,
   in_ecological_red_line: false, in_strategic_reserve: true,
   strategic_reserve_approval: 京规2023-1, sponge_city_measures: false}
- {id: P-005, zone: 京南物流基地, industry: 物流仓储,
   occupies_permanent_basic_farmland: false, in_ecological_red_line: false,
   new_operating_vehicles: 4, new_energy_vehicle_share: 100%}
"""

PLAN_DATA = """\
indicator,region,year,value,unit,kind
urban_rural_construction_land,大兴区,2020,318.5,km2,actual
urban_rural_construction_land,大兴区,2021,318.0,km2,actual
urban_rural_construction_land,大兴区,2022,320.0,km2,actual
urban_rural_construction_land,大兴区,2023,31930,ha,actual
urban_rural_construction_land,大兴区,2024,318.0,km2,target
bus_stop_500m_coverage,大兴区,2020,80,%,actual
bus_stop_500m_coverage,大兴区,2022,84,%,actual
pm25_annual_mean,大兴区,2020,37,μg/m³,actual
pm25_annual_mean,大兴区,2021,35,μg/m³,actual
pm25_annual_mean,大兴区,2022,36,μg/m³,actual
new_waste_transfer_stations,大兴区,2021,3,count,actual
new_waste_transfer_stations,大兴区,2022,4,count,actual
"""


def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return loaded


def test_committed_schema_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema(), (
        "docs/result.schema.json is stale: regenerate it from checker.result.json_schema()")


def test_schema_names_its_version() -> None:
    assert schema()["properties"]["schema_version"]["const"] == SCHEMA_VERSION


def test_golden_result_is_valid_against_the_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.validate(json.loads(GOLDEN.read_text(encoding="utf-8")), schema(),
                        cls=jsonschema.Draft202012Validator)


def test_schema_rejects_an_unknown_outcome() -> None:
    data = json.loads(GOLDEN.read_text(encoding="utf-8"))
    data["outcomes"][0]["outcome"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema(), cls=jsonschema.Draft202012Validator)


def test_json_round_trips_byte_for_byte() -> None:
    text = GOLDEN.read_text(encoding="utf-8")
    assert Result.from_json(text).to_json() == text
    assert render(Result.from_json(text), "json") == text


def test_json_is_canonical() -> None:
    text = GOLDEN.read_text(encoding="utf-8")
    data = json.loads(text)
    assert text == json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert "<script>alert(1)</script>" in text  # UTF-8 and raw: escaping is the writers' job


# ------------------------------------------------------------------ row order


class Shuffled:
    """A loaded batch or plan-data table in another row order; rows keep their origin."""

    def __init__(self, loaded: Any, order: Sequence[int]) -> None:
        self.frame = loaded.frame.iloc[list(order)].reset_index(drop=True)
        self.table = self.frame  # what the engine reads of a record batch
        self._origins = [loaded.origin(i) for i in order]
        if hasattr(loaded, "ids"):
            self.ids = [loaded.ids[i] for i in order]

    def origin(self, index: int) -> r.Location:
        return self._origins[index]


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any, Any]:
    load = pytest.importorskip("checker.data.load")
    from checker.syntax.suite import load_suite
    from checker.types.typecheck import typecheck

    folder = tmp_path_factory.mktemp("rows")
    (folder / "proposals.yaml").write_text(PROPOSALS, encoding="utf-8")
    (folder / "plan-data.csv").write_text(PLAN_DATA, encoding="utf-8")
    loaded = load_suite()
    checked = typecheck(loaded.suite)
    schema = next(iter(checked.schemas.values()))
    batch = load.load_records([folder / "proposals.yaml"], schema, checked.units)
    data = load.load_plan_data([folder / "plan-data.csv"], checked.indicators, checked.units)
    return checked, batch, data


def _evaluate(pipeline: tuple[Any, Any, Any], seed: int | None) -> str:
    from checker.engine.evaluate import evaluate

    checked, batch, data = pipeline
    records, rows = list(range(len(batch.frame))), list(range(len(data.frame)))
    if seed is not None:
        random.Random(seed).shuffle(records)
        random.Random(seed + 1000).shuffle(rows)
    name = next(iter(checked.schemas))
    result = evaluate(checked, {name: Shuffled(batch, records)}, Shuffled(data, rows),
                      as_of=2023, fail_on="error")
    return result.to_json()


def test_row_order_never_changes_the_json(pipeline: tuple[Any, Any, Any]) -> None:
    reference = _evaluate(pipeline, None)
    assert '"outcome": "fail"' in reference  # the data exercise failures, not only passes
    for seed in range(8):
        assert _evaluate(pipeline, seed) == reference, f"row order {seed} changed the JSON"


def test_evaluated_result_is_valid_against_the_schema(pipeline: tuple[Any, Any, Any]) -> None:
    data = json.loads(_evaluate(pipeline, 1))
    jsonschema.validate(data, schema(), cls=jsonschema.Draft202012Validator)
    assert data["schema_version"] == SCHEMA_VERSION
