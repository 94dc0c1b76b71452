"""The wheel carries the grammar, the prelude and the bundled suite, and runs.

The package reaches them through symlinks (`checker/syntax/policy.lark` ->
`../../grammar/policy.lark`, `checker/suites/daxing-14th` -> `../../rules/daxing-14th`);
a wheel must hold real files.  The wheel is built with pip (hatchling in an
isolated build environment), installed with `pip install --no-deps --target`,
and run with `python -S` from a folder outside the repository, with only the
target folder and the venv's site-packages on `PYTHONPATH`: `-S` skips `.pth`
files, so the editable install (a `.pth` naming the repository) is not active
and `import checker` can only find the installed copy.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # a process, a wheel build or a browser: see README "Tests"

ROOT = Path(__file__).resolve().parents[2]
SUITE = ROOT / "rules" / "daxing-14th"

# Files the installed package must hold, and where they come from in the repository.
BUNDLED = {
    "checker/syntax/policy.lark": ROOT / "grammar" / "policy.lark",
    "checker/syntax/prelude.rules": ROOT / "checker" / "syntax" / "prelude.rules",
    "checker/tools/extract/phrases.lark": ROOT / "checker" / "tools" / "extract" / "phrases.lark",
    **{f"checker/cli/scaffold/{p.name}": p
       for p in sorted((ROOT / "checker" / "cli" / "scaffold").iterdir())},
    **{f"checker/suites/daxing-14th/{p.name}": p for p in sorted(SUITE.iterdir()) if p.is_file()},
}


@dataclass(frozen=True)
class Installed:
    wheel: Path
    target: Path
    outside: Path  # a working folder outside the repository

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        paths = [str(self.target), sysconfig.get_paths()["purelib"],
                 sysconfig.get_paths()["platlib"]]
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env |= {"PYTHONPATH": os.pathsep.join(dict.fromkeys(paths)), "PYTHONIOENCODING": "utf-8",
                "NO_COLOR": "1"}
        return subprocess.run([sys.executable, "-S", *args], cwd=self.outside, env=env,
                              capture_output=True, text=True, timeout=120, check=False)


def _pip(*args: str, cwd: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    base = tmp_path_factory.mktemp("wheel")
    dist, target, outside = base / "dist", base / "site", base / "elsewhere"
    outside.mkdir()
    _pip("wheel", "--no-deps", "--quiet", "-w", str(dist), str(ROOT), cwd=outside)
    (wheel,) = dist.glob("plancheck-*.whl")
    _pip("install", "--no-deps", "--quiet", "--target", str(target), str(wheel), cwd=outside)
    yield Installed(wheel, target, outside)


def test_the_symlinks_the_wheel_must_follow_are_there() -> None:
    assert (ROOT / "checker" / "syntax" / "policy.lark").is_symlink()
    assert (ROOT / "checker" / "suites" / "daxing-14th").is_symlink()
    assert (SUITE / "plan.txt").is_file()


def test_the_wheel_holds_the_grammar_prelude_and_suite_as_files(installed: Installed) -> None:
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = set(wheel.namelist())
        missing = sorted(set(BUNDLED) - names)
        assert not missing, f"not in the wheel: {missing}"
        for name, origin in BUNDLED.items():
            assert wheel.read(name) == origin.read_bytes(), f"{name} differs from {origin}"
    assert not any(n.startswith(("tests/", "grammar/", "rules/", "bench/")) for n in names)


def test_the_installed_copy_is_imported_not_the_repository(installed: Installed) -> None:
    done = installed.run("-c", "import checker, lark; print(checker.__file__)")
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()).resolve().is_relative_to(installed.target.resolve())


def test_the_installed_package_loads_its_grammar_prelude_and_suite(installed: Installed) -> None:
    script = (
        "from checker.syntax import model as m\n"
        "from checker.syntax.suite import BUNDLED, load_suite\n"
        "loaded = load_suite()\n"
        "assert '<prelude>' in loaded.sources, sorted(loaded.sources)\n"
        "(plan,) = loaded.suite.of(m.Plan)\n"
        "source = BUNDLED / plan.text('source')\n"
        "assert source.is_file() and '大兴' in source.read_text(encoding='utf-8')\n"
        "print(plan.id, len(loaded.suite.of(m.DerivedUnit)), len(loaded.suite.of(m.Record)))\n"
    )
    done = installed.run("-c", script)
    assert done.returncode == 0, done.stderr
    plan_id, units, records = done.stdout.split()
    assert plan_id == "daxing-14th" and int(units) > 10 and int(records) >= 1


def test_the_installed_cli_describes_the_bundled_suite(installed: Installed) -> None:
    done = installed.run("-m", "checker", "suite")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "daxing-14th" in done.stdout


def test_the_installed_cli_reads_the_bundled_plan_text(installed: Installed) -> None:
    done = installed.run("-m", "checker", "extract", "--format", "csv")
    assert done.returncode == 0, done.stdout + done.stderr
    assert ",315," in done.stdout and "urban_rural_construction_land" in done.stdout


def test_the_installed_explain_names_bundled_files_suite_name_file(installed: Installed) -> None:
    done = installed.run("-m", "checker", "explain", "LAND-01", "--no-cache")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "defined at suite:daxing-14th/land.rules:" in done.stdout
    assert "in suite:daxing-14th/plan.txt:" in done.stdout
    assert "site-packages" not in done.stdout and str(installed.target) not in done.stdout


def test_the_installed_new_scaffolds_a_suite_that_tests_pass(installed: Installed) -> None:
    made = installed.run("-m", "checker", "new", "fresh")
    assert made.returncode == 0, made.stdout + made.stderr
    for command in (("fmt", "--check"), ("lint",), ("analyze",), ("test",)):
        done = installed.run("-m", "checker", *command, "fresh")
        assert done.returncode == 0, (command, done.stdout + done.stderr)
