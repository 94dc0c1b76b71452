"""Notes were not capped (issue 15, defect 13): one per region no rule checks and one per
indicator outside the catalogue, so 10⁶ plan-data rows gave a 151 MB report.  Now at most
`NOTES_OF_A_KIND` notes of one kind are named, in the result's order, then one counts the rest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli.main import main
from checker.pipeline import NOTES_OF_A_KIND

COUNT = 300


def many(path: Path) -> Path:
    lines = ["indicator,region,year,value,unit"]
    lines += [f"gdp_growth,Region-{i:04},2022,6,%" for i in range(COUNT)]
    lines += [f"made_up_{i:04},大兴区,2022,1," for i in range(COUNT)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def notes(path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["check", str(path), "--format", "json"]) in (0, 1)
    found: list[str] = json.loads(capsys.readouterr().out)["notes"]
    return found


def test_notes_of_one_kind_are_capped_and_counted(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    found = notes(many(tmp_path / "d.csv"), capsys)
    regions = [n for n in found if n.startswith("plan data for `Region-")]
    outside = [n for n in found if n.startswith("not in the catalogue: ")]
    assert len(regions) == len(outside) == NOTES_OF_A_KIND
    assert regions[0].startswith("plan data for `Region-0000`")
    assert outside[-1] == f"not in the catalogue: 1 row of `made_up_{NOTES_OF_A_KIND - 1:04}`"
    rest = COUNT - NOTES_OF_A_KIND
    assert f"and {rest:,} more notes like: not in the catalogue: N row of `…`" in found
    assert any(n.startswith(f"and {rest:,} more notes like: plan data for `…` is not checked")
               for n in found)
    assert len(found) < 3 * NOTES_OF_A_KIND


def test_the_capped_notes_are_the_same_every_run(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = many(tmp_path / "d.csv")
    assert notes(path, capsys) == notes(path, capsys)
