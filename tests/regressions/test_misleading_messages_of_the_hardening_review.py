"""Messages that misled (issue 15, defect 15): `1e400 ha` was "an area, but `land_area` is
an area"; `1e999999999 ha` hung `check` (a billion-digit Fraction); a NUL byte in YAML was
"invalid YAML" with no line; a refused value (`.nan`, a lone surrogate) was also reported
as a required field that is missing; a lone surrogate in JSON had no position.  FIFOs,
devices and symlink loops are in test_small_coercions_and_crashes_of_the_hardening_review."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.cli.main import main
from checker.types.numbers import HugeNumber, exact_number

GOOD = "id: P-1\noccupies_permanent_basic_farmland: false\nin_ecological_red_line: false\n"


@pytest.mark.parametrize(("name", "text", "words"), [
    ("p.yaml", GOOD + "land_area: 1e400 ha\n", "`1e400 ha` in `land_area` is beyond the size"),
    ("p.yaml", GOOD + "land_area: 1e999999999 ha\n", "`1e999999999 ha` in `land_area` is beyond"),
    ("p.yaml", GOOD + "land_area: 1e-999999999 ha\n", "is beyond the size of any figure"),
    ("d.csv", "indicator,region,year,value,unit\nurban_rural_construction_land,大兴区,2020,"
              "1e999999999,km²\n", "`1e999999999` in `value` is beyond the size"),
    ("d.csv", "indicator,region,year,value,unit\nurban_rural_construction_land,大兴区,2020,"
              "1e999999999以上,km²\n", "[D320]")])
def test_huge_numbers_are_named_as_such_and_quickly(tmp_path: Path, name: str, text: str,
                                                    words: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["check", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert words in err and "is an area, but" not in err


def test_a_forbidden_character_in_yaml_is_placed(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.yaml").write_bytes(b"id: P-1\nname: a\x00b\n")
    assert main(["check", str(tmp_path / "p.yaml")]) == 2
    err = capsys.readouterr().err
    assert "the character `\\x00` is not allowed in YAML" in err and "p.yaml:2:8" in err


@pytest.mark.parametrize(("name", "text", "code", "at"), [
    ("p.yaml", GOOD.replace("false\nin_eco", ".nan\nin_eco"), "D320", "p.yaml:2:36"),
    ("p.json", '{"id": "\\ud800", "occupies_permanent_basic_farmland": false, '
               '"in_ecological_red_line": false}', "D326", "p.json:1:9"),
    ("p.json", '[{"id": "A", "name": "ok\\ud83d\\ude00", "occupies_permanent_basic_farmland": '
               'false, "in_ecological_red_line": false, "town": "\\udfff"}]', "D326",
     "p.json:1:126")])
def test_a_refused_value_is_one_diagnostic_at_its_place(
        tmp_path: Path, name: str, text: str, code: str, at: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["check", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert f"[{code}]" in err and at in err
    assert "[D312]" not in err and err.count("error[") == 1


@pytest.mark.parametrize(("text", "value"), [("12.5", 12.5), ("1,300", 1300), ("3e2", 300),
                                             ("1e100", 1e100), ("0e999999", 0),
                                             ("1.3762156389791102e-109", 1.3762156389791102e-109),
                                             ("5e-324", 5e-324)])
def test_the_number_parser_reads_figures_exactly(text: str, value: float) -> None:
    assert float(exact_number(text)) == value


@pytest.mark.parametrize("text", ["1e101", "1e-401", "1e999999999", "1e-999999999"])
def test_the_number_parser_refuses_sizes_before_building_them(text: str) -> None:
    with pytest.raises(HugeNumber):
        exact_number(text)
