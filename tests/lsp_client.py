"""A small language-server client for tests: drives the real `plancheck lsp` process.

JSON-RPC 2.0 over the server's stdin/stdout with `Content-Length` framing, as an
editor speaks it.  A reader thread parses frames into a queue; `request` waits
for the response with its id (keeping the notifications that arrive meanwhile),
`notifications` waits for a server notification such as
`textDocument/publishDiagnostics`.  Every wait is bounded, so a hung server fails
a test instead of hanging it.
"""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TIMEOUT = 20.0  # seconds for any one answer
BUNDLED = Path(__file__).resolve().parent.parent / "rules" / "daxing-14th"


def bundled_copy(folder: Path) -> Path:
    """A copy of the bundled suite (its plan.txt beside it) in `folder`, as a user's suite."""
    copy = folder / "my-suite"
    shutil.copytree(BUNDLED, copy)
    return copy


class ServerDied(AssertionError):
    pass


class LspClient:
    def __init__(self, cwd: Path, command: list[str] | None = None) -> None:
        self.process = subprocess.Popen(
            command or [sys.executable, "-m", "checker", "lsp", "--stdio"], cwd=cwd,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.pending: list[dict[str, Any]] = []  # notifications and requests not yet read
        self.next_id = 0
        self.stderr = b""
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    # -------------------------------------------------------------- wire
    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        try:
            while True:
                headers: dict[str, str] = {}
                while True:
                    line = stream.readline()
                    if not line:
                        return
                    if line in (b"\r\n", b"\n"):
                        break
                    key, _, value = line.decode("ascii").partition(":")
                    headers[key.strip().lower()] = value.strip()
                body = stream.read(int(headers["content-length"]))
                self.messages.put(json.loads(body.decode("utf-8")))
        finally:
            self.messages.put(None)

    def _drain_stderr(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.stderr += line

    def send_raw(self, body: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def send(self, message: dict[str, Any]) -> None:
        self.send_raw(json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False)
                      .encode("utf-8"))

    def _next(self, deadline: float) -> dict[str, Any]:
        try:
            message = self.messages.get(timeout=max(deadline - time.monotonic(), 0.01))
        except queue.Empty:
            raise AssertionError("no answer from the server in time") from None
        if message is None:
            raise ServerDied(f"the server closed its output; stderr:\n{self.stderr.decode()}")
        if "id" in message and "method" in message:  # a request from the server: answer it
            self.send({"id": message["id"], "result": None})
        return message

    # -------------------------------------------------------------- calls
    def request(self, method: str, params: Any, timeout: float = TIMEOUT) -> dict[str, Any]:
        """The whole response (with `result` or `error`)."""
        self.next_id += 1
        ident = self.next_id
        self.send({"id": ident, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while True:
            message = self._next(deadline)
            if message.get("id") == ident and "method" not in message:
                return message
            self.pending.append(message)

    def result(self, method: str, params: Any) -> Any:
        response = self.request(method, params)
        assert "error" not in response, response
        return response["result"]

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def notification(self, method: str, accept: Callable[[dict[str, Any]], bool] = lambda p: True,
                     timeout: float = TIMEOUT) -> dict[str, Any]:
        """The params of the first (kept or next) notification `method` that `accept`s."""
        for index, message in enumerate(self.pending):
            if message.get("method") == method and accept(message["params"]):
                del self.pending[index]
                return dict(message["params"])
        deadline = time.monotonic() + timeout
        while True:
            message = self._next(deadline)
            if message.get("method") == method and accept(message["params"]):
                return dict(message["params"])
            self.pending.append(message)

    # -------------------------------------------------------------- the session
    def initialize(self, folder: Path) -> dict[str, Any]:
        uri = folder.as_uri()
        result = self.result("initialize", {
            "processId": None, "rootUri": uri, "capabilities": {
                "textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]},
                                 "publishDiagnostics": {"relatedInformation": True}}},
            "workspaceFolders": [{"uri": uri, "name": folder.name}]})
        self.notify("initialized", {})
        return dict(result)

    def open(self, path: Path, text: str | None = None) -> str:
        uri = path.as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "plancheck", "version": 1,
            "text": path.read_text(encoding="utf-8") if text is None else text}})
        return uri

    def diagnostics(self, uri: str, accept: Callable[[list[dict[str, Any]]], bool] = lambda d: True
                    ) -> list[dict[str, Any]]:
        params = self.notification("textDocument/publishDiagnostics",
                                   lambda p: p["uri"] == uri and accept(p["diagnostics"]))
        return list(params["diagnostics"])

    def close(self) -> int:
        """shutdown, exit; the server's exit code."""
        if self.process.poll() is None:
            try:
                self.request("shutdown", None, timeout=5)
                self.notify("exit", None)
            except (AssertionError, OSError):
                pass
        try:
            return self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()
