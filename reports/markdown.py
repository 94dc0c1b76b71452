"""Markdown for a pull-request comment: a verdict, a summary table, collapsible details.

In: a `Result`.  Out: GitHub-flavoured Markdown.  Every user string is escaped (HTML
entities for `<>&"`, backslashes for Markdown punctuation, `|` in tables), so a proposal
named `<script>` or `*bold*` shows as written.  Long runs are cut per rule and overall,
below GitHub's comment size limit.  Imports only `checker.result`.
"""

from __future__ import annotations

from checker.result import Outcome, Result, RuleSummary
from reports import DEFAULT, Options, annual, i18n, messages, notes
from reports import common as c
from reports import evaluation as ev
from reports.i18n import Lang

SHOWN_PER_RULE = 50
BUDGET = 60_000  # characters; GitHub refuses comments over 65,536
_ICON = {"fail": "❌", "error": "💥", "unknown": "❔", "pending": "⏳", "pass": "✅",
         "not_applicable": "➖"}
_TABLE = {ord(ch): "\\" + ch for ch in "\\`*_[]|~$"}
_TABLE.update({ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;",
               ord("'"): "&#39;",
               ord("@"): "&#64;", ord("#"): "&#35;"})  # no @mentions or #links from user text


def esc(text: str) -> str:
    """Escape user text for Markdown (inline, table cells included), newlines as `<br>`."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br>".join(line.translate(_TABLE) for line in lines)


def rich(text: str) -> str:
    """A message with backtick spans shown as `<code>`, everything escaped."""
    return "".join(f"<code>{esc(part)}</code>" if code else esc(part)
                   for part, code in c.code_spans(text))


def write(result: Result, options: Options = DEFAULT) -> str:
    lang = i18n.language(result, options.lang)
    evaluation = bool(result.indicators)  # plan data: the evaluation table comes first
    parts = [_head(result, lang)]
    if evaluation:
        parts.append(_evaluation(result, lang))
        if annual.rows(result):
            parts.append(_annual(result, lang))
    if options.details or not evaluation:
        parts.append(_table(result, lang))
    elif any(group.rule.subject == "series" and group.outcomes for group in c.by_rule(result)):
        parts.append(f"_{esc(i18n.word('details_hint', lang))}_\n")
    used = sum(len(p) for p in parts)
    cut = False
    for group in c.by_rule(result):
        if not group.outcomes or (not options.details and group.rule.subject == "series"):
            continue
        section = _details(group, lang)
        if used + len(section) > BUDGET:
            cut = True
            break
        parts.append(section)
        used += len(section)
    if cut:
        parts.append("_The report was cut to fit a comment; the SARIF, JUnit, JSON or HTML "
                     "report has every finding._\n")
    parts.append(_foot(result, lang))
    return "\n".join(parts)


def _head(result: Result, lang: Lang) -> str:
    s = result.summary
    # never a plain ✅ over outcomes nobody could decide
    icon = "❌" if s.exit_code else "❔" if ev.undecided(result) else "✅"
    suite = result.suite
    title = f" — {esc(suite.title)}" if suite.title else ""
    w = i18n.WORDS
    lines = [f"## {icon} plancheck: {esc(messages.totals_line(result, lang))}", "",
             f"**{esc(suite.plan)}**{title}  ",
             f"{w['as_of'][lang]} {result.as_of} · {w['fail_on'][lang]} `{result.fail_on}` · "
             f"{suite.rules} {w['rules_count'][lang]} · exit {s.exit_code}: "
             f"{esc(i18n.verdict(result, lang))}"]
    if result.inputs:
        lines.append("")
        for item in result.inputs:
            lines.append(f"- {i18n.word(item.kind, lang)}: {esc(item.path)} "
                         f"({messages.rows_text(item, lang)})")
    return "\n".join(lines) + "\n"


_STATUS_ICON = {"achieved": "🟢", "ahead": "🟢", "on_track": "🟢", "lagging": "🟠",
                "pass": "✅", "fail": "❌", "unknown": "❔", "no_baseline": "❔"}


def _evaluation(result: Result, lang: Lang) -> str:
    """The evaluation table and its counts, undecided ones said in so many words."""
    keys = (*ev.SHORT, "source")
    lines = [f"### {esc(i18n.word('heading_indicators', lang))}", "",
             f"**{esc(ev.counts_line(result, lang))}**", "",
             "| " + " | ".join(esc(i18n.word(k, lang)) for k in keys) + " |",
             "|" + "---|" * len(keys)]
    baseline = result.suite.period[0] - 1
    for row in result.indicators:
        cells = ev.shown(row, lang, baseline)
        shown = [esc(cells[k]) for k in keys]
        shown[keys.index("status")] = f"{_STATUS_ICON[row.status]} {shown[keys.index('status')]}"
        lines.append("| " + " | ".join(shown) + " |")
    for gap in ev.gap_notes(result, lang):  # a running total that stops before a gap
        lines += ["", f"> {esc(gap)}"]
    return "\n".join(lines) + "\n"


_MET_ICON = {"met": _ICON["pass"], "missed": _ICON["fail"], "undecided_met": _ICON["unknown"]}


def _annual(result: Result, lang: Lang) -> str:
    """The `--as-of` year's stated targets against its actuals."""
    keys = annual.COLUMNS
    lines = [f"### {esc(i18n.word('heading_annual', lang, year=result.as_of))}", "",
             "| " + " | ".join(esc(annual.heading(k, result.as_of, lang)) for k in keys) + " |",
             "|" + "---|" * len(keys)]
    for row in annual.rows(result):
        cells = annual.shown(row, lang)
        cells["year_result"] = f"{_MET_ICON[row.met]} {cells['year_result']}"
        lines.append("| " + " | ".join(esc(cells[k]) for k in keys) + " |")
    return "\n".join(lines) + "\n"


def _table(result: Result, lang: Lang) -> str:
    words = [esc(i18n.word(k, lang)) for k in ("rule", "title", "kind")]
    head = "| | " + " | ".join(words) + " | " \
        + " | ".join(esc(messages.column_label(k, lang)) for k in c.COLUMNS) + " |"
    rule_line = "|---|---|---|---|" + "---:|" * len(c.COLUMNS)
    rows = [head, rule_line]
    for rule in result.rules:
        cells = [f"{rule.counts.get(k, 0):,}" if rule.counts.get(k, 0) else "·"
                 for k in c.COLUMNS]
        title, constraint = c.label(rule)
        shown = f"<code>{esc(title)}</code>" if constraint else esc(title)
        rows.append(f"| {_rule_icon(rule)} | {esc(rule.id)} | {shown} | "
                    f"{esc(i18n.kind(rule.kind, lang))} | " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"


def _rule_icon(rule: RuleSummary) -> str:
    for kind in ("error", "fail", "unknown", "pending"):
        if rule.counts.get(kind, 0):
            return _ICON[kind]
    return _ICON["pass"] if rule.counts.get("pass", 0) else _ICON["not_applicable"]


def _details(group: c.RuleOutcomes, lang: Lang) -> str:
    rule = group.rule
    title = f" {esc(rule.title)}" if rule.title else ""
    lines = [f"<details><summary>{_rule_icon(rule)} <b>{esc(rule.id)}</b>{title} — "
             f"{esc(messages.count_line(rule, lang))}</summary>", ""]
    for cite in rule.citations:
        lines += [f"> {esc(cite.quote)}", f"> — {esc(messages.citation_where(cite, lang))}", ""]
    lines += [f"- {esc(i18n.word('rule', lang))}: {rich('`require ' + k + '`')}"
              for k in rule.constraints]
    lines += [f"- {esc(i18n.kind(rule.kind, lang))} ({rule.severity}), "
              f"{esc(rule.location.text)}", ""]
    lines += ["| " + " | ".join(esc(i18n.word(k, lang)) for k in _FINDING_COLUMNS) + " |",
              "|---|---|---|---|---|---|---|"]
    lines += [_row(o, lang) for o in group.outcomes[:SHOWN_PER_RULE]]
    hidden = group.unlisted + max(len(group.outcomes) - SHOWN_PER_RULE, 0)
    if hidden > 0:
        more = i18n.word("more_of_rule", lang, n=f"{hidden:,}", rule=rule.id)
        lines.append(f"\n{esc(more)}.")
    clauses = [_clauses(o, lang) for o in group.outcomes[:SHOWN_PER_RULE]]
    if any(clauses):
        lines += ["", "Clauses:" if lang == "en" else "条件：", ""] + [x for x in clauses if x]
    return "\n".join(lines) + "\n\n</details>\n"


_FINDING_COLUMNS = ("subject", "outcome", "message", "observed", "threshold", "margin", "from")


def _row(o: Outcome, lang: Lang) -> str:
    ev = o.evidence
    about = c.described(o)
    cells = [esc(o.subject) + (f"<br>{esc(about)}" if about else ""),
             f"{_ICON[o.outcome]} {esc(messages.outcome_word(o, lang))}",
             rich(messages.message(o, lang)),
             esc(ev.observed.text) if ev and ev.observed else "",
             esc(ev.threshold.text) if ev and ev.threshold else "",
             esc(messages.margin(o, lang)), esc(o.origin.text) if o.origin else ""]
    return "| " + " | ".join(cells) + " |"


def _clauses(o: Outcome, lang: Lang) -> str:
    if o.evidence is None or not o.evidence.clauses:
        return ""
    truth = "; ".join(f"{c.MARK[k.value]} {messages.role(k.role, lang)} "
                      f"{rich('`' + k.text + '`')}" for k in o.evidence.clauses)
    return f"- {esc(o.subject)}: {truth}"


def _foot(result: Result, lang: Lang) -> str:
    note = "" if result.summary.complete else " " + i18n.word("large_run", lang)
    label = i18n.word("notes", lang)
    said = "".join(f"> **{label[:1].upper() + label[1:]}:** {esc(notes.note(n, lang))}\n\n"
                   for n in result.notes)
    return said + (f"<sub>plancheck · {esc(result.schema_version)} · "
                    f"{esc(messages.subjects_text(result, lang))}.{note}</sub>\n")
