"""The cyclic garbage collector paused while a command starts up, for short CLI runs.

    with start_up() as started:
        ...import, load the suite...
        started()  # what is alive now lives for the whole run
        ...read and check the data...

Starting a check allocates a few hundred thousand objects that live as long as the run
(modules, the suite, pandas and pyarrow): the collector's passes over them found
nothing to free and cost 30 ms of a one-proposal check and 0.15-0.25 s of a
10⁶-row one (its full passes walk every live object).  So the collector is off until
`started()`, which moves the objects alive then to the permanent generation
(`gc.freeze`) and turns it back on; leaving the block unfreezes them and restores the
collector's state, so a process that runs many commands (tests) frees what they left.
Imports nothing of ours.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def start_up() -> Iterator[Callable[[], None]]:
    """Yield `started`: call it once start-up is over (or never: the block ends it)."""
    was_enabled = gc.isenabled()
    gc.disable()

    def started() -> None:
        gc.freeze()
        if was_enabled:
            gc.enable()

    try:
        yield started
    finally:
        gc.unfreeze()
        if was_enabled:
            gc.enable()
