"""`plancheck analyze` and `plancheck lint` end to end: what a user runs, and exit codes.

0 when clean, 1 when something is found (analyze) or a lint error is (lint), 2 on bad
input; `--format json` gives a document a program can read.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PLAN_TEXT = "第一章\n  城乡建设用地规模控制在319平方公里以内。\n"
SUITE = """\
plan t {
  title "test plan"
  period 2021..2025
  region 大兴区
  source "plan.txt"
}
indicator land {
  unit km2
  kind binding
}
rule LAND-01 {
  cite "第一章" line 2: "城乡建设用地规模控制在319平方公里以内"
  kind binding because "约束性指标"
  require land <= 319 km2
}
test "land" {
  expect LAND-01 pass
}
"""
CONFLICT = """\
rule LAND-02 {
  cite "第一章" line 2: "城乡建设用地规模控制在319平方公里以内"
  require land >= 320 km2 by 2025
}
"""


def plancheck(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def suite(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "suite"
    folder.mkdir()
    (folder / "plan.txt").write_text(PLAN_TEXT, encoding="utf-8")
    (folder / "suite.rules").write_text(text, encoding="utf-8")
    return folder


def test_analyze_a_clean_suite_exits_0(tmp_path: Path) -> None:
    done = plancheck("analyze", str(suite(tmp_path, SUITE)), cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (
        0, "no findings: 1 rule is consistent\n", "")


def test_analyze_finds_a_contradiction_and_exits_1(tmp_path: Path) -> None:
    done = plancheck("analyze", str(suite(tmp_path, SUITE + CONFLICT)), cwd=tmp_path)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0] == "error[A501]: rules `LAND-01` and `LAND-02` contradict each other"
    assert lines[1] == " --> suite/suite.rules:14:11"
    assert "  = witness: in 大兴区, 2025: land in 大兴区 (2025) would have to be >= 320 km² " \
           "(`LAND-02`) and <= 319 km² (`LAND-01`)" in lines
    assert lines[-1] == "1 finding (1 error, 0 warnings) in 2 rules"


def test_analyze_json(tmp_path: Path) -> None:
    done = plancheck("analyze", "--format", "json", str(suite(tmp_path, SUITE + CONFLICT)),
                     cwd=tmp_path)
    assert done.returncode == 1
    document = json.loads(done.stdout)
    assert document["summary"] == {"rules": 2, "findings": 1, "errors": 1, "warnings": 0}
    (finding,) = document["findings"]
    assert (finding["code"], finding["kind"]) == ("A501", "contradiction")
    assert [(r["rule"], r["line"]) for r in finding["rules"]] == [("LAND-01", 14),
                                                                  ("LAND-02", 21)]


def test_analyze_bad_input_exits_2(tmp_path: Path) -> None:
    done = plancheck("analyze", str(suite(tmp_path, SUITE + "rule X {\n  require nope <= 1\n}\n")),
                     cwd=tmp_path)
    assert done.returncode == 2
    assert "error[T204]: unknown name `nope`" in done.stderr
    missing = plancheck("analyze", "no/such/folder", cwd=tmp_path)
    assert missing.returncode == 2


def test_analyze_the_bundled_suite_runs(tmp_path: Path) -> None:
    done = plancheck("analyze", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    assert done.stderr == ""


def test_lint_a_clean_suite_exits_0(tmp_path: Path) -> None:
    done = plancheck("lint", str(suite(tmp_path, SUITE)), cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, "no lint findings in 1 rule\n")


def test_lint_errors_exit_1_and_warnings_alone_exit_0(tmp_path: Path) -> None:
    uncited = SUITE.replace('  cite "第一章" line 2: "城乡建设用地规模控制在319平方公里以内"\n', "")
    done = plancheck("lint", str(suite(tmp_path, uncited)), cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.startswith("error[L601]: rule `LAND-01` cites no sentence of the plan\n")
    untested = SUITE.replace("  expect LAND-01 pass\n", "")
    (tmp_path / "second").mkdir()
    done = plancheck("lint", str(suite(tmp_path / "second", untested)), cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.startswith("warning[L608]: no test expects rule `LAND-01`\n")


def test_lint_reports_duplicate_ids_and_exits_2(tmp_path: Path) -> None:
    done = plancheck("lint", str(suite(tmp_path, SUITE + SUITE.split("}\n", 2)[2])),
                     cwd=tmp_path)
    assert done.returncode == 2
    assert "error[L609]: rule `LAND-01` is declared twice" in done.stderr
    assert "T215" not in done.stderr
