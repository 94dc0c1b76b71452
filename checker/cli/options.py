"""The options every command shares, defined once, and what they mean.

Every command takes `-q/--quiet`, `-v/--verbose`, `--color WHEN` and `--no-config`
(`common`, added by `main`); commands that read a suite take it as positional
paths *and* as `--rules DIR` (`suite`); commands that write a report take
`--format` and `-o FILE` (`report`, `-o -` is standard output).  The defaults
missing from the command line come from the configuration file (`config`).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

#: the formats every command that reports findings writes (check writes more)
FINDING_FORMATS = ("text", "json", "junit", "sarif")


def common(parser: argparse.ArgumentParser) -> None:
    """`-q`, `-v`, `--color`, `--no-config`: on every command."""
    group = parser.add_argument_group("common options")
    loudness = group.add_mutually_exclusive_group()
    loudness.add_argument("-q", "--quiet", action="store_true",
                          help="print only problems and the verdict (no progress bar)")
    loudness.add_argument("-v", "--verbose", action="store_true",
                          help="also say which configuration, suite and defaults were used "
                          "(on standard error)")
    group.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                       help="colour (default auto: on a terminal, unless NO_COLOR is set; "
                       "FORCE_COLOR forces it)")
    group.add_argument("--no-config", action="store_true",
                       help="ignore plancheck.toml and [tool.plancheck] in pyproject.toml")


def suite(parser: argparse.ArgumentParser, *, positional: str | None = "suites") -> None:
    """The suite as positional paths (named `positional`; None when the command's positionals
    are something else, which may still include suite paths: see `split_suites`) and as
    `--rules DIR`, which may be repeated."""
    if positional is not None:
        parser.add_argument(positional, nargs="*", metavar="SUITE",
                            help="suite folder or .rules files, `-` for standard input "
                            "(default: the configured suite, else the bundled Daxing suite)")
        stdin_name(parser, "a .rules file")
    parser.add_argument("--rules", metavar="DIR", action="append",
                        help="suite folder or .rules files, the same as a positional SUITE")
    cache(parser)


def cache(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-cache", action="store_true",
                        help="parse and type-check the suite again instead of reading the "
                        "cached result (see docs/speed.md)")


def report(parser: argparse.ArgumentParser, formats: Sequence[str] = FINDING_FORMATS) -> None:
    """`--format` (default: the configured one, else text) and `-o FILE`."""
    parser.add_argument("--format", choices=list(formats), default=None,
                        help="report format: " + ", ".join(formats) + " (default: text)")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write the report to FILE, replacing it whole (`-`: standard output)")
    parser.set_defaults(format_choices=tuple(formats))  # which configured format applies


def stdin_name(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--stdin-name", metavar="NAME",
                        help=f"the name `-` ({what} read from standard input) has in "
                        "diagnostics; its extension picks the format")


def is_suite_path(text: str) -> bool:
    """A `.rules` file, or a folder holding one: a suite, whatever the positional it is in."""
    path = Path(text)
    if path.suffix == ".rules":
        return True
    return path.is_dir() and next(path.rglob("*.rules"), None) is not None


def split_suites(paths: Sequence[str], *, dash: str = "other") -> tuple[list[str], list[str]]:
    """(suite paths, the other positionals), in their order; `-` (standard input) is
    a suite file when `dash` is "suite" (schema), else data (check)."""
    def suite(p: str) -> bool:
        return dash == "suite" if p == "-" else is_suite_path(p)

    return [p for p in paths if suite(p)], [p for p in paths if not suite(p)]


def suite_paths(args: argparse.Namespace, positional: Sequence[str] = (), *,
                bundled: bool = True) -> list[str] | None:
    """The suite the command reads: its positional suite paths and `--rules`, else the
    configured suite, else None: the bundled suite, which a note on stderr names to a
    person (a terminal, no `-q`; always with `-v`), since a new author's `plancheck check
    data.csv` checking the data against another district's plan without a word is a trap;
    piped output stays as it was (the reports name their plan).  `bundled=False`: a
    command that has no use for the bundled suite (fmt) and says so itself."""
    given = [*positional, *(getattr(args, "rules", None) or [])]
    if given:
        return given
    configured: list[str] | None = getattr(args, "configured_rules", None)
    person = bool(getattr(sys.stderr, "isatty", lambda: False)()) and \
        not getattr(args, "quiet", False)
    if not configured and bundled and (person or getattr(args, "verbose", False)):
        print("note: no suite given (a SUITE folder, `--rules DIR`, or `rules` in "
              "plancheck.toml): reading the bundled Daxing suite", file=sys.stderr)
    return configured or None


def color(args: argparse.Namespace, stream: TextIO | None = None) -> bool:
    """Colour for `stream` (stdout): `--color always|never` first, then NO_COLOR (any
    non-empty value: off), FORCE_COLOR (non-empty: on, also in a pipe), else a terminal."""
    when = getattr(args, "color", "auto")
    if when != "auto":
        return bool(when == "always")
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    target = stream if stream is not None else sys.stdout
    return bool(getattr(target, "isatty", lambda: False)())


def to_terminal(args: argparse.Namespace) -> bool:
    """The report goes to standard output (no `-o FILE`) and is to be coloured."""
    return getattr(args, "output", None) in (None, "-") and color(args)


def say(args: argparse.Namespace, text: str) -> None:
    """A `-v` line on standard error."""
    if getattr(args, "verbose", False):
        print(f"note: {text}", file=sys.stderr)


def count(n: int, word: str, plural: str | None = None) -> str:
    """`1 proposal`, `2 proposals`, `0 tests`."""
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high` in ASCII digits; anything
    else (`-1`, `2.5`, `٣`, `1e9`) is a usage error, never coerced."""
    def read(text: str) -> int:
        if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
            raise argparse.ArgumentTypeError(
                f"`{text}` is not a whole number from {low:,} to {high:,}")
        return int(text)
    return read
