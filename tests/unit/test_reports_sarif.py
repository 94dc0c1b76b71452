"""SARIF 2.1.0: valid against the OASIS schema; results in the data file and the rule file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from checker.result import Result
from reports import render
from reports.sarif import uri

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "tests" / "data" / "schemas" / "sarif-schema-2.1.0.json"
GOLDEN = ROOT / "tests" / "golden" / "reports" / "result.json"


def fixed() -> Result:
    return Result.from_json(GOLDEN.read_text(encoding="utf-8"))


def sarif() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(render(fixed(), "sarif"))
    return loaded


def test_valid_against_the_sarif_schema() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = list(jsonschema.Draft4Validator(schema).iter_errors(sarif()))
    assert errors == [], [e.message for e in errors]


def test_a_result_per_finding_with_rule_metadata() -> None:
    log = sarif()
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [r.id for r in fixed().rules]
    assert len(run["results"]) == len(fixed().to_look_at())
    rules = run["tool"]["driver"]["rules"]
    for found in run["results"]:
        assert rules[found["ruleIndex"]]["id"] == found["ruleId"]


def test_rule_descriptor_cites_the_plan() -> None:
    land = next(r for r in sarif()["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "LAND-01")
    assert "城乡建设用地规模控制在319平方公里以内" in land["fullDescription"]["text"]
    assert land["properties"]["citations"][0]["line"] == 315
    assert land["properties"]["location"]["artifactLocation"]["uri"] == "rules/demo/rules.rules"
    assert land["defaultConfiguration"]["level"] == "error"


def _result(rule: str, subject: str) -> dict[str, Any]:
    return next(r for r in sarif()["runs"][0]["results"]
                if r["ruleId"] == rule and r["properties"]["subject"] == subject)


def test_record_finding_is_located_in_the_proposal_file_and_the_rule_file() -> None:
    found = _result("FARM-01", "<script>alert(1)</script>")
    where = found["locations"][0]["physicalLocation"]
    assert where["artifactLocation"] == {"uri": "proposals/%E6%89%B9%E6%AC%A1%20%3C1%3E.yaml",
                                         "uriBaseId": "%SRCROOT%"}
    assert where["region"] == {"startLine": 13}
    related = found["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "rules/demo/rules.rules"
    assert related["region"] == {"startLine": 1, "startColumn": 1}
    assert (found["kind"], found["level"]) == ("fail", "error")


def test_batch_finding_without_a_row_is_located_in_the_rule_file() -> None:
    found = _result("LAND-02", "all project")
    assert found["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "rules/demo/rules.rules"


@pytest.mark.parametrize(("rule", "subject", "kind", "level"), [
    ("ZONE-01", "<script>alert(1)</script>", "fail", "warning"),
    ("FARM-01", '"><img src=x onerror=alert(2)>', "fail", "warning"),
    ("SHARE-01", "P-004 & 50%, a:b", "fail", "error"),
    ("BUS-01", "大兴区", "open", "none"),
])
def test_kinds_and_levels(rule: str, subject: str, kind: str, level: str) -> None:
    found = _result(rule, subject)
    assert (found["kind"], found["level"]) == (kind, level)


def test_fingerprints_are_stable_and_distinct() -> None:
    results = sarif()["runs"][0]["results"]
    prints = [r["partialFingerprints"]["plancheckSubject/v1"] for r in results]
    pairs = [(r["ruleId"], r["properties"]["subject"]) for r in results]
    assert len(set(prints)) == len(set(pairs))


@pytest.mark.parametrize(("path", "expected"), [
    ("a/b.yaml", ("a/b.yaml", "%SRCROOT%")),
    ("数据 1.csv", ("%E6%95%B0%E6%8D%AE%201.csv", "%SRCROOT%")),
    ("/abs/p#1.yaml", ("file:///abs/p%231.yaml", None)),
    ("win\\dir\\x.csv", ("win/dir/x.csv", "%SRCROOT%")),
])
def test_paths_become_uris(path: str, expected: tuple[str, str | None]) -> None:
    assert uri(path) == expected
