"""Data: files -> typed frames, or D3xx diagnostics (the data boundary).

In: paths of proposals (YAML, JSON, CSV, XLSX, Parquet) and plan-data tables,
with the checked suite's schemas, indicators and units.  Out: `RecordBatch` and
`PlanData` with nullable columns (`load.load`, the one entry), or one
`DiagnosticError` carrying every file's diagnostics.  Imports `typecheck` and
below; never `engine`, `analysis` or the CLI.
"""
