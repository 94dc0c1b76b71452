"""The pytest plugin: `pytest rules/` collects each `test "…" { … }` block as an item.

Each case runs pytest in a subprocess on a small suite written to a temporary folder, as
a user would: through the installed `pytest11` entry point, or `-p checker.tester.pytest_plugin`
when the package was installed before the entry point existed.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib.metadata import entry_points
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # a process, a wheel build or a browser: see README "Tests"

ROOT = Path(__file__).resolve().parents[2]

PLAN = """\
plan demo {
  title "演示规划"
  period 2021..2025
  region 大兴区
}

record project "项目" {
  id: text required
  occupies_permanent_basic_farmland: bool required
}

indicator urban_rural_construction_land "城乡建设用地规模" {
  unit km2
  kind binding
  direction down
}
"""

RULES = """\
rule FARM-01 "严格保护永久基本农田" {
  cite "第八章 四 (一)" line 589: "严格保护永久基本农田"
  kind binding
  for each project
  require not occupies_permanent_basic_farmland
}

test "FARM-01 passes a project off farmland" {
  given project { id: "F-ok", occupies_permanent_basic_farmland: false }
  expect FARM-01 pass for "F-ok"
}

test "FARM-01 wrongly expected to pass a project on farmland" {
  given project { id: "F-bad", occupies_permanent_basic_farmland: true }
  expect FARM-01 pass for "F-bad"
}
"""

MORE = """\
rule LAND-01 "城乡建设用地规模" {
  cite "第五章" line 315: "城乡建设用地规模控制在319平方公里以内"
  kind binding
  require urban_rural_construction_land <= 319 km2 each year in 2021..2025
}
"""

NESTED = """\
test "LAND-01 fails over the cap" {
  as of 2022
  given data urban_rural_construction_land 大兴区 2021 = 318.6 km2
  given data urban_rural_construction_land 大兴区 2022 = 320 km2
  expect LAND-01 fail for "大兴区"
}
"""


def installed() -> bool:
    return any(e.name == "plancheck" for e in entry_points(group="pytest11"))


def pytest_run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    plugin = [] if installed() else ["-p", "checker.tester.pytest_plugin"]
    command = [sys.executable, "-m", "pytest", *plugin, "-p", "no:cacheprovider",
               "-o", "addopts=", "--rootdir", str(folder), *args]
    return subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=300,
                          check=False)


@pytest.fixture
def suite(tmp_path: Path) -> Path:
    folder = tmp_path / "rules" / "demo"
    folder.mkdir(parents=True)
    (folder / "plan.rules").write_text(PLAN, encoding="utf-8")
    (folder / "farm.rules").write_text(RULES, encoding="utf-8")
    (folder / "land.rules").write_text(MORE, encoding="utf-8")
    (folder / "tests").mkdir()
    (folder / "tests" / "land_tests.rules").write_text(NESTED, encoding="utf-8")
    return tmp_path


def test_each_test_block_is_an_item(suite: Path) -> None:
    done = pytest_run(suite, "rules", "--collect-only", "-q")
    items = [line for line in done.stdout.splitlines() if "::" in line]
    assert items == [
        "rules/demo/farm.rules::FARM-01 passes a project off farmland",
        "rules/demo/farm.rules::FARM-01 wrongly expected to pass a project on farmland",
        "rules/demo/tests/land_tests.rules::LAND-01 fails over the cap",
    ], done.stdout + done.stderr


def test_passing_and_failing_blocks(suite: Path) -> None:
    done = pytest_run(suite, "rules", "-rA")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "1 failed, 2 passed" in done.stdout
    assert "test `FARM-01 wrongly expected to pass a project on farmland` failed" in done.stdout
    assert "F-bad" in done.stdout
    assert "Traceback" not in done.stdout


def test_select_one_block_with_k(suite: Path) -> None:
    done = pytest_run(suite, "rules", "-k", "off and farmland and not wrongly")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed, 2 deselected" in done.stdout


def test_a_broken_suite_is_a_collection_error_with_diagnostics(suite: Path) -> None:
    (suite / "rules" / "demo" / "land.rules").write_text(
        MORE.replace("urban_rural_construction_land <=", "urban_rural_constructon_land <="),
        encoding="utf-8")
    done = pytest_run(suite, "rules")
    assert done.returncode != 0
    assert "the suite of" in done.stdout and "has problems" in done.stdout
    assert "urban_rural_constructon_land" in done.stdout


def test_files_without_test_blocks_are_not_collected(suite: Path) -> None:
    done = pytest_run(suite, "rules/demo/land.rules", "--collect-only", "-q")
    assert "::" not in done.stdout


def test_registered_as_a_pytest11_entry_point() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["entry-points"]["pytest11"] == {
        "plancheck": "checker.tester.pytest_plugin"}
    if not installed():
        pytest.skip("the installed package predates the entry point: reinstall with pip -e .")
    found = {e.name: e.value for e in entry_points(group="pytest11")}
    assert found["plancheck"] == "checker.tester.pytest_plugin"


def test_golden_inputs_are_collected_only_when_asked_for(suite: Path) -> None:
    golden = suite / "tests" / "golden" / "broken"
    golden.mkdir(parents=True)
    (golden / "bad.rules").write_text('test "x" {\n  expect NOPE-01 pass\n', encoding="utf-8")
    done = pytest_run(suite, "rules", "tests", "--collect-only", "-q")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "bad.rules" not in done.stdout
    asked = pytest_run(suite, "tests/golden/broken", "--collect-only", "-q")
    assert "bad.rules" in asked.stdout
