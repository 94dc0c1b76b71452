"""The result's notes in a Chinese report: every shape the engine words is reworded, names
and numbers kept; load warnings (diagnostics) and unknown shapes stay as written."""

from __future__ import annotations

import pytest

from checker.pipeline import capped_notes, check
from checker.result import Result
from reports import render
from reports.notes import note
from tests.helpers import ROOT

EXAMPLES = ROOT / "examples"
RUNS = [[EXAMPLES / "proposals" / "batch.csv", EXAMPLES / "data" / "daxing-baseline.csv"],
        [EXAMPLES / "data" / "daxing-2022-annual-plan.csv", EXAMPLES / "data" /
         "daxing-baseline.csv"],
        [EXAMPLES / "data" / "daxing-real-actuals.csv"],
        [EXAMPLES / "data" / "daxing-real-qualified.csv"],
        [EXAMPLES / "proposals" / "batch.csv"]]


@pytest.fixture(scope="module")
def notes() -> list[str]:
    found = [n for files in RUNS for n in check(files).notes]
    found += check([EXAMPLES / "data" / f"daxing-real-{name}.csv"
                    for name in ("actuals", "qualified", "annual")]).notes
    found += check([EXAMPLES / "data" / "daxing-real-annual.csv"],
                   as_of=2022).notes  # as-of given: no as-of note
    return found


def test_every_engine_note_of_the_examples_is_chinese(notes: list[str]) -> None:
    english = [n for n in notes if not n.startswith("warning[") and note(n, "zh") == n]
    assert english == []
    # ("plan data for … is not checked by any rule" no longer arises here: the published
    # growth rates are read by growth(); its shape is in test_each_shape)
    assert {n.split(" ")[0] for n in notes} >= {"as", "not", "warning[D342]", "3"}
    assert any(n.startswith("`examples/data/daxing-real-annual.csv`: 11 rows read") for n in notes)


@pytest.mark.parametrize(("english", "chinese"), [
    ("as of 2020: the latest year with annual actual data; `--as-of YEAR` chooses another",
     "评估时点 2020：有年度实际数据的最近一年；用 `--as-of 年份` 可另选"),
    ("as of 2025: the plan's last year (no annual actual data was given); `--as-of YEAR` "
     "chooses another",
     "评估时点 2025：规划期末年（未提供年度实际数据）；用 `--as-of 年份` 可另选"),
    ("10 values of parts of a year, kept and shown, not read by annual rules: `a` 2020-06 = 3, "
     "`b` 2022Q1 = 5 and 8 more",
     "10 个年内分期数值已保留并列出，年度规则不读取："
     "`a` 2020-06 = 3、`b` 2022Q1 = 5 等（另有 8 个）"),
    ("`gdp` for `大兴区` (actual) in 2021, 2022 is given only on the basis `可比价`, and no rule "
     "read it: rules read the default basis (rows without `basis`), or the basis a year's "
     "target is stated on",
     "`大兴区` 的 `gdp`（actual）2021、2022年只按口径 `可比价` 给出，没有规则读取：规则读取默认口径"
     "（不写 `basis` 的行）或年度目标所述的口径"),
    ("2 annual values of a year ending after the as-of date 2023-06-30 are not used: `a` 2023, "
     "`b` 2023", "2 个年度数值所属年份在评估日期 2023-06-30 之后，未使用：`a` 2023、`b` 2023"),
    ("9,000 of the 12,000 series of the plan data are not listed in `series` (listed: those a "
     "failing, erroneous or unknown outcome reads); `--series all` lists every one",
     "规划数据的 12,000 个序列中有 9,000 个未列入 `series`（列出的是：未通过、无法计算或待定的结果"
     "读取的序列）；用 `--series all` 列出全部"),
    ("`d.csv`: 8 rows read: 2 in the catalogue, 6 not (named: `a` 5, `b` 1); of the 2: 1 of "
     "whole years, 1 of parts of a year (1 qualified figure, 1 target)",
     "`d.csv`：读取 8 行：2 行在指标目录中，6 行不在（`a` 5、`b` 1）；"
     "其中在目录中的 2 行：1 行为整年数值、1 行为年内分期数值（1 个限定数值、1 个目标）"),
    ("`w.xlsx`: 40 figures (a wide table: one per filled cell) read: 40 in the catalogue, 0 not; "
     "of the 40: 2 given twice with the same value, counted once, 38 of whole years, 0 of parts "
     "of a year (3 on a stated basis, 4 read by an indicator's name)",
     "`w.xlsx`：读取 40 个数值（宽表：每个非空单元格一个）：40 个数值在指标目录中，0 个数值不在；"
     "其中在目录中的 40 个数值：2 行重复给出且数值相同，计一次、38 行为整年数值、0 行为年内分期数值"
     "（3 个注明口径、4 个按指标名称读取）"),
    ("`e.csv`: 1 row read: 0 in the catalogue, 1 not (named: `x` 1)",
     "`e.csv`：读取 1 行：0 行在指标目录中，1 行不在（`x` 1）"),
    ("3 plan-data tables, 60 rows read in all: 33 in the catalogue, 27 not (16 ids outside it)",
     "3 个规划数据表共读取 60 行：33 行在指标目录中，27 行不在（目录外 16 个指标）"),
    ("not in the catalogue: 2 rows of `x`", "不在指标目录中：`x` 的 2 行"),
    ("read as `gdp` by its name: 1 row of `地区生产总值`",
     "按名称读作 `gdp`：`地区生产总值` 的 1 行"),
    ("plan data for `某镇` is not checked by any rule: `a`, `b`",
     "`某镇` 的规划数据没有规则检查：`a`、`b`"),
    ("and 5 more notes like: not in the catalogue: N rows of `…`",
     "另有 5 条同类说明：不在指标目录中：`…` 的 N 行"),
    ("warning[D342] d.csv:9:27: given twice", "warning[D342] d.csv:9:27: given twice"),
    ("a note of a new shape", "a note of a new shape"),
])
def test_each_shape(english: str, chinese: str) -> None:
    assert note(english, "zh") == chinese
    assert note(english, "en") == english


def test_the_count_of_capped_notes_reads_its_kind() -> None:
    result = Result.model_construct(notes=[f"not in the catalogue: 1 row of `x{i}`"
                                           for i in range(22)])
    (*_, more) = capped_notes(result).notes
    assert note(more, "zh") == "另有 2 条同类说明：不在指标目录中：`…` 的 N 行"


@pytest.mark.parametrize("form", ["text", "markdown", "html"])
def test_the_reports_show_the_chinese_note_and_its_label(form: str) -> None:
    result = check([EXAMPLES / "proposals" / "batch.csv", EXAMPLES / "data" /
                    "daxing-baseline.csv"])
    shown = render(result, form, lang="zh")
    assert "评估时点 2020：有年度实际数据的最近一年" in shown
    assert "the latest year with annual actual data" not in shown
    english = render(result, form, lang="en")
    assert "the latest year with annual actual data" in english


def test_a_missing_value_is_worded_in_chinese_in_the_evidence() -> None:
    result = check([EXAMPLES / "proposals" / "batch.csv", EXAMPLES / "data" /
                    "daxing-baseline.csv"])
    shown = render(result, "text", lang="zh", details=True)
    assert "实际值   缺失 · 要求值 319 km²" in shown
    assert "urban_rural_construction_land = 缺失, records counted = 36" in shown
    assert "= missing" not in shown and "实际值   missing" not in shown


def test_a_relation_in_the_evaluation_table_keeps_both_indicators_names() -> None:
    # `x` stood for the row's indicator in every shape: `…_growth >= x - 基本同步` left the
    # reader to guess which indicator x was; a trend's only name is still shortened
    shown = render(check([EXAMPLES / "data" / "daxing-real-actuals.csv"]), "markdown",
                   lang="en").replace("\\_", "_").replace("&gt;", ">").replace("&lt;", "<")
    row = next(line for line in shown.splitlines() if line.startswith("| 居民人均可支配收入"))
    # friction9 #9: in words — the other indicator by its name, the reading by its value
    assert ">= 地区生产总值增速 - 0.5% each year 2021–2025" in row, row
    assert "x -" not in row and "基本同步" not in row
    assert "x <= prev(x)" in shown


def test_a_table_of_base_year_figures_only_says_why_nothing_is_judged() -> None:
    """A table whose every figure is an actual of the plan's base year or before (the
    baseline alone) has no subject: `no subjects · no outcomes` said why, in both
    languages, so an empty run does not read as a clean one."""
    result = check([ROOT / "examples" / "data" / "daxing-baseline.csv"], as_of=2024)
    assert not result.outcomes
    [said] = [n for n in result.notes if n.startswith("every figure of the plan data")]
    assert "an actual of 2020 or before" in said
    assert note(said, "zh").startswith("规划数据均为2020年（规划基期）及以前的实际值")
    annual = check([ROOT / "examples" / "data" / "daxing-baseline.csv",
                    ROOT / "examples" / "data" / "daxing-2022-annual-plan.csv"], as_of=2024)
    assert annual.outcomes
    assert not [n for n in annual.notes if n.startswith("every figure of the plan data")]
