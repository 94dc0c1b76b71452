"""CLI commands, one module each, found by name: a module here that defines
`register(subparsers)` and `run(args) -> int` is a `plancheck` subcommand.

Commands parse arguments and call the stages; the logic lives in the stages.
A command module is imported only when it runs (or for `plancheck --help`), and
imports the stages it calls inside `run`, so that each command loads only what it
needs.  Nothing outside the CLI imports this package.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.syntax.suite import LoadedSuite
    from checker.types.typed import CheckedSuite


def names() -> list[str]:
    """Module names of the commands (`extract`), without importing them."""
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def module(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{name}")


def modules() -> list[ModuleType]:
    return [module(name) for name in names()]


def checked_suite(args: argparse.Namespace, paths: Sequence[str | Path] | None
                  ) -> tuple[LoadedSuite, CheckedSuite]:
    """The suite of `paths` loaded and type-checked, through the cache unless `--no-cache`."""
    from checker.cli.options import say
    from checker.types.cached import load_checked

    if paths:  # the bundled suite has its own note (`options.suite_paths`)
        say(args, "suite: " + ", ".join(map(str, paths)))
    return load_checked(paths, use_cache=not getattr(args, "no_cache", False))
