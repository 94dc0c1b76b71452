"""Report writers: every format is rendered from the canonical `checker.result.Result`.

`render(result, format)` returns the report text.  Writers import only
`checker.result` (and third-party libraries), never the checking stages.
"""

from __future__ import annotations

from collections.abc import Callable

from checker.result import Result
from reports import json_report, text

Writer = Callable[[Result, bool], str]

FORMATS: dict[str, Writer] = {
    "json": json_report.write,
    "text": text.write,
}


def render(result: Result, fmt: str, *, color: bool = False) -> str:
    return FORMATS[fmt](result, color)
