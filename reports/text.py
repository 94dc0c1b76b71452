"""Terminal text: a summary table, then each finding with its evidence.

Plain text when not a terminal; colour (via rich) when `color` is true.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table

from checker.result import Outcome, Result, RuleSummary

_STYLE = {"fail": "bold red", "unknown": "yellow", "error": "bold magenta",
          "pending": "cyan", "pass": "green", "not_applicable": "dim"}


def write(result: Result, color: bool = False) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=100,
                      highlight=False, emoji=False)
    _header(console, result)
    _table(console, result)
    rules = {r.id: r for r in result.rules}
    for outcome in result.findings():
        _finding(console, outcome, rules)
    _footer(console, result)
    return buffer.getvalue()


def _header(console: Console, result: Result) -> None:
    suite = result.suite
    console.print(f"plancheck · {suite.plan} · {suite.rules} rules · as of {result.as_of}")
    for item in result.inputs:
        console.print(f"  {item.kind.replace('_', ' ')}: {item.path} ({item.rows:,} rows)")
    console.print()


def _table(console: Console, result: Result) -> None:
    table = Table(show_edge=False, box=None, pad_edge=False)
    table.add_column("rule")
    table.add_column("kind")
    for name in ("pass", "fail", "unknown", "n/a", "pending", "error"):
        table.add_column(name, justify="right")
    for rule in result.rules:
        counts = rule.counts
        cells = [str(counts.get(k, 0)) if counts.get(k, 0) else "·" for k in
                 ("pass", "fail", "unknown", "not_applicable", "pending", "error")]
        table.add_row(rule.id, rule.kind, *cells)
    console.print(table)
    console.print()


def _finding(console: Console, outcome: Outcome, rules: dict[str, RuleSummary]) -> None:
    rule = rules.get(outcome.rule)
    style = _STYLE.get(outcome.outcome, "")
    head = f"[{style}]{outcome.outcome}[/]" if style else outcome.outcome
    trajectory = f" ({outcome.trajectory.replace('_', ' ')})" if outcome.trajectory else ""
    title = getattr(rule, "title", None) or ""
    console.print(f"{head}{trajectory} {outcome.rule} {title} — {outcome.subject}",
                  markup=True)
    console.print(f"  {outcome.message}", markup=False)
    citations = getattr(rule, "citations", [])
    for cite in citations:
        line = f" (line {cite.line})" if cite.line else ""
        console.print(f"  plan: {cite.section}{line}: “{cite.quote}”", markup=False)
    if outcome.origin is not None:
        console.print(f"  at: {outcome.origin.text}", markup=False)
    evidence = outcome.evidence
    if evidence is not None:
        for clause in evidence.clauses:
            value = {True: "true", False: "false", None: "unknown"}[clause.value]
            console.print(f"  {clause.role} {clause.text} → {value}", markup=False)
        if outcome.waived_by:
            console.print(f"  waived by: {outcome.waived_by}", markup=False)
    console.print()


def _footer(console: Console, result: Result) -> None:
    s = result.summary
    parts = [f"{n} {k.replace('_', ' ')}" for k, n in s.outcomes.items() if n]
    console.print(f"{s.subjects:,} subjects · " + ", ".join(parts))
    verdict = "findings at or above --fail-on" if s.exit_code else "no findings at or above"
    console.print(f"exit {s.exit_code}: {verdict} `{result.fail_on}`")
