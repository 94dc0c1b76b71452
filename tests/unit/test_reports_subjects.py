"""What a proposal id stands for, and what a run judged, in every human format (issue 14
item 6, issue 13's "1 proposal"): a failing id has its name, town and zone beside it, the
counts say "1 proposal · 1 batch" rather than "2 subjects", and the rule table, clauses and
citations are Chinese under `--lang zh`."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import load_workbook
from rich.cells import cell_len

from checker.pipeline import check
from checker.result import Result
from reports import messages, render, render_bytes
from tests.unit.test_reports_golden import fixed

ROOT = Path(__file__).resolve().parents[2]
TRUCKS = ROOT / "examples" / "proposals" / "fail-guo5-trucks.yaml"
BATCH = ROOT / "examples" / "proposals" / "batch.csv"


def trucks() -> Result:
    return check([TRUCKS])


def test_a_proposal_outcome_carries_its_text_and_enum_fields_in_schema_order() -> None:
    failing = next(o for o in trucks().outcomes if o.outcome == "fail")
    assert failing.subject == "DX-2023-107"
    assert [(d.field, d.value) for d in failing.subject_details] == [
        ("name", "航空维修园区物资运输车队"), ("town", "礼贤镇"), ("zone", "临空经济区"),
        ("industry", "航空维修")]


def test_a_missing_field_is_left_out_and_other_subjects_have_none() -> None:
    result = check([BATCH])
    b01 = next(o for o in result.outcomes if o.subject == "B-01")
    # B-01 has no approval number (an empty cell): not shown as "" or "nan"
    assert [d.field for d in b01.subject_details] == ["name", "town", "zone", "industry"]
    assert all(not o.subject_details for o in result.outcomes if o.subject_kind != "record")


def test_the_json_keeps_the_fields_language_neutral() -> None:
    text = render(trucks(), "json")
    assert '"field": "town"' in text and '"value": "礼贤镇"' in text


def test_text_names_the_failing_proposal_beside_its_id() -> None:
    for lang in ("en", "zh"):
        out = render(trucks(), "text", lang=lang)
        assert "DX-2023-107  航空维修园区物资运输车队 · 礼贤镇 · 临空经济区 · 航空维修" in out


def test_html_and_markdown_name_it_escaped() -> None:
    html = render(fixed(), "html")
    assert ('<h3>P-001<span class="about">临空经济区 &lt;b&gt;冷链&lt;/b&gt; &amp; 物流 · 礼贤镇 · '
            '临空经济区</span>') in html
    md = render(fixed(), "markdown")
    assert "| P-001<br>临空经济区 &lt;b&gt;冷链&lt;/b&gt; &amp; 物流 · 礼贤镇 · 临空经济区 |" in md


def test_the_findings_sheet_has_a_name_and_place_column() -> None:
    book = load_workbook(io.BytesIO(render_bytes(trucks(), "xlsx", lang="zh")))
    sheet = book.worksheets[1]
    head = [cell.value for cell in sheet[1]]
    assert head[3:5] == ["对象", "名称及所在地"]
    found = {row[3].value: row[4].value for row in sheet.iter_rows(min_row=2)}
    assert found["DX-2023-107"] == "航空维修园区物资运输车队 · 礼贤镇 · 临空经济区 · 航空维修"


def test_one_proposal_is_counted_as_one_proposal() -> None:
    result = trucks()
    assert messages.subjects_text(result, "en") == "1 proposal · 1 batch"
    assert messages.subjects_text(result, "zh") == "1 个项目 · 1 个批次"
    text = render(result, "text", lang="en")
    assert "fail-guo5-trucks.yaml (1 proposal)" in text
    assert "(1 rows)" not in text and "subjects" not in text
    assert render(result, "text", lang="zh").splitlines()[-2].startswith("1 个项目 · 1 个批次 · ")


def test_a_region_and_its_stated_plan_count_as_one_region() -> None:
    assert messages.subjects_text(fixed(), "en") == "4 proposals · 1 batch · 1 region"


def test_plan_data_rows_say_they_are_the_catalogued_ones() -> None:
    # the notes account for the rows outside the catalogue; "18 rows" of a longer table
    # read as if rows had been dropped
    result = fixed()
    plan = next(i for i in result.inputs if i.kind == "plan_data")
    assert messages.rows_text(plan, "en") == "18 catalogued rows"
    assert messages.rows_text(plan, "zh") == "目录内 18 行"
    assert messages.rows_text(plan.model_copy(update={"rows": 1}), "en") == "1 catalogued row"


def test_the_rule_table_clauses_and_citations_are_chinese_under_zh() -> None:
    out = render(trucks(), "text", lang="zh")
    assert "规则       名称" in out and "约束性" in out and "无法计算" in out
    assert "binding" not in out and "anticipatory" not in out and "unknown   n/a" not in out
    assert "第八章 二 (一)，第 557 行" in out
    assert "✗ 要求 vehicle_emission_standard >= 国六b → 不成立" in out
    assert "✓ 适用条件 new_operating_vehicles > 0 → 成立" in out
    # every line of the zh rule table fits the 100 columns the plain text is written for
    assert all(cell_len(line) <= 100 for line in out.splitlines())
