"""A cite of a declared `source` (the nation's plan) is that source's in the result and
in every report, not the plan's (friction round 9, item 4; result /5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.pipeline import check_with
from checker.result import SCHEMA_VERSION, Result
from checker.types.cached import load_checked
from reports import render

HEALTH = Path(__file__).resolve().parent.parent / "data" / "suites" / "friction9-health"
DATA = """indicator,region,year,value,unit,source,kind
life_expectancy,示例市,2020,77.93,岁,示例,actual
life_expectancy,示例市,2025,78,岁,示例,actual
"""


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> Result:
    folder = tmp_path_factory.mktemp("cites")
    (folder / "data.csv").write_text(DATA, encoding="utf-8")
    _, checked = load_checked([HEALTH], use_cache=False)
    return check_with(checked, [folder / "data.csv"], as_of=2025)


def test_the_result_names_the_source_a_cite_quotes(result: Result) -> None:
    assert SCHEMA_VERSION == "plancheck.result/7"
    [rule] = [rule for rule in result.rules if rule.id == "LIFE-01"]
    plan, national = rule.citations
    assert (plan.source, plan.source_title) == (None, None)
    assert national.source == "national"
    assert national.source_title == "“十四五”国民健康规划（中新网2022-05-20报道）"


@pytest.mark.parametrize(("fmt", "said"), [
    ("text", "source   “十四五”国民健康规划（中新网2022-05-20报道）, line 1"),
    ("markdown", "— “十四五”国民健康规划（中新网2022-05-20报道）, line 1"),
    ("html", "<footer>“十四五”国民健康规划（中新网2022-05-20报道）, line 1</footer>"),
    ("github", "source national: line 1: “到2025年,"),
    ("junit", "source national: line 1: “到2025年,"),
    ("sarif", "source national: line 1: “到2025年,"),
])
def test_every_report_names_it(result: Result, fmt: str, said: str) -> None:
    text = render(result, fmt, lang="en", details=True)
    assert isinstance(text, str)
    assert said in text, text[:3000]
    assert "plan: line 1" not in text


def test_a_sources_period_is_the_span_its_rules_are_judged_in(tmp_path: Path) -> None:
    """friction11 #14: the Yangtze suite's plan runs 2016–2020 and quotes the province's
    2021–2025 water plan (`source water14 … period 2021..2025`): its rules' base value is
    2020's (the plan's base year, 2015, gave none), their trajectory starts there, and a
    rule of the plan keeps the plan's period."""
    from checker.syntax import model as m
    from checker.syntax.unparse import unparse

    suite = Path(__file__).resolve().parent.parent / "data" / "suites" / "friction11-yangtze"
    loaded, checked = load_checked([suite], use_cache=False)
    assert {r.id: r.period for r in checked.rules}["WATER-01"] == (2021, 2025)
    assert {r.id: r.period for r in checked.rules}["CHEM-01"] is None
    plan_file = next(f for f in loaded.suite.files
                     if any(isinstance(s, m.SourceDecl) for s in f.statements))
    assert 'file "water14.txt" period 2021..2025\n' in unparse(plan_file)
    (tmp_path / "d.csv").write_text(
        "indicator,region,year,value,unit,source,kind\n"
        "national_section_good_share,贵州省,2020,96.0,%,x,actual\n"
        "national_section_good_share,贵州省,2022,97.0,%,x,actual\n", encoding="utf-8")
    found = check_with(checked, [tmp_path / "d.csv"], as_of=2022)
    [row] = [r for r in found.indicators if r.indicator == "national_section_good_share"]
    assert row.base is not None and (row.base.year, row.base.value) == (2020, 96.0)
    [water] = [o for o in found.outcomes if o.rule == "WATER-01"]
    assert water.outcome == "pending" and water.trajectory in ("ahead", "on_track", "lagging")
