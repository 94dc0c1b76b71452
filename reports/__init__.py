"""Report writers: every format is rendered from the canonical `checker.result.Result`.

`render(result, format)` returns the report text.  Writers import only
`checker.result` (and third-party libraries), never the checking stages.

| format   | for                                                         |
|----------|-------------------------------------------------------------|
| text     | a terminal: summary table, findings with evidence (colour on a TTY) |
| json     | the canonical, versioned result (`docs/result.schema.json`) |
| markdown | a pull-request comment: summary table, collapsible details  |
| html     | a self-contained page with charts of each indicator         |
| junit    | CI test tabs: a testcase per rule × subject                 |
| sarif    | code scanning (SARIF 2.1.0)                                 |
| github   | GitHub Actions annotations (workflow commands)              |
"""

from __future__ import annotations

from collections.abc import Callable

from checker.result import Result
from reports import github, html, json_report, junit, markdown, sarif, text

Writer = Callable[[Result, bool], str]

FORMATS: dict[str, Writer] = {
    "text": text.write,
    "json": json_report.write,
    "markdown": markdown.write,
    "html": html.write,
    "junit": junit.write,
    "sarif": sarif.write,
    "github": github.write,
}


def render(result: Result, fmt: str, *, color: bool = False) -> str:
    return FORMATS[fmt](result, color)
