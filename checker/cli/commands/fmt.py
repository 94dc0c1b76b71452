"""`plancheck fmt [--check] PATH…`: rewrite .rules files in the canonical layout."""

from __future__ import annotations

import argparse
from pathlib import Path

from checker.tools.fmt import format_paths

HELP = "format .rules files in the canonical layout"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of .rules")
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 when a file is not formatted")


def run(args: argparse.Namespace) -> int:
    changed = format_paths([Path(p) for p in args.paths], check=args.check)
    for path in changed:
        print(f"{'would reformat' if args.check else 'reformatted'} {path}")
    return 1 if args.check and changed else 0
