"""A progress bar on stderr for long runs, off when stderr is not a terminal or with --quiet.

    with progress(enabled(quiet=args.quiet), total=3, description="loading rules") as tick:
        ...; tick(description="loading data")
        ...; tick(description="evaluating")

`tick(advance=1, description=None)` moves the bar on (and renames the step).  Disabled, the
context manager yields a tick that does nothing, so callers need no branches.  The bar is
transient: it disappears when the block ends, leaving stderr for diagnostics.  Imports
nothing of ours.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol, TextIO


class Tick(Protocol):
    def __call__(self, advance: int = 1, description: str | None = None) -> None: ...


def enabled(quiet: bool = False, stream: TextIO | None = None) -> bool:
    """Show progress only to a person: not with --quiet, not when stderr is redirected."""
    target = stream if stream is not None else sys.stderr
    return not quiet and bool(getattr(target, "isatty", lambda: False)())


def _nothing(advance: int = 1, description: str | None = None) -> None:
    del advance, description


@contextmanager
def progress(on: bool, total: int | None = None, description: str = "checking", *,
             stream: TextIO | None = None) -> Iterator[Tick]:
    """Yield a `tick`; draw a bar on `stream` (stderr) only when `on`."""
    if not on:
        yield _nothing
        return
    from rich.console import Console  # only when a bar is drawn: keeps start-up fast
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    console = Console(file=stream if stream is not None else sys.stderr, force_terminal=on)
    columns: list[ProgressColumn] = [SpinnerColumn(), TextColumn("{task.description}")]
    if total is not None:
        columns += [BarColumn(), MofNCompleteColumn()]
    columns.append(TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(description, total=total)

        def tick(advance: int = 1, description: str | None = None) -> None:
            if description is None:
                bar.advance(task, advance)
            else:
                bar.update(task, advance=advance, description=description)

        yield tick
