"""A self-contained HTML report: verdict, summary, charts, per-proposal and per-rule findings.

In: a `Result`.  Out: one HTML page that needs no network and no script: inline CSS, inline
SVG charts of each indicator's path against the plan's targets (`reports.charts`), the
plan sentence behind every rule, and each finding's evidence.  Every string that comes from
a user (proposal ids, messages, file names, suite text) goes through `esc`, and a Content
Security Policy forbids scripts and remote loads as a second line of defence.
Imports only `checker.result`.
"""

from __future__ import annotations

import html
import re

from checker.result import Outcome, OutcomeKind, Result, RuleSummary
from reports import DEFAULT, Options, charts, i18n
from reports import common as c
from reports import evaluation as ev
from reports.html_style import CSS
from reports.i18n import Lang

_BADGE = {"pass": "pass", "fail": "fail", "unknown": "unknown", "not_applicable": "na",
          "pending": "pending", "error": "error"}
_RANK = {"error": 0, "fail": 1, "unknown": 2, "pending": 3, "pass": 4, "not_applicable": 5}
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def write(result: Result, options: Options = DEFAULT) -> str:
    lang = i18n.language(result, options.lang)
    anchors = {rule.id: f"rule-{i}" for i, rule in enumerate(result.rules)}
    body = [_header(result), _cards(result), _evaluation(result, anchors, lang),
            _rules(result, anchors), _indicators(result, anchors),
            _proposals(result, anchors), _findings(result, anchors), _footer(result)]
    title = f"plancheck · {result.suite.plan} · as of {result.as_of}"
    page_lang = "zh-CN" if lang == "zh" else "en"
    return (f"<!DOCTYPE html>\n<html lang=\"{page_lang}\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{_CSP}\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
            + "".join(body) + "</main>\n</body>\n</html>\n")


def _header(result: Result) -> str:
    suite, s = result.suite, result.summary
    state = "bad" if s.exit_code else "good"
    inputs = "".join(f"<li>{'records' if i.kind == 'records' else 'plan data'}: "
                     f"<code>{esc(i.path)}</code> ({i.rows:,} rows)</li>" for i in result.inputs)
    return (f"<header>\n<p class=\"tool\">plancheck report · <code>{esc(suite.plan)}</code></p>\n"
            f"<h1>{esc(suite.title or suite.plan)}</h1>\n"
            f"<p class=\"meta\">plan period {suite.period[0]}–{suite.period[1]} · as of "
            f"{result.as_of} · fail on <code>{esc(result.fail_on)}</code> · {suite.rules} rules"
            f"</p>\n<p class=\"verdict {state}\">exit {s.exit_code}: {esc(c.verdict(result))}"
            f"</p>\n" + (f"<ul class=\"inputs\">{inputs}</ul>\n" if inputs else "")
            + "".join(f"<p class=\"note\">note: {esc(n)}</p>\n" for n in result.notes)
            + "</header>\n")


def _cards(result: Result) -> str:
    s = result.summary
    cards = "".join(f"<div class=\"card {_BADGE[k]}\"><span class=\"n\">"
                    f"{s.outcomes.get(k, 0):,}</span><span>{c.WORDS[k]}</span></div>"
                    for k in c.COLUMNS)
    note = "" if s.complete else ("<p class=\"note\">A large run: passing outcomes are "
                                  "counted, not listed.</p>\n")
    return (f"<section class=\"cards\" aria-label=\"summary\">{cards}</section>\n"
            f"<p class=\"totals\">{esc(c.totals_line(result))}</p>\n{note}")


_STATUS_BADGE = {"achieved": "pass", "ahead": "pass", "on_track": "pass", "lagging": "pending",
                 "pass": "pass", "fail": "fail", "unknown": "unknown", "no_baseline": "unknown"}


def _evaluation(result: Result, anchors: dict[str, str], lang: Lang) -> str:
    """The evaluation table: each indicator × region, linked to its chart and its rules."""
    if not result.indicators:
        return ""
    charted = {(chart.indicator, chart.region): f"series-{i}"
               for i, chart in enumerate(_charts(result))}
    keys = (*ev.SHORT, "source", "rules")
    head = "".join(f"<th>{esc(i18n.word(k, lang))}</th>" for k in keys)
    baseline = result.suite.period[0] - 1
    rows = []
    for row in result.indicators:
        cells = ev.shown(row, lang, baseline)
        shown = {k: esc(cells[k]).replace("\n", "<br>") for k in keys}
        chart = charted.get((row.indicator, row.region))
        if chart:
            shown["name"] = f"<a href=\"#{chart}\">{shown['name']}</a>"
        shown["status"] = (f"<span class=\"badge {_STATUS_BADGE[row.status]}\" "
                           f"title=\"{esc(ev.reason_text(row, lang))}\">{shown['status']}</span>")
        shown["rules"] = ", ".join(f"<a href=\"#{anchors[r]}\">{esc(r)}</a>" if r in anchors
                                   else esc(r) for r in row.rules)
        rows.append("<tr>" + "".join(f"<td>{shown[k]}</td>" for k in keys) + "</tr>")
    return (f"<section>\n<h2>{esc(i18n.word('heading_indicators', lang))}</h2>\n"
            f"<p class=\"totals\">{esc(ev.counts_line(result, lang))}</p>\n"
            f"<table class=\"rules evaluation\"><thead><tr>{head}</tr></thead>\n<tbody>\n"
            + "\n".join(rows) + "\n</tbody></table>\n</section>\n")


def _badge(kind: OutcomeKind, text: str | None = None) -> str:
    return f"<span class=\"badge {_BADGE[kind]}\">{esc(text or c.WORDS[kind])}</span>"


def _status(rule: RuleSummary) -> OutcomeKind:
    order: tuple[OutcomeKind, ...] = ("error", "fail", "unknown", "pending", "pass")
    for kind in order:
        if rule.counts.get(kind, 0):
            return kind
    return "not_applicable"


def _rules(result: Result, anchors: dict[str, str]) -> str:
    head = "".join(f"<th class=\"num\">{c.LABEL[k]}</th>" for k in c.COLUMNS)
    rows = []
    for rule in sorted(result.rules, key=lambda r: _RANK[_status(r)]):  # problems first
        cells = "".join(f"<td class=\"num{'' if rule.counts.get(k, 0) else ' zero'}\">"
                        f"{rule.counts.get(k, 0):,}</td>" for k in c.COLUMNS)
        link = f"<a href=\"#{anchors[rule.id]}\">{esc(rule.id)}</a>"
        rows.append(f"<tr><td>{_badge(_status(rule))}</td><td class=\"id\">{link}</td>"
                    f"<td>{_title(rule)}</td><td>{esc(rule.kind)}</td>{cells}</tr>")
    return ("<section>\n<h2>Rules</h2>\n<table class=\"rules\"><thead><tr><th></th><th>rule</th>"
            f"<th>title</th><th>kind</th>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows)
            + "\n</tbody></table>\n</section>\n")


def _title(rule: RuleSummary) -> str:
    """The rule's title, or its first constraint when it has none."""
    if rule.title:
        return esc(rule.title)
    first = rule.constraints[0] if rule.constraints else ""
    return f"<code class=\"muted\">{esc(first)}</code>"


def _charts(result: Result) -> list[charts.Chart]:
    grouped: dict[tuple[str, str], charts.Chart] = {}
    for series in result.series:
        chart = grouped.setdefault((series.indicator, series.region), charts.Chart(
            series.indicator, series.region, series.unit))
        if series.kind == "actual":
            chart.actual = series
        else:
            chart.target = series
    for outcome in result.outcomes:
        if outcome.subject_kind == "series" and outcome.outcome == "fail" and outcome.evidence:
            for chart in grouped.values():
                rules = _chart_rules(result, chart)
                if outcome.rule in rules and outcome.subject.startswith(chart.region):
                    chart.failing |= set(outcome.evidence.years)
    return [grouped[key] for key in sorted(grouped)]


def _chart_rules(result: Result, chart: charts.Chart) -> set[str]:
    """Rules about the chart's indicator: those that set its targets, and series rules whose
    constraints name it (trends, growth, totals)."""
    found = {r for s in (chart.actual, chart.target) if s for r in s.rules}
    name = re.compile(rf"(?<![\w.]){re.escape(chart.indicator)}(?![\w.])")
    found |= {rule.id for rule in result.rules if rule.subject == "series"
              and any(name.search(k) for k in rule.constraints)}
    return found


def _indicators(result: Result, anchors: dict[str, str]) -> str:
    found = _charts(result)
    if not found:
        return ""
    figures = [_figure(result, chart, i, anchors) for i, chart in enumerate(found)]
    return ("<section>\n<h2>Indicators</h2>\n<p class=\"note\">Each indicator's values against "
            "the plan's targets; the shaded band is the plan period.</p>\n<div class=\"charts\">\n"
            + "".join(figures) + "</div>\n</section>\n")


def _figure(result: Result, chart: charts.Chart, index: int, anchors: dict[str, str]) -> str:
    series = chart.actual or chart.target
    name = series.name if series and series.name else chart.indicator
    rules = sorted(_chart_rules(result, chart))
    links = ", ".join(f"<a href=\"#{anchors[r]}\">{esc(r)}</a>" if r in anchors else esc(r)
                      for r in rules)
    unit = f" · unit {esc(chart.unit)}" if chart.unit not in ("", "one") else ""
    picture = charts.svg(chart, result.suite.period, result.as_of, f"c{index}")
    label = f"{name} ({chart.indicator}), {chart.region}"
    outcomes = [o for o in result.to_look_at() if o.subject_kind == "series" and o.rule in rules
                and o.subject.startswith(chart.region)]
    items = "".join(f"<li>{_badge(o.outcome, c.outcome_word(o))} <b>{esc(o.rule)}</b> "
                    f"{esc(o.subject)}: {_message(o.message)}</li>" for o in outcomes)
    return (f"<figure class=\"chart\" id=\"series-{index}\">\n<figcaption><b>{esc(name)}</b> "
            f"<code>{esc(chart.indicator)}</code> · {esc(chart.region)}{unit}"
            + (f" · rules {links}" if links else "") + "</figcaption>\n"
            f"<div class=\"svg\" role=\"img\" aria-label=\"{esc(label)}\">{picture}</div>\n"
            + (f"<ul class=\"outcomes\">{items}</ul>\n" if items else "") + "</figure>\n")


def _message(message: str) -> str:
    """A message with its backtick spans as `<code>`, every part escaped."""
    parts = [f"<code>{esc(text)}</code>" if code else esc(text)
             for text, code in c.code_spans(message)]
    return "".join(parts).replace("\n", "<br>")


def _proposals(result: Result, anchors: dict[str, str]) -> str:
    subjects = c.by_subject(result)
    if not subjects:
        return ""
    rules = {rule.id: rule for rule in result.rules}
    cards = []
    for subject, found in subjects:
        origin = next((o.origin.text for o in found if o.origin), "")
        items = "".join(
            f"<li>{_badge(o.outcome, c.outcome_word(o))} <a href=\"#{anchors.get(o.rule, '')}\">"
            f"{esc(o.rule)}</a> {esc(rules[o.rule].title or '') if o.rule in rules else ''}: "
            f"{_message(o.message)}</li>" for o in found)
        where = f" <span class=\"where\">{esc(origin)}</span>" if origin else ""
        cards.append(f"<div class=\"proposal\"><h3>{esc(subject)}{where}</h3>"
                     f"<ul class=\"outcomes\">{items}</ul></div>\n")
    return ("<section>\n<h2>Proposals</h2>\n<p class=\"note\">Each proposal with a finding, and "
            "the rules it does not meet.</p>\n" + "".join(cards) + "</section>\n")


def _findings(result: Result, anchors: dict[str, str]) -> str:
    """Rules with findings, problems first; the others folded away at the end."""
    groups = sorted(c.by_rule(result), key=lambda g: _RANK[_status(g.rule)])
    shown = [_rule_section(g, anchors[g.rule.id]) for g in groups if g.outcomes]
    quiet = [_rule_section(g, anchors[g.rule.id]) for g in groups if not g.outcomes]
    folded = (f"<details class=\"quiet\"><summary>{len(quiet)} rule(s) without findings"
              "</summary>\n" + "".join(quiet) + "</details>\n") if quiet else ""
    return "<section>\n<h2>Rules in detail</h2>\n" + "".join(shown) + folded + "</section>\n"


def _rule_section(group: c.RuleOutcomes, anchor: str) -> str:
    rule = group.rule
    quotes = "".join(f"<blockquote><p>{esc(k.quote)}</p><footer>{esc(c.citation_where(k))}"
                     "</footer></blockquote>" for k in rule.citations)
    if not rule.citations:
        quotes = "<p class=\"note\">This rule cites no sentence of the plan.</p>"
    constraints = "".join(f"<li><code>require {esc(k)}</code></li>" for k in rule.constraints)
    table = _table(group.outcomes) if group.outcomes else ""
    if group.unlisted:
        table += (f"<p class=\"note\">… and {group.unlisted:,} more findings, counted but not "
                  "listed (raise <code>--max-findings</code> to list them).</p>")
    return (f"<article class=\"rule\" id=\"{anchor}\">\n<h3>{_badge(_status(rule))} "
            f"{esc(rule.id)} {esc(rule.title or '')}</h3>\n"
            f"<p class=\"meta\">{esc(rule.kind)} ({esc(rule.severity)}) · "
            f"{esc(c.count_line(rule))} · <code>{esc(rule.location.text)}</code></p>\n"
            f"{quotes}\n<ul class=\"constraints\">{constraints}</ul>\n{table}</article>\n")


def _table(found: list[Outcome]) -> str:
    rows = "".join(_row(o) for o in found)
    return ("<table class=\"findings\"><thead><tr><th>subject</th><th>outcome</th>"
            "<th>message and evidence</th><th>observed</th><th>threshold</th><th>margin</th>"
            "</tr></thead>\n<tbody>\n" + rows + "</tbody></table>\n")


def _row(o: Outcome) -> str:
    ev = o.evidence
    details = [f"<li>{esc(label)}: {esc(text)}</li>" for label, text in c.evidence_lines(o)
               if label not in ("observed", "from")]
    more = (f"<details><summary>evidence</summary><ul>{''.join(details)}</ul></details>"
            if details else "")
    origin = f"<span class=\"where\">{esc(o.origin.text)}</span>" if o.origin else ""
    cells = [f"<b>{esc(o.subject)}</b>{origin}", _badge(o.outcome, c.outcome_word(o)),
             _message(o.message) + more,
             esc(ev.observed.text) if ev and ev.observed else "",
             esc(ev.threshold.text) if ev and ev.threshold else "",
             esc(ev.margin.text) if ev and ev.margin else ""]
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>\n"


def _footer(result: Result) -> str:
    files = ", ".join(f"<code>{esc(f)}</code>" for f in result.suite.files)
    return (f"<footer class=\"page\"><p>{esc(result.tool)} · {esc(result.schema_version)} · "
            f"rendered from the canonical JSON result. Suite files: {files}</p></footer>\n")
