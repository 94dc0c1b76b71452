"""The public Python API: what `import checker` offers a script or notebook."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import checker
from checker.diagnostics import DiagnosticError

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_check_returns_the_canonical_result() -> None:
    result = checker.check([EXAMPLES / "proposals" / "fail-farmland-greenhouse.yaml"])
    assert isinstance(result, checker.Result)
    failed = {o.rule for o in result.outcomes if o.outcome == "fail"}
    assert "FARM-01" in failed
    assert result.summary.exit_code == 1


def test_bad_data_raises_diagnostics_not_tracebacks() -> None:
    with pytest.raises(DiagnosticError) as caught:
        checker.check([EXAMPLES / "proposals" / "malformed-value.yaml"])
    assert {d.code for d in caught.value.diagnostics} >= {"D310"}


def test_analyze_a_checked_suite() -> None:
    checked = checker.typecheck(checker.load_suite().suite)
    assert checker.analyze(checked) == []


def test_a_folder_given_as_data_is_read_for_its_data_files(tmp_path: Path) -> None:
    (tmp_path / "sub" / ".hidden").mkdir(parents=True)
    shutil.copy(EXAMPLES / "proposals" / "airport-logistics.yaml", tmp_path)
    shutil.copy(EXAMPLES / "proposals" / "fail-airport-ground-fleet.yaml", tmp_path / "sub")
    shutil.copy(EXAMPLES / "proposals" / "malformed-value.yaml", tmp_path / "sub" / ".hidden")
    (tmp_path / "notes.txt").write_text("not data", encoding="utf-8")
    result = checker.check([tmp_path])
    assert result.to_json().count("fail-airport-ground-fleet.yaml") >= 1
    assert "malformed-value" not in result.to_json()


def test_a_folder_without_data_files_is_a_diagnostic(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not data", encoding="utf-8")
    with pytest.raises(DiagnosticError) as caught:
        checker.check([tmp_path])
    (problem,) = caught.value.diagnostics
    assert (problem.code, problem.message) == ("D301", f"no data files in the folder `{tmp_path}`")


@pytest.mark.parametrize(("inputs", "as_of", "expected"), [
    (["data/daxing-monitoring-2023.csv"], None,
     "as of 2023: the latest year with annual actual data; `--as-of YEAR` chooses another"),
    (["proposals/airport-logistics.yaml"], None,
     "as of 2025: the plan's last year (no annual actual data was given); `--as-of YEAR` "
     "chooses another"),
    (["data/daxing-monitoring-2023.csv"], 2022, None),  # chosen: nothing to explain
])
def test_the_result_says_how_its_year_was_chosen(inputs: list[str], as_of: int | None,
                                                 expected: str | None) -> None:
    result = checker.check([EXAMPLES / i for i in inputs], as_of=as_of)
    said = [n for n in result.notes if n.startswith("as of ")]
    assert said == ([expected] if expected else [])
