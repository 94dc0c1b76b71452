"""`plancheck check --engine dask`: the pipeline with the proposals' partitions on a cluster.

In: data arguments (Parquet files, folders of them or globs, and plan-data tables), a
checked suite, a scheduler address or None (a local cluster).  Out: the `Result` of
the single-process run over the same files, byte for byte.  The data stage lists and
reads the partitions, the engine evaluates them on the workers (`engine.distributed`);
this module only joins the two, like `pipeline` does.  Input with any problem is
loaded whole here, so that its diagnostics are the single-process ones.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from pathlib import Path

from checker import result as r
from checker.diagnostics import Diagnostic, DiagnosticError
from checker.engine.evaluate import MAX_LISTED
from checker.types import typed as t

__all__ = ["check_dask"]


def check_dask(checked: t.CheckedSuite, paths: Sequence[Path], scheduler: str | None,
               *, as_of: int | None = None, fail_on: r.FailOn = "error",
               record: str | None = None, max_findings: int | None = MAX_LISTED,
               strict: bool = False, cutoff: datetime.date | None = None,
               progress: Callable[[int, int | None, tuple[int, int]], None] | None = None
               ) -> r.Result | None:
    """The run on the cluster, or None: run `paths` in one process (small or other
    formats, or a problem, which that run reports).  `progress`: told the rows checked
    of those expected and the partitions done of all, after each partition (the batch
    path's writer)."""
    from checker.data.batches import BATCH_ROWS, Fallback, plan_stream
    from checker.engine.distributed import DaskMissing, evaluate_partitions

    plan = plan_stream(paths, checked.schemas, checked.indicators, checked.units,
                       record=record, batch_rows=BATCH_ROWS, strict=strict)
    if plan is None:
        return None
    try:
        merged, digests = evaluate_partitions(
            checked, plan.records.schema.name, plan.records.split(), scheduler=scheduler,
            max_findings=max_findings, progress=progress,
            expected=plan.records.expected_rows() if progress is not None else None)
        from checker.data.batches import distinct_across

        distinct_across(digests)  # type: ignore[arg-type]
    except Fallback:
        return None
    except DaskMissing as error:
        raise DiagnosticError([Diagnostic(
            "D300", f"`--engine dask` needs Dask, which is not installed ({error})",
            help="install it with `pip install 'plancheck[dask]'`")]) from error
    except OSError as error:  # no scheduler at that address, or it went away
        where = f"the Dask scheduler at `{scheduler}`" if scheduler else "the local Dask cluster"
        raise DiagnosticError([Diagnostic(
            "D300", f"cannot run on {where}: {str(error).strip().lower() or 'no answer'}",
            help="check the address (`tcp://HOST:8786`) and that the scheduler is running")]
        ) from error
    return merged.result(plan.plan_data, as_of=as_of, fail_on=fail_on,
                         inputs=plan.inputs(merged.rows), cutoff=cutoff)
