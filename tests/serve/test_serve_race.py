"""Quotas hold under concurrency, on SQLite and on PostgreSQL, through the HTTP API.

The baseline leaves exactly 10 ha under the 319 km² cap (LAND-02).  Twenty
proposals of 1 ha are approved at once from twenty threads: exactly ten are
approved, ten refused with 409, the tenth hectare that reaches the cap exactly
is inside it, and the ledger is whole afterwards.  A withdrawal gives its
hectare back, and a repeated `Idempotency-Key` does not approve twice.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from checker.serve.db import reading
from checker.serve.ledger import verify
from checker.serve.office import Office
from tests.serve.conftest import Served, database_url, proposal, serve

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def served(request: pytest.FixtureRequest, office: Office, tmp_path: Path) -> Iterator[Served]:
    yield from serve(office, database_url(request.param, tmp_path, request))


def submit_all(served: Served, count: int, land: str = "1 ha") -> list[int]:
    with served.client("submitter") as client:
        numbers = []
        for i in range(count):
            answer = client.post("/v1/proposals", json=proposal(i, land))
            assert answer.status_code == 201, answer.text
            numbers.append(answer.json()["id"])
    return numbers


def approve_at_once(served: Served, numbers: list[int]) -> list[httpx.Response]:
    """One thread per approval, released together by a barrier."""
    barrier = threading.Barrier(len(numbers))
    answers: dict[int, httpx.Response] = {}

    def approve(number: int) -> None:
        with served.client("approver") as client:
            barrier.wait()
            answers[number] = client.post(f"/v1/proposals/{number}/approve")

    threads = [threading.Thread(target=approve, args=(n,)) for n in numbers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return [answers[n] for n in numbers]


def test_twenty_approvals_of_one_hectare_race_for_ten(served: Served) -> None:
    numbers = submit_all(served, 20)
    answers = approve_at_once(served, numbers)
    assert Counter(a.status_code for a in answers) == {200: 10, 409: 10}
    refused = next(a.json() for a in answers if a.status_code == 409)
    assert refused["diagnostics"][0]["code"] == "S832"
    assert "LAND-02 would be exceeded" in refused["diagnostics"][0]["message"]
    quota = refused["quotas"][0]
    assert (quota["exact"]["cap"], quota["exact"]["used"], quota["exact"]["share"],
            quota["exact"]["remaining"]) == ("319", "319", "0.01", "0")
    with served.client("approver") as client:
        standing = client.get("/v1/quotas").json()
        approved = client.get("/v1/proposals", params={"status": "approved"}).json()
    assert standing["quotas"][0]["exact"]["used"] == "319"
    assert standing["quotas"][0]["exact"]["remaining"] == "0"
    assert approved["total"] == 10
    with reading(served.engine) as connection:
        count, problems = verify(connection)
    assert problems == []
    assert count == 40  # 20 submissions, 10 approvals, 10 refusals


def test_a_withdrawal_gives_its_share_back(served: Served) -> None:
    numbers = submit_all(served, 11)
    with served.client("approver") as approver:
        for number in numbers[:10]:
            assert approver.post(f"/v1/proposals/{number}/approve").status_code == 200
        assert approver.post(f"/v1/proposals/{numbers[10]}/approve").status_code == 409
        withdrawn = approver.post(f"/v1/proposals/{numbers[0]}/withdraw",
                                  json={"reason": "项目取消"})
        assert withdrawn.status_code == 200
        assert withdrawn.json()["released"][0]["exact"]["share"] == "0.01"
        assert approver.post(f"/v1/proposals/{numbers[10]}/approve").status_code == 200
        assert approver.get("/v1/quotas").json()["quotas"][0]["exact"]["remaining"] == "0"


def test_the_same_idempotency_key_approves_once(served: Served) -> None:
    numbers = submit_all(served, 2)
    headers = {"Idempotency-Key": "approve-once-7f3a"}
    with served.client("approver") as approver:
        first = approver.post(f"/v1/proposals/{numbers[0]}/approve", headers=headers)
        again = approver.post(f"/v1/proposals/{numbers[0]}/approve", headers=headers)
        other = approver.post(f"/v1/proposals/{numbers[1]}/approve", headers=headers)
        plain = approver.post(f"/v1/proposals/{numbers[0]}/approve")
        ledger = approver.get("/v1/ledger").json()["entries"]
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    assert other.status_code == 422 and other.json()["diagnostics"][0]["code"] == "S833"
    assert plain.status_code == 409 and plain.json()["diagnostics"][0]["code"] == "S831"
    assert [e["action"] for e in ledger] == ["submit", "submit", "approve"]
