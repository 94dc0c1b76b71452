"""Plan-data tables as offices publish them: Chinese headings (指标, 年份, 数值, 单位) and kind
words (实际, 目标), read as the data contract's names; anything else is still refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.data.load import load
from checker.data.plan_data import load_plan_data
from tests.helpers import checked_from, raised_diagnostics, the_only

RULE = """
rule PM "PM2.5 within the year's target" {
  cite "第一章" line 1: "x"
  kind binding because "约束性"
  require pm25_annual_mean <= target(pm25_annual_mean) each year in 2021..2025
}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "表.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_chinese_headings_and_kind_words_are_the_contracts(tmp_path: Path) -> None:
    checked = checked_from(RULE)
    path = write(tmp_path, "指标,地区,年份,数值,单位,类型,数据来源,备注\n"
                           "细颗粒物年均浓度,大兴区,2022,32,微克/立方米,实际,执行情况报告,\n"
                           "PM2.5年均浓度,大兴区,2022,34,微克/立方米,目标,工作计划,年度目标\n")
    loaded = load([path], checked.schemas, checked.indicators, checked.units)
    assert loaded.plan_data is not None and loaded.records is None
    frame = loaded.plan_data.frame
    assert frame["kind"].tolist() == ["actual", "target"]
    assert frame["source"].tolist() == ["执行情况报告", "工作计划"]
    assert frame["indicator"].tolist() == ["pm25_annual_mean"] * 2


@pytest.mark.parametrize(("table", "code", "message"), [
    ("indicator,指标,region,year,value,unit\n"
     "pm25_annual_mean,pm25_annual_mean,大兴区,2022,32,μg/m³\n",
     "D311", "column `indicator` appears twice (as `指标`)"),
    # `预计` is an actual, estimated, as the headings read it (`2023年预计`), the word in
    # its note (tests/unit/test_basis_words.py); a word of neither kind is refused
    ("指标,地区,年份,数值,单位,类型\npm25_annual_mean,大兴区,2022,32,μg/m³,目标任务\n",
     "D343", "`目标任务` in `kind` is neither `actual` nor `target`"),
])
def test_what_the_words_do_not_cover_is_still_refused(tmp_path: Path, table: str, code: str,
                                                      message: str) -> None:
    checked = checked_from(RULE)
    found = the_only(raised_diagnostics(load_plan_data, [write(tmp_path, table)],
                                        checked.indicators, checked.units))
    assert (found.code, found.message) == (code, message)
