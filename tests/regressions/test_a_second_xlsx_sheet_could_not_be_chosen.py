"""Data on a workbook's second sheet could only be named in a D315 warning, never read
(issue 15, defect 11).  Now `check --sheet NAME` reads that sheet of every workbook; the
sheets left unread are still named, and a name the workbook lacks is D317 with did-you-mean."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from checker.cli.main import main

HEADER = ["indicator", "region", "year", "value", "unit"]


def workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "2022"
    first.append(HEADER)
    first.append(["gdp_growth", "大兴区", 2022, 6, "%"])
    second = book.create_sheet("2023年")
    second.append(HEADER)
    second.append(["gdp_growth", "大兴区", 2023, 5, "%"])
    second.append(["gdp_growth", "大兴区", 2024, 4, "%"])
    book.save(path)
    return path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_the_named_sheet_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = workbook(tmp_path / "two.xlsx")
    code, out = run(["check", str(path), "--sheet", "2023年", "--format", "json"], capsys)
    assert code in (0, 1)
    result = json.loads(out)
    assert [i["rows"] for i in result["inputs"]] == [2]
    assert any("[D315]" in n and "only sheet `2023年`" in n and "`2022` (2 rows)" in n
               for n in result["notes"])


def test_without_the_option_the_first_sheet_is_read(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = workbook(tmp_path / "two.xlsx")
    code, out = run(["check", str(path), "--format", "json"], capsys)
    assert code in (0, 1)
    result = json.loads(out)
    assert [i["rows"] for i in result["inputs"]] == [1]
    assert any("only the first sheet" in n and "`2023年` (3 rows)" in n for n in result["notes"])


def test_an_unknown_sheet_is_d317_with_did_you_mean(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = workbook(tmp_path / "two.xlsx")
    code, out = run(["check", str(path), "--sheet", "2023"], capsys)
    assert code == 2
    assert "error[D317]: `" in out and "` has no sheet `2023`" in out
    assert "help: did you mean `2023年`? its sheets: `2022`, `2023年`" in out
    assert "Traceback" not in out
