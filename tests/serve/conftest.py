"""Fixtures of the service tests: a real uvicorn server on 127.0.0.1, SQLite and PostgreSQL.

`Served` is a running server (uvicorn, a free port, in a thread of the test
process) with its own ledger database and tokens of each role, made the way
`plancheck token create` makes them.  `pg_url` is a PostgreSQL server:
`PLANCHECK_TEST_PG_URL` when set (`.ci/run` starts one), else a throwaway one
started here (`postgres.py`); the tests that need it are skipped, saying why,
only when neither works.  Each database a test asks for is new.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

pytest.importorskip("fastapi", reason="the service tests need the `serve` extra")

import uvicorn
from sqlalchemy.engine import Engine

from checker.serve import tokens
from checker.serve.app import create_app
from checker.serve.db import open_database, writing
from checker.serve.office import Office
from tests.serve import postgres

HERE = Path(__file__).resolve().parent
BASELINE = HERE / "data" / "baseline-10ha.csv"  # 318.9 km²: exactly 10 ha under 319 km²


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Served:
    base: str
    engine: Engine
    url: str
    tokens: dict[str, str] = field(default_factory=dict)

    def client(self, role: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {self.tokens[role]}"} if role else {}
        return httpx.Client(base_url=self.base, headers=headers, timeout=60)

    def token(self, role: str, name: str | None = None) -> str:
        with writing(self.engine) as connection:
            return tokens.create(connection, role, name or role)[1]


@pytest.fixture(scope="session")
def office() -> Office:
    """The bundled Daxing suite with a baseline 10 ha under the construction-land cap."""
    return Office.open(None, [BASELINE])


def serve(office: Office, url: str, **options: int) -> Iterator[Served]:
    engine = open_database(url)
    app = create_app(office, engine, **options)
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                            limit_concurrency=1000)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not server.started:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    served = Served(base, engine, url)
    served.tokens = {role: served.token(role) for role in tokens.ROLES}
    try:
        yield served
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        engine.dispose()


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    given = os.environ.get("PLANCHECK_TEST_PG_URL")
    if given:
        yield given
        return
    folder = tmp_path_factory.mktemp("postgres")
    try:
        url = postgres.start(folder)
    except postgres.Unavailable as problem:
        pytest.skip(f"no PostgreSQL server for the ledger tests: {problem}; "
                    "set PLANCHECK_TEST_PG_URL or install Debian's `postgresql`")
    try:
        yield url
    finally:
        postgres.stop(folder)


@pytest.fixture
def new_pg_database(pg_server: str) -> Callable[[], str]:
    """Makes a new, empty database on the server; its URL."""
    import psycopg

    def make() -> str:
        name = f"plancheck_{uuid.uuid4().hex[:12]}"
        try:
            with psycopg.connect(pg_server, autocommit=True, connect_timeout=10) as admin:
                admin.execute(f'CREATE DATABASE "{name}"')
        except psycopg.OperationalError as error:
            pytest.skip(f"PostgreSQL at {pg_server} cannot be reached: {error}")
        return pg_server.rsplit("/", 1)[0] + "/" + name

    return make


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ledger.db'}"


def database_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / f'ledger-{uuid.uuid4().hex[:6]}.db'}"
    make: Callable[[], str] = request.getfixturevalue("new_pg_database")
    return make()


def proposal(number: int | str, land: str = "1 ha", **fields: object) -> dict[str, object]:
    """A proposal that no record rule refuses, with `land` of new construction land."""
    return {"id": f"P-{number}", "name": f"项目 {number}", "new_construction_land": land,
            "occupies_permanent_basic_farmland": False, "in_ecological_red_line": False,
            "in_strategic_reserve": False, **fields}
