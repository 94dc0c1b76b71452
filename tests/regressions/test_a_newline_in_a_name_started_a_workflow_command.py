"""A newline in a name started a `::error file=…::` line in text, HTML and JUnit output
(issue 15, defect 5): GitHub Actions reads such lines from a job's output as workflow
commands.  Names reach one-line places through `textsafe.one_line` (a newline is `⏎`),
and `--format github` percent-encodes them as annotations require."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.cli.main import main
from tests.helpers import ROOT

FAILING = (ROOT / "examples" / "proposals" / "fail-farmland-greenhouse.yaml").read_text(
    encoding="utf-8")
INJECTED = {"id": r'"P-1\n::error file=x,line=1::owned"',
            "name": r'"n\r\n::warning::x\u2028::notice::y"'}


def _proposal(folder: Path) -> Path:
    text = FAILING
    for field, value in INJECTED.items():
        text = re.sub(rf"(?m)^{field}: .*$", lambda _, f=field, v=value: f"{f}: {v}", text)
    (folder / "p.yaml").write_text(text, encoding="utf-8")
    return folder / "p.yaml"


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "junit", "sarif", "json", "csv",
                                 "github"])
def test_no_output_line_is_a_workflow_command(tmp_path: Path, fmt: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(_proposal(tmp_path)), "--format", fmt]) == 1
    out = capsys.readouterr().out
    commands = [line for line in out.splitlines() if line.lstrip().startswith("::")]
    if fmt == "github":  # annotations are the point, each one whole on its line
        assert commands and all(re.match(r"::(error|warning|notice)[ :]", c) for c in commands)
        assert not any("::error file=x" in c.split("::", 2)[1] for c in commands)
    else:
        assert commands == []


def test_the_name_is_shown_with_a_newline_mark(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(_proposal(tmp_path))]) == 1
    assert "P-1⏎::error file=x,line=1::owned" in capsys.readouterr().out
