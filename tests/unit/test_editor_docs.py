"""docs/editors.md: its editor configurations are valid and start `plancheck lsp`.

The Helix TOML and the VS Code settings are parsed; the settings are those the
extension declares; the Neovim and Emacs snippets name the same command; the
command itself answers `--help`.
"""

from __future__ import annotations

import json
import re
import tomllib

import pytest

from checker.cli.main import main
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")


def block(language: str) -> str:
    (found,) = re.findall(rf"```{language}\n(.*?)```", DOC, re.DOTALL)
    return found


def test_the_helix_configuration_starts_the_server() -> None:
    config = tomllib.loads(block("toml"))
    assert config["language-server"]["plancheck"] == {"command": "plancheck", "args": ["lsp"]}
    (language,) = config["language"]
    assert language["file-types"] == ["rules"] and language["language-servers"] == ["plancheck"]


def test_the_vscode_settings_are_the_extensions() -> None:
    settings = json.loads(block("json"))
    manifest = json.loads((ROOT / "editors" / "vscode" / "package.json").read_text(
        encoding="utf-8"))
    assert set(settings) <= set(manifest["contributes"]["configuration"]["properties"])
    assert settings["plancheck.server.args"] == ["lsp"]


def test_neovim_and_emacs_run_the_same_command() -> None:
    assert 'cmd = { "plancheck", "lsp" }' in block("lua")
    assert '"plancheck" "lsp"' in block("elisp")


def test_the_command_answers_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["lsp", "--help"])
    assert done.value.code == 0
    assert "--stdio" in capsys.readouterr().out
