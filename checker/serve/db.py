"""The ledger database: open it (SQLite or PostgreSQL), migrate it, and run transactions.

In: a database URL — `sqlite:///ledger.db` (the default, a file), or
`postgresql://user@host/db` (psycopg 3).  Out: a SQLAlchemy `Engine` at the
newest schema revision; `reading(engine)` and `writing(engine)` transactions.
A write transaction takes the one decision lock first — SQLite's write lock
(`BEGIN IMMEDIATE`), PostgreSQL's row lock on `ledger_head` (`FOR UPDATE`) —
so decisions are serialized and each one sees every decision before it: two
approvals racing for the last hectare cannot both win.  Anything that fails
inside a transaction rolls it back whole.  Problems opening the database are
diagnostics (S801, S802).  Imports sqlalchemy, alembic and `tables`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from checker.diagnostics import Diagnostic, DiagnosticError
from checker.serve.tables import ledger_head

DEFAULT_URL = "sqlite:///plancheck-ledger.db"
MIGRATIONS = Path(__file__).with_name("migrations")
_WRITE = "plancheck_write"


def now() -> str:
    """The time of an event, UTC, to the millisecond."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def open_database(url: str | None, *, migrate: bool = True) -> Engine:
    """An engine for `url`, with the schema brought to the newest revision."""
    engine = create(url or DEFAULT_URL)
    try:
        if migrate:
            upgrade(engine)
        with engine.connect() as connection:
            connection.execute(sa.select(ledger_head.c.seq)).all()
    except sa.exc.SQLAlchemyError as error:
        engine.dispose()
        raise DiagnosticError([_unreachable(url or DEFAULT_URL, error)]) from None
    return engine


def create(url: str) -> Engine:
    try:
        parsed = sa.engine.make_url(url)
    except sa.exc.ArgumentError:
        raise DiagnosticError([Diagnostic(
            "S801", f"`{url}` is not a database URL",
            help="write `sqlite:///ledger.db` or `postgresql://user@host/dbname`")]) from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite(parsed)
    if backend == "postgresql":
        return sa.create_engine(parsed.set(drivername="postgresql+psycopg"), pool_size=10,
                                max_overflow=40, pool_pre_ping=True)
    raise DiagnosticError([Diagnostic(
        "S801", f"database `{backend}` is not supported",
        help="use SQLite (`sqlite:///ledger.db`) or PostgreSQL (`postgresql://…`)")])


def _sqlite(url: sa.URL) -> Engine:
    engine = sa.create_engine(url, pool_size=10, max_overflow=40,
                              connect_args={"timeout": 60, "check_same_thread": False})

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi: Any, _record: Any) -> None:
        dbapi.isolation_level = None  # transactions are begun below, not by the driver
        cursor = dbapi.cursor()
        if url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=60000")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the schema (alembic), in one transaction: all of it or nothing."""
    from alembic import command
    from alembic.config import Config
    from alembic.util import CommandError

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect().execution_options(**{_WRITE: True}) as connection, \
            connection.begin():
        config.attributes["connection"] = connection
        try:
            command.upgrade(config, revision)
        except CommandError as error:
            raise DiagnosticError([Diagnostic(
                "S802", f"the ledger database is at a revision this plancheck does not know "
                f"({str(error).rstrip('.').lower()})",
                help="upgrade plancheck to the version that wrote this database")]) from None


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A read transaction (a consistent snapshot on PostgreSQL)."""
    with engine.connect() as connection, connection.begin():
        yield connection


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction holding the decision lock from its first statement."""
    with engine.connect().execution_options(**{_WRITE: True}) as connection, \
            connection.begin():
        query = sa.select(ledger_head.c.seq).where(ledger_head.c.id == 1)
        if engine.dialect.name != "sqlite":
            query = query.with_for_update()
        connection.execute(query).one()
        yield connection


def _unreachable(url: str, error: sa.exc.SQLAlchemyError) -> Diagnostic:
    shown = sa.engine.make_url(url).render_as_string(hide_password=True)
    reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
    return Diagnostic("S801", f"cannot open the ledger database `{shown}`: {reason.lower()}",
                      help="check the URL, that the server runs and that the user may connect; "
                      "a SQLite file is created when its folder exists")
