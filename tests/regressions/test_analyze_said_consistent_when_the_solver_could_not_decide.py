"""`analyze` said "no findings: 2 rules are consistent" (exit 0) when z3 answered
`unknown` on a non-linear rule: the undecided check was only a `note:` line above
that claim.  Now an undecided check is an A531 finding of kind `incomplete` naming
the rules it was about, the summary says the rules are not shown consistent, and the
exit code is 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli.main import main

SUITE = """\
plan t {
  title "t"
  period 2021..2025
  region 大兴区
}
record project {
  id: text required
  a: km2
  b: km2
  c: km2
}
rule CUBES {
  for each project
  require (a / b) * (a / b) * (a / b) + (c / b) * (c / b) * (c / b) == 1 and a >= 1 km2
}
rule FLOORS {
  for each project
  require a >= 1 km2 and b >= 1 km2
}
"""


def test_an_undecided_check_is_an_incomplete_finding(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cubes.rules"
    path.write_text(SUITE, encoding="utf-8")
    assert main(["analyze", str(path)]) == 1
    text = capsys.readouterr().out
    assert "consistent" in text and "rules are consistent" not in text
    assert "warning[A531]: the analysis of rule `CUBES` is incomplete" in text
    assert text.rstrip().endswith("the rules are not shown consistent")
    assert main(["analyze", str(path), "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    (finding,) = document["findings"]
    assert (finding["code"], finding["kind"]) == ("A531", "incomplete")
    assert [r["rule"] for r in finding["rules"]] == ["CUBES"]
    assert document["summary"]["warnings"] == 1
