"""The rule language accepted what it should refuse, and refused what it should accept
(issue 15, defect 14): two `read` of one word in one rule (the second silently won), a
second base unit for a dimension, `319 km2 / 0` (found only at run time, as "a growth
rate from zero"); and a flat chain of 101 `and` terms was refused as "nested too
deeply".  Now P123, P124 and P125 when the file is read, and a chain is one level."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from checker.cli.main import main
from tests.helpers import BUNDLED

PROPOSAL = ("id: P-1\nland_area: 2 ha\nnew_construction_land: 1 ha\n"
            "occupies_permanent_basic_farmland: true\nin_ecological_red_line: false\n")


def _suite_with(folder: Path, text: str) -> str:
    """The bundled suite and one more file holding `text`."""
    suite = folder / "suite"
    shutil.copytree(BUNDLED, suite)
    (suite / "x.rules").write_text(text, encoding="utf-8")
    return str(suite)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _outcome(report: str, rule: str) -> str:
    (outcome,) = [o["outcome"] for o in json.loads(report)["outcomes"] if o["rule"] == rule]
    return str(outcome)


def test_two_readings_of_one_word(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    suite = _suite_with(tmp_path, 'rule X-1 {\n  for each project\n'
                        '  read 主要 = 80 % because "a"\n  read 主要 = 50 % because "b"\n'
                        '  require new_energy_vehicle_share >= 主要\n}\n')
    code, _, err = _run(capsys, "suite", "--rules", suite, "--no-cache")
    assert code == 2 and "error[P123]" in err and "x.rules:4:3" in err
    assert "line 3 reads it already" in err


def test_one_reading_each_of_two_words_is_fine(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    suite = _suite_with(tmp_path, 'rule X-1 {\n  for each project\n'
                        '  read 主要 = 80 % because "a"\n  read 大部分 = 50 % because "b"\n'
                        '  require new_energy_vehicle_share >= 主要\n}\n')
    code, _, err = _run(capsys, "suite", "--rules", suite, "--no-cache")
    assert code == 0, err


def test_a_second_base_unit_in_another_file(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    suite = _suite_with(tmp_path, 'unit sqkm of area alias "平方公里x"\n')
    code, _, err = _run(capsys, "suite", "--rules", suite, "--no-cache")
    assert code == 2 and "error[P124]" in err and "x.rules:1:1" in err
    assert "`m2` in the standard units" in err


def test_two_base_units_in_one_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    suite = _suite_with(tmp_path, "unit aa of newdim\nunit bb of newdim\n")
    code, _, err = _run(capsys, "suite", "--rules", suite, "--no-cache")
    assert code == 2 and err.count("error[P124]") == 1 and "x.rules:2:1" in err


def test_a_base_unit_of_a_new_dimension_is_fine(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    suite = _suite_with(tmp_path, "unit aa of newdim\nunit bb = 10 aa\n")
    code, _, err = _run(capsys, "suite", "--rules", suite, "--no-cache")
    assert code == 0, err


@pytest.mark.parametrize("divisor", ["0", "0 km2", "(2 - 2)", "-0", "(0 * land_area)",
                                     "(1 km2 - 1 km2)"])
def test_division_by_a_constant_zero(tmp_path: Path, divisor: str,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    suite = _suite_with(tmp_path, "rule X-1 {\n  for each project\n"
                        f"  require new_construction_land <= 319 km2 / {divisor}\n}}\n")
    (tmp_path / "p.yaml").write_text(PROPOSAL, encoding="utf-8")
    code, out, err = _run(capsys, "check", "--rules", suite, "--no-cache",
                          str(tmp_path / "p.yaml"))
    assert code == 2 and "error[P125]" in err and "x.rules:3:" in err
    assert "growth rate" not in err + out


@pytest.mark.parametrize("divisor", ["2", "(1 km2 - 100 ha)", "land_area"])
def test_a_divisor_decided_by_data_or_units_is_left_to_run_time(
        tmp_path: Path, divisor: str, capsys: pytest.CaptureFixture[str]) -> None:
    suite = _suite_with(tmp_path, "rule X-1 {\n  for each project\n"
                        f"  require new_construction_land / {divisor} <= 319\n}}\n")
    _, _, err = _run(capsys, "suite", "--rules", suite, "--no-cache")
    assert "P125" not in err


def test_a_flat_chain_of_101_and_terms(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    terms = " and ".join(["not occupies_permanent_basic_farmland"] * 100
                         + ["land_area <= 5 ha"])
    suite = _suite_with(tmp_path, f"rule X-1 {{\n  for each project\n  require {terms}\n}}\n")
    (tmp_path / "p.yaml").write_text(PROPOSAL, encoding="utf-8")
    code, out, err = _run(capsys, "check", "--rules", suite, "--no-cache", "--format", "json",
                          str(tmp_path / "p.yaml"))
    assert "P107" not in err and code == 1, err
    assert _outcome(out, "X-1") == "fail"  # the farmland term fails, as it should


@pytest.mark.parametrize("op", ["and", "or"])
def test_a_long_chain_stays_shallow(tmp_path: Path, op: str,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    terms = f" {op} ".join(f"land_area <= {i} ha" for i in range(1, 5001))
    suite = _suite_with(tmp_path, f"rule X-1 {{\n  for each project\n  require {terms}\n}}\n")
    (tmp_path / "p.yaml").write_text(PROPOSAL, encoding="utf-8")
    code, out, err = _run(capsys, "check", "--rules", suite, "--no-cache", "--format", "json",
                          str(tmp_path / "p.yaml"))
    assert code in (0, 1), err
    assert _outcome(out, "X-1") == ("pass" if op == "or" else "fail")
    code, _, err = _run(capsys, "fmt", "--check", str(Path(suite) / "x.rules"))
    assert "Traceback" not in err


def test_real_nesting_is_still_limited(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    nested = "land_area <= 1 ha"
    for index in range(101):  # and-inside-or-inside-and: each level a real one
        nested = f"(land_area <= {index} ha {'and' if index % 2 else 'or'} {nested})"
    suite = _suite_with(tmp_path, f"rule X-1 {{\n  for each project\n  require {nested}\n}}\n")
    code, _, err = _run(capsys, "suite", "--rules", suite, "--no-cache")
    assert code == 2 and "error[P107]" in err and "Traceback" not in err


def test_nesting_of_one_operator_in_parentheses_is_a_chain(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nested = "land_area <= 1 ha"
    for index in range(99):
        nested = f"(land_area <= {index + 2} ha or {nested})"
    suite = _suite_with(tmp_path, f"rule X-1 {{\n  for each project\n  require {nested}\n}}\n")
    code, _, err = _run(capsys, "suite", "--rules", suite, "--no-cache")
    assert code == 0, err
