"""The evaluation table: base, targets, latest value, source and status per indicator × region."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd
import pytest

from checker import result as r
from checker.engine.evaluate import evaluate
from tests.helpers import checked_from

RULES = """
rule BUS-01 "公交站点500米覆盖率达到90%" {
  cite "第八章" line 405: "公交站点500米覆盖率达到90%"
  require bus_stop_500m_coverage >= 90 % by 2025
}
rule EDU-01 { require preschool_enrolment_rate >= 99 % by 2025 }
rule EDU-02 { require inclusive_kindergarten_coverage >= 95 % by 2025 }
rule GREEN-01 { require urban_green_coverage > 46.89 % by 2025 }
rule SPONGE-01 { require sponge_city_area_share >= 50 % by 2025 }
rule PM-01 {
  require pm25_annual_mean falls each year in 2021..2025
  require pm25_annual_mean < 37 μg/m3 by 2025
}
rule INC-01 {
  require per_capita_disposable_income_growth >= gdp_growth - 0.5 % each year in 2021..2025
}
rule WASTE-01 { require total(new_waste_transfer_stations, 2021..2025) >= 13 by 2025 }
rule LAND-01 { require urban_rural_construction_land <= 319 km2 each year in 2021..2025 }
rule WATER-01 { require rural_centralized_water_supply_rate >= 60 % by 2025 }
"""

ROWS: list[tuple[str, int, float, str | None]] = [
    ("bus_stop_500m_coverage", 2020, 80.0, "统计年鉴2021"),
    ("bus_stop_500m_coverage", 2023, 82.0, "监测报告2023"),        # 20 % of the way in 60 %
    ("preschool_enrolment_rate", 2020, 96.0, None),
    ("preschool_enrolment_rate", 2023, 98.5, None),               # 83 % of the way in 60 %
    ("inclusive_kindergarten_coverage", 2020, 85.0, None),
    ("inclusive_kindergarten_coverage", 2023, 91.0, None),        # 60 % of the way in 60 %
    ("urban_green_coverage", 2020, 46.89, None),
    ("urban_green_coverage", 2023, 47.2, None),                   # met already
    ("sponge_city_area_share", 2023, 38.0, None),                 # nothing to start from
    ("pm25_annual_mean", 2020, 37.0, None),
    ("pm25_annual_mean", 2021, 35.0, None),
    ("pm25_annual_mean", 2022, 34.0, None),
    ("pm25_annual_mean", 2023, 33.0, None),
    ("per_capita_disposable_income_growth", 2021, 6.0, None),
    ("per_capita_disposable_income_growth", 2022, 4.0, None),
    ("per_capita_disposable_income_growth", 2023, 5.0, None),
    ("gdp_growth", 2021, 6.5, None),
    ("gdp_growth", 2022, 5.0, None),                              # 4 < 5 - 0.5 fails
    ("gdp_growth", 2023, 5.2, None),
    ("new_waste_transfer_stations", 2021, 3.0, None),
    ("new_waste_transfer_stations", 2022, 4.0, None),
    ("new_waste_transfer_stations", 2023, 1.0, None),             # 8 of 13 in 3 of 5 years
    ("urban_rural_construction_land", 2020, 318.5, None),
    ("urban_rural_construction_land", 2021, 318.4, None),
    ("urban_rural_construction_land", 2022, 318.2, None),
    ("urban_rural_construction_land", 2023, 318.1, None),
]


class SourcedData:
    """Plan data with the optional `source` column, as the loader gives it."""

    def __init__(self, rows: Sequence[tuple[str, int, float, str | None]]) -> None:
        self.frame = pd.DataFrame(
            [(ind, "大兴区", year, value, "actual", source) for ind, year, value, source in rows],
            columns=["indicator", "region", "year", "value", "kind", "source"])
        self.frame["source"] = self.frame["source"].astype("string")

    def origin(self, index: int) -> r.Location:
        return r.Location.of("data.csv", index + 2, row=True)


def table(as_of: int = 2023) -> dict[str, r.IndicatorRow]:
    result = evaluate(checked_from(RULES), {}, SourcedData(ROWS), as_of=as_of)
    return {row.indicator: row for row in result.indicators if row.region == "大兴区"}


@pytest.mark.parametrize(("indicator", "status"), [
    ("bus_stop_500m_coverage", "lagging"),
    ("preschool_enrolment_rate", "ahead"),
    ("inclusive_kindergarten_coverage", "on_track"),
    ("urban_green_coverage", "achieved"),
    ("sponge_city_area_share", "no_baseline"),
    ("pm25_annual_mean", "on_track"),  # below 37 already (achieved), but 持续改善 runs to 2025
    ("new_waste_transfer_stations", "on_track"),
    ("urban_rural_construction_land", "on_track"),  # a cap held every year so far
    ("gdp_growth", "fail"),
    ("per_capita_disposable_income_growth", "fail"),
    ("rural_centralized_water_supply_rate", "unknown"),
])
def test_status_in_the_words_of_a_midterm_evaluation(indicator: str, status: str) -> None:
    assert table()[indicator].status == status


def test_a_row_holds_base_target_latest_and_source() -> None:
    row = table()["bus_stop_500m_coverage"]
    assert row.base is not None and (row.base.year, row.base.value, row.base.source) == (
        2020, 80.0, "统计年鉴2021")
    assert row.latest is not None and (row.latest.year, row.latest.text, row.latest.source) == (
        2023, "82%", "监测报告2023")
    assert row.latest.origin is not None and row.latest.origin.text == "data.csv:row 3"
    [target] = row.targets
    assert (target.rule, target.op, target.value, target.deadline, target.text) == (
        "BUS-01", ">=", 90.0, 2025, ">= 90%")
    assert (row.quote, row.section) == ("公交站点500米覆盖率达到90%", "第八章")
    assert row.rules == ["BUS-01"]
    assert row.reason == "BUS-01: 20% of the way from 2020 in 3 of 5 years"


def test_trend_and_relation_rules_show_as_targets_of_every_indicator_they_read() -> None:
    rows = table()
    pm = rows["pm25_annual_mean"]
    assert [(x.shape, x.op, x.first_year) for x in pm.targets] == [
        ("trend", "falls", 2021), ("threshold", "<", None)]
    assert pm.targets[1].text == "< 37 μg/m³"  # a strict target shows its operator
    for name in ("gdp_growth", "per_capita_disposable_income_growth"):
        [target] = rows[name].targets
        assert (target.rule, target.shape, target.status) == ("INC-01", "relation", "fail")
        assert rows[name].rules == ["INC-01"]


def test_no_value_before_the_latest_is_no_baseline_never_lagging() -> None:
    row = table()["sponge_city_area_share"]
    assert row.base is None
    assert row.reason == "SPONGE-01: no value before 2023 to start the line to the target from"


def test_missing_data_is_unknown_with_the_reason() -> None:
    row = table()["rural_centralized_water_supply_rate"]
    assert (row.latest, row.reason) == (None, "WATER-01: no data between 2021 and 2023")


def test_past_deadlines_are_pass_or_fail() -> None:
    rows = table(as_of=2025)
    assert rows["urban_green_coverage"].status == "unknown"  # 2025 not in the data
    assert rows["urban_green_coverage"].reason.startswith("GREEN-01: no data for 2025")



GROWTH = """
rule GROW-01 { require cagr(general_budget_revenue, 2020..2025) >= 5 % by 2025 }
rule GROW-02 { require cagr(per_capita_disposable_income, 2020..2025) >= 8 % by 2025 }
"""


@pytest.mark.parametrize(("indicator", "status"), [
    ("general_budget_revenue", "on_track"),       # 5.8 % a year so far: a rate is never done
    ("per_capita_disposable_income", "lagging"),  # 4.9 % a year so far, 8 % asked
])
def test_a_growth_rate_is_on_track_or_lagging_never_achieved_early(indicator: str,
                                                                   status: str) -> None:
    rows = [("general_budget_revenue", 2020, 100.0, None),
            ("general_budget_revenue", 2022, 112.0, None),
            ("per_capita_disposable_income", 2020, 100.0, None),
            ("per_capita_disposable_income", 2022, 110.0, None)]
    result = evaluate(checked_from(GROWTH), {}, SourcedData(rows), as_of=2022)
    [row] = [x for x in result.indicators if x.indicator == indicator]
    [target] = row.targets
    assert (target.shape, target.text, row.status) == ("growth", "cagr >= " + (
        "5%" if indicator == "general_budget_revenue" else "8%"), status)


def _series_of(choice: str | None) -> r.Result:
    return evaluate(checked_from(RULES), {}, SourcedData(ROWS), as_of=2023,
                    series=choice)  # type: ignore[arg-type]


def test_series_all_none_and_failing() -> None:
    every = _series_of("all")
    assert len(every.series) == len({row[0] for row in ROWS}) and not any(
        "--series all" in note for note in every.notes)
    assert _series_of(None).series == every.series  # a small table lists them all
    nothing = _series_of("none")
    assert nothing.series == [] and any(
        f"{len(every.series)} of the {len(every.series)} series" in n for n in nothing.notes)
    failing = {s.indicator for s in _series_of("failing").series}
    assert failing == {"gdp_growth", "per_capita_disposable_income_growth"}  # INC-01 fails


def test_a_big_table_lists_only_failing_series_by_default(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.engine import evaluate as module

    monkeypatch.setattr(module, "SERIES_LISTED", 3)
    result = _series_of(None)
    assert {s.indicator for s in result.series} == {"gdp_growth",
                                                    "per_capita_disposable_income_growth"}
    assert any("`--series all` lists every one" in note for note in result.notes)


def test_a_cumulative_target_shows_the_running_total_it_is_judged_on() -> None:
    """friction4 #9: 最新值 of `total(…) >= 13` was the last year's 1, the status computed
    on the 8 built so far; the row carries the sum, and every table says it is one."""
    row = table()["new_waste_transfer_stations"]
    assert row.latest is not None and row.latest.value == 1.0  # the year's own figure stays
    assert row.running_total == r.RunningTotal(first_year=2021, year=2023, value=8.0, text="8",
                                               year_text="1")
    assert row.status == "on_track"  # 8 of 13 (62 %) in 60 % of the time
    assert table()["bus_stop_500m_coverage"].running_total is None  # a level is no sum


@pytest.mark.parametrize(("fmt", "lang", "shown"), [
    ("text", "zh", "累计 8"), ("text", "en", "total 8"), ("markdown", "zh", "累计 8"),
    ("html", "zh", "累计 8"), ("csv", "zh", "2021–2023年累计,8"),
    ("csv", "en", "2021–2023 total,8"), ("json", "en", '"running_total": {'),
])
def test_every_evaluation_table_says_the_running_total(fmt: str, lang: str,
                                                       shown: str) -> None:
    from reports import render

    result = evaluate(checked_from(RULES), {}, SourcedData(ROWS), as_of=2023)
    report = render(result, fmt, lang=lang)
    assert shown in report
    if fmt == "csv":
        assert ("2023年当年 1" if lang == "zh" else "2023 alone: 1") in report


def test_the_workbook_says_the_running_total() -> None:
    import io

    import openpyxl

    from reports import render_bytes

    result = evaluate(checked_from(RULES), {}, SourcedData(ROWS), as_of=2023)
    book = openpyxl.load_workbook(io.BytesIO(render_bytes(result, "xlsx", lang="zh")))
    rows = [[c.value for c in row] for ws in book.worksheets for row in ws.iter_rows()]
    found = [row for row in rows if "new_waste_transfer_stations" in row]
    assert found and "2021–2023年累计" in found[0] and 8 in found[0]


def test_a_gap_in_a_cumulative_series_shows_the_sum_the_status_is_judged_on() -> None:
    """No value for 2022: a new station count is at least 0, so the sum the row is judged
    on and shows is at least 3 + 0 + 1 to 2023 (`累计 ≥4`), not 2023's own 1, nor 2021's
    sum with 2023's figure unread."""
    from reports import render

    rows = [row for row in ROWS if row[:2] != ("new_waste_transfer_stations", 2022)]
    result = evaluate(checked_from(RULES), {}, SourcedData(rows), as_of=2023)
    (row,) = [x for x in result.indicators if x.indicator == "new_waste_transfer_stations"]
    assert row.running_total == r.RunningTotal(first_year=2021, year=2023, value=4.0,
                                               text="≥4", missing=[2022], year_text="1")
    assert ",2021–2023年累计,4," in render(result, "csv", lang="zh")
    assert re.search(r"  2023  累计 ≥4 ", render(result, "text", lang="zh"))


PLACES = """
indicator new_places "新增学位" {
  unit count
  range >= 0
  kind anticipatory
  direction up
}
rule PLACES-01 { require total(new_places, 2021..2025) >= 5 万个 by 2025 }
"""
PLACES_ROWS = [("new_places", 2021, 12000.0, None), ("new_places", 2023, 9000.0, None)]
# without a declared range a missing year's flow is open: the total stops before the gap
OPEN_PLACES = PLACES.replace("  range >= 0\n", "")


def _places(text: str = OPEN_PLACES) -> r.Result:
    return evaluate(checked_from(text), {}, SourcedData(PLACES_ROWS), as_of=2023)


def test_a_gap_in_a_total_of_a_flow_at_least_0_is_counted_as_0() -> None:
    """A new count is at least 0: the total to 2023 is at least 1.2 + 0 + 0.9 万, judged
    in 2023 (not at 2021, before the gap), the gap named and the sum shown as a bound."""
    from reports import render

    result = _places(PLACES)
    (row,) = result.indicators
    assert row.running_total is not None
    assert (row.running_total.year, row.running_total.text, row.running_total.missing) == (
        2023, "≥2.1 万个", [2022])
    assert row.status == "lagging"  # at least 42 % of 50000 in 60 % of the time
    assert row.reason.startswith("PLACES-01: at least 42% of the way from 2020")
    (outcome,) = result.outcomes
    assert outcome.message == ("due 2025; ≥21000 in 2023: lagging "
                               "(new_places (2022) missing, counted as 0)")
    text = render(result, "text", lang="zh")
    assert "累计 ≥2.1 万个" in text
    assert "缺少2022年数据，按可能的最小值计，累计至2023年为下限" in text
    assert "目标完成进度至少42%" in render(result, "csv", lang="zh")


def test_a_total_that_stops_before_a_gap_names_it_in_the_finding() -> None:
    (outcome,) = _places().outcomes
    assert outcome.message == ("due 2025; 1.2 万个 in 2021: on track "
                               "(new_places (2022) missing: the total is to 2021)")


def test_a_target_keeps_the_unit_the_rule_wrote() -> None:
    """friction5 #7: `>= 5 万个` of a count showed as `累计 >= 50000`; the plan's unit is
    kept for display, the number compared (and the target-value column) unchanged."""
    (row,) = _places().indicators
    (target,) = row.targets
    assert (target.value, target.amount, target.text) == (50000.0, "5 万个", "total >= 5 万个")
    assert row.running_total is not None
    assert (row.running_total.value, row.running_total.text) == (12000.0, "1.2 万个")
    assert row.running_total.year_text == "9000"  # the year's own, in the indicator's unit
    assert row.status == "on_track"  # 12000 of 50000 (24 %) in 20 % of the time


@pytest.mark.parametrize(("fmt", "lang", "shown"), [
    ("text", "zh", "累计 >= 5 万个（2025年）"), ("text", "en", "total >= 5 万个 (2025)"),
    ("text", "zh", "累计 1.2 万个"), ("markdown", "zh", "累计 &gt;= 5 万个"),
    ("html", "zh", "累计 &gt;= 5 万个"), ("csv", "zh", "累计 >= 5 万个（2025年）,50000,"),
    ("csv", "zh", "2023年当年 9000;"), ("json", "en", '"amount": "5 万个"'),
])
def test_every_table_shows_the_written_unit(fmt: str, lang: str, shown: str) -> None:
    from reports import render

    assert shown in render(_places(), fmt, lang=lang)


def test_a_unit_spelt_as_its_symbol_or_in_ascii_is_shown_as_the_symbol() -> None:
    """Only a Chinese spelling other than the symbol is kept: `μg/m3` shows `μg/m³`."""
    pm = table()["pm25_annual_mean"]
    assert pm.targets[1].text == "< 37 μg/m³" and pm.targets[1].amount == "37 μg/m³"


def test_a_figure_that_would_not_show_exactly_stays_in_the_compared_unit() -> None:
    rows = [("new_places", 2021, 12345.0, None)]
    result = evaluate(checked_from(PLACES), {}, SourcedData(rows), as_of=2021)
    (row,) = result.indicators
    assert row.running_total is not None and row.running_total.text == "12345"


@pytest.mark.parametrize(("fmt", "lang", "shown"), [
    ("text", "zh", "注: 新增学位（大兴区）：缺少2022年数据，累计至2021年"),
    ("text", "en", "note: 新增学位 (大兴区): no figure for 2022, so the total is to 2021"),
    ("markdown", "zh", "> 新增学位（大兴区）：缺少2022年数据，累计至2021年"),
    ("html", "zh", '<p class="note">新增学位（大兴区）：缺少2022年数据，累计至2021年'),
    ("csv", "zh", "2023年当年 9000; 缺少2022年数据，累计至2021年"),
    ("json", "en", '"missing": [\n          2022\n        ]'),
])
def test_every_table_names_the_year_a_running_total_lacks(fmt: str, lang: str,
                                                           shown: str) -> None:
    """friction5 #8: with 2022 missing the note said `2023年当年 9000` but not why the
    total is 2021's; every renderer names the missing year."""
    from reports import render

    assert shown in render(_places(), fmt, lang=lang)


def test_the_workbook_names_the_written_unit_and_the_missing_year() -> None:
    import io

    import openpyxl

    from reports import render_bytes

    book = openpyxl.load_workbook(io.BytesIO(render_bytes(_places(), "xlsx", lang="zh")))
    rows = [[c.value for c in row] for ws in book.worksheets for row in ws.iter_rows()]
    (found,) = [row for row in rows if "new_places" in row]
    assert "累计 >= 5 万个（2025年）" in found and 50000 in found
    assert "2023年当年 9000; 缺少2022年数据，累计至2021年" in found


def test_a_total_without_a_gap_names_no_missing_year() -> None:
    from reports import render

    rows = [*PLACES_ROWS, ("new_places", 2022, 5000.0, None)]
    result = evaluate(checked_from(PLACES), {}, SourcedData(rows), as_of=2023)
    (row,) = result.indicators
    assert row.running_total is not None and row.running_total.missing == []
    assert row.running_total.text == "2.6 万个"
    assert "缺少" not in render(result, "text", lang="zh")


def test_a_chinese_spelling_of_the_rows_own_unit_shows_as_the_row_does() -> None:
    """friction6: `>= 1300 公里` of a km indicator showed `公里` beside a base and a latest
    value in `km`; only a unit of another size keeps the rule's spelling."""
    text = """
indicator expressway "高速公路总里程" {
  unit km
  range >= 0 km
  kind anticipatory
  direction up
}
rule ROAD-01 { require expressway >= 1300 公里 by 2025 }
"""
    rows = [("expressway", 2020, 1173.0, None), ("expressway", 2023, 1211.0, None)]
    result = evaluate(checked_from(text), {}, SourcedData(rows), as_of=2023)
    (target,) = result.indicators[0].targets
    assert (target.text, target.amount) == (">= 1300 km", "1300 km")


def test_a_change_from_a_base_year_says_the_year() -> None:
    """friction6: `change(x, 2020..2025) <= -9%` (下降9%) showed as `增速 <= -9%`, a growth
    rate; it is the change from 2020's level."""
    from reports import render

    text = """
indicator deaths "道路交通事故死亡人数" {
  unit person
  range >= 0 person
  kind binding
  direction down
}
rule SAFE-01 { require change(deaths, 2020..2025) <= -9% at 2025 }
"""
    rows = [("deaths", 2020, 900.0, None), ("deaths", 2023, 840.0, None)]
    result = evaluate(checked_from(text), {}, SourcedData(rows), as_of=2023)
    (target,) = result.indicators[0].targets
    assert target.text == "change from 2020 <= -9%"
    assert "较2020年变化 <= -9%" in render(result, "csv", lang="zh")


def _places_failing(rows: list[tuple[str, int, float, str | None]]) -> r.Outcome:
    """PLACES-01 judged at 2025 on these rows: its one outcome."""
    result = evaluate(checked_from(PLACES), {}, SourcedData(rows), as_of=2025)
    (outcome,) = [o for o in result.outcomes if o.rule == "PLACES-01"]
    return outcome


_SHORT = [("new_places", year, 12000.0 if year == 2021 else 0.0, None)
          for year in range(2021, 2026)]


def test_a_finding_shows_its_amounts_in_the_unit_the_rule_wrote() -> None:
    """friction6 #12: `--details` said `实际值 12000 · 要求值 50000 · 差 38000` for a rule
    written `>= 5 万个`; the finding now speaks the rule's unit, as the table does, and the
    numbers stay those compared (in the indicator's unit)."""
    outcome = _places_failing(_SHORT)
    assert outcome.outcome == "fail" and outcome.evidence is not None
    observed, threshold, margin = (outcome.evidence.observed, outcome.evidence.threshold,
                                   outcome.evidence.margin)
    assert observed is not None and threshold is not None and margin is not None
    assert (observed.text, threshold.text, margin.text) == ("1.2 万个", "5 万个",
                                                            "short by 3.8 万个, 76 %")
    assert (observed.value, threshold.value, margin.absolute) == (12000.0, 50000.0, -38000.0)
    assert outcome.message == "2025: 1.2 万个 < 5 万个, short by 3.8 万个, 76 %"


@pytest.mark.parametrize(("fmt", "lang", "shown"), [
    ("text", "zh", "实际值   1.2 万个 · 要求值 5 万个 · 差 3.8 万个（相对 76 %）"),
    ("text", "en", "observed 1.2 万个 · threshold 5 万个 · short by 3.8 万个, 76 %"),
    ("markdown", "zh", "| 1.2 万个 | 5 万个 | 差 3.8 万个（相对 76 %） |"),
    ("html", "zh", "1.2 万个"),
    ("json", "en", '"text": "short by 3.8 万个, 76 %"'),
])
def test_every_report_shows_a_findings_amounts_in_the_written_unit(fmt: str, lang: str,
                                                                    shown: str) -> None:
    from reports import render

    result = evaluate(checked_from(PLACES), {}, SourcedData(_SHORT), as_of=2025)
    assert shown in render(result, fmt, lang=lang, details=True)


def test_a_finding_that_would_not_show_exactly_stays_in_the_compared_unit() -> None:
    """12345 is not exactly a figure of 万个 as shown: all three amounts stay in 个, not a
    mix of `12345` and `5 万个`."""
    rows = [(i, y, 12345.0 if y == 2021 else v, s) for i, y, v, s in _SHORT]
    evidence = _places_failing(rows).evidence
    assert evidence is not None and evidence.observed and evidence.threshold and evidence.margin
    assert (evidence.observed.text, evidence.threshold.text, evidence.margin.text) == (
        "12345", "50000", "short by 37655, 75.3 %")


def test_a_target_relative_to_a_year_shows_in_words_with_the_readings_value() -> None:
    """friction9 #9: `x >= (x at 2020) + 稳步提高` showed as the ids and the reading's name;
    it shows as the level of 2020 plus the reading's value, and the threshold it came to;
    a relation to another indicator names it."""
    rules = ('rule REL-01 {\n  read 稳步提高 = 0.5% because "提高0.5个百分点"\n'
             "  require urban_green_coverage >= (urban_green_coverage at 2020) + 稳步提高"
             " by 2025\n}\n" + RULES)
    result = evaluate(checked_from(rules), {}, SourcedData(ROWS), as_of=2023)
    rows = {row.indicator: row for row in result.indicators if row.region == "大兴区"}
    [relative] = [x for x in rows["urban_green_coverage"].targets if x.rule == "REL-01"]
    assert relative.text == ">= 2020 level + 0.5% (47.39%)"
    [income] = rows["gdp_growth"].targets
    assert income.text == ("per_capita_disposable_income_growth >= gdp_growth - 0.5%"
                           " each year 2021–2025")  # on the right: the rule's own text
    [own] = rows["per_capita_disposable_income_growth"].targets
    assert own.text == ">= 地区生产总值增速 - 0.5% each year 2021–2025"


def test_in_chinese_a_level_relative_to_a_year_reads_as_the_plan_says_it() -> None:
    """friction9 #9: the zh table said `x >= (x at 2020) + 左右`; it says 较2020年提高…"""
    from reports.evaluation import target_text

    rules = ('rule REL-01 {\n  read 稳步提高 = 0.5% because "提高0.5个百分点"\n'
             "  require urban_green_coverage >= (urban_green_coverage at 2020) + 稳步提高"
             " by 2025\n}\n" + RULES)
    result = evaluate(checked_from(rules), {}, SourcedData(ROWS), as_of=2023)
    [row] = [x for x in result.indicators if x.indicator == "urban_green_coverage"
             and x.region == "大兴区"]
    [relative] = [x for x in row.targets if x.rule == "REL-01"]
    assert target_text(relative, "zh") == "较2020年提高0.5%（>= 47.39%）"
    income = [x for x in result.indicators
              if x.indicator == "per_capita_disposable_income_growth"]
    assert target_text(income[0].targets[0], "zh") == (
        ">= 地区生产总值增速 - 0.5%（2021–2025年逐年）")


KINDERGARTENS = """
indicator new_kindergartens "新建幼儿园" {
  unit 所
  range >= 0
  kind anticipatory
  direction up
}
rule KG-01 { require total(new_kindergartens, 2021..2025) >= 200 所 by 2025 }
""" + PLACES
KG_ROWS = [("new_kindergartens", 2021, 40.0, None), ("new_kindergartens", 2022, 45.0, None),
           ("new_places", 2021, 12000.0, None), ("new_places", 2022, 9390.0, None)]


def test_a_count_keeps_its_declared_word_in_the_table() -> None:
    """friction10: `累计 >= 200` and `累计 85` dropped the count's unit `所` (a spelling of
    the bare unit, which has no symbol); the target, the sum, the year's own figure and the
    row's unit keep the word the indicator declares."""
    from reports.evaluation import shown

    result = evaluate(checked_from(KINDERGARTENS), {}, SourcedData(KG_ROWS), as_of=2022)
    rows = {row.indicator: row for row in result.indicators}
    kg = rows["new_kindergartens"]
    assert (kg.unit, kg.targets[0].amount, kg.targets[0].text) == ("所", "200 所",
                                                                   "total >= 200 所")
    assert kg.running_total is not None
    assert (kg.running_total.text, kg.running_total.year_text) == ("85 所", "45 所")
    assert kg.latest is not None and kg.latest.text == "45 所"  # a figure read, too
    cells = shown(kg, "zh")
    assert (cells["target"], cells["latest"]) == ("累计 >= 200 所（2025年）", "累计 85 所")


def test_a_running_totals_year_shows_in_the_indicators_unit_not_an_odd_multiple() -> None:
    """friction10: the year's own figure of a total written in 万个 showed as `0.939 万个`;
    it shows in the indicator's unit (`count`: 9390), while the sum keeps the rule's
    `2.139 万个`."""
    result = evaluate(checked_from(KINDERGARTENS), {}, SourcedData(KG_ROWS), as_of=2022)
    [places] = [row for row in result.indicators if row.indicator == "new_places"]
    assert places.running_total is not None
    assert (places.running_total.text, places.running_total.year_text) == ("2.139 万个",
                                                                           "9390")


def test_a_level_relative_to_a_year_comes_in_parts_from_the_engine() -> None:
    """The zh table no longer parses the English `text`: the Target carries the base year,
    the sign, the change and the level it comes to; a relation of another shape none."""
    from reports.evaluation import target_text

    rules = ('rule REL-01 {\n  read 压减 = 2 μg/m3 because "降低2微克"\n'
             "  require pm25_annual_mean <= (pm25_annual_mean at 2020) - 压减 by 2025\n}\n"
             + RULES)
    result = evaluate(checked_from(rules), {}, SourcedData(ROWS), as_of=2023)
    [row] = [x for x in result.indicators if x.indicator == "pm25_annual_mean"
             and x.region == "大兴区"]
    [relative] = [x for x in row.targets if x.rule == "REL-01"]
    assert relative.relative == r.RelativeLevel(op="<=", base_year=2020, sign="-",
                                                change="2 μg/m³", value="35 μg/m³")
    assert target_text(relative, "zh") == "较2020年降低2 μg/m³（<= 35 μg/m³）"
    english = relative.model_copy(update={"text": "anything at all"})
    assert target_text(english, "zh") == "较2020年降低2 μg/m³（<= 35 μg/m³）"  # not parsed
    assert all(x.relative is None for x in row.targets if x.rule != "REL-01")


def test_a_floor_met_at_the_start_and_lost_is_lagging_not_ahead() -> None:
    """friction11 #12: 国控断面水质优良比例 99.3 % in 2020, 98 % in 2022, `>= 98.3 % by 2025`:
    the straight line from 99.3 runs away from the target, and 98 % read as 130 % of the way
    along it: `ahead` (快于预期) for a value below the target and falling.  It is `lagging`."""
    rules = "rule Q-01 { require urban_green_coverage >= 46 % by 2025 }\n" + RULES
    rows = [("urban_green_coverage", 2020, 47.0, None), ("urban_green_coverage", 2022, 45.5, None)]
    result = evaluate(checked_from(rules), {}, SourcedData(rows), as_of=2022)
    [row] = [x for x in result.indicators if x.indicator == "urban_green_coverage"]
    [target] = [x for x in row.targets if x.rule == "Q-01"]
    assert target.status == "lagging"
    [outcome] = [o for o in result.outcomes if o.rule == "Q-01"]
    assert (outcome.outcome, outcome.trajectory) == ("pending", "lagging")
    cap = "rule Q-02 { require pm25_annual_mean <= 36 μg/m3 by 2025 }\n" + RULES
    rows = [("pm25_annual_mean", 2020, 35.0, None), ("pm25_annual_mean", 2022, 36.5, None)]
    result = evaluate(checked_from(cap), {}, SourcedData(rows), as_of=2022)
    [outcome] = [o for o in result.outcomes if o.rule == "Q-02"]
    assert (outcome.outcome, outcome.trajectory) == ("pending", "lagging")
