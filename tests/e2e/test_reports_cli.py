"""`plancheck check --format F [-o FILE]` end to end: every format, files, exit codes, progress.

Runs the CLI as a user does (`python -m checker`) on proposals and plan data written to a
temporary folder, against the bundled Daxing suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import xmlschema

from tests.helpers import drain

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "tests" / "data" / "schemas"

PROPOSALS = """\
- id: P-001
  name: 航空物流园
  zone: 临空经济区
  industry: 航空物流
  occupies_permanent_basic_farmland: false
  in_ecological_red_line: false
  new_construction_land: 12 ha
- id: "<script>alert(1)</script>"
  name: '"><img src=x onerror=alert(1)>'
  zone: 临空经济区
  industry: 一般制造业
  occupies_permanent_basic_farmland: true
  in_ecological_red_line: false
"""

PLAN_DATA = """\
indicator,region,year,value,unit,kind
urban_rural_construction_land,大兴区,2020,318.5,km2,actual
urban_rural_construction_land,大兴区,2021,319.6,km2,actual
bus_stop_500m_coverage,大兴区,2020,80,%,actual
bus_stop_500m_coverage,大兴区,2021,82,%,actual
"""

FORMATS = ["text", "json", "markdown", "html", "junit", "sarif", "github"]


def plancheck(folder: Path, *args: str, stderr: int | None = None
              ) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "100"}
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=folder, env=env,
                          capture_output=stderr is None, stderr=stderr, text=True,
                          timeout=300, check=False, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("checker.data.load")
    folder = tmp_path_factory.mktemp("cli")
    (folder / "proposals.yaml").write_text(PROPOSALS, encoding="utf-8")
    (folder / "plan-data.csv").write_text(PLAN_DATA, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def reports(inputs: Path) -> dict[str, tuple[subprocess.CompletedProcess[str], str]]:
    """Each format written with `-o` (run side by side: each run loads the whole suite)."""
    env = {**os.environ, "COLUMNS": "100"}
    running = {fmt: subprocess.Popen(
        [sys.executable, "-m", "checker", "check", "proposals.yaml", "plan-data.csv",
         "--format", fmt, "-o", f"report.{fmt}"], cwd=inputs, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        for fmt in FORMATS}
    found = {}
    for fmt, process in running.items():
        stdout, stderr = process.communicate(timeout=300)
        done = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
        found[fmt] = (done, (inputs / f"report.{fmt}").read_text(encoding="utf-8"))
    return found


Reports = dict[str, tuple[subprocess.CompletedProcess[str], str]]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_to_a_file(reports: Reports, fmt: str) -> None:
    done, written = reports[fmt]
    assert done.returncode == 1, done.stderr  # a binding rule fails
    assert done.stdout == ""
    assert done.stderr == ""  # no progress bar: stderr is not a terminal
    assert written.strip()


def test_json_report_is_valid_and_matches_stdout(inputs: Path, reports: Reports) -> None:
    stdout = plancheck(inputs, "check", "proposals.yaml", "plan-data.csv", "--format",
                       "json").stdout
    assert stdout == reports["json"][1]
    schema = json.loads((ROOT / "docs" / "result.schema.json").read_text(encoding="utf-8"))
    data = json.loads(stdout)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert data["summary"]["exit_code"] == 1
    assert {i["kind"] for i in data["inputs"]} == {"records", "plan_data"}


def test_sarif_and_junit_reports_are_valid(reports: Reports) -> None:
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(reports["sarif"][1]), schema, cls=jsonschema.Draft4Validator)
    xmlschema.XMLSchema(str(SCHEMAS / "junit.xsd")).validate(reports["junit"][1])


def test_sarif_locates_plan_data_findings_in_the_csv(reports: Reports) -> None:
    results = json.loads(reports["sarif"][1])["runs"][0]["results"]
    located = {(r["ruleId"], loc["physicalLocation"]["artifactLocation"]["uri"],
                loc["physicalLocation"].get("region", {}).get("startLine"))
               for r in results for loc in r["locations"]}
    assert ("LAND-01", "plan-data.csv", 3) in located


def test_reports_locate_proposal_findings_in_the_yaml(reports: Reports) -> None:
    lines = reports["github"][1].splitlines()
    assert any(line.startswith("::error file=proposals.yaml,line=8,") for line in lines)
    results = json.loads(reports["sarif"][1])["runs"][0]["results"]
    located = {(loc["physicalLocation"]["artifactLocation"]["uri"],
                loc["physicalLocation"].get("region", {}).get("startLine"))
               for r in results for loc in r["locations"]}
    assert ("proposals.yaml", 8) in located


def test_html_report_escapes_the_proposal_names(reports: Reports) -> None:
    page = reports["html"][1]
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<svg " in page


def test_text_report_opens_with_the_table_and_shows_evidence_with_details(
        inputs: Path, reports: Reports) -> None:
    out = reports["text"][1]
    assert out.splitlines()[5] == "主要指标进展情况"  # the suite speaks Chinese
    assert "未通过" in out and "超出 0.6 km²（相对 0.19 %）" not in out
    assert "各规则详情：加 --details" in out
    assert "\x1b[" not in out  # -o FILE: never colour
    detailed = plancheck(inputs, "check", "proposals.yaml", "plan-data.csv", "--details").stdout
    assert "LAND-01" in detailed and "超出 0.6 km²（相对 0.19 %）" in detailed


def test_fail_on_never_exits_0(inputs: Path) -> None:
    done = plancheck(inputs, "check", "proposals.yaml", "--fail-on", "never", "--quiet")
    assert done.returncode == 0, done.stderr


def test_unknown_format_is_a_usage_error(inputs: Path) -> None:
    done = plancheck(inputs, "check", "proposals.yaml", "--format", "pdf")
    assert done.returncode == 2
    assert "pdf" in done.stderr


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_bar_on_a_terminal_and_not_with_quiet(inputs: Path) -> None:
    drawn = []
    for quiet in (False, True):
        leader, follower = os.openpty()
        try:
            args = ["check", "proposals.yaml", "-o", "out.txt", *(["--quiet"] if quiet else [])]
            done = plancheck(inputs, *args, stderr=follower)
            os.close(follower)
            drawn.append(drain(leader))
        finally:
            os.close(leader)
        assert done.returncode == 1
    assert drawn[0], "no progress drawn on a terminal"
    assert drawn[1] == b"", "--quiet still drew progress"


def test_workbook_written_with_o_and_to_stdout(inputs: Path) -> None:
    """`--format xlsx -o FILE` writes a workbook (bytes), and so does stdout without `-o`."""
    import io

    from openpyxl import load_workbook

    done = plancheck(inputs, "check", "plan-data.csv", "--as-of", "2021", "--format", "xlsx",
                     "--lang", "zh", "-o", "eval.xlsx")
    assert (done.returncode, done.stdout, done.stderr) == (1, "", "")
    book = load_workbook(inputs / "eval.xlsx")
    assert book.sheetnames == ["指标", "检查结果", "输入"]
    sheet = book["指标"]
    head = [cell.value for cell in sheet[1]]
    found = {row[0]: dict(zip(head, row, strict=True))
             for row in sheet.iter_rows(min_row=2, values_only=True)}
    land = found["urban_rural_construction_land"]
    assert (land["基期值"], land["最新值"], land["进展情况"]) == (318.5, 319.6, "未通过")
    assert found["bus_stop_500m_coverage"]["目标值"] == 90
    piped = subprocess.run([sys.executable, "-m", "checker", "check", "plan-data.csv",
                            "--as-of", "2021", "--format", "xlsx", "--lang", "en"], cwd=inputs,
                           capture_output=True, timeout=300, check=False)
    assert load_workbook(io.BytesIO(piped.stdout)).sheetnames == ["Indicators", "Findings",
                                                                 "Inputs"]


def test_the_bundled_suite_speaks_chinese_by_default(inputs: Path) -> None:
    shown = plancheck(inputs, "check", "plan-data.csv", "--as-of", "2021", "--format", "csv")
    assert shown.stdout.startswith("指标代码,指标名称,地区,")
    english = plancheck(inputs, "check", "plan-data.csv", "--as-of", "2021", "--format", "csv",
                        "--lang", "en")
    assert english.stdout.startswith("id,name,region,")
    data = plancheck(inputs, "check", "plan-data.csv", "--as-of", "2021", "--format", "json")
    assert json.loads(data.stdout)["suite"]["language"] == "zh"  # JSON: a code, no words


def test_a_workbook_never_overwrites_an_input(inputs: Path) -> None:
    before = (inputs / "plan-data.csv").read_bytes()
    done = plancheck(inputs, "check", "plan-data.csv", "--format", "xlsx", "-o", "plan-data.csv")
    assert done.returncode == 2 and "D361" in done.stderr
    assert (inputs / "plan-data.csv").read_bytes() == before
