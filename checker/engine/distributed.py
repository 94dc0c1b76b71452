"""Beyond one machine: the partitions of a dataset evaluated on a Dask cluster.

In: a checked suite, the record the partitions hold, and one source of record
batches per partition (picklable: a worker reads its own partition, batch by
batch).  Out: an `stream.Accumulator` holding the merged partials, ready to give
the `Result`, and each source's `digest()` (what the data stage needs to check ids
across partitions).  Each worker runs the same streaming code as a single process;
only small partials travel back, and they merge in any order, so the result is the
single-process one byte for byte.  Without a scheduler address, a local cluster of
`WORKERS` processes is started for the run.  The one module that imports Dask
(`pip install plancheck[dask]`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Final, Protocol

from checker.engine.evaluate import MAX_LISTED
from checker.engine.records import RecordBatchLike
from checker.engine.stream import Accumulator, Partials
from checker.types import typed as t

WORKERS: Final = 2  # processes of the local cluster (one thread each)
CONNECT: Final = "10s"  # how long to try reaching a scheduler


class Source(Protocol):
    """One partition's batches, and a summary of its ids once they have been read."""

    def __iter__(self) -> Iterator[RecordBatchLike]: ...

    def digest(self) -> object: ...


class DaskMissing(Exception):
    """Dask is not installed (the `dask` extra)."""


def evaluate_partitions(checked: t.CheckedSuite, record: str, sources: Sequence[Source], *,
                        scheduler: str | None = None, workers: int = WORKERS,
                        max_findings: int | None = MAX_LISTED,
                        progress: Callable[[int, int | None, tuple[int, int]], None]
                        | None = None,
                        expected: int | None = None
                        ) -> tuple[Accumulator, list[object]]:
    """Every partition on the cluster; the partials merged as they arrive, `progress`
    told the rows merged so far (of `expected`) and the partitions done (of all) after
    each partition: rows alone said nothing of how many partitions were still out."""
    merged = Accumulator(checked, record, max_findings=max_findings)
    digests: list[object] = []
    with _client(scheduler, workers) as client:
        from distributed import as_completed

        suite = client.scatter(checked, broadcast=True)
        futures = [client.submit(partition, suite, record, source, max_findings, pure=False)
                   for source in sources]
        for future in as_completed(futures):
            partials, digest = future.result()
            merged.add(partials)
            digests.append(digest)
            if progress is not None:
                progress(merged.rows, expected, (len(digests), len(futures)))
    return merged, digests


def partition(checked: t.CheckedSuite, record: str, source: Source,
              max_findings: int | None) -> tuple[Partials, object]:
    """On a worker: one partition streamed through its own accumulator."""
    accumulator = Accumulator(checked, record, max_findings=max_findings)
    for batch in source:
        accumulator.add_batch(batch)
    return accumulator.partials, source.digest()


@contextmanager
def _client(scheduler: str | None, workers: int) -> Iterator[Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise DaskMissing(str(error)) from error
    if scheduler is not None:
        with Client(scheduler, timeout=CONNECT) as client:
            yield client
        return
    # `dashboard_address=None` still binds the scheduler's HTTP server to 8787, and a
    # second check running at the same time printed distributed's "Port 8787 is already
    # in use" warning on stderr; ":0" takes a free port, so two runs never meet
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=":0", silence_logs=logging.CRITICAL) as cluster, \
            Client(cluster) as client:
        yield client
