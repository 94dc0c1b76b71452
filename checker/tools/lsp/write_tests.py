"""The quick fix of L608 (no test expects a rule): the rule's scaffolded tests — one it
passes at its figure, one it fails just beyond, verified by running them — inserted
after the rule's block, so an author's next step after a new rule is one keystroke.

The scaffold runs the engine, so it is imported on the first such request, not when the
server starts, and kept per checked suite: editors ask for code actions at every move
of the cursor.  Never imports pygls.
"""

from __future__ import annotations

import re

from checker.diagnostics import Diagnostic
from checker.source import Span
from checker.syntax import model as m
from checker.tools.lsp.actions import Edit, Fix
from checker.types import typed as t

_RULE = re.compile(r"no test expects rule `([^`]+)`")
_MADE: dict[tuple[int, str], str | None] = {}  # (id of the checked suite, rule id) -> tests
_KEEP = 64


def scaffold_fixes(diagnostic: Diagnostic, rule_file: m.RuleFile | None,
               checked: t.CheckedSuite | None) -> list[Fix]:
    found = _RULE.search(diagnostic.message) if diagnostic.code == "L608" else None
    if found is None or rule_file is None or checked is None:
        return []
    rule_id = found.group(1)
    rule = next((s for s in rule_file.statements if isinstance(s, m.Rule) and s.id == rule_id),
                None)
    if rule is None or rule.span.line < 1:
        return []
    text = _tests(checked, rule_id)
    if text is None:
        return []
    end = rule.span
    where = Span(end.file, end.end_line, end.end_column, end.end_line, end.end_column)
    return [Fix(f"Write a passing and a failing test for {rule_id}",
                (Edit(where, "\n\n" + text.rstrip("\n")),), preferred=False)]


def _tests(checked: t.CheckedSuite, rule_id: str) -> str | None:
    key = (id(checked), rule_id)
    if key not in _MADE:
        from checker.tester.scaffold import scaffold  # the engine: on first use only

        if len(_MADE) >= _KEEP:
            _MADE.clear()
        _MADE[key] = scaffold(checked, [rule_id])[0].text
    return _MADE[key]
