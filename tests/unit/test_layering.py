"""Layering (docs/design.md): which package may import what, read from the source.

Every module of `checker/` and `reports/` is parsed with `ast`; every import
statement counts, also one inside a function (a lazy import is still a
dependency), and so does `importlib.import_module("literal")`; imports under
`if TYPE_CHECKING:` count for the table but not for cycles (they never run).
The table: each stage package names the packages it may import; lark only in the
parser modules, z3 only in the solver modules (analysis.solver, engine.gaps),
data-frame libraries only in
`data` and `engine`; `reports/` reads `checker.result` only; nothing imports the
CLI; no import cycle between modules.
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

BASE = ("checker.source", "checker.diagnostics", "checker.codes", "checker.textsafe",
        "checker.frozen", "checker.arrow_numpy")
# Unit -> the units of ours it may import (a unit is a top-level module or a stage package;
# a module may always import the modules of its own package).  Read bottom to top, this is
# the pipeline: source <- diagnostics <- syntax <- types <- data / engine / analysis <-
# tester / tools <- pipeline <- cli.
MAY_IMPORT: dict[str, tuple[str, ...]] = {
    "checker.source": (),
    "checker.codes": (),
    "checker.textsafe": (),
    "checker.frozen": (),
    "checker.arrow_numpy": (),
    "checker.diagnostics": ("checker.source", "checker.codes", "checker.textsafe"),
    "checker.result": (),
    "checker.syntax": BASE,
    "checker.types": (*BASE, "checker.syntax"),
    "checker.data": (*BASE, "checker.syntax.model", "checker.types", "checker.result"),
    "checker.engine": (*BASE, "checker.syntax.model", "checker.types", "checker.result"),
    "checker.analysis": (*BASE, "checker.syntax", "checker.types"),
    "checker.tester": (*BASE, "checker.syntax", "checker.types", "checker.data",
                       "checker.engine", "checker.result"),
    # the language server checks tests' givens as you type (givens is pure: no data frames)
    # and its L608 quick fix writes a rule's tests, verified by running them (on first use)
    "checker.tools": (*BASE, "checker.syntax", "checker.types", "checker.tester.givens",
                      "checker.tester.scaffold"),
    "checker.pipeline": (*BASE, "checker.syntax", "checker.types", "checker.data",
                         "checker.engine", "checker.result", "checker.pipeline_dask"),
    # the pipeline with the proposals' partitions on a Dask cluster
    "checker.pipeline_dask": (*BASE, "checker.types", "checker.data", "checker.engine",
                              "checker.result"),
    "checker.serve": (*BASE, "checker.syntax", "checker.types", "checker.data",
                      "checker.engine", "checker.result", "checker.pipeline", "reports",
                      "checker"),  # the version
    "checker": ("checker",),  # the public API: lazy names of every stage
    "checker.__main__": ("checker.cli",),
    "checker.cli": ("checker", "reports"),
    "reports": ("checker.result", "checker.textsafe"),
}
# Outside libraries that only some modules may import.
ONLY_IN: dict[str, tuple[str, ...]] = {
    "lark": ("checker.syntax.parse", "checker.syntax.errors", "checker.syntax.grammar",
             "checker.tools.extract.phrases"),
    "opencc": ("checker.tools.extract.fold",),
    "z3": ("checker.analysis.solver.*", "checker.engine.gaps"),  # gaps: verdicts over gaps
    "pandas": ("checker.data.*", "checker.engine.*"),
    "numpy": ("checker.data.*", "checker.engine.*", "checker.arrow_numpy"),
    "pyarrow": ("checker.data.*", "checker.engine.*", "checker.arrow_numpy"),
    "dask": ("checker.engine.distributed",),
    "distributed": ("checker.engine.distributed",),
}
# The command line: argument handling and exit codes.  Nothing else imports it.
CLI_MODULES = ("checker.cli", "checker.cli.*", "checker.__main__")


def unit_of(module: str) -> str:
    """`checker.engine.series` -> `checker.engine`; `reports.text` -> `reports`."""
    parts = module.split(".")
    if parts[0] == "reports":
        return "reports"
    candidate = ".".join(parts[:2])
    return candidate if candidate in MAY_IMPORT else parts[0]


@dataclass(frozen=True)
class Import:
    importer: str  # module name, `checker.syntax.parse`
    path: str  # file, relative to the repository
    line: int
    target: str  # imported module, `lark` or `checker.syntax.model`
    typing_only: bool = False  # under `if TYPE_CHECKING:`

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
            for alias in names:  # `from checker.syntax import model` imports checker.syntax.model
                sub = f"{base}.{alias.name}"
                yield sub if sub in MODULES else base
        case ast.Call(func=ast.Attribute(attr="import_module") | ast.Name(id="import_module"),
                      args=[ast.Constant(value=str() as name), *_]):
            yield name


def _typing_only_nodes(tree: ast.AST) -> set[int]:
    """ids of the nodes inside `if TYPE_CHECKING:` blocks."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) \
                and node.test.id == "TYPE_CHECKING":
            inside |= {id(n) for statement in node.body for n in ast.walk(statement)}
    return inside


def imports_of(module: str, path: Path) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    shown = str(path.relative_to(ROOT))
    typing_only = _typing_only_nodes(tree)
    found = (Import(module, shown, getattr(node, "lineno", 0), target, id(node) in typing_only)
             for node in ast.walk(tree) for target in _targets(module, path, node))
    return list(dict.fromkeys(found))


ALL_IMPORTS = [i for module, path in MODULES.items() for i in imports_of(module, path)]


def _is(module: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch(module, p) or module == p for p in patterns)


def _ours(target: str) -> bool:
    return target.split(".")[0] in OURS


def _within(target: str, allowed: tuple[str, ...]) -> bool:
    """`target` is one of `allowed` or inside one of them (`checker.syntax.model` in
    `checker.syntax`)."""
    return any(target == a or target.startswith(a + ".") for a in allowed)


def _breaks_the_table(i: Import) -> bool:
    if not _ours(i.target) or unit_of(i.importer) == unit_of(i.target):
        return False
    return not _within(i.target, MAY_IMPORT[unit_of(i.importer)])


Rule = Callable[[Import], bool]  # True when the import breaks the rule

RULES: dict[str, Rule] = {
    "each package imports only the packages its row of the table names": _breaks_the_table,
    **{f"only {', '.join(where)} import {library}":
       (lambda i, library=library, where=where: i.top == library and _ours(i.importer)
        and not _is(i.importer, where))
       for library, where in ONLY_IN.items()},
    "nothing outside the command line imports it":
        lambda i: _is(i.target, CLI_MODULES) and not _is(i.importer, CLI_MODULES),
}


@pytest.mark.parametrize("rule", list(RULES))
def test_layering(rule: str) -> None:
    broken = [str(i) for i in ALL_IMPORTS if RULES[rule](i)]
    assert not broken, f"{rule}:\n  " + "\n  ".join(broken)


def test_every_unit_of_checker_has_a_row_in_the_table() -> None:
    units = {unit_of(m) for m in MODULES}
    assert units <= set(MAY_IMPORT), sorted(units - set(MAY_IMPORT))
    packages = {p.name for p in (ROOT / "checker").iterdir()
                if p.is_dir() and (p / "__init__.py").exists()}
    assert {f"checker.{p}" for p in packages} <= set(MAY_IMPORT)


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of `graph`, or None (depth-first search with colours)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt):], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycle_between_modules() -> None:
    graph: dict[str, set[str]] = {}
    for i in ALL_IMPORTS:
        if _ours(i.target) and not i.typing_only and i.target in MODULES \
                and i.target != i.importer:
            graph.setdefault(i.importer, set()).add(i.target)
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_the_bottom_modules_need_only_the_standard_library() -> None:
    """`source`, `codes`, `diagnostics` and the rule model need nothing from outside."""
    bottom = ("checker.source", "checker.codes", "checker.textsafe", "checker.diagnostics",
              "checker.syntax.model")
    outside = [str(i) for i in ALL_IMPORTS
               if _within(i.importer, bottom) and not _ours(i.target)
               and i.top not in sys.stdlib_module_names]
    assert not outside


# ------------------------------------------------------------------ the walker itself


def test_the_walk_sees_the_modules_and_their_imports() -> None:
    assert {"checker.syntax.parse", "checker.syntax.model", "checker.source",
            "reports"} <= set(MODULES)
    targets = {(i.importer, i.target) for i in ALL_IMPORTS}
    assert ("checker.syntax.parse", "lark") in targets
    assert ("checker.syntax.errors", "lark") in targets
    assert ("checker.syntax.build", "checker.syntax.model") in targets


def test_the_cycle_search_finds_a_cycle_and_only_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


@pytest.mark.parametrize(
    ("source", "module", "expected"),
    [
        ("import lark.exceptions\n", "checker.x", ["lark.exceptions"]),
        ("def f():\n    import pandas as pd\n", "checker.x", ["pandas"]),
        ("from checker.syntax import model, parse\n", "checker.x",
         ["checker.syntax.model", "checker.syntax.parse"]),
        ("from checker import __version__\n", "checker.x", ["checker"]),
        ("from .diagnostics import Diagnostic\n", "checker.x", ["checker.diagnostics"]),
        ("from . import check\n", "checker.cli.commands", ["checker.cli.commands.check"]),
        ("from .. import main\n", "checker.cli.commands.fmt", ["checker.cli.main"]),
        ("importlib.import_module('checker.cli')\n", "checker.x", ["checker.cli"]),
    ],
)
def test_the_walk_resolves_every_kind_of_import(tmp_path: Path, source: str, module: str,
                                                expected: list[str]) -> None:
    name = "__init__.py" if module == "checker.cli.commands" else "x.py"
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    tree = ast.parse(source)
    found = [t for node in ast.walk(tree) for t in _targets(module, path, node)]
    assert found == expected


def test_imports_under_type_checking_are_marked() -> None:
    tree = ast.parse("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pandas\n"
                     "import numpy\n")
    inside = _typing_only_nodes(tree)
    found = {t: id(n) in inside for n in ast.walk(tree)
             for t in _targets("checker.x", ROOT / "x.py", n) if t != "typing"}
    assert found == {"pandas": True, "numpy": False}


TABLE = "each package imports only the packages its row of the table names"
LARK = f"only {', '.join(ONLY_IN['lark'])} import lark"
Z3 = f"only {', '.join(ONLY_IN['z3'])} import z3"


@pytest.mark.parametrize(
    ("rule", "importer", "target", "broken"),
    [
        (LARK, "checker.syntax.build",
         "lark", True),
        (LARK, "checker.syntax.words",
         "lark", True),
        (LARK, "checker.syntax.parse",
         "lark.exceptions", False),
        (Z3, "checker.analysis.records", "z3", True),
        (Z3, "checker.analysis.solver.search", "z3",
         False),
        ("only checker.data.*, checker.engine.* import pandas", "checker.types.typecheck",
         "pandas", True),
        (f"only {', '.join(ONLY_IN['numpy'])} import numpy", "checker.engine.series",
         "numpy.typing", False),
        ("only checker.data.*, checker.engine.* import pandas", "checker.data.tables", "pandas",
         False),
        (LARK, "checker.tools.extract.phrases", "lark", False),
        (LARK, "checker.tools.extract.classify", "lark", True),
        ("only checker.tools.extract.fold import opencc", "checker.tools.extract.sentences",
         "opencc", True),
        (TABLE, "checker.tools.extract.writers", "checker.data.plan_data", True),
        (TABLE, "checker.syntax.model", "checker.types.typed", True),
        (TABLE, "checker.engine.series", "checker.data.records", True),
        (TABLE, "checker.engine.series", "checker.syntax.parse", True),
        (TABLE, "checker.engine.series", "checker.syntax.model", False),
        (TABLE, "checker.analysis.solver", "checker.engine.ops", True),
        (TABLE, "checker.tools.lint", "checker.data.load", True),
        (TABLE, "checker.diagnostics", "checker.source", False),
        (TABLE, "checker.source", "checker.diagnostics", True),
        (TABLE, "checker.syntax.parse", "checker.syntax.errors", False),
        (TABLE, "reports.text", "checker.engine.evaluate", True),
        (TABLE, "reports", "checker", True),
        (TABLE, "reports.text", "checker.result", False),
        (TABLE, "reports.text", "rich.table", False),
        ("nothing outside the command line imports it", "checker.pipeline", "checker.cli", True),
        ("nothing outside the command line imports it", "checker.tools.fmt",
         "checker.cli.commands.fmt", True),
        ("nothing outside the command line imports it", "checker.cli.commands.fmt",
         "checker.cli.main", False),
    ],
)
def test_each_rule_tells_a_broken_import_from_an_allowed_one(rule: str, importer: str,
                                                              target: str, broken: bool) -> None:
    assert RULES[rule](Import(importer, "x.py", 1, target)) is broken
