"""Suite state: the `.rules` files of a folder analysed as one suite, unsaved text winning.

In: a suite folder and the texts of the open documents (absolute path -> text).
Out: `Analysis` — the suite's model (the prelude first), its sources, the checked
suite when it typechecks, the unit table, every diagnostic by file (P1xx from
parse and build, T2xx from typecheck and from the tests' givens, L6xx from
lint) and the position index.  A file whose current text does not parse is read
for its statements that do (the others blanked out, so every span stays true)
for positions, outline and hover; the type check uses its last good model when
there is one, so a half-typed statement does not turn the names it declares
into errors in every other file; only its syntax diagnostics are shown for it.
Parsing is cached per file (by text, or by size and modification time on disk).
Which folder is a document's suite: the nearest folder above it, inside the
workspace folder, that holds the `plan` header; else the workspace folder.
Imports syntax, types, tools.lint and tester.givens (pure: no data frames);
never pygls.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from checker.diagnostics import Diagnostic, DiagnosticSink
from checker.source import SourceFile
from checker.syntax import model as m
from checker.syntax.build import build
from checker.syntax.parse import parse, statement_offsets
from checker.syntax.suite import PRELUDE, parse_bytes, parse_file, rule_files
from checker.tester.givens import read_givens
from checker.tools.lint import lint_suite
from checker.tools.lsp.index import Index, build_index
from checker.tools.plantext import PlanText, read_plan, read_texts
from checker.types import typed as t
from checker.types.units import UnitTable, build_unit_table

PRELUDE_NAME = "<prelude>"
_PLAN_HEADER = re.compile(r"^plan\b", re.MULTILINE)
_BLANK = re.compile(r"[^\n]")


@dataclass(frozen=True)
class FileState:
    """One file as last read: its text, its model (None when it does not parse), the
    model of the statements that do parse when it does not, and its syntax
    diagnostics."""

    source: SourceFile | None
    built: m.RuleFile | None
    problems: tuple[Diagnostic, ...]
    recovered: m.RuleFile | None = None


@dataclass(frozen=True)
class Analysis:
    root: Path
    suite: m.Suite
    sources: dict[str, SourceFile]
    checked: t.CheckedSuite | None
    units: UnitTable
    diagnostics: dict[str, list[Diagnostic]]  # by file; every file of the suite has a list
    unplaced: list[Diagnostic]  # about the whole suite (no plan header, …)
    index: Index
    broken: frozenset[str] = field(default_factory=frozenset)

    @cached_property
    def plan(self) -> PlanText | None:
        """The plan's text named by the plan header's `source`, when it can be read."""
        text, _ = read_plan(self.suite)
        return text

    @cached_property
    def texts(self) -> dict[str | None, PlanText | None]:
        """Every text the cites may quote, by `source` name (None: the plan's)."""
        return read_texts(self.suite)[0]

    def rule_file(self, path: str) -> m.RuleFile | None:
        return next((f for f in self.suite.files if f.path == path), None)


def normal(path: str | Path) -> str:
    """An absolute path without resolving links: the form documents are keyed by."""
    return os.path.normpath(os.path.abspath(path))


def inside(path: str, folder: Path) -> bool:
    return os.path.commonpath([path, normal(folder)]) == normal(folder)


def suite_root(document: str, folders: Sequence[Path]) -> Path:
    """The suite a document belongs to (see the module's docstring)."""
    path = Path(document)
    workspace = max((f for f in folders if inside(document, f)), key=lambda f: len(str(f)),
                    default=None)
    for folder in path.parents:
        if _declares_plan(folder):
            return folder
        if workspace is not None and normal(folder) == normal(workspace):
            return workspace
    return workspace if workspace is not None else path.parent


def _declares_plan(folder: Path) -> bool:
    try:
        candidates = sorted(folder.glob("*.rules"))
    except OSError:
        return False
    for candidate in candidates:
        try:
            if _PLAN_HEADER.search(candidate.read_text(encoding="utf-8", errors="replace")):
                return True
        except OSError:
            continue
    return False


class SuiteFolder:
    """A suite folder and its parse caches; `analyze` reads it afresh each time."""

    def __init__(self, root: Path) -> None:
        self.root = Path(normal(root))
        self._cache: dict[str, tuple[object, FileState]] = {}
        self._good: dict[str, m.RuleFile] = {}

    def paths(self, overrides: Mapping[str, str]) -> list[str]:
        on_disk = rule_files([self.root])[0] if self.root.is_dir() else []
        opened = [p for p in overrides if p.endswith(".rules") and inside(p, self.root)]
        return sorted({normal(p) for p in on_disk} | set(opened))

    def analyze(self, overrides: Mapping[str, str]) -> Analysis:
        states = {path: self._state(path, overrides.get(path)) for path in self.paths(overrides)}
        prelude = self._state(PRELUDE_NAME, None)
        shown = [prelude.built] if prelude.built is not None else []  # spans of the text now
        checked_files = list(shown)  # names as last known good
        diagnostics: dict[str, list[Diagnostic]] = {path: [] for path in states}
        for path, state in states.items():
            diagnostics[path] += state.problems
            if state.built is not None:
                self._good[path] = state.built
            now = state.built or state.recovered
            shown += [now] if now is not None else []
            good = self._good.get(path, now)
            checked_files += [good] if good is not None else []
        broken = frozenset(path for path, state in states.items() if state.built is None)
        sources = {s.path: s for s in [prelude.source, *(x.source for x in states.values())]
                   if s is not None}
        suite = m.Suite(tuple(shown))
        units = build_unit_table(suite, DiagnosticSink())
        checked, found = self._check(m.Suite(tuple(checked_files)))
        for d in found:
            if d.span.file in diagnostics and d.span.file not in broken:
                diagnostics[d.span.file].append(d)
        unplaced = [d for d in found if d.span.file not in diagnostics
                    and d.span.file != PRELUDE_NAME]
        return Analysis(self.root, suite, sources, checked, units, diagnostics, unplaced,
                        build_index(suite, sources, units), broken)

    @staticmethod
    def _check(suite: m.Suite) -> tuple[t.CheckedSuite | None, list[Diagnostic]]:
        """Type and lint diagnostics, the type warnings, and the problems of the tests'
        givens (T242–T246: a misspelt field, a value of the wrong unit…)."""
        checked, found = lint_suite(suite)
        if checked is None:
            return None, found
        givens = [read_givens(checked, test) for test in checked.tests]
        return checked, [*found, *checked.warnings,
                         *(d for g in givens if isinstance(g, list) for d in g)]

    def _state(self, path: str, text: str | None) -> FileState:
        """A file's state from its unsaved text, else from disk (cached)."""
        key: object = text
        if text is None:
            try:
                stat = os.stat(PRELUDE if path == PRELUDE_NAME else path)
                key = (stat.st_size, stat.st_mtime_ns)
            except OSError:
                key = None
        cached = self._cache.get(path)
        if cached is not None and key is not None and cached[0] == key:
            return cached[1]
        state = _from_text(path, text) if text is not None else _from_disk(path)
        self._cache[path] = (key, state)
        return state


def _from_disk(path: str) -> FileState:
    if path == PRELUDE_NAME:
        return _state_of(*parse_file(PRELUDE, PRELUDE_NAME))
    return _state_of(*parse_file(Path(path), path))


def _from_text(path: str, text: str) -> FileState:
    # lone surrogates (possible in JSON) become bytes that are not UTF-8: a P101 diagnostic
    return _state_of(*parse_bytes(path, text.encode("utf-8", errors="surrogatepass")))


def _state_of(source: SourceFile | None, result: m.RuleFile | list[Diagnostic]) -> FileState:
    if not isinstance(result, list):
        return FileState(source, result, ())
    return FileState(source, None, tuple(result), _recover(source, result))


def _recover(source: SourceFile | None, problems: list[Diagnostic]) -> m.RuleFile | None:
    """The model of the statements with no syntax diagnostic: the others are blanked
    (every character but newlines made a space), so the spans of the rest stay true."""
    if source is None or any(d.span.line < 1 for d in problems):
        return None
    lines = {d.span.line for d in problems}
    text = source.text
    pieces, kept = [], False
    for start, end in statement_offsets(text):
        first = text.count("\n", 0, start) + 1
        last = first + text.count("\n", start, max(end - 1, start))
        if any(first <= line <= last for line in lines):
            pieces.append(_BLANK.sub(" ", text[start:end]))
        else:
            pieces.append(text[start:end])
            kept = kept or bool(text[start:end].strip())
    if not kept:
        return None
    parsed = parse(SourceFile(source.path, "".join(pieces)))
    built = build(parsed) if not isinstance(parsed, list) else parsed
    return None if isinstance(built, list) else built
