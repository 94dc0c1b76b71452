"""HTTP glue: replies as responses, problems as exceptions, and the app-wide error handlers.

In: a `Reply` (status and JSON body) or an exception.  Out: Starlette
responses.  Every error the app can meet — a bad parameter, an unknown path,
a refused method, a bug — is answered as diagnostics JSON (`problems`), never
as a traceback or HTML.  JSON is rendered with any lone surrogate escaped, so
no input can make a response fail to encode.  Imports fastapi/starlette and
`problems`.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, Response

from checker.diagnostics import Diagnostic
from checker.serve.problems import Reply, one, problem

LOG = logging.getLogger("plancheck.serve")


class JSON(JSONResponse):
    """JSON as UTF-8; a lone surrogate in user text is escaped instead of failing."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, allow_nan=False,
                          separators=(",", ":")).encode("utf-8", "backslashreplace")


class ProblemError(Exception):
    """Raised inside a route or dependency to answer with `reply` at once."""

    def __init__(self, reply: Reply, headers: dict[str, str] | None = None) -> None:
        super().__init__(reply.body.get("text", ""))
        self.reply = reply
        self.headers = headers or {}


def respond(reply: Reply, headers: dict[str, str] | None = None) -> Response:
    return JSON(reply.body, status_code=reply.status, headers=headers)


def install_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ProblemError, _problem)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(Exception, _internal)


async def _problem(request: Request, error: Exception) -> Response:
    assert isinstance(error, ProblemError)
    return respond(error.reply, error.headers)


async def _invalid(request: Request, error: Exception) -> Response:
    """FastAPI's own parameter validation (a path id that is no number, a limit too big)."""
    assert isinstance(error, RequestValidationError)
    found = []
    for detail in error.errors():
        where = ".".join(str(part) for part in detail.get("loc", ()) if part != "body")
        found.append(Diagnostic("S823", f"bad {where or 'request'}: "
                                f"{str(detail.get('msg', 'invalid')).lower()}",
                                help="see the parameters of this call in `/openapi.json`"))
    return respond(problem(422, found))


async def _http(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    shown = f"`{request.method} {request.url.path}`"
    if error.status_code == 404:
        reply = one(404, "S804", f"no such endpoint {shown}",
                    "the API is listed in `/openapi.json`")
    elif error.status_code == 405:
        reply = one(405, "S805", f"method not allowed: {shown}", "see `/openapi.json` for the "
                    "methods of each path")
    else:
        reply = one(error.status_code, "S806", f"{str(error.detail).lower()}: {shown}")
    return respond(reply, dict(error.headers or {}))


async def _internal(request: Request, error: Exception) -> Response:
    LOG.exception("internal error on %s %s", request.method, request.url.path)
    return respond(one(500, "S899", f"internal error: {type(error).__name__}",
                       "this is a bug in plancheck; the server log has the details"))
