"""A number of more than 4,300 digits crashed (Python's int-to-string limit): in a
rule file (`ValueError` in build), a JSON proposal (in `json.loads`) and a plan-data
CSV (`AssertionError` in the value check).  Numbers are now limited to 100
characters where they are read, each stage with its diagnostic."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.cli.main import main
from tests.helpers import BUNDLED

HUGE = "9" * 4400


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().err


def _suite_with(folder: Path, requirement: str) -> str:
    """The bundled suite and one more rule requiring `requirement`."""
    suite = folder / "suite"
    shutil.copytree(BUNDLED, suite)
    (suite / "x.rules").write_text('rule X-1 "x" {\n  kind binding because "x"\n  require '
                                   f"urban_rural_construction_land {requirement}\n}}\n",
                                   encoding="utf-8")
    return str(suite)


def test_in_a_rule_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    suite = _suite_with(tmp_path, f"<= {HUGE} km2 each year in 2021..2025")
    code, err = _run(capsys, "suite", "--rules", suite, "--no-cache")
    assert code == 2 and "[P118]" in err and "x.rules:3:" in err


@pytest.mark.parametrize("number", [HUGE, "1" + "0" * 120, "1" + "0" * 400])
def test_in_a_json_proposal(tmp_path: Path, number: str,
                            capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.json").write_text('{"id": "A", "new_operating_vehicles": ' + number + "}",
                                     encoding="utf-8")
    code, err = _run(capsys, "check", str(tmp_path / "p.json"))
    assert code == 2 and "[D320]" in err and "Traceback" not in err


@pytest.mark.parametrize("name", ["p.yaml", "q.yaml"])
def test_in_a_yaml_proposal(tmp_path: Path, name: str,
                            capsys: pytest.CaptureFixture[str]) -> None:
    value = HUGE if name == "p.yaml" else HUGE + " ha"
    (tmp_path / name).write_text(f"id: A\nland_area: {value}\n", encoding="utf-8")
    code, err = _run(capsys, "check", str(tmp_path / name))
    assert code == 2 and "too long" in err


def test_in_plan_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "d.csv").write_text(
        f"indicator,region,year,value,unit\ngdp_growth,大兴区,2022,{HUGE},%\n", encoding="utf-8")
    code, err = _run(capsys, "check", str(tmp_path / "d.csv"))
    assert code == 2 and "[D320]" in err and "d.csv:2:" in err and "too long" in err


def test_a_year_or_line_number_that_long(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    suite = _suite_with(tmp_path, f"<= 319 km2 by {HUGE}")
    code, err = _run(capsys, "suite", "--rules", suite, "--no-cache")
    assert code == 2 and "[P110]" in err and len(err) < 2000
