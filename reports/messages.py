"""Findings' messages, outcome words, counts and evidence labels in the report's language.

In: an `Outcome` (or a rule summary) and a language.  Out: the text, unescaped.  The engine
words each message in English from a fixed set of shapes (`2022: 92% < 100%, short by 8
percentage points, 8 %`, `due 2025; 38 min in 2023: on track`, `cannot decide: … missing`);
for Chinese each shape is matched and reworded, the values and the rule's own text (in
backticks) kept as they are.  A message of no known shape is shown as written, never
half-translated.  Imports only `checker.result` and the reports' own words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from checker.result import Citation, Clause, Input, Outcome, OutcomeKind, Result, RuleSummary
from reports import common as c
from reports import i18n
from reports.i18n import Lang
from reports.patterns import Lazy

_MARGIN = Lazy(r"(over|under|short|above|off) by (.+?)(?:, ([\d.e+-]+) %)?$")
_MARGIN_ZH = {"over": "超出", "under": "低于上限", "short": "差", "above": "高出", "off": "相差"}
_STATE_ZH = {"on track": "符合进度", "ahead": "快于预期", "lagging": "滞后", "achieved": "已实现",
             "no baseline": "无基数", "pending": "未到期"}


def _margin(text: str) -> str | None:
    found = _MARGIN.fullmatch(text)
    if found is None:
        return None if text != "equal" else "相等"
    amount = re.sub(r"^(.+) percentage points?$", r"\1 个百分点", found.group(2))
    share = f"（相对 {found.group(3)} %）" if found.group(3) else ""
    return f"{_MARGIN_ZH[found.group(1)]} {amount}{share}"


def margin(outcome: Outcome, lang: Lang) -> str:
    """The margin's text (`short by 10%, 12.5 %`; `差 10%（相对 12.5 %）`), or ""."""
    evidence = outcome.evidence
    if evidence is None or evidence.margin is None:
        return ""
    text = evidence.margin.text
    return text if lang == "en" else _margin(text) or text


_MARGIN_START = Lazy(r", (?=(?:over|under|short|above|off) by |equal$)")
# `6% (target 6以上, 扣除疫苗)`: a year's stated target, as `target(x)` shows it
_TARGET = Lazy(r"\(target(?: ([^,()]+))?(?:, ([^()]+))?\)")


def _target_zh(found: re.Match[str]) -> str:
    said = "年度目标" + (f" {found[1]}" if found[1] else "")
    return f"（{said}{'，' + found[2] if found[2] else ''}）"


def _compared(text: str) -> str | None:
    """`331.2 km² > 319 km², over by 12.2 km², 3.8 %` (or without a margin)."""
    parts = _MARGIN_START.split(text, maxsplit=1)
    head, rest = parts[0], parts[1] if len(parts) > 1 else ""
    if not re.fullmatch(r"\S.* (?:<=|<|>=|>|==|!=) \S.*", head) or "`" in head \
            or ", " in _TARGET.sub("", head):
        return None
    head = _TARGET.sub(_target_zh, head)
    if not rest:
        return head
    margin = _margin(rest)
    return f"{head}，{margin}" if margin else None


def _years(text: str) -> str:
    return text.replace(" and ", "、").replace(", ", "、")


_SHAPES: list[tuple[Lazy, Callable[[re.Match[str]], str | None]]] = [
    (Lazy(r"(`[^`]+`) does not hold(?:: (.+))?", re.S),
     lambda m: f"不满足 {m[1]}" + (f"：{m[2]}" if m[2] else "")),
    (Lazy(r"cannot decide: (.+) missing"), lambda m: f"无法判断：缺少 {m[1]}"),
    (Lazy(r"cannot decide: no data between (\d{4}) and (\d{4})"),
     lambda m: f"无法判断：{m[1]}至{m[2]}年无数据"),
    (Lazy(r"cannot decide: no (target|figure) of (.+) between (\d{4}) and (\d{4})"),
     lambda m: f"无法判断：{m[3]}至{m[4]}年无 {m[2]} 的{'目标' if m[1] == 'target' else '数据'}"),
    (Lazy(r"cannot decide for ([\d, ]+) \(missing: (.+?)(?:; known: (.+))?\)", re.S),
     lambda m: f"无法判断{_years(m[1])}年（缺少：{m[2]}" + (f"；已知：{m[3]}" if m[3] else "")
     + "）"),
    (Lazy(r"cannot decide for ([\d, ]+)"), lambda m: f"无法判断{_years(m[1])}年"),
    (Lazy(r"cannot decide: (.+)", re.S), lambda m: f"无法判断：{m[1]}"),
    (Lazy(r"(`[^`]+`) could not be evaluated \(division by zero\)"),
     lambda m: f"{m[1]} 无法计算（除数为零）"),
    (Lazy(r"division by zero in (`[^`]+`)(.*)", re.S),
     lambda m: f"{m[1]} 除数为零{m[2]}"),
    (Lazy(r"the rule's guard does not hold"), lambda m: "规则的适用条件不成立"),
    (Lazy(r"waived: (.+)", re.S), lambda m: f"已豁免：{m[1]}"),
    (Lazy(r"(`[^`]+`) holds \((\d{4})\)"), lambda m: f"{m[2]}年满足 {m[1]}"),
    (Lazy(r"(`[^`]+`) holds"), lambda m: f"满足 {m[1]}"),
    (Lazy(r"due (\d{4}): the target of (\d{4}) is judged when the year is over"),
     lambda m: f"{m[1]}年到期：{m[2]}年的目标在该年结束后评判"),
    (Lazy(r"due (\d{4}); (?:(.+) in )?(\d{4}): (on track|ahead|lagging|achieved|"
                r"no baseline|pending)(?: \((.+)\))?"),
     lambda m: (lambda why: f"{m[1]}年到期；{m[3]}年" + (f"为 {m[2]}" if m[2] else "")
                + f"：{_STATE_ZH[m[4]]}" + (f"（{why}）" if why else "") if why is not None
                else None)(_why_zh(m[5]))),
    (Lazy(r"([\d and]+): (`[^`]+`) cannot hold in [\d and]+, whatever (.+) (?:is|are) "
                r"\((.*)\)", re.S),
     lambda m: f"{_years(m[1])}年：无论 {m[3]} 取何值，{m[2]} 都不能成立（{m[4]}）"),
    (Lazy(r"(\d{4}): (`[^`]+`) cannot be evaluated: (.+)", re.S),
     lambda m: f"{m[1]}年：{m[2]} 无法计算：{m[3]}"),
    (Lazy(r"(\d{4}): (.+)", re.S),
     lambda m: (lambda inner: f"{m[1]}年：{inner}" if inner else None)(_zh(m[2]))),
    (Lazy(r"not applicable"), lambda m: "不适用"),
]


_WHY: list[tuple[Lazy, Callable[[re.Match[str]], str]]] = [
    (Lazy(r"no data between (\d{4}) and (\d{4})"), lambda m: f"{m[1]}至{m[2]}年无数据"),
    (Lazy(r"(\S+) \(([\d, ]+)\) missing, counted as (\S+)"),
     lambda m: f"{m[1]} 缺少{_years(m[2])}年数据，按 {m[3]} 计"),
    (Lazy(r"(\S+) \(([\d, ]+)\) missing: the total is to (\d{4})"),
     lambda m: f"{m[1]} 缺少{_years(m[2])}年数据，累计至{m[3]}年"),
]


def _why_zh(text: str | None) -> str | None:
    """A pending message's reason in brackets, in Chinese: `` when there is none, None
    when it has no known shape (the message then stays as the result gives it)."""
    if text is None:
        return ""
    for pattern, reword in _WHY:
        found = pattern.fullmatch(text)
        if found:
            return reword(found)
    return None


def _zh(text: str) -> str | None:
    """The message in Chinese, or None when it has no known shape."""
    for pattern, reword in _SHAPES:
        found = pattern.fullmatch(text)
        if found:
            return reword(found)
    return _compared(text)


def message(outcome: Outcome, lang: Lang) -> str:
    if lang == "en":
        return outcome.message
    return _zh(outcome.message) or outcome.message


def outcome_word(outcome: Outcome, lang: Lang) -> str:
    """`fail`, `pending (lagging)`; `未到期（滞后）`."""
    if lang == "en":
        return c.outcome_word(outcome)
    word = i18n.outcome(outcome.outcome, lang)
    if outcome.trajectory:
        word += f"（{i18n.TRAJECTORY[outcome.trajectory][lang]}）"
    return word


_NOUNS_ZH = {"record": "个项目", "batch": "个批次", "series": "个序列"}


def count_line(rule: RuleSummary, lang: Lang) -> str:
    """`3 of 1,190 proposals fail · 2 unknown`; `1,190 个项目中 3 个未通过 · 2 待定`."""
    if lang == "en":
        return c.count_line(rule)
    fails = rule.counts.get("fail", 0)
    head = f"{c.total(rule):,} {_NOUNS_ZH[rule.subject]}中 {fails:,} 个未通过"
    extra = [f"{rule.counts.get(k, 0):,} {i18n.outcome(k, lang)}"
             for k in ("unknown", "error", "pending", "not_applicable") if rule.counts.get(k, 0)]
    return " · ".join([head, *extra])


_SUBJECTS: dict[str, dict[Lang, tuple[str, str]]] = {
    "record": {"en": ("proposal", "proposals"), "zh": ("个项目", "个项目")},
    "batch": {"en": ("batch", "batches"), "zh": ("个批次", "个批次")},
    "series": {"en": ("region", "regions"), "zh": ("个地区", "个地区")},
}


def subjects_text(result: Result, lang: Lang) -> str:
    """`1 proposal · 1 batch`, `5 regions`; `1 个项目 · 1 个批次`: what the run judged."""
    parts = []
    for kind, n in c.subject_counts(result).items():
        one, many = _SUBJECTS[kind][lang]
        parts.append(f"{n:,} {one if n == 1 else many}")
    return " · ".join(parts) or ("no subjects" if lang == "en" else "无检查对象")


def totals_line(result: Result, lang: Lang) -> str:
    """`1 proposal · 1 batch · 7 pass, 1 fail, 1 undecided`: every outcome, none hidden."""
    s = result.summary
    parts = [f"{s.outcomes.get(k, 0):,} {i18n.outcome(k, lang)}" for k in c.COLUMNS
             if s.outcomes.get(k, 0)]
    none = "no outcomes" if lang == "en" else "无结果"
    joined = (", " if lang == "en" else "，").join(parts) if parts else none
    return f"{subjects_text(result, lang)} · {joined}"


def rows_text(item: Input, lang: Lang) -> str:
    """`1 proposal`, `36 proposals`, `33 catalogued rows`; `1 个项目`, `目录内 33 行`: the size
    of an input (a plan-data table's rows outside the catalogue are counted in the notes)."""
    if item.kind == "records":
        one, many = _SUBJECTS["record"][lang]
        return f"{item.rows:,} {one if item.rows == 1 else many}"
    if lang == "zh":  # plan data: the catalogued rows; the notes account for the rest
        return f"目录内 {item.rows:,} 行"
    return f"{item.rows:,} catalogued row{'' if item.rows == 1 else 's'}"


def citation_where(cite: Citation, lang: Lang) -> str:
    """`第五章 一 (三), line 315`; `第五章 一 (三)，第 315 行`; a declared source's quote
    by its title (else name) first: `“十四五”国民健康规划, line 1`."""
    if lang == "en" or not cite.line:
        where = c.citation_where(cite)
    else:
        where = f"{cite.section}，第 {cite.line} 行" if cite.section else f"第 {cite.line} 行"
    if cite.source is None:
        return where
    source = cite.source_title or cite.source
    return f"{source}{'，' if lang == 'zh' else ', '}{where}" if where else source


def column_label(kind: OutcomeKind, lang: Lang) -> str:
    """A short column heading for an outcome kind (`n/a`; `不适用`)."""
    return c.LABEL[kind] if lang == "en" else i18n.outcome(kind, lang)


_LABELS_ZH = {"observed": "实际值", "clause": "条件", "data": "数据", "years": "年份",
              "missing": "缺少", "waived by": "豁免依据", "from": "数据位置"}


def evidence_lines(outcome: Outcome, lang: Lang,
                   leave_out: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """`common.evidence_lines` with labels, and the comparison's words, in the language;
    `leave_out` names (English) labels a writer shows elsewhere."""
    found = [(label, text) for label, text in c.evidence_lines(outcome)
             if label not in leave_out]
    if lang == "en":
        return found
    clauses = iter(outcome.evidence.clauses if outcome.evidence else [])
    return [(_LABELS_ZH.get(label, label), _comparison_zh(outcome) if label == "observed"
             else _clause_zh(next(clauses)) if label == "clause"
             else _data_zh(outcome) if label == "data" else text)
            for label, text in found]


_MISSING = "missing"  # the engine's word for a value the data lacks


def _value_zh(text: str) -> str:
    return "缺失" if text == _MISSING else text


def _data_zh(outcome: Outcome) -> str:
    """`a = 缺失, records counted = 36`: a value the data lacks in the language."""
    assert outcome.evidence is not None  # a `data` line has evidence
    return ", ".join(f"{k} = {_value_zh(v)}" for k, v in outcome.evidence.values.items())


_ROLE_ZH = {"guard": "适用条件", "require": "要求", "unless": "除外"}
_TRUTH_ZH = {True: "成立", False: "不成立", None: "无法判断"}


def role(word: str, lang: Lang) -> str:
    """A clause's role: `guard`, `require`, `unless`; `适用条件`, `要求`, `除外`."""
    return word if lang == "en" else _ROLE_ZH.get(word, word)


def _clause_zh(clause: Clause) -> str:
    """`✗ 要求 vehicle_emission_standard >= 国六b → 不成立`: the rule's text kept as written."""
    return f"{c.MARK[clause.value]} {role(clause.role, 'zh')} {clause.text} → " \
        f"{_TRUTH_ZH[clause.value]}"


def _comparison_zh(outcome: Outcome) -> str:
    """`70% · 要求值 80% · 差 10%（相对 12.5 %）`."""
    evidence = outcome.evidence
    assert evidence is not None  # an `observed` line has evidence
    parts = [_value_zh(evidence.observed.text)] if evidence.observed else []
    if evidence.threshold is not None:
        parts.append(f"要求值 {_value_zh(evidence.threshold.text)}")
    if evidence.margin is not None:
        parts.append(margin(outcome, "zh"))
    return " · ".join(parts)
