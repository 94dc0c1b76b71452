"""Pipeline: everything behind `plancheck check` and `checker.check(...)`.

In: data files (proposals and plan data), a suite, an as-of year, a fail-on
level.  Out: the canonical `Result`.  Bad rules or data raise
`DiagnosticError` with every diagnostic; a failing proposal is an outcome.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from checker import result as r
from checker.data.load import classify, load_plan_data, load_records
from checker.diagnostics import Diagnostic, DiagnosticError
from checker.engine.evaluate import MAX_FINDINGS, evaluate
from checker.source import Span
from checker.syntax.suite import LoadedSuite, load_suite
from checker.types import typed as t
from checker.types.typecheck import check_or_raise


def check(files: Sequence[str | Path], rules: Sequence[str | Path] | None = None, *,
          as_of: int | None = None, fail_on: r.FailOn = "error", record: str | None = None,
          max_findings: int | None = MAX_FINDINGS, loaded: LoadedSuite | None = None
          ) -> r.Result:
    """Check proposals and plan data against a suite (the bundled Daxing suite by default)."""
    suite = loaded or load_suite(rules)
    checked = check_or_raise(suite.suite, suite.sources)
    return check_with(checked, files, as_of=as_of, fail_on=fail_on, record=record,
                      max_findings=max_findings)


def check_with(checked: t.CheckedSuite, files: Sequence[str | Path], *,
               as_of: int | None = None, fail_on: r.FailOn = "error",
               record: str | None = None, max_findings: int | None = MAX_FINDINGS
               ) -> r.Result:
    paths = [Path(f) for f in files]
    problems = [_path_problem(p) for p in paths if not p.is_file()]
    if problems:
        raise DiagnosticError(problems)
    if as_of is not None and not 1900 <= as_of <= 2200:
        raise DiagnosticError([Diagnostic("D300", f"`--as-of {as_of}` is not a year",
                                          help="write a year such as `2023`")])
    kinds = {p: classify(p) for p in paths}
    record_paths = [p for p in paths if kinds[p] == "records"]
    data_paths = [p for p in paths if kinds[p] == "plan_data"]
    schema = _schema(checked, record) if record_paths else None
    batches = {}
    inputs: list[r.Input] = []
    if schema is not None:
        batch = load_records(record_paths, schema, checked.units)
        batches[schema.name] = batch
        inputs.append(r.Input(path=", ".join(str(p) for p in record_paths), kind="records",
                              rows=len(batch.frame)))
    data = None
    if data_paths:
        data = load_plan_data(data_paths, checked.indicators, checked.units)
        inputs.append(r.Input(path=", ".join(str(p) for p in data_paths), kind="plan_data",
                              rows=len(data.frame)))
    return evaluate(checked, batches, data, as_of=as_of, fail_on=fail_on, inputs=inputs,
                    max_findings=max_findings)


def _path_problem(path: Path) -> Diagnostic:
    where = Span(str(path), 0, 0, 0, 0)
    if path.is_dir():
        return Diagnostic("D300", f"`{path}` is a folder, not a data file", where,
                          help="name the files: proposals (YAML, JSON, CSV, XLSX, Parquet) "
                          "and plan-data tables")
    return Diagnostic("D300", f"no such file `{path}`", where, help="check the path")


def _schema(checked: t.CheckedSuite, record: str | None) -> t.RecordSchema:
    if record is not None:
        if record not in checked.schemas:
            raise DiagnosticError([Diagnostic("D300", f"unknown record `{record}`",
                                              help="the suite declares: "
                                              + ", ".join(sorted(checked.schemas)))])
        return checked.schemas[record]
    if len(checked.schemas) != 1:
        raise DiagnosticError([Diagnostic(
            "D300", "proposals given, but the suite declares "
            f"{len(checked.schemas)} record schemas",
            help="name the record with `--record NAME`" if checked.schemas
            else "declare a `record` in the suite")])
    return next(iter(checked.schemas.values()))
