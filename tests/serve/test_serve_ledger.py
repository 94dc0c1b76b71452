"""The ledger database on SQLite and PostgreSQL: migrations, the hash chain, transactions.

The migrations build exactly the tables `tables.py` declares; an old database
is upgraded without losing an entry; `verify` finds an edited, a deleted and
an inserted entry, a deleted tail and a status changed by hand; a decision that
fails midway leaves the ledger as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from checker.diagnostics import DiagnosticError
from checker.serve import db, ledger, tokens
from checker.serve.decisions import Desk
from checker.serve.office import Office
from checker.serve.tables import metadata
from tests.serve.conftest import database_url, proposal

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return database_url(request.param, tmp_path, request)


def columns(engine: sa.engine.Engine) -> dict[str, set[tuple[str, bool]]]:
    found = sa.inspect(engine)
    return {table: {(c["name"], bool(c["nullable"])) for c in found.get_columns(table)}
            for table in found.get_table_names() if table != "alembic_version"}


def test_the_migrations_build_the_declared_tables(url: str) -> None:
    engine = db.open_database(url)
    declared = {table.name: {(c.name, bool(c.nullable)) for c in table.columns}
                for table in metadata.sorted_tables}
    assert columns(engine) == declared
    engine.dispose()


def test_an_old_ledger_is_upgraded_without_losing_an_entry(url: str) -> None:
    engine = db.create(url)
    db.upgrade(engine, "0001")
    assert "idempotency" not in sa.inspect(engine).get_table_names()
    with db.writing(engine) as connection:
        holder_id, _ = tokens.create(connection, "admin", "老管理员")
        for number in range(3):
            ledger.append(connection, actor=f"老管理员 (admin #{holder_id})", action="note",
                          proposal_id=None, payload={"n": number}, suite_digest="s",
                          data_digest="d")
    engine.dispose()
    upgraded = db.open_database(url)
    with db.reading(upgraded) as connection:
        count, problems = ledger.verify(connection)
    assert (count, problems) == (3, [])
    assert "idempotency" in sa.inspect(upgraded).get_table_names()
    upgraded.dispose()


def test_a_database_from_a_newer_plancheck_is_a_diagnostic(url: str) -> None:
    engine = db.open_database(url)
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(DiagnosticError) as raised:
        db.open_database(url)
    assert raised.value.diagnostics[0].code == "S802"


def test_a_bad_url_is_a_diagnostic() -> None:
    for url in ("nonsense", "mysql://localhost/x", "postgresql://nobody@127.0.0.1:1/none"):
        with pytest.raises(DiagnosticError) as raised:
            db.open_database(url)
        assert raised.value.diagnostics[0].code == "S801"


def filled(office: Office, url: str) -> tuple[sa.engine.Engine, int]:
    engine = db.open_database(url)
    desk = Desk(office, engine)
    with db.writing(engine) as connection:
        holder = tokens.holder(connection, tokens.create(connection, "admin", "审批员")[1])
    assert holder is not None
    for number in range(3):
        body = proposal(number)
        result, _ = office.check(ledger.canonical(body).encode(), ".json")
        reply = desk.submit(holder, body, result, None, f"print-{number}")
        desk.decide(holder, "approve", reply.body["id"], None, None, f"approve-{number}")
    return engine, holder.id


@pytest.mark.parametrize(("edit", "code"), [
    ("UPDATE ledger SET payload = '{}' WHERE seq = 2", "S840"),
    ("DELETE FROM ledger WHERE seq = 3", "S841"),
    ("DELETE FROM ledger WHERE seq = 6", "S842"),
    ("UPDATE proposals SET status = 'submitted' WHERE id = 1", "S843"),
    ("UPDATE proposals SET body = '{\"id\": \"P-forged\"}' WHERE id = 2", "S843"),
    ("INSERT INTO ledger SELECT seq + 100, at, actor, action, proposal_id, payload, "
     "suite_digest, data_digest, prev_hash, hash FROM ledger WHERE seq = 1", "S841"),
])
def test_verify_finds_every_kind_of_tampering(office: Office, url: str, edit: str,
                                              code: str) -> None:
    engine, _ = filled(office, url)
    with db.reading(engine) as connection:
        assert ledger.verify(connection) == (6, [])
    with engine.begin() as connection:
        connection.execute(sa.text(edit))
    with db.reading(engine) as connection:
        _, problems = ledger.verify(connection)
    assert code in {p.code for p in problems}
    engine.dispose()


def test_a_decision_that_fails_midway_leaves_the_ledger_as_it_was(office: Office,
                                                                  url: str) -> None:
    engine, _ = filled(office, url)
    with db.reading(engine) as connection:
        before = ledger.entries(connection)
    with pytest.raises(RuntimeError), db.writing(engine) as connection:
        ledger.append(connection, actor="x", action="approve", proposal_id=1, payload={},
                      suite_digest="s", data_digest="d")
        connection.execute(sa.text("UPDATE proposals SET status = 'approved'"))
        raise RuntimeError("the server died here")
    with db.reading(engine) as connection:
        assert ledger.entries(connection) == before
        assert ledger.verify(connection)[1] == []
    engine.dispose()
