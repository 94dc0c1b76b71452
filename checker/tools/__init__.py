"""Tools for authors: fmt, lint, explain, summary, and the plan-text locator.

In: built (and checked) suites and the plan's text.  Out: rewritten files,
L6xx diagnostics, explanations.  Never imports `engine`, `data` or the CLI.
"""
