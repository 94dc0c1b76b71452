"""The commands as a user runs them: `plancheck serve`, `token`, `ledger verify|recheck`.

One test starts `plancheck serve` as a process — the reviewers' walk-through:
a SQLite ledger, a baseline 10 ha under the cap, tokens from `plancheck token
create`, a farmland proposal reported, twenty 1-ha proposals approved from
twenty threads (ten win, ten get 409), 401, 403, 400.  The others call the
CLI in-process.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from checker.cli.main import main
from checker.serve.office import Office
from tests.serve.conftest import BASELINE, Served, free_port, proposal, serve

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "rules" / "daxing-14th"


def plancheck(*argv: str, **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checker", *argv], capture_output=True,
                          text=True, timeout=120, check=False, cwd=ROOT, **options)  # type: ignore[call-overload]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, str]]:
    url, port = f"sqlite:///{tmp_path / 'ledger.db'}", free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "checker", "serve", "--db", url, "--data", str(BASELINE),
         "--port", str(port), "--log-level", "warning"], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        assert process.poll() is None, process.communicate()[1]
        yield base, url
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_the_reviewers_walk_through(server: tuple[str, str]) -> None:
    base, url = server
    made = {role: plancheck("token", "create", "--role", role, "--db", url)
            for role in ("submitter", "approver")}
    assert all(m.returncode == 0 and m.stdout.startswith("pc_") for m in made.values())
    submitter, approver = (f"Bearer {made[r].stdout.strip()}" for r in ("submitter", "approver"))
    with httpx.Client(base_url=base, timeout=60) as client:
        farm = client.post("/v1/check", headers={"Authorization": submitter},
                           json=proposal("farm", occupies_permanent_basic_farmland=True))
        assert any(o["rule"] == "FARM-01" and o["outcome"] == "fail"
                   for o in farm.json()["outcomes"])
        assert client.post("/v1/check", json=proposal(1)).status_code == 401
        assert client.post("/v1/check", headers={"Authorization": submitter,
                                                 "content-type": "application/json"},
                           content=b"{oops").status_code == 400
        numbers = [client.post("/v1/proposals", headers={"Authorization": submitter},
                               json=proposal(i)).json()["id"] for i in range(20)]
        assert client.post(f"/v1/proposals/{numbers[0]}/approve",
                           headers={"Authorization": submitter}).status_code == 403

    def approve(number: int) -> int:
        with httpx.Client(base_url=base, timeout=60) as own:
            return own.post(f"/v1/proposals/{number}/approve",
                            headers={"Authorization": approver}).status_code

    with ThreadPoolExecutor(20) as pool:
        codes = list(pool.map(approve, numbers))
    assert Counter(codes) == {200: 10, 409: 10}
    verified = plancheck("ledger", "verify", "--db", url)
    assert verified.returncode == 0, verified.stderr
    assert verified.stdout == "ledger ok: 40 entries, chain and head intact\n"


@pytest.fixture
def served(office: Office, tmp_path: Path) -> Iterator[Served]:
    yield from serve(office, f"sqlite:///{tmp_path / 'ledger.db'}")


def test_token_list_and_revoke(served: Served, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["token", "create", "--role", "approver", "--name", "王科长",
                 "--db", served.url]) == 0
    token = capsys.readouterr().out.strip()
    assert main(["token", "list", "--db", served.url]) == 0
    listed = capsys.readouterr().out
    assert "王科长" in listed and token not in listed
    number = next(line.split("\t")[0] for line in listed.splitlines() if "王科长" in line)
    with httpx.Client(base_url=served.base, headers={"Authorization": f"Bearer {token}"}) as c:
        assert c.get("/v1/quotas").status_code == 200
        assert main(["token", "revoke", number, "--db", served.url]) == 0
        assert c.get("/v1/quotas").status_code == 401
    assert main(["token", "revoke", number, "--db", served.url]) == 2
    assert "error[S811]" in capsys.readouterr().err


def test_recheck_lists_the_approvals_new_rules_would_fail(
        served: Served, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with served.client("submitter") as submitter, served.client("approver") as approver:
        for number, zone in enumerate(("其他", "农业地区", "其他")):
            made = submitter.post("/v1/proposals", json=proposal(number, "3 ha", zone=zone))
            assert approver.post(f"/v1/proposals/{made.json()['id']}/approve").status_code == 200
    new = tmp_path / "new-rules"
    shutil.copytree(BUNDLED, new)
    projects = new / "projects.rules"
    projects.write_text(projects.read_text(encoding="utf-8").replace(
        "sum(new_construction_land) <= 319 km2", "sum(new_construction_land) <= 318.95 km2")
        + '\nrule ZONE-99 "农业地区不新增建设用地" {\n  cite "第五章 四 (一)" line 357: '
        '"坚持最严耕地保护制度"\n  kind binding because "a what-if"\n  for each project\n'
        "  where zone == 农业地区\n  require new_construction_land <= 0 km2\n}\n",
        encoding="utf-8")
    code = main(["ledger", "recheck", "--db", served.url, "--rules", str(new),
                 "--data", str(BASELINE)])
    out = capsys.readouterr().out
    assert code == 1
    assert "fail  #2 P-1" in out and "ZONE-99" in out
    assert "over  LAND-02: cap 318.95 km², used 318.99 km², remaining -0.04 km²" in out
    assert main(["ledger", "recheck", "--db", served.url, "--data", str(BASELINE)]) == 0
    assert capsys.readouterr().out.endswith("every approval still holds\n")


def test_without_the_extra_the_command_says_what_to_install(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "fastapi" else real(name, *a))
    assert main(["serve"]) == 2
    err = capsys.readouterr().err
    assert "error[S800]" in err and "pip install 'plancheck[serve]'" in err
