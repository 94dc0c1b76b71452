"""`new_construction_land: -500 ha` turned a batch that breaks the binding 319 km² cap
(LAND-02) into a pass, and shares of 150 % or -5 %, -12 ha of land were accepted.
Fields now declare a `range` (the bundled schema: areas, counts, money >= 0, shares
0%..100%), and a value outside it is D327 wherever it is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.cli.main import main
from checker.diagnostics import DiagnosticError
from tests.helpers import ROOT, checked_from

GOOD = (ROOT / "examples" / "proposals" / "airport-logistics.yaml").read_text(encoding="utf-8")


def _with(field: str, value: str) -> str:
    kept = [line for line in GOOD.splitlines() if not line.startswith(f"{field}:")]
    return "\n".join([*kept, f"{field}: {value}", ""])


@pytest.mark.parametrize(("field", "value"), [
    ("new_construction_land", "-500 ha"), ("land_area", "-12 ha"),
    ("new_energy_vehicle_share", "150%"), ("new_energy_vehicle_share", "-5%"),
    ("new_operating_vehicles", "-3"), ("investment", "-1 亿元")])
def test_out_of_range_values_are_d327(tmp_path: Path, field: str, value: str,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.yaml").write_text(_with(field, value), encoding="utf-8")
    assert main(["check", str(tmp_path / "p.yaml")]) == 2
    err = capsys.readouterr().err
    assert "[D327]" in err and f"`{value}` in `{field}`" in err


def test_ends_are_included(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(_with("new_energy_vehicle_share", "100%"),
                                     encoding="utf-8")
    assert main(["check", str(tmp_path / "p.yaml"), "-o", "/dev/null"]) == 0


def test_a_negative_row_cannot_hide_a_broken_cap_in_a_csv_batch(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fields = [line.split(": ", 1) for line in GOOD.splitlines()
              if line and not line.startswith("#")]
    header = ",".join(k for k, _ in fields)
    row = dict(fields)
    big = {**row, "id": "BIG", "new_construction_land": "200 ha"}
    negative = {**row, "id": "NEG", "new_construction_land": "-500 ha"}
    lines = [header, *(",".join(r.values()) for r in (big, negative))]
    (tmp_path / "b.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "b.csv")]) == 2
    err = capsys.readouterr().err
    assert "[D327]" in err and "b.csv:3:" in err


@pytest.mark.parametrize(("declaration", "words"), [
    ("name: text range >= 0 km2", "only numbers have a `range`"),
    ("area: km2 range 5 km2..1 km2", "runs backwards"),
    ("area: km2 default 0 km2 range >= 1 km2", "default of `area` is outside"),
])
def test_ranges_are_checked_in_the_schema(declaration: str, words: str) -> None:
    with pytest.raises(DiagnosticError) as raised:
        checked_from(f"record project {{\n  id: text required\n  {declaration}\n}}\n")
    assert any(d.code == "T237" and words in d.message for d in raised.value.diagnostics)


def test_plan_data_outside_an_indicators_range_is_d327(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """134 % bus-stop coverage, -5000 t of landfilled waste and a negative area made
    TRAF-03, WASTE-03 and LAND-05 pass; a negative growth rate is a real figure."""
    (tmp_path / "d.csv").write_text(
        "indicator,region,year,value,unit\n"
        "bus_stop_500m_coverage,大兴区,2022,134,%\n"
        "raw_waste_landfilled,大兴区,2022,-5000,t\n"
        "planned_construction_land_in_farmland_space,大兴区,2022,-1,km2\n"
        "gdp_growth,大兴区,2022,-2.5,%\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "d.csv")]) == 2
    err = capsys.readouterr().err
    assert err.count("[D327]") == 3 and "d.csv:5:" not in err
    assert "`134 %` in `bus_stop_500m_coverage` is outside its range (0%..100%)" in err


def test_an_indicators_range_is_checked_like_a_fields() -> None:
    with pytest.raises(DiagnosticError) as raised:
        checked_from("indicator x {\n  unit km2\n  range 5 km2..1 km2\n}\n")
    assert any(d.code == "T237" for d in raised.value.diagnostics)


@pytest.mark.parametrize("value", ["2.5", "0.5", "1e0"])
def test_a_count_is_a_whole_number(tmp_path: Path, value: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.yaml").write_text(_with("new_operating_vehicles", value), encoding="utf-8")
    code = main(["check", str(tmp_path / "p.yaml"), "-o", "/dev/null"])
    assert code == (0 if value == "1e0" else 2)
    if code == 2:
        assert "[D328]" in capsys.readouterr().err


def test_a_count_indicator_is_whole_in_plan_data(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "d.csv").write_text("indicator,region,year,value,unit\n"
                                    "new_waste_transfer_stations,大兴区,2022,13.5,\n",
                                    encoding="utf-8")
    assert main(["check", str(tmp_path / "d.csv")]) == 2
    assert "[D328]" in capsys.readouterr().err
