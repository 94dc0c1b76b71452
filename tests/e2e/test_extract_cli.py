"""`plancheck extract` as a user runs it, in a fresh process: formats, the round trip into
`plancheck check`, the draft suite through `lint` and `test`, and bad input (exit 2, a
diagnostic, never a traceback)."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "extract"
PLAN = ROOT / "rules" / "daxing-14th" / "plan.txt"
REPORT_2024 = DATA / "reports" / "daxing-2024-execution-report.txt"
REPORT_2022 = DATA / "reports" / "daxing-2022-execution-report.txt"
TIMEOUT = 180


def plancheck(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "checker", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=TIMEOUT, check=False)


def test_json_lists_the_figures_of_a_real_report() -> None:
    done = plancheck("extract", REPORT_2024, "--format", "json")
    assert done.returncode == 0, done.stderr
    items = json.loads(done.stdout)["items"]
    growth = next(i for i in items if i["words"] == "5.2%")
    assert (growth["kind"], growth["op"], growth["value"], growth["unit"], growth["indicator"],
            growth["period"], growth["line"]) == ("actual", "increase", 5.2, "%", "gdp_growth",
                                                  "2024", 4)
    assert growth["quote"] == "地区生产总值增长5.2%"


def test_csv_goes_to_a_file(tmp_path: Path) -> None:
    done = plancheck("extract", PLAN, "--format", "csv", "-o", tmp_path / "plan.csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader((tmp_path / "plan.csv").open(encoding="utf-8")))
    land = next(r for r in rows if r["line"] == "315" and r["kind"] == "target")
    assert (land["op"], land["value"], land["unit"], land["indicator"]) == (
        "<=", "319", "km²", "urban_rural_construction_land")


def test_round_trip_into_check(tmp_path: Path) -> None:
    table = tmp_path / "d.csv"
    done = plancheck("extract", REPORT_2024, "--format", "data", "-o", table)
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith("wrote 4 rows")
    checked = plancheck("check", table, "--format", "json")
    assert checked.returncode in (0, 1), checked.stderr
    result = json.loads(checked.stdout)
    assert [(i["kind"], i["rows"]) for i in result["inputs"]] == [("plan_data", 4)]


def test_round_trip_keeps_bases_and_qualified_values(tmp_path: Path) -> None:
    from checker.cli.commands.extract import loader_reads
    from tests.extract_helpers import bundled

    options = loader_reads(bundled())
    if not (options.qualified and "basis" in options.columns):
        pytest.skip("this version's plan-data loader reads neither `95以上` nor a `basis` "
                    "column (the real-monitoring-data work adds them); enabled by itself then")
    table = tmp_path / "d.csv"
    assert plancheck("extract", REPORT_2022, "--format", "data", "-o", table).returncode == 0
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    assert ("gdp_growth", "3", "扣除疫苗") in [(r["indicator"], r["value"], r["basis"])
                                                 for r in rows]
    assert plancheck("check", table).returncode in (0, 1)


def test_a_draft_suite_passes_lint_but_for_l611_and_its_tests(tmp_path: Path) -> None:
    draft = tmp_path / "draft"
    done = plancheck("extract", PLAN, "--format", "rules", "-o", draft)
    assert done.returncode == 0, done.stderr
    assert "drafted" in done.stderr
    linted = plancheck("lint", draft)
    assert linted.returncode == 1
    codes = {line.split("]")[0] for line in linted.stdout.splitlines() if line.startswith(
        ("error[", "warning["))}
    assert codes == {"error[L611"}
    tested = plancheck("test", draft)
    assert tested.returncode == 0, tested.stdout + tested.stderr


def test_without_text_the_suite_plan_is_read(tmp_path: Path) -> None:
    done = plancheck("extract", "--rules", ROOT / "rules" / "daxing-14th", "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert ",315," in done.stdout


@pytest.mark.parametrize("path", sorted((DATA / "reports").glob("*.txt"))
                         + sorted((DATA / "heldout").glob("*.txt")), ids=lambda p: p.name)
def test_no_real_excerpt_is_refused(path: Path) -> None:
    done = plancheck("extract", path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["items"]


BAD = {
    "random.bin": (bytes(range(256)) * 20, "X901", "not valid UTF-8"),
    "latin1.txt": ("café naïve résumé 2025".encode("latin-1"), "X901", "not valid UTF-8"),
    "utf16-no-bom.txt": ("城乡建设用地规模控制在319平方公里以内。".encode("utf-16-le"), "X901",
                         "not valid UTF-8"),
    "nul.txt": (b"abc\x00def", "X901", "NUL"),
    "long.txt": (("达到90%," * 170_000).encode(), "X903", "too long"),
    "large.txt": (("地区生产总值增长5%。\n" * 120_000).encode(), "X902", "too large"),
    "numbers.txt": ((("增长5%、" * 5000 + "\n") * 21).encode(), "X908", "numbers"),
}


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16", "utf-8-sig"])
def test_a_chinese_text_saved_in_another_encoding_is_read_and_said(
        tmp_path: Path, encoding: str) -> None:
    """Offices save text as GBK and UTF-16 as often as UTF-8: it is read, with a note."""
    (tmp_path / "t.txt").write_bytes("城乡建设用地规模控制在319平方公里以内。\n".encode(encoding))
    done = plancheck("extract", tmp_path / "t.txt")
    assert done.returncode == 0, done.stderr
    (item,) = json.loads(done.stdout)["items"]
    assert (item["op"], item["value"], item["line"]) == ("<=", 319, 1)
    named = {"gbk": "GB18030", "gb18030": "GB18030", "utf-16": "UTF-16"}.get(encoding)
    assert (f"as {named} (it is not UTF-8)" in done.stderr) == (named is not None)


@pytest.mark.parametrize("name", list(BAD))
def test_bad_input_is_a_diagnostic(tmp_path: Path, name: str) -> None:
    data, code, words = BAD[name]
    (tmp_path / name).write_bytes(data)
    done = plancheck("extract", tmp_path / name)
    assert done.returncode == 2
    assert f"error[{code}]" in done.stderr and words in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


@pytest.mark.parametrize(("args", "code"), [
    (["missing.txt"], "X904"),
    (["."], "X904"),
    ([str(PLAN), "--format", "rules"], "X906"),
    ([str(PLAN), str(REPORT_2024), "--format", "rules", "-o", "d"], "X906"),
])
def test_bad_usage_is_a_diagnostic(tmp_path: Path, args: list[str], code: str) -> None:
    done = plancheck("extract", *args, cwd=tmp_path)
    assert done.returncode == 2
    assert f"error[{code}]" in done.stderr


def test_a_suite_without_a_plan_text_needs_a_text(tmp_path: Path) -> None:
    (tmp_path / "s.rules").write_text('plan p {\n  title "t"\n  period 2021..2025\n'
                                      '  region 大兴区\n}\n', encoding="utf-8")
    done = plancheck("extract", "--rules", tmp_path)
    assert done.returncode == 2 and "error[X905]" in done.stderr
