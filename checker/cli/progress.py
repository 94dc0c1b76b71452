"""A progress bar on stderr for long runs, off when stderr is not a terminal or with --quiet.

    with progress(enabled(quiet=args.quiet), total=3, description="loading rules") as tick:
        ...; tick(description="loading data")
        ...; tick(description="evaluating")

`tick(advance=1, description=None)` moves the bar on (and renames the step).  Disabled, the
context manager yields a tick that does nothing, so callers need no branches.  The bar is
transient: it disappears when the block ends, leaving stderr for diagnostics.

A streamed `check` also reports rows: `RowMeter` is the pipeline's progress callback and
words each batch as `checked 262,144 of 1,000,000 rows (26%), about 7 s left` (on Dask
with `, 3 of 8 partitions` after the rows) — in the
bar's step on a terminal, else (`check --progress`) as a line of its own on stderr, so a
CI log shows it and machine output on stdout never does.  Imports nothing of ours.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
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


def rows_line(rows: int, total: int | None, elapsed: float,
              parts: tuple[int, int] | None = None) -> str:
    """How far a streamed run is, and (from the rate so far) how long it still needs; on
    Dask also the partitions done of all (`parts`)."""
    of_parts = f", {parts[0]:,} of {parts[1]:,} partitions" if parts is not None else ""
    if total is None or total <= 0:
        return f"checked {rows:,} rows{of_parts}"
    total = max(total, rows)  # blank rows and estimates: never past 100 %
    line = f"checked {rows:,} of {total:,} rows ({100 * rows // total}%){of_parts}"
    if 0 < rows < total and elapsed > 0:
        line += f", about {_duration(elapsed * (total - rows) / rows)} left"
    return line


def _duration(seconds: float) -> str:
    whole = max(round(seconds), 1)
    if whole < 60:
        return f"{whole} s"
    minutes, rest = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes} min {rest} s" if rest else f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"


class RowMeter:
    """The pipeline's `progress` callback: each batch into the bar's step (`tick`), or as a
    line on `stream` when there is no bar."""

    def __init__(self, tick: Tick | None, stream: TextIO | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.tick, self.stream, self.clock = tick, stream, clock
        self.start = clock()

    def __call__(self, rows: int, total: int | None,
                 parts: tuple[int, int] | None = None) -> None:
        line = rows_line(rows, total, self.clock() - self.start, parts)
        if self.tick is not None:
            self.tick(0, description=line)
            return
        stream = self.stream if self.stream is not None else sys.stderr
        print(line, file=stream, flush=True)
