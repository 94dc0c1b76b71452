"""Layering (ARCHITECTURE.md): which module may import what, read from the source.

Every module of `checker/` and `reports/` is parsed with `ast`; every import
statement counts, also one inside a function (a lazy import is still a
dependency), and so does `importlib.import_module("literal")`.  The layers:
`source` <- `diagnostics` <- `model`/`units` <- stages <- CLI, with lark only in
`parse` and `parse_errors` (its error wording), data-frame libraries only in the
loading and evaluating modules, and `reports/` reading `checker.result` only.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OURS = ("checker", "reports")

# Modules allowed to import a data-frame library (pandas, numpy): loading and evaluating.
FRAME_MODULES = ("checker.load", "checker.load_*", "checker.evaluate", "checker.evaluate_*",
                 "checker.frames", "checker.frames_*")
FRAME_LIBRARIES = ("pandas", "numpy")
# The command line: argument handling and exit codes.  Nothing else imports it.
CLI_MODULES = ("checker.cli", "checker.__main__", "checker.commands", "checker.commands.*")
# What the bottom layers may import of ours.
ONLY_OURS: dict[str, tuple[str, ...]] = {
    "checker.source": (),
    "checker.diagnostics": ("checker.source",),
    "checker.model": ("checker.source",),
    "checker.units": ("checker.source", "checker.diagnostics", "checker.model"),
    "checker.comments": ("checker.source", "checker.model"),
    "checker.unparse": ("checker.model",),
}
# What `reports/` may import of ours, besides its own modules.
REPORTS_MAY_IMPORT = ("checker.result",)
# The parse stage: the entry and its error wording (`parse_words` stays lark-free).
LARK_MODULES = ("checker.parse", "checker.parse_errors")


@dataclass(frozen=True)
class Import:
    importer: str  # module name, `checker.parse`
    path: str  # file, relative to the repository
    line: int
    target: str  # imported module, `lark` or `checker.model`

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.importer} imports {self.target}"

    @property
    def top(self) -> str:
        return self.target.split(".")[0]


def module_files() -> dict[str, Path]:
    """Module name -> file, for every module of our packages."""
    found: dict[str, Path] = {}
    for package in OURS:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


MODULES = module_files()


def _resolve(module: str, path: Path, node: ast.ImportFrom) -> str:
    """The absolute module of a `from … import`, relative ones included."""
    if node.level == 0:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _targets(module: str, path: Path, node: ast.AST) -> Iterator[str]:
    match node:
        case ast.Import(names=names):
            yield from (alias.name for alias in names)
        case ast.ImportFrom(names=names):
            base = _resolve(module, path, node)
            for alias in names:  # `from checker import model` imports checker.model
                sub = f"{base}.{alias.name}"
                yield sub if sub in MODULES else base
        case ast.Call(func=ast.Attribute(attr="import_module") | ast.Name(id="import_module"),
                      args=[ast.Constant(value=str() as name), *_]):
            yield name


def imports_of(module: str, path: Path) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    shown = str(path.relative_to(ROOT))
    found = (Import(module, shown, getattr(node, "lineno", 0), target)
             for node in ast.walk(tree) for target in _targets(module, path, node))
    return list(dict.fromkeys(found))


ALL_IMPORTS = [i for module, path in MODULES.items() for i in imports_of(module, path)]


def _is(module: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch(module, p) for p in patterns)


def _ours(target: str) -> bool:
    return target.split(".")[0] in OURS


def _within(target: str, allowed: tuple[str, ...]) -> bool:
    """`target` is one of `allowed` or inside one of them (`checker.model` in `checker`)."""
    return any(target == a or target.startswith(a + ".") for a in allowed)


Rule = Callable[[Import], bool]  # True when the import breaks the rule

RULES: dict[str, Rule] = {
    "only checker.parse and checker.parse_errors import lark":
        lambda i: i.top == "lark" and i.importer not in LARK_MODULES,
    "only the loading and evaluating modules import pandas or numpy":
        lambda i: i.top in FRAME_LIBRARIES and i.importer.startswith("checker")
        and not _is(i.importer, FRAME_MODULES),
    "the bottom layers import only the layers below them":
        lambda i: i.importer in ONLY_OURS and _ours(i.target)
        and not _within(i.target, ONLY_OURS[i.importer]),
    "nothing outside the command line imports it":
        lambda i: _is(i.target, CLI_MODULES) and i.importer.startswith("checker")
        and not _is(i.importer, CLI_MODULES),
    "reports import only checker.result of the checker":
        lambda i: i.importer.split(".")[0] == "reports" and i.top == "checker"
        and not _within(i.target, REPORTS_MAY_IMPORT),
}


@pytest.mark.parametrize("rule", list(RULES))
def test_layering(rule: str) -> None:
    broken = [str(i) for i in ALL_IMPORTS if RULES[rule](i)]
    assert not broken, f"{rule}:\n  " + "\n  ".join(broken)


def test_checker_source_imports_no_module_of_ours() -> None:
    assert not [i for i in ALL_IMPORTS if i.importer == "checker.source" and _ours(i.target)]


def test_bottom_modules_import_only_stdlib_of_the_outside() -> None:
    """`source`, `diagnostics` and `model` need nothing from outside the standard library."""
    outside = [str(i) for i in ALL_IMPORTS
               if i.importer in ("checker.source", "checker.diagnostics", "checker.model")
               and not _ours(i.target) and i.top not in sys.stdlib_module_names]
    assert not outside


# ------------------------------------------------------------------ the walker itself


def test_the_walk_sees_the_modules_and_their_imports() -> None:
    assert {"checker.parse", "checker.model", "checker.source", "reports"} <= set(MODULES)
    targets = {(i.importer, i.target) for i in ALL_IMPORTS}
    assert ("checker.parse", "lark") in targets
    assert ("checker.parse_errors", "lark") in targets
    assert ("checker.build", "checker.model") in targets  # `from checker import model as m`


@pytest.mark.parametrize(
    ("source", "module", "expected"),
    [
        ("import lark.exceptions\n", "checker.x", ["lark.exceptions"]),
        ("def f():\n    import pandas as pd\n", "checker.x", ["pandas"]),
        ("from checker import model, cli\n", "checker.x", ["checker.model", "checker.cli"]),
        ("from checker import __version__\n", "checker.x", ["checker"]),
        ("from .diagnostics import Diagnostic\n", "checker.x", ["checker.diagnostics"]),
        ("from . import suite\n", "checker.commands", ["checker.commands.suite"]),
        ("from .. import cli\n", "checker.commands.fmt", ["checker.cli"]),
        ("importlib.import_module('checker.cli')\n", "checker.x", ["checker.cli"]),
    ],
)
def test_the_walk_resolves_every_kind_of_import(tmp_path: Path, source: str, module: str,
                                                expected: list[str]) -> None:
    name = "__init__.py" if module == "checker.commands" else "x.py"
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    tree = ast.parse(source)
    found = [t for node in ast.walk(tree) for t in _targets(module, path, node)]
    assert found == expected


@pytest.mark.parametrize(
    ("rule", "importer", "target", "broken"),
    [
        ("only checker.parse and checker.parse_errors import lark", "checker.build", "lark",
         True),
        ("only checker.parse and checker.parse_errors import lark", "checker.parse_words",
         "lark", True),
        ("only checker.parse and checker.parse_errors import lark", "checker.parse",
         "lark.exceptions", False),
        ("only checker.parse and checker.parse_errors import lark", "checker.parse_errors",
         "lark", False),
        ("only the loading and evaluating modules import pandas or numpy",
         "checker.typecheck", "pandas", True),
        ("only the loading and evaluating modules import pandas or numpy",
         "checker.evaluate_series", "numpy.typing", False),
        ("only the loading and evaluating modules import pandas or numpy",
         "checker.load_tables", "pandas", False),
        ("the bottom layers import only the layers below them",
         "checker.model", "checker.diagnostics", True),
        ("the bottom layers import only the layers below them",
         "checker.diagnostics", "checker.source", False),
        ("the bottom layers import only the layers below them", "checker.source", "checker", True),
        ("nothing outside the command line imports it", "checker.pipeline", "checker.cli", True),
        ("nothing outside the command line imports it", "checker.fmt", "checker.commands.fmt",
         True),
        ("nothing outside the command line imports it", "checker.commands.fmt", "checker.cli",
         False),
        ("reports import only checker.result of the checker", "reports.text", "checker.evaluate",
         True),
        ("reports import only checker.result of the checker", "reports", "checker", True),
        ("reports import only checker.result of the checker", "reports.text", "checker.result",
         False),
        ("reports import only checker.result of the checker", "reports.text", "rich.table",
         False),
    ],
)
def test_each_rule_tells_a_broken_import_from_an_allowed_one(rule: str, importer: str,
                                                              target: str, broken: bool) -> None:
    assert RULES[rule](Import(importer, "x.py", 1, target)) is broken
