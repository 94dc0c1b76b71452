"""docs/reports.md: every `plancheck check` command in it runs and gives exit 0 or 1."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from checker.cli import main as cli

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "reports.md"


def commands() -> list[str]:
    blocks = re.findall(r"```\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    return [line.strip() for block in blocks for line in block.splitlines()
            if line.strip().startswith("plancheck check ")]


def test_the_doc_has_commands() -> None:
    assert len(commands()) >= 4


@pytest.mark.parametrize("command", commands())
def test_every_documented_command_runs(command: str, tmp_path: Path,
                                       capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    words = shlex.split(command.split(">")[0])[1:]
    words = [str(tmp_path / w) if w.endswith(".xlsx") else
             str(ROOT / w) if w.startswith("examples/") else w for w in words]
    assert cli.main([*words, "--quiet"]) in (0, 1)
    written = [w for w in words if w.endswith(".xlsx")]
    if written:
        assert Path(written[0]).read_bytes()[:2] == b"PK"  # a zip: the workbook
    else:
        assert capsysbinary.readouterr().out.strip()
