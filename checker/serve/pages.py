"""The officer's pages: sign-in, the proposal form, the verdict, the queue, the quotas.

In: browser requests; the signed-in token in an HttpOnly, SameSite=Strict
cookie; forms carrying a CSRF token.  Out: server-rendered HTML (Jinja2, no
script, no build step) in Chinese or English (`/lang/en`).  Every action goes
through the same `Desk` and `Office` as the API — a form is turned into the
JSON body the API would get, and its diagnostics are shown at their fields —
so a page can do nothing the API would not allow.  Imports fastapi/starlette,
jinja2 and the service's modules.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, RedirectResponse, Response

from checker.diagnostics import DiagnosticError
from checker.serve import auth, forms, i18n, queries, views
from checker.serve.db import reading
from checker.serve.decisions import fingerprint
from checker.serve.office import Office
from checker.serve.problems import from_error
from checker.serve.tokens import Holder, may

LANG_COOKIE = "plancheck_lang"
ACTIONS = {"approve": "decide", "reject": "decide", "withdraw": "withdraw"}


def router(office: Office) -> APIRouter:
    pages = APIRouter(include_in_schema=False)
    env = views.environment()
    fields = forms.fields_of(office.schema, office.checked.units)

    def render(request: Request, name: str, holder: Holder | None, status: int = 200,
               **values: Any) -> HTMLResponse:
        language = i18n.pick(request.cookies.get(LANG_COOKIE))
        token = request.cookies.get(auth.COOKIE, "")
        html = env.get_template(name).render(
            **views.globals_for(language), holder=holder, path=request.url.path,
            csrf=auth.csrf_token(token) if holder else "", plan=office.checked.plan,
            may=lambda action: holder is not None and may(holder.role, action), **values)
        return HTMLResponse(html, status_code=status)

    def refuse(request: Request, holder: Holder | None, status: int, title: str, code: str,
               text: str) -> HTMLResponse:
        """A page saying no, with the code the API would answer."""
        return render(request, "message.html", holder, status, title=title, text=f"{code}: {text}")

    async def signed_in(request: Request) -> Holder | None:
        token = request.cookies.get(auth.COOKIE)
        if not token:
            return None
        return await run_in_threadpool(auth.lookup, request.app.state.engine, token)

    def to_signin(request: Request) -> Response:
        return RedirectResponse(f"/signin?next={quote(request.url.path)}", status_code=303)

    async def checked_form(request: Request, holder: Holder) -> dict[str, str] | Response:
        form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
        if not auth.csrf_ok(request.cookies.get(auth.COOKIE, ""), form.get("csrf", "")):
            return refuse(request, holder, 403, "forbidden", "S813",
                          "this form is stale or came from another site; "
                          "reload the page and try again")
        return form

    @pages.get("/")
    async def home(request: Request) -> Response:
        holder = await signed_in(request)
        return RedirectResponse("/queue" if holder else "/signin", status_code=303)

    @pages.get("/signin")
    async def signin_page(request: Request, next: str = "/queue") -> Response:
        return render(request, "signin.html", None, next=_local(next), failed=False)

    @pages.post("/signin")
    async def signin(request: Request) -> Response:
        form = await request.form()
        token, target = str(form.get("token", "")).strip(), _local(str(form.get("next", "")))
        holder = await run_in_threadpool(auth.lookup, request.app.state.engine, token)
        if holder is None:
            return render(request, "signin.html", None, 401, next=target, failed=True)
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(auth.COOKIE, token, httponly=True, samesite="strict",
                            secure=request.url.scheme == "https", path="/")
        return response

    @pages.post("/signout")
    async def signout(request: Request) -> Response:
        holder = await signed_in(request)
        if holder is not None:
            form = await checked_form(request, holder)
            if isinstance(form, Response):
                return form
        response = RedirectResponse("/signin", status_code=303)
        response.delete_cookie(auth.COOKIE, path="/")
        return response

    @pages.get("/lang/{language}")
    async def language(request: Request, language: str, next: str = "/") -> Response:
        response = RedirectResponse(_local(next), status_code=303)
        response.set_cookie(LANG_COOKIE, i18n.pick(language), samesite="strict", path="/")
        return response

    @pages.get("/queue")
    async def queue(request: Request, status: str = "submitted") -> Response:
        holder = await signed_in(request)
        if holder is None:
            return to_signin(request)
        shown = status if status in queries.STATUSES else None

        def read() -> dict[str, Any]:
            with reading(request.app.state.engine) as connection:
                return queries.listing(connection, shown, 500, 0)
        return render(request, "queue.html", holder, listing=await run_in_threadpool(read),
                      current=shown or "all", statuses=queries.STATUSES)

    @pages.get("/proposals/new")
    async def new(request: Request) -> Response:
        holder = await signed_in(request)
        if holder is None:
            return to_signin(request)
        return render(request, "form.html", holder, fields=fields, values={}, problems={},
                      general=[])

    @pages.post("/proposals/new")
    async def create(request: Request) -> Response:
        holder = await signed_in(request)
        if holder is None:
            return to_signin(request)
        form = await checked_form(request, holder)
        if isinstance(form, Response):
            return form
        if not may(holder.role, "submit"):
            return refuse(request, holder, 403, "forbidden", "S812",
                          f"a `{holder.role}` may not submit proposals")
        body = forms.body_from(form, fields)
        text = forms.body_text(body).encode("utf-8")
        reply = await run_in_threadpool(_submit_form, request, holder, text)
        if reply["status"] == 201:
            return RedirectResponse(f"/proposals/{reply['body']['id']}", status_code=303)
        problems, general = _placed(reply["body"].get("diagnostics", []), body)
        return render(request, "form.html", holder, 422, fields=fields,
                      values=forms.values_of(form, fields), problems=problems, general=general)

    @pages.get("/proposals/{number}")
    async def verdict(request: Request, number: int, done: str = "") -> Response:
        holder = await signed_in(request)
        if holder is None:
            return to_signin(request)

        def read() -> dict[str, Any] | None:
            with reading(request.app.state.engine) as connection:
                return queries.proposal(office, connection, number)
        found = await run_in_threadpool(read)
        if found is None:
            return refuse(request, holder, 404, "not_found", "S830",
                          f"no proposal {number}")
        look, passed = views.findings(found["result"])
        return render(request, "verdict.html", holder, p=found, look=look, passed=passed,
                      gauges=[views.gauge(q) for q in found["quotas"]],
                      history=views.history(found["history"]), done=done)

    @pages.post("/proposals/{number}/{action}")
    async def decide(request: Request, number: int, action: str) -> Response:
        holder = await signed_in(request)
        if holder is None:
            return to_signin(request)
        form = await checked_form(request, holder)
        if isinstance(form, Response):
            return form
        if action not in ACTIONS or not may(holder.role, ACTIONS[action]):
            return refuse(request, holder, 403, "forbidden", "S812",
                          f"a `{holder.role}` may not {action} proposals")
        reason = form.get("reason", "").strip()[:2000] or None
        print_ = fingerprint("POST", request.url.path, json.dumps(form).encode())
        reply = await run_in_threadpool(request.app.state.desk.decide, holder, action, number,
                                        reason, None, print_)
        outcome = "refused" if reply.status == 409 and action == "approve" else (
            "done" if reply.status == 200 else "failed")
        return RedirectResponse(f"/proposals/{number}?done={outcome}", status_code=303)

    @pages.get("/quotas")
    async def quotas(request: Request, proposal: int | None = None) -> Response:
        holder = await signed_in(request)
        if holder is None:
            return to_signin(request)

        def read() -> dict[str, Any]:
            with reading(request.app.state.engine) as connection:
                body = None
                if proposal is not None:
                    found = queries.proposal(office, connection, proposal)
                    body = found["body"] if found else None
                return queries.quotas(office, connection, proposal if body else None, body)
        standing = await run_in_threadpool(read)
        return render(request, "quotas.html", holder, standing=standing, proposal=proposal,
                      gauges=[views.gauge(q) for q in standing["quotas"]])

    return pages


def _submit_form(request: Request, holder: Holder, text: bytes) -> dict[str, Any]:
    desk = request.app.state.desk
    try:
        result, bodies = desk.office.check(text, ".json")
    except DiagnosticError as error:
        reply = from_error(error)
    else:
        reply = desk.submit(holder, bodies[0], result, None,
                            fingerprint("POST", "/proposals/new", text))
    return {"status": reply.status, "body": reply.body}


def _placed(diagnostics: list[dict[str, Any]], body: dict[str, Any]
            ) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]]]:
    """Diagnostics by the field they are about (from their line, else the name they quote)."""
    placed: dict[str, list[dict[str, Any]]] = {}
    general: list[dict[str, Any]] = []
    for diagnostic in diagnostics:
        name = forms.field_at_line(body, diagnostic.get("line") or 0)
        if name is None:
            quoted = diagnostic["message"].split("`")
            name = quoted[1] if len(quoted) > 2 else None
        if name is None:
            general.append(diagnostic)
        else:
            placed.setdefault(name, []).append(diagnostic)
    return placed, general


def _local(target: str) -> str:
    """A redirect target on this site only (no scheme, no host, no `//`)."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/queue"
    return target
