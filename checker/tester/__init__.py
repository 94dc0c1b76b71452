"""Tester: a suite's own `test` blocks, their coverage, and the pytest plugin.

In: a checked suite and its `model.Test`s.  Out: `TestCaseResult`s and
`Coverage`.  Runs tests through the engine on givens built in memory (never
through files).  Never imports the CLI.
"""
