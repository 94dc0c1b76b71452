"""`plancheck suite [--rules DIR]`: load a suite and list what it contains."""

from __future__ import annotations

import argparse

from checker.cli.commands import checked_suite, suite_option

HELP = "load and type-check a suite and list what it contains"


def register(parser: argparse.ArgumentParser) -> None:
    suite_option(parser)


def run(args: argparse.Namespace) -> int:
    from checker.tools.summary import describe

    loaded, _ = checked_suite(args, args.rules)
    print(describe(loaded))
    return 0
