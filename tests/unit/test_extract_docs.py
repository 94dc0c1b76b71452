"""docs/extract.md and the X9xx section of docs/diagnostics.md: their examples are true.

Blocks, in document order: ```` ```text file=NAME ```` and ```` ```bytes NAME ```` (escapes
decoded) are written into a fresh folder; a ```` ```console ```` block's `$ plancheck …`
lines run there, and the ```` ```output ```` block after it is what they print (stdout, or
stderr when the command fails); ```` ```text expect=NAME ```` is a file's whole text and
```` ```text contains=NAME ```` a part of it.  Every `X9xx` code used in the extract modules
has a heading.  `PLANCHECK_UPDATE_GOLDEN=1` is not supported here: edit the documents.
"""

from __future__ import annotations

import codecs
import re
import shlex
from pathlib import Path

import pytest

from checker.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
FENCE = re.compile(r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)
DIAGNOSTICS = ROOT / "docs" / "diagnostics.md"
EXTRACT = ROOT / "docs" / "extract.md"


def x_section() -> str:
    text = DIAGNOSTICS.read_text(encoding="utf-8")
    return text[text.index("## X9xx extraction"):]


def sections(text: str) -> list[str]:
    """The document cut at its `###` or `##` headings: each part is one example's world."""
    return [p for p in re.split(r"^##+ ", text, flags=re.MULTILINE) if "```console" in p]


def run(part: str, folder: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(folder)
    fences = list(FENCE.finditer(part))
    for index, fence in enumerate(fences):
        info, body = fence.group("info").split(), fence.group("body")
        match info:
            case ["text", spec] if spec.startswith("file="):
                (folder / spec[5:]).write_text(body, encoding="utf-8")
            case ["bytes", name]:
                (folder / name).write_bytes(codecs.escape_decode(body.strip().encode())[0])
            case ["text", spec] if spec.startswith("expect="):
                assert (folder / spec[7:]).read_text(encoding="utf-8") == body
            case ["text", spec] if spec.startswith("contains="):
                assert body in (folder / spec[9:]).read_text(encoding="utf-8")
            case ["console"]:
                expected = fences[index + 1]
                assert expected.group("info") == "output"
                assert _console(body, capsys) == expected.group("body")


def _console(script: str, capsys: pytest.CaptureFixture[str]) -> str:
    shown = ""
    for line in script.splitlines():
        words = shlex.split(line.removeprefix("$ "))
        assert words[0] == "plancheck"
        capsys.readouterr()
        code = main(words[1:])
        out, err = capsys.readouterr()
        shown = out if code == 0 else err
    return shown


PARTS = [EXTRACT.read_text(encoding="utf-8"), *sections(x_section())]  # extract.md: one world


@pytest.mark.parametrize("part", PARTS, ids=[p.split("\n")[0][:30] for p in PARTS])
def test_examples(part: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                  capsys: pytest.CaptureFixture[str]) -> None:
    run(part, tmp_path, monkeypatch, capsys)


def test_every_extract_code_has_a_heading() -> None:
    used: set[str] = set()
    for path in [*(ROOT / "checker" / "tools" / "extract").glob("*.py"),
                 ROOT / "checker" / "cli" / "commands" / "extract.py"]:
        used |= set(re.findall(r"""["'](X9[0-9]{2})["']""", path.read_text(encoding="utf-8")))
    documented = set(re.findall(r"^### (X9[0-9]{2})\b", x_section(), re.MULTILINE))
    assert used == documented
