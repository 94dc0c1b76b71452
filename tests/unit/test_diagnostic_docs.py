"""docs/diagnostics.md lists every code the checker can emit, and its examples are true.

`tests/unit/test_codes.py` checks that each code of `checker/codes.py` has its
heading.  Every `P1xx` example is
run as `plancheck suite --rules example.rules` (or as its console lines) and its
output compared with the `text` block after it; `PLANCHECK_UPDATE_GOLDEN=1`
rewrites those blocks.
"""

from __future__ import annotations

import codecs
import itertools
import os
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from checker.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "diagnostics.md"
CODE_LITERAL = re.compile(r"""["']([PTDES][0-9]{3})["']""")
HEADING = re.compile(r"^### ([PTDES][0-9]{3})\b", re.MULTILINE)
FENCE = re.compile(r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)
UPDATE = os.environ.get("PLANCHECK_UPDATE_GOLDEN") == "1"
NO_EXAMPLE = {"P199"}  # internal: no input causes it


@dataclass(frozen=True)
class Example:
    code: str
    info: str  # `rules`, `rules escaped`, `rules repeat=N` or `console`
    given: str
    expected: str
    expected_at: tuple[int, int]  # where the output block's body sits in the document


def sections(text: str) -> dict[str, str]:
    starts = [(m.group(1), m.start()) for m in HEADING.finditer(text)]
    ends = [*(s for _, s in starts[1:]), len(text)]
    return {code: text[start:end] for (code, start), end in zip(starts, ends, strict=True)}


def examples(text: str) -> list[Example]:
    found: list[Example] = []
    heads = [(m.group(1), m.start()) for m in HEADING.finditer(text)]
    fences = list(FENCE.finditer(text))
    for given, shown in itertools.pairwise(fences):
        info = given.group("info").strip()
        if not (info.startswith("rules") or info == "console") or shown.group("info") != "text":
            continue
        code = [c for c, start in heads if start < given.start()][-1]
        found.append(Example(code, info, given.group("body"), shown.group("body"),
                             (shown.start("body"), shown.end("body"))))
    return found


def test_headings_are_unique_and_in_order() -> None:
    codes = HEADING.findall(DOC.read_text(encoding="utf-8"))
    assert len(codes) == len(set(codes))
    by_stage: dict[str, list[str]] = {}
    for code in codes:
        by_stage.setdefault(code[0], []).append(code)
    assert all(stage == sorted(stage) for stage in by_stage.values())


def test_every_syntax_code_has_an_example() -> None:
    text = DOC.read_text(encoding="utf-8")
    with_examples = {e.code for e in examples(text)}
    syntax_codes = {c for c in HEADING.findall(text) if c.startswith("P")}
    assert syntax_codes - NO_EXAMPLE <= with_examples


def run_example(example: Example, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    monkeypatch.chdir(tmp_path)
    if example.info == "console":
        return run_console(example.given, tmp_path, monkeypatch, capsys)
    data = example.given.encode("utf-8")
    if example.info == "rules escaped":
        data = codecs.escape_decode(data)[0]
    repeat = re.fullmatch(r"rules repeat=(\d+)", example.info)
    if repeat:
        data *= int(repeat.group(1))
    (tmp_path / "example.rules").write_bytes(data)
    code = main(["suite", "--rules", "example.rules"])
    return code, capsys.readouterr().err


def run_console(script: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = 0
    for line in script.splitlines():
        words = shlex.split(line.removeprefix("$ "))
        match words:
            case ["mkdir", folder]:
                (tmp_path / folder).mkdir()
            case ["chmod", "000", name]:  # tests may run as root: refuse the read instead
                locked = tmp_path / name
                locked.write_text("rule A {}\n")
                def refuse(self: Path, locked: Path = locked,
                           original: Callable[[Path], bytes] = Path.read_bytes) -> bytes:
                    if self.resolve() == locked.resolve():
                        raise PermissionError(13, "Permission denied")
                    return original(self)

                monkeypatch.setattr(Path, "read_bytes", refuse)
            case ["plancheck", *args]:
                capsys.readouterr()
                code = main(args)
            case _:
                raise AssertionError(f"unknown console line {line!r}")
    return code, capsys.readouterr().err


EXAMPLES = examples(DOC.read_text(encoding="utf-8"))


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.code for e in EXAMPLES])
def test_example_output(example: Example, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                        capsys: pytest.CaptureFixture[str]) -> None:
    code, output = run_example(example, tmp_path, monkeypatch, capsys)
    if UPDATE:
        update_block(example, output)
    assert code == 2
    assert f"[{example.code}]" in output
    if example.expected.startswith("…\n"):
        assert output.endswith(example.expected.removeprefix("…\n"))
    else:
        assert output == example.expected


def update_block(example: Example, output: str) -> None:
    """Rewrite the example's output block (long outputs keep their last three parts)."""
    if example.expected.startswith("…\n") or output.count("\n\n") > 4:
        output = "…\n" + "\n\n".join(output.split("\n\n")[-3:])
    text = DOC.read_text(encoding="utf-8")
    for current in examples(text):
        if current.code == example.code and current.given == example.given:
            start, end = current.expected_at
            DOC.write_text(text[:start] + output + text[end:], encoding="utf-8")
            return
