"""`plancheck token create|list|revoke --db URL`: the bearer tokens of the approvals office.

`create --role submitter|approver|admin [--name NAME]` prints a new token once
(only its SHA-256 digest is stored); `list` shows ids, names, roles and
whether a token was revoked; `revoke ID` ends a token.  Needs the `serve` extra.
"""

from __future__ import annotations

import argparse

from checker.cli.commands.serve import database_option

HELP = "create, list or revoke the tokens of the approvals office"
ROLES = ("submitter", "approver", "admin")


def register(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True,
                                    parser_class=type(parser))
    create = actions.add_parser("create", help="print a new token")
    create.add_argument("--role", required=True, choices=ROLES,
                        help="submitter: check and submit; approver: also approve and refuse; "
                        "admin: everything")
    create.add_argument("--name", default=None, help="who holds it (default: the role)")
    database_option(create)
    listing = actions.add_parser("list", help="list the tokens (never their text)")
    database_option(listing)
    revoke = actions.add_parser("revoke", help="revoke a token by its id")
    revoke.add_argument("id", type=int)
    database_option(revoke)


def run(args: argparse.Namespace) -> int:
    from checker.serve import require_extra

    require_extra()
    from checker.diagnostics import Diagnostic, DiagnosticError
    from checker.serve import tokens
    from checker.serve.db import open_database, writing

    engine = open_database(args.db)
    try:
        with writing(engine) as connection:
            if args.action == "create":
                _number, token = tokens.create(connection, args.role, args.name or args.role)
                print(token)
                return 0
            if args.action == "list":
                for row in tokens.listing(connection):
                    state = f"revoked {row['revoked_at']}" if row["revoked_at"] else "active"
                    print(f"{row['id']}\t{row['role']}\t{row['name']}\t{row['created_at']}\t"
                          f"{state}")
                return 0
            if not tokens.revoke(connection, args.id):
                raise DiagnosticError([Diagnostic("S811", f"no active token {args.id}",
                                                  help="see `plancheck token list`")])
            print(f"revoked token {args.id}")
            return 0
    finally:
        engine.dispose()
