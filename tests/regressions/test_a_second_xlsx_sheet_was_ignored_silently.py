"""Data on a workbook's second sheet was ignored without a word (1 row read, no note);
load warnings such as D342 never reached a report either.  Now each unread sheet with
data is named in a D315 warning, and load warnings are the result's first notes."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from checker.cli.main import main

HEADER = ["indicator", "region", "year", "value", "unit"]


def test_unread_sheets_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.append(HEADER)
    first.append(["gdp_growth", "大兴区", 2022, 6, "%"])
    second = book.create_sheet("2023")
    second.append(HEADER)
    second.append(["gdp_growth", "大兴区", 2023, 5, "%"])
    book.create_sheet("empty")
    book.save(tmp_path / "two.xlsx")
    assert main(["check", str(tmp_path / "two.xlsx"), "--format", "json"]) in (0, 1)
    notes = json.loads(capsys.readouterr().out)["notes"]
    assert any("[D315]" in n and "`2023` (2 rows)" in n and "empty" not in n for n in notes)


def test_a_row_given_twice_is_said_in_the_notes(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "d.csv").write_text("indicator,region,year,value,unit\n"
                                    "gdp_growth,大兴区,2022,6,%\ngdp_growth,大兴区,2022,6,%\n",
                                    encoding="utf-8")
    assert main(["check", str(tmp_path / "d.csv"), "--format", "json"]) in (0, 1)
    notes = json.loads(capsys.readouterr().out)["notes"]
    assert any("[D342]" in n and "d.csv:3" in n for n in notes)
