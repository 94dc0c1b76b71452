"""Terminal text: a header, a summary table, then each rule's findings with their evidence.

In: a `Result` and whether to colour.  Out: text; with `color` (a terminal) rich styles it,
otherwise it is plain and 100 columns wide, byte for byte the same on every run.  User
strings are printed as `rich.text.Text`, never as markup.  Imports only `checker.result`.
"""

from __future__ import annotations

import io

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from checker.result import Outcome, Result, RuleSummary
from reports import DEFAULT, Options, annual, i18n, messages, notes
from reports import common as c
from reports import evaluation as ev
from reports.i18n import Lang

SHOWN_PER_RULE = 20  # findings printed per rule; the rest are counted
WIDTH = 100
_STYLE = {"fail": "bold red", "unknown": "yellow", "error": "bold magenta",
          "pending": "cyan", "pass": "green", "not_applicable": "dim"}
_MARK = {"fail": "✗", "unknown": "?", "error": "!", "pending": "…", "pass": "✓",
         "not_applicable": "-"}
STATUS_STYLE = {"achieved": "bold green", "ahead": "green", "on_track": "green",
                "lagging": "yellow", "pass": "green", "fail": "bold red", "unknown": "dim",
                "no_baseline": "dim"}


def _terminal_columns() -> int:
    """`shutil` imported only on a terminal: it brings bz2 and lzma (start-up, issue 16)."""
    import shutil

    return shutil.get_terminal_size((WIDTH, 24)).columns


def write(result: Result, options: Options = DEFAULT) -> str:
    buffer = io.StringIO()
    color = options.color
    width = max(_terminal_columns(), 60) if color else WIDTH
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width,
                      highlight=False, emoji=False, markup=False, soft_wrap=False)
    lang = i18n.language(result, options.lang)
    _header(console, result, lang)
    evaluation = bool(result.indicators)  # plan data: the evaluation table comes first
    if evaluation:
        _evaluation(console, result, lang)
        _annual(console, result, lang)
    if options.details or not evaluation:
        _table(console, result, lang)
    for group in c.by_rule(result):
        if group.outcomes and (options.details or group.rule.subject != "series"):
            _rule(console, group, lang)
    if evaluation and not options.details:
        console.print(Text(i18n.word("details_hint", lang), style="dim"))
    _footer(console, result, lang)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def _header(console: Console, result: Result, lang: Lang) -> None:
    suite = result.suite
    title = Text("plancheck", style="bold")
    title.append(f" · {suite.plan}")
    if suite.title:
        title.append(f" · {suite.title}", style="dim")
    console.print(title)
    w = i18n.WORDS
    rules = f"{suite.rules} {w['rules_count'][lang]}"
    console.print(f"{w['as_of'][lang]} {result.as_of} · {w['fail_on'][lang]} {result.fail_on}"
                  f" · {rules} · {w['period'][lang]} {suite.period[0]}–{suite.period[1]}")
    for item in result.inputs:
        kind = i18n.word(item.kind, lang)
        console.print(f"  {kind:<10} {item.path} ({messages.rows_text(item, lang)})")
    console.print()


def _evaluation(console: Console, result: Result, lang: Lang) -> None:
    """The evaluation table: one line per indicator × region, then the counts."""
    console.print(Text(i18n.word("heading_indicators", lang), style="bold"))
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold",
                  padding=(0, 1, 0, 0))
    widest = max(cell_len(i18n.status(row.status, lang)) for row in result.indicators)
    for key in ev.SHORT:
        table.add_column(i18n.word(key, lang), overflow="fold",
                         max_width={"name": 14, "region": 10, "base": 12,
                                    "latest": 12}.get(key),
                         min_width={"target": 26, "status": widest}.get(key),
                         no_wrap=key == "status")
    for row in result.indicators:
        cells = ev.shown(row, lang, result.suite.period[0] - 1)
        table.add_row(*[Text(cells[key], style=STATUS_STYLE[row.status] if key == "status"
                             else "") for key in ev.SHORT])
    console.print(table)
    console.print(Text(ev.counts_line(result, lang), style="bold"))
    console.print()


def _annual(console: Console, result: Result, lang: Lang) -> None:
    """The `--as-of` year's stated targets against its actuals, when the data states any."""
    found = annual.rows(result)
    if not found:
        return
    console.print(Text(i18n.word("heading_annual", lang, year=result.as_of), style="bold"))
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold",
                  padding=(0, 1, 0, 0))
    for key in annual.COLUMNS:
        table.add_column(annual.heading(key, result.as_of, lang), overflow="fold",
                         max_width={"name": 14, "region": 10, "plan_target": 26}.get(key))
    for row in found:
        cells = annual.shown(row, lang)
        style = {"met": "green", "missed": "red"}.get(row.met, "yellow")
        table.add_row(*[Text(cells[key], style=style if key == "year_result" else "")
                        for key in annual.COLUMNS])
    console.print(table)
    console.print()


def _table(console: Console, result: Result, lang: Lang) -> None:
    """One line per rule with its counts of each outcome."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    table.add_column(i18n.word("rule", lang), no_wrap=True)
    table.add_column(i18n.word("title", lang), max_width=24 if lang == "en" else 20,
                     overflow="ellipsis", no_wrap=True)
    table.add_column(i18n.word("kind", lang), no_wrap=True,
                     min_width=max(cell_len(i18n.kind(k, lang)) for k in i18n.KIND))
    for kind in c.COLUMNS:
        label = messages.column_label(kind, lang)
        table.add_column(label, justify="right", no_wrap=True, min_width=cell_len(label))
    for rule in result.rules:
        cells = [_count(rule, kind) for kind in c.COLUMNS]
        title, constraint = c.label(rule)
        table.add_row(Text(rule.id, style=_rule_style(rule)),
                      Text(title, style="dim" if constraint else ""),
                      i18n.kind(rule.kind, lang), *cells)
    console.print(table)
    console.print()


def _count(rule: RuleSummary, kind: str) -> Text:
    n = rule.counts.get(kind, 0)  # type: ignore[call-overload]
    if not n:
        return Text("·", style="dim")
    return Text(f"{n:,}", style=_STYLE.get(kind, "") if kind != "pass" else "")


def _rule_style(rule: RuleSummary) -> str:
    if rule.counts.get("fail") or rule.counts.get("error"):
        return "bold red" if rule.severity == "error" else "bold yellow"
    return ""


def _rule(console: Console, group: c.RuleOutcomes, lang: Lang) -> None:
    rule = group.rule
    head = Text(rule.id, style=_rule_style(rule) or "bold")
    if rule.title:
        head.append(f" {rule.title}", style="bold")
    head.append(f" · {i18n.kind(rule.kind, lang)} ({rule.severity})", style="dim")
    console.print(head)
    rows: list[tuple[str, Text]] = [("", Text(messages.count_line(rule, lang)))]
    for cite in rule.citations:
        rows.append((i18n.word("plan_label", lang), Text(messages.citation_where(cite, lang))))
        rows.append(("", Text(f"“{cite.quote}”", style="italic")))
    rows += [(i18n.word("rule", lang), Text(f"require {constraint}"))
             for constraint in rule.constraints]
    rows.append(("", Text(rule.location.text, style="dim")))
    console.print(_grid(rows, indent=2))
    console.print()
    for outcome in group.outcomes[:SHOWN_PER_RULE]:
        _finding(console, outcome, lang)
    hidden = group.unlisted + max(len(group.outcomes) - SHOWN_PER_RULE, 0)
    if hidden > 0:
        more = i18n.word("more_of_rule", lang, n=f"{hidden:,}", rule=rule.id)
        console.print(Text(f"    {more}; {i18n.word('see_other_formats', lang)}", style="dim"))
        console.print()


def _finding(console: Console, outcome: Outcome, lang: Lang) -> None:
    style = _STYLE.get(outcome.outcome, "")
    line = Text("  ")
    line.append(f"{_MARK[outcome.outcome]} {messages.outcome_word(outcome, lang)}", style=style)
    line.append(f"  {outcome.subject}", style="bold")
    if outcome.subject_details:
        line.append(f"  {c.described(outcome)}")
    if outcome.outcome in ("fail", "error", "unknown"):
        line.append(f"  [{outcome.severity}]", style="dim")
    console.print(line)
    rows = [("", Text(messages.message(outcome, lang)))]
    rows += [(label, Text(text)) for label, text in messages.evidence_lines(outcome, lang)]
    console.print(_grid(rows, indent=4))
    console.print()


def _grid(rows: list[tuple[str, Text]], indent: int) -> Padding:
    """Label and text in two columns; long text wraps under itself, not under the label."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", no_wrap=True, min_width=8)
    grid.add_column(overflow="fold")
    previous = None
    for label, text in rows:
        grid.add_row("" if label == previous else label, text)
        previous = label
    return Padding(grid, (0, 0, 0, indent))


def _footer(console: Console, result: Result, lang: Lang) -> None:
    for note in result.notes:
        console.print(Text(f"{i18n.word('notes', lang)}: {notes.note(note, lang)}",
                           style="yellow"))
    console.print(messages.totals_line(result, lang))
    if not result.summary.complete:
        console.print(Text(i18n.word("large_run", lang), style="dim"))
    code = result.summary.exit_code
    console.print(Text(f"exit {code}: {i18n.verdict(result, lang)}",
                       style="bold red" if code else "bold green"))
