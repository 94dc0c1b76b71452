"""`plancheck fmt [--check] [--diff] PATH…`: rewrite .rules files in the canonical layout.

In place by default, as ruff format and gofmt do; `--check` (exit 1 when a file would
change) and `--diff` (the unified diff on standard output) change nothing.  `-` formats
standard input to standard output (`--stdin-name` names it in diagnostics).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checker.cli import options
from checker.source import SourceFile

HELP = "format .rules files in the canonical layout (in place; --check/--diff only report)"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files or folders of .rules, `-` for standard input "
                        "(default: the configured suite)")
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 when a file is not formatted")
    parser.add_argument("--diff", action="store_true",
                        help="change nothing; print what would change as a unified diff "
                        "(exit 1 when a file is not formatted)")
    options.stdin_name(parser, "a .rules file")
    parser.add_argument("--rules", metavar="DIR", action="append",
                        help="suite folder or .rules files, the same as a PATH (as on every "
                        "command that reads a suite)")


def run(args: argparse.Namespace) -> int:
    from checker.cli.paint import paint
    from checker.diagnostics import Diagnostic, DiagnosticError
    from checker.tools.fmt import format_changes

    if "-" in args.paths:
        return _stdin(args)
    paths = options.suite_paths(args, args.paths, bundled=False)
    if not paths:
        raise DiagnosticError([Diagnostic("C720", "`plancheck fmt` needs a file or folder",
                                          help="e.g. `plancheck fmt rules/`, or set `rules` "
                                          "in plancheck.toml")])
    report_only = args.check or args.diff
    changes = format_changes([Path(p) for p in paths], write=not report_only)
    out: list[str] = []
    for change in changes:
        if args.diff:
            out.append(change.diff())
        elif not args.quiet or args.check:
            out.append(f"{'would reformat' if report_only else 'reformatted'} {change.shown}\n")
    if not changes and not args.quiet:
        out.append("nothing to reformat\n")
    sys.stdout.write(paint("".join(out), options.to_terminal(args) and not args.diff))
    return 1 if report_only and changes else 0


def _stdin(args: argparse.Namespace) -> int:
    """Standard input, formatted, to standard output (`--check`: only the verdict)."""
    from checker.cli.stdin import read
    from checker.diagnostics import DiagnosticError
    from checker.syntax.parse import decode
    from checker.tools.fmt import Change, format_text

    name = args.stdin_name or "<stdin>"
    source = decode(name, read())
    if not isinstance(source, SourceFile):
        raise DiagnosticError([source])
    new = format_text(source)
    if args.diff:
        sys.stdout.write(Change(Path(name), name, source.text, new).diff())
    elif not args.check:
        sys.stdout.write(new)
    return 1 if (args.check or args.diff) and new != source.text else 0
