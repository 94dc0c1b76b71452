"""The canonical JSON result (deterministic: sorted keys, stable order)."""

from __future__ import annotations

from checker.result import Result


def write(result: Result, color: bool = False) -> str:
    del color
    return result.to_json()
