"""The real Daxing figures in the shapes offices publish them, hostile round
(tests/data/real-variants/hostile): a title and a column-number row (`甲 | 乙 | 1 | 2`) above
a yearbook's `***` and `#`; figures with thousands separators in 万元, full-width digits
and `％`; an execution report's `年度目标 | 完成值` columns; notes under the table (`注：`,
`数据来源：`); the indicators across and the years down (`年份 | 细颗粒物年均浓度 | …`
under a `单位` row); the same table as GB18030, with a byte-order mark and as a workbook of two
sheets. Each loads with every row counted and the unknown indicators named, or says
precisely why not — never a traceback, never a silent drop."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import check_json as check
from tests.helpers import outcome_of as outcome
from tests.helpers import table_note

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "data" / "real-variants" / "hostile"


LOADED = sorted(HOSTILE.glob("*.csv"))


@pytest.mark.parametrize("path", LOADED, ids=lambda p: p.name)
def test_each_hostile_table_loads(path: Path) -> None:
    code, result, stderr = check(path)
    assert code != 2, stderr
    assert not [n for n in result["notes"] if n.startswith("error")]


def test_column_numbers_and_a_yearbooks_marks_are_not_figures() -> None:
    path = HOSTILE / "column-numbers.csv"
    _, result, _ = check(path)
    assert any("[D318]" in n and "numbers the columns (`甲 | 乙 | 1 | 2 | 丙 | 丁`)" in n
               for n in result["notes"])
    note = table_note(result, path)
    # 3 indicator rows, 2 years: 6 cells, one `***`; `#生活垃圾回收利用率` is 其中 (of which)
    assert ": 5 figures (a wide table: one per filled cell, from 3 rows) read: 3 in the " \
        "catalogue, 2 not (named: `生活垃圾回收利用率` 2)" in note
    assert any("[D346]" in n and "(`***` 1)" in n for n in result["notes"])
    assert outcome(result, "AIR-03")["outcome"] == "fail"  # 32 (2022), 34 (2024)


def test_thousands_separators_full_width_digits_and_other_units_are_the_figures() -> None:
    _, result, _ = check(HOSTILE / "thousands.csv")
    points = {(s["indicator"], p["year"]): p["value"] for s in result["series"]
              for p in s["points"]}
    assert points[("general_budget_revenue", 2022)] == 104.4  # "1,044,000" 万元
    assert points[("pm25_annual_mean", 2024)] == 34.0  # ３４ in μg/m3
    assert points[("pm25_annual_mean", 2022)] == 32.0  # in ug/m³
    note = table_note(result, HOSTILE / "thousands.csv")
    assert ": 6 rows read: 4 in the catalogue, 2 not (named: `固定资产投资` 1, `污水处理率` 1)" \
        in note
    assert outcome(result, "AIR-03")["outcome"] == "fail"


def test_a_years_target_and_actual_columns_are_checked() -> None:
    path = HOSTILE / "target-done.csv"
    _, result, _ = check(path)
    assert outcome(result, "ANNUAL-01")["message"] == (
        "2022: 3% < 6% (target 6%以上, 扣除疫苗), short by 3 percentage points, 50 %")
    assert outcome(result, "ANNUAL-03")["outcome"] == "pass"
    pending = outcome(result, "ANNUAL-04")  # 重污染天数 2022: `—`, a gap, never a pass
    assert pending["outcome"] == "unknown"
    assert "missing: heavy_pollution_days (2022)" in pending["message"]
    # 5 rows, 9 cells of 年度目标 or 完成值 filled: one figure each, the `—` a gap
    assert ": 9 figures (one per filled cell, from 5 rows: 4 give `年度目标` and `完成值`, 1 " \
        "gives `完成值` only) read: 6 in the catalogue, 2 not (named: `固定资产投资` 2), 1 no " \
        "figure (1 gap (`—` 1))" in table_note(result, path)


def test_notes_under_the_table_are_counted_not_read() -> None:
    path = HOSTILE / "footnotes.csv"
    _, result, _ = check(path)
    note = table_note(result, path)
    assert note.startswith(f"`{path.relative_to(ROOT)}`: 6 rows read: 3 in the catalogue, "
                           "0 not, 3 no figure (3 notes under the table: `注：1.")
    assert "`数据来源：大兴区发展和改革委员会。`" in note


@pytest.mark.parametrize(("encoding", "bom"), [("gb18030", b""), ("utf-8", b"\xef\xbb\xbf")])
def test_a_gb18030_or_bom_csv_reads_as_its_utf8_twin(tmp_path: Path, encoding: str,
                                                    bom: bytes) -> None:
    original = HOSTILE / "target-done.csv"
    path = tmp_path / "target-done.csv"
    path.write_bytes(bom + original.read_text(encoding="utf-8").encode(encoding))
    _, result, stderr = check(path)
    assert result, stderr
    _, twin, _ = check(original)
    assert sorted((o["rule"], o["outcome"], o["message"]) for o in result["outcomes"]) == \
        sorted((o["rule"], o["outcome"], o["message"]) for o in twin["outcomes"])
    assert table_note(result, path).split(": ", 1)[1] == \
        table_note(twin, original).split(": ", 1)[1]


def test_a_workbook_of_two_sheets_reads_the_first_and_names_the_other(tmp_path: Path) -> None:
    import csv

    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    first.title = "2022年"
    second = book.create_sheet("2024年")
    with (HOSTILE / "target-done.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    for row in [rows[0], *(r for r in rows[1:] if r[1] == "2022")]:
        first.append(row)
    for row in [rows[0], *(r for r in rows[1:] if r[1] == "2024")]:
        second.append(row)
    path = tmp_path / "two.xlsx"
    book.save(path)
    _, result, _ = check(path)
    assert any("[D315]" in n and "only the first sheet" in n and "`2024年` (2 rows)" in n
               for n in result["notes"])
    assert outcome(result, "ANNUAL-01")["outcome"] == "fail"
    _, second_only, _ = check(path, "--sheet", "2024年")
    points = {(s["indicator"], p["year"]) for s in second_only["series"] for p in s["points"]}
    assert ("pm25_annual_mean", 2024) in points and ("pm25_annual_mean", 2022) not in points


def test_indicators_across_are_turned_with_every_cell_counted() -> None:
    path = HOSTILE / "indicators-across.csv"
    code, result, stderr = check(path)
    assert code != 2, stderr
    # 2 years x 3 indicators: 6 cells, one `—`; the `单位` row gives each column's unit
    assert ": 5 figures (a wide table: one per filled cell, from 2 rows) read: 5 in the " \
        "catalogue, 0 not" in table_note(result, path)
    assert any("[D346]" in n and "1 cell of the table" in n and "(indicators across)" in n
               and "(`—` 1)" in n for n in result["notes"])
    points = {(s["indicator"], p["year"]): p["value"] for s in result["series"]
              for p in s["points"]}
    assert points == {("pm25_annual_mean", 2022): 32.0, ("pm25_annual_mean", 2024): 34.0,
                      ("general_budget_revenue", 2022): 104.4,
                      ("general_budget_revenue", 2024): 110.4, ("forest_coverage", 2022): 34.0}
    assert outcome(result, "AIR-03")["outcome"] == "fail"  # 32 (2022), 34 (2024)


def test_indicators_across_with_a_bad_year_says_the_cell_once(tmp_path: Path) -> None:
    path = tmp_path / "across.csv"
    path.write_text("年份,细颗粒物年均浓度(微克/立方米),森林覆盖率(%)\n2022,32,34\n"
                    "2023年中,33,35\n", encoding="utf-8")
    code, _, stderr = check(path)
    assert code == 2
    assert stderr.count("error[D324]: `2023年中` in `year` is not a year or a period") == 1
    assert "across.csv:3:1" in stderr


def test_indicators_across_outside_the_catalogue_and_notes_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "across.csv"
    path.write_text("年份,细颗粒物年均浓度(微克/立方米),生活垃圾回收利用率(%),数据来源\n"
                    "2022,32,37.5,a\n2023年上半年,33,,b\n2024,34,40,c\n"
                    "注：2023年上半年为1-6月均值,,,\n", encoding="utf-8")
    _, result, stderr = check(path)
    assert result, stderr
    note = table_note(result, path)
    assert ": 5 figures (a wide table: one per filled cell, from 3 rows) read: 3 in the " \
        "catalogue, 2 not (named: `生活垃圾回收利用率` 2), besides 1 note under the table: " \
        "`注：2023年上半年为1-6月均值` (rows, not figures); of the 3: 2 of whole years, 1 of " \
        "parts of a year" in note
    assert any("[D346]" in n and "(empty 1)" in n for n in result["notes"])


def test_indicators_across_beside_a_unit_column_are_d313_saying_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "across.csv"
    path.write_text("年份,细颗粒物年均浓度,单位\n2022,32,微克/立方米\n", encoding="utf-8")
    code, _, stderr = check(path)
    assert code == 2
    assert "error[D313]: required column `indicator` is missing: the table gives the " \
        "indicators across (`细颗粒物年均浓度`), one row per year" in stderr
    assert "help: with the years down, give each indicator its column and its unit in the " \
        "heading (`细颗粒物年均浓度(微克/立方米)`) or in a `单位` row under the header" in stderr
    assert stderr.count("error[") == 1
