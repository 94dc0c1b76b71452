"""Plan-data tables as reports lay them out (checker/data/layouts.py): headings, totals,
merged cells, names with marks or units, 属性 and 完成情况 columns, and cells that give no
figure — each read for what it is and said aloud, never a guessed figure (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from checker.data.plan_data import PlanData, load_plan_data
from checker.diagnostics import Diagnostic
from tests.helpers import checked_from, indicator_points, raised_errors, the_only

RULE = """
rule NHD "国家卫生区创建" {
  cite "第一章" line 1: "x"
  kind anticipatory because "预期性"
  require national_health_district by 2023
}
"""


def load(tmp_path: Path, text: str, **options: str) -> PlanData:
    checked = checked_from(RULE)
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    return load_plan_data([path], checked.indicators, checked.units, region="大兴区", **options)


def errors(*args: object) -> list[Diagnostic]:
    return raised_errors(load, *args)


points = indicator_points


def test_section_headings_and_totals_are_counted_not_read(tmp_path: Path) -> None:
    data = load(tmp_path, "序号,指标,年份,数值,单位\n"
                          "一、生态环境,,,,\n"
                          "1,森林覆盖率,2022,34,%\n"
                          "（二）经济,,,,\n"
                          "2,一般公共预算收入,2022,104.4,亿元\n"
                          ",合计,2022,138.4,\n")
    assert points(data) == [("forest_coverage", 2022, 34.0),
                            ("general_budget_revenue", 2022, 104.4)]
    (tally,) = data.tallies
    assert tally.rows == 5 and tally.headings == ("一、生态环境", "（二）经济")
    assert tally.totals == (("合计", 1),)  # its figure counted, and named with it
    assert (", 3 no figure (2 section headings: `一、生态环境`, `（二）经济`; 1 total row with "
            "1 figure (`合计` 1): sums of the rows above, no indicator's own, not read)") \
        in tally.note


@pytest.mark.parametrize("name", ["森林覆盖率*", "森林覆盖率①", "森林覆盖率[1]", "森林覆盖率注1",
                                  "1.森林覆盖率", "（1）森林覆盖率", "全区森林覆盖率",
                                  "其中：森林覆盖率"])
def test_a_name_with_a_mark_or_a_number_is_the_name(tmp_path: Path, name: str) -> None:
    data = load(tmp_path, f"指标,年份,数值,单位\n{name},2022,34,%\n")
    assert points(data) == [("forest_coverage", 2022, 34.0)]


def test_a_mark_alone_is_not_a_name(tmp_path: Path) -> None:
    # a name that is no catalogued name once cleaned stays as written, outside the catalogue
    data = load(tmp_path, "指标,年份,数值,单位\n森林蓄积*量,2022,34,%\n")
    assert data.uncatalogued == (("森林蓄积*量", 1),)


def test_the_unit_in_the_name_is_the_rows_unit(tmp_path: Path) -> None:
    data = load(tmp_path, "指标,年份,数值\n一般公共预算收入（万元）,2022,1044000\n"
                          "PM2.5年均浓度(微克/立方米),2022,32\n")
    assert points(data) == [("general_budget_revenue", 2022, 104.4),
                            ("pm25_annual_mean", 2022, 32.0)]


def test_a_unit_in_the_name_and_another_in_the_column_is_d311(tmp_path: Path) -> None:
    found = the_only(errors(tmp_path, "指标,年份,数值,单位\n"
                                        "一般公共预算收入(亿元),2022,104.4,万元\n"))
    assert found.code == "D311"
    assert found.message.startswith("the unit is given twice: `亿元` in the name")
    assert (found.span.line, found.help) == (2, "keep one: write the unit in the `unit` "
                                                "column only")


def test_a_bracket_that_is_no_unit_stays_part_of_the_name(tmp_path: Path) -> None:
    data = load(tmp_path, "指标,年份,数值,单位\n规上工业总产值(现价),2022,1017.7,亿元\n")
    assert data.uncatalogued == (("规上工业总产值(现价)", 1),)


def test_a_merged_cell_carries_the_name_and_unit_down_to_a_section_heading(
        tmp_path: Path) -> None:
    data = load(tmp_path, "序号,指标,年份,数值,单位\n"
                          "1,PM2.5年均浓度,2020,37,微克/立方米\n"
                          ",,2022,32,\n"
                          "二、经济,,,,\n")
    assert points(data) == [("pm25_annual_mean", 2020, 37.0), ("pm25_annual_mean", 2022, 32.0)]
    warning = the_only([w for w in data.warnings if w.code == "D349"])
    assert warning.span.line == 3
    found = errors(tmp_path, "序号,指标,年份,数值,单位\n"
                                               "一、环境,,,,\n"
                                               ",,2022,32,微克/立方米\n")
    assert the_only(found).code == "D312"  # nothing above to carry: still a row without one


@pytest.mark.parametrize("word", ["—", "-", "/", "暂无", "待统计", "未公布", "基本完成"])
def test_no_figure_is_a_gap_said_aloud_never_a_value(tmp_path: Path, word: str) -> None:
    data = load(tmp_path, "指标,年份,数值,单位\n国家卫生区创建,2023,是,\n"
                          f"国家卫生区创建,2024,{word},\n")
    assert points(data) == [("national_health_district", 2023, 1.0)]
    warning = the_only([w for w in data.warnings if w.code == "D346"])
    assert f"give no figure (`{word}` 1)" in warning.message or \
        f"gives no figure (`{word}` 1)" in warning.message
    assert ("never read as done" in warning.message) == (word == "基本完成")
    (tally,) = data.tallies
    assert tally.rows == 2 and f"1 gap (`{word}` 1)" in tally.note


def test_an_empty_value_is_still_d312(tmp_path: Path) -> None:
    found = errors(tmp_path, "指标,年份,数值,单位\n森林覆盖率,2022,,%\n")
    assert the_only(found).code == "D312"


def test_the_attribute_is_compared_with_the_catalogue(tmp_path: Path) -> None:
    data = load(tmp_path, "指标,年份,数值,单位,属性\n森林覆盖率,2022,34,%,约束性\n"
                          "一般公共预算收入,2022,104.4,亿元,约束性\n"
                          "PM2.5年均浓度,2022,32,μg/m³,重点\n")
    said = sorted(w.message for w in data.warnings if w.code == "D348")
    assert said == ["the attribute `约束性` of `一般公共预算收入` says binding, but the catalogue "
                    "has `general_budget_revenue` as anticipatory",
                    "the attribute `重点` of `PM2.5年均浓度` is neither 约束性 (binding) nor "
                    "预期性 (anticipatory)"]


def test_the_reports_own_word_on_a_row_is_part_of_its_note(tmp_path: Path) -> None:
    data = load(tmp_path, "指标,单位,2022年目标,2022年完成,完成情况,备注\n"
                          "细颗粒物年均浓度,微克/立方米,34,32,完成,区发改委\n"
                          "森林覆盖率,%,,34,超额完成,\n")
    notes = dict(zip(zip(data.frame["indicator"], data.frame["kind"], strict=True),
                     data.frame["note"].astype(object).where(data.frame["note"].notna(), None),
                     strict=True))
    assert notes[("pm25_annual_mean", "actual")] == "完成情况：完成；区发改委"
    assert notes[("forest_coverage", "actual")] == "完成情况：超额完成"
    assert not pd.isna(notes[("pm25_annual_mean", "target")])


def test_a_parquet_table_is_read_as_it_is(tmp_path: Path) -> None:
    checked = checked_from(RULE)
    path = tmp_path / "t.parquet"
    pd.DataFrame({"indicator": ["森林覆盖率*"], "region": ["大兴区"], "year": [2022],
                  "value": [34.0], "unit": ["%"]}).to_parquet(path)
    data = load_plan_data([path], checked.indicators, checked.units)
    assert data.uncatalogued == (("森林覆盖率*", 1),)


def test_a_growth_column_beside_one_year_is_each_rows_growth(tmp_path: Path) -> None:
    data = load(tmp_path, "指标,单位,2024年,比上年增长(%)\n一般公共预算收入,亿元,110.4,5\n"
                          "地区生产总值,亿元,—,5.2\n")
    assert points(data) == [("gdp_growth", 2024, 5.2), ("general_budget_revenue", 2024, 110.4),
                            ("general_budget_revenue_growth", 2024, 5.0)]
    assert data.uncatalogued == ()  # 地区生产总值's own row is the gap `—`


def test_title_rows_above_the_header_are_said_and_skipped(tmp_path: Path) -> None:
    data = load(tmp_path, "大兴区2024年主要经济指标,,\n\n单位：亿元,,\n指标,2022年,2024年\n"
                          "一般公共预算收入,104.4,110.4\n")
    assert points(data) == [("general_budget_revenue", 2022, 104.4),
                            ("general_budget_revenue", 2024, 110.4)]
    said = [(w.span.line, w.message.split(": read as ")[1]) for w in data.warnings
            if w.code == "D318"]
    assert said == [(1, "the table's title `大兴区2024年主要经济指标`, not as a row"),
                    (3, "the unit `亿元` of every figure without one, not as a row")]
    assert data.origin(0).line == 5


def test_a_titled_table_is_plan_data_in_a_csv_and_a_workbook(tmp_path: Path) -> None:
    import openpyxl

    from checker.data.file_kinds import classify

    path = tmp_path / "t.csv"
    path.write_text("表1 主要指标完成情况\n指标,单位,2022年\n森林覆盖率,%,34\n", encoding="utf-8")
    assert classify(path) == "plan_data"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["表1 主要指标完成情况"])
    sheet.append(["指标", "单位", "2022年"])
    sheet.append(["森林覆盖率", "%", 34])
    book.save(tmp_path / "t.xlsx")
    assert classify(tmp_path / "t.xlsx") == "plan_data"
    checked = checked_from(RULE)
    data = load_plan_data([tmp_path / "t.xlsx"], checked.indicators, checked.units,
                          region="大兴区")
    assert points(data) == [("forest_coverage", 2022, 34.0)]
    assert [w.span.line for w in data.warnings if w.code == "D318"] == [1]


def test_a_one_column_table_has_no_title(tmp_path: Path) -> None:
    from checker.data.tables import title_rows

    assert title_rows([["id"], ["P-1"], ["P-2"]]) == 0
    assert title_rows([["表1", "", ""], ["指标", "单位", "2022年"]]) == 1


def test_a_year_over_its_target_and_actual_is_one_header(tmp_path: Path) -> None:
    data = load(tmp_path, "指标,单位,2022年,,2024年,\n,,目标,完成,目标,完成\n"
                          "细颗粒物年均浓度,微克/立方米,34,32,,34\n")
    kinds = sorted(zip(data.frame["year"].astype(int), data.frame["kind"],
                       data.frame["value"].astype(float), strict=True))
    assert kinds == [(2022, "actual", 32.0), (2022, "target", 34.0), (2024, "actual", 34.0)]
    assert data.origin(0).line == 3
    (tally,) = data.tallies
    assert tally.note.split("t.csv`: ")[1].startswith(
        "3 figures (a wide table: one per filled cell, from 1 row) read")


def test_a_second_row_of_other_words_is_data_not_header(tmp_path: Path) -> None:
    found = errors(tmp_path, "指标,单位,2022年,\n,,目标,备注\n细颗粒物年均浓度,微克/立方米,34,x\n")
    assert found  # not read as a header: said, never guessed


def test_positive_or_negative_growth_in_words_is_a_bound_of_the_rate(tmp_path: Path) -> None:
    data = load(tmp_path, "指标,年份,数值,单位\n地区生产总值增速,2021,实现正增长,%\n"
                          "地区生产总值增速,2022,负增长,%\n")
    frame = data.frame.sort_values("year")
    assert frame["value"].isna().all()  # bounds, never a figure
    assert frame["low"].tolist()[0] == 0 and bool(frame["low_open"].tolist()[0])
    assert pd.isna(frame["high"].tolist()[0])
    assert frame["high"].tolist()[1] == 0 and bool(frame["high_open"].tolist()[1])
    found = errors(tmp_path, "指标,年份,数值,单位\nPM2.5年均浓度,2022,负增长,μg/m³\n")
    assert the_only(found).code == "D320"  # a level has no growth in words
