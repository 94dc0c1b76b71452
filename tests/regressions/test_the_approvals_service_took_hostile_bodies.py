"""The approvals service against hostile bodies, through the real server (uvicorn).

Bodies over the limit without a declared length (streamed), content types that are not
the API's, JSON with a key twice (which `json.loads` would read as the last one:
a silent coercion), nesting too deep for a recursive reader, numbers past a float
(1e400) and bidirectional controls in a name: each is a 4xx with a diagnostic, never a
5xx, and a name is never shown raw in a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

pytest.importorskip("fastapi", reason="the service tests need the `serve` extra")

from checker.serve.office import Office
from tests.serve.conftest import BASELINE, Served, proposal, serve

BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
JSON = {"content-type": "application/json"}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder: Path = tmp_path_factory.mktemp("hostile")
    yield from serve(Office.open(None, [BASELINE]), f"sqlite:///{folder / 'ledger.db'}")


def diagnosed(answer: httpx.Response, status: int) -> None:
    assert answer.status_code == status, (answer.status_code, answer.text[:500])
    assert answer.json()["diagnostics"][0]["code"].startswith("S")


def test_a_streamed_body_over_the_limit_is_413(served: Served) -> None:
    def chunks() -> Iterator[bytes]:
        yield b"["
        for _ in range(40):
            yield b" " * 65536
        yield b"]"

    with served.client("submitter") as client:
        diagnosed(client.post("/v1/check", content=chunks(), headers=JSON), 413)


@pytest.mark.parametrize("kind", ["text/html", "multipart/form-data; boundary=x",
                                  "application/x-www-form-urlencoded", "application/xml",
                                  "application/json;charset=latin-1x", "", "application/jsonx"])
def test_a_content_type_not_the_apis_is_415(served: Served, kind: str) -> None:
    with served.client("submitter") as client:
        answer = client.post("/v1/proposals", content=b'{"id": "x"}',
                             headers={"content-type": kind})
    assert answer.status_code in (415, 422), (kind, answer.status_code, answer.text[:300])
    assert answer.json()["diagnostics"]


def test_a_key_given_twice_is_refused(served: Served) -> None:
    body = (b'{"id": "D-1", "occupies_permanent_basic_farmland": true, '
            b'"occupies_permanent_basic_farmland": false, "in_ecological_red_line": false}')
    with served.client("submitter") as client:
        answer = client.post("/v1/check", content=body, headers=JSON)
    assert answer.status_code == 422, answer.text[:500]


@pytest.mark.parametrize("depth", [1000, 100000])
def test_deep_nesting_is_refused_without_a_server_error(served: Served, depth: int) -> None:
    body = b'{"id": "N", "name": ' + b"[" * depth + b"]" * depth + b"}"
    with served.client("submitter") as client:
        answer = client.post("/v1/check", content=body, headers=JSON)
    diagnosed(answer, 422)
    assert answer.json()["diagnostics"][0]["code"] == "S827"


@pytest.mark.parametrize("value", ["1e400", "-1e400", "NaN", "Infinity", "1e-400"])
def test_a_number_past_a_float_is_refused(served: Served, value: str) -> None:
    body = ('{"id": "F", "occupies_permanent_basic_farmland": false, '
            f'"in_ecological_red_line": false, "new_construction_land": {value}}}')
    with served.client("submitter") as client:
        answer = client.post("/v1/check", content=body.encode(), headers=JSON)
    assert answer.status_code == 422, (value, answer.text[:500])
    assert answer.json()["diagnostics"][0]["code"].startswith(("S826", "D3"))


def test_a_bidi_name_is_never_shown_raw(served: Served) -> None:
    hostile = proposal("bidi", name="\u202eevil\u2066x\u2069 <script>alert(1)</script>")
    hostile["id"] = "B\u202e-1"
    with served.client("submitter") as client:
        made = client.post("/v1/proposals", json=hostile)
    assert made.status_code < 500, made.text[:500]
    with served.client("approver") as client:
        pages = [client.get("/v1/proposals"), client.get("/")]
        if made.status_code < 300:
            number = made.json().get("number") or made.json().get("id")
            pages.append(client.get(f"/v1/proposals/{number}"))
    for page in pages:
        assert page.status_code < 500, page.text[:500]
        if "html" in page.headers.get("content-type", ""):
            assert "<script>alert" not in page.text
            assert BIDI.search(page.text) is None, page.text[:500]
