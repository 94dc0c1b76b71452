"""The evaluation table as cells: shared by the workbook, CSV, text, Markdown and HTML.

In: `result.IndicatorRow`s and a language.  Out: column keys, headings and one list of cell
values per row (numbers stay numbers, for the workbook and CSV; `shown` gives text).
Imports only `checker.result` and the reports' own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.result import (
    Facts,
    IndicatorRow,
    Observation,
    Result,
    RunningTotal,
    Status,
    Target,
)
from reports import i18n
from reports.i18n import Lang

# Every column of the table, in reading order (the workbook and CSV have them all).
COLUMNS = ("id", "name", "region", "kind", "unit", "base_year", "base", "target",
           "target_value", "deadline", "latest_period", "latest", "status", "reason", "source",
           "note", "rules", "quote", "from")
# The columns a terminal and a comment have room for.
SHORT = ("name", "region", "base", "target", "latest_period", "latest", "status")
NUMBERS = frozenset({"base", "target_value", "latest"})
Cell = str | float | int | None


@dataclass(frozen=True)
class Counts:
    rows: int
    by_status: dict[Status, int]

    @property
    def undecided(self) -> int:
        return self.by_status.get("unknown", 0) + self.by_status.get("no_baseline", 0)


def counts(result: Result) -> Counts:
    by: dict[Status, int] = {}
    for row in result.indicators:
        by[row.status] = by.get(row.status, 0) + 1
    return Counts(len(result.indicators), by)


def counts_line(result: Result, lang: Lang) -> str:
    """`79 indicators: 2 achieved · 6 ahead · … · 40 undecided` (undecided always said)."""
    found = counts(result)
    order: tuple[Status, ...] = ("achieved", "ahead", "on_track", "lagging", "pass", "fail",
                                 "no_baseline", "unknown")
    parts = [f"{found.by_status[s]:,} {i18n.status(s, lang)}" for s in order
             if found.by_status.get(s)]
    if not found.by_status.get("unknown"):
        parts.append(f"0 {i18n.status('unknown', lang)}")
    sep = "：" if lang == "zh" else ": "
    return f"{found.rows:,} {i18n.word('indicators_count', lang)}{sep}" + " · ".join(parts)


def heading(key: str, lang: Lang) -> str:
    return i18n.word(key, lang)


def undecided(result: Result) -> bool:
    """Whether anything is left undecided (then no report may show a plain ✅)."""
    return bool(result.summary.outcomes.get("unknown", 0)) or counts(result).undecided > 0


def _number(value: float) -> str:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


def amount(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    if unit in ("%", "‰"):
        return f"{_number(value)}{unit}"
    return f"{_number(value)} {unit}".strip() if unit not in ("one",) else _number(value)


_EACH = {"en": " each year {a}–{b}", "zh": "（{a}–{b}年逐年）"}
_TREND = {"rises": {"en": "rises", "zh": "逐年上升"}, "falls": {"en": "falls", "zh": "逐年下降"}}
_GROWTH = {"cagr": {"en": "cagr", "zh": "年均增速"}, "growth": {"en": "growth", "zh": "增速"}}


def _relation_zh(target: Target) -> str:
    """A level relative to a year's as a plan says it, from the engine's parts: `较2020年提高
    0.8 岁（>= 78.73 岁）`; another relation in the engine's words (names, readings' values)."""
    found = target.relative
    if found is None:
        if target.first_year is not None:
            return target.text.removesuffix(f" each year {target.first_year}–{target.deadline}")
        return target.text
    verb = "提高" if found.sign == "+" else "降低"
    value = f"（{found.op} {found.value}）" if found.value else ""
    return f"较{found.base_year}年{verb}{found.change}{value}"


def target_text(target: Target, lang: Lang) -> str:
    """What a target asks, in the language; relations keep the rule's own text."""
    if lang == "en":
        return target.text
    value = target.amount or amount(target.value, target.unit)  # as the rule wrote it
    op = target.op or ""
    match target.shape:
        case "threshold":
            text = f"{op} {value}"
        case "cumulative":
            text = f"累计 {op} {value}"
        case "growth" if (start := re.match(r"change from (\d+)", target.text)):
            text = f"较{start.group(1)}年变化 {op} {value}"  # 下降9%: from the base year's level
        case "growth":
            name = "cagr" if target.text.startswith("cagr") else "growth"
            text = f"{_GROWTH[name][lang]} {op} {value}"
        case "milestone":
            text = "实现"
        case "annual":
            text = f"{op} 年度计划目标" + (f"（{value}）" if target.value is not None else "")
        case "trend" if target.op in _TREND:
            text = _TREND[target.op][lang]
        case _:
            text = _relation_zh(target)
    if target.first_year is not None:
        text += _EACH[lang].format(a=target.first_year, b=target.deadline)
    return text


def targets_text(row: IndicatorRow, lang: Lang, *, compact: bool = False) -> str:
    """Every target of the row; `compact` (a terminal, a comment): the row's own indicator
    written `x` in a trend's text (`x <= prev(x)`: the only name in it), one target a line.
    A relation names two indicators and keeps both names: `x` there was a placeholder
    the reader had to guess (`…_growth >= x - 基本同步`)."""
    shown = []
    for t in row.targets:
        text = target_text(t, lang)
        if compact and t.shape == "trend":
            text = re.sub(rf"(?<![\w.]){re.escape(row.indicator)}(?![\w.])", "x", text)
        if t.first_year is None:
            text += f" ({t.deadline})" if lang == "en" else f"（{t.deadline}年）"
        shown.append(text)
    return ("\n" if compact else "; ").join(dict.fromkeys(shown))


def _years(years: list[int]) -> str:
    return "、".join(str(y) for y in years)


def _zh_reason(f: Facts) -> str:
    """Why, in Chinese, from the facts of the target that decides the row's status."""
    match f.why:
        case "holds":
            return f"{f.latest}年达标"
        case "fails":
            return f"{_years(f.years)}年未达标"
        case "error":
            return f"无法计算：{f.note}"
        case "missing":
            lacking = f"（缺少 {', '.join(f.missing)}）" if f.missing else ""
            return f"缺少{_years(f.years)}年数据{lacking}"
        case "no_data":
            return "评估期内无监测数据"
        case "each_year":
            return f"截至{f.latest}年逐年达标，{f.deadline}年到期"
        case "holds_now":
            return f"{f.latest}年符合要求，{f.deadline}年到期"
        case "fails_now":
            return f"{f.latest}年未达要求，{f.deadline}年到期"
        case "met_early":
            return f"{f.latest}年已达到目标（目标年份{f.deadline}年）"
        case "line" if f.done is not None and f.elapsed is not None:
            least = "至少" if f.note else ""  # a total over a missing year, counted at 0
            return (f"目标完成进度{least}{f.done:.0%}，时间进度{f.elapsed:.0%}"
                    f"（以{f.base_year}年为基数）")
        case "no_line":
            return f"{f.latest}年以前无基数值，无法判断进度"
    return "不适用"


def reason_text(row: IndicatorRow, lang: Lang) -> str:
    """The row's reason in the language (English as the result says it)."""
    if lang == "en":
        return row.reason
    worst = next((t for t in row.targets if f"{t.rule}: {t.reason}" == row.reason), None)
    if worst is None or worst.facts is None:
        return row.reason
    return f"{worst.rule}：{_zh_reason(worst.facts)}"


def target_reason(target: Target, lang: Lang) -> str:
    """Why one target has its status, in the language (English as the result says it)."""
    if lang == "en" or target.facts is None:
        return target.reason
    return _zh_reason(target.facts)


def rule_targets(result: Result, lang: Lang) -> dict[str, tuple[str, str]]:
    """Each rule's targets and deadlines as text, from the evaluation table: (targets,
    deadlines); an indicator's name goes before its target when a rule reads several."""
    found: dict[str, list[tuple[IndicatorRow, Target]]] = {}
    for row in result.indicators:
        for t in row.targets:
            found.setdefault(t.rule, []).append((row, t))
    out: dict[str, tuple[str, str]] = {}
    for rule, pairs in found.items():
        several = len({row.indicator for row, _ in pairs}) > 1
        texts = [(f"{row.name or row.indicator}: " if several else "") + target_text(t, lang)
                 for row, t in pairs]
        dues = [f"{t.first_year}–{t.deadline}" if t.first_year is not None else str(t.deadline)
                for _, t in pairs]
        out[rule] = ("; ".join(dict.fromkeys(texts)), ", ".join(dict.fromkeys(dues)))
    return out


def _target_value(row: IndicatorRow) -> float | None:
    """The number the plan aims at: of the constant targets due last, the tightest (the
    lowest cap, the highest floor), so `< 37 μg/m³` (below the base) does not stand for
    the plan's `<= 35 μg/m³` of the same year."""
    constant = [t for t in row.targets
                if t.shape in ("threshold", "cumulative") and t.value is not None]
    if not constant:
        return None
    last = [t for t in constant if t.deadline == max(t.deadline for t in constant)]
    caps = [t.value for t in last if t.op in ("<", "<=") and t.value is not None]
    floors = [t.value for t in last if t.op in (">", ">=") and t.value is not None]
    if caps and not floors:
        return min(caps)
    if floors and not caps:
        return max(floors)
    return last[0].value


def _bool_text(text: str, lang: Lang) -> str:
    if lang == "zh":
        return {"true": "是", "false": "否"}.get(text, text)
    return text


def cells(row: IndicatorRow, lang: Lang) -> dict[str, Cell]:
    """Every column of one row; numbers as numbers (None when there is none)."""
    base, latest = row.base, row.latest
    about = latest or base
    note = "; ".join(x for x in ((latest.note, latest.basis, latest.qualifier) if latest
                                 else ()) if x)
    total = row.running_total
    if total is not None and latest is not None:  # the year's own figure, beside the sum
        alone = i18n.word("year_alone", lang, year=latest.period,
                          text=total.year_text or latest.text)
        gap = _gap(total, lang) if total.missing else ""
        note = "; ".join(x for x in (alone, gap, note) if x)
    boolean = row.unit == "" and any(x is not None and x.text in ("true", "false")
                                     for x in (base, latest))
    return {
        "id": row.indicator, "name": row.name or row.indicator,
        "region": row.region if row.subject_kind == "actual"
        else i18n.word("stated_region", lang, region=row.region),
        "kind": i18n.kind(row.kind, lang), "unit": row.unit if row.unit != "one" else "",
        "base_year": base.period if base else "",
        "base": (_bool_text(base.text, lang) if boolean else _figure(base)) if base else None,
        "target": targets_text(row, lang), "target_value": _target_value(row),
        "deadline": max((t.deadline for t in row.targets), default=None),
        "latest_period": _summed(total, lang) if total is not None
        else latest.period if latest else "",
        "latest": total.value if total is not None
        else (_bool_text(latest.text, lang) if boolean else _figure(latest)) if latest else None,
        "status": i18n.status(row.status, lang), "reason": reason_text(row, lang),
        "source": about.source or "" if about else "", "note": note,
        "rules": ", ".join(row.rules), "quote": row.quote or "",
        "from": latest.origin.text if latest and latest.origin else "",
    }


def _gap(total: RunningTotal, lang: Lang) -> str:
    """`缺少2022年数据，累计至2021年`: why a running total stops before the latest value;
    or, where the sum runs past the missing years (each counted at its indicator's least,
    a new count at 0), that it is a lower bound."""
    years = ("、" if lang == "zh" else ", ").join(str(y) for y in total.missing)
    past = total.year > max(total.missing)
    return i18n.word("total_gap_least" if past else "total_gap", lang, years=years,
                     year=total.year)


def gap_notes(result: Result, lang: Lang) -> list[str]:
    """One line per running total with years missing, for the tables without a note
    column (text, Markdown, HTML): `新增幼儿园学位（济宁市）：缺少2022年数据，累计至2021年`."""
    out = []
    for row in result.indicators:
        total = row.running_total
        if total is not None and total.missing:
            name = i18n.word("row_of", lang, name=row.name or row.indicator, region=row.region)
            out.append(f"{name}{'：' if lang == 'zh' else ': '}{_gap(total, lang)}")
    return out


def _summed(total: RunningTotal, lang: Lang) -> str:
    """The years a running total adds up: `2021–2023年累计`, `2021年累计`."""
    if total.first_year == total.year:
        return i18n.word("running_year", lang, a=total.year)
    return i18n.word("running_period", lang, a=total.first_year, b=total.year)


def _figure(seen: Observation) -> float | str | None:
    """A value as a number; a qualified figure (`95%以上`) as published."""
    return seen.value if seen.value is not None else seen.text


def shown(row: IndicatorRow, lang: Lang, baseline: int | None = None) -> dict[str, str]:
    """Every column as text, numbers with their unit (for text, Markdown and HTML); the
    period beside a base that is not of the plan's `baseline` year (the latest value has
    its own period column)."""
    values = cells(row, lang)
    out = {k: "" if v is None else str(v) for k, v in values.items()}
    out["target"] = targets_text(row, lang, compact=True)
    for key, reading in (("base", row.base), ("latest", row.latest)):
        if reading is None:
            continue
        text = reading.text if not isinstance(values[key], str) else str(values[key])
        plain = key == "latest" or (baseline is not None and reading.year == baseline)
        out[key] = text if plain else f"{text} ({reading.period})"
    if row.running_total is not None and row.latest is not None:  # `累计 8`, in its year
        out["latest"] = i18n.word("running_total", lang, text=row.running_total.text)
        out["latest_period"] = str(row.running_total.year)  # the sum's year: before a gap
    return out
