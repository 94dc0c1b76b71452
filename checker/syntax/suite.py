"""Suite loading: a folder (or files) of `.rules` -> a built `Suite`.

In: paths; with none, the bundled Daxing suite.  Out: `LoadedSuite` (the suite
and its source texts, for rendering diagnostics) or `DiagnosticError` carrying
every parse and build problem of every file.  The standard unit prelude is
always loaded first.  The parser (lark) is imported only when a file is parsed.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from checker.diagnostics import Diagnostic, DiagnosticError, printable
from checker.source import SourceFile, Span
from checker.syntax import model as m

PACKAGE = Path(__file__).parents[1]  # the installed `checker` folder
PRELUDE = Path(__file__).with_name("prelude.rules")
BUNDLED = PACKAGE / "suites" / "daxing-14th"


@dataclass(frozen=True)
class LoadedSuite:
    suite: m.Suite
    sources: dict[str, SourceFile]
    root: Path | None = None


def rule_files(paths: Sequence[str | Path]) -> tuple[list[Path], list[Diagnostic]]:
    """Expand folders into their `.rules` files (sorted); report paths that are neither."""
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            # a link to nothing is kept: reading it says so, where skipping it would
            # run the suite without its rules in silence
            found = sorted(p for p in path.rglob("*.rules") if p.is_file() or p.is_symlink())
            if not found:
                problems.append(Diagnostic("P120", f"no `.rules` files in `{raw}`",
                                           Span(str(raw), 0, 0, 0, 0),
                                           help="a suite is a folder of `.rules` files"))
            files += found
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Diagnostic("P121", f"no such file or folder `{raw}`",
                                       Span(str(raw), 0, 0, 0, 0)))
    return files, problems


def write_back(path: Path, text: str) -> None:
    """Write a rules file back in its own encoding: UTF-8, with the byte-order mark it
    had (an editor on Windows writes one; an edit must not be a change of encoding)."""
    with path.open("rb") as old:
        marked = old.read(3) == codecs.BOM_UTF8
    path.write_text(text, encoding="utf-8-sig" if marked else "utf-8", newline="")


def display_path(path: Path) -> str:
    """Paths relative to the working folder when they are under it (stable output); a file
    of a bundled suite elsewhere (an installed wheel) as `suite:NAME/FILE`, not a path
    into site-packages; any other path as given."""
    resolved = path.resolve()
    try:
        return str(resolved.relative_to(Path.cwd().resolve()))
    except ValueError:
        pass
    return bundled_name(resolved) or str(path)


def suite_name(path: Path) -> str:
    """A suite as a report names it: its displayed path, but a folder given as `.` or
    `..` (a command run inside the suite) by its real name, `dx`, not `.`."""
    shown = display_path(path)
    if shown in (".", "") or all(part == ".." for part in Path(shown).parts):
        return path.resolve().name or shown
    return shown


def shown_path(shown: str) -> Path:
    """The file a displayed name stands for: `suite:NAME/FILE` back inside the package."""
    if shown.startswith("suite:"):
        return PACKAGE / "suites" / shown.removeprefix("suite:")
    return Path(shown)


def bundled_name(resolved: Path) -> str | None:
    """`suite:daxing-14th/land.rules` for a file of a suite shipped in the package."""
    suites = PACKAGE / "suites"
    for suite in sorted(suites.iterdir()) if suites.is_dir() else ():
        try:
            inside = resolved.relative_to(suite.resolve())
        except ValueError:
            continue
        return f"suite:{suite.name}/{inside.as_posix()}"
    return None


def parse_file(path: Path, display: str | None = None) -> tuple[SourceFile | None,
                                                                  m.RuleFile | list[Diagnostic]]:
    """Read, decode, parse and build one file."""
    shown = display or display_path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        why = error.strerror
        if path.is_symlink() and not path.exists():  # named as found, not as its target
            shown = display or str(Path(display_path(path.parent)) / path.name)
            why = f"it links to `{printable(os.readlink(path))}`, which does not exist"
        return None, [Diagnostic("P122", f"cannot read `{printable(shown)}`: {why}",
                                 Span(shown, 0, 0, 0, 0))]
    return parse_bytes(shown, data)


def parse_bytes(shown: str, data: bytes) -> tuple[SourceFile | None,
                                                  m.RuleFile | list[Diagnostic]]:
    """Decode, parse and build the content of one file (named `shown` in diagnostics)."""
    from checker.syntax.build import build  # lark: only when a file is parsed (not on a
    from checker.syntax.parse import decode, parse  # cache hit, see `types.cached`)

    decoded = decode(shown, data)
    if isinstance(decoded, Diagnostic):
        return None, [decoded]
    parsed = parse(decoded)
    if isinstance(parsed, list):
        return decoded, parsed
    return decoded, build(parsed)


def load_suite(paths: Sequence[str | Path] | None = None,
               texts: Sequence[tuple[str, bytes]] = ()) -> LoadedSuite:
    """Parse and build a suite; raise `DiagnosticError` with all diagnostics of all files.
    `texts`: files given as (name, content), such as one read from standard input; a
    text named as a file of the suite stands for it (an editor's unsaved buffer), so the
    file on disk is not read as well."""
    targets = list(paths or ()) if paths or texts else [BUNDLED]
    files, problems = rule_files(targets)
    named = {Path(name).resolve() for name, _ in texts}
    files = [f for f in files if Path(f).resolve() not in named]
    sources: dict[str, SourceFile] = {}
    built: list[m.RuleFile] = []
    parsed = [parse_file(path, display)
              for path, display in [(PRELUDE, "<prelude>"), *((f, None) for f in files)]]
    parsed += [parse_bytes(name, data) for name, data in texts]
    for source, result in parsed:
        if source is not None:
            sources[source.path] = source
        if isinstance(result, list):
            problems += result
        else:
            built.append(result)
    if not problems:  # each file has one base unit per dimension; across files too
        from checker.syntax.build import second_base_units

        bases: dict[str, m.BaseUnit] = {}
        problems += [p for f in built for p in second_base_units(f.statements, bases)]
    if problems:
        raise DiagnosticError(problems, sources)
    root = Path(targets[0]) if len(targets) == 1 and not texts and Path(targets[0]).is_dir() \
        else None
    return LoadedSuite(m.Suite(tuple(built), sources), sources, root)
