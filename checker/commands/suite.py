"""`plancheck suite [--rules DIR]`: load a suite and list what it contains."""

from __future__ import annotations

import argparse

from checker.commands import suite_option
from checker.suite import load_suite
from checker.summary import describe
from checker.typecheck import check_or_raise

HELP = "load and type-check a suite and list what it contains"


def register(parser: argparse.ArgumentParser) -> None:
    suite_option(parser)


def run(args: argparse.Namespace) -> int:
    loaded = load_suite(args.rules)
    check_or_raise(loaded.suite, loaded.sources)
    print(describe(loaded))
    return 0
