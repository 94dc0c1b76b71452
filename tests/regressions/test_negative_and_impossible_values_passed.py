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
