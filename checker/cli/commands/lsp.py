"""`plancheck lsp [--stdio]`: the language server for editors, over stdio.

The workspace folder (or the folder above an opened file that holds the `plan`
header) is the suite.  Needs the optional `lsp` extra (pygls); without it, says
what to install and exits 2.
"""

from __future__ import annotations

import argparse
import sys

from checker import __version__

HELP = "run the language server for editors (diagnostics, hover, completion … over stdio)"
NEEDED = {"pygls", "lsprotocol", "cattrs", "attrs"}


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--stdio", action="store_true",
                        help="talk over standard input and output (the default; editors' "
                        "clients pass it)")


def run(args: argparse.Namespace) -> int:
    try:
        from checker.tools.lsp.server import serve
    except ImportError as error:
        if (error.name or "").split(".")[0] not in NEEDED:
            raise
        print(f"error: `plancheck lsp` needs the language server library (`{error.name}` is "
              "not installed)\n  = help: install the `lsp` extra: "
              "pip install 'plancheck[lsp]' (in a checkout: pip install -e '.[lsp]')",
              file=sys.stderr)
        return 2
    return serve(__version__)
