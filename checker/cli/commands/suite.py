"""`plancheck suite [SUITE…]`: load a suite and list what it contains."""

from __future__ import annotations

import argparse

from checker.cli import options

HELP = "load and type-check a suite and list what it contains"


def register(parser: argparse.ArgumentParser) -> None:
    options.suite(parser)


def run(args: argparse.Namespace) -> int:
    from checker.cli.paint import paint
    from checker.cli.stdin import checked_from
    from checker.tools.summary import describe

    loaded, checked = checked_from(args, options.suite_paths(args, args.suites))
    print(paint(describe(loaded, checked), options.to_terminal(args)))
    return 0
