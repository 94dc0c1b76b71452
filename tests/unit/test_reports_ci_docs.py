"""docs/ci.md, its workflow (docs/examples/plancheck.yml) and .pre-commit-hooks.yaml:
the documented workflow is the committed one, and every plancheck command in them parses.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.cli import main as cli
from checker.cli.main import UsageError

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "ci.md"
WORKFLOW = ROOT / "docs" / "examples" / "plancheck.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"


def workflow() -> dict[Any, Any]:
    loaded: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def commands() -> list[str]:
    env = workflow()["env"]
    found = []
    for step in workflow()["jobs"]["plancheck"]["steps"]:
        for line in str(step.get("run", "")).splitlines():
            if line.strip().startswith("plancheck "):
                line = line.replace('"$SUITE"', env["SUITE"]).replace("$INPUTS", env["INPUTS"])
                found.append(line.split(">>")[0].strip())
    return found


def test_the_documented_workflow_is_the_committed_one() -> None:
    blocks = re.findall(r"^```yaml\n(.*?)^```$", DOC.read_text(encoding="utf-8"), re.S | re.M)
    committed = WORKFLOW.read_text(encoding="utf-8")
    body = "".join(line for line in committed.splitlines(keepends=True)
                   if not line.startswith("#"))
    assert blocks[0] == body


def test_workflow_uploads_sarif_and_publishes_junit() -> None:
    steps = workflow()["jobs"]["plancheck"]["steps"]
    uses = {step.get("uses", "").split("@")[0]: step for step in steps}
    assert uses["github/codeql-action/upload-sarif"]["with"]["sarif_file"] == "plancheck.sarif"
    assert uses["mikepenz/action-junit-report"]["with"]["report_paths"] == "plancheck.junit.xml"
    assert workflow()["permissions"]["security-events"] == "write"
    formats = {c.split("--format ")[1].split()[0] for c in commands() if "--format" in c}
    assert formats == {"github", "sarif", "junit", "html", "markdown"}


@pytest.mark.parametrize("line", commands())
def test_workflow_commands_parse(line: str) -> None:
    args = shlex.split(line)[1:]
    try:
        cli._parser().parse_args(args)
    except UsageError as error:
        pytest.fail(f"`{line}` does not parse: {error}")


def hooks() -> list[dict[str, Any]]:
    loaded: list[dict[str, Any]] = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    return loaded


def test_pre_commit_hooks() -> None:
    assert [h["id"] for h in hooks()] == ["plancheck-fmt", "plancheck-lint", "plancheck-test"]
    for hook in hooks():
        assert set(hook) >= {"id", "name", "entry", "language", "files"}
        assert hook["language"] == "python" and re.search(hook["files"], "x/land.rules")


@pytest.mark.parametrize("entry", [h["entry"] for h in hooks()])
def test_pre_commit_entries_are_plancheck_commands(entry: str) -> None:
    command = shlex.split(entry)[1]
    names = {m.__name__.rsplit(".", 1)[-1].replace("_", "-") for m in cli.commands.modules()}
    if command not in names:
        pytest.skip(f"`plancheck {command}` is not written yet")
    cli._parser().parse_args([*shlex.split(entry)[1:], "rules/"])
