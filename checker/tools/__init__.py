"""Tools for authors: fmt, lint, explain, summary, the plan-text locator, and the
language server (`lsp`, which also reads the tests' givens from `tester.givens`).

In: built (and checked) suites and the plan's text.  Out: rewritten files,
L6xx diagnostics, explanations.  Never imports `engine`, `data` or the CLI.
"""
