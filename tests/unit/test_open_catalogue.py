"""An open catalogue without losing typo safety (issue 10 item 6): an unknown indicator
id within two edits of a known one is D340 with did-you-mean; any other is counted and
named in the notes; `--strict` makes every unknown id D340."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli.main import main
from checker.diagnostics import edits_at_most

DATA = ("indicator,region,year,value,unit\n"
        "gdp_growth,大兴区,2022,6,%\n"
        "domestic_waste_recycling_rate,大兴区,2022,38,%\n"
        "domestic_waste_recycling_rate,大兴区,2023,39,%\n"
        "国际消费中心城市,大兴区,2023,1,\n")


def _write(folder: Path, text: str = DATA) -> str:
    (folder / "d.csv").write_text(text, encoding="utf-8")
    return str(folder / "d.csv")


def test_unknown_ids_are_counted_and_named(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", _write(tmp_path), "--format", "json"]) in (0, 1)
    result = json.loads(capsys.readouterr().out)
    assert "not in the catalogue: 2 rows of `domestic_waste_recycling_rate`" in result["notes"]
    assert "not in the catalogue: 1 row of `国际消费中心城市`" in result["notes"]
    assert result["inputs"][0]["rows"] == 1  # the catalogued row; the others are in the notes


def test_the_text_report_names_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", _write(tmp_path), "--lang", "en"])
    assert "not in the catalogue: 2 rows of `domestic_waste_recycling_rate`" in (
        capsys.readouterr().out)


def test_a_typo_is_still_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", _write(tmp_path, DATA + "gdp_grwoth,大兴区,2023,6,%\n")]) == 2
    err = capsys.readouterr().err
    assert err.count("[D340]") == 1 and "did you mean `gdp_growth`?" in err


def test_strict_refuses_every_unknown_id(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", _write(tmp_path), "--strict"]) == 2
    assert capsys.readouterr().err.count("[D340]") == 3


@pytest.mark.parametrize(("a", "b", "close"), [("gdp_grwoth", "gdp_growth", True),
                                               ("gdp_growt", "gdp_growth", True),
                                               ("pm25", "pm10", True),
                                               ("domestic_waste_recycling_rate",
                                                "waste_harmless_treatment_rate", False),
                                               ("gdp", "gdp_growth", False)])
def test_two_edits(a: str, b: str, close: bool) -> None:
    assert edits_at_most(a, b, 2) is close
