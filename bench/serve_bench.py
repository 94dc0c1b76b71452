"""Benchmark: `POST /v1/check` of one proposal on a running `plancheck serve` (not a test).

Starts `plancheck serve` as a process on 127.0.0.1 (a free port, a SQLite
ledger in a temporary folder, the bundled suite, the example monitoring data),
makes a token with `plancheck token create`, and measures in the same run:

* in-process: `checker.check([proposal.yaml, data.csv], loaded=suite)` — the
  public API, as a script would call it (typechecks the suite, reads the data,
  evaluates every rule) — and `Office.check(body)`, the same work the server
  does for a request (suite held, proposal rules only), without HTTP;
* serial:     `/v1/check` of the same proposal, one client, one request at a time;
* 50 clients: 50 threads, each with its own connection, sending requests at once.

It prints checks/s and p50/p99 latency of each, the ratios to the in-process
calls, and the number of failed requests (target: p99 < 50 ms serial, no error
under 50 clients).  Bounded: a fixed number of requests, loopback only.

    .venv/bin/python bench/serve_bench.py [--requests 300] [--clients 50] [--per-client 10]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import checker  # noqa: E402
from checker.serve.office import Office  # noqa: E402
from checker.syntax.suite import load_suite  # noqa: E402

PROPOSAL = ROOT / "examples" / "proposals" / "airport-logistics.yaml"
DATA = ROOT / "examples" / "data" / "daxing-monitoring-2023.csv"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(name: str, seconds: list[float], wall: float, base: float | None = None) -> float:
    rate = len(seconds) / wall
    p50, p99 = percentile(seconds, 0.5) * 1000, percentile(seconds, 0.99) * 1000
    ratio = f"   {rate / base:5.2f}× checker.check" if base else ""
    print(f"{name:<28} {rate:8.1f} checks/s   p50 {p50:6.1f} ms   p99 {p99:6.1f} ms{ratio}")
    return rate


def timed(call: Callable[[], object], count: int) -> tuple[list[float], float]:
    seconds = []
    start = time.perf_counter()
    for _ in range(count):
        begin = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - begin)
    return seconds, time.perf_counter() - start


def serve(folder: Path, port: int) -> subprocess.Popen[str]:
    url = f"sqlite:///{folder / 'ledger.db'}"
    process = subprocess.Popen(
        [sys.executable, "-m", "checker", "serve", "--db", url, "--data", str(DATA), "--port",
         str(port), "--log-level", "warning"], cwd=ROOT, text=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start: " + (process.stderr.read() if process.stderr
                                                     else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--per-client", type=int, default=10)
    args = parser.parse_args()
    body = PROPOSAL.read_bytes()
    loaded = load_suite(None)
    office = Office.open(None, [DATA])
    checker.check([PROPOSAL, DATA], loaded=loaded)
    office.check(body, ".yaml")
    api, api_wall = timed(lambda: checker.check([PROPOSAL, DATA], loaded=loaded),
                          max(args.requests // 5, 20))
    core, core_wall = timed(lambda: office.check(body, ".yaml"), args.requests)
    with tempfile.TemporaryDirectory() as folder:
        port = free_port()
        process = serve(Path(folder), port)
        try:
            token = subprocess.run(
                [sys.executable, "-m", "checker", "token", "create", "--role", "submitter",
                 "--db", f"sqlite:///{Path(folder) / 'ledger.db'}"], cwd=ROOT, check=True,
                capture_output=True, text=True).stdout.strip()
            headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/yaml"}
            base = f"http://127.0.0.1:{port}"
            with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
                for _ in range(10):
                    client.post("/v1/check", content=body).raise_for_status()
                serial, serial_wall = timed(
                    lambda: client.post("/v1/check", content=body).raise_for_status(),
                    args.requests)
            many, many_wall, errors = concurrent(base, headers, body, args.clients,
                                                 args.per_client)
        finally:
            process.terminate()
            process.wait(timeout=30)
    print(f"one proposal ({PROPOSAL.name}) against the bundled suite, plan data "
          f"{DATA.name}; {os.cpu_count()} cores")
    base_rate = report("checker.check (in-process)", api, api_wall)
    core_rate = report("Office.check (in-process)", core, core_wall, base_rate)
    report("POST /v1/check, 1 client", serial, serial_wall, base_rate)
    report(f"POST /v1/check, {args.clients} clients", many, many_wall, base_rate)
    print(f"over HTTP (auth, body, JSON) one client gets "
          f"{len(serial) / serial_wall / core_rate:.0%} of Office.check's throughput")
    print(f"failed requests under {args.clients} clients: {errors} of "
          f"{args.clients * args.per_client}")
    print(f"serial p99 {percentile(serial, 0.99) * 1000:.1f} ms (target < 50 ms); "
          f"the server is {len(serial) / serial_wall / base_rate:.1f}× checker.check")


def concurrent(base: str, headers: dict[str, str], body: bytes, clients: int,
               per_client: int) -> tuple[list[float], float, int]:
    seconds: list[float] = []
    errors = [0]
    lock = threading.Lock()
    barrier = threading.Barrier(clients)

    def run() -> None:
        with httpx.Client(base_url=base, headers=headers, timeout=120) as client:
            barrier.wait()
            for _ in range(per_client):
                begin = time.perf_counter()
                try:
                    ok = client.post("/v1/check", content=body).status_code == 200
                except httpx.HTTPError:
                    ok = False
                with lock:
                    seconds.append(time.perf_counter() - begin)
                    errors[0] += not ok

    threads = [threading.Thread(target=run) for _ in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return seconds, time.perf_counter() - start, errors[0]


if __name__ == "__main__":
    main()
