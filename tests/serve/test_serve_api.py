"""The JSON API through an HTTP client against a running uvicorn server (SQLite ledger).

Who may do what (401, 403), checks that answer what `plancheck check --format
json` answers, bad bodies answered with the very diagnostics the CLI prints,
limits (413, 415), no CORS, proposals, decisions and the ledger.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from checker.cli.main import main
from checker.serve.office import Office
from tests.serve.conftest import BASELINE, Served, proposal, serve

FARMLAND = proposal("farm", occupies_permanent_basic_farmland=True)


@pytest.fixture(scope="module")
def served(office: Office, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    yield from serve(office, f"sqlite:///{tmp_path_factory.mktemp('api') / 'ledger.db'}")


def cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_healthz(served: Served) -> None:
    answer = httpx.get(served.base + "/healthz")
    assert answer.status_code == 200
    assert answer.json()["status"] == "ok" and answer.json()["quotas"] == 1


@pytest.mark.parametrize("path", ["/v1/check", "/v1/proposals", "/v1/proposals/1/approve"])
def test_no_token_is_401(served: Served, path: str) -> None:
    with served.client() as client:
        answer = client.post(path, json=FARMLAND)
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"].startswith("Bearer")
    assert answer.json()["diagnostics"][0]["code"] == "S810"


def test_an_unknown_token_is_401(served: Served) -> None:
    answer = httpx.get(served.base + "/v1/quotas", headers={"Authorization": "Bearer pc_nope"})
    assert answer.status_code == 401 and answer.json()["diagnostics"][0]["code"] == "S811"


def test_a_submitter_approving_is_403(served: Served) -> None:
    with served.client("submitter") as client:
        number = client.post("/v1/proposals", json=proposal("s")).json()["id"]
        answer = client.post(f"/v1/proposals/{number}/approve")
        ledger = client.get("/v1/ledger")
        status = client.get(f"/v1/proposals/{number}").json()["status"]
    assert answer.status_code == 403
    first = answer.json()["diagnostics"][0]
    assert first["code"] == "S812" and "`approver` or `admin`" in first["help"]
    assert ledger.status_code == 403 and status == "submitted"


def test_check_reports_farmland_as_the_cli_does(served: Served, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    with served.client("submitter") as client:
        answer = client.post("/v1/check", json=FARMLAND)
    assert answer.status_code == 200
    result = answer.json()
    farm = next(o for o in result["outcomes"] if o["rule"] == "FARM-01")
    assert (farm["outcome"], farm["severity"], farm["subject"]) == ("fail", "error", "P-farm")
    assert result["summary"]["exit_code"] == 1
    monkeypatch.chdir(tmp_path)
    (tmp_path / "request.json").write_text(json.dumps(FARMLAND), encoding="utf-8")
    code, out, _ = cli(["check", "request.json", str(BASELINE), "--format", "json"], capsys)
    assert code == 1
    expected = json.loads(out)
    judged = {r["id"] for r in result["rules"]}
    assert [o for o in expected["outcomes"] if o["rule"] in judged] == result["outcomes"]


@pytest.mark.parametrize(("body", "status"), [
    (b'{"id": "x", "new_construction_land": "1 ha"', 400),
    (b'{"id": "x", "new_construction_lnd": "1 ha", "occupies_permanent_basic_farmland": '
     b'"maybe"}', 422),
    (b"[]", 400),
    (b"42", 400),
])
def test_a_bad_body_gets_the_diagnostics_the_cli_prints(
        served: Served, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, body: bytes, status: int) -> None:
    with served.client("submitter") as client:
        answer = client.post("/v1/check", content=body,
                             headers={"content-type": "application/json"})
    assert answer.status_code == status
    monkeypatch.chdir(tmp_path)
    (tmp_path / "request.json").write_bytes(body)
    code, _, err = cli(["check", "request.json"], capsys)
    assert code == 2
    assert answer.json()["text"] == err
    first = answer.json()["diagnostics"][0]
    assert first["code"].startswith("D3") and first["rendered"] in err


def test_yaml_can_be_checked(served: Served) -> None:
    text = "id: Y-1\noccupies_permanent_basic_farmland: 是\nin_ecological_red_line: 否\n"
    with served.client("approver") as client:
        answer = client.post("/v1/check", content=text.encode(),
                             headers={"content-type": "application/yaml"})
    assert answer.status_code == 200
    assert any(o["rule"] == "FARM-01" and o["outcome"] == "fail"
               for o in answer.json()["outcomes"])


def test_limits(served: Served) -> None:
    with served.client("submitter") as client:
        big = client.post("/v1/check", content=b"[" + b" " * (2 << 20) + b"]",
                          headers={"content-type": "application/json"})
        plain = client.post("/v1/check", content=b"id: x", headers={"content-type":
                                                                   "text/plain"})
        yaml_submit = client.post("/v1/proposals", content=b"id: x",
                                  headers={"content-type": "application/yaml"})
        two = client.post("/v1/proposals", json=[proposal(1), proposal(2)])
        nowhere = client.get("/v2/nothing")
        bad_id = client.get("/v1/proposals/abc")
    assert big.status_code == 413 and big.json()["diagnostics"][0]["code"] == "S820"
    assert plain.status_code == 415 and yaml_submit.status_code == 415
    assert two.status_code == 422 and two.json()["diagnostics"][0]["code"] == "S822"
    assert nowhere.status_code == 404 and nowhere.json()["diagnostics"][0]["code"] == "S804"
    assert bad_id.status_code == 422 and bad_id.json()["diagnostics"][0]["code"] == "S823"


@pytest.mark.parametrize("value", ['"1e99999 ha"', '"' + "1" * 400 + ' ha"', "1" * 5000])
def test_numbers_too_large_to_read_are_refused_at_once(served: Served, value: str) -> None:
    body = ('{"id": "N", "occupies_permanent_basic_farmland": false, '
            f'"in_ecological_red_line": false, "new_construction_land": {value}}}')
    with served.client("submitter") as client:
        answer = client.post("/v1/check", content=body.encode(),
                             headers={"content-type": "application/json"})
    assert answer.status_code == 422 and answer.json()["diagnostics"][0]["code"] == "S826"


def test_text_that_cannot_be_stored_is_refused(served: Served) -> None:
    with served.client("submitter") as client:
        answer = client.post("/v1/proposals", content=b'{"id": "\\ud800", '
                             b'"occupies_permanent_basic_farmland": false, '
                             b'"in_ecological_red_line": false}',
                             headers={"content-type": "application/json"})
    assert answer.status_code == 422 and answer.json()["diagnostics"][0]["code"] == "S824"


def test_cors_is_closed(served: Served) -> None:
    origin = {"Origin": "https://elsewhere.example"}
    preflight = httpx.options(served.base + "/v1/check", headers={
        **origin, "Access-Control-Request-Method": "POST"})
    simple = httpx.get(served.base + "/healthz", headers=origin)
    for answer in (preflight, simple):
        assert "access-control-allow-origin" not in answer.headers
    assert simple.headers["x-frame-options"] == "DENY"
    assert "default-src 'self'" in simple.headers["content-security-policy"]


def test_a_proposal_from_submission_to_refusal(served: Served) -> None:
    with served.client("submitter") as submitter, served.client("approver") as approver:
        created = submitter.post("/v1/proposals", json=FARMLAND)
        assert created.status_code == 201
        number = created.json()["id"]
        refused = approver.post(f"/v1/proposals/{number}/approve")
        assert refused.status_code == 409
        assert "FARM-01 fails" in refused.json()["diagnostics"][0]["message"]
        rejected = approver.post(f"/v1/proposals/{number}/reject", json={"reason": "占用基本农田"})
        assert rejected.json()["status"] == "rejected"
        shown = submitter.get(f"/v1/proposals/{number}").json()
        listed = submitter.get("/v1/proposals", params={"status": "rejected"}).json()
    assert [h["action"] for h in shown["history"]] == ["submit", "refuse", "reject"]
    assert shown["history"][-1]["payload"]["reason"] == "占用基本农田"
    assert shown["result"]["summary"]["errors"] >= 1
    assert number in [p["id"] for p in listed["proposals"]]


def test_a_submitter_withdraws_only_its_own(served: Served) -> None:
    other = served.token("submitter", "另一家公司")
    with served.client("submitter") as owner, httpx.Client(
            base_url=served.base, headers={"Authorization": f"Bearer {other}"}) as stranger:
        number = owner.post("/v1/proposals", json=proposal("w")).json()["id"]
        assert stranger.post(f"/v1/proposals/{number}/withdraw").status_code == 403
        assert owner.post(f"/v1/proposals/{number}/withdraw").json()["status"] == "withdrawn"
        assert owner.post(f"/v1/proposals/{number}/withdraw").status_code == 409


def test_the_ledger_is_chained_and_verify_finds_an_edit(
        served: Served, capsys: pytest.CaptureFixture[str]) -> None:
    with served.client("admin") as admin:
        admin.post("/v1/proposals", json=proposal("ledger"))
        entries = admin.get("/v1/ledger", params={"limit": 1000}).json()
    chain = entries["entries"]
    assert all(b["prev_hash"] == a["hash"] for a, b in itertools.pairwise(chain))
    assert entries["head"]["hash"] == chain[-1]["hash"]
    code, out, _ = cli(["ledger", "verify", "--db", served.url], capsys)
    assert code == 0 and out.startswith("ledger ok")
    with served.engine.begin() as connection:
        connection.execute(sa.text("UPDATE ledger SET actor = 'someone else' WHERE seq = 1"))
    try:
        code, _, err = cli(["ledger", "verify", "--db", served.url], capsys)
        assert code == 1 and "error[S840]: entry 1 was altered" in err
    finally:
        with served.engine.begin() as connection:
            connection.execute(sa.text("UPDATE ledger SET actor = :actor WHERE seq = 1"),
                               {"actor": chain[0]["actor"]})
