"""pytest plugin `plancheck`: `pytest rules/` runs each `test "…" { … }` block as a test.

Registered as the `pytest11` entry point `plancheck`, so installing plancheck is enough;
`-p no:plancheck` turns it off.  A `.rules` file that holds `test` blocks becomes a
pytest file, each block an item named after the test.  A file's suite is its folder,
widened to the parent folders that hold `.rules` files too (tests kept in a `tests/`
subfolder see the suite's rules); each suite is loaded and type-checked once per session.
A suite with bad rules is a collection error showing its diagnostics; a failing test
shows what `plancheck test` shows (expected vs actual outcome, with the evidence).
Files under a `golden/` folder are inputs of golden tests (often broken on purpose) and
are collected only when a command-line argument points inside that folder.

In: the paths pytest collects.  Out: pytest items running `checker.tester.runner.run_test`.
Imports the stages (`suite`, `typecheck`, `runner`), never the CLI.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from checker.diagnostics import DiagnosticError, render_all

if TYPE_CHECKING:
    from checker.syntax import model as m
    from checker.types import typed as t

_HAS_TEST = re.compile(r"^[ \t]*test[ \t]+\"", re.M)
_SUITES = pytest.StashKey[dict[Path, "t.CheckedSuite | str"]]()


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> RulesFile | None:
    if file_path.suffix != ".rules" or not _has_tests(file_path):
        return None
    if _in_golden(file_path) and not _asked_inside_golden(parent.config, file_path):
        return None
    found: RulesFile = RulesFile.from_parent(parent, path=file_path)
    return found


def _has_tests(path: Path) -> bool:
    try:
        return bool(_HAS_TEST.search(path.read_text(encoding="utf-8", errors="replace")))
    except OSError:
        return False


def _in_golden(path: Path) -> bool:
    return "golden" in path.resolve().parent.parts


def _asked_inside_golden(config: pytest.Config, path: Path) -> bool:
    """Whether a command-line argument points into the golden folder holding `path`."""
    here = path.resolve()
    for arg in config.args:
        target = Path(str(arg).split("::")[0]).resolve()
        if "golden" in target.parts and (target == here or target in here.parents):
            return True
    return False


def suite_root(path: Path) -> Path:
    """The file's folder, widened while the parent folder holds `.rules` files as well."""
    root = path.resolve().parent
    while root.parent != root and any(root.parent.glob("*.rules")):
        root = root.parent
    return root


def load_checked(config: pytest.Config, root: Path) -> t.CheckedSuite | str:
    """The checked suite of `root`, or its rendered diagnostics; once per session."""
    from checker.syntax.suite import load_suite
    from checker.types.typecheck import typecheck

    cache = config.stash.setdefault(_SUITES, {})
    if root not in cache:
        try:
            loaded = load_suite([root])
            cache[root] = typecheck(loaded.suite)
        except DiagnosticError as error:
            cache[root] = render_all(error.diagnostics, error.sources)
    return cache[root]


class RulesFile(pytest.File):
    """A `.rules` file with `test` blocks."""

    def collect(self) -> Iterator[pytest.Item]:
        checked = load_checked(self.config, suite_root(self.path))
        if isinstance(checked, str):
            raise self.CollectError(f"the suite of {self.path.name} has problems:\n{checked}")
        here = self.path.resolve()
        for test in checked.tests:
            if Path(test.span.file).resolve() == here:
                yield RuleTest.from_parent(self, name=test.name, test=test, checked=checked)


class RuleTestFailed(Exception):
    """A test block whose expectations did not hold."""


class RuleTest(pytest.Item):
    """One `test "…" { … }` block."""

    def __init__(self, *, test: m.Test, checked: t.CheckedSuite, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.test = test
        self.checked = checked

    def runtest(self) -> None:
        from checker.tester.runner import run_test

        outcome = run_test(self.checked, self.test)
        if not outcome.passed:
            raise RuleTestFailed(*outcome.failures)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> str:
        if isinstance(excinfo.value, RuleTestFailed):
            messages = [str(m) for m in excinfo.value.args] or ["the test failed"]
            return f"test `{self.test.name}` failed:\n\n" + "\n\n".join(messages)
        return str(super().repr_failure(excinfo, style=style))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, max(self.test.span.line - 1, 0), f"test {self.test.name}"
