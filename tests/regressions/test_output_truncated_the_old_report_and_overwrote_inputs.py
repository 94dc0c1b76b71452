"""`-o FILE` was `Path.write_text`: a bad input, a full disk or `ulimit -f` left a
truncated report (or none) where the old one was, and `-o data.csv` (or a link to
it, or a rules file) overwrote the very input being checked.  Reports are now
written whole through a temporary file and a rename, and `-o` never names an input."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cli.main import main
from tests.helpers import BUNDLED

PROPOSAL = (BUNDLED.parent.parent / "examples" / "proposals" / "airport-logistics.yaml").read_text(
    encoding="utf-8")


@pytest.fixture()
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.yaml").write_text(PROPOSAL, encoding="utf-8")
    return tmp_path


def _check(*args: str) -> int:
    return main(["check", "p.yaml", "--format", "json", *args])


def test_a_report_is_written_whole(here: Path) -> None:
    assert _check("-o", "out.json") in (0, 1)
    assert (here / "out.json").read_text(encoding="utf-8").rstrip().endswith("}")
    assert sorted(p.name for p in here.iterdir()) == ["out.json", "p.yaml"]


def test_bad_input_keeps_the_old_report(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "out.json").write_text("yesterday", encoding="utf-8")
    (here / "bad.yaml").write_text(PROPOSAL.replace("12 ha", "lots"), encoding="utf-8")
    assert main(["check", "bad.yaml", "-o", "out.json"]) == 2
    assert (here / "out.json").read_text(encoding="utf-8") == "yesterday"
    assert "D320" in capsys.readouterr().err


@pytest.mark.parametrize("spelling", ["p.yaml", "./p.yaml", "../{folder}/p.yaml", "{folder}/p.yaml",
                                      "link.yaml", "hard.yaml"])
def test_o_never_names_an_input(here: Path, spelling: str,
                                capsys: pytest.CaptureFixture[str]) -> None:
    os.symlink("p.yaml", here / "link.yaml")
    os.link(here / "p.yaml", here / "hard.yaml")
    target = spelling.format(folder=here.name) if "{" in spelling else spelling
    if target.startswith(here.name):
        target = str(here / "p.yaml")
    assert _check("-o", target) == 2
    assert (here / "p.yaml").read_text(encoding="utf-8") == PROPOSAL
    assert "[D361]" in capsys.readouterr().err


def test_o_never_names_a_rules_file(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = BUNDLED / "plan.rules"
    before = rules.read_bytes()
    assert _check("-o", str(rules)) == 2
    assert rules.read_bytes() == before
    assert "[D361]" in capsys.readouterr().err


@pytest.mark.parametrize(("target", "words"), [("", "the file name is empty"),
                                               ("sub", "it is a folder"),
                                               ("nowhere/out.json", "there is no folder"),
                                               ("p.yaml/out.json", "is not a folder")])
def test_unwritable_targets_are_diagnostics(here: Path, target: str, words: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    (here / "sub").mkdir()
    assert _check("-o", target) == 2
    err = capsys.readouterr().err
    assert "[D360]" in err and words in err


def test_dash_and_special_files(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _check("-o", "-") in (0, 1)
    assert capsys.readouterr().out.lstrip().startswith("{")
    assert _check("-o", os.devnull) in (0, 1)
    assert Path(os.devnull).exists()


def test_the_mode_of_a_replaced_report_is_kept(here: Path) -> None:
    (here / "out.json").write_text("old", encoding="utf-8")
    os.chmod(here / "out.json", 0o640)
    _check("-o", "out.json")
    assert (os.stat(here / "out.json").st_mode & 0o777) == 0o640


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))


def test_a_size_limit_leaves_the_old_report_and_no_stray_file(here: Path) -> None:
    (here / "out.json").write_text("yesterday", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "checker", "check", "p.yaml", "--format",
                           "json", "-o", "out.json"], cwd=here, capture_output=True, text=True,
                          check=False, preexec_fn=_limited)
    assert done.returncode == 2, done.stderr
    assert "[D360]" in done.stderr and "Traceback" not in done.stderr
    assert (here / "out.json").read_text(encoding="utf-8") == "yesterday"
    assert sorted(p.name for p in here.iterdir()) == ["out.json", "p.yaml"]
