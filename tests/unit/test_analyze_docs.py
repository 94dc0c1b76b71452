"""docs/diagnostics.md, A5xx and L6xx: every code has a heading and an example, and each
example's output is what `plancheck analyze` / `plancheck lint` print for it.

An ```` ```analyze ```` or ```` ```lint ```` block is written as `example.rules` beside the
section's header block (```` ```analyze-header ````, ```` ```lint-header ````, written as
`header.rules`, left out when the example starts with its own `plan`) and the plan text of
the bundled suite; the command's output must equal the
```` ```text ```` block after it.  `PLANCHECK_UPDATE_GOLDEN=1` rewrites those blocks.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from checker.analysis.findings import CODES
from checker.cli.main import main
from checker.tools.lint import SEVERITY

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "diagnostics.md"
PLAN_TEXT = ROOT / "rules" / "daxing-14th" / "plan.txt"
HEADING = re.compile(r"^### ([AL][0-9]{3})\b", re.MULTILINE)
FENCE = re.compile(r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)
UPDATE = os.environ.get("PLANCHECK_UPDATE_GOLDEN") == "1"


@dataclass(frozen=True)
class Example:
    code: str
    command: str  # analyze | lint
    given: str
    expected: str


def headers(text: str) -> dict[str, str]:
    return {m.group("info").removesuffix("-header"): m.group("body")
            for m in FENCE.finditer(text) if m.group("info").endswith("-header")}


def examples(text: str) -> list[Example]:
    heads = [(m.group(1), m.start()) for m in HEADING.finditer(text)]
    fences = list(FENCE.finditer(text))
    found = []
    for given, shown in itertools.pairwise(fences):
        info = given.group("info")
        if info in ("analyze", "lint") and shown.group("info") == "text":
            code = [c for c, start in heads if start < given.start()][-1]
            found.append(Example(code, info, given.group("body"), shown.group("body")))
    return found


TEXT = DOC.read_text(encoding="utf-8")
EXAMPLES = examples(TEXT)


def test_every_analyze_and_lint_code_has_a_heading_and_an_example() -> None:
    documented = set(HEADING.findall(TEXT))
    assert documented == set(CODES) | set(SEVERITY)
    assert {e.code for e in EXAMPLES} == documented


def run(example: Example, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    monkeypatch.chdir(tmp_path)
    files = ["example.rules"]
    if not example.given.startswith("plan "):  # a whole suite of its own
        (tmp_path / "header.rules").write_text(headers(TEXT)[example.command], encoding="utf-8")
        files.insert(0, "header.rules")
    (tmp_path / "example.rules").write_text(example.given, encoding="utf-8")
    shutil.copy(PLAN_TEXT, tmp_path / "plan.txt")
    capsys.readouterr()
    code = main([example.command, *files])
    return code, capsys.readouterr().out


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.code for e in EXAMPLES])
def test_example_output(example: Example, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                        capsys: pytest.CaptureFixture[str]) -> None:
    code, output = run(example, tmp_path, monkeypatch, capsys)
    if UPDATE:
        text = DOC.read_text(encoding="utf-8")
        block = f"```{example.command}\n{example.given}```\n```text\n"
        start = text.index(block) + len(block)
        end = text.index("```", start)
        DOC.write_text(text[:start] + output + text[end:], encoding="utf-8")
    assert f"[{example.code}]" in output
    assert code == (1 if "error[" in output or example.command == "analyze" else 0)
    assert output == example.expected
