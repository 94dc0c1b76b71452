"""`plancheck suite [--rules DIR]`: load a suite and list what it contains."""

from __future__ import annotations

import argparse

from checker.cli.commands import suite_option
from checker.syntax.suite import load_suite
from checker.tools.summary import describe
from checker.types.typecheck import typecheck

HELP = "load and type-check a suite and list what it contains"


def register(parser: argparse.ArgumentParser) -> None:
    suite_option(parser)


def run(args: argparse.Namespace) -> int:
    loaded = load_suite(args.rules)
    typecheck(loaded.suite)
    print(describe(loaded))
    return 0
