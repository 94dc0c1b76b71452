"""Plan-data tables may name an indicator by its display name or an alias (issue 10 item 6).

Execution reports write 细颗粒物年均浓度, not `pm25_annual_mean`. A row so named is the
indicator's row, counted and said in a note; a name two indicators share is T253; an id is
still matched exactly, so its typos stay typos, and words the suite does not know stay
outside the catalogue.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.data.load import load_plan_data
from checker.data.plan_data import PlanData
from checker.types.indicator_names import IndicatorNames, name_key
from checker.types.typecheck import typecheck
from tests.helpers import checked_from, raised_diagnostics, suite_from, the_only

RULE = """
rule PM "PM2.5 below 37" {
  cite "第一章" line 1: "x"
  kind binding because "约束性"
  require pm25_annual_mean < 37 μg/m³ each year in 2021..2024
}
"""
HEADER = "indicator,region,year,value,unit"


def load(tmp_path: Path, rows: list[str]) -> PlanData:
    checked = checked_from(RULE)
    path = tmp_path / "d.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return load_plan_data([path], checked.indicators, checked.units)


@pytest.mark.parametrize("written", ["PM2.5年均浓度", "细颗粒物年均浓度",
                                     "细颗粒物（PM2.5）年均浓度", "ＰＭ２.５浓度", "pm2.5 浓度"])
def test_a_row_named_by_display_name_or_alias_is_the_indicators_row(
        tmp_path: Path, written: str) -> None:
    data = load(tmp_path, [f"{written},大兴区,2022,32,μg/m³"])
    assert data.frame["indicator"].tolist() == ["pm25_annual_mean"]
    assert data.named == ((written, "pm25_annual_mean", 1),)
    assert data.uncatalogued == ()


def test_words_the_suite_does_not_know_stay_outside_the_catalogue(tmp_path: Path) -> None:
    data = load(tmp_path, ["林木绿化率,大兴区,2022,30,%", "PM2.5年均浓度,大兴区,2022,32,μg/m³"])
    assert data.uncatalogued == (("林木绿化率", 1),)
    assert len(data.frame) == 1


def test_an_id_is_matched_exactly_so_its_typo_is_still_d340(tmp_path: Path) -> None:
    found = raised_diagnostics(load, tmp_path, ["PM25_annual_mean,大兴区,2022,32,μg/m³"])
    assert the_only(found).code == "D340"


def test_the_same_point_by_id_and_by_name_is_a_repeat(tmp_path: Path) -> None:
    found = raised_diagnostics(load, tmp_path, ["pm25_annual_mean,大兴区,2022,32,μg/m³",
                                                "细颗粒物年均浓度,大兴区,2022,33,μg/m³"])
    assert the_only(found).code == "D341"


def test_a_named_row_is_judged_and_the_note_says_how_it_was_read(tmp_path: Path) -> None:
    from checker.engine.evaluate import evaluate

    checked = checked_from(RULE)
    path = tmp_path / "d.csv"
    path.write_text(f"{HEADER}\n细颗粒物年均浓度,大兴区,2022,38,μg/m³\n", encoding="utf-8")
    result = evaluate(checked, {}, load_plan_data([path], checked.indicators, checked.units),
                      as_of=2024)
    assert [o.outcome for o in result.outcomes if o.rule == "PM"] == ["fail"]
    assert "read as `pm25_annual_mean` by its name: 1 row of `细颗粒物年均浓度`" in result.notes


@pytest.mark.parametrize("alias", ["细颗粒物年均浓度", "PM2.5年均浓度", "pm25_annual_mean"])
def test_a_name_of_two_indicators_is_t253(alias: str) -> None:
    text = f"""
indicator pm10_extra "另一指标" {{
  unit μg/m³
  alias "{alias}"
}}
"""
    found = raised_diagnostics(typecheck, suite_from(text))
    assert the_only(found).code == "T253"
    assert "pm25_annual_mean" in the_only(found).message


def test_names_fold_width_space_and_case() -> None:
    assert name_key("ＰＭ２.５ 年均浓度") == name_key("pm2.5年均浓度")
    names = IndicatorNames.of([("a", ["同名"]), ("b", ["同名", "别名"])])
    assert names.find("同名") is None  # shared: names neither
    assert names.find(" 别名 ") == "b"
