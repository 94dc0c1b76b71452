"""An `--as-of` date holds back the actuals of a year not over by then, never its targets.

An annual plan states the year's target before the year ends, so `--as-of 2023-12-31` must
judge what `--as-of 2023` judges, and `--as-of 2024-06-30` must keep the 2024 target and
leave it pending (the year is not over), not drop the rule's outcome.
"""

from __future__ import annotations

import datetime
import functools
from pathlib import Path

from checker import result as r
from checker.pipeline import check_with
from checker.syntax.suite import load_suite
from checker.types import typed as t
from checker.types.typecheck import typecheck

ROWS = ("indicator,region,year,value,unit,source,kind\n"
        "gdp_growth,大兴区,2022,3,%,p,actual\n"
        "gdp_growth,大兴区,2024,6,%,p,target\n"
        "gdp_growth,大兴区,2024,5.2,%,p,actual\n"
        "general_budget_revenue_growth,大兴区,2024,7,%,p,target\n")


@functools.cache
def suite() -> t.CheckedSuite:
    return typecheck(load_suite().suite)


def run(tmp_path: Path, year: int, cutoff: datetime.date | None) -> r.Result:
    path = tmp_path / "annual.csv"
    path.write_text(ROWS, encoding="utf-8")
    return check_with(suite(), [path], as_of=year, cutoff=cutoff, max_findings=None)


def verdicts(result: r.Result) -> list[tuple[str, str, str]]:
    return sorted((o.rule, o.subject, o.outcome) for o in result.outcomes)


def test_the_last_day_of_a_year_judges_what_the_year_judges(tmp_path: Path) -> None:
    year = run(tmp_path, 2023, None)
    day = run(tmp_path, 2023, datetime.date(2023, 12, 31))
    assert verdicts(day) == verdicts(year)
    assert ("ANNUAL-01", "大兴区", "pending") in verdicts(day)


def test_a_target_of_a_year_not_over_is_kept_and_pending(tmp_path: Path) -> None:
    result = run(tmp_path, 2024, datetime.date(2024, 6, 30))
    annual = {o.rule: o for o in result.outcomes if o.rule in ("ANNUAL-01", "ANNUAL-02")}
    assert {rule: o.outcome for rule, o in annual.items()} == {"ANNUAL-01": "pending",
                                                              "ANNUAL-02": "pending"}
    assert "judged when the year is over" in annual["ANNUAL-01"].message
    # the 2024 actual is held back and said so; the targets are not
    held = [n for n in result.notes if "after the as-of date 2024-06-30" in n]
    assert held and "`gdp_growth` 2024" in held[0] and "revenue" not in held[0]


def test_once_the_year_is_over_the_target_is_judged(tmp_path: Path) -> None:
    result = run(tmp_path, 2024, datetime.date(2024, 12, 31))
    (gdp,) = [o for o in result.outcomes if o.rule == "ANNUAL-01"]
    assert gdp.outcome == "fail"
