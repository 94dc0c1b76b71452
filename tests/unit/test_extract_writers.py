"""json, csv and the plan-data table: shapes, exact values, and what is left out and why."""

from __future__ import annotations

import csv
import io
import json

from checker.tools.extract.writers import COLUMNS, DataOptions, to_csv, to_data, to_json
from tests.extract_helpers import bundled, items_of

REPORT = ("一、2024年国民经济和社会发展计划执行情况\n"
          "地区生产总值增长5.2%,全区污水处理率达96%以上,森林覆盖率34.5%。\n"
          "地区生产总值扣除疫苗影响同比增长3%。\n")


def test_json_holds_every_item_with_exact_numbers() -> None:
    data = json.loads(to_json(items_of(REPORT)))
    assert list(data) == ["items"]
    assert [row["value"] for row in data["items"]] == [5.2, 96, 34.5, 3]
    assert all(list(row) == list(COLUMNS) for row in data["items"])
    assert data["items"][1]["op"] == ">=" and data["items"][1]["qualifier"] == "以上"


def test_csv_has_the_same_columns() -> None:
    rows = list(csv.reader(io.StringIO(to_csv(items_of(REPORT)))))
    assert tuple(rows[0]) == COLUMNS
    assert [r[COLUMNS.index("value")] for r in rows[1:]] == ["5.2", "96", "34.5", "3"]


def test_data_rows_are_the_mapped_figures_and_the_rest_is_named() -> None:
    checked = bundled()
    written = to_data(items_of(REPORT, "r.txt"), checked.indicators, checked.units, "大兴区",
                      DataOptions())
    rows = list(csv.DictReader(io.StringIO(written.text)))
    assert [(r["indicator"], r["year"], r["value"], r["unit"], r["kind"]) for r in rows] == [
        ("gdp_growth", "2024", "5.2", "%", "actual"), ("forest_coverage", "2024", "34.5", "%",
                                                      "actual")]
    assert rows[0]["source"] == "r.txt:2 “地区生产总值增长5.2%”"
    reasons = {i.words: r for i, r in written.left_out}
    assert "no indicator" in reasons["96%以上"]
    assert "basis" in reasons["3%"]


def test_data_writes_bounds_and_bases_where_the_loader_reads_them() -> None:
    checked = bundled()
    text = ("一、2024年国民经济和社会发展计划执行情况\n"
            "森林覆盖率达到34%以上。地区生产总值扣除疫苗影响增长3%。\n")
    options = DataOptions(columns=("note", "basis"), qualified=True)
    written = to_data(items_of(text), checked.indicators, checked.units, "大兴区", options)
    rows = list(csv.DictReader(io.StringIO(written.text)))
    assert [(r["value"], r["basis"]) for r in rows] == [("34以上", ""), ("3", "扣除疫苗")]


def test_a_second_value_for_one_data_point_is_left_out() -> None:
    checked = bundled()
    text = "一、2024年国民经济和社会发展计划执行情况\n森林覆盖率34%。森林覆盖率35%。\n"
    written = to_data(items_of(text), checked.indicators, checked.units, "大兴区", DataOptions())
    assert written.rows == 1
    assert "a second value" in written.left_out[0][1]
