"""`analyze` on 30 nested `growth()` calls ran past two minutes: each `growth` read its
operand at two years and nothing was shared, so 30 levels were 2³⁰ terms before z3
saw any.  Now a series function is built once per year, an expression nested past
the analyzer's limit is left out with an A530 finding (never a silent "consistent"),
and every other deep expression ends as quickly.  Run as a whole process, so a
hang fails the test instead of stalling the suite."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.regressions.adversarial.corpus import RULES_HEADER as HEADER

ROOT = Path(__file__).resolve().parents[2]


def nested(function: str, inner: str, levels: int) -> str:
    for _ in range(levels):
        inner = f"{function}({inner})"
    return inner


def analyze(tmp_path: Path, rules: str) -> tuple[int, dict[str, object], float]:
    path = tmp_path / "deep.rules"
    path.write_text(HEADER + rules, encoding="utf-8")
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-m", "checker", "analyze", str(path),
                               "--format", "json"], cwd=ROOT, capture_output=True,
                              text=True, timeout=90)
    except subprocess.TimeoutExpired:
        pytest.fail("analyze ran past 90 s")
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, json.loads(done.stdout), time.monotonic() - started


def test_thirty_nested_growth_calls_end_quickly_with_a530(tmp_path: Path) -> None:
    deep = nested("growth", "gdp", 30)
    code, document, seconds = analyze(
        tmp_path, f"rule G {{\n  require {deep} >= 5 %\n}}\n"
                  f"rule H {{\n  require {deep} <= 3 %\n}}\n")
    assert seconds < 30
    assert code == 1  # not "consistent": the rules were not analyzed
    findings = document["findings"]
    assert isinstance(findings, list)
    assert sorted((f["code"], f["rules"][0]["rule"]) for f in findings) == [
        ("A530", "G"), ("A530", "H")]
    assert all(f["kind"] == "incomplete" for f in findings)
    assert document["summary"] == {"rules": 2, "findings": 2, "errors": 0, "warnings": 2}


@pytest.mark.parametrize("deep", [
    nested("abs", "land", 60),
    nested("prev", "gdp", 40),
    "(" * 40 + "land" + " * 2 + 1 km2)" * 40,
], ids=["abs", "prev", "arith"])
def test_other_deep_expressions_end_quickly(tmp_path: Path, deep: str) -> None:
    each = "  for each project\n" if "land" in deep else ""
    unit = "km2" if "land" in deep else "%"
    code, document, seconds = analyze(
        tmp_path, f"rule D {{\n{each}  require {deep} <= 5 {unit}\n}}\n")
    assert seconds < 30
    assert code == 1
    findings = document["findings"]
    assert isinstance(findings, list)
    assert [f["code"] for f in findings] == ["A530"]


@pytest.mark.parametrize(("flags", "incomplete"), [
    ((), False), (("--max-depth", "2"), True), (("--max-depth", "100"), False)])
def test_the_depth_bound_is_an_option(tmp_path: Path, flags: tuple[str, ...],
                                      incomplete: bool) -> None:
    """`--max-depth` sets the nesting the analysis reads (the limits were constants)."""
    from checker.cli.main import main

    path = tmp_path / "d.rules"
    path.write_text(HEADER + "rule D {\n  for each project\n  require "
                    + nested("abs", "land", 3) + " <= 5 km2\n}\n", encoding="utf-8")
    out = tmp_path / "r.json"
    code = main(["analyze", str(path), "--format", "json", "-o", str(out), *flags])
    codes = [f["code"] for f in json.loads(out.read_text(encoding="utf-8"))["findings"]]
    assert ("A530" in codes) is incomplete
    assert code == (1 if incomplete else 0)


@pytest.mark.parametrize(("flag", "value"), [("--max-depth", "0"), ("--max-depth", "x"),
                                             ("--query-timeout", "-5"),
                                             ("--time-limit", "٣")])
def test_bounds_out_of_range_are_usage_errors(flag: str, value: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from checker.cli.main import main

    assert main(["analyze", str(ROOT / "rules" / "daxing-14th"), flag, value]) == 2
    assert f"argument {flag}" in capsys.readouterr().err
