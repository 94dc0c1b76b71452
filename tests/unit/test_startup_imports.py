"""Start-up: what a command imports (issue 16).  A one-proposal YAML/JSON check, `--version`,
`explain` and `lint` must not load pandas, pyarrow, z3 or matplotlib (pandas alone took
0.2–0.4 s of a 0.8 s run); plan data or a table still does, where it is needed.

Each case runs the CLI in a fresh interpreter and reads `sys.modules` after it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pandas", "pyarrow", "z3", "matplotlib")
PROPOSALS = ROOT / "examples" / "proposals"

_PROBE = """
import contextlib, io, json, sys
from checker.cli.main import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        code = main(sys.argv[1:])
    except SystemExit as done:  # `--version`
        code = done.code
print(json.dumps([code, sorted(m for m in sys.modules if m.split('.')[0] in {heavy})]))
"""


def imported(*argv: str, heavy: tuple[str, ...] = HEAVY) -> tuple[int, list[str]]:
    """The exit code of `plancheck ARGV…` and the heavy top-level modules it loaded."""
    probe = _PROBE.format(heavy=set(heavy))
    done = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True,
                          text=True, cwd=ROOT, check=True)
    code, modules = json.loads(done.stdout.splitlines()[-1])
    return code, sorted({m.split(".")[0] for m in modules})


@pytest.mark.parametrize("argv", [
    ("check", str(PROPOSALS / "airport-logistics.yaml")),
    ("check", str(PROPOSALS / "airport-logistics.yaml"), "--format", "json"),
    ("check", str(PROPOSALS / "fail-zoning-mismatches.yaml"), str(PROPOSALS / "missing-data.yaml")),
    ("check", str(PROPOSALS / "malformed-value.yaml")),  # diagnostics, exit 2
    ("--version",),
    ("explain", "LAND-02"),
    ("lint",),
], ids=["yaml", "yaml-json", "two-yaml", "bad-yaml", "version", "explain", "lint"])
def test_light_commands_load_no_heavy_library(argv: tuple[str, ...]) -> None:
    code, heavy = imported(*argv)
    assert heavy == []
    assert code in (0, 1, 2)


def test_plan_data_still_loads_pandas() -> None:
    """The light path is for records only: plan data is read with pandas, as before."""
    code, heavy = imported("check", str(PROPOSALS / "airport-logistics.yaml"),
                           str(ROOT / "examples" / "data" / "daxing-baseline.csv"))
    assert "pandas" in heavy and code in (0, 1)


@pytest.mark.parametrize("files", [
    [PROPOSALS / "airport-logistics.yaml"],
    [PROPOSALS / "batch.csv", ROOT / "examples" / "data" / "daxing-monitoring-2023.csv"],
], ids=["yaml", "plan-data"])
def test_the_plain_text_report_loads_no_rich(files: list[Path]) -> None:
    """Without colour the text report is laid out by `reports.layout` (rich: ~40 ms)."""
    code, loaded = imported("check", *map(str, files), heavy=("rich",))
    assert loaded == [] and code in (0, 1)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_yaml_check_builds_its_result_without_pydantic(fmt: str) -> None:
    """The result's records are `checker.result.model.Data` (importing pydantic's
    `BaseModel` was ~450 M of a check's ~1,800 M instructions); pydantic is for validating
    a result read back and for the JSON Schema."""
    code, loaded = imported("check", str(PROPOSALS / "airport-logistics.yaml"),
                            "--format", fmt, heavy=("pydantic_core",))
    assert loaded == [] and code in (0, 1)
