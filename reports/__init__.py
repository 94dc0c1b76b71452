"""Report writers: every format is rendered from the canonical `checker.result.Result`.

`render(result, format)` returns the report text (`render_bytes` any format as bytes: the
workbook is binary); a format's writer is imported when it is asked for.  Writers import
only `checker.result` (and third-party libraries), never the checking stages.

| format   | for                                                         |
|----------|-------------------------------------------------------------|
| text     | a terminal: the indicator table, counts, findings with evidence (colour on a TTY) |
| json     | the canonical, versioned result (`docs/result.schema.json`) |
| markdown | a pull-request comment: summary table, collapsible details  |
| html     | a self-contained page with charts of each indicator         |
| junit    | CI test tabs: a testcase per rule × subject                 |
| sarif    | code scanning (SARIF 2.1.0)                                 |
| github   | GitHub Actions annotations (workflow commands)              |
| csv      | the indicator table, for people who script                  |
| xlsx     | a workbook a commission can hand on: indicators, findings, inputs |
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.result import Result


@dataclass(frozen=True)
class Options:
    """How to render: colour (a terminal), language (`None`: the suite's, else English),
    and whether people's formats list every rule's findings in detail."""

    color: bool = False
    lang: str | None = None
    details: bool = True


DEFAULT = Options()
Writer = Callable[["Result", Options], str]
BytesWriter = Callable[["Result", Options], bytes]

# format -> the module that writes it (`write(result, options)`), imported when used
FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json_report",
    "markdown": "markdown",
    "html": "html",
    "junit": "junit",
    "sarif": "sarif",
    "github": "github",
    "csv": "csv_report",
    "xlsx": "xlsx",
}
# Formats whose writer gives bytes (`write_bytes`), not text.
BINARY_FORMATS = frozenset({"xlsx"})
# Formats that speak a language (`--lang`); the others are for machines.
LANG_FORMATS = frozenset({"text", "markdown", "html", "csv", "xlsx"})


def writer(fmt: str) -> Writer:
    write: Writer = importlib.import_module(f"reports.{FORMATS[fmt]}").write
    return write


# Machine formats keep every string exact (their JSON encoding escapes controls).
EXACT_FORMATS = frozenset({"json", "sarif"})


def _safe(result: Result, fmt: str) -> Result:
    from reports.shown import shown

    return result if fmt in EXACT_FORMATS else shown(result, keep_newlines=fmt == "github")


def render(result: Result, fmt: str, *, color: bool = False, lang: str | None = None,
           details: bool = True) -> str:
    """The report; user strings never reach it raw (see `checker.textsafe`)."""
    from checker.textsafe import stream_safe

    if fmt in BINARY_FORMATS:
        raise ValueError(f"{fmt} is a binary format: use render_bytes")
    text = writer(fmt)(_safe(result, fmt), Options(color, lang, details))
    return stream_safe(text)


def render_bytes(result: Result, fmt: str, *, lang: str | None = None,
                 details: bool = True) -> bytes:
    """Any format as bytes: a workbook as it is, text formats as UTF-8."""
    if fmt not in BINARY_FORMATS:
        return render(result, fmt, lang=lang, details=details).encode("utf-8")
    write: BytesWriter = importlib.import_module(f"reports.{FORMATS[fmt]}").write_bytes
    return write(_safe(result, fmt), Options(False, lang, details))
