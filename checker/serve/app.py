"""The ASGI app: the office, the ledger database, the API, the pages, and their limits.

In: an `Office` (suite and plan data, loaded once) and an `Engine` (the
ledger, migrated).  Out: a FastAPI app — `/healthz`, the API under `/v1`
(OpenAPI at `/openapi.json`), the officer's pages and their static files —
behind the body limit and the security headers.  No CORS middleware: other
origins get no access.  `serve` runs it on uvicorn.  Imports fastapi, uvicorn
and the service's modules.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from sqlalchemy.engine import Engine
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from checker import __version__
from checker.serve import api, pages
from checker.serve.decisions import Desk
from checker.serve.limits import DEFAULT_LIMIT, BodyLimit, SecurityHeaders
from checker.serve.office import Office
from checker.serve.problems import one
from checker.serve.web import JSON, install_handlers, respond

STATIC = Path(__file__).with_name("static")


def create_app(office: Office, engine: Engine, *, max_body: int = DEFAULT_LIMIT) -> Any:
    """The app, wrapped in its middleware (an ASGI callable)."""
    app = FastAPI(title="plancheck approvals office", version=__version__,
                  description=f"Proposals checked against `{office.checked.plan.id}`; "
                  "approvals consume the plan's quotas. Errors are diagnostics.",
                  docs_url=None, redoc_url=None, default_response_class=JSON)
    app.state.office, app.state.engine = office, engine
    app.state.desk = Desk(office, engine)
    install_handlers(app)
    app.include_router(api.router(office))
    app.include_router(pages.router(office))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/healthz", summary="200 when the suite and the database are ready")
    async def healthz(request: Request) -> Response:
        def probe() -> Response:
            try:
                with engine.connect() as connection:
                    connection.execute(sa.select(1)).one()
            except sa.exc.SQLAlchemyError:
                return respond(one(503, "S803", "the ledger database does not answer",
                                   "check the database server"))
            return JSON({"status": "ok", "suite": office.checked.plan.id,
                         "rules": len(office.checked.rules), "quotas": len(office.quotas),
                         "database": engine.dialect.name, "as_of": office.as_of,
                         "suite_digest": office.suite_digest,
                         "data_digest": office.data_digest})
        return await run_in_threadpool(probe)

    return SecurityHeaders(BodyLimit(app, max_body))
