"""The registry of codes (`checker/codes.py`) is the one list: every code the checker
uses is declared there once, and docs/diagnostics.md has a heading with the same
one-line meaning for each."""

from __future__ import annotations

import re
from pathlib import Path

from checker.analysis.findings import CODES as FINDING_KINDS
from checker.codes import CODES, STAGES, meaning

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "diagnostics.md"
LETTERS = "".join(STAGES)
LITERAL = re.compile(rf"""["']([{LETTERS}][0-9]{{3}})["']""")
HEADING = re.compile(rf"^### ([{LETTERS}][0-9]{{3}}) — (.+)$", re.MULTILINE)


def used_codes() -> dict[str, str]:
    """Code -> a file that uses it as a literal, over every module of checker/."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "checker").rglob("*.py")):
        if path.name == "codes.py":
            continue
        for code in LITERAL.findall(path.read_text(encoding="utf-8")):
            found.setdefault(code, str(path.relative_to(ROOT)))
    return found


def test_every_code_the_checker_uses_is_declared() -> None:
    undeclared = {code: where for code, where in used_codes().items() if code not in CODES}
    assert not undeclared, f"declare these in checker/codes.py: {undeclared}"


def test_every_declared_code_is_used() -> None:
    unused = sorted(set(CODES) - set(used_codes()))
    assert not unused, f"no module emits {unused}: remove them from checker/codes.py"


def test_the_document_has_one_heading_per_code_with_its_meaning() -> None:
    headings = HEADING.findall(DOC.read_text(encoding="utf-8"))
    assert [code for code, _ in headings] == sorted(CODES, key=list(CODES).index)
    for code, text in headings:
        assert text.strip() == meaning(code), code


def test_codes_are_grouped_by_stage_and_in_order() -> None:
    for letter in STAGES:
        ours = [c for c in CODES if c[0] == letter]
        assert ours == sorted(ours)
    assert [c[0] for c in CODES] == sorted((c[0] for c in CODES), key=LETTERS.index)


def test_every_finding_code_has_a_kind_and_severity() -> None:
    assert set(FINDING_KINDS) == {c for c in CODES if c[0] == "A"}
