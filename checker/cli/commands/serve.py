"""`plancheck serve [--host H] [--port P] [--db URL] [--rules DIR] [--data FILE…]`.

Starts the approvals office (`checker.serve`): the suite is parsed and checked
once, the plan data loaded once, the ledger database migrated, then uvicorn
serves the API and the pages until interrupted.  Needs the `serve` extra.
"""

from __future__ import annotations

import argparse
import sys

from checker.cli import options
from checker.cli.commands.check import as_of_year

HELP = "run the approvals office: HTTP API, web pages and the quota ledger"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on "
                        "(default 127.0.0.1: this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    database_option(parser)
    options.suite(parser, positional=None)
    parser.add_argument("--data", nargs="+", default=[], metavar="FILE",
                        help="plan data: the baseline of aggregate rules (e.g. construction "
                        "land before the proposals)")
    parser.add_argument("--as-of", metavar="YEAR", help="evaluation year (default: the latest "
                        "year with actual data)")
    parser.add_argument("--max-body", type=int, default=1 << 20, metavar="BYTES",
                        help="largest request body accepted (default 1 MiB)")
    parser.add_argument("--log-level", default="info",
                        choices=["critical", "error", "warning", "info", "debug"])


def database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", default=None,
                        help="ledger database: sqlite:///FILE (default "
                        "sqlite:///plancheck-ledger.db) or postgresql://user@host/db")


def run(args: argparse.Namespace) -> int:
    from checker.serve import require_extra

    require_extra()
    import uvicorn

    from checker.serve.app import create_app
    from checker.serve.db import DEFAULT_URL, open_database
    from checker.serve.office import Office

    office = Office.open(options.suite_paths(args), args.data, as_of_year(args.as_of))
    engine = open_database(args.db)
    app = create_app(office, engine, max_body=args.max_body)
    shown = engine.url.render_as_string(hide_password=True) if args.db else DEFAULT_URL
    print(f"plancheck serve: http://{args.host}:{args.port}/ — suite "
          f"`{office.checked.plan.id}` ({len(office.checked.rules)} rules for proposals, "
          f"{len(office.quotas)} quota(s)), as of {office.as_of}, ledger {shown}",
          file=sys.stderr, flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level,
                server_header=False, limit_concurrency=1000)
    return 0
