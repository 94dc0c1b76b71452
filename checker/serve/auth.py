"""Who is asking: bearer tokens for the API, a sign-in cookie and CSRF tokens for the pages.

In: a request's `Authorization: Bearer …` header (API) or its `plancheck_token`
cookie (pages), and the action it wants.  Out: the `Holder`, or a problem:
401 with S810 (no token) or S811 (unknown or revoked token), 403 with S812
(a role that may not do this).  The cookie is HttpOnly and SameSite=Strict
(Secure over HTTPS); page forms carry a CSRF token, an HMAC of the signed-in
token under a per-process secret, checked on every POST (S813).  Imports
fastapi/starlette, `db`, `tokens`, `problems`, `web`.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable

from fastapi import Request
from sqlalchemy.engine import Engine
from starlette.concurrency import run_in_threadpool

from checker.serve import tokens
from checker.serve.db import reading
from checker.serve.problems import one
from checker.serve.tokens import Holder
from checker.serve.web import ProblemError

COOKIE = "plancheck_token"
_SECRET = secrets.token_bytes(32)
_CHALLENGE = {"www-authenticate": 'Bearer realm="plancheck"'}


def lookup(engine: Engine, token: str) -> Holder | None:
    if not token or len(token) > 200:
        return None
    with reading(engine) as connection:
        return tokens.holder(connection, token)


def bearer(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if header is None:
        return None
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def requires(action: str) -> Callable[[Request], Awaitable[Holder]]:
    """A FastAPI dependency: the API caller's holder, allowed to do `action`."""

    async def dependency(request: Request) -> Holder:
        token = bearer(request)
        if not token:
            raise ProblemError(one(
                401, "S810", "no token: every `/v1` call needs `Authorization: Bearer <token>`",
                "create one with `plancheck token create --role submitter --db URL`"),
                _CHALLENGE)
        holder = await run_in_threadpool(lookup, request.app.state.engine, token)
        if holder is None:
            raise ProblemError(one(401, "S811", "this token is not known (or was revoked)",
                                   "create a new one with `plancheck token create`"),
                               _CHALLENGE)
        allowed(holder, action)
        return holder

    return dependency


def allowed(holder: Holder, action: str) -> None:
    if not tokens.may(holder.role, action):
        needed = " or ".join(f"`{r}`" for r in tokens.roles_for(action))
        raise ProblemError(one(403, "S812", f"a `{holder.role}` may not {_words(action)}",
                               f"this needs the role {needed}"))


def _words(action: str) -> str:
    return {"decide": "approve or refuse proposals", "submit": "submit proposals",
            "ledger": "read the ledger"}.get(action, action)


def csrf_token(token: str) -> str:
    """The form token of a signed-in session."""
    return hmac.new(_SECRET, hashlib.sha256(token.encode()).digest(), "sha256").hexdigest()


def csrf_ok(token: str, presented: str) -> bool:
    return hmac.compare_digest(csrf_token(token), presented or "")
