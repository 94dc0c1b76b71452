"""Golden files: every report format rendered from one fixed Result.

The input is `tests/golden/reports/result.json` (a Result with hostile strings: a
proposal named `<script>…`, `"><img …>`, `%`, `,` and `:` in ids, a file name with `<`
and a space, a message with a newline).  Each format's expected output sits beside it.
`PLANCHECK_UPDATE_GOLDEN=1 pytest tests/unit/test_reports_golden.py` rewrites them.
Charts in the HTML report are replaced by a placeholder here (matplotlib's SVG changes
between its versions); `test_reports_html.py` checks the charts themselves.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from checker.result import Result
from reports import BINARY_FORMATS, FORMATS, render

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "reports"
SUFFIX = {"text": "txt", "json": "json", "markdown": "md", "html": "html",
          "junit": "junit.xml", "sarif": "sarif.json", "github": "github.txt", "csv": "csv"}
_SVG = re.compile(r"<svg\b.*?</svg>", re.S)


def fixed() -> Result:
    return Result.from_json((GOLDEN / "result.json").read_text(encoding="utf-8"))


def comparable(fmt: str, text: str) -> str:
    return _SVG.sub("<svg><!-- chart --></svg>", text) if fmt == "html" else text


def test_every_format_has_a_golden_file() -> None:
    # the workbook is binary: test_reports_xlsx.py opens it and checks it cell by cell
    assert set(SUFFIX) == set(FORMATS) - BINARY_FORMATS


@pytest.mark.parametrize("fmt", sorted(SUFFIX))
def test_report_matches_golden(fmt: str) -> None:
    actual = comparable(fmt, render(fixed(), fmt))
    path = GOLDEN / f"expected.{SUFFIX[fmt]}"
    if os.environ.get("PLANCHECK_UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}; run with PLANCHECK_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")


# People's formats in Chinese, and as the CLI prints them by default (no --details).
VARIANTS = [(fmt, lang, details) for fmt in ("text", "markdown", "html", "csv")
            for lang, details in (("zh", True), ("en", False)) if fmt != "csv" or details]


@pytest.mark.parametrize(("fmt", "lang", "details"), VARIANTS)
def test_language_and_summary_variants_match_golden(fmt: str, lang: str, details: bool) -> None:
    actual = comparable(fmt, render(fixed(), fmt, lang=lang, details=details))
    name = f"expected.{lang}{'' if details else '.summary'}.{SUFFIX[fmt]}"
    path = GOLDEN / name
    if os.environ.get("PLANCHECK_UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"no golden file {name}; run with PLANCHECK_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", sorted(SUFFIX))
def test_rendering_twice_gives_the_same_bytes(fmt: str) -> None:
    assert render(fixed(), fmt) == render(fixed(), fmt)


def test_json_golden_is_the_input_itself() -> None:
    assert render(fixed(), "json") == (GOLDEN / "result.json").read_text(encoding="utf-8")
