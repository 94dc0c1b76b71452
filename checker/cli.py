"""Command line: argument handling and exit codes, no checking logic.

Exit codes: 0 nothing at or above `--fail-on`; 1 findings; 2 bad input (rules,
schema, data, usage) with diagnostics; 3 internal error.  Every command runs
inside `run_guarded`, so no traceback reaches a user.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from checker.diagnostics import DiagnosticError, render_all

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="plancheck", description="Check plans, proposals and plan data "
                     "against rules written in the plancheck language.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    fmt = commands.add_parser("fmt", help="format .rules files in the canonical layout")
    fmt.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of .rules")
    fmt.add_argument("--check", action="store_true",
                     help="change nothing; exit 1 when a file is not formatted")

    show = commands.add_parser("suite", help="load a suite and list what it contains")
    show.add_argument("--rules", metavar="DIR", action="append",
                      help="suite folder or files (default: the bundled Daxing suite)")

    commands.add_parser("demo", help="the main job on the bundled examples")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `plancheck` and `python -m checker`."""
    return run_guarded(lambda: _dispatch(list(sys.argv[1:] if argv is None else argv)))


def run_guarded(action: Callable[[], int]) -> int:
    try:
        return action()
    except UsageError as error:
        print(f"error: {error}\n  = help: run `plancheck --help`", file=sys.stderr)
        return EXIT_BAD_INPUT
    except DiagnosticError as error:
        print(render_all(error.diagnostics, error.sources), end="", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception:  # the one place a bug becomes exit 3 instead of a traceback
        print("internal error: plancheck failed; please report this with the input",
              file=sys.stderr)
        print(traceback.format_exc(limit=-3), file=sys.stderr)
        return EXIT_INTERNAL


def _dispatch(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    if args.command is None:
        _parser().print_help()
        return EXIT_BAD_INPUT
    handler: Callable[[argparse.Namespace], int] = _COMMANDS[args.command]
    return handler(args)


def _fmt(args: argparse.Namespace) -> int:
    from checker.fmt import format_paths

    changed = format_paths([Path(p) for p in args.paths], check=args.check)
    for path in changed:
        verb = "would reformat" if args.check else "reformatted"
        print(f"{verb} {path}")
    return EXIT_FINDINGS if args.check and changed else EXIT_OK


def _suite(args: argparse.Namespace) -> int:
    from checker.suite import load_suite
    from checker.summary import describe

    loaded = load_suite(args.rules)
    print(describe(loaded))
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    return _suite(argparse.Namespace(rules=None))


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "fmt": _fmt,
    "suite": _suite,
    "demo": _demo,
}

