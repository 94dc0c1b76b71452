"""Report writers: every format is rendered from the canonical `checker.result.Result`.

`render(result, format)` returns the report text; a format's writer is imported when it is
asked for.  Writers import only
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

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.result import Result

Writer = Callable[["Result", bool], str]

# format -> the module that writes it (`write(result, color)`), imported when used
FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json_report",
    "markdown": "markdown",
    "html": "html",
    "junit": "junit",
    "sarif": "sarif",
    "github": "github",
}


def writer(fmt: str) -> Writer:
    write: Writer = importlib.import_module(f"reports.{FORMATS[fmt]}").write
    return write


# Machine formats keep every string exact (their JSON encoding escapes controls).
EXACT_FORMATS = frozenset({"json", "sarif"})


def render(result: Result, fmt: str, *, color: bool = False) -> str:
    """The report; user strings never reach it raw (see `checker.textsafe`)."""
    from checker.textsafe import stream_safe
    from reports.shown import shown

    safe = result if fmt in EXACT_FORMATS else shown(result, keep_newlines=fmt == "github")
    text = writer(fmt)(safe, color)
    return stream_safe(text)
