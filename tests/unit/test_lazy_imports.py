"""A command imports only what it runs: start-up stays fast (docs/speed.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pandas", "numpy", "pydantic", "lark", "z3", "matplotlib", "openpyxl", "rich",
         "pyarrow", "yaml", "opencc")
PROBE = """
import contextlib, io, json, sys
from checker.cli.main import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        code = main(sys.argv[1:])
    except SystemExit as exit:
        code = exit.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _imported(*argv: str, cache: Path) -> tuple[int, set[str]]:
    env = {**os.environ, "PLANCHECK_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    return answer["code"], {name.split(".")[0] for name in answer["modules"]} | set(
        answer["modules"])


@pytest.mark.parametrize("argv", [["--version"], ["check", "--help"], ["analyze", "--help"]])
def test_help_and_version_load_no_library(argv: list[str], tmp_path: Path) -> None:
    _, modules = _imported(*argv, cache=tmp_path)
    assert not modules & set(HEAVY), sorted(modules & set(HEAVY))


def test_a_command_imports_no_other_command(tmp_path: Path) -> None:
    _, modules = _imported("check", "--help", cache=tmp_path)
    commands = {m for m in modules if m.startswith("checker.cli.commands.")}
    assert commands == {"checker.cli.commands.check"}


def test_checking_one_proposal_with_a_warm_cache_needs_no_parser(tmp_path: Path) -> None:
    argv = ("check", "examples/proposals/airport-logistics.yaml", "--fail-on", "never")
    _imported(*argv, cache=tmp_path)  # warms the cache
    code, modules = _imported(*argv, cache=tmp_path)
    assert code == 0
    unneeded = {"lark", "z3", "matplotlib", "openpyxl", "opencc", "checker.analysis",
                "checker.syntax.parse", "checker.tools", "reports.html", "reports.json_report"}
    assert not modules & unneeded, sorted(modules & unneeded)
