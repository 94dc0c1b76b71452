"""A self-contained HTML report: verdict, summary, the evaluation table, the annual
execution table, charts, per-proposal and per-rule findings.

In: a `Result`.  Out: one HTML page rendered from the Jinja2 templates in
`reports/templates/` with autoescape on, so every value that reaches the page is escaped
unless it is markup this module made (the SVG charts and `message`/`lines` filters, which
escape their parts first).  The page needs no network and no script: inline CSS, inline
SVG charts (`reports.charts`), a table of contents, a filter by outcome made of anchors and
`:target`, print CSS; a Content Security Policy forbids scripts and remote loads as a
second line of defence.  Here: the values the templates show, shaped per section.
Imports `checker.result`, jinja2 and markupsafe.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from checker.result import Outcome, OutcomeKind, Result, RuleSummary, Status
from reports import DEFAULT, Options, annual, charts, i18n, messages, notes, quotas
from reports import chart_model as cm
from reports import common as c
from reports import evaluation as ev
from reports.html_style import CSS, FILTERS, filter_css
from reports.i18n import Lang

TEMPLATES = Path(__file__).with_name("templates")
BADGE: dict[OutcomeKind, str] = {"pass": "pass", "fail": "fail", "unknown": "unknown",
                                 "not_applicable": "na", "pending": "pending",
                                 "error": "error"}
RANK = {"error": 0, "fail": 1, "unknown": 2, "pending": 3, "pass": 4, "not_applicable": 5}
STATUS_BADGE: dict[Status, str] = {
    "achieved": "pass", "ahead": "pass", "on_track": "pass", "lagging": "pending",
    "pass": "pass", "fail": "fail", "unknown": "unknown", "no_baseline": "unknown"}
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["message"] = message
    env.filters["lines"] = lines
    env.filters["num"] = lambda n: f"{n:,}"
    return env


def message(text: str) -> Markup:
    """A message with its backtick spans as `<code>`, every part escaped, lines kept."""
    parts = [Markup("<code>%s</code>") % part if code else escape(part)
             for part, code in c.code_spans(text)]
    return lines(Markup("").join(parts))


def lines(text: str) -> Markup:
    """Escaped text with its newlines as `<br>`."""
    return Markup("<br>").join(escape(text).split("\n"))


def write(result: Result, options: Options = DEFAULT) -> str:
    lang = i18n.language(result, options.lang)
    anchors = {rule.id: f"rule-{i}" for i, rule in enumerate(result.rules)}
    found = cm.charts(result)
    figures = [_figure(result, chart, i, anchors, lang) for i, chart in enumerate(found)]
    context = {
        "page_lang": "zh-CN" if lang == "zh" else "en", "csp": Markup(CSP),
        "css": Markup(CSS + filter_css()), "filters": FILTERS,
        "title": f"plancheck · {result.suite.plan} · as of {result.as_of}",
        "r": result, "w": functools.partial(i18n.word, lang=lang),
        "outcome_word": lambda k: _outcome_word(k, lang), "badge": BADGE,
        "kind": lambda k: i18n.kind(k, lang),
        "where": lambda cite: messages.citation_where(cite, lang),
        "header": _header(result, lang), "cards": _cards(result, lang),
        "evaluation": _evaluation(result, anchors, lang, found),
        "annual": _annual(result, lang), "rules": _rules(result, anchors, lang),
        "figures": figures, "proposals": _proposals(result, anchors, lang),
        "details": _details(result, anchors, lang),
        "quotas": [_quota(q, anchors) for q in quotas.quotas(result)],
        "column_labels": [messages.column_label(k, lang) for k in c.COLUMNS],
    }
    return environment().get_template("report.html.j2").render(context)


def _header(result: Result, lang: Lang) -> dict[str, Any]:
    s = result.summary
    return {"state": "bad" if s.exit_code else "good",
            "verdict": i18n.verdict(result, lang),
            "inputs": [(i18n.word(i.kind, lang), i.path, messages.rows_text(i, lang))
                       for i in result.inputs],
            "notes": [notes.note(n, lang) for n in result.notes]}


def _cards(result: Result, lang: Lang) -> dict[str, Any]:
    s = result.summary
    return {"cards": [(BADGE[k], s.outcomes.get(k, 0), _outcome_word(k, lang))
                      for k in c.COLUMNS],
            "totals": messages.totals_line(result, lang),
            "complete": s.complete}


def _outcome_word(kind: OutcomeKind, lang: Lang) -> str:
    return c.WORDS[kind] if lang == "en" else i18n.outcome(kind, lang)


def _evaluation(result: Result, anchors: dict[str, str], lang: Lang,
                found: list[cm.Chart]) -> dict[str, Any] | None:
    """The evaluation table: each indicator × region, linked to its chart and its rules."""
    if not result.indicators:
        return None
    charted = {(chart.indicator, chart.region): f"series-{i}" for i, chart in enumerate(found)}
    keys = (*ev.SHORT, "source", "rules")
    baseline = result.suite.period[0] - 1
    rows = [{"cells": ev.shown(row, lang, baseline), "chart": charted.get((row.indicator,
                                                                          row.region)),
             "badge": STATUS_BADGE[row.status], "reason": ev.reason_text(row, lang),
             "rules": _links(row.rules, anchors)} for row in result.indicators]
    return {"columns": keys, "rows": rows, "counts": ev.counts_line(result, lang),
            "gaps": ev.gap_notes(result, lang)}


def _links(rules: list[str], anchors: dict[str, str]) -> list[tuple[str, str | None]]:
    return [(r, anchors.get(r)) for r in rules]


def _annual(result: Result, lang: Lang) -> dict[str, Any] | None:
    found = annual.rows(result)
    if not found:
        return None
    heads = [annual.heading(k, result.as_of, lang) for k in annual.COLUMNS]
    rows = [{"cells": annual.shown(row, lang), "badge": _MET_BADGE[row.met]} for row in found]
    return {"heading": i18n.word("heading_annual", lang, year=result.as_of),
            "columns": annual.COLUMNS, "heads": heads, "rows": rows}


_MET_BADGE = {"met": "pass", "missed": "fail", "undecided_met": "unknown"}


def status_of(rule: RuleSummary) -> OutcomeKind:
    order: tuple[OutcomeKind, ...] = ("error", "fail", "unknown", "pending", "pass")
    return next((k for k in order if rule.counts.get(k, 0)), "not_applicable")


def _rules(result: Result, anchors: dict[str, str], lang: Lang) -> list[dict[str, Any]]:
    targets = ev.rule_targets(result, lang)
    return [{"rule": rule, "status": status_of(rule), "anchor": anchors[rule.id],
             "label": c.label(rule), "target": targets.get(rule.id, ("", ""))[0],
             "deadline": targets.get(rule.id, ("", ""))[1],
             "counts": [rule.counts.get(k, 0) for k in c.COLUMNS]}
            for rule in sorted(result.rules, key=lambda r: RANK[status_of(r)])]


def _figure(result: Result, chart: cm.Chart, index: int, anchors: dict[str, str],
            lang: Lang) -> dict[str, Any]:
    rules = cm.rules_of(result, chart)
    badges = [STATUS_BADGE[row.status] for row in chart.rows] or ["na"]
    captions = [{"badge": STATUS_BADGE[t.status] if t.status else "na",
                 "status": i18n.status(t.status, lang) if t.status else "",
                 "rule": t.rule, "anchor": anchors.get(t.rule),
                 "subject": row.subject, "target": ev.target_text(t, lang),
                 "reason": ev.target_reason(t, lang)}
                for row in chart.rows for t in row.targets]
    failing = [f"{p.year}: {ev.amount(p.value, chart.unit)}" for _, p in chart.ringed()]
    return {"id": f"series-{index}", "name": chart.name, "indicator": chart.indicator,
            "region": chart.region, "unit": chart.unit if chart.unit not in ("", "one") else "",
            "rules": _links(rules, anchors), "captions": captions, "failing": failing,
            "badge": min(badges, key=lambda b: RANK[_UNBADGE[b]]),
            "svg": Markup(charts.svg(chart, result.suite.period, result.as_of, f"c{index}",
                                     lang))}


_UNBADGE: dict[str, OutcomeKind] = {v: k for k, v in BADGE.items()}


def _quota(quota: quotas.Quota, anchors: dict[str, str]) -> dict[str, Any]:
    share, cap = quota.widths()
    return {"q": quota, "anchor": anchors.get(quota.rule), "badge": BADGE[quota.outcome],
            "cap": ev.amount(quota.cap, quota.unit), "total": ev.amount(quota.total, quota.unit),
            "baseline": ev.amount(quota.baseline, quota.unit),
            "share": ev.amount(quota.share, quota.unit),
            "share_width": share, "cap_left": cap}


def _proposals(result: Result, anchors: dict[str, str], lang: Lang) -> list[dict[str, Any]]:
    rules = {rule.id: rule for rule in result.rules}
    return [{"subject": subject, "origin": next((o.origin.text for o in found if o.origin), ""),
             "about": c.described(found[0]),
             "badge": BADGE[min((o.outcome for o in found), key=lambda k: RANK[k])],
             "found": [_item(o, anchors, lang, rules.get(o.rule)) for o in found]}
            for subject, found in c.by_subject(result)]


def _item(o: Outcome, anchors: dict[str, str], lang: Lang,
          rule: RuleSummary | None) -> dict[str, Any]:
    return {"badge": BADGE[o.outcome], "word": messages.outcome_word(o, lang), "rule": o.rule,
            "anchor": anchors.get(o.rule, ""), "title": rule.title or "" if rule else "",
            "about": c.described(o),
            "message": messages.message(o, lang), "margin": messages.margin(o, lang), "o": o}


def _details(result: Result, anchors: dict[str, str], lang: Lang) -> dict[str, Any]:
    """Rules with findings, problems first; the others folded away at the end."""
    groups = sorted(c.by_rule(result), key=lambda g: RANK[status_of(g.rule)])

    def section(group: c.RuleOutcomes) -> dict[str, Any]:
        rule = group.rule
        return {"rule": rule, "anchor": anchors[rule.id], "status": status_of(rule),
                "count_line": messages.count_line(rule, lang), "unlisted": group.unlisted,
                "rows": [{**_item(o, anchors, lang, rule),
                          "evidence": messages.evidence_lines(o, lang, ("observed", "from"))}
                         for o in group.outcomes]}

    return {"shown": [section(g) for g in groups if g.outcomes],
            "quiet": [section(g) for g in groups if not g.outcomes]}

