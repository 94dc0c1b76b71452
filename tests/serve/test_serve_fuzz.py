"""An OpenAPI-driven fuzz of the running API (schemathesis): no input gets a 500.

Schemathesis reads `/openapi.json` — whose request bodies are the suite's own
record schema — and sends generated requests, valid (positive) and invalid (negative), to every
operation, as an approver (who may call all of them).  Any 5xx fails the test;
so does a response that is not JSON.  Bounded: a few dozen cases per operation.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.serve.office import Office
from tests.serve.conftest import Served, serve

schemathesis = pytest.importorskip("schemathesis", reason="the fuzz test needs schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402


@pytest.fixture(scope="module")
def fuzzed(office: Office, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder: Path = tmp_path_factory.mktemp("fuzz")
    yield from serve(office, f"sqlite:///{folder / 'ledger.db'}")


def operations(served: Served) -> list[object]:
    loaded = schemathesis.openapi.from_url(served.base + "/openapi.json")
    return [result.ok() for result in loaded.get_all_operations()]


def test_no_request_gets_a_server_error(fuzzed: Served) -> None:
    headers = {"Authorization": f"Bearer {fuzzed.tokens['approver']}"}
    found = operations(fuzzed)
    assert len(found) >= 10  # every route of /v1, /healthz

    cases = [(operation, mode) for operation in found
             for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)]
    for operation, mode in cases:
        @settings(max_examples=20, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy(generation_mode=mode))  # type: ignore[attr-defined]
        def call(case: object) -> None:
            response = case.call(headers=headers)  # type: ignore[attr-defined]
            where = f"{case.method} {case.formatted_path}"  # type: ignore[attr-defined]
            assert response.status_code < 500, f"{where}: {response.text}"
            kind = response.headers.get("content-type", [""])  # a list of values
            kind = kind[0] if isinstance(kind, list) else kind
            assert kind.startswith("application/json"), f"{where}: {kind} {response.text}"

        try:
            call()
        except Unsatisfiable:  # nothing of this operation can be made invalid (no parameters)
            assert mode == GenerationMode.NEGATIVE
