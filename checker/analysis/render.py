"""Rendering of consistency findings: terminal text like diagnostics, or JSON.

In: an `Analysis` and the source texts of the suite.  Out: text with, for each
finding, its code, message, every rule's source line with a caret, the witness
and a `help:` line; or a deterministic JSON document.  Imports `diagnostics`
and `analyze`.
"""

from __future__ import annotations

import json

from checker.analysis.analyze import Analysis
from checker.analysis.findings import Finding
from checker.diagnostics import Diagnostic, render
from checker.source import SourceFile

JSON_VERSION = 2  # 2: the top-level `incomplete` notes became findings of kind incomplete


def render_finding(finding: Finding, sources: dict[str, SourceFile]) -> str:
    blocks = []
    for n, item in enumerate(finding.rules):
        label = f"`{item.rule}`" + (f" ({item.role})" if item.role else "")
        text = render(Diagnostic(finding.code, finding.message, item.span, label=label,
                                 severity=finding.severity), sources)
        lines = text.split("\n")
        if n:
            lines = [line.replace(" --> ", " ::: ", 1) for line in lines[1:]]
        blocks.extend(lines)
    if not finding.rules:  # pragma: no cover - every finding names a rule
        blocks.append(f"{finding.severity}[{finding.code}]: {finding.message}")
    blocks.append(f"  = witness: {finding.witness}")
    if finding.help:
        blocks.append(f"  = help: {finding.help}")
    return "\n".join(blocks)


def render_text(analysis: Analysis, sources: dict[str, SourceFile]) -> str:
    blocks = [render_finding(f, sources) for f in analysis.findings]
    errors = sum(1 for f in analysis.findings if f.severity == "error")
    warnings = len(analysis.findings) - errors
    if analysis.findings:
        summary = (f"{_count(len(analysis.findings), 'finding')} ({_count(errors, 'error')}, "
                   f"{_count(warnings, 'warning')}) in {_count(analysis.rules, 'rule')}")
        undecided = len(analysis.incomplete)
        if undecided:
            summary += (f"; {undecided} of them say{'s' if undecided == 1 else ''} what was "
                        "not decided: the rules are not shown consistent")
    else:
        summary = (f"no findings: {_count(analysis.rules, 'rule')} "
                   f"{'is' if analysis.rules == 1 else 'are'} consistent")
    return "\n\n".join([*blocks, summary]) + "\n"


def _count(n: int, noun: str) -> str:
    """`1 rule`, `2 rules`, `0 warnings`."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def render_json(analysis: Analysis) -> str:
    errors = sum(1 for f in analysis.findings if f.severity == "error")
    document = {
        "version": JSON_VERSION,
        "summary": {"rules": analysis.rules, "findings": len(analysis.findings),
                    "errors": errors, "warnings": len(analysis.findings) - errors},
        "findings": [f.to_json() for f in analysis.findings],
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
