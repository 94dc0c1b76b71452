"""A check that stops on bad input (exit 2) still writes the machine report asked for with
`-o`, the diagnostics in it, so that a CI step uploading it finds the file; a report that
would overwrite an input is still refused."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from checker.cli.main import main
from tests.helpers import ROOT

BAD = str(ROOT / "examples" / "proposals" / "malformed-value.yaml")
SCHEMA = ROOT / "tests" / "data" / "schemas" / "sarif-schema-2.1.0.json"


def test_sarif_holds_the_diagnostics_as_notifications(tmp_path: Path) -> None:
    out = tmp_path / "out.sarif"
    assert main(["check", BAD, "--format", "sarif", "-o", str(out)]) == 2
    log = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    (run,) = log["runs"]
    assert run["results"] == []
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    assert invocation["exitCode"] == 2
    codes = [n["descriptor"]["id"] for n in invocation["toolExecutionNotifications"]]
    assert codes and all(c.startswith("D3") for c in codes)
    where = invocation["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]
    assert where["artifactLocation"]["uri"].endswith("malformed-value.yaml")


@pytest.mark.parametrize("fmt", ["json", "junit"])
def test_json_and_junit_list_the_diagnostics(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    assert main(["check", BAD, "--format", fmt, "-o", str(out)]) == 2
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        document = json.loads(text)
        assert document["summary"]["bad_input"] is True
        assert document["summary"]["errors"] == len(document["findings"]) > 0
    else:
        (suite,) = ET.fromstring(text)
        assert int(suite.get("failures", "0")) > 0


def test_a_human_report_is_not_written_on_bad_input(tmp_path: Path) -> None:
    out = tmp_path / "out.html"
    assert main(["check", BAD, "--format", "html", "-o", str(out)]) == 2
    assert not out.exists()
