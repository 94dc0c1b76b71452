"""Command line: argument handling and exit codes, no checking logic.

Exit codes: 0 nothing at or above `--fail-on`; 1 findings; 2 bad input (rules,
schema, data, usage) with diagnostics; 3 internal error.  Every command runs
inside `run_guarded`, so no traceback reaches a user.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from checker import __version__
from checker.cli import commands, options
from checker.cli.paint import paint
from checker.cli.process import settle, stand_in_plugin_loader
from checker.cli.streams import guard_streams
from checker.diagnostics import DiagnosticError, render_all

EXIT_BAD_INPUT, EXIT_INTERNAL = 2, 3  # 0 and 1 are each command's verdict
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a program a pipe stopped
# whether diagnostics on stderr are coloured: set once the arguments are parsed
_stderr_color = [False]


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    _intermixing = False

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)

    def parse_known_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                         namespace: argparse.Namespace | None = None,
                         ) -> tuple[argparse.Namespace, list[str]]:
        """A command's inputs may come before and after its options
        (`check - --stdin-name x.csv more.csv`), as in ruff and pytest; argparse alone stops
        taking them at the first option."""
        takes_rest = any(a.nargs == argparse.REMAINDER for a in self._actions)
        if self._subparsers is not None or takes_rest or self._intermixing:
            return super().parse_known_args(args, namespace)
        self._intermixing = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._intermixing = False


def _parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser; of the commands, only the one `argv` names is imported (`--help` and
    an unknown command import them all, for their help)."""
    parser = _Parser(prog="plancheck", description="Check plans, proposals and plan data "
                     "against rules written in the plancheck language.")
    parser.add_argument("--version", action="version", version=f"plancheck {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    known = {name.replace("_", "-"): name for name in commands.names()}
    wanted = next((known[a] for a in argv if a in known), None)
    every = wanted is None and "--version" not in argv
    for shown, name in known.items():
        if every or name == wanted:
            module = commands.module(name)
            sub = subparsers.add_parser(shown, help=module.HELP, description=module.HELP)
            module.register(sub)
            options.common(sub)
            sub.set_defaults(run=module.run)
        else:  # not asked for: a stand-in that takes any arguments and is never run
            sub = subparsers.add_parser(shown, add_help=False)
            sub.add_argument("rest", nargs=argparse.REMAINDER)
            sub.set_defaults(run=None)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `plancheck` and `python -m checker`."""
    settle()  # process defaults (pydantic plugins off, one BLAS thread): before numpy, pydantic
    guard_streams()
    _stderr_color[0] = False
    return run_guarded(lambda: _dispatch(list(sys.argv[1:] if argv is None else argv)))


def run_guarded(action: Callable[[], int]) -> int:
    try:
        return action()
    except UsageError as error:
        print(f"error: {error}\n  = help: run `plancheck --help`", file=sys.stderr)
        return EXIT_BAD_INPUT
    except DiagnosticError as error:
        text = render_all(error.diagnostics, error.sources)
        print(paint(text, _stderr_color[0]), end="", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `plancheck … | head`: the reader has all it wants
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as error:  # the one place a bug becomes exit 3 instead of a traceback
        print(f"internal error: {type(error).__name__}: {error}\n"
              "  = help: this is a bug in plancheck; rerun with PLANCHECK_DEBUG=1 for details "
              "and report it with the input", file=sys.stderr)
        if os.environ.get("PLANCHECK_DEBUG"):
            traceback.print_exc()
        return EXIT_INTERNAL


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so flushing it at exit cannot raise again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _dispatch(argv: list[str]) -> int:
    parser = _parser(argv)
    args = parser.parse_args(argv)
    stand_in_plugin_loader()
    if args.command is None:
        parser.print_help()
        return EXIT_BAD_INPUT
    if args.run is None:  # a stand-in was chosen (a value looked like a command): all of them
        args = _parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    _stderr_color[0] = options.color(args, sys.stderr)
    from checker.cli import config  # tomllib: not for `--version` and `--help`

    found = None if args.no_config else config.find(Path.cwd())
    if found is not None:
        options.say(args, f"configuration from {found.shown}"
                    + (f" [{found.table}]" if found.table else ""))
    config.apply(args, args.command, found)
    return run(args)
