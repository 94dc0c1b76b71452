"""The JSON API under `/v1`: check, proposals and decisions, quotas, the ledger.

In: HTTP requests with `Authorization: Bearer …`; bodies of proposals as JSON
(YAML too for `/v1/check`), described in the OpenAPI schema by the suite's own
record schema.  Out: the canonical result JSON, proposals, decisions, quotas,
ledger entries; every error as diagnostics JSON.  Work that reads files or the
database runs in the thread pool.  Imports fastapi/starlette and the service's
modules.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi import Path as PathParam
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from checker.data.schemas import json_schema
from checker.diagnostics import DiagnosticError
from checker.serve import intake, queries
from checker.serve.auth import requires
from checker.serve.db import reading
from checker.serve.decisions import Desk, fingerprint
from checker.serve.office import Office
from checker.serve.problems import Reply, from_error, one
from checker.serve.tokens import Holder
from checker.serve.web import JSON, ProblemError, respond

Key = Annotated[str | None, Header(alias="Idempotency-Key", pattern=r"^[\x21-\x7e]{1,200}$",
                                   description="a repeated request with the same key is "
                                   "answered with the first answer, and acts once")]
Number = Annotated[int, PathParam(ge=1, le=2**31 - 1, description="the proposal's number")]
REASON = {"type": "object", "additionalProperties": False,
          "properties": {"reason": {"type": "string", "maxLength": 2000}}}
ERRORS = {code: {"description": text, "content": {"application/json": {}}} for code, text in (
    (400, "the body cannot be read as proposals (diagnostics)"),
    (401, "no token, or an unknown one (S810, S811)"),
    (403, "the token's role may not do this (S812)"),
    (413, "the body is too large (S820)"),
    (415, "the body is not JSON or YAML (S821)"),
    (422, "proposals with bad fields or values (diagnostics)"))}


def record_schema(office: Office) -> dict[str, Any]:
    schema = json_schema(office.schema, office.checked.units)
    schema.pop("$schema", None)
    return schema


def router(office: Office) -> APIRouter:
    api = APIRouter(prefix="/v1", responses=ERRORS)  # type: ignore[arg-type]
    record = record_schema(office)
    many = {"oneOf": [record, {"type": "array", "items": record, "minItems": 1}]}

    def body_of(schema: dict[str, Any], required: bool = True) -> dict[str, Any]:
        return {"requestBody": {"required": required,
                                "content": {"application/json": {"schema": schema}}}}

    @api.post("/check", summary="check proposals (nothing is stored)",
              openapi_extra=body_of(many))
    async def check(request: Request,
                    holder: Annotated[Holder, Depends(requires("check"))]) -> Response:
        suffix = _suffix(request, allow_yaml=True)
        body = await request.body()
        return await run_in_threadpool(_check, request.app.state.office, body, suffix)

    @api.post("/proposals", status_code=201, summary="submit one proposal",
              openapi_extra=body_of(record))
    async def submit(request: Request, holder: Annotated[Holder, Depends(requires("submit"))],
                     key: Key = None) -> Response:
        _suffix(request, allow_yaml=False)
        body = await request.body()
        print_ = fingerprint("POST", request.url.path, body)
        return respond(await run_in_threadpool(_submit, request.app.state.desk, holder, body,
                                               key, print_))

    @api.get("/proposals", summary="list proposals")
    async def listing(request: Request, holder: Annotated[Holder, Depends(requires("read"))],
                      status: Literal["submitted", "approved", "rejected", "withdrawn"] |
                      None = None, limit: Annotated[int, Query(ge=1, le=500)] = 100,
                      offset: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0) -> Response:
        def read() -> dict[str, Any]:
            with reading(request.app.state.engine) as connection:
                return queries.listing(connection, status, limit, offset)
        return JSON(await run_in_threadpool(read))

    @api.get("/proposals/{number}", summary="one proposal: body, result, quotas, history")
    async def show(request: Request, holder: Annotated[Holder, Depends(requires("read"))],
                   number: Number) -> Response:
        def read() -> Reply:
            with reading(request.app.state.engine) as connection:
                found = queries.proposal(request.app.state.office, connection, number)
            return Reply(200, found) if found is not None else one(
                404, "S830", f"no proposal {number}", "list them with `GET /v1/proposals`")
        return respond(await run_in_threadpool(read))

    for action, who in (("approve", "decide"), ("reject", "decide"), ("withdraw", "withdraw")):
        api.add_api_route(f"/proposals/{{number}}/{action}", _decision(action, who),
                          methods=["POST"], summary=f"{action} a proposal",
                          openapi_extra=body_of(REASON, required=False))

    @api.get("/quotas", summary="each quota: cap, used, remaining")
    async def quotas(request: Request,
                     holder: Annotated[Holder, Depends(requires("read"))]) -> Response:
        def read() -> dict[str, Any]:
            with reading(request.app.state.engine) as connection:
                return queries.quotas(request.app.state.office, connection)
        return JSON(await run_in_threadpool(read))

    @api.get("/ledger", summary="the hash-chained history of decisions")
    async def history(request: Request, holder: Annotated[Holder, Depends(requires("ledger"))],
                      after: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0,
                      limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> Response:
        def read() -> dict[str, Any]:
            with reading(request.app.state.engine) as connection:
                return queries.entries(connection, after, limit)
        return JSON(await run_in_threadpool(read))

    @api.get("/schema", summary="the JSON Schema of one proposal")
    async def schema(holder: Annotated[Holder, Depends(requires("read"))]) -> Response:
        return JSON(record)

    return api


def _decision(action: str, who: str) -> Any:
    allowed = Depends(requires(who))  # a default, not an annotation: it names a closure

    async def decide(request: Request, number: Number, key: Key = None,
                     holder: Holder = allowed) -> Response:
        body = await request.body()
        reason = _reason(body)
        print_ = fingerprint("POST", request.url.path, body)
        desk: Desk = request.app.state.desk
        return respond(await run_in_threadpool(desk.decide, holder, action, number, reason,
                                               key, print_))

    decide.__name__ = action
    return decide


def _suffix(request: Request, *, allow_yaml: bool) -> str:
    suffix = intake.suffix_of(request.headers.get("content-type", ""))
    if suffix is None or (suffix == ".yaml" and not allow_yaml):
        kinds = "`application/json` or `application/yaml`" if allow_yaml else \
            "`application/json`"
        raise ProblemError(one(415, "S821", "the body must be " + kinds,
                               "send proposals as JSON with `Content-Type: application/json`"))
    return suffix


def _reason(body: bytes) -> str | None:
    if not body.strip():
        return None
    try:
        value = json.loads(body)
    except ValueError:
        value = None
    if not isinstance(value, dict) or set(value) - {"reason"} or not isinstance(
            value.get("reason", ""), str) or len(value.get("reason", "")) > 2000:
        raise ProblemError(one(422, "S825", "a decision's body is `{\"reason\": \"…\"}` or "
                               "nothing", "give the reason as text of at most 2,000 "
                               "characters"))
    reason = value.get("reason")
    return reason if isinstance(reason, str) else None


def _check(office: Office, body: bytes, suffix: str) -> Response:
    try:
        result, _ = office.check(body, suffix)
    except DiagnosticError as error:
        return respond(from_error(error))
    return Response(result.to_json(), media_type="application/json")


def _submit(desk: Desk, holder: Holder, body: bytes, key: str | None, print_: str) -> Reply:
    try:
        result, bodies = desk.office.check(body, ".json")
    except DiagnosticError as error:
        return from_error(error)
    if len(bodies) != 1:
        return one(422, "S822", f"a submission holds one proposal, not {len(bodies)}",
                   "submit each proposal on its own; `POST /v1/check` checks a list")
    return desk.submit(holder, bodies[0], result, key, print_)
