"""Engine: a checked suite + loaded frames -> outcomes with evidence (the `Result`).

In: `typecheck.typed.CheckedSuite`, record batches and plan data as frames
handed over by the pipeline.  Out: `result.Result`.  Vectorized over numpy,
three-valued (Kleene) logic.  Imports `typecheck`, `result` and the rule model's
data types; never `data` (loading), the parser, z3 or the CLI.
"""
