"""Where a command's report goes: standard output or `-o FILE`, written whole.

One function for every command that writes findings (lint, analyze, test), so `-o`,
`-o -` and the refusal to write over an input behave the same in each.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path

from checker.cli.output import OutputCodes, write_output

CODES = OutputCodes(cannot_write="C710", names_an_input="C711")


def emit(args: argparse.Namespace, text: str, inputs: Iterable[str | Path]) -> None:
    write_output(getattr(args, "output", None), text, [p for p in inputs if p != "<prelude>"],
                 CODES)
