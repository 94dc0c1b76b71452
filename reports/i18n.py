"""The words of the human reports in English and Chinese (`--lang en|zh`).

In: a language code and a key.  Out: the word.  Status words are those of national and
Beijing midterm evaluations (提前实现, 快于预期, 基本符合预期, 滞后于预期); outcome words and
column names follow.  The JSON result stays language-neutral (codes); `STATUS` and
`OUTCOME` give both labels of each code.  `language(result, asked)` picks the language:
the one asked for, else the suite's, else English.  Imports only `checker.result`.
"""

from __future__ import annotations

from typing import Literal

from checker.result import OutcomeKind, Result, Status

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")

OUTCOME: dict[OutcomeKind, dict[Lang, str]] = {
    "pass": {"en": "pass", "zh": "通过"},
    "fail": {"en": "fail", "zh": "未通过"},
    "unknown": {"en": "undecided", "zh": "待定"},
    "not_applicable": {"en": "not applicable", "zh": "不适用"},
    "pending": {"en": "pending", "zh": "未到期"},
    "error": {"en": "error", "zh": "无法计算"},
}

# the midterm evaluation's four levels; a past deadline or no decision in the outcomes' words
STATUS: dict[Status, dict[Lang, str]] = {
    "achieved": {"en": "achieved", "zh": "提前实现"},
    "ahead": {"en": "ahead", "zh": "快于预期"},
    "on_track": {"en": "on track", "zh": "基本符合预期"},
    "lagging": {"en": "lagging", "zh": "滞后于预期"},
    "pass": OUTCOME["pass"],
    "fail": OUTCOME["fail"],
    "unknown": OUTCOME["unknown"],
    "no_baseline": {"en": "no baseline", "zh": "无基数"},
}

TRAJECTORY: dict[str, dict[Lang, str]] = {
    "achieved": {"en": "achieved", "zh": "已实现"},
    "ahead": {"en": "ahead", "zh": "快于预期"},
    "on_track": {"en": "on track", "zh": "符合进度"},
    "lagging": {"en": "lagging", "zh": "滞后"},
    "no_baseline": {"en": "no baseline", "zh": "无基数"},
}

KIND: dict[str, dict[Lang, str]] = {
    "binding": {"en": "binding", "zh": "约束性"},
    "anticipatory": {"en": "anticipatory", "zh": "预期性"},
}

WORDS: dict[str, dict[Lang, str]] = {
    # columns of the indicator table
    "indicator": {"en": "indicator", "zh": "指标"},
    "id": {"en": "id", "zh": "指标代码"},
    "name": {"en": "name", "zh": "指标名称"},
    "region": {"en": "region", "zh": "地区"},
    "kind": {"en": "kind", "zh": "属性"},
    "unit": {"en": "unit", "zh": "单位"},
    "base_year": {"en": "base year", "zh": "基期年份"},
    "base": {"en": "base", "zh": "基期值"},
    "target": {"en": "target", "zh": "目标"},
    "target_value": {"en": "target value", "zh": "目标值"},
    "deadline": {"en": "deadline", "zh": "目标年份"},
    "latest_period": {"en": "year", "zh": "年份"},
    "latest": {"en": "latest", "zh": "最新值"},
    "running_total": {"en": "total {text}", "zh": "累计 {text}"},
    "running_period": {"en": "{a}–{b} total", "zh": "{a}–{b}年累计"},
    "running_year": {"en": "{a} total", "zh": "{a}年累计"},
    "year_alone": {"en": "{year} alone: {text}", "zh": "{year}年当年 {text}"},
    "row_of": {"en": "{name} ({region})", "zh": "{name}（{region}）"},
    "total_gap": {"en": "no figure for {years}, so the total is to {year}",
                  "zh": "缺少{years}年数据，累计至{year}年"},
    "total_gap_least": {"en": "no figure for {years}, counted at the least it can be, so the "
                              "total to {year} is a lower bound",
                        "zh": "缺少{years}年数据，按可能的最小值计，累计至{year}年为下限"},
    "status": {"en": "status", "zh": "进展情况"},
    "reason": {"en": "reason", "zh": "说明"},
    "source": {"en": "source", "zh": "数据来源"},
    "note": {"en": "note", "zh": "备注"},
    "rules": {"en": "rules", "zh": "规则"},
    "quote": {"en": "plan sentence", "zh": "规划原文"},
    "section": {"en": "section", "zh": "章节"},
    "from": {"en": "from", "zh": "数据位置"},
    # columns of the findings
    "rule": {"en": "rule", "zh": "规则"},
    "title": {"en": "title", "zh": "名称"},
    "subject": {"en": "subject", "zh": "对象"},
    "described": {"en": "name and place", "zh": "名称及所在地"},
    "outcome": {"en": "outcome", "zh": "结果"},
    "trajectory": {"en": "trajectory", "zh": "进度"},
    "severity": {"en": "severity", "zh": "级别"},
    "message": {"en": "message", "zh": "说明"},
    "observed": {"en": "observed", "zh": "实际值"},
    "threshold": {"en": "threshold", "zh": "要求值"},
    "margin": {"en": "margin", "zh": "差距"},
    "evidence": {"en": "evidence", "zh": "依据"},
    # inputs
    "path": {"en": "file", "zh": "文件"},
    "input_kind": {"en": "kind", "zh": "类型"},
    "rows": {"en": "rows", "zh": "行数"},
    "records": {"en": "proposals", "zh": "项目"},
    "plan_data": {"en": "plan data", "zh": "规划数据"},
    # sheets and headings
    "sheet_indicators": {"en": "Indicators", "zh": "指标"},
    "sheet_findings": {"en": "Findings", "zh": "检查结果"},
    "sheet_inputs": {"en": "Inputs", "zh": "输入"},
    "sheet_annual": {"en": "Annual {year}", "zh": "{year}年计划执行"},
    "heading_indicators": {"en": "Indicator table", "zh": "主要指标进展情况"},
    "heading_rules": {"en": "Rules", "zh": "规则"},
    "heading_details": {"en": "Details per rule", "zh": "各规则详情"},
    "as_of": {"en": "as of", "zh": "评估时点"},
    "period": {"en": "period", "zh": "规划期"},
    "fail_on": {"en": "fail on", "zh": "失败阈值"},
    "rules_count": {"en": "rules", "zh": "条规则"},
    "undecided": {"en": "undecided", "zh": "待定"},
    "indicators_count": {"en": "indicators", "zh": "项指标"},
    "details_hint": {"en": "details per rule: --details",
                     "zh": "各规则详情：加 --details"},
    "notes": {"en": "note", "zh": "注"},
    "notes_count": {"en": "{n} notes on the inputs (what was not checked, and why)",
                    "zh": "输入数据说明 {n} 条（未检查的内容及原因）"},
    "stated_region": {"en": "{region} (target)", "zh": "{region}（下位规划目标）"},
    "plan_label": {"en": "plan", "zh": "规划"},
    "source_label": {"en": "source", "zh": "来源"},
    # the charts' legends and axes (fixed words: a chart holds no user text)
    "chart_as_of": {"en": "as of {year}", "zh": "评估时点 {year}"},
    "chart_plan_target": {"en": "plan target", "zh": "规划目标"},
    "chart_stated": {"en": "subordinate-plan target", "zh": "下位规划目标"},
    "chart_actual": {"en": "actual", "zh": "实际值"},
    "chart_part": {"en": "part of a year", "zh": "年内分期值"},
    "chart_bounded": {"en": "qualified figure (a bound or a range)",
                      "zh": "限定数值（以上、以内、区间）"},
    "chart_failing": {"en": "failing year", "zh": "未达标年份"},
    "chart_cap_each": {"en": "cap ({op} each year)", "zh": "上限（逐年 {op}）"},
    "chart_floor_each": {"en": "floor ({op} each year)", "zh": "下限（逐年 {op}）"},
    "chart_cap_due": {"en": "cap by the deadline", "zh": "目标年上限"},
    "chart_floor_due": {"en": "floor by the deadline", "zh": "目标年下限"},
    "chart_line": {"en": "straight line to the target", "zh": "基数至目标的直线进度"},
    "chart_running": {"en": "running total", "zh": "累计值"},
    "chart_total_target": {"en": "total target", "zh": "累计目标"},
    "chart_target": {"en": "target", "zh": "目标"},
    "chart_number": {"en": "number", "zh": "数量"},
    "chart_yes": {"en": "yes", "zh": "是"},
    "chart_no": {"en": "no", "zh": "否"},
    "heading_quotas": {"en": "Quotas", "zh": "总量指标"},
    "quotas_note": {"en": "What a batch of proposals adds to the plan data's baseline, "
                    "against the plan's cap; each bar runs from the baseline, the mark is "
                    "the cap.",
                    "zh": "项目批次在规划数据基数之上的新增量，与规划上限对照；条形从基数起，"
                    "竖线为上限。"},
    "cap": {"en": "cap", "zh": "上限"},
    "baseline": {"en": "baseline", "zh": "基数"},
    "share": {"en": "batch's share", "zh": "本批新增"},
    "total": {"en": "total", "zh": "合计"},
    # the HTML page
    "contents": {"en": "Contents", "zh": "目录"},
    "show": {"en": "show", "zh": "只看"},
    "all": {"en": "all", "zh": "全部"},
    "heading_summary": {"en": "Summary", "zh": "概况"},
    "heading_charts": {"en": "Indicators", "zh": "指标图表"},
    "heading_proposals": {"en": "Proposals", "zh": "项目"},
    "heading_rule_details": {"en": "Rules in detail", "zh": "各规则详情"},
    "heading_annual": {"en": "Annual plan execution {year}", "zh": "{year}年计划执行情况"},
    "charts_note": {"en": "Each indicator's values against the plan's targets; the shaded "
                    "band is the plan period.",
                    "zh": "各指标实际值与规划目标对照；阴影部分为规划期。"},
    "proposals_note": {"en": "Each proposal with a finding, and the rules it does not meet.",
                       "zh": "有检查结果的项目，及其未满足的规则。"},
    "quiet_rules": {"en": "{n} rule(s) without findings", "zh": "{n} 条规则无检查结果"},
    "no_citation": {"en": "This rule cites no sentence of the plan.",
                    "zh": "此规则未引用规划原文。"},
    "more_of_rule": {"en": "… {n} more findings of {rule}",
                     "zh": "……另有 {rule} 的 {n} 条结果"},
    "see_other_formats": {"en": "see `--format json` or `--format html`",
                          "zh": "见 `--format json` 或 `--format html`"},
    "unlisted": {"en": "… and {n} more findings, counted but not listed (raise "
                 "--max-findings to list them).",
                 "zh": "……另有 {n} 条结果已计数未列出（加大 --max-findings 可列出）。"},
    "large_run": {"en": "A large run: passing outcomes are counted, not listed.",
                  "zh": "大批量检查：通过的结果只计数，不逐条列出。"},
    "failing_values": {"en": "failing", "zh": "未达标"},
    "plan_period": {"en": "plan period", "zh": "规划期"},
    "report_of": {"en": "plancheck report", "zh": "plancheck 检查报告"},
    "suite_files": {"en": "rendered from the canonical JSON result. Suite files:",
                    "zh": "由标准 JSON 结果生成。规则文件："},
    # the annual execution table
    "year_target": {"en": "{year} target", "zh": "{year}年目标"},
    "year_actual": {"en": "{year} actual", "zh": "{year}年实际"},
    "met": {"en": "met", "zh": "完成"},
    "missed": {"en": "missed", "zh": "未完成"},
    "undecided_met": {"en": "undecided", "zh": "待定"},
    "year_result": {"en": "met / missed", "zh": "完成情况"},
    "plan_target": {"en": "plan target", "zh": "规划目标"},
}


def language(result: Result, asked: str | None) -> Lang:
    """The language asked for, else the suite's declared one, else English."""
    for code in (asked, result.suite.language):
        if code in LANGS:
            return "zh" if code == "zh" else "en"
    return "en"


def verdict(result: Result, lang: Lang) -> str:
    """`findings at or above --fail-on error`, in the language."""
    level = result.fail_on
    if lang == "zh":
        return (f"有达到 --fail-on {level} 的结果" if result.summary.exit_code
                else f"没有达到 --fail-on {level} 的结果")
    if result.summary.exit_code:
        return f"findings at or above --fail-on {level}"
    return f"nothing at or above --fail-on {level}"


def word(key: str, lang: Lang, **fields: object) -> str:
    """The word for `key`; `fields` fill its `{placeholders}`."""
    text = WORDS[key][lang]
    return text.format(**fields) if fields else text


def status(code: Status, lang: Lang) -> str:
    return STATUS[code][lang]


def outcome(code: OutcomeKind, lang: Lang) -> str:
    return OUTCOME[code][lang]


def kind(code: str | None, lang: Lang) -> str:
    return KIND[code][lang] if code in KIND else ""
