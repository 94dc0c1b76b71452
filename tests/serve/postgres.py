"""A throwaway PostgreSQL server for the tests: initdb + pg_ctl on a temporary folder.

Used two ways, with the standard library only:

* `python3 tests/serve/postgres.py start DIR` (what `.ci/run` does) starts a
  server whose data lives in DIR, listening on 127.0.0.1 on a free port, and
  prints its URL (`postgresql://postgres@127.0.0.1:PORT/postgres`);
  `python3 tests/serve/postgres.py stop DIR` stops it;
* `start(DIR)` from the test fixtures, when no `PLANCHECK_TEST_PG_URL` is set.

PostgreSQL refuses to run as root: as root, the server runs as the `postgres`
user (Debian's package creates it) through `runuser`.  Needs Debian's
`postgresql` package (its binaries are under /usr/lib/postgresql/N/bin).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path


class Unavailable(Exception):
    """No PostgreSQL server can be started here; the message says why."""


def binaries() -> Path:
    for name in ("initdb", "pg_ctl"):
        found = shutil.which(name)
        if found and Path(found).resolve().parent.joinpath("pg_ctl").exists():
            return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not candidates:
        raise Unavailable("PostgreSQL is not installed (Debian: `apt-get install postgresql`)")
    return Path(candidates[-1]).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_owner(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    if shutil.which("runuser") is None:
        raise Unavailable("running as root without `runuser`: cannot start PostgreSQL")
    return ["runuser", "-u", "postgres", "--", *command]


def start(folder: Path) -> str:
    """Start a server with its data in `folder`; its URL."""
    bin_dir = binaries()
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    port = free_port()
    run = {"check": True, "capture_output": True, "text": True, "timeout": 120}
    try:
        subprocess.run(_as_owner([str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres",
                                  "--auth=trust", "-E", "UTF8", "--no-instructions"]), **run)
        options = (f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories="
                   f"{folder} -c fsync=off -c synchronous_commit=off -c max_connections=200")
        subprocess.run(_as_owner([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options,
                                  "-l", str(folder / "server.log"), "-w", "start"]), **run)
    except (subprocess.CalledProcessError, OSError, KeyError) as error:
        detail = getattr(error, "stderr", "") or str(error)
        raise Unavailable(f"could not start PostgreSQL: {detail.strip()[:300]}") from None
    _wait(port)
    (folder / "url").write_text(f"postgresql://postgres@127.0.0.1:{port}/postgres")
    return (folder / "url").read_text()


def _wait(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise Unavailable(f"PostgreSQL did not listen on port {port}")


def stop(folder: Path) -> None:
    data = folder / "data"
    if data.exists():
        subprocess.run(_as_owner([str(binaries() / "pg_ctl"), "-D", str(data), "-m", "fast",
                                  "-w", "stop"]), capture_output=True, timeout=60, check=False)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("start", "stop"):
        sys.exit("usage: postgres.py start|stop DIR")
    where = Path(sys.argv[2])
    try:
        print(start(where) if sys.argv[1] == "start" else "", end="")
        if sys.argv[1] == "stop":
            stop(where)
    except Unavailable as problem:
        sys.exit(f"postgres.py: {problem}")
