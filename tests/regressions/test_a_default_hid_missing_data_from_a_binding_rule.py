"""A schema default hid missing data from a binding rule (issue 15, defect 12): proposals
that did not state their new construction land were read as `default 0 km2`, so LAND-02's
319 km² cap passed on land nobody counted.  Now a value a default filled is marked in the
evidence (`0 km² (default)`), lint warns (L612) when a binding rule reads a field with a
default, and the bundled schema gives `new_construction_land` no default (LAND-02 unknown)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli.main import main
from checker.syntax.suite import load_suite
from checker.tools.lint import lint
from checker.types.typecheck import typecheck

SUITE = Path(__file__).resolve().parents[2] / "rules" / "daxing-14th"
RULES = """plan doc {
  title "t"
  period 2021..2025
  region 大兴区
}
record project {
  id: text required
  new_construction_land: km2 default 0 km2
}
rule LAND-09 {
  kind binding because "every project adds land"
  for each project
  require new_construction_land >= 1 km2
}
"""


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().out


def test_a_value_filled_by_a_default_says_so(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "suite").mkdir()
    (tmp_path / "suite" / "s.rules").write_text(RULES, encoding="utf-8")
    for name, text in (("p.yaml", "- id: P-1\n- id: P-2\n  new_construction_land: 0 km2\n"),
                       ("p.csv", "id,new_construction_land\nP-1,\nP-2,0 km2\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")
        code, out = run(["check", str(tmp_path / name), "--rules", str(tmp_path / "suite"),
                         "--format", "json"], capsys)
        assert code == 1
        values = {o["subject"]: o["evidence"]["values"] for o in json.loads(out)["outcomes"]}
        assert values == {"P-1": {"new_construction_land": "0 km² (default)"},
                          "P-2": {"new_construction_land": "0 km²"}}, name


def test_lint_warns_when_a_binding_rule_reads_a_default(tmp_path: Path) -> None:
    (tmp_path / "s.rules").write_text(RULES, encoding="utf-8")
    loaded = load_suite([tmp_path / "s.rules"])
    found = [(d.code, d.severity, d.message) for d in lint(loaded.suite, typecheck(loaded.suite))
             if d.code == "L612"]
    assert found == [("L612", "warning", "binding rule `LAND-09` reads field "
                      "`new_construction_land`, which has a default")]
    anticipatory = RULES.replace('kind binding because "every project adds land"',
                                 'kind anticipatory because "a direction"')
    (tmp_path / "s.rules").write_text(anticipatory, encoding="utf-8")
    loaded = load_suite([tmp_path / "s.rules"])
    assert not [d for d in lint(loaded.suite, typecheck(loaded.suite)) if d.code == "L612"]


def test_the_bundled_suite_decided_new_land_has_no_default(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loaded = load_suite(sorted(SUITE.glob("*.rules")))
    assert not [d for d in lint(loaded.suite, typecheck(loaded.suite)) if d.code == "L612"]
    (tmp_path / "d.csv").write_text("indicator,region,year,value,unit\n"
                                    "urban_rural_construction_land,大兴区,2022,318.2,km2\n",
                                    encoding="utf-8")
    (tmp_path / "p.yaml").write_text(
        "- id: C-1\n  new_construction_land: 0.3 km2\n  occupies_permanent_basic_farmland: no\n"
        "  in_ecological_red_line: no\n- id: C-3\n  occupies_permanent_basic_farmland: no\n"
        "  in_ecological_red_line: no\n", encoding="utf-8")
    _, out = run(["check", str(tmp_path / "p.yaml"), str(tmp_path / "d.csv"), "--as-of", "2023",
                  "--format", "json"], capsys)
    land = next(r for r in json.loads(out)["rules"] if r["id"] == "LAND-02")
    assert land["counts"].get("pass", 0) == 0 and land["counts"]["unknown"] == 1
