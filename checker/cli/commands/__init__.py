"""CLI commands, one module each, found by name: a module here that defines
`register(subparsers)` and `run(args) -> int` is a `plancheck` subcommand.

Commands parse arguments and call the stages; the logic lives in the stages.
Nothing outside the CLI imports this package.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from types import ModuleType


def modules() -> list[ModuleType]:
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))
    return [importlib.import_module(f"{__name__}.{name}") for name in names]


def suite_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rules", metavar="DIR", action="append",
                        help="suite folder or .rules files (default: the bundled Daxing suite)")
