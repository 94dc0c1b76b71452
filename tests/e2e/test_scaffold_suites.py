"""Every scaffold `plancheck test --scaffold` writes for the bundled suite and for a new
author's suite (friction round 9's health plan: units `岁`, `‰`, `张` and `per_100k`
with the symbol `/10万`) parses and passes as written (friction round 9, item 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.tester.runner import run_tests
from checker.tester.scaffold import scaffold, unit_text
from checker.types.cached import load_checked
from checker.types.units import Unit
from tests.helpers import BUNDLED
from tests.unit.test_scaffold import parsed_tests

HEALTH = Path(__file__).resolve().parent.parent / "data" / "suites" / "friction9-health"
# friction round 11: project proposals on the Yangtze's Guizhou tributaries (zones, enums,
# prohibitions, a distance to the shore), a few indicator targets of a second source
YANGTZE = HEALTH.parent / "friction11-yangtze"


@pytest.mark.slow
@pytest.mark.parametrize("folder", [BUNDLED, HEALTH, YANGTZE], ids=["daxing", "health", "yangtze"])
def test_every_rule_gets_a_scaffold_that_parses_and_passes(folder: Path) -> None:
    _, checked = load_checked([folder], use_cache=False)
    made = scaffold(checked, [rule.id for rule in checked.rules])
    assert [s.rule for s in made if s.text is None] == []
    for one in made:
        assert one.text is not None
        tests = parsed_tests(one.text)
        assert len(tests) == one.tests
        run = run_tests(checked, tests)
        assert all(case.passed for case in run.results), (one.rule, one.text)


def test_a_unit_is_written_by_a_spelling_that_lexes() -> None:
    from fractions import Fraction

    def unit(name: str, symbol: str) -> Unit:
        return Unit(name, "d", Fraction(1), symbol)

    assert unit_text(unit("per_100k", "/10万")) == "per_100k"  # a symbol no token reads
    assert unit_text(unit("km2", "km²")) == "km²"
    assert unit_text(unit("permille", "‰")) == "‰"
    assert unit_text(unit("ug_m3", "μg/m³")) == "μg/m³"
    assert unit_text(unit("one", "")) == ""
    assert unit_text(unit("rmb_per_person", "元/人")) == "元/人"
    assert unit_text(unit("pct_pt", "个百分点 ")) == "pct_pt"


@pytest.mark.parametrize("folder", [HEALTH, YANGTZE], ids=["health", "yangtze"])
def test_a_new_authors_suite_passes_fmt_lint_analyze_and_test(
        folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The suites of the friction rounds stay clean: a change that makes one of them
    reformat, lint, contradict itself or fail a test is a change a new author would hit."""
    from checker.cli.main import main

    for command in (["fmt", "--check"], ["lint"], ["analyze"], ["test", "-q"]):
        code = main([*command, str(folder)])
        assert code == 0, (command, capsys.readouterr())
