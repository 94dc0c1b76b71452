"""`plancheck ledger verify|recheck --db URL`: check the ledger's hash chain; what-if new rules.

`verify` recomputes every entry's hash and its link to the entry before, and
checks the head and each proposal's status and text against the ledger: exit 0
when the chain is whole, 1 (with S840–S843 diagnostics) when an entry was
edited, inserted or deleted.  `recheck --rules NEW_DIR [--data FILE…]` lists
the approved proposals the new rules would fail, and the quotas with every
approval counted: exit 0 when all still hold, 1 otherwise.  Needs the `serve`
extra.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from checker.cli import options
from checker.cli.commands.check import as_of_year
from checker.cli.commands.serve import database_option

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

HELP = "verify the ledger's hash chain, or re-check approvals against new rules"


def register(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True,
                                    parser_class=type(parser))
    verify = actions.add_parser("verify", help="detect edited, inserted or deleted entries")
    database_option(verify)
    recheck = actions.add_parser("recheck", help="approved proposals the new rules would fail")
    database_option(recheck)
    options.suite(recheck, positional=None)
    recheck.add_argument("--data", nargs="+", default=[], metavar="FILE",
                         help="plan data for the aggregate rules (the baseline)")
    recheck.add_argument("--as-of", metavar="YEAR")
    recheck.add_argument("--format", choices=["text", "json"], default="text")


def run(args: argparse.Namespace) -> int:
    from checker.serve import require_extra

    require_extra()
    from checker.serve.db import open_database

    engine = open_database(args.db)
    try:
        return _verify(engine) if args.action == "verify" else _recheck(engine, args)
    finally:
        engine.dispose()


def _verify(engine: Engine) -> int:
    from checker.diagnostics import render_all
    from checker.serve.db import reading
    from checker.serve.ledger import verify

    with reading(engine) as connection:
        count, problems = verify(connection)
    if problems:
        print(render_all(problems, {}), end="", file=sys.stderr)
        return 1
    print(f"ledger ok: {count} entr{'y' if count == 1 else 'ies'}, chain and head intact")
    return 0


def _recheck(engine: Engine, args: argparse.Namespace) -> int:
    from checker.serve.office import Office
    from checker.serve.recheck import recheck

    office = Office.open(options.suite_paths(args), args.data, as_of_year(args.as_of))
    report = recheck(office, engine)
    if args.format == "json":
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(report.text())
    return 0 if report.ok else 1
