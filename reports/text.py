"""Terminal text: a header, a summary table, then each rule's findings with their evidence.

In: a `Result` and whether to colour.  Out: text; with `color` (a terminal) rich styles it,
otherwise it is plain and 100 columns wide, byte for byte the same on every run.  The
report is built as lines of styled pieces and tables (`Doc`); rich prints them on a
terminal (user strings as `rich.text.Text`, never as markup), and `reports.layout` lays
them out as rich would when there is no colour, without importing rich (start-up, issue
16) — unless some string holds a character whose width only rich knows.  Imports only
`checker.result`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.result import Outcome, Result, RuleSummary
from checker.textsafe import quoted
from reports import DEFAULT, Options, annual, i18n, messages, notes
from reports import common as c
from reports import evaluation as ev
from reports.i18n import Lang
from reports.layout import Column, Table, cell_len, set_cell_size, simple, wrap

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


Piece = tuple[str, str]  # a piece of text and its rich style ("" for none)


@dataclass
class Block:
    """A line of styled pieces, a table (`table`: its rows hold styled cells), or a
    label-and-text grid indented by `indent`."""

    line: list[Piece] = field(default_factory=list)
    table: Table | None = None
    cells: list[list[list[Piece]]] = field(default_factory=list)
    indent: int = 0


class Doc:
    """The report as blocks, printed by rich (colour) or `reports.layout` (plain)."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []

    def print(self, *pieces: Piece) -> None:
        self.blocks.append(Block(line=list(pieces)))

    def table(self, columns: list[Column], rows: list[list[list[Piece]]], *,
              padding: tuple[int, int] = (1, 1)) -> None:
        """A ruled table (rich's SIMPLE_HEAD box, no edge); `padding` is (right, left)."""
        plain = [["".join(text for text, _ in cell) for cell in row] for row in rows]
        self.blocks.append(Block(table=Table(columns, plain, padding), cells=rows))

    def grid(self, rows: list[tuple[str, list[Piece]]], indent: int) -> None:
        """Label and text in two columns; long text wraps under itself, not under the
        label (a repeated label is left blank)."""
        cells, previous = [], None
        for label, text in rows:
            cells.append([[("" if label == previous else label, "dim")], text])
            previous = label
        plain = [["".join(text for text, _ in cell) for cell in row] for row in cells]
        columns = [Column(no_wrap=True, min_width=8), Column(overflow="fold")]
        self.blocks.append(Block(table=Table(columns, plain, (1, 1), ruled=False),
                                 cells=cells, indent=indent))

    def strings(self) -> list[str]:
        found = ["".join(text for text, _ in block.line) for block in self.blocks]
        for block in self.blocks:
            if block.table is not None:
                found += [column.header for column in block.table.columns]
                found += [text for row in block.table.rows for text in row]
        return found


def write(result: Result, options: Options = DEFAULT) -> str:
    doc = document(result, options)
    if options.color or not all(map(simple, doc.strings())):
        from reports.text_rich import printed

        text = printed(doc.blocks, color=options.color,
                       width=max(_terminal_columns(), 60) if options.color else WIDTH)
    else:
        text = "".join(f"{line}\n" for line in plain_lines(doc.blocks, WIDTH))
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


def document(result: Result, options: Options = DEFAULT) -> Doc:
    """The report's blocks, before either printer lays them out."""
    doc = Doc()
    lang = i18n.language(result, options.lang)
    _header(doc, result, lang)
    evaluation = bool(result.indicators)  # plan data: the evaluation table comes first
    if evaluation:
        _evaluation(doc, result, lang)
        _annual(doc, result, lang)
    if options.details or not evaluation:
        _table(doc, result, lang)
    for group in c.by_rule(result):
        if group.outcomes and (options.details or group.rule.subject != "series"):
            _rule(doc, group, lang)
    if evaluation and not options.details:
        doc.print((i18n.word("details_hint", lang), "dim"))
    _footer(doc, result, lang)
    return doc


def plain_lines(blocks: list[Block], width: int) -> list[str]:
    """The blocks laid out as rich prints them without colour (`reports.layout`)."""
    lines: list[str] = []
    for block in blocks:
        if block.table is None:
            text = "".join(text for text, _ in block.line)
            lines += [set_cell_size(line, width) for line in wrap(text, width)] if text \
                else [""]
        elif block.indent:
            inner = width - block.indent
            lines += [" " * block.indent + set_cell_size(line, inner)
                      for line in block.table.lines(inner)]
        else:
            lines += [set_cell_size(line, width) for line in block.table.lines(width)]
    return lines


def _header(doc: Doc, result: Result, lang: Lang) -> None:
    suite = result.suite
    title: list[Piece] = [("plancheck", "bold"), (f" · {suite.plan}", "")]
    if suite.title:
        title.append((f" · {suite.title}", "dim"))
    doc.print(*title)
    w = i18n.WORDS
    rules = f"{suite.rules} {w['rules_count'][lang]}"
    doc.print((f"{w['as_of'][lang]} {result.as_of} · {w['fail_on'][lang]} {result.fail_on}"
               f" · {rules} · {w['period'][lang]} {suite.period[0]}–{suite.period[1]}", ""))
    for item in result.inputs:
        kind = i18n.word(item.kind, lang)
        doc.print((f"  {kind:<10} {item.path} ({messages.rows_text(item, lang)})", ""))
    doc.print()


def _evaluation(doc: Doc, result: Result, lang: Lang) -> None:
    """The evaluation table: one line per indicator × region, then the counts."""
    doc.print((i18n.word("heading_indicators", lang), "bold"))
    widest = max(cell_len(i18n.status(row.status, lang)) for row in result.indicators)
    columns = [Column(i18n.word(key, lang), overflow="fold",
                      max_width={"name": 14, "region": 10, "base": 12, "latest": 14}.get(key),
                      min_width={"target": 26, "status": widest}.get(key),
                      no_wrap=key == "status") for key in ev.SHORT]
    rows = []
    for row in result.indicators:
        cells = ev.shown(row, lang, result.suite.period[0] - 1)
        rows.append([[(cells[key], STATUS_STYLE[row.status] if key == "status" else "")]
                     for key in ev.SHORT])
    doc.table(columns, rows, padding=(1, 0))
    for line in ev.gap_notes(result, lang):  # a running total that stops before a gap
        doc.print((f"{i18n.word('notes', lang)}: {line}", ""))
    doc.print((ev.counts_line(result, lang), "bold"))
    doc.print()


def _annual(doc: Doc, result: Result, lang: Lang) -> None:
    """The `--as-of` year's stated targets against its actuals, when the data states any."""
    found = annual.rows(result)
    if not found:
        return
    doc.print((i18n.word("heading_annual", lang, year=result.as_of), "bold"))
    columns = [Column(annual.heading(key, result.as_of, lang), overflow="fold",
                      max_width={"name": 14, "region": 10, "plan_target": 26}.get(key))
               for key in annual.COLUMNS]
    rows = []
    for row in found:
        cells = annual.shown(row, lang)
        style = {"met": "green", "missed": "red"}.get(row.met, "yellow")
        rows.append([[(cells[key], style if key == "year_result" else "")]
                     for key in annual.COLUMNS])
    doc.table(columns, rows, padding=(1, 0))
    doc.print()


def _table(doc: Doc, result: Result, lang: Lang) -> None:
    """One line per rule with its counts of each outcome."""
    columns = [Column(i18n.word("rule", lang), no_wrap=True),
               Column(i18n.word("title", lang), max_width=24 if lang == "en" else 20,
                      overflow="ellipsis", no_wrap=True),
               Column(i18n.word("kind", lang), no_wrap=True,
                      min_width=max(cell_len(i18n.kind(k, lang)) for k in i18n.KIND))]
    for kind in c.COLUMNS:
        label = messages.column_label(kind, lang)
        columns.append(Column(label, justify="right", no_wrap=True, min_width=cell_len(label)))
    rows = []
    for rule in result.rules:
        title, constraint = c.label(rule)
        rows.append([[(rule.id, _rule_style(rule))], [(title, "dim" if constraint else "")],
                     [(i18n.kind(rule.kind, lang), "")],
                     *[[_count(rule, kind)] for kind in c.COLUMNS]])
    doc.table(columns, rows)
    doc.print()


def _count(rule: RuleSummary, kind: str) -> Piece:
    n = rule.counts.get(kind, 0)  # type: ignore[call-overload]
    if not n:
        return "·", "dim"
    return f"{n:,}", _STYLE.get(kind, "") if kind != "pass" else ""


def _rule_style(rule: RuleSummary) -> str:
    if rule.counts.get("fail") or rule.counts.get("error"):
        return "bold red" if rule.severity == "error" else "bold yellow"
    return ""


def _rule(doc: Doc, group: c.RuleOutcomes, lang: Lang) -> None:
    rule = group.rule
    head: list[Piece] = [(rule.id, _rule_style(rule) or "bold")]
    if rule.title:
        head.append((f" {rule.title}", "bold"))
    head.append((f" · {i18n.kind(rule.kind, lang)} ({rule.severity})", "dim"))
    doc.print(*head)
    rows: list[tuple[str, list[Piece]]] = [("", [(messages.count_line(rule, lang), "")])]
    for cite in rule.citations:
        label = i18n.word("plan_label" if cite.source is None else "source_label", lang)
        rows.append((label, [(messages.citation_where(cite, lang), "")]))
        rows.append(("", [(quoted(cite.quote), "italic")]))
    rows += [(i18n.word("rule", lang), [(f"require {constraint}", "")])
             for constraint in rule.constraints]
    rows.append(("", [(rule.location.text, "dim")]))
    doc.grid(rows, indent=2)
    doc.print()
    for outcome in group.outcomes[:SHOWN_PER_RULE]:
        _finding(doc, outcome, lang)
    hidden = group.unlisted + max(len(group.outcomes) - SHOWN_PER_RULE, 0)
    if hidden > 0:
        more = i18n.word("more_of_rule", lang, n=f"{hidden:,}", rule=rule.id)
        doc.print((f"    {more}; {i18n.word('see_other_formats', lang)}", "dim"))
        doc.print()


def _finding(doc: Doc, outcome: Outcome, lang: Lang) -> None:
    style = _STYLE.get(outcome.outcome, "")
    line: list[Piece] = [("  ", ""),
                         (f"{_MARK[outcome.outcome]} {messages.outcome_word(outcome, lang)}",
                          style), (f"  {outcome.subject}", "bold")]
    if outcome.subject_details:
        line.append((f"  {c.described(outcome)}", ""))
    if outcome.outcome in ("fail", "error", "unknown"):
        line.append((f"  [{outcome.severity}]", "dim"))
    doc.print(*line)
    rows = [("", [(messages.message(outcome, lang), "")])]
    rows += [(label, [(text, "")]) for label, text in messages.evidence_lines(outcome, lang)]
    doc.grid(rows, indent=4)
    doc.print()


def _footer(doc: Doc, result: Result, lang: Lang) -> None:
    for note in result.notes:
        doc.print((f"{i18n.word('notes', lang)}: {notes.note(note, lang)}", "yellow"))
    doc.print((messages.totals_line(result, lang), ""))
    if not result.summary.complete:
        doc.print((i18n.word("large_run", lang), "dim"))
    code = result.summary.exit_code
    doc.print((f"exit {code}: {i18n.verdict(result, lang)}",
               "bold red" if code else "bold green"))
