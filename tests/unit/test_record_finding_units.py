"""A record rule's finding speaks the unit the rule wrote (friction6 open item e): a field
in km² judged against `5 公顷` shows `6 公顷 > 5 公顷` in text and JSON, while the numbers
stay those compared (in the field's unit), as a series rule's finding does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker import result as r
from checker.pipeline import check_with
from reports import render
from tests.helpers import checked_from

RULE = """
rule SMALL-01 "单个项目新增建设用地不超过5公顷" {
  cite "a" line 1: "x"
  kind binding
  for each project
  require new_construction_land <= 5 UNIT
}
"""
PROPOSAL = ("id: P-1\nnew_construction_land: 0.06\n"
            "occupies_permanent_basic_farmland: false\nin_ecological_red_line: false\n")


def _result(tmp_path: Path, unit: str) -> r.Result:
    proposal = tmp_path / "p.yaml"
    proposal.write_text(PROPOSAL, encoding="utf-8")
    return check_with(checked_from(RULE.replace("UNIT", unit)), [proposal])


@pytest.mark.parametrize("unit", ["公顷", "ha"])
def test_a_record_finding_is_shown_in_the_rules_unit(tmp_path: Path, unit: str) -> None:
    result = _result(tmp_path, unit)
    (outcome,) = [o for o in result.outcomes if o.rule == "SMALL-01"]
    assert outcome.outcome == "fail" and outcome.evidence is not None
    observed, threshold, margin = (outcome.evidence.observed, outcome.evidence.threshold,
                                   outcome.evidence.margin)
    assert observed is not None and threshold is not None and margin is not None
    assert (observed.text, threshold.text) == (f"6 {unit}", f"5 {unit}")
    assert margin.text == f"over by 1 {unit}, 20 %"
    # the compared numbers stay in the field's unit
    assert (observed.value, observed.unit, threshold.value) == (0.06, "km²", 0.05)
    assert outcome.evidence.values == {"new_construction_land": "0.06 km²"}

    text = render(result, "text", lang="zh", details=True)
    assert f"6 {unit} > 5 {unit}，超出 1 {unit}（相对 20 %）" in text
    assert f"实际值   6 {unit} · 要求值 5 {unit}" in text
    shown = json.loads(render(result, "json"))
    (finding,) = [o for o in shown["outcomes"] if o["rule"] == "SMALL-01"]
    assert finding["message"] == f"6 {unit} > 5 {unit}, over by 1 {unit}, 20 %"
    assert finding["evidence"]["threshold"] == {"text": f"5 {unit}", "unit": "km²",
                                                "value": 0.05}
