"""The progress bar: drawn only for a person (a terminal, no --quiet), gone when done."""

from __future__ import annotations

import io

from checker.cli.progress import enabled, progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_enabled_only_on_a_terminal_without_quiet() -> None:
    assert enabled(quiet=False, stream=Terminal())
    assert not enabled(quiet=True, stream=Terminal())
    assert not enabled(quiet=False, stream=io.StringIO())


def test_disabled_progress_writes_nothing() -> None:
    stream = io.StringIO()
    with progress(False, total=3, stream=stream) as tick:
        tick()
        tick(description="evaluating")
        tick(2)
    assert stream.getvalue() == ""


def test_enabled_progress_draws_on_its_stream_and_counts_steps() -> None:
    stream = Terminal()
    with progress(True, total=3, description="loading rules", stream=stream) as tick:
        tick(description="evaluating")
        tick()
    drawn = stream.getvalue()
    assert "evaluating" in drawn or "loading rules" in drawn
    assert "/3" in drawn


def test_progress_without_a_total_is_a_spinner() -> None:
    stream = Terminal()
    with progress(True, total=None, description="reading", stream=stream) as tick:
        tick()
    assert "None" not in stream.getvalue()
