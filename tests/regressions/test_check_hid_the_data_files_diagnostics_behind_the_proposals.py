"""`plancheck check bad-proposal.yaml bad-data.csv` reported only the proposal's
diagnostics: the pipeline loaded records and plan data one after the other and
stopped at the first kind of file that failed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import checker
from checker.diagnostics import DiagnosticError

PROPOSAL = "id: P-1\nland_area: 12 hectares?\n"
DATA = "indicator,region,year,value,unit\npm25_anual_mean,大兴区,2022,31,μg/m³\n"


def _write(folder: Path) -> list[Path]:
    (folder / "bad-proposal.yaml").write_text(PROPOSAL, encoding="utf-8")
    (folder / "bad-data.csv").write_text(DATA, encoding="utf-8")
    return [folder / "bad-proposal.yaml", folder / "bad-data.csv"]


def test_both_files_diagnostics_are_raised_at_once(tmp_path: Path) -> None:
    with pytest.raises(DiagnosticError) as raised:
        checker.check(_write(tmp_path))
    files = {Path(d.span.file).name for d in raised.value.diagnostics}
    assert files == {"bad-proposal.yaml", "bad-data.csv"}
    assert {"D321", "D340"} <= {d.code for d in raised.value.diagnostics}


def test_the_cli_prints_both_and_exits_2(tmp_path: Path) -> None:
    _write(tmp_path)
    done = subprocess.run([sys.executable, "-m", "checker", "check", "bad-proposal.yaml",
                           "bad-data.csv"], cwd=tmp_path, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 2
    assert "bad-proposal.yaml:2:12" in done.stderr and "bad-data.csv:2:1" in done.stderr
    assert "did you mean `pm25_annual_mean`?" in done.stderr
