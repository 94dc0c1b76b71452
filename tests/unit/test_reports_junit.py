"""JUnit XML: valid against the Jenkins-style schema, one testcase per rule × subject."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema

from checker.result import Result
from reports import junit, render

ROOT = Path(__file__).resolve().parents[2]
XSD = ROOT / "tests" / "data" / "schemas" / "junit.xsd"
GOLDEN = ROOT / "tests" / "golden" / "reports" / "result.json"


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(XSD))


def fixed() -> Result:
    return Result.from_json(GOLDEN.read_text(encoding="utf-8"))


def cases(xml: str) -> dict[tuple[str, str], ET.Element]:
    root = ET.fromstring(xml)
    return {(suite.get("name", ""), case.get("name", "")): case
            for suite in root.iter("testsuite") for case in suite.iter("testcase")}


def test_valid_against_the_schema(schema: xmlschema.XMLSchema) -> None:
    schema.validate(render(fixed(), "junit"))


def test_a_testcase_per_listed_outcome() -> None:
    result = fixed()
    found = cases(render(result, "junit"))
    assert set(found) == {(o.rule, o.subject) for o in result.outcomes}
    assert len(ET.fromstring(render(result, "junit")).findall("testsuite")) == len(result.rules)


@pytest.mark.parametrize(("rule", "subject", "child", "kind"), [
    ("FARM-01", "<script>alert(1)</script>", "failure", "fail"),
    ("FARM-01", '"><img src=x onerror=alert(2)>', "failure", "unknown"),
    ("SHARE-01", "P-004 & 50%, a:b", "failure", "error"),
    ("ZONE-01", '"><img src=x onerror=alert(2)>', "skipped", None),
    ("BUS-01", "大兴区", "skipped", None),
    ("FARM-01", "P-001", None, None),
])
def test_outcomes_map_to_failures_and_skips(rule: str, subject: str, child: str | None,
                                            kind: str | None) -> None:
    case = cases(render(fixed(), "junit"))[(rule, subject)]
    children = list(case)
    if child is None:
        assert children == []
        return
    assert [c.tag for c in children] == [child]
    assert children[0].get("type") == kind
    assert children[0].get("message")


def test_suite_counts_add_up() -> None:
    for suite in ET.fromstring(render(fixed(), "junit")).iter("testsuite"):
        listed = suite.findall("testcase")
        assert int(suite.get("tests", "-1")) == len(listed)
        assert int(suite.get("failures", "-1")) == sum(1 for c in listed if c.find("failure")
                                                       is not None)
        assert int(suite.get("skipped", "-1")) == sum(1 for c in listed if c.find("skipped")
                                                      is not None)


def test_failure_text_carries_the_plan_sentence_and_evidence() -> None:
    case = cases(render(fixed(), "junit"))[("LAND-01", "大兴区")]
    text = case.findtext("failure") or ""
    assert "城乡建设用地规模控制在319平方公里以内" in text
    assert "over by 1 km², 0.313 %" in text
    assert "data/daxing-2023.csv:row 4" in text


def test_control_characters_are_dropped(schema: xmlschema.XMLSchema) -> None:
    result = fixed()
    bad = result.outcomes[1].model_copy(update={"subject": "bell\x07", "message": "nul\x00 here"})
    broken = result.model_copy(update={"outcomes": [bad, *result.outcomes[2:]]})
    xml = junit.write(broken)
    schema.validate(xml)
    assert "\x07" not in xml and "\x00" not in xml


def test_deterministic_timestamp_is_the_as_of_year() -> None:
    root = ET.fromstring(render(fixed(), "junit"))
    assert {s.get("timestamp") for s in root.iter("testsuite")} == {"2023-12-31T00:00:00"}

