"""Every row of a plan-data table is accounted for in the result's notes (issue 10 item 6):
how many were read, how many the catalogue holds, the ids it does not (named, with their
rows), and what the catalogued rows are — whole years or parts of a year, qualified
figures, bases, targets, repeats.  The parts add up to the rows read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.data.plan_data import PlanData, load_plan_data
from checker.pipeline import check_with
from tests.helpers import checked_from

RULE = """
rule PM "PM2.5 below 37" {
  cite "第一章" line 1: "x"
  kind binding because "约束性"
  require pm25_annual_mean < 37 μg/m³ each year in 2021..2024
}
"""

# 10 rows: 7 catalogued (3 whole years of which 1 qualified and 1 target on a basis,
# a half-year, a quarter, a month, one row by its Chinese name) and 3 outside (2 ids).
REPORT = """indicator,region,year,value,unit,kind,basis
pm25_annual_mean,大兴区,2022,32,μg/m³,actual,
pm25_annual_mean,大兴区,2023,34以下,μg/m³,actual,
gdp_growth,大兴区,2022,6以上,%,target,扣除疫苗
gdp_growth,大兴区,2022H1,2.1,%,actual,
gdp_growth,大兴区,2022Q1,5.2,%,actual,
pm25_annual_mean,大兴区,2021-04,32,μg/m³,actual,
细颗粒物年均浓度,大兴区,2024,34,μg/m³,actual,
fixed_asset_investment,大兴区,2022,922.3,亿元,actual,
fixed_asset_investment,大兴区,2024,835.9,亿元,actual,
retail_sales_consumer_goods,大兴区,2022,640.1,亿元,actual,
"""


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # tables are named as given, relative to the working folder


def load(tmp_path: Path, *tables: tuple[str, str]) -> PlanData:
    checked = checked_from(RULE)
    paths = []
    for name, text in tables:
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    return load_plan_data(paths, checked.indicators, checked.units, region="大兴区")


def test_the_note_counts_every_row_and_names_the_ids_outside_the_catalogue(
        tmp_path: Path) -> None:
    data = load(tmp_path, ("report.csv", REPORT))
    [note] = data.accounts
    assert note == (
        "`report.csv`: 10 rows read: 7 in the catalogue, 3 not (named: "
        "`fixed_asset_investment` 2, `retail_sales_consumer_goods` 1); of the 7: 4 of whole "
        "years, 3 of parts of a year (2 qualified figures, 1 on a stated basis, 1 target, "
        "1 read by an indicator's name)")
    assert len(data.frame) == 7


def test_the_counts_add_up_to_the_rows_of_the_file(tmp_path: Path) -> None:
    data = load(tmp_path, ("report.csv", REPORT))
    [tally] = data.tallies
    assert tally.rows == len(REPORT.strip().splitlines()) - 1
    assert tally.catalogued + sum(rows for _, rows in tally.outside) == tally.rows
    assert tally.repeats + tally.annual + tally.parts == tally.catalogued


def test_a_row_given_twice_is_counted_once_and_said(tmp_path: Path) -> None:
    twice = REPORT + "pm25_annual_mean,大兴区,2022,32,μg/m³,actual,\n"
    [note] = load(tmp_path, ("report.csv", twice)).accounts
    assert note.startswith("`report.csv`: 11 rows read: 8 in the catalogue, 3 not (named: ")
    assert "of the 8: 1 given twice with the same value, counted once, 4 of whole years, " \
           "3 of parts of a year" in note


def test_a_table_all_in_the_catalogue_says_none_is_outside(tmp_path: Path) -> None:
    plain = "indicator,region,year,value,unit\npm25_annual_mean,大兴区,2022,32,μg/m³\n"
    [note] = load(tmp_path, ("plain.csv", plain)).accounts
    assert note == ("`plain.csv`: 1 row read: 1 in the catalogue, 0 not; of the 1: 1 of whole "
                    "years, 0 of parts of a year")


def test_a_table_all_outside_the_catalogue_still_loads_and_is_counted(tmp_path: Path) -> None:
    outside = ("indicator,region,year,value,unit\n"
               "fixed_asset_investment,大兴区,2022,922.3,亿元\n")
    [note] = load(tmp_path, ("outside.csv", outside)).accounts
    assert note == ("`outside.csv`: 1 row read: 0 in the catalogue, 1 not (named: "
                    "`fixed_asset_investment` 1)")


def test_a_wide_table_counts_its_figures(tmp_path: Path) -> None:
    wide = ("指标,地区,单位,2020年基数,2021年,2022年\n"
            "细颗粒物年均浓度,大兴区,微克/立方米,37,—,32\n"
            "固定资产投资,大兴区,亿元,,,922.3\n")
    [note] = load(tmp_path, ("wide.csv", wide)).accounts
    assert note == ("`wide.csv`: 3 figures (a wide table: one per filled cell, from 2 rows) "
                    "read: 2 in the "
                    "catalogue, 1 not (named: `固定资产投资` 1); of the 2: 2 of whole years, "
                    "0 of parts of a year (2 read by an indicator's name)")


def test_several_tables_get_a_note_each_and_their_sum(tmp_path: Path) -> None:
    plain = "indicator,region,year,value,unit\npm25_annual_mean,大兴区,2021,33,μg/m³\n"
    data = load(tmp_path, ("report.csv", REPORT), ("plain.csv", plain))
    assert [n.split(":")[0] for n in data.accounts[:2]] == ["`report.csv`", "`plain.csv`"]
    assert data.accounts[2] == ("2 plan-data tables, 11 rows read in all: 8 in the catalogue, "
                                "3 not (2 ids outside it)")


def test_the_result_of_a_check_says_the_account_first(tmp_path: Path) -> None:
    (tmp_path / "report.csv").write_text(REPORT, encoding="utf-8")
    result = check_with(checked_from(RULE), [tmp_path / "report.csv"], as_of=2024)
    assert result.notes[0].startswith("`")
    assert re.search(r"report\.csv`: 10 rows read: 7 in the catalogue, 3 not", result.notes[0])
    [loaded] = [i for i in result.inputs if i.kind == "plan_data"]
    assert loaded.rows == 7  # the catalogued rows; the account says the rest
