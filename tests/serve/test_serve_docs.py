"""The S8xx examples of docs/diagnostics.md are what a running server answers.

For each code whose example has no moving parts, the request that causes it is
sent and the answer's `text` (what the CLI would print) is compared with the
document's block.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from checker.serve.office import Office
from tests.serve.conftest import Served, proposal, serve

DOC = Path(__file__).resolve().parents[2] / "docs" / "diagnostics.md"
HEADING = re.compile(r"^### (S8\d\d)\b", re.MULTILINE)
BLOCK = re.compile(r"^```text\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def documented() -> dict[str, str]:
    """Code -> the first `text` block of its section."""
    text = DOC.read_text(encoding="utf-8")
    heads = list(HEADING.finditer(text))
    found = {}
    for head, after in zip(heads, [*heads[1:], None], strict=True):
        section = text[head.end(): after.start() if after else len(text)]
        block = BLOCK.search(section)
        if block is not None:
            found[head.group(1)] = block.group(1)
    return found


@pytest.fixture(scope="module")
def served(office: Office, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    yield from serve(office, f"sqlite:///{tmp_path_factory.mktemp('docs') / 'ledger.db'}")


Ask = Callable[[Served], httpx.Response]
ASKED: dict[str, Ask] = {
    "S804": lambda s: s.client("admin").get("/v2/nothing"),
    "S805": lambda s: s.client("admin").delete("/v1/quotas"),
    "S810": lambda s: s.client().get("/v1/quotas"),
    "S811": lambda s: httpx.get(s.base + "/v1/quotas", headers={"Authorization": "Bearer x"}),
    "S812": lambda s: s.client("submitter").post("/v1/proposals/1/approve"),
    "S820": lambda s: s.client("admin").post("/v1/check", content=b" " * (2 << 20)),
    "S821": lambda s: s.client("admin").post("/v1/check", content=b"x",
                                             headers={"content-type": "text/plain"}),
    "S822": lambda s: s.client("admin").post("/v1/proposals", json=[proposal(1), proposal(2)]),
    "S823": lambda s: s.client("admin").get("/v1/proposals/abc"),
    "S830": lambda s: s.client("admin").get("/v1/proposals/999"),
}


@pytest.mark.parametrize("code", sorted(ASKED))
def test_the_documented_answer_is_the_answer(served: Served, code: str) -> None:
    answer = ASKED[code](served)
    shown = answer.json()["text"]
    assert answer.json()["diagnostics"][0]["code"] == code
    assert shown == documented()[code] + "\n1 error\n"
