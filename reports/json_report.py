"""The canonical JSON result (deterministic: sorted keys, stable order)."""

from __future__ import annotations

from checker.result import Result
from reports import DEFAULT, Options


def write(result: Result, options: Options = DEFAULT) -> str:
    del options
    return result.to_json()
